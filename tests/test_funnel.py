"""The funnel on hand-computed tables."""
import json

import pandas as pd
import pytest
from canonical_factory import make_apps, many

from analysis.core.errors import InputError
from analysis.core.schema import STAGES
from analysis.core.stats import wilson_interval
from analysis.funnel.stages import application_flags, build_funnel


def hand_table() -> pd.DataFrame:
    """14 applications.

    reached: applied 14; first 5 (2 first, the skipped-stage final, the offer, the second);
    second 3; final 2; offer 1 (an offer outcome with no interview rows recorded).
    """
    return make_apps(
        many(4, outcome="rejected")
        + many(2, outcome="no_response", outcome_inferred=True)
        + many(1, outcome="no_response")
        + many(2, outcome="in_progress")
        + [
            {"furthest_stage": "first_interview", "outcome": "rejected"},
            {"furthest_stage": "first_interview", "outcome": "in_progress"},
            {"furthest_stage": "final_interview", "outcome": "rejected"},  # no first interview recorded
            {"furthest_stage": "applied", "outcome": "offer"},  # offer without interview rows
            {"furthest_stage": "second_interview", "outcome": "withdrawn", "responded_on": "2025-02-01"},
        ]
    )


def test_reached_and_ended_by_hand():
    funnel = build_funnel(hand_table())
    assert [s.reached for s in funnel.stages] == [14, 5, 3, 2, 1]
    applied, first, second, final, offer = funnel.stages
    assert applied.ended == {"rejected": 4, "no_response": 3, "withdrawn": 0, "in_progress": 2, "offer": 0}
    assert first.ended == {"rejected": 1, "no_response": 0, "withdrawn": 0, "in_progress": 1, "offer": 0}
    assert second.ended["withdrawn"] == 1
    assert final.ended["rejected"] == 1
    assert offer.ended["offer"] == 1


def test_rates_by_hand():
    funnel = build_funnel(hand_table())
    applied, first, second, final, offer = funnel.stages
    assert [s.pass_rate.value for s in funnel.stages[:4]] == pytest.approx([5 / 14, 3 / 5, 2 / 3, 1 / 2])
    assert offer.pass_rate is None and offer.decided_pass_rate is None
    # decided = reached minus those still in progress there
    assert applied.decided == 12 and first.decided == 4
    assert applied.decided_pass_rate.value == pytest.approx(5 / 12)
    assert first.decided_pass_rate.value == pytest.approx(3 / 4)
    assert applied.rejection_rate.value == pytest.approx(4 / 14)
    assert applied.decided_rejection_rate.value == pytest.approx(4 / 12)
    assert first.rejection_rate.too_few is False and second.rejection_rate.too_few is True


def test_json_entries_follow_the_design_contract():
    entries = build_funnel(hand_table()).to_json_entries()
    assert [entry["stage"] for entry in entries] == list(STAGES)
    required = {"stage", "reached", "rejected", "no_response", "withdrawn", "in_progress", "pass_rate", "rejection_rate", "ci95"}
    for entry in entries:
        assert required <= set(entry)
        assert len(entry["ci95"]) == 2
    first = entries[0]
    assert (first["reached"], first["rejected"], first["no_response"], first["withdrawn"], first["in_progress"]) == (14, 4, 3, 0, 2)
    assert first["pass_rate"] == pytest.approx(5 / 14)
    assert entries[-1]["pass_rate"] is None
    # rejection rate at the final interview: 1 of 2. Wilson, n=2, p=0.5, z^2/n = 1.920729:
    # centre 0.5, half 1.959964 * sqrt(0.125 + 0.240182) / 2.920729 = 0.405469 -> (0.094531, 0.905469)
    assert entries[3]["ci95"] == pytest.approx([0.094531, 0.905469], abs=1e-6)
    json.dumps(entries)


def test_overview_by_hand():
    overview = build_funnel(hand_table()).overview
    assert overview.applications == 14
    assert overview.outcomes == {"in_progress": 3, "rejected": 6, "no_response": 3, "withdrawn": 1, "offer": 1}
    # replies: 5 reached an interview or offer + 4 rejected before interview
    assert overview.response_rate.successes == 9
    assert overview.interview_rate.successes == 5
    assert overview.offer_rate.successes == 1
    assert overview.no_response_rate.successes == 3
    assert overview.no_response_inferred == 2


def test_reply_date_alone_counts_as_response():
    apps = make_apps([{"outcome": "withdrawn"}, {"outcome": "withdrawn", "responded_on": "2025-01-10"}])
    assert application_flags(apps)["responded"].tolist() == [False, True]


def test_empty_table():
    funnel = build_funnel(make_apps([]))
    assert funnel.applications == 0
    assert all(s.reached == 0 for s in funnel.stages)
    for entry in funnel.to_json_entries():
        assert entry["ci95"] == [0.0, 1.0]
        assert entry["rejection_rate"] is None and entry["pass_rate"] is None
    assert funnel.bottleneck is None
    assert funnel.overview.interview_rate.label() == "too few to tell (n=0)"


def test_single_application_intervals():
    funnel = build_funnel(make_apps([{"outcome": "rejected"}]))
    applied = funnel.stage("applied")
    assert applied.rejection_rate.ci95 == pytest.approx((0.206549, 1.0), abs=1e-6)
    assert applied.rejection_rate.too_few


def test_input_is_not_mutated():
    apps = hand_table()
    before = apps.copy(deep=True)
    build_funnel(apps)
    pd.testing.assert_frame_equal(apps, before)


def test_missing_column_is_a_clear_error():
    with pytest.raises(InputError, match="outcome"):
        build_funnel(make_apps([{}]).drop(columns=["outcome"]))


# Bottleneck rule (analysis.funnel.bottleneck): "applied" when the 95% Wilson interval of its decided
# pass-through lies below 8%; else the interview stage with the lowest pass-through when its interval lies
# below those of the other interview stages with decided applications; else "no clear bottleneck yet".


def test_bottleneck_applied_when_credibly_below_the_published_range():
    # 2 of 200: centre (0.01 + 1.9207/200) / 1.0192 = 0.0192, half 1.96 * sqrt(0.0000495 + 0.000024) / 1.0192
    # = 0.0165 -> upper 3.6%, below 8%
    apps = make_apps(many(198, outcome="rejected") + many(2, furthest_stage="first_interview", outcome="rejected"))
    funnel = build_funnel(apps)
    assert funnel.bottleneck.stage == "applied"
    assert funnel.bottleneck.pass_rate.high == pytest.approx(0.0357, abs=5e-4)
    assert funnel.bottleneck_verdict.verdict == "bottleneck"
    # the interval 0.5-3.6% reaches into the published range: worded as the Plan page words it
    assert funnel.bottleneck_verdict.sentence == (
        "Your funnel narrows most before any interview: only 2 of 200 decided applications (1%) reached an interview "
        "(likely between 0% and 4%), not clearly different from the published 3–8% range, but clearly under its 8% top.")


def test_a_low_interview_rate_on_few_applications_is_not_yet_a_bottleneck():
    # 1 of 20 = 5%, below 8%, but its interval reaches 24%: the verdict names the n at which a 5% rate's
    # interval would lie below 8% (checked on both sides of the answer)
    apps = make_apps(many(19, outcome="rejected") + many(1, furthest_stage="first_interview", outcome="rejected"))
    verdict = build_funnel(apps).bottleneck_verdict
    assert verdict.bottleneck is None and verdict.verdict == "no clear bottleneck yet" and verdict.stage == "applied"
    n = verdict.needed
    assert wilson_interval(int(0.05 * n), n)[1] < 0.08 <= wilson_interval(int(0.05 * (n - 1)), n - 1)[1]
    assert verdict.sentence.endswith(f"at these rates about {n} decided applications would tell.")


def test_zero_of_five_is_not_flagged():
    # 0 of 5 first interviews moved on: interval 0-43%, and no later stage to compare with
    apps = make_apps(many(20, outcome="rejected") + many(5, furthest_stage="first_interview", outcome="rejected"))
    funnel = build_funnel(apps)
    assert funnel.bottleneck is None
    assert funnel.bottleneck_verdict.sentence == (
        "No clear bottleneck yet: 0 of 5 decided first interviews moved on (likely between 0% and 43%), which could be "
        "chance; no other interview stage has decided applications to compare it with yet.")


def test_bottleneck_is_an_interview_stage_whose_interval_lies_below_the_others():
    apps = make_apps(
        many(100, outcome="rejected")
        + many(10, furthest_stage="first_interview", outcome="rejected")
        + many(38, furthest_stage="second_interview", outcome="rejected")
        + many(2, furthest_stage="offer", outcome="offer")
    )
    # first 40/50 = 80% (Wilson 67-89%), second 2/40 = 5% (1.4-16.5%), final 2/2 (34-100%)
    funnel = build_funnel(apps)
    assert funnel.bottleneck.stage == "second_interview"
    assert funnel.bottleneck.pass_rate.high < funnel.stage("final_interview").decided_pass_rate.low
    assert funnel.bottleneck.reason == ("only 2 of 40 moved on (likely between 1% and 17%), clearly fewer than at "
                                        "your other interview stages")


def test_overlapping_intervals_are_no_clear_bottleneck():
    apps = make_apps(
        many(20, outcome="rejected")
        + many(10, furthest_stage="first_interview", outcome="rejected")
        + many(5, furthest_stage="second_interview", outcome="rejected")
        + many(5, furthest_stage="offer", outcome="offer")
    )
    # first 10/20 = 50%, second 5/10 = 50%, final 5/5 = 100%: the lowest (first, the earliest on a tie)
    # overlaps the second's interval, and equal rates never part
    verdict = build_funnel(apps).bottleneck_verdict
    assert verdict.bottleneck is None and verdict.stage == "first_interview" and verdict.needed is None


def test_bottleneck_ignores_applications_still_waiting():
    apps = make_apps(
        many(10, outcome="rejected") + many(1, furthest_stage="first_interview", outcome="in_progress") + many(89, outcome="in_progress")
    )
    # 1 of 100 interviewed overall, but 1 of 11 decided = 9%: not below 8%
    funnel = build_funnel(apps)
    assert funnel.overview.interview_rate.value == pytest.approx(0.01)
    assert funnel.stage("applied").decided_pass_rate.value == pytest.approx(1 / 11)
    assert funnel.bottleneck is None


def test_no_bottleneck_without_enough_data():
    assert build_funnel(make_apps(many(3, outcome="rejected"))).bottleneck is None
