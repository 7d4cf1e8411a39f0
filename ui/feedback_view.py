"""The Feedback page's display pieces: metrics, theme tables, quotes, focus-area cards, empty state.

Feedback text, company names and focus-area wording (which quotes both) are the user's text: each
reaches Markdown only through :func:`ui.components.plain`, so it cannot add emphasis, links,
HTML or directives. Highlighted evidence is built from ``Quote.pieces()`` with Streamlit's own
``:color-background[...]`` directive around escaped text, never raw HTML.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd
import streamlit as st

from analysis.charts.feedback import theme_label
from analysis.core.wording import date_phrase, plural
from analysis.feedback.summary import OUTSIDE_CONTROL, FeedbackSummary, Quote
from analysis.focus.area import FocusArea
from analysis.focus.reasons import NOT_TO_WORK_ON, reasons_of
from analysis.focus.texts import FEEDBACK_REQUEST, NORM_NO_FEEDBACK, STAGE_PHRASES
from analysis.report import Report
from ui.components import plain, rate_metric

_SPACE = re.compile(r"\s+")
SHARE_COLUMN = "Share of feedback texts"
WORDS_COLUMN = "Words in the feedback"
THEME_HELP = ("Presence covers confidence, enthusiasm and attitude; logistics covers location, visa and availability; "
              "application materials your CV and cover letter.")


def _one_line(text: str) -> str:
    """Any run of whitespace (newlines included) as one space, so user text cannot start a Markdown block."""
    return _SPACE.sub(" ", text)


def quote_markdown(quote: Quote) -> str:
    """One quote as Markdown: a badge for its side, then the text with the evidence highlighted.

    Every piece of the text is escaped with ``plain``; evidence pieces are wrapped in a
    ``:orange-background[...]`` directive (green for praise, grey for a reason outside the
    candidate's control).
    """
    if quote.theme in OUTSIDE_CONTROL:
        badge, color = ":gray-badge[Not about you]", "gray"
    elif quote.praised:
        badge, color = ":green-badge[Strength]", "green"
    else:
        badge, color = ":orange-badge[To work on]", "orange"
    parts = []
    for segment, is_evidence in quote.pieces():
        text = plain(_one_line(segment))
        parts.append(f":{color}-background[{text}]" if is_evidence and text.strip() else text)
    body = "".join(parts).strip()
    return f"{badge} “{body}”"


def quote_source(quote: Quote, candidate: str | None = None) -> str:
    """Where a quote came from, as escaped Markdown: the candidate (in a caseload), company, role, stage and date."""
    parts = [plain(_one_line(value).strip()) for value in (candidate or "", quote.company, quote.role) if str(value).strip()]
    if quote.stage in STAGE_PHRASES:
        parts.append(STAGE_PHRASES[quote.stage])
    if quote.dated_on is not None and not pd.isna(quote.dated_on):
        parts.append(date_phrase(quote.dated_on.date()))
    return " · ".join(parts)


def _feedback_request(report: Report) -> str:
    """The polite request of the ask-for-feedback focus area, about the interview when most rejections followed one."""
    table = report.feedback.table
    rejected = table[table["outcome"] == "rejected"]
    interviewed = int((rejected["furthest_stage"] != "applied").sum())
    subject = "interview" if len(rejected) and 2 * interviewed >= len(rejected) else "application"
    return FEEDBACK_REQUEST.format(subject=subject)


def no_feedback(report: Report, filtered: bool) -> None:
    """The empty state: why there is nothing to read, and a request the user can copy and send."""
    loaded = report.loaded
    if loaded.mapping.header("feedback") is None:
        why = ("Your file has no feedback column. Add one to your tracker (or pick it on the Data page if it has "
               "another name) and write down what each employer said, even one line.")
    elif filtered and loaded.applications["feedback"].fillna("").astype(str).str.strip().ne("").any():
        why = "None of the applications that match the sidebar filters has feedback. Clear the filters to read it all."
    else:
        why = "The feedback column of your tracker is empty. Most employers only give feedback when asked."
    st.info(f"{why} You are not alone: {NORM_NO_FEEDBACK}. Asking politely after each rejection is the quickest "
            "way to learn what to change.", title="Your tracker has no feedback yet — here is how to ask for it",
            icon=":material/forum:")
    st.markdown("**A request you can copy and send** within two days of the rejection:")
    st.code(_feedback_request(report), language=None, wrap_lines=True)
    st.caption("Write down whatever comes back in the feedback column of your tracker; this page then groups it "
               "into themes, strengths and what was not about you.")


def headline_metrics(report: Report) -> None:
    """Feedback texts, rejections with feedback, and the share of those that was not about the candidate."""
    feedback = report.feedback
    columns = st.columns(3)
    columns[0].metric(
        "Feedback texts", feedback.text_count, delta=f"of {plural(len(report.applications), 'application')}",
        delta_color="off", delta_arrow="off", border=True, height="stretch",
        help="Applications with any feedback text, whatever their outcome.",
    )
    if not report.loaded.normalized.outcomes_known or feedback.coverage.n == 0:
        return
    with columns[1]:
        rate_metric("Rejections with feedback", feedback.coverage,
                    "Rejections whose row has any feedback text, of all rejections.")
    reasons = reasons_of(feedback)
    if reasons.with_feedback:
        columns[2].metric(
            "Gave no reason", reasons.no_reason, delta=f"of {plural(reasons.with_feedback, 'rejection')} with feedback",
            delta_color="off", delta_arrow="off", border=True, height="stretch",
            help="Rejections whose feedback gives no reason at all (“we went with other candidates”): "
                 "nothing to work on, and nothing to read into.")


def evidence_words(feedback: FeedbackSummary, counts: list[dict], praised: bool) -> dict[str, tuple[str, ...]]:
    """Theme -> the words of the feedback behind it, for each theme in ``counts``."""
    return {item["theme"]: feedback.evidence_words(item["theme"], praised) for item in counts}


def to_work_on(feedback: FeedbackSummary) -> list[dict]:
    """The themes to work on with their counts and shares: not "no reason given", not a closed role."""
    return [item for item in feedback.theme_counts() if item["theme"] not in NOT_TO_WORK_ON]


def theme_table(counts: list[dict], alt: str, empty: str, color: str, words: Mapping[str, Iterable[str]]) -> None:
    """Themes with their mentions, share of the feedback texts and the ``words`` of the feedback
    behind each (theme -> words), most named first (bars in ``color``)."""
    if not counts:
        st.caption(empty)
        return
    table = pd.DataFrame({
        "Theme": [theme_label(item["theme"], short=True) for item in counts],
        "Mentions": [int(item["count"]) for item in counts],
        SHARE_COLUMN: [item["share"] * 100 for item in counts],
        WORDS_COLUMN: [", ".join(f"“{_one_line(w)}”" for w in words.get(item["theme"], ())) for item in counts],
    })
    st.dataframe(table, hide_index=True, alt=alt, column_config={
        "Theme": st.column_config.TextColumn(help=THEME_HELP),
        "Mentions": st.column_config.NumberColumn(width="small", help="Applications whose feedback names the theme this way."),
        SHARE_COLUMN: st.column_config.ProgressColumn(
            "Share", format="%.0f%%", min_value=0, max_value=100, color=color, width="small",
            help="Mentions divided by the applications with feedback text."),
        WORDS_COLUMN: st.column_config.TextColumn(
            help="The words of your feedback that set the theme, those of the most applications first."),
    })


def not_personal(feedback: FeedbackSummary) -> None:
    """The rejections whose reason was outside the candidate's control, and a neutral count of those with none."""
    reasons = reasons_of(feedback)
    if reasons.with_feedback == 0:
        return
    neutral = reasons.no_reason_sentence()
    if reasons.not_about_you:
        others = reasons.with_feedback - reasons.not_about_you - reasons.no_reason
        rest = (f" Learn from the {plural(others, 'rejection')} that gave another reason." if others else "")
        st.success(f"{reasons.not_about_you_sentence()} These say nothing about you, so leave them out when you "
                   f"look for patterns.{rest}", title="Not about you", icon=":material/favorite:")
    if neutral:
        st.caption(f"{neutral} A rejection without a reason says nothing either way: it is not counted as something "
                   "to work on.")


def unclear_sentence(count: int) -> str:
    """How many feedback texts give a reason that no theme matched."""
    return f"{plural(count, 'feedback text')} {'gives' if count == 1 else 'give'} a reason no theme matched: read them."


def unclear_texts(feedback: FeedbackSummary) -> None:
    """The feedback texts that give a reason no theme matched, listed for the user to read."""
    count = feedback.unclear_count
    if not count:
        return
    st.info(unclear_sentence(count) + " If one names something you want counted, add its words as your own "
            "keyword for that theme at the bottom of this page.", title="Reasons no theme matched",
            icon=":material/help:")
    with st.expander(f"Read the {plural(count, 'text')}", key="unclear_texts"):
        for row in feedback.unclear_texts().itertuples(index=False):
            source = " · ".join(plain(_one_line(str(value)).strip()) for value in (row.company, row.role) if str(value).strip())
            st.markdown(f"“{plain(_one_line(row.feedback)).strip()}”")
            if source:
                st.caption(source)


def quotes(feedback: FeedbackSummary, candidates: dict[tuple[int, str], str] | None = None) -> None:
    """An expander per theme with its latest quotes, the triggering words highlighted; in a caseload
    (``candidates``: :func:`analysis.plan.caseload.candidates_by_row`) each names its candidate."""
    shown = [(theme, items) for theme, items in feedback.quotes.items() if items]
    if not shown:
        st.caption("No feedback text names a theme yet.")
        return
    for theme, items in shown:
        mentions = feedback.improvements.get(theme)
        counts = [(plural(mentions, "rejection") if theme in NOT_TO_WORK_ON else f"{mentions} to work on") if mentions else "",
                  f"{feedback.strengths[theme]} praised" if feedback.strengths.get(theme) else ""]
        with st.expander(" · ".join([theme_label(theme), *filter(None, counts)]), key=f"quotes_{theme}"):
            for quote in items:
                st.markdown(quote_markdown(quote))
                source = quote_source(quote, (candidates or {}).get((quote.source_row, str(quote.company))))
                if source:
                    st.caption(source)


def focus_cards(areas: Iterable[FocusArea]) -> None:
    """The report's focus areas, best first, as cards: title, why, actions."""
    areas = list(areas)
    st.header("What to focus on next", anchor=False)
    st.caption("Ranked by how much each is likely to change your results, from all of your data, not only the "
               "feedback. The Summary page turns them into a plan for the next weeks.")
    with st.container(key="focus_areas"):
        for start in range(0, len(areas), 2):
            columns = st.columns(2)
            for column, area in zip(columns, areas[start:start + 2]):
                with column, st.container(border=True, height="stretch", key=f"focus_{area.id}"):
                    st.subheader(plain(area.title), anchor=False)
                    st.markdown(plain(area.why))
                    st.markdown("\n".join(f"- {plain(action)}" for action in area.actions))
