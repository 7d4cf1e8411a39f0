"""Several files at once: a tracker plus a LinkedIn export counted once, or one file per candidate."""
from __future__ import annotations

import pytest
from app_harness import (
    TODAY,
    metric,
    no_exception,
    open_app,
    shown,
    table,
    texts,
    upload,
    upload_files,
)

from analysis.normalize.loading import LoadSettings, load
from analysis.normalize.merge import merge_loads
from ui.components import plain
from ui.state import digest_of

TRACKER = b"""Company,Role,Date Applied,Status,Feedback
Acme Ltd,Data Analyst,2024-11-22,Rejected after first interview,Need more SQL
Initech GmbH,BI Developer,2024-11-01,Applied,
Globex,Data Engineer,2024-11-20,Offer,
Umbrella Corp,Product Analyst,2024-11-05,Rejected,
Hooli,Data Analyst,,Interviewing,
"""
LINKEDIN = b"""Application Date,Company Name,Job Title
"11/23/24, 11:39 PM",ACME,Senior Data Analyst
"11/20/24, 9:05 AM",Globex Inc.,Data Scientist
"11/02/24, 10:00 AM",Initech,BI Developer
"10/01/24, 10:00 AM",Initech,BI Developer
"11/10/24, 8:00 AM",Hooli,Data Analyst
"11/15/24, 1:00 PM",Umbrella Corporation,Product Analyst
"11/26/24, 9:00 AM",Stark Industries,Data Analyst
"""
FILES = {"tracker.csv": TRACKER, "linkedin.csv": LINKEDIN}
TRACKER_ID, LINKEDIN_ID = digest_of(TRACKER), digest_of(LINKEDIN)


def expected(as_candidates: bool):
    """What analysis.normalize.merge makes of the two files, read as the app reads them (at TODAY)."""
    loads = [(name, load(data, name, LoadSettings(today=TODAY))) for name, data in FILES.items()]
    return merge_loads(loads, as_candidates=as_candidates)


def test_two_overlapping_files_are_counted_once():
    at = open_app()
    upload_files(at, FILES)
    no_exception(at)
    merged = expected(as_candidates=False)
    assert len(merged.applications) == 5 + 7 - 3  # three LinkedIn rows are applications of the tracker
    assert shown(at, "Applications") == str(len(merged.applications))
    assert at.toggle(key="files_are_candidates").value is False
    assert any("tracker.csv + linkedin.csv" in text for text in texts(at.caption))


def test_the_data_page_explains_the_merge_and_reads_each_file():
    at = open_app()
    upload_files(at, FILES)
    at.switch_page("app_pages/data.py").run()
    no_exception(at)
    merged = expected(as_candidates=False)
    shown_text = "\n".join(texts(at.markdown))
    for sentence in merged.summary():
        assert plain(sentence) in shown_text
    log = table(at, "Applications found in more than one file")
    assert log[["kept_row", "merged_row"]].values.tolist() == merged.log[["kept_row", "merged_row"]].values.tolist()
    assert set(log["merged_file"]) == {"linkedin.csv"}

    picker = at.segmented_control(key="data_file")
    assert picker.options == ["tracker.csv", "linkedin.csv"]
    assert metric(at, "Rows read") == "5"  # the first file's reading
    picker.set_value(LINKEDIN_ID).run()
    no_exception(at)
    assert metric(at, "Rows read") == "7"
    assert at.session_state["reading_choices"].digest == LINKEDIN_ID


def test_a_column_choice_on_one_file_changes_only_that_file():
    at = open_app()
    upload_files(at, FILES)
    at.switch_page("app_pages/data.py").run()
    at.segmented_control(key="data_file").set_value(LINKEDIN_ID).run()
    choices = at.session_state["reading_choices"]
    key = f"columns_{choices.digest}_{choices.version}"
    # Read LinkedIn's "Job Title" as nothing: the roles go blank, so the rows still match on company and date.
    at.session_state[key] = {"edited_rows": {1: {"column": "(none)"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    no_exception(at)
    kept = at.session_state["reading_choices_by_file"]
    assert kept[LINKEDIN_ID].columns == {"role": None} and kept[TRACKER_ID].columns == {}
    at.segmented_control(key="data_file").set_value(TRACKER_ID).run()
    assert metric(at, "Rows read") == "5" and at.session_state["reading_choices"].digest == TRACKER_ID

    # The merge follows: with LinkedIn's roles blank, its Globex row now matches the tracker's Globex row.
    loads = [("tracker.csv", load(TRACKER, "tracker.csv", LoadSettings(today=TODAY))),
             ("linkedin.csv", load(LINKEDIN, "linkedin.csv", LoadSettings(today=TODAY, columns={"role": None})))]
    count = len(merge_loads(loads, as_candidates=False).applications)
    assert count == len(expected(as_candidates=False).applications) - 1
    at.switch_page("app_pages/funnel.py").run()
    no_exception(at)
    assert shown(at, "Applications") == str(count)


def test_one_file_per_candidate_makes_a_caseload():
    at = open_app()
    upload_files(at, FILES)
    at.toggle(key="files_are_candidates").set_value(True).run()
    no_exception(at)
    merged = expected(as_candidates=True)
    assert shown(at, "Applications") == str(len(merged.applications)) == "12"
    at.switch_page("app_pages/caseload.py").run()
    no_exception(at)
    assert metric(at, "Candidates") == "2"
    names = at.container(key="caseload_candidates").dataframe[0].value["candidate"]
    assert sorted(names) == ["linkedin", "tracker"]

    at.switch_page("app_pages/data.py").run()
    no_exception(at)
    assert any("2 candidates" in text for text in texts(at.markdown))


def test_one_unreadable_file_is_named_and_the_others_still_load():
    at = open_app()
    upload_files(at, {"tracker.csv": TRACKER, "broken.xlsx": b"\x00\x01 not a workbook" * 20})
    no_exception(at)
    assert len(at.error) == 1 and at.error[0].value.startswith("broken.xlsx")
    assert shown(at, "Applications") == "5"
    at.switch_page("app_pages/data.py").run()
    no_exception(at)
    assert metric(at, "Rows read") == "5"
    at.segmented_control(key="data_file").set_value(digest_of(b"\x00\x01 not a workbook" * 20)).run()
    no_exception(at)
    assert "This file cannot be used" in [alert.proto.title for alert in at.error]


def test_going_back_to_one_file_reads_it_alone():
    at = open_app()
    upload_files(at, FILES)
    upload(at, "tracker.csv", TRACKER)
    no_exception(at)
    assert shown(at, "Applications") == "5"
    assert "files_are_candidates" not in [toggle.key for toggle in at.toggle]


# What each page shows for the two files, checked by hand. Merged (9 applications): Acme (first interview,
# rejected), Globex (offer), Hooli (interviewing) reached an interview; Umbrella was rejected; the tracker's
# Initech row is an old "Applied" (no response); LinkedIn-only rows have no status. As candidates (12):
# tracker 3 interviews of 5 (60%), linkedin 0 of 7, everyone 3 of 12 (25%).
PAGE_NUMBERS = {
    (False, "funnel"): {"Applications": "9", "Interview rate": "33%", "Offer rate": "11%", "Response rate": "44%"},
    (True, "funnel"): {"Applications": "12", "Interview rate": "25%", "Offer rate": "8%", "Response rate": "33%"},
    (False, "summary"): {"Applications": "9", "Interview rate": "33%", "Offer rate": "11%"},
    (True, "summary"): {"Applications": "12", "Interview rate": "25%", "Offer rate": "8%"},
    (False, "feedback"): {"Feedback texts": "1"},
    (True, "feedback"): {"Feedback texts": "1"},
    (True, "caseload"): {"Candidates": "2", "Interview rate (everyone)": "25%"},
}


@pytest.mark.parametrize("as_candidates", [False, True])
@pytest.mark.parametrize("page", ["funnel", "feedback", "summary", "plan", "caseload", "data"])
def test_every_page_shows_the_combined_numbers(page, as_candidates):
    at = open_app()
    upload_files(at, FILES)
    if as_candidates:
        at.toggle(key="files_are_candidates").set_value(True).run()
    at.switch_page(f"app_pages/{page}.py").run()
    no_exception(at)
    assert at.sidebar.toggle
    for label, value in PAGE_NUMBERS.get((as_candidates, page), {}).items():
        assert metric(at, label) == value, (label, page)
    shown_text = "\n".join(texts(at.markdown))
    if page == "data":
        for sentence in expected(as_candidates).summary():
            assert plain(sentence) in shown_text
    if page == "plan":
        assert f"(n={9 + 3 * as_candidates})" in shown_text
    if page == "caseload":
        rates = sorted(item.value for item in at.metric if item.label == "Interview rate")
        # Compared by default: the stuck candidate, linkedin (0 of 7); tracker has a live interview (Hooli).
        assert rates == (["0%", "25%"] if as_candidates else []), rates
