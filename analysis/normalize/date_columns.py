"""The date columns of a tracker read together: applied, responded, last update, every stage date.

One day/month order serves them all (``dates.read_file_dates``); words in the applied and
response columns ("No Response", "In Progress") are read as facts about the reply
(``date_words``) and the rest of what cannot be read is listed with its row.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core.schema import SkippedRow
from analysis.normalize.date_order import DateOrder
from analysis.normalize.date_words import DateWord, read_date_words
from analysis.normalize.dates import read_file_dates

LABELS = {"applied_on": "date applied", "responded_on": "response date"}


@dataclass(frozen=True)
class TrackerDates:
    """The dates of each row, and what the date columns said besides dates.

    ``word_outcome`` is the outcome a word in a date column states ("" when none) and
    ``word_level`` the stage level it implies; ``unreadable`` lists the cells that are neither.
    """

    applied_on: pd.Series
    responded_on: pd.Series
    last_update: pd.Series
    word_outcome: pd.Series
    word_level: np.ndarray
    words: tuple[DateWord, ...]
    unreadable: tuple[SkippedRow, ...]
    order: DateOrder


def read_tracker_dates(frame: pd.DataFrame, row_numbers: pd.Series, fields: dict[str, str | None],
                       stage_headers: list[str], dayfirst: bool | None, today: dt.date) -> TrackerDates:
    """Read the ``fields`` date columns (applied_on, responded_on: header or None) and the stage-date
    columns of ``frame`` with one day/month order (``dayfirst``, or decided from them all).

    ``last_update`` is the latest date of each row; ``row_numbers`` (by frame index) name the rows.
    """
    headers = [header for header in (*fields.values(), *stage_headers) if header is not None and header in frame]
    file_dates = read_file_dates({header: frame[header] for header in dict.fromkeys(headers)}, dayfirst, today,
                                 applied=fields.get("applied_on"))
    empty = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    values = {name: empty for name in LABELS}
    word_outcome = np.full(len(frame), "", dtype=object)
    word_level = np.zeros(len(frame), dtype=np.int8)
    words: list[DateWord] = []
    unreadable: list[SkippedRow] = []
    for name, label in LABELS.items():
        header = fields.get(name)
        if header not in file_dates.columns:
            continue
        parsed = file_dates.columns[header]
        found = read_date_words(frame[header], parsed.unreadable, header)
        values[name] = parsed.values
        word_outcome = np.where(word_outcome == "", found.outcome, word_outcome)
        word_level = np.maximum(word_level, found.level)
        words += found.words
        unreadable += [SkippedRow(int(row_numbers[index]), f"{label} '{frame.at[index, header]}' could not be "
                                  "read as a date") for index in parsed.unreadable if index not in found.read]
    stage_values = [file_dates.columns[header].values for header in stage_headers if header in file_dates.columns]
    dates = [column.to_numpy(dtype="datetime64[ns]") for column in (*values.values(), *stage_values)]
    latest = np.fmax.reduce(dates)  # the latest date of each row, NaT only when it has none
    return TrackerDates(
        applied_on=values["applied_on"],
        responded_on=values["responded_on"],
        last_update=pd.Series(latest, index=frame.index, dtype="datetime64[ns]"),
        word_outcome=pd.Series(word_outcome, index=frame.index, dtype=object),
        word_level=word_level,
        words=tuple(words),
        unreadable=tuple(unreadable),
        order=file_dates.order,
    )
