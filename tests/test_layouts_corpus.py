"""The fixture corpus (tests/fixtures/make_fixtures.py): every layout read right, every non-tracker refused.

Each expectation was counted by hand from the fixture's rows (see the comments there). Today is
fixed so that inferred no-responses are reproducible.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_fixtures import FIXTURES  # noqa: E402

from analysis.core.errors import InputError  # noqa: E402
from analysis.normalize.loading import LoadSettings, load  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2025, 12, 1)

# name: (applications, outcomes, furthest stages, rows skipped)
READ = {
    "matrix_zero_one.csv": (4, {"rejected": 2, "offer": 1, "in_progress": 1},
                            {"applied": 2, "first_interview": 1, "offer": 1}, 1),
    "matrix_checkboxes.xlsx": (5, {"rejected": 3, "in_progress": 1, "offer": 1},
                               {"applied": 2, "first_interview": 1, "final_interview": 1, "offer": 1}, 0),
    "matrix_ticks.csv": (5, {"no_response": 2, "in_progress": 2, "offer": 1},
                         {"applied": 2, "first_interview": 1, "second_interview": 1, "offer": 1}, 0),
    "dashboard_first.xlsx": (5, {"rejected": 1, "no_response": 1, "in_progress": 2, "offer": 1},
                             {"applied": 2, "first_interview": 2, "offer": 1}, 0),
    "monthly_sheets.xlsx": (5, {"rejected": 2, "no_response": 1, "in_progress": 1, "offer": 1},
                            {"applied": 3, "first_interview": 1, "offer": 1}, 1),
    "tracker_with_notes_sheet.xlsx": (3, {"rejected": 1, "offer": 1, "withdrawn": 1}, {"applied": 2, "offer": 1}, 0),
    "two_row_header.xlsx": (4, {"rejected": 3, "offer": 1},
                            {"applied": 1, "first_interview": 1, "second_interview": 1, "offer": 1}, 1),
    "two_row_header.csv": (3, {"rejected": 3}, {"applied": 1, "first_interview": 1, "second_interview": 1}, 1),
    "companies_under_dates.xlsx": (6, {"in_progress": 6}, {"applied": 6}, 0),
    "german_cp1252.csv": (5, {"rejected": 1, "in_progress": 2, "offer": 1, "no_response": 1},
                          {"applied": 3, "first_interview": 1, "offer": 1}, 0),
    "french_utf8.csv": (5, {"rejected": 1, "in_progress": 2, "offer": 1, "no_response": 1},
                        {"applied": 3, "first_interview": 1, "offer": 1}, 0),
    "notion_export.csv": (4, {"rejected": 1, "in_progress": 1, "offer": 1, "no_response": 1},
                          {"applied": 2, "first_interview": 1, "offer": 1}, 1),
    "linkedin_job_applications.csv": (3, {"in_progress": 3}, {"applied": 3}, 0),
    "huntr_export.csv": (4, {"no_response": 1, "in_progress": 1, "offer": 1, "rejected": 1},
                         {"applied": 2, "first_interview": 1, "offer": 1}, 1),
    "teal_export.csv": (5, {"no_response": 1, "in_progress": 1, "rejected": 1, "withdrawn": 1, "offer": 1},
                        {"applied": 3, "first_interview": 1, "offer": 1}, 2),
    "simplify_export.csv": (4, {"no_response": 1, "in_progress": 1, "rejected": 1, "offer": 1},
                            {"applied": 2, "first_interview": 1, "offer": 1}, 1),
    "jobsync_export.csv": (4, {"in_progress": 2, "rejected": 1, "offer": 1},
                           {"applied": 2, "first_interview": 1, "offer": 1}, 1),
    "totals_rows.csv": (3, {"rejected": 2, "in_progress": 1}, {"applied": 2, "first_interview": 1}, 2),
    "status_words_in_dates.csv": (5, {"no_response": 3, "rejected": 2}, {"applied": 5}, 0),
}
REFUSED = {
    "inventory.csv": "an inventory or stock list",
    "contacts.csv": "a contacts list",
    "gradebook.csv": "a gradebook",
    "budget.csv": "a budget or a list of payments",
    "survey.csv": "a survey's answers",
    "people.csv": "does not look like a job-application tracker",
    "wishlist_only.csv": "None of the 3 rows is an application",
}


def _load(name: str, **settings):
    return load(FIXTURES[name](), name, LoadSettings(today=TODAY, **settings))


def test_the_corpus_has_every_kind():
    assert len(FIXTURES) >= 20 and set(READ) | set(REFUSED) == set(FIXTURES)


@pytest.mark.parametrize("name", sorted(READ))
def test_layouts_are_read_with_hand_checked_counts(name):
    applications, outcomes, stages, skipped = READ[name]
    result = _load(name)
    apps = result.applications
    assert len(apps) == applications
    assert dict(Counter(apps["outcome"])) == outcomes
    assert dict(Counter(apps["furthest_stage"])) == stages
    assert len(result.skipped) == skipped
    if result.layout.startswith("companies listed under date headers"):   # one application per cell
        assert len(apps) > result.rows_read
    else:  # every row read is used or listed as skipped
        assert len(apps) + len(result.skipped) == result.rows_read
    assert result.tracker_evidence, "a tracker is read on evidence"


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_non_trackers_are_refused_with_what_they_look_like(name):
    with pytest.raises(InputError, match=REFUSED[name]):
        _load(name)


def test_a_refused_table_is_read_when_the_user_chooses_the_columns():
    result = _load("budget.csv", columns={"company": "Company", "applied_on": "Date"})
    assert len(result.applications) == 4 and "you chose the columns on the Data page" in result.tracker_evidence


def test_monthly_sheets_are_combined_and_keep_their_sheet():
    result = _load("monthly_sheets.xlsx")
    assert result.applications["source_sheet"].tolist() == ["Jan 2025", "Jan 2025", "Feb 2025", "Feb 2025", "Mar 2025"]
    sheets = {item["name"]: (item["used"], item["why"]) for item in result.layout_json()["sheets"]}
    assert [name for name, (used, _) in sheets.items() if used] == ["Jan 2025", "Feb 2025", "Mar 2025"]
    assert sheets["Contacts"] == (False, "looks like a list of contacts, not of applications")
    assert sheets["Feb 2025"] == (True, "combined: the same columns as 'Jan 2025'")
    assert sheets["Mar 2025"] == (True, "combined: mostly the same columns as 'Jan 2025'")   # one more column
    assert result.applications["feedback"].tolist() == ["", "", "", "", "chased twice"]
    assert [item.reason for item in result.skipped] == ["sheet 'Feb 2025': blank row"]
    assert any("3 sheets with the same columns were combined" in note for note in result.warnings)


def test_a_dashboard_first_is_passed_over_and_said_so():
    layout = _load("dashboard_first.xlsx").layout_json()
    assert [(item["name"], item["used"]) for item in layout["sheets"]] == [("Sheet2", True), ("Dashboard", False)]
    assert "summary" in layout["sheets"][1]["why"]


def test_two_row_headers_name_the_interview_columns():
    result = _load("two_row_header.xlsx")
    assert [column.header for column in result.evidence.stage_columns] == [
        "Interview 1st", "Interview 2nd", "Interview Final"]
    assert result.raw.header_rows == 2


def test_companies_under_dates_are_dated_applications_with_their_place():
    apps = _load("companies_under_dates.xlsx").applications
    assert apps["company"].tolist() == ["Acme", "Beta", "Gamma", "Delta", "Zeta", "Eta"]
    assert apps["location"].tolist() == ["Berlin", "Munich", "", "Hamburg", "", "Remote"]
    assert [day.date().isoformat() for day in apps["applied_on"]] == ["2025-11-03"] * 3 + ["2025-11-04"] + ["2025-11-05"] * 2
    assert apps["source_row"].tolist() == [2, 3, 4, 2, 2, 3]


def test_german_cp1252_keeps_its_letters_and_day_first_dates():
    result = _load("german_cp1252.csv")
    assert result.raw.encoding == "cp1252" and result.raw.delimiter == ";"
    apps = result.applications
    assert apps["company"].tolist()[0] == "Müller GmbH" and apps["company"].tolist()[3] == "Weiß & Co"
    assert apps["applied_on"].iloc[0].date() == dt.date(2025, 11, 3)


def test_notion_emoji_statuses_and_long_dates():
    apps = _load("notion_export.csv").applications
    assert apps["applied_on"].iloc[0].date() == dt.date(2025, 11, 3)
    assert apps["outcome"].tolist() == ["rejected", "in_progress", "offer", "no_response"]


def test_status_words_in_the_response_date_are_not_unreadable_dates():
    result = _load("status_words_in_dates.csv")
    assert result.normalized.unreadable_dates == ()
    assert {word.word for word in result.normalized.date_words} >= {"No Response", "In Progress", "Ghosted"}


def test_linkedin_screening_answers_are_never_kept():
    result = _load("linkedin_job_applications.csv")
    assert "Question And Answers" not in result.raw.frame.columns
    assert result.raw.dropped_columns == ("Question And Answers",)
    everything = result.applications.astype(str).to_csv() + result.raw.frame.astype(str).to_csv()
    assert "protected veteran" not in everything and "disability" not in everything


def _cli(tmp_path: Path, name: str, *args: str) -> subprocess.CompletedProcess:
    path = tmp_path / name
    path.write_bytes(FIXTURES[name]())
    return subprocess.run([sys.executable, "-m", "analysis", "report", str(path), "--today", TODAY.isoformat(), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("name", ["inventory.csv", "budget.csv", "people.csv", "wishlist_only.csv"])
def test_the_cli_refuses_a_non_tracker_with_exit_2_and_one_sentence(tmp_path, name):
    run = _cli(tmp_path, name, "--format", "json")
    assert run.returncode == 2 and run.stdout == ""
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_the_cli_json_layout_and_no_screening_answers_in_any_export(tmp_path):
    run = _cli(tmp_path, "linkedin_job_applications.csv", "--format", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["applications"] == 3
    assert report["layout"]["kind"] == "one row per application, without statuses"
    assert "dates applied in 'Application Date'" in report["layout"]["evidence"]
    for output in [run.stdout, run.stderr] + [_cli(tmp_path, "linkedin_job_applications.csv", "--format", kind).stdout
                                              for kind in ("md", "html")]:
        assert "protected veteran" not in output and "do not have a disability" not in output
