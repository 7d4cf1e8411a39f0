"""One call from a file's bytes to the canonical applications table: ``load``.

bytes -> RawTable (reading) -> layout and column mapping -> canonical table (normalize).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
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
from analysis.normalize.columns import ColumnMapping, suggest_mapping
from analysis.normalize.date_order import order_notes
from analysis.normalize.date_words import words_notes
from analysis.normalize.layouts import (
    detect_history_column,
    detect_stage_columns,
    detect_transitions,
    is_count_table,
)
from analysis.normalize.recognition import refuse, tracker_evidence
from analysis.normalize.shapes import collapse_transitions, date_list_frame, identify_by_id, is_date_list
from analysis.normalize.statuses import StatusMeaning, status_table
from analysis.reading.tables import RawTable, read_table


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
    tracker_evidence: tuple[str, ...] = ()
    """Why the table was read as a tracker, one short sentence each (``recognition.py``)."""

    def layout_json(self) -> dict:
        """The JSON report's ``layout``: kind, every sheet (read or not, and why), the evidence."""
        return {
            "kind": self.layout,
            "sheets": [{"name": item.name, "used": item.used, "why": item.why} for item in self.raw.sheet_reports],
            "evidence": list(self.tracker_evidence),
        }

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


def _warnings(result: Normalized, mapping: ColumnMapping, ghost_after_days: int, raw: RawTable) -> list[str]:
    """What the user should know about the reading, one sentence each."""
    apps = result.applications
    notes = []
    if raw.dropped_columns:
        shown = ", ".join(f"'{header}'" for header in raw.dropped_columns)
        notes.append(f"{shown} holds answers to screening questions (such as disability or veteran status); "
                     "it was left out unread and is never shown or exported.")
    combined = [item.name for item in raw.sheet_reports if item.used]
    if len(combined) > 1:
        notes.append(f"{plural(len(combined), 'sheet')} with the same columns were combined "
                     f"({', '.join(combined)}); each application keeps its sheet.")
    if result.unclear_marks:
        notes.append(f"{plural(len(result.unclear_marks), 'stage cell')} hold words that are not tick marks; "
                     "they are listed in the data quality panel and not counted.")
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


@dataclass(frozen=True)
class Shaped:
    """The table in the shape the normalizer reads: one row per application (or per move, collapsed)."""

    frame: pd.DataFrame
    row_numbers: pd.Series
    layout: str
    history: str | None
    evidence: tuple[str, ...]


def _shape(raw: RawTable) -> Shaped:
    """Collapse a list of moves, spread a list per date, find a stage history column."""
    numbers = np.fromiter(raw.row_numbers, dtype=np.int64, count=len(raw.row_numbers))  # faster than pd.Series(tuple)
    frame, rows = raw.frame, pd.Series(numbers, index=raw.frame.index)
    if is_date_list(frame):
        frame, rows = date_list_frame(frame, rows)
        return Shaped(frame, rows, "companies listed under date headers", None,
                      ("companies listed under date headers: each one an application on that day",))
    transitions = detect_transitions(frame)
    if transitions:
        frame, rows = collapse_transitions(frame, rows, *transitions)
        return Shaped(frame, rows, "a list of moves between stages", detect_history_column(frame),
                      (f"moves between stages in '{transitions[0]}' and '{transitions[1]}'",))
    history = detect_history_column(frame)
    return Shaped(frame, rows, "a stage history in one cell" if history else "one row per application", history, ())


def _refuse_empty(normalized: Normalized, rows: int) -> InputError:
    """Zero applications from a non-empty table: the commonest reasons, and what to do."""
    reasons = Counter(item.reason for item in normalized.skipped).most_common(2)
    said = "; ".join(f"{plural(count, 'row')}: {reason}" for reason, count in reasons)
    return InputError(f"None of the {plural(rows, 'row')} is an application ({said or 'no row could be placed'}); "
                      "check the status and date columns, or choose the columns on the Data page.")


def _sheets_of(raw: RawTable, index: pd.Index) -> pd.Series | None:
    """The sheet of each row when several sheets were combined, else None."""
    return None if raw.row_sheets is None else pd.Series(raw.row_sheets, index=index, dtype=object)


def load(data: bytes, filename: str, settings: LoadSettings | None = None,
         progress: Progress = no_progress) -> LoadResult:
    """Read a tracker file and return its canonical applications table with the reading details.

    ``progress`` is told each step as it starts (reading, mapping columns, dates and statuses).
    Raises InputError with one plain sentence when the file cannot be used, including a table that
    is not a tracker (``recognition.py``) and one that yields no application.
    """
    settings = settings or LoadSettings()
    progress(READING)
    raw = read_table(data, filename, sheet=settings.sheet)
    progress(MAPPING)
    if is_count_table(raw.frame):
        raise InputError("This file is a table of counts, not one row per application; "
                         "upload the tracker that lists each application on its own row.")
    shaped = _shape(raw)
    frame, history = shaped.frame, shaped.history
    mapping = suggest_mapping(frame, exclude=(history,) if history else ()).with_overrides(settings.columns)
    mapped = tuple(header for header in mapping.columns.values() if header)
    stage_columns = tuple(detect_stage_columns(frame, exclude=mapped + ((history,) if history else ())))
    mapping = identify_by_id(frame, mapping, tuple(column.header for column in stage_columns))
    if not any(mapping.header(name) for name in ("company", "role", "applied_on")):
        raise refuse(frame, mapping)
    reasons = [*shaped.evidence, *tracker_evidence(frame, mapping, stage_columns, history, bool(settings.columns))]
    if not reasons:
        raise refuse(frame, mapping)
    layout = "one column per stage" if len(stage_columns) >= 2 and shaped.layout == "one row per application" \
        else shaped.layout
    evidence = Evidence(stage_columns=stage_columns, history_column=history)
    progress(DATES_AND_STATUSES)
    normalized = normalize(frame, shaped.row_numbers, mapping, evidence, settings.statuses, settings.today,
                           settings.ghost_after_days, settings.dayfirst, sheets=_sheets_of(raw, frame.index)
                           if shaped.layout == "one row per application" or history else None)
    if normalized.applications.empty:
        raise _refuse_empty(normalized, len(frame))
    status_values = [frame[h] for h in (mapping.header("outcome"), mapping.header("stage")) if h]
    statuses = status_table(pd.concat(status_values) if status_values else pd.Series([], dtype=str), settings.statuses)
    skipped = tuple(sorted(raw.skipped + normalized.skipped, key=lambda item: item.row))
    return LoadResult(
        raw=raw,
        settings=settings,
        layout=layout if normalized.outcomes_known else f"{layout}, without statuses",
        mapping=mapping,
        evidence=evidence,
        statuses=statuses,
        normalized=normalized,
        skipped=skipped,
        rows_read=len(raw.frame) + len(raw.skipped),
        warnings=tuple(_warnings(normalized, mapping, settings.ghost_after_days, raw)),
        tracker_evidence=tuple(reasons),
    )


def inspect(data: bytes, filename: str, settings: LoadSettings | None = None) -> tuple[RawTable, ColumnMapping]:
    """The raw table and the suggested columns, without judging the table: for mapping columns by hand
    after a refusal. Raises InputError only when the file cannot be read at all."""
    settings = settings or LoadSettings()
    raw = read_table(data, filename, sheet=settings.sheet)
    return raw, suggest_mapping(raw.frame).with_overrides(settings.columns)
