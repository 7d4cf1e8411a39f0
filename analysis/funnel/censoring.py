"""Which applications are old enough to judge: the rule behind every trend and before/after verdict.

An application that got no reply only counts as "no response" once it has been silent for the
no-response window (``ghost_after_days``, 30 days by default). Until then a recent period would
be judged on its replies alone and look better than it is. So a period's rates count only the
applications sent more than the window before today: those have had the time to answer. The
younger ones are counted and named ("too early to tell: 20 applications are younger than 30
days") instead of judged.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.core.wording import plural

DEFAULT_WINDOW_DAYS = 30
"""The no-response window when the caller gives none (the loader's default ``ghost_after_days``)."""


def as_of(apps: pd.DataFrame) -> dt.date | None:
    """The latest date written anywhere in the table: "today" when the caller does not say (None without dates)."""
    columns = [name for name in ("applied_on", "responded_on", "last_update") if name in apps.columns]
    latest = max((apps[name].max() for name in columns if apps[name].notna().any()), default=None)
    return None if latest is None else latest.date()


def old_enough(applied_on: pd.Series, today: dt.date | None, window_days: int) -> pd.Series:
    """True for applications sent more than ``window_days`` days before ``today`` (False when undated)."""
    if today is None:
        return applied_on.notna()
    return (pd.Timestamp(today) - applied_on).dt.days > window_days


def too_early_sentence(young: int, window_days: int) -> str:
    """ "Too early to tell: 20 applications are younger than 30 days, so they may still get an answer." """
    verb = "is" if young == 1 else "are"
    return (f"Too early to tell: {plural(young, 'application')} {verb} younger than {window_days} days, "
            "so they may still get an answer.")
