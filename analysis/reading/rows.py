"""Rows of a table that are not data: blank rows, total rows and repeated headers."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.reading.cells import cell_text, keys
from analysis.reading.headers import LETTER

TOTAL_LABEL = re.compile(r"^(grand |sub ?|sub-)?(totals?|sum|summe|gesamt|insgesamt|total general|total g\u00e9n\u00e9ral)"
                         r"\s*:?\s*(\d[\d,.\s]*)?$")
"""A total row's label: "Total", "TOTALS", "Grand total:", "Total: 48", "Summe", "Gesamt"."""
_COUNT = re.compile(r"^\s*[-+$€£]?\s*\d")  # "50 applications", "€1,200", "12%"
_LABEL_STARTS = ("total", "sum", "grand", "sub", "gesamt", "insgesamt")


def skip_reasons(data: pd.DataFrame, blank: pd.DataFrame, header: list) -> np.ndarray:
    """For each data row: "blank row", "total row", "repeated header" or "" (a row to keep)."""
    reasons = np.full(len(data), "", dtype=object)
    blank_rows = blank.all(axis=1).to_numpy()
    first_key = keys(data.iloc[:, 0])
    label = first_key
    empty_first = blank.iloc[:, 0].to_numpy()
    if data.shape[1] > 1 and empty_first.any():  # a label in the second cell counts when the first is empty
        label = first_key.copy()
        label[empty_first] = keys(data.iloc[:, 1][empty_first]).to_numpy()
    total = _total_rows(data, label, blank_rows)
    header_keys = [cell_text(value).strip().lower() for value in header]
    named = [j for j, key in enumerate(header_keys) if key]
    repeated = np.zeros(len(data), dtype=bool)
    if named:
        key = first_key if named[0] == 0 else keys(data.iloc[:, named[0]])
        candidates = np.flatnonzero((key == header_keys[named[0]]).to_numpy() & ~blank_rows & ~total)
        rows = data.iloc[candidates]
        matches = sum((keys(rows.iloc[:, j]) == header_keys[j]).to_numpy().astype(int) for j in named)
        repeated[candidates] = matches >= max(1, int(np.ceil(0.8 * len(named))))
    reasons[blank_rows] = "blank row"
    reasons[total] = "total row"
    reasons[repeated] = "repeated header"
    return reasons




def _total_rows(data: pd.DataFrame, label: pd.Series, blank_rows: np.ndarray) -> np.ndarray:
    """Rows labelled as a total whose other cells are only numbers or counts ("50 applications").

    An application to a company called "Total" has other words (a role, a status), so it is kept.
    """
    if label.dtype == object:  # cells of a workbook: a loop is faster than pandas' object string methods
        starts = np.fromiter((value.__class__ is str and value.startswith(_LABEL_STARTS) for value in label.tolist()),
                             dtype=bool, count=len(label))
    else:  # Arrow strings of a text file
        starts = label.str.startswith(_LABEL_STARTS).fillna(False).to_numpy(dtype=bool, copy=True)
    starts &= ~blank_rows
    total = np.zeros(len(data), dtype=bool)
    for position in np.flatnonzero(starts):
        if not TOTAL_LABEL.match(str(label.iat[position])):
            continue
        cells = [value for value in data.iloc[position].tolist() if isinstance(value, str) and LETTER.search(value)]
        total[position] = all(_COUNT.match(value) for value in cells[1:])
    return total
