"""A catalogue of hostile files, each through the command line AND the app.

A file is either refused, or partly fine:

* refused: ``report FILE --format json -o OUT`` exits 2 with one plain sentence on stderr and
  writes no file; the app shows that same sentence in one ``st.error``, raises nothing and shows
  no numbers;
* partly fine: the command exits 0 with the rows that were fine counted and the others listed
  (skipped rows, unreadable dates); the app counts the same applications and lists the same rows.

tests/test_reading.py and tests/test_cli.py cover the reader's own behaviour on many of these files
and the command line on a few; here each file goes the whole way, through ``analysis.cli.main``
(what ``python -m analysis`` runs; two cases also as a real subprocess) and through the app
(AppTest, uploaded in the sidebar).
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from app_harness import TODAY, metric, no_exception, open_app, table, upload
from test_reading import ole_file, zip_with

from analysis.cli import main
from analysis.core import limits

ROOT = Path(__file__).resolve().parents[1]
HEADER = "Company,Role,Date Applied,Status"
GOOD_ROWS = ["Acme,Data Analyst,2026-09-01,Rejected", "Beta,BI Developer,2026-09-02,Offer",
             "Gamma,Analyst,2026-09-03,Applied"]


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def workbook(rows: list[list], merge: str | None = None, text_cells: tuple[str, ...] = ()) -> bytes:
    """An xlsx with one sheet "Applications"; ``text_cells`` hold text starting "=" (not formulas)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Applications"
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    for cell in text_cells:
        sheet[cell].data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@functools.cache
def zip_bomb() -> bytes:
    """64 MB of zeros packed into about 64 KB (1000:1), under the size limit but refused by its ratio."""
    return zip_with("xl/worksheets/sheet1.xml", 64 << 20, level=9)


def not_a_workbook_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("applications.csv", "Company,Status\nAcme,Rejected\n")
    return buffer.getvalue()


def truncated_workbook() -> bytes:
    good = workbook([HEADER.split(",")] + [row.split(",") for row in GOOD_ROWS])
    return good[: len(good) // 2]


def unescape(markdown: str) -> str:
    """An alert's text as the user reads it (the app backslash-escapes Markdown characters)."""
    return re.sub(r"\\(.)", r"\1", markdown.replace("\u2060", ""))


# --- running a file through the command line and the app -----------------------------------

@dataclass
class CliResult:
    code: int
    stderr: str
    output: Path

    @property
    def json(self) -> dict:
        return json.loads(self.output.read_text(encoding="utf-8"))


def cli(tmp_path: Path, capsys, name: str, data: bytes, *options: str, command: str = "report") -> CliResult:
    """``python -m analysis report FILE --format json -o OUT`` (or ``normalize FILE -o OUT``), in process."""
    path = tmp_path / name
    path.write_bytes(data)
    if command == "report" and "--format" not in options:
        options = (*options, "--format", "json")
    extension = "csv" if command == "normalize" else options[options.index("--format") + 1]
    output = tmp_path / f"out.{extension}"
    arguments = [command, str(path), "-o", str(output), "--today", TODAY.isoformat(), *options]
    capsys.readouterr()
    code = main(arguments)
    return CliResult(code, capsys.readouterr().err, output)


def assert_refused_by_cli(result: CliResult, tmp_path: Path, message: str) -> str:
    """Exit 2, one plain sentence naming the problem, no output file; returns the sentence."""
    sentence = result.stderr.strip()
    assert result.code == 2, result.stderr
    assert "Traceback" not in result.stderr and len(sentence.splitlines()) == 1, result.stderr
    assert sentence.endswith(".") and message in sentence, sentence
    assert not result.output.exists()
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".next-steps-")]
    return sentence


def app_with(name: str, data: bytes, page: str | None = None):
    """The app after uploading the file in the sidebar (on ``app_pages/<page>.py`` when given)."""
    at = open_app(page)
    upload(at, name, data)
    no_exception(at)
    return at


def assert_refused_by_app(name: str, data: bytes, sentence: str) -> None:
    """One st.error saying the command line's sentence, nothing raised, no numbers or charts shown."""
    at = app_with(name, data)
    assert len(at.error) == 1, [item.value for item in at.error]
    assert unescape(at.error[0].value) == sentence
    assert "Traceback" not in at.error[0].value
    assert not at.metric and not at.get("plotly_chart")
    assert at.sidebar.toggle(key="use_sample").value is False  # the sample did not silently come back


# --- files that are refused ---------------------------------------------------------------

REFUSED = {
    # name: (file name, bytes, words of the sentence)
    "empty workbook": ("tracker.xlsx", lambda: workbook([]), "The file is empty"),
    "blank lines only": ("tracker.csv", lambda: b"\r\n \r\n,,,\r\n", "The file is empty"),
    "header only (CSV)": ("tracker.csv", lambda: csv_bytes(HEADER), "header but no rows of data"),
    "header only (workbook)": ("tracker.xlsx", lambda: workbook([HEADER.split(",")]), "header but no rows of data"),
    "random bytes named .csv": ("tracker.csv", lambda: random.Random(11).randbytes(8192),
                                "does not look like a spreadsheet"),
    "random bytes named .xlsx": ("tracker.xlsx", lambda: random.Random(12).randbytes(8192),
                                 "does not look like a spreadsheet"),
    "zip that is not a workbook": ("tracker.xlsx", not_a_workbook_zip, "zip archive, not a spreadsheet"),
    "truncated workbook": ("tracker.xlsx", truncated_workbook, "could not be read, it may be damaged"),
    "password-protected workbook": ("secret.xlsx", lambda: ole_file("EncryptedPackage"), "password-protected"),
    "zip bomb": ("bomb.xlsx", zip_bomb, "possible zip bomb"),
    "10 MB single line without delimiters": ("one-line.csv", lambda: b"x" * 10_000_000,
                                             "header but no rows of data"),
    "10 MB single line of delimiters": ("commas.csv", lambda: b"," * 10_000_000, "more than 500 columns"),
    "a thousand columns (CSV)": ("wide.csv", lambda: csv_bytes(
        ",".join(["Company", "Role", "Status"] + [f"Extra {i}" for i in range(997)]),
        *[",".join([f"Company {j}", "Analyst", "Rejected"] + ["x"] * 997) for j in range(3)]),
        "more than 500 columns"),
    "a thousand columns (workbook)": ("wide.xlsx", lambda: workbook(
        [["Company", "Role", "Status"] + [f"Extra {i}" for i in range(997)],
         ["Acme", "Analyst", "Rejected"] + ["x"] * 997]), "1,000 columns wide, more than the 500"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_by_the_command_line_and_the_app_with_the_same_sentence(case, tmp_path, capsys):
    name, build, message = REFUSED[case]
    data = build()
    sentence = assert_refused_by_cli(cli(tmp_path, capsys, name, data), tmp_path, message)
    assert_refused_by_app(name, data, sentence)


@pytest.mark.parametrize("case", ["password-protected workbook", "zip bomb"])
def test_refused_by_python_minus_m_analysis(case, tmp_path):
    name, build, message = REFUSED[case]
    path, output = tmp_path / name, tmp_path / "out.json"
    path.write_bytes(build())
    result = subprocess.run([sys.executable, "-m", "analysis", "report", str(path), "--format", "json", "-o",
                             str(output)], check=False, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
    assert not output.exists()


def rows_csv(count: int, extra_columns: int = 0) -> bytes:
    """A CSV of ``count`` distinct applications, with ``extra_columns`` filled columns more."""
    extra = [f"Extra {i}" for i in range(extra_columns)]
    return csv_bytes(",".join([HEADER, *extra]),
                     *[",".join([f"Company {i},Analyst,2026-09-{1 + i % 28:02d},Rejected", *["x"] * extra_columns])
                       for i in range(count)])


@pytest.mark.parametrize(("limit", "value", "name", "data", "message"), [
    ("MAX_ROWS", 10, "rows.csv", rows_csv(11), "more than 10 rows"),
    ("MAX_ROWS", 10, "rows.xlsx", workbook([HEADER.split(",")] + [[f"Company {i}", "Analyst", "2026-09-01", "Rejected"]
                                                                  for i in range(40)]), "more than 10 rows"),
    ("MAX_COLUMNS", 6, "columns.csv", rows_csv(3, extra_columns=3), "more than 6 columns"),
    ("MAX_COLUMNS", 6, "columns.xlsx", workbook([HEADER.split(",") + ["A", "B", "C"],
                                                 ["Acme", "Analyst", "2026-09-01", "Rejected", 1, 2, 3]]),
     "7 columns wide, more than the 6"),
])
def test_over_the_row_and_column_limits_is_refused(monkeypatch, tmp_path, capsys, limit, value, name, data, message):
    monkeypatch.setattr(limits, limit, value)
    sentence = assert_refused_by_cli(cli(tmp_path, capsys, name, data), tmp_path, message)
    assert_refused_by_app(name, data, sentence)


# --- files that are partly fine: the good rows are kept -----------------------------------

def assert_kept(result: CliResult, applications: int, skipped: list[tuple[int, str]] = (),
                unreadable: list[int] = ()) -> dict:
    """Exit 0, the applications counted, the rows skipped and the unreadable dates listed by row."""
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    report = result.json
    assert report["applications"] == applications
    assert [(item["row"], item["reason"]) for item in report["rows"]["skipped"]] == list(skipped)
    assert [item["row"] for item in report["unreadable_dates"]] == list(unreadable)
    return report


def assert_kept_by_app(name: str, data: bytes, applications: int, skipped: int = 0, unreadable: int = 0):
    """The Data page counts the same applications and lists the same skipped rows and unreadable dates."""
    at = app_with(name, data, "data")
    assert not at.error, [item.value for item in at.error]
    assert metric(at, "Applications") == str(applications)
    assert metric(at, "Skipped rows") == str(skipped)
    assert metric(at, "Unreadable dates") == str(unreadable)
    return at


def companies(at) -> list[str]:
    return list(table(at, "The applications as read")["company"])


def test_broken_quoting_keeps_every_row(tmp_path, capsys):
    data = csv_bytes(HEADER, 'Acme,"Data Analyst,2026-09-01,Rejected', *GOOD_ROWS[1:])  # the quote is never closed
    assert_kept(cli(tmp_path, capsys, "quotes.csv", data), 3)
    at = assert_kept_by_app("quotes.csv", data, 3)
    assert companies(at) == ["Acme", "Beta", "Gamma"]


def test_a_ten_megabyte_cell_keeps_its_row_and_the_others(tmp_path, capsys):
    data = (HEADER + ",Notes\n" + GOOD_ROWS[0] + ",").encode() + b"x" * 10_000_000 + b"\n" + \
        csv_bytes(*[row + ",short" for row in GOOD_ROWS[1:]])
    assert_kept(cli(tmp_path, capsys, "big-cell.csv", data), 3)
    assert_kept_by_app("big-cell.csv", data, 3)


FORMULAS = ['=HYPERLINK("http://evil.example/steal","Click me")', "=1+1", "+SUM(A1:A9)", "@cmd"]


def formula_rows() -> list[list[str]]:
    return [[company, "Analyst", f"2026-09-0{i + 1}", "Rejected"] for i, company in enumerate(FORMULAS)]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_formulas_are_read_as_text_never_evaluated_and_exported_neutralised(kind, tmp_path, capsys):
    if kind == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows([HEADER.split(","), *formula_rows()])
        data = buffer.getvalue().encode()
    else:  # typed as text in Excel ('=1+1): a string cell, not a formula cell
        data = workbook([HEADER.split(","), *formula_rows()], text_cells=("A2", "A3", "A4", "A5"))
    name = f"formulas.{kind}"
    assert_kept(cli(tmp_path, capsys, name, data), 4)

    normalized = cli(tmp_path, capsys, name, data, command="normalize")
    assert normalized.code == 0, normalized.stderr
    rows = list(csv.DictReader(io.StringIO(normalized.output.read_text(encoding="utf-8-sig"))))
    assert [row["company"] for row in rows] == ["'" + company for company in FORMULAS]

    workbook_out = cli(tmp_path, capsys, name, data, "--format", "xlsx")
    assert workbook_out.code == 0, workbook_out.stderr
    book = openpyxl.load_workbook(workbook_out.output)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    written = [cell.value for cell in cells if isinstance(cell.value, str) and cell.value.lstrip("'") in FORMULAS]
    assert written and all(value.startswith("'") for value in written)

    page = cli(tmp_path, capsys, name, data, "--format", "html")
    assert page.code == 0, page.stderr
    html = page.output.read_text(encoding="utf-8")
    assert not re.search(r"""href\s*=\s*["']?https?://evil""", html, re.IGNORECASE)

    at = assert_kept_by_app(name, data, 4)
    assert companies(at) == FORMULAS  # as typed: "=1+1" is not 2


def test_merged_cells_give_each_row_of_the_merge_its_value(tmp_path, capsys):
    rows = [HEADER.split(","), ["Acme", "Data Analyst", "2026-09-01", "Rejected"],
            [None, "BI Developer", "2026-09-02", "Offer"], ["Beta", "Analyst", "2026-09-03", "Applied"]]
    data = workbook(rows, merge="A2:A3")  # "Acme" merged over its two applications
    assert_kept(cli(tmp_path, capsys, "merged.xlsx", data), 3)
    normalized = cli(tmp_path, capsys, "merged.xlsx", data, command="normalize")
    names = [row["company"] for row in csv.DictReader(io.StringIO(normalized.output.read_text(encoding="utf-8-sig")))]
    assert names == ["Acme", "Acme", "Beta"]
    at = assert_kept_by_app("merged.xlsx", data, 3)
    assert companies(at) == ["Acme", "Acme", "Beta"]


def test_a_thousand_columns_that_are_empty_past_the_data_are_read(tmp_path, capsys):
    """A sheet's used range saved as CSV: every line ends in hundreds of empty cells."""
    padding = "," * 996
    data = csv_bytes(HEADER + padding, *[row + padding for row in GOOD_ROWS])
    report = assert_kept(cli(tmp_path, capsys, "padded.csv", data), 3)
    assert report["columns"]["company"] == "Company" and report["columns"]["outcome"] == "Status"
    at = assert_kept_by_app("padded.csv", data, 3)
    assert companies(at) == ["Acme", "Beta", "Gamma"]


def test_a_wide_row_past_the_sample_still_counts_against_the_column_limit(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(limits, "MAX_COLUMNS", 6)
    padding = "," * 10
    lines = [HEADER + padding] + [f"Company {i},Analyst,2026-09-01,Rejected{padding}" for i in range(60)]
    data = csv_bytes(*lines, "Late,Analyst,2026-09-02,Rejected" + padding + "surprise")
    sentence = assert_refused_by_cli(cli(tmp_path, capsys, "late.csv", data), tmp_path, "more than 6 columns")
    assert_refused_by_app("late.csv", data, sentence)


def test_duplicate_header_names_are_told_apart(tmp_path, capsys):
    data = csv_bytes("Company,Company,Role,Date Applied,Status,Status",
                     "Acme,Acme Ltd,Analyst,2026-09-01,Rejected,Closed", "Beta,Beta plc,Developer,2026-09-02,Offer,Open")
    report = assert_kept(cli(tmp_path, capsys, "twins.csv", data), 2)
    assert report["columns"]["company"] in ("Company", "Company (2)")
    assert report["outcomes"]["rejected"] + report["outcomes"]["offer"] == 2
    at = assert_kept_by_app("twins.csv", data, 2)
    columns = [str(name) for name in at.session_state["app_context"].loaded.raw.frame.columns]
    assert columns == ["Company", "Company (2)", "Role", "Date Applied", "Status", "Status (2)"]


def test_a_mostly_utf8_file_with_a_few_cp1252_bytes_reads_both(tmp_path, capsys):
    utf8 = csv_bytes(HEADER, "Café Müller,Data Analyst,2026-09-01,Rejected", "Zürich Løsninger,Analyst,2026-09-02,Offer")
    data = utf8 + b"Soci\xe9t\xe9 G\xe9n\xe9rale,Analyst,2026-09-03,Rejected\n"  # a line saved by an older program
    assert_kept(cli(tmp_path, capsys, "mixed.csv", data), 3)
    normalized = cli(tmp_path, capsys, "mixed.csv", data, command="normalize")
    names = [row["company"] for row in csv.DictReader(io.StringIO(normalized.output.read_text(encoding="utf-8-sig")))]
    expected = ["Café Müller", "Zürich Løsninger", "Société Générale"]
    assert names == expected
    at = assert_kept_by_app("mixed.csv", data, 3)
    assert companies(at) == expected


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_dates_far_in_the_past_or_future_are_unreadable_and_their_rows_kept(kind, tmp_path, capsys):
    dates = [dt.datetime(1900, 1, 1), dt.datetime(2999, 12, 31), dt.datetime(2026, 9, 3)]
    rows = [[company, "Analyst", day if kind == "xlsx" else day.date().isoformat(), "Rejected"]
            for company, day in zip(("Acme", "Beta", "Gamma"), dates)]
    if kind == "csv":
        data = csv_bytes(HEADER, *[",".join(row) for row in rows])
    else:
        data = workbook([HEADER.split(","), *rows])
    name = f"dates.{kind}"
    report = assert_kept(cli(tmp_path, capsys, name, data), 3, unreadable=[2, 3])
    reasons = [item["reason"] for item in report["unreadable_dates"]]
    assert "1900-01-01" in reasons[0] and "2999-12-31" in reasons[1]
    assert any("2 date cells could not be read" in warning for warning in report["warnings"])
    assert report["period"] == ["2026-09-03", "2026-09-03"]
    at = assert_kept_by_app(name, data, 3, unreadable=2)
    assert list(table(at, "Date cells that could not be read")["row"]) == [2, 3]


def test_at_the_row_limit_every_row_is_kept(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(limits, "MAX_ROWS", 10)
    data = rows_csv(10)
    assert_kept(cli(tmp_path, capsys, "ten.csv", data), 10)
    assert_kept_by_app("ten.csv", data, 10)


def test_rows_that_are_not_applications_are_listed_and_the_rest_kept(tmp_path, capsys):
    data = csv_bytes(HEADER, GOOD_ROWS[0], ",,,", HEADER, GOOD_ROWS[1], GOOD_ROWS[1], "Delta,Analyst,,Wishlist",
                     GOOD_ROWS[2], "Total,,,3")
    skipped = [(3, "blank row"), (4, "repeated header"), (6, "exact duplicate of an earlier row"),
               (7, "not applied yet (status says so)"), (9, "total row")]
    assert_kept(cli(tmp_path, capsys, "messy.csv", data), 3, skipped=skipped)
    at = assert_kept_by_app("messy.csv", data, 3, skipped=len(skipped))
    assert list(table(at, "Rows skipped")["row"]) == [row for row, _ in skipped]
    assert companies(at) == ["Acme", "Beta", "Gamma"]
