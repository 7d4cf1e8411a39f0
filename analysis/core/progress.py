"""The steps a tracker goes through on its way to a report, for whoever shows progress.

The engine calls a :data:`Progress` callback with each step's label as the step starts (the
app shows them in a status box, the CLI on a terminal's stderr); it never waits on the callback's
caller and works the same without one.
"""
from __future__ import annotations

from collections.abc import Callable

READING = "Reading the file"
MAPPING = "Mapping columns"
DATES_AND_STATUSES = "Reading dates and statuses"
THEMES = "Finding feedback themes"
REPORT = "Building the report"
STEPS: tuple[str, ...] = (READING, MAPPING, DATES_AND_STATUSES, THEMES, REPORT)

Progress = Callable[[str], None]
"""Called with one of :data:`STEPS` as that step starts."""


def no_progress(step: str) -> None:
    """A :data:`Progress` that shows nothing."""
