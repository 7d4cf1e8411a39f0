"""The Applications sheet streamed as XML: every row, in order, across blocks; text inert and intact."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from analysis.export import applications_sheet
from analysis.export.excel import summary_xlsx
from analysis.normalize.loading import LoadSettings, load
from analysis.report import build_report
from analysis.summary.build import build_summary

TODAY = dt.date(2026, 11, 25)
HEADER = ["Company", "Role", "Source", "Date Applied", "Status", "Response Date", "Feedback"]
ROWS = [
    ["Acme & Sons <Ltd>", "Analyst", "LinkedIn", "2026-09-01", "Rejected", "2026-09-05", "=1+1 no thanks"],
    ["Beta", "-Engineer", "Referral", "2026-09-02", "Rejected", "", "line one\r\nline two"],
    ["Gamma\x07Corp", "@role", "Indeed", "", "In progress", "", "\tTabbed"],
    ["Delta", "Data Analyst", "", "2026-09-04", "Offer", "2026-09-30", "Great fit, \"quoted\" & 'single'"],
    ["Epsilon", "+Lead", "Recruiter", "2026-09-05", "No response", "", ""],
]


@pytest.fixture(scope="module")
def report():
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *ROWS])
    loaded = load(buffer.getvalue().encode("utf-8"), "stream.csv", LoadSettings(today=TODAY))
    return build_report(loaded, TODAY)


def workbook_of(report, monkeypatch, block_rows: int):
    monkeypatch.setattr(applications_sheet, "BLOCK_ROWS", block_rows)
    return load_workbook(io.BytesIO(summary_xlsx(build_summary(report), report.applications)))


def sheet_rows(workbook) -> list[dict]:
    rows = list(workbook["Applications"].iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


@pytest.mark.parametrize("block_rows", [1, 2, 3, 20_000])
def test_every_application_is_written_once_in_order_whatever_the_block_size(report, monkeypatch, block_rows) -> None:
    rows = sheet_rows(workbook_of(report, monkeypatch, block_rows))
    assert [row["source_row"] for row in rows] == [2, 3, 4, 5, 6]
    assert [row["outcome"] for row in rows] == report.applications["outcome"].tolist()


def test_text_is_neutralised_escaped_and_cleaned(report, monkeypatch) -> None:
    workbook = workbook_of(report, monkeypatch, 2)
    rows = sheet_rows(workbook)
    assert rows[0]["company"] == "Acme & Sons <Ltd>"  # escaped in the XML, read back as typed
    assert rows[0]["feedback"] == "'=1+1 no thanks"
    assert rows[1]["role"] == "'-Engineer" and rows[2]["role"] == "'@role" and rows[4]["role"] == "'+Lead"
    assert rows[1]["feedback"] == "line one\r\nline two"  # the carriage return survives the XML
    assert rows[2]["company"] == "GammaCorp"  # a control character a workbook cannot hold is dropped
    assert rows[3]["feedback"] == "Great fit, \"quoted\" & 'single'"
    assert rows[4]["feedback"] is None  # a blank cell stays blank
    cells = [cell for row in workbook["Applications"].iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    assert all(cell.data_type == "s" for cell in cells if isinstance(cell.value, str))


def test_dates_flags_and_numbers_keep_their_types(report, monkeypatch) -> None:
    sheet = workbook_of(report, monkeypatch, 3)["Applications"]
    rows = sheet_rows(sheet.parent)
    assert rows[0]["applied_on"] == dt.datetime(2026, 9, 1) and rows[0]["responded_on"] == dt.datetime(2026, 9, 5)
    assert rows[2]["applied_on"] is None
    header = [cell.value for cell in sheet[1]]
    dated = sheet.cell(2, header.index("applied_on") + 1)
    assert dated.number_format == "yyyy-mm-dd" and dated.is_date
    assert all(isinstance(row["outcome_inferred"], bool) for row in rows)
    assert all(isinstance(row["source_row"], int) for row in rows)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}6"


def test_safe_text_column_matches_the_cell_writer() -> None:
    import pyarrow as pa

    from analysis.export.cells import safe_text

    values = ["=SUM(A1)", "+1", "-x", "@me", "\tx", "\rx", "ok", "a\x00b", "x" * 40_000]
    escaped = applications_sheet.safe_text_column(pa.array(values)).to_pylist()
    unescaped = [text.replace("&#13;", "\r") for text in escaped]
    assert unescaped == [safe_text(value) for value in values]


def test_a_large_table_streams_in_blocks_without_losing_a_row(monkeypatch) -> None:
    count = 2_500
    table = pd.DataFrame({
        "company": [f"Company {index}" for index in range(count)],
        "applied_on": pd.to_datetime("2026-01-01") + pd.to_timedelta(pd.Series(range(count)) % 300, unit="D"),
        "outcome_inferred": [index % 2 == 0 for index in range(count)],
        "source_row": range(2, count + 2),
    })
    sheet = applications_sheet.StreamedSheet("unused", table, tuple(table.columns), date_style=0)
    monkeypatch.setattr(applications_sheet, "BLOCK_ROWS", 1_000)
    blocks = list(applications_sheet.rows_xml(sheet))
    assert len(blocks) == 3
    xml = b"".join(blocks).decode("utf-8")
    assert xml.count("<row ") == count and xml.count("</row>") == count
    assert '<row r="2501">' in xml and "Company 2499" in xml
    assert xml.index('<row r="1001">') < xml.index('<row r="1002">')
