"""Caseload: every candidate a coach or recruiter looks after, who is stuck and why, funnels side by side."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analysis.charts import figures as charts
from analysis.core.stats import MIN_N
from analysis.export.markdown import inert_sentence
from analysis.feedback.summary import FeedbackSummary
from analysis.plan.caseload import (
    STUCK_SILENT_DAYS,
    Caseload,
    build_caseload,
    has_candidates,
)
from analysis.summary.lead import outcome_sentence
from ui import components, state

MAX_COMPARED = 3
PANELS_PER_ROW = 2
WHOLE_PERCENT = "%.0f%%"  # rates as whole percentages, as everywhere else in the app (the columns hold 0-100)


@st.cache_resource(max_entries=16, show_spinner="Building the caseload…")
def _caseload(key: tuple, today: dt.date, _apps: pd.DataFrame, _feedback: FeedbackSummary) -> Caseload:
    """The caseload of the filtered table; ``key`` is the report's (source digest, settings, filters, keywords)."""
    return build_caseload(_apps, today, feedback=_feedback)


def _theme_label(theme: str | None) -> str | None:
    return None if theme is None else theme.replace("_", " ").capitalize()


def _candidate_table(caseload: Caseload) -> None:
    """The sortable caseload table: stuck candidates first; rates in whole percent, blank below 5 applications."""
    table = caseload.table()
    enough = table["applications"] >= MIN_N
    shown = table.assign(
        interview_rate=(table["interview_rate"] * 100).where(enough),
        offer_rate=(table["offer_rate"] * 100).where(enough),
        top_theme=table["top_theme"].map(_theme_label, na_action="ignore"),
    )
    rate_help = "Blank: fewer than 5 applications, too few to tell."
    st.dataframe(
        shown,
        hide_index=True,
        column_config={
            "candidate": st.column_config.TextColumn("Candidate", pinned=True),
            "applications": st.column_config.NumberColumn("Applications", format="%d"),
            "open": st.column_config.NumberColumn("Open", format="%d", help="In progress, or silent with no answer."),
            "interviews": st.column_config.NumberColumn("Interviews", format="%d",
                                                        help="Applications that reached at least a first interview."),
            "interview_rate": st.column_config.ProgressColumn("Interview rate", format=WHOLE_PERCENT, min_value=0,
                                                              max_value=100, help=rate_help),
            "interview_rate_label": None,
            "offers": None,
            "offer_rate": st.column_config.ProgressColumn("Offer rate", format=WHOLE_PERCENT, min_value=0,
                                                          max_value=100, help=rate_help),
            "offer_rate_label": None,
            "bottleneck": st.column_config.TextColumn("Bottleneck", help="The stage where this candidate stalls."),
            "top_theme": st.column_config.TextColumn("Top feedback theme",
                                                     help="What their feedback most often names to work on."),
            "last_activity": None,  # in the CSV; "Days quiet" says it at a glance
            "days_since_activity": st.column_config.NumberColumn("Days quiet", format="%d",
                                                                 help="Days since the last application, reply or stage."),
            "stuck": st.column_config.CheckboxColumn("Stuck", help="See the reason in the next column."),
            "stuck_reason": st.column_config.TextColumn("Why stuck", width="medium"),
        },
    )
    st.download_button("Caseload (CSV)", lambda: table.to_csv(index=False).encode("utf-8"),
                       file_name="next-steps-caseload.csv", mime="text/csv", icon=":material/download:",
                       on_click="ignore")


def _theme_table(themes: pd.DataFrame) -> None:
    if themes.empty:
        st.caption("No feedback names anything to work on yet.")
        return
    st.dataframe(
        themes.assign(theme=themes["theme"].map(_theme_label), share=themes["share"] * 100),
        hide_index=True,
        column_config={
            "theme": st.column_config.TextColumn("Feedback theme"),
            "count": st.column_config.NumberColumn("Applications", format="%d"),
            "share": st.column_config.ProgressColumn("Share of feedback", format=WHOLE_PERCENT, min_value=0,
                                                     max_value=100),
        },
    )


def _cohort_column(caseload: Caseload) -> None:
    st.subheader(f"Everyone ({len(caseload.rows)} candidates)", anchor=False)
    components.rate_metric("Interview rate", caseload.cohort_funnel.overview.interview_rate,
                           "Applications of every candidate that reached at least a first interview.")
    components.chart(charts.funnel_chart(caseload.cohort_funnel), "caseload_cohort")
    _theme_table(caseload.theme_table())


def _candidate_column(caseload: Caseload, name: str, position: int) -> None:
    row = caseload.row(name)
    st.subheader(components.plain(name), anchor=False)
    components.rate_metric("Interview rate", row.interview_rate,
                           "This candidate's applications that reached at least a first interview.")
    if row.stuck:
        st.warning(components.plain("; ".join(row.stuck_reasons).capitalize() + "."), icon=":material/flag:")
    components.chart(charts.funnel_chart(caseload.funnels[name]), f"caseload_{position}")
    _theme_table(caseload.theme_table(name))


ctx = state.context()
st.title("Caseload")
report = components.require_report(ctx)
components.scope_caption(report, ctx)
apps = report.applications

if ctx.loaded.mapping.header("candidate") is None and not has_candidates(apps):
    st.info(
        "This file has no Candidate column, so it reads as one person's search: the Funnel and Feedback pages "
        "describe it. To follow several candidates, add a Candidate column to the tracker with each "
        "application's candidate, or upload one file per candidate.",
        title="A caseload needs a Candidate column", icon=":material/groups:",
    )
    st.stop()

if "outcome_known" not in apps.columns:
    apps = apps.assign(outcome_known=ctx.loaded.normalized.outcomes_known)
caseload = _caseload(ctx.report_key, report.today, apps, report.feedback)
stuck = caseload.stuck

stuck_words = ("none looks stuck" if not stuck else f"{len(stuck)} {'looks' if len(stuck) == 1 else 'look'} stuck: "
               f"nothing has moved for {STUCK_SILENT_DAYS} days or more")
st.markdown(inert_sentence(f"{outcome_sentence(report)} Of the {len(caseload.rows)} candidates, {stuck_words}."))
columns = st.columns(3)
columns[0].metric("Candidates", len(caseload.rows), border=True)
columns[1].metric("Stuck", len(stuck), border=True,
                  help=f"Nothing moved for {STUCK_SILENT_DAYS} days or more: no new application, reply or stage. "
                       "A candidate with an offer or a live interview is never stuck.")
with columns[2]:
    components.rate_metric("Interview rate (everyone)", caseload.cohort_funnel.overview.interview_rate,
                           "Applications of every candidate that reached at least a first interview.")
if stuck:
    names = ", ".join(components.plain(row.candidate) for row in stuck)
    st.warning(f"{len(stuck)} of {len(caseload.rows)} candidates {'is' if len(stuck) == 1 else 'are'} stuck, with "
               f"nothing moving for {STUCK_SILENT_DAYS} days or more: {names}. The table says why.",
               icon=":material/flag:")

st.subheader("Candidates", anchor=False)
st.caption("Click a column header to sort. Stuck candidates come first.")
with st.container(key="caseload_candidates"):
    _candidate_table(caseload)

st.subheader("Compare funnels", anchor=False)
default = [row.candidate for row in stuck][:MAX_COMPARED] or list(caseload.candidates[:2])
chosen = st.multiselect("Candidates to compare with everyone", caseload.candidates, default=default,
                        max_selections=MAX_COMPARED, key="caseload_compare")
# Everyone first, then the chosen candidates, two panels a row so that each funnel stays readable.
panels = [column for _ in range(0, 1 + len(chosen), PANELS_PER_ROW) for column in st.columns(PANELS_PER_ROW, gap="medium")]
with panels[0], st.container(key="caseload_panel_cohort"):
    _cohort_column(caseload)
for position, (panel, name) in enumerate(zip(panels[1:], chosen)):
    with panel, st.container(key=f"caseload_panel_{position}"):
        _candidate_column(caseload, name, position)
