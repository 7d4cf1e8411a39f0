"""Writing cells and tables into an openpyxl sheet: every text neutralised, numbers and dates formatted.

Every text cell is passed through :func:`analysis.core.safety.neutralise_formula` and stored
explicitly as a string, so nothing the user typed can run as a formula; characters a workbook
cannot hold are dropped.
"""
from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analysis.core.safety import neutralise_formula
from analysis.core.stats import Rate
from analysis.core.wording import interval
from analysis.summary.model import Column, Table

PERCENT, DATE, DAYS = "0%", "yyyy-mm-dd", "0.0"
MAX_CELL_CHARS = 32_767
MAX_WIDTH, MIN_WIDTH = 60, 8
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SECTION_FONT = Font(bold=True, size=12)


def safe_text(value: object) -> str:
    """Text as a workbook can hold it and cannot run: formula starts neutralised, illegal characters dropped."""
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return str(neutralise_formula(cleaned))[:MAX_CELL_CHARS]


def put(sheet: Worksheet, row: int, column: int, value: object, number_format: str | None = None) -> Cell:
    """Write one cell: text as a neutralised string, numbers and dates with ``number_format``."""
    cell = sheet.cell(row=row, column=column)
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        cell.value = None
        return cell
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"
        return cell
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, (dt.date, dt.datetime)):
        value = value.item()  # numpy scalars
    cell.value = value
    if number_format:
        cell.number_format = number_format
    return cell


def header_row(sheet: Worksheet, row: int, titles: list[str]) -> None:
    """Bold titles on a filled background from column A of ``row``."""
    for column, title in enumerate(titles, start=1):
        cell = put(sheet, row, column, title)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL


def _expanded_titles(columns: tuple[Column, ...]) -> list[str]:
    titles = []
    for column in columns:
        titles.append(column.title)
        if column.kind == "rate":
            titles.append(f"{column.title}: n and 95% interval")
    return titles


def write_table(sheet: Worksheet, table: Table, start_row: int, with_title: bool = True) -> tuple[int, int]:
    """Write a table from ``start_row``; a rate column becomes a percent and a text "n and interval" column.

    Returns (header row, last row written).
    """
    row = start_row
    if with_title:
        put(sheet, row, 1, table.title).font = SECTION_FONT
        row += 1
    titles_row = row
    header_row(sheet, row, _expanded_titles(table.columns))
    if not table.rows:
        put(sheet, row + 1, 1, table.empty_note)
        return titles_row, row + 1
    for values in table.rows:
        row += 1
        column_number = 1
        for value, column in zip(values, table.columns):
            if column.kind == "rate":
                rate: Rate | None = value  # type: ignore[assignment]
                shown = None if rate is None or rate.too_few else rate.value  # "too few to tell" has no number
                put(sheet, row, column_number, shown, PERCENT)
                detail = "" if rate is None else (rate.label() if rate.too_few else f"n={rate.n}, 95% CI {interval(rate)}")
                put(sheet, row, column_number + 1, detail)
                column_number += 2
                continue
            number_format = {"percent": PERCENT, "days": DAYS, "date": DATE}.get(column.kind)
            put(sheet, row, column_number, value, number_format)
            column_number += 1
    return titles_row, row


def fit_widths(sheet: Worksheet, minimum: int = MIN_WIDTH, maximum: int = MAX_WIDTH, sample_rows: int = 2000) -> None:
    """Set each column's width from the longest value in its first ``sample_rows`` rows."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, sample_rows)):
        for cell in row:
            if cell.value is None:
                continue
            shown = 10 if isinstance(cell.value, (dt.date, dt.datetime)) else len(str(cell.value))
            widths[cell.column] = max(widths.get(cell.column, 0), shown)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = max(minimum, min(maximum, width + 2))


def bar_chart(sheet: Worksheet, title: str, y_title: str, categories: Reference, data: Reference, anchor: str,
               horizontal: bool = False) -> None:
    """A bar chart of one data column against its categories, without legend, placed at ``anchor``."""
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.legend = None
    chart.height, chart.width = 8, 16
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"
    sheet.add_chart(chart, anchor)
