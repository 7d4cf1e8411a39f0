"""Published job-search figures (shared/NORMS.md) as data, and the user's own rates beside them.

:data:`NORMS` holds every figure of NORMS.md and nothing else: who was measured, the year, the
source, and whether job seekers were asked (``kind`` "C") or employers' applicant pipelines were
counted ("E": every applicant to a job, untargeted and spam ones included, so a targeted search
should do better). A figure published as a range keeps its ``low`` and ``high``; a single figure
has ``low == high``.

:func:`norms_beside` puts the user's rates beside the relevant published range with a one-sentence
reading. Where several sources measure the same thing, the range runs from the lowest to the
highest figure. The reading says "above" or "below" only when the user's whole 95% interval lies
outside the range, "within" when the user's value lies inside it, and otherwise that the
difference could be chance; below 5 observations it says "too few to tell".
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from analysis.core.stats import MIN_N, Z95, Rate
from analysis.funnel.stages import Funnel

KIND_LABELS: dict[str, str] = {
    "C": "asked of job seekers",
    "E": "employers' applicant pipelines (every applicant, including untargeted ones)",
}
EMPLOYER_CAVEAT = ("Employer-side figures count every applicant to a job, including untargeted and spam "
                   "applications, so a targeted search should do better than them.")
CANDIDATE_CAVEAT = "Job seekers' own reports in surveys: a rough yardstick, not a target."


@dataclass(frozen=True)
class Norm:
    """One published figure. ``low == high`` for a single figure; ``unit`` is "share" or "days"."""

    metric: str
    low: float
    high: float
    population: str
    year: str
    source: str
    url: str
    kind: str
    short: str
    """The source's short name for citations: "CareerPlug"."""
    unit: str = "share"
    segment: str = ""
    """What part of the population the figure covers ("referral", "government"...), "" for all of it."""

    @property
    def value(self) -> float | None:
        """The figure when it is a single number, else None."""
        return self.low if self.low == self.high else None

    @property
    def citation(self) -> str:
        """Short citation: "CareerPlug 2024"."""
        return f"{self.short} {self.year}"

    def figure(self) -> str:
        """The figure as text: "3%", "30–40%", "23.8 days"."""
        return _range_text(self.low, self.high, self.unit)


def _percent(value: float, sign: str = "%") -> str:
    """A share as a percentage with at most one decimal: 0.036 -> "3.6%", 0.35 -> "35%"."""
    return f"{round(value * 100, 1):g}{sign}"


# (short name, source, where it was read, population)
_CAREERPLUG = ("CareerPlug", "CareerPlug Recruiting Metrics Report", "careerplug.com/blog/recruiting-metrics-and-kpis",
               ">60,000 US small businesses")
_ASHBY = ("Ashby", "Ashby Talent Trends (secondary summary)",
          "startupkit.app/blog/300-applications-per-role-triage-crisis", ">100M applications, mostly tech employers")
_JOBVITE = ("Jobvite", "Jobvite Recruiting Benchmark Report 2018",
            "huntscanlon.com/benchmark-metrics-to-guide-your-recruitment-strategy", "employers' applicant pipelines")
_LEVER_2019 = ("Lever", "Lever 2019 Talent Benchmarks", "lever.co/blog/2019-talent-benchmarks-interviewing-statistics",
               "onsite interviews")
_LEVER_2016 = ("Lever", "Lever study (reported by SHRM)", "shrm.org (Lever study: 1 in 100 candidates hired)",
               "4M candidates, ~1,000 companies")
_GLASSDOOR_GHOSTING = ("Glassdoor", "Glassdoor Economic Research",
                       "recruitingnewsnetwork.com (employer ghosting has more than doubled)", ">1M US interview reviews")
_INDEED = ("Indeed", "Indeed / Censuswide", "indeed.com/lead/indeeds-ghosting-in-hiring-report",
           "job seekers in the US, UK and Canada")
_TALENT_BOARD = ("Talent Board", "Talent Board CandE", "thetalentboard.org (let candidates know where they stand)",
                 "candidates in North America")
_TALENT_BOARD_2022 = ("Talent Board", "Talent Board CandE benchmark",
                      "ere.net (latest findings on giving feedback to candidates)", "candidates")
_GLASSDOOR_TIME = ("Glassdoor", "Glassdoor", "glassdoor.com/research/time-to-hire-in-25-countries",
                   "~84,000 interview reviews")
_ST_LOUIS_FED = ("St. Louis Fed", "St. Louis Fed (Davis & Samaniego de la Parra)",
                 "stlouisfed.org/on-the-economy/2017/november/how-quickly-people-apply-jobs", "~80M applications")


def _norm(metric: str, low: float, high: float | None, origin: tuple[str, str, str, str], year: str, kind: str,
          unit: str = "share", segment: str = "", population: str | None = None) -> Norm:
    short, source, url, default_population = origin
    return Norm(metric, low, low if high is None else high, population or default_population, year, source, url,
                kind, short, unit, segment)


NORMS: tuple[Norm, ...] = (
    # application -> interview
    _norm("application_interview", 0.03, None, _CAREERPLUG, "2024", "E"),
    _norm("application_interview", 0.07, 0.08, _ASHBY, "2021", "E"),
    _norm("application_interview", 0.036, 0.047, _ASHBY, "2025", "E"),
    # interview -> offer, interview -> hire, final (onsite) interview -> offer
    _norm("interview_offer", 0.17, None, _JOBVITE, "2015", "E"),
    _norm("interview_offer", 0.20, None, _JOBVITE, "2016", "E"),
    _norm("interview_offer", 0.28, None, _JOBVITE, "2017", "E"),
    _norm("interview_hire", 0.27, None, _CAREERPLUG, "2024", "E"),
    _norm("final_offer", 0.30, 0.40, _LEVER_2019, "2019", "E"),
    # candidates hired per candidate, by channel ("1 in 16" is 1/16)
    *(_norm("candidate_hire", 1 / per_hire, None, _LEVER_2016, "2015–16", "E", segment=segment)
      for segment, per_hire in (("", 100), ("referral", 16), ("agency", 22), ("sourced", 72),
                                ("careers site / job postings", 152))),
    # each channel's share of applications and of hires
    *(_norm(metric, share, None, _CAREERPLUG, "2024", "E", segment=segment)
      for segment, applications, hires in (("job boards", 0.61, 0.42), ("career pages", 0.13, 0.26),
                                            ("referrals", 0.02, 0.11))
      for metric, share in (("channel_share_of_applications", applications), ("channel_share_of_hires", hires))),
    # interview reviews that mention ghosting, by channel (Oct 2023)
    *(_norm("ghosting_per_interview", share, None, _GLASSDOOR_GHOSTING, "2023", "C", segment=segment)
      for segment, share in (("", 0.031), ("via recruiter", 0.054), ("applied online", 0.038), ("referral", 0.022))),
    _norm("never_acknowledged", 0.35, None, _INDEED, "2023", "C"),
    _norm("never_acknowledged", 0.32, None, _INDEED, "2022", "C"),
    _norm("still_waiting_two_months", 0.33, None, _TALENT_BOARD, "2020", "C"),
    _norm("still_waiting_two_months", 0.30, None, _TALENT_BOARD, "2019", "C"),
    *(_norm("never_received_feedback", share, None, _TALENT_BOARD_2022, "2022", "C", segment=region,
            population=f"candidates in {region}")
      for region, share in (("North America", 0.71), ("EMEA", 0.60), ("APAC", 0.53))),
    *(_norm("application_decision_days", days, None, _GLASSDOOR_TIME, "2017", "C", unit="days", segment=segment,
            population=f"~84,000 interview reviews, {where}, H1 2017")
      for segment, where, days in (("", "US", 23.8), ("government", "US government", 53.8),
                                   ("aerospace & defence", "US aerospace & defence", 32.6),
                                   ("restaurants", "US restaurants", 10.2))),
    _norm("applications_first_48_hours", 0.41, None, _ST_LOUIS_FED, "2017", "E"),
)
"""Every figure of NORMS.md, in its order. There is no published LinkedIn Easy Apply norm."""


def norms_for(metric: str, segment: str | None = "") -> tuple[Norm, ...]:
    """The figures of one metric; ``segment=None`` returns every segment, "" the whole population."""
    return tuple(norm for norm in NORMS if norm.metric == metric and (segment is None or norm.segment == segment))


@dataclass(frozen=True)
class MedianDays:
    """A median of whole days with its 95% distribution-free interval (order statistics)."""

    value: float | None
    low: float | None
    high: float | None
    n: int

    @property
    def too_few(self) -> bool:
        """True below :data:`~analysis.core.stats.MIN_N` measurements."""
        return self.n < MIN_N

    def label(self) -> str:
        """ "16 days (n=83)", or "too few to tell (n=3)"."""
        if self.too_few:
            return f"too few to tell (n={self.n})"
        return f"{self.value:g} days (n={self.n})"

    @classmethod
    def of(cls, days: tuple[int, ...] | list[int]) -> MedianDays:
        """The median of ``days`` with the interval between the order statistics at ranks
        n/2 ∓ 1.96·√n/2 (the usual normal approximation to the binomial, clamped to the data)."""
        values = sorted(days)
        n = len(values)
        if n == 0:
            return cls(None, None, None, 0)
        middle = n // 2
        median = float(values[middle]) if n % 2 else (values[middle - 1] + values[middle]) / 2
        spread = Z95 * math.sqrt(n) / 2
        low_rank = max(1, math.floor(n / 2 - spread))
        high_rank = min(n, math.ceil(n / 2 + 1 + spread))
        return cls(median, float(values[low_rank - 1]), float(values[high_rank - 1]), n)


@dataclass(frozen=True)
class NormComparison:
    """The user's figure beside a published range.

    ``position`` is "above", "below", "within", "unclear" (the value is outside the range but its
    interval reaches it) or "too few". ``verdict`` reads it for the user: "better", "worse",
    "in line", "unclear" or "too few" (for no-response share and days, lower is better).
    """

    metric: str
    label: str
    yours: Rate | MedianDays
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
        return _range_text(self.low, self.high, self.unit)

    @property
    def sources(self) -> str:
        """ "CareerPlug 2024; Ashby 2021–2025"."""
        return _citations(self.norms)

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
            "median_days": self.yours.value, "ci95": [self.yours.low, self.yours.high], "n": self.yours.n}
        return {
            "metric": self.metric, "label": self.label, "yours": yours, "range": [self.low, self.high],
            "unit": self.unit, "position": self.position, "verdict": self.verdict, "reading": self.reading,
            "note": self.note, "caveat": self.caveat, "kind": self.kind, "sources": self.sources,
            "populations": self.populations, "years": self.years,
        }


def _range_text(low: float, high: float, unit: str) -> str:
    if unit == "days":
        return f"{low:g} days" if low == high else f"{low:g}–{high:g} days"
    return _percent(low) if low == high else f"{_percent(low, '')}–{_percent(high)}"


def _citations(norms: tuple[Norm, ...]) -> str:
    """One citation per source, its years joined: "CareerPlug 2024; Ashby 2021–2025"."""
    years: dict[str, list[str]] = {}
    for norm in norms:
        years.setdefault(norm.short, []).append(norm.year)
    parts = []
    for source, found in years.items():
        found = sorted(dict.fromkeys(found))
        parts.append(f"{source} {found[0] if len(found) == 1 else f'{found[0]}–{found[-1]}'}")
    return "; ".join(parts)


_TAILS: dict[tuple[str, str], str] = {
    ("E", "better"): "employer-side averages include every applicant, so a targeted search should do better",
    ("E", "in line"): "employer-side averages include every applicant, so a targeted search can aim higher",
    ("E", "worse"): "employer-side averages include every applicant, untargeted ones too, so this is worth working on",
    ("C", "better"): "better than many job seekers report, though surveys are a rough yardstick",
    ("C", "in line"): "a common experience, as far as surveys of job seekers go",
    ("C", "worse"): "worse than many job seekers report, so this is worth working on",
}


def compare_with_norms(metric: str, label: str, yours: Rate | MedianDays, norms: tuple[Norm, ...], who: str,
                       note: str = "", lower_is_better: bool = False) -> NormComparison:
    """The user's ``yours`` beside the range of ``norms`` with a one-sentence reading.

    ``who`` completes "the 3–8% that ..." ("employers report across all applicants"); ``note`` says
    how the user's figure differs from the published one.
    """
    low, high = min(n.low for n in norms), max(n.high for n in norms)
    unit, kind = norms[0].unit, norms[0].kind
    range_text = _range_text(low, high, unit)
    cited = f"{range_text} {who} ({_citations(norms)})"
    if yours.too_few or yours.value is None:
        position = verdict = "too few"
        reading = f"Too few to tell your {label} yet (n={yours.n}); for reference, the published figure is the {cited}."
        return NormComparison(metric, label, yours, low, high, unit, norms, position, verdict, reading, note)
    if yours.low > high:
        position = "above"
    elif yours.high < low:
        position = "below"
    elif low <= yours.value <= high:
        position = "within"
    else:
        position = "unclear"
    relation = {"above": "above", "below": "below", "within": "within" if low != high else "in line with",
                "unclear": "not clearly different from"}[position]
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


def norms_beside(funnel: Funnel, timing=None, feedback=None) -> list[NormComparison]:
    """The user's rates beside the published figures, in funnel order.

    Always: the interview rate (application -> interview, as on the Funnel page), interview ->
    offer and final interview -> offer (offers over the applications that reached that stage,
    leaving out those still in progress at it or a later interview: they may yet get an offer),
    and the no-response share. With ``timing`` (:class:`analysis.funnel.timing.Timing`) holding
    reply dates: the median days to a reply beside the days to a decision. With ``feedback``
    (:class:`analysis.feedback.summary.FeedbackSummary`, pass it only when the file has a feedback
    column) and at least one rejection: the share of rejections without feedback.
    """
    overview = funnel.overview
    offers = funnel.stage("offer").reached
    comparisons = [
        compare_with_norms(
            "application_interview", "interview rate", overview.interview_rate, norms_for("application_interview"),
            "that employers report across all applicants",
            "Yours counts every application, as on the Funnel page, including those still waiting for an answer."),
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
    if timing is not None and timing.overall.n:
        comparisons.append(compare_with_norms(
            "application_decision_days", "median time to a reply", MedianDays.of(timing.days),
            norms_for("application_decision_days"), "from application to decision that US interviewees report",
            "Yours counts days to the first dated reply of any kind, which often comes before the decision; "
            "Glassdoor's average ranges from 10.2 days (restaurants) to 53.8 (government).",
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
