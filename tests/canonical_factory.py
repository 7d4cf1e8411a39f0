"""Build small canonical applications tables for unit tests, with defaults for every column."""
from __future__ import annotations

import pandas as pd

from analysis.core.schema import CANONICAL_COLUMNS

TEXT_COLUMNS = ("company", "role", "source", "channel", "location", "candidate", "feedback")
DATE_COLUMNS = ("applied_on", "responded_on", "last_update")

DEFAULTS = {
    "company": "Acme",
    "role": "Data Analyst",
    "source": "LinkedIn",
    "channel": "LinkedIn",
    "location": "",
    "candidate": "",
    "applied_on": None,
    "responded_on": None,
    "last_update": None,
    "furthest_stage": "applied",
    "outcome": "in_progress",
    "outcome_inferred": False,
    "feedback": "",
}


def make_apps(rows: list[dict]) -> pd.DataFrame:
    """A canonical table from partial rows; missing fields take :data:`DEFAULTS`.

    Dates may be given as "YYYY-MM-DD" strings or None; ``source_row`` defaults to the row's
    position + 2 (a header row, then 1-based rows).
    """
    filled = [{**DEFAULTS, "source_row": i + 2, **row} for i, row in enumerate(rows)]
    frame = pd.DataFrame(filled, columns=list(CANONICAL_COLUMNS))
    for column in TEXT_COLUMNS:
        frame[column] = frame[column].fillna("").astype(str)
    for column in DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    frame["furthest_stage"] = frame["furthest_stage"].astype(str)
    frame["outcome"] = frame["outcome"].astype(str)
    frame["outcome_inferred"] = frame["outcome_inferred"].astype(bool)
    frame["source_row"] = frame["source_row"].astype(int)
    return frame


def many(count: int, **fields) -> list[dict]:
    """``count`` identical partial rows, to be concatenated and passed to :func:`make_apps`."""
    return [dict(fields) for _ in range(count)]
