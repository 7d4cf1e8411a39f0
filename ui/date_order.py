"""The Data page's date reading: one day/month order for every date column, and words found in them.

The order chosen here goes into the file's :class:`~ui.choices.Choices` (part of the load's cache
key), so every page and every date column (applied, response, stage dates) follows it.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.normalize.date_order import CHOSEN, DOTS, EVENTS, MONTH_NAMES, PROVEN, DateOrder
from analysis.normalize.loading import LoadResult
from ui.choices import Choices, current_choices
from ui.components import plain

ORDERS = {"auto": "Auto", "day": "Day first (31/12)", "month": "Month first (12/31)"}
_DAYFIRST = {"auto": None, "day": True, "month": False}
_ORDER_OF = {None: "auto", True: "day", False: "month"}


def _set_order(key: str) -> None:
    choices = current_choices()
    if choices is not None:
        choices.dayfirst = _DAYFIRST[st.session_state[key] or "auto"]


def reading_sentence(order: DateOrder) -> str:
    """Why the file's dates are read in this order, in one sentence (user text made inert)."""
    if not order.numeric:
        return "No date is written as day and month in numbers, so the order does not matter for this file."
    label = order.label
    if order.reason == CHOSEN:
        return f"Read as: {label}, your choice, in every date column."
    if order.reason == PROVEN:
        return (f"Read as: {label} in every date column: '{plain(order.example)}' in "
                f"'{plain(order.example_column)}' can only be {label}.")
    why = {EVENTS: "the other order would put replies or stages before their application",
           DOTS: "the dates are written with dots", MONTH_NAMES: "the file writes month names that way"}
    reason = why.get(order.reason, "the usual order when nothing settles it")
    return f"Read as: {label}. No date settles it (no day above 12), so {reason}."


def date_order_control(loaded: LoadResult, choices: Choices) -> None:
    """One day/month order for the whole file, why it was chosen, and the columns that read either way."""
    order = loaded.normalized.date_order
    key = f"dayfirst_{choices.digest}"
    st.segmented_control(
        "Day and month in every date column", list(ORDERS), format_func=lambda name: ORDERS[name],
        default=_ORDER_OF[choices.dayfirst], required=True, key=key, on_change=_set_order, args=(key,),
        help="Applies to the date applied, the response date and every stage date.",
    )
    st.caption(reading_sentence(order))
    if order.ambiguous and order.reason != CHOSEN:
        names = ", ".join(f"'{plain(header)}'" for header in order.ambiguous)
        st.info(f"These columns read either way (every day and month is 12 or less): {names}. "
                f"They are read {order.label}, so '{plain(order.sample)}' means {order.sample_reading}. "
                "If that is wrong, choose the other order above.", icon=":material/event:")


def date_words_table(loaded: LoadResult) -> None:
    """The words found in date columns instead of dates, what each was read as and how many cells hold it."""
    words = loaded.normalized.date_words
    if not words:
        return
    st.markdown("**Words in date columns**")
    st.caption("Read as facts about the reply, not as unreadable dates.")
    st.dataframe(
        pd.DataFrame([{"column": word.header, "word": word.word, "meaning": word.meaning, "cells": word.cells}
                      for word in words]),
        hide_index=True, alt="Words found in date columns and what they were read as",
        column_config={"column": st.column_config.TextColumn("Column"), "word": st.column_config.TextColumn("Word"),
                       "meaning": st.column_config.TextColumn("Read as"),
                       "cells": st.column_config.NumberColumn("Cells", format="%d")},
    )
