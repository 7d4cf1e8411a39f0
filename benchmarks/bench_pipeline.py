"""Time the whole engine pipeline on large generated trackers (a script, not a test).

    python benchmarks/bench_pipeline.py                       # 10k/100k-row xlsx, 100k/1M-row csv
    python benchmarks/bench_pipeline.py --sizes 100k.xlsx 1M.csv --repeat 3
    python benchmarks/bench_pipeline.py --sizes 100k.xlsx --stages cli baseline --feedback distinct

The trackers (``trackers.py``: 14 columns, real date formats) are generated once and cached under
benchmarks/out/ (gitignored). Each file is measured with distinct feedback (nearly every text
its own, as real trackers hold them: ~20k distinct texts in 100k rows, ~200k in 1M) and then,
as a second line, with the earlier benchmark's repeated texts (~4,000 distinct); ``--feedback``
picks one. ``--candidates N`` adds a Candidate column with N people (exercises the caseload).

Every stage runs in a fresh process (``--repeat`` times; the best and median wall-clock times
are shown, and the CPU time of the best run, which a busy machine disturbs less) so that
"peak MB" is honest: it is that process's peak resident set size (``ru_maxrss``), i.e. Python,
pandas, the file's bytes and everything Arrow and calamine allocate, for the stage and its
prerequisites (so the peak of "report" includes loading the file). lru caches (status words,
themes, role families, significance tests) are cleared before every run, so each starts cold.

Stages that classify feedback (themes, report, cli, filter) also show their time outside the
classification of feedback texts (the wall-clock seconds inside the classifier subtracted), the part
the reading, normalising and report code is responsible for.

Stages (each timed on its own; the prerequisites run untimed first):
  read      reading.read_table (bytes -> raw table)
  load      loading.load (read + layout + column mapping + normalise)
  funnel    funnel.build_funnel on the loaded applications
  themes    feedback.summarise_feedback (classification of every distinct text included)
  report    report.build_report + report_json, feedback and focus areas included (file loaded)
  cli       load + build_report + report_json + json.dumps: ``python -m analysis report FILE
            --format json`` without interpreter start-up
  filter    build_report on the applications sent after the first two weeks (~92% of them), with
            its feedback summary and focus areas (which the Funnel page never reads), after a
            first report on all of them: a filter change in the app, which reuses the themes
            already classified (``bench_app.py`` times the same in the real app and browser)
  xlsx      the Excel export of a report whose themes and focus areas are made: the workbook alone
            (its peak memory includes loading the file and classifying its feedback)
  baseline  pandas.read_excel(engine="openpyxl") on the same xlsx (xlsx only)

With both ``cli`` and ``baseline`` on an xlsx, a line gives their ratio, measured in the same run.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from trackers import FEEDBACK_KINDS, ROOT, TODAY, label, make_file, parse_size

STAGES = ("read", "load", "funnel", "themes", "report", "cli", "filter", "xlsx", "baseline")
DEFAULT_SIZES = ("10k.xlsx", "100k.xlsx", "100k.csv", "1M.csv")


# --- measuring (in a fresh process) ----------------------------------------------------------

def _clear_caches() -> None:
    """Empty every lru cache of the analysis modules, and the classifier's memory of theme columns
    (``feedback.classified._COLUMNS``), so a run starts cold."""
    for name, module in list(sys.modules.items()):
        if name.startswith("analysis"):
            for value in vars(module).values():
                if hasattr(value, "cache_info") and callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    classified = sys.modules.get("analysis.feedback.classified")
    if classified is not None and isinstance(getattr(classified, "_COLUMNS", None), dict):
        classified._COLUMNS.clear()


def _time_classification() -> list[float]:
    """Make every feedback text's classification add its wall-clock seconds to the returned list's
    first item: the report's time outside classification is then its time minus that."""
    from analysis.feedback import classified

    spent = [0.0]
    classify = classified._theme_columns

    def timed(*args):
        start = time.perf_counter()
        try:
            return classify(*args)
        finally:
            spent[0] += time.perf_counter() - start

    if hasattr(classify, "cache_clear"):  # an lru cache: still cleared between runs
        timed.cache_clear, timed.cache_info = classify.cache_clear, classify.cache_info
    classified._theme_columns = timed
    return spent


def _measure(stage: str, path: Path, repeat: int) -> dict:
    """Run one stage ``repeat`` times in this process; its times, peak RSS, a row count and the
    seconds spent classifying feedback texts in each run."""
    sys.path.insert(0, str(ROOT))
    import pandas as pd

    from analysis.export.json_report import report_json
    from analysis.feedback.summary import summarise_feedback
    from analysis.funnel.stages import build_funnel
    from analysis.normalize.loading import LoadSettings, load
    from analysis.reading.tables import read_table
    from analysis.report import build_report

    data = path.read_bytes()
    settings = LoadSettings(today=TODAY)
    spent = _time_classification()
    times, cpu, classifying, rows = [], [], [], None
    for _ in range(repeat):
        _clear_caches()
        loaded = None if stage in ("read", "load", "cli", "baseline") else load(data, path.name, settings)
        if stage == "filter":
            apps = loaded.applications
            summarise_feedback(apps)  # classifies every feedback text once (a first visit to the Feedback page)
            filtered = apps[apps["applied_on"] >= apps["applied_on"].min() + pd.Timedelta(days=14)]
        if stage == "xlsx":  # the export alone: the report, its themes and focus areas made first
            report = build_report(loaded, TODAY)
            report.focus_areas  # noqa: B018
        start, start_cpu, spent[0] = time.perf_counter(), time.process_time(), 0.0
        if stage == "read":
            rows = len(read_table(data, path.name).frame)
        elif stage == "load":
            rows = len(load(data, path.name, settings).applications)
        elif stage == "funnel":
            rows = build_funnel(loaded.applications).applications
        elif stage == "themes":
            rows = summarise_feedback(loaded.applications).text_count
        elif stage == "report":
            rows = report_json(build_report(loaded, TODAY))["applications"]
        elif stage == "cli":
            loaded = load(data, path.name, settings)
            rows = len(json.dumps(report_json(build_report(loaded, TODAY)), ensure_ascii=False))
        elif stage == "filter":
            filtered_report = build_report(loaded, TODAY, applications=filtered)
            rows = len(filtered_report.focus_areas) and filtered_report.funnel.applications
        elif stage == "xlsx":
            from analysis.export.excel import report_xlsx

            rows = len(report_xlsx(report))
        elif stage == "baseline":
            rows = len(pd.read_excel(path, engine="openpyxl", header=2))
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        classifying.append(spent[0])
        loaded = None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"times": times, "cpu": cpu, "classifying": classifying, "peak_mb": peak, "rows": rows}


def run(stage: str, path: Path, repeat: int) -> dict:
    """Measure ``stage`` on ``path`` in a child process."""
    command = [sys.executable, __file__, "--child", stage, str(path), str(repeat)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{stage} on {path.name} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def _print_line(path: Path, stage: str, result: dict) -> tuple[float, float]:
    """One line of the table; returns (best wall time, peak MB)."""
    best = min(range(len(result["times"])), key=result["times"].__getitem__)
    wall, cpu = result["times"][best], result["cpu"][best]
    size = path.stat().st_size / 1e6
    classifying = result["classifying"][best]
    outside = f"  ({wall - classifying:.2f} s not classifying feedback)" if classifying else ""
    print(f"{path.name:<30} {size:6.1f} {stage:<9} {wall:7.2f} {statistics.median(result['times']):9.2f} "
          f"{cpu:6.2f} {result['peak_mb']:8.0f}  {result['rows']:,}{outside}", flush=True)
    return wall, result["peak_mb"]


def main() -> None:
    """Generate (or reuse) the files, then print one line per file and stage."""
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        print(json.dumps(_measure(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=parse_size, default=[parse_size(s) for s in DEFAULT_SIZES],
                        metavar="ROWS.KIND", help="files to measure, e.g. 10k.xlsx 1M.csv (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage (best and median shown)")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument("--feedback", nargs="+", choices=FEEDBACK_KINDS, default=list(FEEDBACK_KINDS),
                        help="distinct texts per row (as real files), repeated texts (the earlier case), or both")
    parser.add_argument("--candidates", type=int, default=0, help="add a Candidate column with this many people")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown summary table")
    args = parser.parse_args()
    summary: dict[str, dict[str, tuple[float, float]]] = {}
    print(f"{'file':<30} {'MB':>6} {'stage':<9} {'best s':>7} {'median s':>9} {'cpu s':>6} {'peak MB':>8}  rows")
    for rows, kind in args.sizes:
        for feedback in args.feedback:
            path = make_file(rows, kind, args.candidates, feedback)
            found = summary.setdefault(f"{label(rows)} {kind}, {feedback} feedback", {})
            for stage in args.stages:
                if stage == "baseline" and kind != "xlsx":
                    continue
                found[stage] = _print_line(path, stage, run(stage, path, 1 if stage == "baseline" else args.repeat))
            if "cli" in found and "baseline" in found:
                print(f"{path.name:<30} JSON report / pandas+openpyxl read: {found['cli'][0] / found['baseline'][0]:.2f}x")
    if args.markdown:
        print(markdown(summary, args.stages))


def markdown(summary: dict[str, dict[str, tuple[float, float]]], stages: list[str]) -> str:
    """The best times as a Markdown table, with the peak memory of the command-line report."""
    titles = {"read": "read", "load": "load + normalise", "funnel": "funnel", "themes": "themes",
              "report": "report", "cli": "load + report + JSON", "filter": "filter change", "xlsx": "Excel export",
              "baseline": "pandas + openpyxl read"}
    shown = [stage for stage in STAGES if stage in stages]
    lines = ["| file | " + " | ".join(titles[stage] for stage in shown) + " | peak memory (CLI) |",
             "|---|" + "---:|" * (len(shown) + 1)]
    for name, found in summary.items():
        cells = [f"{found[stage][0]:.2f} s" if stage in found else "–" for stage in shown]
        peak = found.get("cli", found.get("load", (0.0, 0.0)))[1]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {peak:,.0f} MB |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
