"""The statistics of the app, from scipy.stats, with plain-language labels.

* :class:`Rate`: a count out of n with its 95% Wilson interval
  (``scipy.stats.binomtest(...).proportion_ci(method="wilson")``); below :data:`MIN_N`
  observations its label says "too few to tell (n=3)".
* :func:`compare`: is one rate better or worse than another? Fisher's exact test
  (``scipy.stats.fisher_exact``, two-sided).
* :func:`control_false_discoveries`: many comparisons shown together are judged with the
  Benjamini–Hochberg procedure (``scipy.stats.false_discovery_control``), so that among the
  differences called real at most about 5% are noise.

The reply curve (Kaplan–Meier) is in :mod:`analysis.core.reply_curve`.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from scipy import stats

if TYPE_CHECKING:
    from analysis.core.reply_curve import DaysEstimate

MIN_N = 5
"""Below this many observations a rate is "too few to tell" and is never called different."""
ALPHA = 0.05
"""The false discovery rate (or, for a single test, the significance level) of every verdict."""
BETTER, WORSE, NO_CLEAR_DIFFERENCE, TOO_FEW = "better", "worse", "no clear difference", "too few"


@lru_cache(maxsize=65_536)
def wilson_interval(successes: int, n: int) -> tuple[float, float]:
    """The 95% Wilson score interval of ``successes / n``; ``(0.0, 1.0)`` when n is 0."""
    if n < 0 or successes < 0 or successes > n:
        raise ValueError(f"need 0 <= successes <= n, got {successes} of {n}")
    if n == 0:
        return 0.0, 1.0
    # The two one-sided 97.5% Wilson bounds are the two-sided 95% interval, and the one-sided
    # tests behind them are a tail sum each: the two-sided test's p-value search is 20 times slower.
    low = stats.binomtest(successes, n, alternative="greater").proportion_ci(0.975, method="wilson").low
    high = stats.binomtest(successes, n, alternative="less").proportion_ci(0.975, method="wilson").high
    return float(low), float(high)


@dataclass(frozen=True)
class Rate:
    """A proportion with its n and 95% Wilson interval.

    ``value`` is None when n is 0; ``too_few`` is True when n < :data:`MIN_N`.
    Build one with :meth:`Rate.of`.
    """

    successes: int
    n: int
    value: float | None
    low: float
    high: float
    too_few: bool

    @classmethod
    def of(cls, successes: int, n: int) -> Rate:
        """The rate ``successes / n`` with its interval."""
        successes, n = int(successes), int(n)
        low, high = wilson_interval(successes, n)
        value = successes / n if n else None
        return cls(successes=successes, n=n, value=value, low=low, high=high, too_few=n < MIN_N)

    @property
    def ci95(self) -> tuple[float, float]:
        """The 95% interval as ``(low, high)``."""
        return self.low, self.high

    def percent(self) -> str:
        """The value as a whole percentage ("34%"), or "n/a" when n is 0."""
        return "n/a" if self.value is None else f"{self.value * 100:.0f}%"

    def label(self) -> str:
        """ "34% (n=50)", or "too few to tell (n=3)" below :data:`MIN_N`."""
        if self.too_few:
            return f"too few to tell (n={self.n})"
        return f"{self.percent()} (n={self.n})"

    def to_dict(self) -> dict:
        """A JSON-ready dict: successes, n, value, ci95, too_few, label."""
        return {"successes": self.successes, "n": self.n, "value": self.value, "ci95": [self.low, self.high],
                "too_few": self.too_few, "label": self.label()}


@dataclass(frozen=True)
class Comparison:
    """How rate ``a`` compares with rate ``b``.

    ``direction`` is "better" or "worse" only when the difference is more than noise (Fisher's
    exact test, or its Benjamini–Hochberg adjusted ``q_value`` when judged among several) and
    both rates have n >= :data:`MIN_N`; otherwise "no clear difference", or "too few" when
    either n is below :data:`MIN_N`.
    """

    direction: str
    p_value: float | None
    difference: float | None
    q_value: float | None = None
    """The p-value adjusted for the other tests shown with it (None when tested alone)."""

    @property
    def significant(self) -> bool:
        """True when the direction is "better" or "worse"."""
        return self.direction in (BETTER, WORSE)

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"direction": self.direction, "p_value": self.p_value, "q_value": self.q_value,
                "difference": self.difference}


def _direction(difference: float, p_value: float) -> str:
    if p_value < ALPHA and difference != 0:
        return BETTER if difference > 0 else WORSE
    return NO_CLEAR_DIFFERENCE


def compare(a: Rate, b: Rate) -> Comparison:
    """Is ``a`` better or worse than ``b``? Fisher's exact test, two-sided, at :data:`ALPHA`."""
    if a.too_few or b.too_few or a.value is None or b.value is None:
        return Comparison(TOO_FEW, None, None)
    table = [[a.successes, a.n - a.successes], [b.successes, b.n - b.successes]]
    p_value = float(stats.fisher_exact(table).pvalue)
    difference = a.value - b.value
    return Comparison(_direction(difference, p_value), p_value, difference)


def control_false_discoveries(comparisons: Sequence[Comparison]) -> tuple[Comparison, ...]:
    """The comparisons judged together: each tested one gets its Benjamini–Hochberg ``q_value``
    and is "better"/"worse" only when that is below :data:`ALPHA` ("too few" ones are untouched)."""
    tested = [i for i, comparison in enumerate(comparisons) if comparison.p_value is not None]
    result = list(comparisons)
    if not tested:
        return tuple(result)
    q_values = stats.false_discovery_control([comparisons[i].p_value for i in tested], method="bh")
    for i, q_value in zip(tested, q_values.tolist()):
        comparison = comparisons[i]
        result[i] = replace(comparison, q_value=float(q_value),
                            direction=_direction(comparison.difference, float(q_value)))
    return tuple(result)


def range_position(estimate: Rate | DaysEstimate, low: float, high: float) -> str:
    """Where an estimate sits against a published range ``low``-``high``, judged by its 95% interval.

    "too few" (below :data:`MIN_N`), "above" or "below" (the whole interval beyond the range),
    "within" (the estimate inside the range) or "unclear" (outside it, but the interval reaches it).
    The one rule behind every comparison with published figures (the Plan page, the summary, the
    focus areas, the bottleneck).
    """
    if estimate.too_few or estimate.value is None:
        return "too few"
    estimate_high = math.inf if estimate.high is None else estimate.high  # a median's interval may be open-ended yet
    if estimate.low is not None and estimate.low > high:
        return "above"
    if estimate_high < low:
        return "below"
    return "within" if low <= estimate.value <= high else "unclear"


RELATION_WORDS: dict[str, str] = {"above": "above", "below": "below", "within": "within",
                                  "unclear": "not clearly different from"}
"""How each :func:`range_position` reads before "the published range"."""


def needed_for_interval_below(value: float, threshold: float, limit: int = 100_000) -> int | None:
    """The smallest n at which a rate of ``value`` would have its 95% Wilson interval below
    ``threshold`` (None when it never would, as when ``value >= threshold``)."""
    if value >= threshold:
        return None
    low, high = 1, limit
    if wilson_interval(math.floor(value * high), high)[1] >= threshold:
        return None
    while low < high:
        middle = (low + high) // 2
        if wilson_interval(math.floor(value * middle), middle)[1] < threshold:
            high = middle
        else:
            low = middle + 1
    return low


def needed_to_separate(lower: Rate, higher: Rate, limit: float = 1000.0) -> int | None:
    """How many observations ``lower`` would need (``higher`` growing in proportion) for their 95%
    Wilson intervals to part, were both rates to stay as they are (None when they never would)."""
    if lower.value is None or higher.value is None or lower.value >= higher.value:
        return None

    def parted(scale: float) -> bool:
        n_low, n_high = math.ceil(lower.n * scale), math.ceil(higher.n * scale)
        return (wilson_interval(math.floor(lower.value * n_low), n_low)[1]
                < wilson_interval(math.ceil(higher.value * n_high - 1e-9), n_high)[0])

    if not parted(limit):
        return None
    low, high = 1.0, limit
    while high - low > 0.01:
        middle = (low + high) / 2
        low, high = (low, middle) if parted(middle) else (middle, high)
    return math.ceil(lower.n * high)
