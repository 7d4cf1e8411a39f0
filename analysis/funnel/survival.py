"""Time to a reply as a survival curve: how soon applications get an answer, counting those still waiting.

A median over the replies alone forgets the applications still waiting, so a user waiting on
40 applications would be told employers reply in 16 days. Here every dated application counts
(Kaplan–Meier, ``analysis.core.reply_curve``):

* a reply is the event, on the day of ``responded_on`` (a date before ``applied_on`` is a typo
  and is left out, as are replies known from the status but with no date: their day is unknown);
* an application with no reply is censored at its age: days from ``applied_on`` to today, or to
  ``last_update`` for a withdrawal (the user stopped waiting then).

The finding (:attr:`ReplySurvival.sentence`) gives the median with its interval, or says it is
not reached yet, and the shares replied within 14 and 30 days; per channel too.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core.reply_curve import ReplyCurve, Share, reply_curve
from analysis.core.schema import CHANNELS, require_columns
from analysis.core.wording import days_phrase, percent, plural
from analysis.funnel.stages import application_flags

WITHIN_DAYS: tuple[int, ...] = (14, 30)
"""The days the finding reports the share replied within."""


def _share_text(share: Share) -> str:
    return "n/a" if share.value is None else f"{percent(share.value)} (95% CI {percent(share.low)}–{percent(share.high)})"


@dataclass(frozen=True)
class ReplySurvival:
    """The reply curve of every dated application, per channel, and what was left out."""

    overall: ReplyCurve
    by_channel: dict[str, ReplyCurve]
    undated_replies: int
    """Replies known from the status or stage with no reply date: not on the curve."""

    @property
    def headline(self) -> str:
        """The finding in a few words, the reply chart's title: "Half of your applications had a reply within
        12 days"; :attr:`sentence` says it with its range and the shares replied within 14 and 30 days."""
        curve = self.overall
        if curve.too_few:
            return (f"Too few reply dates to tell how soon employers answer "
                    f"({plural(curve.replies, 'dated reply', 'dated replies')} of {plural(curve.applications, 'application')})")
        if curve.median_days is not None:
            return f"Half of your applications had a reply within {days_phrase(curve.median_days)}"
        return "Fewer than half of your applications have had a reply"

    @property
    def sentence(self) -> str:
        """The finding in plain words, e.g. "Half of your applications had a reply within 12 days (probably
        between 9 and 16 days); 45% within 14 days and 61% within 30, counting the 40 still waiting."."""
        curve = self.overall
        if curve.too_few:
            return self.headline + "."
        parts = [self.headline]
        if curve.median_days is not None:
            low, high = curve.median_low, curve.median_high
            if high is None:
                parts.append(f" (probably {days_phrase(low)} or more)")
            elif low != high:
                parts.append(f" (probably between {low:g} and {days_phrase(high)})")
        within = [f"{percent(share.value)} within {days} days" for days in WITHIN_DAYS
                  if (share := curve.replied_within(days)).value is not None]
        if within:
            parts.append(("; " if curve.median_days is not None else ": ") + " and ".join(within))
        waiting = curve.applications - curve.replies
        if waiting:
            parts.append(f", counting the {waiting} still waiting or never answered")
        return "".join(parts) + "."

    def to_dict(self) -> dict:
        """The report's ``timing.survival`` (DESIGN.md)."""
        return {**_curve_dict(self.overall), "sentence": self.sentence, "undated_replies": self.undated_replies,
                "by_channel": {name: _curve_dict(curve) for name, curve in self.by_channel.items()}}


def _curve_dict(curve: ReplyCurve) -> dict:
    return {
        "applications": curve.applications,
        "replies": curve.replies,
        "median_days": curve.median_days,
        "ci95": None if curve.median_days is None else [curve.median_low, curve.median_high],
        "replied_within": {str(days): curve.replied_within(days).value for days in WITHIN_DAYS},
        "replied_within_ci95": {str(days): _interval(curve.replied_within(days)) for days in WITHIN_DAYS},
        "too_few": curve.too_few,
    }


def _interval(share: Share) -> list[float] | None:
    return None if share.value is None else [share.low, share.high]


def reply_times(apps: pd.DataFrame, today: dt.date, flags: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per dated application: ``days`` to the reply or to the end of waiting, ``replied`` (bool),
    and ``channel``; replies with no usable date and applications dated after today are left out.
    ``flags`` is ``application_flags(apps)`` when the caller has it already."""
    require_columns(apps, ("applied_on", "responded_on", "last_update", "channel", "outcome"))
    flags = application_flags(apps) if flags is None else flags
    applied = apps["applied_on"]
    reply_days = (apps["responded_on"] - applied).dt.days
    dated_reply = reply_days.notna() & (reply_days >= 0)
    end = apps["last_update"].where((apps["outcome"] == "withdrawn") & apps["last_update"].notna(), pd.Timestamp(today))
    waiting_days = (end - applied).dt.days
    waiting = ~flags["responded"] & waiting_days.notna() & (waiting_days >= 0)
    kept = dated_reply | waiting
    return pd.DataFrame({"days": np.where(dated_reply, reply_days, waiting_days)[kept.to_numpy()].astype(float),
                         "replied": dated_reply[kept].to_numpy(), "channel": apps["channel"][kept].to_numpy()})


def _curve(times: pd.DataFrame) -> ReplyCurve:
    replied = times["replied"].to_numpy()
    days = times["days"].to_numpy()
    return reply_curve(days[replied], days[~replied])


def build_survival(apps: pd.DataFrame, today: dt.date) -> ReplySurvival:
    """The reply curves of the canonical applications table (never modified), as of ``today``."""
    flags = application_flags(apps)
    times = reply_times(apps, today, flags)
    reply_days = (apps["responded_on"] - apps["applied_on"]).dt.days
    undated = int((flags["responded"] & ~(reply_days >= 0)).sum())
    codes, channels = pd.factorize(times["channel"])
    present = set(map(str, channels))  # each distinct channel once, not a pass over every row
    names = [name for name in CHANNELS if name in present] + sorted(present - set(CHANNELS))
    position = {str(name): code for code, name in enumerate(channels)}
    by_channel = {name: _curve(times[codes == position[name]]) for name in names}
    return ReplySurvival(_curve(times), by_channel, undated)


def reply_rows(survival: ReplySurvival) -> list[dict[str, object]]:
    """One display row per channel, then all applications: replies, median and shares within 14 and 30 days."""
    rows = []
    for name, curve in [*survival.by_channel.items(), ("All applications", survival.overall)]:
        row: dict[str, object] = {"channel": name, "applications": curve.applications, "replies": curve.replies,
                                  "median days to a reply": curve.median_label()}
        for days in WITHIN_DAYS:
            share = curve.replied_within(days)
            row[f"replied within {days} days"] = "too few to tell" if curve.too_few else _share_text(share)
        rows.append(row)
    return rows
