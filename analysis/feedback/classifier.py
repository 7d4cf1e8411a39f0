"""Feedback themes: which reasons a feedback text names, as praise or criticism, with evidence.

``classify("Great communication, but not enough Python experience")`` finds communication
(positive), experience and technical_skills (negative), polarity "mixed", and the words behind
each theme. Definitions: DESIGN.md; vocabulary: ``analysis.feedback.vocabulary`` (with
``theme_words`` and ``theme_topics``) and ``analysis.feedback.language``, compiled by
``analysis.feedback.rules``; normalisation: ``analysis.feedback.text``. A text is read so:

1. Normalise: plain quotes, lower case, "reeejected" and one-letter typos of key words fixed;
   offsets are kept so the evidence quotes the original.
2. Split into clauses at sentence ends and contrast words; a concessive clause ("while ...",
   "despite ...") runs to the next comma.
3. Find evaluative words ("strong", "lacked", "too") and negations, which flip an evaluative
   word up to three words on ("not clear", "no concerns").
4. Find each theme's cues, sentence by sentence (cached: recruiters' sentences recur). A topic
   recruiters also mention in passing ("your resume") counts only where its clause judges it,
   or in a short note.
5. A cue takes the polarity of the nearest evaluative word in its clause; feedback names what
   went wrong, so a cue nothing judges is criticism.
6. A text with no specific theme is ``generic``, and so is a rejection that only praises.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter

from analysis.core.errors import InputError
from analysis.core.schema import THEMES
from analysis.feedback import rules
from analysis.feedback.features import cut
from analysis.feedback.text import normalise, original_offset
from analysis.feedback.vocabulary import TAKES_PRECEDENCE

POSITIVE, NEGATIVE, MIXED, NEUTRAL = "positive", "negative", "mixed", "neutral"
SHORT_NOTE_WORDS = 5  # a note this short ("failed coding test") is all reason: bare topics count
JUDGING_DISTANCE = 4  # most words between a passing topic and the word that judges it
POLARITY_DISTANCE = 6  # most words between a cue and the evaluative word that sets its polarity
NEGATION_DISTANCE = 3  # most words between a negation and the word it negates
ALWAYS_CRITICISM = ("role_closed",)  # a closed role is never praise
ExtraKeywords = Mapping[str, Iterable[str]]
Frozen = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class ThemeResult:
    """What one feedback text says; cached and shared, so treat it as read-only.

    ``themes``: ids in ``schema.THEMES`` order. ``polarity``: of the whole text. ``evidence``: per
    theme, the words of the text that triggered it, as written. ``theme_polarity``: per theme,
    "positive" (a strength praised) or "negative" (an area to improve, or a reason outside the
    candidate's control). ``unclear``: the text gives a reason that no theme could be placed for
    (then ``themes`` is empty). ``cut``: the text was longer than ``features.MAX_CHARS`` and only
    its start was read.
    """

    themes: tuple[str, ...]
    polarity: str
    evidence: dict[str, tuple[str, ...]]
    theme_polarity: dict[str, str]
    unclear: bool = False
    cut: bool = False


_WORD = re.compile(r"\w[\w'-]*")
@dataclass
class _Reading:
    """Clauses and evaluative words of a normalised text; a ``short_note`` is a spreadsheet note.
    Per clause: ``evaluators`` as (start, end, sign, speaks_alone), negation applied, and the ends
    of its ``negations``."""

    text: str
    short_note: bool
    word_starts: list[int] = field(default_factory=list)
    clause_starts: list[int] = field(default_factory=lambda: [0])
    concessive_clauses: set[int] = field(default_factory=set)
    evaluators: dict[int, list[tuple[int, int, int, bool]]] = field(default_factory=dict)
    negations: dict[int, list[int]] = field(default_factory=dict)

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


def _read(text: str) -> _Reading:
    """Clauses, evaluative words and negations.

    Shortfall words ("more", "too", and "more concise") judge a cue but say nothing alone, and
    a negation does not undo them ("didn't have 5 years"); a denied fault ("not to worry") does
    not speak alone either. A concession carries no shortfall. Praise a few words after a fault
    is part of the fault ("lack of relevant skills", "unable to give a clear example"), and a
    negation reaches no further than a word of the opposite kind ("not structured and lacked
    examples": the lack stands).
    """
    word_starts = [word.start() for word in _WORD.finditer(text)]
    reading, clause, found = _Reading(text, len(word_starts) <= SHORT_NOTE_WORDS, word_starts), 0, []
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
    previous_end, previous_kind, judged = -1, None, (-1, None, -1, 0)  # judged: the last positive or negative word
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
    return reading


@dataclass(frozen=True)
class _Cue:
    theme: str
    start: int
    end: int
    sign: int
    clause: int


def _is_judged(reading: _Reading, start: int, end: int, clause: int, topics: list[tuple[int, int]]) -> bool:
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


def _cue_sign(reading: _Reading, theme: str, start: int, end: int, clause: int) -> int:
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


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
CueMatch = tuple[str, str, int, int, int]


@lru_cache(maxsize=65_536)
def _sentence_cues(sentence: str, short_note: bool, extra: Frozen) -> tuple[CueMatch, ...]:
    """(theme, tier, start, end, holder's start) of each cue in a sentence, also of cues of another
    theme that start inside a longer one ("lack specific technology experience" holds a technical
    cue). A bare topic of a short note counts where no cue holds it. Cached: recruiters'
    sentences recur from one message to the next."""
    found: list[CueMatch] = []
    for pattern in (rules.CUE_PATTERN, *((rules.NOTE_CUE_PATTERN,) if short_note else ()), *_keyword_patterns(extra)):
        for match in pattern.finditer(sentence):
            if pattern is rules.NOTE_CUE_PATTERN and any(start < match.end() and match.start() < end for _, _, start, end, _ in found):
                continue
            theme, tier = rules.group_name(match).split("__")
            found.append((theme, tier, *match.span(), match.start()))
            for word in _WORD.finditer(sentence, match.start() + 1, match.end()):
                inner = pattern.match(sentence, word.start())
                if inner and not rules.group_name(inner).startswith(theme + "__"):
                    found.append((*rules.group_name(inner).split("__"), *inner.span(), match.start()))
    return tuple(found)


def _cue_matches(text: str, short_note: bool, extra: Frozen) -> list[CueMatch]:
    """The cues of each sentence of the text (cues never run over a sentence end), as offsets in the text."""
    found, start = [], 0
    for end, next_start in [*((gap.start(), gap.end()) for gap in _SENTENCE_END.finditer(text)), (len(text), len(text))]:
        found += [(theme, tier, start + cue_start, start + cue_end, start + holder)
                  for theme, tier, cue_start, cue_end, holder in _sentence_cues(text[start:end], short_note, extra)]
        start = next_start
    return found


def _find_cues(reading: _Reading, extra: Frozen) -> list[_Cue]:
    """The counted cues, less those whose words a more specific theme took. A cue inside a longer
    one is judged as the whole phrase is ("we enjoyed your experience with Python and Go")."""
    scenes = [match.span() for match in rules.SCENE_PATTERN.finditer(reading.text)]
    matches = [match for match in _cue_matches(reading.text, reading.short_note, extra)
               if not any(scene_start <= match[2] < scene_end for scene_start, scene_end in scenes)]
    topics = sorted((start, end) for _, tier, start, end, _ in matches if tier == "cue")
    cues = []
    for theme, tier, start, end, holder_start in matches:
        clause = bisect_right(reading.clause_starts, start) - 1
        if tier == "judged" and not reading.short_note and not _is_judged(reading, start, end, clause, topics):
            continue
        if bisect_right(reading.clause_starts, holder_start) - 1 != clause:
            holder_start = start
        cues.append(_Cue(theme, start, end, _cue_sign(reading, theme, holder_start, end, clause), clause))
    taking = [cue for cue in cues if cue.theme in TAKES_PRECEDENCE]
    return [cue for cue in cues if not any(
        cue.theme in TAKES_PRECEDENCE[other.theme] and other.start < cue.end and cue.start < other.end
        for other in taking)]


def _overall_polarity(reading: _Reading, cues: list[_Cue]) -> str:
    """Mixed, negative, positive or neutral. Criticism, or a rejection that names no reason, is
    negative. Praise counts when it names a theme or is about the candidate (not "many strong
    applicants"); a word inside a cue speaks through that cue ("lacked relevant experience");
    conceded praise does not soften a rejection."""
    negative = any(cue.sign < 0 for cue in cues)
    praised = [cue.clause for cue in cues if cue.sign > 0]
    for clause, evaluators in reading.evaluators.items():
        spans = [(cue.start, cue.end) for cue in cues if cue.clause == clause]
        for start, end, sign, speaks_alone in evaluators:
            speaks_alone = speaks_alone and not any(cue_start < end and start < cue_end for cue_start, cue_end in spans)
            negative = negative or (speaks_alone and sign < 0)
            if speaks_alone and sign > 0 and (reading.short_note or reading.is_about_candidate(clause)):
                praised.append(clause)
    if negative or rules.REJECTION_PATTERN.search(reading.text):
        return MIXED if any(clause not in reading.concessive_clauses for clause in praised) else NEGATIVE
    return POSITIVE if praised else NEUTRAL


def check_keyword_themes(themes: Iterable[str]) -> None:
    """Refuse user keywords given for a theme that does not exist (``InputError``, one sentence)."""
    unknown = sorted(theme for theme in themes if theme not in THEMES[:-1])
    if unknown:
        raise InputError(f"Keywords were given for an unknown theme {unknown[0]!r}: use one of {', '.join(THEMES[:-1])}.")


def _freeze(extra_keywords: ExtraKeywords | None) -> Frozen:
    """The user's keywords as a sorted, hashable tuple, blanks dropped; unknown themes refused."""
    frozen = tuple(sorted((theme, tuple(sorted({word.strip().lower() for word in words if word and word.strip()})))
                          for theme, words in (extra_keywords or {}).items()))
    check_keyword_themes(theme for theme, _ in frozen)
    return tuple((theme, words) for theme, words in frozen if words)


@lru_cache(maxsize=16)
def _keyword_patterns(extra: Frozen) -> tuple[re.Pattern[str], ...]:
    """User keywords as cues: whole words, any case, a plural "s" allowed."""
    named = [(f"{theme}__cue", [" ".join(map(re.escape, word.split())) + "(?:e?s)?" for word in words]) for theme, words in extra]
    return (re.compile(rules.alternation(named)),) if named else ()


@lru_cache(maxsize=50_000)
def _by_rules(text: str, extra: Frozen) -> ThemeResult:
    """Classify one (cut) text by the rules alone; cached on the text and the user's keywords."""
    if not text.strip():
        return ThemeResult((), NEUTRAL, {}, {})
    normalised, corrections = normalise(text)
    reading = _read(normalised)
    cues = _find_cues(reading, extra)
    polarity = _overall_polarity(reading, cues)
    evidence: dict[str, list[str]] = {}
    signs: dict[str, int] = {}
    for cue in sorted(cues, key=lambda cue: cue.start):
        words = text[original_offset(cue.start, corrections, False) : original_offset(cue.end, corrections, True)]
        if words not in evidence.setdefault(cue.theme, []):
            evidence[cue.theme].append(words)
        signs[cue.theme] = min(signs.get(cue.theme, 1), cue.sign)
    if not signs or (min(signs.values()) > 0 and polarity in (NEGATIVE, MIXED)):
        signs["generic"], evidence["generic"] = (1 if polarity == POSITIVE else -1), []
    themes = tuple(theme for theme in THEMES if theme in signs)
    return ThemeResult(themes, polarity, {theme: tuple(evidence[theme]) for theme in themes},
                       {theme: POSITIVE if signs[theme] > 0 else NEGATIVE for theme in themes})


@lru_cache(maxsize=50_000)
def _classify(text: str, extra: Frozen) -> ThemeResult:
    """Classify one text by the rules and the learned model; cached on the text and the user's keywords."""
    from analysis.feedback.hybrid import combine

    read, was_cut = cut(text)
    result = combine(read, _by_rules(read, extra))
    return replace(result, cut=True) if was_cut else result


def classify_by_rules(text: str, extra_keywords: ExtraKeywords | None = None) -> ThemeResult:
    """Classify one text by the rules alone (as ``classify`` does, without the learned model)."""
    return _by_rules(cut(text if isinstance(text, str) else "")[0], _freeze(extra_keywords))


def classify(text: str, extra_keywords: ExtraKeywords | None = None) -> ThemeResult:
    """Classify one feedback text into themes (DESIGN.md) with polarity and evidence.

    ``extra_keywords`` maps theme ids to user-added keywords, matched as whole words in any
    case and shown in the evidence; an unknown theme id raises ``InputError``. A blank text (or
    a missing value: None, NaN) has no themes and is neutral; any other text that names no
    specific reason is ``generic``.
    """
    return _classify(text if isinstance(text, str) else "", _freeze(extra_keywords))


def classify_many(texts: Iterable[str], extra_keywords: ExtraKeywords | None = None) -> list[ThemeResult]:
    """Classify many texts (as ``classify`` does), in order; identical texts are classified once."""
    extra = _freeze(extra_keywords)
    results: dict[str, ThemeResult] = {}
    return [results[text] if text in results else results.setdefault(text, _classify(text, extra))
            for text in (text if isinstance(text, str) else "" for text in texts)]
