"""In a real browser: the shareable HTML summary of the sample prints on two A4 pages, its appendix after them."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from analysis.export.files import render
from analysis.normalize.loading import LoadSettings, load
from analysis.report import build_report

pytestmark = pytest.mark.e2e

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "sample_tracker.xlsx"
TODAY = dt.date(2026, 11, 25)
APPENDIX = '<h1 class="appendix">'


def _pages(pdf: bytes) -> int:
    """The page count of a PDF Chromium printed (one /Type /Page object a page)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_sample_summary_prints_on_two_pages_and_its_appendix_after_them(page):
    loaded = load(SAMPLE.read_bytes(), SAMPLE.name, LoadSettings(today=TODAY))
    document = render(build_report(loaded, TODAY), "html").decode()
    assert APPENDIX in document
    pages_only = document.split(APPENDIX)[0] + "</main></body></html>"
    page.set_content(pages_only, wait_until="load")
    assert _pages(page.pdf(prefer_css_page_size=True)) == 2
    page.set_content(document, wait_until="load")
    assert _pages(page.pdf(prefer_css_page_size=True)) > 2  # the appendix starts on a page of its own
