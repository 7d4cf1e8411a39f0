"""What one offer takes at the user's own rates, and what would change it.

The chance that an application ends in an offer is the product of the four stage pass-through
rates: applied -> first interview -> second -> final -> offer. Each is the stage's *decided*
pass rate (``analysis.funnel.stages``): applications still waiting for an answer at a stage are left
out of it, as they may yet move on.

Best guess and interval (95%) come from one small deterministic Monte Carlo: :data:`DRAWS` draws
with the fixed seed :data:`SEED`, each stage's pass rate drawn from Beta(k+1/2, n-k+1/2) (k of n
moved on: the posterior under the Jeffreys prior, so a stage nobody has finished yet is
"anything from 0 to 100%"). The best guess is the median of the product, the range its 2.5th
and 97.5th percentiles, so the guess always lies inside its range. With many applications the
guess is close to offers / applications (100 applications, 20 first interviews, 10 second, 5
final, 2 offers: 2%, about 50 applications an offer); with few it is pulled towards the middle,
as 8 of 8 moving on does not make the next one certain. A stage set by a lever is fixed at the
chosen value in every draw. The draws are the same in every call, so two projections differ only
by their levers. When an observed stage rate is 0 (no offer yet, say) the best guess is 0 and
the interval starts at 0, as the Wilson interval does; its top is the honest upper bound. The
weekly pace is taken as known.

The pace comes from ``analysis.plan.pace``; a month is 52/12 weeks. What would move the needle
is ranked in ``analysis.plan.levers``.

A projection is "too few to tell" when fewer than 5 applications have had their answer at the
applied stage, or when a stage nobody has finished leaves no best guess.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.core.schema import STAGE_LABELS, STAGES
from analysis.core.stats import MIN_N, Rate
from analysis.funnel.stages import Funnel
from analysis.plan.pace import Pace, per_week_of

DRAWS = 20_000
SEED = 20_240_601
WEEKS_PER_MONTH = 52 / 12
PASS_STAGES: tuple[str, ...] = STAGES[:-1]
"""The stages whose pass-through rates multiply to the chance of an offer."""
def number(value: float) -> str:
    """A count of offers or applications for display: "0.43", "1.3", "52"."""
    value = round(value, 9)  # 1 / 0.020000000000000004 is 50
    if value >= 10:
        return f"{value:.0f}"
    return f"{value:.1f}" if value >= 1 else f"{value:.2f}"


@dataclass(frozen=True)
class Projection:
    """Expected offers: per application (``offer_chance``), per month at a pace, with 95% intervals.

    ``offers_per_month``/``low``/``high`` are None without a pace; ``offer_chance`` is None when
    there is no best guess. ``levers`` describe what was changed, ``notes`` what could not be.
    """

    offer_chance: float | None
    offer_low: float
    offer_high: float
    applications_per_week: float | None
    offers_per_month: float | None
    low: float | None
    high: float | None
    too_few: bool
    n: int
    levers: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def label(self) -> str:
        """ "0.43 offers a month (95% range 0.11–1.0)", per 100 applications without a pace,
        "too few to tell (n=3)", or "no best guess yet (95% range 0.00–0.60 offers a month)"."""
        if self.n < MIN_N:
            return f"too few to tell (n={self.n})"
        if self.offers_per_month is None and self.low is None:
            best, low, high, unit = (None if self.offer_chance is None else self.offer_chance * 100,
                                     self.offer_low * 100, self.offer_high * 100, "offers per 100 applications")
        else:
            best, low, high, unit = self.offers_per_month, self.low, self.high, "offers a month"
        if best is None:
            return f"no best guess yet (95% range {number(low)}–{number(high)} {unit})"
        return f"{number(best)} {unit} (95% range {number(low)}–{number(high)})"

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {
            "offer_chance": self.offer_chance, "offer_ci95": [self.offer_low, self.offer_high],
            "applications_per_week": self.applications_per_week, "offers_per_month": self.offers_per_month,
            "ci95": [self.low, self.high], "too_few": self.too_few, "n": self.n, "label": self.label(),
            "levers": list(self.levers), "notes": list(self.notes),
        }


def stage_rates(funnel: Funnel) -> dict[str, Rate]:
    """The decided pass-through rate of each stage before the offer."""
    return {stage: funnel.stage(stage).decided_pass_rate for stage in PASS_STAGES}


def _posterior(rng: np.random.Generator, rate: Rate) -> np.ndarray:
    """:data:`DRAWS` draws of a pass rate of k of n from Beta(k + 1/2, n - k + 1/2) (Jeffreys prior)."""
    return rng.beta(rate.successes + 0.5, rate.n - rate.successes + 0.5, DRAWS)


def project(funnel: Funnel, pace: Pace | float | None, fixed: dict[str, float] | None = None,
             shift: tuple[float, Rate] | None = None, extra_per_week: float = 0,
             levers: tuple[str, ...] = (), notes: tuple[str, ...] = ()) -> Projection:
    """The projection with some stage rates ``fixed`` and ``shift`` = (share, channel interview rate)."""
    fixed = fixed or {}
    rates = stage_rates(funnel)
    rng = np.random.default_rng(SEED)
    draws = {stage: _posterior(rng, rate) for stage, rate in rates.items()}
    points: dict[str, float | None] = {stage: rate.value for stage, rate in rates.items()}
    if shift is not None:
        share, channel = shift
        channel_draws = _posterior(rng, channel)
        draws["applied"] = (1 - share) * draws["applied"] + share * channel_draws
        if points["applied"] is not None:
            points["applied"] = (1 - share) * points["applied"] + share * channel.value
    for stage, value in fixed.items():
        draws[stage] = np.full(DRAWS, value)
        points[stage] = value
    products = np.prod(np.vstack(list(draws.values())), axis=0)
    low, high = (float(q) for q in np.quantile(products, [0.025, 0.975]))
    if any(value == 0 for value in points.values()):
        chance: float | None = 0.0
        low = 0.0
    elif any(value is None for value in points.values()):
        chance = None
        unknown = [STAGE_LABELS[s].lower() for s, v in points.items() if v is None]
        notes += (f"No {unknown[0]} has had its answer yet, so there is no best guess; the range is still honest.",)
    else:
        chance = float(np.median(products))  # the middle of the same draws: always inside the range
    decided = rates["applied"].n
    too_few = decided < MIN_N or chance is None
    per_week = per_week_of(pace)
    if per_week is not None:
        per_week += extra_per_week
    month = None if per_week is None else per_week * WEEKS_PER_MONTH
    return Projection(
        offer_chance=chance,
        offer_low=low,
        offer_high=high,
        applications_per_week=per_week,
        offers_per_month=None if month is None or chance is None else month * chance,
        low=None if month is None else month * low,
        high=None if month is None else month * high,
        too_few=too_few,
        n=decided,
        levers=levers,
        notes=notes,
    )


def what_if(funnel: Funnel, pace: Pace | float | None, raise_first_pass_to: float | None = None,
            shift_share_to_channel: tuple[float, Rate] | None = None, extra_per_week: float = 0,
            channel_name: str = "another channel") -> Projection:
    """Expected offers a month if the first-interview pass-through were ``raise_first_pass_to``,
    ``share`` of applications went through a channel with interview rate ``channel_rate`` (the
    rest keeping the user's overall rate; later stages unchanged), and ``extra_per_week`` more
    applications were sent each week. A channel rate with fewer than 5 applications is not
    used: the projection says so in ``notes``. ``channel_name`` only words the lever."""
    levers: list[str] = []
    notes: list[str] = []
    fixed = {}
    if raise_first_pass_to is not None:
        if not 0 <= raise_first_pass_to <= 1:
            raise ValueError(f"a pass-through rate is between 0 and 1, got {raise_first_pass_to}")
        current = funnel.stage("first_interview").decided_pass_rate
        fixed["first_interview"] = raise_first_pass_to
        levers.append(f"first-interview pass-through {current.percent()} → {raise_first_pass_to:.0%}")
    shift = None
    if shift_share_to_channel is not None:
        share, channel_rate = shift_share_to_channel
        if not 0 <= share <= 1:
            raise ValueError(f"a share is between 0 and 1, got {share}")
        if channel_rate.too_few:
            notes.append(f"Too few applications through {channel_name} to tell its rate (n={channel_rate.n}); "
                         "the shift was left out.")
        elif share > 0:
            shift = (share, channel_rate)
            levers.append(f"{share:.0%} of applications through {channel_name} (interview rate {channel_rate.label()})")
    if extra_per_week:
        levers.append(f"{extra_per_week:+g} applications a week")
    return project(funnel, pace, fixed, shift, extra_per_week, tuple(levers), tuple(notes))


@dataclass(frozen=True)
class PerOffer:
    """Applications (and weeks at the pace) one offer takes: best guess and 95% range.

    ``applications`` is None when there is no offer yet (no best guess); ``high`` is None when
    the range has no upper end (the data cannot rule out a chance of 0). Weeks are None
    without a pace.
    """

    applications: float | None
    low: float
    high: float | None
    weeks: float | None
    weeks_low: float | None
    weeks_high: float | None
    too_few: bool
    n: int

    def sentence(self) -> str:
        """The finding in one sentence."""
        if self.too_few:
            return f"Too few applications have had their answer to tell what one offer takes (n={self.n})."
        top = "no upper limit yet" if self.high is None else number(self.high)
        if self.applications is None or self.applications == float("inf"):
            text = (f"No offer yet from your {self.n} decided applications: at your rates so far one offer is likely "
                    f"to take at least {number(self.low)} applications")
        else:
            text = (f"At your rates so far one offer takes about {number(self.applications)} applications "
                    f"(likely between {number(self.low)} and {top})")
        if self.weeks_low is not None:
            if self.weeks is None or self.weeks == float("inf"):
                text += f", at least {number(self.weeks_low)} weeks at your pace"
            else:
                weeks_top = "no upper limit" if self.weeks_high is None else number(self.weeks_high)
                text += f", about {number(self.weeks)} weeks at your pace ({number(self.weeks_low)} to {weeks_top})"
        return text + "."


def applications_per_offer(funnel: Funnel, pace: Pace | float | None) -> PerOffer:
    """1 / P(offer per application) with the interval from the projection's interval."""
    base = project(funnel, pace)
    chance = base.offer_chance
    applications = None if not chance else 1 / chance
    low = 1 / base.offer_high
    high = None if base.offer_low == 0 else 1 / base.offer_low
    per_week = per_week_of(pace)
    if not per_week:
        weeks = weeks_low = weeks_high = None
    else:
        weeks = None if applications is None else applications / per_week
        weeks_low = low / per_week
        weeks_high = None if high is None else high / per_week
    return PerOffer(applications, low, high, weeks, weeks_low, weeks_high, base.n < MIN_N, base.n)


