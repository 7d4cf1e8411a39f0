"""The plan sections of the improvement summary: the next weeks, what would move the needle, published norms, pace and replies."""
from __future__ import annotations

from analysis.core.wording import date_phrase, days_phrase, rate_phrase
from analysis.plan.norms import norms_beside
from analysis.plan.planner import Pace, applications_per_offer, needle_movers
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

PLAN_MIN_WEEKS, PLAN_MAX_WEEKS = 2, 4
NOT_A_PLAN_WEEK = ("not_personal",)
"""Focus areas about how to read results rather than what to do; the plan skips them."""


def next_weeks_plan(report, focus: tuple[FocusItem, ...], pace: Pace) -> Plan:
    """2-4 weeks: one actionable focus area a week at the user's own pace, then a review week."""
    best = [s for s in report.segments.channel.segments if s.verdict == "better"]
    channel = max(best, key=lambda s: s.interview_rate.value).name if best else None
    bottleneck = report.funnel.bottleneck
    if pace.per_week is None:
        target = None
        pace_text = "Your file has no application dates, so set a weekly number of applications you can keep up."
    else:
        fewer = bottleneck is not None and bottleneck.stage == "applied" and pace.per_week > 5
        target = max(2, round(pace.per_week * (0.7 if fewer else 1.0)))
        pace_text = (f"You sent {pace.label()}"
                     + (f"; send about {target} a week, fewer but better tailored." if fewer else f"; keep to about {target} a week."))
    top = [item for item in focus if item.id not in NOT_A_PLAN_WEEK][: PLAN_MAX_WEEKS - 1]
    weeks_count = min(PLAN_MAX_WEEKS, max(PLAN_MIN_WEEKS, len(top) + 1))
    weeks: list[PlanWeek] = []
    applications_task = None
    if target is not None:
        applications_task = text(f"Send {target} applications" + (f", at least {max(1, round(target / 2))} through the {channel} channel" if channel else "") + ".")
    for number in range(1, weeks_count + 1):
        tasks: list[Text] = []
        if number <= len(top):
            area = top[number - 1]
            focus_text = text(area.title)
            tasks.extend(text(action) for action in area.actions[:2])
        elif number < weeks_count:
            focus_text = text("Keep going")
            tasks.append(text("Repeat what worked in the weeks before."))
        else:
            focus_text = text("Review")
            interview = report.funnel.overview.interview_rate
            tasks.append(text("Update every application in your tracker with its latest stage, outcome and feedback."))
            tasks.append(text(f"Compare the interview rate of the applications sent during these weeks with your "
                              f"{interview.percent()} so far, and keep what helped."))
        if applications_task and not (number == weeks_count and number > len(top)):
            tasks.append(applications_task)
        weeks.append(PlanWeek(number, focus_text, tuple(tasks)))
    intro = text(f"A {weeks_count}-week plan built from your top focus areas. {pace_text}")
    return Plan(intro, tuple(weeks))


def pace_and_replies_section(report, pace: Pace) -> Section:
    """The pace and replies section: weekly pace, interview-rate trend and how fast employers reply."""
    trend, timing = report.trend, report.timing
    items: list[Text] = []
    if pace.per_week is not None:
        items.append(text(f"Pace: {pace.label()}, up to {date_phrase(pace.until)}."))
    if trend.verdict in ("improving", "worsening", "flat") and trend.split_on is not None:
        word = {"improving": "improving", "worsening": "falling", "flat": "steady"}[trend.verdict]
        items.append(text(f"Trend: your interview rate is {word}: {rate_phrase(trend.first_half)} before "
                          f"{date_phrase(trend.split_on)}, {rate_phrase(trend.second_half)} since."))
    else:
        items.append(text("Trend: too early to tell whether your interview rate is changing "
                          "(it needs a month or more and 5 settled applications in each half)."))
    if timing.overall.n:
        items.append(text(f"Replies: employers who replied took a median of {days_phrase(timing.median_days)} "
                          f"(n={timing.overall.n})."))
    if timing.slow_companies:
        slow = [UserText(f"{c.company} ({days_phrase(c.median_days)})") for c in timing.slow_companies[:5]]
        items.append(text(f"Slow to reply (median over {timing.slow_after_days} days): ", *_join(slow), "."))
    if timing.silent_companies:
        silent = [UserText(f"{c.company} ({c.applications})") for c in timing.silent_companies[:5]]
        items.append(text("Never answered any of your applications: ", *_join(silent), "."))
    charts = (ChartRef("weekly_trend_chart"), ChartRef("response_time_chart"))
    return Section("pace", "Pace and replies", (Bullets(tuple(items)), *charts))


def needle_section(report, pace: Pace) -> Section:
    """What would move the needle most: the what-if levers ranked by their effect."""
    per_offer = applications_per_offer(report.funnel, pace)
    levers = needle_movers(report.funnel, report.segments, pace)
    blocks: list = [Paragraph(text(per_offer.sentence()))]
    if levers:
        blocks.append(Bullets(tuple(text(lever) for lever in levers), ordered=True))
    return Section("needle", "What would move the needle most", tuple(blocks))


def norms_section(report) -> Section:
    """The user's rates beside published figures, each with its source, year, population and caveat."""
    comparisons = norms_beside(report.funnel, report.timing)
    items = tuple(
        # Published wording (">60,000 businesses") is escaped like user text.
        text(UserText(f"{comparison.reading} Measured among: {comparison.populations}. {comparison.caveat}"))
        for comparison in comparisons
    )
    if not items:
        return Section("norms", "Your rates beside published figures",
                       (Paragraph(text("Too few decided applications to set beside published figures yet.")),))
    return Section("norms", "Your rates beside published figures", (Bullets(items),))


def _join(parts: list[str], separator: str = ", ") -> list[str]:
    joined: list[str] = []
    for i, part in enumerate(parts):
        if i:
            joined.append(separator)
        joined.append(part)
    return joined

