"""Turn a tracker's rows into the canonical table: one row per application (DESIGN.md).

All the evidence a row has is used: a status, a stage column, dated or flagged stage
columns, an interview date, a stage history. Rows that are not applications are returned
as skipped with their row number and reason.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.extensions import ExtensionArray

from analysis.core.schema import CANONICAL_COLUMNS, OUTCOMES, STAGES, SkippedRow
from analysis.normalize.channels import channels_of
from analysis.normalize.columns import ColumnMapping, as_text
from analysis.normalize.date_columns import read_tracker_dates
from analysis.normalize.date_order import DateOrder
from analysis.normalize.date_words import DateWord
from analysis.normalize.layouts import (
    StageColumn,
    furthest_of_steps,
    history_steps,
    stage_column_evidence,
)
from analysis.normalize.statuses import OFFER, StatusMeaning, interpret_status

TEXT_FIELDS = ("company", "role", "source", "location", "candidate", "feedback")
_MAX_SLICES = 1_000  # kept runs of rows beyond which text columns are copied rather than sliced


@dataclass(frozen=True)
class Evidence:
    """What the layout found beyond the mapped columns."""

    stage_columns: tuple[StageColumn, ...] = ()
    history_column: str | None = None


@dataclass(frozen=True)
class Normalized:
    """The canonical table and everything said about how it was made."""

    applications: pd.DataFrame
    skipped: tuple[SkippedRow, ...]
    unreadable_dates: tuple[SkippedRow, ...]
    unplaced_statuses: tuple[str, ...]
    outcomes_known: bool
    date_order: DateOrder
    date_words: tuple[DateWord, ...] = ()


@dataclass(frozen=True)
class _StatusColumn:
    """A status column (trimmed text) read once per distinct value, spread back over the rows."""

    level: np.ndarray
    outcome: np.ndarray  # codes into an _Outcomes
    not_applied: np.ndarray
    external: np.ndarray
    unplaced: tuple[str, ...]


class _Outcomes:
    """Outcome words as small integer codes, so the rules below run on numpy arrays.

    Code 0 is "" (no outcome stated); a word not seen before gets the next code.
    """

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


def _read_status_column(values: pd.Series, overrides: dict[str, StatusMeaning], outcomes: _Outcomes) -> _StatusColumn:
    codes, distinct = pd.factorize(values)
    meanings = [overrides.get(value) or interpret_status(value) for value in distinct]
    stage_index = {stage: level for level, stage in enumerate(STAGES)}

    def spread(per_value: list, dtype) -> np.ndarray:
        return np.asarray(per_value, dtype=dtype)[codes]

    return _StatusColumn(
        level=spread([stage_index.get(m.stage, 0) for m in meanings], np.int8),
        outcome=spread([outcomes.code(m.outcome) for m in meanings], np.int16),
        not_applied=spread([not m.applied for m in meanings], bool),
        external=spread([m.external_reason for m in meanings], bool),
        unplaced=tuple(value for value, m in zip(distinct, meanings) if value and not m.recognised),
    )


def _read_history_column(cells: pd.Series, outcomes: _Outcomes) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the furthest level and the outcome code a stage-history cell states."""
    codes, distinct = pd.factorize(cells)
    read = [furthest_of_steps(history_steps(cell)) if cell else (0, None) for cell in distinct]
    levels = np.array([level for level, _ in read], dtype=np.int8)[codes]
    return levels, np.array([outcomes.code(outcome) for _, outcome in read], dtype=np.int16)[codes]


def _duplicates(frame: pd.DataFrame, texts: dict[str, pd.Series]) -> np.ndarray:
    """True for each row whose cells (as trimmed text) all equal those of an earlier row.

    ``texts`` holds some columns already read as trimmed text. A row can only repeat an earlier
    one if it does so in those columns, so the other columns are read for those rows alone.
    """
    duplicate = np.zeros(len(frame), dtype=bool)
    if texts:
        candidates = pd.DataFrame(dict(enumerate(texts.values()))).duplicated(keep=False).to_numpy()
    else:
        candidates = ~duplicate
    if candidates.any():
        duplicate[candidates] = frame[candidates].apply(as_text).duplicated().to_numpy()
    return duplicate


def _channels(sources: pd.Series) -> pd.Series:
    """``channels_of`` over a column, each distinct source read once."""
    codes, distinct = pd.factorize(sources)
    named = channels_of(pd.Series(distinct, dtype=object))
    return pd.Series(pd.array(named, dtype=str).take(codes), index=sources.index)


def _runs(keep: np.ndarray) -> list[tuple[int, int]]:
    """(start, length) of each run of consecutive True values."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], keep.astype(np.int8), [0]))))
    return list(zip(edges[0::2].tolist(), (edges[1::2] - edges[0::2]).tolist()))


def _select(column: pd.Series, keep: np.ndarray, runs: list[tuple[int, int]]) -> pd.Series:
    """``column[keep]`` with a fresh index. Arrow text is not copied when rows are skipped in only a
    few places: the kept runs are slices of the same buffers (the raw table keeps them anyway)."""
    if runs == [(0, len(column))]:
        return column.reset_index(drop=True)
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow" and 0 < len(runs) <= _MAX_SLICES:
        text = column.array.__arrow_array__()  # the Arrow data itself, not a copy
        pieces = [chunk for start, length in runs for chunk in text.slice(start, length).chunks]
        return pd.Series(column.dtype.__from_arrow__(pa.chunked_array(pieces, type=text.type)), name=column.name)
    return column[keep].reset_index(drop=True)


def normalize(
    frame: pd.DataFrame,
    row_numbers: pd.Series,
    mapping: ColumnMapping,
    evidence: Evidence,
    status_overrides: dict[str, StatusMeaning] | None = None,
    today: dt.date | None = None,
    ghost_after_days: int = 30,
    dayfirst: bool | None = None,
) -> Normalized:
    """Build the canonical applications table from a frame whose columns the mapping names.

    ``row_numbers`` gives each frame row's number in the original file. ``today`` and
    ``ghost_after_days`` decide when an open application with no reply becomes an inferred
    ``no_response``. ``dayfirst`` sets the day/month order of every date column (None: decided
    from all of them together).
    """
    overrides = status_overrides or {}
    today = today or dt.date.today()
    rows = pd.Series(row_numbers.to_numpy(), index=frame.index)
    cells: dict[str, pd.Series] = {}  # trimmed text of the columns read so far, by header

    def cells_of(header: str) -> pd.Series:
        if header not in cells:  # (an empty frame's cells are left as they are)
            cells[header] = as_text(frame[header]) if len(frame) else frame[header]
        return cells[header]

    text = {name: (cells_of(mapping.header(name)) if mapping.header(name) else
                   pd.Series("", index=frame.index, dtype=object)) for name in TEXT_FIELDS}

    outcomes = _Outcomes()
    levels = np.zeros(len(frame), dtype=np.int8)
    outcome = np.zeros(len(frame), dtype=np.int16)
    not_applied = np.zeros(len(frame), dtype=bool)
    external = np.zeros(len(frame), dtype=bool)
    unplaced: set[str] = set()
    has_status = False

    def state(stated: np.ndarray) -> np.ndarray:
        """The outcome so far, with ``stated`` filled in where none was stated yet."""
        return np.where((outcome == 0) & (stated != 0), stated, outcome)

    for name in ("outcome", "stage"):
        header = mapping.header(name)
        if header is None:
            continue
        has_status = True
        column = _read_status_column(cells_of(header), overrides, outcomes)
        levels = np.maximum(levels, column.level)
        outcome = state(column.outcome)
        not_applied |= column.not_applied
        external |= column.external
        unplaced |= set(column.unplaced)
    if evidence.stage_columns:
        has_status = True
        column_levels, column_outcome = stage_column_evidence(frame, list(evidence.stage_columns))
        levels = np.maximum(levels, column_levels).astype(np.int8)
        outcome = state(outcomes.codes(column_outcome))
    if evidence.history_column:
        has_status = True
        history_levels, history_outcome = _read_history_column(cells_of(evidence.history_column), outcomes)
        levels = np.maximum(levels, history_levels).astype(np.int8)
        outcome = state(history_outcome)

    dates = read_tracker_dates(frame, rows, {name: mapping.header(name) for name in ("applied_on", "responded_on")},
                               [column.header for column in evidence.stage_columns], dayfirst, today)
    levels = np.maximum(levels, dates.word_level).astype(np.int8)
    # A word in a date column ("No Response") says more than a status that the application is open.
    said = outcomes.codes(dates.word_outcome)
    outcome = np.where(np.isin(outcome, (0, outcomes.code("in_progress"))) & (said != 0), said, outcome)
    applied_on, last_update = dates.applied_on, dates.last_update

    # Skips: never applied, company-only or empty rows, exact duplicates.
    blank = {name: (text[name] == "").to_numpy() for name in ("company", "role", "feedback")}
    evidence_any = (levels > 0) | (outcome != 0) | ~blank["feedback"]
    applied_header = mapping.header("applied_on")
    has_date = (cells_of(applied_header) != "").to_numpy() if applied_header else np.zeros(len(frame), bool)
    dates_common = applied_header is not None and has_date.mean() >= 0.5
    no_details = blank["role"] & ~has_date & ~evidence_any
    wishlist_like = dates_common & ~has_date & ~evidence_any
    nameless = blank["company"] & blank["role"]
    duplicate = _duplicates(frame, cells)
    rules = [
        (not_applied, "not applied yet (status says so)"),
        (nameless, "no company or role"),
        (no_details, "only a company name: looks like a wishlist entry, not an application"),
        (wishlist_like, "no date applied and no status: looks like a wishlist entry, not an application"),
        (duplicate, "exact duplicate of an earlier row"),
    ]
    masks = np.vstack([np.broadcast_to(mask, len(frame)) for mask, _ in rules])
    skipped_mask = masks.any(axis=0)
    first_rule = masks[:, skipped_mask].argmax(axis=0)
    reasons = [rules[index][1] for index in first_rule.tolist()]
    skipped = tuple(SkippedRow(int(row), reason) for row, reason in zip(rows[skipped_mask], reasons))

    # Outcomes: offers imply the offer stage; open applications with long silence become no_response.
    offer, in_progress = outcomes.code("offer"), outcomes.code("in_progress")
    ended = np.isin(outcome, [outcomes.code("withdrawn"), outcomes.code("rejected")])
    outcome = np.where((levels >= OFFER) & ~ended, offer, outcome)
    levels = np.where(outcome == offer, OFFER, levels)
    outcome = np.where(outcome == 0, in_progress, outcome)
    silent_since = last_update.fillna(applied_on)
    days_silent = (pd.Timestamp(today) - silent_since).dt.days.to_numpy()
    with np.errstate(invalid="ignore"):
        ghosted = has_status & (outcome == in_progress) & (days_silent > ghost_after_days)
    outcome = np.where(ghosted, outcomes.code("no_response"), outcome)

    feedback = text["feedback"]
    filled_in = external & blank["feedback"]
    if filled_in.any():
        feedback = feedback.mask(filled_in, cells_of(mapping.header("outcome")) if mapping.header("outcome") else "")
    keep = ~skipped_mask
    runs = _runs(keep)

    def kept(column: pd.Series) -> pd.Series:
        return _select(column, keep, runs)

    columns = {
        **{name: kept(text[name]) for name in ("company", "role", "source", "location", "candidate")},
        "channel": _channels(kept(text["source"])),
        "applied_on": kept(applied_on),
        "responded_on": kept(dates.responded_on),
        "last_update": kept(last_update),
        # Arrow strings, as pandas types stage names (an empty frame's column stays untyped).
        "furthest_stage": pd.Series(pd.array(STAGES, dtype=str).take(levels[keep]) if len(frame) else
                                    np.array([], dtype=object)),
        "outcome": pd.Series(outcomes.words_of(outcome[keep]) if len(frame) else np.array([], dtype=object)),
        "outcome_inferred": pd.Series(ghosted[keep], dtype=bool),
        "feedback": kept(feedback),
        "source_row": kept(rows.astype(int)),
    }
    table = pd.DataFrame({name: columns[name] for name in CANONICAL_COLUMNS})
    return Normalized(
        applications=table,
        skipped=skipped,
        unreadable_dates=dates.unreadable,
        unplaced_statuses=tuple(sorted(unplaced)),
        outcomes_known=has_status,
        date_order=dates.order,
        date_words=dates.words,
    )
