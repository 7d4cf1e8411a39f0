"""Reply delays: medians, dropped negatives, slow and silent companies."""
import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest
from canonical_factory import make_apps
from scipy import stats

from analysis.core.reply_curve import reply_curve
from analysis.funnel.timing import build_timing


def table() -> pd.DataFrame:
    return make_apps(
        [
            # Slowco: 30 and 40 days -> median 35
            {"company": "Slowco", "applied_on": "2025-01-01", "responded_on": "2025-01-31", "outcome": "rejected"},
            {"company": "Slowco", "applied_on": "2025-01-01", "responded_on": "2025-02-10", "outcome": "rejected"},
            # Quick: 2 days, first interview, referral
            {"company": "Quick", "applied_on": "2025-01-05", "responded_on": "2025-01-07", "furthest_stage": "first_interview",
             "outcome": "in_progress", "channel": "Referral"},
            # Middling: 10 days, no response stated late
            {"company": "Middling", "applied_on": "2025-01-10", "responded_on": "2025-01-20", "outcome": "rejected"},
            # Typo: reply before application -> dropped and counted
            {"company": "Typo", "applied_on": "2025-03-01", "responded_on": "2025-02-01", "outcome": "rejected"},
            # Silent companies: every application no_response, no reply date
            {"company": "Ghost", "applied_on": "2025-01-02", "outcome": "no_response", "outcome_inferred": True},
            {"company": "ghost ", "applied_on": "2025-01-03", "outcome": "no_response"},
            {"company": "Echo", "outcome": "no_response"},
            # Mixed: one no response, one rejection -> not silent
            {"company": "Mixed", "outcome": "no_response"},
            {"company": "Mixed", "outcome": "rejected"},
        ]
    )


def test_medians_by_hand():
    timing = build_timing(table())
    # measured days: 30, 40, 2, 10 -> median (10 + 30) / 2 = 20
    assert timing.measured == 4
    assert timing.median_days == 20
    assert sorted(timing.days) == [2, 10, 30, 40]
    assert timing.by_outcome["rejected"].n == 3 and timing.by_outcome["rejected"].median_days == 30
    assert timing.by_outcome["in_progress"].median_days == 2
    assert list(timing.by_outcome) == ["in_progress", "rejected"]  # OUTCOMES order
    assert timing.by_stage["applied"].median_days == 30
    assert timing.by_stage["first_interview"].median_days == 2
    assert timing.by_channel["LinkedIn"].median_days == 30 and timing.by_channel["Referral"].n == 1


def test_negative_delays_are_dropped_and_counted():
    timing = build_timing(table())
    assert timing.negative_dropped == 1
    assert timing.unmeasured == 5


def test_slow_companies():
    timing = build_timing(table())
    assert [(c.company, c.replies, c.median_days) for c in timing.slow_companies] == [("Slowco", 2, 35.0)]
    stricter = build_timing(table(), slow_after_days=5)
    assert [c.company for c in stricter.slow_companies] == ["Slowco", "Middling"]


def test_silent_companies_are_those_that_never_answered():
    timing = build_timing(table())
    # "Ghost" and "ghost " are one company; most applications first
    assert [(c.company, c.applications) for c in timing.silent_companies] == [("Ghost", 2), ("Echo", 1)]


def test_no_dates():
    timing = build_timing(make_apps([{"outcome": "rejected"}, {}]))
    assert timing.measured == 0 and timing.median_days is None
    assert timing.by_outcome == {} and timing.slow_companies == ()
    assert json.loads(json.dumps(timing.to_dict()))["median_days"] is None


def test_empty_and_unmodified():
    assert build_timing(make_apps([])).measured == 0
    apps = table()
    before = apps.copy(deep=True)
    build_timing(apps)
    pd.testing.assert_frame_equal(apps, before)


@pytest.mark.parametrize("same_day", ["2025-01-01"])
def test_same_day_reply_is_zero_days(same_day):
    timing = build_timing(make_apps([{"applied_on": same_day, "responded_on": same_day, "outcome": "rejected"}]))
    assert timing.days == (0,) and timing.median_days == 0


def survival_table() -> pd.DataFrame:
    """Seven applications as of 11 January 2025: replies after 2, 3, 5 and 8 days; three still waiting,
    sent 3, 4 and 10 days before today."""
    rows = [{"applied_on": "2025-01-01", "responded_on": f"2025-01-{1 + days:02d}", "outcome": "rejected"}
            for days in (2, 3, 5, 8)]
    rows += [{"applied_on": day} for day in ("2025-01-08", "2025-01-07", "2025-01-01")]
    return make_apps(rows)


def test_kaplan_meier_by_hand():
    # At risk on day 2: 7, one reply -> 6/7 still waiting. Day 3: 6 at risk (the wait censored on day 3
    # still counts), one reply -> 6/7 * 5/6 = 5/7. Day 5: 3 at risk (days 5, 8, 10) -> 5/7 * 2/3 = 10/21,
    # below one half: the median is 5 days. Day 8: 2 at risk -> 10/21 * 1/2 = 5/21.
    # The replies alone would give a median of (3 + 5) / 2 = 4 days.
    timing = build_timing(survival_table(), today=dt.date(2025, 1, 11))
    curve = timing.survival.overall
    assert (curve.applications, curve.replies) == (7, 4)
    assert curve.days == (2, 3, 5, 8)
    assert curve.replied == pytest.approx((1 / 7, 2 / 7, 11 / 21, 16 / 21))
    assert curve.median_days == 5 and timing.median_days == 4
    assert curve.replied_within(4).value == pytest.approx(2 / 7)
    assert curve.replied_within(14).value is None  # nobody has been followed for 14 days


def test_kaplan_meier_matches_scipy():
    rng = np.random.default_rng(3)
    replies, waits = rng.integers(0, 40, 60), rng.integers(0, 60, 20)
    curve = reply_curve(replies, waits)
    estimate = stats.ecdf(stats.CensoredData(uncensored=replies, right=waits)).sf
    for day in (5, 14, 30):
        assert curve.replied_within(day).value == pytest.approx(1 - estimate.evaluate(day))
    waiting = estimate.probabilities
    assert curve.median_days == estimate.quantiles[np.flatnonzero(waiting <= 0.5)[0]]
    assert curve.median_low <= curve.median_days <= curve.median_high


def test_the_median_is_not_reached_while_most_still_wait():
    # 3 replies after 5 days among 40 applications sent 60 days ago: 7.5% replied, then nothing
    rows = [{"applied_on": "2025-01-01", "responded_on": "2025-01-06", "outcome": "rejected"}] * 3
    rows += [{"applied_on": "2025-01-01", "outcome": "no_response"}] * 37
    survival = build_timing(make_apps(rows), today=dt.date(2025, 3, 2)).survival
    assert survival.overall.median_days is None
    assert survival.overall.too_few  # 3 replies
    rows = [{"applied_on": "2025-01-01", "responded_on": "2025-01-06", "outcome": "rejected"}] * 8
    rows += [{"applied_on": "2025-01-01", "outcome": "no_response"}] * 32
    survival = build_timing(make_apps(rows), today=dt.date(2025, 3, 2)).survival
    assert survival.overall.median_days is None
    assert survival.sentence == ("Fewer than half of your applications have had a reply: 20% within 14 days and "
                                 "20% within 30 days, counting the 32 still waiting or never answered.")


def test_survival_in_the_report_json():
    timing = build_timing(survival_table(), today=dt.date(2025, 1, 11))
    data = json.loads(json.dumps(timing.to_dict()))["survival"]
    assert data["median_days"] == 5 and data["replies"] == 4 and len(data["ci95"]) == 2
    assert data["replied_within"] == {"14": None, "30": None}
    assert data["by_channel"]["LinkedIn"]["median_days"] == 5
    wider = build_timing(survival_table(), today=dt.date(2025, 2, 11)).to_dict()["survival"]
    # a month later the three waits are censored at 34, 35 and 41 days: 4 of 7 replied within 14 and 30 days
    assert wider["replied_within"] == {"14": pytest.approx(4 / 7), "30": pytest.approx(4 / 7)}


def test_replies_without_a_date_are_left_out_and_counted():
    apps = make_apps([{"applied_on": "2025-01-01", "outcome": "rejected"},
                      {"applied_on": "2025-01-01", "responded_on": "2025-01-03", "outcome": "rejected"}])
    survival = build_timing(apps, today=dt.date(2025, 2, 1)).survival
    assert survival.undated_replies == 1 and survival.overall.applications == 1
