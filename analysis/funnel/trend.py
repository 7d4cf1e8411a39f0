"""Is the search getting better? Applications per ISO week and interview rate by month.

Interview rates here count only *settled* applications: those no longer waiting for an answer
at the applied stage (see ``analysis.funnel.stages.application_flags``). Recent applications have
not had time to be answered, and counting them would make every search look like it is
getting worse.

The verdict splits the dated period at its midpoint in time (applications on or after the
midpoint fall in the second half) and compares the two halves' interview rates with Fisher's
exact test at 5%:

* "too early to tell" when the dated period spans fewer than 28 days or either half has fewer
  than 5 settled applications;
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
from analysis.funnel.stages import application_flags

IMPROVING, WORSENING, FLAT, TOO_EARLY = "improving", "worsening", "flat", "too early to tell"
MIN_SPAN_DAYS = 28


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
    """The interview rate of settled applications sent in one month ("2025-03")."""

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
    """Weekly volume, monthly interview rate and the first-half / second-half verdict."""

    weeks: tuple[WeekCount, ...]
    months: tuple[PeriodRate, ...]
    verdict: str
    first_half: Rate | None
    second_half: Rate | None
    split_on: dt.date | None
    comparison: Comparison | None
    undated: int

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {
            "weeks": [week.to_dict() for week in self.weeks],
            "months": [month.to_dict() for month in self.months],
            "verdict": self.verdict,
            "first_half": None if self.first_half is None else self.first_half.to_dict(),
            "second_half": None if self.second_half is None else self.second_half.to_dict(),
            "split_on": None if self.split_on is None else self.split_on.isoformat(),
            "comparison": None if self.comparison is None else self.comparison.to_dict(),
            "undated": self.undated,
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


def monthly_rates(apps: pd.DataFrame, flags: pd.DataFrame | None = None) -> tuple[PeriodRate, ...]:
    """Interview rate of settled applications per calendar month applied, every month in the range.

    ``flags`` is ``application_flags(apps)`` when the caller has it already.
    """
    flags = application_flags(apps) if flags is None else flags
    dated = apps["applied_on"].notna().to_numpy()
    if not dated.any():
        return ()
    months = apps["applied_on"].to_numpy()[dated].astype("datetime64[M]")
    first, last = months.min(), months.max()
    index = (months - first).astype(np.int64)
    size = int((last - first).astype(np.int64)) + 1
    settled = flags["settled"].to_numpy()[dated]
    interviewed = flags["interviewed"].to_numpy()[dated]
    sent = np.bincount(index, minlength=size)
    judged = np.bincount(index[settled], minlength=size)
    hits = np.bincount(index[settled & interviewed], minlength=size)
    result = []
    for offset, month in enumerate(pd.period_range(pd.Period(first, "M"), pd.Period(last, "M"), freq="M")):
        result.append(PeriodRate(str(month), month.start_time.date(), int(sent[offset]),
                                 Rate.of(int(hits[offset]), int(judged[offset]))))
    return tuple(result)


def build_trend(apps: pd.DataFrame, flags: pd.DataFrame | None = None) -> Trend:
    """Weekly volume, monthly interview rate and the verdict of the canonical table (never modified).

    ``flags`` is ``application_flags(apps)`` when the caller has it already.
    """
    require_columns(apps, ("applied_on",))
    applied_on = apps["applied_on"]
    undated = int(applied_on.isna().sum())
    if len(apps) == undated:
        return Trend(weekly_counts(applied_on), monthly_rates(apps, flags), TOO_EARLY, None, None, None, None, undated)
    flags = application_flags(apps) if flags is None else flags
    weeks, months = weekly_counts(applied_on), monthly_rates(apps, flags)
    first_day, last_day = applied_on.min().normalize(), applied_on.max().normalize()
    split = first_day + (last_day - first_day) / 2
    considered = flags["settled"] & applied_on.notna()
    halves = []
    for in_half in (applied_on < split, applied_on >= split):
        chosen = considered & in_half
        halves.append(Rate.of(int(flags.loc[chosen, "interviewed"].sum()), int(chosen.sum())))
    first, second = halves
    split_on = split.date()
    if (last_day - first_day).days < MIN_SPAN_DAYS or first.too_few or second.too_few:
        return Trend(weeks, months, TOO_EARLY, first, second, split_on, None, undated)
    comparison = compare(second, first)
    verdict = {"better": IMPROVING, "worse": WORSENING}.get(comparison.direction, FLAT)
    return Trend(weeks, months, verdict, first, second, split_on, comparison, undated)
