"""Funnel: where the search stalls. Headline rates, the bottleneck and the engine's charts.

Clicking a stage, a channel or a week/month (or picking a flow) lists the applications behind it below the chart.
"""
import pandas as pd
import streamlit as st

from analysis.charts.drilldown import flow_name
from analysis.export.markdown import inert_sentence
from analysis.funnel.survival import reply_rows
from analysis.summary.lead import HOW_SURE, funnel_lead, outcome_sentence
from ui import components, drilldown, state


def sankey_footer() -> None:
    """Below the flow diagram: pick a flow to list its applications (Streamlit passes on no click on a
    Plotly Sankey), and the flows for SankeyMATIC."""
    flows = {flow_name(flow): f"{flow.source} → {flow.target} ({flow.value})" for flow in report.flows}
    drilldown.picker("sankey", flows, "List the applications of a flow", key="drilldown_pick_sankey")
    components.sankey_download(report.flows)


def reply_footer() -> None:
    """Below the reply curve: the finding with its intervals, and the curve per channel."""
    survival = report.timing.survival
    st.caption(inert_sentence(survival.sentence))  # it names channels
    with st.expander("Reply times by channel"):
        st.dataframe(pd.DataFrame(reply_rows(survival)), hide_index=True, alt="Reply times by channel")


ctx = state.context()
st.title("Funnel")
report = components.require_report(ctx)
components.scope_caption(report, ctx)
outcomes_known = report.loaded.normalized.outcomes_known
st.markdown(inert_sentence(" ".join(funnel_lead(report)) if outcomes_known else outcome_sentence(report)))
components.warnings(report.loaded)
components.overview_metrics(report.funnel.overview, outcomes_known,
                            of_total=len(report.loaded.applications) if ctx.filters.active else None)
made = components.funnel_charts(ctx, report)
apps = report.applications

if not outcomes_known:
    st.info("Without a status or stage column the funnel, rejection rates and channel comparison cannot be "
            "drawn. Add a Status column to your tracker, or pick it on the Data page if it has another name.",
            title="Outcomes unknown", icon=":material/help:")
    drilldown.chart(made["trend"], "trend", "trend")
    drilldown.panel(ctx, apps, ("trend",))
    st.stop()

with st.expander(HOW_SURE, icon=":material/query_stats:"):
    components.bottleneck(report.funnel)
    st.caption(inert_sentence(f"{report.trend.sentence} {report.timing.survival.sentence}"))
    st.caption(components.RATES_NOTE)
st.caption(":material/touch_app: Click a stage, a channel, a week or a month to list the applications behind it; "
           "pick a flow under the flow diagram.")
left, right = st.columns(2)
with left:
    drilldown.chart(made["funnel"], "funnel", "funnel")
with right:
    drilldown.chart(made["rejections"], "rejections", "rejections")
drilldown.panel(ctx, apps, ("funnel", "rejections"))
components.chart(made["sankey"], "sankey", footer=sankey_footer)
drilldown.panel(ctx, apps, ("sankey",))
left, right = st.columns(2)
with left:
    drilldown.chart(made["channels"], "channels", "channels")
with right:
    components.chart(made["timing"], "timing", footer=reply_footer)
drilldown.panel(ctx, apps, ("channels",))
drilldown.chart(made["trend"], "trend", "trend")
drilldown.panel(ctx, apps, ("trend",))
