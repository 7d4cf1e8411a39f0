"""How long employers take to reply, from scipy.stats, with plain-language labels.

:func:`reply_curve`: the Kaplan–Meier estimate of the share of applications with a reply by
each day (``scipy.stats.ecdf`` of ``scipy.stats.CensoredData``): a reply is the event, an
application still waiting is censored at its age. Its median and the share replied within
14 or 30 days come with 95% intervals.
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from analysis.core.stats import MIN_N


@dataclass(frozen=True)
class Share:
    """An estimated share with its 95% interval (``value`` None when it cannot be estimated)."""

    value: float | None
    low: float | None
    high: float | None

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"value": self.value, "ci95": None if self.value is None else [self.low, self.high]}


@dataclass(frozen=True)
class DaysEstimate:
    """A number of days with its 95% interval (``high`` None when unbounded yet) and the n behind it."""

    value: float | None
    low: float | None
    high: float | None
    n: int

    @property
    def too_few(self) -> bool:
        """True below :data:`MIN_N` observations, or without an estimate."""
        return self.n < MIN_N or self.value is None

    def label(self) -> str:
        """ "16 days (n=83)", or "too few to tell (n=3)"."""
        if self.too_few:
            return f"too few to tell (n={self.n})"
        return f"{self.value:g} days (n={self.n})"


@dataclass(frozen=True)
class ReplyCurve:
    """Kaplan–Meier estimate of the share of applications with a reply after each day.

    ``days`` are the days on which replies came; ``replied``/``low``/``high`` the estimated
    share replied by then and its 95% pointwise interval (log-log). ``median_days`` is None
    while fewer than half are estimated to have replied ("not reached yet"); its interval
    (``median_low``, ``median_high``) holds the days where the share's interval contains one
    half (``median_high`` None when that day has not come yet). ``followed_days`` is the
    longest any application has been followed: the curve says nothing beyond it.
    """

    applications: int
    replies: int
    days: tuple[float, ...]
    replied: tuple[float, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]
    median_days: float | None
    median_low: float | None
    median_high: float | None
    followed_days: float

    @property
    def too_few(self) -> bool:
        """True below :data:`MIN_N` replies."""
        return self.replies < MIN_N

    def replied_within(self, days: float) -> Share:
        """The estimated share with a reply within ``days`` days, with its 95% interval
        (None beyond the longest follow-up, where the curve knows nothing)."""
        if days > self.followed_days or self.applications == 0:
            return Share(None, None, None)
        position = int(np.searchsorted(self.days, days, side="right")) - 1
        if position < 0:
            return Share(0.0, 0.0, 0.0)
        return Share(self.replied[position], self.low[position], self.high[position])

    def median(self) -> DaysEstimate:
        """The median days to a reply with its interval; n is the number of replies."""
        return DaysEstimate(self.median_days, self.median_low, self.median_high, self.replies)

    def median_label(self) -> str:
        """ "12 days (95% CI 9–16)", "not reached yet", or "too few to tell (n=3 replies)"."""
        if self.too_few:
            return f"too few to tell (n={self.replies} replies)"
        if self.median_days is None:
            return "not reached yet: fewer than half have had a reply"
        if self.median_high is None:
            return f"{self.median_days:g} days (95% CI {self.median_low:g} days to no upper limit yet)"
        return f"{self.median_days:g} days (95% CI {self.median_low:g}–{self.median_high:g})"


def _first_day_at_or_below_half(days: np.ndarray, waiting: np.ndarray) -> float | None:
    """The first day on which the share still waiting is at most one half."""
    below = np.flatnonzero(waiting <= 0.5 + 1e-12)
    return float(days[below[0]]) if len(below) else None


def reply_curve(days_to_reply: Sequence[float], days_waiting: Sequence[float]) -> ReplyCurve:
    """The Kaplan–Meier reply curve of applications that replied after ``days_to_reply`` days
    and of those still waiting after ``days_waiting`` days (censored)."""
    replied_after = np.asarray(days_to_reply, dtype=float)
    waiting_for = np.asarray(days_waiting, dtype=float)
    applications = len(replied_after) + len(waiting_for)
    followed = float(max(replied_after.max(initial=0), waiting_for.max(initial=0)))
    if len(replied_after) == 0:
        return ReplyCurve(applications, 0, (), (), (), (), None, None, None, followed)
    estimate = stats.ecdf(stats.CensoredData(uncensored=replied_after, right=waiting_for)).sf
    with warnings.catch_warnings():  # undefined where every application has replied: read as 0 there, below
        warnings.simplefilter("ignore", RuntimeWarning)
        interval = estimate.confidence_interval(0.95, method="log-log")
    times = estimate.quantiles
    waiting = estimate.probabilities
    events = np.isin(times, replied_after)  # the curve steps only where replies came
    times, waiting = times[events], waiting[events]
    waiting_low = np.nan_to_num(interval.low.probabilities[events], nan=0.0)
    waiting_high = np.nan_to_num(interval.high.probabilities[events], nan=1.0)
    return ReplyCurve(
        applications=applications, replies=len(replied_after),
        days=tuple(times.tolist()), replied=tuple((1 - waiting).tolist()),
        low=tuple((1 - waiting_high).tolist()), high=tuple((1 - waiting_low).tolist()),
        median_days=_first_day_at_or_below_half(times, waiting),
        median_low=_first_day_at_or_below_half(times, waiting_low),
        median_high=_first_day_at_or_below_half(times, waiting_high),
        followed_days=followed,
    )
