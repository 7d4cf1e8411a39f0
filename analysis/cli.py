"""The command line: ``report``, ``normalize`` and ``themes`` (contract in DESIGN.md).

Bad input exits with status 2 and one plain sentence on stderr; no traceback, no partial file.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from analysis.core.errors import InputError
from analysis.core.limits import MAX_UPLOAD_BYTES
from analysis.core.progress import REPORT, STEPS, THEMES, Progress, no_progress
from analysis.core.schema import FIELDS

FORMATS = ("json", "md", "html", "xlsx")


def _read_input(path: str) -> bytes:
    file = Path(path)
    if not file.is_file():
        raise InputError(f"There is no file at {path}; check the path.")
    if file.stat().st_size > MAX_UPLOAD_BYTES:
        raise InputError(f"{file.name} is larger than the {MAX_UPLOAD_BYTES // 1_000_000} MB limit; "
                         "split it or remove unused sheets and columns.")
    return file.read_bytes()


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected FIELD=VALUE, got '{text}'")
    return name.strip(), value.strip()


DATE_ORDERS = {"yes": True, "no": False, "auto": None}
DATE_FIELDS = ("applied_on", "responded_on")


def _date_order(values: list[str]) -> bool | None:
    """The file's day/month order from --dayfirst yes|no|auto (also the older FIELD=yes|no form)."""
    orders = set()
    for text in values:
        name, sep, value = text.rpartition("=")
        if sep and name.strip() not in DATE_FIELDS:
            raise InputError(f"--dayfirst takes yes, no or auto, not '{text}'.")
        if value.strip().lower() not in DATE_ORDERS:
            raise InputError(f"--dayfirst takes yes (day first), no (month first) or auto, not '{text}'.")
        orders.add(DATE_ORDERS[value.strip().lower()])
    if len(orders) > 1:
        raise InputError("--dayfirst sets one date order for the whole file; give it once.")
    return orders.pop() if orders else None


def _settings(args: argparse.Namespace):
    from analysis.normalize.loading import LoadSettings

    columns = {}
    for name, header in args.column or []:
        if name not in FIELDS:
            raise InputError(f"'{name}' is not a field; use one of {', '.join(FIELDS)}.")
        columns[name] = header or None
    dayfirst = _date_order(args.dayfirst or [])
    if args.ghost_after_days < 1:
        raise InputError("--ghost-after-days must be a whole number of days, at least 1.")
    return LoadSettings(sheet=args.sheet, columns=columns, dayfirst=dayfirst, today=args.today,
                        ghost_after_days=args.ghost_after_days)


def _write_atomically(path: str, content: bytes) -> None:
    """Write a file whole or not at all."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".next-steps-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class _StderrProgress:
    """Each step on its own line of stderr, with the seconds since the start: "[2/5] Mapping columns (0.8 s)"."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    def __call__(self, step: str) -> None:
        number = STEPS.index(step) + 1 if step in STEPS else 0
        print(f"[{number}/{len(STEPS)}] {step}… ({time.perf_counter() - self.started:.1f} s)", file=sys.stderr, flush=True)


def _progress(args: argparse.Namespace) -> Progress:
    """Progress on stderr when it is a terminal and ``--quiet`` was not given; else none."""
    return no_progress if args.quiet or not sys.stderr.isatty() else _StderrProgress()


def _report_command(args: argparse.Namespace) -> int:
    from analysis.export.files import render
    from analysis.normalize.loading import load
    from analysis.report import build_report

    progress = _progress(args)
    # The file's bytes are not kept alive while the report is computed (peak memory on large files).
    loaded = load(_read_input(args.file), Path(args.file).name, _settings(args), progress=progress)
    report = build_report(loaded, today=args.today or dt.date.today(), compare_at=args.compare_at)
    progress(THEMES)
    report.feedback  # noqa: B018 (every format shows the themes: computed here, as its own step)
    progress(REPORT)
    content = render(report, args.format)
    if args.output:
        _write_atomically(args.output, content)
    elif args.format == "xlsx":
        raise InputError("An Excel report needs an output file: add -o REPORT.xlsx.")
    else:
        sys.stdout.write(content.decode("utf-8"))
    return 0


def _normalize_command(args: argparse.Namespace) -> int:
    from analysis.export.files import applications_csv
    from analysis.normalize.loading import load

    loaded = load(_read_input(args.file), Path(args.file).name, _settings(args), progress=_progress(args))
    _write_atomically(args.output, applications_csv(loaded.applications))
    print(f"{len(loaded.applications)} applications written to {args.output}; "
          f"{len(loaded.skipped)} rows skipped.", file=sys.stderr)
    return 0


def _themes_command(args: argparse.Namespace) -> int:
    from analysis.feedback.classifier import classify_many
    from analysis.feedback.features import MAX_CHARS

    data = sys.stdin.buffer.read() if args.file in (None, "-") else _read_input(args.file)
    if b"\x00" in data[:65_536]:
        raise InputError("The themes input is binary, not text: give one feedback text a line.")
    texts = [line.removesuffix("\r") for line in data.decode("utf-8", errors="replace").split("\n")]
    if texts[-1] == "":
        texts.pop()
    for text, result in zip(texts, classify_many(texts)):
        line = {"text": text, "themes": list(result.themes), "polarity": result.polarity,
                "evidence": {theme: list(words) for theme, words in result.evidence.items()}, "unclear": result.unclear}
        if result.cut:
            line["note"] = f"only the first {MAX_CHARS:,} characters were read"
        print(json.dumps(line, ensure_ascii=False))
    return 0


def _add_loading_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("file", help="the tracker: csv, txt, xlsx, xlsm, xls or ods")
    command.add_argument("--today", type=dt.date.fromisoformat, default=None,
                         help="the date to count silence up to (YYYY-MM-DD); default: today")
    command.add_argument("--ghost-after-days", type=int, default=30,
                         help="days without a reply after which an open application counts as no response")
    command.add_argument("--sheet", default=None, help="the workbook sheet to read; default: found automatically")
    command.add_argument("--column", type=_pair, action="append", metavar="FIELD=HEADER",
                         help=f"override the column of a field ({', '.join(FIELDS)}); empty HEADER for none")
    command.add_argument("--dayfirst", action="append", metavar="yes|no|auto",
                         help="read every date column day first (yes) or month first (no); "
                              "default auto: decided from all the file's dates")
    command.add_argument("--quiet", action="store_true",
                         help="no progress on stderr (shown only when stderr is a terminal)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m analysis``."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Next Steps: learn from job rejections.")
    commands = parser.add_subparsers(dest="command", required=True)

    report = commands.add_parser("report", help="the funnel, themes and focus areas of a tracker")
    _add_loading_options(report)
    report.add_argument("--format", choices=FORMATS, default="json")
    report.add_argument("--compare-at", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="compare the applications sent before and from this date (the JSON's comparison)")
    report.add_argument("-o", "--output", default=None, help="write to this file instead of standard output")
    report.set_defaults(run=_report_command)

    normalize = commands.add_parser("normalize", help="write the canonical table of applications as CSV")
    _add_loading_options(normalize)
    normalize.add_argument("-o", "--output", required=True, help="the CSV file to write")
    normalize.set_defaults(run=_normalize_command)

    themes = commands.add_parser("themes", help="classify feedback texts, one a line, into themes")
    themes.add_argument("file", nargs="?", default="-", help="a text file, or - for standard input")
    themes.set_defaults(run=_themes_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (2 for bad input)."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as error:
        print(str(error), file=sys.stderr)
        return 2
    except (OSError, UnicodeError) as error:
        print(f"The file could not be read or written ({error.__class__.__name__}): {error}.", file=sys.stderr)
        return 2
