"""Time filter changes in the real app on a large upload (a script, not a test).

    python benchmarks/bench_app.py                  # the 100k-row csv of bench_pipeline.py
    python benchmarks/bench_app.py --size 100k.xlsx --page Summary

Starts ``streamlit run app.py`` on a free port, opens it in headless Chromium (Debian's, as the
browser tests do), uploads the tracker through the file input, waits until the page describes it,
switches to the page asked for (Funnel by default), then changes the sidebar filters nine times,
one at a time, a second apart: four channels added one by one, then five "Role contains" words.
Each change is a new filter, so the report is computed afresh (no cache hit).

For each change it prints the *round trip*: from the moment the browser sends the widget change
over the websocket to the moment the server's "script finished" message reaches the browser,
i.e. the rerun (sidebar, filtering, report, page) plus the transfer of what changed, without
the browser's own drawing of the charts (which shares the machine's cores meanwhile); and the
CPU time the server process spent meanwhile (from /proc, in 10 ms steps; Linux only, and not with
``--url``), which the browser's share of the cores does not inflate.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from trackers import ROOT, make_file, parse_size

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CHANNELS_ADDED = 4
ROLE_WORDS = ("analyst", "engineer", "data", "senior", "lead")


class RunClock:
    """Watches the app's websocket: when a rerun was asked for and when the server finished it."""

    def __init__(self) -> None:
        self.asked: float | None = None
        self.finished: list[float] = []

    def watch(self, socket_) -> None:
        """Attach to one websocket of the page."""
        socket_.on("framesent", self._sent)
        socket_.on("framereceived", self._received)

    def _sent(self, payload) -> None:
        if isinstance(payload, bytes):
            message = BackMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") == "rerun_script":
                self.asked = time.perf_counter()

    def _received(self, payload) -> None:
        if isinstance(payload, bytes):
            message = ForwardMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") == "script_finished":
                self.finished.append(time.perf_counter())

    def wait_finished(self, page, count: int, seconds: float = 120) -> None:
        """Pump the page's events until ``count`` runs have finished."""
        deadline = time.monotonic() + seconds
        while len(self.finished) < count:
            if time.monotonic() > deadline:
                raise SystemExit(f"the app did not finish a run within {seconds:.0f} s")
            page.wait_for_timeout(5)


def server_cpu(pid: int | None) -> float | None:
    """CPU seconds the process has used so far (user + system), or None without a process to read."""
    if pid is None:
        return None
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    """``streamlit run app.py`` headless on ``port``, ready to serve."""
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("streamlit did not start within 90 s")


def _add_a_channel(page) -> str:
    """Add the first channel not yet chosen to the Channel filter; its name."""
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first.click()
    option = page.get_by_role("option").filter(has_not_text="Select all").first
    name = option.inner_text()
    option.click()
    page.keyboard.press("Escape")
    return name


def _type_a_role(page, word: str) -> str:
    """Type ``word`` into "Role contains" and press Enter."""
    role = page.get_by_test_id("stSidebar").get_by_label("Role contains")
    role.fill(word)
    role.press("Enter")
    return f"role contains {word}"


def _changes(page):
    """Filter changes, each made when called: four channels added one by one, then role words."""
    for _ in range(CHANNELS_ADDED):
        yield lambda: f"channel + {_add_a_channel(page)}"
    for word in ROLE_WORDS:
        yield lambda word=word: _type_a_role(page, word)


def main() -> None:
    """Upload, change the filters, print one line per change and a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("100k.csv"), metavar="ROWS.KIND")
    parser.add_argument("--url", help="time an app already running there (for example under a profiler)")
    parser.add_argument("--page", default="Funnel", help="the page to time filter changes on (as named in the sidebar)")
    parser.add_argument("--pause", type=float, default=0, help="seconds to wait after the upload (to attach a profiler)")
    args = parser.parse_args()
    path = make_file(*args.size)
    port = _free_port()
    server = None if args.url else start_server(port)
    url = args.url or f"http://127.0.0.1:{port}/"
    clock = RunClock()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("websocket", clock.watch)
            page.goto(url)
            clock.wait_finished(page, 1)
            started = time.perf_counter()
            page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
            page.get_by_text(f"file: {path.name}").first.wait_for(timeout=300_000)
            page.wait_for_timeout(1000)  # the browser finishes drawing, as it has before a user picks a filter
            print(f"{path.name}: upload, read and first report {time.perf_counter() - started:.1f} s", flush=True)
            if args.page != "Funnel":
                done = len(clock.finished)
                page.get_by_test_id("stSidebarNav").get_by_role("link", name=args.page, exact=True).click()
                clock.wait_finished(page, done + 1)
            page.wait_for_timeout(args.pause * 1000)
            round_trips, cpu_times = [], []
            pid = None if server is None else server.pid
            for change in _changes(page):
                page.wait_for_timeout(1000)  # the browser draws the last result, as it has before a user acts again
                done, cpu_before = len(clock.finished), server_cpu(pid)
                made = change()
                clock.wait_finished(page, done + 1)
                round_trips.append(clock.finished[-1] - clock.asked)
                note = ""
                if pid is not None:
                    cpu_times.append(server_cpu(pid) - cpu_before)
                    note = f"   server CPU {cpu_times[-1] * 1000:4.0f} ms"
                print(f"  {made:<28} {round_trips[-1] * 1000:5.0f} ms{note}")
            browser.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    print(f"filter change on {args.page}, round trip: median {statistics.median(round_trips) * 1000:.0f} ms, "
          f"max {max(round_trips) * 1000:.0f} ms over {len(round_trips)} changes")
    if cpu_times:
        print(f"server CPU per change: median {statistics.median(cpu_times) * 1000:.0f} ms, "
              f"max {max(cpu_times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
