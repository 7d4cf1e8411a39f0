"""The first reading of a large upload shows its steps; small files and reruns show none."""
from __future__ import annotations

import csv
import io

from app_harness import no_exception, open_app, upload

from analysis.core.progress import STEPS
from ui.state import SHOW_STEPS_FROM_BYTES

ROWS = 3_000


def tracker_csv(rows: int) -> bytes:
    """A tracker of ``rows`` applications, every third rejected with its own feedback sentence."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Company", "Role", "Source", "Date Applied", "Status", "Response Date", "Feedback"])
    for index in range(rows):
        rejected = index % 3 == 0
        writer.writerow([f"Company {index % 400}", "Data Analyst", ("LinkedIn", "Referral", "Indeed")[index % 3],
                         f"2026-{index % 9 + 1:02d}-{index % 27 + 1:02d}", "Rejected" if rejected else "Applied",
                         f"2026-10-{index % 27 + 1:02d}" if rejected else "",
                         f"We needed {index % 7 + 2} more years of SQL experience (ref {index})." if rejected else ""])
    return buffer.getvalue().encode("utf-8")


def statuses(at):
    return [(box.label, box.state, [item.value for item in box.markdown]) for box in at.status]


def test_a_large_upload_shows_its_five_steps_then_what_was_read() -> None:
    data = tracker_csv(ROWS)
    assert len(data) >= SHOW_STEPS_FROM_BYTES
    at = upload(open_app(), "big.csv", data)
    no_exception(at)
    [(label, state, steps)] = statuses(at)
    assert steps == list(STEPS)
    assert state == "complete"
    assert label.startswith(f"Read {ROWS:,} applications from big.csv in ")
    at.multiselect(key="filter_channels").set_value(["LinkedIn"]).run()  # a rerun reuses the reading: no steps
    no_exception(at)
    assert statuses(at) == []
    assert any(text.startswith(f"{ROWS // 3} applications (filtered from {ROWS})") for text in at.caption.values)


def test_a_small_upload_shows_no_steps() -> None:
    at = upload(open_app(), "small.csv", tracker_csv(30))
    no_exception(at)
    assert statuses(at) == []
