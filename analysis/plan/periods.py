"""Before and after a change (a CV rewrite, a new channel): two periods split at a date.

Applications sent before ``split_on`` form the first period, those sent on or after it the
second; undated ones are left out and counted. For each period:

* funnel rates over the applications old enough to have had their answer (sent more than the
  no-response window before today, ``analysis.funnel.censoring``), so a recent period is not
  judged on its replies alone: the response rate and interview rate of those applications
  (settled, ``analysis.funnel.stages.application_flags``) and each stage's decided pass-through;
* each channel's share of the applications sent, and its interview rate (old enough, settled);
* with feedback text, each improvement theme's share of the applications with feedback
  (themes from ``analysis.feedback.summary.summarise_feedback``).

Every pair is compared with Fisher's exact test, and all the comparisons shown together are
judged with the Benjamini–Hochberg procedure (``analysis.core.stats``): "better"/"worse" only
when the change is more than noise among them all, "too few" below 5 on either side. When the
second period has fewer than 5 applications old enough to judge, the verdict is "too early to
tell" and says how many are too young.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd

from analysis.core.schema import CHANNELS, THEMES, require_columns
from analysis.core.stats import (
    MIN_N,
    TOO_FEW,
    Comparison,
    Rate,
    compare,
    control_false_discoveries,
)
from analysis.core.wording import date_phrase, rate_phrase, theme_name
from analysis.feedback.summary import FeedbackSummary, summarise_feedback
from analysis.funnel.censoring import (
    DEFAULT_WINDOW_DAYS,
    as_of,
    old_enough,
    too_early_sentence,
)
from analysis.funnel.stages import Funnel, application_flags, build_funnel

STAGE_RATE_LABELS: dict[str, str] = {
    "applied": "Interview rate",
    "first_interview": "First interview → next round",
    "second_interview": "Second interview → next round",
    "final_interview": "Final interview → offer",
}
TOO_EARLY = "too early to tell"
CHANGED, UNCHANGED = "changed", "no clear change"


def _verdict_words(comparison: Comparison, tests: int) -> str:
    if comparison.direction == TOO_FEW:
        return "too few to tell"
    change = "up" if comparison.difference > 0 else "down"
    if comparison.difference == 0:
        return f"no change (p={comparison.p_value:.2f})"
    allowing = "" if tests <= 1 else f"; {comparison.q_value:.3f} allowing for the {tests} rates compared"
    if comparison.significant:
        return f"{change}, more than noise (Fisher's exact test p={comparison.p_value:.3f}{allowing})"
    return f"{change}, but it could be noise (Fisher's exact test p={comparison.p_value:.2f}{allowing})"


@dataclass(frozen=True)
class RateChange:
    """One rate in each period and whether the change is more than noise (``comparison`` is after
    vs before, judged with the ``tests`` comparisons shown with it); ``sentence`` says it in words."""

    metric: str
    label: str
    before: Rate
    after: Rate
    comparison: Comparison
    sentence: str = ""
    tests: int = 1

    @property
    def verdict(self) -> str:
        """ "better", "worse", "no clear difference" or "too few"."""
        return self.comparison.direction

    def to_dict(self) -> dict:
        """A JSON-ready dict (``direction`` is the verdict)."""
        return {"metric": self.metric, "label": self.label, "before": self.before.to_dict(),
                "after": self.after.to_dict(), "direction": self.verdict, "verdict": self.verdict,
                "comparison": self.comparison.to_dict(), "sentence": self.sentence}


def _change(metric: str, label: str, before: Rate, after: Rate) -> RateChange:
    return RateChange(metric, label, before, after, compare(after, before))


def _judged_together(changes: list[RateChange], split_on: dt.date) -> list[RateChange]:
    """The changes with their comparisons adjusted for one another (Benjamini–Hochberg) and worded."""
    adjusted = control_false_discoveries([change.comparison for change in changes])
    tests = sum(comparison.p_value is not None for comparison in adjusted)
    result = []
    for change, comparison in zip(changes, adjusted):
        sentence = (f"{change.label}: {rate_phrase(change.before)} before {date_phrase(split_on)}, "
                    f"{rate_phrase(change.after)} since — {_verdict_words(comparison, tests)}.")
        result.append(replace(change, comparison=comparison, sentence=sentence, tests=tests))
    return result


@dataclass(frozen=True)
class ChannelChange:
    """A channel's share of the applications sent, and its interview rate, in each period."""

    channel: str
    share: RateChange
    interview_rate: RateChange


@dataclass(frozen=True)
class PeriodComparison:
    """Two periods side by side, with the verdict and its sentence.

    ``verdict`` is "changed" (a rate moved more than noise), "no clear change", "too early to
    tell" (too few applications of the second period are old enough) or "nothing to compare"
    (``problem`` says why). ``young`` counts the dated applications too recent to judge.
    """

    split_on: dt.date
    before: Funnel
    after: Funnel
    undated: int
    rates: tuple[RateChange, ...]
    channels: tuple[ChannelChange, ...]
    themes: tuple[RateChange, ...]
    problem: str | None
    verdict: str = UNCHANGED
    sentence: str = ""
    young: int = 0
    window_days: int = DEFAULT_WINDOW_DAYS

    @property
    def headline(self) -> str:
        """The verdict in one sentence (the same as :attr:`sentence`)."""
        return self.sentence

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {
            "split_on": self.split_on.isoformat(),
            "verdict": self.verdict,
            "sentence": self.sentence,
            "applications": [self.before.applications, self.after.applications],
            "young": self.young,
            "window_days": self.window_days,
            "undated": self.undated,
            "rates": [change.to_dict() for change in self.rates],
            "channels": [{"channel": c.channel, "share": c.share.to_dict(), "interview_rate": c.interview_rate.to_dict()}
                         for c in self.channels],
            "themes": [change.to_dict() for change in self.themes],
            "problem": self.problem,
        }


def _funnel_rates(judged: pd.DataFrame) -> dict[str, Rate]:
    """Response rate and each stage's decided pass-through of the applications old enough to judge."""
    flags = application_flags(judged)
    settled = flags["settled"]
    funnel = build_funnel(judged)
    rates = {"response": Rate.of(int((flags["responded"] & settled).sum()), int(settled.sum()))}
    for stage in STAGE_RATE_LABELS:
        rates[stage] = funnel.stage(stage).decided_pass_rate
    return rates


def _channel_changes(sent: tuple[pd.DataFrame, pd.DataFrame],
                     judged: tuple[pd.DataFrame, pd.DataFrame]) -> tuple[ChannelChange, ...]:
    """Channels in CHANNELS order (others after), those used in either period: each one's share
    of the applications ``sent`` and its interview rate among those ``judged``."""
    present = set(sent[0]["channel"]) | set(sent[1]["channel"])
    names = [name for name in CHANNELS if name in present] + sorted(present - set(CHANNELS))
    sides = []
    for period, old in zip(sent, judged):
        flags = application_flags(old).assign(channel=old["channel"].to_numpy())
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


def _problem(dated: pd.DataFrame, before: pd.DataFrame, after: pd.DataFrame, split_on: dt.date) -> str | None:
    if dated.empty:
        return "No application has a date, so there are no periods to compare."
    if before.empty or after.empty:
        side = "before" if before.empty else "on or after"
        return f"No application was sent {side} {date_phrase(split_on)}: pick a date inside your search."
    return None


def _verdict(rates: list[RateChange], everything: list[RateChange], judged: tuple[pd.DataFrame, pd.DataFrame],
             young: int, window_days: int) -> tuple[str, str]:
    """The comparison's verdict and sentence: too early, the first change beyond noise, or the interview rate's."""
    if min(len(judged[0]), len(judged[1])) < MIN_N:
        if young:
            return TOO_EARLY, too_early_sentence(young, window_days)
        return TOO_EARLY, "Too early to tell: fewer than 5 applications with an answer on each side of the date."
    changed = next((change for change in everything if change.comparison.significant), None)
    if changed is not None:
        return CHANGED, changed.sentence
    return UNCHANGED, next(change for change in rates if change.metric == "applied").sentence


def compare_periods(apps: pd.DataFrame, split_on: dt.date, feedback: FeedbackSummary | None = None,
                    today: dt.date | None = None, window_days: int = DEFAULT_WINDOW_DAYS) -> PeriodComparison:
    """The two periods of the canonical table (never modified) split at ``split_on``.

    ``feedback`` is the summary of the same applications (computed here when not given and the
    table has feedback text); ``today`` the date the file describes (default: its latest date)
    and ``window_days`` the no-response window.
    """
    require_columns(apps, ("applied_on", "channel", "feedback"))
    split = pd.Timestamp(split_on)
    today = as_of(apps) if today is None else today
    dated = apps[apps["applied_on"].notna()]
    before, after = dated[dated["applied_on"] < split], dated[dated["applied_on"] >= split]
    judged = tuple(period[old_enough(period["applied_on"], today, window_days)] for period in (before, after))
    rates = [_funnel_rates(period) for period in judged]
    changes = [_change("response", "Response rate", rates[0]["response"], rates[1]["response"])]
    changes += [_change(stage, label, rates[0][stage], rates[1][stage]) for stage, label in STAGE_RATE_LABELS.items()]
    channels = _channel_changes((before, after), judged)
    themes: tuple[RateChange, ...] = ()
    if feedback is None and not dated.empty and apps["feedback"].fillna("").astype(str).str.strip().ne("").any():
        feedback = summarise_feedback(apps)
    if feedback is not None:
        themes = _theme_changes(feedback.table, split)
    flat = [*changes, *(change for c in channels for change in (c.share, c.interview_rate)), *themes]
    judged_changes = _judged_together(flat, split_on)
    rate_changes = judged_changes[:len(changes)]
    channel_changes = tuple(ChannelChange(c.channel, *judged_changes[len(changes) + 2 * i:len(changes) + 2 * i + 2])
                            for i, c in enumerate(channels))
    theme_changes = tuple(judged_changes[len(changes) + 2 * len(channels):])
    young = len(dated) - len(judged[0]) - len(judged[1])
    problem = _problem(dated, before, after, split_on)
    if problem:
        verdict, sentence = "nothing to compare", problem
    else:
        verdict, sentence = _verdict(rate_changes, judged_changes, judged, young, window_days)
    return PeriodComparison(split_on, build_funnel(before), build_funnel(after), int(apps["applied_on"].isna().sum()),
                            tuple(rate_changes), channel_changes, theme_changes, problem, verdict, sentence, young,
                            window_days)
