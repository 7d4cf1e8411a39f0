"""Feedback text made ready for the theme rules: plain quotes and dashes, lower case, stretched
letters ("reeejected") and one-letter typos of key words fixed, "didnt" read as "didn't"; with
the offsets of each correction, so evidence can quote the text as written."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from analysis.feedback.language import CONTRACTIONS, NOT_TYPOS, TYPO_TARGETS

_LETTERS = re.compile(r"[a-z]+")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
# Same-length replacements, so offsets in the normalised text are offsets in the original.
_PLAIN = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": " ", "”": " ", '"': " ", "(": " ", ")": " ",
                        "[": " ", "]": " ", "{": " ", "}": " ", "–": "-", "—": "-", "\t": " ", "\r": " ", "\xa0": " "})
_PLAIN_CHARS = "".join(map(chr, _PLAIN))
# Where a sentence ends, read in the text as written: ".", "!" or "?" before a space, or before a
# character that normalising makes a space (a quote, a bracket).
_SENTENCE_END = re.compile("[.!?](?=[\\s" + re.escape("".join(chr(code) for code, to in _PLAIN.items() if to == " ")) + "])")


def _one_letter_typos(targets: Iterable[str], real_words: Iterable[str]) -> dict[str, str]:
    """Each string one deletion, insertion, substitution or swap away from a target -> the target."""
    letters, keep, typos = "abcdefghijklmnopqrstuvwxyz", set(targets) | set(real_words), {}
    for word in targets:
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {head + tail[1:] for head, tail in splits if tail}
        edits |= {head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1}
        edits |= {head + letter + tail[1:] for head, tail in splits if tail for letter in letters}
        edits |= {head + letter + tail for head, tail in splits for letter in letters}
        for edit in edits - keep:
            if not edit.startswith(word):  # "candidates", "interviewer": inflections, not typos
                typos.setdefault(edit, word)
    return typos


@lru_cache(maxsize=1)
def _typos() -> dict[str, str]:
    """Typos of the key words and contractions written without the apostrophe -> the word (built on first use)."""
    return _one_letter_typos(TYPO_TARGETS, NOT_TYPOS) | CONTRACTIONS


Corrections = tuple[tuple[int, int, int, int], ...]  # (start, end) normalised, then (start, end) original


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of a text starts (the spaces after a sentence end start the next); the
    sentences of the normalised text start at the same places, as normalising keeps sentence ends."""
    return [0, *(end.end() for end in _SENTENCE_END.finditer(text))]


def grows_when_lowered(text: str) -> bool:
    """Whether a letter of the text grows when lower-cased ("İ"); ``normalise`` then keeps such
    letters and lower-cases the others one by one."""
    return len(text.lower()) != len(text)


def normalise(text: str, by_letter: bool | None = None) -> tuple[str, Corrections]:
    """Lower-cased, plain-character, typo-corrected text, and where words were corrected.
    ``by_letter``: lower-case letter by letter, keeping those that grow (default: where one does)."""
    plain = text.translate(_PLAIN) if any(char in text for char in _PLAIN_CHARS) else text
    lowered = plain.lower()
    if by_letter or (by_letter is None and len(lowered) != len(plain)):
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in plain)
    typos = _typos()
    if typos.keys().isdisjoint(_LETTERS.findall(lowered)) and not _STRETCHED.search(lowered):
        return lowered, ()
    pieces, corrections, copied_up_to, length = [], [], 0, 0
    for match in _LETTERS.finditer(lowered):
        fixed = _STRETCHED.sub(r"\1", match.group())
        fixed = typos.get(fixed, fixed)
        if fixed != match.group():
            length += match.start() - copied_up_to
            pieces += [lowered[copied_up_to : match.start()], fixed]
            corrections.append((length, length + len(fixed), *match.span()))
            length += len(fixed)
            copied_up_to = match.end()
    return "".join(pieces) + lowered[copied_up_to:], tuple(corrections)


def original_offset(position: int, corrections: Corrections, is_end: bool) -> int:
    """An offset in the normalised text, mapped back to the original text."""
    shift = 0
    for start, end, original_start, original_end in corrections:
        if position < start + is_end:
            break
        if position < end + is_end:
            return original_end if is_end else original_start
        shift = original_end - end
    return position + shift
