"""Data: how the file was read, and the user's corrections (columns, statuses, date order, sheet)."""
import streamlit as st

from analysis.core.safety import safe_filename
from analysis.export.files import applications_csv
from ui import components, data_controls, data_questions, data_refusal, data_report, date_order, files, state
from ui.choices import choices_for
from ui.settings.panel import settings_panel

ctx = state.context()
st.title("Data")
opened = files.last_opened()
if len(opened) > 1:  # several files: how they were combined, then one file's reading at a time
    if ctx.merged is not None:
        st.subheader("Files combined", anchor=False)
        data_report.merge_explained(ctx.merged)
    st.subheader("Each file's reading", anchor=False)
    chosen = data_controls.file_picker(opened)
    if chosen.loaded is None:  # why, the table as read, the column editor; stops
        data_refusal.refused_file(chosen.source, chosen.error or f"{chosen.source.name} cannot be read.")
    source, loaded = chosen.source, chosen.loaded
else:
    if ctx.loaded is None and ctx.error and ctx.source is not None and not ctx.source.is_sample:
        data_refusal.refused_file(ctx.source, ctx.error)  # why, the table as read, the column editor; stops
    source, loaded = components.require_loaded(ctx)
choices = choices_for(source.digest)
st.markdown(data_report.lead(loaded))
data_questions.column_questions(loaded.mapping, choices)

left, right = st.columns([2, 3], gap="large")
with left:
    st.subheader("The file", anchor=False)
    data_controls.sheet_picker(loaded.raw, choices)
    data_report.file_summary(loaded, source.name)
    data_report.evidence(loaded)
    data_report.sheets(loaded.raw)
    st.subheader("Date order", anchor=False)
    date_order.date_order_control(loaded, choices)
with right:
    st.subheader("Columns", anchor=False)
    st.caption("Which column holds each field. Change a cell to correct it; every page follows.")
    data_controls.column_editor(loaded.raw, loaded.mapping, choices)

st.subheader("Statuses", anchor=False)
st.caption("What each status or stage value means. Change a cell to correct it; every page follows.")
data_controls.status_editor(loaded, choices)

settings_panel(source, loaded, choices)

st.subheader("Data quality", anchor=False)
data_report.quality_panel(loaded)
date_order.date_words_table(loaded)

st.subheader("Applications as read", anchor=False)
st.caption("One row per application, before the sidebar filters. Row in file points back to your spreadsheet.")
data_report.preview(loaded.applications, with_candidates=loaded.mapping.header("candidate") is not None)
with st.container(horizontal=True):
    st.download_button(
        "Cleaned applications (CSV)", lambda: applications_csv(loaded.applications),
        file_name=f"{safe_filename(source.name.rsplit('.', 1)[0])}-cleaned.csv", mime="text/csv",
        icon=":material/download:", on_click="ignore", type="primary",
    )
    components.template_buttons()
