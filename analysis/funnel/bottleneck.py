"""Where the search stalls: a stage named only when its pass-through is credibly the lowest.

Each stage's *decided* pass-through (``analysis.funnel.stages``) comes with its 95% Wilson
interval, and a stage is named only when that interval says so:

* the applied stage, when its whole interval lies below 8%, the top of the published 3–8%
  application -> interview range (NORMS.md): its pass-through is naturally far below the
  interview stages', so it is set against the published range, not against them;
* otherwise the interview stage (first, second or final) with the lowest pass-through, when its
  whole interval lies below the interval of every other interview stage that has decided
  applications.

Else the verdict is "no clear bottleneck yet", with the number of decided applications that
would tell at the rates seen so far (0 of 5 first interviews, interval 0–43%, is not named).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.core.schema import STAGE_LABELS, STAGES
from analysis.core.stats import RELATION_WORDS, Rate, needed_for_interval_below, needed_to_separate, range_position
from analysis.core.wording import likely_range

if TYPE_CHECKING:
    from analysis.funnel.stages import Funnel, StageResult

APPLICATION_INTERVIEW_BENCHMARK = 0.08
"""Top of the published 3-8% application -> interview range (NORMS.md: CareerPlug 2024, Ashby)."""
PUBLISHED_INTERVIEW_RANGE = (0.03, APPLICATION_INTERVIEW_BENCHMARK)
"""The published application -> interview range every comparison uses (``analysis.plan.published`` holds its sources)."""
INTERVIEW_STAGES: tuple[str, ...] = STAGES[1:4]
FOUND, NOT_YET = "bottleneck", "no clear bottleneck yet"


@dataclass(frozen=True)
class Bottleneck:
    """The stage where applications stall, its decided pass-through rate and why it was picked."""

    stage: str
    pass_rate: Rate
    reason: str

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"stage": self.stage, "pass_rate": self.pass_rate.to_dict(), "reason": self.reason}


@dataclass(frozen=True)
class BottleneckVerdict:
    """The verdict ("bottleneck" or "no clear bottleneck yet") with its sentence.

    ``stage`` is the named stage, or the one that looks lowest so far; ``needed`` the decided
    applications at it that would tell at the rates seen so far (None when no number would).
    """

    verdict: str
    sentence: str
    bottleneck: Bottleneck | None
    stage: str | None
    needed: int | None

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"verdict": self.verdict, "sentence": self.sentence, "stage": self.stage, "needed": self.needed,
                "bottleneck": None if self.bottleneck is None else self.bottleneck.to_dict()}


def _found(stage: str, rate: Rate, reason: str) -> BottleneckVerdict:
    where = "before any interview" if stage == "applied" else f"at the {STAGE_LABELS[stage].lower()}"
    bottleneck = Bottleneck(stage, rate, reason)
    return BottleneckVerdict(FOUND, f"Your funnel narrows most {where}: {reason}.", bottleneck, stage, None)


def _not_yet(stage: str | None, rate: Rate | None, needed: int | None) -> BottleneckVerdict:
    if stage is None or rate is None:
        return BottleneckVerdict(NOT_YET, "No clear bottleneck yet: too few applications have had their answer "
                                 "at any stage.", None, None, None)
    what = "decided applications" if stage == "applied" else f"decided {STAGE_LABELS[stage].lower()}s"
    seen = f"{rate.successes} of {rate.n} {what} moved on ({likely_range(rate)})"
    if needed is None:
        tell = "no other interview stage has decided applications to compare it with yet"
    else:
        tell = f"at these rates about {needed} {what} would tell"
    return BottleneckVerdict(NOT_YET, f"No clear bottleneck yet: {seen}, which could be chance; {tell}.",
                             None, stage, needed)


def published_interview_rate(funnel: Funnel) -> Rate:
    """The interview rate set against the published range: of the applications that have had their answer
    (the applied stage's decided pass-through), as the bottleneck rule reads it."""
    return funnel.stage("applied").decided_pass_rate


def interview_rate_position(rate: Rate) -> str:
    """Where an interview rate sits against :data:`PUBLISHED_INTERVIEW_RANGE` (:func:`range_position`)."""
    return range_position(rate, *PUBLISHED_INTERVIEW_RANGE)


def _below_benchmark(applied: Rate) -> str:
    """Why the applied stage is the bottleneck, worded with the same verdict as the published comparison."""
    position = interview_rate_position(applied)
    where = ("below the published 3–8% range" if position == "below" else
             f"{RELATION_WORDS[position]} the published 3–8% range, but clearly under its 8% top")
    return (f"only {applied.successes} of {applied.n} decided applications ({applied.percent()}) reached an "
            f"interview ({likely_range(applied)}), {where}")


def find_bottleneck(stages: tuple[StageResult, ...]) -> BottleneckVerdict:
    """The bottleneck verdict of the funnel's stages, by the rule of this module."""
    rates = {s.stage: s.decided_pass_rate for s in stages if s.decided_pass_rate is not None and s.decided_pass_rate.n}
    applied = rates.get("applied")
    if applied is not None and applied.high < APPLICATION_INTERVIEW_BENCHMARK:
        return _found("applied", applied, _below_benchmark(applied))
    interviews = {stage: rate for stage, rate in rates.items() if stage in INTERVIEW_STAGES}
    # the candidate: the lowest of the stages with enough decided applications, if any has (the earliest on a tie)
    enough = [stage for stage, rate in interviews.items() if not rate.too_few] or list(interviews)
    lowest = min(enough, key=lambda stage: interviews[stage].value, default=None)
    others = [rate for stage, rate in interviews.items() if stage != lowest]
    if lowest is not None and others and all(interviews[lowest].high < other.low for other in others):
        worst = interviews[lowest]
        return _found(lowest, worst, f"only {worst.successes} of {worst.n} moved on ({likely_range(worst)}), clearly "
                      "fewer than at your other interview stages")
    if applied is not None and applied.value < APPLICATION_INTERVIEW_BENCHMARK:
        return _not_yet("applied", applied, needed_for_interval_below(applied.value, APPLICATION_INTERVIEW_BENCHMARK))
    if lowest is None:
        return _not_yet(None, None, None)
    closest = min(others, key=lambda other: other.low, default=None)
    return _not_yet(lowest, interviews[lowest], None if closest is None else needed_to_separate(interviews[lowest], closest))
