"""The app in a real browser: `streamlit run app.py` driven by Playwright in headless Chromium.

One server for the whole session (the ``app_url`` fixture), a fresh browser context (so a fresh
Streamlit session) per test. Every expected number comes from the engine (``analysis.normalize.loading.load``
and ``analysis.report.build_report``) at the date the app uses when nobody sets "Today": the
server's ``date.today()``. Waits are on visible text, never on sleeps.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest
from app_harness import html_links
from shared_material import require

from analysis.charts.feedback import theme_label
from analysis.charts.figures import response_time_chart
from analysis.normalize.loading import LoadSettings, load
from analysis.report import Report, build_report

pytestmark = pytest.mark.e2e
expect = pytest.importorskip("playwright.sync_api").expect

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "sample_tracker.xlsx"
REALDATA = ROOT.parent / "shared" / "realdata"
REAL_FILE = REALDATA / "TimHanneman_Job-Application-Statistics__Merged.csv"
WAIT = 45_000  # ms for anything that needs a Streamlit rerun: generous for a cold two-core machine


def engine(path: Path, **settings) -> Report:
    """What the engine computes for a file at the app's default today."""
    today = dt.date.today()
    return build_report(load(path.read_bytes(), path.name, LoadSettings(today=today, **settings)), today)


def title(page):
    """The page's title (the first heading of the main area; the sidebar has headings too)."""
    return page.get_by_test_id("stMain").get_by_test_id("stHeading").first


def open_page(page, app_url: str, path: str = "") -> None:
    """Open the app (a new session) on a page and wait until it has drawn its title."""
    page.goto(f"{app_url}/{path}", wait_until="domcontentloaded")
    expect(title(page)).to_be_visible(timeout=WAIT)


def go_to(page, name: str) -> None:
    """Switch page through the sidebar (a URL would start a new session and lose the upload)."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True).click()
    expect(title(page)).to_be_visible(timeout=WAIT)


def metric(page, label: str):
    """The card of the metric with this label."""
    card = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True))
    return card.first


def expect_rate(page, label: str, rate) -> None:
    """The rate card reads as the engine's label, e.g. "22%" over "n=150" for "22% (n=150)"."""
    card = metric(page, label)
    expect(card.get_by_test_id("stMetricValue")).to_have_text("Too few" if rate.too_few else rate.percent(),
                                                              timeout=WAIT)
    expect(card.get_by_test_id("stMetricDelta")).to_have_text(f"n={rate.n}", timeout=WAIT)


def expect_applications(page, count: int) -> None:
    expect(metric(page, "Applications").get_by_test_id("stMetricValue")).to_have_text(str(count), timeout=WAIT)


def upload(page, path: Path) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))


def wait_until_settled(page, locator) -> dict:
    """The locator's box once the script has finished and the element stopped moving.

    Plotly resizes a chart to its column after the first draw, and a rerun can still be adding
    blocks above it; clicking during that lands on a different spot than the one measured.
    """
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=WAIT)
    box = locator.bounding_box()
    for _ in range(40):
        page.wait_for_timeout(250)
        again = locator.bounding_box()
        if again == box:
            return box
        box = again
    return box


def expect_no_traceback(page) -> None:
    assert page.get_by_test_id("stException").count() == 0
    assert "Traceback" not in page.content()


def test_the_sample_opens_on_the_funnel_with_the_engines_numbers(page, app_url):
    overview = engine(SAMPLE).funnel.overview
    assert overview.applications == 150
    open_page(page, app_url)
    expect(title(page)).to_have_text("Funnel")
    expect_applications(page, 150)
    expect_rate(page, "Interview rate", overview.interview_rate)
    expect_rate(page, "Response rate", overview.response_rate)
    expect(page.get_by_text("This is the sample tracker")).to_be_visible()
    expect_no_traceback(page)


def test_a_real_tracker_uploaded_through_the_file_input(page, app_url):
    require(REAL_FILE)
    overview = engine(REAL_FILE).funnel.overview
    assert overview.applications == 176
    open_page(page, app_url)
    expect_applications(page, 150)
    upload(page, REAL_FILE)
    expect_applications(page, overview.applications)
    expect_rate(page, "Interview rate", overview.interview_rate)
    expect_rate(page, "No response", overview.no_response_rate)
    expect(page.get_by_text(f"file: {REAL_FILE.name}")).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_role("button", name=f"Remove {REAL_FILE.name}")).to_be_visible()
    expect_no_traceback(page)


def test_a_column_mapping_corrected_on_the_data_page_changes_the_funnel(page, app_url):
    before = engine(SAMPLE).funnel.overview
    after = engine(SAMPLE, columns={"stage": None}).funnel.overview
    assert after.interview_rate.label() != before.interview_rate.label()
    open_page(page, app_url, "data")
    expect(title(page)).to_have_text("Data")
    grid = page.get_by_test_id("stDataFrame").filter(has_text="Column in your file")
    stage_column = grid.locator("td[aria-colindex='2']").nth(4)  # "Column in your file" of the Stage field
    expect(stage_column).to_have_text("Stage", timeout=WAIT)
    box = wait_until_settled(page, grid)
    page.mouse.click(box["x"] + 20, box["y"] + 52)  # the first body cell ("Company" in the Field column)
    page.keyboard.press("ArrowRight")
    for _ in range(4):  # Company, Role, Date applied, Source, then Stage
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")  # opens the selectbox editor of the cell
    page.get_by_role("option", name="(none)", exact=True).click()
    expect(stage_column).to_have_text("(none)", timeout=WAIT)

    go_to(page, "Funnel")
    expect_applications(page, 150)
    expect_rate(page, "Interview rate", after.interview_rate)
    expect_rate(page, "Response rate", after.response_rate)
    expect_no_traceback(page)


def test_the_feedback_page_names_the_themes(page, app_url):
    counts = engine(SAMPLE).feedback.theme_counts()
    names = [theme_label(item["theme"], short=True) for item in counts[:3]]  # as the page words them
    assert len(names) == 3
    open_page(page, app_url, "feedback")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("What to work on")).to_be_visible(timeout=WAIT)
    for name in names:
        expect(main).to_contain_text(name, timeout=WAIT)
    expect_no_traceback(page)


def test_the_html_summary_downloads_with_the_headline_numbers_and_no_external_scripts(page, app_url, tmp_path):
    overview = engine(SAMPLE).funnel.overview
    open_page(page, app_url, "summary")
    button = page.get_by_role("button", name="HTML (charts, works offline)")
    expect(button).to_be_visible(timeout=WAIT)
    with page.expect_download(timeout=WAIT) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "sample_tracker-next-steps.html"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    html = target.read_text(encoding="utf-8")

    cards = dict(re.findall(r'<div class="label">([^<]+)</div><div class="value">([^<]+)</div>', html))
    assert cards["Applications"] == str(overview.applications)
    assert cards["Interview rate"] == overview.interview_rate.percent()
    assert cards["Response rate"] == overview.response_rate.percent()
    assert cards["Offer rate"] == overview.offer_rate.percent()
    links = html_links(html)
    assert not [url for url in links if url[0] == "script"], "a script is loaded from a file or the web"
    assert not [url for url in links if re.match(r"\s*(https?:)?//", url[2], re.IGNORECASE)]
    assert "<script" in html and "Plotly" in html  # the charts' library is inlined


def test_an_invalid_file_shows_a_plain_error_and_no_traceback(page, app_url, tmp_path):
    bad = tmp_path / "tracker.xlsx"
    bad.write_bytes(random.Random(7).randbytes(4096))
    open_page(page, app_url)
    expect_applications(page, 150)
    upload(page, bad)
    alert = page.get_by_test_id("stAlertContentError")
    expect(alert).to_contain_text("does not look like a spreadsheet", timeout=WAIT)
    expect(page.get_by_text("This file cannot be used")).to_be_visible()
    # Elements of the previous run linger until the rerun ends: wait for them to go.
    expect(page.get_by_test_id("stMetric")).to_have_count(0, timeout=WAIT)
    expect(page.get_by_role("button", name="Blank template (Excel)")).to_be_visible()
    expect_no_traceback(page)


def test_the_browser_fetches_nothing_from_outside_this_machine(page, app_url):
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith((app_url, "data:", "blob:"))
            else outside.append(request.url))
    open_page(page, app_url)
    expect_applications(page, 150)
    for name in ("Data", "Feedback", "Summary", "Plan", "Caseload", "Funnel"):
        go_to(page, name)
        expect(title(page)).to_contain_text(name if name != "Summary" else "summary", timeout=WAIT)
    assert outside == []


def test_clicking_a_funnel_stage_lists_its_applications(page, app_url):
    reached = engine(SAMPLE).funnel.stage("first_interview").reached
    open_page(page, app_url)
    chart = page.locator(".js-plotly-plot").first
    expect(chart).to_be_visible(timeout=WAIT)
    # The funnel's second bar is First interview; Plotly draws one path per point.
    bar = chart.locator("g.point path").nth(1)
    expect(bar).to_be_visible(timeout=WAIT)
    listed = page.get_by_text(f"Showing the {reached} applications that reached First interview")
    # Plotly listens on the drag layer above the bars: click where the bar is drawn, as a person does.
    # A person whose first click fell while the page was still drawing clicks again; so does this test.
    for _ in range(3):
        box = wait_until_settled(page, bar)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            expect(listed).to_be_visible(timeout=WAIT / 3)
            break
        except AssertionError:
            continue
    expect(listed).to_be_visible(timeout=WAIT)
    expect_no_traceback(page)


def test_a_coachs_caseload_uploaded_in_the_browser(page, app_url, tmp_path):
    caseload = tmp_path / "caseload.csv"
    caseload.write_text(
        "Candidate,Company,Role,Date Applied,Status\n"
        + "".join(f"Ana Lopez,Company {i},Analyst,{dt.date.today() - dt.timedelta(days=3):%Y-%m-%d},Rejected\n"
                  for i in range(16))
        + "Ben Okafor,Acme,Engineer,2026-10-02,Offer\nBen Okafor,Beta,Engineer,2026-10-03,Phone screen\n",
        encoding="utf-8")
    open_page(page, app_url)
    upload(page, caseload)
    expect_applications(page, 18)
    go_to(page, "Caseload")
    expect(metric(page, "Candidates").get_by_test_id("stMetricValue")).to_have_text("2", timeout=WAIT)
    expect(page.get_by_text("Ana Lopez").first).to_be_visible(timeout=WAIT)
    expect_no_traceback(page)


def test_the_funnel_page_draws_the_reply_curve(page, app_url):
    report = engine(SAMPLE)
    made = response_time_chart(report.timing)
    open_page(page, app_url)
    card = page.locator(".st-key-card_timing")
    expect(card.get_by_test_id("stHeading").first).to_have_text(made.title, timeout=WAIT)
    plot = card.locator(".js-plotly-plot")
    expect(plot).to_be_visible(timeout=WAIT)
    # the step line of every application, its 95% band, and one line per channel with 5 replies or more
    curve = plot.locator("g.scatterlayer path.js-line")
    expect(curve.first).to_be_visible(timeout=WAIT)
    steps = curve.nth(0).get_attribute("d") or ""
    assert "H" in steps and "V" in steps  # drawn as steps, not a smooth line
    assert plot.locator("g.scatterlayer path.js-fill").count() >= 1
    expect(card.get_by_text(report.timing.survival.sentence)).to_be_visible(timeout=WAIT)
    expect_no_traceback(page)
