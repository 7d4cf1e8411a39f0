"""The Data page's account of a reading: the file, why it was read as a tracker, its sheets, the
data-quality panel, the applications as read and how several files were combined (read-only)."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from analysis.core.wording import plural
from analysis.export.files import applications_csv
from analysis.normalize.loading import LoadResult
from analysis.normalize.merge import DATE_WINDOW_DAYS, MergedApplications
from analysis.reading.tables import RawTable
from ui.components import plain


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


def lead(loaded: LoadResult) -> str:
    """The Data page's opening: what was read, in plain words."""
    skipped = len(loaded.skipped)
    left_out = ("every row was used" if not skipped else
                f"{plural(skipped, 'row')} {'was' if skipped == 1 else 'were'} left out (listed under Data quality)")
    return (f"{plural(loaded.rows_read, 'row')} read: {plural(len(loaded.applications), 'application')}; {left_out}. "
            "Check that each column below holds what its name says: every page follows what is set here.")


def evidence(loaded: LoadResult) -> None:
    """Why the table was read as a tracker, one line per piece of evidence."""
    if loaded.tracker_evidence:
        st.markdown("**Read as a tracker because of**\n" + "\n".join(
            f"- {plain(reason)}" for reason in loaded.tracker_evidence))


def sheets(raw: RawTable) -> None:
    """Every sheet of a workbook: read or not, and why (nothing for a single sheet or a text file)."""
    if len(raw.sheet_reports) < 2:
        return
    st.markdown("**Sheets**")
    st.dataframe(
        pd.DataFrame([{"sheet": item.name, "read": item.used, "why": item.why} for item in raw.sheet_reports]),
        hide_index=True, alt="The workbook's sheets: which were read, which were not, and why",
        column_config={"sheet": st.column_config.TextColumn("Sheet"),
                       "read": st.column_config.CheckboxColumn("Read"),
                       "why": st.column_config.TextColumn("Why", width="large")},
    )


def quality_panel(loaded: LoadResult) -> None:
    """Rows read, applications, skipped rows with reasons, unreadable dates, unplaced statuses, warnings."""
    normalized = loaded.normalized
    with st.container(horizontal=True):
        st.metric("Rows read", loaded.rows_read, border=True)
        st.metric("Applications", len(loaded.applications), border=True)
        st.metric("Skipped rows", len(loaded.skipped), border=True)
        st.metric("Unreadable dates", len(normalized.unreadable_dates), border=True)
        st.metric("Unplaced statuses", len(normalized.unplaced_statuses), border=True)
        st.metric("Unclear tick marks", len(normalized.unclear_marks), border=True)
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
        _cell_problems(normalized.unreadable_dates, "Date cells that could not be read")
    if normalized.unclear_marks:
        st.markdown("**Stage cells not understood**")
        st.caption("These cells are neither a tick mark, a date nor a stage name: they count as neither reached "
                   "nor not reached. Write x for reached or leave the cell blank.")
        _cell_problems(normalized.unclear_marks, "Stage cells that are not tick marks")
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
            "source_sheet": st.column_config.TextColumn("Sheet"),
        },
    )


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


def _cell_problems(items: Sequence, alt: str) -> None:
    """A table of cells the reading could not use: the row in the file and the problem."""
    st.dataframe(
        pd.DataFrame([{"row": item.row, "problem": item.reason} for item in items]),
        hide_index=True, alt=alt,
        column_config={"row": st.column_config.NumberColumn("Row in file", format="%d")},
    )
