"""Reply delays: medians, dropped negatives, slow and silent companies."""
import json

import pandas as pd
import pytest
from canonical_factory import make_apps

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
