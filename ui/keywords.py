"""The Feedback page's keyword editor: the user's own words for a theme, kept in session state.

The keywords live in ``st.session_state[state.KEYWORDS_KEY]`` (theme id -> tuple of keywords, as
typed). ``ui.state`` passes them to the cached ``build_report``, so every page and every
download applies them as soon as they change. They stay when another file is opened: they
describe the user's words, not one file.
"""
from __future__ import annotations

import re

import streamlit as st

from analysis.core.schema import THEMES
from analysis.core.wording import theme_name
from ui.components import plain
from ui.state import KEYWORDS_KEY

EDITABLE_THEMES: tuple[str, ...] = tuple(theme for theme in THEMES if theme != "generic")
"""Themes that take keywords ("generic" means no specific reason was given)."""
MAX_CHARACTERS = 60
THEME_KEY, TEXT_KEY, NOTE_KEY = "keyword_theme", "keyword_text", "keyword_note"
_WORD = re.compile(r"\w")


def stored() -> dict[str, tuple[str, ...]]:
    """The user's keywords, theme id -> keywords in the order added."""
    return dict(st.session_state.get(KEYWORDS_KEY) or {})


def refusal(theme: str, keyword: str, current: dict[str, tuple[str, ...]]) -> str | None:
    """Why ``keyword`` cannot be added to ``theme`` (one plain sentence), or None when it can."""
    word = " ".join(keyword.split())
    if theme not in EDITABLE_THEMES:
        return "Pick one of the themes in the list; keywords cannot be added to that one."
    if not word:
        return "Type a keyword first, for example a tool or a phrase your feedback uses."
    if not _WORD.search(word):
        return "A keyword needs at least one letter or digit."
    if len(word) > MAX_CHARACTERS:
        return f"Keep a keyword under {MAX_CHARACTERS} characters: the few words the feedback actually uses."
    for other, words in current.items():
        if word.casefold() in (existing.casefold() for existing in words):
            if other == theme:
                return f"“{word}” is already one of your keywords for {theme_name(theme).lower()}."
            return (f"“{word}” is already one of your keywords for {theme_name(other).lower()}; "
                    "remove it there first to move it.")
    return None


def _add() -> None:
    theme = st.session_state.get(THEME_KEY) or ""
    word = " ".join(str(st.session_state.get(TEXT_KEY) or "").split())
    current = stored()
    problem = refusal(theme, word, current)
    if problem:
        st.session_state[NOTE_KEY] = ("error", problem)
        return
    current[theme] = (*current.get(theme, ()), word)
    st.session_state[KEYWORDS_KEY] = current
    st.session_state[TEXT_KEY] = ""
    st.session_state[NOTE_KEY] = ("success", (f"Added “{word}” to {theme_name(theme).lower()}: "
                                              "the counts, quotes and focus areas now include it."))


def _remove(theme: str, word: str) -> None:
    current = stored()
    kept = tuple(existing for existing in current.get(theme, ()) if existing != word)
    if kept:
        current[theme] = kept
    else:
        current.pop(theme, None)
    st.session_state[KEYWORDS_KEY] = current
    st.session_state[NOTE_KEY] = ("success", f"Removed “{word}” from {theme_name(theme).lower()}.")


def _clear() -> None:
    st.session_state[KEYWORDS_KEY] = {}
    st.session_state[NOTE_KEY] = ("success", "Removed all your keywords.")


def editor() -> None:
    """The form to add a keyword, the message about the last change, and the keywords with remove buttons."""
    with st.form("keyword_form", border=False), st.container(horizontal=True, vertical_alignment="bottom"):
        st.selectbox("Theme", EDITABLE_THEMES, format_func=theme_name, key=THEME_KEY, width=320)
        st.text_input("Keyword", key=TEXT_KEY, max_chars=MAX_CHARACTERS, placeholder="e.g. Power BI", width=260,
                      help="Matched as a whole word or phrase in any case; a plural “s” counts too.")
        st.form_submit_button("Add keyword", on_click=_add, key="add_keyword", icon=":material/add:")
    note = st.session_state.pop(NOTE_KEY, None)
    if note:
        kind, message = note
        (st.error if kind == "error" else st.success)(plain(message))
    current = stored()
    if not current:
        st.caption("No keywords of your own yet.")
        return
    for theme, words in current.items():
        with st.container(horizontal=True, vertical_alignment="center", key=f"keywords_{theme}"):
            st.markdown(f"**{theme_name(theme)}:**", width="content")
            for index, word in enumerate(words):
                st.button(plain(word), key=f"remove_keyword_{theme}_{index}", icon=":material/close:",
                          on_click=_remove, args=(theme, word), help="Remove this keyword", type="tertiary")
    st.button("Remove all my keywords", on_click=_clear, key="clear_keywords", icon=":material/delete_sweep:")
