"""AppTest of the Caseload page: a coach's file with a Candidate column, and a one-person file."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from app_harness import ROOT, TIMEOUT, TODAY, no_exception, texts, upload
from streamlit.testing.v1 import AppTest

PAGE = "app_pages/caseload.py"

CASELOAD_CSV = "Candidate,Company,Role,Date Applied,Status,Feedback\n" + "".join(
    [f"Ana Lopez,Company {i},Data Analyst,2026-11-{1 + i % 20:02d},Rejected,\n" for i in range(16)]
    + [f"Ben Okafor,Firm {i},Engineer,2026-10-01,Applied,\n" for i in range(2)]
    + [f"Ben Okafor,Shop {i},Engineer,2026-10-02,Rejected after first interview,You need more experience\n"
       for i in range(3)]
    + [f"Cy Ng,Place {i},Designer,2026-11-20,Offer,\n" for i in range(4)]
)
ONE_PERSON_CSV = "Company,Role,Date Applied,Status\nAcme,Analyst,2026-11-01,Rejected\nBeta,Analyst,2026-11-02,Applied\n"



def open_caseload(tmp_path: Path) -> tuple[AppTest, str]:
    """The app at TODAY and the Caseload page's path."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["today"] = TODAY
    at.run()
    return at, PAGE


def test_caseload_lists_candidates_with_counts_and_stuck_flags(tmp_path):
    at, page = open_caseload(tmp_path)
    upload(at, "coach.csv", CASELOAD_CSV.encode("utf-8"))
    at.switch_page(page).run()
    no_exception(at)
    # TODAY is 2026-11-25. Ana applied up to 20 Nov (5 days ago); Ben's last application was on 2 Oct
    # (54 days) with 2 still open; Cy has offers: only Ben is stuck.
    assert [item.value for item in at.metric if item.label in ("Candidates", "Stuck")] == ["3", "1"]
    table = at.container(key="caseload_candidates").dataframe[0].value
    assert table["candidate"].tolist() == ["Ben Okafor", "Ana Lopez", "Cy Ng"]
    assert table["applications"].tolist() == [5, 16, 4]
    assert table["interviews"].tolist() == [3, 0, 4]
    # Whole percentages (0-100); blank below 5 applications, too few to tell.
    assert table["interview_rate"].tolist()[:2] == [60.0, 0.0] and pd.isna(table.loc[2, "interview_rate"])
    assert table["stuck"].tolist() == [True, False, False]
    assert table.loc[0, "stuck_reason"] == "no new application, reply or stage for 54 days (2 applications still open)"
    assert texts(at.warning) == ["1 of 3 candidates is stuck, with nothing moving for 21 days or more: Ben Okafor. "
                                 "The table says why.",
                                 "No new application, reply or stage for 54 days (2 applications still open)."]
    compare = at.multiselect(key="caseload_compare")
    assert compare.value == ["Ben Okafor"]  # the stuck one by default
    assert at.container(key="caseload_panel_cohort").subheader[0].value == "Everyone (3 candidates)"
    assert at.container(key="caseload_panel_0").subheader[0].value == "Ben Okafor"


def test_choosing_a_candidate_shows_their_funnel_and_themes(tmp_path):
    at, page = open_caseload(tmp_path)
    upload(at, "coach.csv", CASELOAD_CSV.encode("utf-8"))
    at.switch_page(page).run()
    at.multiselect(key="caseload_compare").set_value(["Ben Okafor"]).run()
    no_exception(at)
    panel = at.container(key="caseload_panel_0")
    assert panel.subheader[0].value == "Ben Okafor"
    assert len(panel.get("plotly_chart")) == 1
    themes = panel.dataframe[0].value
    assert themes["theme"].tolist() == ["Experience"] and themes["count"].tolist() == [3]
    cohort = at.container(key="caseload_panel_cohort").dataframe[0].value
    assert cohort["count"].tolist() == [3]
    assert len(at.get("plotly_chart")) == 2  # the cohort's funnel and Ben's


def test_one_person_file_explains_how_to_get_a_caseload(tmp_path):
    at, page = open_caseload(tmp_path)
    upload(at, "mine.csv", ONE_PERSON_CSV.encode("utf-8"))
    at.switch_page(page).run()
    no_exception(at)
    assert not at.dataframe
    assert any("add a Candidate column" in text and "one file per candidate" in text for text in texts(at.info))


def test_summary_offers_one_summary_per_candidate(tmp_path):
    at, _ = open_caseload(tmp_path)
    upload(at, "coach.csv", CASELOAD_CSV.encode("utf-8"))
    at.switch_page("app_pages/summary.py").run()
    no_exception(at)
    labels = [button.proto.label for button in at.get("download_button")]
    assert "One HTML summary per candidate (3, zip)" in labels


def test_the_users_own_keywords_reach_the_caseload(tmp_path):
    at, page = open_caseload(tmp_path)
    coach = CASELOAD_CSV + "".join(f"Dee Park,Lab {i},Analyst,2026-11-10,Rejected,They wanted someone who knows dbt.\n"
                                   for i in range(5))
    upload(at, "coach.csv", coach.encode("utf-8"))
    at.switch_page(page).run()
    table = at.container(key="caseload_candidates").dataframe[0].value
    # without the keyword the rules find no theme and the learned model reads "wanted someone who knows" as experience
    assert table.set_index("candidate").loc["Dee Park", "top_theme"] == "Experience"
    at.session_state["extra_keywords"] = {"technical_skills": ("dbt",)}  # as the Feedback page's editor sets it
    at.run()
    no_exception(at)
    table = at.container(key="caseload_candidates").dataframe[0].value
    assert table.set_index("candidate").loc["Dee Park", "top_theme"] == "Technical skills"
