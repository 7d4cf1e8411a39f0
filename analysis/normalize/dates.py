"""Read date cells of many shapes into naive timestamps, one day/month order per file.

Handles date and datetime objects, Excel serial numbers (also as text, "45231"), ISO dates,
numeric dates in either order (``11/14/2021``, ``14.11.2021``, ``8/5/19``, LinkedIn's
``11/23/24, 11:39 PM``), month names in English, German and French (``5 Nov 2024``,
``Nov 5, 24``, ``3. November 2025``, ``03 déc. 2025``, ``November 2024``) and day-month without
a year (``8-Jul``). A cell holding two dates gives the first (shapes: ``date_text``).

``read_file_dates`` reads all the date columns of a file with one order (``date_order``);
``parse_dates`` reads one column on its own. Each distinct value is read once and mapped back
to the cells; the text is matched by Arrow over all distinct values at once and the fields
turned into timestamps with numpy, so a column of a million cells takes well under a second.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.normalize.date_cells import ParsedDates, finish, read_cells
from analysis.normalize.date_order import DateOrder, decide_order, median_year

__all__ = ["FileDates", "ParsedDates", "date_share", "parse_dates", "read_file_dates"]
SHARE_SAMPLE = 1000


@dataclass(frozen=True)
class FileDates:
    """The date columns of a file (by header), read with one order, and that order."""

    columns: dict[str, ParsedDates]
    order: DateOrder


def read_file_dates(columns: dict[str, pd.Series], dayfirst: bool | None = None, today: dt.date | None = None,
                    reference_year: int | None = None, applied: str | None = None) -> FileDates:
    """Read several date columns of one file (header to cells) with one day/month order.

    The order is decided from all the columns together unless ``dayfirst`` is given; ``applied``
    names the column of application dates, which the other dates of a row should not precede.
    Two-digit years take the century nearest the median year of the file's full dates (else
    this year), a century earlier when that would put them more than a year after ``today``. Dates without a year take their column's
    most common year, else that median year, else ``reference_year``, else are unreadable.
    """
    today = today or dt.date.today()
    limit = _a_year_after(today)
    cells = {header: read_cells(values) for header, values in columns.items()}
    middle = median_year(list(cells.values()))
    anchor, fallback = (today.year, reference_year) if middle is None else (middle, middle)

    def read(order: bool) -> dict[str, ParsedDates]:
        return {header: finish(column, order, anchor, limit, fallback) for header, column in cells.items()}

    def backwards(order: bool) -> int:
        days = {header: parsed.values.to_numpy().astype("datetime64[D]") for header, parsed in read(order).items()}
        return sum(int((later < days[applied]).sum()) for header, later in days.items() if header != applied)

    chronology = backwards if applied in cells and len(cells) > 1 else None
    order = decide_order(cells, dayfirst, chronology)
    return FileDates(read(order.dayfirst), order)


def _a_year_after(today: dt.date) -> np.datetime64:
    """The first moment more than a year after ``today`` (the day after its date next year)."""
    try:
        next_year = today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        next_year = today.replace(year=today.year + 1, day=28)
    return np.datetime64(next_year + dt.timedelta(days=1), "ns")


def parse_dates(raw: pd.Series, dayfirst: bool | None = None, reference_year: int | None = None,
                today: dt.date | None = None) -> ParsedDates:
    """Read one column of date cells into ``datetime64[ns]`` (naive), NaT for blank or unreadable.

    As ``read_file_dates`` for a file of this one column: the day/month order is decided from
    it alone unless ``dayfirst`` is given. ``unreadable`` lists the index labels of non-blank
    cells not read.
    """
    return read_file_dates({"": raw}, dayfirst, today, reference_year).columns[""]


def date_share(raw: pd.Series) -> float:
    """The share of non-blank cells (among the first 1,000) that read as dates, from 0 to 1."""
    parsed = parse_dates(raw.iloc[:SHARE_SAMPLE], reference_year=2000)
    readable = int(parsed.values.notna().sum())
    total = readable + len(parsed.unreadable)
    return readable / total if total else 0.0
