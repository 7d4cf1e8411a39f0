"""The cues of each theme in a sentence, each judged praise or criticism by the words near it.

A topic recruiters also mention in passing ("your resume") counts only where its clause judges
it, or in a short note. A cue takes the polarity of the nearest evaluative word in its clause;
feedback names what went wrong, so a cue nothing judges is criticism.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from analysis.feedback import rules
from analysis.feedback.reading import NEGATION_DISTANCE, WORD, Reading
from analysis.feedback.vocabulary import TAKES_PRECEDENCE

JUDGING_DISTANCE = 4  # most words between a passing topic and the word that judges it
POLARITY_DISTANCE = 6  # most words between a cue and the evaluative word that sets its polarity
ALWAYS_CRITICISM = ("role_closed",)  # a closed role is never praise
Frozen = tuple[tuple[str, tuple[str, ...]], ...]  # the user's keywords per theme


@lru_cache(maxsize=16)
def keyword_patterns(extra: Frozen) -> tuple[re.Pattern[str], ...]:
    """User keywords as cues: whole words, any case, a plural "s" allowed."""
    named = [(f"{theme}__cue", [" ".join(map(re.escape, word.split())) + "(?:e?s)?" for word in words]) for theme, words in extra]
    return (re.compile(rules.alternation(named)),) if named else ()


@dataclass(frozen=True)
class Cue:
    theme: str
    start: int
    end: int
    sign: int
    clause: int


def _is_judged(reading: Reading, start: int, end: int, clause: int, topics: list[tuple[int, int]]) -> bool:
    """Whether the clause judges a passing topic: a negation close by with no other topic between
    ("not prepared for the case study" judges the preparation), or an evaluative word close by
    that is not nearer to another topic of the clause ("your resume does not show enough
    experience": the experience is judged, not the resume). A phrase holding the topic shares its
    judgement."""
    negation_end = reading.negation_before(start, clause, JUDGING_DISTANCE)
    if (negation_end is not None and not any(negation_end <= topic_start < start for topic_start, _ in topics)) \
            or reading.negated_just_after(end, clause):
        return True
    clause_start, clause_end = reading.clause_starts[clause], reading.clause_end(clause)
    for evaluator_start, evaluator_end, _, _ in reading.near(reading.evaluators.get(clause, []), start, end, JUDGING_DISTANCE):
        if evaluator_start < end and start < evaluator_end:
            continue
        distance = reading.distance(start, end, evaluator_start, evaluator_end)
        if distance <= JUDGING_DISTANCE and not any(
            reading.distance(topic_start, topic_end, evaluator_start, evaluator_end) < distance
            for topic_start, topic_end in reading.near(topics, evaluator_start, evaluator_end, distance)
            if (topic_end <= start or topic_start >= end) and clause_start <= topic_start < clause_end
        ):
            return True
    return False


def _cue_sign(reading: Reading, theme: str, start: int, end: int, clause: int) -> int:
    """+1 for praise, -1 for criticism: a negated cue ("had not researched the company") is
    criticism, else the nearest evaluative word decides; an unjudged cue is a fault, or a merit
    where it is conceded ("although I had ten years of experience")."""
    evaluators = reading.near(reading.evaluators.get(clause, []), start, end, POLARITY_DISTANCE)
    negation_end = reading.negation_before(start, clause, NEGATION_DISTANCE)
    if theme in ALWAYS_CRITICISM or (negation_end is not None and not any(
            negation_end <= evaluator[0] < end for evaluator in evaluators)):
        return -1
    nearest, sign = POLARITY_DISTANCE + 1, 1 if clause in reading.concessive_clauses else -1
    for evaluator_start, evaluator_end, evaluator_sign, _ in evaluators:
        distance = reading.distance(start, end, evaluator_start, evaluator_end)
        if distance < nearest:
            nearest, sign = distance, evaluator_sign
    return sign


CueMatch = tuple[str, str, int, int, int]


def _sentence_cues(sentence: str, short_note: bool, extra: Frozen) -> list[CueMatch]:
    """(theme, tier, start, end, holder's start) of each cue in a sentence, also of cues of another
    theme that start inside a longer one ("lack specific technology experience" holds a technical
    cue). A bare topic of a short note counts where no cue holds it."""
    found: list[CueMatch] = []
    for pattern in (rules.CUE_PATTERN, *((rules.NOTE_CUE_PATTERN,) if short_note else ()), *keyword_patterns(extra)):
        for match in pattern.finditer(sentence):
            if pattern is rules.NOTE_CUE_PATTERN and any(start < match.end() and match.start() < end for _, _, start, end, _ in found):
                continue
            theme, tier = rules.group_name(match).split("__")
            found.append((theme, tier, *match.span(), match.start()))
            for word in WORD.finditer(sentence, match.start() + 1, match.end()):
                inner = pattern.match(sentence, word.start())
                if inner and not rules.group_name(inner).startswith(theme + "__"):
                    found.append((*rules.group_name(inner).split("__"), *inner.span(), match.start()))
    return found


def find_cues(reading: Reading, extra: Frozen) -> list[Cue]:
    """The counted cues of a sentence (cues never run over a sentence end), less those whose words
    a more specific theme took. A cue inside a longer one is judged as the whole phrase is ("we
    enjoyed your experience with Python and Go")."""
    scenes = [match.span() for match in rules.SCENE_PATTERN.finditer(reading.text)]
    lead = len(reading.text) - len(reading.text.lstrip())  # the spaces after the sentence before
    matches = [(theme, tier, lead + start, lead + end, lead + holder)
               for theme, tier, start, end, holder in _sentence_cues(reading.text[lead:], reading.short_note, extra)]
    matches = [match for match in matches if not any(scene_start <= match[2] < scene_end for scene_start, scene_end in scenes)]
    topics = sorted((start, end) for _, tier, start, end, _ in matches if tier == "cue")
    cues = []
    for theme, tier, start, end, holder_start in matches:
        clause = bisect_right(reading.clause_starts, start) - 1
        if tier == "judged" and not reading.short_note and not _is_judged(reading, start, end, clause, topics):
            continue
        if bisect_right(reading.clause_starts, holder_start) - 1 != clause:
            holder_start = start
        cues.append(Cue(theme, start, end, _cue_sign(reading, theme, holder_start, end, clause), clause))
    taking = [cue for cue in cues if cue.theme in TAKES_PRECEDENCE]
    return [cue for cue in cues if not any(
        cue.theme in TAKES_PRECEDENCE[other.theme] and other.start < cue.end and cue.start < other.end
        for other in taking)]
