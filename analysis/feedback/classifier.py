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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter

from analysis.core.errors import InputError
from analysis.core.schema import THEMES
from analysis.feedback import rules
from analysis.feedback.cues import Frozen, find_cues
from analysis.feedback.features import cut
from analysis.feedback.reading import read
from analysis.feedback.text import grows_when_lowered, normalise, original_offset, sentence_starts

POSITIVE, NEGATIVE, MIXED, NEUTRAL = "positive", "negative", "mixed", "neutral"
SHORT_NOTE_WORDS = 5  # a note this short ("failed coding test") is all reason: bare topics count
ExtraKeywords = Mapping[str, Iterable[str]]


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


@dataclass(frozen=True)
class _Sentence:
    """What one sentence (with the spaces before it) says: its cues as (theme, start, end, sign) in
    the order they start, offsets in the sentence as written; whether it criticises, praises
    (``praised``; ``praised_outright``: not only in a concession); how many ``words`` it has;
    whether it ``ends_in_shortfall`` (``reading.Reading``); and the sentence ``normalised``."""

    cues: tuple[tuple[str, int, int, int], ...]
    negative: bool
    praised: bool
    praised_outright: bool
    words: int
    ends_in_shortfall: bool
    normalised: str


@lru_cache(maxsize=100_000)
def _sentence(text: str, short_note: bool, extra: Frozen, after_shortfall: bool, by_letter: bool) -> _Sentence:
    """One sentence (as written) read (cached: recruiters' sentences recur from one message to the next).

    Praise counts when it names a theme or is about the candidate (not "many strong applicants");
    a word inside a cue speaks through that cue ("lacked relevant experience")."""
    normalised, corrections = normalise(text, by_letter)
    reading = read(normalised, short_note, after_shortfall)
    cues = find_cues(reading, extra)
    negative = any(cue.sign < 0 for cue in cues)
    praised = [cue.clause for cue in cues if cue.sign > 0]
    for clause, evaluators in reading.evaluators.items():
        spans = [(cue.start, cue.end) for cue in cues if cue.clause == clause]
        for start, end, sign, speaks_alone in evaluators:
            speaks_alone = speaks_alone and not any(cue_start < end and start < cue_end for cue_start, cue_end in spans)
            negative = negative or (speaks_alone and sign < 0)
            if speaks_alone and sign > 0 and (reading.short_note or reading.is_about_candidate(clause)):
                praised.append(clause)
    in_order = tuple(sorted(((cue.theme, original_offset(cue.start, corrections, False), original_offset(cue.end, corrections, True),
                              cue.sign) for cue in cues), key=itemgetter(1)))
    return _Sentence(in_order, negative, bool(praised), any(clause not in reading.concessive_clauses for clause in praised),
                     len(reading.word_starts), reading.ends_in_shortfall, normalised)


def _sentences(text: str, extra: Frozen) -> list[tuple[int, _Sentence]]:
    """Each sentence of a text (as written) with its offset; bare topics count in a short note."""
    starts, by_letter = sentence_starts(text), grows_when_lowered(text)
    pieces = [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)])]
    found, after_shortfall = [], False
    for piece in pieces:
        found.append(_sentence(piece, False, extra, after_shortfall, by_letter))
        after_shortfall = found[-1].ends_in_shortfall
    if sum(sentence.words for sentence in found) <= SHORT_NOTE_WORDS:
        found = [_sentence(piece, True, extra, before is not None and before.ends_in_shortfall, by_letter)
                 for piece, before in zip(pieces, [None, *found])]
    return list(zip(starts, found))


def _overall_polarity(sentences: list[_Sentence]) -> str:
    """Mixed, negative, positive or neutral. Criticism, or a rejection that names no reason, is
    negative; conceded praise does not soften a rejection."""
    if any(sentence.negative for sentence in sentences) or rules.REJECTION_PATTERN.search(
            "".join(sentence.normalised for sentence in sentences)):
        return MIXED if any(sentence.praised_outright for sentence in sentences) else NEGATIVE
    return POSITIVE if any(sentence.praised for sentence in sentences) else NEUTRAL


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


@lru_cache(maxsize=50_000)
def _by_rules(text: str, extra: Frozen) -> ThemeResult:
    """Classify one (cut) text by the rules alone; cached on the text and the user's keywords."""
    if not text.strip():
        return ThemeResult((), NEUTRAL, {}, {})
    sentences = _sentences(text, extra)
    polarity = _overall_polarity([sentence for _, sentence in sentences])
    evidence: dict[str, list[str]] = {}
    signs: dict[str, int] = {}
    for offset, sentence in sentences:
        for theme, start, end, sign in sentence.cues:
            words = text[offset + start : offset + end]
            if theme not in evidence:
                evidence[theme], signs[theme] = [words], sign
                continue
            if words not in evidence[theme]:
                evidence[theme].append(words)
            signs[theme] = min(signs[theme], sign)
    if not signs or (min(signs.values()) > 0 and polarity in (NEGATIVE, MIXED)):
        signs["generic"], evidence["generic"] = (1 if polarity == POSITIVE else -1), []
    themes = tuple(theme for theme in THEMES if theme in signs)
    return ThemeResult(themes, polarity, {theme: tuple(evidence[theme]) for theme in themes},
                       {theme: POSITIVE if signs[theme] > 0 else NEGATIVE for theme in themes})


def _hybrid(texts: list[str], extra: Frozen) -> list[ThemeResult]:
    """Classify texts by the rules and the learned model (which reads them in one batch)."""
    from analysis.feedback.hybrid import combine_many

    cuts = [cut(text) for text in texts]
    results = combine_many([read for read, _ in cuts], [_by_rules(read, extra) for read, _ in cuts])
    return [replace(result, cut=True) if was_cut else result for result, (_, was_cut) in zip(results, cuts)]


@lru_cache(maxsize=50_000)
def _classify(text: str, extra: Frozen) -> ThemeResult:
    """Classify one text by the rules and the learned model; cached on the text and the user's keywords."""
    return _hybrid([text], extra)[0]


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
    """Classify many texts (as ``classify`` does), in order; identical texts are classified once, and
    the learned model reads those it needs in one batch."""
    extra = _freeze(extra_keywords)
    texts = [text if isinstance(text, str) else "" for text in texts]
    distinct = list(dict.fromkeys(texts))
    results = dict(zip(distinct, _hybrid(distinct, extra)))
    return [results[text] for text in texts]
