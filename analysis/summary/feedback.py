"""The feedback and focus sections of the improvement summary: themes, strengths, quotes and ranked focus areas."""
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.core.schema import STAGE_LABELS
from analysis.core.wording import plural, share_phrase, theme_name
from analysis.feedback.summary import FeedbackSummary
from analysis.focus.reasons import NOT_TO_WORK_ON, reasons_of
from analysis.plan.caseload import candidates_by_row
from analysis.summary.model import (
    Block,
    Bullets,
    Column,
    FocusItem,
    FocusList,
    Paragraph,
    Section,
    Table,
    Text,
    UserText,
    text,
)

if TYPE_CHECKING:
    from analysis.report import Report  # the top of the engine; imported for annotations only


WORDS_COLUMN = "Words in the feedback"


def evidence_cell(feedback: FeedbackSummary, theme: str, praised: bool) -> UserText:
    """The words of the feedback behind a theme, quoted and joined (the user's words: escaped by each writer)."""
    return UserText(", ".join(f"“{words}”" for words in feedback.evidence_words(theme, praised)))


def feedback_section(report: Report) -> tuple[Section, Table, Table]:
    """Themes to work on, strengths, coverage, what was not personal, and a few quotes."""
    feedback = report.feedback
    themes = [(item["theme"], int(item["count"]), item["share"]) for item in feedback.theme_counts()
              if item["theme"] not in NOT_TO_WORK_ON]
    strengths = [(item["theme"], int(item["count"]), item["share"]) for item in feedback.strength_counts()]
    columns = (Column("Mentions", "count"), Column("Share of feedback texts", "percent"), Column(WORDS_COLUMN, "user"))
    theme_table = Table(
        "Themes the feedback raised as something to improve",
        (Column("Theme"), *columns),
        tuple((theme_name(theme), count, share, evidence_cell(feedback, theme, False)) for theme, count, share in themes),
        "No feedback themes found.",
    )
    strength_table = Table(
        "Strengths the feedback named",
        (Column("Strength"), *columns),
        tuple((theme_name(theme), count, share, evidence_cell(feedback, theme, True)) for theme, count, share in strengths),
        "No strengths named yet.",
    )
    findings: list[Text] = []
    coverage, reasons = feedback.coverage, reasons_of(feedback)
    if coverage.n:
        findings.append(text(f"Feedback: {coverage.successes} of your {plural(coverage.n, 'rejection')} came with "
                             f"feedback text, {share_phrase(coverage)}."))
    in_control = [(theme, count) for theme, count, _ in themes]
    if in_control:
        named = " and ".join(f"{theme_name(t).lower()} ({plural(c, 'mention')})" for t, c in in_control[:2])
        findings.append(text(f"What keeps coming up that you can work on: {named}."))
    if reasons.not_about_you:
        findings.append(text(f"{reasons.not_about_you_sentence()} Leave them out when you look for patterns."))
    if reasons.no_reason:
        findings.append(text(reasons.no_reason_sentence()))
    if feedback.unclear_count:
        count = feedback.unclear_count
        findings.append(text(f"{plural(count, 'feedback text')} {'gives' if count == 1 else 'give'} a reason no theme "
                             "matched: read them (listed on the Feedback page) and add your own keyword if one matters."))
    if strengths:
        top_strengths = ", ".join(theme_name(t).lower() for t, _, _ in strengths[:3])
        findings.append(text(f"Strengths employers named: {top_strengths}. Lead with them in your CV and interviews."))
    if not feedback.text_count:
        findings.append(text("No feedback text to read yet. Ask for feedback after each rejection, especially after interviews."))
    blocks: list[Block] = [Bullets(tuple(findings))]
    quotes = _quotes(feedback, [(theme, False) for theme, _ in in_control[:2]] + [(theme, True) for theme, _, _ in strengths[:1]],
                     candidates_by_row(report.applications))
    if quotes:
        blocks.extend((Paragraph(text("In the employers' words:")), Bullets(quotes)))
    blocks.extend(_unclear_blocks(feedback))
    blocks.extend((theme_table, strength_table))
    return Section("feedback", "What the feedback says", tuple(blocks)), theme_table, strength_table


def _quotes(feedback: FeedbackSummary, themes: list[tuple[str, bool]], candidates: dict[tuple[int, str], str],
            per_theme: int = 2, characters: int = 240) -> tuple[Text, ...]:
    """The latest quotes of each (theme, praised) pair, each text once, with the candidate (in a caseload),
    the company and the stage."""
    seen: set[str] = set()
    result: list[Text] = []
    for theme, praised in themes:
        chosen = [quote for quote in feedback.quotes.get(theme, ()) if quote.praised == praised]
        for quote in chosen[:per_theme]:
            words = " ".join(str(quote.text).split())
            if not words or words in seen:
                continue
            seen.add(words)
            shown = words if len(words) <= characters else words[: characters - 1].rstrip() + "…"
            named = [candidates.get((quote.source_row, str(quote.company))), quote.company]
            source: list[str] = [UserText(", ".join(str(name).strip() for name in named if name and str(name).strip()))]
            source = source if source[0] else []
            stage = "before any interview" if quote.stage == "applied" else STAGE_LABELS.get(quote.stage, "").lower()
            if stage:
                source.append(("" if not source else ", ") + stage)
            label = "strength" if quote.praised else "to work on"
            suffix = [" (", *source, ")"] if source else []
            result.append(text(f"{theme_name(theme)} ({label}): “", UserText(shown), "”", *suffix))
    return tuple(result)


UNCLEAR_LISTED = 5  # unclear texts quoted in the summary; the Feedback page lists them all


def _unclear_blocks(feedback: FeedbackSummary, characters: int = 240) -> tuple[Block, ...]:
    """The first texts that give a reason no theme matched, for the user to read."""
    rows = feedback.unclear_texts().drop_duplicates("feedback").head(UNCLEAR_LISTED)
    if rows.empty:
        return ()
    items = []
    for value in rows["feedback"]:
        words = " ".join(str(value).split())
        items.append(text("“", UserText(words if len(words) <= characters else words[: characters - 1].rstrip() + "…"), "”"))
    return Paragraph(text("Reasons no theme matched, to read:")), Bullets(tuple(items))


def focus_section(report: Report) -> tuple[Section, tuple[FocusItem, ...]]:
    """The "what to focus on next" section and its ranked focus items."""
    items = tuple(
        FocusItem(
            rank=i,
            id=str(area.id),
            title=UserText(area.title),
            why=UserText(area.why),
            actions=tuple(UserText(action) for action in area.actions),
        )
        for i, area in enumerate(report.focus_areas, start=1)
    )
    if not items:
        blocks: tuple[Block, ...] = (Paragraph(text("No focus area stands out yet: keep logging outcomes and feedback.")),)
    else:
        blocks = (Paragraph(text("Ranked by how much each is likely to change your results.")), FocusList(items))
    return Section("focus", "What to focus on next", blocks), items
