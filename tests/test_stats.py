"""Wilson intervals, Rate labels, the two-proportion comparison and Benjamini-Hochberg, checked by hand."""
import json

import pytest

from analysis.core.stats import (
    MIN_N,
    Comparison,
    Rate,
    compare,
    control_false_discoveries,
    needed_for_interval_below,
    wilson_interval,
)

# Hand computation of the Wilson score interval with z = 1.959964, z^2 = 3.841459:
#   centre = (p + z^2/2n) / (1 + z^2/n),  half = z * sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n)
# n=1, k=1: p=1, denominator 4.841459, centre (1 + 1.920729)/4.841459 = 0.603275,
#           half 1.959964 * sqrt(3.841459/4) / 4.841459 = 1.959964 * 0.979982 / 4.841459 = 0.396725
#           -> (0.206549, 1.0)
# n=1, k=0: centre 1.920729/4.841459 = 0.396725, same half -> (0.0, 0.793451)
# n=5, k=2: p=0.4, z^2/n = 0.768292, denominator 1.768292, centre (0.4 + 0.384146)/1.768292 = 0.443448,
#           half 1.959964 * sqrt(0.048 + 0.038415) / 1.768292 = 0.325827 -> (0.117621, 0.769276)
# n=5, k=0: centre 0.384146/1.768292 = 0.217241, half 1.959964 * sqrt(0.038415)/1.768292 = 0.217241
#           -> (0.0, 0.434482)


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        (0, 0, 0.0, 1.0),
        (1, 1, 0.206549, 1.0),
        (0, 1, 0.0, 0.793451),
        (2, 5, 0.117621, 0.769276),
        (0, 5, 0.0, 0.434482),
    ],
)
def test_wilson_interval_by_hand(successes, n, low, high):
    assert wilson_interval(successes, n) == pytest.approx((low, high), abs=1e-6)


def test_wilson_interval_is_symmetric_and_contains_the_estimate():
    low, high = wilson_interval(17, 50)
    assert low < 17 / 50 < high
    assert wilson_interval(33, 50) == pytest.approx((1 - high, 1 - low))


def test_wilson_interval_rejects_impossible_counts():
    with pytest.raises(ValueError):
        wilson_interval(3, 2)


def test_rate_at_n_zero_has_no_value_and_is_too_few():
    rate = Rate.of(0, 0)
    assert rate.value is None
    assert rate.ci95 == (0.0, 1.0)
    assert rate.too_few
    assert rate.label() == "too few to tell (n=0)"
    assert rate.percent() == "n/a"


def test_rate_labels():
    assert Rate.of(17, 50).label() == "34% (n=50)"
    assert Rate.of(1, 3).label() == "too few to tell (n=3)"
    assert Rate.of(1, 4).too_few and not Rate.of(1, MIN_N).too_few
    assert Rate.of(2, 5).label() == "40% (n=5)"


def test_rate_to_dict_is_json_ready():
    data = Rate.of(2, 5).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["ci95"] == pytest.approx([0.117621, 0.769276], abs=1e-6)
    assert data["value"] == 0.4 and data["n"] == 5 and data["successes"] == 2


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # 5 of 5 vs 0 of 5: the observed table and its mirror, each 1 / C(10,5) = 1/252 -> 2/252
        ((5, 5, 0, 5), 2 / 252),
        ((8, 10, 1, 6), 0.034965035),
        ((3, 6, 5, 30), 0.108590650),
        ((10, 10, 0, 10), 1.0825088e-05),
        ((2, 5, 2, 5), 1.0),
    ],
)
def test_fisher_exact_p(table, expected):
    a, n_a, b, n_b = table
    assert compare(Rate.of(a, n_a), Rate.of(b, n_b)).p_value == pytest.approx(expected, rel=1e-6)


def test_fisher_exact_is_symmetric_and_handles_large_tables():
    assert compare(Rate.of(3, 6), Rate.of(5, 30)).p_value == pytest.approx(compare(Rate.of(5, 30), Rate.of(3, 6)).p_value)
    assert compare(Rate.of(0, 10), Rate.of(0, 20)).p_value == 1.0
    assert 0.06 < compare(Rate.of(5000, 100_000), Rate.of(40, 600)).p_value < 0.09


def test_benjamini_hochberg_by_hand():
    # p = 0.01, 0.04, 0.03, 0.20 (m = 4). Sorted 0.01, 0.03, 0.04, 0.20; q_k = min over j >= k of p_j * 4 / j:
    # 0.20 * 4/4 = 0.20; 0.04 * 4/3 = 0.0533; min(0.03 * 4/2, 0.0533) = 0.0533; 0.01 * 4/1 = 0.04.
    tested = [Comparison("better", p, 0.1) for p in (0.01, 0.04, 0.03, 0.20)]
    too_few = Comparison("too few", None, None)
    judged = control_false_discoveries([*tested, too_few])
    assert [c.q_value for c in judged[:4]] == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.20])
    # alone each of the first three would pass at 5%; together only the first does
    assert [c.direction for c in judged] == ["better", "no clear difference", "no clear difference",
                                             "no clear difference", "too few"]
    assert judged[4] is too_few


def test_n_needed_for_an_interval_below_a_threshold():
    # 0 of n: the Wilson upper bound is z^2 / (n + z^2) = 3.8415 / (n + 3.8415), below 0.08 from n = 45
    # (3.8415 / 48.84 = 0.0787; at n = 44, 3.8415 / 47.84 = 0.0803)
    assert needed_for_interval_below(0.0, 0.08) == 45
    assert wilson_interval(0, 45)[1] < 0.08 <= wilson_interval(0, 44)[1]
    assert needed_for_interval_below(0.10, 0.08) is None


def test_compare_significantly_better_and_worse():
    referral, linkedin = Rate.of(9, 10), Rate.of(1, 10)
    better = compare(referral, linkedin)
    assert better.direction == "better" and better.significant
    assert better.p_value == pytest.approx(0.0010933, rel=1e-4)
    assert compare(linkedin, referral).direction == "worse"


def test_compare_not_significant_or_too_few():
    assert compare(Rate.of(3, 6), Rate.of(5, 30)).direction == "no clear difference"
    too_few = compare(Rate.of(4, 4), Rate.of(0, 30))
    assert too_few.direction == "too few" and not too_few.significant and too_few.p_value is None
