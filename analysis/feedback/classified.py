"""Each distinct feedback text classified once, and its theme columns for every application.

``classified_table(apps, extra_keywords)`` gives one row per application (stage, date, themes,
improvement and strength themes, polarity, evidence, unclear, outside control) and a
:class:`Classified` that counts over the distinct texts, each weighted by how many applications
have it: the same numbers as counting application by application, much faster.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray

from analysis.core.schema import STAGES, THEMES
from analysis.feedback.classifier import ThemeResult, classify_many
from analysis.funnel.stages import stage_positions

OUTSIDE_CONTROL: tuple[str, ...] = ("role_closed", "generic")
"""Themes that say nothing about the candidate: the role went away, or no reason was given."""

TABLE_COLUMNS = ("source_row", "company", "role", "furthest_stage", "outcome", "applied_on", "feedback")


def theme_order(theme: str) -> int:
    """The position of a theme in THEMES (unknown themes last), for stable sorting."""
    return THEMES.index(theme) if theme in THEMES else len(THEMES)


_EMPTY_ROW: dict = {"themes": (), "improvement_themes": (), "strength_themes": (), "polarity": "", "evidence": {},
                    "unclear": False}
"""The theme columns of an application without feedback text."""


@dataclass(frozen=True)
class Classified:
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
            themes = sorted(found, key=theme_order)
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
        return dict(sorted(counts.items(), key=lambda item: (-item[1], theme_order(item[0]))))

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


def classified_table(apps: pd.DataFrame, extra_keywords: Mapping[str, Iterable[str]] | None
                      ) -> tuple[pd.DataFrame, Classified]:
    """One row per application with its stage, date, themes, sides and evidence; and the classified texts."""
    feedback = apps["feedback"].fillna("").astype(str)
    codes, distinct = pd.factorize(feedback)  # each distinct text is trimmed and classified once
    present = (pd.Series(distinct).str.strip() != "").to_numpy(dtype=bool)
    texts = np.asarray(distinct, dtype=object)[present].tolist()
    keywords = tuple(sorted((theme, tuple(words)) for theme, words in (extra_keywords or {}).items()))
    columns = iter(_theme_columns(texts, keywords))
    rows = [next(columns) if has_text else _EMPTY_ROW for has_text in present.tolist()]
    classified = Classified(rows, codes, stage_positions(apps).to_numpy())
    table = apps.loc[:, list(TABLE_COLUMNS)].assign(
        furthest_stage=_as_column(pd.array(STAGES, dtype=str).take(classified.stages)),
        dated_on=apps["responded_on"].fillna(apps["last_update"]).fillna(apps["applied_on"]),
        feedback=feedback,
        has_feedback=np.append(present, False)[codes],
    )
    table = table.assign(**{column: _as_column(classified.column(column)) for column in _EMPTY_ROW})
    outside = np.array([_is_outside_control(row["improvement_themes"]) for row in classified.rows] + [False], dtype=bool)
    return table.assign(outside_control=outside[codes]), classified


_COLUMNS: dict[tuple[str, tuple], dict] = {}
COLUMNS_KEPT = 100_000  # texts whose theme columns are remembered; the memory starts again beyond it


def _theme_columns(texts: list[str], keywords: tuple[tuple[str, tuple[str, ...]], ...]) -> list[dict]:
    """The theme columns of each feedback text with the user's ``keywords`` (theme, words) pairs.

    Texts not seen before are classified together (the learned model reads them in one batch);
    the columns are remembered, so a filter change classifies and converts nothing again. The
    dicts are shared between reports, so treat them as read-only.
    """
    found = {text: _COLUMNS.get((text, keywords)) for text in dict.fromkeys(texts)}
    missing = [text for text, columns in found.items() if columns is None]
    if missing:
        if len(_COLUMNS) + len(missing) > COLUMNS_KEPT:
            _COLUMNS.clear()
        for text, result in zip(missing, classify_many(missing, dict(keywords))):
            found[text] = _COLUMNS[(text, keywords)] = _columns(result)
    return [found[text] for text in texts]


def _columns(result: ThemeResult) -> dict:
    """The theme columns of one classified text."""
    sides = result.theme_polarity
    return {
        "themes": tuple(result.themes),
        "improvement_themes": tuple(t for t in result.themes if sides[t] != "positive"),
        "strength_themes": tuple(t for t in result.themes if sides[t] == "positive" and t not in OUTSIDE_CONTROL),
        "polarity": result.polarity,
        "evidence": dict(result.evidence),
        "unclear": result.unclear,
    }


def _is_outside_control(improvements: tuple[str, ...]) -> bool:
    return "role_closed" in improvements or improvements == ("generic",)
