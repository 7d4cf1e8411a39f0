"""Keeping the server's memory bounded: how long results are kept, and giving freed memory back.

Every cache of a file's reading, its filtered tables and its reports is scoped to the session
that made it (Streamlit drops it when that session disconnects), kept at most
:data:`RESULT_TTL` after it was made and bounded in entries; one session's readings are also
bounded in size (:data:`READINGS_BUDGET_BYTES`). When a reading is released, the memory it
held is given back to the operating system a moment later (:func:`release_soon`): Python,
glibc and Arrow otherwise keep freed pages for reuse, and the server would stay as large as
its largest upload. Streamlit keeps a closed session's state (and its uploaded files) for
reconnection until something else touches its session store, so the release also drops what
the app put in an ended session's state for one run (:func:`watch_session`) and its uploads.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import gc
import threading
import weakref

import pandas as pd
import pyarrow as pa
from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from analysis.normalize.loading import LoadResult

RESULT_TTL = dt.timedelta(minutes=30)
"""How long a reading or report is kept after it was made, even for a session still open."""
READINGS_BUDGET_BYTES = 1_200_000_000
"""Above this estimated size of one session's readings, its oldest readings are dropped."""
RELEASE_DELAY_SECONDS = 20.0
"""How long after a release the memory is given back (a session that only lost its connection
for a moment is back by then)."""

_timer_lock = threading.Lock()
_pending: list[threading.Timer] = []
_sessions: dict[str, tuple[weakref.ref, tuple[str, ...]]] = {}


def watch_session(run_keys: tuple[str, ...]) -> None:
    """Remember this run's session and the state keys that only hold one run's results, so that
    :func:`release_memory` can drop them (and the session's uploads) once the session has ended."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        _sessions[ctx.session_id] = (weakref.ref(ctx.session_state), run_keys)


def _forget_ended_sessions() -> None:
    """Drop the per-run results and the uploaded files of sessions that are no longer connected."""
    if not runtime.exists():
        return
    server = runtime.get_instance()
    for session_id, (state_ref, run_keys) in list(_sessions.items()):
        if server.is_active_session(session_id):
            continue
        del _sessions[session_id]
        session_state = state_ref()
        for key in run_keys if session_state is not None else ():
            if key in session_state:
                del session_state[key]
        server.uploaded_file_mgr.remove_session_files(session_id)


def _trim_c_heap() -> None:
    """Ask glibc to return free heap pages to the system (a no-op where there is no glibc)."""
    name = ctypes.util.find_library("c")
    if name:
        try:
            ctypes.CDLL(name).malloc_trim(0)
        except (OSError, AttributeError):
            pass


def release_memory() -> None:
    """Forget ended sessions' results, collect garbage, then return the freed memory of Python,
    glibc and Arrow's pool to the system."""
    _forget_ended_sessions()
    gc.collect()
    pa.default_memory_pool().release_unused()
    _trim_c_heap()


def _release_and_forget() -> None:
    with _timer_lock:
        _pending.clear()
    release_memory()


def release_soon(_released: object = None) -> None:
    """Schedule :func:`release_memory` shortly (once, however many entries are released meanwhile).

    Usable as a cache's ``on_release``: it runs on whatever thread drops the entry, so it only
    starts a timer, after which the entry's last references are gone.
    """
    with _timer_lock:
        if _pending:
            return
        timer = threading.Timer(RELEASE_DELAY_SECONDS, _release_and_forget)
        timer.daemon = True
        _pending.append(timer)
    timer.start()


OBJECT_CELL_BYTES = 60
"""A typical Python object's size behind an object column's pointer (short text, a date)."""


def reading_size(loaded: LoadResult) -> int:
    """A cheap estimate of a reading's memory: its raw and canonical tables (Arrow text counted whole,
    Python objects at :data:`OBJECT_CELL_BYTES` each)."""
    total = 0
    for table in (loaded.raw.frame, loaded.applications):
        total += int(table.memory_usage(index=False, deep=False).sum())
        total += OBJECT_CELL_BYTES * len(table) * sum(pd.api.types.is_object_dtype(dtype) for dtype in table.dtypes)
    return total
