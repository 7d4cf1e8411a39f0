"""Which rows of two canonical tables are the same application: ``match_applications``.

Two rows are the same application when the company is the same after :func:`company_key`, the
roles are similar (:func:`role_similarity`) or one is blank, and the dates applied are at most
:data:`DATE_WINDOW_DAYS` apart or one is missing (``merge.py`` explains how matches are combined).
Candidates are blocked on the company key and the week applied, so large files compare only
plausible pairs.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

DATE_WINDOW_DAYS = 7
ROLE_SIMILARITY = 0.6
TOKEN_SIMILARITY = 0.85
"""Two role words count as the same word at this similarity ratio (rapidfuzz, 0-1) ("analyst" ~ "analist")."""
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
    """Share of the shorter role's words found in the other (a word matches at a similarity ratio >= 0.85)."""
    if not first or not second:
        return 0.0
    shorter, longer = sorted((first, second), key=len)
    found = sum(1 for word in shorter
                if word in longer or any(fuzz.ratio(word, other) >= 100 * TOKEN_SIMILARITY for other in longer))
    return found / len(shorter)


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


