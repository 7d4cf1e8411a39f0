"""How long employers take to reply: days from ``applied_on`` to ``responded_on``.

``survival`` is the honest summary: the Kaplan–Meier reply curve over every dated application,
those still waiting included (``analysis.funnel.survival``). The delays below describe the
replies alone (per outcome, stage, channel and company): only applications with both dates are
measured; a reply dated before the application is a
typo, so it is dropped and counted in ``negative_dropped``. Days between interview stages are
not in the canonical table, so they are not estimated.

Also lists slow companies (median reply later than ``slow_after_days``, 21 by default: about
three weeks, just under the 23.8-day application -> decision average Glassdoor published in
2017) and silent companies (every application to them ended with no response). Company names
that differ only in case or spacing are one company.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray

from analysis.core.schema import CHANNELS, OUTCOMES, STAGES, require_columns
from analysis.funnel.censoring import as_of
from analysis.funnel.survival import ReplySurvival, build_survival
from analysis.normalize.companies import company_names

SLOW_AFTER_DAYS = 21


@dataclass(frozen=True)
class Delay:
    """How many replies were measured and their median delay in days (None when n is 0)."""

    n: int
    median_days: float | None

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"n": self.n, "median_days": self.median_days}


@dataclass(frozen=True)
class CompanyDelay:
    """A company's measured replies and their median delay."""

    company: str
    replies: int
    median_days: float

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"company": self.company, "replies": self.replies, "median_days": self.median_days}


@dataclass(frozen=True)
class SilentCompany:
    """A company that never answered any of the user's applications."""

    company: str
    applications: int

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"company": self.company, "applications": self.applications}


@dataclass(frozen=True)
class Timing:
    """Reply delays. ``days`` and ``outcomes`` list each measured reply (same order), for charts."""

    measured: int
    negative_dropped: int
    unmeasured: int
    overall: Delay
    by_outcome: dict[str, Delay]
    by_stage: dict[str, Delay]
    by_channel: dict[str, Delay]
    slow_companies: tuple[CompanyDelay, ...]
    silent_companies: tuple[SilentCompany, ...]
    days: tuple[int, ...]
    outcomes: tuple[str, ...]
    survival: ReplySurvival
    slow_after_days: int = SLOW_AFTER_DAYS

    @property
    def median_days(self) -> float | None:
        """The median delay of the measured replies alone (see :attr:`survival` for all applications)."""
        return self.overall.median_days

    def to_dict(self) -> dict:
        """A JSON-ready dict (without the per-reply lists)."""
        return {
            "measured": self.measured,
            "negative_dropped": self.negative_dropped,
            "unmeasured": self.unmeasured,
            "median_days": self.median_days,
            "by_outcome": {key: value.to_dict() for key, value in self.by_outcome.items()},
            "by_stage": {key: value.to_dict() for key, value in self.by_stage.items()},
            "by_channel": {key: value.to_dict() for key, value in self.by_channel.items()},
            "slow_after_days": self.slow_after_days,
            "slow_companies": [company.to_dict() for company in self.slow_companies],
            "silent_companies": [company.to_dict() for company in self.silent_companies],
            "survival": self.survival.to_dict(),
        }


def _by_key(values: pd.Series, keys: pd.Series | ExtensionArray) -> pd.DataFrame:
    """``values.groupby(keys).agg(["size", "median", "all"])`` for whole-number ``values``, indexed by
    key in sorted order, missing keys left out. Keys are numbered once and each group's values
    sorted together with numpy, rather than grouping by text."""
    codes, names = pd.factorize(keys)
    present = codes >= 0
    codes, numbers = codes[present], np.asarray(values, dtype=np.int64)[present]
    sizes = np.bincount(codes, minlength=len(names))
    every = np.bincount(codes, weights=numbers != 0, minlength=len(names)) == sizes
    low, span = (int(numbers.min()), int(numbers.max() - numbers.min()) + 1) if len(numbers) else (0, 1)
    ordered = np.sort(codes * span + (numbers - low)) % span + low  # by group, then by value
    starts = np.cumsum(sizes) - sizes
    middle = (ordered[starts + (sizes - 1) // 2] + ordered[starts + sizes // 2]) / 2
    grouped = pd.DataFrame({"size": sizes, "median": middle, "all": every}, index=pd.Index(names))
    return grouped.sort_index(kind="stable")


def _delays(days: pd.Series, keys: ExtensionArray, order: tuple[str, ...]) -> dict[str, Delay]:
    """Median delay per key, in ``order`` (keys with no measured reply left out)."""
    grouped = _by_key(days, keys)
    names = [name for name in order if name in grouped.index]
    names += sorted(str(name) for name in grouped.index if name not in order)
    return {name: Delay(int(grouped.at[name, "size"]), float(grouped.at[name, "median"])) for name in names}


def reply_days(apps: pd.DataFrame) -> pd.Series:
    """Whole days from applied_on to responded_on, NaN where either date is missing (may be negative)."""
    require_columns(apps, ("applied_on", "responded_on"))
    return (apps["responded_on"] - apps["applied_on"]).dt.days.astype("float64")


def build_timing(apps: pd.DataFrame, slow_after_days: int = SLOW_AFTER_DAYS, top: int = 10,
                 companies: pd.Series | None = None, today: dt.date | None = None) -> Timing:
    """Reply delays of the canonical applications table (never modified).

    ``slow_companies`` are those whose median delay exceeds ``slow_after_days``, slowest first,
    at most ``top``; ``silent_companies`` those where every application ended "no_response",
    most applications first, at most ``top``. ``companies`` is ``company_names(apps)`` when the
    caller has it already; ``today`` (default: the latest date in the table) ends the waits of the
    reply curve.
    """
    require_columns(apps, ("company", "channel", "furthest_stage", "outcome"))
    companies = company_names(apps) if companies is None else companies
    days = reply_days(apps)
    negative = days < 0
    valid = days.notna() & ~negative
    kept = days[valid].astype(int)
    chosen = valid.to_numpy()
    outcomes = apps["outcome"].array[chosen]
    company = companies.array[chosen]
    named = np.asarray(company != "", dtype=bool)
    per_company = _by_key(kept[named], company[named])
    slow = per_company[per_company["median"] > slow_after_days]
    slow = slow.sort_values(["median", "size"], ascending=[False, False], kind="stable").head(top)
    return Timing(
        measured=int(valid.sum()),
        negative_dropped=int(negative.sum()),
        unmeasured=int(days.isna().sum()),
        overall=Delay(int(valid.sum()), float(kept.median()) if len(kept) else None),
        by_outcome=_delays(kept, outcomes, OUTCOMES),
        by_stage=_delays(kept, apps["furthest_stage"].array[chosen], STAGES),
        by_channel=_delays(kept, apps["channel"].array[chosen], CHANNELS),
        slow_companies=tuple(
            CompanyDelay(str(name), int(row["size"]), float(row["median"])) for name, row in slow.iterrows()
        ),
        silent_companies=silent_companies(apps, top, companies),
        days=tuple(kept.tolist()),
        outcomes=tuple(map(str, np.asarray(outcomes, dtype=object).tolist())),
        survival=build_survival(apps, today if today is not None else (as_of(apps) or dt.date.today())),
        slow_after_days=slow_after_days,
    )


def silent_companies(apps: pd.DataFrame, top: int = 10,
                     companies: pd.Series | None = None) -> tuple[SilentCompany, ...]:
    """Companies where every application ended with no response, most applications first.

    ``companies`` is ``company_names(apps)`` when the caller has it already.
    """
    company = company_names(apps) if companies is None else companies
    named = company != ""
    silent = _by_key((apps["outcome"] == "no_response")[named], company[named])
    silent = silent[silent["all"]].reset_index(names="company")
    silent = silent.sort_values(["size", "company"], ascending=[False, True], kind="stable").head(top)
    return tuple(SilentCompany(str(row.company), int(row.size)) for row in silent.itertuples(index=False))
