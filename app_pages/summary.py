"""Summary: the improvement summary as a preview, and downloads in Markdown, HTML, Excel and CSV.

The document is worded once in ``analysis.summary.build``; the preview renders its Markdown (user text
escaped there, and st.markdown shows no raw HTML). Each download is built only when its button
is clicked (a callable ``data``), so opening the page stays fast.
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from analysis.core.safety import safe_filename
from analysis.export.files import applications_csv, candidate_summaries_zip, render
from analysis.export.markdown import inert_sentence, summary_markdown
from analysis.report import Report
from analysis.summary.build import build_summary
from analysis.summary.lead import funnel_lead
from analysis.summary.model import ImprovementSummary
from ui.components import require_report, scope_caption
from ui.state import context

DOWNLOADS = (
    # label, format, extension, mime, icon
    ("Markdown", "md", "md", "text/markdown", ":material/description:"),
    ("HTML (charts, works offline)", "html", "html", "text/html", ":material/web:"),
    ("Excel workbook", "xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     ":material/table_view:"),
)


@st.cache_resource(max_entries=3, show_spinner=False)
def _summary(key: tuple, _report: Report) -> ImprovementSummary:
    """The summary of the report ``key`` names (its reruns reuse it, read-only as the report)."""
    return build_summary(_report)


def _builder(report: Report, fmt: str) -> Callable[[], bytes]:
    """A no-argument callable that renders the report when the button is clicked."""
    return lambda: render(report, fmt)


ctx = context()
st.title("Your improvement summary", anchor=False)
report = require_report(ctx)
summary = _summary(ctx.report_key, report)
scope_caption(report, ctx)
st.markdown(inert_sentence(" ".join(funnel_lead(report))))

stem = safe_filename(ctx.source.name.rsplit(".", 1)[0], default="tracker")
st.subheader("Download", anchor=False)
with st.container(horizontal=True):
    for label, fmt, extension, mime, icon in DOWNLOADS:
        st.download_button(
            label,
            data=_builder(report, fmt),
            file_name=f"{stem}-next-steps.{extension}",
            mime=mime,
            icon=icon,
            on_click="ignore",
            key=f"download_{fmt}",
        )
    st.download_button(
        "Cleaned applications (CSV)",
        data=lambda: applications_csv(report.applications),
        file_name=f"{stem}-applications.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        key="download_csv",
        help="The canonical table: one row per application, as the app read it.",
    )
candidates = report.applications["candidate"].nunique()
if candidates > 1:
    st.download_button(
        f"One HTML summary per candidate ({candidates}, zip)",
        data=lambda: candidate_summaries_zip(report),
        file_name=f"{stem}-candidates.zip",
        mime="application/zip",
        icon=":material/folder_zip:",
        on_click="ignore",
        key="download_candidates",
        help="For coaches: each candidate's own summary. Pick one candidate in the sidebar filter for theirs alone.",
    )
st.caption("The HTML file holds interactive charts and opens offline in any browser; print it or save it as PDF "
           "from there. Everything is made on this computer.")

columns = st.columns(len(summary.headlines))
for column, headline in zip(columns, summary.headlines):
    column.metric(headline.label, headline.value, help=headline.detail, border=True, height="stretch")

with st.container(border=True, key="summary_preview"):
    st.markdown(summary_markdown(summary))
