"""The readers' fast paths give what the slow ones gave: workbook columns converted once, Arrow's CSV
parser, the UTF-8 check without decoding, blank cells (analysis.reading.cells, text, sniffing)."""
from __future__ import annotations

import datetime as dt
import io
from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.core.errors import InputError
from analysis.reading.cells import blank_column, grid_frame
from analysis.reading.sniffing import _is_utf8, decode_text
from analysis.reading.text import _arrow_grid, _quote_left_open, parse_text


def _pandas_grid(data: bytes, width: int) -> pd.DataFrame | str:
    """What pandas' C parser reads (the path taken before Arrow's), or "error"."""
    try:
        grid = pd.read_csv(io.BytesIO(data), sep=",", header=None, names=range(width), index_col=False,
                           dtype="string[pyarrow]", keep_default_na=False, na_values=["null", "NULL", "None", "nan"],
                           skip_blank_lines=False, engine="c", encoding="utf-8")
    except ValueError:
        return "error"
    return grid.astype("str").fillna("")


# --- workbook grids ----------------------------------------------------------------------------

def test_grid_frame_reads_text_columns_as_strings_and_keeps_other_cells():
    cells = np.array([["Company", "Applied", "Salary"],
                      ["Acme", dt.datetime(2025, 3, 1), 50_000.0],
                      [None, "No Response", None],
                      ["null", None, "NULL"],
                      ["  ", dt.date(2025, 3, 4), 1.5]], dtype=object)
    frame = grid_frame(cells)
    assert frame[0].dtype == "str"
    assert frame[0].tolist() == ["Company", "Acme", "", "", "  "]  # blank and "null" read as "", spaces kept
    assert frame[1].dtype == object and frame[2].dtype == object
    assert frame[1].tolist() == ["Applied", dt.datetime(2025, 3, 1), "No Response", None, dt.date(2025, 3, 4)]
    assert frame[2].tolist() == ["Salary", 50_000.0, None, None, 1.5]
    assert list(frame.columns) == [0, 1, 2] and list(frame.index) == [0, 1, 2, 3, 4]


def test_blank_column_agrees_for_text_objects_and_mixed_cells():
    values = ["", " ", "  x", "x ", None, "\u3000", "\t\n", "abc", "é"]
    expected = [True, True, False, False, True, True, True, False, False]
    assert blank_column(pd.Series(values, dtype="str")).tolist() == expected
    assert blank_column(pd.Series(values, dtype=object)).tolist() == expected
    mixed = pd.Series([dt.date(2025, 1, 2), None, " ", 3.0, float("nan"), pd.NaT, "No Response", ""], dtype=object)
    assert blank_column(mixed).tolist() == [False, True, True, False, True, True, False, True]


# --- CSV through Arrow ------------------------------------------------------------------------

@pytest.mark.parametrize("data, open_at_end", [
    (b'a,b\n"c,d",e\n', False),
    (b'a,"b\n', True),                     # a quoted field never closed
    (b'a,b"c\nd,"e\n', True),              # a literal quote mid-field, then an open one
    (b'a,b"c\nd,e"\n', False),             # two literal quotes
    (b'a,"x""y"\n', False),                # an escaped quote inside a closed field
    (b'a,"x""\n', True),                   # an escaped quote, the field still open
    (b'"",""""\n', False),                 # an empty field and a field holding one quote
    (b"no quotes at all\n", False),
])
def test_quote_left_open_matches_pandas_parser(data, open_at_end):
    assert _quote_left_open(data, ",") is open_at_end
    with_pandas = _pandas_grid(data, 2)
    assert (with_pandas == "error") is open_at_end if isinstance(with_pandas, str) else not open_at_end


def test_arrow_grid_reads_blank_lines_quotes_and_null_words_as_pandas_does():
    data = 'Company,Feedback\nAcme,"Said ""no""\nthen left"\n\nnull,é\r\nBeta,\n'.encode()
    grid = _arrow_grid(data, ",", 2, 100)
    assert grid[0].tolist() == ["Company", "Acme", "", "", "Beta"]
    assert grid[1].tolist() == ["Feedback", 'Said "no"\nthen left', "", "é", ""]
    assert grid[0].dtype == "str"
    pd.testing.assert_frame_equal(grid, _pandas_grid(data, 2), check_index_type=False, check_column_type=False)


def test_arrow_grid_leaves_ragged_rows_and_open_quotes_to_the_other_parsers():
    assert _arrow_grid(b"a,b\nc\n", ",", 2, 100) is None
    assert _arrow_grid(b'a,b\nc,"d\n', ",", 2, 100) is None
    assert parse_text("a,b\nc\n", ",", b"a,b\nc\n")[1].tolist() == ["b", ""]  # padded, as before


def test_arrow_grid_stops_at_the_row_cap():
    assert len(_arrow_grid(b"a\n" * 50, ",", 1, 7)) == 7


CELL = st.text(alphabet=st.sampled_from(list('ab ,"\n\r\té')), max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(CELL, min_size=1, max_size=12))
def test_parse_text_reads_random_files_as_without_arrow(cells):
    text = ",".join(cells)
    with_arrow = parse_text(text, ",", text.encode())
    with mock.patch("analysis.reading.text._arrow_grid", return_value=None):  # pandas' and the lenient parser
        without = parse_text(text, ",", text.encode())
    assert with_arrow.to_numpy().tolist() == without.to_numpy().tolist()
    assert list(with_arrow.columns) == list(without.columns)


# --- encodings --------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"plain", "Caf\u00e9 \u20ac \U0001f600".encode(), b"\xc3", b"\xed\xa0\x80",
                                  b"\xc0\xaf", b"\xf4\x90\x80\x80", b"caf\xe9", b""])
def test_utf8_check_agrees_with_python(data):
    try:
        data.decode("utf-8")
        valid = True
    except UnicodeDecodeError:
        valid = False
    assert _is_utf8(data) is valid


def test_decode_text_sample_keeps_only_the_start_of_a_utf8_file():
    data = ("Company,Role\n" + "Société,Ingénieur\n" * 1000).encode()  # 13 + 7 characters: up to "Société"
    text, encoding = decode_text(data, sample=20)
    assert (text, encoding) == ("Company,Role\nSociété", "utf-8")
    text, encoding = decode_text(b"\xef\xbb\xbf" + data, sample=20)
    assert (text, encoding) == ("Company,Role\nSociété", "utf-8-sig")
    assert decode_text("Société".encode("cp1252"), sample=3) == ("Société", "cp1252")  # the whole text
    with pytest.raises(InputError):
        decode_text(b"<html><body>not a table</body></html>", sample=10)
