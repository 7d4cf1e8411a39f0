"""The Data page: how the file was read, the user's corrections, and the data-quality panel."""
from __future__ import annotations

import io

from app_harness import (
    SAMPLE,
    TODAY,
    engine_report,
    metric,
    no_exception,
    open_app,
    shown,
    table,
    texts,
    upload,
)
from openpyxl import Workbook

from analysis.core.schema import FIELDS
from analysis.normalize.loading import LoadSettings, load
from analysis.normalize.statuses import StatusMeaning


def edit(at, editor: str, edited_rows: dict) -> None:
    """Edit cells of the column ("columns") or status ("statuses") editor, as a browser would, and rerun."""
    choices = at.session_state["reading_choices"]
    key = f"{editor}_{choices.digest}_{choices.version}"
    at.session_state[key] = {"edited_rows": edited_rows, "added_rows": [], "deleted_rows": []}
    at.run()


def editor(at, name: str):
    choices = at.session_state["reading_choices"]
    return at.data_editor(key=f"{name}_{choices.digest}_{choices.version}").value


def test_the_sample_reading_is_described():
    at = open_app("data")
    no_exception(at)
    loaded = load(SAMPLE.read_bytes(), SAMPLE.name, LoadSettings(today=TODAY))
    assert metric(at, "Rows read") == "150"
    assert shown(at, "Applications") == "150"
    assert metric(at, "Skipped rows") == "0"
    summary = at.table[0].value["value"].to_dict()
    assert summary["Kind"] == "xlsx" and summary["Layout"] == loaded.layout and summary["Header row"] == "1"

    columns = editor(at, "columns")
    assert list(columns["column"]) == [loaded.mapping.header(name) or "(none)" for name in FIELDS]
    statuses = editor(at, "statuses")
    assert list(statuses["value"]) == list(loaded.statuses["value"])
    assert list(statuses["rows"]) == list(loaded.statuses["rows"])

    assert len(table(at, "The applications as read")) == 150
    assert [button.label for button in at.get("download_button")] == [
        "Cleaned applications (CSV)", "Blank template (Excel)", "Blank template (CSV)"]


def test_a_column_override_changes_the_numbers_on_every_page():
    at = open_app("data")
    edit(at, "columns", {FIELDS.index("stage"): {"column": "(none)"}})
    no_exception(at)
    columns = editor(at, "columns")
    stage = FIELDS.index("stage")
    assert columns.at[stage, "column"] == "(none)" and columns.at[stage, "confidence"] == 1.0

    at.switch_page("app_pages/funnel.py").run()
    no_exception(at)
    expected = engine_report(SAMPLE.read_bytes(), SAMPLE.name, columns={"stage": None}).funnel.overview
    assert shown(at, "Interview rate") == expected.interview_rate.label() != "22% (n=150)"


def test_a_status_override_changes_the_numbers():
    at = open_app("data")
    statuses = editor(at, "statuses")
    row = list(statuses["value"]).index("Phone screen")
    edit(at, "statuses", {row: {"stage": "applied"}})
    no_exception(at)
    assert editor(at, "statuses").at[row, "stage"] == "applied"

    at.switch_page("app_pages/funnel.py").run()
    meaning = StatusMeaning(stage="applied", outcome=None, applied=True, recognised=True)
    expected = engine_report(SAMPLE.read_bytes(), SAMPLE.name, statuses={"Phone screen": meaning}).funnel.overview
    assert shown(at, "Interview rate") == expected.interview_rate.label() != "22% (n=150)"


def test_an_uploaded_csv_lists_skipped_rows_and_unreadable_dates():
    data = (
        b"Company;Role;Date Applied;Status\n"
        b"Acme;Data Analyst;2026-09-01;Rejected\n"
        b"Beta;Analyst;2026-09-02;Need to apply\n"
        b"Gamma;Analyst;sometime in May;Phone screen\n"
        b"Delta;Engineer;2026-09-04;No response\n"
    )
    at = open_app("data")
    upload(at, "tracker.csv", data)
    no_exception(at)
    summary = at.table[0].value["value"].to_dict()
    assert summary["Kind"] == "csv" and summary["Delimiter"] == "`;`"
    assert metric(at, "Rows read") == "4"
    assert shown(at, "Applications") == "3"
    skipped = table(at, "Rows skipped")
    assert list(skipped["row"]) == [3] and "not applied" in skipped["reason"][0]
    unreadable = table(at, "Date cells")
    assert list(unreadable["row"]) == [4] and "sometime in May" in unreadable["problem"][0]
    assert metric(at, "Unreadable dates") == "1"


def two_sheet_workbook() -> bytes:
    book = Workbook()
    older = book.active
    older.title = "Applications 2025"
    older.append(["Company", "Role", "Date Applied", "Status"])
    older.append(["Old Co", "Analyst", "2025-03-01", "Rejected"])
    newer = book.create_sheet("Applications 2026")
    newer.append(["Company", "Role", "Date Applied", "Status"])
    for i in range(5):
        newer.append([f"New Co {i}", "Data Analyst", f"2026-09-0{i + 1}", "Phone screen"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_workbook_with_several_sheets_offers_a_sheet_choice():
    data = two_sheet_workbook()
    at = open_app("data")
    upload(at, "tracker.xlsx", data)
    no_exception(at)
    picker = at.selectbox[0]
    assert picker.label == "Sheet"
    assert list(picker.options) == ["Applications 2025", "Applications 2026"]
    other = next(name for name in picker.options if name != picker.value)
    expected = engine_report(data, "tracker.xlsx", sheet=other).funnel.applications

    picker.select(other).run()
    no_exception(at)
    assert at.selectbox[0].value == other
    assert at.table[0].value["value"].to_dict()["Sheet"] == other
    assert shown(at, "Applications") == str(expected)


def test_choices_that_make_the_file_unreadable_can_be_undone():
    at = open_app("data")
    edit(at, "columns", {FIELDS.index(name): {"column": "(none)"} for name in ("company", "role", "applied_on")})
    no_exception(at)
    assert len(at.error) == 1 and "No column looks like a company" in at.error[0].value
    at.button(key="undo_choices").click().run()
    no_exception(at)
    assert not at.error and shown(at, "Applications") == "150"
    assert at.session_state["reading_choices"].columns == {}


CONTACTS = b"Name,Company,Title,Email,Phone\nAnn Lee,Acme,Recruiter,ann@acme.example,555-0101\n" \
           b"Bo Chen,Beta,Engineering Manager,bo@beta.example,555-0102\n"


def test_a_refused_file_shows_the_table_and_the_column_editor_to_map_by_hand():
    at = open_app()
    upload(at, "contacts.csv", CONTACTS)
    at.switch_page("app_pages/data.py").run()
    no_exception(at)
    assert len(at.error) == 1 and at.error[0].value.startswith("This looks like a contacts list")
    raw = table(at, "The first rows of the table as read")
    assert list(raw.columns) == ["Name", "Company", "Title", "Email", "Phone"] and len(raw) == 2
    columns = editor(at, "columns")
    assert columns.loc[FIELDS.index("company"), "column"] == "Company"
    assert columns.loc[FIELDS.index("role"), "column"] == "Title"

    at.button(key="accept_columns").click().run()   # the user says: these are my applications
    no_exception(at)
    assert not at.error and shown(at, "Applications") == "2"
    assert "you chose the columns on the Data page" in " ".join(texts(at.markdown))


def _workbook(sheets: dict[str, list[list]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_sheets_read_and_not_read_are_shown_with_why():
    header = ["Company", "Role", "Date applied", "Status"]
    data = _workbook({
        "Summary": [["Applications", 3], ["Offers", 1]],
        "2024": [header, ["Acme", "Analyst", "2024-11-04", "Rejected"], ["Beta", "Analyst", "2024-11-05", "Offer"]],
        "2025": [header, ["Gamma", "Analyst", "2025-01-06", "Interview"]],
        "Contacts": [["Name", "Email"], ["Ann", "ann@acme.example"]],
    })
    at = open_app()
    upload(at, "search.xlsx", data)
    at.switch_page("app_pages/data.py").run()
    no_exception(at)
    assert shown(at, "Applications") == "3"
    sheets = table(at, "The workbook's sheets")
    assert sheets["sheet"].tolist() == ["2024", "2025", "Summary", "Contacts"]
    assert sheets["read"].tolist() == [True, True, False, False]
    assert sheets["why"].tolist()[1] == "combined: the same columns as '2024'"
    assert sheets["why"].tolist()[3] == "looks like a list of contacts, not of applications"
    assert table(at, "The applications as read")["source_sheet"].tolist() == ["2024", "2024", "2025"]


def test_a_refused_workbook_shows_which_sheets_were_read():
    data = _workbook({"Stock": [["SKU", "Item", "Quantity", "Status"], ["A-1", "Lamp", 3, "In stock"]],
                      "Notes": [["Notes"], ["reorder in May"]]})
    at = open_app()
    upload(at, "stock.xlsx", data)
    at.switch_page("app_pages/data.py").run()
    no_exception(at)
    assert at.error[0].value.startswith("This looks like an inventory or stock list")
    sheets = table(at, "The workbook's sheets")
    assert sheets["read"].tolist() == [True, False] and sheets["sheet"].tolist() == ["Stock", "Notes"]
