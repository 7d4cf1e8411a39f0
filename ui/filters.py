"""The sidebar filters as data, and applying them to the canonical table (no Streamlit here)."""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pandas as pd

from analysis.core.schema import CHANNELS


class Filters(NamedTuple):
    """Which applications to look at. Empty tuples and blank text mean "all"; dates are inclusive."""

    start: dt.date | None = None
    end: dt.date | None = None
    channels: tuple[str, ...] = ()
    role: str = ""
    candidates: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """True when any filter narrows the table."""
        return self != Filters()


class Domain(NamedTuple):
    """The values the filters can take for one table."""

    first: dt.date | None
    last: dt.date | None
    channels: tuple[str, ...]
    candidates: tuple[str, ...]


def domain_of(apps: pd.DataFrame, with_candidates: bool) -> Domain:
    """The date span, the channels present (in the usual order) and the candidates of a table."""
    dates = apps["applied_on"].dropna()
    present = set(apps["channel"].unique())  # the distinct values: iterating 100k cells takes a visible moment
    candidates = ()
    if with_candidates:
        names = {name.strip() for name in apps["candidate"].unique() if isinstance(name, str)}
        candidates = tuple(sorted(names - {""}))
    return Domain(
        first=dates.min().date() if len(dates) else None,
        last=dates.max().date() if len(dates) else None,
        channels=tuple(name for name in CHANNELS if name in present) + tuple(sorted(present - set(CHANNELS))),
        candidates=candidates,
    )


def apply_filters(apps: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The applications that pass every filter. Undated applications drop out only when a date bound is set."""
    keep = pd.Series(True, index=apps.index)
    if filters.start is not None:
        keep &= apps["applied_on"] >= pd.Timestamp(filters.start)
    if filters.end is not None:
        keep &= apps["applied_on"] < pd.Timestamp(filters.end) + pd.Timedelta(days=1)
    if filters.channels:
        keep &= apps["channel"].isin(filters.channels)
    role = filters.role.strip()
    if role:
        keep &= apps["role"].astype(str).str.contains(role, case=False, regex=False)
    if filters.candidates:
        keep &= apps["candidate"].astype(str).str.strip().isin(filters.candidates)
    return apps if bool(keep.all()) else apps[keep].reset_index(drop=True)
