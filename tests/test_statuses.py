"""Raw status and stage words -> furthest stage and outcome."""
import pandas as pd
import pytest

from analysis.normalize.statuses import interpret_status, status_table


@pytest.mark.parametrize(
    ("raw", "stage", "outcome"),
    [
        ("reeejected", None, "rejected"),
        ("Rejection :(", None, "rejected"),
        ("Rejected ", None, "rejected"),
        ("rejcted", None, "rejected"),
        ("Inter + Rejec", "first_interview", "rejected"),
        ("Not Selected", None, "rejected"),
        ("Unsuccessful", None, "rejected"),
        ("I Withdrew", None, "withdrawn"),
        ("No reply", None, "no_response"),
        ("Ghosted 👻", None, "no_response"),
        ("No response to application", "applied", "no_response"),
        ("Offer accepted", "offer", "offer"),
        ("Offer declined", "offer", "offer"),
        ("Declined offer", "offer", "offer"),
        ("Negotiating", "offer", "offer"),
        ("Accepted!", "offer", "offer"),
        ("Pending", None, "in_progress"),
        ("Applied", "applied", "in_progress"),
        ("Interviewing", "first_interview", "in_progress"),
        ("Phone Screen", "first_interview", None),
        ("2nd interview", "second_interview", None),
        ("Technical Interview", "second_interview", None),
        ("Final Round", "final_interview", None),
        ("Panel Interview", "final_interview", None),
        ("Recruiter Inquiry", "applied", None),
        ("Rejected after final round", "final_interview", "rejected"),
    ],
)
def test_status_words(raw, stage, outcome):
    meaning = interpret_status(raw)
    assert (meaning.stage, meaning.outcome) == (stage, outcome)
    assert meaning.recognised and meaning.applied


def test_position_removed_is_a_rejection_outside_the_candidates_control():
    meaning = interpret_status("Position Removed")
    assert meaning.outcome == "rejected"
    assert meaning.external_reason


@pytest.mark.parametrize("raw", ["Wishlist", "Bookmarked", "Need to apply", "Didn't apply",
                                 "Didn't apply before application closed", "Applying"])
def test_values_that_are_not_applications(raw):
    assert interpret_status(raw).applied is False


@pytest.mark.parametrize("raw", ["Archived", "yes", "42", "", "☺"])
def test_unknown_values_are_not_guessed(raw):
    meaning = interpret_status(raw)
    assert not meaning.recognised
    assert meaning.stage is None and meaning.outcome is None


def test_status_table_counts_each_distinct_value():
    table = status_table(pd.Series(["Rejected", "Rejected", "Ghosted", "", "Archived"]))
    assert table.set_index("value")["rows"].to_dict() == {"Rejected": 2, "Ghosted": 1, "Archived": 1}
    assert table.set_index("value").loc["Archived", "recognised"] == False  # noqa: E712


@pytest.mark.parametrize(("raw", "stage", "outcome"), [
    ("Absage", None, "rejected"),
    ("Vorstellungsgespräch", "first_interview", None),
    ("Zweitgespräch", "second_interview", None),
    ("Zusage", "offer", "offer"),
    ("Keine Rückmeldung", None, "no_response"),
    ("Refus", None, "rejected"),
    ("Entretien", "first_interview", None),
    ("Offre", "offer", "offer"),
    ("Sans réponse", None, "no_response"),
    ("En attente", None, "in_progress"),
    ("Position Removed", None, "rejected"),   # an English word is never "corrected" into a French one
])
def test_german_and_french_status_words(raw, stage, outcome):
    meaning = interpret_status(raw)
    assert (meaning.recognised, meaning.stage, meaning.outcome) == (True, stage, outcome)
