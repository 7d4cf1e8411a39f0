"""The Data page's controls: the user's corrections to a reading (sheet, columns, statuses; the date
order has its own module, ``ui.date_order``).

Every correction goes into the session's :class:`~ui.choices.Choices`, which is part of the cache
key of the load, so the whole app (every page) uses the corrected reading. Editors are keyed
by a version number that changes with each correction, so they always show the current reading.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.core.schema import FIELDS, OUTCOME_LABELS, OUTCOMES, STAGE_LABELS, STAGES
from analysis.normalize.columns import ColumnMapping
from analysis.normalize.loading import LoadResult
from analysis.reading.tables import RawTable
from ui.choices import Choices, current_choices
from ui.files import OpenFile

NONE = "(none)"
FIELD_LABELS: dict[str, str] = {
    "company": "Company",
    "role": "Role",
    "applied_on": "Date applied",
    "source": "Source (channel)",
    "stage": "Stage",
    "outcome": "Status / outcome",
    "feedback": "Feedback",
    "responded_on": "Response date",
    "candidate": "Candidate",
    "location": "Location",
}
STATUS_COLUMNS = ["value", "rows", "stage", "outcome", "applied", "recognised"]


def _set_sheet(key: str) -> None:
    choices = current_choices()
    if choices is not None:
        choices.sheet = st.session_state[key]
        choices.reset_mapping()


def sheet_picker(raw: RawTable, choices: Choices) -> None:
    """A sheet selectbox when the workbook has several sheets."""
    sheets = list(raw.sheets or ())
    if len(sheets) < 2:
        return
    key = f"sheet_{choices.digest}"
    st.selectbox("Sheet", sheets, index=sheets.index(raw.sheet) if raw.sheet in sheets else 0,
                 key=key, on_change=_set_sheet, args=(key,),
                 help="The workbook has several sheets; the one that looks most like a tracker was picked, "
                      "with the sheets that have the same columns.")


def column_editor(raw: RawTable, mapping: ColumnMapping, choices: Choices) -> None:
    """Which column holds each field; a change is applied to the whole app at once."""
    headers = [str(header) for header in raw.frame.columns]
    headers += [h for h in mapping.columns.values() if h and h not in headers]
    table = pd.DataFrame({
        "field": [FIELD_LABELS[name] for name in FIELDS],
        "column": [mapping.header(name) or NONE for name in FIELDS],
        "confidence": [float(mapping.confidence.get(name, 0.0)) for name in FIELDS],
    })
    edited = st.data_editor(
        table,
        key=f"columns_{choices.digest}_{choices.version}",
        hide_index=True,
        num_rows="fixed",
        disabled=["field", "confidence"],
        column_config={
            "field": st.column_config.TextColumn("Field"),
            "column": st.column_config.SelectboxColumn("Column in your file", options=[NONE, *headers], required=True),
            "confidence": st.column_config.ProgressColumn(
                "Confidence", min_value=0.0, max_value=1.0, format="percent",
                help="How sure the suggestion is, from the header and the cells; 100% for your own choices."),
        },
        alt="Column mapping: which column of the file holds each field",
    )
    changes = {FIELDS[i]: edited.at[i, "column"] for i in range(len(FIELDS)) if edited.at[i, "column"] != table.at[i, "column"]}
    if not changes:
        return
    for field_name, header in changes.items():
        header = None if header in (None, NONE) or pd.isna(header) else str(header)
        if header is not None:  # one column holds one field: forget other choices of it
            for other in [f for f, chosen in choices.columns.items() if chosen == header and f != field_name]:
                del choices.columns[other]
        choices.columns[field_name] = header
    choices.version += 1
    st.rerun()


def _text(cell: object) -> str | None:
    """A stage or outcome cell: its text, or None when blank."""
    return None if cell is None or (not isinstance(cell, str) and pd.isna(cell)) else str(cell)


def status_table(loaded: LoadResult, choices: Choices) -> pd.DataFrame:
    """The engine's status table with the user's own readings shown in place of the suggestions."""
    table = loaded.statuses[STATUS_COLUMNS].copy()
    for i, value in enumerate(table["value"]):
        if value in choices.statuses:
            stage, outcome, applied = choices.statuses[value]
            table.iloc[i, 2:] = [stage, outcome, applied, stage is not None or outcome is not None]
    return table.astype({"applied": bool, "recognised": bool})


def status_editor(loaded: LoadResult, choices: Choices) -> None:
    """What each status value means: stage reached, outcome, and whether it is an application at all."""
    table = status_table(loaded, choices)
    if table.empty:
        st.info("No status or stage column was found, so outcomes are unknown. "
                "Pick the column that holds them in the table above, if the file has one.")
        return
    edited = st.data_editor(
        table,
        key=f"statuses_{choices.digest}_{choices.version}",
        hide_index=True,
        height="content" if len(table) <= 20 else "auto",
        num_rows="fixed",
        disabled=["value", "rows", "recognised"],
        column_config={
            "value": st.column_config.TextColumn("Value in your file"),
            "rows": st.column_config.NumberColumn("Rows"),
            "stage": st.column_config.SelectboxColumn(
                "Furthest stage", options=list(STAGES), format_func=lambda stage: STAGE_LABELS[str(stage)],
                help="The furthest stage this value says the application reached; blank if it does not say."),
            "outcome": st.column_config.SelectboxColumn(
                "Outcome", options=list(OUTCOMES), format_func=lambda outcome: OUTCOME_LABELS[str(outcome)],
                help="How the application ended; blank if it does not say."),
            "applied": st.column_config.CheckboxColumn(
                "Is an application", help="Untick for wishlist entries you never applied to: those rows are skipped."),
            "recognised": st.column_config.CheckboxColumn("Understood"),
        },
        alt="Status mapping: what each status value in the file means",
    )
    changed = False
    for i in range(len(table)):
        before = (_text(table.at[i, "stage"]), _text(table.at[i, "outcome"]), bool(table.at[i, "applied"]))
        after = (_text(edited.at[i, "stage"]), _text(edited.at[i, "outcome"]), bool(edited.at[i, "applied"]))
        if before != after:
            choices.statuses[str(table.at[i, "value"])] = after
            changed = True
    if changed:
        choices.version += 1
        st.rerun()


FILE_KEY = "data_file"
"""The Data page's file picker (the digest of the file whose reading is shown) when several are open."""


def file_picker(opened: list[OpenFile]) -> OpenFile:
    """Which file's reading to show and correct (a file that cannot be used is marked as such)."""
    by_digest = {item.source.digest: item for item in opened}
    first = next((item for item in opened if item.loaded is not None), opened[0]).source.digest
    if st.session_state.get(FILE_KEY) not in by_digest:
        st.session_state[FILE_KEY] = first
    chosen = st.segmented_control(
        "File", list(by_digest), key=FILE_KEY, required=True,
        format_func=lambda digest: by_digest[digest].source.name + ("" if by_digest[digest].loaded else " (unreadable)"),
        help="Each file keeps its own reading: correct its columns and statuses here.",
    )
    return by_digest[chosen or first]
