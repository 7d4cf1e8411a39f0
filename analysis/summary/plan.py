"""The plan sections of the improvement summary: the next weeks, what would move the needle, published norms, pace and replies."""
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.core.wording import date_phrase, days_phrase
from analysis.plan.caseload import candidate_count
from analysis.plan.levers import needle_movers
from analysis.plan.norms import norms_beside
from analysis.plan.pace import Pace
from analysis.plan.planner import applications_per_offer
from analysis.plan.published import CANDIDATE_CAVEAT, EMPLOYER_CAVEAT
from analysis.summary.model import (
    Bullets,
    ChartRef,
    FocusItem,
    Paragraph,
    Plan,
    PlanWeek,
    Section,
    Text,
    UserText,
    text,
)

PLAN_WEEKS = 4
NOT_A_PLAN_WEEK = ("not_personal", "track_outcomes")
"""Focus areas about how to read or log results rather than what to change; the plan does not build a week on them."""
_SENDING = (
    "Send {n} applications, each tailored to its posting",
    "Send {n} more, with week 1's change in every one",
    "Send {n} more, keeping what weeks 1 and 2 changed",
    "Send {n} more, noting for each the channel it went through",
)

if TYPE_CHECKING:
    from analysis.report import Report  # the top of the engine; imported for annotations only


def _weekly_target(report: Report, pace: Pace) -> tuple[int | None, str]:
    """How many applications a week, and the sentence saying why."""
    if pace.per_week is None:
        return None, "Your file has no application dates, so set a weekly number of applications you can keep up."
    bottleneck = report.funnel.bottleneck
    fewer = bottleneck is not None and bottleneck.stage == "applied" and pace.per_week > 5
    target = max(2, round(pace.per_week * (0.7 if fewer else 1.0)))
    candidates = candidate_count(report.applications)
    who = f"The {candidates} candidates sent" if candidates > 1 else "You sent"
    return target, (f"{who} {pace.label()}"
                    + (f"; send about {target} a week, fewer but better tailored." if fewer else f"; keep to about {target} a week."))


def _sending(week: int, target: int | None, channel: str | None) -> list[Text]:
    if target is None:
        return []
    through = f", at least {max(1, round(target / 2))} through the {channel} channel" if channel else ""
    return [text(_SENDING[week - 1].format(n=target) + through + ".")]


def next_weeks_plan(report: Report, focus: tuple[FocusItem, ...], pace: Pace) -> Plan:
    """Four weeks that build on each other, from the top focus areas at the user's own pace:

    week 1 starts the top area; week 2 adds the second and keeps the first; week 3 follows up
    on week 1's applications (the app's one follow-up rule) and starts the third area; week 4
    reviews what changed. Nothing is dated: each week starts when the one before ends.
    """
    best = [s for s in report.segments.channel.segments if s.verdict == "better"]
    channel = max(best, key=lambda s: s.interview_rate.value).name if best else None
    target, pace_text = _weekly_target(report, pace)
    top = [item for item in focus if item.id not in NOT_A_PLAN_WEEK][:3]
    first = top[0].title if top else None
    weeks: list[PlanWeek] = []
    if top:
        weeks.append(PlanWeek(1, text(top[0].title), tuple(text(a) for a in top[0].actions[:2]) + tuple(_sending(1, target, channel))))
    else:
        weeks.append(PlanWeek(1, text("Log every application"), (
            text("Give every application in your tracker its stage, outcome and any feedback."),
            *_sending(1, target, channel))))
    second: list[Text] = [text(a) for a in top[1].actions[:2]] if len(top) > 1 else []
    if first is not None:
        second.append(text("Keep what you started in week 1 (", first, ")."))
    weeks.append(PlanWeek(2, text(top[1].title) if len(top) > 1 else text("Make week 1's change a habit"),
                          (*second, *_sending(2, target, channel))))
    third = [text("Follow up on week 1's applications that have had no reply. ", report.follow_up.sentence())]
    third.extend(text(a) for a in (top[2].actions[:1] if len(top) > 2 else ()))
    third_focus = text("Follow up", *((", and ", UserText(top[2].title[:1].lower() + top[2].title[1:])) if len(top) > 2 else ()))
    weeks.append(PlanWeek(3, third_focus, (*third, *_sending(3, target, channel))))
    interview = report.funnel.overview.interview_rate
    weeks.append(PlanWeek(4, text("Review what changed"), (
        text("Update every application in your tracker with its latest stage, outcome and feedback."),
        text(f"Compare the replies and interviews of the applications sent in weeks 1 to 3 with your "
             f"{interview.percent()} interview rate so far: keep what helped, drop what did not."),
        *_sending(4, target, channel))))
    intro = text(f"A {PLAN_WEEKS}-week plan built from your top focus areas, each week building on the one before. {pace_text}")
    return Plan(intro, tuple(weeks))


def pace_and_replies_section(report: Report, pace: Pace) -> Section:
    """The pace and replies section: weekly pace, interview-rate trend and how fast employers reply."""
    trend, timing = report.trend, report.timing
    items: list[Text] = []
    if pace.per_week is not None:
        items.append(text(f"Pace: {pace.label()}, up to {date_phrase(pace.until)}."))
    items.append(text(f"Trend: {trend.sentence}"))
    if timing.survival.overall.replies:
        items.append(text(f"Replies: {timing.survival.sentence}"))
    if timing.slow_companies:
        slow = [UserText(f"{c.company} ({days_phrase(c.median_days)})") for c in timing.slow_companies[:5]]
        items.append(text(f"Slow to reply (median over {timing.slow_after_days} days): ", *_join(slow), "."))
    if timing.silent_companies:
        silent = [UserText(f"{c.company} ({c.applications})") for c in timing.silent_companies[:5]]
        items.append(text("Never answered any of your applications: ", *_join(silent), "."))
    charts = (ChartRef("weekly_trend_chart"), ChartRef("response_time_chart"))
    return Section("pace", "Pace and replies", (Bullets(tuple(items)), *charts))


def needle_section(report: Report, pace: Pace) -> Section:
    """What would move the needle most: the what-if levers ranked by their effect."""
    per_offer = applications_per_offer(report.funnel, pace)
    levers = needle_movers(report.funnel, report.segments, pace)
    blocks: list = [Paragraph(text(per_offer.sentence()))]
    if levers:
        blocks.append(Bullets(tuple(text(lever) for lever in levers), ordered=True))
    return Section("needle", "What would move the needle most", tuple(blocks))


def norms_section(report: Report) -> Section:
    """The user's rates beside published figures, each with its source, year, population and caveat."""
    comparisons = norms_beside(report.funnel, report.timing)
    items = tuple(
        # Published wording (">60,000 businesses") is escaped like user text; each kind's caveat is said once, above.
        text(UserText(f"{comparison.reading} Measured among: {comparison.populations}. {comparison.note}".strip()))
        for comparison in comparisons
    )
    if not items:
        return Section("norms", "Your rates beside published figures",
                       (Paragraph(text("Too few decided applications to set beside published figures yet.")),))
    caveats = Paragraph(text(f"Published figures are context, not targets. {EMPLOYER_CAVEAT} {CANDIDATE_CAVEAT}"))
    return Section("norms", "Your rates beside published figures", (caveats, Bullets(items)))


def _join(parts: list[str], separator: str = ", ") -> list[str]:
    joined: list[str] = []
    for i, part in enumerate(parts):
        if i:
            joined.append(separator)
        joined.append(part)
    return joined

