"""AppTest of the Feedback page: the engine's themes and focus areas, the keyword editor, empty states, escaping."""
from __future__ import annotations

import csv
import io
import re

from app_harness import (
    SAMPLE,
    TODAY,
    engine_report,
    metric,
    no_exception,
    open_app,
    table,
    texts,
    titles,
    upload,
)

from analysis.charts import feedback as feedback_charts
from analysis.core.wording import likely_range
from analysis.export.markdown import markdown_escape
from analysis.normalize.loading import LoadSettings, load
from analysis.report import build_report
from ui.components import plain
from ui.keywords import refusal

EMPTY_TITLE = "Your tracker has no feedback yet — here is how to ask for it"
IMPROVE_TABLE = "Themes the feedback raised as something to improve"
STRENGTH_TABLE = "Strengths the feedback named"


def csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def shown_counts(at, alt: str) -> list[tuple[str, int]]:
    frame = table(at, alt)
    return list(zip(frame["Theme"], (int(count) for count in frame["Mentions"])))


def engine_counts(counts: list[dict]) -> list[tuple[str, int]]:
    return [(feedback_charts.theme_label(item["theme"], short=True), int(item["count"])) for item in counts]


def focus_titles(at) -> list[str]:
    return [str(item.value) for item in at.container(key="focus_areas").subheader]


def sample_report(keywords: dict | None = None):
    loaded = load(SAMPLE.read_bytes(), SAMPLE.name, LoadSettings(today=TODAY))
    return build_report(loaded, TODAY, extra_keywords=keywords)


def add_keyword(at, theme: str, word: str):
    at.selectbox(key="keyword_theme").set_value(theme)
    at.text_input(key="keyword_text").input(word)
    return at.button(key="add_keyword").click().run()


def test_the_sample_shows_the_engines_themes_strengths_coverage_and_focus_areas() -> None:
    at = open_app("feedback")
    no_exception(at)
    report = engine_report(SAMPLE.read_bytes(), SAMPLE.name)
    feedback = report.feedback
    # "No reason given" (16) and closed roles (5) are not something to work on: left out of the table.
    to_work_on = [item for item in feedback.theme_counts() if item["theme"] not in ("generic", "role_closed")]
    assert shown_counts(at, IMPROVE_TABLE) == engine_counts(to_work_on)
    assert [item["theme"] for item in to_work_on][:2] == ["experience", "communication"]
    assert shown_counts(at, STRENGTH_TABLE) == engine_counts(feedback.strength_counts())
    assert metric(at, "Feedback texts") == str(feedback.text_count)
    assert metric(at, "Rejections with feedback") == feedback.coverage.percent()
    # of the 44 rejections with feedback, the rules alone call 16 generic; the learned model places 2 of them
    # ("Too vague on the 'tell me about a time' questions": communication, "my CV was three pages":
    # application materials), and the other 14 give no reason (read by hand); none is unclear
    assert metric(at, "Gave no reason") == "14"
    assert feedback.unclear_count == 0

    coverage = feedback.coverage
    sentence = (f"{coverage.successes} of {coverage.n} rejections came with feedback "
                f"({coverage.percent()}, {likely_range(coverage)})")
    assert any(heading.startswith(sentence) for heading in texts(at.subheader))
    assert "Not about you" in titles(at.success)
    assert ("Not about you: 5 rejections named a role that was filled, frozen, cancelled or cut for budget. These say "
            "nothing about you, so leave them out when you look for patterns. Learn from the 25 rejections that gave "
            "another reason.") in texts(at.success)  # 44 - 5 - 14
    assert ("14 rejections gave no reason. A rejection without a reason says nothing either way: it is not counted "
            "as something to work on.") in texts(at.caption)

    headings = texts(at.subheader)
    for chart in (feedback_charts.theme_stage_chart(feedback), feedback_charts.coverage_trend_chart(feedback)):
        assert chart.figure is not None and chart.title in headings
    assert len(at.get("plotly_chart")) == 2

    assert focus_titles(at) == [plain(area.title) for area in report.focus_areas]
    quoted = [item.label for item in at.expander if item.label != "Advanced" and not item.label.startswith("Read the")]
    assert len(quoted) == len([theme for theme, items in feedback.quotes.items() if items])
    assert "no theme matched" not in " ".join(texts(at.info))


def test_a_keyword_changes_the_counts_here_and_is_listed_in_the_summary() -> None:
    before = sample_report().feedback.improvements["technical_skills"]
    after_report = sample_report({"technical_skills": ["dbt"]})
    after = after_report.feedback.improvements["technical_skills"]
    assert after > before, "the sample's feedback mentions dbt where technical skills are not yet found"

    at = open_app("feedback")
    assert dict(shown_counts(at, IMPROVE_TABLE))["Technical skills"] == before
    add_keyword(at, "technical_skills", "dbt")
    no_exception(at)
    assert at.session_state["extra_keywords"] == {"technical_skills": ("dbt",)}
    assert shown_counts(at, IMPROVE_TABLE) == engine_counts(
        [item for item in after_report.feedback.theme_counts() if item["theme"] not in ("generic", "role_closed")])
    assert dict(shown_counts(at, IMPROVE_TABLE))["Technical skills"] == after
    assert focus_titles(at) == [plain(area.title) for area in after_report.focus_areas]
    assert any("Added “dbt” to technical skills" in text for text in texts(at.success))
    assert at.text_input(key="keyword_text").value == ""
    highlighted = " ".join(texts(at.expander(key="quotes_technical_skills").markdown))
    assert "-background[dbt]" in highlighted

    at.switch_page("app_pages/summary.py").run()
    no_exception(at)
    previews = [text for text in texts(at.markdown) if text.startswith("# Next Steps")]
    assert len(previews) == 1
    assert "| Your keywords for technical skills | dbt |" in previews[0]

    at.switch_page("app_pages/feedback.py").run()
    at.button(key="remove_keyword_technical_skills_0").click().run()
    no_exception(at)
    assert dict(shown_counts(at, IMPROVE_TABLE))["Technical skills"] == before


def test_empty_duplicate_and_unknown_keywords_are_refused_plainly() -> None:
    at = open_app("feedback")
    add_keyword(at, "technical_skills", "   ")
    assert texts(at.error) == [plain("Type a keyword first, for example a tool or a phrase your feedback uses.")]
    add_keyword(at, "technical_skills", "Power BI")
    add_keyword(at, "technical_skills", "power  bi")
    assert texts(at.error) == [plain("“power bi” is already one of your keywords for technical skills.")]
    add_keyword(at, "logistics", "POWER BI")
    assert any("remove it there first" in text for text in texts(at.error))
    no_exception(at)
    assert at.session_state["extra_keywords"] == {"technical_skills": ("Power BI",)}
    assert refusal("generic", "thanks", {}) is not None
    assert refusal("no_such_theme", "thanks", {}) is not None
    assert refusal("culture_fit", "!!", {}) is not None
    assert refusal("culture_fit", "right fit", {"technical_skills": ("dbt",)}) is None


def test_a_tracker_without_feedback_shows_how_to_ask_for_it() -> None:
    rows = [["Company", "Role", "Source", "Date Applied", "Status", "Response Date"]]
    rows += [[f"Firm {i}", "Analyst", "LinkedIn", f"2026-09-{i + 1:02d}", "Rejected", f"2026-09-{i + 10:02d}"] for i in range(6)]
    data = csv_bytes(rows)
    at = open_app()
    upload(at, "no_feedback.csv", data)
    at.switch_page("app_pages/feedback.py").run()
    no_exception(at)
    assert EMPTY_TITLE in titles(at.info)
    assert "Thank you for letting me know" in at.code[0].value
    assert not at.get("plotly_chart")
    report = engine_report(data, "no_feedback.csv")
    assert focus_titles(at) == [plain(area.title) for area in report.focus_areas]


def test_an_empty_feedback_column_shows_the_same_empty_state() -> None:
    rows = [["Company", "Role", "Date Applied", "Status", "Feedback"]]
    rows += [[f"Firm {i}", "Analyst", f"2026-09-{i + 1:02d}", "Rejected", ""] for i in range(4)]
    at = open_app()
    upload(at, "blank_feedback.csv", csv_bytes(rows))
    at.switch_page("app_pages/feedback.py").run()
    no_exception(at)
    assert EMPTY_TITLE in titles(at.info)


def test_unknown_outcomes_and_no_rejections_say_so() -> None:
    note = "Your answers lacked concrete examples and you seemed unprepared."
    unknown = csv_bytes([["Company", "Date Applied", "Feedback"], ["Acme", "2026-09-01", note], ["Beta", "2026-09-02", note]])
    at = open_app()
    upload(at, "no_status.csv", unknown)
    at.switch_page("app_pages/feedback.py").run()
    no_exception(at)
    assert "Outcomes unknown" in titles(at.info)
    assert shown_counts(at, IMPROVE_TABLE) == engine_counts(engine_report(unknown, "no_status.csv").feedback.theme_counts())

    offers = csv_bytes([["Company", "Date Applied", "Status", "Feedback"], ["Acme", "2026-09-01", "Offer", "Great communication."],
                        ["Beta", "2026-09-02", "Interviewing", note]])
    at = open_app()
    upload(at, "no_rejections.csv", offers)
    at.switch_page("app_pages/feedback.py").run()
    no_exception(at)
    assert "No rejections yet" in titles(at.info)


def test_user_text_is_shown_escaped() -> None:
    hostile = "**bold** [link](http://x) <b>x</b>"
    rows = [["Company", "Role", "Date Applied", "Status", "Response Date", "Feedback"]]
    rows += [["[Evil](http://evil.example)", "Analyst", "2026-09-01", "Rejected", "2026-09-05",
              hostile + " Your answers lacked concrete examples.\n- a list\n# a heading"]]
    rows += [["<b>Co</b>", "Analyst", f"2026-09-{i + 2:02d}", "Rejected", "2026-09-20", "The position has been filled."]
             for i in range(3)]
    at = open_app()
    upload(at, "hostile.csv", csv_bytes(rows))
    at.switch_page("app_pages/feedback.py").run()
    no_exception(at)
    bodies = texts(at.markdown) + texts(at.caption) + texts(at.subheader)
    quoted = [body for body in bodies if "bold" in body]
    assert quoted, "the hostile feedback is quoted"
    joiner = "\u2060"  # breaks the autolink that escaping cannot stop
    assert all(r"\*\*bold\*\* \[link\](http\:" + joiner + r"//x) \<b\>x\</b\>" in body for body in quoted)
    for body in bodies:
        assert not re.search(r"(?<!\\)[<>]", body), body
        assert not re.search(r"(?<!\\)\]\(", body), body
        assert not re.search(r"https?\\?://", body), body
        assert "\n- a list" not in body and "\n# a heading" not in body
    assert any(r"\[Evil\](http\:" + joiner + "//evil.example)" in body for body in bodies)


def test_reasons_no_theme_matched_are_counted_and_listed_to_read() -> None:
    # a reason the model cannot place, and one in a language it does not read ("we chose an applicant with more experience")
    unclear = ["The hamster committee vetoed your candidacy unanimously.",
               "Unsere Wahl fiel auf eine andere Bewerberin mit mehr Erfahrung."]
    rows = [["Company", "Role", "Date Applied", "Status", "Feedback"]]
    rows += [[f"Firm {i}", "Analyst", f"2026-09-{i + 1:02d}", "Rejected", text]
             for i, text in enumerate([*unclear, "too junior", "Unfortunately we have decided to move forward with other candidates."])]
    data = csv_bytes(rows)
    feedback = engine_report(data, "unclear.csv").feedback
    assert feedback.unclear_count == 2
    assert feedback.unclear_texts()["feedback"].tolist() == unclear
    at = open_app()
    upload(at, "unclear.csv", data)
    at.switch_page("app_pages/feedback.py").run()
    no_exception(at)
    assert "Reasons no theme matched" in titles(at.info)
    assert any("2 feedback texts give a reason no theme matched: read them." in body for body in texts(at.info))
    listed = texts(at.expander(key="unclear_texts").markdown)
    assert listed == [f"“{plain(text)}”" for text in unclear]
    # the theme table names the words behind each theme: "too junior" set experience
    words = table(at, IMPROVE_TABLE).set_index("Theme")["Words in the feedback"]
    assert words[feedback_charts.theme_label("experience", short=True)] == "“too junior”"
    # the summary counts them and quotes them too
    at.switch_page("app_pages/summary.py").run()
    no_exception(at)
    preview = next(text for text in texts(at.markdown) if text.startswith("# Next Steps"))
    assert "2 feedback texts give a reason no theme matched" in preview
    assert all(f"“{markdown_escape(text)}”" in preview for text in unclear)
    assert "“too junior”" in preview
