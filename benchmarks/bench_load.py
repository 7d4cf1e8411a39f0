"""Time ``read_table`` on large generated files (a script, not a test).

    python benchmarks/bench_load.py            # 100k-row xlsx and 1M-row csv
    python benchmarks/bench_load.py --rows-xlsx 20000 --rows-csv 200000 --no-baseline --repeat 5

The files are generated once and cached under benchmarks/out/ (gitignored). Each reader runs
in a fresh process, reading the file ``--repeat`` times (shared machines are noisy, so the best
and the median time are shown). "peak MB" is the process's peak resident set size (VmHWM, reset
before reading), which also counts what Arrow and calamine allocate outside Python; "+MB" is that
peak minus the size before reading, with the file's bytes already loaded.
Targets: 100k-row xlsx well under 2 s, 1M-row csv well under 3 s. The baseline is pandas'
read_excel with openpyxl on the same xlsx.
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
HEADER = ["Company", "Role", "Date applied", "Source", "Status", "Stage", "Location", "Salary",
          "Feedback", "Contact"]
STATUSES = ["Applied", "Rejected", "Interview", "Offer", "Ghosted", ""]
SOURCES = ["LinkedIn", "Indeed", "Referral", "Company site", "Recruiter"]
STAGES = ["", "Phone screen", "Technical", "Onsite", "Final"]
FEEDBACK = ["", "", "Not enough experience with Kubernetes", "Position filled internally",
            "Great communication, but we went with a more senior candidate"]


def _row(index: int):
    """One generated application (deterministic, varied enough to defeat trivial compression)."""
    from datetime import date, timedelta

    return [f"Company {index % 7919}", f"Data Analyst {index % 13}",
            date(2023, 1, 1) + timedelta(days=index % 700), SOURCES[index % 5],
            STATUSES[index % 6], STAGES[index % 5], ["Berlin", "Remote", "Munich"][index % 3],
            40_000 + (index * 37) % 60_000, FEEDBACK[index % 5], f"person{index}@example.com"]


def make_xlsx(rows: int) -> Path:
    """A one-sheet workbook with a title row, a blank row, the header and ``rows`` data rows."""
    path = OUT / f"applications_{rows}.xlsx"
    if not path.exists():
        from openpyxl import Workbook

        OUT.mkdir(parents=True, exist_ok=True)
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Applications")
        sheet.append(["Job search tracker"])
        sheet.append([])
        sheet.append(HEADER)
        for index in range(rows):
            sheet.append(_row(index))
        book.save(path)
    return path


def make_csv(rows: int) -> Path:
    """A UTF-8 CSV with the same columns and ``rows`` data rows (dates as M/D/YYYY)."""
    path = OUT / f"applications_{rows}.csv"
    if not path.exists():
        import numpy as np
        import pandas as pd

        OUT.mkdir(parents=True, exist_ok=True)
        index = np.arange(rows)
        frame = pd.DataFrame({
            "Company": pd.Series(index % 7919).map("Company {}".format),
            "Role": pd.Series(index % 13).map("Data Analyst {}".format),
            "Date applied": (pd.Timestamp("2023-01-01") + pd.to_timedelta(index % 700, unit="D")).strftime("%m/%d/%Y"),
            "Source": np.array(SOURCES)[index % 5], "Status": np.array(STATUSES)[index % 6],
            "Stage": np.array(STAGES)[index % 5], "Location": np.array(["Berlin", "Remote", "Munich"])[index % 3],
            "Salary": 40_000 + (index * 37) % 60_000, "Feedback": np.array(FEEDBACK)[index % 5],
            "Contact": pd.Series(index).map("person{}@example.com".format),
        })
        frame.to_csv(path, index=False)
    return path


def _memory_mb(field: str) -> float:
    """A memory figure of this process from /proc (Linux), e.g. VmRSS or VmHWM (peak), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    """Start VmHWM afresh so the peak is the read's own (needs Linux; ignored elsewhere)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _measure(task: str, path: str, repeat: int, queue) -> None:
    """Run one read ``repeat`` times in this (fresh) process; report times, peak RSS, shape."""
    sys.path.insert(0, str(ROOT))
    import pandas as pd

    from analysis.reading.tables import read_table

    data = Path(path).read_bytes()
    _reset_peak()
    before = _memory_mb("VmRSS")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        if task == "read_table":
            table = read_table(data, Path(path).name)
            shape, skipped = table.frame.shape, len(table.skipped)
        else:
            frame = pd.read_excel(path, engine="openpyxl", header=2)
            shape, skipped = frame.shape, 0
        times.append(time.perf_counter() - start)
        table = frame = None
    peak = _memory_mb("VmHWM")
    queue.put((times, peak, peak - before, shape, skipped))


def run(task: str, path: Path, repeat: int) -> tuple:
    """Measure ``task`` on ``path`` in a child process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_measure, args=(task, str(path), repeat, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    """Generate (or reuse) the files, then print one line per measurement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows-xlsx", type=int, default=100_000)
    parser.add_argument("--rows-csv", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="reads per file (best and median shown)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the slow openpyxl read")
    args = parser.parse_args()
    xlsx, csv = make_xlsx(args.rows_xlsx), make_csv(args.rows_csv)
    jobs = [("read_table", xlsx), ("read_table", csv)]
    if not args.no_baseline:
        jobs.append(("pandas+openpyxl", xlsx))
    print(f"{'reader':<16} {'file':<28} {'MB':>6} {'best s':>7} {'median s':>9} {'peak MB':>8} {'+MB':>6}  shape")
    for task, path in jobs:
        times, peak, grown, shape, skipped = run(task, path, 1 if task != "read_table" else args.repeat)
        size = path.stat().st_size / 1e6
        print(f"{task:<16} {path.name:<28} {size:6.1f} {min(times):7.2f} {statistics.median(times):9.2f} "
              f"{peak:8.0f} {grown:6.0f}  {shape[0]:,} x {shape[1]}" + (f" ({skipped} skipped)" if skipped else ""))


if __name__ == "__main__":
    main()
