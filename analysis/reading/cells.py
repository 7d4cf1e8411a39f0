"""Cell helpers shared by the readers: a grid converted once into columns, blank cells, cell text, keys."""
from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

NULL_WORDS = ("null", "NULL", "None", "nan")
BLANK_STRINGS = ("",) + NULL_WORDS
_BLANK_WORDS = pa.array(BLANK_STRINGS, type=pa.large_string())
_NO_TEXT = ("empty", "floating", "integer", "mixed-integer-float", "decimal", "boolean", "datetime64", "datetime",
            "date", "timedelta", "time", "period")
"""What ``infer_dtype(skipna=True)`` says of a column holding no text at all."""


def grid_frame(cells: np.ndarray) -> pd.DataFrame:
    """A 2-D grid of cell values as a frame, each cell's Python object converted once.

    A column whose filled cells are all text becomes Arrow strings with "" for blank, as the
    columns of a text file are; any other column keeps the values its cells hold (None for
    blank). Exports' literal ``null``/``NULL``/``None``/``nan`` and "" count as blank in both.
    (Each pass over a column of Python objects costs about as much as the conversion, whatever it
    does, so everything after this works on Arrow's buffers instead.) ``cells`` is emptied column by
    column as it goes, so the cell objects of a converted column are freed before the next one.
    """
    columns = {}
    for position in range(cells.shape[1]):
        columns[position] = _grid_column(cells[:, position])
        cells[:, position] = None
    return pd.DataFrame(columns, index=pd.RangeIndex(cells.shape[0]), columns=pd.RangeIndex(cells.shape[1]))


def _grid_column(values: np.ndarray) -> pd.Series:
    """One grid column: Arrow strings when its filled cells are all text, else the cell values."""
    values = np.array(values, dtype=object, order="C")  # its own contiguous copy: Arrow reads strided arrays slowly
    try:  # a workbook's cells are never bytes, so Arrow accepts exactly the columns of text and blanks
        text = pa.array(values, type=pa.large_string(), from_pandas=True)
    except (pa.ArrowException, UnicodeError):  # some cell is not text (or is text with lone surrogates)
        text = None
    if text is not None:
        return pd.Series(pd.array(pc.if_else(pc.is_in(text, _BLANK_WORDS), "", text.fill_null("")), dtype="str"))
    if pd.api.types.infer_dtype(values, skipna=True) not in _NO_TEXT:
        values[pd.Series(values, dtype=object).isin(BLANK_STRINGS).to_numpy()] = None
    return pd.Series(values, dtype=object)


def arrow_text(values: np.ndarray, kind: str | None = None) -> pa.Array | None:
    """Object cells holding only text and blanks (None, NaN) as one Arrow string array (null for blank),
    or None when some cell is not text. Converting once is far faster than pandas' ``astype(str)``.
    ``kind`` is ``infer_dtype(values, skipna=True)`` when already known."""
    if (kind or pd.api.types.infer_dtype(values, skipna=True)) not in ("string", "empty"):
        return None
    try:
        return pa.array(np.ascontiguousarray(values), type=pa.large_string(), from_pandas=True)
    except (pa.ArrowException, UnicodeError):  # text with lone surrogates
        return None


def blank_column(column: pd.Series) -> pd.Series:
    """True where a cell is empty (""), whitespace, None or NaN."""
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        return pd.Series(_blank_text(column.array.__arrow_array__()), index=column.index, dtype=bool)
    if column.dtype != object:
        return (column.fillna("") == "") | column.str.isspace().fillna(False).astype(bool)
    values = column.to_numpy()
    kind = pd.api.types.infer_dtype(values, skipna=True)
    text = arrow_text(values, kind)
    if text is not None:
        return pd.Series(_blank_text(text), index=column.index, dtype=bool)
    blank = pd.isna(values)  # None, NaN and NaT; then empty text and text of spaces only
    if kind not in _NO_TEXT:
        filled = np.flatnonzero(~blank)
        spaces = np.fromiter((value.__class__ is str and (not value or value.isspace()) for value in values[filled].tolist()),
                             dtype=bool, count=len(filled))
        blank[filled[spaces]] = True
    return pd.Series(blank, index=column.index, dtype=bool)


def _blank_text(text: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """True for null, empty and whitespace-only strings."""
    blank = pc.or_(pc.equal(pc.binary_length(text), 0), pc.utf8_is_space(text))
    return pc.fill_null(blank, True).to_numpy(zero_copy_only=False)


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
