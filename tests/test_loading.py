"""From a small file's bytes to the canonical table: mapping, layouts, overrides, no-response rule."""
import datetime as dt

import pytest

from analysis.core.errors import InputError
from analysis.normalize.loading import LoadSettings, load, status_overrides_from_table

TODAY = dt.date(2026, 11, 25)


def _load(text: str, name: str = "tracker.csv", **settings):
    return load(text.encode("utf-8"), name, LoadSettings(today=TODAY, **settings))


def test_headers_with_trailing_spaces_and_synonyms_are_mapped():
    result = _load(
        "Employer ,Job title,Date applied ,Channel,Current status,Rejection reason\n"
        "Acme,Data Analyst,2026-10-01,LinkedIn,Rejected,too junior\n"
    )
    assert result.mapping.columns["company"] == "Employer"
    assert result.mapping.columns["role"] == "Job title"
    assert result.mapping.columns["applied_on"] == "Date applied"
    assert result.mapping.columns["source"] == "Channel"
    assert result.mapping.columns["outcome"] == "Current status"
    assert result.mapping.columns["feedback"] == "Rejection reason"
    row = result.applications.iloc[0]
    assert (row["company"], row["channel"], row["outcome"], row["feedback"]) == ("Acme", "LinkedIn", "rejected", "too junior")


def test_huntr_export_with_list_names():
    result = _load(
        "title,companyName,listName,createdAt\n"
        "Analyst,Acme,Wishlist,2026-11-01\n"
        "Analyst,Beta,Applied,2026-11-02\n"
        "Engineer,Gamma,Interview,2026-11-03\n"
        "Engineer,Delta,Offer,2026-09-03\n"
        "Engineer,Epsilon,Rejected,2026-09-04\n"
    )
    assert result.mapping.columns["stage"] == "listName"
    assert result.mapping.columns["company"] == "companyName"
    apps = result.applications.set_index("company")
    assert list(apps.index) == ["Beta", "Gamma", "Delta", "Epsilon"]
    assert [(item.row, item.reason) for item in result.skipped] == [(2, "not applied yet (status says so)")]
    assert apps.loc["Gamma", "furthest_stage"] == "first_interview"
    assert apps.loc["Delta", "outcome"] == "offer"


def test_teal_export_statuses():
    result = _load(
        "Company,Job Position,Status,Date Applied\n"
        "A,Analyst,Bookmarked,\n"
        "B,Analyst,Applying,\n"
        "C,Analyst,Applied,11/20/2026\n"
        "D,Analyst,Interviewing,11/01/2026\n"
        "E,Analyst,Negotiating,10/01/2026\n"
        "F,Analyst,I Withdrew,10/01/2026\n"
        "G,Analyst,Not Selected,10/01/2026\n"
        "H,Analyst,No Response,10/01/2026\n"
    )
    apps = result.applications.set_index("company")
    assert len(result.skipped) == 2
    assert apps["outcome"].to_dict() == {
        "C": "in_progress", "D": "in_progress", "E": "offer", "F": "withdrawn", "G": "rejected", "H": "no_response",
    }
    assert apps.loc["D", "furthest_stage"] == "first_interview"


def test_no_response_is_inferred_after_the_window_and_marked():
    text = "Company,Role,Applied,Status\nA,Analyst,2026-10-01,Applied\nB,Analyst,2026-11-10,Applied\n"
    apps = _load(text).applications.set_index("company")
    assert (apps.loc["A", "outcome"], bool(apps.loc["A", "outcome_inferred"])) == ("no_response", True)
    assert (apps.loc["B", "outcome"], bool(apps.loc["B", "outcome_inferred"])) == ("in_progress", False)
    # 55 days of silence is inside a 60-day window.
    wider = _load(text, ghost_after_days=60).applications
    assert list(wider["outcome"]) == ["in_progress", "in_progress"]


def test_a_live_interview_is_never_inferred_as_no_response():
    # Both silent for 81 days at the default 30-day window; only the one with no interview is inferred silent.
    text = "Company,Role,Applied,Status\nA,Analyst,2026-09-05,Interview\nB,Analyst,2026-09-05,Applied\n"
    apps = _load(text).applications.set_index("company")
    assert (apps.loc["A", "outcome"], apps.loc["A", "furthest_stage"]) == ("in_progress", "first_interview")
    assert not apps.loc["A", "outcome_inferred"]
    assert apps.loc["B", "outcome"] == "no_response" and apps.loc["B", "outcome_inferred"]


def test_column_override_changes_the_numbers():
    text = ("Company,Role,Applied,Status,Notes\n"
            "A,Analyst,2026-11-01,Rejected,Interview\n"
            "B,Analyst,2026-11-01,Rejected,Final interview\n")
    assert list(_load(text).applications["furthest_stage"]) == ["applied", "applied"]
    overridden = _load(text, columns={"stage": "Notes", "feedback": None}).applications
    assert list(overridden["furthest_stage"]) == ["first_interview", "final_interview"]


def test_status_override_from_the_edited_table():
    text = "Company,Role,Applied,Status\nA,Analyst,2026-11-20,Archived\nB,Analyst,2026-11-20,Archived\n"
    first = _load(text)
    assert first.normalized.unplaced_statuses == ("Archived",)
    table = first.statuses.assign(stage="applied", outcome="withdrawn", applied=True)
    result = _load(text, statuses=status_overrides_from_table(table))
    assert list(result.applications["outcome"]) == ["withdrawn", "withdrawn"]
    assert result.normalized.unplaced_statuses == ()


def test_interview_date_column_is_evidence_of_an_interview():
    result = _load("Company,Role,Date applied,Status,Interview date\n"
                   "A,Analyst,2026-10-01,Rejected,2026-10-10\n"
                   "B,Analyst,2026-10-01,Rejected,\n")
    assert list(result.applications["furthest_stage"]) == ["first_interview", "applied"]


def test_stage_history_with_arrows():
    result = _load("Company,Date,Progress log\n"
                   "A,2026-10-01,Applied -> Phone screen -> Onsite -> Offer accepted\n"
                   "B,2026-10-01,Applied -> Phone screen -> Rejected\n")
    apps = result.applications.set_index("company")
    assert (apps.loc["A", "furthest_stage"], apps.loc["A", "outcome"]) == ("offer", "offer")
    assert (apps.loc["B", "furthest_stage"], apps.loc["B", "outcome"]) == ("first_interview", "rejected")


def test_candidate_column_for_coaches():
    result = _load("Candidate,Company,Role,Applied,Status\nAna,A,Analyst,2026-11-20,Applied\nBo,B,Analyst,2026-11-20,Applied\n")
    assert result.mapping.columns["candidate"] == "Candidate"
    assert list(result.applications["candidate"]) == ["Ana", "Bo"]


def test_day_first_override():
    text = "Company,Role,Applied,Status\nA,Analyst,03/04/2026,Rejected\n"
    assert _load(text).applications.loc[0, "applied_on"] == dt.datetime(2026, 3, 4)
    assert _load(text, dayfirst=True).applications.loc[0, "applied_on"] == dt.datetime(2026, 4, 3)


def test_file_without_recognisable_columns_is_refused():
    with pytest.raises(InputError, match="No column looks like"):
        _load("alpha,beta\n1,2\n3,4\n")


def test_table_of_counts_is_refused():
    with pytest.raises(InputError, match="table of counts"):
        _load("Type,Remote,Berlin,Total\nApplications,10,20,30\nRejections,5,6,11\nInterviews,1,2,3\n")


def test_status_table_shows_the_users_choice():
    text = "Company,Role,Applied,Status\nA,Analyst,2026-11-20,Archived\n"
    table = _load(text).statuses.assign(stage="applied", outcome="withdrawn", applied=True)
    shown = _load(text, statuses=status_overrides_from_table(table)).statuses.set_index("value")
    assert (shown.loc["Archived", "outcome"], bool(shown.loc["Archived", "recognised"])) == ("withdrawn", True)
