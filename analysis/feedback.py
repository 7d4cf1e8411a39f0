"""What the feedback says: themes to work on, strengths, coverage, quotes, and what was not personal.

``summarise_feedback(apps, extra_keywords)`` classifies every non-blank feedback text once with
``analysis.themes.classify_many`` and returns a :class:`FeedbackSummary`. Definitions:

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
from dataclasses import dataclass
from typing import Iterable, Mapping

import pandas as pd

from analysis.funnel import require_columns, stage_positions
from analysis.schema import STAGES, THEMES
from analysis.stats import Rate
from analysis.themes import ThemeResult, classify_many

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

    @property
    def texts(self) -> pd.DataFrame:
        """The rows of ``table`` that have feedback text."""
        return self.table[self.table["has_feedback"]]

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
    return rows[rows[column].map(lambda found: theme in found).astype(bool)]


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
    table = _classified_table(apps, extra_keywords)
    recent_since = _recent_since(table)
    table = table.assign(weight=_weights(table["dated_on"], recent_since))
    texts = table[table["has_feedback"]]
    improvements = _counts(texts["improvement_themes"])
    strengths = _counts(texts["strength_themes"])
    rejected = table[table["outcome"] == "rejected"]
    rejected_texts = rejected[rejected["has_feedback"]]
    return FeedbackSummary(
        table=table,
        improvements=improvements,
        strengths=strengths,
        weighted_improvements=_weighted_counts(texts, improvements),
        by_stage=_by_stage(texts, list(improvements)),
        coverage=Rate.of(len(rejected_texts), len(rejected)),
        coverage_by_month=_coverage_by_month(rejected),
        outside_control=Rate.of(int(rejected_texts["outside_control"].sum()), len(rejected_texts)),
        quotes=_quotes(texts, [*improvements, *strengths]),
        recent_since=recent_since,
    )


_EMPTY_ROW: dict = {"themes": (), "improvement_themes": (), "strength_themes": (), "polarity": "", "evidence": {}}
"""The theme columns of an application without feedback text."""


def _classified_table(apps: pd.DataFrame, extra_keywords: Mapping[str, Iterable[str]] | None) -> pd.DataFrame:
    """One row per application with its stage, date, themes, sides and evidence."""
    feedback = apps["feedback"].fillna("").astype(str)
    has_feedback = feedback.str.strip() != ""
    texts = list(dict.fromkeys(feedback[has_feedback]))
    classified = {text: _classified_row(result) for text, result in zip(texts, classify_many(texts, extra_keywords or None))}
    rows = [classified[text] if present else _EMPTY_ROW for text, present in zip(feedback.tolist(), has_feedback.tolist())]
    table = apps.loc[:, list(_TABLE_COLUMNS)].assign(
        furthest_stage=[STAGES[i] for i in stage_positions(apps)],
        dated_on=apps["responded_on"].fillna(apps["last_update"]).fillna(apps["applied_on"]),
        feedback=feedback,
        has_feedback=has_feedback,
    )
    table = table.assign(**{column: [row[column] for row in rows] for column in _EMPTY_ROW})
    return table.assign(outside_control=table["improvement_themes"].map(_is_outside_control).astype(bool))


def _classified_row(result: ThemeResult) -> dict:
    """The theme columns of one classified text."""
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
    return (dated_on >= since).map({True: RECENT_WEIGHT, False: 1.0}).astype(float)


def _counts(theme_lists: pd.Series) -> dict[str, int]:
    """Theme -> how many lists contain it, by count descending then THEMES order."""
    counts = theme_lists.explode().dropna().value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], _theme_order(item[0])))
    return {theme: int(count) for theme, count in ordered}


def _weighted_counts(texts: pd.DataFrame, themes: Iterable[str]) -> dict[str, float]:
    exploded = texts[["improvement_themes", "weight"]].explode("improvement_themes")
    sums = exploded.groupby("improvement_themes")["weight"].sum()
    return {theme: float(sums[theme]) for theme in themes}


def _by_stage(texts: pd.DataFrame, themes: list[str]) -> pd.DataFrame:
    exploded = texts[["improvement_themes", "furthest_stage"]].explode("improvement_themes").dropna()
    counts = pd.crosstab(exploded["improvement_themes"], exploded["furthest_stage"])
    return counts.reindex(index=themes, columns=list(STAGES), fill_value=0).astype(int).rename_axis(index="theme", columns="stage")


def _coverage_by_month(rejected: pd.DataFrame) -> dict[str, Rate]:
    dated = rejected[rejected["applied_on"].notna()]
    months = dated["applied_on"].dt.strftime("%Y-%m")
    grouped = dated["has_feedback"].groupby(months).agg(["sum", "count"])
    return {month: Rate.of(int(row["sum"]), int(row["count"])) for month, row in grouped.sort_index().iterrows()}


def _quotes(texts: pd.DataFrame, themes: list[str]) -> dict[str, tuple[Quote, ...]]:
    """Up to :data:`QUOTES_PER_THEME` texts per theme, most recent first (undated last)."""
    newest_first = texts.sort_values(["dated_on", "source_row"], ascending=False, na_position="last")
    quotes = {}
    for theme in dict.fromkeys(themes):
        rows = naming(newest_first, theme).head(QUOTES_PER_THEME)
        quotes[theme] = tuple(_quote(row, theme) for row in rows.itertuples(index=False))
    return quotes


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
