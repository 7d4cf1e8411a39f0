"""The app shell: navigation, the sidebar's file choice, settings, and the states with no usable file."""
from __future__ import annotations

import ast
import datetime as dt

import pytest
from app_harness import (
    ROOT,
    SAMPLE,
    TODAY,
    engine_report,
    no_exception,
    open_app,
    shown,
    table,
    texts,
    upload,
)

PAGES = ("data", "funnel", "feedback", "summary")


def test_opens_on_the_funnel_with_the_sample_tracker():
    at = open_app()
    no_exception(at)
    assert at.title[0].value == "Funnel"
    assert at.toggle(key="use_sample").value is True
    assert any("sample tracker" in text for text in texts(at.info))
    assert shown(at, "Applications") == "150"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_and_keeps_the_sidebar(page):
    at = open_app(page)
    no_exception(at)
    title = at.title[0].value
    assert title == page.capitalize() or page in ("feedback", "summary")  # those pages are titled by their owners
    assert at.sidebar.toggle and at.sidebar.number_input  # app.py ran: the sidebar is there on every page
    at.run()  # a rerun of the same page still runs app.py first
    no_exception(at)
    assert at.title[0].value == title and at.sidebar.toggle


@pytest.mark.parametrize("page", ("funnel", "data"))
def test_without_a_file_the_page_says_how_to_start(page):
    at = open_app(page)
    at.toggle(key="use_sample").set_value(False).run()
    no_exception(at)
    assert any("Upload your tracker" in text for text in texts(at.info))
    assert not at.metric and not at.get("plotly_chart")
    assert [button.label for button in at.get("download_button")] == ["Blank template (Excel)", "Blank template (CSV)"]


def test_an_upload_replaces_the_sample_and_removing_it_brings_the_sample_back():
    at = open_app()
    csv = b"Company,Role,Date Applied,Status\nAcme,Data Analyst,2026-09-01,Rejected\nBeta,Analyst,2026-09-02,Offer\n"
    upload(at, "mine.csv", csv)
    no_exception(at)
    assert at.toggle(key="use_sample").value is False
    assert shown(at, "Applications") == "2"
    at.file_uploader(key="upload").clear().run()
    assert at.toggle(key="use_sample").value is True
    assert shown(at, "Applications") == "150"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tracker.xlsx", b"\x00\x01 not a workbook" * 20, "does not look like a spreadsheet"),
        ("counts.csv", b"Label,Count\nApplications,100\nRejections,60\nInterviews,10\nOffers,1\n", "table of counts"),
        ("empty.csv", b"", "empty"),
    ],
)
@pytest.mark.parametrize("page", ("funnel", "data"))
def test_an_unusable_upload_shows_one_sentence_and_the_page_survives(page, name, data, message):
    at = open_app(page)
    upload(at, name, data)
    no_exception(at)
    assert len(at.error) == 1 and message in at.error[0].value
    assert not at.metric and not at.get("plotly_chart")
    assert at.sidebar.toggle and at.title[0].value == page.capitalize()
    assert "Blank template (Excel)" in [button.label for button in at.get("download_button")]


def test_a_file_over_the_size_limit_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr("ui.sidebar.MAX_UPLOAD_BYTES", 100)
    at = open_app()
    upload(at, "big.csv", b"Company,Role\n" + b"Acme,Analyst\n" * 20)
    no_exception(at)
    assert len(at.error) == 1 and "more than the" in at.error[0].value and "limit" in at.error[0].value
    assert not at.metric


def test_the_no_response_window_and_today_change_the_numbers():
    at = open_app()
    data = SAMPLE.read_bytes()
    assert shown(at, "No response") == engine_report(data, SAMPLE.name).funnel.overview.no_response_rate.label()

    at.number_input(key="ghost_days").set_value(7).run()
    shorter = engine_report(data, SAMPLE.name, ghost_after_days=7).funnel.overview.no_response_rate.label()
    assert shown(at, "No response") == shorter != "41% (n=150)"

    later = TODAY + dt.timedelta(days=60)
    at.date_input(key="today").set_value(later).run()
    expected = engine_report(data, SAMPLE.name, today=later, ghost_after_days=7).funnel.overview
    assert shown(at, "No response") == expected.no_response_rate.label()
    assert any(later.strftime("%d %b %Y") in text for text in texts(at.caption))


def test_a_file_with_no_applications_says_why():
    data = b"Company,Role,Date Applied,Status\nAcme,Analyst,,Wishlist\nBeta,Analyst,,Need to apply\n"
    at = open_app()
    upload(at, "wishlist.csv", data)
    no_exception(at)
    assert len(at.error) == 1 and at.error[0].value.startswith("None of the 2 rows is an application")
    assert "not applied yet (status says so)" in at.error[0].value
    assert not at.get("plotly_chart")
    at.switch_page("app_pages/data.py").run()
    no_exception(at)
    assert len(table(at, "The first rows of the table as read")) == 2   # the rows, to map by hand


def test_page_scripts_hold_no_stray_strings_that_streamlit_would_show():
    """Streamlit's "magic" writes any bare expression of a page script on the page: a string meant as a
    comment (say, under a constant) would appear to the user. Docstrings are the only bare strings allowed."""
    stray = []
    for path in [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(body[0]) for body in ([tree.body] + [node.body for node in ast.walk(tree)
                      if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]) if body}
        stray += [f"{path.name}:{node.lineno}" for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and id(node) not in docstrings]
    assert stray == []
