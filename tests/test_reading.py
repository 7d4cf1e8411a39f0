"""Tests of analysis.reading.tables: encodings, delimiters, workbooks, headers, skipped rows, limits.

Expected numbers were checked by hand: the real files' shapes against Python's csv module,
the fixtures' row numbers against the rows written here.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

import openpyxl
import pytest
from shared_material import REALDATA, require

from analysis.core import limits
from analysis.core.errors import InputError
from analysis.core.schema import SkippedRow
from analysis.reading import tables as reading
from analysis.reading.tables import read_table


def realdata(name: str) -> bytes:
    """A real sample file's bytes (the test is skipped when the folder is absent)."""
    return require(REALDATA / name).read_bytes()


def xlsx(sheets: dict[str, list[list]], hidden: tuple[str, ...] = (), merge: dict[str, str] | None = None) -> bytes:
    """A workbook with one sheet per entry, rows written from A1."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
        if merge and name in merge:
            sheet.merge_cells(merge[name])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods(rows: list[list[str]]) -> bytes:
    """A minimal OpenDocument spreadsheet (mimetype, manifest, content) with text cells."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    body = "".join("<table:table-row>" + "".join(
        f'<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>'
        for cell in row) + "</table:table-row>" for row in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="Jobs">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# --- real files ---------------------------------------------------------------------------

REAL_SHAPES = {  # rows and columns counted with Python's csv module; every header is on row 1
    "NakuraMino_Recruitment_Sankey_Diagram__applications2020.csv": (135, 9, "Company"),
    "NakuraMino_Recruitment_Sankey_Diagram__applications2021.csv": (52, 9, "Company"),
    "TimHanneman_Job-Application-Statistics__Merged.csv": (177, 23, "Company"),
    "Yleisnero_joblytics__data_aggregate.csv": (6, 6, "Type"),
    "altaiiiir_JobSankey__job_applications.csv": (4, 5, "Name"),
    # 8 columns, less "Question And Answers" (screening answers, dropped unread)
    "clemenspecinovsky_AMS-Data-import__LinkedIn_Job_Applications_REDACTED.csv": (118, 7, "Application Date"),
    "jbhunt_job-search-eda__jsdata.csv": (88, 17, "job_title"),
    "sandervw_job-search__job_applications.csv": (88, 7, "company_name"),
    "smpotts_jobsearch-sankey__example_job_search_transitions.csv": (189, 3, "Company"),
    "smpotts_jobsearch-sankey__jobs_2025_V1_Status-Table_1.csv": (199, 9, "Company"),
}


@pytest.mark.parametrize("name", sorted(REAL_SHAPES))
def test_real_files_load_with_their_shape(name):
    rows, columns, first = REAL_SHAPES[name]
    table = read_table(realdata(name), name)
    assert table.frame.shape == (rows, columns)
    assert table.frame.columns[0] == first
    assert (table.file_kind, table.delimiter, table.encoding, table.header_row) == ("csv", ",", "utf-8", 1)
    assert table.skipped == ()
    assert table.row_numbers == tuple(range(2, rows + 2))
    assert table.dropped_columns == (("Question And Answers",) if "LinkedIn" in name else ())


def test_real_header_with_trailing_space_is_trimmed():
    table = read_table(realdata("TimHanneman_Job-Application-Statistics__Merged.csv"), "merged.csv")
    assert "Paid?" in table.frame.columns
    first = table.frame.iloc[0]
    assert (first["Company"], first["Date sent"], first["Salary.Amount"]) == ("Monterey County", "11/14/2021", "55,000")


def test_real_null_literals_are_blank():
    table = read_table(realdata("sandervw_job-search__job_applications.csv"), "apps.csv")
    first = table.frame.iloc[0]
    assert (first["company_name"], first["response_date"], first["notes"]) == ("Oneleet", "", "")
    assert not table.frame.isin(["null"]).any().any()


def test_real_linkedin_quoted_dates_and_stage_history_stay_whole():
    table = read_table(realdata("clemenspecinovsky_AMS-Data-import__LinkedIn_Job_Applications_REDACTED.csv"), "j.csv")
    assert table.frame["Application Date"].iloc[0] == "11/23/24, 11:39 PM"
    history = read_table(realdata("altaiiiir_JobSankey__job_applications.csv"), "j.csv").frame["Stage History"]
    assert history.iloc[0].startswith("[{'stage': 'Applied'") and history.iloc[0].endswith("}]")


def test_real_wishlist_rows_with_only_a_company_are_kept():
    table = read_table(realdata("NakuraMino_Recruitment_Sankey_Diagram__applications2020.csv"), "a.csv")
    netflix = table.frame.index[table.frame["Company"] == "Netflix"][0]
    assert table.row_numbers[netflix] == 8  # line 8 of the file: "Netflix,,,,,,,,"
    assert table.frame.loc[netflix, "Role name"] == ""


# --- delimiters and encodings -------------------------------------------------------------

def test_semicolon_file_with_decimal_commas():
    data = b"Firma;Stelle;Gehalt\nACME;Analyst;55,5\nBeta;Dev;60,25\n"
    table = read_table(data, "a.csv")
    assert table.delimiter == ";"
    assert table.frame.to_dict("list") == {"Firma": ["ACME", "Beta"], "Stelle": ["Analyst", "Dev"],
                                           "Gehalt": ["55,5", "60,25"]}


def test_tab_file_whose_text_holds_commas():
    data = b"Company\tLocation\tStatus\nAcme\tDenver, CO\tRejected\nBeta\tAustin, TX\tOffer\n"
    table = read_table(data, "a.txt")
    assert table.delimiter == "\t"
    assert table.frame["Location"].tolist() == ["Denver, CO", "Austin, TX"]


def test_pipe_file():
    table = read_table(b"Company|Role\nAcme|Analyst\nBeta|Dev\n", "a.txt")
    assert table.delimiter == "|"
    assert table.frame.shape == (2, 2)


def test_comma_file_with_quoted_semicolons_and_pipes():
    data = b'Company,Note\nAcme,"a; b; c | d"\nBeta,"x; y"\n'
    table = read_table(data, "a.csv")
    assert table.delimiter == ","
    assert table.frame["Note"].tolist() == ["a; b; c | d", "x; y"]


def test_utf16_with_bom_tab_separated_as_excel_unicode_text():
    text = "Company\tStatus\nCafé Müller\tRejected\nZürich AG\tOffer\n"
    for bom, codec, name in ((b"\xff\xfe", "utf-16-le", "utf-16-le"), (b"\xfe\xff", "utf-16-be", "utf-16-be")):
        table = read_table(bom + text.encode(codec), "unicode.txt")
        assert (table.encoding, table.delimiter) == (name, "\t")
        assert table.frame["Company"].tolist() == ["Café Müller", "Zürich AG"]


def test_utf16_without_bom_is_recognised():
    table = read_table("Company,Status\nAcme,Offer\n".encode("utf-16-le"), "a.csv")
    assert table.encoding == "utf-16-le"
    assert table.frame.to_dict("list") == {"Company": ["Acme"], "Status": ["Offer"]}


def test_utf8_with_bom():
    table = read_table("\ufeffCompany,Status\nÉcole,Offer\n".encode("utf-8"), "a.csv")
    assert table.encoding == "utf-8-sig"
    assert list(table.frame.columns) == ["Company", "Status"]
    assert table.frame["Company"].tolist() == ["École"]


def test_cp1252_with_accents_and_euro():
    data = "Entreprise;Salaire;Note\nSociété Générale;45 000 €;très bien\n".encode("cp1252")
    table = read_table(data, "a.csv")
    assert table.encoding == "cp1252"
    assert table.frame.iloc[0].tolist() == ["Société Générale", "45 000 €", "très bien"]


def test_latin1_fallback_for_bytes_cp1252_does_not_define():
    data = b"Company,Note\nAcme,caf\xe9 \x81\n"  # 0x81 is undefined in cp1252
    table = read_table(data, "a.csv")
    assert table.encoding == "latin-1"
    assert table.frame["Note"].iloc[0] == "café \x81"


# --- awkward text -------------------------------------------------------------------------

def test_quoted_newlines_count_as_one_row_like_a_spreadsheet():
    data = b'Company,Feedback\nAcme,"line one\nline two"\nBeta,short\n'
    table = read_table(data, "a.csv")
    assert table.frame["Feedback"].tolist() == ["line one\nline two", "short"]
    assert table.row_numbers == (2, 3)


def test_ragged_rows_widen_the_table_and_pad_short_rows():
    lines = ["Company,Role,Status"] + [f"C{i},R,Applied" for i in range(60)] + ["Late,R,Applied,extra,more", "Short"]
    table = read_table("\n".join(lines).encode(), "a.csv")
    assert list(table.frame.columns) == ["Company", "Role", "Status", "Column 4", "Column 5"]
    assert table.frame.iloc[60].tolist() == ["Late", "R", "Applied", "extra", "more"]
    assert table.frame.iloc[61].tolist() == ["Short", "", "", "", ""]
    assert table.row_numbers[-1] == 63


def test_unclosed_quote_does_not_swallow_the_file():
    data = b'Company,Note\nAcme,"never closed\nBeta,fine\nGamma,fine\n'
    table = read_table(data, "a.csv")
    assert table.frame["Company"].tolist() == ["Acme", "Beta", "Gamma"]
    assert table.row_numbers == (2, 3, 4)


def test_stray_quote_inside_a_field_is_kept():
    table = read_table(b'Company,Note\nAcme,5" screen\n', "a.csv")
    assert table.frame["Note"].tolist() == ['5" screen']


def test_ten_megabyte_cell_loads():
    data = b"Company,Notes\nAcme," + b"x" * 10_000_000 + b"\nBeta,short\n"
    table = read_table(data, "a.csv")
    assert table.frame.shape == (2, 2)
    assert len(table.frame["Notes"].iloc[0]) == 10_000_000


def test_ten_megabyte_line_of_delimiters_is_refused_by_the_column_limit():
    with pytest.raises(InputError, match="more than 500 columns"):
        read_table(b"," * 10_000_000, "a.csv")


def test_ten_megabyte_single_line_without_delimiters_has_no_data():
    with pytest.raises(InputError, match="header but no rows of data"):
        read_table(b"x" * 10_000_000, "a.csv")


def test_null_words_are_blank_but_other_markers_are_kept():
    data = b"Company,A,B,C,D,E\nAcme,null,NULL,None,nan,n/a\nBeta,-,N/A,NaN,yes,\n"
    frame = read_table(data, "a.csv").frame
    assert frame.iloc[0].tolist() == ["Acme", "", "", "", "", "n/a"]
    assert frame.iloc[1].tolist() == ["Beta", "-", "N/A", "NaN", "yes", ""]


def test_text_cells_are_strings_with_empty_for_blank():
    frame = read_table(b"Company,Salary\nAcme,55000\nBeta,\n", "a.csv").frame
    assert all(str(dtype) == "str" for dtype in frame.dtypes)
    assert frame["Salary"].tolist() == ["55000", ""]


def test_old_mac_line_endings():
    table = read_table(b"Company,Status\rAcme,Offer\rBeta,Rejected\r", "a.csv")
    assert table.frame["Status"].tolist() == ["Offer", "Rejected"]


# --- header, names and skipped rows -------------------------------------------------------

def test_title_rows_above_the_header_in_a_csv():
    data = b"My job search 2024,,\nExported 2024-11-05,,\n,,\nCompany,Role,Status\nAcme,Analyst,Rejected\n"
    table = read_table(data, "a.csv")
    assert table.header_row == 4
    assert list(table.frame.columns) == ["Company", "Role", "Status"]
    assert table.row_numbers == (5,)


def test_blank_total_and_repeated_header_rows_are_skipped_with_row_numbers():
    data = (b"Company,Role,Status\n"
            b"Acme,Analyst,Rejected\n"     # row 2
            b",,\n"                        # row 3 blank
            b"  ,\t,\n"                    # row 4 blank (whitespace only)
            b"company , ROLE,Status\n"     # row 5 repeated header (case and spaces differ)
            b"Beta,Dev,Offer\n"            # row 6
            b"Total,,2\n"                  # row 7 total
            b",Grand total,2\n")           # row 8 total in the second cell
    table = read_table(data, "a.csv")
    assert table.frame["Company"].tolist() == ["Acme", "Beta"]
    assert table.row_numbers == (2, 6)
    assert table.skipped == (SkippedRow(3, "blank row"), SkippedRow(4, "blank row"),
                             SkippedRow(5, "repeated header"), SkippedRow(7, "total row"),
                             SkippedRow(8, "total row"))


def test_rows_mentioning_total_in_longer_text_are_kept():
    data = b"Company,Note\nTotal Energies,applied\nSum Corp,applied\n"
    assert read_table(data, "a.csv").frame["Company"].tolist() == ["Total Energies", "Sum Corp"]


def test_duplicate_and_blank_column_names():
    data = b"Name, Name ,,Name (2),Notes\na,b,c,d,e\n"
    table = read_table(data, "a.csv")
    assert list(table.frame.columns) == ["Name", "Name (2)", "Column 3", "Name (2) (2)", "Notes"]


def test_unnamed_empty_trailing_columns_are_dropped():
    table = read_table(b"Company,Status,,\nAcme,Offer,,\nBeta,Rejected,,\n", "a.csv")
    assert list(table.frame.columns) == ["Company", "Status"]


def test_header_cells_with_line_breaks_become_one_line():
    table = read_table(b'"Date\napplied",Company\n2024-01-02,Acme\n', "a.csv")
    assert list(table.frame.columns) == ["Date applied", "Company"]


@pytest.mark.parametrize("data", [b"", b"\n\n\n", b"   \r\n  \r\n", b",,,\n,,,\n"])
def test_empty_files(data):
    with pytest.raises(InputError, match="empty"):
        read_table(data, "a.csv")


@pytest.mark.parametrize("data", [b"Company,Role\n", b"Company,Role\n,\n\n", b"Company,Role\nTotal,\n"])
def test_header_without_data(data):
    with pytest.raises(InputError, match="^The file has a header but no rows of data.$"):
        read_table(data, "a.csv")


# --- workbooks ----------------------------------------------------------------------------

def test_xlsx_native_values_title_rows_and_merged_title():
    rows = [["Job search tracker"], [], ["Company", "Applied", "Salary", "Remote", "Note"],
            ["Acme", dt.datetime(2024, 11, 5, 10, 30), 55000, True, "=not a formula"],
            ["Beta", dt.date(2024, 11, 6), 60000.5, False, None]]
    data = xlsx({"Applications": rows}, merge={"Applications": "A1:E1"})
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["Applications"]["E4"].data_type = "s"  # keep "=not a formula" as text, as a user typed it
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "tracker.xlsx")
    assert (table.file_kind, table.sheet, table.sheets, table.header_row) == ("xlsx", "Applications", ("Applications",), 3)
    assert table.encoding is None and table.delimiter is None
    assert table.row_numbers == (4, 5)
    first, second = table.frame.iloc[0], table.frame.iloc[1]
    assert first["Applied"] == dt.datetime(2024, 11, 5, 10, 30)
    assert first["Salary"] == 55000 and first["Remote"] is True
    assert first["Note"] == "=not a formula"
    assert second["Applied"] in (dt.date(2024, 11, 6), dt.datetime(2024, 11, 6))
    # A column of text only is read as a text file's is ("" for blank); other columns keep None for blank.
    assert second["Salary"] == 60000.5 and second["Note"] == "" and table.frame["Note"].dtype == "str"
    assert table.frame["Applied"].dtype == object and table.frame["Company"].tolist() == ["Acme", "Beta"]


def test_xlsx_table_starting_lower_right_keeps_sheet_row_numbers():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet["C3"] = "Applications 2024"
    for offset, row in enumerate([["Company", "Status"], ["Acme", "Offer"], ["Beta", "Rejected"]]):
        for column, value in enumerate(row):
            sheet.cell(row=5 + offset, column=3 + column, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "a.xlsx")
    assert table.header_row == 5
    assert table.row_numbers == (6, 7)
    assert table.frame.to_dict("list") == {"Company": ["Acme", "Beta"], "Status": ["Offer", "Rejected"]}


def test_xlsx_chooses_the_data_sheet_over_readme_and_stats():
    data = xlsx({
        "README": [["How to use this tracker"], ["Fill one row per application."], ["Colours mean status."]],
        "Stats": [["Status", "Count"], ["Rejected", 12], ["Offer", 1]],
        "Log": [["Company", "Role", "Date applied", "Status"], ["Acme", "Analyst", "2024-01-02", "Rejected"],
                ["Beta", "Dev", "2024-01-03", "Offer"]],
        "Secret": [["Company", "Role", "Status", "Date applied", "Source"]] + [["x", "y", "z", "w", "v"]] * 50,
    }, hidden=("Secret",))
    table = read_table(data, "a.xlsx")
    assert table.sheet == "Log"
    assert table.sheets == ("README", "Stats", "Log", "Secret")
    assert table.frame.shape == (2, 4)


def test_xlsx_sheet_chosen_by_name_ignoring_case():
    data = xlsx({"Log": [["Company"], ["Acme"]], "Old": [["Company"], ["Zeta"], ["Eta"]]})
    assert read_table(data, "a.xlsx", sheet="old").frame["Company"].tolist() == ["Zeta", "Eta"]
    assert read_table(data, "a.xlsx", sheet="Log").sheet == "Log"


def test_xlsx_unknown_sheet_lists_the_sheets():
    data = xlsx({"Log": [["Company"], ["Acme"]], "Old": [["Company"], ["Zeta"]]})
    with pytest.raises(InputError, match="There is no sheet named 'New'; the workbook has 'Log', 'Old'."):
        read_table(data, "a.xlsx", sheet="New")


def test_xlsx_total_row_repeated_header_and_blank_rows():
    rows = [["Company", "Status"], ["Acme", "Offer"], [None, "   "], ["Company", "Status"],
            ["Beta", "Rejected"], ["TOTAL", 2], ["null", "None"]]
    table = read_table(xlsx({"Jobs": rows}), "a.xlsx")
    assert table.frame["Company"].tolist() == ["Acme", "Beta"]
    assert table.row_numbers == (2, 5)
    assert table.skipped == (SkippedRow(3, "blank row"), SkippedRow(4, "repeated header"),
                             SkippedRow(6, "total row"), SkippedRow(7, "blank row"))


def test_xlsx_header_only_and_empty_workbook():
    with pytest.raises(InputError, match="header but no rows of data"):
        read_table(xlsx({"Jobs": [["Company", "Status"]]}), "a.xlsx")
    with pytest.raises(InputError, match="empty"):
        read_table(xlsx({"Jobs": []}), "a.xlsx")


def test_xlsx_detected_from_bytes_not_name_and_csv_named_xlsx_read_as_text():
    data = xlsx({"Jobs": [["Company"], ["Acme"]]})
    assert read_table(data, "export.csv").file_kind == "xlsx"
    assert read_table(data, "macro.xlsm").file_kind == "xlsm"
    assert read_table(b"Company\nAcme\n", "fake.xlsx").file_kind == "csv"


def test_ods_workbook():
    table = read_table(ods([["Title of my list"], ["Company", "Status"], ["Acme", "Offer"]]), "a.ods")
    assert (table.file_kind, table.sheet, table.header_row) == ("ods", "Jobs", 2)
    assert table.frame.to_dict("list") == {"Company": ["Acme"], "Status": ["Offer"]}


# --- files that are refused ---------------------------------------------------------------

def zip_with(name: str, size: int, level: int) -> bytes:
    """A zip with one member of ``size`` zero bytes, streamed so memory stays small."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open(name, "w", force_zip64=True) as member:
            chunk = bytes(1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return buffer.getvalue()


def test_zip_bomb_refused_from_its_directory_before_parsing():
    data = zip_with("xl/worksheets/sheet1.xml", 600 << 20, level=1)  # 600 MB of zeros, about 3 MB packed
    assert len(data) < 5_000_000
    with pytest.raises(InputError, match="unpacks to 600 MB, more than the 500 MB"):
        read_table(data, "bomb.xlsx")


def test_zip_bomb_below_the_size_limit_refused_by_its_ratio():
    data = zip_with("xl/worksheets/sheet1.xml", 64 << 20, level=9)  # about 1000:1
    with pytest.raises(InputError, match="zip bomb"):
        read_table(data, "bomb.xlsx")


def test_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("applications.csv", "Company\nAcme\n")
    with pytest.raises(InputError, match="zip archive, not a spreadsheet"):
        read_table(buffer.getvalue(), "a.zip")


def test_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    with pytest.raises(InputError, match="Word or PowerPoint"):
        read_table(buffer.getvalue(), "a.xlsx")


def test_damaged_zip_and_damaged_workbook():
    with pytest.raises(InputError, match="could not be read"):
        read_table(b"PK\x03\x04" + os.urandom(2000), "a.xlsx")
    good = xlsx({"Jobs": [["Company"], ["Acme"]]})
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            body = b"<not xml" if item.filename.startswith("xl/worksheets/") else source.read(item)
            target.writestr(item, body)
    with pytest.raises(InputError, match="could not be read"):
        read_table(buffer.getvalue(), "a.xlsx")


def ole_file(entry_name: str) -> bytes:
    """A minimal OLE2 file: the header sector, then a directory sector with one named entry."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors
    entry = bytearray(128)
    name = entry_name.encode("utf-16-le") + b"\x00\x00"
    entry[:len(name)] = name
    entry[64:66] = len(name).to_bytes(2, "little")
    entry[66] = 2  # a stream
    return bytes(header) + bytes(entry) * 4


def test_password_protected_workbook():
    for name in ("EncryptedPackage", "EncryptionInfo"):
        with pytest.raises(InputError, match="^This workbook is password-protected; save a copy "
                                             "without a password and upload that.$"):
            read_table(ole_file(name), "secret.xlsx")


def test_ole_file_that_is_not_a_readable_workbook():
    with pytest.raises(InputError, match="could not be read"):
        read_table(ole_file("WordDocument"), "old.xls")


def test_encryption_name_inside_cell_text_is_not_mistaken_for_a_directory_entry():
    data = ole_file("Workbook") + b"\x00" * 7 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(InputError, match="could not be read"):
        read_table(data, "old.xls")


def test_random_bytes_and_other_binary_files():
    rng = __import__("random").Random(7)
    noise = bytes(rng.randrange(256) for _ in range(5000))
    for data, name in ((noise, "a.csv"), (noise, "a.xlsx"), (b"%PDF-1.7\n" + noise, "cv.pdf"),
                       (b"\x89PNG\r\n\x1a\n" + noise, "a.png")):
        with pytest.raises(InputError, match="does not look like a spreadsheet"):
            read_table(data, name)


def test_html_saved_as_xls():
    with pytest.raises(InputError, match="web page"):
        read_table(b"<html><body><table><tr><td>Company</td></tr></table></body></html>", "export.xls")


# --- limits -------------------------------------------------------------------------------

def test_upload_size_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_UPLOAD_BYTES", 2 * 1024 * 1024)
    with pytest.raises(InputError, match="^The file is 3 MB, more than the 2 MB this app reads"):
        read_table(b"Company\n" + b"Acme\n" * 629_146, "a.csv")


def test_row_limit_for_text_and_workbooks(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 10)
    assert len(read_table(b"Company\n" + b"Acme\n" * 10, "a.csv").frame) == 10
    with pytest.raises(InputError, match="more than 10 rows"):
        read_table(b"Company\n" + b"Acme\n" * 11, "a.csv")
    with pytest.raises(InputError, match="more than 10 rows"):
        read_table(b"Company\n" + b"Acme\n" * 500, "a.csv")
    with pytest.raises(InputError, match="more than 10 rows"):
        read_table(xlsx({"Jobs": [["Company"]] + [["Acme"]] * 50}), "a.xlsx")


def test_column_limit_for_text_and_workbooks(monkeypatch):
    monkeypatch.setattr(limits, "MAX_COLUMNS", 5)
    assert read_table(b"a,b,c,d,e\n1,2,3,4,5\n", "a.csv").frame.shape == (1, 5)
    with pytest.raises(InputError, match="more than 5 columns"):
        read_table(b"a,b,c,d,e,f\n1,2,3,4,5,6\n", "a.csv")
    with pytest.raises(InputError, match="more than 5 columns"):
        read_table(b"a,b\n" + b"1,2\n" * 60 + b"1,2,3,4,5,6,7\n", "a.csv")
    with pytest.raises(InputError, match="more than the 5 this app reads"):
        read_table(xlsx({"Jobs": [list("abcdefg"), list("1234567")]}), "a.xlsx")


def test_reader_module_keeps_its_limits_in_limits_module():
    assert limits.MAX_DECOMPRESSED_BYTES == 500 * 1024 * 1024
    assert (limits.MAX_ROWS, limits.MAX_COLUMNS) == (2_000_000, 500)
    assert "streamlit" not in reading.__dict__


def test_company_called_total_is_an_application_not_a_total_row():
    data = b"Company,Role,Status\nTotal,Geologist,Rejected\nTotal,,3\n"
    table = read_table(data, "a.csv")
    assert table.frame["Role"].tolist() == ["Geologist"]
    assert table.skipped == (SkippedRow(3, "total row"),)


def test_legacy_xls_workbook():
    xlwt = pytest.importorskip("xlwt", reason="xlwt writes the .xls fixture")
    book = xlwt.Workbook()
    notes = book.add_sheet("Notes")
    notes.write(0, 0, "Read me first")
    sheet = book.add_sheet("Applications")
    sheet.write(0, 0, "My applications")
    for column, value in enumerate(["Company", "Applied", "Status"]):
        sheet.write(2, column, value)
    sheet.write(3, 0, "Acme")
    sheet.write(3, 1, dt.datetime(2024, 11, 5), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    sheet.write(3, 2, "Rejected")
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "old.xls")
    assert (table.file_kind, table.sheet, table.sheets, table.header_row) == ("xls", "Applications", ("Notes", "Applications"), 3)
    assert table.row_numbers == (4,)
    row = table.frame.iloc[0]
    assert row["Company"] == "Acme" and row["Status"] == "Rejected"
    assert row["Applied"] in (dt.date(2024, 11, 5), dt.datetime(2024, 11, 5))
