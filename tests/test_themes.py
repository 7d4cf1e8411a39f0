"""Feedback themes: hand-labelled texts per theme (praise, criticism, negation, short note),
polarity, evidence, user keywords, blank text and the ``themes`` command line."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.core.errors import InputError
from analysis.core.schema import THEMES
from analysis.feedback.classifier import classify, classify_by_rules, classify_many

PROJECT = Path(__file__).resolve().parent.parent

# (text, expected themes exactly, the polarity of the first expected theme)
LABELLED = [
    # experience
    ("Your leadership experience really impressed the panel.", ("experience",), "positive"),
    ("We need someone with more years of hands-on experience.", ("experience",), "negative"),
    ("They felt I was not senior enough for a lead role.", ("experience",), "negative"),
    ("too junior", ("experience",), "negative"),
    ("Overqualified", ("experience",), "negative"),
    # technical_skills
    ("Impressive Python skills and clean code.", ("technical_skills",), "positive"),
    ("You struggled with the algorithms round.", ("technical_skills",), "negative"),
    ("Your SQL was not strong enough.", ("technical_skills",), "negative"),
    ("No issues with your technical ability.", ("technical_skills",), "positive"),
    ("failed coding test", ("technical_skills",), "negative"),
    # qualifications
    ("Your academic record is excellent.", ("qualifications",), "positive"),
    ("The role requires a nursing licence, which you do not hold.", ("qualifications",), "negative"),
    ("You don't have the required certification.", ("qualifications",), "negative"),
    ("no degree", ("qualifications",), "negative"),
    # communication
    ("Very articulate and a great listener.", ("communication",), "positive"),
    ("Your answers rambled and went off-topic.", ("communication",), "negative"),
    ("Your answers were not clear.", ("communication",), "negative"),
    ("poor communication", ("communication",), "negative"),
    # preparation
    ("You were clearly well prepared for every question.", ("preparation",), "positive"),
    ("You had not researched the company.", ("preparation",), "negative"),
    ("You were not prepared for questions about our clients.", ("preparation",), "negative"),
    ("unprepared", ("preparation",), "negative"),
    # presence
    ("Great energy and a very positive attitude.", ("presence",), "positive"),
    ("You came across as arrogant.", ("presence",), "negative"),
    ("The candidate was not nervous at all.", ("presence",), "positive"),
    ("lacked enthusiasm", ("presence",), "negative"),
    # culture_fit
    ("Everyone agreed you would fit in with the team.", ("culture_fit",), "positive"),
    ("Your working style did not match the team.", ("culture_fit",), "negative"),
    ("We felt you were not a good culture fit.", ("culture_fit",), "negative"),
    ("bad culture fit", ("culture_fit",), "negative"),
    # compensation
    ("Your salary expectations fit well within our budget.", ("compensation",), "positive"),
    ("Your salary expectations were too high.", ("compensation",), "negative"),
    ("We could not meet your salary expectations.", ("compensation",), "negative"),
    ("salary", ("compensation",), "negative"),
    # logistics
    ("Your availability was great.", ("logistics",), "positive"),
    ("The role requires relocation to Munich.", ("logistics",), "negative"),
    ("We cannot offer visa sponsorship.", ("logistics",), "negative"),
    ("no visa sponsorship", ("logistics",), "negative"),
    # role_closed: never praise, even beside praise of the candidate
    ("You were a strong candidate, but the position has been filled internally.", ("role_closed",), "negative"),
    ("The role was cancelled after a reorganisation.", ("role_closed",), "negative"),
    ("We are no longer hiring for this position.", ("role_closed",), "negative"),
    ("internal hire", ("role_closed",), "negative"),
    ("Position Removed", ("role_closed",), "negative"),
    # application_materials
    ("Your cover letter was excellent.", ("application_materials",), "positive"),
    ("Your CV was four pages long and full of typos.", ("application_materials",), "negative"),
    ("Your resume did not mention any of the required tools.", ("application_materials",), "negative"),
    ("typos in CV", ("application_materials",), "negative"),
    # generic: no reason, boilerplate that only gestures at a dimension, a rejection that only praises
    ("We have decided to move forward with other candidates.", ("generic",), "negative"),
    (
        "Thank you for your interest. After reviewing your skills and experience, we have chosen to pursue "
        "applicants whose background better fits the role.",
        ("experience",),  # DESIGN.md: boilerplate that gestures at a dimension may be read as generic or as it
        "negative",
    ),
    ("Rejected", ("generic",), "negative"),
    # several themes at once
    ("Great communication, but not enough Python experience.", ("experience", "technical_skills", "communication"), "negative"),
    ("I didn't have a degree and I couldn't relocate.", ("qualifications", "logistics"), "negative"),
]


@pytest.mark.parametrize(("text", "themes", "first_theme_polarity"), LABELLED)
def test_labelled_feedback(text, themes, first_theme_polarity):
    result = classify(text)
    assert result.themes == themes
    assert result.theme_polarity[themes[0]] == first_theme_polarity
    assert set(result.evidence) == set(themes) == set(result.theme_polarity)


def test_denied_concern_is_not_criticism():
    result = classify("We had no concerns about your experience; the role was simply filled internally.")
    assert result.theme_polarity.get("experience", "positive") == "positive"
    assert "role_closed" in result.themes


def test_a_rejection_that_only_praises_is_also_generic():
    result = classify("While your track record is impressive, we have chosen another applicant.")
    assert result.themes == ("experience", "generic")
    assert result.theme_polarity == {"experience": "positive", "generic": "negative"}


def test_a_technology_in_a_job_title_is_no_reason():
    assert classify("Unfortunately we will not proceed with your application for the Senior Java Developer role.").themes == (
        "generic",
    )


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("You were one of the strongest candidates we met.", "positive"),
        ("Strong coding, but your answers lacked structure.", "mixed"),
        ("You seemed nervous and unprepared.", "negative"),
        ("We decided to pursue other candidates.", "negative"),
        ("While we enjoyed meeting you, we have chosen another applicant.", "negative"),
        ("We received many strong applications for this role.", "negative"),  # the learned polarity where rules judge nothing
        ("Pending", "neutral"),
        ("", "neutral"),
    ],
)
def test_polarity(text, polarity):
    assert classify(text).polarity == polarity


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", None, float("nan")])
def test_blank_text_has_no_theme(blank):
    result = classify(blank)
    assert result.themes == ()
    assert result.polarity == "neutral"
    assert result.evidence == {} and result.theme_polarity == {}


def test_evidence_quotes_the_text_as_written():
    result = classify("Your CV had typos and you lacked hands-on SQL experience.")
    assert result.evidence["application_materials"] == ("CV had typos",)
    assert result.evidence["technical_skills"] == ("SQL",)
    assert result.evidence["experience"] == ("lacked hands-on SQL experience",)


def test_typos_stretched_letters_and_curly_quotes_are_read():
    misspelt = classify("Not enough experiance")
    assert misspelt.themes == ("experience",)
    assert misspelt.evidence["experience"] == ("enough experiance",)
    assert classify("reeejected").polarity == "negative"
    curly = classify("You weren’t “confident” enough.")
    assert curly.themes == ("presence",)
    assert curly.theme_polarity["presence"] == "negative"
    assert curly.evidence["presence"] == ("confident",)


def test_extra_keywords_are_whole_words_in_any_case_and_show_as_evidence():
    text = "Struggled with container Orchestration."
    assert "technical_skills" not in classify_by_rules(text).themes
    result = classify(text, {"technical_skills": ["ORCHESTRATION"]})
    assert result.themes == ("technical_skills",)
    assert result.evidence["technical_skills"] == ("Orchestration",)
    assert result.theme_polarity["technical_skills"] == "negative"
    assert classify("Orchestrations failed", {"technical_skills": ["orchestration"]}).themes == ("technical_skills",)
    assert "technical_skills" not in classify("Reorchestration needed", {"technical_skills": ["orchestration"]}).themes
    phrase = classify("Not the right vibe  check for us.", {"culture_fit": ["vibe check", " "]})
    assert phrase.evidence["culture_fit"] == ("vibe  check",)


def test_extra_keywords_for_an_unknown_theme_are_refused():
    with pytest.raises(InputError, match="unknown theme 'vibes'"):
        classify("anything", {"vibes": ["vibe"]})


def test_classify_many_keeps_order_and_classifies_repeats_once():
    texts = ["salary", "too junior", "salary", "", "salary"]
    results = classify_many(texts)
    assert [result.themes for result in results] == [
        ("compensation",), ("experience",), ("compensation",), (), ("compensation",)
    ]
    assert results[0] is results[2] is results[4]
    assert classify_many(["internal hire"], {"experience": ["hire"]})[0].themes == ("experience", "role_closed")


def test_every_theme_id_is_a_schema_theme():
    texts = [text for text, _, _ in LABELLED]
    assert {theme for result in classify_many(texts) for theme in result.themes} == set(THEMES)


def test_themes_command_round_trip():
    lines = ["too junior", "", "Great communication, but your SQL was weak.", "Position Removed"]
    completed = subprocess.run(
        [sys.executable, "-m", "analysis", "themes", "-"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=True,
        timeout=60,
    )
    objects = [json.loads(line) for line in completed.stdout.splitlines()]
    assert [set(obj) for obj in objects] == [{"text", "themes", "polarity", "evidence", "unclear"}] * len(lines)
    assert [obj["text"] for obj in objects] == lines
    assert [obj["themes"] for obj in objects] == [
        ["experience"], [], ["technical_skills", "communication"], ["role_closed"]
    ]
    assert [obj["polarity"] for obj in objects] == ["negative", "neutral", "mixed", "negative"]


@pytest.mark.parametrize(
    ("text", "theme_polarity"),
    [
        # a negation judges the nearest topic after it, not a topic behind another one
        ("The hiring manager felt you were not fully prepared for the case study.", {"preparation": "negative"}),
        # a negation reaches no further than a word of the opposite kind
        ("Your answers were not very structured and lacked specific examples.", {"communication": "negative"}),
        # praise a few words after a fault is part of the fault
        ("You weren't able to give a clear example of handling conflict.", {"communication": "negative"}),
        # a cue inside a longer phrase is judged as the phrase is
        ("We enjoyed learning about your experience with Python and Kubernetes.",
         {"experience": "positive", "technical_skills": "positive"}),
        # a contraction typed without its apostrophe still negates
        ("Felt like I didnt fit the company vibe", {"culture_fit": "negative"}),
        # a signature is no reason; a manner word about the interviewer is not about the candidate
        ("We have decided to move forward with other candidates. Kind regards, Sam (Talent Acquisition)", {"generic": "negative"}),
        ("Rude interviewer, no feedback", {"generic": "negative"}),
    ],
)
def test_reading_rules(text, theme_polarity):
    assert classify(text).theme_polarity == theme_polarity


def test_cues_are_found_sentence_by_sentence_with_offsets_in_the_whole_text():
    text = "Thanks for your time.  Your CV had typos.\n We need someone with more SQL experience. Salary too high!"
    result = classify(text)
    assert result.themes == ("experience", "technical_skills", "compensation", "application_materials")
    assert result.evidence["application_materials"] == ("CV had typos",)
    assert result.evidence["experience"] == ("someone with more SQL experience",)
    assert result.evidence["compensation"] == ("Salary",)
