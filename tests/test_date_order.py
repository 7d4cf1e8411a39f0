"""One day/month order per file: decided from every date column together, overridable once for all."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.normalize.date_order import order_notes
from analysis.normalize.dates import read_file_dates
from analysis.normalize.loading import LoadSettings, load

T = pd.Timestamp


def read(columns: dict[str, list], dayfirst: bool | None = None):
    return read_file_dates({header: pd.Series(values, dtype=object) for header, values in columns.items()}, dayfirst)


def test_a_date_above_12_in_one_column_sets_the_order_of_the_others():
    result = read({"Applied": ["13/10/2024", "01/10/2024"], "Phone screen": ["02/11/2024", None]})
    assert result.order.dayfirst is True and result.order.reason == "proven"
    assert (result.order.example, result.order.example_column) == ("13/10/2024", "Applied")
    assert result.columns["Phone screen"].values.iloc[0] == T("2024-11-02")  # not 11 February
    assert result.columns["Applied"].values.tolist() == [T("2024-10-13"), T("2024-10-01")]
    assert result.order.ambiguous == ("Phone screen",)
    assert (result.order.sample, result.order.sample_reading) == ("02/11/2024", "2 November")


def test_the_order_proven_by_more_dates_wins_and_the_others_are_unreadable():
    # Two dates can only be month first (10/13, 10/14), one only day first (13/10).
    result = read({"Applied": ["10/13/2024", "10/14/2024"], "Reply": ["13/10/2024", "11/02/2024"]})
    assert result.order.dayfirst is False and result.order.contradicting == 1
    assert result.columns["Reply"].unreadable == (0,)
    assert result.columns["Reply"].values.iloc[1] == T("2024-11-02")


def test_a_chosen_order_applies_to_every_column():
    result = read({"Applied": ["13/10/2024", "01/10/2024"], "Phone screen": ["02/11/2024", None]}, dayfirst=False)
    assert result.order.reason == "chosen" and result.order.contradicting == 1
    assert result.columns["Applied"].unreadable == (0,)
    assert result.columns["Applied"].values.iloc[1] == T("2024-01-10")
    assert result.columns["Phone screen"].values.iloc[0] == T("2024-02-11")


@pytest.mark.parametrize("columns, dayfirst, reason", [
    ({"Applied": ["03.04.2024", "05.06.2024"]}, True, "dots"),
    ({"Applied": ["03/04/2024"], "Notes date": ["3 Nov 2024", "4 Nov 2024"]}, True, "month names"),
    ({"Applied": ["03/04/2024"], "Notes date": ["Nov 3, 2024"]}, False, "month names"),
    ({"Applied": ["03/04/2024", "05/06/2024"]}, False, "default"),
])
def test_without_proof_dots_then_month_names_then_month_first(columns, dayfirst, reason):
    order = read(columns).order
    assert (order.dayfirst, order.reason) == (dayfirst, reason)
    assert order.ambiguous == ("Applied",)


def test_no_order_is_needed_without_numeric_dates():
    order = read({"Applied": ["2024-10-13", "Nov 3, 2024"]}).order
    assert order.numeric is False and order.ambiguous == () and order_notes(order) == []


def test_notes_name_the_ambiguous_columns_the_order_and_how_to_change_it():
    proven = order_notes(read({"Applied": ["13/10/2024"], "Phone screen": ["02/11/2024"]}).order)
    assert len(proven) == 1
    assert "'Phone screen'" in proven[0] and "read day first" in proven[0] and "'13/10/2024' in 'Applied'" in proven[0]
    assert "Data page" in proven[0] and "--dayfirst no" in proven[0]
    unsettled = order_notes(read({"Applied": ["03/04/2024"], "Reply": ["05/04/2024"]}).order)
    assert "every number in 'Applied', 'Reply' is 12 or less" in unsettled[0]
    assert "read month first ('03/04/2024' means 4 March)" in unsettled[0] and "--dayfirst yes" in unsettled[0]
    assert order_notes(read({"Applied": ["03/04/2024"]}, dayfirst=True).order) == []


TRACKER = (
    "Company,Role,Applied,Phone screen,Status\n"
    "Acme,Analyst,13/10/2024,02/11/2024,In progress\n"
    "Beta,Analyst,01/10/2024,,In progress\n"
)


def load_tracker(dayfirst: bool | None = None):
    settings = LoadSettings(today=dt.date(2024, 11, 20), ghost_after_days=30, dayfirst=dayfirst)
    return load(TRACKER.encode(), "tracker.csv", settings)


def test_a_live_interview_is_not_read_as_no_response():
    loaded = load_tracker()
    acme = loaded.applications.iloc[0]
    # Phone screen on 2 November: 18 days of silence by 20 November, under the 30-day window.
    assert acme["last_update"] == T("2024-11-02")
    assert acme["furthest_stage"] == "first_interview"
    assert acme["outcome"] == "in_progress" and not acme["outcome_inferred"]
    # Beta: applied 1 October, no reply for 50 days: no response (inferred).
    beta = loaded.applications.iloc[1]
    assert beta["applied_on"] == T("2024-10-01") and beta["outcome"] == "no_response" and beta["outcome_inferred"]
    assert loaded.normalized.date_order.ambiguous == ("Phone screen",)
    assert any("'Phone screen'" in note and "day first" in note for note in loaded.warnings)


def test_the_files_order_reaches_the_stage_date_columns():
    loaded = load_tracker(dayfirst=False)
    acme = loaded.applications.iloc[0]
    assert pd.isna(acme["applied_on"])  # 13/10/2024 cannot be month first: listed as unreadable
    assert [item.row for item in loaded.normalized.unreadable_dates] == [2]
    assert acme["last_update"] == T("2024-02-11")
    assert loaded.applications.iloc[1]["applied_on"] == T("2024-01-10")


def test_without_proof_the_order_that_keeps_replies_after_their_application_wins():
    # Applied as real dates (an Excel column); the phone screens as text that reads either way.
    applied = pd.Series([dt.datetime(2024, 10, 13), dt.datetime(2024, 10, 20)], dtype=object)
    phone = pd.Series(["02/11/2024", "05/11/2024"], dtype=object)
    result = read_file_dates({"Applied": applied, "Phone": phone}, applied="Applied")
    # Month first would put both screens (11 February, 11 May) before their applications.
    assert (result.order.dayfirst, result.order.reason) == (True, "order of events")
    assert result.columns["Phone"].values.tolist() == [T("2024-11-02"), T("2024-11-05")]
    note = order_notes(result.order)[0]
    assert "the other order would put replies or stages before their application" in note


def test_the_order_of_events_also_reads_text_applied_dates():
    # Month first: applied 9 October, reply 10 February (before it); day first: 10 September, 2 October.
    result = read({"Applied": ["10/09/2024"], "Reply": ["02/10/2024"]})
    assert result.order.reason == "default"  # without knowing which column is the application
    columns = {"Applied": pd.Series(["10/09/2024"]), "Reply": pd.Series(["02/10/2024"])}
    result = read_file_dates(columns, applied="Applied")
    assert (result.order.dayfirst, result.order.reason) == (True, "order of events")
    assert result.columns["Applied"].values.iloc[0] == T("2024-09-10")


def test_a_tie_in_events_falls_back_to_the_other_rules():
    columns = {"Applied": pd.Series(["03/04/2026"]), "Phone": pd.Series(["10/04/2026"])}  # after either way
    assert read_file_dates(columns, applied="Applied").order.reason == "default"
