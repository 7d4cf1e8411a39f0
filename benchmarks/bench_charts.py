"""Time the six Funnel-page charts on a 100k-row canonical table (a script, not a test).

    python benchmarks/bench_charts.py [--rows 100000]

The table is generated in memory (fixed seed, ~50% of applications with a reply date, six
channels, six months of dates); funnel, flows, segments, timing and trend are built untimed,
then each chart function is timed 9 times (best and median) and the size of its figure's JSON,
which Streamlit sends to the browser, is shown.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from canonical_factory import make_apps

from analysis.charts import figures as charts
from analysis.funnel.sankey import build_flows
from analysis.funnel.segments import build_segments
from analysis.funnel.stages import build_funnel
from analysis.funnel.timing import build_timing
from analysis.funnel.trend import build_trend

STAGES = ["applied", "first_interview", "second_interview", "final_interview", "offer"]
ENDINGS = ["rejected", "no_response", "withdrawn", "in_progress"]
CHANNELS = ["LinkedIn", "Job board", "Company site", "Recruiter", "Referral", "Other"]


def table(rows: int, seed: int = 7) -> pd.DataFrame:
    """A canonical applications table of ``rows`` applications."""
    rng = np.random.default_rng(seed)
    stage = rng.choice(STAGES, rows, p=[0.8, 0.1, 0.05, 0.03, 0.02])
    outcome = np.where(stage == "offer", "offer", rng.choice(ENDINGS, rows, p=[0.4, 0.4, 0.05, 0.15]))
    channel = rng.choice(CHANNELS, rows)
    applied = np.datetime64("2025-05-19") + rng.integers(0, 183, rows).astype("timedelta64[D]")
    delay = rng.gamma(2, 8, rows).astype(int).astype("timedelta64[D]")
    responded = np.where(rng.random(rows) < 0.5, applied + delay, np.datetime64("NaT"))
    return pd.concat([make_apps([{}])] * rows, ignore_index=True).assign(
        company=[f"Company {i % 1500}" for i in range(rows)], furthest_stage=stage, outcome=outcome,
        channel=channel, source=channel, outcome_inferred=outcome == "no_response", source_row=np.arange(rows) + 2,
        applied_on=pd.to_datetime(applied).astype("datetime64[ns]"),
        responded_on=pd.to_datetime(responded).astype("datetime64[ns]"),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    apps = table(args.rows)
    funnel = build_funnel(apps)
    flows, segments, timing, trend = build_flows(apps, funnel), build_segments(apps), build_timing(apps), build_trend(apps)
    print(f"{funnel.applications} applications, {timing.measured} reply dates")
    makers = {
        "funnel": lambda: charts.funnel_chart(funnel),
        "rejections": lambda: charts.rejection_rate_chart(funnel),
        "sankey": lambda: charts.sankey_chart(flows),
        "channels": lambda: charts.channel_chart(segments),
        "timing": lambda: charts.response_time_chart(timing),
        "trend": lambda: charts.weekly_trend_chart(trend),
    }
    total = 0.0
    for name, make in makers.items():
        make()  # warm up
        times = []
        for _ in range(9):
            start = time.perf_counter()
            chart = make()
            times.append((time.perf_counter() - start) * 1000)
        total += min(times)
        size = len(chart.figure.to_json()) // 1024 if chart.figure is not None else 0
        print(f"{name:11s} best {min(times):6.1f} ms  median {statistics.median(times):6.1f} ms  JSON {size} KB")
    print(f"all six, best: {total:.1f} ms")


if __name__ == "__main__":
    main()
