"""Several uploaded files at once: each read with its own Data-page choices, then combined.

A coach uploads one file per candidate; a job seeker uploads their own tracker plus the LinkedIn
export. Each file goes through the same cached load as a single file (``state._load``, keyed on
its content and its own choices), then ``analysis.normalize.merge.merge_loads`` combines the files that
could be read, cached on every file's content, name and settings plus the "different
candidates" choice. A file that cannot be read is named in an error; the others still load.

The pages then see one source (:func:`combined_source`) and one reading (:func:`combined_load`):
the reading of the first file (the first that states outcomes, as the merge reads it first)
with its table replaced by the combined one, so every page's counts, totals and "outcomes
known" describe all the files. The Data page shows each file's own reading.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import streamlit as st

from analysis.core.schema import SkippedRow
from analysis.normalize.loading import LoadResult
from analysis.normalize.merge import MergedApplications, merge_loads
from ui import memory, state
from ui.settings import kept
from ui.state import SettingsKey, Source

FILES_KEY = state.OPEN_FILES_KEY
"""Session state: the :class:`OpenFile` list of the last run, for the Data page's file picker."""
AS_CANDIDATES_KEY = "files_are_candidates"


@dataclass(frozen=True)
class OpenFile:
    """One uploaded file: its reading with its own settings, or why it cannot be used."""

    source: Source
    settings: SettingsKey
    loaded: LoadResult | None
    error: str | None


class ReadFile(NamedTuple):
    """A file that could be read."""

    source: Source
    settings: SettingsKey
    loaded: LoadResult


def open_files(sources: list[Source], today: dt.date, ghost_days: int) -> list[OpenFile]:
    """Read every file with its own choices (each load cached on the file's content and settings)."""
    opened = []
    for source in sources:
        choices = kept.choices_kept(source, today, ghost_days)
        settings = SettingsKey.of(choices, today, ghost_days)
        loaded, error = state.load_source(source, settings)
        kept.remember(source, choices)
        opened.append(OpenFile(source, settings, loaded, None if error is None else f"{source.name}: {error}"))
    st.session_state[FILES_KEY] = opened
    return opened


def last_opened() -> list[OpenFile]:
    """The files the sidebar opened on this run (empty with one file or the sample)."""
    return st.session_state.get(FILES_KEY, [])


def readable(files: list[OpenFile]) -> list[ReadFile]:
    """The files that could be read, in upload order."""
    return [ReadFile(item.source, item.settings, item.loaded) for item in files if item.loaded is not None]


@st.cache_resource(max_entries=4, ttl=memory.RESULT_TTL, scope="session", on_release=memory.release_soon,
                   show_spinner="Combining your files…")
def _merge(key: tuple, as_candidates: bool, _results: tuple[tuple[str, LoadResult], ...]) -> MergedApplications:
    """``merge_loads`` once per files (``key``: each file's digest, name and settings) and choice."""
    return merge_loads(list(_results), as_candidates)


def merge_key(files: list[ReadFile]) -> tuple:
    """What identifies a combination: each file's content, name and reading settings, in order."""
    return tuple((item.source.digest, item.source.name, item.settings) for item in files)


def merge(files: list[ReadFile], as_candidates: bool) -> MergedApplications:
    """The files combined: one candidate per file, or one person's files with duplicates counted once."""
    return _merge(merge_key(files), as_candidates, tuple((item.source.name, item.loaded) for item in files))


def combined_source(files: list[ReadFile], as_candidates: bool) -> Source:
    """One source standing for the files: their names joined, a digest of the whole combination."""
    digest = state.digest_of(repr((merge_key(files), as_candidates)).encode("utf-8"))
    return Source(data=b"", name=" + ".join(item.source.name for item in files), digest=digest, is_sample=False)


def primary(files: list[ReadFile]) -> ReadFile:
    """The file the merge reads first: the first that states outcomes, else the first."""
    return next((item for item in files if item.loaded.normalized.outcomes_known), files[0])


def _named(rows: tuple[SkippedRow, ...], name: str) -> tuple[SkippedRow, ...]:
    """Skipped rows with the file's name before the reason (row numbers alone are ambiguous across files)."""
    return tuple(SkippedRow(row.row, f"{name}: {row.reason}") for row in rows)


def combined_load(files: list[ReadFile], merged: MergedApplications) -> LoadResult:
    """The primary file's reading holding the combined table; counts, skipped rows and warnings of every file."""
    first = primary(files).loaded
    normalized = dataclasses.replace(
        first.normalized,
        applications=merged.applications,
        outcomes_known=merged.outcomes_known,
        skipped=sum((_named(item.loaded.normalized.skipped, item.source.name) for item in files), ()),
        unreadable_dates=sum((_named(item.loaded.normalized.unreadable_dates, item.source.name) for item in files), ()),
        unplaced_statuses=tuple(dict.fromkeys(value for item in files
                                              for value in item.loaded.normalized.unplaced_statuses)),
    )
    return dataclasses.replace(
        first,
        normalized=normalized,
        skipped=sum((_named(item.loaded.skipped, item.source.name) for item in files), ()),
        rows_read=sum(item.loaded.rows_read for item in files),
        warnings=merged.warnings,
    )
