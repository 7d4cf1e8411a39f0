"""How a sentence judges: its clauses (split at sentence ends and contrast words; a concessive
clause, "while ...", runs to the next comma), its evaluative words ("strong", "lacked", "too")
and the negations that flip them ("not clear", "no concerns"). Read sentence by sentence (a
clause never runs over a sentence end), so that a sentence that recurs is read once.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import itemgetter

from analysis.feedback import rules

NEGATION_DISTANCE = 3  # most words between a negation and the word it negates
WORD = re.compile(r"\w[\w'-]*")


def word_starts(text: str) -> tuple[int, ...]:
    """Where each word of a (normalised) text starts."""
    return tuple(word.start() for word in WORD.finditer(text))


@dataclass
class Reading:
    """Clauses and evaluative words of one sentence of a normalised text; a ``short_note`` is a
    spreadsheet note. Per clause: ``evaluators`` as (start, end, sign, speaks_alone), negation
    applied, and the ends of its ``negations``. ``ends_in_shortfall``: the last evaluative word is
    a shortfall ("too") with no word after it, so that praise opening the next sentence is read
    as the shortfall's, as it would be within a sentence."""

    text: str
    short_note: bool
    word_starts: tuple[int, ...] = ()
    clause_starts: list[int] = field(default_factory=lambda: [0])
    concessive_clauses: set[int] = field(default_factory=set)
    evaluators: dict[int, list[tuple[int, int, int, bool]]] = field(default_factory=dict)
    negations: dict[int, list[int]] = field(default_factory=dict)
    ends_in_shortfall: bool = False

    def is_about_candidate(self, clause: int) -> bool:
        """Whether a clause speaks of the candidate ("you", "my", "the candidate")."""
        return rules.ABOUT_CANDIDATE_PATTERN.search(self.text, self.clause_starts[clause], self.clause_end(clause)) is not None

    def clause_end(self, clause: int) -> int:
        """Where a clause ends."""
        return self.clause_starts[clause + 1] if clause + 1 < len(self.clause_starts) else len(self.text)

    def words_between(self, start: int, end: int) -> int:
        """How many words start between two offsets."""
        return bisect_left(self.word_starts, end) - bisect_left(self.word_starts, start) if end > start else 0

    def distance(self, start: int, end: int, other_start: int, other_end: int) -> int:
        """Words between two spans; 0 where they overlap."""
        if other_end <= start:
            return self.words_between(other_end, start)
        return self.words_between(end, other_start)

    def near(self, items: list[tuple[int, ...]], start: int, end: int, most_words: int) -> list[tuple[int, ...]]:
        """Of ``items`` sorted by start offset, those starting at most ``most_words`` words (plus
        two, for multi-word items) before ``start`` up to ``most_words`` words after ``end``."""
        first = bisect_left(self.word_starts, start) - most_words - 2
        last = bisect_left(self.word_starts, end) + most_words + 1
        low = self.word_starts[first] if first > 0 else 0
        high = self.word_starts[last] if last < len(self.word_starts) else len(self.text)
        return items[bisect_left(items, low, key=itemgetter(0)) : bisect_left(items, high, key=itemgetter(0))]

    def negation_before(self, start: int, clause: int, most_words: int) -> int | None:
        """The end of the nearest negation at most ``most_words`` words before ``start`` in its clause."""
        return max((end for end in self.negations.get(clause, ()) if end <= start and self.words_between(end, start) <= most_words),
                   default=None)

    def negated_just_after(self, end: int, clause: int) -> bool:
        """Whether a negation follows within two words ("your CV didn't ...")."""
        return any(end < negation_end and self.words_between(end, negation_end) <= 2
                   for negation_end in self.negations.get(clause, ()))


def read(text: str, short_note: bool, after_shortfall: bool) -> Reading:
    """Clauses, evaluative words and negations of a sentence (with the spaces before it);
    ``after_shortfall``: the sentence before ends in a shortfall word.

    Shortfall words ("more", "too", and "more concise") judge a cue but say nothing alone, and
    a negation does not undo them ("didn't have 5 years"); a denied fault ("not to worry") does
    not speak alone either. A concession carries no shortfall. Praise a few words after a fault
    is part of the fault ("lack of relevant skills", "unable to give a clear example"), and a
    negation reaches no further than a word of the opposite kind ("not structured and lacked
    examples": the lack stands).
    """
    reading, clause, found = Reading(text, short_note, word_starts(text)), 0, []
    for match in rules.VALENCE.finditer(text):
        kind = rules.group_name(match)
        if kind == "clause_break" or (kind == "comma" and clause in reading.concessive_clauses):
            clause += 1
            reading.clause_starts.append(match.end())
        elif kind == "concessive":
            clause += 1
            reading.clause_starts.append(match.start())
            reading.concessive_clauses.add(clause)
        elif kind == "negator":
            reading.negations.setdefault(clause, []).append(match.end())
        elif kind in ("positive", "negative", "shortfall"):
            found.append((match.start(), match.end(), kind, clause))
    previous_end, previous_kind = -1, "shortfall" if after_shortfall else None
    judged = (-1, None, -1, 0)  # the last positive or negative word
    for start, end, kind, clause in found:
        gap = reading.words_between(previous_end, start)
        modified = kind == "positive" and ((previous_kind == "shortfall" and not gap) or (
            previous_kind == "negative" and judged[2] == clause and judged[3] < 0 and gap <= NEGATION_DISTANCE))
        previous_end, previous_kind = end, kind
        if kind == "shortfall" or modified:
            if clause not in reading.concessive_clauses:
                reading.evaluators.setdefault(clause, []).append((start, end, -1, False))
            continue
        negation_end = reading.negation_before(start, clause, NEGATION_DISTANCE)
        negated = negation_end is not None and not (judged[2] == clause and judged[0] >= negation_end and judged[1] != kind)
        sign = (1 if kind == "positive" else -1) * (-1 if negated else 1)
        judged = (start, kind, clause, sign)
        reading.evaluators.setdefault(clause, []).append((start, end, sign, kind == "positive" or not negated))
    reading.ends_in_shortfall = previous_kind == "shortfall" and not reading.words_between(previous_end, len(text) + 1)
    return reading
