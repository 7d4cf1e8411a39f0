"""Two periods split at a date: rates side by side, Fisher's test, channels and feedback themes."""
from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from canonical_factory import make_apps, many
from simulated_search import TODAY, SearchSettings, simulated_search, varied_settings

from analysis.cli import main
from analysis.plan.periods import CHANGED, TOO_EARLY, compare_periods

SPLIT = dt.date(2025, 2, 1)
LATER = dt.date(2025, 6, 1)
"""A today long after every application of these tables: all are old enough to judge."""


def period(day: str, interviews: int, n: int, **fields) -> list[dict]:
    """n settled applications sent on ``day``, ``interviews`` of them reaching a first interview."""
    return (many(interviews, applied_on=day, furthest_stage="first_interview", outcome="rejected", **fields)
            + many(n - interviews, applied_on=day, outcome="rejected", **fields))


def fisher_two_sided(a: int, n_a: int, b: int, n_b: int) -> float:
    """Fisher's exact test by brute force over every table with the same margins."""
    hits, total = a + b, n_a + n_b

    def p(x: int) -> float:
        return math.comb(hits, x) * math.comb(total - hits, n_a - x) / math.comb(total, n_a)

    observed = p(a)
    return sum(p(x) for x in range(max(0, hits - n_b), min(hits, n_a) + 1) if p(x) <= observed * (1 + 1e-7))


def test_a_real_change_is_more_than_noise():
    # 2 of 20 before the split, 12 of 20 after
    comparison = compare_periods(make_apps(period("2025-01-10", 2, 20) + period("2025-03-10", 12, 20)), SPLIT, today=LATER)
    assert comparison.problem is None
    assert (comparison.before.applications, comparison.after.applications) == (20, 20)
    interview = next(change for change in comparison.rates if change.metric == "applied")
    assert (interview.before.successes, interview.before.n, interview.after.successes, interview.after.n) == (2, 20, 12, 20)
    assert interview.verdict == "better"
    assert math.isclose(interview.comparison.p_value, fisher_two_sided(12, 20, 2, 20), rel_tol=1e-9)
    assert interview.comparison.p_value < 0.05
    # Wilson: 2/20 -> 2.8-30.1%, 12/20 -> 38.7-78.1%; Fisher p = 0.0022. Four rates are tested: response
    # (20/20 both sides, p=1), interview (p=0.0022), LinkedIn's share (100% both, p=1) and LinkedIn's interview
    # rate (the same as the interview rate). Benjamini-Hochberg: the two smallest get q = 0.0022 * 4 / 2 = 0.0044.
    assert interview.comparison.q_value == pytest.approx(interview.comparison.p_value * 2)
    assert comparison.verdict == "changed"
    assert comparison.headline == comparison.sentence == interview.sentence == (
        "Interview rate: 10% (n=20, 95% CI 3–30%) before 1 February 2025, 60% (n=20, 95% CI 39–78%) since — "
        "up, more than noise (Fisher's exact test p=0.002; 0.004 allowing for the 4 rates compared).")


def test_a_small_change_could_be_noise():
    # 4 of 20 before, 6 of 20 after: p = 0.72
    comparison = compare_periods(make_apps(period("2025-01-10", 4, 20) + period("2025-03-10", 6, 20)), SPLIT, today=LATER)
    interview = comparison.rates[1]
    assert interview.verdict == "no clear difference"
    assert math.isclose(interview.comparison.p_value, fisher_two_sided(6, 20, 4, 20), rel_tol=1e-9)
    assert "up, but it could be noise" in comparison.headline


def test_rates_count_only_applications_with_an_answer_and_undated_ones_are_left_out():
    apps = make_apps(period("2025-01-10", 2, 20) + period("2025-03-10", 12, 20)
                     + many(5, applied_on="2025-03-20")  # still waiting at the applied stage
                     + many(2, outcome="rejected"))  # undated
    comparison = compare_periods(apps, SPLIT, today=LATER)
    assert comparison.undated == 2
    assert comparison.after.applications == 25
    response, interview = comparison.rates[:2]
    assert (interview.after.successes, interview.after.n) == (12, 20)
    assert (response.label, response.after.successes, response.after.n) == ("Response rate", 20, 20)
    assert [change.label for change in comparison.rates] == [
        "Response rate", "Interview rate", "First interview → next round", "Second interview → next round",
        "Final interview → offer"]
    assert comparison.rates[2].verdict == "too few"  # 2 first interviews before the split


def test_channel_mix_and_channel_rates():
    before = period("2025-01-10", 2, 20, source="LinkedIn", channel="LinkedIn")
    after = (period("2025-03-10", 6, 10, source="Referral", channel="Referral")
             + period("2025-03-10", 1, 10, source="LinkedIn", channel="LinkedIn"))
    comparison = compare_periods(make_apps(before + after), SPLIT, today=LATER)
    assert [change.channel for change in comparison.channels] == ["LinkedIn", "Referral"]
    linkedin, referral = comparison.channels
    assert (linkedin.share.before.value, linkedin.share.after.value, linkedin.share.verdict) == (1.0, 0.5, "worse")
    assert (referral.share.before.successes, referral.share.after.successes, referral.share.verdict) == (0, 10, "better")
    assert (linkedin.interview_rate.before.value, linkedin.interview_rate.after.value) == (0.1, 0.1)
    assert referral.interview_rate.verdict == "too few"  # no Referral application before
    assert referral.share.label == "Referral share of applications"


def test_feedback_themes_of_each_period():
    # before: 6 texts, 5 about experience; after: 6 texts, 1 about experience, 5 about a filled role
    experience, filled = "Not enough experience for this role.", "The position was filled internally."
    before = many(5, applied_on="2025-01-10", outcome="rejected", feedback=experience) + \
        many(1, applied_on="2025-01-10", outcome="rejected", feedback=filled)
    after = many(1, applied_on="2025-03-10", outcome="rejected", feedback=experience) + \
        many(5, applied_on="2025-03-10", outcome="rejected", feedback=filled) + \
        many(3, applied_on="2025-03-10", outcome="rejected")  # no feedback: not in the shares
    comparison = compare_periods(make_apps(before + after), SPLIT, today=LATER)
    themes = {change.metric: change for change in comparison.themes}
    assert set(themes) == {"theme:experience", "theme:role_closed"}
    assert (themes["theme:experience"].before.successes, themes["theme:experience"].before.n) == (5, 6)
    assert (themes["theme:experience"].after.successes, themes["theme:experience"].after.n) == (1, 6)
    assert themes["theme:experience"].label == "Experience"
    # 5/6 vs 1/6: Fisher p = 0.08, not enough to call it
    assert themes["theme:experience"].verdict == "no clear difference"


def test_no_feedback_no_themes():
    comparison = compare_periods(make_apps(period("2025-01-10", 2, 20) + period("2025-03-10", 12, 20)), SPLIT, today=LATER)
    assert comparison.themes == ()


def test_a_split_outside_the_search_is_a_problem_not_an_error():
    apps = make_apps(period("2025-01-10", 2, 20) + period("2025-03-10", 12, 20))
    assert compare_periods(apps, dt.date(2024, 1, 1), today=LATER).problem == (
        "No application was sent before 1 January 2024: pick a date inside your search.")
    assert compare_periods(apps, dt.date(2026, 1, 1), today=LATER).problem.startswith("No application was sent on or after")
    assert compare_periods(make_apps(many(5)), SPLIT, today=LATER).problem == (
        "No application has a date, so there are no periods to compare.")
    assert compare_periods(apps, dt.date(2024, 1, 1), today=LATER).headline == compare_periods(apps, dt.date(2024, 1, 1), today=LATER).problem


def test_input_is_not_modified():
    apps = make_apps(period("2025-01-10", 2, 20) + period("2025-03-10", 12, 20))
    copy = apps.copy()
    compare_periods(apps, SPLIT, today=LATER)
    assert apps.equals(copy)


def test_a_period_younger_than_the_window_is_too_early_to_tell():
    # 20 applications sent 10 days before today, 18 rejected and 2 waiting: judged on replies alone
    # the second period would read "response 100%"; none has had 30 days to answer.
    apps = make_apps(period("2025-01-10", 2, 20) + many(18, applied_on="2025-05-22", outcome="rejected")
                     + many(2, applied_on="2025-05-22"))
    comparison = compare_periods(apps, dt.date(2025, 5, 1), today=LATER, window_days=30)
    assert comparison.verdict == TOO_EARLY and comparison.young == 20
    assert comparison.sentence == ("Too early to tell: 20 applications are younger than 30 days, "
                                   "so they may still get an answer.")
    assert comparison.rates[0].after.n == 0
    data = comparison.to_dict()
    assert (data["verdict"], data["young"], data["rates"][0]["direction"]) == (TOO_EARLY, 20, "too few")


def _claims_a_change(settings: SearchSettings, seed: int, days_back: int) -> bool:
    comparison = compare_periods(simulated_search(settings, seed), TODAY - dt.timedelta(days=days_back),
                                 today=TODAY, window_days=settings.window_days)
    return comparison.verdict == CHANGED


def test_constant_searches_rarely_claim_a_change_before_and_after():
    # Searches whose rates never change, split 30 days before today (the case) and halfway:
    # every rate shown (funnel, channel mix and channel rates) is judged together.
    runs = [_claims_a_change(settings, seed, days_back)
            for settings in varied_settings() for seed in range(16) for days_back in (30, settings.days // 2)]
    assert len(runs) == 160
    assert sum(runs) <= 0.05 * len(runs)


def test_a_real_change_is_found_in_most_searches():
    # 4 applications a day for 120 days; the interview rate goes from 5% to 15% halfway, on the split day
    settings = SearchSettings(per_day=4, interview=0.05, change_day=60, interview_after=0.15)
    found = [_claims_a_change(settings, seed, 60) for seed in range(30)]
    assert sum(found) > 0.5 * len(found)


def test_the_json_report_carries_the_comparison_of_the_plan_page(tmp_path, capsys):
    rows = ["Company,Role,Date applied,Status,Stage"]
    rows += [f"A{i},Analyst,2025-01-10,Rejected,{'Phone screen' if i < 2 else ''}" for i in range(20)]
    rows += [f"B{i},Analyst,2025-03-10,Rejected,{'Phone screen' if i < 12 else ''}" for i in range(20)]
    tracker = tmp_path / "tracker.csv"
    tracker.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["report", str(tracker), "--today", "2025-06-01", "--compare-at", "2025-02-01", "--quiet"]) == 0
    data = json.loads(capsys.readouterr().out)
    comparison = data["comparison"]
    assert comparison["split_on"] == "2025-02-01" and comparison["verdict"] == CHANGED
    interview = next(rate for rate in comparison["rates"] if rate["metric"] == "applied")
    assert (interview["before"]["successes"], interview["before"]["n"]) == (2, 20)
    assert (interview["after"]["successes"], interview["after"]["n"]) == (12, 20)
    assert interview["direction"] == "better"
    assert data["trend"]["verdict"] == "improving" and data["trend"]["young"] == 0
    assert main(["report", str(tracker), "--today", "2025-06-01", "--quiet"]) == 0
    assert "comparison" not in json.loads(capsys.readouterr().out)
