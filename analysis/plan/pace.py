"""The user's pace: applications a week over the last weeks of the search.

The window is the last :data:`PACE_WEEKS` weeks of applying, ending at the latest ``applied_on``
(a search shorter than that is divided by its own length, at least one week).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analysis.core.schema import require_columns

PACE_WEEKS = 8


@dataclass(frozen=True)
class Pace:
    """Applications a week over the last weeks of the search (``per_week`` None without dates)."""

    per_week: float | None
    applications: int
    weeks: float
    since: dt.date | None
    until: dt.date | None

    def label(self) -> str:
        """ "6.1 a week (49 applications in the last 8 weeks of applying)" or "unknown (no application dates)"."""
        if self.per_week is None:
            return "unknown (no application dates)"
        weeks = "week" if self.weeks == 1 else f"{self.weeks:g} weeks"
        return f"{self.per_week:.1f} a week ({self.applications} applications in the last {weeks} of applying)"


def weekly_pace(apps: pd.DataFrame, weeks: int = PACE_WEEKS) -> Pace:
    """The user's pace from ``applied_on``: applications in the last ``weeks`` weeks of the search
    (up to the latest date) divided by the weeks covered (the whole search if shorter, at least one)."""
    require_columns(apps, ("applied_on",))
    dates = apps["applied_on"].dropna().dt.normalize()
    if dates.empty:
        return Pace(None, 0, 0.0, None, None)
    last = dates.max()
    start = max(dates.min(), last - pd.Timedelta(days=weeks * 7 - 1))
    covered = max(1.0, ((last - start).days + 1) / 7)
    count = int((dates >= start).sum())
    return Pace(count / covered, count, round(covered, 2), start.date(), last.date())


def per_week_of(pace: Pace | float | None) -> float | None:
    """Applications a week of a pace, or of a number given as one (None when unknown)."""
    return pace.per_week if isinstance(pace, Pace) else (None if pace is None else float(pace))
