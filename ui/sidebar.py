"""The shared sidebar: the file (upload or sample), the filters and the two settings."""
from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from analysis.limits import MAX_UPLOAD_BYTES, megabytes
from ui.filters import Domain, Filters, apply_filters, domain_of
from ui.state import AppContext, Source, SettingsKey, choices_for, digest_of, load_source, sample_source

UPLOAD_TYPES = ["csv", "txt", "xlsx", "xlsm", "xls", "ods"]
DEFAULT_GHOST_DAYS = 30


def _on_upload() -> None:
    """A new file replaces the sample; removing it brings the sample back."""
    st.session_state["use_sample"] = st.session_state.get("upload") is None


def _upload_source(uploaded: UploadedFile) -> Source:
    """The uploaded file as a Source, hashing its bytes once per upload."""
    data = uploaded.getvalue()
    seen = st.session_state.get("upload_digest")
    if seen is None or seen[0] != uploaded.file_id:
        seen = (uploaded.file_id, digest_of(data))
        st.session_state["upload_digest"] = seen
    return Source(data=data, name=uploaded.name, digest=seen[1], is_sample=False)


def _pick_source() -> tuple[Source | None, str | None]:
    """The file widgets; returns the source to read, or a message why there is none."""
    uploaded = st.file_uploader(
        "Your tracker",
        type=UPLOAD_TYPES,
        key="upload",
        on_change=_on_upload,
        help="A CSV, text or Excel/ODS file with one row per application. It never leaves this computer.",
    )
    st.toggle("Use the sample tracker", key="use_sample",
              help="A made-up search of 150 applications, to explore the app before uploading yours.")
    if st.session_state["use_sample"]:
        return sample_source(), None
    if uploaded is None:
        return None, None
    if uploaded.size > MAX_UPLOAD_BYTES:
        return None, (f"{uploaded.name} is {megabytes(uploaded.size)}, more than the {megabytes(MAX_UPLOAD_BYTES)} "
                      "limit; remove unused sheets or columns, or save only the tracker as CSV.")
    return _upload_source(uploaded), None


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


def render() -> AppContext:
    """Draw the sidebar and return the context the page will use."""
    st.session_state.setdefault("use_sample", True)
    st.session_state.setdefault("ghost_days", DEFAULT_GHOST_DAYS)
    st.session_state.setdefault("today", dt.date.today())
    with st.sidebar:
        source, problem = _pick_source()
        filters_box = st.container()
        st.number_input(
            "Count as no response after (days)", min_value=1, max_value=365, step=1, key="ghost_days",
            help="An open application with no reply for longer than this counts as no response (marked inferred).",
        )
        with st.expander("Advanced"):
            st.date_input("Today", key="today", format="YYYY-MM-DD",
                          help="Results are computed as of this date. Fix it to reproduce a result later.")
    if source is None:
        return AppContext(None, None, None, problem, Filters(), None)
    settings = SettingsKey.of(choices_for(source.digest), st.session_state["today"], st.session_state["ghost_days"])
    loaded, error = load_source(source, settings)
    if loaded is None:
        return AppContext(source, settings, None, error, Filters(), None)
    apps = loaded.applications
    with filters_box:
        st.subheader("Filters")
        filters = _filter_widgets(domain_of(apps, with_candidates=loaded.mapping.header("candidate") is not None))
        filtered = apply_filters(apps, filters)
        if filters.active:
            st.caption(f"Showing {len(filtered)} of {len(apps)} applications.")
            st.button("Clear filters", on_click=_reset_filters, args=(st.session_state["filter_domain"],),
                      icon=":material/filter_alt_off:", key="clear_filters")
    return AppContext(source, settings, loaded, None, filters, filtered)
