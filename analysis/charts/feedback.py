"""The Feedback page's charts: themes by the stage the feedback came at, and feedback coverage by month.

Pure functions of a :class:`~analysis.feedback.summary.FeedbackSummary` returning the same
:class:`~analysis.charts.figures.Chart` as ``analysis.charts.figures``: the title states the finding, the
caption what to do, and the figure is None (with the caption explaining why) when there is
nothing honest to draw. Colours come from ``analysis.core.palette``.
"""
from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from analysis.charts.base import Chart, finish, rate_bars
from analysis.core import palette
from analysis.core.schema import STAGES
from analysis.core.wording import likely_range, plural, theme_name
from analysis.feedback.summary import OUTSIDE_CONTROL, FeedbackSummary
from analysis.focus.reasons import to_work_on
from analysis.focus.texts import (
    FEEDBACK_REQUEST,
    STAGE_PHRASES,
    THEME_AREAS,
    THEME_PHRASES,
)

NOT_ABOUT_YOU = {"role_closed": "Role closed: not about you", "generic": "No reason given"}
"""Labels of the themes that are not something to work on (:mod:`analysis.focus.reasons`)."""
ASK_CAPTION = ("Reply to each rejection with one short, polite request, for example: “"
               + FEEDBACK_REQUEST.format(subject="application") + "”")
TOO_FEW_REJECTIONS = "Hatched grey: fewer than 5 rejections that month, too few to tell."


def _stage_label(stage: str) -> str:
    """ "Before any interview", "After a first interview"..."""
    phrase = STAGE_PHRASES[stage]
    return phrase[0].upper() + phrase[1:]


def theme_label(theme: str, short: bool = False) -> str:
    """The display name of a theme, saying "not about you" for the ones outside the candidate's control.

    ``short`` drops the bracketed examples ("Presence (confidence, …)" -> "Presence"), for narrow tables.
    """
    label = NOT_ABOUT_YOU.get(theme, theme_name(theme))
    return label.split(" (")[0] if short else label


def theme_text(summary: FeedbackSummary) -> tuple[str, str]:
    """Title and caption of the theme chart: the theme in the candidate's control named most, and where."""
    texts = summary.text_count
    if texts == 0:
        return "No feedback texts yet", ASK_CAPTION
    workable = [(theme, count) for theme, count in summary.improvements.items() if theme not in OUTSIDE_CONTROL]
    if not workable:
        if not summary.improvements:
            return ("The feedback names nothing to improve",
                    "Build on the strengths it names, and keep asking for one specific point after each rejection.")
        outside = sum(summary.improvements.get(theme, 0) for theme in OUTSIDE_CONTROL)
        return ((f"None of your {plural(texts, 'feedback text')} names something you can work on "
                 f"({outside} name a closed role or no reason)"),
                "Ask for one specific point after each rejection; a closed role says nothing about you.")
    theme, count = workable[0]
    stages = summary.by_stage.loc[theme] if theme in summary.by_stage.index else None
    where = ""
    if stages is not None and stages.sum():
        top_stage = str(stages.idxmax())
        if stages[top_stage] * 2 > stages.sum():
            where = f", mostly {STAGE_PHRASES[top_stage]}"
        elif (stages == stages.max()).sum() == 1:
            where = f", most often {STAGE_PHRASES[top_stage]}"
    title = f"{theme_name(theme)} comes up most: in {count} of {plural(texts, 'feedback text')} ({count / texts:.0%}){where}"
    area = THEME_AREAS.get(theme)  # (title, actions)
    caption = area[1][0] if area else f"Work on your {THEME_PHRASES.get(theme, theme_name(theme).lower())} first."
    return title, caption


def theme_stage_chart(summary: FeedbackSummary) -> Chart:
    """Applications whose feedback names each theme as something to improve, stacked by the stage reached.

    Themes run from the most named down; each bar ends in its count and its share of the
    feedback texts. Themes that are not something to work on (no reason given, a closed role) are left out.
    """
    title, caption = theme_text(summary)
    workable = to_work_on(summary.improvements)  # no reason given, or a closed role, is not something to work on
    if not workable:
        return Chart(None, title, caption)
    themes = list(workable)
    labels = [theme_label(theme) for theme in themes]
    counts = summary.by_stage.reindex(index=themes, columns=list(STAGES), fill_value=0)
    figure = go.Figure()
    for stage in STAGES:
        values = [int(value) for value in counts[stage]]
        if not any(values):
            continue
        figure.add_trace(go.Bar(
            y=labels, x=values, orientation="h", name=_stage_label(stage),
            marker={"color": palette.stage_color(stage)},
            hovertemplate="%{y}<br>" + _stage_label(stage) + ": %{x}<extra></extra>",
        ))
    totals = [summary.improvements[theme] for theme in themes]
    texts = summary.text_count
    figure.add_trace(go.Scatter(
        y=labels, x=totals, mode="text", text=[f"  {total} ({total / texts:.0%})" for total in totals],
        textposition="middle right", showlegend=False, hoverinfo="skip",
    ))
    figure.update_xaxes(title="applications whose feedback names it as something to improve", range=[0, max(totals) * 1.25])
    figure.update_yaxes(autorange="reversed")
    return finish(figure, (title, caption), barmode="stack", height=max(280, 60 + 38 * len(themes)),
                   legend={"orientation": "h", "y": -0.25, "traceorder": "normal", "title": {"text": "Stage reached: "}})


def _month_label(month: str) -> str:
    """ "2026-05" -> "May 2026"."""
    return dt.datetime.strptime(month, "%Y-%m").strftime("%b %Y")


def coverage_text(summary: FeedbackSummary) -> tuple[str, str]:
    """Title and caption of the coverage chart: the share of rejections with feedback, and its latest month."""
    coverage = summary.coverage
    if coverage.n == 0:
        return ("No rejections yet",
                "Coverage counts the rejections that came with feedback; it appears once you log a rejection.")
    share = "too few to tell" if coverage.too_few else f"{coverage.percent()}, {likely_range(coverage)}"
    title = f"{coverage.successes} of {plural(coverage.n, 'rejection')} came with feedback ({share})"
    months = [(month, rate) for month, rate in summary.coverage_by_month.items() if not rate.too_few]
    if len(months) >= 2:
        month, latest = months[-1]
        if latest.high < coverage.low:
            title += f"; fewer lately: {latest.percent()} in {_month_label(month)}"
        elif latest.low > coverage.high:
            title += f"; more lately: {latest.percent()} in {_month_label(month)}"
    if coverage.value is not None and coverage.value >= 0.5:
        caption = "Keep asking after every rejection, and write down whatever comes back, even one line."
    else:
        caption = ASK_CAPTION
    return title, caption


def coverage_trend_chart(summary: FeedbackSummary) -> Chart:
    """The share of rejections that came with feedback, by month applied, with 95% intervals."""
    title, caption = coverage_text(summary)
    months = summary.coverage_by_month
    if not months:
        if summary.coverage.n:
            return Chart(None, title, "Add the date you applied to each application to see coverage by month. " + caption)
        return Chart(None, title, caption)
    rates = list(months.values())
    labels = [_month_label(month) for month in months]
    figure = go.Figure(rate_bars(rates, [palette.OKABE_ITO["sky_blue"]] * len(rates), labels))
    figure.update_yaxes(title="rejections with feedback, %", range=[0, 110])
    figure.update_xaxes(title="month applied")
    if any(rate.too_few for rate in rates):
        figure.add_annotation(text=TOO_FEW_REJECTIONS, showarrow=False, xref="paper", yref="paper", x=1, y=1.06,
                              xanchor="right")
    return finish(figure, (title, caption), showlegend=False)
