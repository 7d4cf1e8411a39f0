"""The improvement summary's data model: text parts, tables, sections, the plan.

Text is a tuple of parts (:data:`Text`). Parts that are :class:`UserText` come from the user's
file (company names, feedback, status values...) or from another module that may quote it;
each writer escapes them for its format (Markdown backslashes, HTML entities, Excel formula
neutralising). Plain ``str`` parts are the engine's own wording.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class UserText(str):
    """Text that is not this module's own wording: every writer escapes it for its format."""

    __slots__ = ()


Text = tuple[str, ...]
"""A sentence as parts; :class:`UserText` parts are escaped by each writer."""


def text(*parts: object) -> Text:
    """A :data:`Text` from parts; non-strings are formatted with ``str``."""
    return tuple(part if isinstance(part, str) else str(part) for part in parts if part != "")


def plain(parts: Text) -> str:
    """A :data:`Text` as one unescaped string (for plain-text contexts only)."""
    return "".join(parts)


@dataclass(frozen=True)
class Headline:
    """One headline number: ``value`` for display, ``number`` for spreadsheets (None when unknown)."""

    label: str
    value: str
    detail: str
    number: float | int | None
    kind: str  # "count", "percent" or "days"


@dataclass(frozen=True)
class Column:
    """A table column. ``kind``: text, user (user text), count, percent, rate (a Rate), days, date."""

    title: str
    kind: str = "text"


@dataclass(frozen=True)
class Table:
    """A titled table; cells hold str, UserText, int, float, Rate, date or None by column kind."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    empty_note: str = "Nothing to show."


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text."""

    text: Text


@dataclass(frozen=True)
class Bullets:
    """A bullet list."""

    items: tuple[Text, ...]
    ordered: bool = False


@dataclass(frozen=True)
class ChartRef:
    """A chart of ``analysis.charts.figures`` to draw where the format can: ``name`` is the function name."""

    name: str


@dataclass(frozen=True)
class FocusItem:
    """A ranked focus area with the reason it was picked and its actions."""

    rank: int
    id: str
    title: UserText
    why: UserText
    actions: tuple[UserText, ...]


@dataclass(frozen=True)
class FocusList:
    """The ranked focus areas, as a block; without ``actions`` only their titles and why (the plan holds
    what to do)."""

    items: tuple[FocusItem, ...]
    actions: bool = True


@dataclass(frozen=True)
class PlanWeek:
    """One week of the plan: its focus and what to do."""

    week: int
    focus: Text
    tasks: tuple[Text, ...]


@dataclass(frozen=True)
class Plan:
    """A 2-4 week plan, as a block."""

    intro: Text
    weeks: tuple[PlanWeek, ...]


Block = Paragraph | Bullets | Table | ChartRef | FocusList | Plan


@dataclass(frozen=True)
class Section:
    """A titled part of the document."""

    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ImprovementSummary:
    """The whole document: ``sections`` fit on two printed pages, ``appendix`` holds the detail behind them
    (tables, charts, every published figure, data quality, settings). The named tables are the same objects
    the sections hold."""

    title: str
    subtitle: Text
    headlines: tuple[Headline, ...]
    sections: tuple[Section, ...]
    funnel_table: Table
    channel_table: Table
    theme_table: Table
    strength_table: Table
    focus: tuple[FocusItem, ...]
    plan: Plan
    skipped_table: Table
    unreadable_table: Table
    settings_table: Table
    quality_notes: tuple[Text, ...] = field(default=())
    appendix: tuple[Section, ...] = field(default=())

    @property
    def all_sections(self) -> tuple[Section, ...]:
        """The sections, then the appendix."""
        return self.sections + self.appendix

    def section(self, section_id: str) -> Section:
        """A section by id, in the pages or the appendix."""
        return next(section for section in self.all_sections if section.id == section_id)
