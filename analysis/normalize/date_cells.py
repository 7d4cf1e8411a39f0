"""A column of date cells, read in two steps so that one day/month order serves a whole file.

``read_cells`` reads each distinct value once into fields, leaving open what depends on the
file (the order of numeric dates, the century of two-digit years, the year of "8-Jul");
``finish`` settles those and spreads the timestamps back over the cells.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.normalize.date_text import TextFields, read_text_fields

NULL_WORDS = ("null", "NULL", "None", "nan")
SERIAL_RANGE = (20_000, 80_000)  # Excel day numbers 1954..2119
YEAR_RANGE = (1950, 2100)
EXCEL_EPOCH = np.datetime64("1899-12-30", "ns")
NAT = np.datetime64("NaT", "ns")


@dataclass(frozen=True)
class ParsedDates:
    """Timestamps read from a column, the day/month order used (None when the column needed none)
    and the index labels of the non-blank cells that could not be read."""

    values: pd.Series
    dayfirst: bool | None
    unreadable: tuple


@dataclass(frozen=True)
class DateCells:
    """A column read up to the file-wide choices: one entry per distinct value.

    ``codes`` maps each cell to its distinct value (-1 for missing); ``fixed`` holds the
    timestamps that need no choice (date objects, Excel serials); ``text`` the fields of text.
    """

    raw: pd.Series
    codes: np.ndarray
    distinct: np.ndarray
    counts: np.ndarray
    fixed: np.ndarray
    blank: np.ndarray
    text: TextFields

    @property
    def numeric(self) -> np.ndarray:
        """True for the distinct values that are numeric dates of open order (``02/11/2024``)."""
        return self.text.numeric

    def full_years(self) -> np.ndarray:
        """The years of the distinct values written with a full year (or as date objects or serials)."""
        fields = self.text.fields
        four = fields["year"][fields["year_digits"] == 4]
        fixed = self.fixed[~np.isnat(self.fixed)]
        return np.concatenate([four, fixed.astype("datetime64[Y]").astype(np.int64) + 1970.0])


def read_cells(raw: pd.Series) -> DateCells:
    """Read a column's distinct values into fields (nothing depending on the day/month order is settled)."""
    if isinstance(raw.dtype, pd.DatetimeTZDtype):
        raw = raw.dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(raw.dtype):
        stamps = raw.to_numpy(dtype="datetime64[ns]")
        missing = np.isnat(stamps)
        codes = np.where(missing, -1, np.arange(len(raw)))
        fixed = np.where(_plausible(stamps), stamps, NAT)
        return DateCells(raw, codes, stamps.astype(object), (~missing).astype(np.int64), fixed,
                         np.zeros(len(raw), dtype=bool), TextFields(len(raw)))
    codes, uniques = pd.factorize(raw.astype(object) if isinstance(raw.dtype, pd.CategoricalDtype) else raw)
    uniques = np.asarray(uniques, dtype=object)
    if isinstance(raw.dtype, pd.StringDtype) or pd.api.types.infer_dtype(uniques, skipna=False) == "string":
        kinds = np.full(len(uniques), "text", dtype=object)  # all text: no need to look at each value
    else:
        kinds = np.array([_kind(value) for value in uniques], dtype=object)
    fixed = np.full(len(uniques), NAT)
    numbers, objects = np.flatnonzero(kinds == "number"), np.flatnonzero(kinds == "datetime")
    fixed[numbers] = _from_serial(uniques[numbers].astype(float))
    fixed[objects] = _from_objects(uniques[objects])
    strings = kinds == "text"
    text = pc.utf8_trim_whitespace(_arrow_text(np.where(strings, uniques, "")))
    blank = strings & pc.is_in(text, pa.array(("",) + NULL_WORDS)).to_numpy(zero_copy_only=False)
    fields = read_text_fields(text)
    fixed[fields.serial] = _from_serial(fields.serial_days[fields.serial])
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    return DateCells(raw, codes, uniques, counts, fixed, blank, fields)


def finish(cells: DateCells, dayfirst: bool, anchor_year: int, limit: np.datetime64,
           fallback_year: int | None = None) -> ParsedDates:
    """Timestamps of a read column, numeric dates in the given order.

    Two-digit years take the century that puts them nearest ``anchor_year``, a century earlier
    when that date would be at or after ``limit``. Dates without a year take the column's most
    common year, else ``fallback_year``, else are unreadable. Years outside 1950..2100 are unreadable.
    """
    fields = dict(cells.text.fields)
    numeric = cells.text.numeric
    day, month = (fields["first"], fields["second"]) if dayfirst else (fields["second"], fields["first"])
    fields["day"] = np.where(numeric, day, fields["day"])
    fields["month"] = np.where(numeric, month, fields["month"])
    short = fields["year_digits"] == 2
    fields["year"] = np.where(short, nearest_century(fields["year"], anchor_year), fields["year"])
    parsed = np.where(np.isnat(cells.fixed), assemble(fields), cells.fixed)
    too_late = short & (parsed >= limit)
    if too_late.any():
        fields["year"] = np.where(too_late, fields["year"] - 100, fields["year"])
        parsed[too_late] = assemble(fields)[too_late]
    without_year = ~np.isnan(fields["month"]) & np.isnan(fields["year"])
    if without_year.any():
        year = _common_year(parsed, cells.counts) or fallback_year
        if year is not None:
            parsed[without_year] = assemble(dict(fields, year=np.full(len(parsed), float(year))))[without_year]
    parsed[~_plausible(parsed)] = NAT
    values = pd.Series(np.append(parsed, NAT)[cells.codes], index=cells.raw.index, name=cells.raw.name,
                       dtype="datetime64[ns]")
    codes = cells.codes
    not_read = (codes >= 0) & ~np.append(cells.blank, True)[codes] & values.isna().to_numpy()
    return ParsedDates(values, dayfirst if numeric.any() else None, tuple(cells.raw.index[not_read]))


def nearest_century(two_digits: np.ndarray, anchor_year: int) -> np.ndarray:
    """Four-digit years for two-digit ones: the century that puts each nearest ``anchor_year``."""
    base = (anchor_year // 100) * 100 + two_digits
    candidates = np.stack([base - 100, base, base + 100])
    return np.take_along_axis(candidates, np.argmin(np.abs(candidates - anchor_year), axis=0)[None], 0)[0]


def assemble(fields: dict[str, np.ndarray]) -> np.ndarray:
    """Timestamps from field arrays; NaT where a field is missing, out of range or the day impossible."""
    year, month, day = fields["year"], fields["month"], fields["day"]
    hour, minute, sec = (np.nan_to_num(fields[name]) for name in ("hour", "minute", "sec"))
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
