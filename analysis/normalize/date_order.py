"""One day/month order for all the date columns of a file, and the century of two-digit years.

The order is decided from every date column together: a first field above 12 (``13/10/2024``)
proves day-first, a second one above 12 (``10/13/2024``) month-first; the proof found in more
distinct dates wins. When no date proves either, the order that keeps each reply and stage after
its application wins; then dots (``03.11.2025``) mean day-first, then the order the file writes
month names in ("3 Nov" or "Nov 3"), else month-first. The user can
override it for the whole file.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from analysis.normalize.date_cells import DateCells

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
CHOSEN, PROVEN, EVENTS = "chosen", "proven", "order of events"
DOTS, MONTH_NAMES, DEFAULT = "dots", "month names", "default"


@dataclass(frozen=True)
class DateOrder:
    """The file's day/month order and why.

    ``reason`` is one of "chosen" (by the user), "proven" (``example`` is a date in column
    ``example_column`` that reads only this way), "order of events" (the other order would put
    replies or stages before their application), "dots", "month names" or "default".
    ``ambiguous`` names the columns whose numeric dates all read either way; ``contradicting``
    counts the distinct dates that read only the other way (they are left unreadable).
    ``numeric`` is False when the file has no numeric day/month dates, so no order was needed.
    ``sample`` is a date of the first ambiguous column and ``sample_reading`` what it means
    ("2 November").
    """

    dayfirst: bool
    reason: str
    example: str | None = None
    example_column: str | None = None
    ambiguous: tuple[str, ...] = ()
    contradicting: int = 0
    numeric: bool = False
    sample: str | None = None
    sample_reading: str | None = None

    @property
    def label(self) -> str:
        """"day first" or "month first"."""
        return "day first" if self.dayfirst else "month first"


def decide_order(columns: dict[str, DateCells], chosen: bool | None = None,
                 backwards: Callable[[bool], int] | None = None) -> DateOrder:
    """The day/month order for these columns (headers to their cells); ``chosen`` overrides it.

    ``backwards(dayfirst)`` counts the rows whose reply or stage dates would come before the
    application in that order; when no date proves the order, the order with fewer wins.
    """
    proofs = {True: 0, False: 0}  # dayfirst -> how many distinct dates prove it
    first_proof: dict[bool, tuple[str, int]] = {}  # dayfirst -> (header, distinct index) of the first proof
    ambiguous: list[tuple[str, int]] = []  # (header, index of its first date that reads either way)
    separators, named = {True: 0, False: 0}, {True: 0, False: 0}
    for header, cells in columns.items():
        numeric, fields = cells.numeric, cells.text.fields
        either_way = np.flatnonzero(numeric & (fields["first"] <= 12) & (fields["second"] <= 12))
        found = {True: np.flatnonzero(numeric & (fields["first"] > 12) & (fields["second"] <= 12)),
                 False: np.flatnonzero(numeric & (fields["second"] > 12) & (fields["first"] <= 12))}
        for dayfirst, indexes in found.items():
            proofs[dayfirst] += len(indexes)
            if len(indexes) and dayfirst not in first_proof:
                first_proof[dayfirst] = (header, int(indexes[0]))
        if len(either_way) and not len(found[True]) and not len(found[False]):
            ambiguous.append((header, int(either_way[0])))
        separators[True] += int((numeric & cells.text.dotted).sum())
        separators[False] += int((numeric & ~cells.text.dotted).sum())
        named[True] += int(cells.text.named_day_first.sum())
        named[False] += int(cells.text.named_month_first.sum())
    example = None
    if chosen is not None:
        dayfirst, reason = chosen, CHOSEN
    elif proofs[True] != proofs[False]:
        dayfirst, reason = proofs[True] > proofs[False], PROVEN
        example = first_proof[dayfirst]
    else:
        unsettled = bool(ambiguous) or proofs[True] > 0  # dates that read either way, or proofs in a tie
        dayfirst, reason = _unproven_order(unsettled, backwards, separators, named)
    sample = ambiguous[0] if ambiguous else None
    return DateOrder(
        dayfirst, reason,
        example=_text_of(columns, example), example_column=example[0] if example else None,
        ambiguous=tuple(header for header, _ in ambiguous), contradicting=proofs[not dayfirst],
        numeric=any(cells.numeric.any() for cells in columns.values()),
        sample=_text_of(columns, sample), sample_reading=_reading(columns, sample, dayfirst),
    )


def _unproven_order(unsettled: bool, backwards: Callable[[bool], int] | None, separators: dict[bool, int],
                    named: dict[bool, int]) -> tuple[bool, str]:
    """The order, and why, when no date proves it: order of events, dots, month names, else month first."""
    if unsettled and backwards is not None:
        late = {dayfirst: backwards(dayfirst) for dayfirst in (True, False)}
        if late[True] != late[False]:
            return late[True] < late[False], EVENTS
    if separators[True] > separators[False]:
        return True, DOTS
    if named[True] != named[False]:
        return named[True] > named[False], MONTH_NAMES
    return False, DEFAULT


def _text_of(columns: dict[str, DateCells], where: tuple[str, int] | None) -> str | None:
    """The text of one distinct value, given as (header, index)."""
    return None if where is None else str(columns[where[0]].distinct[where[1]]).strip()


def _reading(columns: dict[str, DateCells], where: tuple[str, int] | None, dayfirst: bool) -> str | None:
    """What a numeric date means in the given order, as "2 November"."""
    if where is None:
        return None
    fields = columns[where[0]].text.fields
    first, second = int(fields["first"][where[1]]), int(fields["second"][where[1]])
    day, month = (first, second) if dayfirst else (second, first)
    return f"{day} {MONTHS[month - 1]}"


def median_year(columns: list[DateCells]) -> int | None:
    """The median year of the file's dates written with a full year; None when there are none.

    Two-digit years are placed near it, and dates without a year take it when their column has none.
    """
    years = np.concatenate([cells.full_years() for cells in columns] or [np.array([])])
    return int(np.median(years)) if len(years) else None


def order_notes(order: DateOrder) -> list[str]:
    """Plain sentences for the warnings: columns that read either way, dates against the file's order."""
    notes = []
    other = "no" if order.dayfirst else "yes"
    how = (f"To change it, set the date order on the Data page (command line: --dayfirst {other}); "
           "it applies to every date column.")
    if order.ambiguous and order.reason != CHOSEN:
        names = ", ".join(f"'{header}'" for header in order.ambiguous)
        example = f" ('{order.sample}' means {order.sample_reading})" if order.sample else ""
        if order.reason == PROVEN:
            notes.append(f"The dates in {names} could be day first or month first (no number above 12); they are "
                         f"read {order.label} like the rest of the file, since '{order.example}' in "
                         f"'{order.example_column}' can only be {order.label}{example}. {how}")
        else:
            why = {EVENTS: ": the other order would put replies or stages before their application",
                   DOTS: ", as dates written with dots usually are",
                   MONTH_NAMES: ", the order this file writes month names in"}.get(order.reason, "")
            notes.append(f"No date in this file shows whether the day or the month comes first: every number in "
                         f"{names} is 12 or less. They are read {order.label}{why}{example}. {how}")
    if order.contradicting:
        notes.append(f"{order.contradicting} distinct dates can only be read "
                     f"{'month first' if order.dayfirst else 'day first'}, against this file's {order.label} "
                     "order; they are listed as unreadable dates.")
    return notes
