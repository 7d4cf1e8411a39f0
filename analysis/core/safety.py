"""Keep user text harmless: no formulas in spreadsheets, no markup in HTML or Plotly labels, safe file names."""
from __future__ import annotations

import html
import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text starting with one of these would run as a formula in a spreadsheet."""


def neutralise_formula(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table whose text cells cannot run as formulas."""
    text_columns = [name for name in frame.columns if frame[name].dtype == object or pd.api.types.is_string_dtype(frame[name])]
    return frame.assign(**{name: frame[name].map(neutralise_formula) for name in text_columns})


def escape(text: object) -> str:
    """User text made safe to place inside HTML."""
    return html.escape("" if text is None else str(text), quote=True)


def plotly_text(text: object) -> str:
    """Text shown as typed in a Plotly title, axis label, legend, hover label or annotation.

    plotly.js reads a few HTML tags there (``<b>``, ``<br>``, ``<a href=...>``) and decodes
    ``&amp; &lt; &gt;`` and numeric entities, so "&", "<" and ">" become those entities ("&lt;" typed
    stays "&lt;"). Never put user text into a ``hovertemplate`` or ``texttemplate``: ``%{...}`` there
    is a placeholder.
    """
    return ("" if text is None else str(text)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_filename(name: str, default: str = "next-steps") -> str:
    """A download file name without path parts or odd characters."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip(".-")
    return stem[:80] or default
