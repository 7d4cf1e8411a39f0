"""Combining files: a tracker plus a LinkedIn export of the same person, and one file per candidate."""
import datetime as dt

import pandas as pd
import pytest
from canonical_factory import make_apps

from analysis.core.errors import InputError
from analysis.normalize.loading import LoadSettings, load
from analysis.normalize.merge import (
    company_key,
    file_stem,
    match_applications,
    merge_loads,
    role_similarity,
    role_tokens,
)

TODAY = dt.date(2024, 11, 28)

TRACKER = """Company,Role,Date Applied,Status,Feedback
Acme Ltd,Data Analyst,2024-11-22,Rejected after first interview,Need more SQL
Initech GmbH,BI Developer,2024-11-01,Applied,
Globex,Data Engineer,2024-11-20,Offer,
Umbrella Corp,Product Analyst,2024-11-05,Rejected,
Hooli,Data Analyst,,Interviewing,
"""

LINKEDIN = """Application Date,Company Name,Job Title
"11/23/24, 11:39 PM",ACME,Senior Data Analyst
"11/20/24, 9:05 AM",Globex Inc.,Data Scientist
"11/02/24, 10:00 AM",Initech,BI Developer
"10/01/24, 10:00 AM",Initech,BI Developer
"11/10/24, 8:00 AM",Hooli,Data Analyst
"11/15/24, 1:00 PM",Umbrella Corporation,Product Analyst
"11/26/24, 9:00 AM",Stark Industries,Data Analyst
"""


@pytest.fixture
def loaded(tmp_path):
    """Both files written to disk, then read back through analysis.normalize.loading.load."""
    files = {"tracker.csv": TRACKER, "linkedin.csv": LINKEDIN}
    result = {}
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result[name] = load(path.read_bytes(), path.name, LoadSettings(today=TODAY))
    assert result["linkedin.csv"].normalized.outcomes_known is False
    return result


def test_tracker_and_linkedin_export_counted_once(loaded):
    merged = merge_loads([("tracker.csv", loaded["tracker.csv"]), ("linkedin.csv", loaded["linkedin.csv"])],
                         as_candidates=False)
    apps = merged.applications
    assert len(apps) == 5 + 7 - 3
    pairs = list(merged.log[["kept_file", "kept_row", "merged_file", "merged_row"]].itertuples(index=False, name=None))
    assert pairs == [("tracker.csv", 2, "linkedin.csv", 2),   # Acme Ltd ~ ACME, Senior Data Analyst, 1 day apart
                     ("tracker.csv", 3, "linkedin.csv", 4),   # Initech GmbH ~ Initech, the 11/02 one (not 10/01)
                     ("tracker.csv", 6, "linkedin.csv", 6)]   # Hooli: no date in the tracker
    assert merged.log["reason"].tolist()[2] == ("same company, similar role (100% of words shared), "
                                                "date applied missing on one side")
    unmatched = apps[apps["source_file"] == "linkedin.csv"]
    assert sorted(unmatched["source_row"]) == [3, 5, 7, 8]  # Globex scientist, old Initech, Umbrella 10 days off, Stark
    assert merged.files[1].sentence() == ("7 applications from linkedin.csv, 3 of them matched applications in "
                                          "tracker.csv and were counted once.")


def test_tracker_evidence_wins(loaded):
    merged = merge_loads([("tracker.csv", loaded["tracker.csv"]), ("linkedin.csv", loaded["linkedin.csv"])],
                         as_candidates=False)
    rows = merged.applications.set_index(["source_file", "source_row"])
    acme = rows.loc[("tracker.csv", 2)]
    assert (acme["outcome"], acme["furthest_stage"], acme["feedback"]) == ("rejected", "first_interview", "Need more SQL")
    assert acme["applied_on"] == pd.Timestamp("2024-11-22")  # the earliest date applied
    initech = rows.loc[("tracker.csv", 3)]
    assert (initech["outcome"], bool(initech["outcome_known"])) == ("in_progress", True)
    hooli = rows.loc[("tracker.csv", 6)]
    assert (hooli["outcome"], hooli["furthest_stage"]) == ("in_progress", "first_interview")
    assert hooli["applied_on"] == pd.Timestamp("2024-11-10 08:00")  # filled in from the export
    assert rows.loc[("linkedin.csv", 8), "outcome_known"] == False  # noqa: E712 (a numpy bool)
    assert merged.applications["outcome"].value_counts().to_dict() == {"in_progress": 6, "rejected": 2, "offer": 1}


def test_file_with_outcomes_is_kept_whatever_the_order(loaded):
    merged = merge_loads([("linkedin.csv", loaded["linkedin.csv"]), ("tracker.csv", loaded["tracker.csv"])],
                         as_candidates=False)
    assert len(merged.applications) == 9
    assert set(merged.log["kept_file"]) == {"tracker.csv"}
    assert [item.name for item in merged.files] == ["tracker.csv", "linkedin.csv"]


def test_each_file_a_candidate(loaded):
    merged = merge_loads([("C:/coach/ana.csv", loaded["tracker.csv"]), ("ben smith.csv", loaded["linkedin.csv"])],
                         as_candidates=True)
    apps = merged.applications
    assert len(apps) == 12 and merged.log.empty
    assert apps["candidate"].value_counts().to_dict() == {"ben smith": 7, "ana": 5}
    assert merged.summary()[-1] == "12 applications in all, 2 candidates."


def test_candidate_column_kept_when_files_are_candidates():
    data = b"Candidate,Company,Role,Date Applied,Status\nZoe,Acme,Analyst,2024-11-01,Rejected\n,Beta,Analyst,2024-11-02,Applied\n"
    result = load(data, "coach.csv", LoadSettings(today=TODAY))
    merged = merge_loads([("coach.csv", result)], as_candidates=True)
    assert merged.applications["candidate"].tolist() == ["Zoe", "coach"]


def test_no_files_is_an_input_error():
    with pytest.raises(InputError):
        merge_loads([], as_candidates=False)


@pytest.mark.parametrize("name", ["Acme Ltd", "ACME", "Acme, Inc.", "acme  GmbH", "The Acme Company", "Acme Limited"])
def test_company_key_ignores_case_spacing_and_legal_suffix(name):
    assert company_key(name) == "acme"


def test_role_similarity():
    assert role_similarity(role_tokens("Data Analyst"), role_tokens("Senior Data Analyst (Remote)")) == 1.0
    assert role_similarity(role_tokens("Data Analyst"), role_tokens("Data Analist")) == 1.0  # a typo
    assert role_similarity(role_tokens("Data Analyst"), role_tokens("Data Scientist")) == 0.5
    assert role_similarity(role_tokens("Product Manager"), role_tokens("Project Manager")) == 0.5


def _tagged(rows, name, known=True):
    return make_apps(rows).assign(source_file=name, outcome_known=known)


def test_date_window_is_seven_days():
    kept = _tagged([{"company": "Acme", "applied_on": "2024-11-01"}, {"company": "Beta", "applied_on": "2024-11-01"}], "a")
    new = _tagged([{"company": "acme", "applied_on": "2024-11-08"}, {"company": "Beta", "applied_on": "2024-11-09"}], "b")
    pairs = match_applications(kept, new)
    assert pairs[["kept", "incoming", "gap"]].values.tolist() == [[0, 0, 7.0]]


def test_two_stated_outcomes_the_later_update_wins():
    first = _tagged([{"company": "Acme", "applied_on": "2024-11-01", "last_update": "2024-11-03",
                      "outcome": "in_progress"}], "a")
    second = _tagged([{"company": "Acme", "applied_on": "2024-11-01", "last_update": "2024-11-20",
                       "furthest_stage": "second_interview", "outcome": "rejected", "feedback": "Too junior"}], "b")
    results = [("a.csv", _Loaded(first)), ("b.csv", _Loaded(second))]
    merged = merge_loads(results, as_candidates=False).applications
    assert len(merged) == 1
    row = merged.iloc[0]
    assert (row["outcome"], row["furthest_stage"], row["feedback"]) == ("rejected", "second_interview", "Too junior")
    assert row["last_update"] == pd.Timestamp("2024-11-20")


def test_ten_thousand_rows_each_match_by_company_block():
    companies = [f"Company {i}" for i in range(2000)]
    rows = [{"company": companies[i % 2000], "role": "Data Analyst",
             "applied_on": (pd.Timestamp("2024-01-01") + pd.Timedelta(days=(i * 7) % 360)).strftime("%Y-%m-%d")}
            for i in range(10_000)]
    kept = _tagged(rows, "a")
    new = _tagged([{**row, "company": row["company"].upper() + " Ltd"} for row in rows], "b", known=False)
    pairs = match_applications(kept, new)
    assert len(pairs) == 10_000
    assert (pairs["gap"] == 0).all()


class _Loaded:
    """A stand-in for LoadResult: what merge_loads reads from one (applications, outcomes_known, warnings)."""

    def __init__(self, apps):
        self.applications = apps.drop(columns=["source_file", "outcome_known"])
        self.normalized = type("N", (), {"outcomes_known": bool(apps["outcome_known"].all())})()
        self.warnings = ()


def test_file_stem():
    assert file_stem("C:\\coach\\Ana Lopez.xlsx") == "Ana Lopez"
