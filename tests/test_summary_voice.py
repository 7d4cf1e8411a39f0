"""The shareable summary speaks plainly and briefly: detail lists are cut, with the rest in the Excel file."""
from __future__ import annotations

import datetime as dt

from analysis.export.markdown import report_markdown
from analysis.normalize.loading import LoadSettings, load
from analysis.report import build_report

TODAY = dt.date(2026, 11, 25)


def _report(csv: str):
    loaded = load(csv.encode(), "tracker.csv", LoadSettings(today=TODAY))
    return build_report(loaded, TODAY)


def test_a_long_list_of_unreadable_dates_is_cut_to_five_rows_in_the_document():
    rows = "".join(f"Company {i},Analyst,someday {i},Rejected\n" for i in range(12))
    rows += "".join(f"Firm {i},Analyst,2026-10-{i + 1:02d},Rejected\n" for i in range(6))
    text = report_markdown(_report("Company,Role,Date Applied,Status\n" + rows))
    assert "### Dates that could not be read: the first 5 of 12 (the Excel file lists them all)" in text
    section = text.split("### Dates that could not be read")[1].split("\n## ")[0]
    assert sum(1 for line in section.splitlines() if line.startswith("| ") and "Row" not in line) == 5


def test_one_follow_up_rule_from_the_no_response_window_in_the_focus_area_and_the_plan():
    from analysis.summary.build import build_summary

    rows = "".join(f"Company {i},Analyst,2026-09-{i + 1:02d},Applied\n" for i in range(8))
    rows += "".join(f"Firm {i},Analyst,2026-10-{i + 1:02d},Rejected\n" for i in range(4))
    loaded = load(("Company,Role,Date Applied,Status\n" + rows).encode(), "tracker.csv",
                  LoadSettings(today=TODAY, ghost_after_days=14))
    report = build_report(loaded, TODAY)
    rule = ("Follow up once 7 days after applying if you have heard nothing; after 14 days without a reply, "
            "count it as no response and move on.")
    follow_up = next(area for area in report.focus_areas if area.id == "follow_up")  # 8 of 12 silent
    assert follow_up.actions[0] == rule + " Send it to the recruiter or the hiring manager, in two or three lines."
    week_three = build_summary(report).plan.weeks[2]
    assert "".join(week_three.tasks[0]) == "Follow up on week 1's applications that have had no reply. " + rule


def test_a_caseload_is_spoken_of_as_a_caseload_and_its_quotes_name_the_candidate():
    from test_app_caseload import CASELOAD_CSV

    text = report_markdown(_report(CASELOAD_CSV))
    # Ana 16, Ben 5, Cy 4 applications; Ben's three rejections after a first interview carry the feedback.
    assert "the 3 candidates of this caseload sent 25 applications." in text
    assert "you sent" not in text.lower()
    assert "“You need more experience” (Ben Okafor, Shop 2, first interview)" in text


def test_the_feedback_page_names_the_candidate_beside_each_quote():
    from app_harness import no_exception, open_app, texts, upload
    from test_app_caseload import CASELOAD_CSV

    at = upload(open_app("feedback"), "coach.csv", CASELOAD_CSV.encode())
    no_exception(at)
    sources = [caption for caption in texts(at.caption) if "Shop" in caption]
    assert sources and all(caption.startswith("Ben Okafor · Shop ") for caption in sources)


def test_the_summary_reads_in_plain_words_outside_its_detail_tables():
    from app_harness import SAMPLE

    loaded = load(SAMPLE.read_bytes(), SAMPLE.name, LoadSettings(today=TODAY))
    text = report_markdown(build_report(loaded, TODAY))
    prose = [line for line in text.splitlines() if line and not line.startswith("|")]
    for jargon in ("Fisher", "p=", "multiplies zero"):
        assert not any(jargon in line for line in prose), jargon
    headlines = [line for line in prose if line.startswith("- **")]
    assert headlines and not any("CI" in line for line in headlines)
    assert "33 reached an interview: 22% of 150. 2 reached an offer: 1% of 150." in text
    assert "- **Interview rate:** 22% (33 of 150; likely between 16% and 29%)" in prose
