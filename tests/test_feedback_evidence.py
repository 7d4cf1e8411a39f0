"""The words of the feedback behind each theme: counted over applications, shown beside the theme
counts on the Feedback page and in the summary's tables; and the unclear texts in the summary."""
from canonical_factory import make_apps

from analysis.core.wording import theme_name
from analysis.feedback.summary import summarise_feedback
from analysis.summary.feedback import WORDS_COLUMN, evidence_cell


def tracker():
    """Four rejections: two with the same CV remark, a shorter note, praise beside a fault; an unclear reason."""
    return make_apps([
        {"company": "A", "outcome": "rejected", "feedback": "Your CV had typos."},
        {"company": "B", "outcome": "rejected", "feedback": "Your CV had typos."},
        {"company": "C", "outcome": "rejected", "feedback": "your cv  had TYPOS."},
        {"company": "D", "outcome": "rejected", "feedback": "typos in CV"},
        {"company": "E", "outcome": "rejected", "feedback": "Great communication skills, but lacked experience."},
        {"company": "F", "outcome": "rejected", "feedback": "The hamster committee vetoed your candidacy unanimously."},
    ])


def test_a_themes_words_are_counted_over_applications_most_first():
    feedback = summarise_feedback(tracker(), {})
    # "CV had typos" in three applications (case and spacing aside; shown as first written), "typos" and "CV" in one
    assert feedback.evidence_words("application_materials") == ("CV had typos", "CV", "typos")
    assert feedback.evidence_words("experience") == ("lacked experience",)
    # praise and criticism apart: communication is praised, never something to improve here
    assert feedback.evidence_words("communication", praised=True) == ("Great communication",)
    assert feedback.evidence_words("communication") == ()
    assert feedback.evidence_words("application_materials", most=1) == ("CV had typos",)


def test_the_summary_tables_carry_the_words_and_the_unclear_texts_are_listed():
    from analysis.summary.feedback import feedback_section

    class Report:  # the two attributes feedback_section reads
        feedback = summarise_feedback(tracker(), {})
        applications = tracker()

    section, themes, strengths = feedback_section(Report())
    assert themes.columns[-1].title == WORDS_COLUMN and themes.columns[-1].kind == "user"
    rows = {row[0]: row for row in themes.rows}
    assert rows[theme_name("application_materials")][1:] == (4, 4 / 6, "“CV had typos”, “CV”, “typos”")
    assert {row[0]: row[3] for row in strengths.rows} == {theme_name("communication"): "“Great communication”"}
    assert evidence_cell(Report.feedback, "experience", False) == "“lacked experience”"
    words = " ".join(str(part) for block in section.blocks for item in getattr(block, "items", ()) for part in item)
    assert "1 feedback text gives a reason no theme matched" in words
    assert "The hamster committee vetoed your candidacy unanimously." in words
