"""An unsure column is asked about, not used: "Is 'Next Step' the stage reached?" on the Data page.

A student's to-do column ("Next Step": "Complete online assessment") once read as the stage reached,
at 46% confidence, and counted as interviews. A guess under 70% for a field the file can do without is
now a question; the answer (Yes / No) is a correction like any other, followed by every page.
"""
from __future__ import annotations

import pandas as pd
from app_harness import engine_report, no_exception, open_app, upload

from analysis.normalize.columns import SURE_AT, ColumnMapping, header_score, suggest_mapping

TODOS = ("Complete online assessment", "Follow up with recruiter", "Prepare portfolio", "Wait for reply",
         "Send thank-you note")
STUDENT = ("Company,Role,Date Applied,Next Step,Status\n"
           + "".join(f"Firm {i},Analyst,2026-09-{i + 1:02d},{TODOS[i % 5]},Rejected\n" for i in range(10)))


def test_an_unsure_guess_for_an_optional_field_is_a_question_and_not_used():
    loaded = engine_report(STUDENT.encode(), "student.csv").loaded
    assert loaded.mapping.header("stage") is None
    header, confidence = loaded.mapping.questions["stage"]
    # "step" names a stage (0.75 by words); 2 of the 5 to-dos read as status words (0.4):
    # 0.75 x (0.35 + 0.65 x 0.4) = 0.4575, kept as 0.46
    assert header == "Next Step" and confidence == 0.46 < SURE_AT
    assert header_score("Next Step", "stage") == 0.75


def test_a_header_that_names_the_field_outright_is_used_even_when_its_cells_are_unsure():
    frame = pd.DataFrame({"Company": ["A", "B"], "Role": ["x", "y"], "Date applied": ["2026-09-01", "2026-09-02"],
                          "Response date": ["no reply", "2026-09-09"]})
    mapping = suggest_mapping(frame)
    assert mapping.header("responded_on") == "Response date" and mapping.confidence["responded_on"] < SURE_AT
    assert mapping.questions == {}


def test_answering_clears_the_question():
    asked = ColumnMapping({"stage": None}, {"stage": 0.0}, {"stage": ("Next Step", 0.46)})
    assert asked.with_overrides({"stage": "Next Step"}).header("stage") == "Next Step"
    assert asked.with_overrides({"stage": "Next Step"}).questions == {}
    assert asked.with_overrides({"stage": None}).questions == {}
    assert asked.with_overrides({"outcome": "Next Step"}).questions == {}  # the column now holds another field


def _question_texts(at) -> list[str]:
    return [item.value for item in at.markdown if item.value.startswith("**Is ")]


def _stage_column(at) -> str:
    from test_app_data import editor

    columns = editor(at, "columns")
    return columns["column"][list(columns["field"]).index("Stage")]


def test_the_data_page_asks_and_yes_uses_the_column_on_every_page():
    at = upload(open_app("data"), "student.csv", STUDENT.encode())
    no_exception(at)
    assert _question_texts(at) == ["**Is ‘Next Step’ the stage reached?**"]
    assert _stage_column(at) == "(none)"
    at.button(key="question_yes_stage").click().run()
    no_exception(at)
    assert _question_texts(at) == []
    assert _stage_column(at) == "Next Step"
    assert at.session_state["reading_choices"].columns == {"stage": "Next Step"}


def test_no_keeps_the_column_out_and_stops_asking():
    at = upload(open_app("data"), "student.csv", STUDENT.encode())
    at.button(key="question_no_stage").click().run()
    no_exception(at)
    assert _question_texts(at) == []
    assert _stage_column(at) == "(none)"
    assert at.session_state["reading_choices"].columns == {"stage": None}
