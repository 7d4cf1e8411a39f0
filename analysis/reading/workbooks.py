"""Workbook sheets (xlsx, xlsm, xlsb, xls, ods) read with calamine into grids of cell values."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import python_calamine

from analysis.core import limits
from analysis.core.errors import InputError
from analysis.reading.cells import cell_text, grid_frame, is_blank
from analysis.reading.headers import HEADER_SEARCH_ROWS, header_index
from analysis.reading.sniffing import DAMAGED_MESSAGE, PASSWORD_MESSAGE

SHEET_WORDS = ("company", "employer", "organisation", "organization", "role", "position", "title",
               "job", "status", "stage", "result", "outcome", "response", "date", "applied",
               "application", "source", "feedback", "interview", "location", "salary")
_SIDE_SHEET = re.compile(r"read ?me|instruction|about|help|info|stat|summary|dashboard|chart|pivot|"
                         r"lookup|list|setting|config|dropdown|legend|notes?\b|contacts?\b", re.IGNORECASE)
_CONTACTS = re.compile(r"e-?mail|phone|mobile|linkedin profile|contact|address|birthday|telefon|courriel")
_TRACKER = re.compile(r"status|stage|applied|application|interview|outcome|result|response")
_DATA_SHEET = re.compile(r"application|tracker|jobs?\b|log|data|search|pipeline", re.IGNORECASE)


@dataclass(frozen=True)
class SheetGrid:
    """One sheet's cells (``cells.grid_frame``: text columns as strings, others None for blank) and where
    its used area starts (1-based)."""

    name: str
    grid: pd.DataFrame
    first_row: int
    first_column: int


@dataclass(frozen=True)
class SheetReport:
    """Whether a sheet was read, and why (shown on the Data page and in the JSON ``layout.sheets``)."""

    name: str
    used: bool
    why: str


def read_workbook(data: bytes, sheet: str | None) -> tuple[list[SheetGrid], list[SheetReport], tuple[str, ...]]:
    """The sheets to read (the chosen one first, then those with the same columns), the other sheets
    with why they were not read, and every sheet's name.

    ``sheet`` picks one sheet by name; without it the sheet that looks most like a list of
    applications is read, with every visible sheet whose header is the same (one sheet per month).
    """
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = tuple(book.sheet_names)
        if not names:
            raise InputError("The workbook has no sheets; upload a file with your applications.")
        visible = [meta.name for meta in book.sheets_metadata
                   if meta.visible == python_calamine.SheetVisibleEnum.Visible
                   and meta.typ == python_calamine.SheetTypeEnum.WorkSheet] or list(names)
        reports = [SheetReport(name, False, "hidden or not a worksheet") for name in names if name not in visible]
        if sheet is not None:
            chosen = _match_sheet(sheet, names)
            reports += [SheetReport(name, False, f"not read: you chose the sheet '{chosen}'")
                        for name in visible if name != chosen]
            return [_grid(book, chosen)], reports, names
        if len(visible) == 1:
            return [_grid(book, visible[0])], reports, names
        previews = {name: book.get_sheet_by_name(name).to_python(nrows=200) for name in visible}
        chosen = max(visible, key=lambda name: _sheet_score(name, previews[name]))
        key = _header_key(previews[chosen])
        siblings = [name for name in visible if name != chosen and same_columns(key, _header_key(previews[name]))]
        reports += [SheetReport(name, False, _why_not(name, previews[name], chosen))
                    for name in visible if name != chosen and name not in siblings]
        return [_grid(book, name) for name in (chosen, *siblings)], reports, names
    except InputError:
        raise
    except python_calamine.PasswordError as error:
        raise InputError(PASSWORD_MESSAGE) from error
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # calamine's own errors, and Rust panics on damaged files
        raise InputError(DAMAGED_MESSAGE) from error


def _grid(book: python_calamine.CalamineWorkbook, name: str) -> SheetGrid:
    """A whole sheet as a grid, within the row and column limits."""
    chosen = book.get_sheet_by_name(name)
    if chosen.height > limits.MAX_ROWS + HEADER_SEARCH_ROWS + 1:
        raise InputError(f"The sheet '{name}' has more than {limits.MAX_ROWS:,} rows, more "
                         "than this app reads; split it into smaller files.")
    if chosen.width > limits.MAX_COLUMNS:
        raise InputError(f"The sheet '{name}' is {chosen.width:,} columns wide, more than the "
                         f"{limits.MAX_COLUMNS} this app reads; delete the unused columns.")
    start, merged = chosen.start or (0, 0), chosen.merged_cell_ranges or []
    cells = _cells(chosen.to_python(skip_empty_area=True))
    del chosen  # calamine's own copy of the cells is freed before they are converted
    _fill_merged_down(cells, merged, start)
    return SheetGrid(name, grid_frame(cells), start[0] + 1, start[1] + 1)  # calamine gives "" for an empty cell


def _cells(rows: list[list]) -> np.ndarray:
    """Rows of cell values as a 2-D object array (the rows' lists are let go as soon as it is made)."""
    return np.array(rows, dtype=object).reshape(len(rows), -1 if rows else 0)


def _header_cells(rows: list[list]) -> list[str]:
    """The lower-cased, trimmed cells of a preview's header row ([] for an empty sheet)."""
    filled = [sum(1 for value in row if not is_blank(value)) for row in rows]
    if not any(filled):
        return []
    return [" ".join(cell_text(value).casefold().split()) for value in rows[header_index(rows, filled)]]


def _header_key(rows: list[list]) -> tuple[str, ...]:
    """What two sheets with the same columns share: their header's names, blanks left out."""
    return tuple(cell for cell in _header_cells(rows) if cell)


def same_columns(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """True when two headers name mostly the same columns (in any order): at least 4 in 5 of the
    longer one's names, and at least two, are shared. A month whose sheet gained a column still joins."""
    shared = len(set(first) & set(second))
    return shared >= 2 and shared >= 0.8 * max(len(set(first)), len(set(second)))


def _why_not(name: str, rows: list[list], chosen: str) -> str:
    """Why a sheet beside the chosen one was not read, in a few words."""
    header = " ".join(_header_cells(rows))
    if not header:
        return "empty"
    if _CONTACTS.search(header) and not _TRACKER.search(header):
        return "looks like a list of contacts, not of applications"
    if _SIDE_SHEET.search(name):
        return "a summary, notes or lookup sheet (by its name), not a list of applications"
    numbers = sum(isinstance(value, int | float) for row in rows[1:] for value in row)
    texts = sum(isinstance(value, str) and bool(value.strip()) for row in rows[1:] for value in row)
    if numbers > texts:
        return "mostly numbers: a summary or a table of counts, not one row per application"
    return f"its columns differ from those of '{chosen}'; choose it in the sheet list to read it instead"


def _fill_merged_down(cells: np.ndarray, merged: list, start: tuple[int, int]) -> None:
    """Give every row of a cell merged down several rows the merged cell's value, as the sheet shows it.

    A company merged over its two applications names both; cells merged across columns only (a
    title over the table) are left as they are, so a title row never looks like a header.
    """
    for (top, left), (bottom, _) in merged:
        row, column = top - start[0], left - start[1]
        if bottom > top and 0 <= row < cells.shape[0] and 0 <= column < cells.shape[1]:
            value = cells[row, column]
            if not is_blank(value):
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
    filled = [sum(1 for value in row if not is_blank(value)) for row in rows]
    if not any(filled):
        return -100.0
    header = rows[header_index(rows, filled)]
    words = sum(any(word in cell_text(value).lower() for word in SHEET_WORDS) for value in header)
    table_rows = sum(1 for count in filled if count >= 2)
    score = 3.0 * words + np.log2(1 + table_rows)
    score -= 8.0 if _SIDE_SHEET.search(name) else 0.0
    return score + (2.0 if _DATA_SHEET.search(name) else 0.0)


