"""Combining several loaded files into one canonical table: ``merge_loads``.

Two ways to combine (``as_candidates``):

* **One file per candidate** (True): the tables are stacked; a row with no candidate takes the
  file's stem as its candidate ("ana.xlsx" -> "ana"). Nothing is matched.
* **Several files of one person** (False), e.g. their own tracker plus the LinkedIn export:
  files whose outcomes are known are read first (otherwise in the order given), and each
  further file's rows are matched against the applications already combined. A match is
  counted once. Two rows are the same application when

  - the company is the same after :func:`company_key` (case, accents, punctuation, spacing and
    legal suffixes such as Ltd, Inc, GmbH ignored); rows without a company never match;
  - the roles are similar (:func:`role_similarity` >= :data:`ROLE_SIMILARITY`) or one is blank;
  - the dates applied are at most :data:`DATE_WINDOW_DAYS` days apart, or one is missing.

  Each row matches at most one row of the other side: the pairs with the most similar roles,
  then the closest dates, are taken first. The kept row gets the richer evidence: the furthest
  stage; the strongest outcome (a stated end > a stated "in progress" > an inferred no response
  > an outcome unknown because the file has no status, as in a LinkedIn export; on a tie the
  later ``last_update`` wins, then the kept row); the earliest date applied and reply; the
  latest update; every distinct feedback text; and any text field blank on the kept row.

Candidates are then blocked on the company key (and on the week applied) so two files of
10,000 rows compare only plausible pairs. The result adds ``source_file`` (the file of the kept
row; ``source_row`` is its row there) and ``outcome_known`` to the canonical columns.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.core.errors import InputError
from analysis.core.schema import STAGES
from analysis.normalize.loading import LoadResult

DATE_WINDOW_DAYS = 7
ROLE_SIMILARITY = 0.6
TOKEN_SIMILARITY = 0.85
"""Two role words count as the same word at this difflib ratio ("analyst" ~ "analist")."""
FEEDBACK_JOINER = " | "

LEGAL_SUFFIXES = frozenset({
    "ltd", "limited", "inc", "incorporated", "llc", "llp", "lp", "plc", "corp", "corporation", "co", "company",
    "gmbh", "ag", "kg", "se", "sa", "sas", "sarl", "bv", "nv", "srl", "spa", "ab", "as", "asa", "oy", "pty",
    "pvt", "private", "holding", "holdings", "group", "the",
})
ROLE_FILLER = frozenset({
    "senior", "sr", "junior", "jr", "mid", "level", "i", "ii", "iii", "iv", "1", "2", "3", "remote", "hybrid",
    "onsite", "on", "site", "contract", "temporary", "temp", "permanent", "full", "part", "time", "fulltime",
    "parttime", "m", "f", "w", "d", "x", "mfd", "mwd", "fmd", "the", "a", "an", "of", "and", "for", "in", "at",
})
ROLE_ABBREVIATIONS = {"eng": "engineer", "engr": "engineer", "dev": "developer", "mgr": "manager",
                      "mktg": "marketing", "ops": "operations", "admin": "administrator", "asst": "assistant"}
LOG_COLUMNS = ("kept_file", "kept_row", "merged_file", "merged_row", "company", "reason")
_STAGE_INDEX = {stage: i for i, stage in enumerate(STAGES)}
_TEXT = ("company", "role", "source", "channel", "location", "candidate")


@dataclass(frozen=True)
class FileCount:
    """What happened to one file's applications: matched an earlier file's, or added."""

    name: str
    applications: int
    matched: int
    added: int
    matched_in: tuple[str, ...]

    def sentence(self) -> str:
        """ "118 rows from linkedin.csv, 40 of them matched applications in tracker.xlsx and were counted once." """
        if not self.matched_in:
            return f"{self.applications} applications from {self.name}."
        where = " and ".join(self.matched_in)
        return (f"{self.applications} applications from {self.name}, {self.matched} of them matched applications "
                f"in {where} and were counted once.")


@dataclass(frozen=True)
class MergedApplications:
    """The combined canonical table (plus ``source_file`` and ``outcome_known``), the merge log and counts."""

    applications: pd.DataFrame
    log: pd.DataFrame
    files: tuple[FileCount, ...]
    as_candidates: bool
    warnings: tuple[str, ...]

    @property
    def outcomes_known(self) -> bool:
        """True when any file states outcomes."""
        return bool(self.applications["outcome_known"].any())

    def summary(self) -> list[str]:
        """One sentence per file, then the total."""
        total = f"{len(self.applications)} applications in all"
        if self.as_candidates:
            total += f", {self.applications['candidate'].nunique()} candidates"
        return [item.sentence() for item in self.files] + [total + "."]


def file_stem(name: str) -> str:
    """The file's name without folders and extension ("C:/x/ana.xlsx" -> "ana")."""
    return Path(name.replace("\\", "/")).stem.strip() or name


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", " ", folded.replace("&", " and ")).split()


@lru_cache(maxsize=65536)
def company_key(company: str) -> str:
    """The company name for matching: lower case, no accents or punctuation, legal suffixes dropped."""
    words = _ascii_words(company)
    core = [word for word in words if word not in LEGAL_SUFFIXES and word != "and"]
    return " ".join(core or words)


@lru_cache(maxsize=65536)
def role_tokens(role: str) -> tuple[str, ...]:
    """The words of a role that say what the job is (seniority, work mode and filler dropped)."""
    words = [ROLE_ABBREVIATIONS.get(word, word) for word in _ascii_words(role)]
    core = tuple(dict.fromkeys(word for word in words if word not in ROLE_FILLER))
    return core or tuple(dict.fromkeys(words))


@lru_cache(maxsize=65536)
def role_similarity(first: tuple[str, ...], second: tuple[str, ...]) -> float:
    """Share of the shorter role's words found in the other (a word matches at difflib ratio >= 0.85)."""
    if not first or not second:
        return 0.0
    shorter, longer = sorted((first, second), key=len)
    found = sum(1 for word in shorter
                if word in longer or any(difflib.SequenceMatcher(None, word, other).ratio() >= TOKEN_SIMILARITY
                                         for other in longer))
    return found / len(shorter)


def merge_loads(results: list[tuple[str, LoadResult]], as_candidates: bool) -> MergedApplications:
    """Combine loaded files: one candidate per file, or several files of one person (module docstring)."""
    if not results:
        raise InputError("No files to combine; upload at least one tracker.")
    tables = [(name, _tagged(name, loaded, as_candidates)) for name, loaded in results]
    warnings = tuple(f"{name}: {note}" for name, loaded in results for note in loaded.warnings)
    if as_candidates or len(tables) == 1:
        counts = tuple(FileCount(name, len(table), 0, len(table), ()) for name, table in tables)
        combined = pd.concat([table for _, table in tables], ignore_index=True)
        return MergedApplications(combined, _empty_log(), counts, as_candidates, warnings)
    ordered = sorted(tables, key=lambda item: not bool(item[1]["outcome_known"].all()))
    merged, logs, counts = ordered[0][1], [], [FileCount(ordered[0][0], len(ordered[0][1]), 0, len(ordered[0][1]), ())]
    for name, table in ordered[1:]:
        before = tuple(dict.fromkeys(merged["source_file"]))
        pairs = match_applications(merged, table)
        merged = _combine(merged, table, pairs)
        logs.append(_log(merged, table, pairs))
        counts.append(FileCount(name, len(table), len(pairs), len(table) - len(pairs),
                                tuple(dict.fromkeys(merged.loc[pairs["kept"], "source_file"])) or before))
    log = pd.concat(logs, ignore_index=True) if logs else _empty_log()
    return MergedApplications(merged, log, tuple(counts), as_candidates, warnings)


def _tagged(name: str, loaded: LoadResult, as_candidates: bool) -> pd.DataFrame:
    """A file's canonical table with ``source_file`` and ``outcome_known``; a candidate per file if asked."""
    apps = loaded.applications
    extra = {"source_file": name, "outcome_known": bool(loaded.normalized.outcomes_known)}
    if as_candidates:
        names = apps["candidate"].fillna("").astype(str).str.strip()
        extra["candidate"] = names.where(names != "", file_stem(name)).astype(object)
    return apps.assign(**extra).reset_index(drop=True)


def _keys(apps: pd.DataFrame) -> pd.DataFrame:
    """Matching keys per row: company key, role words, day applied (days since 1970, or NaN)."""
    companies = apps["company"].fillna("").astype(str)
    roles = apps["role"].fillna("").astype(str)
    days = apps["applied_on"].dt.normalize()
    return pd.DataFrame({
        "company_key": companies.map(company_key),
        "role_tokens": roles.map(role_tokens),
        "day": (days - pd.Timestamp(0)).dt.days.astype("float64"),
    }, index=apps.index)


def match_applications(kept: pd.DataFrame, incoming: pd.DataFrame) -> pd.DataFrame:
    """One-to-one matches of ``incoming`` rows to ``kept`` rows (index labels), best pairs first.

    Columns: kept, incoming, similarity (None when a role is blank), gap (days, None when a date is missing).
    """
    pairs = _candidate_pairs(_keys(kept), _keys(incoming))
    columns = ["kept", "incoming", "similarity", "gap"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    first, second = pairs["tokens_kept"], pairs["tokens_incoming"]
    blank = (first.map(len) == 0) | (second.map(len) == 0)
    similarity = pd.Series([role_similarity(a, b) for a, b in zip(first, second)], index=pairs.index)
    pairs = pairs.assign(similarity=similarity.where(~blank), rank_similarity=similarity.where(~blank, ROLE_SIMILARITY))
    pairs = pairs[blank | (similarity >= ROLE_SIMILARITY)]
    pairs = pairs.assign(rank_gap=pairs["gap"].fillna(DATE_WINDOW_DAYS + 0.5))
    pairs = pairs.sort_values(["rank_similarity", "rank_gap", "incoming", "kept"], ascending=[False, True, True, True])
    used_kept, used_incoming, chosen = set(), set(), []
    for position, (kept_label, incoming_label) in enumerate(zip(pairs["kept"], pairs["incoming"])):
        if kept_label in used_kept or incoming_label in used_incoming:
            continue
        used_kept.add(kept_label)
        used_incoming.add(incoming_label)
        chosen.append(position)
    result = pairs.iloc[chosen][columns].sort_values("incoming").reset_index(drop=True)
    return result.astype({"kept": "int64", "incoming": "int64"})


def _candidate_pairs(kept: pd.DataFrame, incoming: pd.DataFrame) -> pd.DataFrame:
    """Pairs with the same company key whose dates are within the window or missing on one side."""
    kept = kept[kept["company_key"] != ""].rename_axis("kept").reset_index()
    incoming = incoming[incoming["company_key"] != ""].rename_axis("incoming").reset_index()
    kept_dated, kept_undated = kept[kept["day"].notna()], kept[kept["day"].isna()]
    new_dated, new_undated = incoming[incoming["day"].notna()], incoming[incoming["day"].isna()]
    week = DATE_WINDOW_DAYS
    kept_dated = kept_dated.assign(bucket=(kept_dated["day"] // week).astype("int64"))
    shifted = pd.concat([new_dated.assign(bucket=(new_dated["day"] // week).astype("int64") + offset)
                         for offset in (-1, 0, 1)], ignore_index=True)
    suffixes = ("_kept", "_incoming")
    dated = kept_dated.merge(shifted, on=["company_key", "bucket"], suffixes=suffixes)
    dated = dated.assign(gap=(dated["day_kept"] - dated["day_incoming"]).abs())
    dated = dated[dated["gap"] <= week]
    undated = [
        kept.merge(new_undated, on="company_key", suffixes=suffixes),
        kept_undated.merge(new_dated, on="company_key", suffixes=suffixes),
    ]
    undated = [frame.assign(gap=np.nan) for frame in undated]
    columns = ["kept", "incoming", "tokens_kept", "tokens_incoming", "gap"]
    frames = [frame.rename(columns={"role_tokens_kept": "tokens_kept", "role_tokens_incoming": "tokens_incoming"})
              for frame in (dated, *undated)]
    return pd.concat([frame[columns] for frame in frames], ignore_index=True)


def outcome_strength(apps: pd.DataFrame) -> pd.Series:
    """How much an outcome is worth: 3 stated end, 2 stated in progress, 1 inferred, 0 unknown (no status column)."""
    stated_end = np.where(apps["outcome"] == "in_progress", 2, 3)
    strength = np.where(apps["outcome_inferred"].astype(bool), 1, stated_end)
    return pd.Series(np.where(apps["outcome_known"].astype(bool), strength, 0), index=apps.index)


def _combine(kept: pd.DataFrame, incoming: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """The kept table with matched rows enriched from their partners, then the unmatched incoming rows."""
    if pairs.empty:
        return pd.concat([kept, incoming], ignore_index=True)
    left = kept.loc[pairs["kept"]].reset_index(drop=True)
    right = incoming.loc[pairs["incoming"]].reset_index(drop=True)
    update = {}
    for column in _TEXT:
        mine, theirs = left[column].fillna("").astype(str), right[column].fillna("").astype(str)
        update[column] = mine.where(mine.str.strip() != "", theirs)
    stage_left = left["furthest_stage"].map(_STAGE_INDEX).fillna(0)
    stage_right = right["furthest_stage"].map(_STAGE_INDEX).fillna(0)
    update["furthest_stage"] = left["furthest_stage"].where(stage_left >= stage_right, right["furthest_stage"])
    strength_left, strength_right = outcome_strength(left), outcome_strength(right)
    later = right["last_update"].fillna(pd.Timestamp.min) > left["last_update"].fillna(pd.Timestamp.min)
    take_right = (strength_right > strength_left) | ((strength_right == strength_left) & later)
    for column in ("outcome", "outcome_inferred", "outcome_known"):
        update[column] = left[column].where(~take_right, right[column])
    update["applied_on"] = pd.concat([left["applied_on"], right["applied_on"]], axis=1).min(axis=1)
    update["responded_on"] = pd.concat([left["responded_on"], right["responded_on"]], axis=1).min(axis=1)
    update["last_update"] = pd.concat([left["last_update"], right["last_update"]], axis=1).max(axis=1)
    update["feedback"] = [_join_feedback(a, b) for a, b in zip(left["feedback"], right["feedback"])]
    enriched = left.assign(**update)
    enriched.index = pairs["kept"].to_numpy()
    combined = kept.copy()
    for column in update:
        combined.loc[enriched.index, column] = enriched[column].to_numpy()
    unmatched = incoming.drop(index=pairs["incoming"])
    return pd.concat([combined, unmatched], ignore_index=True)


def _join_feedback(first: object, second: object) -> str:
    texts = [str(text).strip() for text in (first, second) if isinstance(text, str) and text.strip()]
    distinct = list(dict.fromkeys(texts))
    if len(distinct) == 2 and distinct[1].casefold() in distinct[0].casefold():
        distinct = distinct[:1]
    return FEEDBACK_JOINER.join(distinct)


def _log(merged: pd.DataFrame, incoming: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """One row per match: the kept (file, row), the merged (file, row), the company and why they match."""
    if pairs.empty:
        return _empty_log()
    kept = merged.loc[pairs["kept"]].reset_index(drop=True)
    new = incoming.loc[pairs["incoming"]].reset_index(drop=True)
    reasons = [_reason(similarity, gap) for similarity, gap in zip(pairs["similarity"], pairs["gap"])]
    return pd.DataFrame({
        "kept_file": kept["source_file"].astype(object),
        "kept_row": kept["source_row"].astype(int),
        "merged_file": new["source_file"].astype(object),
        "merged_row": new["source_row"].astype(int),
        "company": kept["company"].astype(object),
        "reason": reasons,
    }, columns=list(LOG_COLUMNS))


def _reason(similarity: float | None, gap: float | None) -> str:
    role = "role blank on one side" if pd.isna(similarity) else f"similar role ({similarity:.0%} of words shared)"
    if pd.isna(gap):
        date = "date applied missing on one side"
    else:
        date = "applied the same day" if gap == 0 else f"applied {int(gap)} day{'s' if gap != 1 else ''} apart"
    return f"same company, {role}, {date}"


def _empty_log() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=object) for column in LOG_COLUMNS})

