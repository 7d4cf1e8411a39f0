"""The hiring funnel: how many applications reached each stage, and how they ended there.

Stages run applied -> first_interview -> second_interview -> final_interview -> offer.
``reached(s)`` counts applications whose furthest stage is ``s`` or later, so a final interview
with no first interview recorded counts as having reached the first and second interviews, and
an offer (stage or outcome) counts as having reached every stage.

At each stage the applications that *ended* there (furthest stage == s) are split by outcome.
``decided`` at a stage is ``reached`` minus those still in progress there: they may yet move on.

Definitions used across the app:

* pass rate of s = reached(next) / reached(s); the *decided* pass rate divides by decided(s).
  None at the offer stage.
* rejection rate of s = rejected there / reached(s) (its 95% Wilson interval is ``ci95``);
  the decided rejection rate divides by decided(s).
* response rate = applications that got any reply / all applications. A reply is a furthest
  stage beyond applied, an outcome of rejected or offer, or a ``responded_on`` date. A
  withdrawal or "in progress" with no stage and no date is not evidence of a reply.
* interview rate = reached(first_interview) / all; offer rate = reached(offer) / all.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core.schema import OUTCOMES, STAGE_LABELS, STAGES, require_columns
from analysis.core.stats import MIN_N, Rate

ENDINGS: tuple[str, ...] = ("rejected", "no_response", "withdrawn", "in_progress")
"""The outcomes an application can end with before an offer, in display order."""

APPLICATION_INTERVIEW_BENCHMARK = 0.08
"""Top of the published 3-8% application -> interview range (NORMS.md: CareerPlug 2024, Ashby)."""

INTERVIEW_STAGES: tuple[str, ...] = STAGES[1:4]


_OFFER, _IN_PROGRESS = OUTCOMES.index("offer"), OUTCOMES.index("in_progress")
_REPLIES = [OUTCOMES.index("rejected"), _OFFER]


def positions_in(values: pd.Series, words: tuple[str, ...]) -> np.ndarray:
    """Each value's position in ``words`` (``len(words)`` for any other or a missing value).

    Each distinct value is looked up once, which is much faster than comparing every cell.
    """
    codes, distinct = pd.factorize(values)
    index = {word: i for i, word in enumerate(words)}
    return np.array([index.get(value, len(words)) for value in distinct] + [len(words)], dtype=np.int64)[codes]


def _positions_and_outcomes(apps: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per application: the stage position (as :func:`stage_positions`) and the outcome's index in OUTCOMES."""
    outcomes = positions_in(apps["outcome"], OUTCOMES)
    positions = positions_in(apps["furthest_stage"], STAGES)
    positions[positions == len(STAGES)] = 0
    positions[outcomes == _OFFER] = len(STAGES) - 1
    return positions, outcomes


def stage_positions(apps: pd.DataFrame) -> pd.Series:
    """The furthest stage of each application as an index into STAGES (an offer outcome counts as 4)."""
    require_columns(apps, ("furthest_stage", "outcome"))
    return pd.Series(_positions_and_outcomes(apps)[0], index=apps.index, name="furthest_stage")


def application_flags(apps: pd.DataFrame) -> pd.DataFrame:
    """Per application: ``responded``, ``interviewed``, ``offered`` (bool), ``settled`` (bool).

    ``settled`` is False only for applications still in progress with no interview yet: the
    ones that have not had their answer at the applied stage.
    """
    require_columns(apps, ("furthest_stage", "outcome", "responded_on"))
    return _flags(apps, *_positions_and_outcomes(apps))


def _flags(apps: pd.DataFrame, positions: np.ndarray, outcomes: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "responded": (positions > 0) | np.isin(outcomes, _REPLIES) | apps["responded_on"].notna().to_numpy(),
            "interviewed": positions >= 1,
            "offered": positions >= len(STAGES) - 1,
            "settled": ~((positions == 0) & (outcomes == _IN_PROGRESS)),
        },
        index=apps.index,
    )


@dataclass(frozen=True)
class StageResult:
    """One stage of the funnel. ``ended`` counts applications whose furthest stage is this one, by outcome."""

    stage: str
    reached: int
    ended: dict[str, int]
    pass_rate: Rate | None
    decided_pass_rate: Rate | None
    rejection_rate: Rate
    decided_rejection_rate: Rate

    @property
    def label(self) -> str:
        """The stage's display name."""
        return STAGE_LABELS[self.stage]

    @property
    def decided(self) -> int:
        """Applications that reached the stage and are no longer in progress there."""
        return self.reached - self.ended["in_progress"]

    def to_json_entry(self) -> dict:
        """This stage as an entry of the report's ``funnel`` list (DESIGN.md), with extra keys."""
        ended = {outcome: self.ended[outcome] for outcome in ENDINGS}
        return {
            "stage": self.stage,
            "reached": self.reached,
            **ended,
            "offer": self.ended["offer"],
            "pass_rate": None if self.pass_rate is None else self.pass_rate.value,
            "rejection_rate": self.rejection_rate.value,
            "ci95": [self.rejection_rate.low, self.rejection_rate.high],
            "decided": self.decided,
            "pass_ci95": None if self.pass_rate is None else [self.pass_rate.low, self.pass_rate.high],
            "decided_pass_rate": None if self.decided_pass_rate is None else self.decided_pass_rate.value,
            "decided_rejection_rate": self.decided_rejection_rate.value,
            "too_few": self.rejection_rate.too_few,
        }


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
class Overview:
    """Whole-search rates. ``no_response_inferred`` counts no-responses derived from dates."""

    applications: int
    outcomes: dict[str, int]
    response_rate: Rate
    interview_rate: Rate
    offer_rate: Rate
    no_response_rate: Rate
    no_response_inferred: int

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {
            "applications": self.applications,
            "outcomes": dict(self.outcomes),
            "response_rate": self.response_rate.to_dict(),
            "interview_rate": self.interview_rate.to_dict(),
            "offer_rate": self.offer_rate.to_dict(),
            "no_response_rate": self.no_response_rate.to_dict(),
            "no_response_inferred": self.no_response_inferred,
        }


@dataclass(frozen=True)
class Funnel:
    """The funnel of a set of applications: five stages in order, the overview and the bottleneck."""

    stages: tuple[StageResult, ...]
    overview: Overview
    bottleneck: Bottleneck | None

    @property
    def applications(self) -> int:
        """How many applications the funnel counts."""
        return self.overview.applications

    def stage(self, name: str) -> StageResult:
        """The result of one stage by its id."""
        return next(result for result in self.stages if result.stage == name)

    def to_json_entries(self) -> list[dict]:
        """The report's ``funnel`` list: one entry per stage, in order (DESIGN.md)."""
        return [result.to_json_entry() for result in self.stages]

    def to_dict(self) -> dict:
        """A JSON-ready dict: funnel entries, overview and bottleneck."""
        return {
            "funnel": self.to_json_entries(),
            "overview": self.overview.to_dict(),
            "bottleneck": None if self.bottleneck is None else self.bottleneck.to_dict(),
        }


def find_bottleneck(stages: tuple[StageResult, ...]) -> Bottleneck | None:
    """The stage where the search stalls, by this rule.

    Only stages with at least 5 decided applications are considered. The applied stage is the
    bottleneck when its decided pass-through (the interview rate of applications that have had
    their answer) is below 8%, the top of the published 3-8% application -> interview range
    (NORMS.md). Otherwise the bottleneck is the interview stage (first, second or final) with
    the lowest decided pass-through, the earliest on a tie. None when no stage qualifies.
    """
    eligible = [s for s in stages if s.decided_pass_rate is not None and s.decided >= MIN_N]
    applied = next((s for s in eligible if s.stage == "applied"), None)
    if applied is not None and applied.decided_pass_rate.value < APPLICATION_INTERVIEW_BENCHMARK:
        return Bottleneck(
            "applied",
            applied.decided_pass_rate,
            f"only {applied.decided_pass_rate.label()} of decided applications reached an interview, "
            f"below the published 3-8% range's top of {APPLICATION_INTERVIEW_BENCHMARK:.0%}",
        )
    interviews = [s for s in eligible if s.stage in INTERVIEW_STAGES]
    if not interviews:
        return None
    worst = min(interviews, key=lambda s: s.decided_pass_rate.value)
    return Bottleneck(
        worst.stage,
        worst.decided_pass_rate,
        f"the lowest pass-through of any interview stage: {worst.decided_pass_rate.label()} moved on",
    )


def build_funnel(apps: pd.DataFrame) -> Funnel:
    """The funnel of the canonical applications table (never modified)."""
    require_columns(apps, ("furthest_stage", "outcome", "outcome_inferred", "responded_on"))
    positions, outcomes = _positions_and_outcomes(apps)
    width = len(OUTCOMES) + 1
    ended_counts = np.bincount(positions * width + outcomes, minlength=len(STAGES) * width).reshape(len(STAGES), width)
    reached = np.cumsum(np.bincount(positions, minlength=len(STAGES))[::-1])[::-1].tolist()
    results = []
    for i, stage in enumerate(STAGES):
        ended = {outcome: int(ended_counts[i, OUTCOMES.index(outcome)]) for outcome in (*ENDINGS, "offer")}
        decided = reached[i] - ended["in_progress"]
        following = reached[i + 1] if i + 1 < len(STAGES) else None
        results.append(
            StageResult(
                stage=stage,
                reached=reached[i],
                ended=ended,
                pass_rate=None if following is None else Rate.of(following, reached[i]),
                decided_pass_rate=None if following is None else Rate.of(following, decided),
                rejection_rate=Rate.of(ended["rejected"], reached[i]),
                decided_rejection_rate=Rate.of(ended["rejected"], decided),
            )
        )
    stages = tuple(results)
    overview = _overview(apps, positions, outcomes)
    return Funnel(stages=stages, overview=overview, bottleneck=find_bottleneck(stages))


def _overview(apps: pd.DataFrame, positions: np.ndarray, outcomes: np.ndarray) -> Overview:
    flags = _flags(apps, positions, outcomes)
    total = len(apps)
    outcome_counts = np.bincount(outcomes, minlength=len(OUTCOMES) + 1)
    no_response = outcomes == OUTCOMES.index("no_response")
    return Overview(
        applications=total,
        outcomes={outcome: int(outcome_counts[i]) for i, outcome in enumerate(OUTCOMES)},
        response_rate=Rate.of(int(flags["responded"].sum()), total),
        interview_rate=Rate.of(int(flags["interviewed"].sum()), total),
        offer_rate=Rate.of(int(flags["offered"].sum()), total),
        no_response_rate=Rate.of(int(no_response.sum()), total),
        no_response_inferred=int((no_response & apps["outcome_inferred"].astype(bool).to_numpy()).sum()),
    )
