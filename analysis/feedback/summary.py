"""What the feedback says: themes to work on, strengths, coverage, quotes, and what was not personal.

``summarise_feedback(apps, extra_keywords)`` classifies every non-blank feedback text once with
``analysis.feedback.classifier.classify`` and returns a :class:`FeedbackSummary`. Definitions:

* A theme is an *improvement* of a text when the classifier reads it negatively there
  (``theme_polarity``), and a *strength* when it is praised. ``role_closed`` and ``generic``
  are never strengths.
* ``theme_counts`` counts applications whose feedback names the theme as something to improve,
  ``strength_counts`` as praise; the share divides by the applications with any feedback text
  (every outcome, not only rejections).
* Coverage = rejections with any feedback text / rejections, overall and by month applied.
* A rejection is *outside the candidate's control* when its feedback names a closed role
  (filled, frozen, cancelled) or gives no specific reason at all (its only improvement theme is
  ``generic``); the rate divides by the rejections with feedback.
* Recency: each application is dated by its answer (``responded_on``, else ``last_update``,
  else ``applied_on``). Feedback dated within :data:`RECENT_DAYS` days before the latest
  application date (or later) weighs :data:`RECENT_WEIGHT` in the weighted counts; older or
  undated feedback weighs 1.
* The stage of an application is its furthest stage, an offer outcome counting as ``offer``.
* A text that gives a reason no theme could be placed for is *unclear* (``unclear_count``,
  ``unclear_texts``): it has no theme and is listed for the user to read.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
import pandas as pd

from analysis.core.schema import require_columns
from analysis.core.stats import Rate
from analysis.feedback.classified import OUTSIDE_CONTROL, TABLE_COLUMNS, Classified, classified_table

__all__ = ["OUTSIDE_CONTROL", "FeedbackSummary", "Quote", "highlight", "naming", "naming_any", "summarise_feedback"]

RECENT_DAYS = 60
RECENT_WEIGHT = 2.0
QUOTES_PER_THEME = 3
EVIDENCE_WORDS = 4  # the words shown beside a theme's count


@dataclass(frozen=True)
class Quote:
    """One feedback text quoted for a theme, with the phrases that triggered the theme."""

    text: str
    theme: str
    praised: bool
    phrases: tuple[str, ...]
    company: str
    role: str
    stage: str
    dated_on: pd.Timestamp | None
    source_row: int

    def pieces(self) -> list[tuple[str, bool]]:
        """The text split into ``(segment, is_evidence)`` pieces (see :func:`highlight`)."""
        return highlight(self.text, self.phrases)


@dataclass(frozen=True)
class FeedbackSummary:
    """The feedback of a set of applications.

    ``table`` has one row per application (all of them, in input order) with columns
    source_row, company, role, furthest_stage, outcome, applied_on, dated_on, feedback,
    has_feedback, themes, improvement_themes, strength_themes (tuples), polarity ("" without
    text), evidence (dict theme -> phrases), unclear (bool: a reason no theme matched),
    outside_control (bool) and weight.
    ``improvements``/``strengths`` map theme -> applications, ordered by count then THEMES;
    ``by_stage`` counts improvement mentions by theme (rows, same order) and stage (columns).
    ``recent_since`` is the first day of the recency window (None without dates).
    """

    table: pd.DataFrame
    improvements: dict[str, int]
    strengths: dict[str, int]
    weighted_improvements: dict[str, float]
    by_stage: pd.DataFrame
    coverage: Rate
    coverage_by_month: dict[str, Rate]
    outside_control: Rate
    quotes: dict[str, tuple[Quote, ...]]
    recent_since: pd.Timestamp | None

    def texts(self, *columns: str) -> pd.DataFrame:
        """The rows of ``table`` that have feedback text, with only ``columns`` (every column when none
        is named: taking fewer is much cheaper on a large table)."""
        chosen = self.table[list(columns)] if columns else self.table
        return chosen[self.table["has_feedback"].to_numpy()]

    @property
    def text_count(self) -> int:
        """How many applications have feedback text."""
        return int(self.table["has_feedback"].sum())

    @property
    def unclear_count(self) -> int:
        """How many applications have feedback that gives a reason no theme matched."""
        return int(self.table["unclear"].sum()) if "unclear" in self.table else 0

    def unclear_texts(self) -> pd.DataFrame:
        """The applications whose feedback gives a reason no theme matched, for the user to read:
        source_row, company, role, feedback."""
        columns = ["source_row", "company", "role", "feedback"]
        if "unclear" not in self.table:
            return self.table[columns].iloc[:0]
        return self.table.loc[self.table["unclear"].to_numpy(dtype=bool), columns]

    def evidence_words(self, theme: str, praised: bool = False, most: int = EVIDENCE_WORDS) -> tuple[str, ...]:
        """The words of the feedback behind a theme, those of the most applications first (ties
        alphabetically): its evidence where it is named as something to improve, or as a strength
        (``praised``). Words differing only in case or spacing count as one, shown as first written."""
        column = "strength_themes" if praised else "improvement_themes"
        rows = naming(self.texts("feedback", "evidence", column), theme, column)
        weights = rows["feedback"].value_counts(sort=False)
        counts: dict[str, int] = {}
        shown: dict[str, str] = {}
        distinct = rows.drop_duplicates("feedback")
        for text, evidence in zip(distinct["feedback"].tolist(), distinct["evidence"].tolist()):
            for phrase in evidence.get(theme, ()):
                written = " ".join(phrase.split())
                key = written.lower()
                counts[key] = counts.get(key, 0) + int(weights[text])
                shown.setdefault(key, written)
        return tuple(shown[key] for key in sorted(counts, key=lambda key: (-counts[key], key))[:most])

    def theme_counts(self) -> list[dict]:
        """``[{"theme", "count", "share"}]`` of themes named as something to improve (DESIGN.md ``themes``)."""
        return self._count_list(self.improvements)

    def strength_counts(self) -> list[dict]:
        """``[{"theme", "count", "share"}]`` of themes the feedback praised."""
        return self._count_list(self.strengths)

    def _count_list(self, counts: dict[str, int]) -> list[dict]:
        texts = self.text_count
        return [{"theme": theme, "count": count, "share": count / texts} for theme, count in counts.items()]


def naming(rows: pd.DataFrame, theme: str, column: str = "themes") -> pd.DataFrame:
    """The rows of a :attr:`FeedbackSummary.table` slice whose ``column`` (a tuple of themes) holds ``theme``."""
    return rows[naming_any(rows, (theme,), column)]


def naming_any(rows: pd.DataFrame, themes: Collection[str], column: str = "themes") -> np.ndarray:
    """Which rows of a :attr:`FeedbackSummary.table` slice have any of ``themes`` in ``column``: a boolean
    array (cheaper than taking the rows when only a count or a sum is needed)."""
    codes, distinct = pd.factorize(rows[column])  # the tuples repeat: look at each distinct one once
    holds = np.array([any(theme in found for theme in themes) for found in distinct] + [False], dtype=bool)
    return holds[codes]


def highlight(text: str, phrases: Iterable[str]) -> list[tuple[str, bool]]:
    """``text`` split into ``(segment, is_evidence)`` pieces, in order, that join back to ``text``.

    Each phrase matches case-insensitively, with any run of whitespace for a space and not
    inside a longer word; overlapping or touching matches merge into one evidence piece.
    """
    spans = sorted(match.span() for phrase in phrases if phrase.strip() for match in _phrase_pattern(phrase).finditer(text))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in merged:
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def _phrase_pattern(phrase: str) -> re.Pattern:
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    before = r"(?<!\w)" if phrase.strip()[0].isalnum() else ""
    after = r"(?!\w)" if phrase.strip()[-1].isalnum() else ""
    return re.compile(before + body + after, re.IGNORECASE)


def summarise_feedback(apps: pd.DataFrame, extra_keywords: Mapping[str, Iterable[str]] | None = None) -> FeedbackSummary:
    """The :class:`FeedbackSummary` of the canonical applications table (never modified)."""
    require_columns(apps, (*TABLE_COLUMNS, "responded_on", "last_update"))
    table, classified = classified_table(apps, extra_keywords)
    recent_since = _recent_since(table)
    table = table.assign(weight=_weights(table["dated_on"], recent_since))
    has_feedback = table["has_feedback"].to_numpy()
    rejected = (table["outcome"] == "rejected").to_numpy()
    rejected_texts = rejected & has_feedback
    improvements = classified.counts("improvement_themes", has_feedback)
    strengths = classified.counts("strength_themes", has_feedback)
    return FeedbackSummary(
        table=table,
        improvements=improvements,
        strengths=strengths,
        weighted_improvements=classified.weighted_counts(improvements, table["weight"].to_numpy(), has_feedback),
        by_stage=classified.by_stage(list(improvements), has_feedback),
        coverage=Rate.of(int(rejected_texts.sum()), int(rejected.sum())),
        coverage_by_month=_coverage_by_month(table["applied_on"], rejected, has_feedback),
        outside_control=Rate.of(int((rejected_texts & table["outside_control"].to_numpy()).sum()),
                                int(rejected_texts.sum())),
        quotes=_quotes(table, classified, [*improvements, *strengths]),
        recent_since=recent_since,
    )


def _recent_since(table: pd.DataFrame) -> pd.Timestamp | None:
    latest = table["applied_on"].max()
    if pd.isna(latest):
        latest = table["dated_on"].max()
    return None if pd.isna(latest) else latest - pd.Timedelta(days=RECENT_DAYS)


def _weights(dated_on: pd.Series, since: pd.Timestamp | None) -> pd.Series:
    """:data:`RECENT_WEIGHT` for answers dated on or after ``since``, else 1."""
    if since is None:
        return pd.Series(1.0, index=dated_on.index)
    return pd.Series(np.where((dated_on >= since).to_numpy(), RECENT_WEIGHT, 1.0), index=dated_on.index)


def _coverage_by_month(applied_on: pd.Series, rejected: np.ndarray, has_feedback: np.ndarray) -> dict[str, Rate]:
    """Per month applied ("YYYY-MM", in order): rejections with feedback text / dated rejections."""
    dated = rejected & applied_on.notna().to_numpy()
    codes, months = pd.factorize(applied_on.to_numpy()[dated].astype("datetime64[M]"))
    labels = pd.DatetimeIndex(months).strftime("%Y-%m").tolist()
    counts = np.bincount(codes, minlength=len(labels)).tolist()
    with_text = np.bincount(codes, weights=has_feedback[dated], minlength=len(labels)).astype(np.int64).tolist()
    return {month: Rate.of(with_text[i], counts[i]) for month, i in sorted((month, i) for i, month in enumerate(labels))}


def _quotes(table: pd.DataFrame, classified: Classified, themes: list[str]) -> dict[str, tuple[Quote, ...]]:
    """Up to :data:`QUOTES_PER_THEME` texts per theme, most recent first (undated last)."""
    rows = np.flatnonzero(table["has_feedback"].to_numpy())
    keys = pd.DataFrame({name: table[name].to_numpy()[rows] for name in ("dated_on", "source_row")})
    order = keys.sort_values(["dated_on", "source_row"], ascending=False, na_position="last").index.to_numpy()
    newest_first = rows[order]
    text_codes = classified.codes[newest_first]
    found, matrix = classified.membership("themes")
    naming_theme = {theme: matrix[:, i].astype(bool) for i, theme in enumerate(found)}
    columns = {name: table[name].array for name in _QUOTE_FIELDS}

    def row_at(position: int) -> SimpleNamespace:  # cell by cell: taking rows would copy whole text columns
        return SimpleNamespace(**{name: column[position] for name, column in columns.items()})

    quotes = {}
    for theme in dict.fromkeys(themes):
        chosen = newest_first[np.flatnonzero(naming_theme[theme][text_codes])[:QUOTES_PER_THEME]]
        quotes[theme] = tuple(_quote(row_at(position), theme) for position in chosen.tolist())
    return quotes


_QUOTE_FIELDS = ("feedback", "strength_themes", "evidence", "company", "role", "furthest_stage", "dated_on", "source_row")


def _quote(row: SimpleNamespace, theme: str) -> Quote:
    return Quote(
        text=row.feedback,
        theme=theme,
        praised=theme in row.strength_themes,
        phrases=tuple(row.evidence.get(theme, ())),
        company=row.company,
        role=row.role,
        stage=row.furthest_stage,
        dated_on=None if pd.isna(row.dated_on) else row.dated_on,
        source_row=int(row.source_row),
    )
