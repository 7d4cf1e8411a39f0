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

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.core.errors import InputError
from analysis.core.schema import STAGES
from analysis.normalize.loading import LoadResult
from analysis.normalize.matching import (  # noqa: F401  (company_key, role_* are part of this module's API)
    DATE_WINDOW_DAYS,
    ROLE_SIMILARITY,
    company_key,
    match_applications,
    role_similarity,
    role_tokens,
)

FEEDBACK_JOINER = " | "

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

