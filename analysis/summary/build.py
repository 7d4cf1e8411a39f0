"""The improvement summary as plain data: computed once here, rendered by every export format.

``build_summary(report)`` turns a :class:`~analysis.report.Report` into an :class:`~analysis.summary.model.ImprovementSummary`:
headline numbers, then sections (overview, funnel, channels, feedback, focus areas, a short
plan, pace and replies, data quality, period and settings) made of paragraphs, bullet lists,
tables and chart references. Every sentence is worded from the numbers; the Markdown,
HTML and Excel writers only lay it out. The sections are worded in :mod:`analysis.summary.funnel`,
:mod:`analysis.summary.feedback`, :mod:`analysis.summary.plan` and :mod:`analysis.summary.data`;
this module adds the headline numbers and the overview, and assembles the whole.

Text is a tuple of parts (:data:`~analysis.summary.model.Text`). Parts that are
:class:`~analysis.summary.model.UserText` come from the user's
file (company names, feedback, status values...) or from another module that may quote it;
each writer escapes them for its format (Markdown backslashes, HTML entities, Excel formula
neutralising). Plain ``str`` parts are the summary's own wording.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from analysis.core.stats import Rate
from analysis.core.wording import (
    capitalised,
    date_phrase,
    days_phrase,
    likely_range,
    plural,
    share_phrase,
)
from analysis.plan.caseload import candidate_count
from analysis.plan.norms import norms_beside
from analysis.plan.pace import Pace, weekly_pace
from analysis.summary.data import data_quality_section, period_phrase, settings_section
from analysis.summary.feedback import feedback_section, focus_section
from analysis.summary.funnel import channels_section, funnel_section
from analysis.summary.lead import first_step_sentence, stall_sentence
from analysis.summary.model import (
    Block,
    Bullets,
    FocusList,
    Headline,
    ImprovementSummary,
    Paragraph,
    Section,
    text,
)
from analysis.summary.plan import (
    needle_section,
    next_weeks_plan,
    norms_section,
    pace_and_replies_section,
)

if TYPE_CHECKING:
    from analysis.report import Report  # the top of the engine; imported for annotations only

# ---- sections ---------------------------------------------------------------------------------


def _headlines(report: Report) -> tuple[Headline, ...]:
    """The headline numbers: applications, interview, offer and response rates, median days to reply."""
    overview = report.funnel.overview
    curve = report.timing.survival.overall

    def rate_headline(label: str, rate: Rate) -> Headline:
        if rate.n == 0:
            return Headline(label, "n/a", "no applications", None, "percent")
        if rate.too_few:
            return Headline(label, "too few to tell", f"{rate.successes} of {rate.n}", rate.value, "percent")
        return Headline(label, rate.percent(), f"{rate.successes} of {rate.n}; {likely_range(rate)}", rate.value, "percent")

    median = curve.median_days
    shown = days_phrase(median) if median is not None else "not reached yet" if curve.replies else "n/a"
    detail = (f"{plural(curve.replies, 'dated reply', 'dated replies')} among {plural(curve.applications, 'application')},"
              " those still waiting counted" if curve.replies else "no reply dates in the file")
    return (
        Headline("Applications", str(overview.applications), period_phrase(report), overview.applications, "count"),
        rate_headline("Interview rate", overview.interview_rate),
        rate_headline("Offer rate", overview.offer_rate),
        rate_headline("Response rate", overview.response_rate),
        Headline("Median days to reply", shown, detail, median, "days"),
    )


def _overview(report: Report) -> Section:
    """The overview: what was sent, how far it got, and the interview rate beside published figures."""
    overview = report.funnel.overview
    total = overview.applications
    if total == 0:
        return Section("overview", "Overview", (Paragraph(text("There are no applications to summarise yet.")),))
    period = report.period
    candidates = candidate_count(report.applications)
    who = f"the {candidates} candidates of this caseload" if candidates > 1 else "you"
    opening = (
        f"Between {date_phrase(period[0])} and {date_phrase(period[1])} {who} sent {plural(total, 'application')}."
        if period and period[0] != period[1]
        else f"On {date_phrase(period[0])} {who} sent {plural(total, 'application')}."
        if period
        else f"{capitalised(who)} sent {plural(total, 'application')} (the file has no application dates)."
    )
    interview, offer, response = overview.interview_rate, overview.offer_rate, overview.response_rate
    sentences = [
        opening,
        f" {interview.successes} reached an interview: {share_phrase(interview)}.",
        f" {offer.successes} reached an offer: {share_phrase(offer)}.",
        f" {response.successes} got any reply at all: {share_phrase(response)}.",
    ]
    if report.timing.survival.overall.replies:
        sentences.append(f" {report.timing.survival.sentence}")
    lead = (stall_sentence(report), " ", first_step_sentence(report)) if report.loaded.normalized.outcomes_known else ()
    blocks: list[Block] = [Paragraph(text(*lead))] if lead else []
    blocks.append(Paragraph(text(*sentences)))
    if not report.loaded.normalized.outcomes_known:
        blocks.append(Paragraph(text("Your file has no status or stage column, so every application counts as in "
                                     "progress: the interview, offer and response rates here are not yet meaningful. "
                                     "Add a status column to your tracker to see where applications stop.")))
        return Section("overview", "Overview", tuple(blocks))
    comparison = _norm_comparison(report)
    if comparison:
        blocks.append(Paragraph(text(comparison)))
    return Section("overview", "Overview", tuple(blocks))


def _norm_comparison(report: Report) -> str:
    """The interview rate beside the published range: the Plan page's reading, word for word."""
    interview = next(item for item in norms_beside(report.funnel) if item.metric == "application_interview")
    return "" if interview.verdict == "too few" else interview.reading


MAIN_FOCUS_AREAS = 3
"""Focus areas shown in the pages (their why; the plan says what to do); all of them, with every action,
are in the appendix."""
APPENDIX_TITLE = "The detail behind these pages"


def _split(section: Section, keep: Callable[[int, Block], bool], title: str) -> tuple[Section, Section | None]:
    """The blocks ``keep`` accepts (by position and block) stay in the pages; the rest go to an appendix
    section titled ``title`` (None when nothing is left for it)."""
    kept = tuple(block for i, block in enumerate(section.blocks) if keep(i, block))
    rest = tuple(block for i, block in enumerate(section.blocks) if not keep(i, block))
    detail = Section(f"{section.id}_detail", title, rest) if rest else None
    return Section(section.id, section.title, kept), detail


def _focus_split(section: Section) -> tuple[Section, Section | None]:
    """The first :data:`MAIN_FOCUS_AREAS` focus areas, with why, in the pages; every one with its actions in
    the appendix."""
    listed = next((block for block in section.blocks if isinstance(block, FocusList)), None)
    if listed is None:
        return section, None
    shown = FocusList(listed.items[:MAIN_FOCUS_AREAS], actions=False)
    blocks = tuple(shown if block is listed else block for block in section.blocks)
    every = Section("focus_actions", "Every focus area, with what to do", (listed,))
    return Section(section.id, section.title, blocks), every


def _pages_and_appendix(report: Report, pace: Pace, built: dict[str, Section]) -> tuple[tuple[Section, ...], tuple[Section, ...]]:
    """The sections that fit on two printed pages, and the appendix with their tables, charts and detail
    (``built``: the funnel, channels, feedback, focus, plan, quality and settings sections by id)."""
    plain_text = (Paragraph, Bullets)
    funnel, funnel_detail = _split(built["funnel"], lambda i, block: i > 0 and isinstance(block, plain_text),
                                   "Applications at each stage")
    channels, channel_detail = _split(built["channels"], lambda i, block: isinstance(block, plain_text),
                                      "Channels in detail")
    feedback, feedback_detail = _split(built["feedback"], lambda i, block: i == 0, "The feedback in detail")
    focus_areas, more_focus = _focus_split(built["focus"])
    pages = (_overview(report), funnel, channels, feedback, focus_areas, built["plan"])
    appendix = (funnel_detail, channel_detail, feedback_detail, more_focus, needle_section(report, pace),
                norms_section(report), pace_and_replies_section(report, pace), built["quality"], built["settings"])
    return pages, tuple(section for section in appendix if section is not None and section.blocks)


def build_summary(report: Report) -> ImprovementSummary:
    """The improvement summary of a report, worded from its numbers: two pages, then the appendix."""
    funnel, funnel_table = funnel_section(report)
    channels, channel_table = channels_section(report)
    feedback, theme_table, strength_table = feedback_section(report)
    focus_areas, focus = focus_section(report)
    pace = weekly_pace(report.applications)
    plan = next_weeks_plan(report, focus, pace)
    quality, skipped, unreadable, notes = data_quality_section(report)
    settings, settings_table = settings_section(report)
    built = {"funnel": funnel, "channels": channels, "feedback": feedback, "focus": focus_areas,
             "plan": Section("plan", "Your next weeks", (plan,)), "quality": quality, "settings": settings}
    sections, appendix = _pages_and_appendix(report, pace, built)
    return ImprovementSummary(
        title="Next Steps: your job search improvement summary",
        subtitle=text(f"{plural(len(report.applications), 'application')}, {period_phrase(report)}; "
                      f"prepared {date_phrase(report.today)}"),
        headlines=_headlines(report),
        sections=sections,
        funnel_table=funnel_table,
        channel_table=channel_table,
        theme_table=theme_table,
        strength_table=strength_table,
        focus=focus,
        plan=plan,
        skipped_table=skipped,
        unreadable_table=unreadable,
        settings_table=settings_table,
        quality_notes=notes,
        appendix=appendix,
    )
