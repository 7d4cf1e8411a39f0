"""In a real browser: text from the user's file shows as typed on every page, never as a link, an icon or a
decoded entity (Streamlit's Markdown autolinks URLs and draws ":material/...:" icons even after a backslash)."""
from __future__ import annotations

import pytest
from test_browser import WAIT, expect, expect_no_traceback, go_to, open_page, upload

pytestmark = pytest.mark.e2e

HOSTILE = (
    "Company,Role,Date Applied,Status,Feedback,Source\n"
    "Acme &lt;3 Ltd,Analyst,2026-09-01,Rejected,\"Not enough SQL experience. See https://evil.example/why and www.evil.example, "
    "mail hr@evil.example :material/warning: :red[boom]\",www.jobs.example\n"
    "Beta,Analyst,2026-09-03,Rejected,Not enough experience with SQL,LinkedIn\n"
    "Gamma,Analyst,2026-09-05,Rejected,Your communication was unclear,LinkedIn\n"
    "Delta,Analyst,2026-09-08,Interview,,Referral\n"
)


def _main_markdown_is_inert(page) -> None:
    main = page.get_by_test_id("stMain")
    markdown = main.get_by_test_id("stMarkdownContainer")
    assert markdown.locator("a[href*='evil'], a[href^='mailto']").count() == 0
    assert markdown.locator("span[role='img'][aria-label='warning icon']").count() == 0
    expect_no_traceback(page)


@pytest.mark.parametrize("name", ["Summary", "Feedback"])
def test_urls_icons_and_entities_in_cells_show_as_typed(page, app_url, tmp_path, name):
    tracker = tmp_path / "hostile.csv"
    tracker.write_text(HOSTILE)
    open_page(page, app_url)
    upload(page, tracker)
    expect(page.get_by_test_id("stMain").get_by_text("file: hostile.csv", exact=False)).to_be_visible(timeout=WAIT)
    go_to(page, name)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("https:\u2060//evil.example/why", exact=False)).not_to_have_count(0, timeout=WAIT)
    if name == "Summary":
        expect(main.get_by_text("Acme &lt;3 Ltd", exact=False)).not_to_have_count(0, timeout=WAIT)
    _main_markdown_is_inert(page)
