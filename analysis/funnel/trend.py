"""Is the search getting better? Applications per ISO week and interview rate by month.

Interview rates here count only applications old enough to have had their answer (sent more
than the no-response window before today, see ``analysis.funnel.censoring``) and *settled*
(not still waiting at the applied stage, see ``analysis.funnel.stages.application_flags``).
Counting the recent ones would judge them on their replies alone, before their silences count.

The verdict splits the dated period at its midpoint in time (applications on or after the
midpoint fall in the second half) and compares the two halves' interview rates, each over its
applications old enough to judge, with Fisher's exact test at 5%:

* "too early to tell" when the dated period spans fewer than 28 days or either half has fewer
  than 5 applications old enough to judge (the sentence says how many are too young);
* "improving" / "worsening" when the second half is significantly higher / lower;
* "flat" otherwise.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core.schema import require_columns
from analysis.core.stats import Comparison, Rate, compare
from analysis.funnel.censoring import (
    DEFAULT_WINDOW_DAYS,
    as_of,
    old_enough,
    too_early_sentence,
)
from analysis.funnel.stages import application_flags

IMPROVING, WORSENING, FLAT, TOO_EARLY = "improving", "worsening", "flat", "too early to tell"
MIN_SPAN_DAYS = 28
_VERDICT_WORDS = {IMPROVING: "improving", WORSENING: "falling", FLAT: "steady"}


@dataclass(frozen=True)
class WeekCount:
    """Applications sent in one ISO week (``week`` like "2025-W03", ``start`` its Monday)."""

    week: str
    start: dt.date
    applications: int

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"week": self.week, "start": self.start.isoformat(), "applications": self.applications}


@dataclass(frozen=True)
class PeriodRate:
    """The interview rate, in one month ("2025-03"), of the applications old enough to judge."""

    period: str
    start: dt.date
    applications: int
    interview_rate: Rate

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {
            "period": self.period,
            "start": self.start.isoformat(),
            "applications": self.applications,
            "interview_rate": self.interview_rate.to_dict(),
        }


@dataclass(frozen=True)
class Trend:
    """Weekly volume, monthly interview rate and the first-half / second-half verdict with its sentence.

    ``young`` counts the dated applications too recent to judge (sent within ``window_days`` of
    ``today``); they are in ``weeks`` but in no rate.
    """

    weeks: tuple[WeekCount, ...]
    months: tuple[PeriodRate, ...]
    verdict: str
    sentence: str
    first_half: Rate | None
    second_half: Rate | None
    split_on: dt.date | None
    comparison: Comparison | None
    undated: int
    young: int = 0
    window_days: int = DEFAULT_WINDOW_DAYS

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {
            "verdict": self.verdict,
            "sentence": self.sentence,
            "first_half": None if self.first_half is None else self.first_half.to_dict(),
            "second_half": None if self.second_half is None else self.second_half.to_dict(),
            "split_on": None if self.split_on is None else self.split_on.isoformat(),
            "comparison": None if self.comparison is None else self.comparison.to_dict(),
            "young": self.young,
            "window_days": self.window_days,
            "undated": self.undated,
            "weeks": [week.to_dict() for week in self.weeks],
            "months": [month.to_dict() for month in self.months],
        }


def weekly_counts(applied_on: pd.Series) -> tuple[WeekCount, ...]:
    """Applications per ISO week from the first to the last dated week, empty weeks included."""
    days = applied_on.dropna().to_numpy().astype("datetime64[D]")
    if not len(days):
        return ()
    mondays = days - (days.astype(np.int64) + 3) % 7  # 1 January 1970 was a Thursday
    first = mondays.min()
    counts = np.bincount((mondays - first).astype(np.int64) // 7)
    result = []
    for number, monday in enumerate(pd.date_range(first, mondays.max(), freq="7D")):
        year, week, _ = monday.isocalendar()
        result.append(WeekCount(f"{year}-W{week:02d}", monday.date(), int(counts[number])))
    return tuple(result)


def judged(apps: pd.DataFrame, flags: pd.DataFrame, today: dt.date | None, window_days: int) -> pd.Series:
    """The applications a rate may count: dated, old enough to have answered, and settled."""
    return flags["settled"] & old_enough(apps["applied_on"], today, window_days)


def monthly_rates(apps: pd.DataFrame, flags: pd.DataFrame | None = None, today: dt.date | None = None,
                  window_days: int = DEFAULT_WINDOW_DAYS) -> tuple[PeriodRate, ...]:
    """Interview rate per calendar month applied (every month in the range) of the applications
    old enough to judge; ``applications`` counts every one sent that month.

    ``flags`` is ``application_flags(apps)`` when the caller has it already; ``today`` defaults
    to the latest date in the table.
    """
    flags = application_flags(apps) if flags is None else flags
    today = as_of(apps) if today is None else today
    dated = apps["applied_on"].notna().to_numpy()
    if not dated.any():
        return ()
    months = apps["applied_on"].to_numpy()[dated].astype("datetime64[M]")
    first, last = months.min(), months.max()
    index = (months - first).astype(np.int64)
    size = int((last - first).astype(np.int64)) + 1
    counted = judged(apps, flags, today, window_days).to_numpy()[dated]
    interviewed = flags["interviewed"].to_numpy()[dated]
    sent = np.bincount(index, minlength=size)
    judged_counts = np.bincount(index[counted], minlength=size)
    hits = np.bincount(index[counted & interviewed], minlength=size)
    result = []
    for offset, month in enumerate(pd.period_range(pd.Period(first, "M"), pd.Period(last, "M"), freq="M")):
        result.append(PeriodRate(str(month), month.start_time.date(), int(sent[offset]),
                                 Rate.of(int(hits[offset]), int(judged_counts[offset]))))
    return tuple(result)


def _sentence(verdict: str, first: Rate, second: Rate, split_on: dt.date) -> str:
    change = f"{first.label()} before {split_on:%d %b %Y}, {second.label()} since"
    noise = {IMPROVING: "more than noise", WORSENING: "more than noise", FLAT: "no clear change"}[verdict]
    return f"Your interview rate is {_VERDICT_WORDS[verdict]}: {change} ({noise})."


def build_trend(apps: pd.DataFrame, flags: pd.DataFrame | None = None, today: dt.date | None = None,
                window_days: int = DEFAULT_WINDOW_DAYS) -> Trend:
    """Weekly volume, monthly interview rate and the verdict of the canonical table (never modified).

    ``today`` is the date the file describes (default: its latest date), ``window_days`` the
    no-response window; ``flags`` is ``application_flags(apps)`` when the caller has it already.
    """
    require_columns(apps, ("applied_on",))
    applied_on = apps["applied_on"]
    undated = int(applied_on.isna().sum())
    weeks = weekly_counts(applied_on)
    if len(apps) == undated:
        sentence = "Too early to tell a trend: no application has a date."
        return Trend(weeks, (), TOO_EARLY, sentence, None, None, None, None, undated, 0, window_days)
    flags = application_flags(apps) if flags is None else flags
    today = as_of(apps) if today is None else today
    months = monthly_rates(apps, flags, today, window_days)
    young = int((applied_on.notna() & ~old_enough(applied_on, today, window_days)).sum())
    first_day, last_day = applied_on.min().normalize(), applied_on.max().normalize()
    split = first_day + (last_day - first_day) / 2
    counted = judged(apps, flags, today, window_days)
    halves = []
    for in_half in (applied_on < split, applied_on >= split):
        chosen = counted & in_half
        halves.append(Rate.of(int(flags.loc[chosen, "interviewed"].sum()), int(chosen.sum())))
    first, second = halves
    split_on = split.date()
    early = None
    if (last_day - first_day).days < MIN_SPAN_DAYS:
        early = f"Too early to tell a trend: your applications span fewer than {MIN_SPAN_DAYS} days."
    elif first.too_few or second.too_few:
        early = (too_early_sentence(young, window_days) if young else
                 "Too early to tell a trend: fewer than 5 applications with an answer in each half of your search.")
    if early:
        return Trend(weeks, months, TOO_EARLY, early, first, second, split_on, None, undated, young, window_days)
    comparison = compare(second, first)
    verdict = {"better": IMPROVING, "worse": WORSENING}.get(comparison.direction, FLAT)
    return Trend(weeks, months, verdict, _sentence(verdict, first, second, split_on), first, second, split_on,
                 comparison, undated, young, window_days)
