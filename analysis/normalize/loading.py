"""One call from a file's bytes to the canonical applications table: ``load``.

bytes -> RawTable (reading) -> layout and column mapping -> canonical table (normalize).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.core.errors import InputError
from analysis.core.progress import (
    DATES_AND_STATUSES,
    MAPPING,
    READING,
    Progress,
    no_progress,
)
from analysis.core.schema import OUTCOMES, STAGES, SkippedRow
from analysis.core.wording import plural
from analysis.normalize.canonical import Evidence, Normalized, normalize
from analysis.normalize.columns import ColumnMapping, as_text, suggest_mapping
from analysis.normalize.date_order import order_notes
from analysis.normalize.date_words import words_notes
from analysis.normalize.layouts import (
    detect_history_column,
    detect_stage_columns,
    detect_transitions,
    is_count_table,
)
from analysis.normalize.statuses import StatusMeaning, status_table
from analysis.reading.tables import RawTable, read_table

HISTORY_HEADER = "Stages"


@dataclass(frozen=True)
class LoadSettings:
    """The user's choices: sheet, column and status overrides, date order, today, no-response window.

    ``dayfirst`` is the day/month order of every date column of the file (None: decided from them).
    """

    sheet: str | None = None
    columns: dict[str, str | None] = field(default_factory=dict)
    statuses: dict[str, StatusMeaning] = field(default_factory=dict)
    dayfirst: bool | None = None
    today: dt.date | None = None
    ghost_after_days: int = 30


@dataclass(frozen=True)
class LoadResult:
    """Everything the Data page and the report say about how a file was read."""

    raw: RawTable
    settings: LoadSettings
    layout: str
    mapping: ColumnMapping
    evidence: Evidence
    statuses: pd.DataFrame
    normalized: Normalized
    skipped: tuple[SkippedRow, ...]
    rows_read: int
    warnings: tuple[str, ...]

    @property
    def applications(self) -> pd.DataFrame:
        """The canonical table, one row per application."""
        return self.normalized.applications


def status_overrides_from_table(table: pd.DataFrame) -> dict[str, StatusMeaning]:
    """Read an edited status table (value, stage, outcome, applied) back into overrides."""
    overrides = {}
    for row in table.itertuples(index=False):
        stage = row.stage if row.stage in STAGES else None
        outcome = row.outcome if row.outcome in OUTCOMES else None
        overrides[str(row.value)] = StatusMeaning(stage=stage, outcome=outcome, applied=bool(row.applied),
                                                  recognised=stage is not None or outcome is not None)
    return overrides


def _collapse_transitions(raw: RawTable, from_header: str, to_header: str) -> tuple[pd.DataFrame, pd.Series]:
    """One row per application from a list of moves: the moves joined into a stage history."""
    frame = raw.frame.assign(_row=list(raw.row_numbers))
    keys = [header for header in frame.columns if header not in (from_header, to_header, "_row")]
    mapping = suggest_mapping(frame[keys])
    group_by = [h for h in (mapping.header("company"), mapping.header("role"), mapping.header("candidate")) if h]
    if not group_by:
        raise InputError("This looks like a list of moves between stages, but no column names the company.")
    frame = frame.assign(**{header: as_text(frame[header]) for header in group_by})
    moves = frame.assign(_steps=as_text(frame[from_header]) + " -> " + as_text(frame[to_header]))
    grouped = moves.groupby(group_by, sort=False)
    collapsed = grouped.agg(**{HISTORY_HEADER: ("_steps", " -> ".join), "_row": ("_row", "min")}).reset_index()
    return collapsed.drop(columns="_row"), collapsed["_row"]


def _warnings(result: Normalized, mapping: ColumnMapping, ghost_after_days: int) -> list[str]:
    apps = result.applications
    notes = []
    if not result.outcomes_known:
        notes.append("This file has no status or stage column (a LinkedIn export?), so outcomes are unknown: "
                     "every application counts as in progress and silence is not counted as ghosting.")
    inferred = int(apps["outcome_inferred"].sum())
    if inferred:
        notes.append(f"{plural(inferred, 'open application')} with no reply for more than {ghost_after_days} "
                     "days counted as no response (inferred).")
    if result.unplaced_statuses:
        shown = ", ".join(f"'{value}'" for value in result.unplaced_statuses[:8])
        notes.append(f"{plural(len(result.unplaced_statuses), 'status value')} could not be placed ({shown}); "
                     "those applications count as applied and in progress until you set them in the status table.")
    notes += order_notes(result.date_order) + words_notes(result.date_words)
    if result.unreadable_dates:
        notes.append(f"{plural(len(result.unreadable_dates), 'date cell')} could not be read; "
                     "they are listed in the data quality panel.")
    undated_open = int(((apps["outcome"] == "in_progress") & apps["applied_on"].isna()).sum())
    if result.outcomes_known and undated_open:
        notes.append(f"{plural(undated_open, 'application')} without a status or a date applied counted as "
                     "in progress; add a date or a status to place them.")
    if mapping.header("applied_on") is None:
        notes.append("No column holds the date applied, so timing and trends cannot be shown.")
    return notes


def load(data: bytes, filename: str, settings: LoadSettings | None = None,
         progress: Progress = no_progress) -> LoadResult:
    """Read a tracker file and return its canonical applications table with the reading details.

    ``progress`` is told each step as it starts (reading, mapping columns, dates and statuses).
    Raises InputError with one plain sentence when the file cannot be used.
    """
    settings = settings or LoadSettings()
    progress(READING)
    raw = read_table(data, filename, sheet=settings.sheet)
    progress(MAPPING)
    if is_count_table(raw.frame):
        raise InputError("This file is a table of counts, not one row per application; "
                         "upload the tracker that lists each application on its own row.")
    numbers = np.fromiter(raw.row_numbers, dtype=np.int64, count=len(raw.row_numbers))  # faster than pd.Series(tuple)
    frame, row_numbers = raw.frame, pd.Series(numbers, index=raw.frame.index)
    transitions = detect_transitions(frame)
    layout = "one row per application"
    if transitions:
        frame, row_numbers = _collapse_transitions(raw, *transitions)
        layout = "a list of moves between stages"
    history = detect_history_column(frame)
    mapping = suggest_mapping(frame, exclude=(history,) if history else ()).with_overrides(settings.columns)
    if not any(mapping.header(name) for name in ("company", "role", "applied_on")):
        raise InputError("No column looks like a company, a role or a date applied; "
                         "check that the file has a header row, or choose the columns on the Data page.")
    mapped = tuple(header for header in mapping.columns.values() if header)
    stage_columns = tuple(detect_stage_columns(frame, exclude=mapped + ((history,) if history else ())))
    if history and not transitions:
        layout = "a stage history in one cell"
    elif len(stage_columns) >= 2:
        layout = "one column per stage"
    evidence = Evidence(stage_columns=stage_columns, history_column=history)
    progress(DATES_AND_STATUSES)
    normalized = normalize(frame, row_numbers, mapping, evidence, settings.statuses, settings.today,
                           settings.ghost_after_days, settings.dayfirst)
    status_values = [frame[h] for h in (mapping.header("outcome"), mapping.header("stage")) if h]
    statuses = status_table(pd.concat(status_values) if status_values else pd.Series([], dtype=str), settings.statuses)
    skipped = tuple(sorted(raw.skipped + normalized.skipped, key=lambda item: item.row))
    return LoadResult(
        raw=raw,
        settings=settings,
        layout=layout if normalized.outcomes_known else "one row per application, without statuses",
        mapping=mapping,
        evidence=evidence,
        statuses=statuses,
        normalized=normalized,
        skipped=skipped,
        rows_read=len(raw.frame) + len(raw.skipped),
        warnings=tuple(_warnings(normalized, mapping, settings.ghost_after_days)),
    )
