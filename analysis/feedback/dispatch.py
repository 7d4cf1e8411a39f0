"""A large alternation of regexes, split by the character a match can start with.

Compiling the theme vocabulary as one regex takes over a second, and scanning with it tries every
alternative at every character. ``Dispatched`` keeps the alternatives apart, works out which
characters each can start with (``first_items``), finds the places where some match can start,
and there tries only the alternatives that can start with that character, compiled per
character on first need. Removing alternatives that cannot match at a place leaves the first
successful match unchanged, so ``finditer`` and ``match`` give the very matches (span
and ``lastgroup``) of the whole alternation (``Dispatched.whole``); compiling a few letters'
parts takes a fraction of compiling the whole.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

Items = tuple[str, ...] | None  # one-character regexes a match can start with; None: any character
_WORD_CHAR = re.compile(r"\w")
WORD_ITEMS = frozenset((*"abcdefghijklmnopqrstuvwxyz0123456789", r"\w", r"\d"))  # all within runs of word characters


def _class_end(regex: str, start: int) -> int:
    """The index just after the character class opening at ``start``."""
    index = start + 1 + (regex[start + 1 : start + 2] == "^")
    index += regex[index : index + 1] == "]"
    while regex[index] != "]":
        index += 2 if regex[index] == "\\" else 1
    return index + 1


def _quantified(regex: str, index: int) -> tuple[bool, int]:
    """Whether a quantifier at ``index`` allows zero repeats, and the index after it (and a lazy "?")."""
    char = regex[index : index + 1]
    if char in ("?", "*", "+"):
        optional, index = char != "+", index + 1
    elif char == "{" and re.match(r"\{\d*(?:,\d*)?\}", regex[index:]):
        close = regex.index("}", index)
        optional, index = regex[index + 1 : close].split(",")[0] in ("", "0"), close + 1
    else:
        return False, index
    return optional, index + (regex[index : index + 1] in ("?", "+"))  # lazy or possessive


def _element(regex: str, index: int) -> tuple[Items, bool, int]:
    """(first items, may match nothing, index after) of the element at ``index``, quantifier included."""
    char = regex[index]
    if char == "\\":
        escaped = regex[index : index + 2]
        items, empty, index = ((), True, index + 2) if escaped[1] in "bBAZ" else (None if escaped[1].isdigit() else (escaped,), False, index + 2)
    elif char == "[":
        end = _class_end(regex, index)
        items, empty, index = (regex[index:end],), False, end
    elif char == "(":
        head = re.match(r"\(\?(?:[:=!]|<[=!]|P<\w+>)|\((?!\?)", regex[index:])
        if head is None:  # flags, back references, conditionals: anything may follow
            return None, True, _group_end(regex, index)
        items, empty, index = _alternation(regex, index + head.end())
        index += 1  # the closing bracket
        if head.group() in ("(?=", "(?!", "(?<=", "(?<!"):
            items, empty = (), True
    elif char in "^$":
        return (), True, index + 1
    else:
        items, empty, index = (None if char == "." else (re.escape(char),)), False, index + 1
    optional, index = _quantified(regex, index)
    return items, empty or optional, index


def _group_end(regex: str, start: int) -> int:
    """The index of the bracket closing the group that opens at ``start``."""
    depth, index = 0, start
    while True:
        if regex[index] == "\\":
            index += 2
            continue
        if regex[index] == "[":
            index = _class_end(regex, index)
            continue
        depth += {"(": 1, ")": -1}.get(regex[index], 0)
        if depth == 0:
            return index
        index += 1


def _union(first: Items, second: Items) -> Items:
    return None if first is None or second is None else first + tuple(item for item in second if item not in first)


def _alternation(regex: str, index: int) -> tuple[Items, bool, int]:
    """(first items, may match nothing, index of the closing bracket or end) of alternatives from ``index``."""
    items: Items = ()
    empty = False
    while True:
        sequence_items: Items = ()
        sequence_empty = True
        while index < len(regex) and regex[index] not in "|)":
            element_items, element_empty, index = _element(regex, index)
            if sequence_empty:
                sequence_items, sequence_empty = _union(sequence_items, element_items), element_empty
        items, empty = _union(items, sequence_items), empty or sequence_empty
        if index >= len(regex) or regex[index] == ")":
            return items, empty, index
        index += 1


def first_items(regex: str) -> Items:
    """The one-character regexes a match of ``regex`` can start with (a superset), or None when a
    match may start with anything. A regex that can match nothing is refused (``ValueError``)."""
    if re.match(r"[a-z0-9](?![?*+{])", regex):
        return (regex[0],)
    items, empty, _ = _alternation(regex, 0)
    if empty:
        raise ValueError(f"An alternative may match nothing: {regex[:80]!r}")
    return items


@dataclass(frozen=True)
class Unit:
    """One whole-word alternative: its regex and the characters it can start with."""

    regex: str
    items: Items


@dataclass
class Dispatched:
    """Alternatives tried in order: ``inside`` ("n't..." within a word), then ``words`` as whole
    words; the regex they make is ``whole``."""

    inside: list[str]
    words: list[str]
    _units: list[Unit] = field(init=False, repr=False)
    _by_char: dict[str, re.Pattern[str] | None] = field(default_factory=dict, init=False, repr=False)
    _by_units: dict[tuple[int, ...], re.Pattern[str]] = field(default_factory=dict, init=False, repr=False)
    _finder: re.Pattern[str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._units = [Unit(regex, first_items(regex)) for regex in self.words]

    @staticmethod
    def _join(inside: list[str], words: list[str]) -> str:
        branches = [*(["n't(?:" + "|".join(inside) + ")"] if inside else []),
                    *([r"(?<!\w)(?:" + "|".join(words) + ")"] if words else [])]
        return "(?:" + "|".join(branches) + r")(?!\w)"

    @property
    def whole(self) -> str:
        """The one regex these alternatives make."""
        return self._join(self.inside or ["(?!)"], self.words)

    def _pattern(self, char: str) -> re.Pattern[str] | None:
        """The alternatives that can start with ``char``, compiled (None: none can)."""
        if char not in self._by_char:
            units = tuple(number for number, unit in enumerate(self._units)
                          if unit.items is None or any(re.fullmatch(item, char) for item in unit.items))
            inside = self.inside if char == "n" else []
            if not units and not inside:
                self._by_char[char] = None
            else:
                key = (*units, -1) if inside else units
                if key not in self._by_units:
                    self._by_units[key] = re.compile(self._join(inside, [self._units[number].regex for number in units]))
                self._by_char[char] = self._by_units[key]
        return self._by_char[char]

    def _candidates(self) -> re.Pattern[str]:
        """Where a match can start: a run of word characters (stopping before "n't", where a match
        may start inside a word), "n't", and after no word character, any other character a word
        alternative can start with."""
        if self._finder is None:
            if any(unit.items is None for unit in self._units):
                other = r"[\s\S]"
            else:
                other = "|".join(sorted({item for unit in self._units for item in unit.items if item not in WORD_ITEMS})) or "(?!)"
            self._finder = re.compile("|".join([r"(?:[^\Wn]|n(?!'t))+", "n(?='t)", rf"(?<!\w)(?:{other})"]))
        return self._finder

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """The matches ``re.compile(self.whole).finditer`` gives."""
        endpos = len(text) if endpos is None else endpos
        finder, by_char = self._candidates(), self._by_char
        while True:
            for candidate in finder.finditer(text, pos, endpos):
                start = candidate.start()
                pattern = by_char[text[start]] if text[start] in by_char else self._pattern(text[start])
                found = pattern.match(text, start, endpos) if pattern is not None else None
                if found is not None:
                    yield found
                    pos = found.end()  # the next match starts after this one, wherever the candidates were
                    break
            else:
                return

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The match ``re.compile(self.whole).match`` gives (none inside a word but at "n't")."""
        if pos > 0 and _WORD_CHAR.match(text, pos - 1) and not text.startswith("n't", pos):
            return None
        pattern = self._pattern(text[pos]) if pos < len(text) else None
        return pattern.match(text, pos, len(text) if endpos is None else endpos) if pattern is not None else None
