"""Rates by segment: channel (and raw source), role family, seniority, month applied, repeated company.

For each segment: applications, interview rate, response rate and offer rate (see
``analysis.funnel`` for the definitions), each a :class:`~analysis.stats.Rate`. A segment is
marked "better" or "worse" than the rest only when Fisher's exact test on its interview rate
against all other applications is significant at 5% and both sides have n >= 5.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.funnel import application_flags, require_columns
from analysis.schema import CHANNELS
from analysis.stats import Comparison, Rate, compare

ROLE_FAMILIES: tuple[str, ...] = ("analyst", "engineer", "scientist", "manager", "designer", "other")
SENIORITIES: tuple[str, ...] = ("junior", "mid", "senior", "unknown")
NO_DATE = "no date"

# Head nouns of a job title; the last one before any qualifier ("Engineer, Data") wins.
_FAMILY_NOUNS: tuple[tuple[str, str], ...] = (
    ("analyst", r"analysts?|(?:bi|business intelligence|reporting|tableau) developers?"),
    ("engineer", r"engineers?|developers?|programmers?|architects?|swe|sre|devops"),
    ("scientist", r"scientists?|researchers?"),
    ("manager", r"managers?|directors?|head|vp|chief|cto|cfo|ceo|owner"),
    ("designer", r"designers?|ux researchers?"),
)
# Domain words used when no head noun is found ("Head of Data" is handled by the nouns).
_FAMILY_DOMAINS: tuple[tuple[str, str], ...] = (
    ("scientist", r"data science|machine learning|research|\bml\b|\bai\b"),
    ("analyst", r"analytics|analysis|\bbi\b|business intelligence|insights?"),
    ("engineer", r"engineering|software|backend|front[- ]?end|full[- ]?stack|\bdev\b"),
    ("designer", r"design|\bux\b|\bui\b"),
    ("manager", r"management"),
)
_NOUN = re.compile("|".join(rf"\b(?P<{family}>{words})\b" for family, words in _FAMILY_NOUNS))
_JUNIOR = re.compile(r"\b(intern|internship|junior|jr|graduate|grad|entry[- ]level|trainee|apprentice|working student)\b")
_SENIOR = re.compile(r"\b(senior|sr|lead|principal|staff|head|manager|director|vp|chief)\b")


@lru_cache(maxsize=4096)
def role_family(role: str) -> str:
    """The family of a job title: analyst, engineer, scientist, manager, designer or other."""
    text = str(role).lower()
    main = re.split(r",|\s[-–|(]\s?|\(", text, maxsplit=1)[0]
    for part in (main, text):
        matches = list(_NOUN.finditer(part))
        if matches:
            return matches[-1].lastgroup
    for family, pattern in _FAMILY_DOMAINS:
        if re.search(pattern, text):
            return family
    return "other"


@lru_cache(maxsize=4096)
def seniority(role: str) -> str:
    """The level a job title names: junior (intern, graduate...), senior (lead, principal, manager...),
    mid otherwise, or unknown for a blank title."""
    text = str(role).lower()
    if not text.strip():
        return "unknown"
    if _JUNIOR.search(text):
        return "junior"
    if _SENIOR.search(text):
        return "senior"
    return "mid"


@dataclass(frozen=True)
class Segment:
    """One segment's rates. ``versus_rest`` compares its interview rate with all other applications."""

    name: str
    applications: int
    interview_rate: Rate
    response_rate: Rate
    offer_rate: Rate
    versus_rest: Comparison
    sources: tuple[str, ...] = ()

    @property
    def verdict(self) -> str | None:
        """ "better" or "worse" when significantly different from the rest, else None."""
        return self.versus_rest.direction if self.versus_rest.significant else None

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {
            "name": self.name,
            "applications": self.applications,
            "interview_rate": self.interview_rate.to_dict(),
            "response_rate": self.response_rate.to_dict(),
            "offer_rate": self.offer_rate.to_dict(),
            "versus_rest": self.versus_rest.to_dict(),
            "verdict": self.verdict,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class SegmentTable:
    """The segments of one dimension ("channel", "role_family"...), in display order."""

    dimension: str
    segments: tuple[Segment, ...]

    def get(self, name: str) -> Segment | None:
        """The segment called ``name``, or None."""
        return next((segment for segment in self.segments if segment.name == name), None)

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"dimension": self.dimension, "segments": [segment.to_dict() for segment in self.segments]}


@dataclass(frozen=True)
class Segments:
    """Every segmentation the dashboard shows."""

    channel: SegmentTable
    source: SegmentTable
    role_family: SegmentTable
    seniority: SegmentTable
    month: SegmentTable
    company: SegmentTable

    def to_dict(self) -> dict:
        """A JSON-ready dict keyed by dimension."""
        tables = (self.channel, self.source, self.role_family, self.seniority, self.month, self.company)
        return {table.dimension: table.to_dict() for table in tables}


def segment_by(
    apps: pd.DataFrame, keys: pd.Series, dimension: str, order: tuple[str, ...] | None = None, min_size: int = 1
) -> SegmentTable:
    """Rates of ``apps`` grouped by ``keys`` (a Series aligned with ``apps``).

    Segments come in ``order`` when given (absent names skipped), else largest first. Segments
    with fewer than ``min_size`` applications are left out but still count in "the rest".
    """
    flags = application_flags(apps)
    counts = flags.assign(key=keys.to_numpy(), applications=1).groupby("key", sort=False).sum(numeric_only=True)
    totals = counts.sum()
    by_size = list(counts.sort_values("applications", ascending=False, kind="stable").index)
    if order:
        by_size = [name for name in order if name in counts.index] + [n for n in by_size if n not in order]
    names = by_size
    sources = _sources_by(apps, keys) if dimension == "channel" else {}
    segments = []
    for name in names:
        row = counts.loc[name]
        n = int(row["applications"])
        if n < min_size:
            continue
        interviews = int(row["interviewed"])
        rate = Rate.of(interviews, n)
        rest = Rate.of(int(totals["interviewed"]) - interviews, int(totals["applications"]) - n)
        segments.append(
            Segment(
                name=str(name),
                applications=n,
                interview_rate=rate,
                response_rate=Rate.of(int(row["responded"]), n),
                offer_rate=Rate.of(int(row["offered"]), n),
                versus_rest=compare(rate, rest),
                sources=sources.get(name, ()),
            )
        )
    return SegmentTable(dimension, tuple(segments))


def _sources_by(apps: pd.DataFrame, keys: pd.Series) -> dict[str, tuple[str, ...]]:
    """The raw source names of each key, most frequent first."""
    frame = pd.DataFrame({"key": keys.to_numpy(), "source": apps["source"].str.strip().values})
    frame = frame[frame["source"] != ""]
    counted = frame.value_counts(["key", "source"], sort=True)
    result: dict[str, list[str]] = {}
    for (key, source), _ in counted.items():
        result.setdefault(key, []).append(source)
    return {key: tuple(values) for key, values in result.items()}


def company_names(apps: pd.DataFrame) -> pd.Series:
    """Each application's company, trimmed, with spellings that differ only in case merged
    to the first one seen ("Acme", "acme " -> "Acme"); "" stays "" (no company)."""
    names = apps["company"].astype(str).str.strip()
    keys = names.str.casefold()
    return keys.map(names.groupby(keys).first()).astype(str)


def build_segments(apps: pd.DataFrame) -> Segments:
    """All segmentations of the canonical applications table (never modified)."""
    require_columns(apps, ("company", "role", "source", "channel", "applied_on"))
    roles = apps["role"].astype(str)
    months = apps["applied_on"].dt.strftime("%Y-%m").fillna(NO_DATE)
    month_order = tuple(sorted(name for name in months.unique() if name != NO_DATE)) + (NO_DATE,)
    companies = company_names(apps)
    sources = apps["source"].str.strip().where(lambda s: s != "", "(blank)")
    company_table = segment_by(apps, companies, "company", min_size=2)
    return Segments(
        channel=segment_by(apps, apps["channel"], "channel", order=CHANNELS),
        source=segment_by(apps, sources, "source"),
        role_family=segment_by(apps, roles.map(role_family), "role_family", order=ROLE_FAMILIES),
        seniority=segment_by(apps, roles.map(seniority), "seniority", order=SENIORITIES),
        month=segment_by(apps, months, "month", order=month_order),
        company=SegmentTable("company", tuple(s for s in company_table.segments if s.name != "")),
    )
