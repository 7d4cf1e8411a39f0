"""Tell what an uploaded file is before parsing it: workbook kind, text encoding, delimiter.

Workbooks are recognised by their magic bytes (zip or OLE2), not by their name, and a zip is
checked against the unpacked-size limits from its directory before anything is decompressed.
Text is decoded by BOM, then UTF-16 without BOM, UTF-8, UTF-8 with a few stray Windows-1252
bytes (a file edited in two programs), Windows-1252 and Latin-1.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

import numpy as np
import pyarrow as pa

from analysis.core import limits
from analysis.core.errors import InputError

DELIMITERS = (",", ";", "\t", "|")
PASSWORD_MESSAGE = "This workbook is password-protected; save a copy without a password and upload that."
DAMAGED_MESSAGE = ("The workbook could not be read, it may be damaged; open it in Excel, save it "
                   "again and upload the new copy.")
_NOT_A_TABLE = ("This file does not look like a spreadsheet or a CSV file; upload an .xlsx, .xls, "
                ".ods or .csv file.")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_STRAY = re.compile("[\udc80-\udcff]+")  # bytes that are not UTF-8, as "surrogateescape" decodes them
_SINGLE_BYTE = {0xDC00 + byte: bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)
                for byte in range(0x80, 0x100)}  # cp1252, else Latin-1 for the five bytes cp1252 leaves out
MIXED_ENCODING = "utf-8 (a few cp1252 bytes)"
QUOTED = re.compile(r'"[^"]*"')


def workbook_kind(data: bytes, filename: str) -> str | None:
    """"xlsx", "xlsm", "xlsb", "ods" or "xls" from the magic bytes; None for text.

    Raises ``InputError`` for a password-protected workbook, a zip over the size limits or one
    that holds no spreadsheet.
    """
    if data.startswith(_ZIP_MAGIC):
        return _zip_kind(data, filename.lower())
    if data.startswith(_OLE_MAGIC):
        if _ole_is_encrypted(data):
            raise InputError(PASSWORD_MESSAGE)
        return "xls"
    return None


def _zip_kind(data: bytes, filename: str) -> str:
    """Check the zip directory against the limits, then tell which workbook it holds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            _check_unpacked_size(members)
            sizes = {member.filename.lower(): member.file_size for member in members}
            small_mimetype = sizes.get("mimetype", 1_000) < 1_000
            mimetype = archive.read("mimetype") if small_mimetype else b""
    except InputError:
        raise
    except Exception as error:  # zipfile raises several types for damaged archives
        raise InputError(DAMAGED_MESSAGE) from error
    if "xl/workbook.xml" in sizes:
        return "xlsm" if filename.endswith(".xlsm") else "xlsx"
    if "xl/workbook.bin" in sizes:
        return "xlsb"
    if "content.xml" in sizes and (b"spreadsheet" in mimetype or filename.endswith(".ods")):
        return "ods"
    if "word/document.xml" in sizes or "ppt/presentation.xml" in sizes:
        raise InputError("This is a Word or PowerPoint file, not a spreadsheet; upload an .xlsx, "
                         ".ods or .csv file.")
    raise InputError("This is a zip archive, not a spreadsheet; unzip it and upload the "
                     "spreadsheet inside.")


def _check_unpacked_size(members: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip whose directory declares too much data, or a member packed like a zip bomb."""
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.MAX_DECOMPRESSED_BYTES:
        raise InputError(f"The workbook unpacks to {limits.megabytes(unpacked)}, more than the "
                         f"{limits.megabytes(limits.MAX_DECOMPRESSED_BYTES)} this app reads; "
                         "delete unused sheets or save the data as CSV.")
    for member in members:
        if (member.file_size > limits.RATIO_CHECK_MIN_BYTES
                and member.file_size > limits.MAX_COMPRESSION_RATIO * max(member.compress_size, 1)):
            raise InputError("The workbook is packed far more tightly than a real spreadsheet "
                             "(a possible zip bomb), so it was not opened; save it again from Excel.")


def _ole_is_encrypted(data: bytes) -> bool:
    """True when an OLE2 file holds an encrypted Office package (a password-protected xlsx).

    Directory entries are 128-byte records starting with the UTF-16 name and its byte length
    at offset 64, so a real entry sits at a multiple of 128 with the matching length.
    """
    for name in ("EncryptedPackage", "EncryptionInfo"):
        needle = name.encode("utf-16-le")
        start = data.find(needle)
        while start != -1:
            length = int.from_bytes(data[start + 64:start + 66], "little")
            if start % 128 == 0 and length == len(needle) + 2:
                return True
            start = data.find(needle, start + 1)
    return False


def decode_text(data: bytes, sample: int | None = None) -> tuple[str, str]:
    """The text and its encoding: a BOM if present, UTF-16 without BOM, UTF-8, cp1252, Latin-1.

    With ``sample``, the text of a UTF-8 file (with or without BOM) is only its first ``sample``
    characters (the whole file is still checked to be UTF-8): a parser reads such a file's bytes
    itself, so its text need not be held beside them. Raises ``InputError`` for binary data and
    for web pages or XML saved as spreadsheets.
    """
    text, encoding = None, None
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = memoryview(data)[len(bom):]
            text = _head(body, sample) if sample and name == "utf-8-sig" else \
                str(body, name.replace("-sig", ""), "replace")
            encoding = name
            break
    if text is None:
        head = data[:4096]
        half = max(len(head) // 2, 1)
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 0.4 * half and even < 0.05 * half:
            text, encoding = data.decode("utf-16-le", errors="replace"), "utf-16-le"
        elif even > 0.4 * half and odd < 0.05 * half:
            text, encoding = data.decode("utf-16-be", errors="replace"), "utf-16-be"
    if text is None:
        text, encoding = _decode_without_bom(data, sample)
    start = text[:65536]
    if "\x00" in start or len(_CONTROL.findall(start)) > max(2, len(start) // 100):
        raise InputError(_NOT_A_TABLE)
    opening = start[:1024].lstrip("\ufeff \t\r\n").lower()
    if opening.startswith(("<!doctype html", "<html", "<table", "<?xml")):
        raise InputError("This file is a web page or XML saved under a spreadsheet name; open it "
                         "in Excel and save it as .xlsx or .csv.")
    return text, encoding


def _head(data: bytes | memoryview, characters: int) -> str:
    """The first ``characters`` characters of UTF-8 bytes, as decoding them all would give them."""
    return str(data[:4 * characters], "utf-8", "replace")[:characters]


def _is_utf8(data: bytes) -> bool:
    """True when the bytes are valid UTF-8, checked by Arrow without decoding them into a string."""
    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    try:
        pa.LargeStringArray.from_buffers(1, offsets, pa.py_buffer(data)).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _decode_without_bom(data: bytes, sample: int | None = None) -> tuple[str, str]:
    """UTF-8 when the bytes are valid UTF-8 (only ``sample`` characters of it when given), else mostly
    UTF-8 with a few Windows-1252 bytes, else Windows-1252, else Latin-1 (never fails)."""
    if _is_utf8(data):
        return (_head(data, sample) if sample else data.decode("utf-8")), "utf-8"
    mixed = _utf8_with_stray_bytes(data)
    if mixed is not None:
        return mixed, MIXED_ENCODING
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _utf8_with_stray_bytes(data: bytes) -> str | None:
    """The text of a UTF-8 file holding a few Windows-1252 bytes ("Café" typed in Excel, "Société"
    pasted from an old export), each stray byte read as cp1252; None when the file is not mostly UTF-8.

    Mostly UTF-8 means at least one in ten non-ASCII characters is a valid UTF-8 sequence: a cp1252
    file has almost none, since its accented letters are single bytes that are not valid UTF-8 on
    their own. (A pair that is valid by chance, such as "Ã©", reads as one letter: a far smaller harm
    than reading every accent of a UTF-8 file as two cp1252 letters.)
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(text) - len(_STRAY.sub("", text))
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - stray
    if multibyte == 0 or 9 * multibyte < stray:
        return None
    return _STRAY.sub(lambda run: run.group().translate(_SINGLE_BYTE), text)


def detect_delimiter(text: str) -> str:
    """The delimiter whose count per line (outside quotes) is most consistent, then most frequent."""
    sample = text[:65536]
    lines = [line for line in QUOTED.sub("", sample).splitlines() if line.strip()]
    if len(text) > len(sample) and len(lines) > 1:
        lines = lines[:-1]  # the sample cuts the last line short
    lines = lines[:50]
    best, best_key = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        counts = Counter(line.count(delimiter) for line in lines)
        mode, times = max(counts.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
        key = (round(times / len(lines), 1), mode) if mode else (0.0, 0)
        if key > best_key:
            best, best_key = delimiter, key
    return best
