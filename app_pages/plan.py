"""Plan: your rates beside published figures, what one offer takes, what-if levers, and before/after a change.

Every number comes from ``analysis.plan`` (norms, pace, planner, levers, periods); this
page only lays them out and holds the sliders. The engine's sentences may quote the user's file (a
channel, a company), so each goes through :func:`analysis.export.markdown.inert_sentence`.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analysis.core.stats import MIN_N
from analysis.core.wording import date_phrase, rate_phrase
from analysis.export.markdown import inert_sentence
from analysis.plan.levers import needle_movers
from analysis.plan.norms import norms_beside
from analysis.plan.pace import weekly_pace
from analysis.plan.periods import TOO_EARLY, RateChange
from analysis.plan.planner import DRAWS, applications_per_offer, number, what_if
from analysis.plan.published import CANDIDATE_CAVEAT, EMPLOYER_CAVEAT, KIND_LABELS, NORMS
from analysis.summary.lead import HOW_SURE, plan_lead
from ui.components import plain, require_report, scope_caption
from ui.state import context

SHIFT_CHANNELS = ("Referral", "Recruiter")
INTERVAL_NOTE = (f"95% range from {DRAWS:,} simulated draws of your own stage rates (each drawn from what your "
                 "counts allow), at your weekly pace; a stage you change is held at the value you set.")


def change_table(changes: tuple[RateChange, ...], first_column: str, alt: str) -> None:
    """One row per rate: its two periods and the verdict, in words ("How sure is this?" below has the tests)."""
    st.dataframe(
        pd.DataFrame({
            first_column: [change.label for change in changes],
            "before": [change.before.label() for change in changes],
            "since": [change.after.label() for change in changes],
            "change": [change.verdict for change in changes],
        }),
        hide_index=True,
        alt=alt,
    )


def tests_table(changes: tuple[RateChange, ...]) -> None:
    """Every rate compared, with its intervals, Fisher's p-value and the p-value allowing for every rate compared
    on the page (Benjamini–Hochberg)."""
    st.dataframe(
        pd.DataFrame({
            "rate": [change.label for change in changes],
            "before": [rate_phrase(change.before) for change in changes],
            "since": [rate_phrase(change.after) for change in changes],
            "p-value": [change.comparison.p_value for change in changes],
            "allowing for all": [change.comparison.q_value for change in changes],
        }),
        hide_index=True,
        column_config={"p-value": st.column_config.NumberColumn(format="%.3f"),
                       "allowing for all": st.column_config.NumberColumn(
                           format="%.3f", help="The p-value allowing for every rate compared here "
                                               "(Benjamini–Hochberg): a change is called below 0.05.")},
        alt="Every rate compared, with its 95% intervals and p-values",
    )


ctx = context()
st.title("Plan", anchor=False)
report = require_report(ctx)
scope_caption(report, ctx)
if not ctx.loaded.normalized.outcomes_known:
    st.info("Planning needs the outcome of each application. Add a Status column to your tracker, or pick it on "
            "the Data page if it has another name.", title="Outcomes unknown", icon=":material/help:")
    st.stop()

funnel = report.funnel
pace = weekly_pace(report.applications)
st.markdown(inert_sentence(" ".join(plan_lead(report, pace))))
has_feedback_column = ctx.loaded.mapping.header("feedback") is not None

# ---- published figures ------------------------------------------------------------------------
st.header("Your rates beside published figures", anchor=False)
st.caption(f"Published figures are context, not targets. [E] {KIND_LABELS['E']}: {EMPLOYER_CAVEAT} "
           f"[C] {KIND_LABELS['C']}: {CANDIDATE_CAVEAT}")
comparisons = norms_beside(funnel, report.timing, report.feedback if has_feedback_column else None)
columns = st.columns(2)
for i, comparison in enumerate(comparisons):
    with columns[i % 2].container(border=True, key=f"norm_{comparison.metric}"):
        st.markdown(inert_sentence(comparison.reading))
        st.caption(f"Source: {comparison.sources} [{comparison.kind}] · Population: {plain(comparison.populations)} · "
                   f"Year: {comparison.years}. {inert_sentence(comparison.note)}".strip())
with st.expander("Every published figure used, with its source"):
    st.dataframe(
        pd.DataFrame([{"metric": n.metric.replace("_", " "), "segment": n.segment, "figure": n.figure(),
                       "population": n.population, "year": n.year, "source": n.source, "where": n.url,
                       "kind": n.kind} for n in NORMS]),
        hide_index=True,
        alt="Every published figure used, with population, year and source",
    )
    st.caption("No published interview rate for LinkedIn Easy Apply was found, so none is shown.")

# ---- what one offer takes, and what if ---------------------------------------------------------
st.header("What one offer takes", anchor=False)
per_week = pace.per_week
if per_week is None:
    per_week = st.number_input("Applications a week", min_value=0.0, max_value=100.0, value=5.0, step=1.0,
                               key="plan_base_pace", help="Your file has no application dates: set your usual pace.")
else:
    st.caption(f"Your pace: {pace.label()}, up to {date_phrase(pace.until)}.")
st.markdown(inert_sentence(applications_per_offer(funnel, per_week).sentence()))

st.subheader("What if…", anchor=False)
first = funnel.stage("first_interview").decided_pass_rate
left, middle, right = st.columns(3)
with left:
    raise_to = None
    if first.too_few:
        st.caption(f"First-interview pass-through: {first.label()}, so it cannot be set here yet.")
    else:
        current = round(first.value * 100)
        # keyed by the current rate, so another file or filter starts the slider from its own rate
        chosen = st.slider("First-interview pass-through (%)", 0, 100, current, key=f"plan_first_pass_{current}",
                           help=f"Now {rate_phrase(first)}: the share of decided first interviews that moved on.")
        raise_to = chosen / 100 if chosen != current else None
with middle:
    channel = st.selectbox("Shift applications to", SHIFT_CHANNELS, key="plan_channel")
    segment = report.segments.channel.get(channel)
    channel_rate = segment.interview_rate if segment is not None else None
    shift = None
    if channel_rate is None or channel_rate.too_few:
        n = 0 if channel_rate is None else channel_rate.n
        st.caption(f"{channel}: too few applications to tell its interview rate (n={n}).")
    else:
        share = st.slider(f"Share of applications through {channel} (%)", 0, 100, 0, step=5, key="plan_shift_share",
                          help=f"Your interview rate through {channel}: {rate_phrase(channel_rate)}.")
        shift = (share / 100, channel_rate) if share else None
with right:
    extra = st.slider("More applications a week", 0, 20, 0, key="plan_extra")

baseline = what_if(funnel, per_week)
projection = what_if(funnel, per_week, raise_first_pass_to=raise_to, shift_share_to_channel=shift,
                     extra_per_week=extra, channel_name=channel)
with st.container(horizontal=True):
    if projection.too_few:
        few = projection.n < MIN_N
        st.metric("Expected offers a month", "too few to tell" if few else "no best guess yet", border=True,
                  help=f"Fewer than 5 applications have had their answer (n={projection.n})." if few else None)
    else:
        delta = None
        if projection.levers and baseline.offers_per_month is not None:
            delta = f"{projection.offers_per_month - baseline.offers_per_month:+.2f} vs now"
        st.metric("Expected offers a month", number(projection.offers_per_month), delta=delta, border=True,
                  help=f"{projection.label()}. {INTERVAL_NOTE}")
    st.metric("Applications a week", f"{projection.applications_per_week:.1f}", border=True)
with st.expander(HOW_SURE, icon=":material/query_stats:"):
    if projection.n >= MIN_N:
        changed = "; ".join(projection.levers) or "your current rates and pace"
        st.caption(inert_sentence(f"With {changed}: {projection.label()}. {INTERVAL_NOTE}"))
    else:
        st.caption(f"Fewer than 5 applications have had their answer (n={projection.n}): too few to project.")
    for note in projection.notes:
        st.caption(inert_sentence(note))

st.subheader("What would move the needle most", anchor=False)
st.markdown("\n".join(f"- {inert_sentence(line)}" for line in needle_movers(funnel, report.segments, per_week)))

# ---- before and after a change -------------------------------------------------------------------
st.header("Before and after a change", anchor=False)
if report.period is None:
    st.info("Your file has no application dates, so there are no periods to compare.", icon=":material/event_busy:")
    st.stop()
first_day, last_day = report.period
middle_day = first_day + (last_day - first_day) / 2
split_on = st.date_input("The change happened on", value=middle_day, min_value=first_day, max_value=last_day,
                         key=f"plan_split_{first_day}_{last_day}", format="YYYY-MM-DD",
                         help="For example the day you rewrote your CV. Applications sent from this day on form "
                              "the second period.")
if not isinstance(split_on, dt.date):
    st.stop()
periods = report.compare_periods(split_on)
if periods.problem:
    st.info(inert_sentence(periods.problem), icon=":material/event:")
    st.stop()
if periods.verdict == TOO_EARLY:
    st.info(inert_sentence(periods.sentence), icon=":material/hourglass_empty:")
else:
    st.markdown(inert_sentence(periods.sentence))
st.caption(f"Each rate counts only applications sent more than {periods.window_days} days before "
           f"{date_phrase(report.today)}, which have had the time to answer ({periods.young} are younger).")


change_table(periods.rates, "rate", "Funnel rates before and after the change")
st.subheader("Channels", anchor=False)
change_table(tuple(change for channel_change in periods.channels
                   for change in (channel_change.share, channel_change.interview_rate)),
             "channel", "Channel mix and interview rates before and after the change")
st.subheader("Feedback themes", anchor=False)
if periods.themes:
    change_table(periods.themes, "theme", "Feedback themes before and after the change")
    st.caption("Share of the applications with feedback whose feedback names the theme as something to improve.")
else:
    st.caption("No feedback text to compare.")
with st.expander(HOW_SURE, icon=":material/query_stats:"):
    st.caption("\"More than noise\": Fisher's exact test, below 0.05 after allowing for every rate compared here "
               "(Benjamini–Hochberg); below 5 applications a side, too few to tell.")
    tests_table(periods.rates + tuple(change for channel_change in periods.channels
                                      for change in (channel_change.share, channel_change.interview_rate))
                + tuple(periods.themes))
