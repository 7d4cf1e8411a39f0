"""The Data page's date order: one order for every date column, and the columns that read either way."""
from __future__ import annotations

import pandas as pd
from app_harness import no_exception, open_app, table, texts, upload

# Every day and month is 12 or less: no date settles the order (hand-read both ways below).
AMBIGUOUS = (
    b"Company,Role,Date Applied,Phone screen,Status\n"
    b"Acme,Analyst,03/04/2026,10/04/2026,Interview\n"
    b"Beta,Analyst,05/06/2026,,Rejected\n"
)


def order_control(at):
    return at.segmented_control(key=f"dayfirst_{at.session_state['reading_choices'].digest}")


def test_ambiguous_columns_are_named_with_the_order_chosen_and_the_order_applies_to_every_date_column():
    at = open_app("data")
    upload(at, "dates.csv", AMBIGUOUS)
    no_exception(at)
    note = next(text for text in texts(at.info) if "read either way" in text)
    assert "'Date Applied', 'Phone screen'" in note
    assert "read month first, so '03/04/2026' means 4 March" in note
    assert any("'Date Applied', 'Phone screen'" in text and "--dayfirst yes" in text for text in texts(at.warning))
    assert "Read as: month first. No date settles it (no day above 12), so the usual order when nothing " \
           "settles it." in texts(at.caption)
    applications = table(at, "The applications as read")
    assert applications["applied_on"].tolist() == [pd.Timestamp("2026-03-04"), pd.Timestamp("2026-05-06")]
    assert applications["last_update"].iloc[0] == pd.Timestamp("2026-10-04")  # the phone screen, month first

    order_control(at).set_value("day").run()
    no_exception(at)
    assert at.session_state["reading_choices"].dayfirst is True
    applications = table(at, "The applications as read")
    assert applications["applied_on"].tolist() == [pd.Timestamp("2026-04-03"), pd.Timestamp("2026-06-05")]
    assert applications["last_update"].iloc[0] == pd.Timestamp("2026-04-10")  # the stage date follows too
    assert "Read as: day first, your choice, in every date column." in texts(at.caption)
    assert not any("read either way" in text for text in texts(at.info) + texts(at.warning))

    order_control(at).set_value("auto").run()
    assert at.session_state["reading_choices"].dayfirst is None
    assert table(at, "The applications as read")["applied_on"].iloc[0] == pd.Timestamp("2026-03-04")


def test_a_date_that_proves_the_order_is_shown_as_the_reason():
    data = (b"Company,Role,Date Applied,Phone screen,Status\n"
            b"Acme,Analyst,13/10/2026,02/11/2026,Interview\n")
    at = open_app("data")
    upload(at, "uk.csv", data)
    no_exception(at)
    assert ("Read as: day first in every date column: '13/10/2026' in 'Date Applied' can only be day first."
            in texts(at.caption))
    note = next(text for text in texts(at.info) if "read either way" in text)
    assert "'Phone screen'" in note and "'02/11/2026' means 2 November" in note
    assert table(at, "The applications as read")["last_update"].iloc[0] == pd.Timestamp("2026-11-02")


def test_words_in_a_date_column_are_listed_with_their_meaning_not_as_unreadable_dates():
    data = (b"Company,Role,Date Applied,Response Date,Status\n"
            b"Acme,Analyst,2026-09-01,No Response,\n"
            b"Beta,Analyst,2026-09-02,In Progress,\n"
            b"Gamma,Analyst,2026-09-03,No Response,\n"
            b"Delta,Analyst,2026-09-04,2026-09-20,Rejected\n")
    at = open_app("data")
    upload(at, "words.csv", data)
    no_exception(at)
    words = table(at, "Words found in date columns")
    assert words.to_dict("records") == [
        {"column": "Response Date", "word": "No Response", "meaning": "no response", "cells": 2},
        {"column": "Response Date", "word": "In Progress", "meaning": "still open", "cells": 1},
    ]
    assert [item.value for item in at.metric if item.label == "Unreadable dates"] == ["0"]
