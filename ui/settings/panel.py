"""What the user sees of kept corrections: the sidebar's "restored" note and the Data page's settings file."""
from __future__ import annotations

import streamlit as st

from analysis.core.safety import safe_filename
from analysis.core.wording import plural
from analysis.normalize.loading import LoadResult
from ui.choices import Choices, Source
from ui.components import plain
from ui.settings import kept, store

UPLOAD_KEY = "settings_upload"
APPLIED_KEY = "settings_applied"
"""Session state: the id of the settings file last applied (so it is applied once, not on every rerun)."""
NOTE_KEY = "settings_note"


def restored_note(source: Source) -> None:
    """In the sidebar: that this tracker's earlier corrections came back, with a way to drop them."""
    count = kept.restored_count(source)
    if not count:
        return
    st.info(f"{plural(count, 'correction')} you made to this tracker before {'was' if count == 1 else 'were'} "
            "restored from this computer.", icon=":material/history:")
    st.button("Start over without them", on_click=kept.forget, args=(source.digest,), key="forget_corrections",
              icon=":material/restart_alt:", type="tertiary")


def _apply_upload(source: Source, loaded: LoadResult, choices: Choices) -> None:
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is None or st.session_state.get(APPLIED_KEY) == uploaded.file_id:
        return
    st.session_state[APPLIED_KEY] = uploaded.file_id
    try:
        corrections = store.read_settings_file(uploaded.getvalue())
    except store.SettingsError as problem:
        st.session_state[NOTE_KEY] = ("error", plain(problem))
        return
    headers = tuple(str(header) for header in loaded.raw.frame.columns)
    left_out = kept.apply(corrections, choices, tuple(loaded.raw.sheets or ()), headers)
    choices.version += 1
    message = f"Applied {plural(corrections.count(), 'correction')} from {plain(uploaded.name)}."
    if left_out:
        message += " Left out " + "; ".join(left_out) + "."
    st.session_state[NOTE_KEY] = ("success", message)
    st.rerun()


def settings_panel(source: Source, loaded: LoadResult, choices: Choices) -> None:
    """Download the corrections as a settings file, or apply one downloaded earlier (another computer, a coach)."""
    if source.is_sample:
        return
    st.subheader("Your corrections", anchor=False)
    corrections = kept.corrections_of(choices)
    if corrections.empty:
        st.caption("You have not corrected this reading. Corrections you make are kept on this computer for this "
                   "tracker: upload it again later and they come back.")
    else:
        st.caption(f"{plural(corrections.count(), 'correction')} kept on this computer for this tracker "
                   f"(in {plain(store.settings_dir())}); upload it again later and they come back.")
    _apply_upload(source, loaded, choices)
    note = st.session_state.pop(NOTE_KEY, None)
    if note:
        (st.error if note[0] == "error" else st.success)(note[1])  # user text in it is escaped already
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.download_button(
            "Settings file (JSON)", store.settings_file(corrections, source.name, kept.headers_of(source)),
            file_name=f"{safe_filename(source.name.rsplit('.', 1)[0])}-next-steps-settings.json",
            mime="application/json", icon=":material/download:", on_click="ignore", disabled=corrections.empty,
            help="Your column choices, status meanings, date order and keywords, to use on another computer.")
        st.file_uploader("Apply a settings file", type=["json"], key=UPLOAD_KEY,
                         help="A settings file downloaded from this page, for this tracker or one with the same columns.")
