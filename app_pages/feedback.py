"""Feedback: what the feedback keeps saying, the strengths it names, what was not personal, what to do next.

Everything shown comes from ``report.feedback`` (``analysis.feedback.summary``) and ``report.focus_areas``;
the charts from ``analysis.charts.feedback``. Feedback text is the user's: it reaches Markdown only
through ``components.plain`` (``ui.feedback_view``). The user's own keywords (the editor at the
bottom) are applied by ``ui.state`` to the report of every page.
"""
import streamlit as st

from analysis.charts import feedback as feedback_charts
from analysis.plan.caseload import candidates_by_row
from ui import components, feedback_view, keywords, state

ctx = state.context()
st.title("Feedback")
report = components.require_report(ctx)
components.scope_caption(report, ctx)
feedback = report.feedback
outcomes_known = report.loaded.normalized.outcomes_known
rejections = feedback.coverage.n

if feedback.text_count == 0:
    feedback_view.no_feedback(report, filtered=ctx.filters.active)
    feedback_view.focus_cards(report.focus_areas)
    st.stop()

feedback_view.headline_metrics(report)

# ---- themes -------------------------------------------------------------------------------------
components.chart(feedback_charts.theme_stage_chart(feedback), "themes")
left, right = st.columns(2)
with left, st.container(border=True, height="stretch", key="card_improvements"):
    st.subheader("What to work on", anchor=False)
    improvements = feedback_view.to_work_on(feedback)
    feedback_view.theme_table(improvements, "Themes the feedback raised as something to improve",
                              "No feedback names something to improve.", color="orange",
                              words=feedback_view.evidence_words(feedback, improvements, praised=False))
with right, st.container(border=True, height="stretch", key="card_strengths"):
    st.subheader("Strengths to build on", anchor=False)
    strengths = feedback.strength_counts()
    feedback_view.theme_table(strengths, "Strengths the feedback named",
                              "No feedback praises something yet. When it does, lead with it.", color="green",
                              words=feedback_view.evidence_words(feedback, strengths, praised=True))
st.caption(":material/edit_note: A theme misses the words your feedback uses? Add your own keywords at the bottom "
           "of this page; every page and download counts them at once.")

# ---- coverage and what was not personal ---------------------------------------------------------
st.header("How much feedback you get", anchor=False)
if not outcomes_known:
    st.info("Your file has no status or stage column, so the app cannot tell which applications were rejected: "
            "coverage and the rejections that were not about you need it. Add a Status column to your tracker, "
            "or pick it on the Data page.", title="Outcomes unknown", icon=":material/help:")
elif rejections == 0:
    st.info("None of these applications was rejected, so there is no feedback coverage to measure and nothing "
            "that was not about you. The themes above come from the feedback you logged on other applications.",
            title="No rejections yet", icon=":material/sentiment_satisfied:")
else:
    components.chart(feedback_charts.coverage_trend_chart(feedback), "coverage")
    feedback_view.not_personal(feedback)

# ---- quotes -------------------------------------------------------------------------------------
st.header("In the employers' words", anchor=False)
st.caption("The latest feedback for each theme. Highlighted: the words that set the theme, orange where the "
           "feedback asks for more, green where it praises.")
feedback_view.quotes(feedback, candidates_by_row(report.applications))
feedback_view.unclear_texts(feedback)

# ---- focus areas --------------------------------------------------------------------------------
feedback_view.focus_cards(report.focus_areas)

# ---- keyword editor -----------------------------------------------------------------------------
st.header("Your keywords", anchor=False)
st.caption("Teach a theme the words your feedback uses, such as a tool for technical skills. Whole words in any "
           "case; they change the counts, quotes and focus areas on every page and every download.")
with st.container(border=True, key="keyword_editor"):
    keywords.editor()
