"""A long first reading shown step by step in an ``st.status`` box.

The work runs on a worker thread (with this session's script context, so session-scoped caches
work there) and tells each step through a queue; the script thread shows the steps as they come.
Streamlit elements are only ever made on the script thread, never inside a cached function, so
nothing is replayed on later cache hits. Each session's script runs on its own thread, so a long
reading in one session never holds up another.
"""
from __future__ import annotations

import contextlib
import contextvars
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st
from streamlit.elements.lib.mutable_status_container import StatusContainer
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from analysis.core.progress import Progress

T = TypeVar("T")
POLL_SECONDS = 0.1


@dataclass
class _OpenBox:
    """A status box several readings write their steps into, and the label it will end with."""

    box: object
    label: str | None = None


_open_box: contextvars.ContextVar[_OpenBox | None] = contextvars.ContextVar("open_status_box", default=None)


@contextlib.contextmanager
def one_box(title: str, show: bool = True) -> Iterator[None]:
    """Every :func:`with_steps` inside writes into one status box titled ``title`` (when ``show``),
    which ends collapsed with the label of the last one that finished."""
    if not show:
        yield
        return
    with st.status(title, expanded=True) as box:
        opened = _OpenBox(box)
        token = _open_box.set(opened)
        try:
            yield
        finally:
            _open_box.reset(token)
        box.update(label=opened.label or title, state="complete", expanded=False)


def _show_steps(box: StatusContainer, worker: threading.Thread, steps: queue.SimpleQueue) -> None:
    """Write each step into ``box`` as the worker tells it, until the worker is done."""
    worker.start()
    while worker.is_alive() or not steps.empty():
        try:
            step = steps.get(timeout=POLL_SECONDS)
        except queue.Empty:
            continue
        box.update(label=f"{step}…")
        box.write(step)
    worker.join()


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
    opened = _open_box.get()
    if opened is not None:  # inside one_box: its box shows these steps too, and ends with their label
        _show_steps(opened.box, worker, steps)
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        opened.label = done(outcome["value"], time.perf_counter() - started)  # type: ignore[arg-type]
        return outcome["value"]  # type: ignore[return-value]
    with st.status(title, expanded=True) as box:
        _show_steps(box, worker, steps)
        if "error" in outcome:
            box.update(label=title, state="error", expanded=False)
            raise outcome["error"]  # type: ignore[misc]
        value: T = outcome["value"]  # type: ignore[assignment]
        box.update(label=done(value, time.perf_counter() - started), state="complete", expanded=False)
    return value
