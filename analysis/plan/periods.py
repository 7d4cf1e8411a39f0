"""Before and after a change (a CV rewrite, a new channel): two periods split at a date.

Applications sent before ``split_on`` form the first period, those sent on or after it the
second; undated ones are left out and counted. For each period:

* funnel rates, each over the applications that have had their answer, so a recent period is
  not penalised for replies that have not come yet: the response rate of settled applications
  (``analysis.funnel.stages.application_flags``) and each stage's decided pass-through rate;
* each channel's share of the applications sent, and its interview rate of settled applications;
* with feedback text, each improvement theme's share of the applications with feedback
  (themes from ``analysis.feedback.summary.summarise_feedback``).

Every pair is compared with Fisher's exact test (``analysis.core.stats.compare``, two-sided, 5%):
"better"/"worse" only when the change is more than noise, "too few" below 5 on either side.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analysis.core.schema import CHANNELS, THEMES, require_columns
from analysis.core.stats import Comparison, Rate, compare
from analysis.core.wording import date_phrase, rate_phrase, theme_name
from analysis.feedback.summary import FeedbackSummary, summarise_feedback
from analysis.funnel.stages import Funnel, application_flags, build_funnel

STAGE_RATE_LABELS: dict[str, str] = {
    "applied": "Interview rate",
    "first_interview": "First interview → next round",
    "second_interview": "Second interview → next round",
    "final_interview": "Final interview → offer",
}


def _verdict_words(comparison: Comparison) -> str:
    if comparison.direction == "too few":
        return "too few to tell"
    change = "up" if comparison.difference > 0 else "down"
    if comparison.significant:
        return f"{change}, more than noise (Fisher's exact test p={comparison.p_value:.3f})"
    if comparison.difference == 0:
        return f"no change (p={comparison.p_value:.2f})"
    return f"{change}, but it could be noise (Fisher's exact test p={comparison.p_value:.2f})"


@dataclass(frozen=True)
class RateChange:
    """One rate in each period and whether the change is more than noise (``comparison`` is after vs before)."""

    metric: str
    label: str
    before: Rate
    after: Rate
    comparison: Comparison

    @property
    def verdict(self) -> str:
        """ "better", "worse", "no clear difference" or "too few"."""
        return self.comparison.direction

    def sentence(self, split_on: dt.date) -> str:
        """ "Interview rate: 10% (n=40, 95% CI 4–23%) before 1 March 2025, 30% (...) since — up, more than
        noise (...)"."""
        return (f"{self.label}: {rate_phrase(self.before)} before {date_phrase(split_on)}, {rate_phrase(self.after)} "
                f"since — {_verdict_words(self.comparison)}.")

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"metric": self.metric, "label": self.label, "before": self.before.to_dict(),
                "after": self.after.to_dict(), "comparison": self.comparison.to_dict(), "verdict": self.verdict}


def _change(metric: str, label: str, before: Rate, after: Rate) -> RateChange:
    return RateChange(metric, label, before, after, compare(after, before))


@dataclass(frozen=True)
class ChannelChange:
    """A channel's share of the applications sent, and its interview rate, in each period."""

    channel: str
    share: RateChange
    interview_rate: RateChange


@dataclass(frozen=True)
class PeriodComparison:
    """Two periods side by side. ``problem`` says why there is nothing to compare (else None)."""

    split_on: dt.date
    before: Funnel
    after: Funnel
    undated: int
    rates: tuple[RateChange, ...]
    channels: tuple[ChannelChange, ...]
    themes: tuple[RateChange, ...]
    problem: str | None

    @property
    def headline(self) -> str:
        """The interview rate's change in one sentence (or the problem)."""
        if self.problem:
            return self.problem
        return next(change for change in self.rates if change.metric == "applied").sentence(self.split_on)

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {
            "split_on": self.split_on.isoformat(),
            "applications": [self.before.applications, self.after.applications],
            "undated": self.undated,
            "rates": [change.to_dict() for change in self.rates],
            "channels": [{"channel": c.channel, "share": c.share.to_dict(), "interview_rate": c.interview_rate.to_dict()}
                         for c in self.channels],
            "themes": [change.to_dict() for change in self.themes],
            "problem": self.problem,
        }


def _funnel_rates(apps: pd.DataFrame, funnel: Funnel) -> dict[str, Rate]:
    flags = application_flags(apps)
    settled = flags["settled"]
    rates = {"response": Rate.of(int((flags["responded"] & settled).sum()), int(settled.sum()))}
    for stage in STAGE_RATE_LABELS:
        rates[stage] = funnel.stage(stage).decided_pass_rate
    return rates


def _channel_changes(before: pd.DataFrame, after: pd.DataFrame) -> tuple[ChannelChange, ...]:
    """Channels in CHANNELS order (others after), those used in either period."""
    present = set(before["channel"]) | set(after["channel"])
    names = [name for name in CHANNELS if name in present] + sorted(present - set(CHANNELS))
    sides = []
    for period in (before, after):
        flags = application_flags(period).assign(channel=period["channel"].to_numpy())
        settled = flags[flags["settled"]]
        sides.append((period["channel"].value_counts(), len(period),
                      settled.groupby("channel")["interviewed"].agg(["sum", "size"])))
    changes = []
    for name in names:
        shares, rates = [], []
        for counts, total, interviews in sides:
            shares.append(Rate.of(int(counts.get(name, 0)), total))
            hits, n = (int(v) for v in interviews.loc[name]) if name in interviews.index else (0, 0)
            rates.append(Rate.of(hits, n))
        changes.append(ChannelChange(name, _change(f"share:{name}", f"{name} share of applications", *shares),
                                     _change(f"interview:{name}", f"{name} interview rate", *rates)))
    return tuple(changes)


def _theme_changes(table: pd.DataFrame, split: pd.Timestamp) -> tuple[RateChange, ...]:
    """Each improvement theme's share of the applications with feedback, biggest change first."""
    texts = table[table["has_feedback"] & table["applied_on"].notna()]
    periods = (texts[texts["applied_on"] < split], texts[texts["applied_on"] >= split])
    counts = [period["improvement_themes"].explode().dropna().value_counts() for period in periods]
    themes = [theme for theme in THEMES if theme in counts[0].index or theme in counts[1].index]
    changes = [
        _change(f"theme:{theme}", theme_name(theme),
                *(Rate.of(int(count.get(theme, 0)), len(period)) for count, period in zip(counts, periods)))
        for theme in themes
    ]
    return tuple(sorted(changes, key=lambda c: -abs((c.after.value or 0) - (c.before.value or 0))))


def compare_periods(apps: pd.DataFrame, split_on: dt.date, feedback: FeedbackSummary | None = None) -> PeriodComparison:
    """The two periods of the canonical table (never modified) split at ``split_on``.

    ``feedback`` is the summary of the same applications (computed here when not given and the
    table has feedback text).
    """
    require_columns(apps, ("applied_on", "channel", "feedback"))
    split = pd.Timestamp(split_on)
    dated = apps[apps["applied_on"].notna()]
    before, after = dated[dated["applied_on"] < split], dated[dated["applied_on"] >= split]
    funnels = build_funnel(before), build_funnel(after)
    rates = [_funnel_rates(period, funnel) for period, funnel in zip((before, after), funnels)]
    changes = [_change("response", "Response rate", rates[0]["response"], rates[1]["response"])]
    changes += [_change(stage, label, rates[0][stage], rates[1][stage]) for stage, label in STAGE_RATE_LABELS.items()]
    problem = None
    if dated.empty:
        problem = "No application has a date, so there are no periods to compare."
    elif before.empty or after.empty:
        side = "before" if before.empty else "on or after"
        problem = f"No application was sent {side} {date_phrase(split_on)}: pick a date inside your search."
    themes: tuple[RateChange, ...] = ()
    if feedback is None and not dated.empty and apps["feedback"].fillna("").astype(str).str.strip().ne("").any():
        feedback = summarise_feedback(apps)
    if feedback is not None:
        themes = _theme_changes(feedback.table, split)
    return PeriodComparison(split_on, *funnels, int(apps["applied_on"].isna().sum()), tuple(changes),
                            _channel_changes(before, after), themes, problem)
