"""Large generated trackers for the benchmarks (deterministic, cached under benchmarks/out/).

They look like a coach's export: ~1,500 companies (a few dominate, some spelled in other cases),
a few hundred job titles, 20 sources, dates over 6 months (fewer at weekends), stages and
statuses with a realistic spread (most applications never get past "Applied", ~40% silent, a
few % offers, status typos and variants), reply dates for answered rows, a salary range, a
contact, a job reference, a last-update time and occasional notes: 14 columns.

Feedback comes in two kinds (``feedback=``):
  distinct  (default) as real trackers hold it: ~23% of rows carry a text of their own (recruiter
            e-mails naming the candidate, company, role and recruiter; one-liners and notes with
            numbers and dates: :mod:`feedback_text`), ~7% a short note that repeats ("Rejected");
            so a 100k-row file has ~20k distinct texts and a 1M-row file ~200k.
  repeated  the earlier benchmark's case: ~30% of rows drawn from ~4,000 distinct texts.

Dates are what trackers hold: date cells in the xlsx (a time of day in "Last update"), and in
the csv "6/12/2025" (applied), "12 Jun 2025" (reply) and "2025-06-12 14:03" (last update).
``candidates=N`` adds a Candidate column with N people (exercises the caseload).

The xlsx files are written by openpyxl, which stores text inline in the sheet: calamine reads
them a little slower than the shared-string workbooks Excel and Google Sheets save.
"""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import numpy as np
from feedback_text import distinct_feedback, short_notes

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
TODAY = dt.date(2025, 11, 20)
FIRST_DAY = np.datetime64("2025-05-19")
DAYS = 183
FEEDBACK_KINDS = ("distinct", "repeated")
REPEATED_SHARE, REPEATED_DISTINCT = 0.30, 4_000
DISTINCT_SHARE, NOTE_SHARE = 0.23, 0.07

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


def _repeated_feedback(rng: np.random.Generator, rows: int) -> np.ndarray:
    """The earlier case: ~30% of rows drawn from ~4,000 texts of bench_themes' fragments (Zipf-like)."""
    from bench_themes import feedback_texts

    texts = np.array(list(dict.fromkeys(feedback_texts(40_000, seed=11)))[:REPEATED_DISTINCT], dtype=object)
    weights = 1.0 / np.arange(1, len(texts) + 1) ** 0.8  # the short notes come first and repeat most
    rng.shuffle(weights[60:])
    feedback = np.full(rows, "", dtype=object)
    with_text = rng.random(rows) < REPEATED_SHARE
    feedback[with_text] = texts[rng.choice(len(texts), size=int(with_text.sum()), p=weights / weights.sum())]
    return feedback


def _distinct_feedback(rng: np.random.Generator, company: np.ndarray, role: np.ndarray) -> np.ndarray:
    """~23% of rows with a text of their own, ~7% with a short note that repeats."""
    draw = rng.random(len(company))
    feedback = np.full(len(company), "", dtype=object)
    own = np.flatnonzero(draw < DISTINCT_SHARE)
    feedback[own] = distinct_feedback(company[own].tolist(), role[own].tolist())
    noted = np.flatnonzero((draw >= DISTINCT_SHARE) & (draw < DISTINCT_SHARE + NOTE_SHARE))
    feedback[noted] = short_notes(len(noted))
    return feedback


def _status(rng: np.random.Generator, stage: np.ndarray, applied: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The status of each row (by its stage) and whether the employer answered."""
    rows = len(stage)
    group = np.where(np.isin(stage, ["Applied", ""]), "early", np.where(stage == "Offer", "offer", "interview"))
    status = np.empty(rows, dtype=object)
    for name, table in _STATUS_BY_STAGE.items():
        chosen = group == name
        status[chosen] = _pick(rng, table, int(chosen.sum()))
    recent = applied > FIRST_DAY + np.timedelta64(DAYS - 21, "D")
    status[recent & (group == "early") & (rng.random(rows) < 0.6)] = ""
    answered = ~np.isin(status, ["", "No response", "Ghosted", "Pending", "In progress"]) | (group != "early")
    return status, answered


def _extras(rng: np.random.Generator, rows: int) -> dict[str, np.ndarray]:
    """Salary range, contact and job reference: columns a tracker has that no field maps to."""
    low = rng.integers(28, 110, size=rows) * 1000
    salary = np.char.add(np.char.add("£", low.astype(str)), np.char.add(" - £", (low + 10_000).astype(str)))
    salary = np.where(rng.random(rows) < 0.35, "", salary).astype(object)
    contacts = np.array([f"{first} {last}" for first in ("Anna", "Ben", "Cara", "Dan", "Eve", "Finn", "Gus", "Hana")
                         for last in ("Reed", "Shaw", "Lowe", "Park", "Ng")], dtype=object)
    contact = np.where(rng.random(rows) < 0.5, "", contacts[rng.integers(0, len(contacts), size=rows)])
    reference = np.char.add("REQ-", rng.integers(100_000, 999_999, size=rows).astype(str)).astype(object)
    return {"Salary": salary, "Contact": contact.astype(object), "Job ref": reference}


def tracker(rows: int, candidates: int = 0, feedback: str = "distinct", seed: int = 2025) -> dict[str, np.ndarray]:
    """The columns of a generated tracker: object arrays of text, dates as datetime64 (NaT blank)."""
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
    status, answered = _status(rng, stage, applied)
    responded = np.where(answered & (rng.random(rows) < 0.85),
                         applied + rng.integers(1, 45, size=rows).astype("timedelta64[D]"),
                         np.datetime64("NaT", "D"))
    updated = (np.where(np.isnat(responded), applied, responded).astype("datetime64[m]")
               + rng.integers(8 * 60, 19 * 60, size=rows).astype("timedelta64[m]"))
    texts = _distinct_feedback(rng, company, role) if feedback == "distinct" else _repeated_feedback(rng, rows)
    columns = {"Company": company, "Role": role, "Location": _pick(rng, _LOCATIONS, rows),
               "Source": _pick(rng, _SOURCES, rows), "Date Applied": applied, "Stage": stage,
               "Status": status, "Response Date": responded, "Feedback": texts,
               "Notes": _pick(rng, _NOTES, rows), **_extras(rng, rows), "Last update": updated}
    if candidates:
        people = np.array([f"Candidate {index:05d}" for index in range(candidates)], dtype=object)
        columns = {"Candidate": people[rng.integers(0, candidates, size=rows)], **columns}
    return columns


def label(rows: int) -> str:
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


CSV_DATES = {"Date Applied": "%-m/%-d/%Y", "Response Date": "%d %b %Y", "Last update": "%Y-%m-%d %H:%M"}


def _write_csv(columns: dict[str, np.ndarray], path: Path) -> None:
    import pandas as pd

    frame = pd.DataFrame({name: (pd.Series(values).dt.strftime(CSV_DATES.get(name, "%Y-%m-%d")).fillna("")
                                 if values.dtype.kind == "M" else values)
                          for name, values in columns.items()})
    frame.to_csv(path, index=False)


def _write_xlsx(columns: dict[str, np.ndarray], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Applications")
    sheet.append(["Job search tracker (exported)"])
    sheet.append([])
    sheet.append(list(columns))
    cells = [values.astype("datetime64[us]").astype(object) if values.dtype.kind == "M" else values
             for values in columns.values()]
    for row in zip(*(column.tolist() for column in cells)):  # NaT became None; blank text is left empty
        sheet.append([None if value == "" else value for value in row])
    book.save(path)


def make_file(rows: int, kind: str, candidates: int = 0, feedback: str = "distinct") -> Path:
    """The cached tracker file (generated on first use)."""
    extra = (f"_c{candidates}" if candidates else "") + ("" if feedback == "distinct" else f"_{feedback}")
    path = OUT / f"tracker_{label(rows)}{extra}.{kind}"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    columns = tracker(rows, candidates, feedback)
    partial = path.with_suffix(".partial")
    (_write_csv if kind == "csv" else _write_xlsx)(columns, partial)
    partial.replace(path)
    return path
