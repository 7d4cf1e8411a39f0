"""The Feedback page's charts on hand-built summaries: the title states the numbers, the caption what to do."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.charts.feedback import (
    ASK_CAPTION,
    TOO_FEW_REJECTIONS,
    coverage_trend_chart,
    theme_label,
    theme_stage_chart,
)
from analysis.core.schema import STAGES
from analysis.core.stats import Rate
from analysis.feedback.summary import FeedbackSummary
from analysis.focus.texts import THEME_AREAS


def summary(
    texts: int,
    improvements: dict[str, int],
    by_stage: dict[str, dict[str, int]] | None = None,
    coverage: Rate | None = None,
    months: dict[str, Rate] | None = None,
) -> FeedbackSummary:
    """A summary of ``texts`` applications with feedback (and as many without), with the given counts."""
    table = pd.DataFrame({"has_feedback": [True] * texts + [False] * texts})
    stages = pd.DataFrame(
        [[(by_stage or {}).get(theme, {}).get(stage, 0) for stage in STAGES] for theme in improvements],
        index=pd.Index(list(improvements), name="theme"), columns=pd.Index(list(STAGES), name="stage"),
    )
    return FeedbackSummary(
        table=table, improvements=improvements, strengths={}, weighted_improvements={k: float(v) for k, v in improvements.items()},
        by_stage=stages, coverage=coverage or Rate.of(0, 0), coverage_by_month=months or {}, outside_control=Rate.of(0, 0), quotes={},
        recent_since=None,
    )


@pytest.fixture
def twenty_texts() -> FeedbackSummary:
    """20 texts: no reason given 6, experience 5 (3 before any interview), communication 3, technical skills 3."""
    return summary(20, {"generic": 6, "experience": 5, "communication": 3, "technical_skills": 3}, {
        "generic": {"applied": 6},
        "experience": {"applied": 3, "first_interview": 1, "final_interview": 1},
        "communication": {"first_interview": 2, "second_interview": 1},
        "technical_skills": {"second_interview": 3},
    })


def test_theme_chart_names_the_top_theme_in_the_candidates_control(twenty_texts: FeedbackSummary) -> None:
    chart = theme_stage_chart(twenty_texts)
    # "No reason given" is named more often, but it is nothing to work on: it is not drawn.
    assert chart.title == "Experience comes up most: in 5 of 20 feedback texts (25%), mostly before any interview"
    assert chart.caption == THEME_AREAS["experience"][1][0]
    assert chart.figure is not None
    bars = [trace for trace in chart.figure.data if trace.type == "bar"]
    assert [trace.name for trace in bars] == ["Before any interview", "After a first interview",
                                              "After a second interview", "At the final interview"]
    labels = list(bars[0].y)
    assert labels == [theme_label(t) for t in ("experience", "communication", "technical_skills")]
    assert labels == ["Experience", "Communication", "Technical skills"]
    stacked = [sum(trace.x[i] for trace in bars) for i in range(len(labels))]
    assert stacked == [5, 3, 3]
    totals = next(trace for trace in chart.figure.data if trace.type == "scatter")
    assert [text.strip() for text in totals.text] == ["5 (25%)", "3 (15%)", "3 (15%)"]


def test_theme_chart_says_where_a_theme_comes_up_most_often_without_a_majority() -> None:
    made = theme_stage_chart(summary(8, {"communication": 4}, {"communication": {"first_interview": 2, "applied": 1,
                                                                                  "final_interview": 1}}))
    assert made.title == "Communication comes up most: in 4 of 8 feedback texts (50%), most often after a first interview"
    tied = theme_stage_chart(summary(8, {"communication": 2}, {"communication": {"first_interview": 1, "applied": 1}}))
    assert tied.title == "Communication comes up most: in 2 of 8 feedback texts (25%)"


def test_theme_chart_when_nothing_is_in_the_candidates_control() -> None:
    chart = theme_stage_chart(summary(4, {"generic": 3, "role_closed": 1}, {"generic": {"applied": 3},
                                                                           "role_closed": {"applied": 1}}))
    assert chart.title == "None of your 4 feedback texts names something you can work on (4 name a closed role or no reason)"
    assert chart.caption == "Ask for one specific point after each rejection; a closed role says nothing about you."
    assert chart.figure is None  # nothing to work on, so no bars


def test_theme_chart_without_feedback_draws_nothing_and_says_how_to_ask() -> None:
    chart = theme_stage_chart(summary(0, {}))
    assert chart.figure is None
    assert chart.title == "No feedback texts yet"
    assert chart.caption == ASK_CAPTION
    praise_only = theme_stage_chart(summary(3, {}))
    assert praise_only.figure is None and praise_only.title == "The feedback names nothing to improve"


def test_coverage_chart_states_the_share_and_a_clear_drop_in_the_latest_month() -> None:
    months = {"2026-09": Rate.of(28, 41), "2026-10": Rate.of(2, 30)}
    chart = coverage_trend_chart(summary(30, {}, coverage=Rate.of(30, 71), months=months))
    assert chart.title == "30 of 71 rejections came with feedback (42%, likely between 31% and 54%); fewer lately: 7% in Oct 2026"
    assert chart.caption == ASK_CAPTION
    bars = chart.figure.data[0]
    assert list(bars.x) == ["Sep 2026", "Oct 2026"]
    assert [round(value, 1) for value in bars.y] == [68.3, 6.7]


def test_coverage_chart_of_a_steady_share_marks_months_with_too_few_rejections() -> None:
    months = {"2026-08": Rate.of(1, 3), "2026-09": Rate.of(6, 10), "2026-10": Rate.of(5, 9)}
    chart = coverage_trend_chart(summary(12, {}, coverage=Rate.of(12, 22), months=months))
    assert chart.title == "12 of 22 rejections came with feedback (55%, likely between 35% and 73%)"
    assert "Keep asking" in chart.caption
    assert [note.text for note in chart.figure.layout.annotations] == [TOO_FEW_REJECTIONS]


def test_coverage_chart_without_rejections_draws_nothing() -> None:
    chart = coverage_trend_chart(summary(2, {}))
    assert chart.figure is None
    assert chart.title == "No rejections yet"
