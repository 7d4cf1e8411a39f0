"""The app server's memory around a large upload, and after the session that made it ends (a script, not a test).

    python benchmarks/bench_memory.py                      # the 1M-row csv of trackers.py, 4 minutes after
    python benchmarks/bench_memory.py --size 100k.xlsx --minutes 2 --uploads 2

Starts ``streamlit run app.py`` on a free port and, ``--uploads`` times, opens the app in a new
headless Chromium session (Debian's, as the browser tests do), uploads the tracker through the
file input, waits until the page describes it, then closes the browser. The server's resident
memory (VmRSS from /proc; Linux only) is printed before the first upload, at its peak while a
session is open, right after each session ends and then every ``--every`` seconds for
``--minutes`` with no browser connected, with the first time it is back under ``--target`` MB.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_app import CHROMIUM, CHROMIUM_ARGS, _free_port, start_server  # noqa: E402
from trackers import make_file, parse_size  # noqa: E402


def resident_mb(pid: int) -> tuple[float, float]:
    """The process's resident memory now and its peak so far, in MB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def upload_once(browser, url: str, path: Path) -> float:
    """One session: open the app, upload, wait until the page describes the file; seconds it took."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(url)
    page.get_by_test_id("stMain").get_by_test_id("stHeading").first.wait_for(timeout=120_000)
    started = time.perf_counter()
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    page.get_by_text(f"file: {path.name}").first.wait_for(timeout=600_000)
    seconds = time.perf_counter() - started
    page.wait_for_timeout(2000)  # the page finishes drawing, as a user would see it
    context.close()  # the session's websocket closes: the server sees it disconnect
    return seconds


def main() -> None:
    """Upload, close, watch the server's memory; print one line per reading."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("1M.csv"), metavar="ROWS.KIND")
    parser.add_argument("--uploads", type=int, default=1, help="sessions that upload the file, one after another")
    parser.add_argument("--minutes", type=float, default=4.0, help="how long to watch after the last session ends")
    parser.add_argument("--every", type=float, default=10.0, help="seconds between readings")
    parser.add_argument("--target", type=float, default=600.0, help="MB the server should fall back under")
    args = parser.parse_args()
    path = make_file(*args.size)
    port = _free_port()
    server = start_server(port)
    url = f"http://127.0.0.1:{port}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            print(f"server before any upload: {resident_mb(server.pid)[0]:.0f} MB", flush=True)
            for number in range(1, args.uploads + 1):
                seconds = upload_once(browser, url, path)
                now, peak = resident_mb(server.pid)
                print(f"session {number}: {path.name} read and drawn in {seconds:.1f} s; "
                      f"server {now:.0f} MB after it ended (peak so far {peak:.0f} MB)", flush=True)
            browser.close()
        ended, back_under = time.monotonic(), None
        while time.monotonic() - ended < args.minutes * 60:
            time.sleep(args.every)
            now, _ = resident_mb(server.pid)
            elapsed = time.monotonic() - ended
            print(f"  {elapsed:5.0f} s after the last session ended: {now:6.0f} MB", flush=True)
            if back_under is None and now < args.target:
                back_under = elapsed
        print(f"peak {resident_mb(server.pid)[1]:.0f} MB; " + (
            f"back under {args.target:.0f} MB {back_under:.0f} s after the last session ended" if back_under is not None
            else f"still above {args.target:.0f} MB {args.minutes:.1f} minutes after the last session ended"))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
