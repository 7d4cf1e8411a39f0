"""Cell helpers shared by the readers: blank cells, cell text, lower-case keys."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd

NULL_WORDS = ("null", "NULL", "None", "nan")
BLANK_STRINGS = ("",) + NULL_WORDS


def blank_column(column: pd.Series) -> pd.Series:
    """True where a cell is empty, whitespace or None."""
    if column.dtype == object:
        values = column.to_numpy().tolist()
        return pd.Series([value is None or (value.__class__ is str and value.isspace()) or value != value
                          for value in values], index=column.index, dtype=bool)
    return (column.fillna("") == "") | column.str.isspace().fillna(False).astype(bool)


def keys(column: pd.Series) -> pd.Series:
    """Each cell's text trimmed and lower-cased ("" for cells that are not text)."""
    if column.dtype == object:
        return pd.Series([value.strip().lower() if value.__class__ is str else ""
                          for value in column.to_numpy().tolist()], index=column.index, dtype=object)
    return column.fillna("").str.strip().str.lower()


def is_blank(value: object) -> bool:
    """True for None, NaN, "" and whitespace-only text."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value or value.isspace()
    return isinstance(value, float) and value != value


def cell_text(value: object) -> str:
    """A cell as header text: whole numbers without ".0", dates as ISO, blank as ""."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
