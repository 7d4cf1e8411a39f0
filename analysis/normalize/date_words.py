"""Words written in a date column instead of a date: facts about the reply, not bad dates.

A "Response date" column often holds "No Response", "In Progress", "Ghosted", "Rejected" or
"N/A" where no reply date exists. Each such word is read with the status vocabulary
(``statuses.interpret_status``) or, for the words that only say there is no date, a short list
here; the rows take the outcome and stage the word states, and the words are counted.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core.schema import STAGES
from analysis.core.wording import plural
from analysis.normalize.statuses import interpret_status

NO_DATE = "no date given"
MEANINGS = {"no_response": "no response", "in_progress": "still open", "rejected": "rejected",
            "withdrawn": "withdrawn", "offer": "offer"}
# Words saying only that the cell has no date (English, German, French).
_NO_DATE_WORDS = frozenset({
    "n/a", "na", "n.a.", "n. a.", "-", "--", "---", "—", "–", "none", "unknown", "?", "??", "tbd", "tba",
    "not applicable", "k.a.", "k. a.", "keine angabe", "n.v.", "nv", "s.o.", "entfällt", "sans objet",
    "non applicable", "nc", "n.c.", "inconnu", "unbekannt",
})


@dataclass(frozen=True)
class DateWord:
    """A word found in a date column, what it was read as and how many cells hold it."""

    header: str
    word: str
    meaning: str
    cells: int


@dataclass(frozen=True)
class DateWords:
    """Per row of the column: the outcome a word states ("" when none) and the stage level it implies.

    ``read`` holds the index labels of the cells read as words (they are not unreadable dates).
    """

    outcome: np.ndarray
    level: np.ndarray
    read: frozenset
    words: tuple[DateWord, ...]


def read_date_words(raw: pd.Series, unreadable: tuple, header: str) -> DateWords:
    """Read the cells of a date column that are not dates (index labels ``unreadable``) as words."""
    outcome = np.full(len(raw), "", dtype=object)
    level = np.zeros(len(raw), dtype=np.int8)
    if not unreadable:
        return DateWords(outcome, level, frozenset(), ())
    positions = raw.index.get_indexer(list(unreadable))
    texts = pd.Series(raw.to_numpy()[positions], dtype=object).astype(str).str.strip()
    codes, distinct = pd.factorize(texts)
    meanings = [_meaning(word) for word in distinct]
    known = np.array([meaning is not None for meaning in meanings], dtype=bool)
    read = [meaning or ("", 0) for meaning in meanings]
    outcome[positions] = np.array([stated for stated, _ in read], dtype=object)[codes]
    level[positions] = np.array([stage for _, stage in read], dtype=np.int8)[codes]
    counts = np.bincount(codes, minlength=len(distinct))
    words = tuple(DateWord(header, word, _describe(*meaning), int(count))
                  for word, meaning, count in zip(distinct, meanings, counts) if meaning is not None)
    labels = np.asarray(list(unreadable), dtype=object)[known[codes]]
    return DateWords(outcome, level, frozenset(labels.tolist()), words)


def _meaning(word: str) -> tuple[str, int] | None:
    """(outcome or "", stage level) a word states, or None when it is not a word about the reply."""
    if word.lower() in _NO_DATE_WORDS:
        return "", 0
    if not any(character.isalpha() for character in word):
        return None
    meaning = interpret_status(word)
    if not meaning.recognised:
        meaning = interpret_status(_fold(word))
    if not meaning.recognised or not meaning.applied:
        return None
    return meaning.outcome or "", STAGES.index(meaning.stage) if meaning.stage else 0


def _describe(outcome: str, level: int) -> str:
    """What a word was read as, in words ("no response", "reached first interview")."""
    if outcome:
        return MEANINGS.get(outcome, outcome.replace("_", " "))
    return f"reached {STAGES[level].replace('_', ' ')}" if level else NO_DATE


def _fold(word: str) -> str:
    """The word without accents ("Rückmeldung" -> "Ruckmeldung", "réponse" -> "reponse")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def words_notes(words: tuple[DateWord, ...], shown: int = 6) -> list[str]:
    """One sentence per date column holding words: how many cells, and what each word was read as."""
    notes = []
    for header in dict.fromkeys(word.header for word in words):
        found = sorted((word for word in words if word.header == header), key=lambda word: -word.cells)
        total = sum(word.cells for word in found)
        listed = ", ".join(f"'{word.word}' ({word.cells}) as {word.meaning}" for word in found[:shown])
        more = f" and {len(found) - shown} more" if len(found) > shown else ""
        notes.append(f"{plural(total, 'cell')} of '{header}' {'holds' if total == 1 else 'hold'} words instead of dates, "
                     f"read as facts about the reply: {listed}{more}.")
    return notes
