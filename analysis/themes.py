"""Feedback themes: which reasons a feedback text names, as praise or criticism, with the evidence.

``classify("Great communication, but not enough Python experience")`` finds communication
(positive), experience and technical_skills (negative), polarity "mixed", and for each theme
the words that triggered it. Theme definitions are in DESIGN.md; the vocabulary is in
``analysis.theme_vocabulary``.

How a text is read:

1. Normalise: curly quotes, brackets and dashes become plain characters of the same length,
   letters are lower-cased, stretched letters ("reeejected") and one-letter typos of key words
   ("experiance") are corrected; offsets are kept so evidence is quoted from the original text.
2. Split into clauses at sentence ends and contrast words ("but", "however"); a concessive
   clause ("while", "despite") runs to the next comma.
3. Find evaluative words ("strong", "lacked", "too"), negations ("not", "no", "n't": each flips
   an evaluative word up to three words after it) and words about the candidate ("you", "my").
4. Find each theme's cues. Topic words that recruiters also use in passing ("your resume", "the
   technical interview") count only where their clause judges them, or in a short note.
5. A cue's polarity is that of the nearest evaluative word in its clause; a cue that nothing
   judges is criticism, since feedback names what went wrong.
6. A text with no specific theme is ``generic``; so is a rejection that only praises.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from analysis import theme_vocabulary as vocab
from analysis.schema import THEMES

POSITIVE, NEGATIVE, MIXED, NEUTRAL = "positive", "negative", "mixed", "neutral"
SHORT_NOTE_WORDS = 5  # a note this short ("failed coding test") is all reason: bare topics count
JUDGING_DISTANCE = 4  # most words between a passing topic and the word that judges it
POLARITY_DISTANCE = 6  # most words between a cue and the evaluative word that sets its polarity
NEGATION_DISTANCE = 3  # most words between a negation and the evaluative word it flips
ALWAYS_CRITICISM = ("role_closed",)  # a closed role is never praise

ExtraKeywords = Mapping[str, Iterable[str]]


@dataclass(frozen=True)
class ThemeResult:
    """What one feedback text says.

    ``themes``: theme ids in the order of ``schema.THEMES``. ``polarity``: "positive",
    "negative", "mixed" or "neutral" for the whole text. ``evidence``: per theme, the words of
    the text that triggered it, as written. ``theme_polarity``: per theme, "positive" (a
    strength the feedback praises) or "negative" (an area to improve, or a reason outside the
    candidate's control). Results are cached and shared: treat them as read-only.
    """

    themes: tuple[str, ...]
    polarity: str
    evidence: dict[str, tuple[str, ...]]
    theme_polarity: dict[str, str]


_WORD_RUN = re.compile(r"\w[\w'-]*")
_LETTERS = re.compile(r"[a-z]+")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
# Same-length replacements, so offsets in the normalised text are offsets in the original.
_PLAIN_CHARACTERS = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "“": " ", "”": " ", '"': " ", "(": " ", ")": " ", "[": " ",
     "]": " ", "{": " ", "}": " ", "–": "-", "—": "-", "\t": " ", "\r": " ", "\u00a0": " "}
)


def _corrected(word: str) -> str:
    """A word with stretched letters collapsed and a known one-letter typo fixed."""
    word = _STRETCHED.sub(r"\1", word)
    return vocab.TYPOS.get(word, word)


def _normalise(text: str) -> tuple[str, tuple[tuple[int, int, int, int], ...]]:
    """Lower-cased, plain-character, typo-corrected text and the corrected words' spans.

    Each span is (start, end) in the normalised text followed by (start, end) in the original.
    """
    plain = text.translate(_PLAIN_CHARACTERS)
    lowered = plain.lower()
    if len(lowered) != len(plain):  # a few letters grow when lower-cased ("İ"): keep those as they are
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in plain)
    if vocab.TYPOS.keys().isdisjoint(_LETTERS.findall(lowered)) and not _STRETCHED.search(lowered):
        return lowered, ()
    pieces: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    copied_up_to = 0
    normalised_length = 0
    for match in _LETTERS.finditer(lowered):
        fixed = _corrected(match.group())
        if fixed == match.group():
            continue
        unchanged = lowered[copied_up_to : match.start()]
        normalised_length += len(unchanged)
        pieces += [unchanged, fixed]
        spans.append((normalised_length, normalised_length + len(fixed), match.start(), match.end()))
        normalised_length += len(fixed)
        copied_up_to = match.end()
    pieces.append(lowered[copied_up_to:])
    return "".join(pieces), tuple(spans)


def _original_offset(position: int, corrections: tuple[tuple[int, int, int, int], ...], is_end: bool) -> int:
    """Map an offset in the normalised text back to the original text."""
    shift = 0
    for start, end, original_start, original_end in corrections:
        if position < start or (is_end and position == start):
            break
        if position < end or (is_end and position == end):
            return original_end if is_end else original_start
        shift = original_end - end
    return position + shift


@dataclass
class _Reading:
    """The clause structure and the evaluative words of one normalised text.

    ``evaluators``: (start, end, sign, clause, speaks_alone), negation applied. Shortfall words
    ("more", "too") judge a cue but say nothing alone, and a negation does not undo them
    ("didn't have 5 years" is still short); nor does a denied fault ("not to worry") speak alone.
    """

    text: str
    clause_starts: list[int] = field(default_factory=lambda: [0])
    concessive_clauses: set[int] = field(default_factory=set)
    candidate_clauses: set[int] = field(default_factory=set)
    evaluators: list[tuple[int, int, int, int, bool]] = field(default_factory=list)
    negations: list[tuple[int, int]] = field(default_factory=list)  # (end, clause)

    def clause_of(self, position: int) -> int:
        """The index of the clause holding a position."""
        return bisect_right(self.clause_starts, position) - 1

    def words_between(self, start: int, end: int) -> int:
        """How many words lie between two offsets."""
        return len(_WORD_RUN.findall(self.text, start, end)) if end > start else 0

    def distance(self, start: int, end: int, other_start: int, other_end: int) -> int:
        """Words between two spans; 0 where they overlap."""
        if other_end <= start:
            return self.words_between(other_end, start)
        if other_start >= end:
            return self.words_between(end, other_start)
        return 0

    def negation_before(self, start: int, clause: int, distance: int) -> int | None:
        """The end of the nearest negation up to ``distance`` words before ``start`` in its clause."""
        ends = [
            end
            for end, negation_clause in self.negations
            if negation_clause == clause and end <= start and self.words_between(end, start) <= distance
        ]
        return max(ends, default=None)


def _read(text: str) -> _Reading:
    """Clauses, evaluative words (negation applied), negations and mentions of the candidate."""
    reading = _Reading(text)
    clause = 0
    found: list[tuple[int, int, str, int]] = []
    for match in vocab.VALENCE.finditer(text):
        kind = vocab.group_name(match)
        if kind == "clause_break" or (kind == "comma" and clause in reading.concessive_clauses):
            clause += 1
            reading.clause_starts.append(match.end())
        elif kind == "concessive":
            clause += 1
            reading.clause_starts.append(match.start())
            reading.concessive_clauses.add(clause)
        elif kind == "negator":
            reading.negations.append((match.end(), clause))
        elif kind == "candidate":
            reading.candidate_clauses.add(clause)
        elif kind in ("positive", "negative", "shortfall"):
            found.append((match.start(), match.end(), kind, clause))
    previous_end, previous_kind = -1, None
    for start, end, kind, clause in found:
        comparative = kind == "positive" and previous_kind == "shortfall" and reading.words_between(previous_end, start) == 0
        previous_end, previous_kind = end, kind
        if kind == "shortfall" or comparative:  # "more concise" asks for what was missing
            if clause not in reading.concessive_clauses:
                reading.evaluators.append((start, end, -1, clause, False))
            continue
        negated = reading.negation_before(start, clause, NEGATION_DISTANCE) is not None
        sign = (1 if kind == "positive" else -1) * (-1 if negated else 1)
        reading.evaluators.append((start, end, sign, clause, kind == "positive" or not negated))
    return reading


@dataclass(frozen=True)
class _Cue:
    theme: str
    start: int
    end: int
    sign: int
    clause: int


def _is_judged(reading: _Reading, start: int, end: int, clause: int, topics: list[tuple[int, int]]) -> bool:
    """Whether the clause judges a passing topic: a negation close before or just after it
    ("your CV didn't show..."), or an evaluative
    word close by that is not nearer to another topic ("your resume does not show enough
    experience" judges the experience, not the resume)."""
    if reading.negation_before(start, clause, JUDGING_DISTANCE) is not None or any(
        negation_clause == clause and end < negation_end and reading.words_between(end, negation_end) <= 2
        for negation_end, negation_clause in reading.negations
    ):
        return True
    for evaluator_start, evaluator_end, _, evaluator_clause, _ in reading.evaluators:
        if evaluator_clause != clause or evaluator_start < end and start < evaluator_end:
            continue
        distance = reading.distance(start, end, evaluator_start, evaluator_end)
        if distance <= JUDGING_DISTANCE and not any(
            reading.distance(topic_start, topic_end, evaluator_start, evaluator_end) < distance
            for topic_start, topic_end in topics
            if topic_end <= start or topic_start >= end  # a phrase holding the topic shares its judgement
        ):
            return True
    return False


def _cue_sign(reading: _Reading, theme: str, start: int, end: int, clause: int) -> int:
    """+1 for praise, -1 for criticism.

    A cue whose negation is not about an evaluative word ("had not researched the company") is
    criticism; otherwise the nearest evaluative word in the clause decides, and a cue nothing
    judges is criticism.
    """
    if theme in ALWAYS_CRITICISM:
        return -1
    negation_end = reading.negation_before(start, clause, NEGATION_DISTANCE)
    if negation_end is not None and not any(negation_end <= evaluator[0] < end for evaluator in reading.evaluators):
        return -1
    # Unjudged, a cue is a fault; conceded ("although I had ten years of experience"), a merit.
    nearest_distance, sign = POLARITY_DISTANCE + 1, 1 if clause in reading.concessive_clauses else -1
    for evaluator_start, evaluator_end, evaluator_sign, evaluator_clause, _ in reading.evaluators:
        if evaluator_clause == clause:
            distance = reading.distance(start, end, evaluator_start, evaluator_end)
            if distance < nearest_distance:
                nearest_distance, sign = distance, evaluator_sign
    return sign


def _cue_matches(text: str, patterns: Iterable[re.Pattern[str]]) -> list[tuple[str, str, int, int]]:
    """(theme, tier, start, end) of every cue, also those starting inside a longer cue of another
    theme ("lack specific technology experience" holds a technical cue)."""
    found = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            theme, tier = vocab.group_name(match).split("__")
            found.append((theme, tier, *match.span()))
            for word in _WORD_RUN.finditer(text, match.start() + 1, match.end()):
                inner = pattern.match(text, word.start())
                if inner and not vocab.group_name(inner).startswith(theme + "__"):
                    found.append((*vocab.group_name(inner).split("__"), *inner.span()))
    return found


def _find_cues(reading: _Reading, extra_patterns: Iterable[re.Pattern[str]]) -> list[_Cue]:
    """Every counted cue of every theme, less cues whose words a more specific theme took."""
    short_note = len(reading.text.split()) <= SHORT_NOTE_WORDS
    scenes = [match.span() for match in vocab.SCENE_PATTERN.finditer(reading.text)]
    patterns = (vocab.NOTE_CUE_PATTERN if short_note else vocab.CUE_PATTERN, *extra_patterns)
    matches = [
        (theme, tier, start, end)
        for theme, tier, start, end in _cue_matches(reading.text, patterns)
        if not any(scene_start <= start < scene_end for scene_start, scene_end in scenes)
    ]
    topics = [(start, end) for _, tier, start, end in matches if tier == "cue"]
    cues = []
    for theme, tier, start, end in matches:
        clause = reading.clause_of(start)
        if tier == "judged" and not short_note and not _is_judged(reading, start, end, clause, topics):
            continue
        cues.append(_Cue(theme, start, end, _cue_sign(reading, theme, start, end, clause), clause))
    return [
        cue
        for cue in cues
        if not any(
            cue.theme in vocab.TAKES_PRECEDENCE.get(other.theme, ()) and other.start < cue.end and cue.start < other.end
            for other in cues
        )
    ]


def _overall_polarity(reading: _Reading, cues: list[_Cue], rejection: bool) -> str:
    """Mixed, negative, positive or neutral, from the cues, the rejection and the praise.

    Praise counts when it names a theme or is about the candidate (not "many strong
    applicants"); praise in a concessive clause ("while your record is impressive") does not
    soften a rejection.
    """
    short_note = len(reading.text.split()) <= SHORT_NOTE_WORDS
    negative = rejection or any(cue.sign < 0 for cue in cues)
    praise_clauses = [cue.clause for cue in cues if cue.sign > 0]
    for _, _, sign, clause, speaks_alone in reading.evaluators:
        if speaks_alone and sign < 0:
            negative = True
        elif speaks_alone and (short_note or clause in reading.candidate_clauses):
            praise_clauses.append(clause)
    praised_outright = any(clause not in reading.concessive_clauses for clause in praise_clauses)
    if negative:
        return MIXED if praised_outright else NEGATIVE
    return POSITIVE if praise_clauses else NEUTRAL


@lru_cache(maxsize=8)
def _extra_pattern(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str], ...]:
    """User keywords as whole-word, case-insensitive cues (a plural "s" allowed)."""
    unknown = [theme for theme, _ in extra if theme not in THEMES or theme == "generic"]
    if unknown:
        raise ValueError(f"Unknown feedback theme {unknown[0]!r}: use one of {', '.join(THEMES[:-1])}.")
    if not extra:
        return ()
    named = [
        (f"{theme}__cue", [" ".join(map(re.escape, keyword.lower().split())) + "(?:e?s)?" for keyword in keywords])
        for theme, keywords in extra
    ]
    return (re.compile(vocab.alternation(named)),)


def _freeze_extra(extra_keywords: ExtraKeywords | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A hashable, order-independent form of the user's keywords (blank ones dropped)."""
    if not extra_keywords:
        return ()
    frozen = {theme: tuple(sorted({word.strip() for word in words if word and word.strip()})) for theme, words in extra_keywords.items()}
    return tuple(sorted((theme, words) for theme, words in frozen.items() if words))


@lru_cache(maxsize=100_000)
def _classify(text: str, extra: tuple[tuple[str, tuple[str, ...]], ...]) -> ThemeResult:
    """Classify one text; cached on the text and the frozen user keywords."""
    if not text.strip():
        return ThemeResult((), NEUTRAL, {}, {})
    normalised, corrections = _normalise(text)
    reading = _read(normalised)
    cues = _find_cues(reading, _extra_pattern(extra))
    rejection = vocab.REJECTION_PATTERN.search(normalised) is not None
    polarity = _overall_polarity(reading, cues, rejection)
    evidence: dict[str, list[str]] = {}
    signs: dict[str, int] = {}
    for cue in sorted(cues, key=lambda cue: cue.start):
        start = _original_offset(cue.start, corrections, is_end=False)
        words = text[start : _original_offset(cue.end, corrections, is_end=True)]
        if words not in evidence.setdefault(cue.theme, []):
            evidence[cue.theme].append(words)
        signs[cue.theme] = min(signs.get(cue.theme, 1), cue.sign)
    if not signs or (min(signs.values()) > 0 and polarity in (NEGATIVE, MIXED)):
        signs["generic"] = 1 if polarity == POSITIVE else -1
        evidence["generic"] = []
    themes = tuple(theme for theme in THEMES if theme in signs)
    return ThemeResult(
        themes,
        polarity,
        {theme: tuple(evidence[theme]) for theme in themes},
        {theme: POSITIVE if signs[theme] > 0 else NEGATIVE for theme in themes},
    )


def classify(text: str, extra_keywords: ExtraKeywords | None = None) -> ThemeResult:
    """Classify one feedback text into themes (DESIGN.md) with polarity and evidence.

    ``extra_keywords`` maps a theme id to user-added keywords; they match whole words,
    case-insensitively, and show in the evidence. A blank text has no themes and is neutral;
    any other text without a specific reason is ``generic``.
    """
    return _classify(text or "", _freeze_extra(extra_keywords))


def classify_many(texts: Iterable[str], extra_keywords: ExtraKeywords | None = None) -> list[ThemeResult]:
    """Classify many texts, in order; identical texts are classified once."""
    extra = _freeze_extra(extra_keywords)
    results: dict[str, ThemeResult] = {}
    ordered = []
    for text in texts:
        text = text or ""
        if text not in results:
            results[text] = _classify(text, extra)
        ordered.append(results[text])
    return ordered
