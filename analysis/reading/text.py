"""Delimited text files parsed into grids of strings ("" for blank)."""
from __future__ import annotations

import csv
import io
import itertools

import pandas as pd

from analysis.core import limits
from analysis.core.errors import InputError
from analysis.reading.cells import BLANK_STRINGS, NULL_WORDS
from analysis.reading.headers import HEADER_SEARCH_ROWS
from analysis.reading.sniffing import QUOTED

EMPTY = "The file is empty; choose the file that holds your applications."
TEXT_SAMPLE = 65536  # characters of a text file used to find its width


def parse_text(text: str, delimiter: str, data: bytes | None = None) -> pd.DataFrame:
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
        text = data.decode("utf-8", errors="replace")
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


def _too_many_columns() -> InputError:
    """The error for a text file wider than MAX_COLUMNS."""
    return InputError(f"The file has more than {limits.MAX_COLUMNS} columns, more than this app "
                      "reads; delete the unused columns.")


