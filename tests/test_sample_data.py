"""The demo tracker in sample_data/: its shape, its story, and that the script reproduces it."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "sample_data"
SCRIPT = SAMPLE_DIR / "make_sample.py"
HEADERS = [
    "Company", "Role", "Location", "Source", "Date Applied",
    "Stage", "Status", "Response Date", "Feedback", "Notes",
]
OUTPUTS = ("sample_tracker.xlsx", "sample_tracker.csv", "template.xlsx", "template.csv")

# How a person would group the raw sources (kept here, independent of the script).
CHANNEL = {
    "LinkedIn": "LinkedIn", "LinkedIn Easy Apply": "LinkedIn",
    "Indeed": "Job board", "Otta": "Job board", "Welcome to the Jungle": "Job board",
    "Glassdoor": "Job board", "Totaljobs": "Job board",
    "Company website": "Company site", "Careers page": "Company site",
    "Recruiter (Hays)": "Recruiter", "Agency recruiter": "Recruiter",
    "Recruiter (Harnham)": "Recruiter", "Recruiter (Robert Walters)": "Recruiter",
    "Referral - Priya": "Referral", "Referral from ex-colleague": "Referral", "Referral - Tom": "Referral",
    "Meetup": "Other", "Twitter": "Other",
}


@pytest.fixture(scope="module")
def tracker() -> pd.DataFrame:
    frame = pd.read_csv(SAMPLE_DIR / "sample_tracker.csv", dtype=str, keep_default_na=False)
    return frame.assign(
        applied=pd.to_datetime(frame["Date Applied"], format="%Y-%m-%d"),
        responded=pd.to_datetime(frame["Response Date"].replace("", None), format="%Y-%m-%d"),
        channel=frame["Source"].map(CHANNEL),
        interviewed=frame["Stage"] != "Applied",
    )


def test_the_script_wrote_all_four_files() -> None:
    for name in OUTPUTS:
        assert (SAMPLE_DIR / name).stat().st_size > 0, name


def test_columns_rows_and_date_span(tracker: pd.DataFrame) -> None:
    assert list(tracker.columns[: len(HEADERS)]) == HEADERS
    assert len(tracker) == 150
    assert tracker["applied"].min().date() == date(2026, 5, 18)
    assert tracker["applied"].max().date() == date(2026, 11, 13)
    assert tracker["applied"].is_monotonic_increasing
    assert tracker["channel"].notna().all(), set(tracker.loc[tracker["channel"].isna(), "Source"])
    assert (tracker[["Company", "Role", "Location", "Source", "Stage"]] != "").all().all()


def test_response_dates_come_a_few_days_to_five_weeks_after_applying(tracker: pd.DataFrame) -> None:
    answered = tracker.dropna(subset=["responded"])
    lag = (answered["responded"] - answered["applied"]).dt.days
    assert lag.between(1, 38).all()
    assert answered["responded"].max().date() <= date(2026, 11, 13)
    assert tracker.loc[tracker["Status"].isin(["No response", ""]), "Response Date"].eq("").all()


def test_exact_counts_per_stage_and_status(tracker: pd.DataFrame) -> None:
    assert tracker["Stage"].value_counts().to_dict() == {
        "Applied": 117, "Phone screen": 11, "1st interview": 9,
        "2nd interview": 5, "Final interview": 6, "Offer": 2,
    }
    assert tracker["Status"].value_counts().to_dict() == {
        "Rejected": 71, "No response": 58, "In progress": 6, "": 6,
        "Withdrew": 4, "Ghosted": 3, "Offer accepted": 1, "Offer declined": 1,
    }
    offers = tracker[tracker["Stage"] == "Offer"]
    assert sorted(offers["Status"]) == ["Offer accepted", "Offer declined"]


def test_silence_is_the_norm(tracker: pd.DataFrame) -> None:
    silent = tracker["Status"].isin(["No response", "Ghosted"]).mean()
    assert 0.35 <= silent <= 0.45


def test_referrals_and_recruiters_reach_interviews_far_more_often(tracker: pd.DataFrame) -> None:
    by_channel = tracker.groupby("channel").agg(n=("Source", "size"), interviews=("interviewed", "sum"))
    assert by_channel["n"].to_dict() == {
        "LinkedIn": 50, "Job board": 40, "Company site": 25, "Recruiter": 18, "Referral": 12, "Other": 5,
    }
    assert by_channel["interviews"].to_dict() == {
        "LinkedIn": 4, "Job board": 5, "Company site": 5, "Recruiter": 13, "Referral": 5, "Other": 1,
    }
    easy_apply = tracker[tracker["Source"] == "LinkedIn Easy Apply"]
    assert easy_apply["interviewed"].mean() < 0.1
    rate = by_channel["interviews"] / by_channel["n"]
    assert min(rate["Recruiter"], rate["Referral"]) > 3 * max(rate["LinkedIn"], rate["Job board"])


def test_the_bottleneck_is_after_the_first_interview(tracker: pd.DataFrame) -> None:
    order = ["Applied", "Phone screen", "1st interview", "2nd interview", "Final interview", "Offer"]
    level = tracker["Stage"].map({"Applied": 0, "Phone screen": 1, "1st interview": 1,
                                  "2nd interview": 2, "Final interview": 3, "Offer": 4})
    assert set(tracker["Stage"]) == set(order)
    reached = [int((level >= stage).sum()) for stage in range(5)]
    assert reached == [150, 33, 13, 8, 2]
    assert reached[2] / reached[1] < 0.5 < reached[3] / reached[2]


def test_feedback_mostly_follows_interviews(tracker: pd.DataFrame) -> None:
    has_feedback = tracker["Feedback"] != ""
    assert int(has_feedback.sum()) == 46
    assert int((has_feedback & (tracker["Status"] == "Rejected")).sum()) == 44
    interviewed_rejections = tracker[tracker["interviewed"] & (tracker["Status"] == "Rejected")]
    assert (interviewed_rejections["Feedback"] != "").all()
    before = tracker[~tracker["interviewed"] & (tracker["Status"] == "Rejected")]
    assert (before["Feedback"] != "").sum() == 21
    assert not tracker.loc[tracker["Status"].isin(["No response", "", "In progress"]), "Feedback"].ne("").any()


def test_feedback_themes_tell_the_story(tracker: pd.DataFrame) -> None:
    text = tracker["Feedback"].str.lower()
    first_round = tracker["Stage"].isin(["Phone screen", "1st interview"])
    examples = text.str.contains("example|too long|vague|structure")
    research = text.str.contains("research|know much about|knew about them|our business|makes money")
    assert (first_round & examples).sum() >= 5
    assert (first_round & research).sum() >= 3
    too_junior = text.str.contains("too junior|more experience|7\\+ years|experience leading")
    assert tracker.loc[too_junior & ~tracker["interviewed"], "Role"].str.contains("Senior|Lead").all()
    assert text.str.contains("strong sql|sql was strong").sum() >= 3
    assert text.str.contains("enthusiasm").sum() >= 3
    assert text.str.contains("clear communicator").sum() >= 2


def test_open_applications_are_recent(tracker: pd.DataFrame) -> None:
    open_rows = tracker[tracker["Status"].isin(["In progress", ""])]
    assert len(open_rows) == 12
    assert (open_rows["applied"] >= "2026-10-23").all()
    assert (open_rows.loc[open_rows["Status"] == "", "Stage"] == "Applied").all()


def test_some_companies_were_applied_to_twice_for_different_roles(tracker: pd.DataFrame) -> None:
    counts = tracker["Company"].value_counts()
    assert counts.max() == 2
    assert (counts == 2).sum() == 6
    repeated = tracker[tracker["Company"].isin(counts[counts == 2].index)]
    assert repeated.groupby("Company")["Role"].nunique().eq(2).all()


def test_csv_and_xlsx_hold_the_same_rows(tracker: pd.DataFrame) -> None:
    excel = pd.read_excel(SAMPLE_DIR / "sample_tracker.xlsx", sheet_name="Applications", engine="calamine")
    assert list(excel.columns) == HEADERS
    for column in ("Date Applied", "Response Date"):
        assert pd.api.types.is_datetime64_any_dtype(excel[column]), column
        excel[column] = excel[column].dt.strftime("%Y-%m-%d")
    excel = excel.astype(object).where(excel.notna(), "").astype(str)
    pd.testing.assert_frame_equal(excel, tracker[HEADERS], check_dtype=False)


def test_tracker_workbook_is_formatted() -> None:
    book = load_workbook(SAMPLE_DIR / "sample_tracker.xlsx")
    sheet = book["Applications"]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet["E2"].number_format == "dd mmm yyyy"
    assert sheet.column_dimensions["I"].width >= 40


def test_templates_have_the_headers_and_no_rows() -> None:
    assert (SAMPLE_DIR / "template.csv").read_text(encoding="utf-8") == ",".join(HEADERS) + "\n"
    book = load_workbook(SAMPLE_DIR / "template.xlsx")
    assert book.sheetnames == ["Applications", "How to fill"]
    sheet = book["Applications"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet.max_row == 1 and sheet.freeze_panes == "A2"
    guide = " ".join(str(value) for row in book["How to fill"].iter_rows(values_only=True) for value in row if value)
    for word in ("Phone screen", "Final interview", "No response", "Withdrew", "Offer declined"):
        assert word in guide
    excel = pd.read_excel(SAMPLE_DIR / "template.xlsx", engine="calamine")
    assert list(excel.columns) == HEADERS and excel.empty


def test_regenerating_gives_identical_files(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for name in ("sample_tracker.csv", "template.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (SAMPLE_DIR / name).read_text(encoding="utf-8")
    for name in ("sample_tracker.xlsx", "template.xlsx"):
        assert (tmp_path / name).read_bytes() == (SAMPLE_DIR / name).read_bytes(), name
