"""The Data page for a file that was refused: why, the sheets, the table as read, and the column editor.

A refusal ("This looks like a contacts list…", "No column looks like a company…") is not a dead
end: the page shows the raw table so the user can see what was read, and the column editor so
they can say which column holds what. Choosing columns counts as evidence that the table is a
tracker, so the next load reads it with those columns.
"""
from __future__ import annotations

import streamlit as st

from analysis.core.errors import InputError
from analysis.normalize.columns import ColumnMapping
from analysis.normalize.loading import LoadSettings, inspect
from analysis.reading.tables import RawTable
from ui import data_controls, data_report
from ui.choices import choices_for, choices_of
from ui.components import plain, template_downloads
from ui.state import Source

_PREVIEW_ROWS = 500


@st.cache_resource(max_entries=4, show_spinner="Reading the table…")
def _inspect(digest: str, name: str, sheet: str | None, columns: tuple, _data: bytes) -> tuple[RawTable, ColumnMapping]:
    """The raw table and suggested columns of a refused file, once per content and choices."""
    return inspect(_data, name, LoadSettings(sheet=sheet, columns=dict(columns)))


def _undo(digest: str) -> None:
    choices = choices_of(digest)
    choices.sheet = None
    choices.reset_mapping()


def _accept(digest: str, columns: dict[str, str | None]) -> None:
    """The user confirms the suggested columns: they become the user's choices."""
    choices = choices_of(digest)
    choices.columns.update({field: header for field, header in columns.items() if header})
    choices.version += 1


def refused_file(source: Source, error: str) -> None:
    """Why the file was refused, then what was read and the column editor; the page stops after it."""
    st.error(plain(error), title="This file cannot be used")
    choices = choices_for(source.digest)
    if choices.changed:
        st.button("Undo my choices for this file", on_click=_undo, args=(source.digest,),
                  icon=":material/undo:", key="undo_choices")
    try:
        raw, mapping = _inspect(source.digest, source.name, choices.sheet, tuple(sorted(choices.columns.items())),
                                source.data)
    except InputError:
        st.caption("Start from the blank template if your tracker keeps failing to load.")
        template_downloads()
        st.stop()
    left, right = st.columns([2, 3], gap="large")
    with left:
        st.subheader("What was read", anchor=False)
        data_controls.sheet_picker(raw, choices)
        data_report.sheets(raw)
        st.caption(f"{len(raw.frame):,} rows under the header on row {raw.header_row}.")
    with right:
        st.subheader("Columns", anchor=False)
        st.caption("If this is your tracker, say which column holds the company, the role and the date applied "
                   "(and the status, if there is one); the file is then read with your choices.")
        data_controls.column_editor(raw, mapping, choices)
        if any(mapping.columns.values()):
            st.button("Read it as my tracker with these columns", on_click=_accept,
                      args=(source.digest, dict(mapping.columns)), icon=":material/check:", key="accept_columns")
    st.subheader("The table as read", anchor=False)
    st.dataframe(raw.frame.head(_PREVIEW_ROWS), hide_index=True,
                 alt="The first rows of the table as read from the file, before any column was given a meaning")
    st.caption("Or start from the blank template, which has the usual columns.")
    template_downloads()
    st.stop()
