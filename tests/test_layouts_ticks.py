"""Tick marks in stage columns, and words written in date columns (hand-checked answers)."""
import datetime as dt

import pandas as pd

from analysis.normalize.loading import LoadSettings, load
from analysis.normalize.ticks import is_tick_column, tick_codes

TODAY = dt.date(2025, 12, 1)


def _load(text: str):
    return load(text.encode("utf-8"), "tracker.csv", LoadSettings(today=TODAY))


def test_tick_words():
    cells = pd.Series(["x", "✓", "✔", "y", "YES", "TRUE", "1", "1.0", "2025-03-04", "3/4/2025", "",
                       "n", "No", "FALSE", "0", "n/a", "g", "cancelled", "?", "CodeSignal"])
    assert tick_codes(cells).tolist() == (["yes"] * 10 + [""] + ["no"] * 4 + ["", "ghosted", "unclear", "unclear", "yes"])
    assert is_tick_column(pd.Series(["0", "1", "", "1"])) and is_tick_column(pd.Series([True, False]))
    assert not is_tick_column(pd.Series(["0", "1", "maybe"])) and not is_tick_column(pd.Series(["", ""]))


def test_x_under_each_stage_is_reached_and_cancelled_is_counted_nowhere():
    result = _load(
        "Company,Role,Date applied,Phone screen,Onsite,Offer\n"
        "Acme,Analyst,2025-11-20,x,x,x\n"          # offer
        "Beta,Analyst,2025-11-21,✓,,\n"           # first interview, open
        "Gamma,Analyst,2025-11-22,cancelled,,\n"  # the word is not a tick: applied, open
        "Delta,Analyst,2025-11-23,no,,\n"         # said no at the first stage: rejected
    )
    apps = result.applications.set_index("company")
    assert apps.loc["Acme", ["furthest_stage", "outcome"]].tolist() == ["offer", "offer"]
    assert apps.loc["Beta", ["furthest_stage", "outcome"]].tolist() == ["first_interview", "in_progress"]
    assert apps.loc["Gamma", ["furthest_stage", "outcome"]].tolist() == ["applied", "in_progress"]
    assert apps.loc["Delta", ["furthest_stage", "outcome"]].tolist() == ["applied", "rejected"]
    assert [(item.row, "cancelled" in item.reason) for item in result.normalized.unclear_marks] == [(4, True)]


def test_a_zero_one_matrix_with_only_an_id_and_a_role():
    result = _load(
        "ID,Role,Applied,Interview,Offer,Rejected\n"
        "1,Data Analyst,1,1,0,1\n"
        "2,Data Analyst,1,0,0,1\n"
        "3,BI Developer,1,1,1,0\n"
        "4,ML Engineer,1,0,0,0\n"
        "5,ML Engineer,0,0,0,0\n"   # never applied
    )
    apps = result.applications
    assert len(apps) == 4 and [item.row for item in result.skipped] == [6]
    assert apps["furthest_stage"].tolist() == ["first_interview", "applied", "offer", "applied"]
    assert apps["outcome"].tolist() == ["rejected", "rejected", "offer", "in_progress"]


def test_status_words_in_a_response_date_column_are_facts_about_the_reply():
    result = _load(
        "Company,Role,Date applied,Response date,Status\n"
        "Acme,Analyst,2025-11-01,No Response,\n"
        "Beta,Analyst,2025-11-25,In Progress,\n"
        "Gamma,Analyst,2025-11-02,Ghosted,\n"
        "Delta,Analyst,2025-11-03,N/A,Rejected\n"
        "Eps,Analyst,2025-11-04,2025-11-10,Rejected\n"
        "Zeta,Analyst,2025-11-05,soonish,\n"
    )
    apps = result.applications.set_index("company")
    assert apps["outcome"].to_dict() == {"Acme": "no_response", "Beta": "in_progress", "Gamma": "no_response",
                                         "Delta": "rejected", "Eps": "rejected", "Zeta": "in_progress"}
    assert [item.row for item in result.normalized.unreadable_dates] == [7]   # only "soonish"
    assert {word.word for word in result.normalized.date_words} >= {"No Response", "In Progress", "Ghosted"}
