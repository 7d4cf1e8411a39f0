"""Compiles the theme vocabulary and the language of judgement into regexes.

Python's regex engine tries every branch of an alternation at every position, so the
alternatives are regrouped into a prefix tree on their first letters: a branch whose letter
differs is skipped at once. Leading groups are distributed first ("(?:over|under)-qualified" ->
two alternatives).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from analysis.feedback.dispatch import Dispatched
from analysis.feedback.language import (
    ABOUT_CANDIDATE,
    CLAUSE_BREAK,
    CONCESSIVE,
    NEGATIVE_WORDS,
    NEGATORS,
    NON_JUDGEMENTS,
    POSITIVE_WORDS,
    REJECTION,
    SCENE,
    SHORTFALL_WORDS,
)
from analysis.feedback.topics import JUDGED_CUES, NOTE_CUES
from analysis.feedback.vocabulary import CUE_ORDER, CUES

PREFIX_DEPTH = 3  # letters factored into the prefix tree after the first


def expand(pattern: str) -> str:
    """Notation to regex: a space is any run of whitespace, ``~`` an optional hyphen or space."""
    return pattern.replace("~", r"(?:-|\s+)?").replace(" ", r"\s+")


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, bracket depth outside it) of each character outside escapes and classes."""
    depth, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1
        elif in_class or char == "[":
            in_class = char != "]"
        else:
            depth -= char == ")"
            yield index, char, depth
            depth += char == "("
        index += 1


def _atoms(pattern: str) -> list[str]:
    """The pattern's top-level alternatives, with leading groups distributed over the rest."""
    cuts = [-1] + [index for index, char, depth in _structure(pattern) if char == "|" and depth == 0] + [len(pattern)]
    atoms = []
    for alternative in (pattern[start + 1 : end] for start, end in zip(cuts, cuts[1:])):
        if not alternative.startswith("(?:"):
            atoms.append(alternative)
            continue
        close = next(index for index, char, depth in _structure(alternative) if char == ")" and depth == 0)
        inner, rest = alternative[3:close], alternative[close + 1 :]
        if rest[:1] == "?" and rest[1:]:
            atoms += [atom + rest[1:] for atom in _by_first_letter(_atoms(inner))] + _atoms(rest[1:])
        elif rest[:1] in ("?", "*", "+", "{"):
            atoms.append(alternative)
        else:
            atoms += [atom + rest for atom in _by_first_letter(_atoms(inner))]
    return atoms


def _by_first_letter(atoms: list[str]) -> list[str]:
    """Alternatives that start with the same letter joined, so that what follows them is written
    once per letter, not once per alternative ("manage|mentor|lead" -> "m(?:anage|entor)|lead").
    Only alternatives with no other kind between them are joined, so the order in which
    alternatives that can match at the same place are tried stays as it was."""
    joined: list[str] = []
    run: dict[str, list[str]] = {}
    for atom in [*atoms, None]:
        if atom is not None and _is_literal_start(atom) and not atom.startswith("n't"):
            run.setdefault(atom[0], []).append(atom)
            continue
        joined += [same[0] if len(same) == 1 else letter + "(?:" + "|".join(item[1:] for item in same) + ")"
                   for letter, same in run.items()]
        run.clear()
        if atom is not None:
            joined.append(atom)
    return joined


def _is_literal_start(atom: str) -> bool:
    """Whether an alternative starts with a plain letter or digit that no quantifier follows."""
    return re.fullmatch("[a-z0-9]", atom[:1]) is not None and atom[1:2] not in ("?", "*", "+", "{")


def _prefix_tree(alternatives: list[tuple[str, str]], depth: int) -> str:
    """(pattern, marker) alternatives as one regex, each pattern followed by its marker, factored
    on their leading letters up to ``depth`` deep ("manage|managed|mentor" ->
    "m(?:a(?:nage|naged)|e(?:ntor))"), so one failed letter skips a whole branch. Alternatives
    with different first letters never match at the same place, so regrouping them keeps the
    order that matters; one not starting with a letter keeps its place."""
    if depth == 0 or len(alternatives) < 2:
        return "|".join(pattern + marker for pattern, marker in alternatives)
    parts: list[str] = []
    buckets: dict[str, list[tuple[str, str]]] = {}
    for alternative in [*alternatives, None]:
        if alternative is not None and _is_literal_start(alternative[0]):
            buckets.setdefault(alternative[0][0], []).append((alternative[0][1:], alternative[1]))
            continue
        parts += [letter + "(?:" + _prefix_tree(rests, depth - 1) + ")" for letter, rests in buckets.items()]
        buckets.clear()
        if alternative is not None:
            parts.append(alternative[0] + alternative[1])
    return "|".join(parts)


def _alternatives(named_patterns: Iterable[tuple[str, Iterable[str]]]) -> tuple[list[str], list[str]]:
    """The alternatives within a word ("n't...") and of whole words that ``alternation`` joins."""
    tree: list[tuple[str, str]] = []
    inside_word, others = [], []
    for name, patterns in named_patterns:
        own_inside, own_others = [], []
        for atom in _atoms("|".join(expand(pattern) for pattern in patterns)):
            if atom.startswith("n't"):
                own_inside.append(atom[3:])
            elif _is_literal_start(atom):
                tree.append((atom, f"(?P<{name}__{len(tree)}>)"))
            else:
                own_others.append(atom)
        for target, atoms, kind in ((inside_word, own_inside, "inside"), (others, own_others, "other")):
            if atoms:
                target.append(f"(?:{'|'.join(atoms)})(?P<{name}__{kind}{len(target)}>)")
    buckets: dict[str, list[tuple[str, str]]] = {}
    for atom, marker in tree:
        buckets.setdefault(atom[0], []).append((atom, marker))
    return inside_word, [_prefix_tree(bucket, PREFIX_DEPTH + 1) for bucket in buckets.values()] + others


def dispatched(named_patterns: Iterable[tuple[str, Iterable[str]]]) -> Dispatched:
    """Named lists of patterns as whole words (or from "n't" inside a word).

    Each alternative ends in an empty capturing group called ``<name>__<n>``; where two match at
    the same word, the earlier list wins. All alternatives that start with a letter form one
    prefix tree per letter, so the cost hardly grows with the size of the vocabulary; each
    letter's is compiled when a text first has a word starting with it.
    """
    inside_word, words = _alternatives(named_patterns)
    return Dispatched(inside_word, words)


def alternation(named_patterns: Iterable[tuple[str, Iterable[str]]]) -> str:
    """The regex ``dispatched`` tries, as one."""
    return dispatched(named_patterns).whole


def group_name(match: re.Match[str]) -> str:
    """The name given to ``alternation`` for the list that matched."""
    return match.lastgroup.rsplit("__", 1)[0]


def _cue_lists(tiers: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """(theme__tier, patterns) for the given tiers, tier by tier, themes in ``CUE_ORDER``."""
    lists = {"cue": CUES, "judged": JUDGED_CUES, "note": NOTE_CUES}
    return [(f"{theme}__{tier}", lists[tier][theme]) for tier in tiers for theme in CUE_ORDER if theme in lists[tier]]


def _valence() -> re.Pattern[str]:
    """Clause breaks, commas, and the words that judge (or negate, concede, only seem to judge)."""
    return re.compile(
        f"(?P<clause_break__0>{CLAUSE_BREAK})|(?P<comma__0>,)|"
        + alternation(
            [("non_judgement", [NON_JUDGEMENTS]), ("concessive", [CONCESSIVE]), ("negative", [NEGATIVE_WORDS]),
             ("shortfall", [SHORTFALL_WORDS]), ("positive", [POSITIVE_WORDS]), ("negator", [NEGATORS])]
        )
    )


# Each regex is built when first used. The cues are the bulk of the vocabulary: compiled per letter
# when a text first has a word starting with it (all at once take half a second).
_BUILDERS: dict[str, Callable[[], Dispatched | re.Pattern[str]]] = {
    "CUE_PATTERN": lambda: dispatched(_cue_lists(("cue", "judged"))),
    "NOTE_CUE_PATTERN": lambda: re.compile(alternation(_cue_lists(("note",)))),  # in short notes, besides CUE_PATTERN
    "VALENCE": _valence,
    "ABOUT_CANDIDATE_PATTERN": lambda: re.compile(alternation([("candidate", [ABOUT_CANDIDATE])])),
    "REJECTION_PATTERN": lambda: re.compile(alternation([("rejection", [REJECTION])])),
    "SCENE_PATTERN": lambda: re.compile(expand(SCENE)),
}


@cache
def _built(name: str) -> Dispatched | re.Pattern[str]:
    return _BUILDERS[name]()


def __getattr__(name: str) -> Dispatched | re.Pattern[str]:
    """``rules.CUE_PATTERN`` and the other regexes, built on first access."""
    if name in _BUILDERS:
        return _built(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
