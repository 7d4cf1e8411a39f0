"""Delimited text files parsed into grids of strings ("" for blank)."""
from __future__ import annotations

import csv
import io
import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from analysis.core import limits
from analysis.core.errors import InputError
from analysis.reading.cells import BLANK_STRINGS, NULL_WORDS
from analysis.reading.headers import HEADER_SEARCH_ROWS
from analysis.reading.sniffing import QUOTED

EMPTY = "The file is empty; choose the file that holds your applications."
TEXT_SAMPLE = 65536  # characters of a text file used to find its width
_CHUNK = 1 << 24  # bytes searched for quotes at a time
_BLOCK = 1 << 24
"""Bytes Arrow's CSV parser reads at a time: each block gives every column one chunk, and the later
steps (pandas over Arrow arrays) slow down with many small chunks (Arrow's default is 1 MB)."""


def parse_text(text: str, delimiter: str, data: bytes | memoryview | None = None) -> pd.DataFrame:
    """All records as a grid of strings ("" for blank), padded to the widest record.

    ``data`` is the file's UTF-8 bytes when it has them, saving an encoding pass; ``text`` may
    then be only the file's first ``TEXT_SAMPLE`` characters.
    """
    sample = QUOTED.sub("", text[:TEXT_SAMPLE]).splitlines()[:50]
    width = max((line.count(delimiter) for line in sample), default=0) + 1
    filled = width
    if width > limits.MAX_COLUMNS:  # past the limit, unless only because of empty trailing columns
        filled = max((line.rstrip(delimiter + " ").count(delimiter) + 1 for line in sample
                      if line.strip(delimiter + " ")), default=width)
        if filled > limits.MAX_COLUMNS:
            raise _too_many_columns()
    cap = limits.MAX_ROWS + HEADER_SEARCH_ROWS + 2
    broken_quotes = False
    if filled == width:
        payload = data if data is not None else text.encode("utf-8", errors="replace")
        grid = _arrow_grid(payload, delimiter, width, cap)
        if grid is not None:
            return grid
        try:
            grid = pd.read_csv(io.BytesIO(payload), sep=delimiter, header=None, names=range(width),
                               index_col=False, dtype="string[pyarrow]", keep_default_na=False,
                               na_values=list(NULL_WORDS), skip_blank_lines=False, engine="c",
                               encoding="utf-8", encoding_errors="replace", nrows=cap)
            return grid.astype("str").fillna("")  # Arrow strings straight from the parser are faster
        except pd.errors.EmptyDataError:
            raise InputError(EMPTY) from None
        except ValueError as error:  # ragged rows or broken quoting: the slower, lenient path
            broken_quotes = "EOF inside string" in str(error)
    if data is not None:
        text = str(data, "utf-8", "replace")
    if filled < width:  # a sheet's used range saved as CSV: drop the empty columns while reading
        broken_quotes = text.count('"') % 2 == 1
    quoting = csv.QUOTE_NONE if broken_quotes else csv.QUOTE_MINIMAL
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting, strict=False)
    if filled < width:
        reader = (row[:filled] if len(row) > filled and not any(row[filled:]) else row for row in reader)
    try:
        rows = list(itertools.islice(reader, cap))
    except csv.Error as error:
        raise InputError("The file could not be read as a table; save it again as CSV and retry.") from error
    width = max(map(len, rows), default=0)
    if width > limits.MAX_COLUMNS:
        raise _too_many_columns()
    cells = [["" if value in BLANK_STRINGS else value for value in row] + [""] * (width - len(row))
             for row in rows]
    return pd.DataFrame(cells, columns=range(width), dtype=str)


def _arrow_grid(payload: bytes | memoryview, delimiter: str, width: int, cap: int) -> pd.DataFrame | None:
    """The records of a rectangular file (every record ``width`` fields; blank lines are rows of
    blanks) read by Arrow's CSV parser straight into Arrow strings, at most ``cap`` of them; None
    when a record has another width or a quote is left open (the pandas and lenient paths read
    those). Arrow reads the same fields as pandas' parser, several times faster and without a
    Python object per cell."""
    if _only_whitespace(payload) or _quote_left_open(payload, delimiter):
        return None
    names = [str(position) for position in range(width)]
    try:
        table = pa_csv.read_csv(
            pa.py_buffer(payload),
            read_options=pa_csv.ReadOptions(column_names=names, block_size=_BLOCK),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(column_types=dict.fromkeys(names, pa.large_string()),
                                                  null_values=list(NULL_WORDS), strings_can_be_null=True))
    except (pa.ArrowInvalid, UnicodeError):
        return None
    table = table.slice(0, cap)
    columns, rows = {}, table.num_rows
    for position in range(width):  # each column let go by the table as it is taken: no second copy of the file
        column, table = table.column(0), table.remove_column(0)
        columns[position] = pd.array(column.fill_null("") if column.null_count else column, dtype="str")
    return pd.DataFrame(columns, index=pd.RangeIndex(rows))


def _only_whitespace(data: bytes | memoryview) -> bool:
    """True when the bytes hold nothing but whitespace (the whole file is copied only if its start is blank)."""
    return not bytes(data[:TEXT_SAMPLE]).strip() and not bytes(data).strip()


def _quote_left_open(data: bytes | memoryview, delimiter: str) -> bool:
    """True when a quoted field runs to the end of ``data``, as pandas' parser reads quotes ("EOF
    inside string"; Arrow's parser would take the rest of the file as that field's text).

    Only runs of consecutive quotes change the state, by their length's parity (two quotes inside a
    field are one quote of its text). An odd run where a field starts opens a field when outside one
    and closes it when inside; an odd run elsewhere leaves no field open (literal quotes in unquoted
    text, or the end of a quoted field); even runs change nothing. So a field is open at the end when
    an odd number of odd runs at field starts follow the last odd run elsewhere.
    """
    view = np.frombuffer(data, dtype=np.uint8)
    quotes = np.concatenate([np.flatnonzero(view[start:start + _CHUNK] == ord('"')) + start
                             for start in range(0, len(view), _CHUNK)] or [np.zeros(0, dtype=np.int64)])
    if not len(quotes):
        return False
    first = np.flatnonzero(np.diff(quotes, prepend=-2) != 1)
    starts, odd = quotes[first], np.diff(np.append(first, len(quotes))) % 2 == 1
    at_field_start = (starts == 0) | np.isin(view[np.maximum(starts - 1, 0)], (ord(delimiter), ord("\n"), ord("\r")))
    literal = np.flatnonzero(odd & ~at_field_start)
    after = literal[-1] + 1 if len(literal) else 0
    return bool(np.count_nonzero((odd & at_field_start)[after:]) % 2)


def _too_many_columns() -> InputError:
    """The error for a text file wider than MAX_COLUMNS."""
    return InputError(f"The file has more than {limits.MAX_COLUMNS} columns, more than this app "
                      "reads; delete the unused columns.")


