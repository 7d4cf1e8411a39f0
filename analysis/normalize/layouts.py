"""Recognise how a tracker records progress, beyond one status column.

- stage columns: one column per stage ("Phone", "Onsite", "Panel Interview") holding dates,
  tick marks (``ticks.py``: 0/1, TRUE/FALSE, x, ✓, ``Y``/``N``/``G``) or words naming the stage;
- transitions: one row per move (company, from-stage, to-stage);
- a stage history inside one cell ("[{'stage': 'Applied'}, {'stage': 'Phone Screen'}]");
- a table of counts, which is not a tracker at all and is refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core.schema import STAGES
from analysis.normalize.columns import as_text, normalise_header
from analysis.normalize.dates import date_share
from analysis.normalize.statuses import (
    APPLIED,
    FINAL,
    FIRST,
    OFFER,
    StatusMeaning,
    interpret_status,
    stage_level_of,
)
from analysis.normalize.ticks import GHOSTED, NOT_REACHED, REACHED, UNCLEAR, is_tick_column, tick_codes

_FROM_HEADERS = {"source", "from", "from stage", "previous stage", "from status", "stage from", "start"}
_TO_HEADERS = {"target", "to", "to stage", "next stage", "to status", "stage to", "end"}
_HISTORY_MARK = re.compile(r"""['"]stage['"]\s*:|->|→|=>|\s>\s""")
_HISTORY_STEP = re.compile(r"""['"]stage['"]\s*:\s*['"]([^'"]+)['"]""")
_HISTORY_SPLIT = re.compile(r"->|→|=>|\s>\s|;|\|")
# Headers that mention a stage word but describe something else ("Contact Phone Number", "Application URL").
_NOT_STAGE_HEADER = re.compile(
    r"\b(number|no|url|link|email|e mail|contact|name|site|website|address|salary|pay|notes?|comments?|"
    r"time|days|required|submitted|letter|type|id)\b"
)
_COUNT_LABELS = re.compile(r"applications?|rejections?|interviews?|offers?|total|pending|jobs|declined|accepted|count")


@dataclass(frozen=True)
class StageColumn:
    """A column standing for one stage (``level``) or one outcome (``outcome``)."""

    header: str
    level: int | None
    outcome: str | None


def is_count_table(frame: pd.DataFrame) -> bool:
    """True for a summary table of counts (rows "Applications", "Rejections" and numbers) rather than applications."""
    if frame.shape[1] < 2 or len(frame) > 60:
        return False
    labels = as_text(frame.iloc[:, 0]).str.lower()
    rest = frame.iloc[:, 1:].apply(as_text)
    numbers = rest.apply(lambda column: pd.to_numeric(column, errors="coerce").notna()).to_numpy().mean()
    label_share = labels.str.contains(_COUNT_LABELS).mean()
    return bool(numbers >= 0.8 and label_share >= 0.5)


def detect_transitions(frame: pd.DataFrame) -> tuple[str, str] | None:
    """The (from, to) headers of a list of moves between stages, or None."""
    names = {normalise_header(header): header for header in frame.columns}
    from_header = next((names[n] for n in names if n in _FROM_HEADERS), None)
    to_header = next((names[n] for n in names if n in _TO_HEADERS), None)
    if from_header is None or to_header is None:
        return None
    values = pd.concat([as_text(frame[from_header]), as_text(frame[to_header])]).unique()
    values = [value for value in values if value]
    if not values:
        return None
    recognised = sum(interpret_status(value).recognised for value in values) / len(values)
    return (from_header, to_header) if recognised >= 0.7 else None


def detect_history_column(frame: pd.DataFrame) -> str | None:
    """The header of a column holding a list of stages per cell, or None."""
    for header in frame.columns:
        text = as_text(frame[header].head(200))
        filled = text[text != ""]
        if len(filled) and filled.str.contains(_HISTORY_MARK).mean() >= 0.5:
            return header
    return None


def history_steps(cell: str) -> list[str]:
    """The stage names listed in one history cell, in order."""
    steps = _HISTORY_STEP.findall(cell)
    if not steps:
        steps = [part.strip() for part in _HISTORY_SPLIT.split(cell)]
    return [step for step in steps if step]


def furthest_of_steps(steps: list[str]) -> tuple[int, str | None]:
    """Furthest stage level and final outcome of an ordered list of stage names.

    The level is the highest any step names, and at least the number of distinct
    interview steps (two interview steps mean a second interview was reached).
    """
    levels, outcome, interviews = [0], None, set()
    for step in steps:
        meaning = interpret_status(step)
        level = stage_level_of_meaning(meaning)
        if level is not None:
            levels.append(level)
            if FIRST <= level <= FINAL:
                interviews.add(step.strip().lower())
        if meaning.outcome and meaning.outcome != "in_progress":
            outcome = meaning.outcome
    return max(max(levels), min(len(interviews), 2)), outcome


def stage_level_of_meaning(meaning: StatusMeaning) -> int | None:
    """The numeric level of a StatusMeaning's stage, or None."""
    return STAGES.index(meaning.stage) if meaning.stage else None


def detect_stage_columns(frame: pd.DataFrame, exclude: tuple[str, ...]) -> list[StageColumn]:
    """Columns whose header names a stage or an outcome and whose cells are tick marks, dates or short words.

    A column named only "Applied" counts when it holds tick marks (a stage matrix's first column).
    """
    found = []
    for header in frame.columns:
        if header in exclude:
            continue
        meaning = interpret_status(header)
        if not meaning.recognised or not meaning.applied or _NOT_STAGE_HEADER.search(normalise_header(header)):
            continue
        text = as_text(frame[header])
        filled = text[text != ""]
        if filled.empty or filled.str.len().median() > 40:
            continue
        ticks = is_tick_column(frame[header])
        numeric = pd.to_numeric(filled, errors="coerce").notna().mean()
        if not ticks and numeric > 0.5 and date_share(frame[header]) < 0.5:
            continue
        level = stage_level_of(normalise_header(header))
        outcome = meaning.outcome if meaning.outcome not in (None, "offer") else None
        if ticks and _only_applied_words(header):
            found.append(StageColumn(header, APPLIED, None))
        elif outcome is not None:
            found.append(StageColumn(header, None, outcome))
        elif level is not None and level > APPLIED:
            found.append(StageColumn(header, level, None))
    return found


def _only_applied_words(header: str) -> bool:
    """True for a header made only of words meaning "applied" ("Applied", "Application sent")."""
    words = normalise_header(header).split()
    return bool(words) and all(stage_level_of(word) == APPLIED for word in words)


@dataclass(frozen=True)
class StageMarks:
    """What the stage columns say per row: furthest level, stated outcome ("" when none), whether an
    unticked "Applied" column says the row was never sent, and the cells not understood
    (row position, header, value)."""

    level: np.ndarray
    outcome: pd.Series
    not_applied: np.ndarray
    unclear: tuple[tuple[int, str, str], ...]


def stage_column_evidence(frame: pd.DataFrame, columns: list[StageColumn]) -> StageMarks:
    """Per row: the furthest level the stage columns show and the outcome they state (see ``StageMarks``).
"""
    rows = len(frame)
    best = np.zeros(rows, dtype=np.int8)
    interviews = np.zeros(rows, dtype=np.int8)
    outcome = pd.Series([""] * rows, index=frame.index, dtype=object)
    said_no, ghosted, not_in_progress, applied_no, anything = (np.zeros(rows, dtype=bool) for _ in range(5))
    unclear: list[tuple[int, str, str]] = []
    codes = {column.header: tick_codes(frame[column.header]).to_numpy() for column in columns}
    filled = [codes[c.header] != "" for c in columns if c.level is not None and c.level > APPLIED]
    # A dense matrix (every cell 0 or 1) writes "no" for every stage not reached: that is not a rejection.
    # A sparse one writes marks only as far as the application got, so its "no" says where it stopped.
    dense = bool(filled) and float(np.mean(filled)) >= 0.9
    for column in columns:
        flags = codes[column.header]
        yes = flags == REACHED
        anything |= yes
        unclear += [(int(i), column.header, str(frame[column.header].iat[i])) for i in np.flatnonzero(flags == UNCLEAR)]
        if column.outcome is not None:
            outcome = outcome.mask(yes & (outcome == "").to_numpy(), column.outcome)
            if column.outcome == "in_progress":
                not_in_progress |= flags == NOT_REACHED
            continue
        if column.level == APPLIED:
            applied_no |= flags == NOT_REACHED
            continue
        best = np.maximum(best, np.where(yes, column.level, 0)).astype(np.int8)
        if FIRST <= column.level <= FINAL:
            interviews += yes
        said_no |= flags == NOT_REACHED
        ghosted |= flags == GHOSTED
    best = np.maximum(best, np.minimum(interviews, 2)).astype(np.int8)
    empty = (outcome == "").to_numpy()
    outcome = outcome.mask(empty & ghosted, "no_response")
    empty = (outcome == "").to_numpy()
    outcome = outcome.mask(empty & said_no & (best < OFFER) & (not dense), "rejected")
    # Marked "not in progress" with no other ending: the application ended without a reply.
    empty = (outcome == "").to_numpy()
    outcome = outcome.mask(empty & not_in_progress & (best < OFFER), "no_response")
    return StageMarks(best, outcome, applied_no & ~anything, tuple(sorted(unclear)))
