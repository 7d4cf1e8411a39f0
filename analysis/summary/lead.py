"""Plain words first: the two or three sentences each page and the summary open with.

They say what happened, where the search stalls and what to do first, without n, intervals or
tests (those sit behind each page's "How sure is this?"). The verdicts are the engine's own (the
bottleneck, the published comparison, the focus areas), so the lead never disagrees with the
detail below it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.core.schema import STAGE_LABELS
from analysis.core.wording import plural
from analysis.funnel.bottleneck import interview_rate_position, published_interview_rate
from analysis.plan.caseload import candidate_count
from analysis.plan.pace import Pace, per_week_of
from analysis.plan.planner import applications_per_offer, number

if TYPE_CHECKING:
    from analysis.report import Report  # the top of the engine; imported for annotations only

HOW_SURE = "How sure is this?"
"""The label of the expander that holds each page's n, intervals and tests."""
_PUBLISHED_PLAIN = {
    "above": "Your interview rate is above what employers report for all their applicants (3–8%).",
    "below": "Your interview rate is below what employers report for all their applicants (3–8%).",
    "within": "Your interview rate is within what employers report for all their applicants (3–8%).",
    "unclear": "Too few of your applications have had their answer to tell how your interview rate compares "
               "with what employers report (3–8%).",
    "too few": "Too few of your applications have had their answer to compare your interview rate with "
               "published figures yet.",
}


def _where(stage: str) -> str:
    return "before any interview" if stage == "applied" else f"at the {STAGE_LABELS[stage].lower()}"


def _who(report: Report) -> str:
    candidates = candidate_count(report.applications)
    return f"The {candidates} candidates of this caseload" if candidates > 1 else "You"


def outcome_sentence(report: Report) -> str:
    """ "You sent 150 applications: 33 reached an interview and 2 an offer." """
    overview = report.funnel.overview
    sent = f"{_who(report)} sent {plural(overview.applications, 'application')}"
    if not report.loaded.normalized.outcomes_known:
        return f"{sent}; the file does not say how they ended."
    offers = "none an offer" if overview.offer_rate.successes == 0 else f"{overview.offer_rate.successes} an offer"
    return f"{sent}: {overview.interview_rate.successes} reached an interview and {offers}."


def stall_sentence(report: Report) -> str:
    """Where the search stalls, in words: the bottleneck when there is one, else where most rejections come."""
    funnel = report.funnel
    if funnel.bottleneck is not None:
        return f"Your search stalls most {_where(funnel.bottleneck.stage)}."
    most = funnel.most_rejections
    if most is None:
        return "No rejection is recorded yet, so there is no stage to fix."
    where = (f"Most of your rejections come {_where(most.stage)}" if most.share > 0.5 else
             f"More of your rejections come {_where(most.stage)} than at any other stage")
    return f"{where}, but no stage stands out yet as the one to fix."


def first_step_sentence(report: Report) -> str:
    """What to do first: the top focus area."""
    areas = report.focus_areas
    if not areas:
        return "Keep logging every application and its outcome: patterns show after a few weeks."
    return f"First thing to work on: {areas[0].title}."


def funnel_lead(report: Report) -> tuple[str, ...]:
    """The Funnel page's and the summary's opening sentences."""
    return outcome_sentence(report), stall_sentence(report), first_step_sentence(report)


def plan_lead(report: Report, pace: Pace | float | None) -> tuple[str, ...]:
    """The Plan page's opening sentences: the interview rate beside the published range, what one offer takes."""
    position = interview_rate_position(published_interview_rate(report.funnel))
    per_offer = applications_per_offer(report.funnel, pace)
    if per_offer.too_few:
        offer = "It is too early to tell how many applications one offer takes."
    elif per_offer.applications is None or per_offer.applications == float("inf"):
        offer = (f"No offer yet: at your rates so far one offer is likely to take at least "
                 f"{number(per_offer.low)} applications.")
    else:
        weeks = per_week_of(pace)
        at_pace = f", about {number(per_offer.weeks)} weeks at your pace" if weeks and per_offer.weeks else ""
        offer = f"At your rates so far one offer takes about {number(per_offer.applications)} applications{at_pace}."
    return _PUBLISHED_PLAIN[position], offer
