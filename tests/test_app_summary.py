"""AppTest of the Summary page: the preview states the headline numbers; the four downloads are offered."""
from __future__ import annotations

import csv
import io
import re

from app_harness import ROOT, TIMEOUT, TODAY, no_exception, open_app
from streamlit.testing.v1 import AppTest

from analysis.normalize.loading import load
from ui.choices import Choices
from ui.filters import Filters
from ui.state import CONTEXT_KEY, AppContext, SettingsKey, Source, digest_of

DOWNLOADS = ["Markdown", "HTML (charts, works offline)", "Excel workbook", "Cleaned applications (CSV)"]


def downloads(at) -> list:
    return list(at.get("download_button"))


def preview(at) -> str:
    bodies = [str(item.value) for item in at.markdown if str(item.value).startswith("# Next Steps")]
    assert len(bodies) == 1, [str(item.value)[:60] for item in at.markdown]
    return bodies[0]


def test_sample_preview_shows_the_headline_numbers_and_offers_downloads() -> None:
    at = open_app("summary")
    no_exception(at)
    shown = {item.label: item.value for item in at.metric}
    # the median counts the 67 applications still waiting (Kaplan-Meier): 29 days, not the replies' own 16
    assert shown == {"Applications": "150", "Interview rate": "22%", "Offer rate": "1%", "Response rate": "55%",
                     "Median days to reply": "29 days"}
    document = preview(at)
    assert "- **Interview rate:** 22% (33 of 150; likely between 16% and 29%)" in document
    assert "## What to focus on next" in document and "## Your next weeks" in document
    buttons = downloads(at)
    assert [button.proto.label for button in buttons] == DOWNLOADS
    # Built on click: the page sends a deferred file, not the bytes of four documents.
    assert all(button.proto.deferred_file_id for button in buttons)
    assert [button.proto.ignore_rerun for button in buttons] == [True] * 4


def hostile_context() -> AppContext:
    """The context app.py would build for an uploaded hostile tracker (no sidebar filters)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([
        ["Company", "Role", "Source", "Date Applied", "Status", "Response Date", "Feedback"],
        ['=HYPERLINK("http://x","y")', "Analyst", "[click](http://evil.example)", "2026-09-01", "Rejected", "2026-09-05",
         "<script>alert(1)</script> Your answers lacked concrete examples."],
        ["Acme", "Analyst", "LinkedIn", "2026-09-02", "Rejected", "2026-09-09", ""],
    ])
    data = buffer.getvalue().encode("utf-8")
    source = Source(data=data, name="<b>hostile</b>.csv", digest=digest_of(data), is_sample=False)
    settings = SettingsKey.of(Choices(digest=source.digest), TODAY, 30)
    loaded = load(data, source.name, settings.to_settings())
    return AppContext(source, settings, loaded, None, Filters(), loaded.applications)


def test_hostile_tracker_is_previewed_as_plain_text() -> None:
    # The page is run on its own with the context app.py would set: AppTest drops the sidebar
    # (and with it the uploader) from the element tree after the first run of an st.navigation app.
    at = AppTest.from_file(str(ROOT / "app_pages" / "summary.py"), default_timeout=TIMEOUT)
    at.session_state[CONTEXT_KEY] = hostile_context()
    at.run()
    no_exception(at)
    assert {item.label: item.value for item in at.metric}["Applications"] == "2"
    document = preview(at)
    assert not re.search(r"(?<!\\)[<>]", document)
    assert "](" not in document and "http://" not in document
    assert r"\<script\>alert\(1\)\</script\>" in document
    assert r"\=HYPERLINK\(\"http\:" + "\u2060" + r"//x\",\"y\"\)" in document  # no autolink: a word joiner
    assert [button.proto.label for button in downloads(at)] == DOWNLOADS
