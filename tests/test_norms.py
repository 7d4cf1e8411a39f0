"""Published figures as data, and the readings of a user's rates beside them."""
from __future__ import annotations

from canonical_factory import make_apps, many
from shared_material import NORMS_MD, require

from analysis.core.stats import Rate
from analysis.feedback.summary import summarise_feedback
from analysis.funnel.stages import build_funnel
from analysis.funnel.timing import build_timing
from analysis.plan.norms import compare_with_norms, norms_beside
from analysis.plan.published import CANDIDATE_CAVEAT, EMPLOYER_CAVEAT, NORMS, norms_for


def interviews(hits: int, n: int) -> list[dict]:
    """n settled applications, ``hits`` of them reaching a first interview."""
    return many(hits, furthest_stage="first_interview", outcome="rejected") + many(n - hits, outcome="rejected")


def reading_of(metric: str, comparisons) -> str:
    return next(c.reading for c in comparisons if c.metric == metric)


# ---- the data -------------------------------------------------------------------------------------


def test_every_norm_has_a_source_year_population_and_kind():
    assert len(NORMS) >= 13  # every row of NORMS.md, some rows holding several figures
    for norm in NORMS:
        assert norm.source and norm.short and norm.url, norm
        assert norm.year[:2] in ("19", "20") and norm.year[:4].isdigit(), norm
        assert norm.population, norm
        assert norm.kind in ("C", "E"), norm
        assert 0 <= norm.low <= norm.high, norm
        assert norm.unit == "days" or norm.high <= 1, norm


def test_every_figure_is_published_in_norms_md():
    published = require(NORMS_MD).read_text(encoding="utf-8")
    for norm in NORMS:
        if norm.metric == "candidate_hire":
            shown = f"1 in {round(1 / norm.low)}"
        else:
            shown = f"{norm.low:g}" if norm.unit == "days" else norm.figure()
        assert shown in published, (norm, shown)
        assert norm.year[:4] in published, norm


def test_no_linkedin_easy_apply_norm_is_invented():
    assert not any("linkedin" in f"{n.metric} {n.segment} {n.population}".lower() for n in NORMS)


def test_the_main_figures():
    careerplug, ashby_2021, ashby_2025 = norms_for("application_interview")
    assert (careerplug.value, careerplug.year, careerplug.kind, careerplug.citation) == (0.03, "2024", "E", "CareerPlug 2024")
    assert (ashby_2021.low, ashby_2021.high, ashby_2025.low, ashby_2025.high) == (0.07, 0.08, 0.036, 0.047)
    assert ashby_2025.value is None and ashby_2025.figure() == "3.6–4.7%"
    assert [n.value for n in norms_for("interview_offer")] == [0.17, 0.20, 0.28]
    assert norms_for("final_offer")[0].figure() == "30–40%"
    assert [n.year for n in norms_for("never_acknowledged")] == ["2023", "2022"]
    assert [n.value for n in norms_for("never_received_feedback", None)] == [0.71, 0.60, 0.53]
    assert norms_for("application_decision_days")[0].figure() == "23.8 days"
    assert {n.kind for n in norms_for("ghosting_per_interview", None)} == {"C"}


# ---- readings -------------------------------------------------------------------------------------


def test_interview_rate_above_the_range_reads_as_the_example():
    # 33 of 150: 22%, Wilson 16-29%, wholly above the 3-8% range
    comparisons = norms_beside(build_funnel(make_apps(interviews(33, 150))))
    first = comparisons[0]
    assert (first.metric, first.position, first.verdict) == ("application_interview", "above", "better")
    assert first.range_text == "3–8%"
    assert first.reading == (
        "Your interview rate, 22% (n=150), is above the 3–8% that employers report across all applicants "
        "(CareerPlug 2024; Ashby 2021–2025) — employer-side averages include every applicant, so a targeted "
        "search should do better.")


def test_interview_rate_inside_the_range():
    # 10 of 200: 5% lies inside 3-8% (Wilson 2.7-9.0%)
    reading = reading_of("application_interview", norms_beside(build_funnel(make_apps(interviews(10, 200)))))
    assert reading.startswith("Your interview rate, 5% (n=200), is within the 3–8% that employers report")
    assert reading.endswith("so a targeted search can aim higher.")


def test_interview_rate_below_the_range():
    # 2 of 400: 0.5%, Wilson 0.1-1.8%, wholly below 3%
    comparison = norms_beside(build_funnel(make_apps(interviews(2, 400))))[0]
    assert (comparison.position, comparison.verdict) == ("below", "worse")
    assert comparison.reading.startswith("Your interview rate, 0% (n=400), is below the 3–8%")
    assert "so this is worth working on." in comparison.reading


def test_outside_the_range_but_within_noise_says_so():
    # 3 of 30: 10% is above 8%, but its Wilson interval 3.5-25.6% reaches into the range
    comparison = norms_beside(build_funnel(make_apps(interviews(3, 30))))[0]
    assert (comparison.position, comparison.verdict) == ("unclear", "unclear")
    assert "is not clearly different from the 3–8%" in comparison.reading
    assert comparison.reading.endswith("with n=30 the difference could be chance.")


def test_too_few_to_tell():
    comparison = norms_beside(build_funnel(make_apps(interviews(1, 3))))[0]
    assert comparison.verdict == "too few"
    assert comparison.reading.startswith("Too few to tell your interview rate yet (n=3)")
    assert "3–8%" in comparison.reading and "CareerPlug 2024" in comparison.reading


def test_lower_is_better_for_the_no_response_share():
    no_answer = compare_with_norms("never_acknowledged", "no-response share", Rate.of(80, 100),
                                   norms_for("never_acknowledged"), "of job seekers", "", lower_is_better=True)
    # 80% (Wilson 71-87%) is above 32-35%: worse
    assert (no_answer.position, no_answer.verdict) == ("above", "worse")
    assert no_answer.reading.startswith("Your no-response share, 80% (n=100), is above the 32–35% of job seekers "
                                        "(Indeed 2022–2023)")
    answered = compare_with_norms("never_acknowledged", "no-response share", Rate.of(10, 100),
                                  norms_for("never_acknowledged"), "of job seekers", "", lower_is_better=True)
    assert (answered.position, answered.verdict) == ("below", "better")  # 10%, Wilson 5.5-17.4%


def test_the_funnel_comparisons_use_decided_applications():
    # 20 first interviews: 2 offers, 2 still in interviews, 16 rejected -> 2 of 18 decided
    apps = make_apps(many(80, outcome="rejected") + many(16, furthest_stage="first_interview", outcome="rejected")
                     + many(2, furthest_stage="second_interview", outcome="in_progress")
                     + many(2, furthest_stage="offer", outcome="offer"))
    comparisons = {c.metric: c for c in norms_beside(build_funnel(apps))}
    assert list(comparisons) == ["application_interview", "interview_offer", "final_offer", "never_acknowledged"]
    assert (comparisons["interview_offer"].yours.successes, comparisons["interview_offer"].yours.n) == (2, 18)
    assert (comparisons["final_offer"].yours.successes, comparisons["final_offer"].yours.n) == (2, 2)
    assert comparisons["interview_offer"].range_text == "17–28%"
    assert comparisons["final_offer"].verdict == "too few"


def test_time_to_reply_and_feedback_comparisons_when_available():
    # 36 rejections answered 1-9 days after applying (each four times), 2 of them with feedback text
    rows = [{"applied_on": "2025-01-01", "responded_on": f"2025-01-{2 + i % 9:02d}", "outcome": "rejected",
             "feedback": "Not enough experience for this role." if i < 2 else ""} for i in range(36)]
    apps = make_apps(rows)
    funnel = build_funnel(apps)
    comparisons = {c.metric: c for c in norms_beside(funnel, build_timing(apps), summarise_feedback(apps))}
    days = comparisons["application_decision_days"]
    # Every application has replied, so the Kaplan-Meier curve is the plain share: 20 of 36 still
    # waited after day 4 (0.56), 16 after day 5 (0.44): the median is 5 days. Its interval holds the days
    # where the 95% band of the share still waiting contains one half.
    curve = build_timing(apps).survival.overall
    assert (days.yours.value, days.yours.n) == (5.0, 36)
    assert (days.yours.low, days.yours.high) == (curve.median_low, curve.median_high)
    assert days.yours.low <= 5 <= days.yours.high < 23.8
    assert (days.position, days.verdict, days.range_text) == ("below", "better", "23.8 days")
    # a median beside a published mean, and said to be so
    assert days.reading.startswith("Your median time to a reply, 5 days (n=36), is below the 23.8 days average "
                                   "(a mean, not a median)")
    feedback = comparisons["never_received_feedback"]
    # 34 of 36 rejections without feedback: 94%, Wilson 82-98%, above 53-71%: worse
    assert (feedback.yours.successes, feedback.yours.n, feedback.verdict) == (34, 36, "worse")
    assert feedback.range_text == "53–71%" and feedback.sources == "Talent Board 2022"
    assert [c.metric for c in norms_beside(funnel)] == list(comparisons)[:4]  # neither without timing and feedback


def test_every_comparison_carries_source_year_population_and_caveat():
    apps = make_apps([{**row, "applied_on": "2025-01-01", "responded_on": "2025-01-20", "feedback": "No reason"}
                      for row in interviews(12, 60)])
    for comparison in norms_beside(build_funnel(apps), build_timing(apps), summarise_feedback(apps)):
        assert comparison.sources and comparison.years and comparison.populations and comparison.note
        general = EMPLOYER_CAVEAT if comparison.kind == "E" else CANDIDATE_CAVEAT
        assert comparison.caveat == f"{comparison.note} {general}"
        assert comparison.sources in comparison.reading
        assert comparison.to_dict()["sources"] == comparison.sources
