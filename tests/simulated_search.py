"""Simulated job searches with known rates, for the tests of statistical verdicts.

A search sends a Poisson number of applications a day for ``days`` days up to ``today``.
Each application independently leads to a first interview (``interview``, or ``interview_after``
from ``change_day`` on), a rejection (``rejection``) or silence. A reply comes after a random
delay (1 + a gamma-distributed number of days with mean ``reply_days``); replies due after
``today`` have not come yet. The canonical table then follows the loader's own rule
(``analysis.normalize.canonical``): an application still open and silent for more than
``window_days`` becomes an inferred ``no_response``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from canonical_factory import DEFAULTS, make_apps

from analysis.core.schema import CANONICAL_COLUMNS

TODAY = dt.date(2025, 6, 30)
CHANNELS = ("LinkedIn", "Job board", "Referral")


@dataclass(frozen=True)
class SearchSettings:
    """The true rates of a simulated search."""

    per_day: float = 2.0
    days: int = 120
    interview: float = 0.10
    rejection: float = 0.40
    window_days: int = 30
    reply_days: float = 7.0
    change_day: int | None = None
    interview_after: float | None = None


def simulated_search(settings: SearchSettings, seed: int, today: dt.date = TODAY) -> pd.DataFrame:
    """One search as a canonical applications table."""
    rng = np.random.default_rng(seed)
    first = today - dt.timedelta(days=settings.days - 1)
    counts = rng.poisson(settings.per_day, settings.days)
    offsets = np.repeat(np.arange(settings.days), counts)
    interview = np.full(len(offsets), settings.interview)
    if settings.change_day is not None:
        interview[offsets >= settings.change_day] = settings.interview_after
    draw = rng.random(len(offsets))
    interviewed = draw < interview
    rejected = ~interviewed & (draw < interview + settings.rejection)
    delays = 1 + np.rint(rng.gamma(2.0, (settings.reply_days - 1) / 2.0, len(offsets))).astype(int)
    ages = (settings.days - 1) - offsets
    arrived = (interviewed | rejected) & (delays <= ages)
    silent = ~arrived & (ages > settings.window_days)
    applied_on = pd.Timestamp(first) + pd.to_timedelta(offsets, unit="D")
    size = len(offsets)
    columns = {
        **{name: np.full(size, value, dtype=object) for name, value in DEFAULTS.items()},
        "applied_on": applied_on,
        "responded_on": applied_on.where(arrived, pd.NaT) + pd.to_timedelta(np.where(arrived, delays, 0), unit="D"),
        "last_update": pd.NaT,
        "channel": rng.choice(CHANNELS, size),
        "furthest_stage": np.where(arrived & interviewed, "first_interview", "applied"),
        "outcome": np.select([arrived & interviewed, arrived, silent], ["in_progress", "rejected", "no_response"],
                             "in_progress"),
        "outcome_inferred": silent,
        "source_row": np.arange(size) + 2,
    }
    columns["source"] = columns["channel"]
    return pd.DataFrame(columns)[list(CANONICAL_COLUMNS)].astype(make_apps([]).dtypes.to_dict())


def varied_settings() -> list[SearchSettings]:
    """Constant-rate searches of several volumes, lengths, windows and reply delays."""
    return [
        SearchSettings(),
        SearchSettings(per_day=1.0, days=180, interview=0.08, rejection=0.5, window_days=21, reply_days=5),
        SearchSettings(per_day=4.0, days=90, interview=0.15, rejection=0.3, window_days=30, reply_days=12),
        SearchSettings(per_day=3.0, days=150, interview=0.05, rejection=0.6, window_days=45, reply_days=20),
        SearchSettings(per_day=0.7, days=240, interview=0.2, rejection=0.35, window_days=14, reply_days=4),
    ]
