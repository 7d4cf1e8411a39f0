"""The improvement summary as an Excel workbook (openpyxl), with native bar charts and no formulas.

Sheets: Summary, Funnel, Channels, Themes, Focus areas, Applications (the canonical table) and
Data quality. Header rows are frozen, widths fit the contents, rates carry a percent format and
dates a date format, one style per column. Every text cell is neutralised against formulas
(:mod:`analysis.export.cells`). The Applications sheet, which holds every application, is
streamed into the workbook a block of rows at a time (:mod:`analysis.export.applications_sheet`),
so a million rows take seconds and memory near one block's size.
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analysis.core.schema import CANONICAL_COLUMNS
from analysis.export.applications_sheet import (
    StreamedSheet,
    column_widths,
    stream_rows_into,
)
from analysis.export.cells import (
    DATE,
    DAYS,
    PERCENT,
    SECTION_FONT,
    bar_chart,
    fit_widths,
    header_row,
    put,
    write_table,
)
from analysis.summary.build import build_summary
from analysis.summary.model import Bullets, ImprovementSummary, Paragraph, Plan, plain

if TYPE_CHECKING:
    from analysis.report import Report  # the top of the engine; imported for annotations only

EXCEL_MAX_ROWS = 1_048_576
TITLE_FONT = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")


def _summary_sheet(sheet: Worksheet, summary: ImprovementSummary) -> None:
    put(sheet, 1, 1, summary.title).font = TITLE_FONT
    put(sheet, 2, 1, plain(summary.subtitle))
    header_row(sheet, 4, ["Headline", "Value", "Detail"])
    sheet.freeze_panes = "A5"
    row = 4
    for headline in summary.headlines:
        row += 1
        put(sheet, row, 1, headline.label)
        number_format = {"percent": PERCENT, "days": DAYS}.get(headline.kind)
        put(sheet, row, 2, headline.number, number_format)
        put(sheet, row, 3, headline.detail)
    for section in summary.all_sections:
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
        bar_chart(
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
        bar_chart(
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
    header_row(sheet, 1, ["Rank", "Focus area", "Why", "Actions"])
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
    header_row(sheet, row, ["Week", "Focus", "", "Tasks"])
    for week in summary.plan.weeks:
        row += 1
        put(sheet, row, 1, week.week)
        put(sheet, row, 2, plain(week.focus)).alignment = WRAP
        put(sheet, row, 4, "\n".join(f"☐ {plain(task)}" for task in week.tasks)).alignment = WRAP
    for letter, width in (("A", 8), ("B", 32), ("C", 50), ("D", 70)):
        sheet.column_dimensions[letter].width = width


def _applications_header(workbook: Workbook, applications: pd.DataFrame) -> StreamedSheet:
    """The Applications sheet with its header, widths, frozen header and filter; its rows are
    streamed in afterwards (:mod:`analysis.export.applications_sheet`), in the styles set here."""
    sheet = workbook.create_sheet("Applications")
    columns = tuple(name for name in CANONICAL_COLUMNS if name in applications.columns)
    fitting = applications.head(EXCEL_MAX_ROWS - 1)
    header_row(sheet, 1, list(columns))
    sheet.freeze_panes = "A2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(fitting) + 1)}"
    for letter, width in column_widths(fitting, columns).items():
        sheet.column_dimensions[letter].width = width
    date_cell = WriteOnlyCell(sheet)
    date_cell.number_format = DATE  # the one style every date cell of the sheet shares
    entry = f"xl/worksheets/sheet{len(workbook.worksheets)}.xml"
    return StreamedSheet(entry=entry, applications=fitting, columns=columns, date_style=date_cell.style_id)


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
    streamed = _applications_header(workbook, applications)
    _quality_sheet(workbook.create_sheet("Data quality"), summary, len(applications) - len(streamed.applications))
    workbook.properties.creator = "Next Steps"
    workbook.properties.title = summary.title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return stream_rows_into(buffer.getvalue(), streamed)


def report_xlsx(report: Report) -> bytes:
    """The improvement summary of a report as an Excel workbook."""
    return summary_xlsx(build_summary(report), report.applications)
