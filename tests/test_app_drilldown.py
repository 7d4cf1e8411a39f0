"""Drill-down on the Funnel page: the applications behind a chart point, kept across pages, cleared on demand.

AppTest cannot click a chart, so the tests store the selection the way a click does (session
state ``drilldown``: chart id and point names, as ``analysis.charts.drilldown`` reads them).
"""
from __future__ import annotations

from app_harness import no_exception, open_app, table, texts, upload

TRACKER = b"""Company,Role,Date Applied,Status,Source
Acme,Data Analyst,2026-11-02,Rejected after first interview,LinkedIn
Beta,Data Analyst,2026-11-03,Rejected,Referral from Priya
Gamma,BI Developer,2026-11-04,Offer,Recruiter
Delta,Data Analyst,2026-11-10,Final interview,LinkedIn
Epsilon,Analyst,2026-11-11,Applied,LinkedIn
Zeta,Data Engineer,2026-11-16,Second interview,Referral
"""
PANEL = "The applications behind"


def funnel_with_tracker():
    at = open_app()
    upload(at, "tracker.csv", TRACKER)
    no_exception(at)
    return at


def select(at, chart: str, *names: str):
    """What a click on the chart stores, then a rerun."""
    at.session_state["drilldown"] = {"chart": chart, "names": list(names)}
    return at.run()


def listed(at) -> list[str]:
    return table(at, PANEL)["company"].tolist()


def headline(at) -> list[str]:
    return [text for text in texts(at.markdown) if text.startswith("**Showing the")]


def test_a_funnel_stage_lists_the_applications_that_reached_it():
    at = select(funnel_with_tracker(), "funnel", "first_interview")
    no_exception(at)
    assert listed(at) == ["Acme", "Gamma", "Delta", "Zeta"]
    assert headline(at) == ["**Showing the 4 applications that reached First interview**"]
    columns = table(at, PANEL).columns.tolist()
    assert columns == ["company", "role", "applied_on", "outcome", "furthest_stage", "feedback"]
    assert table(at, PANEL)["outcome"].tolist() == ["Rejected", "Offer", "In progress", "In progress"]


def test_each_chart_lists_its_own_applications():
    at = funnel_with_tracker()
    assert listed(select(at, "rejections", "applied")) == ["Beta"]
    assert listed(select(at, "channels", "Referral")) == ["Beta", "Zeta"]
    assert listed(select(at, "trend", "week:2026-11-09")) == ["Delta", "Epsilon"]
    assert listed(select(at, "sankey", "first_interview>rejected")) == ["Acme"]
    assert headline(at) == ["**Showing the 1 application rejected at First interview**"]
    assert len([item for item in at.dataframe if item.proto.alt.startswith(PANEL)]) == 1  # one panel at a time


def test_a_flow_can_be_picked_under_the_flow_diagram():
    at = funnel_with_tracker()
    picker = at.selectbox(key="drilldown_pick_sankey")
    assert picker.value is None
    assert picker.options[:2] == ["Applied → First interview (4)", "Applied → Rejected (1)"]
    picker.set_value("first_interview>rejected").run()
    no_exception(at)
    assert listed(at) == ["Acme"]
    assert at.session_state["drilldown"]["chart"] == "sankey"
    select(at, "channels", "Referral")  # a click on another chart: the picker lets go
    assert at.selectbox(key="drilldown_pick_sankey").value is None and listed(at) == ["Beta", "Zeta"]


def test_clear_empties_the_selection():
    at = select(funnel_with_tracker(), "channels", "LinkedIn")
    assert listed(at) == ["Acme", "Delta", "Epsilon"]
    at.button(key="drilldown_clear").click().run()
    no_exception(at)
    assert not [item for item in at.dataframe if item.proto.alt.startswith(PANEL)]
    assert not headline(at)
    assert "drilldown" not in at.session_state


def test_the_selection_survives_a_visit_to_the_data_page():
    at = select(funnel_with_tracker(), "funnel", "second_interview")
    assert listed(at) == ["Gamma", "Delta", "Zeta"]
    at.switch_page("app_pages/data.py").run()
    no_exception(at)
    assert not [item for item in at.dataframe if item.proto.alt.startswith(PANEL)]
    at.switch_page("app_pages/funnel.py").run()
    no_exception(at)
    assert listed(at) == ["Gamma", "Delta", "Zeta"]


def test_a_new_file_drops_the_selection_of_the_old_one():
    at = funnel_with_tracker()
    ctx = at.session_state["app_context"]
    at.session_state["drilldown"] = {"chart": "channels", "names": ["Referral"], "source": ctx.source.digest}
    at.run()
    assert listed(at) == ["Beta", "Zeta"]
    upload(at, "other.csv", TRACKER.replace(b"Acme", b"Acme Two"))
    no_exception(at)
    assert not headline(at)
