"""What one offer takes, the weekly pace, the what-if levers and the needle movers, on hand-computed cases."""
from __future__ import annotations

import pytest
from canonical_factory import make_apps, many

from analysis.core.stats import Rate
from analysis.funnel.segments import build_segments
from analysis.funnel.stages import build_funnel
from analysis.plan.levers import needle_movers
from analysis.plan.pace import weekly_pace
from analysis.plan.planner import WEEKS_PER_MONTH, applications_per_offer, number, what_if

RAW_TOLERANCE = 0.12
"""At these counts the best guess (the median of the simulated product) lies within 12% of the
product of the observed rates: the product of uncertain rates is skewed, so its median is a little lower."""


def search(offers: int = 2, waiting: int = 0, **fields) -> list[dict]:
    """100 decided applications: 20 first interviews, 10 second, 5 final, ``offers`` offers; plus
    ``waiting`` applications still in progress with no answer."""
    return (
        many(80, outcome="rejected", **fields)
        + many(10, furthest_stage="first_interview", outcome="rejected", **fields)
        + many(5, furthest_stage="second_interview", outcome="rejected", **fields)
        + many(5 - offers, furthest_stage="final_interview", outcome="rejected", **fields)
        + many(offers, furthest_stage="offer", outcome="offer", **fields)
        + many(waiting, **fields)
    )


@pytest.fixture(scope="module")
def funnel():
    return build_funnel(make_apps(search()))


def test_fifty_applications_per_offer(funnel):
    # 20/100 * 10/20 * 5/10 * 2/5 = 2/100 = 2%
    projection = what_if(funnel, 5)
    assert projection.offer_chance == pytest.approx(0.02, rel=RAW_TOLERANCE)
    # 5 a week * 52/12 weeks a month * 2% = 0.4333 offers a month
    assert projection.offers_per_month == pytest.approx(5 * 52 / 12 * 0.02, rel=RAW_TOLERANCE)
    assert projection.offers_per_month == pytest.approx(projection.offer_chance * 5 * WEEKS_PER_MONTH)
    per_offer = applications_per_offer(funnel, 5)
    assert per_offer.applications == pytest.approx(1 / projection.offer_chance)
    assert per_offer.applications == pytest.approx(50, rel=RAW_TOLERANCE)
    assert per_offer.weeks == pytest.approx(per_offer.applications / 5)  # at 5 a week
    assert per_offer.sentence().startswith(
        f"At your rates so far one offer takes about {number(per_offer.applications)} applications (likely between ")


def test_the_interval_brackets_the_best_guess_and_is_deterministic(funnel):
    first, second = what_if(funnel, 5), what_if(funnel, 5)
    assert first == second  # fixed seed
    # Close to the Wilson interval of 2 offers in 100 (0.55-7.0%), as the stages multiply to 2/100
    assert 0.003 < first.offer_low < 0.01 < 0.02 < 0.035 < first.offer_high < 0.08
    assert first.low == pytest.approx(first.offer_low * 5 * WEEKS_PER_MONTH)
    assert first.high == pytest.approx(first.offer_high * 5 * WEEKS_PER_MONTH)
    assert first.offer_low <= first.offer_chance <= first.offer_high
    assert first.label() == (f"{number(first.offers_per_month)} offers a month "
                             f"(95% range {number(first.low)}–{number(first.high)})")
    per_offer = applications_per_offer(funnel, 5)
    assert per_offer.low == pytest.approx(1 / first.offer_high)
    assert per_offer.high == pytest.approx(1 / first.offer_low)
    assert per_offer.weeks_low == pytest.approx(per_offer.low / 5)


def test_applications_still_waiting_are_left_out():
    waiting = build_funnel(make_apps(search(waiting=10)))
    assert what_if(waiting, 5).offer_chance == pytest.approx(0.02, rel=RAW_TOLERANCE)
    assert what_if(waiting, 5).n == 100


def test_raising_first_interview_pass_through(funnel):
    # first interview 10/20 = 50% -> 80%: 0.2 * 0.8 * 0.5 * 0.4 = 3.2%
    base, raised = what_if(funnel, 5), what_if(funnel, 5, raise_first_pass_to=0.8)
    assert raised.offer_chance == pytest.approx(0.032, rel=RAW_TOLERANCE)
    assert raised.offers_per_month == pytest.approx(5 * 52 / 12 * 0.032, rel=RAW_TOLERANCE)
    assert raised.low > base.low and raised.high > base.high  # 80% is above every plausible draw of 10/20
    assert raised.levers == ("first-interview pass-through 50% → 80%",)
    with pytest.raises(ValueError):
        what_if(funnel, 5, raise_first_pass_to=1.5)


def test_shifting_applications_to_a_channel(funnel):
    # half the applications at a 60% interview rate: 0.5 * 0.2 + 0.5 * 0.6 = 40% -> 0.4 * 0.5 * 0.5 * 0.4 = 4%
    shifted = what_if(funnel, 5, shift_share_to_channel=(0.5, Rate.of(12, 20)), channel_name="Referral")
    assert shifted.offer_chance == pytest.approx(0.04, rel=RAW_TOLERANCE)
    assert shifted.offers_per_month == pytest.approx(5 * 52 / 12 * 0.04, rel=RAW_TOLERANCE)
    assert shifted.levers == ("50% of applications through Referral (interview rate 60% (n=20))",)


def test_the_best_guess_lies_inside_its_range():
    # 6 offers of 8 applications, every one interviewed through the final: the raw product is 6/8 = 0.75, but
    # 8 of 8 moving on three times does not make the next one certain. The guess is the middle of the draws.
    funnel = build_funnel(make_apps(many(6, furthest_stage="offer", outcome="offer")
                                    + many(2, furthest_stage="final_interview", outcome="rejected")))
    projection = what_if(funnel, None)
    assert projection.offer_low < projection.offer_chance < projection.offer_high
    assert 0.5 < projection.offer_chance < 0.75 < projection.offer_high


def test_a_channel_with_too_few_applications_is_not_used(funnel):
    projection = what_if(funnel, 5, shift_share_to_channel=(0.5, Rate.of(2, 3)), channel_name="Referral")
    assert projection.offer_chance == pytest.approx(0.02, rel=RAW_TOLERANCE)
    assert projection.levers == ()
    assert projection.notes == ("Too few applications through Referral to tell its rate (n=3); the shift was left out.",)


def test_more_applications_a_week(funnel):
    # 5 + 3 = 8 a week: 8 * 52/12 * 2% = 0.6933
    projection = what_if(funnel, 5, extra_per_week=3)
    assert projection.applications_per_week == 8
    assert projection.offers_per_month == pytest.approx(8 * 52 / 12 * 0.02, rel=RAW_TOLERANCE)
    assert projection.levers == ("+3 applications a week",)


def test_zero_offers_still_gives_an_honest_upper_bound():
    funnel = build_funnel(make_apps(search(offers=0)))
    projection = what_if(funnel, 5)
    assert (projection.offer_chance, projection.offer_low, projection.offers_per_month, projection.low) == (0, 0, 0, 0)
    # the final stage is 0 of 5 (Beta(1, 6)); the product's 97.5th percentile stays under the
    # Wilson top of 0 offers in 100 (3.7%), and is well above 0
    assert 0.01 < projection.offer_high < 0.037
    assert projection.label().startswith("0.00 offers a month (95% range 0.00–")
    per_offer = applications_per_offer(funnel, 5)
    assert per_offer.applications is None and per_offer.high is None
    assert per_offer.low == pytest.approx(1 / projection.offer_high)
    assert per_offer.sentence().startswith(
        f"No offer yet from your 100 decided applications: at your rates so far one offer is likely to take at least "
        f"{number(per_offer.low)} applications, at least ")


def test_a_stage_nobody_has_finished_gives_no_best_guess():
    # 10 first interviews, all still waiting: no decided first interview
    funnel = build_funnel(make_apps(many(40, outcome="rejected") + many(10, furthest_stage="first_interview")))
    projection = what_if(funnel, 5)
    assert projection.offer_chance is None and projection.too_few
    assert projection.offer_high > 0
    assert projection.label() == f"no best guess yet (95% range 0.00–{number(projection.high)} offers a month)"
    assert "No first interview has had its answer yet" in projection.notes[0]
    apps = make_apps(many(40, outcome="rejected") + many(10, furthest_stage="first_interview"))
    assert needle_movers(funnel, build_segments(apps), 5) == [
        "No first interview has had its answer yet, so it is too early to tell what would move the needle."]


def test_too_few_to_tell():
    funnel = build_funnel(make_apps(many(2, outcome="rejected") + many(1, furthest_stage="offer", outcome="offer")))
    assert what_if(funnel, 5).label() == "too few to tell (n=3)"
    assert applications_per_offer(funnel, 5).sentence() == (
        "Too few applications have had their answer to tell what one offer takes (n=3).")
    assert needle_movers(funnel, build_segments(make_apps(many(3))), 5) == [
        "Too few applications have had their answer to tell what would move the needle (n=3)."]


def test_without_a_pace_the_projection_is_per_100_applications(funnel):
    projection = what_if(funnel, None)
    assert projection.offers_per_month is None and projection.low is None
    assert projection.label().startswith(f"{number(projection.offer_chance * 100)} offers per 100 applications (95% range ")
    assert applications_per_offer(funnel, None).weeks is None


# ---- pace -----------------------------------------------------------------------------------------


def dated(days: list[str]) -> list[dict]:
    return [{"applied_on": day} for day in days]


def test_pace_over_the_last_eight_weeks():
    # 16 applications in the 56 days from Monday 6 Jan to Sunday 2 Mar 2025 (the window starts 55 days
    # before the latest date): 2 a week; 10 in October 2024 fall outside the window
    window = ["2025-01-06"] + ["2025-02-01"] * 14 + ["2025-03-02"]
    pace = weekly_pace(make_apps(dated(window + ["2024-10-01"] * 10)))
    assert (pace.applications, pace.weeks, pace.per_week) == (16, 8.0, 2.0)
    assert (str(pace.since), str(pace.until)) == ("2025-01-06", "2025-03-02")
    assert pace.label() == "2.0 a week (16 applications in the last 8 weeks of applying)"


def test_a_short_search_is_divided_by_its_own_length():
    # 6 applications over 14 days: 3 a week; 3 on one day: at least one week
    assert weekly_pace(make_apps(dated(["2025-01-01"] * 5 + ["2025-01-14"]))).per_week == 3.0
    one_day = weekly_pace(make_apps(dated(["2025-01-01"] * 3)))
    assert one_day.per_week == 3.0 and one_day.label() == "3.0 a week (3 applications in the last week of applying)"


def test_no_dates_no_pace():
    pace = weekly_pace(make_apps(many(5)))
    assert pace.per_week is None and pace.label() == "unknown (no application dates)"


# ---- needle movers --------------------------------------------------------------------------------


def test_needle_movers_rank_the_levers_by_their_effect():
    # Referral: 10 applications, 5 first interviews (50%); everything else LinkedIn. Overall as in
    # search(): 20% -> 50% -> 50% -> 40%. At 5 a week (0.4333 offers a month):
    #   +2 a week:               7/5                        -> 0.6067
    #   20% through Referral:    (0.8*0.2 + 0.2*0.5)/0.2 = 1.3 -> 0.5633
    #   applied 20% -> 25%:      1.25                       -> 0.5417
    #   final 40% -> 50%:        1.25                       -> 0.5417
    #   first, second +10 points: 1.2                       -> 0.52
    rows = search()
    for row in rows[80:85] + rows[:5]:
        row.update(source="Referral", channel="Referral")
    apps = make_apps(rows)
    funnel = build_funnel(apps)
    lines = needle_movers(funnel, build_segments(apps), 5)
    base = what_if(funnel, 5).offers_per_month
    more = what_if(funnel, 5, extra_per_week=2).offers_per_month
    assert more == pytest.approx(base * 7 / 5)  # the same draws at 7 a week
    assert len(lines) == 4
    assert lines[0].startswith(f"Send 2 more applications a week: about {number(more)} offers a month instead of "
                               f"{number(base)} (likely between ")
    assert lines[1].startswith("Send 20% of your applications through Referral (your interview rate there: 50% (n=10)): "
                               "about ")
    # the two stage levers tie on the raw rates (x1.25 each); either may come first
    assert sorted(line.split(" (")[0] for line in lines[2:]) == [
        "Raise the share of applications that get an interview from 20% to 25%",
        "Raise the share of final interviews that move on from 40% to 50%"]
    gains = [float(line.split("about ")[-1].split(" offers")[0]) for line in lines]
    assert gains == sorted(gains, reverse=True) and min(gains) > float(number(base))


def test_needle_movers_point_at_a_stage_nobody_has_passed():
    # no offer yet: 0 of 5 final interviews moved on
    apps = make_apps(search(offers=0))
    assert needle_movers(build_funnel(apps), build_segments(apps), 5) == [
        "None of your 5 decided final interviews has moved on yet, so no offer can come until one does: "
        "start with final-interview preparation."]
