"""Take the README's screenshots: the Data, Funnel and Feedback pages on the bundled sample.

    python docs/take_screenshots.py      # needs what the browser tests need (requirements-dev.txt, Chromium)

Starts `streamlit run app.py` on a free port, opens each page in headless Chromium at 1400 px wide,
waits for the page to finish running, saves docs/screenshot-<page>.png, and stops the server.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from e2e.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port, _wait_healthy  # noqa: E402

PAGES = ("funnel", "data", "feedback")


def _start_server(port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    _wait_healthy(f"http://127.0.0.1:{port}", server)
    return server


def main() -> None:
    """Save one screenshot per page of :data:`PAGES`."""
    port = _free_port()
    server = _start_server(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for name in PAGES:
                page.goto(f"http://127.0.0.1:{port}/{name}", wait_until="domcontentloaded")
                page.get_by_test_id("stMain").get_by_test_id("stHeading").first.wait_for(timeout=90_000)
                page.wait_for_timeout(5_000)  # the page finishes its run and its charts draw
                page.screenshot(path=str(ROOT / "docs" / f"screenshot-{name}.png"))
                print(f"docs/screenshot-{name}.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    main()
