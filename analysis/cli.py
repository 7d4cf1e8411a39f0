"""The command line: ``report``, ``normalize`` and ``themes`` (contract in DESIGN.md)."""
from __future__ import annotations

import argparse
import json
import sys

from analysis.errors import InputError


def _themes_command(args: argparse.Namespace) -> int:
    from analysis.themes import classify_many

    stream = sys.stdin if args.file in (None, "-") else open(args.file, encoding="utf-8", errors="replace")
    with stream:
        texts = [line.rstrip("\r\n") for line in stream]
    for text, result in zip(texts, classify_many(texts)):
        print(json.dumps({"text": text, "themes": list(result.themes), "polarity": result.polarity}, ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m analysis``."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Next Steps: learn from job rejections.")
    commands = parser.add_subparsers(dest="command", required=True)
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
