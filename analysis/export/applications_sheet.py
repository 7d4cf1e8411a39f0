"""The Applications sheet of the Excel workbook, streamed as sheet XML a block of rows at a time.

A million applications are 14 million cells: written one cell at a time by a workbook library
(openpyxl, even write-only, or xlsxwriter) that takes minutes on a 2-core machine. Here each
block of rows is turned into sheet XML column by column with Arrow's string kernels, and the XML
goes straight into the workbook's zip entry, so memory stays at one block's size. Text cells
pass the same guard as every other cell (characters a workbook cannot hold dropped, formula
starts neutralised with a leading apostrophe, at most 32,767 characters) and are written as
inline strings, never as formulas; dates carry a date style, shared by the whole column.

The rest of the workbook is written by openpyxl with this sheet holding only its header; then
:func:`stream_rows_into` copies the workbook, filling the sheet's rows in.
"""
from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from openpyxl.utils import get_column_letter

from analysis.core.safety import FORMULA_STARTS

BLOCK_ROWS = 10_000
MAX_CELL_CHARS = 32_767
DATE_COLUMNS = ("applied_on", "responded_on", "last_update")
EXCEL_EPOCH = np.datetime64("1899-12-30", "ns")
_ILLEGAL = "[\x00-\x08\x0b\x0c\x0e-\x1f]"  # control characters XML 1.0 cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE)
_FORMULA = "^([" + "".join(re.escape(start) for start in FORMULA_STARTS) + "])"
_XML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))


@dataclass(frozen=True)
class StreamedSheet:
    """Where the rows go: the sheet's zip entry, the table, its columns and the date style's index."""

    entry: str
    applications: pd.DataFrame
    columns: tuple[str, ...]
    date_style: int


def safe_text_column(values: pa.Array) -> pa.Array:
    """Text cells as a workbook can hold them and cannot run (as ``excel.safe_text``), XML-escaped."""
    text = pc.replace_substring_regex(values, _ILLEGAL, "")
    text = pc.replace_substring_regex(text, _FORMULA, "'\\1")
    text = pc.utf8_slice_codeunits(text, 0, MAX_CELL_CHARS)
    for character, escaped in _XML_ESCAPES:
        text = pc.replace_substring(text, character, escaped)
    return text


def _as_text(column: pd.Series) -> pa.Array:
    """A column's cells as Arrow strings, null where blank."""
    if column.dtype == object or not pd.api.types.is_string_dtype(column.dtype):
        column = column.astype(object).where(column.notna(), "").astype(str)
    text = pa.array(column, type=pa.string(), from_pandas=True)
    return pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)


def _cells(name: str, column: pd.Series, letter: str, rows: pa.Array, date_style: int) -> pa.Array:
    """One column's cell XML for a block of rows (null for a blank cell, which is left out)."""
    reference = pc.binary_join_element_wise(f'<c r="{letter}', rows, "")
    if name in DATE_COLUMNS:
        days = (column.to_numpy(dtype="datetime64[ns]") - EXCEL_EPOCH) / np.timedelta64(1, "D")
        serial = pc.cast(pa.array(days, from_pandas=True), pa.string())
        return pc.binary_join_element_wise(reference, f'" s="{date_style}"><v>', serial, "</v></c>", "")
    if name == "outcome_inferred":
        flags = pa.array(np.where(column.to_numpy(dtype=bool), "1", "0"))
        return pc.binary_join_element_wise(reference, '" t="b"><v>', flags, "</v></c>", "")
    if name == "source_row":
        numbers = pc.cast(pa.array(column.to_numpy(dtype=np.int64)), pa.string())
        return pc.binary_join_element_wise(reference, '"><v>', numbers, "</v></c>", "")
    text = safe_text_column(_as_text(column))
    return pc.binary_join_element_wise(reference, '" t="inlineStr"><is><t>', text,
                                       "</t></is></c>", "")


def rows_xml(sheet: StreamedSheet, first_row: int = 2) -> Iterator[bytes]:
    """The sheet's data rows as XML, one block of :data:`BLOCK_ROWS` rows at a time."""
    table = sheet.applications
    for start in range(0, len(table), BLOCK_ROWS):
        block = table.iloc[start:start + BLOCK_ROWS]
        numbers = pc.cast(pa.array(np.arange(first_row + start, first_row + start + len(block))), pa.string())
        cells = [_cells(name, block[name], get_column_letter(index), numbers, sheet.date_style)
                 for index, name in enumerate(sheet.columns, start=1)]
        row_xml = pc.binary_join_element_wise(
            '<row r="', numbers, '">', *cells, "</row>", "", null_handling="replace", null_replacement="")
        yield _concatenated(row_xml)


def _concatenated(strings: pa.Array | pa.ChunkedArray) -> bytes:
    """The UTF-8 bytes of every string of an Arrow string array without nulls, one after another."""
    parts = []
    for chunk in strings.chunks if isinstance(strings, pa.ChunkedArray) else [strings]:
        if len(chunk):
            width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
            offsets = np.frombuffer(chunk.buffers()[1], dtype=width, count=len(chunk) + 1,
                                    offset=chunk.offset * np.dtype(width).itemsize)
            parts.append(memoryview(chunk.buffers()[2])[offsets[0]:offsets[-1]])
    return b"".join(parts)


def _split_sheet(xml: str, rows: int, width: int) -> tuple[str, str]:
    """The header-only sheet XML cut where the data rows go, its dimension widened to them."""
    last = f"{get_column_letter(max(width, 1))}{rows + 1}"
    xml = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="A1:{last}"/>', xml, count=1)
    end = xml.index("</sheetData>")
    return xml[:end], xml[end:]


def stream_rows_into(workbook: bytes, sheet: StreamedSheet) -> bytes:
    """The workbook's bytes with the sheet's data rows written into its (header-only) XML entry.

    The new workbook is assembled in a temporary file, so its bytes are held once, at the end.
    """
    with tempfile.TemporaryFile() as output:
        with zipfile.ZipFile(io.BytesIO(workbook)) as source, \
                zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
            for item in source.infolist():
                if item.filename != sheet.entry:
                    target.writestr(item, source.read(item.filename), compress_type=zipfile.ZIP_DEFLATED)
                    continue
                head, tail = _split_sheet(source.read(item.filename).decode("utf-8"), len(sheet.applications),
                                          len(sheet.columns))
                with target.open(item.filename, "w", force_zip64=True) as stream:
                    stream.write(head.encode("utf-8"))
                    for block in rows_xml(sheet):
                        stream.write(block)
                    stream.write(tail.encode("utf-8"))
        output.seek(0)
        return output.read()


def column_widths(applications: pd.DataFrame, columns: tuple[str, ...], sample_rows: int = 2000,
                  minimum: int = 8, maximum: int = 40) -> dict[str, float]:
    """Each column's width (letter -> characters) from its header and its first ``sample_rows`` values."""
    widths = {}
    sample = applications.head(sample_rows)
    for index, name in enumerate(columns, start=1):
        if name in DATE_COLUMNS:
            longest = 10
        else:
            shown = sample[name].astype(object).where(sample[name].notna(), "").astype(str)
            longest = int(shown.str.len().max()) if len(shown) else 0
        widths[get_column_letter(index)] = max(minimum, min(maximum, max(longest, len(name)) + 2))
    return widths
