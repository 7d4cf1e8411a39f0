"""Turn a tracker's rows into the canonical table: one row per application (DESIGN.md).

All the evidence a row has is used (``progress.py``): a status, a stage column, dated or ticked
stage columns, a stage history, words in a date column. Rows that are not applications are
returned as skipped with their row number and reason.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.core.schema import CANONICAL_COLUMNS, STAGES, SkippedRow
from analysis.normalize.channels import channels_of
from analysis.normalize.columns import ColumnMapping, as_text
from analysis.normalize.date_columns import TrackerDates, read_tracker_dates
from analysis.normalize.date_order import DateOrder
from analysis.normalize.date_words import DateWord
from analysis.normalize.row_progress import Evidence, OutcomeCodes, RowProgress, read_progress
from analysis.normalize.statuses import OFFER, StatusMeaning
from analysis.reading.cells import blank_column

__all__ = ["Evidence", "Normalized", "normalize"]

TEXT_FIELDS = ("company", "role", "source", "location", "candidate", "feedback")
_MAX_SLICES = 1_000  # kept runs of rows beyond which text columns are copied rather than sliced


@dataclass(frozen=True)
class Normalized:
    """The canonical table and everything said about how it was made.

    ``date_words`` are the words of the date columns read as facts about the reply;
    ``unclear_marks`` the stage-column cells that are not tick marks (listed, counted nowhere).
    """

    applications: pd.DataFrame
    skipped: tuple[SkippedRow, ...]
    unreadable_dates: tuple[SkippedRow, ...]
    unplaced_statuses: tuple[str, ...]
    outcomes_known: bool
    date_order: DateOrder
    date_words: tuple[DateWord, ...] = ()
    unclear_marks: tuple[SkippedRow, ...] = ()


def _skips(frame: pd.DataFrame, text: dict[str, pd.Series], cells: dict[str, pd.Series], has_date: np.ndarray | None,
           progress: RowProgress, rows: pd.Series) -> tuple[np.ndarray, tuple[SkippedRow, ...]]:
    """Rows that are not applications: never applied, company-only or empty rows, exact duplicates.

    ``has_date`` tells the rows whose date-applied cell is filled (None: there is no such column)."""
    blank = {name: (text[name] == "").to_numpy() for name in ("company", "role", "feedback")}
    evidence_any = (progress.levels > 0) | (progress.outcome != 0) | ~blank["feedback"]
    dates_common = has_date is not None and has_date.mean() >= 0.5
    has_date = has_date if has_date is not None else np.zeros(len(frame), bool)
    rules = [
        (progress.not_applied, "not applied yet (status says so)"),
        (blank["company"] & blank["role"], "no company or role"),
        (blank["role"] & ~has_date & ~evidence_any,
         "only a company name: looks like a wishlist entry, not an application"),
        (dates_common & ~has_date & ~evidence_any,
         "no date applied and no status: looks like a wishlist entry, not an application"),
        (_duplicates(frame, cells), "exact duplicate of an earlier row"),
    ]
    masks = np.vstack([np.broadcast_to(mask, len(frame)) for mask, _ in rules])
    skipped_mask = masks.any(axis=0)
    first_rule = masks[:, skipped_mask].argmax(axis=0)
    reasons = [rules[index][1] for index in first_rule.tolist()]
    return skipped_mask, tuple(SkippedRow(int(row), reason) for row, reason in zip(rows[skipped_mask], reasons))


def _add_date_words(progress: RowProgress, outcomes: OutcomeCodes, dates: TrackerDates) -> None:
    """A word in a date column ("No Response") says more than a status that the application is open."""
    said = outcomes.codes(dates.word_outcome)
    progress.levels = np.maximum(progress.levels, dates.word_level).astype(np.int8)
    open_or_none = np.isin(progress.outcome, (0, outcomes.code("in_progress")))
    progress.outcome = np.where(open_or_none & (said != 0), said, progress.outcome)


def _settle(progress: RowProgress, outcomes: OutcomeCodes, dates: TrackerDates, today: dt.date,
            ghost_after_days: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Offers imply the offer stage; open applications with no interview, silent past the window, become
    no_response. An application with an interview recorded is never inferred silent: the employer answered."""
    outcome, levels = progress.outcome, progress.levels
    offer, in_progress = outcomes.code("offer"), outcomes.code("in_progress")
    ended = np.isin(outcome, [outcomes.code("withdrawn"), outcomes.code("rejected")])
    outcome = np.where((levels >= OFFER) & ~ended, offer, outcome)
    levels = np.where(outcome == offer, OFFER, levels)
    outcome = np.where(outcome == 0, in_progress, outcome)
    days_silent = (pd.Timestamp(today) - dates.last_update.fillna(dates.applied_on)).dt.days.to_numpy()
    with np.errstate(invalid="ignore"):
        ghosted = progress.has_status & (outcome == in_progress) & (levels == 0) & (days_silent > ghost_after_days)
    return levels, np.where(ghosted, outcomes.code("no_response"), outcome), ghosted


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


def _table(text: dict[str, pd.Series], feedback: pd.Series, dates: TrackerDates, levels: np.ndarray,
           outcome: np.ndarray, ghosted: np.ndarray, rows: pd.Series, keep: np.ndarray, outcomes: OutcomeCodes,
           sheets: pd.Series | None) -> pd.DataFrame:
    """The canonical columns of the rows kept (plus ``source_sheet`` when several sheets were combined)."""
    runs = _runs(keep)

    def kept(column: pd.Series) -> pd.Series:
        return _select(column, keep, runs)

    empty = len(keep) == 0  # an empty frame's stage and outcome columns stay untyped
    columns = {
        **{name: kept(text[name]) for name in ("company", "role", "source", "location", "candidate")},
        "channel": _channels(kept(text["source"])),
        "applied_on": kept(dates.applied_on),
        "responded_on": kept(dates.responded_on),
        "last_update": kept(dates.last_update),
        # Arrow strings, as pandas types stage names.
        "furthest_stage": pd.Series(np.array([], dtype=object) if empty else
                                    pd.array(STAGES, dtype=str).take(levels[keep])),
        "outcome": pd.Series(np.array([], dtype=object) if empty else outcomes.words_of(outcome[keep])),
        "outcome_inferred": pd.Series(ghosted[keep], dtype=bool),
        "feedback": kept(feedback),
        "source_row": kept(rows.astype(int)),
    }
    table = pd.DataFrame({name: columns[name] for name in CANONICAL_COLUMNS})
    if sheets is not None:
        table["source_sheet"] = kept(sheets).to_numpy()
    return table


def normalize(
    frame: pd.DataFrame,
    row_numbers: pd.Series,
    mapping: ColumnMapping,
    evidence: Evidence,
    status_overrides: dict[str, StatusMeaning] | None = None,
    today: dt.date | None = None,
    ghost_after_days: int = 30,
    dayfirst: bool | None = None,
    sheets: pd.Series | None = None,
) -> Normalized:
    """Build the canonical applications table from a frame whose columns the mapping names.

    ``row_numbers`` gives each frame row's number in the original file. ``today`` and
    ``ghost_after_days`` decide when an open application with no reply becomes an inferred
    ``no_response``. ``dayfirst`` sets the day/month order of every date column (None: decided
    from all of them together). ``sheets`` names each row's sheet when several were combined: the
    table then has a ``source_sheet`` column and skipped rows name their sheet.
    """
    rows = pd.Series(row_numbers.to_numpy(), index=frame.index)
    cells: dict[str, pd.Series] = {}  # trimmed text of the columns read so far, by header

    def cells_of(header: str) -> pd.Series:
        if header not in cells:  # (an empty frame's cells are left as they are)
            cells[header] = as_text(frame[header]) if len(frame) else frame[header]
        return cells[header]

    text = {name: (cells_of(mapping.header(name)) if mapping.header(name) else
                   pd.Series("", index=frame.index, dtype=object)) for name in TEXT_FIELDS}
    outcomes = OutcomeCodes()
    progress = read_progress(frame, cells_of, mapping, evidence, status_overrides or {}, outcomes, rows)
    dates = read_tracker_dates(frame, rows, {name: mapping.header(name) for name in ("applied_on", "responded_on")},
                               [column.header for column in evidence.stage_columns], dayfirst, today or dt.date.today())
    _add_date_words(progress, outcomes, dates)
    applied_header = mapping.header("applied_on")
    has_date = ~blank_column(frame[applied_header]).to_numpy() if applied_header else None
    skipped_mask, skipped = _skips(frame, text, cells, has_date, progress, rows)
    if sheets is not None:
        skipped = tuple(SkippedRow(item.row, f"sheet '{sheet}': {item.reason}")
                        for item, sheet in zip(skipped, sheets[skipped_mask]))
    levels, outcome, ghosted = _settle(progress, outcomes, dates, today or dt.date.today(), ghost_after_days)
    feedback = text["feedback"]
    filled_in = progress.external & (feedback == "").to_numpy()
    if filled_in.any():
        feedback = feedback.mask(filled_in, cells_of(mapping.header("outcome")) if mapping.header("outcome") else "")
    table = _table(text, feedback, dates, levels, outcome, ghosted, rows, ~skipped_mask, outcomes, sheets)
    return Normalized(
        applications=table,
        skipped=skipped,
        unreadable_dates=dates.unreadable,
        unplaced_statuses=tuple(sorted(progress.unplaced)),
        outcomes_known=progress.has_status,
        date_order=dates.order,
        date_words=dates.words,
        unclear_marks=progress.unclear_marks,
    )
