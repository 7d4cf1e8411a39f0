"""How far each row got and how it ended, from every column that says so: ``read_progress``.

The evidence, strongest first: the status and stage columns, the stage columns of a matrix
(tick marks or dates per stage) and a stage history in one cell (words written in a date column
are read with the dates, ``date_columns.py``). An earlier source's outcome is kept; the level is
the furthest any source shows. Outcomes are small integer codes (:class:`OutcomeCodes`) so the
rules run on numpy arrays.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray

from analysis.core.schema import OUTCOMES, STAGES, SkippedRow
from analysis.normalize.columns import ColumnMapping
from analysis.normalize.layouts import StageColumn, furthest_of_steps, history_steps, stage_column_evidence
from analysis.normalize.statuses import StatusMeaning, interpret_status


@dataclass(frozen=True)
class Evidence:
    """What the layout found beyond the mapped columns."""

    stage_columns: tuple[StageColumn, ...] = ()
    history_column: str | None = None


class OutcomeCodes:
    """Outcome words as small integer codes. Code 0 is "" (no outcome stated); a new word gets the next code."""

    def __init__(self) -> None:
        self.words = ["", *OUTCOMES]

    def code(self, word: str | None) -> int:
        """The code of one outcome word (None and "" are 0)."""
        word = word or ""
        if word not in self.words:
            self.words.append(word)
        return self.words.index(word)

    def codes(self, words: pd.Series) -> np.ndarray:
        """The codes of a column of outcome words, each distinct word looked up once."""
        positions, distinct = pd.factorize(words, use_na_sentinel=False)
        return np.array([self.code(word) for word in distinct], dtype=np.int16)[positions]

    def words_of(self, codes: np.ndarray) -> ExtensionArray:
        """The outcome words of codes, as Arrow strings (compared and grouped much faster than objects)."""
        return pd.array(self.words, dtype=str).take(codes)


@dataclass
class RowProgress:
    """Per row: furthest stage level, outcome code, never-applied and outside-reason flags."""

    levels: np.ndarray
    outcome: np.ndarray
    not_applied: np.ndarray
    external: np.ndarray
    unplaced: set[str]
    has_status: bool = False
    unclear_marks: tuple[SkippedRow, ...] = ()

    def add(self, levels: np.ndarray, outcome: np.ndarray) -> None:
        """The furthest level of both; the outcome stated so far, else this one."""
        self.levels = np.maximum(self.levels, levels).astype(np.int8)
        self.outcome = np.where((self.outcome == 0) & (outcome != 0), outcome, self.outcome)
        self.has_status = True


def _status_column(values: pd.Series, overrides: dict[str, StatusMeaning], outcomes: OutcomeCodes,
                   progress: RowProgress) -> None:
    """A status column read once per distinct value, spread back over the rows."""
    codes, distinct = pd.factorize(values)
    meanings = [overrides.get(value) or interpret_status(value) for value in distinct]
    stage_index = {stage: level for level, stage in enumerate(STAGES)}

    def spread(per_value: list, dtype: type | str) -> np.ndarray:
        return np.asarray(per_value, dtype=dtype)[codes]

    progress.add(spread([stage_index.get(m.stage, 0) for m in meanings], np.int8),
                 spread([outcomes.code(m.outcome) for m in meanings], np.int16))
    progress.not_applied |= spread([not m.applied for m in meanings], bool)
    progress.external |= spread([m.external_reason for m in meanings], bool)
    progress.unplaced |= {value for value, m in zip(distinct, meanings) if value and not m.recognised}


def _history_column(cells: pd.Series, outcomes: OutcomeCodes, progress: RowProgress) -> None:
    """The furthest level and the outcome a stage-history cell states."""
    codes, distinct = pd.factorize(cells)
    read = [furthest_of_steps(history_steps(cell)) if cell else (0, None) for cell in distinct]
    levels = np.array([level for level, _ in read], dtype=np.int8)[codes]
    progress.add(levels, np.array([outcomes.code(outcome) for _, outcome in read], dtype=np.int16)[codes])


def _stage_columns(frame: pd.DataFrame, columns: tuple[StageColumn, ...], outcomes: OutcomeCodes,
                   progress: RowProgress, rows: pd.Series) -> None:
    """Tick marks and dates of the stage columns; cells not understood are listed, not counted."""
    marks = stage_column_evidence(frame, list(columns))
    progress.add(marks.level, outcomes.codes(marks.outcome))
    progress.not_applied |= marks.not_applied
    progress.unclear_marks = tuple(
        SkippedRow(int(rows.iat[position]), f"'{value}' under {header} is not a tick mark this app understands; "
                                             "that cell is not counted")
        for position, header, value in marks.unclear)


def read_progress(frame: pd.DataFrame, cells_of: Callable[[str], pd.Series], mapping: ColumnMapping,
                  evidence: Evidence, overrides: dict[str, StatusMeaning], outcomes: OutcomeCodes,
                  rows: pd.Series) -> RowProgress:
    """Everything the status, stage, stage-matrix and history columns say about each row."""
    size = len(frame)
    progress = RowProgress(levels=np.zeros(size, dtype=np.int8), outcome=np.zeros(size, dtype=np.int16),
                        not_applied=np.zeros(size, dtype=bool), external=np.zeros(size, dtype=bool), unplaced=set())
    for name in ("outcome", "stage"):
        header = mapping.header(name)
        if header is not None:
            _status_column(cells_of(header), overrides, outcomes, progress)
    if evidence.stage_columns:
        _stage_columns(frame, evidence.stage_columns, outcomes, progress, rows)
    if evidence.history_column:
        _history_column(cells_of(evidence.history_column), outcomes, progress)
    return progress
