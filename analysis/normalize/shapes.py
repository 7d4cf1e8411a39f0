"""Tables that hold applications in another shape, turned into one row per application.

- a list of moves between stages (company, from, to): the moves joined into a stage history;
- companies listed under date headers (one column per day, "1. Acme (Berlin)" under "2025-11-03"):
  one application per cell, dated by its column, with no outcome;
- a stage matrix without a company or role column: an ID or URL column names the application.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.core.errors import InputError
from analysis.normalize.columns import ColumnMapping, as_text, normalise_header, suggest_mapping
from analysis.normalize.dates import parse_dates

HISTORY_HEADER = "Stages"
DATE_LIST_HEADERS = ("Company", "Location", "Date applied")
_NUMBERING = re.compile(r"^\s*(\d{1,3}[.)]|[-•*·])\s*")
_PLACE = re.compile(r"\s*\(([^()]{1,60})\)\s*$")
_ID_HEADER = re.compile(r"^(id|job id|req id|requisition( id)?|ref|reference|no|number|nr|#|url|link|job url|job link|"
                        r"posting|posting url|application url|job posting)$|\b(url|link)\b")


def collapse_transitions(frame: pd.DataFrame, rows: pd.Series, from_header: str,
                         to_header: str) -> tuple[pd.DataFrame, pd.Series]:
    """One row per application from a list of moves: the moves joined into a stage history."""
    frame = frame.assign(_row=rows.to_numpy())
    keys = [header for header in frame.columns if header not in (from_header, to_header, "_row")]
    mapping = suggest_mapping(frame[keys])
    group_by = [h for h in (mapping.header("company"), mapping.header("role"), mapping.header("candidate")) if h]
    if not group_by:
        raise InputError("This looks like a list of moves between stages, but no column names the company.")
    frame = frame.assign(**{header: as_text(frame[header]) for header in group_by})
    moves = frame.assign(_steps=as_text(frame[from_header]) + " -> " + as_text(frame[to_header]))
    grouped = moves.groupby(group_by, sort=False)
    collapsed = grouped.agg(**{HISTORY_HEADER: ("_steps", " -> ".join), "_row": ("_row", "min")}).reset_index()
    return collapsed.drop(columns="_row"), collapsed["_row"]


def is_date_list(frame: pd.DataFrame) -> bool:
    """True when most headers are dates and the cells below them are short names (a list per day)."""
    if frame.shape[1] < 2:
        return False
    headers = pd.Series([str(header) for header in frame.columns], dtype=object)
    if parse_dates(headers, reference_year=2000).values.notna().mean() < 0.6:
        return False
    text = frame.apply(as_text)
    filled = text.to_numpy().ravel()
    filled = filled[filled != ""]
    return len(filled) > 0 and pd.Series(filled).str.len().median() <= 80


def date_list_frame(frame: pd.DataFrame, rows: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
    """One application per filled cell: its company (numbering dropped), its place in brackets, its day."""
    dates = parse_dates(pd.Series([str(header) for header in frame.columns], dtype=object), reference_year=None)
    records, numbers = [], []
    for position, header in enumerate(frame.columns):
        day = dates.values.iat[position]
        if pd.isna(day):
            continue
        for cell, row in zip(as_text(frame[header]), rows):
            if not cell:
                continue
            name = _NUMBERING.sub("", cell)
            place = _PLACE.search(name)
            records.append((_PLACE.sub("", name).strip(), place.group(1).strip() if place else "",
                            day.date().isoformat()))
            numbers.append(int(row))
    table = pd.DataFrame(records, columns=list(DATE_LIST_HEADERS), dtype=object)
    return table, pd.Series(np.array(numbers, dtype=np.int64))


def identify_by_id(frame: pd.DataFrame, mapping: ColumnMapping, exclude: tuple[str, ...]) -> ColumnMapping:
    """With no company or role column, the ID or URL column names each application (as its role)."""
    if mapping.header("company") or mapping.header("role"):
        return mapping
    used = set(mapping.columns.values()) | set(exclude)
    for header in frame.columns:
        if header not in used and _ID_HEADER.search(normalise_header(header) or "#"):
            columns = {**mapping.columns, "role": header}
            return ColumnMapping(columns, {**mapping.confidence, "role": 0.5})
    return mapping
