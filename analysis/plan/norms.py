"""The user's own rates beside the published figures (``analysis.plan.published``), with a reading.

:func:`norms_beside` puts the user's rates beside the relevant published range with a one-sentence
reading. Where several sources measure the same thing, the range runs from the lowest to the
highest figure. The reading says "above" or "below" only when the user's whole 95% interval lies
outside the range, "within" when the user's value lies inside it, and otherwise that the
difference could be chance; below 5 observations it says "too few to tell". A median is set
beside a published mean only with the words that say so.
"""
from __future__ import annotations

from dataclasses import dataclass

from analysis.core.reply_curve import DaysEstimate
from analysis.core.stats import RELATION_WORDS, Rate, range_position
from analysis.feedback.summary import FeedbackSummary
from analysis.funnel.bottleneck import published_interview_rate
from analysis.funnel.stages import Funnel
from analysis.funnel.timing import Timing
from analysis.plan.published import (
    CANDIDATE_CAVEAT,
    EMPLOYER_CAVEAT,
    Norm,
    citations,
    norms_for,
    range_text,
)


@dataclass(frozen=True)
class NormComparison:
    """The user's figure beside a published range.

    ``position`` is "above", "below", "within", "unclear" (the value is outside the range but its
    interval reaches it) or "too few". ``verdict`` reads it for the user: "better", "worse",
    "in line", "unclear" or "too few" (for no-response share and days, lower is better).
    """

    metric: str
    label: str
    yours: Rate | DaysEstimate
    low: float
    high: float
    unit: str
    norms: tuple[Norm, ...]
    position: str
    verdict: str
    reading: str
    note: str
    """What differs between the user's figure and the published one (may be "")."""

    @property
    def caveat(self) -> str:
        """The note, then what the kind of source means (:data:`EMPLOYER_CAVEAT` or :data:`CANDIDATE_CAVEAT`)."""
        general = EMPLOYER_CAVEAT if self.kind == "E" else CANDIDATE_CAVEAT
        return f"{self.note} {general}".strip()

    @property
    def kind(self) -> str:
        """ "C" or "E" (every norm of one comparison is of one kind)."""
        return self.norms[0].kind

    @property
    def range_text(self) -> str:
        """The published range: "3–8%", "23.8 days"."""
        return range_text(self.low, self.high, self.unit)

    @property
    def sources(self) -> str:
        """ "CareerPlug 2024; Ashby 2021–2025"."""
        return citations(self.norms)

    @property
    def populations(self) -> str:
        """Who was measured, each once."""
        return "; ".join(dict.fromkeys(norm.population for norm in self.norms))

    @property
    def years(self) -> str:
        """The years of the figures, each once."""
        return ", ".join(dict.fromkeys(norm.year for norm in self.norms))

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        yours = self.yours.to_dict() if isinstance(self.yours, Rate) else {
            "median_days": self.yours.value, "ci95": [self.yours.low, self.yours.high], "n": self.yours.n,
            "statistic": "median"}
        return {
            "metric": self.metric, "label": self.label, "yours": yours, "range": [self.low, self.high],
            "unit": self.unit, "position": self.position, "verdict": self.verdict, "reading": self.reading,
            "note": self.note, "caveat": self.caveat, "kind": self.kind, "sources": self.sources,
            "populations": self.populations, "years": self.years,
        }


_TAILS: dict[tuple[str, str], str] = {
    ("E", "better"): "employer-side averages include every applicant, so a targeted search should do better",
    ("E", "in line"): "employer-side averages include every applicant, so a targeted search can aim higher",
    ("E", "worse"): "employer-side averages include every applicant, untargeted ones too, so this is worth working on",
    ("C", "better"): "better than many job seekers report, though surveys are a rough yardstick",
    ("C", "in line"): "a common experience, as far as surveys of job seekers go",
    ("C", "worse"): "worse than many job seekers report, so this is worth working on",
}


def compare_with_norms(metric: str, label: str, yours: Rate | DaysEstimate, norms: tuple[Norm, ...], who: str,
                       note: str = "", lower_is_better: bool = False) -> NormComparison:
    """The user's ``yours`` beside the range of ``norms`` with a one-sentence reading.

    ``who`` completes "the 3–8% that ..." ("employers report across all applicants"); ``note`` says
    how the user's figure differs from the published one.
    """
    low, high = min(n.low for n in norms), max(n.high for n in norms)
    unit, kind = norms[0].unit, norms[0].kind
    cited = f"{range_text(low, high, unit)} {who} ({citations(norms)})"
    if yours.too_few or yours.value is None:
        position = verdict = "too few"
        reading = f"Too few to tell your {label} yet (n={yours.n}); for reference, the published figure is the {cited}."
        return NormComparison(metric, label, yours, low, high, unit, norms, position, verdict, reading, note)
    position = range_position(yours, low, high)
    relation = "in line with" if position == "within" and low == high else RELATION_WORDS[position]
    if position == "within":
        verdict = "in line"
    elif position == "unclear":
        verdict = "unclear"
    else:
        verdict = "better" if (position == "above") != lower_is_better else "worse"
    shown = yours.label()
    if isinstance(yours, Rate):
        shown = f"{yours.percent()} (n={yours.n})"
    if verdict == "unclear":
        tail = f"with n={yours.n} the difference could be chance"
    else:
        tail = _TAILS[(kind, verdict)]
    reading = f"Your {label}, {shown}, is {relation} the {cited} — {tail}."
    return NormComparison(metric, label, yours, low, high, unit, norms, position, verdict, reading, note)


def _decided_from(funnel: Funnel, stage: str) -> int:
    """Applications that reached ``stage`` and are not still in progress at it or a later interview."""
    names = [result.stage for result in funnel.stages]
    later = funnel.stages[names.index(stage):-1]
    return funnel.stage(stage).reached - sum(result.ended["in_progress"] for result in later)


def norms_beside(funnel: Funnel, timing: Timing | None = None, feedback: FeedbackSummary | None = None) -> list[NormComparison]:
    """The user's rates beside the published figures, in funnel order.

    Always: the interview rate (application -> interview, as on the Funnel page), interview ->
    offer and final interview -> offer (offers over the applications that reached that stage,
    leaving out those still in progress at it or a later interview: they may yet get an offer),
    and the no-response share. With ``timing`` (:class:`analysis.funnel.timing.Timing`) holding
    reply dates: the Kaplan–Meier median days to a reply beside the published mean days to a decision. With ``feedback``
    (:class:`analysis.feedback.summary.FeedbackSummary`, pass it only when the file has a feedback
    column) and at least one rejection: the share of rejections without feedback.
    """
    overview = funnel.overview
    offers = funnel.stage("offer").reached
    comparisons = [
        compare_with_norms(
            "application_interview", "interview rate", published_interview_rate(funnel), norms_for("application_interview"),
            "that employers report across all applicants",
            "Yours counts the decided applications, as the bottleneck does: those still waiting could yet get "
            "an interview."),
        compare_with_norms(
            "interview_offer", "interview → offer rate", Rate.of(offers, _decided_from(funnel, "first_interview")),
            norms_for("interview_offer"), "that employers report for interviewed candidates",
            "Yours: offers per application that reached a first interview, leaving out those still in "
            "interviews."),
        compare_with_norms(
            "final_offer", "final interview → offer rate", Rate.of(offers, _decided_from(funnel, "final_interview")),
            norms_for("final_offer"), "of onsite interviews that employers report lead to an offer",
            "Lever counts onsite (final-round) interviews; yours leaves out final interviews still waiting for "
            "an answer."),
        compare_with_norms(
            "never_acknowledged", "no-response share", overview.no_response_rate, norms_for("never_acknowledged"),
            "of job seekers who report applications never acknowledged",
            "Indeed's figure is a share of job seekers, yours a share of applications, so treat it as a rough "
            "yardstick.", lower_is_better=True),
    ]
    if timing is not None and timing.survival.overall.replies:
        comparisons.append(compare_with_norms(
            "application_decision_days", "median time to a reply", timing.survival.overall.median(),
            norms_for("application_decision_days"),
            "average (a mean, not a median) from application to decision that US interviewees report",
            "Yours is a median over every application, those still waiting included, to the first dated reply "
            "of any kind, which often comes before the decision; Glassdoor's is a mean, which long waits pull "
            "up, from 10.2 days (restaurants) to 53.8 (government).",
            lower_is_better=True))
    if feedback is not None and feedback.coverage.n:
        coverage = feedback.coverage
        comparisons.append(compare_with_norms(
            "never_received_feedback", "share of rejections without feedback",
            Rate.of(coverage.n - coverage.successes, coverage.n), norms_for("never_received_feedback", None),
            "of candidates who report never receiving feedback of any kind",
            "Talent Board counts candidates who never got feedback; yours counts rejections with no feedback text "
            "in your tracker.", lower_is_better=True))
    return comparisons
