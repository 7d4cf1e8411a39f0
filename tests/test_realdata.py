"""Every real spreadsheet in ../shared/realdata, loaded end to end.

Expected counts were checked by reading each file (value counts of its status columns).
Today is fixed at 2026-11-25 so inferred no-responses are reproducible.
"""
import datetime as dt
from collections import Counter

import pytest
from shared_material import REALDATA, require

from analysis.core.errors import InputError
from analysis.normalize.loading import LoadSettings, load

TODAY = dt.date(2026, 11, 25)



@pytest.fixture(autouse=True)
def _realdata_present():
    """Skip locally without ../shared/realdata; fail under CI=true."""
    require(REALDATA)


def _load(name: str, **settings):
    path = next(REALDATA.glob(f"{name}*"))
    return load(path.read_bytes(), path.name, LoadSettings(today=TODAY, **settings))


def _outcomes(result) -> dict:
    return dict(Counter(result.applications["outcome"]))


def _accounted(result) -> None:
    used_rows = set(result.applications["source_row"])
    skipped_rows = {item.row for item in result.skipped}
    assert not used_rows & skipped_rows


def test_nakuramino_2020_stage_columns_and_wishlist_rows():
    result = _load("NakuraMino_Recruitment_Sankey_Diagram__applications2020")
    assert result.rows_read == 135
    assert len(result.applications) == 115
    # 19 rows hold only a company name, and EA has a role but no date and no status.
    assert len(result.skipped) == 20
    assert all("wishlist" in item.reason for item in result.skipped)
    outcomes = _outcomes(result)
    assert outcomes["rejected"] == 18          # Rejected 7+2, reeejected 4, Rejection :( 2, Rejection 1, rejected 2
    assert outcomes["offer"] == 1              # Accepted!
    assert [c.header for c in result.evidence.stage_columns] == ["Coding Challenge", "Recruiter", "Phone", "On-Campus", "Onsite"]
    # "8/82019 " cannot be read but the row is still an application.
    assert any(item.row == 2 for item in result.normalized.unreadable_dates)
    assert 2 in set(result.applications["source_row"])
    _accounted(result)


def test_nakuramino_2021():
    result = _load("NakuraMino_Recruitment_Sankey_Diagram__applications2021")
    assert len(result.applications) == 52 and not result.skipped
    # Two rows with an interview and no later word stay in progress: an interview is a reply.
    assert _outcomes(result) == {"rejected": 18, "offer": 1, "no_response": 31, "in_progress": 2}
    assert result.applications["outcome_inferred"].sum() == 31


def test_timhanneman_statuses_and_offer_column():
    result = _load("TimHanneman")
    assert result.rows_read == 177
    assert [(item.row, item.reason) for item in result.skipped] == [(171, "exact duplicate of an earlier row")]
    assert result.mapping.header("outcome") == "Response?"
    assert result.mapping.header("source") == "Application site"
    assert result.mapping.header("responded_on") == "Date of 1st Response"
    outcomes = _outcomes(result)
    assert outcomes["no_response"] == 113      # 114 Ghosted, one of them the duplicate row 171
    assert outcomes["offer"] == 2              # "Offer", and an "Interview" row whose Job Offer is Yes
    # 49 Rejected + 2 "Inter + Rejec" + 1 "Position Removed" + 9 "Interview" rows whose Job Offer is No.
    assert outcomes["rejected"] == 61
    assert result.applications["outcome_inferred"].sum() == 0
    removed = result.applications[result.applications["feedback"] == "Position Removed"]
    assert len(removed) == 1


def test_yleisnero_table_of_counts_is_refused():
    with pytest.raises(InputError, match="table of counts"):
        _load("Yleisnero")


def test_altaiiiir_stage_history_in_one_cell():
    result = _load("altaiiiir")
    apps = result.applications.set_index("company")
    assert result.evidence.history_column == "Stage History"
    assert apps.loc["Amazon", "furthest_stage"] == "second_interview"      # Phone Screen, Tech Screen
    assert apps.loc["Amazon", "outcome"] == "rejected"
    assert (apps.loc["Meta SDE 1", "furthest_stage"], apps.loc["Meta SDE 1", "outcome"]) == ("first_interview", "no_response")
    assert apps.loc["Msft Senior Engineer", "furthest_stage"] == "final_interview"


def test_linkedin_export_has_unknown_outcomes():
    result = _load("clemenspecinovsky")
    assert len(result.applications) == 118
    assert not result.normalized.outcomes_known
    assert _outcomes(result) == {"in_progress": 118}
    assert any("outcomes are unknown" in warning for warning in result.warnings)
    first = result.applications.iloc[0]
    assert first["applied_on"] == dt.datetime(2024, 11, 23, 23, 39) or first["applied_on"].date() == dt.date(2024, 11, 23)


def test_jbhunt_rows_never_applied_to_are_skipped():
    result = _load("jbhunt")
    assert result.rows_read == 88
    reasons = Counter(item.reason for item in result.skipped)
    assert sum(reasons.values()) == 33        # Need to apply 20, Didn't apply 8, Didn't apply before closed 5
    assert _outcomes(result) == {"no_response": 35, "rejected": 18, "offer": 2}


def test_sandervw_pending_becomes_inferred_no_response():
    result = _load("sandervw")
    assert len(result.applications) == 88
    assert _outcomes(result) == {"no_response": 66, "rejected": 21, "in_progress": 1}
    assert result.applications["outcome_inferred"].sum() == 66   # 66 Pending; the Interview, silent since August, stays open
    assert (result.applications["feedback"] == "null").sum() == 0


def test_smpotts_transitions_make_100_applications():
    result = _load("smpotts_jobsearch-sankey__example_job_search_transitions")
    assert result.rows_read == 189
    assert len(result.applications) == 100
    assert _outcomes(result) == {"withdrawn": 31, "rejected": 30, "no_response": 23, "offer": 16}


def test_smpotts_flag_columns():
    result = _load("smpotts_jobsearch-sankey__jobs_2025")
    assert result.rows_read == 199
    assert [item.reason for item in result.skipped] == ["exact duplicate of an earlier row"] * 2
    apps = result.applications
    assert len(apps) == 197
    assert (apps["furthest_stage"] == "offer").sum() == 2                   # HMH and ShorePoint
    rebrandly = apps[apps["company"] == "Rebrandly"].iloc[0]
    assert (rebrandly["furthest_stage"], rebrandly["outcome"]) == ("applied", "no_response")   # G at the first call
    avality = apps[apps["company"] == "Avality"].iloc[0]
    assert (avality["furthest_stage"], avality["outcome"]) == ("first_interview", "rejected")


@pytest.mark.parametrize("path", sorted(REALDATA.glob("*.csv")) if REALDATA.is_dir() else [], ids=lambda p: p.name[:30])
def test_every_row_is_used_or_skipped(path):
    try:
        result = load(path.read_bytes(), path.name, LoadSettings(today=TODAY))
    except InputError:
        return
    if result.layout == "a list of moves between stages":
        assert result.rows_read >= len(result.applications)
    else:
        assert len(result.applications) + len(result.skipped) == result.rows_read
    _accounted(result)
