"""Weekly volume, monthly interview rate and the first-half / second-half verdict."""
import datetime as dt
import json

import pytest
from canonical_factory import make_apps, many
from simulated_search import TODAY, SearchSettings, simulated_search, varied_settings

from analysis.funnel.trend import FLAT, IMPROVING, TOO_EARLY, WORSENING, build_trend

LATER = dt.date(2025, 6, 1)
"""A today long after every application of these tables: all are old enough to judge."""


def halves(first_hits: int, second_hits: int, n: int = 10, first_day: str = "2025-01-06", last_day: str = "2025-03-03"):
    """n settled applications on each of two days, with the given interview counts."""
    return make_apps(
        many(first_hits, applied_on=first_day, furthest_stage="first_interview", outcome="rejected")
        + many(n - first_hits, applied_on=first_day, outcome="rejected")
        + many(second_hits, applied_on=last_day, furthest_stage="first_interview", outcome="rejected")
        + many(n - second_hits, applied_on=last_day, outcome="no_response")
    )


def test_weeks_are_iso_and_include_empty_weeks():
    apps = make_apps([{"applied_on": "2024-12-31"}, {"applied_on": "2025-01-02"}, {"applied_on": "2025-01-15"}, {}])
    trend = build_trend(apps, today=LATER)
    assert [(w.week, w.start, w.applications) for w in trend.weeks] == [
        ("2025-W01", dt.date(2024, 12, 30), 2),
        ("2025-W02", dt.date(2025, 1, 6), 0),
        ("2025-W03", dt.date(2025, 1, 13), 1),
    ]
    assert trend.undated == 1


def test_monthly_rate_counts_only_settled_applications():
    apps = make_apps(
        [
            {"applied_on": "2025-01-03", "furthest_stage": "first_interview", "outcome": "rejected"},
            {"applied_on": "2025-01-09", "outcome": "rejected"},
            {"applied_on": "2025-01-10", "outcome": "in_progress"},  # still waiting: not settled
            {"applied_on": "2025-03-02", "outcome": "no_response"},
        ]
    )
    months = build_trend(apps, today=LATER).months
    assert [(m.period, m.applications, m.interview_rate.successes, m.interview_rate.n) for m in months] == [
        ("2025-01", 3, 1, 2),
        ("2025-02", 0, 0, 0),
        ("2025-03", 1, 0, 1),
    ]


def test_improving():
    # 1/10 before the midpoint, 8/10 after: Fisher p = 0.0055
    trend = build_trend(halves(1, 8), today=LATER)
    assert trend.verdict == IMPROVING
    assert (trend.first_half.successes, trend.second_half.successes) == (1, 8)
    assert trend.split_on == dt.date(2025, 2, 3)  # midpoint of 6 Jan - 3 Mar


def test_worsening():
    assert build_trend(halves(8, 1), today=LATER).verdict == WORSENING


def test_flat_when_not_significant():
    trend = build_trend(halves(3, 4), today=LATER)
    assert trend.verdict == FLAT
    assert trend.comparison.direction == "no clear difference"


def test_too_early_when_the_period_is_short():
    assert build_trend(halves(1, 8, first_day="2025-01-06", last_day="2025-01-20"), today=LATER).verdict == TOO_EARLY


def test_too_early_when_a_half_has_too_few_settled():
    assert build_trend(halves(0, 4, n=4), today=LATER).verdict == TOO_EARLY


def test_recent_applications_still_waiting_do_not_count_as_worsening():
    apps = make_apps(
        many(3, applied_on="2025-01-06", furthest_stage="first_interview", outcome="rejected")
        + many(7, applied_on="2025-01-06", outcome="rejected")
        + many(3, applied_on="2025-03-03", furthest_stage="first_interview", outcome="in_progress")
        + many(7, applied_on="2025-03-03", outcome="rejected")
        + many(30, applied_on="2025-03-03", outcome="in_progress")
    )
    trend = build_trend(apps, today=LATER)
    assert trend.second_half.n == 10
    assert trend.verdict == FLAT


def test_no_dates_and_empty():
    for apps in (make_apps([]), make_apps([{}, {}])):
        trend = build_trend(apps, today=LATER)
        assert trend.weeks == () and trend.months == ()
        assert trend.verdict == TOO_EARLY
    json.dumps(build_trend(halves(1, 8), today=LATER).to_dict())


@pytest.mark.parametrize("hits", [(1, 8)])
def test_to_dict(hits):
    data = build_trend(halves(*hits), today=LATER).to_dict()
    assert data["verdict"] == IMPROVING
    assert data["split_on"] == "2025-02-03"
    assert data["weeks"][0] == {"week": "2025-W02", "start": "2025-01-06", "applications": 10}


def test_recent_silence_is_too_early_to_tell_not_a_verdict():
    # 10 judged applications in January; 10 sent 5 days before today, 4 already rejected, 6 waiting
    apps = make_apps(many(2, applied_on="2025-01-06", furthest_stage="first_interview", outcome="rejected")
                     + many(8, applied_on="2025-01-06", outcome="no_response")
                     + many(4, applied_on="2025-05-27", outcome="rejected") + many(6, applied_on="2025-05-27"))
    trend = build_trend(apps, today=LATER, window_days=30)
    assert trend.verdict == TOO_EARLY and trend.young == 10 and trend.second_half.n == 0
    assert trend.sentence == "Too early to tell: 10 applications are younger than 30 days, so they may still get an answer."
    assert trend.to_dict()["verdict"] == TOO_EARLY


def _trend_verdict(settings: SearchSettings, seed: int) -> str:
    return build_trend(simulated_search(settings, seed), today=TODAY, window_days=settings.window_days).verdict


def test_constant_searches_rarely_call_a_trend():
    verdicts = [_trend_verdict(settings, seed) for settings in varied_settings() for seed in range(40)]
    claims = sum(verdict in (IMPROVING, WORSENING) for verdict in verdicts)
    assert claims <= 0.05 * len(verdicts)


def test_a_real_improvement_is_found_in_most_searches():
    settings = SearchSettings(per_day=4, interview=0.05, change_day=60, interview_after=0.15)
    verdicts = [_trend_verdict(settings, seed) for seed in range(30)]
    assert sum(verdict == IMPROVING for verdict in verdicts) > 0.5 * len(verdicts)
