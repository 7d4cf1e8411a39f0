"""Recognise how a tracker records progress, beyond one status column.

- stage columns: one column per stage ("Phone", "Onsite", "Panel Interview") holding dates,
  ``yes`` or ``Y``/``N``/``G`` flags;
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

_FROM_HEADERS = {"source", "from", "from stage", "previous stage", "from status", "stage from", "start"}
_TO_HEADERS = {"target", "to", "to stage", "next stage", "to status", "stage to", "end"}
_HISTORY_MARK = re.compile(r"""['"]stage['"]\s*:|->|→|=>|\s>\s""")
_HISTORY_STEP = re.compile(r"""['"]stage['"]\s*:\s*['"]([^'"]+)['"]""")
_HISTORY_SPLIT = re.compile(r"->|→|=>|\s>\s|;|\|")
_BLANK_FLAGS = {"", "n/a", "na", "-", "expired", "none", "null", "?"}
_NO_FLAGS = {"n", "no", "false", "0", "not", "x"}
_GHOST_FLAGS = {"g", "ghosted", "ghost"}
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
    """Columns whose header names a stage or an outcome and whose cells are flags, dates or short words."""
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
        numeric = pd.to_numeric(filled, errors="coerce").notna().mean()
        if numeric > 0.5 and date_share(frame[header]) < 0.5:
            continue
        level = stage_level_of(normalise_header(header))
        outcome = meaning.outcome if meaning.outcome not in (None, "offer") else None
        if outcome is not None:
            found.append(StageColumn(header, None, outcome))
        elif level is not None and level > APPLIED:
            found.append(StageColumn(header, level, None))
    return found


def flag_codes(values: pd.Series) -> pd.Series:
    """Each cell of a stage column as "yes", "no", "ghosted" or "" (blank)."""
    text = as_text(values)
    distinct = {value: _flag(value) for value in text.unique()}
    return text.map(distinct)


def _flag(value: str) -> str:
    lowered = value.strip().lower()
    if lowered in _BLANK_FLAGS:
        return ""
    if lowered in _NO_FLAGS:
        return "no"
    if lowered in _GHOST_FLAGS:
        return "ghosted"
    return "yes"


def stage_column_evidence(frame: pd.DataFrame, columns: list[StageColumn]) -> tuple[np.ndarray, pd.Series]:
    """Per row: the furthest level the stage columns show, and the outcome they state ("" when none)."""
    rows = len(frame)
    best = np.zeros(rows, dtype=np.int8)
    interviews = np.zeros(rows, dtype=np.int8)
    outcome = pd.Series([""] * rows, index=frame.index, dtype=object)
    said_no = np.zeros(rows, dtype=bool)
    ghosted = np.zeros(rows, dtype=bool)
    not_in_progress = np.zeros(rows, dtype=bool)
    for column in columns:
        flags = flag_codes(frame[column.header]).to_numpy()
        yes = flags == "yes"
        if column.outcome is not None:
            outcome = outcome.mask(yes & (outcome == "").to_numpy(), column.outcome)
            if column.outcome == "in_progress":
                not_in_progress |= flags == "no"
            continue
        best = np.maximum(best, np.where(yes, column.level, 0)).astype(np.int8)
        if FIRST <= column.level <= FINAL:
            interviews += yes
        said_no |= flags == "no"
        ghosted |= flags == "ghosted"
    best = np.maximum(best, np.minimum(interviews, 2)).astype(np.int8)
    empty = (outcome == "").to_numpy()
    outcome = outcome.mask(empty & ghosted, "no_response")
    empty = (outcome == "").to_numpy()
    outcome = outcome.mask(empty & said_no & (best < OFFER), "rejected")
    # Marked "not in progress" with no other ending: the application ended without a reply.
    empty = (outcome == "").to_numpy()
    outcome = outcome.mask(empty & not_in_progress & (best < OFFER), "no_response")
    return best, outcome
