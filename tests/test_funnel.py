"""The funnel on hand-computed tables."""
import json

import pandas as pd
import pytest
from canonical_factory import make_apps, many

from analysis.core.errors import InputError
from analysis.core.schema import STAGES
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


# Bottleneck rule: among stages with >= 5 decided applications, "applied" when its decided
# pass-through is below 8%, else the interview stage with the lowest decided pass-through.


def test_bottleneck_applied_when_below_published_range():
    apps = make_apps(many(95, outcome="rejected") + many(5, furthest_stage="first_interview", outcome="rejected"))
    bottleneck = build_funnel(apps).bottleneck
    assert bottleneck.stage == "applied"
    assert bottleneck.pass_rate.value == pytest.approx(0.05)


def test_bottleneck_is_the_weakest_interview_stage_with_enough_data():
    apps = make_apps(
        many(40, outcome="rejected")
        + many(6, furthest_stage="first_interview", outcome="rejected")
        + many(4, furthest_stage="second_interview", outcome="rejected")
    )
    # applied 10/50 = 20% passes; first 4/10 = 40%; second has only 4 decided -> not eligible
    assert build_funnel(apps).bottleneck.stage == "first_interview"


def test_bottleneck_lowest_of_several_interview_stages():
    apps = make_apps(
        many(30, outcome="rejected")
        + many(2, furthest_stage="first_interview", outcome="rejected")
        + many(6, furthest_stage="second_interview", outcome="rejected")
        + many(2, furthest_stage="final_interview", outcome="rejected")
    )
    # first 8/10 = 80%, second 2/8 = 25%, final 0/2 (too few)
    bottleneck = build_funnel(apps).bottleneck
    assert bottleneck.stage == "second_interview"
    assert bottleneck.pass_rate.value == pytest.approx(0.25)


def test_bottleneck_tie_goes_to_the_earlier_stage():
    apps = make_apps(
        many(20, outcome="rejected")
        + many(10, furthest_stage="first_interview", outcome="rejected")
        + many(5, furthest_stage="second_interview", outcome="rejected")
        + many(5, furthest_stage="offer", outcome="offer")
    )
    # applied 20/40 = 50%; first 10/20 = 50%; second 5/10 = 50%; final 5/5 = 100% -> first
    funnel = build_funnel(apps)
    assert [s.decided_pass_rate.value for s in funnel.stages[1:4]] == pytest.approx([0.5, 0.5, 1.0])
    assert funnel.bottleneck.stage == "first_interview"


def test_bottleneck_at_exactly_eight_percent_is_not_applied():
    apps = make_apps(many(46, outcome="rejected") + many(4, furthest_stage="first_interview", outcome="in_progress"))
    # 4/50 = 8%, not below; the first interview has no decided applications -> no bottleneck
    assert build_funnel(apps).bottleneck is None


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
