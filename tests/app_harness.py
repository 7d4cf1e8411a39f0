"""Shared helpers of the AppTests: open the app at a fixed "today", read what it shows."""
from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

from streamlit.testing.v1 import AppTest

from analysis.normalize.loading import LoadResult, LoadSettings, load
from analysis.report import Report, build_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "sample_tracker.xlsx"
TODAY = dt.date(2026, 11, 25)
TIMEOUT = 30  # seconds per run: generous for a cold two-core machine


def open_app(page: str | None = None, today: dt.date = TODAY) -> AppTest:
    """The app run once at ``today``, switched to ``app_pages/<page>.py`` when given."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["today"] = today
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    return at


def engine_report(data: bytes, name: str, today: dt.date = TODAY, **settings) -> Report:
    """What the engine computes for a file, independently of the app."""
    loaded: LoadResult = load(data, name, LoadSettings(today=today, **settings))
    return build_report(loaded, today)


def metric(at: AppTest, label: str) -> str:
    """The value shown by the metric with this label."""
    values = [item.value for item in at.metric if item.label == label]
    assert values, f"no metric {label!r}; shown: {[item.label for item in at.metric]}"
    return values[0]


def shown(at: AppTest, label: str) -> str:
    """What the card with this label reads as: its value, and its note (delta) in brackets if any.

    A rate card shows "22%" over "n=150", which reads "22% (n=150)", the engine's ``Rate.label()``;
    a card with too few observations reads "too few to tell (n=3)"; a filtered count "16 (of 150)".
    """
    found = [item for item in at.metric if item.label == label]
    assert found, f"no metric {label!r}; shown: {[item.label for item in at.metric]}"
    value, note = found[0].value, found[0].proto.delta
    if value == "Too few":
        value = "too few to tell"
    return f"{value} ({note})" if note else value


def texts(elements) -> list[str]:
    """The bodies of alerts, captions or headings, for substring checks."""
    return [str(item.value) for item in elements]


def table(at: AppTest, alt: str):
    """The data of the dataframe whose accessible name (``alt``) starts with ``alt``."""
    found = [item.value for item in at.dataframe if item.proto.alt.startswith(alt)]
    assert found, f"no table named {alt!r}; shown: {[item.proto.alt for item in at.dataframe]}"
    return found[0]


def titles(alerts) -> list[str]:
    """The titles of alerts that have one."""
    return [alert.proto.title for alert in alerts if alert.proto.title]


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    """Upload a file through the sidebar's uploader (replacing any uploaded before) and rerun."""
    return at.file_uploader(key="upload").upload(name, data).run()


def upload_files(at: AppTest, files: dict[str, bytes]) -> AppTest:
    """Upload several files at once (name -> content, in order), replacing any uploaded before, and rerun.

    AppTest's ``upload`` adds to the files staged on one element only; each run rebuilds the
    element, so several files go in one ``set_value``.
    """
    staged = [(name, data, "application/octet-stream") for name, data in files.items()]
    return at.file_uploader(key="upload").set_value(staged).run()


def no_exception(at: AppTest) -> None:
    """The run raised nothing (shows the message when it did)."""
    assert not at.exception, [item.value for item in at.exception]


class _Links(HTMLParser):
    """The src and href attributes of real tags (script bodies are not parsed as markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [(tag, name, value or "") for name, value in attrs if name in ("src", "href")]


def html_links(html: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, address) of every src and href in an HTML document."""
    links = _Links()
    links.feed(html)
    links.close()
    return links.urls
