"""What a raw status or stage word says: how far the application got and how it ended.

``interpret_status("Inter + Rejec")`` -> first interview, rejected. Tolerant of case, emoji,
stretched letters ("reeejected"), light typos and abbreviations. Values it cannot place are
returned as unrecognised, never guessed.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.core.schema import STAGES

# Stage levels: index into STAGES.
APPLIED, FIRST, SECOND, FINAL, OFFER = range(5)


@dataclass(frozen=True)
class StatusMeaning:
    """The reading of one raw value.

    ``stage`` is the furthest stage the value implies (None when it says nothing about the
    stage), ``outcome`` how the application ended (None when it does not say), ``applied``
    is False for wishlist-like values, ``recognised`` False when nothing could be read.
    ``external_reason`` marks values that name a reason outside the candidate's control
    ("Position Removed"), so the text can count as feedback.
    """

    stage: str | None
    outcome: str | None
    applied: bool = True
    recognised: bool = True
    external_reason: bool = False


_NOT_APPLIED = re.compile(
    r"\b(wish ?list|bookmark\w*|saved|need to apply|to apply|not (yet )?applied|didn t apply|did not apply|"
    r"didnt apply|never applied|haven t applied|plan(ning)? to apply|applying|draft|prospect)\b"
)
_OFFER_LOST = re.compile(r"\b(no offer|offer (rescinded|withdrawn|revoked)|rescinded)\b")
_OFFER = re.compile(r"\b(offers?|negotiat\w*|accepted|hired|signed|job offer)\b")
_WITHDRAWN = re.compile(
    r"\b(withdr\w*|pulled out|i declined|not interested|lost interest|decided not to|declined to|retracted|"
    r"dropped out|self rejected|i rejected)\b"
)
_NO_RESPONSE = re.compile(
    r"\b(no (response|reply|replies|answer|news|contact)|ghost\w*|never heard|not heard|never responded|"
    r"unanswered|silence|no word)\b"
)
_ROLE_CLOSED = re.compile(
    r"\b(position|role|job|posting|vacancy|req)\b.*\b(removed|closed|filled|cancell?ed|on hold|frozen|pulled|expired)\b|"
    r"\b(hiring freeze|internal (hire|candidate)|filled internally|job closed|closed|cancell?ed|on hold)\b"
)
_REJECTED = re.compile(
    r"\b(reje\w*|rejec|not selected|unsuccessful|declined|turned down|not (moving|progressing|proceeding)|"
    r"no longer|denied|fail\w*|not a fit|not hired|refused|regret\w*|dismissed|not chosen|passed on|"
    r"no thanks|nope|did not pass|didn t pass|not progressed|lost)\b"
)
_IN_PROGRESS = re.compile(
    r"\b(pending|in progress|ongoing|waiting|awaiting|under review|in review|reviewing|active|open|submitted|"
    r"applied|scheduled|next steps?|considering|shortlist\w*|interviewing|in process|sent|processing|new)\b"
)
# An employer's approach ("Recruiter Inquiry") starts an application; it is not an interview.
_APPROACH = re.compile(r"\b(inquiry|enquiry|reached out|sourced|contacted|approached|inbound)\b")
_STAGE_WORDS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (FINAL, re.compile(r"\b(final\w*|onsite|on site|panel|superday|super day|last round|third|3rd|round 3|"
                       r"assessment (center|centre)|loop)\b")),
    (SECOND, re.compile(r"\b(second|2nd|round 2|technical interview|tech interview|case study|take home|"
                        r"follow up interview|team interview|inter2|interview 2)\b")),
    (FIRST, re.compile(r"\b(interview\w*|inter|intvw|screen\w*|phone|call|recruiter|hr|hiring manager|"
                       r"coding challenge|code challenge|challenge|assessment|test|codesignal|hackerrank|oa|"
                       r"first|1st|round 1|video|campus)\b")),
    (APPLIED, re.compile(r"\b(applied|submitted|application|sent)\b")),
)

# Words used to correct light typos, token by token.
_VOCABULARY = sorted({
    "rejected", "rejection", "declined", "unsuccessful", "withdrew", "withdrawn", "ghosted", "interview",
    "interviewing", "offer", "accepted", "pending", "applied", "screening", "onsite", "final", "second",
    "response", "negotiating", "progress", "selected", "recruiter", "assessment", "removed", "closed",
    "cancelled", "waiting", "submitted", "wishlist", "bookmarked", "hired", "technical", "panel",
})


def _normalise(text: str) -> str:
    text = str(text).lower()
    text = re.sub(r"(.)\1{2,}", r"\1", text)            # reeejected -> rejected
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()    # emoji, punctuation, apostrophes
    return " ".join(_correct(token) for token in text.split())


def _correct(token: str) -> str:
    if len(token) < 6 or token in _VOCABULARY:
        return token
    close = difflib.get_close_matches(token, _VOCABULARY, n=1, cutoff=0.84)
    return close[0] if close else token


def _outcome_of(text: str) -> tuple[str | None, bool]:
    if _OFFER_LOST.search(text):
        return "rejected", False
    if _WITHDRAWN.search(text):
        return "withdrawn", False
    if _OFFER.search(text):
        return "offer", False
    if _NO_RESPONSE.search(text):
        return "no_response", False
    if _ROLE_CLOSED.search(text):
        return "rejected", True
    if _REJECTED.search(text):
        return "rejected", False
    if _IN_PROGRESS.search(text):
        return "in_progress", False
    return None, False


def stage_level_of(text: str) -> int | None:
    """The stage level (0 applied … 4 offer) that a normalised word names, or None."""
    if _OFFER.search(text) and not _OFFER_LOST.search(text):
        return OFFER
    if _APPROACH.search(text):
        return APPLIED
    for level, pattern in _STAGE_WORDS:
        if pattern.search(text):
            return level
    return None


@lru_cache(maxsize=20_000)
def interpret_status(raw: str) -> StatusMeaning:
    """Read one raw status or stage value ("Rejection :(", "2nd interview", "I Withdrew")."""
    text = _normalise(raw)
    if not text:
        return StatusMeaning(stage=None, outcome=None, recognised=False)
    if _NOT_APPLIED.search(text):
        return StatusMeaning(stage=None, outcome=None, applied=False)
    outcome, external = _outcome_of(text)
    level = stage_level_of(text)
    if outcome == "offer" or outcome == "withdrawn" and "offer" in text:
        level = OFFER
    if level is None and outcome is None:
        return StatusMeaning(stage=None, outcome=None, recognised=False)
    return StatusMeaning(
        stage=STAGES[level] if level is not None else None,
        outcome=outcome,
        external_reason=external,
    )


def status_table(values: pd.Series, overrides: dict[str, StatusMeaning] | None = None) -> pd.DataFrame:
    """One row per distinct raw value: how many rows carry it and what it is read as.

    Columns: ``value``, ``rows``, ``stage``, ``outcome``, ``applied``, ``recognised``. This is
    the table the user can edit; pass the edited version back as status overrides, which then
    show in the table in place of the automatic reading.
    """
    overrides = overrides or {}
    counts = values.astype(str).str.strip()
    counts = counts[counts != ""].value_counts()
    rows = []
    for value, count in counts.items():
        meaning = overrides.get(value) or interpret_status(value)
        rows.append({
            "value": value,
            "rows": int(count),
            "stage": meaning.stage,
            "outcome": meaning.outcome,
            "applied": meaning.applied,
            "recognised": meaning.recognised,
        })
    return pd.DataFrame(rows, columns=["value", "rows", "stage", "outcome", "applied", "recognised"])
