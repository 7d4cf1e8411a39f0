"""Feedback summary on a hand-checked tracker, with the real theme classifier."""
import pandas as pd
import pytest
from canonical_factory import make_apps, many

from analysis.core.schema import STAGES
from analysis.feedback.summary import highlight, summarise_feedback


def tracker() -> pd.DataFrame:
    """Eleven applications: nine rejected (seven with feedback), an offer with praise, one no response.

    The latest application is 2025-03-20, so the recency window starts 2025-01-19: Beta,
    Gamma, Delta, Epsilon, Zeta and Iota weigh 2; Old Co and Alpha (answered 2025-01-10) weigh 1.
    """
    return make_apps([
        {"company": "Old Co", "outcome": "rejected", "feedback": "Not enough experience.", "applied_on": "2024-11-01"},
        {"company": "Alpha", "outcome": "rejected", "feedback": "Lacked experience.",
         "applied_on": "2024-12-01", "responded_on": "2025-01-10"},
        {"company": "Beta", "outcome": "rejected", "feedback": "Too junior for this role.", "applied_on": "2025-03-01"},
        {"company": "Gamma", "furthest_stage": "first_interview", "outcome": "rejected",
         "feedback": "Great communication skills, but lacked experience.",
         "applied_on": "2025-03-05", "responded_on": "2025-03-20"},
        {"company": "Delta", "furthest_stage": "first_interview", "outcome": "rejected",
         "feedback": "Your answers lacked concrete examples.", "applied_on": "2025-03-10"},
        {"company": "Epsilon", "outcome": "rejected", "feedback": "The position has been filled.", "applied_on": "2025-02-01"},
        {"company": "Zeta", "outcome": "rejected", "feedback": "We went with another candidate.", "applied_on": "2025-02-10"},
        {"company": "Eta", "outcome": "rejected", "applied_on": "2025-03-12"},
        {"company": "Theta", "outcome": "rejected", "applied_on": "2025-01-05"},
        {"company": "Iota", "furthest_stage": "final_interview", "outcome": "offer",
         "feedback": "Strong technical skills.", "applied_on": "2025-03-20"},
        {"company": "Kappa", "outcome": "no_response", "applied_on": "2025-03-15"},
    ])


@pytest.fixture(scope="module")
def summary():
    return summarise_feedback(tracker(), {})


def test_theme_counts_and_shares_over_texts_with_feedback(summary):
    assert summary.text_count == 8
    assert summary.theme_counts() == [
        {"theme": "experience", "count": 4, "share": 0.5},
        {"theme": "communication", "count": 1, "share": 0.125},
        {"theme": "role_closed", "count": 1, "share": 0.125},
        {"theme": "generic", "count": 1, "share": 0.125},
    ]


def test_strengths_are_praised_themes_apart_from_improvements(summary):
    # Gamma praises communication and criticises experience; ties follow THEMES order.
    assert summary.strength_counts() == [
        {"theme": "technical_skills", "count": 1, "share": 0.125},
        {"theme": "communication", "count": 1, "share": 0.125},
    ]
    gamma = summary.table.set_index("company").loc["Gamma"]
    assert gamma["improvement_themes"] == ("experience",)
    assert gamma["strength_themes"] == ("communication",)
    assert gamma["polarity"] == "mixed"


def test_counts_split_by_stage_the_offer_counting_as_offer(summary):
    assert list(summary.by_stage.columns) == list(STAGES)
    assert list(summary.by_stage.index) == ["experience", "communication", "role_closed", "generic"]
    assert summary.by_stage.loc["experience"].tolist() == [3, 1, 0, 0, 0]
    assert summary.by_stage.loc["communication"].tolist() == [0, 1, 0, 0, 0]
    assert summary.by_stage.loc["role_closed", "applied"] == 1
    assert summary.table.set_index("company").loc["Iota", "furthest_stage"] == "offer"


def test_coverage_is_rejections_with_feedback_over_rejections(summary):
    assert (summary.coverage.successes, summary.coverage.n) == (7, 9)
    by_month = {month: (rate.successes, rate.n) for month, rate in summary.coverage_by_month.items()}
    assert by_month == {"2024-11": (1, 1), "2024-12": (1, 1), "2025-01": (0, 1), "2025-02": (2, 2), "2025-03": (3, 4)}


def test_outside_control_counts_closed_roles_and_no_reason(summary):
    assert (summary.outside_control.successes, summary.outside_control.n) == (2, 7)
    outside = summary.table[summary.table["outside_control"]]
    assert sorted(outside["company"]) == ["Epsilon", "Zeta"]


def test_recent_feedback_counts_double(summary):
    assert summary.recent_since == pd.Timestamp("2025-01-19")
    weights = summary.table.set_index("company")["weight"]
    assert weights[["Old Co", "Alpha"]].tolist() == [1.0, 1.0]
    assert weights[["Beta", "Gamma", "Iota"]].tolist() == [2.0, 2.0, 2.0]
    assert summary.improvements["experience"] == 4
    assert summary.weighted_improvements["experience"] == 6.0  # 1 + 1 + 2 + 2


def test_recency_window_starts_on_its_first_day():
    apps = make_apps([
        {"outcome": "rejected", "feedback": "Lacked experience.", "applied_on": "2025-01-01"},
        {"outcome": "rejected", "feedback": "Lacked experience.", "applied_on": "2024-12-31"},
        {"applied_on": "2025-03-02"},  # the latest application: the window starts 60 days before, on 1 January
    ])
    assert summarise_feedback(apps).table["weight"].tolist() == [2.0, 1.0, 2.0]


def test_without_dates_every_text_weighs_one():
    summary = summarise_feedback(make_apps(many(3, outcome="rejected", feedback="Lacked experience.")))
    assert summary.recent_since is None
    assert summary.weighted_improvements == {"experience": 3.0}


def test_quotes_up_to_three_most_recent_first_with_evidence(summary):
    experience = summary.quotes["experience"]
    assert [quote.company for quote in experience] == ["Gamma", "Beta", "Alpha"]
    assert experience[0].phrases == ("lacked experience",)
    assert not experience[0].praised
    communication = summary.quotes["communication"]
    assert [(quote.company, quote.praised) for quote in communication] == [("Gamma", True), ("Delta", False)]
    assert list(summary.quotes) == ["experience", "communication", "role_closed", "generic", "technical_skills"]
    assert experience[0].pieces() == [
        ("Great communication skills, but ", False), ("lacked experience", True), (".", False),
    ]


def test_table_has_one_row_per_application_and_input_is_untouched():
    apps = tracker()
    before = apps.copy()
    summary = summarise_feedback(apps, {})
    pd.testing.assert_frame_equal(apps, before)
    assert summary.table["source_row"].tolist() == apps["source_row"].tolist()
    assert summary.table["has_feedback"].sum() == 8
    assert summary.texts()["company"].tolist() == ["Old Co", "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Iota"]
    blank = summary.table.set_index("company").loc["Eta"]
    assert (blank["themes"], blank["polarity"], blank["evidence"]) == ((), "", {})


def test_extra_keywords_reach_the_classifier():
    apps = make_apps([{"outcome": "rejected", "feedback": "Needs more dbt."}])
    assert "technical_skills" not in summarise_feedback(apps, {}).improvements
    assert summarise_feedback(apps, {"technical_skills": ["dbt"]}).improvements == {"technical_skills": 1}


def test_no_applications():
    summary = summarise_feedback(make_apps([]), {})
    assert summary.theme_counts() == [] and summary.strength_counts() == []
    assert summary.coverage.n == 0 and summary.coverage_by_month == {}
    assert summary.quotes == {} and summary.recent_since is None


# ---- highlight ------------------------------------------------------------------------------


def test_highlight_marks_each_phrase_in_order():
    text = "Great communication, but lacked experience."
    assert highlight(text, ["lacked experience", "Great communication"]) == [
        ("Great communication", True), (", but ", False), ("lacked experience", True), (".", False),
    ]


def test_highlight_ignores_case_and_spacing_but_not_word_parts():
    assert highlight("Too  junior", ["too junior"]) == [("Too  junior", True)]
    assert highlight("CVS and CV", ["CV"]) == [("CVS and ", False), ("CV", True)]


def test_highlight_merges_overlaps_and_keeps_the_text_whole():
    text = "abc def ghi, jkl"
    pieces = highlight(text, ["abc def", "def ghi", " ", ""])
    assert pieces == [("abc def ghi", True), (", jkl", False)]
    assert "".join(segment for segment, _ in pieces) == text


def test_highlight_without_phrases_or_text():
    assert highlight("No reason given.", []) == [("No reason given.", False)]
    assert highlight("", ["x"]) == []
