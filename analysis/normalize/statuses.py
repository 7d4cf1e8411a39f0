"""What a raw status or stage word says: how far the application got and how it ended.

``interpret_status("Inter + Rejec")`` -> first interview, rejected. Tolerant of case, accents, emoji,
stretched letters ("reeejected"), light typos and abbreviations; reads English, German and French
(the words are in ``vocabulary.py``). Values it cannot place are
returned as unrecognised, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from rapidfuzz import fuzz, process

from analysis.core.schema import STAGES
from analysis.normalize.vocabulary import fold, pattern_of, plain_words

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


_NOT_APPLIED = pattern_of("not_applied")
_OFFER_LOST = pattern_of("offer_lost")
_OFFER = pattern_of("offer")
_WITHDRAWN = pattern_of("withdrawn")
_NO_RESPONSE = pattern_of("no_response")
_ROLE_CLOSED = pattern_of("role_closed")
_REJECTED = pattern_of("rejected")
_IN_PROGRESS = pattern_of("in_progress")
# An employer's approach ("Recruiter Inquiry") starts an application; it is not an interview.
_APPROACH = pattern_of("approach")
_STAGE_WORDS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (FINAL, pattern_of("final")),
    (SECOND, pattern_of("second")),
    (FIRST, pattern_of("first")),
    (APPLIED, pattern_of("applied")),
)

# Words used to correct light typos, token by token.
_VOCABULARY = sorted({
    "rejected", "rejection", "declined", "unsuccessful", "withdrew", "withdrawn", "ghosted", "interview",
    "interviewing", "offer", "accepted", "pending", "applied", "screening", "onsite", "final", "second",
    "response", "negotiating", "progress", "selected", "recruiter", "assessment", "removed", "closed",
    "cancelled", "waiting", "submitted", "wishlist", "bookmarked", "hired", "technical", "panel",
})
# Words of the other languages are left as they are, never corrected into English ("reponse") nor
# used as corrections ("position" is not a typo of the French "proposition").
_KNOWN = frozenset(_VOCABULARY) | plain_words()


def _normalise(text: str) -> str:
    text = fold(text)
    text = re.sub(r"(.)\1{2,}", r"\1", text)            # reeejected -> rejected
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()    # emoji, punctuation, apostrophes
    return " ".join(_correct(token) for token in text.split())


def _correct(token: str) -> str:
    if len(token) < 6 or token in _KNOWN:
        return token
    close = process.extractOne(token, _VOCABULARY, scorer=fuzz.ratio, score_cutoff=84)
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
