"""Focus areas: the ranking rules and the numbers in each "why", on hand-built trackers."""
import datetime as dt

import pytest
from canonical_factory import make_apps, many

from analysis.core.wording import count_of, name_list
from analysis.feedback.summary import summarise_feedback
from analysis.focus.area import FocusArea
from analysis.focus.ranking import rank_focus_areas
from analysis.funnel.segments import build_segments
from analysis.funnel.stages import build_funnel

TODAY = dt.date(2025, 4, 1)


def focus_of(rows: list[dict], today: dt.date = TODAY) -> list[FocusArea]:
    apps = make_apps(rows)
    return rank_focus_areas(build_funnel(apps), build_segments(apps), summarise_feedback(apps, {}), today)


def by_id(areas: list[FocusArea]) -> dict[str, FocusArea]:
    return {area.id: area for area in areas}


def mostly_before_interview() -> list[dict]:
    """20 applications, 10 rejections with feedback: 9 before any interview, 1 after a first interview.

    Interview rate 1 of 20 (5%). Of the 9: 3 lack experience, 3 closed roles, 3 no reason given.
    """
    return (
        many(3, outcome="rejected", feedback="Lacked experience.", company="Alpha")
        + many(3, outcome="rejected", feedback="The position has been filled.", company="Beta")
        + many(3, outcome="rejected", feedback="We went with another candidate.", company="Gamma")
        + [{"furthest_stage": "first_interview", "outcome": "rejected", "feedback": "Your answers lacked concrete examples."}]
        + many(10)
    )


def test_most_rejections_before_interview_puts_cv_and_targeting_first():
    areas = focus_of(mostly_before_interview())
    assert [area.id for area in areas] == [
        "cv_and_targeting", "theme_experience", "not_personal", "debrief_interviews", "try_another_channel",
    ]
    why = areas[0].why
    assert why.startswith("9 of 10 rejections (90%) came before any interview.")
    # 1 of the 10 decided applications (10 still wait): 10%, interval 2-40%, so not clearly different
    assert "Your interview rate, 10% of 10 decided applications, is not clearly different from the published 3–8%" in why
    assert areas[0].title == "Sharpen your targeting and channels"
    assert "CareerPlug 2024" in why and "include every applicant" in why
    assert "3 of the 9 feedback texts from this point name experience" in why


def test_interview_rate_clearly_above_the_range_is_not_the_problem():
    # 10 of 30 reached an interview: 33%, 95% interval from 19%, wholly above 8%.
    areas = by_id(focus_of(many(20, outcome="rejected", feedback="Too junior for this role.")
                           + many(10, furthest_stage="first_interview")))
    cv = areas["cv_and_targeting"]
    assert "20 of 20 rejections (100%)" in cv.why
    assert "33% of 30 decided applications, is above the published 3–8%" in cv.why
    assert "your CV gets interviews as often as most; sharper targeting and better channels gain more" in cv.why
    assert cv.title == "Sharpen your targeting and channels"  # never "Sharpen your CV" beside "the CV works"
    assert not any("CV" in action for action in cv.actions)
    assert cv.score == pytest.approx(0.5)  # halved
    assert areas["theme_experience"].score > cv.score


def test_no_feedback_at_all_puts_asking_for_it_first_with_a_request_to_copy():
    rows = (
        many(6, outcome="rejected", company="Initech")
        + [{"company": "Acme", "outcome": "rejected", "responded_on": "2025-03-25"},
           {"company": "Globex", "outcome": "rejected", "responded_on": "2025-03-28"}]
        + many(2, outcome="rejected", furthest_stage="first_interview", company="Hooli")
    )
    areas = focus_of(rows)
    first = areas[0]
    assert first.id == "ask_for_feedback"
    assert first.why.startswith("None of your 10 rejections came with feedback.")
    assert "71% of North American candidates never receive feedback" in first.why and "2022" in first.why
    assert first.actions[0].startswith("Reply to each new rejection within two days")
    assert "“Thank you for letting me know." in first.actions[0]
    assert "how my application could have been stronger" in first.actions[0]  # 8 of 10 came before interview
    assert first.actions[1] == "Start with the 2 rejected in the last 14 days (Acme, Globex): they still remember you."
    assert areas[1].id == "cv_and_targeting"


def test_asking_about_interviews_when_most_silent_rejections_followed_one():
    # TODAY is 1 April 2025: rejected on 1 March, 31 days ago, within the 42 days an interviewer may still answer.
    rows = (many(3, outcome="rejected", furthest_stage="second_interview", company="Hooli", responded_on="2025-03-01")
            + many(1, outcome="rejected"))
    ask = focus_of(rows)[0]
    assert "how my interview could have been stronger" in ask.actions[0]
    assert ask.actions[1] == ("Start with the 3 rejected after an interview in the last 42 days (Hooli): "
                              "interviewers can say the most.")


def test_rejections_long_past_are_never_named_as_people_to_write_to():
    rows = (many(3, outcome="rejected", furthest_stage="second_interview", company="Hooli", responded_on="2023-03-01")
            + many(1, outcome="rejected", responded_on="2023-02-01"))
    ask = focus_of(rows)[0]
    assert ask.id == "ask_for_feedback"
    assert not any("Hooli" in action for action in ask.actions)
    assert ask.actions[0].startswith("Reply to each new rejection within two days")


def test_low_feedback_coverage_still_comes_first():
    rows = many(2, outcome="rejected", feedback="Lacked experience.") + many(8, outcome="rejected")
    first = focus_of(rows)[0]
    assert first.id == "ask_for_feedback"
    assert first.why.startswith("Only 2 of 10 rejections (20%) came with feedback.")
    assert "read from the 2 feedback texts you have" in first.why


def test_adequate_coverage_asks_nothing():
    thirty_percent = many(3, outcome="rejected", feedback="Lacked experience.") + many(7, outcome="rejected")
    assert "ask_for_feedback" not in by_id(focus_of(thirty_percent))
    every_rejection = many(2, outcome="rejected", feedback="Lacked experience.")
    assert "ask_for_feedback" not in by_id(focus_of(every_rejection))


def test_no_applications_gives_one_area_asking_for_them():
    areas = focus_of([])
    assert [area.id for area in areas] == ["add_applications"]
    assert 2 <= len(areas[0].actions) <= 4


def test_a_channel_that_converts_significantly_better_is_named_with_numbers():
    rows = (
        many(4, channel="Referral", furthest_stage="first_interview", outcome="rejected")
        + many(2, channel="Referral", outcome="rejected")
        + many(1, channel="Job board", furthest_stage="first_interview", outcome="rejected")
        + many(19, channel="Job board", outcome="rejected")
    )
    switch = by_id(focus_of(rows))["switch_channel"]
    assert switch.title == "Send more applications through referrals"
    assert switch.why.startswith(
        "Referrals got you an interview in 4 of 6 applications (67%), against 1 of 20 applications (5%) "
        "through job boards, where 20 of 26 applications (77%) went. A gap this large is very unlikely to be chance."
    )
    assert "1 in 16 referred candidates against 1 in 152 from job postings (Lever 2015–16)" in switch.why
    assert switch.actions[0] == "Send at least half of next week's applications through referrals."


def test_a_big_gap_that_is_not_yet_significant_says_so():
    # Recruiters 2 of 5 (40%) against job boards 1 of 20 (5%): Fisher p ~ 0.09.
    rows = (
        many(2, channel="Recruiter", furthest_stage="first_interview") + many(3, channel="Recruiter")
        + many(1, channel="Job board", furthest_stage="first_interview") + many(19, channel="Job board")
    )
    switch = by_id(focus_of(rows))["switch_channel"]
    assert "2 of 5 applications (40%), against 1 of 20 applications (5%)" in switch.why
    assert "not yet certain" in switch.why
    assert "1 in 22 agency candidates" in switch.why


def test_a_small_channel_gap_is_not_a_focus():
    rows = (
        many(2, channel="Referral", furthest_stage="first_interview") + many(8, channel="Referral")
        + many(3, channel="Job board", furthest_stage="first_interview") + many(17, channel="Job board")
    )
    ids = by_id(focus_of(rows))
    assert "switch_channel" not in ids and "try_another_channel" not in ids


def test_only_reasons_outside_the_candidates_control_are_not_personal():
    # 10 rejections with feedback: 3 closed roles (Beta), 3 with no reason (Gamma), 4 with another reason.
    not_personal = by_id(focus_of(mostly_before_interview()))["not_personal"]
    assert not_personal.why == ("3 rejections named a role that was filled, frozen, cancelled or cut for budget: "
                                "they say nothing about you.")
    assert not_personal.actions[0] == ("Leave these 3 out when you look for patterns: the 4 rejections that gave "
                                       "another reason are the ones to learn from.")
    assert not_personal.actions[1].startswith("Write back to Beta with thanks")


def test_rejections_that_gave_no_reason_are_never_a_focus_area():
    areas = focus_of(many(6, outcome="rejected", feedback="We went with another candidate.", company="Gamma")
                     + many(4))
    assert "not_personal" not in by_id(areas)
    assert not any(area.id == "theme_generic" for area in areas)


def test_theme_area_counts_recent_feedback_and_the_stage():
    rows = [
        {"company": "Old", "outcome": "rejected", "feedback": "Lacked experience.", "applied_on": "2024-10-01"},
        {"company": "Newer", "outcome": "rejected", "feedback": "Too junior for this role.", "applied_on": "2025-03-01"},
        {"company": "Newest", "furthest_stage": "first_interview", "outcome": "rejected",
         "feedback": "Not enough experience.", "applied_on": "2025-03-10"},
        {"company": "Delta", "outcome": "rejected", "feedback": "Your answers lacked concrete examples.", "applied_on": "2025-03-11"},
    ]
    theme = by_id(focus_of(rows))["theme_experience"]
    assert theme.title == "Target roles that match your experience"
    assert theme.why == (
        "Experience came up as something to improve in 3 of 4 feedback texts (75%) that give a reason you can act on, "
        "2 of them from the last 60 days of your search, mostly before any interview (2). "
        "Most recently: “enough experience” (Newest)."
    )
    # weighted: experience 1 + 2 + 2 = 5 of 7 (communication weighs 2); 4 texts of the 5 for full confidence
    assert theme.score == pytest.approx(0.8 * 5 / 7 * 4 / 5)


def test_a_single_mention_is_not_a_pattern():
    rows = many(1, outcome="rejected", feedback="Lacked experience.") + many(4, outcome="rejected", feedback="We went with another candidate.")
    assert not any(area.id.startswith("theme_") for area in focus_of(rows))


def test_strengths_are_named_with_a_quote_to_reread():
    rows = (
        many(3, furthest_stage="final_interview", outcome="rejected", company="Acme",
             feedback="Great communication skills, but lacked experience.")
        + many(2, furthest_stage="first_interview", outcome="rejected", feedback="Strong technical skills.")
        + many(3, outcome="offer")
    )
    areas = by_id(focus_of(rows))
    strengths = areas["build_on_strengths"]
    assert strengths.why == (
        "Employers praised your communication in 3 of 5 feedback texts (60%) and your technical skills in 2 (40%): "
        "strengths to build on."
    )
    assert strengths.actions[1] == "Before your next interview, reread what Acme said: “Great communication skills, but lacked experience.”"
    final = areas["final_round"]
    assert final.why.startswith("3 of 5 rejections (60%) came at the final interview. Reaching 6 final rounds")
    assert "30–40% of final (onsite) interviews lead to an offer (Lever 2019" in final.why


def test_interview_stage_and_debrief_areas_state_their_numbers():
    rows = (
        many(3, furthest_stage="first_interview", outcome="rejected", feedback="You were not prepared for the interview.")
        + many(2, furthest_stage="second_interview", outcome="rejected", feedback="We went with another candidate.")
        + many(5, outcome="rejected", feedback="Lacked experience.")
    )
    areas = by_id(focus_of(rows))
    answers = areas["interview_answers"]
    assert answers.why.startswith("5 of 10 rejections (50%) came after a first or second interview. "
                                  "2 of 5 decided first interviews (40%) led to another round.")
    assert "STAR" in answers.actions[0]
    debrief = areas["debrief_interviews"]
    assert debrief.why.startswith("5 of 10 applications (50%) reached an interview, and 5 of them ended in a rejection.")
    assert "what went well, what caught me off guard, and whether I prepared enough" in debrief.actions[0]


def test_silence_gets_a_follow_up_area_with_the_channel_gap():
    rows = (
        many(8, channel="Job board", outcome="no_response") + many(2, channel="Job board", outcome="rejected")
        + many(4, channel="Referral", outcome="rejected") + many(1, channel="Referral", outcome="no_response")
    )
    follow_up = by_id(focus_of(rows))["follow_up"]
    assert follow_up.why.startswith("9 of 15 applications (60%) never got a response.")
    assert "35% of job seekers" in follow_up.why and "2023" in follow_up.why
    assert follow_up.actions[1] == "Job boards answered 2 of 10 applications, referrals 4 of 5: move effort to referrals."


@pytest.mark.parametrize("rows", [
    mostly_before_interview(),
    many(10, outcome="rejected"),
    many(5, outcome="rejected", feedback="Great communication skills, but lacked experience.") + many(5, outcome="offer"),
    many(3, furthest_stage="final_interview", outcome="rejected") + many(20, outcome="no_response"),
])
def test_three_to_five_areas_each_with_numbers_and_two_to_four_actions(rows):
    areas = focus_of(rows)
    assert 3 <= len(areas) <= 5
    assert [area.score for area in areas] == sorted((area.score for area in areas), reverse=True)
    for area in areas:
        assert any(character.isdigit() for character in area.why)
        assert 2 <= len(area.actions) <= 4
        assert all(isinstance(action, str) and action for action in area.actions)


def test_to_dict_shape():
    area = focus_of(mostly_before_interview())[0]
    assert area.to_dict() == {"id": area.id, "title": area.title, "why": area.why, "actions": list(area.actions)}
    assert set(area.to_dict()) == {"id", "title", "why", "actions"}


def test_wording_helpers():
    assert count_of(41, 62, "rejection") == "41 of 62 rejections (66%)"
    assert count_of(1, 1, "application") == "1 of 1 application (100%)"
    assert name_list(["Acme", " ", "acme", "Acme", "B", "C", "D"]) == "Acme, acme, B, …"


def test_the_biggest_loss_leads_the_advice():
    # 160 of 164 rejections before any interview, 4 after a first one, feedback on 30% (so asking is not first):
    # targeting and the CV lead, not interview preparation.
    before = many(50, outcome="rejected", feedback="Not enough experience.") + many(110, outcome="rejected")
    after = many(4, outcome="rejected", furthest_stage="first_interview", feedback="Answers were vague.")
    areas = focus_of(before + after + many(10, furthest_stage="first_interview", outcome="in_progress"))
    assert areas[0].id == "cv_and_targeting"
    assert "interview_answers" not in [area.id for area in areas[:1]]

    # Most applications never answered: following up and changing channel lead.
    silent = many(30, outcome="no_response") + many(6, outcome="rejected", feedback="Lacked experience.") + many(4)
    assert focus_of(silent)[0].id == "follow_up"

    # Most losses after interviews: preparation and practice lead.
    interviews = (many(12, outcome="rejected", furthest_stage="second_interview", feedback="Answers lacked examples.")
                  + many(3, outcome="rejected", feedback="Role filled.") + many(5))
    assert focus_of(interviews)[0].id == "interview_answers"
