"""The caseload on a constructed table of four candidates with hand-counted numbers."""
import datetime as dt
import json

import pandas as pd
from canonical_factory import make_apps, many

from analysis.plan.caseload import (
    TABLE_COLUMNS,
    UNNAMED,
    YOU,
    build_caseload,
)

TODAY = dt.date(2025, 3, 1)


def caseload_table():
    """Four candidates.

    Ana: 16 applications (13 rejected, 3 in progress), no interview, last applied 2025-02-25 -> still applying,
         so not stuck (her funnel says where it stalls).
    Ben: 5 applications: 3 rejected at the first interview with feedback naming SQL and experience,
         2 in progress, last applied 2025-01-20 (40 days before TODAY) -> stuck (nothing moved).
    Cy:  4 applications applied 2025-02-20, 2 offers after the final interview, 2 rejected -> not stuck.
    Di:  2 applications rejected on 2025-01-05, nothing open, nothing since (55 days) -> stuck.
    """
    return make_apps(
        many(13, candidate="Ana", applied_on="2025-02-10", outcome="rejected")
        + many(3, candidate="Ana ", applied_on="2025-02-25", outcome="in_progress")
        + many(3, candidate="Ben", applied_on="2025-01-10", furthest_stage="first_interview", outcome="rejected",
               responded_on="2025-01-15",
               feedback="You need more experience with SQL; the technical test was weak.")
        + many(2, candidate="Ben", applied_on="2025-01-20")
        + many(2, candidate="Cy", applied_on="2025-02-20", furthest_stage="final_interview", outcome="offer",
               feedback="Great communication skills.")
        + many(2, candidate="Cy", applied_on="2025-02-20", furthest_stage="final_interview", outcome="rejected",
               feedback="We filled the role internally.")
        + many(2, candidate="Di", applied_on="2024-12-01", last_update="2025-01-05", outcome="rejected")
    )


def test_one_row_per_candidate_with_counts():
    caseload = build_caseload(caseload_table(), TODAY)
    assert caseload.candidates == ("Ana", "Ben", "Cy", "Di")  # "Ana " trimmed into Ana
    counts = {row.candidate: (row.applications, row.open_applications, row.interview_rate.successes,
                              row.offer_rate.successes) for row in caseload.rows}
    assert counts == {"Ana": (16, 3, 0, 0), "Ben": (5, 2, 3, 0), "Cy": (4, 0, 4, 2), "Di": (2, 0, 0, 0)}
    assert caseload.row("Ben").interview_rate.value == 3 / 5
    assert caseload.row("Cy").offer_rate.value == 0.5
    assert caseload.cohort_funnel.applications == 27
    assert sum(funnel.applications for funnel in caseload.funnels.values()) == 27


def test_stuck_means_nothing_moved_for_the_window():
    caseload = build_caseload(caseload_table(), TODAY)
    assert [row.candidate for row in caseload.stuck] == ["Ben", "Di"]
    assert caseload.row("Ben").stuck_reasons == ("no new application, reply or stage for 40 days "
                                                 "(2 applications still open)",)
    assert caseload.row("Ben").last_activity == dt.date(2025, 1, 20)
    assert caseload.row("Ben").days_since_activity == 40
    di = caseload.row("Di")
    assert (di.last_activity, di.days_since_activity) == (dt.date(2025, 1, 5), 55)
    assert di.stuck_reasons == ("no new application, reply or stage for 55 days",)
    assert not caseload.row("Ana").stuck  # 16 applications and no interview, but she applied 4 days ago
    assert not caseload.row("Cy").stuck


def test_silence_counts_inferred_no_response_as_open():
    apps = make_apps(many(3, candidate="Eve", applied_on="2025-01-01", outcome="no_response", outcome_inferred=True)
                     + many(1, candidate="Fay", applied_on="2025-01-01", outcome="no_response"))
    caseload = build_caseload(apps, TODAY)
    assert caseload.row("Eve").stuck_reasons == ("no new application, reply or stage for 59 days "
                                                 "(3 applications still open)",)
    assert caseload.row("Fay").stuck_reasons == ("no new application, reply or stage for 59 days",)


def test_an_offer_or_a_live_interview_is_never_stuck_and_one_open_application_is_singular():
    apps = make_apps(
        many(1, candidate="Hal", applied_on="2025-01-01", furthest_stage="second_interview", outcome="in_progress")
        + many(1, candidate="Ivy", applied_on="2025-01-01", furthest_stage="final_interview", outcome="no_response",
               outcome_inferred=True)
        + many(1, candidate="Jo", applied_on="2024-11-01", furthest_stage="offer", outcome="offer")
        + many(1, candidate="Kim", applied_on="2025-01-01", outcome="in_progress"))
    caseload = build_caseload(apps, TODAY)
    assert [row.candidate for row in caseload.stuck] == ["Kim"]
    assert caseload.row("Kim").stuck_reasons == ("no new application, reply or stage for 59 days "
                                                 "(1 application still open)",)
    assert caseload.row("Hal").days_since_activity == 59  # silent as long, but the second interview is live


def test_bottleneck_and_top_theme():
    caseload = build_caseload(caseload_table(), TODAY)
    # 0 of 13 decided reached an interview: its interval (0-23%) still reaches the published 8%, so no stage is
    # named yet (analysis.funnel.bottleneck)
    assert caseload.row("Ana").bottleneck is None
    assert caseload.row("Ben").top_theme == "experience"  # experience and technical_skills tie: THEMES order
    assert caseload.theme_counts("Ben") == {"experience": 3, "technical_skills": 3}
    assert caseload.row("Cy").top_theme is None  # only role_closed (outside their control) and praise
    assert caseload.row("Ana").top_theme is None
    assert caseload.theme_counts()["experience"] == 3
    assert caseload.feedback_texts == {"Ana": 0, "Ben": 3, "Cy": 4, "Di": 0}
    assert caseload.theme_table("Ben")["share"].tolist() == [1.0, 1.0]


def test_table_is_sorted_stuck_first_and_typed():
    table = build_caseload(caseload_table(), TODAY).table()
    assert tuple(table.columns) == TABLE_COLUMNS
    assert table["candidate"].tolist() == ["Ben", "Di", "Ana", "Cy"]
    assert table["stuck"].tolist() == [True, True, False, False]
    assert pd.isna(table.loc[3, "bottleneck"])  # Cy: too few decided applications to name one
    assert pd.isna(table.loc[2, "bottleneck"])  # Ana: 0 of 13, not yet credibly below 8%
    assert table.loc[1, "interview_rate_label"] == "too few to tell (n=2)"
    assert table.sort_values("applications", ascending=False)["candidate"].tolist()[0] == "Ana"


def test_json_shape():
    result = build_caseload(caseload_table(), TODAY).to_json()
    json.dumps(result)  # JSON-ready
    first = result["candidates"][0]
    assert {"candidate", "applications", "outcomes", "funnel"} <= set(first)
    assert first["candidate"] == "Ana" and first["applications"] == 16
    assert first["outcomes"] == {"in_progress": 3, "rejected": 13, "no_response": 0, "withdrawn": 0, "offer": 0}
    assert [entry["stage"] for entry in first["funnel"]] == [
        "applied", "first_interview", "second_interview", "final_interview", "offer"]
    assert first["stuck"] is False and first["stuck_reasons"] == []
    ben = result["candidates"][1]
    assert ben["last_activity"] == "2025-01-20" and ben["days_since_activity"] == 40
    assert ben["interview_rate"]["successes"] == 3 and ben["top_theme"] == "experience"
    assert result["cohort"]["applications"] == 27 and result["cohort"]["stuck"] == 2


def test_blank_candidate_column_is_one_person_called_you():
    caseload = build_caseload(make_apps(many(3, applied_on="2025-02-01")), TODAY)
    assert caseload.candidates == (YOU,)
    assert caseload.row(YOU).applications == 3


def test_partly_blank_candidates_are_grouped_as_unnamed():
    caseload = build_caseload(make_apps(many(2, candidate="Ana") + many(1, candidate="  ")), TODAY)
    assert caseload.candidates == (UNNAMED, "Ana")


def test_empty_table_is_an_empty_caseload():
    caseload = build_caseload(make_apps([]), TODAY)
    assert caseload.rows == ()
    assert caseload.table().empty
    assert caseload.to_json()["candidates"] == []


def test_input_is_not_modified():
    apps = caseload_table()
    before = apps.copy()
    build_caseload(apps, TODAY)
    assert apps.equals(before)
