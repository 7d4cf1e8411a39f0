"""Flows between stages and endings, and their SankeyMATIC text."""
from canonical_factory import make_apps, many

from analysis.core.palette import OUTCOME_COLORS
from analysis.funnel.sankey import Flow, build_flows, to_sankeymatic
from analysis.normalize.statuses import interpret_status


def table():
    return make_apps(
        many(5, outcome="rejected")
        + many(4, outcome="no_response")
        + many(1, outcome="in_progress")
        + many(1, furthest_stage="first_interview", outcome="withdrawn")
        + many(1, furthest_stage="final_interview", outcome="rejected")  # skipped first and second
        + many(1, furthest_stage="applied", outcome="offer")  # offer without interview rows
    )


def test_flows_by_hand():
    assert build_flows(table()) == (
        Flow("Applied", "First interview", 3),
        Flow("Applied", "Rejected", 5),
        Flow("Applied", "No response", 4),
        Flow("Applied", "In progress", 1),
        Flow("First interview", "Second interview", 2),
        Flow("First interview", "Withdrawn", 1),
        Flow("Second interview", "Final interview", 2),
        Flow("Final interview", "Offer", 1),
        Flow("Final interview", "Rejected", 1),
    )


def test_flows_balance():
    flows = build_flows(table())
    for node in ("First interview", "Second interview", "Final interview"):
        inflow = sum(f.value for f in flows if f.target == node)
        outflow = sum(f.value for f in flows if f.source == node)
        assert inflow == outflow
    assert sum(f.value for f in flows if f.source == "Applied") == 13


def test_sankeymatic_text_exact():
    assert to_sankeymatic(build_flows(table())) == (
        "Applied [3] First interview\n"
        "Applied [5] Rejected\n"
        "Applied [4] No response\n"
        "Applied [1] In progress\n"
        "First interview [2] Second interview\n"
        "First interview [1] Withdrawn\n"
        "Second interview [2] Final interview\n"
        "Final interview [1] Offer\n"
        "Final interview [1] Rejected\n"
    )


def test_sankeymatic_colours():
    text = to_sankeymatic([Flow("Applied", "Rejected", 12)], colors={"Rejected": OUTCOME_COLORS["rejected"], "Unused": "#000000"})
    assert text == "Applied [12] Rejected\n:Rejected #D55E00\n"


def test_a_declined_offer_ends_at_offer():
    # the canonical outcome of "Offer declined" is offer: the offer was received
    declined = interpret_status("Offer declined")
    assert (declined.stage, declined.outcome) == ("offer", "offer")
    flows = build_flows(make_apps([{"furthest_stage": declined.stage, "outcome": declined.outcome}]))
    assert flows[-1] == Flow("Final interview", "Offer", 1)
    assert not [flow for flow in flows if flow.source == "Offer"]


def test_withdrawn_after_an_offer_flows_on_and_empty_table():
    withdrew = interpret_status("Withdrew after offer")
    flows = build_flows(make_apps([{"furthest_stage": withdrew.stage, "outcome": withdrew.outcome}]))
    assert flows[-1] == Flow("Offer", "Withdrawn", 1)
    assert build_flows(make_apps([])) == ()
    assert to_sankeymatic(()) == ""
