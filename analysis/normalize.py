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

from analysis.channels import channels_of
from analysis.columns import ColumnMapping, as_text
from analysis.dates import parse_dates
from analysis.layouts import StageColumn, furthest_of_steps, history_steps, stage_column_evidence
from analysis.schema import CANONICAL_COLUMNS, STAGES, SkippedRow
from analysis.statuses import OFFER, StatusMeaning, interpret_status

TEXT_FIELDS = ("company", "role", "source", "location", "candidate", "feedback")


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
    dayfirst: dict[str, bool | None]


@dataclass(frozen=True)
class _StatusColumn:
    """A status column (trimmed text) read once per distinct value, spread back over the rows."""

    level: np.ndarray
    outcome: np.ndarray
    not_applied: np.ndarray
    external: np.ndarray
    unplaced: tuple[str, ...]


def _read_status_column(values: pd.Series, overrides: dict[str, StatusMeaning]) -> _StatusColumn:
    codes, distinct = pd.factorize(values)
    meanings = [overrides.get(value) or interpret_status(value) for value in distinct]
    stage_index = {stage: level for level, stage in enumerate(STAGES)}

    def spread(per_value: list, dtype) -> np.ndarray:
        return np.asarray(per_value, dtype=dtype)[codes]

    return _StatusColumn(
        level=spread([stage_index.get(m.stage, 0) for m in meanings], np.int8),
        outcome=spread([m.outcome or "" for m in meanings], object),
        not_applied=spread([not m.applied for m in meanings], bool),
        external=spread([m.external_reason for m in meanings], bool),
        unplaced=tuple(value for value, m in zip(distinct, meanings) if value and not m.recognised),
    )


def _date(frame: pd.DataFrame, header: str | None, dayfirst: bool | None, issues: list, rows: pd.Series, label: str):
    if header is None:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]"), None
    parsed = parse_dates(frame[header], dayfirst=dayfirst)
    for index in parsed.unreadable:
        issues.append(SkippedRow(int(rows[index]), f"{label} '{frame.at[index, header]}' could not be read as a date"))
    return parsed.values.astype("datetime64[ns]"), parsed.dayfirst


def normalize(
    frame: pd.DataFrame,
    row_numbers: pd.Series,
    mapping: ColumnMapping,
    evidence: Evidence,
    status_overrides: dict[str, StatusMeaning] | None = None,
    today: dt.date | None = None,
    ghost_after_days: int = 30,
    dayfirst: dict[str, bool | None] | None = None,
) -> Normalized:
    """Build the canonical applications table from a frame whose columns the mapping names.

    ``row_numbers`` gives each frame row's number in the original file. ``today`` and
    ``ghost_after_days`` decide when an open application with no reply becomes an inferred
    ``no_response``.
    """
    overrides = status_overrides or {}
    dayfirst = dayfirst or {}
    today = today or dt.date.today()
    rows = pd.Series(row_numbers.to_numpy(), index=frame.index)
    cells = frame.apply(as_text)
    text = {name: (cells[mapping.header(name)] if mapping.header(name) else
                   pd.Series("", index=frame.index, dtype=object)) for name in TEXT_FIELDS}

    levels = np.zeros(len(frame), dtype=np.int8)
    outcome = pd.Series("", index=frame.index, dtype=object)
    not_applied = np.zeros(len(frame), dtype=bool)
    external = np.zeros(len(frame), dtype=bool)
    unplaced: set[str] = set()
    has_status = False
    for name in ("outcome", "stage"):
        header = mapping.header(name)
        if header is None:
            continue
        has_status = True
        column = _read_status_column(cells[header], overrides)
        levels = np.maximum(levels, column.level)
        outcome = outcome.mask((outcome == "") & (column.outcome != ""), column.outcome)
        not_applied |= column.not_applied
        external |= column.external
        unplaced |= set(column.unplaced)
    if evidence.stage_columns:
        has_status = True
        column_levels, column_outcome = stage_column_evidence(frame, list(evidence.stage_columns))
        levels = np.maximum(levels, column_levels).astype(np.int8)
        outcome = outcome.mask((outcome == "") & (column_outcome != ""), column_outcome)
    if evidence.history_column:
        has_status = True
        history_cells = cells[evidence.history_column]
        read = {cell: furthest_of_steps(history_steps(cell)) for cell in history_cells.unique() if cell}
        history = history_cells.map(lambda cell: read.get(cell, (0, None)))
        levels = np.maximum(levels, history.map(lambda pair: pair[0]).to_numpy()).astype(np.int8)
        stated = history.map(lambda pair: pair[1] or "")
        outcome = outcome.mask((outcome == "") & (stated != ""), stated)

    date_issues: list[SkippedRow] = []
    applied_on, applied_dayfirst = _date(frame, mapping.header("applied_on"), dayfirst.get("applied_on"),
                                         date_issues, rows, "date applied")
    responded_on, responded_dayfirst = _date(frame, mapping.header("responded_on"), dayfirst.get("responded_on"),
                                             date_issues, rows, "response date")
    stage_dates = [parse_dates(frame[column.header]).values for column in evidence.stage_columns
                   if column.level is not None]
    last_update = pd.concat([applied_on, responded_on, *stage_dates], axis=1).max(axis=1)

    # Skips: never applied, company-only or empty rows, exact duplicates.
    evidence_any = (levels > 0) | (outcome != "").to_numpy() | (text["feedback"] != "").to_numpy()
    applied_header = mapping.header("applied_on")
    has_date = (cells[applied_header] != "").to_numpy() if applied_header else np.zeros(len(frame), bool)
    dates_common = applied_header is not None and has_date.mean() >= 0.5
    no_details = (text["role"] == "").to_numpy() & ~has_date & ~evidence_any
    wishlist_like = dates_common & ~has_date & ~evidence_any
    nameless = ((text["company"] == "") & (text["role"] == "")).to_numpy()
    duplicate = cells.duplicated().to_numpy()
    rules = [
        (not_applied, "not applied yet (status says so)"),
        (nameless, "no company or role"),
        (no_details, "only a company name: looks like a wishlist entry, not an application"),
        (wishlist_like, "no date applied and no status: looks like a wishlist entry, not an application"),
        (duplicate, "exact duplicate of an earlier row"),
    ]
    skipped_mask = np.logical_or.reduce([mask for mask, _ in rules])
    reasons = [next(reason for mask, reason in rules if mask[i]) for i in np.flatnonzero(skipped_mask)]
    skipped = tuple(SkippedRow(int(row), reason) for row, reason in zip(rows[skipped_mask], reasons))

    # Outcomes: offers imply the offer stage; open applications with long silence become no_response.
    outcome = outcome.mask((levels >= OFFER) & ~outcome.isin(["withdrawn", "rejected"]).to_numpy(), "offer")
    levels = np.where((outcome == "offer").to_numpy(), OFFER, levels)
    outcome = outcome.mask(outcome == "", "in_progress")
    silent_since = last_update.fillna(applied_on)
    days_silent = (pd.Timestamp(today) - silent_since).dt.days
    ghosted = has_status & (outcome == "in_progress") & (days_silent > ghost_after_days)
    outcome = outcome.mask(ghosted, "no_response")

    feedback = text["feedback"].mask(external & (text["feedback"] == "").to_numpy(),
                                     cells[mapping.header("outcome")] if mapping.header("outcome") else "")
    table = pd.DataFrame({
        **{name: text[name] for name in ("company", "role", "source", "location", "candidate")},
        "channel": channels_of(text["source"]),
        "applied_on": applied_on,
        "responded_on": responded_on,
        "last_update": last_update.astype("datetime64[ns]"),
        "furthest_stage": pd.Series(np.array(STAGES, dtype=object)[levels], index=frame.index),
        "outcome": outcome,
        "outcome_inferred": ghosted.astype(bool),
        "feedback": feedback,
        "source_row": rows.astype(int),
    })[list(CANONICAL_COLUMNS)]
    table = table[~skipped_mask].reset_index(drop=True)
    return Normalized(
        applications=table,
        skipped=skipped,
        unreadable_dates=tuple(date_issues),
        unplaced_statuses=tuple(sorted(unplaced)),
        outcomes_known=has_status,
        dayfirst={"applied_on": applied_dayfirst, "responded_on": responded_dayfirst},
    )
