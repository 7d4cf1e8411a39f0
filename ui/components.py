"""Small display helpers shared by the pages: guards for empty states, rate metrics, charts."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from analysis.charts import figures as charts
from analysis.charts.base import Chart
from analysis.core import palette
from analysis.core.schema import OUTCOME_LABELS, STAGE_LABELS
from analysis.core.stats import Rate
from analysis.export.markdown import inert_sentence, markdown_literal
from analysis.funnel.sankey import NODE_LABELS, Flow, to_sankeymatic
from analysis.funnel.stages import Funnel, Overview
from analysis.normalize.loading import LoadResult
from analysis.report import Report
from ui.choices import current_choices
from ui.state import ROOT, AppContext, Source

TEMPLATE_XLSX = ROOT / "sample_data" / "template.xlsx"
TEMPLATE_CSV = ROOT / "sample_data" / "template.csv"
RATES_NOTE = ("Each rate shows the number of applications behind it (n); its tooltip gives the range it likely lies in "
              "(a 95% interval). Below 5 applications a rate reads “too few to tell”.")


def plain(text: object) -> str:
    """User text made inert for Streamlit's Markdown: no emphasis, links, autolinks, entities,
    directives or icons (:func:`analysis.export.markdown.markdown_literal`)."""
    return markdown_literal(text)


def _undo_choices() -> None:
    choices = current_choices()
    if choices is not None:
        choices.sheet = None
        choices.reset_mapping()


def template_buttons() -> None:
    """Download buttons for the blank tracker template (place them in a horizontal container)."""
    st.download_button("Blank template (Excel)", TEMPLATE_XLSX.read_bytes(), file_name=TEMPLATE_XLSX.name,
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:", on_click="ignore")
    st.download_button("Blank template (CSV)", TEMPLATE_CSV.read_bytes(), file_name=TEMPLATE_CSV.name,
                       mime="text/csv", icon=":material/download:", on_click="ignore")


def template_downloads() -> None:
    """The blank template's download buttons on one row."""
    with st.container(horizontal=True):
        template_buttons()


def require_loaded(ctx: AppContext) -> tuple[Source, LoadResult]:
    """The file and how it was read, or a helpful message (no file, unusable file) and the page stops."""
    if ctx.source is not None and ctx.loaded is not None:
        if ctx.source.is_sample:
            st.info("This is the sample tracker, a made-up search. Upload your own tracker in the sidebar; "
                    "it stays on this computer.", icon=":material/science:")
        return ctx.source, ctx.loaded
    if ctx.error:
        st.error(plain(ctx.error), title="This file cannot be used")
        choices = current_choices()
        if ctx.source is not None and choices is not None and choices.changed:
            st.button("Undo my choices on the Data page", on_click=_undo_choices, icon=":material/undo:",
                      key="undo_choices")
        st.caption("Start from the blank template if your tracker keeps failing to load.")
        template_downloads()
    else:
        st.info("Upload your tracker in the sidebar, or turn on the sample tracker to explore the app. "
                "Any spreadsheet with one row per application works; the template shows the usual columns.",
                title="No tracker yet", icon=":material/upload_file:")
        template_downloads()
    st.stop()


def require_report(ctx: AppContext) -> Report:
    """The report on the filtered applications, or a message when there is nothing to report on."""
    _, loaded = require_loaded(ctx)
    if loaded.applications.empty:
        st.warning("No row of this file is an application; the Data page lists the rows skipped and why.",
                   title="No applications found")
        st.stop()
    if ctx.applications is None or ctx.applications.empty:
        st.info("No application matches the filters in the sidebar. Widen the dates or clear the filters.",
                title="Nothing to show", icon=":material/filter_alt_off:")
        st.stop()
    return ctx.report()


def scope_caption(report: Report, ctx: AppContext) -> None:
    """Which applications the page describes: count, period, filters and today."""
    parts = [f"{len(report.applications)} applications"]
    if ctx.filters.active:
        parts[0] += f" (filtered from {len(report.loaded.applications)})"
    if report.period:
        first, last = report.period
        parts.append(f"applied {first:%d %b %Y} – {last:%d %b %Y}")
    parts.append(f"as of {report.today:%d %b %Y}")
    if ctx.source is not None:
        parts.append(f"file: {plain(ctx.source.name)}")
    st.caption(" · ".join(parts))


def warnings(loaded: LoadResult) -> None:
    """What the engine noticed while reading the file."""
    for note in loaded.warnings:
        st.warning(plain(note), icon=":material/warning:")


def rate_metric(label: str, rate: Rate, help_text: str) -> None:
    """A rate as a big percentage with its n beneath ("22%" over "n=150"), the 95% interval in the tooltip.

    Together they read as the rate's label ("22% (n=150)"); below 5 observations the value is
    "Too few" with "too few to tell" beside the n. The n sits in the delta slot (grey, no arrow),
    so a narrow card never cuts it off.
    """
    interval = f" 95% interval: {rate.low:.0%}–{rate.high:.0%}." if rate.n else ""
    st.metric(label, "Too few" if rate.too_few else rate.percent(), delta=f"n={rate.n}", delta_color="off",
              delta_arrow="off", delta_description="too few to tell" if rate.too_few else None,
              help=help_text + interval, border=True, height="stretch")


@st.cache_resource(max_entries=16, show_spinner=False)
def _funnel_charts(key: tuple, _report: Report) -> dict[str, Chart]:
    """The Funnel page's charts, built once per report ``key`` and shared read-only.

    Plotly figures are slow to build and to unpickle, so they are kept as objects
    (cache_resource) rather than copied on every rerun (cache_data). The finding is shown as a
    heading above each chart, so the figure's own title is dropped here.
    """
    made = {
        "funnel": charts.funnel_chart(_report.funnel),
        "rejections": charts.rejection_rate_chart(_report.funnel),
        "sankey": charts.sankey_chart(_report.flows),
        "channels": charts.channel_chart(_report.segments),
        "timing": charts.response_time_chart(_report.timing, _report.follow_up),
        "trend": charts.weekly_trend_chart(_report.trend),
    }
    for item in made.values():
        if item.figure is not None:
            item.figure.update_layout(title=None, margin={"t": 30})
    return made


def funnel_charts(ctx: AppContext, report: Report) -> dict[str, Chart]:
    """The engine's charts of this report: funnel, rejections, sankey, channels, timing, trend."""
    return _funnel_charts(ctx.report_key, report)


def chart(item: Chart, key: str, footer: Callable[[], None] | None = None,
          select: Mapping[str, Any] | None = None) -> None:
    """A chart card: the finding as a heading, the figure (or a message when none), what to do.

    ``footer`` draws extra elements at the bottom of the card (a download of the chart's data).
    ``select`` replaces the chart's key with ``st.plotly_chart`` arguments that make its points
    selectable (``key``, ``on_select``, ``selection_mode``): see :func:`ui.drilldown.chart`.
    """
    with st.container(border=True, key=f"card_{key}"):
        st.subheader(inert_sentence(item.title), anchor=False)  # findings quote channels and companies
        if item.figure is None:
            st.info(inert_sentence(item.caption), icon=":material/info:")
            return
        figure = item.figure
        if figure.layout.title.text:  # the heading above states it already (copy: the caller's figure stays as it is)
            figure = go.Figure(figure).update_layout(title=None, margin={"t": 30})
        options = {"key": f"chart_{key}"} if select is None else dict(select)
        st.plotly_chart(figure, config={"displaylogo": False}, alt=item.title, **options)
        st.caption(f":material/arrow_forward: {inert_sentence(item.caption)}")
        if footer is not None:
            footer()


def overview_metrics(overview: Overview, outcomes_known: bool, of_total: int | None = None) -> None:
    """Headline numbers: applications (``of_total`` when filtered), then response, interview, offer
    and no-response rates."""
    columns = st.columns(5 if outcomes_known else 1)
    columns[0].metric("Applications", overview.applications, border=True, height="stretch",
                      delta=None if of_total is None else f"of {of_total}", delta_color="off", delta_arrow="off",
                      help="Rows of the file that are applications, after the sidebar filters.")
    if not outcomes_known:
        return
    rates = (
        ("Response rate", overview.response_rate, "Applications that got any reply: an interview, a rejection or an offer."),
        ("Interview rate", overview.interview_rate, "Applications that reached at least a first interview (a screening call counts)."),
        ("Offer rate", overview.offer_rate, "Applications that ended in an offer."),
        ("No response", overview.no_response_rate,
         (f"Applications that never got an answer; {overview.no_response_inferred} of them inferred from "
          "silence longer than the window set in the sidebar.")),
    )
    for column, (label, rate, help_text) in zip(columns[1:], rates):
        with column:
            rate_metric(label, rate, help_text)


def bottleneck(funnel: Funnel) -> None:
    """Name the stage where the search stalls, or say there is no clear one yet and what would tell."""
    found = funnel.bottleneck
    if found is None:
        st.info(inert_sentence(funnel.bottleneck_verdict.sentence), title="Bottleneck: no clear one yet",
                icon=":material/hourglass_empty:")
        return
    where = "getting an interview" if found.stage == "applied" else f"the {STAGE_LABELS[found.stage].lower()}"
    st.warning(inert_sentence(funnel.bottleneck_verdict.sentence), title=f"Bottleneck: {where}",
               icon=":material/filter_alt:")


SANKEY_COLORS: dict[str, str] = {
    **{OUTCOME_LABELS[outcome]: palette.outcome_color(outcome) for outcome in OUTCOME_LABELS},
    **{NODE_LABELS[stage]: palette.stage_color(stage) for stage in NODE_LABELS},
}


def sankey_download(flows: tuple[Flow, ...]) -> None:
    """The flows as SankeyMATIC text, to draw or restyle the diagram at sankeymatic.com."""
    st.download_button("Flows for SankeyMATIC (text)", to_sankeymatic(flows, SANKEY_COLORS),
                       file_name="next-steps-sankeymatic.txt", mime="text/plain", icon=":material/download:",
                       on_click="ignore", help="Paste it into sankeymatic.com to draw or restyle the diagram.")
