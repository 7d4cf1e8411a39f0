"""Corrections kept: a tracker opened again in a new session (a reload) gets its corrections back,
and they travel as a settings file. Each AppTest is a new browser session; the corrections folder
is the test's own (tests/conftest.py)."""
from __future__ import annotations

import json

from app_harness import no_exception, open_app, shown, texts, upload
from test_app_data import edit, editor

from analysis.core.schema import FIELDS
from ui.components import plain
from ui.settings import store

TRACKER = (
    b"Company,Role,Date Applied,Status\n"
    b"Acme,Data Analyst,2026-09-01,Rejected\n"
    b"Beta,Analyst,2026-09-03,Pending HR\n"
    b"Gamma,BI Analyst,2026-09-05,Interview\n"
    b"Delta,Analyst,2026-09-08,Pending HR\n"
    b"Epsilon,Data Analyst,2026-10-01,Applied\n"
)
SAME_TRACKER_LATER = TRACKER + b"Zeta,Analyst,2026-11-02,Applied\n"
REJECTED_BEFORE_INTERVIEW = ("applied", "rejected", True)
RESTORED = "1 correction you made to this tracker before was restored from this computer."


def _correct_pending_hr(at):
    statuses = editor(at, "statuses")
    row = list(statuses["value"]).index("Pending HR")
    edit(at, "statuses", {row: {"stage": "applied", "outcome": "rejected"}})
    no_exception(at)


def test_a_correction_comes_back_when_the_same_tracker_is_uploaded_in_a_new_session(corrections_folder):
    first = upload(open_app("data"), "tracker.csv", TRACKER)
    _correct_pending_hr(first)
    assert first.session_state["reading_choices"].statuses == {"Pending HR": REJECTED_BEFORE_INTERVIEW}
    assert (corrections_folder / store.STORE_NAME).exists()

    again = upload(open_app("data"), "tracker.csv", TRACKER)  # a reload: a new session, the same file
    no_exception(again)
    assert again.session_state["reading_choices"].statuses == {"Pending HR": REJECTED_BEFORE_INTERVIEW}
    assert RESTORED in texts(again.sidebar.info)
    pending = list(editor(again, "statuses")["value"]).index("Pending HR")
    assert editor(again, "statuses").at[pending, "outcome"] == "rejected"
    again.switch_page("app_pages/funnel.py").run()
    # Acme and both Pending HR rows rejected; Gamma (30+ days silent) and Epsilon counted as no response.
    assert shown(again, "Interview rate") == "20% (n=5)"


def test_the_tracker_saved_again_with_more_rows_keeps_its_corrections():
    _correct_pending_hr(upload(open_app("data"), "tracker.csv", TRACKER))
    later = upload(open_app("data"), "tracker-december.csv", SAME_TRACKER_LATER)
    assert later.session_state["reading_choices"].statuses == {"Pending HR": REJECTED_BEFORE_INTERVIEW}


def test_another_tracker_does_not_get_them_and_starting_over_forgets_them():
    _correct_pending_hr(upload(open_app("data"), "tracker.csv", TRACKER))
    other = upload(open_app("data"), "other.csv", TRACKER.replace(b"Status", b"Where it stands"))
    assert other.session_state["reading_choices"].statuses == {}
    assert not other.sidebar.info

    again = upload(open_app("data"), "tracker.csv", TRACKER)
    again.sidebar.button(key="forget_corrections").click().run()
    no_exception(again)
    assert again.session_state["reading_choices"].statuses == {}
    assert not upload(open_app("data"), "tracker.csv", TRACKER).session_state["reading_choices"].statuses


def test_the_settings_file_carries_the_corrections_to_another_computer(corrections_folder, tmp_path, monkeypatch):
    first = upload(open_app("data"), "tracker.csv", TRACKER)
    edit(first, "columns", {FIELDS.index("role"): {"column": "(none)"}})
    _correct_pending_hr(first)
    choices = first.session_state["reading_choices"]
    corrections = store.Corrections(columns=dict(choices.columns), statuses=dict(choices.statuses))
    assert "2 corrections kept on this computer for this tracker" in " ".join(texts(first.caption))
    data = store.settings_file(corrections, "tracker.csv", ["Company", "Role", "Date Applied", "Status"])
    assert json.loads(data)["statuses"] == [["Pending HR", "applied", "rejected", True]]

    monkeypatch.setenv("NEXT_STEPS_SETTINGS_DIR", str(tmp_path / "another-computer"))
    elsewhere = upload(open_app("data"), "tracker.csv", TRACKER)
    assert elsewhere.session_state["reading_choices"].statuses == {}
    elsewhere.file_uploader(key="settings_upload").upload("tracker-next-steps-settings.json", data).run()
    no_exception(elsewhere)
    assert elsewhere.session_state["reading_choices"].statuses == {"Pending HR": REJECTED_BEFORE_INTERVIEW}
    assert elsewhere.session_state["reading_choices"].columns == {"role": None}
    assert texts(elsewhere.success) == [f"Applied 2 corrections from {plain('tracker-next-steps-settings.json')}."]


def test_a_settings_file_naming_columns_this_file_lacks_applies_the_rest_and_says_so():
    corrections = store.Corrections(columns={"feedback": "What they said", "stage": None})
    data = store.settings_file(corrections, "old.csv", ["Company", "What they said"])
    at = upload(open_app("data"), "tracker.csv", TRACKER)
    at.file_uploader(key="settings_upload").upload("old-settings.json", data).run()
    no_exception(at)
    assert at.session_state["reading_choices"].columns == {"stage": None}
    assert texts(at.success) == [f"Applied 2 corrections from {plain('old-settings.json')}. Left out the column "
                                 "“What they said”, which this file does not have."]


def test_a_file_that_is_not_a_settings_file_is_refused_in_one_sentence():
    at = upload(open_app("data"), "tracker.csv", TRACKER)
    at.file_uploader(key="settings_upload").upload("notes.json", b'{"hello": 1}').run()
    no_exception(at)
    assert texts(at.error) == [plain("This is not a Next Steps settings file; download one from the Data page first.")]
    assert at.session_state["reading_choices"].statuses == {}


def test_the_sample_is_never_kept(corrections_folder):
    at = open_app("data")
    edit(at, "statuses", {0: {"applied": False}})
    no_exception(at)
    assert not (corrections_folder / store.STORE_NAME).exists()
