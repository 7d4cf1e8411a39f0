"""Rates with honest uncertainty: Wilson intervals, "too few to tell", and a two-proportion test.

Every rate the app shows is a :class:`Rate`: the count, the n, the value and its 95% Wilson
score interval. With fewer than :data:`MIN_N` observations a rate is flagged ``too_few`` and
its label says "too few to tell (n=3)" instead of a percentage.

:func:`compare` decides whether one rate is significantly better or worse than another with
Fisher's exact test (two-sided), computed with NumPy: exact at small n, and a few array
operations at large n.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MIN_N = 5
"""Below this many observations a rate is "too few to tell" and is never called different."""

Z95 = 1.959963984540054
"""The 97.5% quantile of the standard normal distribution (two-sided 95% interval)."""


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of ``successes / n``; ``(0.0, 1.0)`` when n is 0."""
    if n < 0 or successes < 0 or successes > n:
        raise ValueError(f"need 0 <= successes <= n, got {successes} of {n}")
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half_width = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    low = 0.0 if successes == 0 else max(0.0, centre - half_width)
    high = 1.0 if successes == n else min(1.0, centre + half_width)
    return low, high


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
        return {
            "successes": self.successes,
            "n": self.n,
            "value": self.value,
            "ci95": [self.low, self.high],
            "too_few": self.too_few,
            "label": self.label(),
        }


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


TIE_TOLERANCE = 1e-7
"""Tables whose probability is within this relative margin of the observed one count as ties (as SciPy)."""


def fisher_exact_p(successes_a: int, n_a: int, successes_b: int, n_b: int) -> float:
    """Two-sided p-value of Fisher's exact test on the 2x2 table of two proportions.

    Sums the probabilities of every table with the same margins that is no more likely than
    the observed one (the convention of R and SciPy). The probabilities of all the tables
    come at once, relative to the observed one, from the running sum of the log ratios of
    neighbouring tables, so a test costs a few array operations however large the counts.
    """
    total = n_a + n_b
    hits = successes_a + successes_b
    lowest, highest = max(0, n_a - (total - hits)), min(n_a, hits)
    if lowest == highest:
        return 1.0
    # P(x + 1) / P(x) = (hits - x)(n_a - x) / ((x + 1)(n_b - hits + x + 1)) for x in [lowest, highest)
    x = np.arange(lowest, highest, dtype=np.float64)
    log_ratios = np.log((hits - x) * (n_a - x)) - np.log((x + 1) * (n_b - hits + x + 1))
    log_relative = np.concatenate(([0.0], np.cumsum(log_ratios)))
    log_relative -= log_relative[successes_a - lowest]  # log P(x) - log P(observed)
    kept = log_relative[log_relative <= TIE_TOLERANCE]
    log_observed = _log_choose(hits, successes_a) + _log_choose(total - hits, n_a - successes_a) - _log_choose(total, n_a)
    return min(1.0, math.exp(log_observed) * float(np.exp(kept).sum()))


@dataclass(frozen=True)
class Comparison:
    """How rate ``a`` compares with rate ``b``.

    ``direction`` is "better" or "worse" only when the difference is significant at ``alpha``
    and both rates have n >= :data:`MIN_N`; otherwise "no clear difference", or "too few"
    when either n is below :data:`MIN_N`.
    """

    direction: str
    p_value: float | None
    difference: float | None

    @property
    def significant(self) -> bool:
        """True when the direction is "better" or "worse"."""
        return self.direction in ("better", "worse")

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"direction": self.direction, "p_value": self.p_value, "difference": self.difference}


def compare(a: Rate, b: Rate, alpha: float = 0.05) -> Comparison:
    """Is ``a`` significantly better or worse than ``b`` (two-sided test at ``alpha``)?"""
    if a.too_few or b.too_few or a.value is None or b.value is None:
        return Comparison("too few", None, None)
    p_value = fisher_exact_p(a.successes, a.n, b.successes, b.n)
    difference = a.value - b.value
    if p_value < alpha and difference != 0:
        return Comparison("better" if difference > 0 else "worse", p_value, difference)
    return Comparison("no clear difference", p_value, difference)
