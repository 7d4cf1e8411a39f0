"""The data quality and settings sections of the improvement summary, and the period phrase they share."""
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.core.wording import date_phrase, days_phrase, plural, theme_name
from analysis.summary.model import (
    Block,
    Bullets,
    Column,
    Section,
    Table,
    Text,
    UserText,
    text,
)

if TYPE_CHECKING:
    from analysis.report import Report  # the top of the engine; imported for annotations only


def period_phrase(report: Report) -> str:
    """The period the report covers, e.g. "3 March 2026 to 20 May 2026", or "no application dates"."""
    period = report.period
    if period is None:
        return "no application dates"
    if period[0] == period[1]:
        return date_phrase(period[0])
    return f"{date_phrase(period[0])} to {date_phrase(period[1])}"


SHOWN_ROWS = 5
"""Rows of a skipped-rows or unreadable-dates table shown in the document; the Excel file lists them all."""
_COVERED_WARNINGS = ("counted as no response (inferred)", "could not be read; they are listed")
"""Loader warnings that the notes above already state (for the applications reported on)."""


def data_quality_section(report: Report) -> tuple[Section, Table, Table, tuple[Text, ...]]:
    """The data quality section, its tables of skipped rows and unreadable dates, and its notes."""
    loaded = report.loaded
    skipped = Table(
        "Rows skipped",
        (Column("Row", "count"), Column("Reason", "user")),
        tuple((item.row, UserText(item.reason)) for item in loaded.skipped),
        "No rows were skipped.",
    )
    unreadable = Table(
        "Dates that could not be read",
        (Column("Row", "count"), Column("Problem", "user")),
        tuple((item.row, UserText(item.reason)) for item in loaded.normalized.unreadable_dates),
        "Every date could be read.",
    )
    skipped_phrase = (f"{plural(len(loaded.skipped), 'row')} skipped (listed below with the reason)"
                      if loaded.skipped else "no rows skipped")
    notes: list[Text] = [text(f"{plural(loaded.rows_read, 'row')} read; {skipped_phrase}; "
                              f"{plural(len(loaded.applications), 'application')} analysed.")]
    if len(report.applications) != len(loaded.applications):
        notes.append(text(f"This summary covers {len(report.applications)} of the {len(loaded.applications)} "
                          "applications (filters applied)."))
    inferred = int(report.applications["outcome_inferred"].astype(bool).sum())
    notes.append(text(f"{plural(inferred, 'no-response', 'no-responses')} inferred: open applications with no reply "
                      f"for more than {loaded.settings.ghost_after_days} days before {date_phrase(report.today)}."
                      if inferred else "No no-responses were inferred from dates."))
    if loaded.normalized.unreadable_dates:
        notes.append(text(f"{plural(len(loaded.normalized.unreadable_dates), 'date cell')} could not be read; "
                          "fix them in your tracker so timing and trends count them."))
    for warning in loaded.warnings:
        if not any(covered in warning for covered in _COVERED_WARNINGS):
            notes.append(text(UserText(warning)))
    blocks: tuple[Block, ...] = (Bullets(tuple(notes)), *(_first_rows(table) for table in (skipped, unreadable) if table.rows))
    return Section("data_quality", "Data quality", blocks), skipped, unreadable, tuple(notes)


def _first_rows(table: Table) -> Table:
    """The table cut to its first :data:`SHOWN_ROWS` rows, its title saying how many there are in all."""
    if len(table.rows) <= SHOWN_ROWS:
        return table
    title = f"{table.title}: the first {SHOWN_ROWS} of {len(table.rows)} (the Excel file lists them all)"
    return Table(title, table.columns, table.rows[:SHOWN_ROWS], table.empty_note)


def settings_section(report: Report) -> tuple[Section, Table]:
    """The period and settings section and its table of the settings used."""
    loaded = report.loaded
    raw = loaded.raw
    rows: list[tuple[object, object]] = [
        ("Period covered", period_phrase(report)),
        ("Today (silence counted up to)", date_phrase(report.today)),
        ("No response after", days_phrase(loaded.settings.ghost_after_days) + " without a reply"),
        ("Layout", loaded.layout),
    ]
    filename = getattr(raw, "filename", None) or getattr(raw, "name", None)
    if filename:
        rows.append(("File", UserText(filename)))
    if getattr(raw, "sheet", None):
        rows.append(("Sheet", UserText(raw.sheet)))
    for name, header in loaded.mapping.columns.items():
        if header:
            rows.append((f"Column for {name.replace('_', ' ')}", UserText(header)))
    for theme, words in report.extra_keywords.items():
        rows.append((f"Your keywords for {theme_name(theme).lower()}", UserText(", ".join(words))))
    table = Table("Settings used", (Column("Setting"), Column("Value", "user")), tuple(rows))
    return Section("settings", "Period and settings", (table,)), table
