"""A long first reading shown step by step in an ``st.status`` box.

The work runs on a worker thread (with this session's script context, so session-scoped caches
work there) and tells each step through a queue; the script thread shows the steps as they come.
Streamlit elements are only ever made on the script thread, never inside a cached function, so
nothing is replayed on later cache hits. Each session's script runs on its own thread, so a long
reading in one session never holds up another.
"""
from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from analysis.core.progress import Progress

T = TypeVar("T")
POLL_SECONDS = 0.1


def with_steps(title: str, work: Callable[[Progress], T], done: Callable[[T, float], str]) -> T:
    """Run ``work(progress)`` while a status box titled ``title`` lists each step it tells.

    The box ends collapsed, labelled ``done(result, seconds)``; an exception from ``work``
    marks the box as failed and is raised again here, on the script thread.
    """
    steps: queue.SimpleQueue[str] = queue.SimpleQueue()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work(steps.put)
        except BaseException as error:  # handed to the script thread, which raises it
            outcome["error"] = error

    worker = threading.Thread(target=run, name="next-steps-reading", daemon=True)
    add_script_run_ctx(worker, get_script_run_ctx())
    started = time.perf_counter()
    with st.status(title, expanded=True) as box:
        worker.start()
        while worker.is_alive() or not steps.empty():
            try:
                step = steps.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            box.update(label=f"{step}…")
            box.write(step)
        worker.join()
        if "error" in outcome:
            box.update(label=title, state="error", expanded=False)
            raise outcome["error"]  # type: ignore[misc]
        value: T = outcome["value"]  # type: ignore[assignment]
        box.update(label=done(value, time.perf_counter() - started), state="complete", expanded=False)
    return value
