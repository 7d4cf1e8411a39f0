"""Funnel: where the search stalls. Headline rates, the bottleneck and the engine's charts."""
import streamlit as st

from ui import components, state

ctx = state.context()
st.title("Funnel")
report = components.require_report(ctx)
components.scope_caption(report, ctx)
components.warnings(report.loaded)
outcomes_known = report.loaded.normalized.outcomes_known
components.overview_metrics(report.funnel.overview, outcomes_known,
                            of_total=len(report.loaded.applications) if ctx.filters.active else None)
made = components.funnel_charts(ctx, report)

if not outcomes_known:
    st.info("Without a status or stage column the funnel, rejection rates and channel comparison cannot be "
            "drawn. Add a Status column to your tracker, or pick it on the Data page if it has another name.",
            title="Outcomes unknown", icon=":material/help:")
    components.chart(made["trend"], "trend")
    st.stop()

components.bottleneck(report.funnel)
left, right = st.columns(2)
with left:
    components.chart(made["funnel"], "funnel")
with right:
    components.chart(made["rejections"], "rejections")
components.chart(made["sankey"], "sankey", footer=lambda: components.sankey_download(report.flows))
left, right = st.columns(2)
with left:
    components.chart(made["channels"], "channels")
with right:
    components.chart(made["timing"], "timing")
components.chart(made["trend"], "trend")
