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
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray

from analysis.core.schema import STAGES, THEMES, require_columns
from analysis.core.stats import Rate
from analysis.feedback.classifier import classify
from analysis.funnel.stages import stage_positions

RECENT_DAYS = 60
RECENT_WEIGHT = 2.0
QUOTES_PER_THEME = 3
OUTSIDE_CONTROL: tuple[str, ...] = ("role_closed", "generic")
"""Themes that say nothing about the candidate: the role went away, or no reason was given."""

_TABLE_COLUMNS = ("source_row", "company", "role", "furthest_stage", "outcome", "applied_on", "feedback")


def _theme_order(theme: str) -> int:
    """The position of a theme in THEMES (unknown themes last), for stable sorting."""
    return THEMES.index(theme) if theme in THEMES else len(THEMES)


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
    text), evidence (dict theme -> phrases), outside_control (bool) and weight.
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
    require_columns(apps, (*_TABLE_COLUMNS, "responded_on", "last_update"))
    table, classified = _classified_table(apps, extra_keywords)
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


_EMPTY_ROW: dict = {"themes": (), "improvement_themes": (), "strength_themes": (), "polarity": "", "evidence": {}}
"""The theme columns of an application without feedback text."""


@dataclass(frozen=True)
class _Classified:
    """The theme columns of each distinct feedback text (``rows``) and which one each application has (``codes``).

    Counting over the distinct texts, each weighted by how many applications have it, gives the
    same numbers as counting application by application, much faster.
    """

    rows: list[dict]
    codes: np.ndarray
    stages: np.ndarray  # each application's stage as an index into STAGES
    _memberships: dict = field(default_factory=dict, compare=False, repr=False)

    def column(self, name: str) -> np.ndarray | ExtensionArray:
        """One theme column for every application: Arrow strings for text, else an object array."""
        if name == "polarity":
            return pd.array([row[name] for row in self.rows], dtype=str).take(self.codes)
        return np.fromiter((row[name] for row in self.rows), dtype=object, count=len(self.rows))[self.codes]

    def membership(self, column: str) -> tuple[list[str], np.ndarray]:
        """The themes found in ``column`` (THEMES order) and which distinct text names which: a
        0/1 matrix of texts x themes, built once per column."""
        if column not in self._memberships:
            found = dict.fromkeys(theme for row in self.rows for theme in row[column])
            themes = sorted(found, key=_theme_order)
            position = {theme: i for i, theme in enumerate(themes)}
            matrix = np.zeros((len(self.rows), len(themes)), dtype=np.int64)
            cells = [(text, position[theme]) for text, row in enumerate(self.rows) for theme in row[column]]
            if cells:
                texts, columns = zip(*cells)
                matrix[list(texts), list(columns)] = 1
            self._memberships[column] = (themes, matrix)
        return self._memberships[column]

    def counts(self, column: str, chosen: np.ndarray) -> dict[str, int]:
        """Theme -> how many ``chosen`` applications list it in ``column``, by count descending then THEMES order."""
        themes, matrix = self.membership(column)
        totals = (np.bincount(self.codes[chosen], minlength=len(self.rows)) @ matrix).tolist()
        counts = {theme: total for theme, total in zip(themes, totals) if total}
        return dict(sorted(counts.items(), key=lambda item: (-item[1], _theme_order(item[0]))))

    def weighted_counts(self, themes: Iterable[str], weights: np.ndarray, chosen: np.ndarray) -> dict[str, float]:
        """Theme -> the summed weight of the ``chosen`` applications naming it as something to improve."""
        found, matrix = self.membership("improvement_themes")
        per_text = np.bincount(self.codes[chosen], weights=weights[chosen], minlength=len(self.rows))
        sums = dict(zip(found, (per_text @ matrix).tolist()))
        return {theme: float(sums[theme]) for theme in themes}

    def by_stage(self, themes: list[str], chosen: np.ndarray) -> pd.DataFrame:
        """Improvement mentions of each theme (rows) by stage (columns) among the ``chosen`` applications."""
        width = len(STAGES)
        pairs = np.bincount(self.codes[chosen] * width + self.stages[chosen], minlength=len(self.rows) * width)
        found, matrix = self.membership("improvement_themes")
        per_theme = matrix.T @ pairs.reshape(len(self.rows), width)
        position = {theme: i for i, theme in enumerate(found)}
        counts = per_theme[[position[theme] for theme in themes]].reshape(len(themes), width)
        # Typed as crosstab typed it: an empty theme index is float64 for an empty table, object otherwise.
        index = pd.Index(themes, name="theme", dtype=None if themes or len(self.codes) else "float64")
        return pd.DataFrame(counts, index=index, columns=pd.Index(list(STAGES), name="stage"))


def _as_column(values: np.ndarray | ExtensionArray) -> np.ndarray | ExtensionArray | list:
    """An array to assign as a column; empty as a list, which pandas types as it always did."""
    return values if len(values) else []


def _classified_table(apps: pd.DataFrame, extra_keywords: Mapping[str, Iterable[str]] | None
                      ) -> tuple[pd.DataFrame, _Classified]:
    """One row per application with its stage, date, themes, sides and evidence; and the classified texts."""
    feedback = apps["feedback"].fillna("").astype(str)
    codes, distinct = pd.factorize(feedback)  # each distinct text is trimmed and classified once
    present = (pd.Series(distinct).str.strip() != "").to_numpy(dtype=bool)
    texts = np.asarray(distinct, dtype=object)[present].tolist()
    keywords = tuple(sorted((theme, tuple(words)) for theme, words in (extra_keywords or {}).items()))
    columns = iter([_theme_columns(text, keywords) for text in texts])
    rows = [next(columns) if has_text else _EMPTY_ROW for has_text in present.tolist()]
    classified = _Classified(rows, codes, stage_positions(apps).to_numpy())
    table = apps.loc[:, list(_TABLE_COLUMNS)].assign(
        furthest_stage=_as_column(pd.array(STAGES, dtype=str).take(classified.stages)),
        dated_on=apps["responded_on"].fillna(apps["last_update"]).fillna(apps["applied_on"]),
        feedback=feedback,
        has_feedback=np.append(present, False)[codes],
    )
    table = table.assign(**{column: _as_column(classified.column(column)) for column in _EMPTY_ROW})
    outside = np.array([_is_outside_control(row["improvement_themes"]) for row in classified.rows] + [False], dtype=bool)
    return table.assign(outside_control=outside[codes]), classified


@lru_cache(maxsize=50_000)
def _theme_columns(text: str, keywords: tuple[tuple[str, tuple[str, ...]], ...]) -> dict:
    """The theme columns of one feedback text with the user's ``keywords`` (theme, words) pairs.

    Remembered, so a filter change classifies and converts nothing again; the dict is shared
    between reports, so treat it as read-only.
    """
    result = classify(text, dict(keywords))
    sides = result.theme_polarity
    return {
        "themes": tuple(result.themes),
        "improvement_themes": tuple(t for t in result.themes if sides[t] != "positive"),
        "strength_themes": tuple(t for t in result.themes if sides[t] == "positive" and t not in OUTSIDE_CONTROL),
        "polarity": result.polarity,
        "evidence": dict(result.evidence),
    }


def _is_outside_control(improvements: tuple[str, ...]) -> bool:
    return "role_closed" in improvements or improvements == ("generic",)


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


def _quotes(table: pd.DataFrame, classified: _Classified, themes: list[str]) -> dict[str, tuple[Quote, ...]]:
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


def _quote(row, theme: str) -> Quote:
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
