"""Read an uploaded file (delimited text or an Excel/OpenDocument workbook) into a raw table.

The reader finds the encoding, delimiter, sheet and header row, names the columns, and sets
aside blank rows, total rows and repeated headers, each with the row number a spreadsheet shows.
Cells are left as read: text files give strings ("" for blank); workbooks give the values the
cells hold (None for blank), except that a column of text only is read as a text file's column is
(Arrow strings, "" for blank; ``cells.grid_frame``). Exports' literal ``null``/``NULL``/``None``/``nan``
count as blank.
Whatever a user can fix is reported as one ``InputError`` sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from analysis.core import limits
from analysis.core.errors import InputError
from analysis.core.memory import use_jemalloc_pool
from analysis.core.schema import SkippedRow
from analysis.reading.cells import blank_column, is_blank
from analysis.reading.headers import HEADER_SEARCH_ROWS, column_names, find_header
from analysis.reading.rows import skip_reasons
from analysis.reading.screening import sensitive_columns
from analysis.reading.sniffing import decode_text, detect_delimiter, workbook_kind
from analysis.reading.text import EMPTY, TEXT_SAMPLE, parse_text
from analysis.reading.workbooks import SheetGrid, SheetReport, read_workbook

use_jemalloc_pool()


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
    header_rows: int = 1
    """2 when group names sit above the column names ("Interview" over "1st", "2nd")."""
    dropped_columns: tuple[str, ...] = ()
    """Headers of screening-answer columns left out unread (``screening.py``)."""
    row_sheets: tuple[str, ...] | None = None
    """The sheet of each row when several sheets with the same columns were combined."""
    sheet_reports: tuple[SheetReport, ...] = ()
    """Every sheet of a workbook: read or not, and why."""


def read_table(data: bytes, filename: str, sheet: str | None = None) -> RawTable:
    """Read a CSV/TSV/text file or an xlsx/xlsm/xlsb/xls/ods workbook into a ``RawTable``.

    The kind is taken from the bytes (zip, OLE2 or text), not only from the name. ``sheet``
    picks a workbook sheet by name; without it the sheet that looks most like a list of
    applications is used. Raises ``InputError`` for empty, unreadable, protected or over-limit
    files and for a header with no data rows.
    """
    if not data:
        raise InputError(EMPTY)
    if len(data) > limits.MAX_UPLOAD_BYTES:
        raise InputError(f"The file is {limits.megabytes(len(data))}, more than the "
                         f"{limits.megabytes(limits.MAX_UPLOAD_BYTES)} this app reads; split it "
                         "or delete unused sheets and columns.")
    kind = workbook_kind(data, filename)
    if kind is None:
        # The parser reads a UTF-8 file's bytes: only the start of its text is decoded, to sniff it.
        text, encoding = decode_text(data, sample=TEXT_SAMPLE + 1)
        delimiter = detect_delimiter(text)
        utf8 = memoryview(data)[3:] if encoding == "utf-8-sig" else data if encoding == "utf-8" else None
        grid = parse_text(text, delimiter, utf8)
        return _build(grid, 1, 1, file_kind="csv", sheet=None, sheets=(),
                      encoding=encoding, delimiter=delimiter)
    grids, reports, names = read_workbook(data, sheet)
    first = grids[0]
    table = _build(first.grid, first.first_row, first.first_column, file_kind=kind, sheet=first.name,
                   sheets=names, encoding=None, delimiter=None)
    return _with_siblings(table, grids[1:], reports)


def _name_key(name: str) -> str:
    """A column name compared across sheets: case and spacing ignored."""
    return " ".join(str(name).casefold().split())


def _aligned(frame: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """``frame`` with its columns renamed to the first sheet's spelling of the same name."""
    spelled = {_name_key(name): name for name in names}
    return frame.rename(columns={name: spelled.get(_name_key(name), name) for name in frame.columns})


def _with_siblings(table: RawTable, siblings: list[SheetGrid], reports: list[SheetReport]) -> RawTable:
    """The chosen sheet's table followed by the rows of the sheets with the same columns.

    Each row keeps its sheet (``row_sheets``) and skipped rows name theirs; a sheet that yields no
    rows is reported, not combined.
    """
    used = [SheetReport(table.sheet, True, "read: it looks most like a list of applications")]
    if not siblings:
        return replace(table, sheet_reports=tuple(used + reports))
    frames, numbers, sheets = [table.frame], list(table.row_numbers), [table.sheet] * len(table.frame)
    skipped = [SkippedRow(item.row, f"sheet '{table.sheet}': {item.reason}") for item in table.skipped]
    for sibling in siblings:
        try:
            part = _build(sibling.grid, sibling.first_row, sibling.first_column, file_kind=table.file_kind,
                          sheet=sibling.name, sheets=table.sheets, encoding=None, delimiter=None)
        except InputError as error:
            reports.append(SheetReport(sibling.name, False, f"same columns but not read: {error}"))
            continue
        frames.append(_aligned(part.frame, list(table.frame.columns)))
        numbers += part.row_numbers
        sheets += [sibling.name] * len(part.frame)
        skipped += [SkippedRow(item.row, f"sheet '{sibling.name}': {item.reason}") for item in part.skipped]
        same = {_name_key(name) for name in part.frame.columns} == {_name_key(name) for name in table.frame.columns}
        used.append(SheetReport(sibling.name, True, f"combined: {'the same' if same else 'mostly the same'} "
                                                    f"columns as '{table.sheet}'"))
    if len(used) == 1:
        return replace(table, sheet_reports=tuple(used + reports))
    used[0] = SheetReport(table.sheet, True, "read, and combined with the sheets of the same columns")
    frame = pd.concat(frames, ignore_index=True)
    return replace(table, frame=frame, row_numbers=tuple(numbers), skipped=tuple(skipped),
                   row_sheets=tuple(sheets), sheet_reports=tuple(used + reports))


# --- header, names and rows to skip ----

def _build(grid: pd.DataFrame, first_row: int, first_column: int, **meta) -> RawTable:
    """Find the header in a grid, name the columns and set aside rows that are not data."""
    if grid.empty:
        raise InputError(EMPTY)
    blank = pd.DataFrame({column: blank_column(grid[column]) for column in grid.columns})
    filled = (~blank).sum(axis=1).to_numpy()
    if not filled.any():
        raise InputError(EMPTY)
    head = grid.head(HEADER_SEARCH_ROWS).to_numpy(dtype=object).tolist()
    found, header_rows, two_rows = find_header(head, filled[:200].tolist())
    header = two_rows or head[found]
    first_data = found + header_rows
    data, data_blank = grid.iloc[first_data:], blank.iloc[first_data:]
    if len(data) > limits.MAX_ROWS:
        raise InputError(f"The table has more than {limits.MAX_ROWS:,} rows, more than this app "
                         "reads; split it into smaller files.")
    columns = [j for j in range(grid.shape[1]) if not is_blank(header[j]) or not data_blank[j].all()]
    if len(columns) > limits.MAX_COLUMNS:
        raise InputError(f"The table has {len(columns)} columns, more than the {limits.MAX_COLUMNS} "
                         "this app reads; delete the unused columns.")
    data, data_blank = data[columns], data_blank[columns]
    reasons = skip_reasons(data, data_blank, [header[j] for j in columns])
    row_numbers = np.arange(len(data)) + first_row + first_data
    keep = reasons == ""
    if not keep.any():
        raise InputError("The file has a header but no rows of data.")
    names = column_names([header[j] for j in columns], [first_column + j for j in columns])
    frame = (data if keep.all() else data[keep]).set_axis(names, axis=1).reset_index(drop=True)
    dropped = sensitive_columns(frame)
    if dropped:
        frame = frame.drop(columns=dropped)
    skipped = tuple(SkippedRow(int(row), str(reason))
                    for row, reason in zip(row_numbers[~keep], reasons[~keep]))
    if header_rows == 2:
        skipped = (SkippedRow(first_row + found + 1, "second row of a two-row header"), *skipped)
    return RawTable(frame=frame, row_numbers=tuple(row_numbers[keep].tolist()), skipped=skipped,
                    header_row=first_row + found, header_rows=header_rows, dropped_columns=tuple(dropped), **meta)


