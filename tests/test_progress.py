"""Progress: the engine tells each step as it starts; the CLI shows them on a terminal only."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from analysis import cli
from analysis.core.progress import STEPS
from analysis.normalize.loading import load

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "sample_tracker.xlsx"


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_load_tells_its_three_steps_in_order() -> None:
    told: list[str] = []
    load(SAMPLE.read_bytes(), SAMPLE.name, progress=told.append)
    assert told == list(STEPS[:3])


def test_the_cli_shows_every_step_on_a_terminal(tmp_path, monkeypatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    out = tmp_path / "report.json"
    assert cli.main(["report", str(SAMPLE), "--today", "2026-11-25", "-o", str(out)]) == 0
    lines = terminal.getvalue().splitlines()
    assert [line.split("] ", 1)[1].split("…")[0] for line in lines] == list(STEPS)
    assert lines[0].startswith("[1/5] ") and lines[-1].startswith("[5/5] ")
    assert json.loads(out.read_text())["applications"] == 150  # the report itself is unchanged


@pytest.mark.parametrize("stderr, flags", [(Terminal, ["--quiet"]), (io.StringIO, [])])
def test_the_cli_is_silent_when_quiet_or_not_on_a_terminal(tmp_path, monkeypatch, stderr, flags) -> None:
    stream = stderr()
    monkeypatch.setattr("sys.stderr", stream)
    assert cli.main(["report", str(SAMPLE), "--today", "2026-11-25", "-o", str(tmp_path / "r.json"), *flags]) == 0
    assert stream.getvalue() == ""


def test_normalize_shows_the_reading_steps_then_its_summary(tmp_path, monkeypatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert cli.main(["normalize", str(SAMPLE), "-o", str(tmp_path / "apps.csv")]) == 0
    lines = terminal.getvalue().splitlines()
    assert [line.split("] ", 1)[1].split("…")[0] for line in lines[:3]] == list(STEPS[:3])
    assert lines[3].startswith("150 applications written")
