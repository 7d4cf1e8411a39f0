"""Segments: role families, seniority, channel significance, months and repeated companies."""
import json

import pandas as pd
import pytest
from canonical_factory import make_apps, many

from analysis.funnel.segments import build_segments, role_family, segment_by, seniority


@pytest.mark.parametrize(
    ("role", "family"),
    [
        ("Senior Data Analyst", "analyst"),
        ("Analytics Engineer", "engineer"),
        ("Software Developer", "engineer"),
        ("Power BI Developer", "analyst"),
        ("Data Scientist, Analytics", "scientist"),
        ("Research Scientist", "scientist"),
        ("Engineering Manager", "manager"),
        ("Head of Data", "manager"),
        ("Product Designer", "designer"),
        ("UX Researcher", "designer"),
        ("Software Engineer - Data Platform", "engineer"),
        ("Machine Learning Lead", "scientist"),
        ("Marketing Coordinator", "other"),
        ("", "other"),
    ],
)
def test_role_family(role, family):
    assert role_family(role) == family


@pytest.mark.parametrize(
    ("role", "level"),
    [
        ("Data Analyst Intern", "junior"),
        ("Graduate Software Engineer", "junior"),
        ("Jr. Developer", "junior"),
        ("Data Analyst", "mid"),
        ("Senior Data Analyst", "senior"),
        ("Lead Engineer", "senior"),
        ("Principal Scientist", "senior"),
        ("Head of Analytics", "senior"),
        ("Product Manager", "senior"),
        ("", "unknown"),
    ],
)
def test_seniority(role, level):
    assert seniority(role) == level


def channel_table(referral_hits: int, referral_n: int, linkedin_hits: int, linkedin_n: int):
    rows = (
        many(referral_hits, channel="Referral", source="Referral - Priya", furthest_stage="first_interview", outcome="rejected")
        + many(referral_n - referral_hits, channel="Referral", source="ex-colleague", outcome="rejected")
        + many(linkedin_hits, channel="LinkedIn", source="LinkedIn Easy Apply", furthest_stage="first_interview", outcome="rejected")
        + many(linkedin_n - linkedin_hits, channel="LinkedIn", source="LinkedIn", outcome="no_response")
    )
    return build_segments(make_apps(rows)).channel


def test_channel_significantly_better_and_worse():
    # Referral 8/10 vs LinkedIn 2/30: Fisher p = 2.3e-5
    table = channel_table(8, 10, 2, 30)
    assert [s.name for s in table.segments] == ["LinkedIn", "Referral"]  # CHANNELS order
    referral, linkedin = table.get("Referral"), table.get("LinkedIn")
    assert referral.verdict == "better" and linkedin.verdict == "worse"
    assert referral.versus_rest.p_value == pytest.approx(2.3448066e-05, rel=1e-6)
    assert referral.interview_rate.label() == "80% (n=10)"


def test_channel_difference_not_significant():
    # Referral 3/6 vs LinkedIn 5/30: Fisher p = 0.109
    table = channel_table(3, 6, 5, 30)
    assert table.get("Referral").verdict is None
    assert table.get("Referral").versus_rest.direction == "no clear difference"
    assert table.get("Referral").versus_rest.p_value == pytest.approx(0.10859065, rel=1e-6)


def test_channel_too_few_is_never_marked():
    table = channel_table(4, 4, 0, 30)
    assert table.get("Referral").verdict is None
    assert table.get("Referral").versus_rest.direction == "too few"
    assert table.get("LinkedIn").verdict is None  # the rest (the 4 referrals) is too few too


def test_channel_keeps_raw_source_names_most_frequent_first():
    referral = channel_table(3, 5, 1, 5).get("Referral")
    assert referral.sources == ("Referral - Priya", "ex-colleague")


def test_segment_rates():
    apps = make_apps(
        [
            {"channel": "Recruiter", "outcome": "rejected"},
            {"channel": "Recruiter", "furthest_stage": "offer", "outcome": "offer"},
            {"channel": "Recruiter", "outcome": "no_response"},
            {"channel": "Recruiter", "outcome": "in_progress", "responded_on": "2025-01-03"},
        ]
    )
    recruiter = build_segments(apps).channel.get("Recruiter")
    assert recruiter.applications == 4
    assert (recruiter.interview_rate.successes, recruiter.response_rate.successes, recruiter.offer_rate.successes) == (1, 3, 1)


def test_role_seniority_and_month_tables():
    apps = make_apps(
        [
            {"role": "Data Analyst", "applied_on": "2025-02-03"},
            {"role": "Senior Data Engineer", "applied_on": "2025-01-20"},
            {"role": "Data Analyst Intern", "applied_on": None},
            {"role": "Data Scientist", "applied_on": "2025-02-14"},
        ]
    )
    segments = build_segments(apps)
    assert [s.name for s in segments.role_family.segments] == ["analyst", "engineer", "scientist"]
    assert [(s.name, s.applications) for s in segments.seniority.segments] == [("junior", 1), ("mid", 2), ("senior", 1)]
    assert [(s.name, s.applications) for s in segments.month.segments] == [("2025-01", 1), ("2025-02", 2), ("no date", 1)]


def test_companies_only_when_repeated_and_case_insensitive():
    apps = make_apps([{"company": "Acme"}, {"company": "acme "}, {"company": "Globex"}, {"company": ""}, {"company": ""}])
    companies = build_segments(apps).company
    assert [(s.name, s.applications) for s in companies.segments] == [("Acme", 2)]


def test_empty_table_and_json():
    segments = build_segments(make_apps([]))
    assert segments.channel.segments == ()
    full = build_segments(make_apps(many(6, channel="Referral") + many(6, channel="Job board")))
    json.dumps(full.to_dict())


def test_segment_by_any_key_leaves_input_untouched():
    apps = make_apps(many(3, location="Berlin") + many(2, location="Remote"))
    before = apps.copy(deep=True)
    table = segment_by(apps, apps["location"], "location")
    assert [(s.name, s.applications) for s in table.segments] == [("Berlin", 3), ("Remote", 2)]
    pd.testing.assert_frame_equal(apps, before)


def test_segment_differences_control_the_false_discovery_rate():
    # Five channels of 30: Recruiter 9 interviews, Referral 4, the others 3 each. Recruiter against the rest
    # (13 of 120): Fisher p = 0.0173, below 5% alone; among the 5 tests shown together its Benjamini-Hochberg
    # q is 0.0173 * 5 / 1 = 0.086, so no channel is called better or worse.
    rows = []
    for channel, hits in (("LinkedIn", 3), ("Job board", 3), ("Recruiter", 9), ("Referral", 4), ("Company site", 3)):
        rows += many(hits, channel=channel, source=channel, furthest_stage="first_interview", outcome="rejected")
        rows += many(30 - hits, channel=channel, source=channel, outcome="rejected")
    table = build_segments(make_apps(rows)).channel
    recruiter = table.get("Recruiter").versus_rest
    assert recruiter.p_value == pytest.approx(0.0172669, rel=1e-4)
    assert recruiter.q_value == pytest.approx(5 * recruiter.p_value)
    assert recruiter.direction == "no clear difference" and table.get("Recruiter").verdict is None
    assert all(segment.verdict is None for segment in table.segments)
