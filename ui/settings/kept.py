"""Corrections kept across sessions: restored when a tracker is opened again, saved as they change.

The sidebar calls :func:`choices_kept` for each file before reading it (a tracker seen before on
this machine gets its corrections back, once per session) and :func:`remember` after, so every
correction made on the Data page or the Feedback page is on disk by the next run. The sample
tracker is never kept.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from analysis.core.errors import InputError
from analysis.export.markdown import markdown_literal
from analysis.reading.tables import read_table
from ui import state
from ui.choices import Choices, choices_of
from ui.settings import store
from ui.settings.store import Corrections
from ui.state import KEYWORDS_KEY, SettingsKey, Source

SIGNATURES_KEY = "tracker_signatures"
"""Session state: file digest -> (header signature, headers of the default reading), or None if unreadable."""
KEPT_KEY = "kept_corrections"
"""Session state: file digest -> the corrections last written for it (to write only changes)."""
RESTORED_KEY = "restored_corrections"
"""Session state: file digest -> how many corrections were restored from this machine."""


def corrections_of(choices: Choices) -> Corrections:
    """The file's choices plus the user's keywords, as one :class:`Corrections`."""
    keywords = {theme: tuple(words) for theme, words in (st.session_state.get(KEYWORDS_KEY) or {}).items() if words}
    return Corrections(sheet=choices.sheet, columns=dict(choices.columns), statuses=dict(choices.statuses),
                       dayfirst=choices.dayfirst,
                       keywords=keywords)


def apply(corrections: Corrections, choices: Choices, sheets: tuple[str, ...] = (),
          headers: tuple[str, ...] | None = None) -> list[str]:
    """Put ``corrections`` into ``choices`` (replacing them) and the session's keywords; returns what was left
    out, as Markdown with the user's names escaped.

    A sheet the file does not have is left out, and so are column choices naming headers not in
    ``headers`` (when given: the headers of the sheet that will be read).
    """
    left_out: list[str] = []
    sheet = corrections.sheet
    if sheet and sheets and sheet not in sheets:
        left_out.append(f"the sheet “{markdown_literal(sheet)}”, which this file does not have")
        sheet = None
    columns = dict(corrections.columns)
    if headers is not None and sheet == choices.sheet:
        missing = [header for header in columns.values() if header is not None and header not in headers]
        columns = {name: header for name, header in columns.items() if header is None or header in headers}
        left_out.extend(f"the column “{markdown_literal(header)}”, which this file does not have" for header in missing)
    choices.reset_mapping()
    choices.sheet = sheet
    choices.columns.update(columns)
    choices.statuses.update(corrections.statuses)
    choices.dayfirst = corrections.dayfirst
    if corrections.keywords:
        st.session_state[KEYWORDS_KEY] = dict(corrections.keywords)
    return left_out


def _signature(source: Source, today: dt.date, ghost_days: int) -> tuple[str, tuple[str, ...]] | None:
    """The header signature of the file's default reading (no choice made), or None if it has no table."""
    loaded, _ = state.load_source(source, SettingsKey.of(Choices(digest=source.digest), today, ghost_days))
    try:
        frame = loaded.raw.frame if loaded is not None else read_table(source.data, source.name).frame
    except (InputError, ValueError, TypeError):  # no readable table, no signature: the load says why
        return None
    headers = tuple(str(header) for header in frame.columns)
    return store.signature(headers), headers


def choices_kept(source: Source, today: dt.date, ghost_days: int) -> Choices:
    """The file's choices, with the corrections kept on this machine put back the first time it is opened."""
    choices = choices_of(source.digest)
    signatures = st.session_state.setdefault(SIGNATURES_KEY, {})
    if source.is_sample or source.digest in signatures:
        return choices
    found = signatures[source.digest] = _signature(source, today, ghost_days)
    if found is None:
        return choices
    corrections = store.kept(found[0])
    written = st.session_state.setdefault(KEPT_KEY, {})
    if corrections is None or choices.changed:
        written[source.digest] = corrections_of(choices) if choices.changed else Corrections()
        return choices
    had_keywords = bool(st.session_state.get(KEYWORDS_KEY))
    apply(dataclasses.replace(corrections, keywords={}) if had_keywords else corrections, choices)
    written[source.digest] = corrections_of(choices)
    st.session_state.setdefault(RESTORED_KEY, {})[source.digest] = corrections.count()
    return choices


def remember(source: Source, choices: Choices) -> None:
    """Write the file's corrections to this machine when they changed since last written."""
    found = st.session_state.get(SIGNATURES_KEY, {}).get(source.digest)
    if source.is_sample or found is None:
        return
    corrections = corrections_of(choices)
    written = st.session_state.setdefault(KEPT_KEY, {})
    if written.get(source.digest) != corrections:
        store.keep(found[0], corrections)
        written[source.digest] = corrections


def headers_of(source: Source) -> tuple[str, ...]:
    """The headers of the file's default reading (empty when unknown)."""
    found = st.session_state.get(SIGNATURES_KEY, {}).get(source.digest)
    return found[1] if found else ()


def restored_count(source: Source) -> int:
    """How many corrections were restored for this file in this session (0 when none)."""
    return st.session_state.get(RESTORED_KEY, {}).get(source.digest, 0)


def forget(digest: str) -> None:
    """Undo the restored corrections of a file: its choices and the session's keywords start afresh."""
    choices = choices_of(digest)
    choices.sheet = None
    choices.reset_mapping()
    st.session_state[KEYWORDS_KEY] = {}
    st.session_state.get(RESTORED_KEY, {}).pop(digest, None)
