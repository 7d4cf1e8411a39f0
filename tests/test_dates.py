"""Tests of analysis.normalize.dates: every supported shape, day/month order, years, speed, real files."""
from __future__ import annotations

import datetime as dt
import time

import numpy as np
import pandas as pd
import pytest
from shared_material import REALDATA, require

from analysis.normalize.dates import ParsedDates, date_share, parse_dates, read_file_dates
from analysis.reading.tables import read_table

T = pd.Timestamp


def parse(values, **options) -> ParsedDates:
    return parse_dates(pd.Series(values, dtype=object), **options)


def realdata_frame(name: str) -> tuple[pd.DataFrame, tuple[int, ...]]:
    table = read_table(require(REALDATA / name).read_bytes(), name)
    return table.frame, table.row_numbers


@pytest.mark.parametrize("text, expected", [
    ("2024-11-05", T("2024-11-05")),
    ("2024-11-05 10:00:00", T("2024-11-05 10:00")),
    ("2024-11-05T10:00:00Z", T("2024-11-05 10:00")),
    ("2024/1/9", T("2024-01-09")),
    ("11/14/2021", T("2021-11-14")),
    ("8/5/19", T("2019-08-05")),
    ("11/23/24, 11:39 PM", T("2024-11-23 23:39")),
    ("2/14/25, 12:09 AM", T("2025-02-14 00:09")),
    ("3/13/2023 18:51:27", T("2023-03-13 18:51:27")),
    ("5 Nov 2024", T("2024-11-05")),
    ("05-Nov-24", T("2024-11-05")),
    ("Nov 5, 2024", T("2024-11-05")),
    ("November 5th 2024", T("2024-11-05")),
    ("Tue, 5 Nov 2024", T("2024-11-05")),
    ("Sept 3, 2024", T("2024-09-03")),
    ("November 2024", T("2024-11-01")),
    ("  2024-11-05  ", T("2024-11-05")),
    ("8/5/2019 & 8/14/2019", T("2019-08-05")),
    ("5/3/2020 (phone screen)", T("2020-05-03")),
    ("45231", T("2023-11-01")),
    ("45231.0", T("2023-11-01")),
    ("45231.5", T("2023-11-01 12:00")),
    ("03.11.2025", T("2025-11-03")),                 # dots: day first
    ("November 3, 2025", T("2025-11-03")),
    ("3 Nov 2025", T("2025-11-03")),
    ("2025-11-03 14:05:00", T("2025-11-03 14:05")),
    ("11/3/2025 2:05 PM", T("2025-11-03 14:05")),
    ("3. November 2025", T("2025-11-03")),           # German
    ("15. Okt. 2025", T("2025-10-15")),
    ("3. März 2025", T("2025-03-03")),
    ("Dez 3, 2025", T("2025-12-03")),
    ("Mo., 3. November 2025", T("2025-11-03")),
    ("Mai 2025", T("2025-05-01")),
    ("3 novembre 2025", T("2025-11-03")),            # French
    ("03 déc. 2025", T("2025-12-03")),
    ("3 févr. 2025", T("2025-02-03")),
    ("1er mars 2025", T("2025-03-01")),
    ("3 juil. 2025", T("2025-07-03")),
    ("3 juin 2025", T("2025-06-03")),
    ("lundi 3 novembre 2025", T("2025-11-03")),
])
def test_text_shapes(text, expected):
    result = parse([text])
    assert result.values.iloc[0] == expected
    assert result.unreadable == ()


@pytest.mark.parametrize("value, expected", [
    (dt.datetime(2024, 1, 2, 3, 4), T("2024-01-02 03:04")),
    (dt.date(2024, 1, 3), T("2024-01-03")),
    (pd.Timestamp("2024-01-04 09:00", tz="Europe/Berlin"), T("2024-01-04 09:00")),
    (np.datetime64("2024-01-05"), T("2024-01-05")),
    (45231, T("2023-11-01")),
    (45231.25, T("2023-11-01 06:00")),
])
def test_native_values(value, expected):
    assert parse([value]).values.iloc[0] == expected


def test_a_month_prefix_shared_by_two_months_is_not_guessed():
    assert parse(["3 jui 2025"]).unreadable == (0,)  # juin or juillet


@pytest.mark.parametrize("value", [
    "8/82019 ", "yes", "n/a", "CodeSignal", "2 rounds", "12 AM", "2024", "2/30/2024", "13/13/2024",
    "1/1/1900", "12/31/2101", "19999", "80001", 1234, 2024.0, True, dt.time(10, 30),
    dt.datetime(1899, 12, 31), dt.datetime(9999, 1, 1), "8/5-2019",
])
def test_unreadable_values(value):
    result = parse(["2024-01-01", value])
    assert pd.isna(result.values.iloc[1])
    assert result.unreadable == (1,)


def test_blank_cells_are_not_unreadable():
    result = parse([None, np.nan, "", "   ", "null", "NULL", "None", "nan", pd.NaT, "2024-01-01"])
    assert result.values.isna().sum() == 9
    assert result.unreadable == ()


def test_result_keeps_index_name_and_dtype_and_leaves_input_alone():
    raw = pd.Series(["1/2/2024", "x", None], index=["a", "b", "c"], name="Applied", dtype=object)
    before = raw.copy()
    result = parse_dates(raw)
    assert result.values.dtype == "datetime64[ns]"
    assert list(result.values.index) == ["a", "b", "c"] and result.values.name == "Applied"
    assert result.unreadable == ("b",)
    pd.testing.assert_series_equal(raw, before)


def test_string_dtype_input():
    raw = pd.Series(["1/2/2024", "", "3/4/2024"], dtype="str")
    assert parse_dates(raw).values.tolist()[::2] == [T("2024-01-02"), T("2024-03-04")]


def test_datetime_dtype_input_passes_through_with_implausible_years_unreadable():
    raw = pd.Series(pd.to_datetime(["2024-01-01 10:00", "1800-01-01 00:00", None]))
    result = parse_dates(raw)
    assert result.values.tolist()[0] == T("2024-01-01 10:00")
    assert result.unreadable == (1,)
    assert result.dayfirst is None


# --- day first or month first --------------------------------------------------------------

def test_day_first_when_a_first_field_is_above_12():
    result = parse(["14/11/2021", "1/2/2021"])
    assert result.dayfirst is True
    assert result.values.tolist() == [T("2021-11-14"), T("2021-02-01")]


def test_month_first_when_a_second_field_is_above_12():
    result = parse(["11/14/2021", "1/2/2021"])
    assert result.dayfirst is False
    assert result.values.tolist() == [T("2021-11-14"), T("2021-01-02")]


def test_undecidable_slashes_are_month_first_and_dots_day_first():
    assert parse(["1/2/2021"]).values.iloc[0] == T("2021-01-02")
    dotted = parse(["14.11.2021", "01.02.2021"])
    assert dotted.dayfirst is True
    assert dotted.values.tolist() == [T("2021-11-14"), T("2021-02-01")]
    assert parse(["01.02.2021"]).values.iloc[0] == T("2021-02-01")


def test_conflicting_evidence_falls_back_to_month_first_and_flags_the_rest():
    result = parse(["13/1/2021", "1/13/2021"])
    assert result.dayfirst is False
    assert result.values.tolist()[1] == T("2021-01-13")
    assert result.unreadable == (0,)


def test_dayfirst_override():
    result = parse(["1/2/2021", "11/14/2021"], dayfirst=True)
    assert result.dayfirst is True
    assert result.values.iloc[0] == T("2021-02-01")
    assert result.unreadable == (1,)


def test_dayfirst_not_applicable_without_numeric_text_dates():
    assert parse(["2024-01-02", "Nov 5, 2024", dt.date(2024, 1, 1)]).dayfirst is None


# --- two-digit years ------------------------------------------------------------------------

TODAY = dt.date(2026, 12, 8)


def test_two_digit_year_beside_four_digit_years_takes_their_century():
    result = parse(["Nov 5, 24", "Oct 1, 2024", "Oct 2, 2024"], today=TODAY)
    assert result.values.iloc[0] == T("2024-11-05")  # not Nov 5 of the column's common year


@pytest.mark.parametrize("text, expected", [
    ("1/2/68", T("1968-01-02")),   # 2068 would be in the future
    ("1/2/27", T("2027-01-02")),   # up to a year ahead is allowed (an interview booked ahead)
    ("12/8/27 23:59", T("2027-12-08 23:59")),  # a year after 8 December 2026, to the day
    ("1/2/99", T("1999-01-02")),
    ("1/2/19", T("2019-01-02")),
    ("05-Nov-24", T("2024-11-05")),
])
def test_two_digit_years_alone_never_land_more_than_a_year_ahead(text, expected):
    assert parse([text], today=TODAY).values.iloc[0] == expected


def test_two_digit_years_near_old_four_digit_dates_take_the_older_century():
    # Anchored on 1999 the nearest reading of "01" is 2001 and of "97" is 1997.
    result = parse(["3/4/1999", "1/2/97", "1/2/01"], today=TODAY)
    assert result.values.tolist() == [T("1999-03-04"), T("1997-01-02"), T("2001-01-02")]


def test_a_two_digit_year_more_than_a_year_ahead_is_unreadable():
    # 2028 and 9 December 2027 are too far ahead; 1928 and 1927 are before 1950.
    result = parse(["1/2/2026", "1/2/28", "12/9/27"], today=TODAY)
    assert result.unreadable == (1, 2)


def test_a_year_ahead_of_29_february_is_28_february():
    assert parse(["2/28/25"], today=dt.date(2024, 2, 29)).values.iloc[0] == T("2025-02-28")
    assert parse(["3/1/25"], today=dt.date(2024, 2, 29)).unreadable == (0,)


def test_clock_after_a_month_day_is_a_time_not_a_year():
    assert parse(["Nov 5 10:30", "Nov 6, 2024"]).values.iloc[0] == T("2024-11-05 10:30")


# --- dates without a year -------------------------------------------------------------------

def test_day_month_without_year_takes_the_reference_year():
    assert parse(["8-Jul", "27-Oct"], reference_year=2020).values.tolist() == [T("2020-07-08"), T("2020-10-27")]


def test_day_month_without_year_takes_the_year_of_the_other_columns_when_its_own_has_none():
    result = read_file_dates({"Applied": pd.Series(["1/5/2020", "1/6/2020", "1/7/2019"]),
                              "Phone": pd.Series(["8-Jul", None, None])})
    assert result.columns["Phone"].values.iloc[0] == T("2020-07-08")


def test_day_month_without_year_takes_the_most_common_year_of_the_column():
    result = parse(["8-Jul", "7/19/2019", "7/23/2019", "1/5/2020"])
    assert result.values.iloc[0] == T("2019-07-08")


def test_day_month_without_any_year_is_unreadable():
    result = parse(["8-Jul", "Nov 5"])
    assert result.values.isna().all()
    assert result.unreadable == (0, 1)


# --- date_share and speed -------------------------------------------------------------------

def test_date_share():
    assert date_share(pd.Series(["2024-01-01", "x", "", None, "3/4/2024"], dtype=object)) == pytest.approx(2 / 3)
    assert date_share(pd.Series(["8-Jul", "27-Oct"])) == 1.0  # a column of day-months counts as dates
    assert date_share(pd.Series(["", None], dtype=object)) == 0.0
    assert date_share(pd.Series(["Acme", "Beta"])) == 0.0


def test_a_million_cells_with_500_distinct_dates_is_fast():
    rng = np.random.default_rng(0)
    days = pd.date_range("2023-01-01", periods=500).strftime("%m/%d/%Y").to_numpy()
    raw = pd.Series(days[rng.integers(0, 500, 1_000_000)], dtype="str")
    parse_dates(raw.head(1000))  # warm-up
    start = time.perf_counter()
    result = parse_dates(raw)
    elapsed = time.perf_counter() - start
    assert result.values.notna().all()
    assert elapsed < 1.0, f"took {elapsed:.2f} s (target 0.5 s)"


# --- real files -----------------------------------------------------------------------------

def test_real_linkedin_timestamps():
    frame, _ = realdata_frame("clemenspecinovsky_AMS-Data-import__LinkedIn_Job_Applications_REDACTED.csv")
    result = parse_dates(frame["Application Date"])
    assert result.values.notna().sum() == 118 and result.unreadable == ()
    assert result.dayfirst is False
    assert result.values.iloc[0] == T("2024-11-23 23:39")  # "11/23/24, 11:39 PM"
    assert result.values.iloc[1] == T("2025-02-14 00:09")  # "2/14/25, 12:09 AM"
    assert (result.values.min(), result.values.max()) == (T("2024-10-18 01:50"), T("2025-03-21 06:20"))


def test_real_nakuramino_malformed_dates():
    frame, rows = realdata_frame("NakuraMino_Recruitment_Sankey_Diagram__applications2020.csv")
    applied = parse_dates(frame["Applied Date"])
    assert [rows[i] for i in applied.unreadable] == [2]  # "8/82019 " on line 2
    assert applied.values.iloc[1] == T("2019-07-08")     # "8-Jul", year from the column
    assert applied.values.iloc[2] == T("2019-09-25")
    assert applied.values.notna().sum() == 113
    phone = parse_dates(frame["Phone"])
    assert phone.values.iloc[1] == T("2019-08-05")       # "8/5/2019 & 8/14/2019": the first date
    assert sorted(frame["Phone"][list(phone.unreadable)]) == ["n/a", "yes"]
    assert parse_dates(frame["Coding Challenge"]).values.isna().all()


def test_real_tim_hanneman_dates():
    frame, _ = realdata_frame("TimHanneman_Job-Application-Statistics__Merged.csv")
    sent = parse_dates(frame["Date sent"])
    assert sent.values.notna().sum() == 177 and sent.unreadable == ()
    assert sent.values.iloc[0] == T("2021-11-14")
    assert parse_dates(frame["Current Date"]).values.iloc[0] == T("2023-03-13 18:51:27")
    assert parse_dates(frame["Date of 1st Response"]).values.notna().sum() == 64


def test_real_iso_dates_and_null_literals():
    frame, _ = realdata_frame("sandervw_job-search__job_applications.csv")
    applied = parse_dates(frame["application_date"])
    assert applied.values.iloc[0] == T("2026-08-26") and applied.dayfirst is None
    responded = parse_dates(frame["response_date"])
    assert responded.values.notna().sum() == 22 and responded.unreadable == ()


def test_real_date_share_tells_date_columns_from_others():
    frame, _ = realdata_frame("jbhunt_job-search-eda__jsdata.csv")
    assert date_share(frame["date_submitted"]) == 1.0
    assert date_share(frame["company"]) == 0.0
    assert date_share(frame["pay_minimum"]) == 0.0  # "$65,000" is money, not a date


# --- round trips: dates written in each shape read back as themselves -------------------------

ROUND_TRIP_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y", "%m-%d-%Y", "%d/%m/%y",
                      "%m/%d/%y", "%B %d, %Y", "%d %b %Y", "%b %d, %y", "%d-%b-%y", "%Y-%m-%d %H:%M:%S",
                      "%m/%d/%Y %I:%M %p"]


@pytest.mark.parametrize("fmt", ROUND_TRIP_FORMATS)
def test_a_file_of_dates_in_one_shape_reads_back_as_written(fmt):
    rng = np.random.default_rng(len(fmt))
    stamps = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 900, 300), unit="D")
    if "%H" in fmt or "%I" in fmt:
        stamps = stamps + pd.to_timedelta(rng.integers(0, 1440, 300), unit="min")
    applied = pd.Series(stamps.strftime(fmt), dtype=object)
    replied = pd.Series((stamps + pd.Timedelta(days=9)).strftime(fmt), dtype=object)
    read = read_file_dates({"Applied": applied, "Replied": replied}, today=dt.date(2026, 1, 1), applied="Applied")
    assert read.columns["Applied"].values.tolist() == list(stamps)
    assert read.columns["Replied"].values.tolist() == list(stamps + pd.Timedelta(days=9))


@pytest.mark.parametrize("dayfirst, fmt", [(True, "%d/%m/%Y"), (False, "%m/%d/%Y")])
def test_dates_that_all_read_either_way_follow_the_order_of_events(dayfirst, fmt):
    # Only days 1..12: no date proves the order; replies 3 to 40 days after each application do.
    rng = np.random.default_rng(7)
    months = rng.integers(1, 13, 40)
    applied = pd.to_datetime({"year": 2024, "month": months, "day": rng.integers(1, 13, 40)})
    replied = applied + pd.to_timedelta(rng.integers(3, 41, 40), unit="D")
    keep = (replied.dt.day <= 12).to_numpy()
    applied, replied = applied[keep].reset_index(drop=True), replied[keep].reset_index(drop=True)
    read = read_file_dates({"Applied": applied.dt.strftime(fmt).astype(object),
                            "Replied": replied.dt.strftime(fmt).astype(object)}, applied="Applied")
    assert (read.order.dayfirst, read.order.reason) == (dayfirst, "order of events")
    assert read.columns["Replied"].values.tolist() == replied.tolist()
