"""The Data page's controls: how the file was read, and the user's corrections to it (the date
order has its own module, ``ui.date_order``).

Every correction goes into the session's :class:`~ui.state.Choices`, which is part of the cache
key of the load, so the whole app (every page) uses the corrected reading. Editors are keyed
by a version number that changes with each correction, so they always show the current reading.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.core.schema import FIELDS, OUTCOME_LABELS, OUTCOMES, STAGE_LABELS, STAGES
from analysis.export.files import applications_csv
from analysis.normalize.loading import LoadResult
from analysis.normalize.merge import DATE_WINDOW_DAYS, MergedApplications
from ui import state
from ui.components import plain
from ui.files import OpenFile, ReadFile
from ui.state import Choices, current_choices

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


def file_summary(loaded: LoadResult, name: str) -> None:
    """File name, kind, sheet, header row, encoding, delimiter and detected layout."""
    raw = loaded.raw
    details = {
        "File": plain(name),
        "Kind": raw.file_kind,
        "Layout": loaded.layout,
        "Header row": str(raw.header_row),
    }
    if raw.sheet:
        details["Sheet"] = plain(raw.sheet)
    if raw.encoding:
        details["Encoding"] = raw.encoding
    if raw.delimiter:
        details["Delimiter"] = {"\t": "tab", " ": "space"}.get(raw.delimiter, f"`{raw.delimiter}`")
    st.table(details, border="horizontal", width="content")


def _set_sheet(key: str) -> None:
    choices = current_choices()
    if choices is not None:
        choices.sheet = st.session_state[key]
        choices.reset_mapping()


def sheet_picker(loaded: LoadResult, choices: Choices) -> None:
    """A sheet selectbox when the workbook has several sheets."""
    sheets = list(loaded.raw.sheets or ())
    if len(sheets) < 2:
        return
    key = f"sheet_{choices.digest}"
    st.selectbox("Sheet", sheets, index=sheets.index(loaded.raw.sheet) if loaded.raw.sheet in sheets else 0,
                 key=key, on_change=_set_sheet, args=(key,),
                 help="The workbook has several sheets; the one that looks most like a tracker was picked.")


def column_editor(loaded: LoadResult, choices: Choices) -> None:
    """Which column holds each field; a change is applied to the whole app at once."""
    headers = [str(header) for header in loaded.raw.frame.columns]
    headers += [h for h in loaded.mapping.columns.values() if h and h not in headers]
    table = pd.DataFrame({
        "field": [FIELD_LABELS[name] for name in FIELDS],
        "column": [loaded.mapping.header(name) or NONE for name in FIELDS],
        "confidence": [float(loaded.mapping.confidence.get(name, 0.0)) for name in FIELDS],
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


def quality_panel(loaded: LoadResult) -> None:
    """Rows read, applications, skipped rows with reasons, unreadable dates, unplaced statuses, warnings."""
    normalized = loaded.normalized
    with st.container(horizontal=True):
        st.metric("Rows read", loaded.rows_read, border=True)
        st.metric("Applications", len(loaded.applications), border=True)
        st.metric("Skipped rows", len(loaded.skipped), border=True)
        st.metric("Unreadable dates", len(normalized.unreadable_dates), border=True)
        st.metric("Unplaced statuses", len(normalized.unplaced_statuses), border=True)
    for note in loaded.warnings:
        st.warning(plain(note), icon=":material/warning:")
    if loaded.skipped:
        st.markdown("**Skipped rows**")
        st.dataframe(
            pd.DataFrame([{"row": item.row, "reason": item.reason} for item in loaded.skipped]),
            hide_index=True, alt="Rows skipped, with their row number and the reason",
            column_config={"row": st.column_config.NumberColumn("Row in file", format="%d"),
                           "reason": st.column_config.TextColumn("Reason")},
        )
    if normalized.unreadable_dates:
        st.markdown("**Unreadable dates**")
        st.dataframe(
            pd.DataFrame([{"row": item.row, "problem": item.reason} for item in normalized.unreadable_dates]),
            hide_index=True, alt="Date cells that could not be read",
            column_config={"row": st.column_config.NumberColumn("Row in file", format="%d")},
        )
    if normalized.unplaced_statuses:
        st.markdown("**Status values that could not be placed**")
        st.caption("Set what they mean in the status table above.")
        st.dataframe(pd.DataFrame({"value": list(normalized.unplaced_statuses)}), hide_index=True,
                     alt="Status values that could not be placed")


def preview(applications: pd.DataFrame, with_candidates: bool) -> None:
    """The canonical table, one row per application (the candidate column only when the file has one)."""
    st.dataframe(
        applications,
        hide_index=True,
        column_order=[name for name in applications.columns if with_candidates or name != "candidate"],
        alt="The applications as read: one row per application",
        column_config={
            **{name: st.column_config.TextColumn(name.capitalize())
               for name in ("company", "role", "source", "channel", "location", "candidate", "outcome", "feedback")},
            "applied_on": st.column_config.DateColumn("Applied on", format="YYYY-MM-DD"),
            "responded_on": st.column_config.DateColumn("Responded on", format="YYYY-MM-DD"),
            "last_update": st.column_config.DateColumn("Last update", format="YYYY-MM-DD"),
            "furthest_stage": st.column_config.TextColumn("Furthest stage"),
            "outcome_inferred": st.column_config.CheckboxColumn(
                "Inferred", help="No response inferred from silence longer than the window set in the sidebar."),
            "source_row": st.column_config.NumberColumn("Row in file", format="%d"),
        },
    )


FILE_KEY = "data_file"
"""The Data page's file picker (the digest of the file whose reading is shown) when several are open."""


def merge_explained(merged: MergedApplications) -> None:
    """How the files were combined: one sentence per file and the total, then the rows counted once."""
    st.markdown("\n".join(f"- {plain(sentence)}" for sentence in merged.summary()))
    if merged.as_candidates:
        st.caption("Each file is read as one candidate's search: a row without a candidate takes the file's name. "
                   "The Caseload page compares them.")
    else:
        st.caption("Two rows are counted once when the company is the same (ignoring case, accents and suffixes "
                   f"such as Ltd or GmbH), the roles are similar and they were sent at most {DATE_WINDOW_DAYS} days "
                   "apart. The row kept takes the furthest stage, the clearest outcome and every feedback text.")
        if merged.log.empty:
            st.caption("No application appears in more than one file.")
        else:
            st.dataframe(
                merged.log, hide_index=True, alt="Applications found in more than one file, counted once",
                column_config={
                    "kept_file": st.column_config.TextColumn("Kept from"),
                    "kept_row": st.column_config.NumberColumn("Row", format="%d"),
                    "merged_file": st.column_config.TextColumn("Same application in"),
                    "merged_row": st.column_config.NumberColumn("Row there", format="%d"),
                    "company": st.column_config.TextColumn("Company"),
                    "reason": st.column_config.TextColumn("Why they match", width="large"),
                },
            )
    st.download_button(
        "Combined applications (CSV)", lambda: applications_csv(merged.applications),
        file_name="next-steps-combined.csv", mime="text/csv", icon=":material/download:", on_click="ignore",
    )


def _undo_file_choices(digest: str) -> None:
    choices = state.choices_of(digest)
    choices.sheet = None
    choices.reset_mapping()


def file_picker(opened: list[OpenFile]) -> ReadFile:
    """Which file's reading to show and correct; a file that cannot be read says why (and the page stops)."""
    by_digest = {item.source.digest: item for item in opened}
    first = next((item for item in opened if item.loaded is not None), opened[0]).source.digest
    if st.session_state.get(FILE_KEY) not in by_digest:
        st.session_state[FILE_KEY] = first
    chosen = st.segmented_control(
        "File", list(by_digest), key=FILE_KEY, required=True,
        format_func=lambda digest: by_digest[digest].source.name + ("" if by_digest[digest].loaded else " (unreadable)"),
        help="Each file keeps its own reading: correct its columns and statuses here.",
    )
    item = by_digest[chosen or first]
    if item.loaded is None:
        st.error(plain(item.error or f"{item.source.name} cannot be read."), title="This file cannot be used")
        if state.choices_of(item.source.digest).changed:
            st.button("Undo my choices for this file", on_click=_undo_file_choices, args=(item.source.digest,),
                      icon=":material/undo:", key="undo_file_choices")
        st.caption("The other files are still read. Start from the blank template if this one keeps failing.")
        st.stop()
    return ReadFile(item.source, item.settings, item.loaded)
