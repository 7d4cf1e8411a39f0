"""Features of a feedback text for the learned theme model, shared by training and the runtime.

A text is cut at MAX_CHARS and split into tokens; each word is lower-cased ("didn't" -> "did"
plus a negation), stemmed with PyStemmer and read once. The features (keys as in the model file):
  u|stem        each word, count / sqrt(words)
  n|stem        a word within NEGATION_SCOPE words after a negator in its clause
  b|stem stem   two words in a row with no punctuation between
  l|class       lexicon class of a word (pos, neg, short), m|class when negated
  c|gram        char 3-5-grams of "<word>", count / sqrt(grams)
  d|short       1 for a text of at most SHORT_WORDS words
``word_features`` keeps, per feature, which words of the text gave it, for the evidence.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MAX_CHARS = 5_000  # longer texts are cut here before anything reads them
NEGATION_SCOPE = 3
SHORT_WORDS = 5
CHAR_N = (3, 4, 5)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[.!?;:]|\n|\s[-–—]+\s")
_STRETCHED = re.compile(r"(\w)\1{2,}")
NEGATORS = frozenset(("not", "no", "never", "nor", "without", "none", "neither", "hardly", "barely", "cannot", "lack",
                      "lacks", "lacked", "lacking", "nothing", "unable"))
CONTRAST = frozenset(("but", "however", "although", "though", "while", "whilst", "whereas", "yet", "except", "despite",
                      "unfortunately", "sadly"))
_NOT_CONTRACTIONS = {"can't": "can", "won't": "will", "ain't": "is", "shan't": "shall"}
_NO_APOSTROPHE = {w: w[:-1] for w in ("didnt", "dont", "doesnt", "wasnt", "werent", "isnt", "arent", "hasnt", "havent",
                                      "hadnt", "couldnt", "wouldnt", "shouldnt", "cant", "wont", "mustnt", "neednt")}


@dataclass(frozen=True)
class Word:
    """One word of a text: its ``start``/``end`` offsets, lower-case ``form``, ``stem``, and
    whether a negation reaches it."""

    start: int
    end: int
    form: str
    stem: str
    negated: bool


def cut(text: str) -> tuple[str, bool]:
    """The text at most MAX_CHARS long, and whether it was cut."""
    return (text[:MAX_CHARS], True) if len(text) > MAX_CHARS else (text, False)


def _word_form(token: str) -> tuple[str, bool]:
    """The lower-case form of a word token and whether it is a negative contraction."""
    lower = unicodedata.normalize("NFC", token.lower().replace("’", "'"))
    if "'" not in lower and _STRETCHED.search(lower):
        lower = _STRETCHED.sub(r"\1", lower)
    if lower in _NOT_CONTRACTIONS:
        return _NOT_CONTRACTIONS[lower], True
    if lower.endswith("n't"):
        return lower[:-3], True
    if lower in _NO_APOSTROPHE:
        return _NO_APOSTROPHE[lower], True
    if lower.endswith("'s"):
        lower = lower[:-2]
    return lower, False


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def _read_token(token: str) -> tuple[str, str, bool]:
    """(form, stem, negates) of a word token; cached, as words recur."""
    form, contracted = _word_form(token)
    return form, _stemmer().stemWord(form), contracted or form in NEGATORS


@lru_cache(maxsize=1)
def _valence_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from analysis.feedback.language import NEGATIVE_WORDS, POSITIVE_WORDS, SHORTFALL_WORDS
    from analysis.feedback.rules import expand

    return tuple((name, re.compile(expand(pattern))) for name, pattern in
                 (("pos", POSITIVE_WORDS), ("neg", NEGATIVE_WORDS), ("short", SHORTFALL_WORDS)))


@lru_cache(maxsize=200_000)
def lexicon_classes(form: str) -> tuple[str, ...]:
    """The lexicon classes of a lower-case word: praise (pos), fault (neg), shortfall ("too")."""
    return tuple(name for name, pattern in _valence_patterns() if pattern.fullmatch(form))


@lru_cache(maxsize=200_000)
def char_grams(form: str) -> tuple[str, ...]:
    """The char n-grams of a word padded with < and >."""
    padded = "<" + form + ">"
    return tuple(padded[i : i + n] for n in CHAR_N for i in range(len(padded) - n + 1))


def read_words(text: str) -> tuple[list[Word], list[list[int]]]:
    """The words of a (cut) text, and its runs of words with no punctuation between (as indices)."""
    words: list[Word] = []
    runs: list[list[int]] = [[]]
    last_negator, last_break = -10**9, -1
    for position, match in enumerate(_TOKEN.finditer(text)):
        token = match.group()
        if not (token[0].isalnum() or token[0] == "_"):
            last_break = position
            runs.append([])
            continue
        form, stemmed, negates = _read_token(token)
        if form in CONTRAST:
            last_break = position
        negated = last_negator > last_break and position - last_negator <= NEGATION_SCOPE
        words.append(Word(match.start(), match.end(), form, stemmed, negated))
        runs[-1].append(len(words) - 1)
        if negates:
            last_negator = position
    return words, runs


Sources = dict[str, list[tuple[int, int]]]  # feature key -> (first word, last word) of each occurrence


def word_features(text: str) -> tuple[dict[str, float], Sources, list[Word]]:
    """The features of a (cut) text, the words each came from, and the words."""
    words, runs = read_words(text)
    counts: dict[str, float] = {}
    sources: Sources = {}

    def add(key: str, first: int, last: int, value: float = 1.0) -> None:
        counts[key] = counts.get(key, 0.0) + value
        sources.setdefault(key, []).append((first, last))

    for index, word in enumerate(words):
        add("u|" + word.stem, index, index)
        if word.negated:
            add("n|" + word.stem, index, index)
        for name in lexicon_classes(word.form):
            add("l|" + name, index, index)
            if word.negated:
                add("m|" + name, index, index)
    for run in runs:
        for first, second in zip(run, run[1:]):
            add("b|" + words[first].stem + " " + words[second].stem, first, second)
    word_scale = 1 / math.sqrt(max(1, len(words)))
    features = {key: value * word_scale for key, value in counts.items()}
    grams: dict[str, float] = {}
    for index, word in enumerate(words):
        for gram in char_grams(word.form):
            grams[gram] = grams.get(gram, 0.0) + 1
            sources.setdefault("c|" + gram, []).append((index, index))
    char_scale = 1 / math.sqrt(max(1, sum(grams.values())))
    features.update({"c|" + gram: count * char_scale for gram, count in grams.items()})
    if len(words) <= SHORT_WORDS:
        features["d|short"] = 1.0
    return features, sources, words


def features(text: str) -> dict[str, float]:
    """The features of a text (cut at MAX_CHARS): key -> value."""
    return word_features(cut(text)[0])[0]
