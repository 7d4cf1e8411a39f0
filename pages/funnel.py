"""Funnel: where the search stalls. Headline rates, the bottleneck and the engine's charts."""
import streamlit as st

from analysis import charts
from ui import components, state

ctx = state.context()
st.title("Funnel")
report = components.require_report(ctx)
components.scope_caption(report, ctx)
components.warnings(ctx.loaded)
outcomes_known = ctx.loaded.normalized.outcomes_known
components.overview_metrics(report.funnel.overview, outcomes_known)

if not outcomes_known:
    st.info("Without a status or stage column the funnel, rejection rates and channel comparison cannot be "
            "drawn. Add a Status column to your tracker, or pick it on the Data page if it has another name.",
            title="Outcomes unknown", icon=":material/help:")
    components.chart(charts.weekly_trend_chart(report.trend), "trend")
    st.stop()

components.bottleneck(report.funnel)
left, right = st.columns(2)
with left:
    components.chart(charts.funnel_chart(report.funnel), "funnel")
with right:
    components.chart(charts.rejection_rate_chart(report.funnel), "rejections")
components.chart(charts.sankey_chart(report.flows), "sankey")
components.sankey_download(report.flows)
left, right = st.columns(2)
with left:
    components.chart(charts.channel_chart(report.segments), "channels")
with right:
    components.chart(charts.response_time_chart(report.timing), "timing")
components.chart(charts.weekly_trend_chart(report.trend), "trend")
