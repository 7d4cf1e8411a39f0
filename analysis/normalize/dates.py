"""Read date cells of many shapes into naive timestamps.

Handles date and datetime objects, Excel serial numbers (also as text, "45231"), ISO dates,
numeric dates in either order (``11/14/2021``, ``14.11.2021``, ``8/5/19``, LinkedIn's
``11/23/24, 11:39 PM``), month names (``5 Nov 2024``, ``Nov 5, 2024``, ``November 2024``)
and day-month without a year (``8-Jul``). A cell holding two dates gives the first.

Each distinct value is read once and mapped back to the cells. Text is matched with a few
regular expressions run by Arrow over all distinct values at once, and the fields are turned
into timestamps with numpy, so a column of a million cells takes well under a second.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

NULL_WORDS = ("null", "NULL", "None", "nan")
SERIAL_RANGE = (20_000, 80_000)  # Excel day numbers 1954..2119
YEAR_RANGE = (1950, 2100)
EXCEL_EPOCH = np.datetime64("1899-12-30", "ns")
SHARE_SAMPLE = 1000

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
MONTH_NUMBERS = {name[:size]: number for number, name in enumerate(_MONTHS, 1)
                 for size in range(3, len(name) + 1)} | {"sept": 9}

_TIME = (r"(?:(?:T|\s*,?\s+)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<sec>\d{2}))?(?:\.\d+)?"
         r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?")
_END = r"(?:$|\D)"  # the date is not followed by another digit (RE2 has no look-ahead)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
NUMERIC = r"^(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P<sep2>[./-])(?P<c>\d{1,4})" + _TIME + _END
MONTH_YEAR = r"(?i)^" + _WEEKDAY + r"(?P<mon>[a-z]{3,9})\.?[\s,/-]+(?P<year>\d{4})" + _END
DAY_MONTH = (r"(?i)^" + _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?[\s./-]*(?P<mon>[a-z]{3,9})\.?"
             r"(?:[\s,./-]+(?P<year>\d{4}|\d{2}))?" + _TIME + _END)
MONTH_DAY = (r"(?i)^" + _WEEKDAY + r"(?P<mon>[a-z]{3,9})\.?[\s./-]*(?P<day>\d{1,2})(?:st|nd|rd|th)?"
             r"(?:,?\s*(?P<year>\d{4}))?" + _TIME + _END)
_FIELDS = ("year", "month", "day", "hour", "minute", "sec")
NAT = np.datetime64("NaT", "ns")


@dataclass(frozen=True)
class ParsedDates:
    """Timestamps read from a column, with the day/month order used and the cells not read."""

    values: pd.Series
    dayfirst: bool | None
    unreadable: tuple


def parse_dates(raw: pd.Series, dayfirst: bool | None = None,
                reference_year: int | None = None) -> ParsedDates:
    """Read a column of date cells into ``datetime64[ns]`` (naive), NaT for blank or unreadable.

    Day-first or month-first is decided for the whole column from the values (a first field
    above 12 means day-first, a second field above 12 month-first; otherwise month-first unless
    the dates are written with dots); pass ``dayfirst`` to override. Dates without a year take
    ``reference_year``, else the column's most common year, else are unreadable. Years outside
    1950..2100 are unreadable. ``unreadable`` lists the index labels of non-blank cells not read.
    """
    return _parse(raw, dayfirst, reference_year, default_year=None)


def date_share(raw: pd.Series) -> float:
    """The share of non-blank cells (among the first 1,000) that read as dates, from 0 to 1."""
    parsed = _parse(raw.iloc[:SHARE_SAMPLE], None, None, default_year=2000)
    readable = int(parsed.values.notna().sum())
    total = readable + len(parsed.unreadable)
    return readable / total if total else 0.0


def _parse(raw: pd.Series, dayfirst: bool | None, reference_year: int | None,
           default_year: int | None) -> ParsedDates:
    """parse_dates, with ``default_year`` for dates without a year when the column gives none."""
    if isinstance(raw.dtype, pd.DatetimeTZDtype):
        raw = raw.dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(raw.dtype):
        values = raw.astype("datetime64[ns]")
        values = values.where(_plausible(values.to_numpy()))
        return ParsedDates(values, None, tuple(raw.index[raw.notna().to_numpy() & values.isna().to_numpy()]))
    codes, uniques = pd.factorize(raw.astype(object) if isinstance(raw.dtype, pd.CategoricalDtype) else raw)
    uniques = np.asarray(uniques, dtype=object)
    if isinstance(raw.dtype, pd.StringDtype):
        kinds = np.full(len(uniques), "text", dtype=object)
    else:
        kinds = np.array([_kind(value) for value in uniques], dtype=object)
    parsed = np.full(len(uniques), NAT)
    blank = np.zeros(len(uniques), dtype=bool)
    no_year = {name: np.full(len(uniques), np.nan) for name in _FIELDS}
    numbers, objects, strings = (np.flatnonzero(kinds == kind) for kind in ("number", "datetime", "text"))
    parsed[numbers] = _from_serial(uniques[numbers].astype(float))
    parsed[objects] = _from_objects(uniques[objects])
    decided = None
    if len(strings):
        text = pc.utf8_trim_whitespace(_arrow_text(uniques[strings]))
        blank[strings] = pc.is_in(text, pa.array(("",) + NULL_WORDS)).to_numpy(zero_copy_only=False)
        parsed[strings], text_no_year, decided = _from_text(text, dayfirst)
        for name in _FIELDS:
            no_year[name][strings] = text_no_year[name]
    missing = ~np.isnan(no_year["month"])
    if missing.any():
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        year = reference_year or _common_year(parsed, counts) or default_year
        if year is not None:
            filled = _assemble(**dict(no_year, year=np.full(len(uniques), float(year))))
            parsed[missing] = filled[missing]
    parsed[~_plausible(parsed)] = NAT
    values = pd.Series(np.append(parsed, NAT)[codes], index=raw.index, name=raw.name, dtype="datetime64[ns]")
    not_read = (codes >= 0) & ~np.append(blank, True)[codes] & values.isna().to_numpy()
    return ParsedDates(values, decided, tuple(raw.index[not_read]))


def _kind(value: object) -> str:
    """"text", "number", "datetime" or "other" (times, booleans and the rest are not dates)."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, (bool, np.bool_)):
        return "other"
    if isinstance(value, (int, float, np.integer, np.floating)):
        return "number"
    if isinstance(value, (datetime, date, np.datetime64)):
        return "datetime"
    return "other"


def _from_serial(days: np.ndarray) -> np.ndarray:
    """Excel day numbers (1900 date system, fractions are the time) as timestamps."""
    days = np.asarray(days, dtype=float)
    ok = (days >= SERIAL_RANGE[0]) & (days <= SERIAL_RANGE[1])
    seconds = np.round(np.where(ok, days, 0.0) * 86_400).astype(np.int64)
    return np.where(ok, EXCEL_EPOCH + seconds.astype("timedelta64[s]"), NAT)


def _from_objects(values: np.ndarray) -> np.ndarray:
    """date/datetime/Timestamp objects as naive timestamps (a time zone is dropped, wall time kept)."""
    if not any(getattr(value, "tzinfo", None) for value in values):
        try:  # naive objects convert in one step; microseconds cover years 1..9999
            stamps = np.array(values.tolist(), dtype="datetime64[us]")
            return np.where(_plausible(stamps), stamps.astype("datetime64[ns]"), NAT)
        except (TypeError, ValueError):
            pass
    out = np.full(len(values), NAT)
    for index, value in enumerate(values):
        year = getattr(value, "year", None) if not isinstance(value, np.datetime64) else pd.Timestamp(value).year
        if year is not None and YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            stamp = pd.Timestamp(value)
            out[index] = (stamp.tz_localize(None) if stamp.tzinfo else stamp).as_unit("ns").to_datetime64()
    return out


def _from_text(text: pa.Array, dayfirst: bool | None) -> tuple[np.ndarray, dict, bool | None]:
    """Timestamps from trimmed text, the fields of dates written without a year, the order used."""
    size = len(text)
    fields = {name: np.full(size, np.nan) for name in _FIELDS}
    done = pc.match_substring_regex(text, r"^\d{5}(?:\.\d+)?$").to_numpy(zero_copy_only=False)
    serial = done.copy()
    rows, groups = _extract(text, np.flatnonzero(~done), NUMERIC)
    decided = None
    if len(rows):
        a, b, c = (_number(groups[name]) for name in ("a", "b", "c"))
        a_len, c_len = (pc.utf8_length(groups[name]).to_numpy(zero_copy_only=False) for name in ("a", "c"))
        same = pc.equal(groups["sep"], groups["sep2"]).to_numpy(zero_copy_only=False)
        year_first = same & (a_len == 4) & (c_len <= 2)
        ordinary = same & (a_len <= 2) & np.isin(c_len, (2, 4))
        if ordinary.any():
            separators = groups["sep"].to_numpy(zero_copy_only=False)[ordinary]
            decided = _decide_dayfirst(a[ordinary], b[ordinary], separators) if dayfirst is None else dayfirst
        keep = year_first | ordinary
        day, month = (a, b) if decided else (b, a)
        fields["year"][rows] = np.where(year_first, a, _full_year(groups["c"]))
        fields["month"][rows] = np.where(year_first, b, month)
        fields["day"][rows] = np.where(year_first, c, day)
        fields["year"][rows[~keep]] = np.nan
        _set_time(fields, rows, groups)
        done[rows[keep]] = True
    has_letter = pc.match_substring_regex(text, r"[A-Za-z]").to_numpy(zero_copy_only=False)
    for pattern in (MONTH_YEAR, DAY_MONTH, MONTH_DAY):
        rows, groups = _extract(text, np.flatnonzero(has_letter & ~done), pattern)
        if not len(rows):
            continue
        month = np.array([MONTH_NUMBERS.get(token.lower(), np.nan) for token in groups["mon"].to_pylist()])
        known = ~np.isnan(month)
        rows, groups = rows[known], {name: column.filter(pa.array(known)) for name, column in groups.items()}
        fields["year"][rows] = _full_year(groups["year"])
        fields["month"][rows] = month[known]
        fields["day"][rows] = _number(groups["day"]) if "day" in groups else 1.0
        if "hour" in groups:
            _set_time(fields, rows, groups)
        done[rows] = True
    parsed = _assemble(**fields)
    parsed[serial] = _from_serial(pc.cast(text.filter(pa.array(serial)), pa.float64()).to_numpy(zero_copy_only=False))
    without_year = done & ~serial & np.isnan(fields["year"])
    no_year = {name: np.where(without_year, values, np.nan) for name, values in fields.items()}
    return parsed, no_year, decided


def _extract(text: pa.Array, rows: np.ndarray, pattern: str) -> tuple[np.ndarray, dict[str, pa.Array]]:
    """The rows (among ``rows``) whose text matches ``pattern``, and their named groups."""
    if not len(rows):
        return rows, {}
    result = pc.extract_regex(text.take(pa.array(rows)), pattern)
    matched = pc.is_valid(result)
    kept = result.filter(matched)
    groups = dict(zip((field.name for field in result.type), kept.flatten()))
    return rows[matched.to_numpy(zero_copy_only=False)], groups


def _set_time(fields: dict[str, np.ndarray], rows: np.ndarray, groups: dict[str, pa.Array]) -> None:
    """Write hour, minute and second (12-hour clock converted) for ``rows``."""
    hour, minute, sec = (_number(groups[name]) for name in ("hour", "minute", "sec"))
    marker = pc.utf8_lower(groups["ampm"]).to_numpy(zero_copy_only=False).astype(str)
    pm, am = np.char.startswith(marker, "p"), np.char.startswith(marker, "a")
    hour = np.where(pm & (hour < 12), hour + 12, np.where(am & (hour == 12), 0.0, hour))
    fields["hour"][rows], fields["minute"][rows], fields["sec"][rows] = hour, minute, sec


def _decide_dayfirst(first: np.ndarray, second: np.ndarray, separators: np.ndarray) -> bool:
    """Day-first if a first field is above 12, month-first if a second one is; else by separator."""
    day_first, month_first = bool((first > 12).any()), bool((second > 12).any())
    if day_first != month_first:
        return day_first
    return Counter(separators.tolist()).most_common(1)[0][0] == "."


def _assemble(year: np.ndarray, month: np.ndarray, day: np.ndarray, hour: np.ndarray,
              minute: np.ndarray, sec: np.ndarray) -> np.ndarray:
    """Timestamps from field arrays; NaT where a field is missing, out of range or the day impossible."""
    hour, minute, sec = (np.nan_to_num(values) for values in (hour, minute, sec))
    with np.errstate(invalid="ignore"):
        ok = ((year >= YEAR_RANGE[0]) & (year <= YEAR_RANGE[1]) & (month >= 1) & (month <= 12)
              & (day >= 1) & (hour < 24) & (minute < 60) & (sec < 60))
    y, m, d = (np.where(ok, values, 1).astype(np.int64) for values in (year - 1970, month, day))
    start = (y * 12 + m - 1).astype("datetime64[M]")
    length = ((start + 1).astype("datetime64[D]") - start.astype("datetime64[D]")).astype(np.int64)
    ok &= d <= length
    seconds = ((d - 1) * 86_400 + hour * 3_600 + minute * 60 + sec).astype(np.int64)
    stamps = start.astype("datetime64[D]").astype("datetime64[ns]") + seconds.astype("timedelta64[s]")
    return np.where(ok, stamps, NAT)


def _full_year(years: pa.Array) -> np.ndarray:
    """Four-digit years as they are, two-digit ones as 2000-2068 or 1969-1999; else NaN."""
    values, length = _number(years), pc.utf8_length(years).to_numpy(zero_copy_only=False)
    short = np.where(values < 69, 2000 + values, 1900 + values)
    return np.where(length == 4, values, np.where(length == 2, short, np.nan))


def _number(values: pa.Array) -> np.ndarray:
    """Digit strings as floats, NaN for empty."""
    values = pc.if_else(pc.equal(values, ""), pa.scalar(None, pa.string()), values)
    return pc.cast(values, pa.float64()).to_numpy(zero_copy_only=False)


def _common_year(parsed: np.ndarray, counts: np.ndarray) -> int | None:
    """The year most cells of the column fall in, or None when none has a full date."""
    ok = ~np.isnat(parsed)
    if not ok.any():
        return None
    years = parsed[ok].astype("datetime64[Y]").astype(np.int64) + 1970
    distinct, position = np.unique(years, return_inverse=True)
    return int(distinct[np.argmax(np.bincount(position, weights=counts[ok]))])


def _plausible(values: np.ndarray) -> np.ndarray:
    """True where a timestamp is set and its year lies in YEAR_RANGE."""
    years = values.astype("datetime64[Y]").astype(np.int64) + 1970
    return ~np.isnat(values) & (years >= YEAR_RANGE[0]) & (years <= YEAR_RANGE[1])


def _arrow_text(values: np.ndarray) -> pa.Array:
    """Python strings as an Arrow array (text with lone surrogates is cleaned first)."""
    try:
        return pa.array(values, type=pa.string())
    except (pa.ArrowException, UnicodeError):
        return pa.array([value.encode("utf-8", "replace").decode("utf-8") for value in values], type=pa.string())
