"""The Data page's questions: a column the reading is unsure of ("Is 'Next Step' the stage reached?").

An unsure guess for a field the file can do without is not used
(:attr:`analysis.normalize.columns.ColumnMapping.questions`); the user's answer goes into the file's
:class:`~ui.choices.Choices` like any other correction, so every page follows it.
"""
from __future__ import annotations

import streamlit as st

from analysis.normalize.columns import ColumnMapping
from ui.choices import Choices
from ui.components import plain

QUESTIONS: dict[str, str] = {
    "source": "where you applied (the channel)",
    "stage": "the stage reached",
    "outcome": "the status or outcome",
    "feedback": "the employer's feedback",
    "responded_on": "the date of the reply",
    "candidate": "the candidate",
    "location": "the location",
}


def _answer(choices: Choices, field_name: str, header: str | None) -> None:
    """Keep the answer: the column for the field (yes), or no column (no)."""
    if header is not None:  # one column holds one field
        for other in [name for name, chosen in choices.columns.items() if chosen == header and name != field_name]:
            del choices.columns[other]
    choices.columns[field_name] = header
    choices.version += 1


def question(field_name: str, header: str) -> str:
    """ "Is 'Next Step' the stage reached?" (the header made inert for Markdown)."""
    return f"Is ‘{plain(header)}’ {QUESTIONS.get(field_name, field_name.replace('_', ' '))}?"


def column_questions(mapping: ColumnMapping, choices: Choices) -> None:
    """One question per unsure column, with Yes and No; nothing when the reading is sure of every column."""
    for field_name, (header, confidence) in mapping.questions.items():
        with st.container(border=True, key=f"question_{field_name}"):
            st.markdown(f"**{question(field_name, header)}**")
            st.caption(f"It may be, but the app is only {confidence:.0%} sure, so this column is not used until you "
                       "say. Every page follows your answer.")
            with st.container(horizontal=True):
                st.button("Yes, use it", key=f"question_yes_{field_name}", icon=":material/check:",
                          on_click=_answer, args=(choices, field_name, header))
                st.button("No", key=f"question_no_{field_name}", icon=":material/close:",
                          on_click=_answer, args=(choices, field_name, None))
