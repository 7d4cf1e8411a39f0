"""Time the whole engine pipeline on large generated trackers (a script, not a test).

    python benchmarks/bench_pipeline.py                       # 10k/100k-row xlsx, 100k/1M-row csv
    python benchmarks/bench_pipeline.py --sizes 100k.xlsx 1M.csv --repeat 3
    python benchmarks/bench_pipeline.py --sizes 100k.xlsx --stages load report --markdown

The trackers are generated once (deterministic, fixed seeds) and cached under benchmarks/out/
(gitignored). They look like a coach's export: ~1,500 companies (a few dominate, some spelled
in other cases), a few hundred job titles, 20 sources, dates over 6 months (fewer at weekends),
stages and statuses with a realistic spread (most applications never get past "Applied", ~40%
silent, a few % offers, status typos and variants), reply dates for answered rows, feedback
text on ~30% of rows (short notes, one-liners and long recruiter e-mails, built from fragments:
~4,000 distinct texts, so they repeat as they do in real trackers) and occasional notes.
``--candidates N`` adds a Candidate column with N people (exercises the caseload).

Every stage runs in a fresh process (``--repeat`` times; the best and median wall-clock times
are shown, and the CPU time of the best run, which a busy machine disturbs less) so that
"peak MB" is honest: it is that process's peak resident set size (``ru_maxrss``), i.e. Python,
pandas, the file's bytes and everything Arrow and calamine allocate, for the stage and its
prerequisites (so the peak of "report" includes loading the file). lru caches (status words,
themes, role families, significance tests) are cleared before every run, so each starts cold.

The xlsx files are written by openpyxl, which stores text inline in the sheet: calamine reads
them a little slower than the shared-string workbooks Excel and Google Sheets save.

Stages (each timed on its own; the prerequisites run untimed first):
  read      reading.read_table (bytes -> raw table)
  load      loading.load (read + layout + column mapping + normalise)
  funnel    funnel.build_funnel on the loaded applications
  themes    feedback.summarise_feedback (classification of every distinct text included)
  report    report.build_report + report.report_json
  cli       load + build_report + report_json + json.dumps: ``python -m analysis report FILE
            --format json`` without interpreter start-up
  filter    build_report on the applications sent after the first two weeks (~92% of them), with
            its feedback summary and focus areas (which the Funnel page never reads), after a
            first report on all of them: a filter change in the app, which reuses the themes
            already classified (``bench_app.py`` times the same in the real app and browser)
  baseline  pandas.read_excel(engine="openpyxl") on the same xlsx (xlsx only)
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
TODAY = dt.date(2025, 11, 20)
FIRST_DAY = np.datetime64("2025-05-19")
DAYS = 183
STAGES = ("read", "load", "funnel", "themes", "report", "cli", "filter", "baseline")
DEFAULT_SIZES = ("10k.xlsx", "100k.xlsx", "100k.csv", "1M.csv")
FEEDBACK_SHARE = 0.30
DISTINCT_FEEDBACK = 4_000

_PREFIXES = ("Brightwell", "Fernhill", "Northgate", "Harbourline", "Kestrel", "Mosaic", "Oakridge", "Bluefin",
             "Copperleaf", "Quayside", "Ashdown", "Tidewater", "Greystone", "Lumen", "Parkway", "Redbrick",
             "Silverline", "Hollybush", "Ember", "Orchard", "Meridian", "Thistle", "Cobalt", "Saltmarsh",
             "Pennant", "Driftwood", "Lattice", "Beacon", "Clearwater", "Pebble", "Juniper", "Foxglove",
             "Skylark", "Ironbridge", "Nimbus", "Halcyon", "Bramble", "Cinder", "Northstar", "Wayfarer",
             "Pinecone", "Sable", "Hearthside", "Glasshouse", "Brookline", "Oxbow", "Evergreen", "Summit",
             "Cairn", "Longbow", "Stonecrop", "Marigold", "Trellis", "Blackbird", "Sundial", "Corvid", "Galleon",
             "Harrier", "Crescent", "Zephyr")
_SUFFIXES = ("Energy", "Bank", "Retail", "Insurance", "Pay", "Learning", "Foods", "Logistics", "Health",
             "Media", "Analytics", "Travel", "Property", "Mobility", "Labs", "Software", "Group", "Games",
             "Capital", "Security", "Telecom", "Robotics", "Studios", "Care", "Ltd")
_SENIORITY = (("", 50), ("Junior ", 12), ("Senior ", 18), ("Lead ", 6), ("Graduate ", 4), ("Principal ", 2),
              ("Staff ", 2), ("Head of ", 1), ("Sr. ", 3), ("Intern - ", 2))
_TITLES = (("Data Analyst", 25), ("Analytics Engineer", 12), ("BI Developer", 8), ("Product Analyst", 6),
           ("Data Scientist", 8), ("Data Engineer", 9), ("Software Engineer", 10), ("Backend Engineer", 4),
           ("Machine Learning Engineer", 3), ("Product Designer", 3), ("Product Manager", 4),
           ("Marketing Analyst", 3), ("Insight Analyst", 2), ("Research Scientist", 1), ("UX Researcher", 1))
_TITLE_TAILS = (("", 85), (" (Finance)", 4), (", Growth", 3), (" - Remote", 4), (" II", 4))
_LOCATIONS = (("London", 30), ("Remote", 20), ("Manchester", 8), ("Berlin", 8), ("Bristol", 5), ("Leeds", 5),
              ("Amsterdam", 5), ("Edinburgh", 3), ("Dublin", 3), ("Remote (EU)", 6), ("", 7))
_SOURCES = (("LinkedIn Easy Apply", 22), ("LinkedIn", 15), ("Indeed", 12), ("Otta", 6), ("Glassdoor", 5),
            ("Welcome to the Jungle", 3), ("Totaljobs", 3), ("Company website", 9), ("Careers page", 6),
            ("Greenhouse", 2), ("Recruiter (Hays)", 3), ("Agency recruiter", 3), ("Recruiter", 2),
            ("Referral - Priya", 1), ("Referral from ex-colleague", 1), ("Referral", 2), ("Meetup", 1),
            ("Twitter", 1), ("", 4), ("linkedin", 1))
# Furthest stage as written, with its share; then the statuses seen at each stage.
_STAGE_WORDS = (("Applied", 62), ("", 14), ("Phone screen", 10), ("1st interview", 6), ("2nd interview", 4),
                ("Final interview", 2.5), ("Offer", 1.5))
_STATUS_BY_STAGE = {
    "early": (("Rejected", 30), ("No response", 22), ("Ghosted", 10), ("", 14), ("In progress", 10),
              ("rejected", 4), ("Rejection :(", 2), ("Reeejected", 1), ("Withdrew", 2), ("Pending", 4),
              ("Position filled", 1)),
    "interview": (("Rejected", 45), ("In progress", 20), ("Ghosted", 8), ("Withdrew", 5), ("", 12),
                  ("Rejected after interview", 6), ("Awaiting feedback", 4)),
    "offer": (("Offer accepted", 40), ("Offer declined", 30), ("Offer", 20), ("Negotiating", 10)),
}
_NOTES = (("", 80), ("Hybrid, 2 days in office", 4), ("Salary not listed", 4), ("Asked for portfolio", 3),
          ("Follow up next week", 4), ("Recruiter called", 3), ("Visa sponsorship available", 2))


def _pick(rng: np.random.Generator, table: tuple, size: int) -> np.ndarray:
    """``size`` values drawn from a ``((value, weight), ...)`` table."""
    values = np.array([value for value, _ in table], dtype=object)
    weights = np.array([weight for _, weight in table], dtype=float)
    return values[rng.choice(len(values), size=size, p=weights / weights.sum())]


def _feedback_pool(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Distinct feedback texts built from bench_themes' fragments, and how often each is drawn."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_themes import feedback_texts

    texts = list(dict.fromkeys(feedback_texts(40_000, seed=11)))[:DISTINCT_FEEDBACK]
    weights = 1.0 / np.arange(1, len(texts) + 1) ** 0.8  # the short notes come first and repeat most
    rng.shuffle(weights[60:])
    return np.array(texts, dtype=object), weights / weights.sum()


def tracker(rows: int, candidates: int = 0, seed: int = 2025) -> dict[str, np.ndarray]:
    """The columns of a generated tracker: object arrays of text, dates as datetime64[D] (NaT blank)."""
    rng = np.random.default_rng(seed)
    names = np.array([f"{p} {s}" for p in _PREFIXES for s in _SUFFIXES], dtype=object)
    popularity = 1.0 / np.arange(1, len(names) + 1) ** 0.9
    company = names[rng.choice(len(names), size=rows, p=popularity / popularity.sum())]
    respelled = rng.random(rows) < 0.02
    company[respelled] = np.char.lower(company[respelled].astype(str)).astype(object) + " "
    role = _pick(rng, _SENIORITY, rows) + _pick(rng, _TITLES, rows) + _pick(rng, _TITLE_TAILS, rows)
    weekday_weights = np.array([5, 5, 4, 4, 3, 0.5, 1.5])
    day_weights = weekday_weights[np.arange(DAYS) % 7]  # FIRST_DAY is a Monday
    applied = FIRST_DAY + rng.choice(DAYS, size=rows, p=day_weights / day_weights.sum()).astype("timedelta64[D]")
    stage = _pick(rng, _STAGE_WORDS, rows)
    group = np.where(np.isin(stage, ["Applied", ""]), "early", np.where(stage == "Offer", "offer", "interview"))
    status = np.empty(rows, dtype=object)
    for name, table in _STATUS_BY_STAGE.items():
        chosen = group == name
        status[chosen] = _pick(rng, table, int(chosen.sum()))
    recent = applied > FIRST_DAY + np.timedelta64(DAYS - 21, "D")
    status[recent & (group == "early") & (rng.random(rows) < 0.6)] = ""
    answered = ~np.isin(status, ["", "No response", "Ghosted", "Pending", "In progress"]) | (group != "early")
    responded = np.where(answered & (rng.random(rows) < 0.85),
                         applied + rng.integers(1, 45, size=rows).astype("timedelta64[D]"),
                         np.datetime64("NaT", "D"))
    texts, weights = _feedback_pool(rng)
    feedback = np.full(rows, "", dtype=object)
    with_text = rng.random(rows) < FEEDBACK_SHARE
    feedback[with_text] = texts[rng.choice(len(texts), size=int(with_text.sum()), p=weights)]
    columns = {"Company": company, "Role": role, "Location": _pick(rng, _LOCATIONS, rows),
               "Source": _pick(rng, _SOURCES, rows), "Date Applied": applied, "Stage": stage,
               "Status": status, "Response Date": responded, "Feedback": feedback,
               "Notes": _pick(rng, _NOTES, rows)}
    if candidates:
        people = np.array([f"Candidate {index:05d}" for index in range(candidates)], dtype=object)
        columns = {"Candidate": people[rng.integers(0, candidates, size=rows)], **columns}
    return columns


def _label(rows: int) -> str:
    """1000000 -> "1M", 100000 -> "100k", 1234 -> "1234"."""
    for size, unit in ((1_000_000, "M"), (1_000, "k")):
        if rows % size == 0:
            return f"{rows // size}{unit}"
    return str(rows)


def parse_size(text: str) -> tuple[int, str]:
    """"100k.xlsx" -> (100000, "xlsx")."""
    count, _, kind = text.rpartition(".")
    scale = {"k": 1_000, "m": 1_000_000}.get(count[-1:].lower(), 1)
    rows = int(float(count[:-1] if scale > 1 else count) * scale)
    if kind not in ("xlsx", "csv"):
        raise argparse.ArgumentTypeError(f"expected ROWS.xlsx or ROWS.csv, got '{text}'")
    return rows, kind


def make_file(rows: int, kind: str, candidates: int = 0) -> Path:
    """The cached tracker file (generated on first use)."""
    extra = f"_c{candidates}" if candidates else ""
    path = OUT / f"pipeline_{_label(rows)}{extra}.{kind}"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    columns = tracker(rows, candidates)
    partial = path.with_suffix(".partial")
    if kind == "csv":
        import pandas as pd

        frame = pd.DataFrame({name: (pd.Series(values).dt.strftime("%m/%d/%Y").fillna("")
                                     if values.dtype.kind == "M" else values)
                              for name, values in columns.items()})
        frame.to_csv(partial, index=False)
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Applications")
        sheet.append(["Job search tracker (exported)"])
        sheet.append([])
        sheet.append(list(columns))
        cells = [values.astype(object) if values.dtype.kind == "M" else values for values in columns.values()]
        cells = [[None if value is None or value != value else value for value in column.tolist()]
                 for column in cells]
        for row in zip(*cells):
            sheet.append([None if value == "" else value for value in row])
        book.save(partial)
    partial.replace(path)
    return path


# --- measuring (in a fresh process) ----------------------------------------------------------

def _clear_caches() -> None:
    """Empty every lru cache of the analysis modules, so a run starts cold."""
    for name, module in list(sys.modules.items()):
        if name.startswith("analysis"):
            for value in vars(module).values():
                if hasattr(value, "cache_info") and callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _measure(stage: str, path: Path, repeat: int) -> dict:
    """Run one stage ``repeat`` times in this process; its times, peak RSS and a row count."""
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
    times, cpu, rows = [], [], None
    for _ in range(repeat):
        _clear_caches()
        loaded = None if stage in ("read", "load", "cli", "baseline") else load(data, path.name, settings)
        if stage == "filter":
            apps = loaded.applications
            summarise_feedback(apps)  # classifies every feedback text once (a first visit to the Feedback page)
            filtered = apps[apps["applied_on"] >= apps["applied_on"].min() + pd.Timedelta(days=14)]
        start, start_cpu = time.perf_counter(), time.process_time()
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
        elif stage == "baseline":
            rows = len(pd.read_excel(path, engine="openpyxl", header=2))
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        loaded = None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"times": times, "cpu": cpu, "peak_mb": peak, "rows": rows}


def run(stage: str, path: Path, repeat: int) -> dict:
    """Measure ``stage`` on ``path`` in a child process."""
    command = [sys.executable, __file__, "--child", stage, str(path), str(repeat)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{stage} on {path.name} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


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
    parser.add_argument("--candidates", type=int, default=0, help="add a Candidate column with this many people")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown summary table")
    args = parser.parse_args()
    summary: dict[str, dict[str, tuple[float, float]]] = {}
    print(f"{'file':<24} {'MB':>6} {'stage':<9} {'best s':>7} {'median s':>9} {'cpu s':>6} {'peak MB':>8}  rows")
    for rows, kind in args.sizes:
        path = make_file(rows, kind, args.candidates)
        size = path.stat().st_size / 1e6
        for stage in args.stages:
            if stage == "baseline" and kind != "xlsx":
                continue
            result = run(stage, path, 1 if stage == "baseline" else args.repeat)
            best = min(range(len(result["times"])), key=result["times"].__getitem__)
            wall, cpu = result["times"][best], result["cpu"][best]
            summary.setdefault(f"{_label(rows)} {kind}", {})[stage] = (wall, result["peak_mb"])
            print(f"{path.name:<24} {size:6.1f} {stage:<9} {wall:7.2f} {statistics.median(result['times']):9.2f} "
                  f"{cpu:6.2f} {result['peak_mb']:8.0f}  {result['rows']:,}", flush=True)
    if args.markdown:
        print(markdown(summary, args.stages))


def markdown(summary: dict[str, dict[str, tuple[float, float]]], stages: list[str]) -> str:
    """The best times as a Markdown table, with the peak memory of the command-line report."""
    titles = {"read": "read", "load": "load + normalise", "funnel": "funnel", "themes": "themes",
              "report": "report", "cli": "load + report + JSON", "filter": "filter change",
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
