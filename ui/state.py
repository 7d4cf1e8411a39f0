"""Where the pages get their data: the file, the user's reading choices, the cached load and report.

One run of the app goes: sidebar picks a :class:`Source` -> :func:`load_source` reads it with the
:class:`Choices` made on the Data page (cached on content and settings) -> the sidebar filters the
canonical table -> :meth:`AppContext.report` builds the report on the filtered table (cached on
the load key and the filter values). ``app.py`` stores the :class:`AppContext` in session state
before the page runs; pages read it with :func:`context`.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import streamlit as st

from analysis.core.errors import InputError
from analysis.core.progress import REPORT, THEMES, Progress, no_progress
from analysis.normalize.loading import (
    LoadResult,
    load,
)
from analysis.normalize.merge import MergedApplications
from analysis.report import Report, build_report
from ui import memory, progress
from ui.choices import SettingsKey, Source, digest_of
from ui.filters import Domain, Filters, apply_filters, domain_of

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PATH = ROOT / "sample_data" / "sample_tracker.xlsx"
CONTEXT_KEY = "app_context"
KEYWORDS_KEY = "extra_keywords"
"""Session state: the user's own theme keywords, theme id -> tuple of keywords (the Feedback page edits it)."""
Keywords = tuple[tuple[str, tuple[str, ...]], ...]
READINGS_KEY = "readings_made"
"""Session state: (digest, name, settings) -> estimated bytes of each reading this session made, oldest first."""
REPORTED_KEY = "first_reports_made"
"""Session state: the (digest, name, settings) whose first report was made with the reading."""
SHOW_STEPS_FROM_BYTES = 150_000
"""Files from this size (about 1,500 rows of a tracker) show their reading step by step."""

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def sample_source() -> Source:
    """The bundled demo tracker."""
    data = SAMPLE_PATH.read_bytes()
    return Source(data=data, name=SAMPLE_PATH.name, digest=digest_of(data), is_sample=True)


@st.cache_resource(max_entries=4, ttl=memory.RESULT_TTL, scope="session", on_release=memory.release_soon,
                   show_spinner=False)
def _load(digest: str, filename: str, settings: SettingsKey, _data: bytes,
          _progress: Progress = no_progress) -> LoadResult:
    """Parse a file once per content and settings (``_data`` is not hashed: ``digest`` stands for it).

    Cached as a resource, shared by every rerun rather than copied (a copy of a large file's
    reading costs more than a rerun should): pages treat what the engine returns as read-only.
    Scoped to the session: released when it disconnects, or after :data:`memory.RESULT_TTL`.
    """
    return load(_data, filename, settings.to_settings(), progress=_progress)


class Loaded(NamedTuple):
    """A load's result, or the one sentence to show instead."""

    result: LoadResult | None
    error: str | None


def _keep_within_budget(source: Source, settings: SettingsKey, loaded: LoadResult) -> None:
    """Note this reading's size; drop this session's oldest readings while they exceed the budget."""
    made: dict = st.session_state.setdefault(READINGS_KEY, {})
    key = (source.digest, source.name, settings)
    made[key] = made.pop(key) if key in made else memory.reading_size(loaded)  # the latest used last
    while len(made) > 1 and sum(made.values()) > memory.READINGS_BUDGET_BYTES:
        digest, name, old_settings = next(iter(made))
        del made[(digest, name, old_settings)]
        _load.clear(digest, name, old_settings, b"")


def _read_with_steps(source: Source, settings: SettingsKey, report_keywords: Keywords | None) -> LoadResult:
    """The reading of a large file shown step by step; with ``report_keywords`` (one file, no
    merge), its first report and themes too, so the first page after the upload finds them made."""
    def work(told: Progress) -> LoadResult:
        loaded = _load(source.digest, source.name, settings, source.data, told)
        if report_keywords is not None:
            told(THEMES)
            report = _report((source.digest, settings, Filters(), report_keywords), settings.today, loaded,
                             apply_filters(loaded.applications, Filters()), report_keywords)
            report.feedback  # noqa: B018 (computed here, once, as its own step)
            told(REPORT)
            report.focus_areas  # noqa: B018
        return loaded

    def done(loaded: LoadResult, seconds: float) -> str:
        return f"Read {len(loaded.applications):,} applications from {source.name} in {seconds:.1f} s"

    return progress.with_steps(f"Reading {source.name}…", work, done)


def shows_steps(source: Source) -> bool:
    """True for a large file not yet read in this session: its reading is shown step by step."""
    made = st.session_state.get(READINGS_KEY, {})
    return len(source.data) >= SHOW_STEPS_FROM_BYTES and not any(key[0] == source.digest for key in made)


def load_source(source: Source, settings: SettingsKey, report_keywords: Keywords | None = None) -> Loaded:
    """Read the source; an unusable file gives a plain message, never a traceback.

    A large file read for the first time in this session shows its steps (reading, mapping
    columns, dates and statuses, and with ``report_keywords`` themes and report, made once).
    """
    key = (source.digest, source.name, settings)
    reported: set = st.session_state.setdefault(REPORTED_KEY, set())
    try:
        new = key not in st.session_state.get(READINGS_KEY, {}) or (report_keywords is not None and key not in reported)
        if new and len(source.data) >= SHOW_STEPS_FROM_BYTES:
            loaded = _read_with_steps(source, settings, report_keywords)
            if report_keywords is not None:
                reported.add(key)
        else:
            loaded = _load(source.digest, source.name, settings, source.data)
        _keep_within_budget(source, settings, loaded)
        return Loaded(loaded, None)
    except InputError as error:
        return Loaded(None, str(error))
    except Exception:  # an engine bug must not show the user a traceback; the console keeps it
        log.exception("Reading %s failed", source.name)
        return Loaded(None, f"{source.name} could not be read. Check that it is a tracker saved as "
                           "CSV, Excel or ODS, or try the blank template.")


@st.cache_resource(max_entries=3, ttl=memory.RESULT_TTL, scope="session", show_spinner=False)
def _report(key: tuple, today: dt.date, _loaded: LoadResult, _applications: pd.DataFrame,
            keywords: Keywords = ()) -> Report:
    """The report of the filtered table; ``key`` is (source digest, settings, filters, keywords).
    Shared and read-only, as :func:`_load`."""
    return build_report(_loaded, today, applications=_applications, extra_keywords=dict(keywords))


@st.cache_resource(max_entries=4, ttl=memory.RESULT_TTL, scope="session", show_spinner=False)
def filter_domain(key: tuple, with_candidates: bool, _applications: pd.DataFrame) -> Domain:
    """The values the sidebar filters can take, once per table (``key`` as :func:`filtered_applications`)."""
    return domain_of(_applications, with_candidates)


@st.cache_resource(max_entries=3, ttl=memory.RESULT_TTL, scope="session", show_spinner=False)
def filtered_applications(key: tuple, filters: Filters, _applications: pd.DataFrame) -> pd.DataFrame:
    """The applications that pass ``filters``, once per table and filters (``key``: the source's
    digest and reading settings, which identify the table). Shared and read-only, as :func:`_load`."""
    return apply_filters(_applications, filters)


def custom_keywords() -> Keywords:
    """The user's own theme keywords in a hashable form; every page's report and export applies them."""
    stored = st.session_state.get(KEYWORDS_KEY) or {}
    return tuple((theme, tuple(words)) for theme, words in stored.items() if words)


@dataclass(frozen=True)
class AppContext:
    """Everything a page needs about the current file, as chosen in the sidebar."""

    source: Source | None
    settings: SettingsKey | None
    loaded: LoadResult | None
    error: str | None
    filters: Filters
    applications: pd.DataFrame | None
    """The canonical table after the sidebar filters."""
    merged: MergedApplications | None = None
    """When several files were uploaded: how they were combined (``ui.files``). ``source`` then
    stands for all of them, and ``loaded`` is the first file's reading holding the combined table."""
    _report_of_this_run: list[Report] = field(default_factory=list, compare=False, repr=False)

    @property
    def today(self) -> dt.date:
        """The "today" results are computed for."""
        return self.settings.today if self.settings else dt.date.today()

    @property
    def report_key(self) -> tuple:
        """Identifies the report: the file's content, the reading settings, the filters and the user's keywords."""
        return (self.source.digest if self.source else None, self.settings, self.filters, custom_keywords())

    def report(self) -> Report:
        """The report on the filtered applications (computed once per file, settings and filters;
        this run's pages, and anything holding this context afterwards, get the same object)."""
        if self.loaded is None or self.applications is None:
            raise RuntimeError("no loaded file to report on")
        if not self._report_of_this_run:
            self._report_of_this_run.append(
                _report(self.report_key, self.today, self.loaded, self.applications, custom_keywords()))
        return self._report_of_this_run[0]


def set_context(ctx: AppContext) -> None:
    """Called by app.py once per run, before the page."""
    st.session_state[CONTEXT_KEY] = ctx
    memory.watch_session(RUN_KEYS)


OPEN_FILES_KEY = "open_files"
"""Session state: the files the sidebar opened on this run (``ui.files``)."""
RUN_KEYS = (CONTEXT_KEY, OPEN_FILES_KEY)
"""Session state that holds one run's results (the context, the files opened): dropped once the
session has ended (:func:`ui.memory.watch_session`), as the session-scoped caches are."""


def context() -> AppContext:
    """The current run's context (app.py builds it before the page runs)."""
    return st.session_state[CONTEXT_KEY]
