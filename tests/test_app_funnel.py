"""The Funnel page shows the engine's numbers and findings, follows the filters, and handles thin data."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from app_harness import (
    SAMPLE,
    TODAY,
    engine_report,
    no_exception,
    open_app,
    shown,
    texts,
    titles,
    upload,
)

from analysis.charts import figures as charts
from analysis.normalize.loading import LoadSettings, load
from analysis.report import build_report
from ui.filters import Filters, apply_filters

RATES = {
    "Response rate": "response_rate",
    "Interview rate": "interview_rate",
    "Offer rate": "offer_rate",
    "No response": "no_response_rate",
}


def sample_report(filters: Filters | None = None):
    filters = filters or Filters()
    loaded = load(SAMPLE.read_bytes(), SAMPLE.name, LoadSettings(today=TODAY))
    return build_report(loaded, TODAY, applications=apply_filters(loaded.applications, filters))


def engine_charts(report):
    return [
        charts.funnel_chart(report.funnel),
        charts.rejection_rate_chart(report.funnel),
        charts.sankey_chart(report.flows),
        charts.channel_chart(report.segments),
        charts.response_time_chart(report.timing),
        charts.weekly_trend_chart(report.trend),
    ]


def assert_shows(at, report):
    """The headline metrics are the engine's, each rate as "34% (n=50)"."""
    overview = report.funnel.overview
    assert shown(at, "Applications").split(" (of ")[0] == str(overview.applications)
    for label, name in RATES.items():
        assert shown(at, label) == getattr(overview, name).label(), label


def test_the_sample_opens_with_the_engines_numbers_and_findings():
    at = open_app()
    no_exception(at)
    report = sample_report()
    assert shown(at, "Applications") == "150"
    assert shown(at, "Interview rate") == "22% (n=150)"
    assert_shows(at, report)

    # 2 of 8 final interviews moved on (95% interval 7-59%) against 42% (26-59%) at the first: too close to name
    assert titles(at.warning) == []
    assert "Bottleneck: no clear one yet" in titles(at.info)
    assert report.funnel.bottleneck_verdict.sentence in texts(at.info)
    assert report.funnel.bottleneck_verdict.sentence.startswith(
        "No clear bottleneck yet: 2 of 8 decided final interviews moved on (likely between 7% and 59%)")

    made = engine_charts(report)
    headings = texts(at.subheader)
    captions = " ".join(texts(at.caption))
    for chart in made:
        assert chart.figure is not None
        assert chart.title in headings
        assert chart.caption in captions
    assert len(at.get("plotly_chart")) == len(made)
    assert "Flows for SankeyMATIC (text)" in [button.label for button in at.get("download_button")]


def test_a_channel_filter_changes_the_numbers():
    at = open_app()
    at.multiselect(key="filter_channels").select("Referral").run()
    no_exception(at)
    report = sample_report(Filters(channels=("Referral",)))
    assert 0 < report.funnel.applications < 150
    assert_shows(at, report)
    assert shown(at, "Applications") == f"{report.funnel.applications} (of 150)"
    assert f"Showing {report.funnel.applications} of 150 applications." in texts(at.sidebar.caption)

    at.button(key="clear_filters").click().run()
    assert shown(at, "Applications") == "150"


def test_role_and_date_filters_combine():
    at = open_app()
    at.text_input(key="filter_role").input("engineer").run()
    at.date_input(key="filter_dates").set_value((dt.date(2026, 8, 1), dt.date(2026, 11, 13))).run()
    no_exception(at)
    report = sample_report(Filters(start=dt.date(2026, 8, 1), role="engineer"))
    assert 0 < report.funnel.applications < 150
    assert_shows(at, report)


def test_a_filter_that_matches_nothing_says_so():
    at = open_app()
    at.text_input(key="filter_role").input("astronaut").run()
    no_exception(at)
    assert any("No application matches the filters" in text for text in texts(at.info))
    assert not at.metric and not at.get("plotly_chart")


def csv(rows: list[str], header: str = "Company,Role,Source,Date Applied,Status,Response Date") -> bytes:
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def test_a_search_with_no_interviews_yet_says_how_many_would_tell():
    rows = [f"Firm {i},Data Analyst,LinkedIn,2026-09-{i + 1:02d},Rejected,2026-09-{i + 10:02d}" for i in range(6)]
    rows += [f"Quiet {i},Data Analyst,Indeed,2026-09-{i + 1:02d},No response," for i in range(6)]
    data = csv(rows)
    at = open_app()
    upload(at, "no_interviews.csv", data)
    no_exception(at)
    report = engine_report(data, "no_interviews.csv")
    assert shown(at, "Interview rate") == "0% (n=12)"
    assert_shows(at, report)
    # 0 of 12 reached an interview: the interval (0-24%) still reaches the published 8%; at 0 of n its top is
    # 3.84 / (n + 3.84), below 8% from n = 45
    assert titles(at.warning) == [] and "Bottleneck: no clear one yet" in titles(at.info)
    assert report.funnel.bottleneck_verdict.sentence.endswith("about 45 decided applications would tell.")
    for chart in engine_charts(report):
        assert chart.title in texts(at.subheader)


def test_a_single_application_says_too_few_instead_of_drawing():
    data = csv(["Acme,Data Analyst,LinkedIn,2026-09-01,Rejected,2026-09-12"])
    at = open_app()
    upload(at, "one.csv", data)
    no_exception(at)
    assert shown(at, "Applications") == "1"
    assert shown(at, "Interview rate") == "too few to tell (n=1)"
    report = engine_report(data, "one.csv")
    made = engine_charts(report)
    empty = [chart for chart in made if chart.figure is None]
    assert empty, "the engine draws nothing for one application"
    for chart in empty:  # shown as a message, never as an empty chart
        assert chart.title in texts(at.subheader)
        assert chart.caption in texts(at.info)
    assert len(at.get("plotly_chart")) == len(made) - len(empty)


def test_a_linkedin_export_warns_that_outcomes_are_unknown():
    rows = [f'"{month}/{day}/26, 11:39 PM",[redacted],Company {month}{day},Engineer,http://example.com/{day}'
            for month in (9, 10) for day in range(1, 9)]
    data = csv(rows, header="Application Date,Contact Email,Company Name,Job Title,Job Url")
    at = open_app()
    upload(at, "Job Applications.csv", data)
    no_exception(at)
    assert shown(at, "Applications") == "16"
    assert [item.label for item in at.metric] == ["Applications"]
    assert any("outcomes are unknown" in text for text in texts(at.warning))
    assert "Outcomes unknown" in titles(at.info)
    trend = charts.weekly_trend_chart(engine_report(data, "Job Applications.csv").trend)
    assert trend.title in texts(at.subheader)
    assert len(at.get("plotly_chart")) == 1


def test_the_funnel_page_draws_the_reply_curve():
    at = open_app()
    no_exception(at)
    survival = sample_report().timing.survival
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    curve = next(spec for spec in specs if any(trace.get("name") == "all applications" for trace in spec["data"]))
    line = next(trace for trace in curve["data"] if trace.get("name") == "all applications")
    assert line["line"]["shape"] == "hv"
    # the curve from 0 through each day a reply came: the engine's Kaplan-Meier estimate
    assert line["x"][1:-1] == list(survival.overall.days)
    assert line["y"][1:-1] == pytest.approx(list(survival.overall.replied))
    # as of the harness's today, 67 of the 150 sample applications have no reply: the median is 29 days
    # (the 83 replies alone would say 16)
    assert "Half of your applications had a reply within 29 days" in texts(at.subheader)
    assert survival.sentence in texts(at.caption)
