"""Rates by segment: channel (and raw source), role family, seniority, month applied, repeated company.

For each segment: applications, interview rate, response rate and offer rate (see
``analysis.funnel.stages`` for the definitions), each a :class:`~analysis.core.stats.Rate`. A segment is
marked "better" or "worse" than the rest only when Fisher's exact test on its interview rate
against all other applications stays below 5% once adjusted for every test of its table
(Benjamini–Hochberg: the segments of one dimension are shown together), and both sides have n >= 5.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd

from analysis.core.schema import CHANNELS, require_columns
from analysis.core.stats import Comparison, Rate, compare, control_false_discoveries
from analysis.funnel.stages import application_flags
from analysis.normalize.companies import company_names

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


class _TestFamily:
    """The interview-rate tests of one table's segments against their rests, run together when first
    asked for and adjusted for one another (Benjamini–Hochberg)."""

    def __init__(self, pairs: tuple[tuple[Rate, Rate], ...]) -> None:
        self.pairs = pairs

    @cached_property
    def comparisons(self) -> tuple[Comparison, ...]:
        """Each segment's adjusted comparison, in the table's order."""
        return control_false_discoveries([_versus_rest(rate, rest) for rate, rest in self.pairs])


@dataclass(frozen=True)
class Segment:
    """One segment's rates. ``versus_rest`` compares its interview rate with ``rest_interview_rate``,
    that of all other applications."""

    name: str
    applications: int
    interview_rate: Rate
    response_rate: Rate
    offer_rate: Rate
    rest_interview_rate: Rate
    sources: tuple[str, ...] = ()
    _family: tuple[_TestFamily, int] | None = field(default=None, repr=False, compare=False)
    """The tests of the segment's table and its place among them (None: tested alone)."""

    @property
    def versus_rest(self) -> Comparison:
        """The test against the rest, adjusted for the other segments of its table. The tests run when
        first asked for: most company segments are only tested for the JSON report, and a filter change
        in the app need not wait for them."""
        if self._family is None:
            return _versus_rest(self.interview_rate, self.rest_interview_rate)
        family, position = self._family
        return family.comparisons[position]

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
    """Every segmentation the dashboard shows, and companies with two or more applications."""

    channel: SegmentTable
    source: SegmentTable
    role_family: SegmentTable
    seniority: SegmentTable
    month: SegmentTable
    _company_inputs: tuple[pd.DataFrame, pd.Series, pd.DataFrame] = field(repr=False, compare=False)
    """The applications, their company names and flags: the company table is built when first asked for."""

    @cached_property
    def company(self) -> SegmentTable:
        """Companies with two or more applications (their name blank left out). Only the JSON report
        lists them, so a filter change in the app does not wait for their hundreds of tests."""
        apps, companies, flags = self._company_inputs
        table = segment_by(apps, companies, "company", min_size=2, flags=flags)
        return SegmentTable("company", tuple(s for s in table.segments if s.name != ""))

    def to_dict(self) -> dict:
        """A JSON-ready dict keyed by dimension."""
        tables = (self.channel, self.source, self.role_family, self.seniority, self.month, self.company)
        return {table.dimension: table.to_dict() for table in tables}


def segment_by(
    apps: pd.DataFrame,
    keys: pd.Series,
    dimension: str,
    order: tuple[str, ...] | None = None,
    min_size: int = 1,
    flags: pd.DataFrame | None = None,
) -> SegmentTable:
    """Rates of ``apps`` grouped by ``keys`` (a Series aligned with ``apps``).

    Segments come in ``order`` when given (absent names skipped), else largest first. Segments
    with fewer than ``min_size`` applications are left out but still count in "the rest".
    ``flags`` is ``application_flags(apps)`` when the caller has it already.
    """
    flags = application_flags(apps) if flags is None else flags
    codes, names = pd.factorize(keys)
    groups = codes >= 0
    codes = codes[groups]

    def per_group(column: str) -> list[int]:
        counts = np.bincount(codes, weights=flags[column].to_numpy()[groups], minlength=len(names))
        return counts.astype(np.int64).tolist()

    sizes = np.bincount(codes, minlength=len(names))
    applications, interviewed = sizes.tolist(), per_group("interviewed")
    responded, offered = per_group("responded"), per_group("offered")
    total_applications, total_interviewed = sum(applications), sum(interviewed)
    names = list(names)
    by_size = np.argsort(-sizes, kind="stable").tolist()
    if order:
        position = {name: i for i, name in enumerate(names)}
        by_size = [position[name] for name in order if name in position] + [i for i in by_size if names[i] not in order]
    sources = _sources_by(apps, keys) if dimension == "channel" else {}
    kept = [i for i in by_size if applications[i] >= min_size]
    rates = {i: _rate(interviewed[i], applications[i]) for i in kept}
    rests = {i: _rate(total_interviewed - interviewed[i], total_applications - applications[i]) for i in kept}
    family = _TestFamily(tuple((rates[i], rests[i]) for i in kept))
    segments = []
    for position, i in enumerate(kept):
        n = applications[i]
        segments.append(
            Segment(
                name=str(names[i]),
                applications=n,
                interview_rate=rates[i],
                response_rate=_rate(responded[i], n),
                offer_rate=_rate(offered[i], n),
                rest_interview_rate=rests[i],
                sources=sources.get(names[i], ()),
                _family=(family, position),
            )
        )
    return SegmentTable(dimension, tuple(segments))


_rate = lru_cache(maxsize=65_536)(Rate.of)
"""``Rate.of``, remembered: many segments share their counts (rates are immutable)."""


_versus_rest = lru_cache(maxsize=65_536)(compare)
"""``compare`` of a segment's interview rate with the rest's, remembered (rates are immutable and hashable)."""


def _sources_by(apps: pd.DataFrame, keys: pd.Series) -> dict[str, tuple[str, ...]]:
    """The raw source names of each key, most frequent first (ties in order of appearance)."""
    sources = apps["source"].str.strip()
    key_codes, key_names = pd.factorize(keys)
    source_codes, source_names = pd.factorize(sources)
    present = (key_codes >= 0) & (source_codes >= 0) & (sources != "").to_numpy(dtype=bool)
    width = max(len(source_names), 1)
    pairs, first_seen = pd.factorize(key_codes[present] * width + source_codes[present])
    counts = np.bincount(pairs, minlength=len(first_seen))
    result: dict[str, list[str]] = {}
    for pair in np.argsort(-counts, kind="stable").tolist():
        key, source = divmod(int(first_seen[pair]), width)
        result.setdefault(key_names[key], []).append(source_names[source])
    return {key: tuple(values) for key, values in result.items()}


def _labels(codes: np.ndarray, labels: list[str], index: pd.Index) -> pd.Series:
    """``labels[code]`` for each row (code -1 takes the last label), as a categorical Series, which
    groups without hashing text again."""
    label_codes, names = pd.factorize(np.array(labels, dtype=object))
    return pd.Series(pd.Categorical.from_codes(label_codes[codes], categories=names), index=index)


def build_segments(apps: pd.DataFrame, flags: pd.DataFrame | None = None,
                   companies: pd.Series | None = None) -> Segments:
    """All segmentations of the canonical applications table (never modified).

    ``flags`` (``application_flags(apps)``) and ``companies`` (``company_names(apps)``) may be
    passed when the caller has them already.
    """
    require_columns(apps, ("company", "role", "source", "channel", "applied_on"))
    flags = application_flags(apps) if flags is None else flags
    # Each distinct job title and month is read once.
    role_codes, roles = pd.factorize(apps["role"].astype(str), use_na_sentinel=False)
    month_codes, month_starts = pd.factorize(apps["applied_on"].to_numpy().astype("datetime64[M]"))
    months = _labels(month_codes, [*pd.DatetimeIndex(month_starts).strftime("%Y-%m"), NO_DATE], apps.index)
    month_order = tuple(sorted(name for name in months.unique() if name != NO_DATE)) + (NO_DATE,)
    companies = company_names(apps) if companies is None else companies
    sources = apps["source"].str.strip().where(lambda s: s != "", "(blank)")
    return Segments(
        channel=segment_by(apps, apps["channel"], "channel", order=CHANNELS, flags=flags),
        source=segment_by(apps, sources, "source", flags=flags),
        role_family=segment_by(apps, _labels(role_codes, [role_family(role) for role in roles], apps.index),
                               "role_family", order=ROLE_FAMILIES, flags=flags),
        seniority=segment_by(apps, _labels(role_codes, [seniority(role) for role in roles], apps.index),
                             "seniority", order=SENIORITIES, flags=flags),
        month=segment_by(apps, months, "month", order=month_order, flags=flags),
        _company_inputs=(apps, companies, flags),
    )
