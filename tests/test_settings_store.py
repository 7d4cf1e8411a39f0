"""Corrections as a settings file and as kept on this machine (ui.settings.store)."""
from __future__ import annotations

import json

import pytest

from ui.settings import store
from ui.settings.store import Corrections, SettingsError

CORRECTIONS = Corrections(
    sheet="2026",
    columns={"stage": None, "feedback": "What they said"},
    statuses={"Ghosted": ("applied", "no_response", True), "Wishlist": (None, None, False)},
    dayfirst=True,
    keywords={"technical_skills": ("Power BI", "dbt")},
)
HEADERS = ["Company", "Role", "Date", "What they said"]


def test_the_signature_ignores_case_and_spacing_but_not_order_or_names():
    same = store.signature(["company", " Role ", "date", "What  they said"])
    assert store.signature(HEADERS) == same
    assert store.signature(list(reversed(HEADERS))) != same
    assert store.signature(HEADERS[:3]) != same


def test_a_settings_file_round_trips_every_kind_of_correction():
    data = store.settings_file(CORRECTIONS, "tracker.xlsx", HEADERS)
    document = json.loads(data)
    assert document["format"] == "next-steps-settings" and document["tracker"] == "tracker.xlsx"
    assert document["signature"] == store.signature(HEADERS)
    assert store.read_settings_file(data) == CORRECTIONS
    assert CORRECTIONS.count() == 1 + 2 + 2 + 1 + 2


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x89PNG\r\n", "it is not JSON text"),
    (b'{"columns": {}}', "download one from the Data page first"),
    (b'{"format": "next-steps-settings", "version": 9}', "comes from a newer Next Steps"),
    (b'{"format": "next-steps-settings", "version": 1, "columns": ["stage"]}', "column choices are not a list of fields"),
    (b'{"format": "next-steps-settings", "version": 1, "statuses": [["x", "offer"]]}', r"is not \(value, stage, outcome, applied\)"),
    (b'{"format": "next-steps-settings", "version": 1, "sheet": 3}', "the sheet name should be text"),
    (b'{"format": "next-steps-settings", "version": 1, "dayfirst": "yes"}', "neither day first nor month first"),
])
def test_an_unusable_settings_file_is_refused_with_one_sentence(data, reason):
    with pytest.raises(SettingsError, match=reason):
        store.read_settings_file(data)


def test_unknown_fields_stages_themes_and_bad_keywords_are_dropped():
    document = {"format": "next-steps-settings", "version": 1,
                "columns": {"salary": "Pay", "role": "Title"},
                "statuses": [["Maybe", "fourth_interview", "won", True]],
                "keywords": {"generic": ["x"], "nonsense": ["y"], "communication": ["  clear   speech ", "!!!", "a" * 61]}}
    corrections = store.read_settings_file(json.dumps(document).encode())
    assert corrections.columns == {"role": "Title"}
    assert corrections.statuses == {"Maybe": (None, None, True)}
    assert corrections.dayfirst is None
    assert corrections.keywords == {"communication": ("clear speech",)}


def test_kept_corrections_come_back_by_signature_and_empty_ones_are_forgotten(tmp_path):
    signature = store.signature(HEADERS)
    assert store.kept(signature, tmp_path) is None
    assert store.keep(signature, CORRECTIONS, tmp_path)
    assert store.kept(signature, tmp_path) == CORRECTIONS
    assert store.kept(store.signature(HEADERS[:2]), tmp_path) is None
    assert store.keep(signature, Corrections(), tmp_path)
    assert store.kept(signature, tmp_path) is None


def test_the_default_folder_is_the_users_configuration_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("NEXT_STEPS_SETTINGS_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert store.settings_dir() == tmp_path / "next-steps"


def test_a_damaged_store_reads_as_empty_and_an_unwritable_folder_is_reported(tmp_path):
    (tmp_path / store.STORE_NAME).write_text("not json")
    assert store.kept("anything", tmp_path) is None
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert store.keep("x", CORRECTIONS, blocker / "inside") is False


def test_only_the_most_recently_saved_trackers_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "MAX_TRACKERS", 3)
    for number in range(5):
        store.keep(f"tracker-{number}", CORRECTIONS, tmp_path)
    kept = [number for number in range(5) if store.kept(f"tracker-{number}", tmp_path) is not None]
    assert kept == [2, 3, 4]
