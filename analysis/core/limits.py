"""Size limits for uploaded files, checked before and right after parsing.

Each limit is named in the error a user sees when a file goes past it, so they can be stated
plainly ("more than 500 columns"). Streamlit's own upload limit is 200 MB; ours sits below it.
"""
from __future__ import annotations

MAX_UPLOAD_BYTES: int = 200 * 1024 * 1024
"""Largest file accepted, compressed or not (a 2-million-row CSV is about 150 MB)."""

MAX_DECOMPRESSED_BYTES: int = 500 * 1024 * 1024
"""Largest total size of the members of an xlsx/ods zip, from the zip directory, before parsing."""

MAX_COMPRESSION_RATIO: int = 200
"""Largest ratio of unpacked to packed size for a big zip member (zip bombs reach about 1000)."""

RATIO_CHECK_MIN_BYTES: int = 10 * 1024 * 1024
"""Members smaller than this unpacked are not ratio-checked (small XML parts compress very well)."""

MAX_ROWS: int = 2_000_000
"""Most data rows read from one table."""

MAX_COLUMNS: int = 500
"""Most columns read from one table."""


def megabytes(size: int) -> str:
    """A byte count as whole megabytes for messages, e.g. ``"200 MB"``."""
    return f"{size / (1024 * 1024):,.0f} MB"
