"""What would move the needle most: each lever's projected offers beside today's, biggest gain first.

Levers (each projected by ``analysis.plan.planner``): :data:`EXTRA_PER_WEEK` more applications a
week, :data:`CHANNEL_SHARE` of applications through the channel with the best interview rate, and
each stage's pass-through raised by :data:`RAISE_POINTS`.
"""
from __future__ import annotations

from analysis.core.schema import STAGE_LABELS
from analysis.core.stats import MIN_N, Rate
from analysis.funnel.segments import Segments
from analysis.funnel.stages import Funnel
from analysis.plan.pace import Pace
from analysis.plan.planner import Projection, number, project, stage_rates

EXTRA_PER_WEEK = 2
"""The volume lever of :func:`needle_movers`: this many more applications a week."""
CHANNEL_SHARE = 0.2
"""The channel lever of :func:`needle_movers`: this share of applications moved to the best channel."""
RAISE_POINTS: dict[str, float] = {"applied": 0.05, "first_interview": 0.10, "second_interview": 0.10,
                                  "final_interview": 0.10}
"""The stage levers of :func:`needle_movers`: percentage points added to each stage's pass-through."""
STAGE_LEVER_WORDS: dict[str, str] = {
    "applied": "better-targeted applications",
    "first_interview": "first-interview preparation",
    "second_interview": "second-interview preparation",
    "final_interview": "final-interview preparation",
}


def _best_channel(segments: Segments, overall: Rate) -> tuple[str, Rate] | None:
    """The channel with the highest interview rate above the overall one, among those with n >= 5."""
    known = [s for s in segments.channel.segments if not s.interview_rate.too_few
             and s.interview_rate.value > (overall.value or 0)]
    if not known:
        return None
    best = max(known, key=lambda s: s.interview_rate.value)
    return best.name, best.interview_rate


def needle_movers(funnel: Funnel, segments: Segments, pace: Pace | float | None, top: int = 4) -> list[str]:
    """What would move the needle most: each lever's projected offers beside today's, biggest gain first.

    Levers: :data:`EXTRA_PER_WEEK` more applications a week (with a pace); :data:`CHANNEL_SHARE`
    of applications through the channel with the best interview rate (n >= 5, above the overall
    rate); each stage with at least 5 decided applications raised by :data:`RAISE_POINTS`.
    """
    base = project(funnel, pace)
    if base.n < MIN_N:
        return [f"Too few applications have had their answer to tell what would move the needle (n={base.n})."]
    stuck = next((stage for stage, rate in stage_rates(funnel).items() if rate.value == 0 and not rate.too_few), None)
    if stuck is not None:
        rate = funnel.stage(stuck).decided_pass_rate
        where = ("applications has led to an interview" if stuck == "applied"
                 else f"{STAGE_LABELS[stuck].lower()}s has moved on")
        return [f"None of your {rate.n} decided {where} yet, so no offer can come until one does: "
                f"start with {STAGE_LEVER_WORDS[stuck]}."]
    if base.offer_chance is None:
        unknown = next(stage for stage, rate in stage_rates(funnel).items() if rate.n == 0)
        return [f"No {STAGE_LABELS[unknown].lower()} has had its answer yet, so it is too early to tell "
                "what would move the needle."]
    per_month = base.offers_per_month is not None
    unit = "offers a month" if per_month else "offers per 100 applications"

    def amount(projection: Projection) -> float:
        return projection.offers_per_month if per_month else projection.offer_chance * 100

    def bounds(projection: Projection) -> tuple[float, float]:
        if per_month:
            return projection.low, projection.high
        return projection.offer_low * 100, projection.offer_high * 100

    options: list[tuple[str, Projection]] = []
    if per_month:
        options.append((f"Send {EXTRA_PER_WEEK} more applications a week",
                        project(funnel, pace, extra_per_week=EXTRA_PER_WEEK)))
    best = _best_channel(segments, funnel.stage("applied").decided_pass_rate)
    if best is not None:
        name, rate = best
        options.append((f"Send {CHANNEL_SHARE:.0%} of your applications through {name} "
                        f"(your interview rate there: {rate.label()})",
                        project(funnel, pace, shift=(CHANNEL_SHARE, rate))))
    for stage, rate in stage_rates(funnel).items():
        if rate.too_few or rate.value >= 1:
            continue
        target = min(1.0, rate.value + RAISE_POINTS[stage])
        moved = ("applications that get an interview" if stage == "applied"
                 else f"{STAGE_LABELS[stage].lower()}s that move on")
        options.append((f"Raise the share of {moved} from {rate.percent()} to {target:.0%} "
                        f"({STAGE_LEVER_WORDS[stage]})",
                        project(funnel, pace, fixed={stage: target})))
    options = [option for option in options if option[1].offer_chance is not None]
    ranked = sorted(options, key=lambda option: amount(option[1]) - amount(base), reverse=True)
    lines = []
    for words, projection in ranked[:top]:
        if amount(projection) <= amount(base):
            continue
        low, high = bounds(projection)
        lines.append(f"{words}: about {number(amount(projection))} {unit} instead of {number(amount(base))} "
                     f"(likely between {number(low)} and {number(high)}).")
    return lines or ["No single lever stands out: keep your pace and keep logging outcomes."]
