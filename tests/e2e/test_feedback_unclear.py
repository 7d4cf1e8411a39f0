"""In a real browser: feedback that gives a reason no theme matched is listed as such, with its count,
on the Feedback page and in the summary (never counted as "no reason given")."""
from __future__ import annotations

import pytest
from test_browser import WAIT, expect, expect_no_traceback, go_to, open_page, upload

pytestmark = pytest.mark.e2e

UNCLEAR = ("The hamster committee vetoed your candidacy unanimously.",
           "Unsere Wahl fiel auf eine andere Bewerberin mit mehr Erfahrung.")
TRACKER = "Company,Role,Date Applied,Status,Feedback\n" + "".join(
    f"Firm {i},Analyst,2026-09-0{i + 1},Rejected,{text}\n"
    for i, text in enumerate([*UNCLEAR, "too junior", "Unfortunately we have decided to move forward with other candidates."]))


def test_the_unclear_feedback_is_listed_with_its_count_on_the_feedback_page_and_in_the_summary(page, app_url, tmp_path):
    tracker = tmp_path / "unclear.csv"
    tracker.write_text(TRACKER, encoding="utf-8")
    open_page(page, app_url)
    upload(page, tracker)
    expect(page.get_by_test_id("stMain").get_by_text("file: unclear.csv", exact=False)).to_be_visible(timeout=WAIT)
    go_to(page, "Feedback")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("2 feedback texts give a reason no theme matched", exact=False)).to_be_visible(timeout=WAIT)
    main.get_by_text("Read the 2 texts").click()
    for text in UNCLEAR:
        expect(main.get_by_text(f"“{text}”", exact=True)).to_be_visible(timeout=WAIT)
    go_to(page, "Summary")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("2 feedback texts give a reason no theme matched", exact=False).first).to_be_visible(timeout=WAIT)
    for text in UNCLEAR:
        expect(main.get_by_text(text, exact=False).first).to_be_visible(timeout=WAIT)
    expect_no_traceback(page)
