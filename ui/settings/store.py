"""The user's corrections of a tracker's reading, as a small settings file and as kept on this machine.

A tracker is recognised by its header signature: a hash of the column headers of its default
reading (first table found, no choice made), in order, ignoring case and spacing. The same
tracker saved again with more rows keeps its signature, so its corrections come back.

Kept corrections live in one JSON file under the user's configuration folder (never in the
app's folder): ``$NEXT_STEPS_SETTINGS_DIR`` when set, else ``%APPDATA%/next-steps`` on Windows,
else ``$XDG_CONFIG_HOME/next-steps`` or ``~/.config/next-steps``. Nothing here imports Streamlit.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.core.schema import FIELDS, OUTCOMES, STAGES, THEMES

FORMAT = "next-steps-settings"
VERSION = 1
STORE_NAME = "corrections.json"
MAX_TRACKERS = 50
"""Kept trackers; the least recently saved are forgotten beyond this."""
MAX_SETTINGS_BYTES = 256 * 1024
MAX_KEYWORD_CHARACTERS = 60
_WORD = re.compile(r"\w")

log = logging.getLogger(__name__)
Meaning = tuple[str | None, str | None, bool]
"""What a status value means: (furthest stage, outcome, is an application)."""


class SettingsError(ValueError):
    """A settings file that cannot be used; the message is one plain sentence."""


@dataclass(frozen=True)
class Corrections:
    """What the user changed: sheet, columns (field -> header or None), status meanings, date order, keywords."""

    sheet: str | None = None
    columns: dict[str, str | None] = field(default_factory=dict)
    statuses: dict[str, Meaning] = field(default_factory=dict)
    dayfirst: bool | None = None
    """The day/month order of every date column: True day first, False month first, None as detected."""
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when nothing was corrected."""
        return not (self.sheet or self.columns or self.statuses or self.dayfirst is not None or self.keywords)

    def count(self) -> int:
        """How many corrections: a sheet, each column, status, date order and keyword."""
        return (bool(self.sheet) + len(self.columns) + len(self.statuses) + (self.dayfirst is not None)
                + sum(len(words) for words in self.keywords.values()))


def signature(headers: Iterable[object]) -> str:
    """The tracker's header signature: its headers in order, case and spacing ignored."""
    names = "\n".join(" ".join(str(header).split()).casefold() for header in headers)
    return hashlib.blake2b(names.encode("utf-8"), digest_size=12).hexdigest()


def to_record(corrections: Corrections) -> dict:
    """The corrections as JSON-ready data."""
    return {
        "sheet": corrections.sheet,
        "columns": dict(corrections.columns),
        "statuses": [[value, *meaning] for value, meaning in corrections.statuses.items()],
        "dayfirst": corrections.dayfirst,
        "keywords": {theme: list(words) for theme, words in corrections.keywords.items()},
    }


def settings_file(corrections: Corrections, tracker_name: str, headers: Iterable[object]) -> bytes:
    """The downloadable settings file: the corrections plus which tracker they were made for."""
    headers = [str(header) for header in headers]
    document = {"format": FORMAT, "version": VERSION, "tracker": tracker_name,
                "signature": signature(headers), **to_record(corrections)}
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"This settings file is damaged: {what} should be text.")
    return value


def _columns(value: object) -> dict[str, str | None]:
    if not isinstance(value, dict):
        raise SettingsError("This settings file is damaged: its column choices are not a list of fields.")
    return {name: None if header is None else _text(header, "a column name")
            for name, header in value.items() if name in FIELDS}


def _statuses(value: object) -> dict[str, Meaning]:
    if not isinstance(value, list):
        raise SettingsError("This settings file is damaged: its status meanings are not a list.")
    meanings: dict[str, Meaning] = {}
    for item in value:
        if not (isinstance(item, list) and len(item) == 4 and isinstance(item[3], bool)):
            raise SettingsError("This settings file is damaged: a status meaning is not (value, stage, outcome, applied).")
        status, stage, outcome, applied = item
        meanings[_text(status, "a status value")] = (stage if stage in STAGES else None,
                                                    outcome if outcome in OUTCOMES else None, applied)
    return meanings


def _keywords(value: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise SettingsError("This settings file is damaged: its keywords are not grouped by theme.")
    kept: dict[str, tuple[str, ...]] = {}
    for theme, words in value.items():
        if theme not in THEMES or theme == "generic" or not isinstance(words, list):
            continue
        usable = tuple(dict.fromkeys(" ".join(_text(word, "a keyword").split()) for word in words))
        usable = tuple(word for word in usable if _WORD.search(word) and len(word) <= MAX_KEYWORD_CHARACTERS)
        if usable:
            kept[theme] = usable
    return kept


def from_record(record: object) -> Corrections:
    """Corrections from JSON data; raises :class:`SettingsError` when the data is not usable."""
    if not isinstance(record, dict):
        raise SettingsError("This is not a Next Steps settings file.")
    sheet = record.get("sheet")
    dayfirst = record.get("dayfirst")
    if dayfirst is not None and not isinstance(dayfirst, bool):
        raise SettingsError("This settings file is damaged: its date order is neither day first nor month first.")
    return Corrections(
        sheet=None if sheet is None else _text(sheet, "the sheet name"),
        columns=_columns(record.get("columns") or {}),
        statuses=_statuses(record.get("statuses") or []),
        dayfirst=dayfirst,
        keywords=_keywords(record.get("keywords") or {}),
    )


def read_settings_file(data: bytes) -> Corrections:
    """The corrections of a downloaded settings file; raises :class:`SettingsError` with the reason."""
    if len(data) > MAX_SETTINGS_BYTES:
        raise SettingsError("This file is too large to be a Next Steps settings file.")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SettingsError("This is not a Next Steps settings file: it is not JSON text.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SettingsError("This is not a Next Steps settings file; download one from the Data page first.")
    if not isinstance(document.get("version"), int) or document["version"] > VERSION:
        raise SettingsError("This settings file comes from a newer Next Steps; update the app to read it.")
    return from_record(document)


def settings_dir() -> Path:
    """Where kept corrections live on this machine (see the module docstring)."""
    chosen = os.environ.get("NEXT_STEPS_SETTINGS_DIR")
    if chosen:
        return Path(chosen)
    if os.name == "nt" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "next-steps"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "next-steps"


def _read_store(path: Path) -> dict:
    try:
        trackers = json.loads(path.read_text(encoding="utf-8")).get("trackers", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return trackers if isinstance(trackers, dict) else {}


def kept(tracker_signature: str, directory: Path | None = None) -> Corrections | None:
    """The corrections kept on this machine for the tracker with this signature, if any (unreadable: none)."""
    record = _read_store((directory or settings_dir()) / STORE_NAME).get(tracker_signature)
    try:
        return None if record is None else from_record(record)
    except SettingsError:
        log.warning("Ignoring damaged kept corrections for tracker %s", tracker_signature)
        return None


def keep(tracker_signature: str, corrections: Corrections, directory: Path | None = None) -> bool:
    """Keep (or, when empty, forget) the corrections of a tracker; False when the folder cannot be written."""
    directory = directory or settings_dir()
    path = directory / STORE_NAME
    trackers = _read_store(path)
    trackers.pop(tracker_signature, None)
    if not corrections.empty:
        trackers[tracker_signature] = {**to_record(corrections), "saved": dt.datetime.now().isoformat(timespec="seconds")}
    newest = dict(sorted(trackers.items(), key=lambda item: str(item[1].get("saved", "")))[-MAX_TRACKERS:])
    try:
        directory.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"version": VERSION, "trackers": newest}, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        log.warning("Could not keep corrections in %s", directory, exc_info=True)
        return False
    return True
