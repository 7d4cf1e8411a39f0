"""Drill-down: each chart's point names map back to exactly the applications behind the point."""
import pandas as pd
import pytest
from canonical_factory import make_apps

from analysis.charts import figures as charts
from analysis.charts.drilldown import (
    applications_for,
    applications_for_points,
    describe,
    flow_name,
    node_id,
    point_name,
)
from analysis.feedback.summary import summarise_feedback
from analysis.funnel.sankey import Flow, build_flows
from analysis.funnel.segments import build_segments
from analysis.funnel.stages import build_funnel
from analysis.funnel.trend import build_trend


def search() -> pd.DataFrame:
    """Ten applications, one company each, with hand-placed stages, outcomes, channels and dates."""
    apps = make_apps([
        {"company": "A", "applied_on": "2025-01-06", "outcome": "no_response", "outcome_inferred": True},
        {"company": "B", "applied_on": "2025-01-12", "outcome": "rejected", "channel": "Job board",
         "feedback": "We went with candidates with more experience."},
        {"company": "C", "applied_on": "2025-01-13", "furthest_stage": "first_interview", "outcome": "rejected",
         "channel": "Referral", "feedback": "You need more experience with SQL."},
        {"company": "D", "applied_on": "2025-01-20", "furthest_stage": "first_interview", "outcome": "withdrawn"},
        {"company": "E", "applied_on": "2025-02-03", "furthest_stage": "second_interview", "outcome": "rejected",
         "channel": "Referral", "feedback": "Great communication, but not enough experience."},
        {"company": "F", "applied_on": "2025-02-04", "furthest_stage": "final_interview", "outcome": "in_progress"},
        {"company": "G", "applied_on": "2025-02-28", "furthest_stage": "offer", "outcome": "offer",
         "channel": "Recruiter", "feedback": "Your communication was excellent."},
        {"company": "H", "applied_on": "2025-03-01", "outcome": "offer", "channel": "Recruiter"},  # offer implies every stage
        {"company": "I", "applied_on": "2025-03-03", "furthest_stage": "offer", "outcome": "withdrawn"},  # declined
        {"company": "J", "applied_on": None, "outcome": "in_progress"},
    ])
    apps.loc[1, "applied_on"] = pd.Timestamp("2025-01-12 23:30")  # Sunday night: still the week of 6 January
    return apps


def companies(rows: pd.DataFrame) -> list[str]:
    return rows["company"].tolist()


@pytest.mark.parametrize(("chart_id", "name", "expected"), [
    ("funnel", "applied", list("ABCDEFGHIJ")),
    ("funnel", "first_interview", list("CDEFGHI")),
    ("funnel", "second_interview", list("EFGHI")),
    ("funnel", "final_interview", list("FGHI")),
    ("funnel", "offer", list("GHI")),
    ("rejections", "applied", ["B"]),
    ("rejections", "first_interview", ["C"]),
    ("rejections", "second_interview", ["E"]),
    ("rejections", "final_interview", []),
    ("sankey", "applied>first_interview", list("CDEFGHI")),
    ("sankey", "first_interview>second_interview", list("EFGHI")),
    ("sankey", "applied>no_response", ["A"]),
    ("sankey", "applied>rejected", ["B"]),
    ("sankey", "applied>in_progress", ["J"]),
    ("sankey", "first_interview>withdrawn", ["D"]),
    ("sankey", "final_interview>in_progress", ["F"]),
    ("sankey", "offer>withdrawn", ["I"]),
    ("sankey", "rejected", list("BCE")),  # a node: every rejection
    ("sankey", "second_interview", list("EFGHI")),
    ("channels", "LinkedIn", list("ADFIJ")),
    ("channels", "Referral", ["C", "E"]),
    ("channels", "Recruiter", ["G", "H"]),
    ("channels", "Company site", []),
    ("trend", "week:2025-01-06", ["A", "B"]),  # Monday to Sunday night 23:30
    ("trend", "week:2025-01-13", ["C"]),
    ("trend", "week:2025-01-15", ["C"]),  # any day of the week names the week
    ("trend", "month:2025-02", ["E", "F", "G"]),
    ("trend", "month:2025-03", ["H", "I"]),
    ("trend", "month:2024-12", []),
    ("trend", "week:not-a-date", []),
    ("nonsense", "applied", []),
])
def test_each_chart_point_maps_to_exact_rows(chart_id, name, expected):
    apps = search()
    assert companies(applications_for(apps, chart_id, {"customdata": name})) == expected


def test_theme_bars_map_to_the_feedback_that_names_them():
    apps = search()
    feedback = summarise_feedback(apps)
    assert companies(applications_for(apps, "themes", {"customdata": "experience"}, feedback=feedback)) == ["B", "C", "E"]
    assert companies(applications_for(apps, "themes", {"customdata": "experience/first_interview"},
                                      feedback=feedback)) == ["C"]
    assert companies(applications_for(apps, "strengths", {"customdata": "communication"}, feedback=feedback)) == ["E", "G"]
    with pytest.raises(ValueError, match="feedback summary"):
        applications_for(apps, "themes", {"customdata": "experience"})


def test_point_names_come_from_customdata_or_its_last_element():
    assert point_name({"customdata": "first_interview"}) == "first_interview"
    assert point_name({"customdata": [12.5, 40.0, "Referral"]}) == "Referral"  # a rate bar keeps its interval first
    assert point_name({"x": 3}) is None and point_name({"customdata": []}) is None
    apps = search()
    assert applications_for(apps, "funnel", {"x": 1}).empty
    both = [{"customdata": [0, 1, "Referral"]}, {"customdata": [0, 1, "Recruiter"]}, {"customdata": [0, 1, "Referral"]}]
    assert companies(applications_for_points(apps, "channels", both)) == ["C", "E", "G", "H"]


def test_the_input_table_is_not_modified():
    apps = search()
    before = apps.copy()
    applications_for(apps, "trend", {"customdata": "week:2025-01-06"})
    applications_for(apps, "sankey", {"customdata": "offer>withdrawn"})
    pd.testing.assert_frame_equal(apps, before)


def test_the_charts_points_name_what_they_count():
    """Every point of every selectable chart selects as many applications as the point shows."""
    apps = search()
    funnel = build_funnel(apps)
    figure = charts.funnel_chart(funnel).figure
    trace = figure.data[0]
    assert list(trace.customdata) == ["applied", "first_interview", "second_interview", "final_interview", "offer"]
    for name, value in zip(trace.customdata, trace.x):
        assert len(applications_for(apps, "funnel", {"customdata": name})) == value

    rejections = charts.rejection_rate_chart(funnel).figure.data[0]
    for data, stage in zip(rejections.customdata, funnel.stages):
        assert len(applications_for(apps, "rejections", {"customdata": list(data)})) == stage.ended["rejected"]
        assert data[-1] == stage.stage

    flows = build_flows(apps)
    sankey = charts.sankey_chart(flows).figure.data[0]
    assert len(sankey.link.customdata) == len(flows)
    for name, value in zip(sankey.link.customdata, sankey.link.value):
        assert len(applications_for(apps, "sankey", {"customdata": name})) == value, name
    assert set(sankey.node.customdata) >= {"applied", "offer", "rejected", "no_response"}

    segments = build_segments(apps)
    channels = charts.channel_chart(segments).figure.data[0]
    for data, segment in zip(channels.customdata, segments.channel.segments):
        assert data[-1] == segment.name
        assert len(applications_for(apps, "channels", {"customdata": list(data)})) == segment.applications

    trend = build_trend(apps)
    bars, line = charts.weekly_trend_chart(trend).figure.data
    for name, value in zip(bars.customdata, bars.y):
        assert len(applications_for(apps, "trend", {"customdata": name})) == value, name
    months = {month.period: month.applications for month in trend.months}
    for name in line.customdata:
        assert len(applications_for(apps, "trend", {"customdata": name})) == months[name.removeprefix("month:")]


def test_sankey_names_and_sentences():
    assert node_id("Applied") == "applied" and node_id("Offer") == "offer" and node_id("No response") == "no_response"
    assert flow_name(Flow("First interview", "Rejected", 12)) == "first_interview>rejected"
    assert describe("sankey", ["first_interview>rejected"], 12) == "Showing the 12 applications rejected at First interview"
    assert describe("funnel", ["first_interview"], 1) == "Showing the 1 application that reached First interview"
    assert describe("rejections", ["applied"], 3) == "Showing the 3 applications rejected before any interview"
    assert describe("channels", ["Referral", "Recruiter"], 4) == ("Showing the 4 applications sent through Referral "
                                                                  "or sent through Recruiter")
    assert describe("trend", ["week:2025-01-06"], 2) == "Showing the 2 applications sent in the week of 06 Jan 2025"
    assert describe("trend", ["month:2025-02"], 3) == "Showing the 3 applications sent in February 2025"
    assert describe("themes", ["experience"], 3) == "Showing the 3 applications whose feedback names experience"
