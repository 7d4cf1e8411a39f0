"""In a real browser: page URLs open their page, and a reload followed by the same upload brings the
corrections back (they are kept on this machine, in the folder the test server was given)."""
from __future__ import annotations

import pytest
from test_browser import WAIT, expect, go_to, open_page, title, upload

pytestmark = pytest.mark.e2e

AMBIGUOUS_DATES = (
    "Company,Role,Date Applied,Status\n"
    "Acme,Analyst,03/04/2026,Rejected\n"
    "Beta,Analyst,05/06/2026,Rejected\n"
    "Gamma,Analyst,07/08/2026,Interview\n"
)


@pytest.mark.parametrize(("path", "heading"), [
    ("funnel", "Funnel"), ("data", "Data"), ("feedback", "Feedback"), ("summary", "Your improvement summary"),
    ("plan", "Plan"), ("caseload", "Caseload"), ("", "Funnel"),
])
def test_a_page_url_opened_directly_shows_that_page(page, app_url, path, heading):
    open_page(page, app_url, path)
    expect(title(page)).to_have_text(heading, timeout=WAIT)
    assert "Page not found" not in page.inner_text("body")


def test_a_reload_then_the_same_upload_restores_the_corrections(page, app_url, tmp_path):
    tracker = tmp_path / "my-search.csv"
    tracker.write_text(AMBIGUOUS_DATES)
    open_page(page, app_url, "data")
    upload(page, tracker)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Read as: month first.", exact=False)).to_be_visible(timeout=WAIT)
    main.get_by_text("Day first (31/12)", exact=True).click()
    expect(main.get_by_text("1 correction kept on this computer for this tracker", exact=False)).to_be_visible(timeout=WAIT)

    page.reload(wait_until="domcontentloaded")
    expect(title(page)).to_have_text("Data", timeout=WAIT)
    expect(main.get_by_text("Sample tracker", exact=False).first).to_be_visible(timeout=WAIT)
    upload(page, tracker)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("1 correction you made to this tracker before was restored from this computer.")
           ).to_be_visible(timeout=WAIT)
    expect(main.get_by_text("Read as: day first, your choice, in every date column.")).to_be_visible(timeout=WAIT)
    go_to(page, "Funnel")
    expect(page.get_by_test_id("stCaptionContainer").get_by_text("applied 03 Apr 2026 – 07 Aug 2026", exact=False)
           ).to_be_visible(timeout=WAIT)
