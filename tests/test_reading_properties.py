"""Property tests of analysis.reading.tables: no input crashes it, and no data row goes missing."""
from __future__ import annotations

import csv
import io

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.core.errors import InputError
from analysis.reading.tables import RawTable, read_table

NAMES = st.sampled_from(["a.csv", "a.txt", "a.xlsx", "a.xls", "a.ods", "a"])
MAGIC = st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                         b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
# Cells use commas, quotes, line breaks and spaces but not ; tab or |, so the delimiter is a comma.
CELL = st.text(alphabet=st.sampled_from(list("abcXYZ019 ,\"'\n\r.-/=é€")), max_size=8)
TEXT_CELL = st.one_of(CELL, st.sampled_from(["", " ", "Total", "null", "Company", "company "]))


def read_or_refuse(data: bytes, name: str) -> RawTable | None:
    """read_table's table, or None when it refuses the input with an InputError."""
    try:
        return read_table(data, name)
    except InputError as error:
        message = str(error)
        assert message and "\n" not in message and message.endswith(".")
        return None


def assert_every_data_row_accounted(table: RawTable, records: int) -> None:
    """Each row after the header is either in the frame or skipped, once, in order."""
    kept = list(table.row_numbers)
    skipped = [item.row for item in table.skipped]
    assert len(table.frame) == len(kept)
    assert len(table.frame) + len(table.skipped) == records - table.header_row
    assert sorted(kept + skipped) == list(range(table.header_row + 1, records + 1))
    assert kept == sorted(kept)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=MAGIC, body=st.binary(max_size=2000), name=NAMES)
def test_arbitrary_bytes_only_ever_raise_input_error(prefix, body, name):
    read_or_refuse(prefix + body, name)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400), name=NAMES, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_arbitrary_text_only_ever_raises_input_error(text, name, encoding):
    read_or_refuse(text.encode(encoding, errors="replace"), name)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.lists(TEXT_CELL, max_size=6), min_size=1, max_size=25))
def test_small_csv_tables_account_for_every_row(rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    table = read_or_refuse(buffer.getvalue().encode("utf-8"), "table.csv")
    if table is not None:
        assert_every_data_row_accounted(table, records=len(rows))
        assert table.delimiter == ","


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.lists(st.one_of(st.none(), TEXT_CELL.filter(lambda cell: "\r" not in cell),
                                        st.integers(-5, 5), st.floats(allow_nan=False, allow_infinity=False)),
                              min_size=1, max_size=5), min_size=1, max_size=15))
def test_small_workbooks_account_for_every_row(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_or_refuse(buffer.getvalue(), "table.xlsx")
    if table is not None:
        # calamine starts the table at the first filled row; rows after the header all count
        last = max(index for index, row in enumerate(rows, 1)
                   if any(cell not in (None, "") for cell in row))
        assert_every_data_row_accounted(table, records=last)
