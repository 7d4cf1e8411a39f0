"""Read an uploaded file (delimited text or an Excel/OpenDocument workbook) into a raw table.

The reader finds the encoding, delimiter, sheet and header row, names the columns, and sets
aside blank rows, total rows and repeated headers, each with the row number a spreadsheet shows.
Cells are left as read: text files give strings ("" for blank), workbooks the values the cells
hold (None for blank). Exports' literal ``null``/``NULL``/``None``/``nan`` count as blank.
Whatever a user can fix is reported as one ``InputError`` sentence.
"""
from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd
import python_calamine

from analysis.core import limits
from analysis.core.errors import InputError
from analysis.core.memory import use_jemalloc_pool
from analysis.core.schema import SkippedRow
from analysis.reading.sniffing import (
    DAMAGED_MESSAGE,
    PASSWORD_MESSAGE,
    QUOTED,
    decode_text,
    detect_delimiter,
    workbook_kind,
)

use_jemalloc_pool()

NULL_WORDS = ("null", "NULL", "None", "nan")
HEADER_SEARCH_ROWS = 30
TOTAL_LABELS = frozenset({"total", "totals", "total:", "sum", "sum:", "grand total", "grand total:",
                          "subtotal", "sub total", "sub-total"})
SHEET_WORDS = ("company", "employer", "organisation", "organization", "role", "position", "title",
               "job", "status", "stage", "result", "outcome", "response", "date", "applied",
               "application", "source", "feedback", "interview", "location", "salary")
_SIDE_SHEET = re.compile(r"read ?me|instruction|about|help|info|stat|summary|dashboard|chart|pivot|"
                         r"lookup|list|setting|config|dropdown|legend", re.IGNORECASE)
_DATA_SHEET = re.compile(r"application|tracker|jobs?\b|log|data|search|pipeline", re.IGNORECASE)
_BLANK_STRINGS = ("",) + NULL_WORDS
_LETTER = re.compile(r"[^\W\d_]")
_EMPTY = "The file is empty; choose the file that holds your applications."
_TEXT_SAMPLE = 65536  # characters of a text file used to find its width


@dataclass(frozen=True)
class RawTable:
    """A table as read from a file, before its columns are given meaning."""

    frame: pd.DataFrame
    row_numbers: tuple[int, ...]
    skipped: tuple[SkippedRow, ...]
    file_kind: str
    sheet: str | None
    sheets: tuple[str, ...]
    header_row: int
    encoding: str | None
    delimiter: str | None


def read_table(data: bytes, filename: str, sheet: str | None = None) -> RawTable:
    """Read a CSV/TSV/text file or an xlsx/xlsm/xlsb/xls/ods workbook into a ``RawTable``.

    The kind is taken from the bytes (zip, OLE2 or text), not only from the name. ``sheet``
    picks a workbook sheet by name; without it the sheet that looks most like a list of
    applications is used. Raises ``InputError`` for empty, unreadable, protected or over-limit
    files and for a header with no data rows.
    """
    if not data:
        raise InputError(_EMPTY)
    if len(data) > limits.MAX_UPLOAD_BYTES:
        raise InputError(f"The file is {limits.megabytes(len(data))}, more than the "
                         f"{limits.megabytes(limits.MAX_UPLOAD_BYTES)} this app reads; split it "
                         "or delete unused sheets and columns.")
    kind = workbook_kind(data, filename)
    if kind is None:
        text, encoding = decode_text(data)
        delimiter = detect_delimiter(text)
        utf8 = data[3:] if encoding == "utf-8-sig" else data if encoding == "utf-8" else None
        if utf8 is not None:  # the parser reads the bytes: keep only the sample, not a second copy
            text = text[:_TEXT_SAMPLE]
        grid = _parse_text(text, delimiter, utf8)
        return _build(grid, 1, 1, file_kind="csv", sheet=None, sheets=(),
                      encoding=encoding, delimiter=delimiter)
    grid, first_row, first_column, name, names = _read_workbook(data, sheet)
    return _build(grid, first_row, first_column, file_kind=kind, sheet=name, sheets=names,
                  encoding=None, delimiter=None)


# --- workbooks ----------------------------------------------------------------------------

def _read_workbook(data: bytes, sheet: str | None) -> tuple[pd.DataFrame, int, int, str, tuple[str, ...]]:
    """The chosen sheet as a grid of cell values, its first row and column numbers, its name."""
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = tuple(book.sheet_names)
        if not names:
            raise InputError("The workbook has no sheets; upload a file with your applications.")
        if sheet is not None:
            name = _match_sheet(sheet, names)
        else:
            visible = [meta.name for meta in book.sheets_metadata
                       if meta.visible == python_calamine.SheetVisibleEnum.Visible
                       and meta.typ == python_calamine.SheetTypeEnum.WorkSheet] or list(names)
            scores = {n: _sheet_score(n, book.get_sheet_by_name(n).to_python(nrows=200))
                      for n in visible} if len(visible) > 1 else {visible[0]: 0.0}
            name = max(visible, key=lambda n: scores[n])
        chosen = book.get_sheet_by_name(name)
        if chosen.height > limits.MAX_ROWS + HEADER_SEARCH_ROWS + 1:
            raise InputError(f"The sheet '{name}' has more than {limits.MAX_ROWS:,} rows, more "
                             "than this app reads; split it into smaller files.")
        if chosen.width > limits.MAX_COLUMNS:
            raise InputError(f"The sheet '{name}' is {chosen.width:,} columns wide, more than the "
                             f"{limits.MAX_COLUMNS} this app reads; delete the unused columns.")
        rows = chosen.to_python(skip_empty_area=True)
        start = chosen.start or (0, 0)
        merged = chosen.merged_cell_ranges or []
    except InputError:
        raise
    except python_calamine.PasswordError as error:
        raise InputError(PASSWORD_MESSAGE) from error
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # calamine's own errors, and Rust panics on damaged files
        raise InputError(DAMAGED_MESSAGE) from error
    cells = np.array(rows, dtype=object).reshape(len(rows), -1 if rows else 0)
    _fill_merged_down(cells, merged, start)
    flat = cells.reshape(-1)  # calamine gives "" for an empty cell; exports write "null"
    flat[pd.Series(flat, dtype=object).isin(_BLANK_STRINGS).to_numpy()] = None
    grid = pd.DataFrame(cells, dtype=object)
    return grid, start[0] + 1, start[1] + 1, name, names


def _fill_merged_down(cells: np.ndarray, merged: list, start: tuple[int, int]) -> None:
    """Give every row of a cell merged down several rows the merged cell's value, as the sheet shows it.

    A company merged over its two applications names both; cells merged across columns only (a
    title over the table) are left as they are, so a title row never looks like a header.
    """
    for (top, left), (bottom, _) in merged:
        row, column = top - start[0], left - start[1]
        if bottom > top and 0 <= row < cells.shape[0] and 0 <= column < cells.shape[1]:
            value = cells[row, column]
            if not _is_blank(value):
                cells[row + 1:bottom - start[0] + 1, column] = value


def _match_sheet(wanted: str, names: tuple[str, ...]) -> str:
    """The sheet called ``wanted`` (exactly, else ignoring case and spaces)."""
    if wanted in names:
        return wanted
    for name in names:
        if name.strip().casefold() == wanted.strip().casefold():
            return name
    listed = ", ".join(f"'{name}'" for name in names)
    raise InputError(f"There is no sheet named '{wanted}'; the workbook has {listed}.")


def _sheet_score(name: str, rows: list[list]) -> float:
    """How much a sheet looks like a list of applications, from its name and first rows."""
    filled = [sum(1 for value in row if not _is_blank(value)) for row in rows]
    if not any(filled):
        return -100.0
    header = rows[_header_index(rows, filled)]
    words = sum(any(word in _cell_text(value).lower() for word in SHEET_WORDS) for value in header)
    table_rows = sum(1 for count in filled if count >= 2)
    score = 3.0 * words + np.log2(1 + table_rows)
    score -= 8.0 if _SIDE_SHEET.search(name) else 0.0
    return score + (2.0 if _DATA_SHEET.search(name) else 0.0)


# --- text files ---------------------------------------------------------------------------

def _parse_text(text: str, delimiter: str, data: bytes | None = None) -> pd.DataFrame:
    """All records as a grid of strings ("" for blank), padded to the widest record.

    ``data`` is the file's UTF-8 bytes when it has them, saving an encoding pass; ``text`` may
    then be only the file's first ``_TEXT_SAMPLE`` characters.
    """
    sample = QUOTED.sub("", text[:_TEXT_SAMPLE]).splitlines()[:50]
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
            raise InputError(_EMPTY) from None
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
    cells = [["" if value in _BLANK_STRINGS else value for value in row] + [""] * (width - len(row))
             for row in rows]
    return pd.DataFrame(cells, columns=range(width), dtype=str)


def _too_many_columns() -> InputError:
    """The error for a text file wider than MAX_COLUMNS."""
    return InputError(f"The file has more than {limits.MAX_COLUMNS} columns, more than this app "
                      "reads; delete the unused columns.")


# --- header, names and rows to skip -------------------------------------------------------

def _build(grid: pd.DataFrame, first_row: int, first_column: int, **meta) -> RawTable:
    """Find the header in a grid, name the columns and set aside rows that are not data."""
    if grid.empty:
        raise InputError(_EMPTY)
    blank = pd.DataFrame({column: _blank_column(grid[column]) for column in grid.columns})
    filled = (~blank).sum(axis=1).to_numpy()
    if not filled.any():
        raise InputError(_EMPTY)
    head = grid.head(HEADER_SEARCH_ROWS).to_numpy(dtype=object).tolist()
    header_index = _header_index(head, filled[:200].tolist())
    header = head[header_index]
    data, data_blank = grid.iloc[header_index + 1:], blank.iloc[header_index + 1:]
    if len(data) > limits.MAX_ROWS:
        raise InputError(f"The table has more than {limits.MAX_ROWS:,} rows, more than this app "
                         "reads; split it into smaller files.")
    columns = [j for j in range(grid.shape[1]) if not _is_blank(header[j]) or not data_blank[j].all()]
    if len(columns) > limits.MAX_COLUMNS:
        raise InputError(f"The table has {len(columns)} columns, more than the {limits.MAX_COLUMNS} "
                         "this app reads; delete the unused columns.")
    data, data_blank = data[columns], data_blank[columns]
    reasons = _skip_reasons(data, data_blank, [header[j] for j in columns])
    row_numbers = np.arange(len(data)) + first_row + header_index + 1
    keep = reasons == ""
    if not keep.any():
        raise InputError("The file has a header but no rows of data.")
    names = _column_names([header[j] for j in columns], [first_column + j for j in columns])
    frame = (data if keep.all() else data[keep]).set_axis(names, axis=1).reset_index(drop=True)
    skipped = tuple(SkippedRow(int(row), str(reason))
                    for row, reason in zip(row_numbers[~keep], reasons[~keep]))
    return RawTable(frame=frame, row_numbers=tuple(row_numbers[keep].tolist()), skipped=skipped,
                    header_row=first_row + header_index, **meta)


def _header_index(rows: list[list], filled: list[int]) -> int:
    """The first of the top rows that is nearly as wide as the table and mostly words."""
    width = max(filled[:200], default=0)
    needed = width if width <= 2 else width / 2
    first_filled = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not filled[index]:
            continue
        first_filled = index if first_filled is None else first_filled
        words = sum(1 for value in row if isinstance(value, str) and _LETTER.search(value))
        if filled[index] >= needed and words >= 0.6 * filled[index]:
            return index
    return first_filled or 0


def _skip_reasons(data: pd.DataFrame, blank: pd.DataFrame, header: list) -> np.ndarray:
    """For each data row: "blank row", "total row", "repeated header" or "" (a row to keep)."""
    reasons = np.full(len(data), "", dtype=object)
    blank_rows = blank.all(axis=1).to_numpy()
    first_key = _keys(data.iloc[:, 0])
    label = first_key
    empty_first = blank.iloc[:, 0].to_numpy()
    if data.shape[1] > 1 and empty_first.any():  # a label in the second cell counts when the first is empty
        label = first_key.copy()
        label[empty_first] = _keys(data.iloc[:, 1][empty_first]).to_numpy()
    total = label.isin(TOTAL_LABELS).to_numpy() & ~blank_rows
    if total.any():  # a total row holds no other words; an application to a company "Total" does
        words = [sum(isinstance(value, str) and bool(_LETTER.search(value)) for value in row)
                 for row in data.iloc[np.flatnonzero(total)].to_numpy(dtype=object).tolist()]
        total[np.flatnonzero(total)] = np.array(words) <= 1
    header_keys = [_cell_text(value).strip().lower() for value in header]
    named = [j for j, key in enumerate(header_keys) if key]
    repeated = np.zeros(len(data), dtype=bool)
    if named:
        key = first_key if named[0] == 0 else _keys(data.iloc[:, named[0]])
        candidates = np.flatnonzero((key == header_keys[named[0]]).to_numpy() & ~blank_rows & ~total)
        rows = data.iloc[candidates]
        matches = sum((_keys(rows.iloc[:, j]) == header_keys[j]).to_numpy().astype(int) for j in named)
        repeated[candidates] = matches >= max(1, int(np.ceil(0.8 * len(named))))
    reasons[blank_rows] = "blank row"
    reasons[total] = "total row"
    reasons[repeated] = "repeated header"
    return reasons


def _column_names(cells: list, numbers: list[int]) -> list[str]:
    """Trimmed, unique names: blank ones become "Column 3", repeats "Name (2)"."""
    names: list[str] = []
    used: set[str] = set()
    for cell, number in zip(cells, numbers):
        base = " ".join(_cell_text(cell).split()) or f"Column {number}"
        name, count = base, 2
        while name in used:
            name, count = f"{base} ({count})", count + 1
        used.add(name)
        names.append(name)
    return names


def _blank_column(column: pd.Series) -> pd.Series:
    """True where a cell is empty, whitespace or None."""
    if column.dtype == object:
        values = column.to_numpy().tolist()
        return pd.Series([value is None or (value.__class__ is str and value.isspace()) or value != value
                          for value in values], index=column.index, dtype=bool)
    return (column.fillna("") == "") | column.str.isspace().fillna(False).astype(bool)


def _keys(column: pd.Series) -> pd.Series:
    """Each cell's text trimmed and lower-cased ("" for cells that are not text)."""
    if column.dtype == object:
        return pd.Series([value.strip().lower() if value.__class__ is str else ""
                          for value in column.to_numpy().tolist()], index=column.index, dtype=object)
    return column.fillna("").str.strip().str.lower()


def _is_blank(value: object) -> bool:
    """True for None, NaN, "" and whitespace-only text."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value or value.isspace()
    return isinstance(value, float) and value != value


def _cell_text(value: object) -> str:
    """A cell as header text: whole numbers without ".0", dates as ISO, blank as ""."""
    if _is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
