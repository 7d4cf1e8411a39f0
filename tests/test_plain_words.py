"""Plain words first: each page opens with sentences a job seeker understands (no n, intervals or tests, which
sit behind "How sure is this?"), and the shareable summary fits on two printed pages, the detail in its appendix."""
from __future__ import annotations

import math
import re

import pytest
from app_harness import SAMPLE, engine_report, no_exception, open_app, upload
from test_app_caseload import CASELOAD_CSV

from analysis.export.files import render
from analysis.summary.build import build_summary
from analysis.summary.model import ChartRef, FocusList, Table

PRINTED_LINE = 95
"""Characters of a line of A4 text at 10 pt, the print stylesheet's size (18 cm of text width)."""
TWO_PAGES = 112
"""Lines two printed A4 pages hold: 56 a page at 10 pt with a 1.35 line height inside 14 mm margins.
tests/e2e/test_print.py measures the same thing in Chromium's PDF printer."""
JARGON = re.compile(r"n=|\bCI\b|95%|p-value|Fisher|interval|likely between|could be chance")


def printed_lines(text: str) -> float:
    """Lines a Markdown text takes on paper: each line wraps every :data:`PRINTED_LINE` characters; a blank line
    between paragraphs is a third of a line (the stylesheet's paragraph spacing)."""
    return sum(max(1, math.ceil(len(line) / PRINTED_LINE)) if line.strip() else 1 / 3 for line in text.splitlines())


def sample_report():
    return engine_report(SAMPLE.read_bytes(), SAMPLE.name)


def test_the_sample_summary_fits_on_two_printed_pages_with_the_detail_in_its_appendix():
    markdown = render(sample_report(), "md").decode()
    pages, appendix = markdown.split("\n# Appendix: the detail behind these pages\n")
    assert printed_lines(pages) <= TWO_PAGES < printed_lines(markdown)
    assert "| " not in pages  # every table is in the appendix
    for heading in ("## Applications at each stage", "## Channels in detail", "## The feedback in detail",
                    "## Every focus area, with what to do", "## Your rates beside published figures",
                    "## Data quality", "## Period and settings"):
        assert heading in appendix, heading


def test_the_pages_of_the_summary_hold_no_table_or_chart_and_three_focus_areas_without_their_actions():
    summary = build_summary(sample_report())
    blocks = [block for section in summary.sections for block in section.blocks]
    assert not any(isinstance(block, (Table, ChartRef)) for block in blocks)
    listed = next(block for block in blocks if isinstance(block, FocusList))
    assert len(listed.items) == 3 and not listed.actions
    every = summary.section("focus_actions").blocks[0]
    assert every.actions and len(every.items) == len(summary.focus) > 3
    html = render(sample_report(), "html").decode()
    pages = html.split('<h1 class="appendix">')[0]
    assert "<table" not in pages and 'class="chart' not in pages
    assert "break-before: page" in html  # the appendix starts on a new printed page


def test_the_summary_opens_with_where_the_search_stalls_and_the_first_thing_to_work_on():
    markdown = render(sample_report(), "md").decode()
    overview = markdown.split("## Overview\n\n")[1].split("\n\n")[0]
    # 48 of the 71 rejections (68%) came before any interview; no stage is credibly the bottleneck
    assert overview == ("Most of your rejections come before any interview, but no stage stands out yet as the one "
                        "to fix. First thing to work on: Follow up once, then move on.")


LEADS = {
    "funnel": ("You sent 150 applications: 33 reached an interview and 2 an offer. Most of your rejections come "
               "before any interview, but no stage stands out yet as the one to fix. First thing to work on: "
               "Follow up once, then move on."),
    "summary": ("You sent 150 applications: 33 reached an interview and 2 an offer. Most of your rejections come "
                "before any interview, but no stage stands out yet as the one to fix. First thing to work on: "
                "Follow up once, then move on."),
    "plan": ("Your interview rate is above what employers report for all their applicants (3–8%). At your rates so "
             "far one offer takes about 62 applications, about 10 weeks at your pace."),
    "data": ("150 rows read: 150 applications; every row was used. Check that each column below holds what its name "
             "says: every page follows what is set here."),
}


@pytest.mark.parametrize("page", sorted(LEADS))
def test_each_page_opens_in_plain_words(page):
    at = upload(open_app(page), SAMPLE.name, SAMPLE.read_bytes())
    no_exception(at)
    lead = at.markdown[0].value
    assert lead == LEADS[page]
    assert not JARGON.search(lead)


def test_the_caseload_opens_with_the_candidates_and_who_is_stuck():
    at = upload(open_app("caseload"), "coach.csv", CASELOAD_CSV.encode())
    no_exception(at)
    # Ana 16, Ben 5, Cy 4 applications; one of them quiet for 21 days or more
    assert at.markdown[0].value == ("The 3 candidates of this caseload sent 25 applications: 7 reached an interview "
                                    "and 4 an offer. Of the 3 candidates, 1 looks stuck: nothing has moved for 21 days "
                                    "or more.")


@pytest.mark.parametrize("page", ["funnel", "plan"])
def test_n_intervals_and_tests_sit_behind_how_sure_is_this(page):
    at = upload(open_app(page), SAMPLE.name, SAMPLE.read_bytes())
    sure = [item for item in at.expander if item.label == "How sure is this?"]
    assert sure
    inside = " ".join(str(element.value) for item in sure for element in item.children.values()
                      if hasattr(element, "value"))
    assert JARGON.search(inside)
    if page == "funnel":  # the bottleneck verdict, with its range, is in there
        report = sample_report()
        assert report.funnel.bottleneck_verdict.sentence in str([alert.value for alert in at.info])
        assert "likely between 7% and 59%" in report.funnel.bottleneck_verdict.sentence


def test_each_caveat_of_the_published_figures_is_said_once():
    from analysis.plan.published import CANDIDATE_CAVEAT, EMPLOYER_CAVEAT

    markdown = render(sample_report(), "md").decode()
    as_read = re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")
    assert as_read.count(EMPLOYER_CAVEAT) == 1 and as_read.count(CANDIDATE_CAVEAT) == 1
