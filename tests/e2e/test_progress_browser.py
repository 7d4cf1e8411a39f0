"""A large upload in a real browser: the status box names each step, then what was read."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from analysis.core.progress import STEPS

pytestmark = pytest.mark.e2e
expect = pytest.importorskip("playwright.sync_api").expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_app_progress import tracker_csv  # noqa: E402  (the AppTest's generated tracker)

ROWS = 20_000
WAIT = 90_000  # ms: reading and classifying 20,000 rows on a cold two-core machine


def test_a_large_upload_names_its_steps_in_the_status_box(page, app_url, tmp_path):
    path = tmp_path / "large-tracker.csv"
    path.write_bytes(tracker_csv(ROWS))
    page.goto(app_url, wait_until="domcontentloaded")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_test_id("stHeading").first).to_be_visible(timeout=WAIT)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    done = re.compile(rf"Read [\d,]+ applications from {re.escape(path.name)} in [\d.]+ s")
    box = main.get_by_test_id("stExpander").filter(has_text=done)
    expect(box).to_be_visible(timeout=WAIT)
    box.get_by_text(done).click()  # the finished box is collapsed; open it to read the steps
    for step in STEPS:
        expect(box.get_by_text(step, exact=True)).to_be_visible(timeout=WAIT)
    expect(main.get_by_text(f"file: {path.name}")).to_be_visible(timeout=WAIT)
    assert page.get_by_test_id("stException").count() == 0
