"""Date text read into fields (year, month, day, time), before the day/month order is chosen.

Shapes: ISO and year-first dates (``2024-11-05``, ``2024/1/9``, with a time or ``T...Z``),
numeric dates in either order with ``/``, ``.`` or ``-`` (``11/14/2021``, ``03.11.2025``,
``8/5/19``, ``11/23/24, 11:39 PM``), month names in English, German and French (``5 Nov 2024``,
``Nov 5, 24``, ``November 3, 2025``, ``3. November 2025``, ``3 novembre 2025``, ``03 déc. 2025``,
``November 2024``), day-month without a year (``8-Jul``) and Excel serial numbers as text.

The regular expressions run in Arrow over all distinct values at once; numeric dates keep their
first two fields unassigned (``first``, ``second``) so that one order can be chosen for a file.
"""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

FIELD_NAMES = ("year", "year_digits", "month", "day", "first", "second", "hour", "minute", "sec")

_MONTH_NAMES = (
    ("january", "januar", "jänner", "janvier"), ("february", "februar", "février", "fevrier"),
    ("march", "märz", "maerz", "marz", "mrz", "mars"), ("april", "avril", "avr"), ("may", "mai"),
    ("june", "juni", "juin"), ("july", "juli", "juillet", "juil"), ("august", "août", "aout"),
    ("september", "sept"), ("october", "oktober", "octobre"), ("november", "novembre"),
    ("december", "dezember", "décembre", "decembre"),
)


def _month_numbers() -> dict[str, int]:
    """Every spelling of a month and its prefixes of three letters or more; ambiguous prefixes dropped."""
    seen: dict[str, set[int]] = {}
    for number, names in enumerate(_MONTH_NAMES, 1):
        for name in names:
            for size in range(3, len(name) + 1):
                seen.setdefault(name[:size], set()).add(number)
    return {token: numbers.pop() for token, numbers in seen.items() if len(numbers) == 1}


MONTH_NUMBERS = _month_numbers()

_TIME = (r"(?:(?:T|\s*,?\s+)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<sec>\d{2}))?(?:\.\d+)?"
         r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?")
_END = r"(?:$|[^\d:])"  # not followed by another digit or a clock (RE2 has no look-ahead)
# A weekday before the date, in English, German or French ("Tue,", "Mo.", "lundi"): two letters and the rest.
_WEEKDAY = r"(?:(?:mo|tu|we|th|fr|sa|su|di|mi|do|so|lu|ma|me|je|ve)[a-z]*\.?,?\s+)?"
_LETTER = r"[A-Za-z\x{00C0}-\x{00FF}]"  # Latin letters with accents; \p{L} costs RE2 30 ms per compile
_MONTH = r"(?P<mon>" + _LETTER + r"{3,10})\.?"
_ORDINAL = r"(?:st|nd|rd|th|er)?"
NUMERIC = r"^(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P<sep2>[./-])(?P<c>\d{1,4})" + _TIME + _END
MONTH_YEAR = r"(?i)^" + _WEEKDAY + _MONTH + r"[\s,/-]+(?P<year>\d{4})" + _END
DAY_MONTH = (r"(?i)^" + _WEEKDAY + r"(?P<day>\d{1,2})" + _ORDINAL + r"[\s./-]*" + _MONTH
             + r"(?:[\s,./-]+(?P<year>\d{4}|\d{2}))?" + _TIME + _END)
MONTH_DAY = (r"(?i)^" + _WEEKDAY + _MONTH + r"[\s./-]*(?P<day>\d{1,2})" + _ORDINAL
             + r"(?:,?\s*(?P<year>\d{4}|\d{2}))?" + _TIME + _END)
SERIAL = r"^\d{5}(?:\.\d+)?$"


class TextFields:
    """The fields read from trimmed text, one entry per value (NaN where a field is absent).

    ``numeric`` marks numeric dates whose order is open (``first``/``second`` hold the two
    fields); ``dotted`` those written with dots; ``named_day_first``/``named_month_first`` dates
    with a month name written day-first ("3 Nov") or month-first ("Nov 3"); ``serial`` Excel
    serial numbers written as text (``serial_days``).
    """

    def __init__(self, size: int) -> None:
        self.fields = {name: np.full(size, np.nan) for name in FIELD_NAMES}
        self.numeric = np.zeros(size, dtype=bool)
        self.dotted = np.zeros(size, dtype=bool)
        self.named_day_first = np.zeros(size, dtype=bool)
        self.named_month_first = np.zeros(size, dtype=bool)
        self.serial = np.zeros(size, dtype=bool)
        self.serial_days = np.full(size, np.nan)


def read_text_fields(text: pa.Array) -> TextFields:
    """Read trimmed date text into fields, without choosing day-first or month-first."""
    out = TextFields(len(text))
    out.serial = pc.match_substring_regex(text, SERIAL).to_numpy(zero_copy_only=False)
    if out.serial.any():
        out.serial_days[out.serial] = pc.cast(text.filter(pa.array(out.serial)), pa.float64()).to_numpy(
            zero_copy_only=False)
    done = out.serial.copy()
    _read_numeric(text, out, done)
    has_letter = pc.match_substring_regex(text, _LETTER).to_numpy(zero_copy_only=False)
    for pattern, flags in ((MONTH_YEAR, None), (DAY_MONTH, out.named_day_first), (MONTH_DAY, out.named_month_first)):
        rows, groups = _extract(text, np.flatnonzero(has_letter & ~done), pattern)
        if not len(rows):
            continue
        tokens = pc.utf8_lower(groups["mon"]).to_pylist()
        month = np.array([MONTH_NUMBERS.get(token, np.nan) for token in tokens])
        known = ~np.isnan(month)
        rows, groups = rows[known], {name: column.filter(pa.array(known)) for name, column in groups.items()}
        _set_year(out.fields, rows, groups["year"])
        out.fields["month"][rows] = month[known]
        out.fields["day"][rows] = _number(groups["day"]) if "day" in groups else 1.0
        if "hour" in groups:
            _set_time(out.fields, rows, groups)
        if flags is not None:
            flags[rows] = True
        done[rows] = True
    return out


def _read_numeric(text: pa.Array, out: TextFields, done: np.ndarray) -> None:
    """Year-first dates get their fields; day/month dates keep ``first`` and ``second`` open."""
    rows, groups = _extract(text, np.flatnonzero(~done), NUMERIC)
    if not len(rows):
        return
    a, b, c = (_number(groups[name]) for name in ("a", "b", "c"))
    a_len, c_len = (pc.utf8_length(groups[name]).to_numpy(zero_copy_only=False) for name in ("a", "c"))
    same = pc.equal(groups["sep"], groups["sep2"]).to_numpy(zero_copy_only=False)
    year_first = same & (a_len == 4) & (c_len <= 2)
    ordinary = same & (a_len <= 2) & np.isin(c_len, (2, 4))
    fields = out.fields
    first_rows, open_rows = rows[year_first], rows[ordinary]
    fields["year"][first_rows], fields["year_digits"][first_rows] = a[year_first], 4
    fields["month"][first_rows], fields["day"][first_rows] = b[year_first], c[year_first]
    fields["first"][open_rows], fields["second"][open_rows] = a[ordinary], b[ordinary]
    fields["year"][open_rows], fields["year_digits"][open_rows] = c[ordinary], c_len[ordinary]
    out.numeric[open_rows] = True
    out.dotted[open_rows] = (groups["sep"].to_numpy(zero_copy_only=False) == ".")[ordinary]
    keep = year_first | ordinary
    _set_time(fields, rows[keep], {name: column.filter(pa.array(keep)) for name, column in groups.items()})
    done[rows[keep]] = True


def _extract(text: pa.Array, rows: np.ndarray, pattern: str) -> tuple[np.ndarray, dict[str, pa.Array]]:
    """The rows (among ``rows``) whose text matches ``pattern``, and their named groups."""
    if not len(rows):
        return rows, {}
    result = pc.extract_regex(text.take(pa.array(rows)), pattern)
    matched = pc.is_valid(result)
    kept = result.filter(matched)
    groups = dict(zip((field.name for field in result.type), kept.flatten()))
    return rows[matched.to_numpy(zero_copy_only=False)], groups


def _set_year(fields: dict[str, np.ndarray], rows: np.ndarray, years: pa.Array) -> None:
    """Write the year and how many digits it was written with (2 or 4; NaN when none)."""
    values, length = _number(years), pc.utf8_length(years).to_numpy(zero_copy_only=False)
    fields["year"][rows] = values
    fields["year_digits"][rows] = np.where(np.isnan(values), np.nan, length)


def _set_time(fields: dict[str, np.ndarray], rows: np.ndarray, groups: dict[str, pa.Array]) -> None:
    """Write hour, minute and second (12-hour clock converted) for ``rows``."""
    hour, minute, sec = (_number(groups[name]) for name in ("hour", "minute", "sec"))
    marker = pc.utf8_lower(groups["ampm"]).to_numpy(zero_copy_only=False).astype(str)
    pm, am = np.char.startswith(marker, "p"), np.char.startswith(marker, "a")
    hour = np.where(pm & (hour < 12), hour + 12, np.where(am & (hour == 12), 0.0, hour))
    fields["hour"][rows], fields["minute"][rows], fields["sec"][rows] = hour, minute, sec


def _number(values: pa.Array) -> np.ndarray:
    """Digit strings as floats, NaN for empty or missing."""
    values = pc.if_else(pc.equal(values, ""), pa.scalar(None, pa.string()), values)
    return pc.cast(values, pa.float64()).to_numpy(zero_copy_only=False)
