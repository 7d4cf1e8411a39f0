"""The shared sidebar: the files (uploads or the sample), the filters and the two settings."""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from analysis.core.limits import MAX_UPLOAD_BYTES, megabytes
from analysis.normalize.loading import LoadResult
from analysis.normalize.merge import MergedApplications
from ui import files, memory, progress, state
from ui.choices import choices_for, keep_choices_of
from ui.components import plain
from ui.filters import Domain, Filters
from ui.settings import kept
from ui.settings.panel import restored_note
from ui.state import (
    AppContext,
    SettingsKey,
    Source,
    digest_of,
    load_source,
    sample_source,
)

UPLOAD_TYPES = ["csv", "txt", "xlsx", "xlsm", "xls", "ods"]
DEFAULT_GHOST_DAYS = 30


def _on_upload() -> None:
    """New files replace the sample; removing them all brings the sample back."""
    st.session_state["use_sample"] = not st.session_state.get("upload")


@st.cache_resource(max_entries=8, ttl=memory.RESULT_TTL, scope="session", on_release=memory.release_soon,
                   show_spinner=False)
def _upload_source(file_id: str, _item: UploadedFile) -> Source:
    """An upload copied out of Streamlit and hashed once, on the run it arrives (copying a large file
    again on every rerun would cost a visible moment); released with the session."""
    data = _item.getvalue()
    return Source(data=data, name=_item.name, digest=digest_of(data), is_sample=False)


def _upload_sources(uploaded: list[UploadedFile]) -> tuple[list[Source], list[str]]:
    """The uploaded files as Sources, and why any other file is left out."""
    sources: list[Source] = []
    problems: list[str] = []
    for item in uploaded:
        if item.size > MAX_UPLOAD_BYTES:
            problems.append(f"{item.name} is {megabytes(item.size)}, more than the {megabytes(MAX_UPLOAD_BYTES)} "
                            "limit; remove unused sheets or columns, or save only the tracker as CSV.")
            continue
        source = _upload_source(item.file_id, item)
        twin = next((other for other in sources if other.digest == source.digest), None)
        if twin is not None:
            problems.append(f"{item.name} is the same file as {twin.name}; it is read once.")
            continue
        sources.append(source)
    return sources, problems


def _pick_sources() -> tuple[list[Source], list[str]]:
    """The file widgets; returns the files to read, and why any uploaded file cannot be used."""
    uploaded = st.file_uploader(
        "Your tracker",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key="upload",
        on_change=_on_upload,
        help="CSV, text or Excel/ODS files with one row per application. They never leave this computer. "
             "Add several to combine them: your tracker and your LinkedIn export, or one file per candidate.",
    )
    if len(uploaded) > 1 and not st.session_state["use_sample"]:
        st.toggle("Each file is a different candidate", key=files.AS_CANDIDATES_KEY,
                  help="On: one file per candidate, for a coach or recruiter (the Caseload page compares them). "
                       "Off: several files of one person, such as your tracker and your LinkedIn export; "
                       "an application found in more than one file is counted once.")
    st.toggle("Use the sample tracker", key="use_sample",
              help="A made-up search of 150 applications, to explore the app before uploading yours.")
    if st.session_state["use_sample"]:
        return [sample_source()], []
    return _upload_sources(uploaded)


def _reset_filters(domain: Domain) -> None:
    st.session_state["filter_dates"] = (domain.first, domain.last) if domain.first else ()
    st.session_state["filter_channels"] = []
    st.session_state["filter_role"] = ""
    st.session_state["filter_candidates"] = []


def _filter_widgets(domain: Domain) -> Filters:
    """Date range, channel, role and candidate filters; their state resets when the table changes."""
    if st.session_state.get("filter_domain") != domain:
        st.session_state["filter_domain"] = domain
        _reset_filters(domain)
    start = end = None
    if domain.first is not None:
        chosen = st.date_input("Applied between", min_value=domain.first, max_value=domain.last, key="filter_dates",
                               format="YYYY-MM-DD")
        # A range, one date while the range is being picked, or nothing once cleared.
        first, last = (tuple(chosen) + (None, None))[:2] if isinstance(chosen, tuple) else (chosen, None)
        start = first if first and first > domain.first else None
        end = last if last and domain.last and last < domain.last else None
    channels = st.multiselect("Channel", domain.channels, key="filter_channels", placeholder="All channels")
    role = st.text_input("Role contains", key="filter_role", placeholder="e.g. analyst")
    candidates: list[str] = []
    if domain.candidates:
        candidates = st.multiselect("Candidate", domain.candidates, key="filter_candidates",
                                    placeholder="All candidates")
    return Filters(start=start, end=end, channels=tuple(channels), role=role.strip(), candidates=tuple(candidates))


class Picked(NamedTuple):
    """What the pages will read: one file, or several combined (``merged``)."""

    source: Source
    settings: SettingsKey
    loaded: LoadResult
    merged: MergedApplications | None


def _several(sources: list[Source], problems: list[str], today: dt.date, ghost_days: int) -> AppContext | Picked:
    """Several files: each read with its own choices, then combined; files that cannot be used are named.

    Returns the context (with the reasons) when no file is usable; ``merged`` is None when only one is.
    """
    opened = files.open_files(sources, today, ghost_days)
    errors = problems + [item.error for item in opened if item.error]
    readable = files.readable(opened)
    if not readable:
        return AppContext(None, None, None, " ".join(errors), Filters(), None)
    for error in errors:
        st.error(plain(error), icon=":material/error:")
    if len(readable) == 1:
        return Picked(*readable[0], merged=None)
    as_candidates = bool(st.session_state.get(files.AS_CANDIDATES_KEY, False))
    merged = files.merge(readable, as_candidates)
    source = files.combined_source(readable, as_candidates)
    return Picked(source, files.primary(readable).settings, files.combined_load(readable, merged), merged)


def render() -> AppContext:
    """Draw the sidebar and return the context the page will use."""
    st.session_state.setdefault("use_sample", True)
    st.session_state.setdefault("ghost_days", DEFAULT_GHOST_DAYS)
    st.session_state.setdefault("today", dt.date.today())
    with st.sidebar:
        sources, problems = _pick_sources()
        errors_box = st.container()
        filters_box = st.container()
        st.number_input(
            "Count as no response after (days)", min_value=1, max_value=365, step=1, key="ghost_days",
            help="An open application with no reply for longer than this counts as no response (marked inferred).",
        )
        with st.expander("Advanced"):
            st.date_input("Today", key="today", format="YYYY-MM-DD",
                          help="Results are computed as of this date. Fix it to reproduce a result later.")
    keep_choices_of({source.digest for source in sources})
    st.session_state[files.FILES_KEY] = []
    today, ghost_days = st.session_state["today"], st.session_state["ghost_days"]
    merged = None
    if len(sources) + len(problems) > 1:
        with errors_box:
            picked = _several(sources, problems, today, ghost_days)
        if isinstance(picked, AppContext):
            return picked
        source, settings, loaded, merged = picked
    else:
        if not sources:
            return AppContext(None, None, None, problems[0] if problems else None, Filters(), None)
        source = sources[0]
        with progress.one_box(f"Reading {source.name}…", show=state.shows_steps(source)):
            choices = kept.choices_kept(source, today, ghost_days)
            settings = SettingsKey.of(choices_for(source.digest), today, ghost_days)
            loaded, error = load_source(source, settings, report_keywords=state.custom_keywords())
        kept.remember(source, choices)
        with errors_box:
            restored_note(source)
        if loaded is None:
            return AppContext(source, settings, None, error, Filters(), None)
    apps = loaded.applications
    with_candidates = loaded.mapping.header("candidate") is not None or (merged is not None and merged.as_candidates)
    with filters_box:
        st.subheader("Filters")
        table_key = (source.digest, settings)
        filters = _filter_widgets(state.filter_domain(table_key, with_candidates, apps))
        filtered = state.filtered_applications(table_key, filters, apps)
        if filters.active:
            st.caption(f"Showing {len(filtered)} of {len(apps)} applications.")
            st.button("Clear filters", on_click=_reset_filters, args=(st.session_state["filter_domain"],),
                      icon=":material/filter_alt_off:", key="clear_filters")
    return AppContext(source, settings, loaded, None, filters, filtered, merged=merged)
