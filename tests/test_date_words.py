"""Words in date columns ("No Response", "In Progress", "N/A") are facts about the reply, not bad dates."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.normalize.date_words import read_date_words, words_notes
from analysis.normalize.loading import LoadSettings, load

TODAY = dt.date(2025, 12, 1)


def words_of(values: list, unreadable: tuple):
    return read_date_words(pd.Series(values, dtype=object), unreadable, "Response date")


def test_each_word_is_read_as_what_it_says_about_the_reply():
    cells = ["No Response", "In Progress", "Ghosted", "N/A", "Pending", "Rejected", "Interview", "asdf"]
    found = words_of(cells, tuple(range(len(cells))))
    assert found.outcome.tolist() == ["no_response", "in_progress", "no_response", "", "in_progress", "rejected",
                                      "", ""]
    assert found.level.tolist() == [0, 0, 0, 0, 0, 0, 1, 0]  # "Interview": the reply was an interview
    assert found.read == frozenset(range(7))  # "asdf" stays an unreadable date
    assert [(word.word, word.meaning, word.cells) for word in found.words] == [
        ("No Response", "no response", 1), ("In Progress", "still open", 1), ("Ghosted", "no response", 1),
        ("N/A", "no date given", 1), ("Pending", "still open", 1), ("Rejected", "rejected", 1),
        ("Interview", "reached first interview", 1)]


def test_words_are_counted_once_per_distinct_word_and_only_in_unreadable_cells():
    cells = ["2025-11-03", "No Response", "No Response", "  No Response ", "N/A"]
    found = words_of(cells, (1, 2, 3, 4))
    assert [(word.word, word.cells) for word in found.words] == [("No Response", 3), ("N/A", 1)]
    assert found.outcome[0] == ""
    assert words_notes(found.words) == [
        "4 cells of 'Response date' hold words instead of dates, read as facts about the reply: "
        "'No Response' (3) as no response, 'N/A' (1) as no date given."]


def test_no_unreadable_cells_gives_no_words():
    found = words_of(["2025-11-03"], ())
    assert found.words == () and found.read == frozenset() and not found.outcome.any()


def tracker(replies: list[str], statuses: list[str]) -> bytes:
    lines = ["Company,Role,Date applied,Response date,Status"]
    lines += [f"Company {i},Analyst,2025-10-{1 + i % 28:02d},{reply},{status}"
              for i, (reply, status) in enumerate(zip(replies, statuses))]
    return "\n".join(lines).encode()


def test_a_response_column_of_words_gives_no_unreadable_dates():
    # 50 "No Response", 25 "In Progress", 5 real reply dates; the status says only "Applied".
    replies = ["No Response"] * 50 + ["In Progress"] * 25 + ["2025-10-20"] * 5
    loaded = load(tracker(replies, ["Applied"] * 80), "replies.csv", LoadSettings(today=TODAY))
    apps = loaded.applications
    assert loaded.normalized.unreadable_dates == ()
    assert [(word.word, word.cells) for word in loaded.normalized.date_words] == [
        ("No Response", 50), ("In Progress", 25)]
    stated = apps["outcome"].to_numpy()[:50]
    assert (stated == "no_response").all() and not apps["outcome_inferred"].to_numpy()[:50].any()
    assert apps["responded_on"].notna().sum() == 5
    assert any("75 cells of 'Response date' hold words" in note for note in loaded.warnings)
    assert not any("could not be read" in note for note in loaded.warnings)


def test_an_ending_in_the_status_column_outranks_a_word_in_the_response_column():
    loaded = load(tracker(["No Response", "Rejected", "No Response"], ["Rejected", "Applied", "Withdrawn"]),
                  "replies.csv", LoadSettings(today=TODAY))
    assert loaded.applications["outcome"].tolist() == ["rejected", "rejected", "withdrawn"]


def test_german_and_french_words_are_read_with_the_status_vocabulary():
    replies = ["Keine Rückmeldung", "Sans réponse", "Absage", "Refus", "En cours", "k.A.", "Entretien"]
    loaded = load(tracker(replies, ["Applied"] * len(replies)), "replies.csv", LoadSettings(today=TODAY))
    assert loaded.normalized.unreadable_dates == ()
    assert {word.word: word.meaning for word in loaded.normalized.date_words} == {
        "Keine Rückmeldung": "no response", "Sans réponse": "no response", "Absage": "rejected",
        "Refus": "rejected", "En cours": "still open", "k.A.": "no date given",
        "Entretien": "reached first interview"}
    apps = loaded.applications
    assert apps["outcome"].tolist()[:4] == ["no_response", "no_response", "rejected", "rejected"]
    assert not apps["outcome_inferred"].to_numpy()[:4].any()
    assert apps["furthest_stage"].iloc[6] == "first_interview"
