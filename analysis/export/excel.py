"""The improvement summary as an Excel workbook (openpyxl), with native bar charts and no formulas.

Sheets: Summary, Funnel, Channels, Themes, Focus areas, Applications (the canonical table) and
Data quality. Header rows are frozen, widths fit the contents, rates carry a percent format and
dates a date format. Every text cell is passed through
:func:`analysis.core.safety.neutralise_formula` and stored explicitly as a string, so nothing the
user typed can run as a formula; characters a workbook cannot hold are dropped.
"""
from __future__ import annotations

import datetime as dt
import io
import math

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analysis.core.safety import neutralise_formula
from analysis.core.schema import CANONICAL_COLUMNS
from analysis.core.stats import Rate
from analysis.core.wording import interval
from analysis.summary.build import build_summary
from analysis.summary.model import (
    Bullets,
    Column,
    ImprovementSummary,
    Paragraph,
    Plan,
    Table,
    plain,
)

PERCENT, DATE, DAYS = "0%", "yyyy-mm-dd", "0.0"
EXCEL_MAX_ROWS = 1_048_576
MAX_CELL_CHARS = 32_767
MAX_WIDTH, MIN_WIDTH = 60, 8
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12)
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_COLUMNS = ("applied_on", "responded_on", "last_update")


def safe_text(value: object) -> str:
    """Text as a workbook can hold it and cannot run: formula starts neutralised, illegal characters dropped."""
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return str(neutralise_formula(cleaned))[:MAX_CELL_CHARS]


def put(sheet: Worksheet, row: int, column: int, value: object, number_format: str | None = None):
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


def _header(sheet: Worksheet, row: int, titles: list[str]) -> None:
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
    header_row = row
    _header(sheet, row, _expanded_titles(table.columns))
    if not table.rows:
        put(sheet, row + 1, 1, table.empty_note)
        return header_row, row + 1
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
    return header_row, row


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


def _bar_chart(sheet: Worksheet, title: str, y_title: str, categories: Reference, data: Reference, anchor: str,
               horizontal: bool = False) -> None:
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


def _summary_sheet(sheet: Worksheet, summary: ImprovementSummary) -> None:
    put(sheet, 1, 1, summary.title).font = TITLE_FONT
    put(sheet, 2, 1, plain(summary.subtitle))
    _header(sheet, 4, ["Headline", "Value", "Detail"])
    sheet.freeze_panes = "A5"
    row = 4
    for headline in summary.headlines:
        row += 1
        put(sheet, row, 1, headline.label)
        number_format = {"percent": PERCENT, "days": DAYS}.get(headline.kind)
        put(sheet, row, 2, headline.number, number_format)
        put(sheet, row, 3, headline.detail)
    for section in summary.sections:
        lines: list[str] = []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines.append(plain(block.text))
            elif isinstance(block, Bullets):
                lines.extend(f"• {plain(item)}" for item in block.items)
            elif isinstance(block, Plan):
                lines.append(plain(block.intro))
                for week in block.weeks:
                    lines.append(f"Week {week.week}: {plain(week.focus)}")
                    lines.extend(f"  ☐ {plain(task)}" for task in week.tasks)
        if not lines:
            continue
        row += 2
        put(sheet, row, 1, section.title).font = SECTION_FONT
        for line in lines:
            row += 1
            put(sheet, row, 1, line).alignment = Alignment(vertical="top")
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 48


def _funnel_sheet(sheet: Worksheet, summary: ImprovementSummary) -> None:
    header_row, last_row = write_table(sheet, summary.funnel_table, 1, with_title=False)
    sheet.freeze_panes = "B2"
    fit_widths(sheet, maximum=30)
    if summary.funnel_table.rows:
        _bar_chart(
            sheet,
            "Applications reaching each stage",
            "applications",
            Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row),
            Reference(sheet, min_col=2, min_row=header_row, max_row=last_row),
            f"A{last_row + 3}",
        )
    notes = [plain(block.text) for block in summary.section("funnel").blocks if isinstance(block, Paragraph)]
    for offset, note in enumerate(notes[1:], start=last_row + 20):
        put(sheet, offset, 1, note)


def _channels_sheet(sheet: Worksheet, summary: ImprovementSummary) -> None:
    _, last_row = write_table(sheet, summary.channel_table, 1, with_title=False)
    sheet.freeze_panes = "B2"
    fit_widths(sheet)
    findings = [block for block in summary.section("channels").blocks if isinstance(block, Bullets)]
    row = last_row + 2
    for block in findings:
        for item in block.items:
            put(sheet, row, 1, plain(item))
            row += 1


def _themes_sheet(sheet: Worksheet, summary: ImprovementSummary) -> None:
    header_row, last_row = write_table(sheet, summary.theme_table, 1, with_title=False)
    sheet.freeze_panes = "A2"
    if summary.theme_table.rows:
        _bar_chart(
            sheet,
            "What the feedback says",
            "mentions",
            Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row),
            Reference(sheet, min_col=2, min_row=header_row, max_row=last_row),
            "E2",
            horizontal=True,
        )
    write_table(sheet, summary.strength_table, last_row + 3)
    fit_widths(sheet, maximum=45)


def _focus_sheet(sheet: Worksheet, summary: ImprovementSummary) -> None:
    _header(sheet, 1, ["Rank", "Focus area", "Why", "Actions"])
    sheet.freeze_panes = "A2"
    row = 1
    for item in summary.focus:
        row += 1
        put(sheet, row, 1, item.rank)
        put(sheet, row, 2, item.title).alignment = WRAP
        put(sheet, row, 3, item.why).alignment = WRAP
        put(sheet, row, 4, "\n".join(f"• {action}" for action in item.actions)).alignment = WRAP
    if not summary.focus:
        put(sheet, 2, 2, "No focus area stands out yet.")
        row = 2
    row += 2
    put(sheet, row, 1, "Plan").font = SECTION_FONT
    put(sheet, row + 1, 1, plain(summary.plan.intro))
    row += 2
    _header(sheet, row, ["Week", "Focus", "", "Tasks"])
    for week in summary.plan.weeks:
        row += 1
        put(sheet, row, 1, week.week)
        put(sheet, row, 2, plain(week.focus)).alignment = WRAP
        put(sheet, row, 4, "\n".join(f"☐ {plain(task)}" for task in week.tasks)).alignment = WRAP
    for letter, width in (("A", 8), ("B", 32), ("C", 50), ("D", 70)):
        sheet.column_dimensions[letter].width = width


def _applications_sheet(sheet: Worksheet, applications: pd.DataFrame) -> int:
    """The canonical table; returns how many applications did not fit in a sheet."""
    columns = [name for name in CANONICAL_COLUMNS if name in applications.columns]
    _header(sheet, 1, columns)
    sheet.freeze_panes = "A2"
    fitting = applications.head(EXCEL_MAX_ROWS - 1)
    for row_number, values in enumerate(fitting[columns].itertuples(index=False, name=None), start=2):
        for column_number, (name, value) in enumerate(zip(columns, values), start=1):
            if name in DATE_COLUMNS:
                put(sheet, row_number, column_number, None if pd.isna(value) else pd.Timestamp(value).to_pydatetime(), DATE)
            elif name == "outcome_inferred":
                put(sheet, row_number, column_number, bool(value))
            elif name == "source_row":
                put(sheet, row_number, column_number, int(value))
            else:
                put(sheet, row_number, column_number, "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value))
    if len(columns):
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(fitting) + 1)}"
    fit_widths(sheet, maximum=40)
    return len(applications) - len(fitting)


def _quality_sheet(sheet: Worksheet, summary: ImprovementSummary, left_out: int) -> None:
    put(sheet, 1, 1, "Data quality").font = TITLE_FONT
    sheet.freeze_panes = "A2"
    row = 2
    notes = [plain(note) for note in summary.quality_notes]
    if left_out:
        notes.append(f"{left_out} applications did not fit in the Applications sheet (Excel's row limit); "
                     "use the CSV download for the whole table.")
    for note in notes:
        row += 1
        put(sheet, row, 1, note)
    for table in (summary.skipped_table, summary.unreadable_table, summary.settings_table):
        _, row = write_table(sheet, table, row + 2)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 70


def summary_xlsx(summary: ImprovementSummary, applications: pd.DataFrame) -> bytes:
    """The workbook's bytes."""
    workbook = Workbook()
    summary_sheet = workbook.active
    summary_sheet.title = "Summary"
    _summary_sheet(summary_sheet, summary)
    _funnel_sheet(workbook.create_sheet("Funnel"), summary)
    _channels_sheet(workbook.create_sheet("Channels"), summary)
    _themes_sheet(workbook.create_sheet("Themes"), summary)
    _focus_sheet(workbook.create_sheet("Focus areas"), summary)
    left_out = _applications_sheet(workbook.create_sheet("Applications"), applications)
    _quality_sheet(workbook.create_sheet("Data quality"), summary, left_out)
    workbook.properties.creator = "Next Steps"
    workbook.properties.title = summary.title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def report_xlsx(report) -> bytes:
    """The improvement summary of a report as an Excel workbook."""
    return summary_xlsx(build_summary(report), report.applications)
