"""The Plan page: published figures with their sources, the what-if sliders, and the two-period comparison."""
from __future__ import annotations

import datetime as dt

import pytest
from app_harness import (
    SAMPLE,
    engine_report,
    metric,
    no_exception,
    open_app,
    table,
    texts,
    upload,
)
from streamlit.testing.v1 import AppTest

from analysis.plan.norms import norms_beside
from analysis.plan.pace import weekly_pace
from analysis.plan.planner import number, what_if
from analysis.plan.published import CANDIDATE_CAVEAT, EMPLOYER_CAVEAT


def open_plan() -> AppTest:
    return open_app("plan")


@pytest.fixture(scope="module")
def report():
    return engine_report(SAMPLE.read_bytes(), SAMPLE.name)


def offers_shown(at: AppTest) -> str:
    return metric(at, "Expected offers a month")


def slider(at: AppTest, label: str):
    """The slider with this label (the first-interview one is keyed by the current rate)."""
    return next(item for item in at.slider if item.label == label)


def test_norms_are_shown_with_source_year_population_and_caveat(report):
    at = open_plan()
    no_exception(at)
    shown = texts(at.markdown)
    captions = " ".join(texts(at.caption))
    comparisons = norms_beside(report.funnel, report.timing, report.feedback)
    assert len(comparisons) == 6  # the sample has reply dates and a feedback column
    for comparison in comparisons:
        assert comparison.reading in shown
        assert f"Source: {comparison.sources} [{comparison.kind}]" in captions
        assert f"Year: {comparison.years}." in captions
        assert comparison.note in captions
    # 33 interviews among the 143 decided applications (7 still wait), as the bottleneck counts them
    assert "Your interview rate, 23% (n=143), is above the 3–8% that employers report across all applicants" in shown[1]
    # plain words first: the same verdict, then what one offer takes (applications_per_offer: 62, at 6.1 a week)
    assert shown[0] == ("Your interview rate is above what employers report for all their applicants (3–8%). "
                        "At your rates so far one offer takes about 62 applications, about 10 weeks at your pace.")
    assert EMPLOYER_CAVEAT in captions and CANDIDATE_CAVEAT in captions  # said once, at the top
    figures = table(at, "Every published figure used")
    assert {"population", "year", "source", "kind"} <= set(figures.columns)


def test_the_projection_follows_the_engine_and_the_sliders(report):
    at = open_plan()
    pace = weekly_pace(report.applications).per_week
    baseline = what_if(report.funnel, pace)
    # the middle of the simulated draws: 0.42 a month, a little under the raw product of the rates (0.44)
    assert offers_shown(at) == number(baseline.offers_per_month) == "0.42"
    assert baseline.low <= baseline.offers_per_month <= baseline.high
    assert f"With your current rates and pace: {baseline.label()}." in " ".join(texts(at.caption))

    slider(at, "First-interview pass-through (%)").set_value(80).run()
    no_exception(at)
    raised = what_if(report.funnel, pace, raise_first_pass_to=0.8)
    assert offers_shown(at) == number(raised.offers_per_month) != "0.42"
    assert f"{raised.label()}." in " ".join(texts(at.caption))

    at.slider(key="plan_extra").set_value(4).run()
    both = what_if(report.funnel, pace, raise_first_pass_to=0.8, extra_per_week=4)
    assert offers_shown(at) == number(both.offers_per_month)
    assert metric(at, "Applications a week") == f"{pace + 4:.1f}"


def test_shifting_to_referrals_uses_the_users_own_referral_rate(report):
    at = open_plan()
    at.selectbox(key="plan_channel").set_value("Referral").run()
    at.slider(key="plan_shift_share").set_value(30).run()
    no_exception(at)
    pace = weekly_pace(report.applications).per_week
    referral = report.segments.channel.get("Referral").interview_rate
    shifted = what_if(report.funnel, pace, shift_share_to_channel=(0.3, referral))
    assert offers_shown(at) == number(shifted.offers_per_month)


def test_too_few_referrals_says_so_and_the_plan_still_shows():
    rows = ["Company,Role,Date applied,Source,Status"]
    rows += [f"C{i},Analyst,2025-0{1 + i % 3}-1{i % 9},{'Referral' if i < 2 else 'LinkedIn'},"
             f"{'Rejected' if i % 2 else 'Interview'}" for i in range(12)]
    at = open_plan()
    upload(at, "small.csv", "\n".join(rows).encode())
    no_exception(at)
    at.selectbox(key="plan_channel").set_value("Referral").run()
    assert "Referral: too few applications to tell its interview rate (n=2)." in texts(at.caption)
    assert not [slider for slider in at.slider if slider.key == "plan_shift_share"]


def test_the_two_period_comparison_follows_the_date(report):
    at = open_plan()
    chooser = next(item for item in at.date_input if item.label == "The change happened on")
    first, last = report.period
    assert chooser.value == first + (last - first) / 2
    chooser.set_value(dt.date(2026, 8, 15)).run()
    no_exception(at)
    expected = report.compare_periods(dt.date(2026, 8, 15))  # as the page judges it: as of the report's today
    assert expected.headline in texts(at.markdown)
    rates = table(at, "Funnel rates before and after")
    assert list(rates["rate"]) == [change.label for change in expected.rates]
    assert table(at, "Channel mix").shape[0] == 2 * len(expected.channels)
    assert table(at, "Feedback themes").shape[0] == len(expected.themes)
