"""The command line contract of DESIGN.md: report, normalize, and exit 2 on bad input."""
import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "sample_tracker.xlsx"


def run(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_normalize_writes_the_canonical_table(tmp_path):
    out = tmp_path / "apps.csv"
    result = run("normalize", SAMPLE, "-o", out, "--today", "2026-11-25")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 150
    assert list(rows[0]) == ["company", "role", "source", "channel", "location", "candidate", "applied_on",
                             "responded_on", "last_update", "furthest_stage", "outcome", "outcome_inferred",
                             "feedback", "source_row"]
    assert rows[0]["company"] == "Oakridge Foods" and rows[0]["applied_on"] == "2026-05-18"
    assert sum(row["outcome"] == "rejected" for row in rows) == 71


def test_report_json_has_the_contract_keys():
    result = run("report", SAMPLE, "--format", "json", "--today", "2026-11-25")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for key in ("applications", "rows", "columns", "outcomes", "funnel", "themes", "focus_areas", "warnings"):
        assert key in report
    assert report["applications"] == 150
    assert report["rows"] == {"read": 150, "skipped": []}
    assert report["columns"]["company"] == "Company" and report["columns"]["candidate"] is None
    assert report["outcomes"] == {"in_progress": 11, "rejected": 71, "no_response": 62, "withdrawn": 4, "offer": 2}
    assert [entry["stage"] for entry in report["funnel"]] == [
        "applied", "first_interview", "second_interview", "final_interview", "offer"]
    # Stage counts of the sample: 117 applied only, 20 first, 5 second, 6 final, 2 offers.
    assert [entry["reached"] for entry in report["funnel"]] == [150, 33, 13, 8, 2]
    first = report["funnel"][0]
    assert set(first) >= {"stage", "reached", "rejected", "no_response", "withdrawn", "in_progress",
                          "pass_rate", "rejection_rate", "ci95"}
    assert first["pass_rate"] == pytest.approx(33 / 150)


def test_column_override_on_the_command_line():
    result = run("report", SAMPLE, "--today", "2026-11-25", "--column", "stage=")
    report = json.loads(result.stdout)
    assert report["columns"]["stage"] is None
    assert report["funnel"][1]["reached"] < 33


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty.csv": b"",
        "random.xlsx": os.urandom(2048),
        "header_only.csv": b"Company,Role,Status\n",
        "counts.csv": b"Type,Remote,Berlin,Total\nApplications,10,20,30\nRejections,5,6,11\nInterviews,1,2,3\n",
        "nothing.csv": b"alpha,beta\n1,2\n3,4\n",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    files["notes.xlsx"] = buffer.getvalue()
    paths = {}
    for name, content in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(content)
    paths["missing.csv"] = tmp_path / "missing.csv"
    return paths


@pytest.mark.parametrize("name", ["empty.csv", "random.xlsx", "header_only.csv", "counts.csv", "nothing.csv",
                                  "notes.xlsx", "missing.csv"])
@pytest.mark.parametrize("command", ["report", "normalize"])
def test_bad_input_exits_2_with_one_sentence_and_no_output(tmp_path, name, command):
    path = _bad_inputs(tmp_path)[name]
    out = tmp_path / "out.file"
    result = run(command, path, "-o", out)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.strip().endswith(".")
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".next-steps-")]


def test_themes_reads_one_text_a_line():
    result = run("themes", "-", stdin="We went with an internal candidate.\n\nGreat communication skills\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["text"] for line in lines] == ["We went with an internal candidate.", "", "Great communication skills"]
    assert "role_closed" in lines[0]["themes"]
    assert lines[2]["polarity"] == "positive"


AMBIGUOUS_DATES = (
    "Company,Role,Date applied,Phone screen,Status\n"
    "Acme,Analyst,03/04/2026,10/04/2026,Interview\n"
    "Beta,Analyst,05/06/2026,,Rejected\n"
)


def _normalized_dates(tmp_path: Path, *options: str) -> list[tuple[str, str]]:
    source, out = tmp_path / "dates.csv", tmp_path / "apps.csv"
    source.write_text(AMBIGUOUS_DATES, encoding="utf-8")
    result = run("normalize", source, "-o", out, "--today", "2026-11-25", *options)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    return [(row["applied_on"], row["last_update"]) for row in rows]


@pytest.mark.parametrize("options, expected", [
    ((), [("2026-03-04", "2026-10-04"), ("2026-05-06", "2026-05-06")]),              # auto: month first
    (("--dayfirst", "no"), [("2026-03-04", "2026-10-04"), ("2026-05-06", "2026-05-06")]),
    (("--dayfirst", "yes"), [("2026-04-03", "2026-04-10"), ("2026-06-05", "2026-06-05")]),
    (("--dayfirst", "YES"), [("2026-04-03", "2026-04-10"), ("2026-06-05", "2026-06-05")]),
    # The older FIELD=yes form sets the order of the whole file, stage dates included.
    (("--dayfirst", "applied_on=yes"), [("2026-04-03", "2026-04-10"), ("2026-06-05", "2026-06-05")]),
])
def test_dayfirst_sets_the_order_of_every_date_column(tmp_path, options, expected):
    assert _normalized_dates(tmp_path, *options) == expected


@pytest.mark.parametrize("value", ["maybe", "applied_on=maybe", "company=yes", "", "true"])
def test_a_bad_dayfirst_value_exits_2_with_one_sentence(tmp_path, value):
    result = run("report", SAMPLE, "--dayfirst", value)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.strip().endswith(".")
    assert "--dayfirst" in result.stderr


def test_two_different_dayfirst_values_are_refused():
    result = run("report", SAMPLE, "--dayfirst", "yes", "--dayfirst", "responded_on=no")
    assert result.returncode == 2 and "one date order for the whole file" in result.stderr


def test_the_json_warnings_name_the_columns_that_read_either_way(tmp_path):
    source = tmp_path / "dates.csv"
    source.write_text(AMBIGUOUS_DATES, encoding="utf-8")
    warnings = json.loads(run("report", source, "--today", "2026-11-25").stdout)["warnings"]
    note = next(text for text in warnings if "12 or less" in text)
    assert "'Date applied', 'Phone screen'" in note and "month first" in note and "--dayfirst yes" in note
    chosen = json.loads(run("report", source, "--today", "2026-11-25", "--dayfirst", "yes").stdout)["warnings"]
    assert not any("12 or less" in text for text in chosen)
