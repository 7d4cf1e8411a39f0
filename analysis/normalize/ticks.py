"""Tick marks in a stage column: was the stage reached?

x, ✓, ✔, y, yes, true, 1, a date, or a word naming the stage ("CodeSignal" under "Coding
challenge") -> reached; blank, n, no, false, 0 (and n/a, -) -> not reached; g / ghosted -> the
employer went silent at that stage. Any other word ("cancelled", "?") is not understood: it is
counted neither as reached nor as not reached, and the Data page lists its row. The words are in
``vocabulary.TICKS``.
"""
from __future__ import annotations

import pandas as pd

from analysis.core.schema import STAGES
from analysis.normalize.dates import parse_dates
from analysis.normalize.statuses import FIRST, interpret_status
from analysis.normalize.vocabulary import tick_words

REACHED, NOT_REACHED, BLANK, GHOSTED, UNCLEAR = "yes", "no", "", "ghosted", "unclear"
_REACHED = tick_words("reached")
_NOT_REACHED = tick_words("not_reached")
_BLANK = tick_words("blank")
_GHOSTED = tick_words("ghosted")


def _without_zero_decimals(word: str) -> str:
    """ "1.0" -> "1" (a number cell of a workbook read as text)."""
    return word[:-2] if word.endswith(".0") and word[:-2].isdigit() else word


def _word_code(word: str) -> str | None:
    """The code of a tick word, a word naming an interview stage, or None (a date, or not understood)."""
    word = _without_zero_decimals(word.strip().casefold())
    if word in _BLANK or not word:
        return BLANK
    if word in _REACHED:
        return REACHED
    if word in _NOT_REACHED:
        return NOT_REACHED
    if word in _GHOSTED:
        return GHOSTED
    meaning = interpret_status(word)
    level = STAGES.index(meaning.stage) if meaning.stage else -1
    if meaning.applied and level >= FIRST and meaning.outcome in (None, "in_progress"):
        return REACHED
    return None


def tick_codes(values: pd.Series) -> pd.Series:
    """Each cell as "yes" (reached), "no", "ghosted", "" (blank) or "unclear" (not understood)."""
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    distinct = pd.Series(text.unique(), dtype=object)
    codes = distinct.map(_word_code)
    undecided = codes.isna()
    if undecided.any():
        dated = parse_dates(distinct[undecided].reset_index(drop=True), reference_year=2000).values.notna().to_numpy()
        codes[undecided] = [REACHED if is_date else UNCLEAR for is_date in dated]
    return text.map(dict(zip(distinct, codes)))


def is_tick_column(values: pd.Series, sample: int = 400) -> bool:
    """True when the filled cells are tick marks only (0/1, TRUE/FALSE, x, yes/no) and some are filled."""
    head = values.head(sample)
    text = head.astype(object).where(head.notna(), "").astype(str).str.strip()
    filled = text[text != ""].unique()
    if len(filled) == 0:
        return False
    words = {_without_zero_decimals(word.casefold()) for word in filled}
    return words <= (_REACHED | _NOT_REACHED | _BLANK | _GHOSTED)
