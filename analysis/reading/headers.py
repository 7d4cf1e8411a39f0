"""Where a table's header is, and the column names it gives."""
from __future__ import annotations

import datetime as dt
import re

from analysis.reading.cells import cell_text

HEADER_SEARCH_ROWS = 30
LETTER = re.compile(r"[^\W\d_]")


def header_index(rows: list[list], filled: list[int]) -> int:
    """The first of the top rows that is nearly as wide as the table and mostly words."""
    width = max(filled[:200], default=0)
    needed = width if width <= 2 else width / 2
    first_filled = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if not filled[index]:
            continue
        first_filled = index if first_filled is None else first_filled
        words = sum(1 for value in row if isinstance(value, str) and LETTER.search(value))
        if filled[index] >= needed and words >= 0.6 * filled[index]:
            return index
    return first_filled or 0


def column_names(cells: list, numbers: list[int]) -> list[str]:
    """Trimmed, unique names: blank ones become "Column 3", repeats "Name (2)"."""
    names: list[str] = []
    used: set[str] = set()
    for cell, number in zip(cells, numbers):
        base = " ".join(cell_text(cell).split()) or f"Column {number}"
        name, count = base, 2
        while name in used:
            name, count = f"{base} ({count})", count + 1
        used.add(name)
        names.append(name)
    return names




def _is_name(value: object) -> bool:
    """A cell that can be a column name: text with a letter ("1st" counts; a date or a number does not)."""
    return isinstance(value, str) and bool(LETTER.search(value))


def two_row_names(upper: list, lower: list) -> list[str] | None:
    """Column names from a group row above a names row ("Interview" over "1st / 2nd / Final"), or None.

    ``upper`` must hold at least one group: a name followed by blank cells under which ``lower``
    names two or more columns. Elsewhere a cell of ``lower`` is blank or repeats the name above
    (a cell merged down two rows). The names become "Interview 1st", "Interview 2nd" and so on.
    """
    top, bottom = [cell_text(value).strip() for value in upper], [cell_text(value).strip() for value in lower]
    if len(top) != len(bottom) or not all(_is_name(value) for value in lower if cell_text(value).strip()):
        return None
    groups, group, spans = [None] * len(top), None, 0
    for j, (above, below) in enumerate(zip(top, bottom)):
        if above:
            group = above if j + 1 < len(top) and not top[j + 1] and bottom[j + 1] and below else None
            spans += group is not None
        elif not below:
            group = None
        groups[j] = group
        if above and below and above.casefold() != below.casefold() and group is None:
            return None
    if not spans or all(groups):  # a title above the whole header is not a group
        return None
    return [f"{groups[j]} {below}" if groups[j] and below else (below or above)
            for j, (above, below) in enumerate(zip(top, bottom))]


_DATE_TEXT = re.compile(r"^\s*(\d{1,4}[./-]\d{1,2}([./-]\d{2,4})?|\d{1,2}\.? ?[a-z]{3,9}\.?( \d{2,4})?|"
                        r"[a-z]{3,9}\.? \d{1,2}(st|nd|rd|th)?,?( \d{2,4})?)\s*$", re.IGNORECASE)


def _is_date(value: object) -> bool:
    """A cell holding a date (a date value, or text such as "03.11.2025", "3 Nov", "Nov 3, 2025")."""
    return isinstance(value, dt.date) or isinstance(value, str) and bool(_DATE_TEXT.match(value))


def find_header(head: list[list], filled: list[int]) -> tuple[int, int, list | None]:
    """The header's first row, how many rows it takes (1 or 2) and its two-row names (None for one row)."""
    found = header_index(head, filled)
    above = next((index for index in range(found - 1, -1, -1) if filled[index]), None)
    if above is not None and filled[above] >= max(2, 0.6 * filled[found]) and all(
            _is_date(value) for value in head[above] if cell_text(value).strip()):
        return above, 1, None  # one column per day: the dates are the header
    if found + 1 < len(head):
        names = two_row_names(head[found], head[found + 1])
        if names is not None:
            return found, 2, names
    if found >= 1 and filled[found - 1]:
        names = two_row_names(head[found - 1], head[found])
        if names is not None:
            return found - 1, 2, names
    return found, 1, None
