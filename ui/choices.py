"""The user's reading choices per file (the Data page's corrections) and the file they belong to.

A :class:`Choices` per open file (by content digest) lives in session state; :class:`SettingsKey`
is its hashable form plus the sidebar settings, the cache key of a load (``ui.state``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd
import streamlit as st

from analysis.normalize.loading import LoadSettings, status_overrides_from_table

CHOICES_KEY = "reading_choices"
CHOICES_BY_FILE_KEY = "reading_choices_by_file"


@dataclass(frozen=True)
class Source:
    """The file being analysed. ``digest`` identifies its content (the cache key, not the bytes)."""

    data: bytes = field(repr=False)
    name: str
    digest: str
    is_sample: bool


@dataclass
class Choices:
    """What the user changed on the Data page for one file (``digest``); reset when the file changes.

    ``statuses`` maps a raw status value to (stage, outcome, is an application).
    """

    digest: str
    sheet: str | None = None
    columns: dict[str, str | None] = field(default_factory=dict)
    statuses: dict[str, tuple[str | None, str | None, bool]] = field(default_factory=dict)
    dayfirst: bool | None = None
    """The day/month order of every date column of the file (None: decided from the dates)."""
    version: int = 0
    """Counts corrections, so the Data page's editors are rebuilt from the corrected reading."""

    def reset_mapping(self) -> None:
        """Forget column and status choices (they name headers and values of another sheet)."""
        self.columns.clear()
        self.statuses.clear()
        self.dayfirst = None
        self.version += 1

    @property
    def changed(self) -> bool:
        """True when the user has made any choice."""
        return bool(self.sheet or self.columns or self.statuses or self.dayfirst is not None)


class SettingsKey(NamedTuple):
    """A hashable form of :class:`~analysis.normalize.loading.LoadSettings`, the cache key of a load."""

    sheet: str | None
    columns: tuple[tuple[str, str | None], ...]
    statuses: tuple[tuple[str, str | None, str | None, bool], ...]
    dayfirst: bool | None
    today: dt.date
    ghost_after_days: int

    @classmethod
    def of(cls, choices: Choices, today: dt.date, ghost_after_days: int) -> SettingsKey:
        """The key of the user's choices plus the two sidebar settings."""
        return cls(
            sheet=choices.sheet,
            columns=tuple(sorted(choices.columns.items())),
            statuses=tuple(sorted((value, *meaning) for value, meaning in choices.statuses.items())),
            dayfirst=choices.dayfirst,
            today=today,
            ghost_after_days=int(ghost_after_days),
        )

    def to_settings(self) -> LoadSettings:
        """The engine's settings object."""
        statuses = {}
        if self.statuses:
            table = pd.DataFrame(list(self.statuses), columns=["value", "stage", "outcome", "applied"])
            statuses = status_overrides_from_table(table)
        return LoadSettings(
            sheet=self.sheet,
            columns=dict(self.columns),
            statuses=statuses,
            dayfirst=self.dayfirst,
            today=self.today,
            ghost_after_days=self.ghost_after_days,
        )


def digest_of(data: bytes) -> str:
    """A short content hash of a file."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def choices_of(digest: str) -> Choices:
    """The user's reading choices for this file (each uploaded file keeps its own); a new file starts with none."""
    kept = st.session_state.setdefault(CHOICES_BY_FILE_KEY, {})
    if digest not in kept:
        kept[digest] = Choices(digest=digest)
    return kept[digest]


def keep_choices_of(digests: set[str]) -> None:
    """Forget the choices of files no longer open (a replaced file's choices do not come back)."""
    kept = st.session_state.get(CHOICES_BY_FILE_KEY, {})
    for digest in [digest for digest in kept if digest not in digests]:
        del kept[digest]


def choices_for(digest: str) -> Choices:
    """The reading choices of this file, made the current ones (the Data page's callbacks change them)."""
    choices = choices_of(digest)
    st.session_state[CHOICES_KEY] = choices
    return choices


def current_choices() -> Choices | None:
    """The reading choices of the current file, for the Data page's callbacks."""
    return st.session_state.get(CHOICES_KEY)
