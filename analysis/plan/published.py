"""Published job-search figures (shared/NORMS.md) as data: who was measured, when, by whom.

:data:`NORMS` holds every figure of NORMS.md and nothing else: who was measured, the year, the
source, and whether job seekers were asked (``kind`` "C") or employers' applicant pipelines were
counted ("E": every applicant to a job, untargeted and spam ones included, so a targeted search
should do better). A figure published as a range keeps its ``low`` and ``high``; a single figure
has ``low == high``. ``statistic`` says what kind of summary a figure is ("share", "mean"), so
that a comparison sets a median only beside a median, or says that the published one is a mean.
"""
from __future__ import annotations

from dataclasses import dataclass

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
    statistic: str = "share"
    """What the figure summarises: "share" (of people or applications) or "mean" (an average of days)."""

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
        return range_text(self.low, self.high, self.unit)


def percent(value: float, sign: str = "%") -> str:
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
    statistic = "mean" if unit == "days" else "share"  # every published figure in days is an average
    return Norm(metric, low, low if high is None else high, population or default_population, year, source, url,
                kind, short, unit, segment, statistic)


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


def range_text(low: float, high: float, unit: str) -> str:
    """A published range as text: "3%", "30–40%", "23.8 days"."""
    if unit == "days":
        return f"{low:g} days" if low == high else f"{low:g}–{high:g} days"
    return percent(low) if low == high else f"{percent(low, '')}–{percent(high)}"


def citations(norms: tuple[Norm, ...]) -> str:
    """One citation per source, its years joined: "CareerPlug 2024; Ashby 2021–2025"."""
    years: dict[str, list[str]] = {}
    for norm in norms:
        years.setdefault(norm.short, []).append(norm.year)
    parts = []
    for source, found in years.items():
        found = sorted(dict.fromkeys(found))
        parts.append(f"{source} {found[0] if len(found) == 1 else f'{found[0]}–{found[-1]}'}")
    return "; ".join(parts)


