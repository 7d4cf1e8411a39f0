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
from analysis.core.stats import Rate
from analysis.funnel.bottleneck import Bottleneck, BottleneckVerdict, find_bottleneck

ENDINGS: tuple[str, ...] = ("rejected", "no_response", "withdrawn", "in_progress")
"""The outcomes an application can end with before an offer, in display order."""


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
class RejectionShare:
    """The stage before the offer where most rejections came: its rejections out of all of them."""

    stage: str
    count: int
    total: int

    @property
    def share(self) -> float:
        """This stage's share of all rejections."""
        return self.count / self.total


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
    bottleneck_verdict: BottleneckVerdict

    @property
    def bottleneck(self) -> Bottleneck | None:
        """The stage credibly the lowest (``analysis.funnel.bottleneck``), or None: no clear bottleneck yet."""
        return self.bottleneck_verdict.bottleneck

    @property
    def applications(self) -> int:
        """How many applications the funnel counts."""
        return self.overview.applications

    def stage(self, name: str) -> StageResult:
        """The result of one stage by its id."""
        return next(result for result in self.stages if result.stage == name)

    @property
    def most_rejections(self) -> RejectionShare | None:
        """Where most rejections came (the earliest stage on a tie), or None without rejections."""
        before_offer = self.stages[:-1]
        total = sum(stage.ended["rejected"] for stage in before_offer)
        if total == 0:
            return None
        worst = max(before_offer, key=lambda stage: stage.ended["rejected"])
        return RejectionShare(worst.stage, worst.ended["rejected"], total)

    def to_json_entries(self) -> list[dict]:
        """The report's ``funnel`` list: one entry per stage, in order (DESIGN.md)."""
        return [result.to_json_entry() for result in self.stages]

    def to_dict(self) -> dict:
        """A JSON-ready dict: funnel entries, overview and bottleneck."""
        return {
            "funnel": self.to_json_entries(),
            "overview": self.overview.to_dict(),
            "bottleneck": None if self.bottleneck is None else self.bottleneck.to_dict(),
            "bottleneck_verdict": self.bottleneck_verdict.to_dict(),
        }


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
    return Funnel(stages=stages, overview=overview, bottleneck_verdict=find_bottleneck(stages))


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
