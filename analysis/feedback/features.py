"""The words the learned theme model reads, shared by training (``features``) and the runtime (``Batch``).

A text is cut at ``MAX_CHARS`` and split by one regex (linear in its length). Each distinct token
is read once: its lower-case form ("didn't" -> "did" plus a negation), its English stem (PyStemmer)
and its char n-grams. The features of a text (``features`` spells them out; keys as in the model):

- ``u|stem``: each word; ``n|stem`` where it stands at most ``NEGATION_SCOPE`` words after a
  negator in its clause ("no concerns", "didn't research");
- ``b|stem stem``: two words in a row with no punctuation between;
- ``l|class``: an evaluative word of the rules' language (pos, neg, short), ``m|class`` where negated;
- word features are counts divided by the square root of the text's word count;
- ``c|gram``: char 3- to 5-grams of "<word>", divided by the root of the text's gram count;
- ``d|short``: a note of at most ``SHORT_WORDS`` words.

Clauses break at sentence punctuation, a spaced dash, a line end and contrast words ("but").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

MAX_CHARS = 5_000  # longer texts are cut here before anything reads them
NEGATION_SCOPE = 3
SHORT_WORDS = 5
CHAR_N = (3, 4, 5)
SEPARATOR = "\x00"  # ends each text of a batch
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[.!?;:]|\n|\x00|\s[-–—]+\s")
_STRETCHED = re.compile(r"(\w)\1{2,}")
NEGATORS = frozenset(("not", "no", "never", "nor", "without", "none", "neither", "hardly", "barely", "cannot", "lack",
                      "lacks", "lacked", "lacking", "nothing", "unable"))
CONTRAST = frozenset(("but", "however", "although", "though", "while", "whilst", "whereas", "yet", "except", "despite",
                      "unfortunately", "sadly"))
_NOT_CONTRACTIONS = {"can't": "can", "won't": "will", "ain't": "is", "shan't": "shall"}
_NO_APOSTROPHE = {w: w[:-1] for w in ("didnt", "dont", "doesnt", "wasnt", "werent", "isnt", "arent", "hasnt", "havent",
                                      "hadnt", "couldnt", "wouldnt", "shouldnt", "cant", "wont", "mustnt", "neednt")}
WORD, BREAK, END = 0, 1, 2  # token kinds


def cut(text: str) -> tuple[str, bool]:
    """The text at most MAX_CHARS long, and whether it was cut."""
    return (text[:MAX_CHARS], True) if len(text) > MAX_CHARS else (text, False)


def _ready(text: object) -> str:
    """A text ready to be joined with others: a string without separators, at most MAX_CHARS long."""
    if not isinstance(text, str):
        return ""
    return cut(text.replace(SEPARATOR, " ") if SEPARATOR in text else text)[0]


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
def _stemmer():  # noqa: ANN202 (PyStemmer has no type stubs)
    import Stemmer

    return Stemmer.Stemmer("english")


def stem(form: str) -> str:
    """The English (Porter 2) stem of a lower-case word."""
    return _stemmer().stemWord(form)


def char_grams(form: str) -> list[str]:
    """The char n-grams of a word padded with < and >."""
    padded = "<" + form + ">"
    return [padded[i : i + n] for n in CHAR_N for i in range(len(padded) - n + 1)]


@lru_cache(maxsize=1)
def _valence_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from analysis.feedback.language import NEGATIVE_WORDS, POSITIVE_WORDS, SHORTFALL_WORDS
    from analysis.feedback.rules import expand

    return tuple((name, re.compile(expand(pattern))) for name, pattern in
                 (("pos", POSITIVE_WORDS), ("neg", NEGATIVE_WORDS), ("short", SHORTFALL_WORDS)))


def lexicon_classes(form: str) -> tuple[str, ...]:
    """The lexicon classes of a lower-case word: praise (pos), fault (neg), shortfall ("too")."""
    return tuple(name for name, pattern in _valence_patterns() if pattern.fullmatch(form))


class Types:
    """The distinct tokens seen so far, each read once: kind, lower-case form, negator and contrast flags."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.kind: list[int] = []
        self.form: list[str] = []
        self.negator: list[bool] = []
        self.contrast: list[bool] = []

    def add(self, token: str) -> int:
        """Read a new token; its number."""
        word = token[0] not in ".!?;:\n\x00" and not token[0].isspace()
        form, contracted = _word_form(token) if word else ("", False)
        self.index[token] = len(self.kind)
        self.kind.append(WORD if word else END if token == SEPARATOR else BREAK)
        self.form.append(form)
        self.negator.append(contracted or form in NEGATORS)
        self.contrast.append(form in CONTRAST)
        return self.index[token]


class Batch:
    """The tokens of many texts, in order: ``tokens`` (as written), ``types``, ``kind``, ``doc``
    (the text's number) and ``negated`` per token. Each text ends with an END token."""

    def __init__(self, texts: list[str], types: Types) -> None:
        tokens = _TOKEN.findall(SEPARATOR.join(_ready(text) for text in texts) + SEPARATOR)
        index, add = types.index, types.add
        type_ids = np.array([index[token] if token in index else add(token) for token in tokens], dtype=np.int64)
        kind = np.array(types.kind, dtype=np.int8)[type_ids]
        ends = kind == END
        positions = np.arange(len(tokens))
        breaks = (kind != WORD) | np.array(types.contrast, dtype=bool)[type_ids]
        last_break = np.maximum.accumulate(np.where(breaks, positions, -1))
        last_negator = np.maximum.accumulate(np.where(np.array(types.negator, dtype=bool)[type_ids], positions, -1))
        before = np.concatenate(([-1], last_negator[:-1]))
        self.negated = (kind == WORD) & (before > last_break) & (positions - before <= NEGATION_SCOPE)
        self.tokens, self.types, self.kind, self.count = tokens, type_ids, kind, len(texts)
        self.doc = np.cumsum(ends) - ends


def features(text: str) -> dict[str, float]:
    """The features of one text (cut at MAX_CHARS) as ``key -> value``: the definition training reads."""
    batch = Batch([text], types := Types())
    words = [(types.form[t], stem(types.form[t]), bool(negated))
             for t, kind, negated in zip(batch.types, batch.kind, batch.negated) if kind == WORD]
    out: dict[str, float] = {}
    scale = 1 / np.sqrt(max(1, len(words)))
    for form, stemmed, negated in words:
        keys = ["u|" + stemmed] + ["l|" + name for name in lexicon_classes(form)]
        keys += [("n|" if key[0] == "u" else "m|") + key[2:] for key in keys] if negated else []
        for key in keys:
            out[key] = out.get(key, 0.0) + scale
    word_positions = np.flatnonzero(batch.kind == WORD)
    stems = {position: words[k][1] for k, position in enumerate(word_positions)}
    for position in word_positions:
        if position + 1 in stems:
            key = "b|" + stems[position] + " " + stems[position + 1]
            out[key] = out.get(key, 0.0) + scale
    grams = [gram for form, _, _ in words for gram in char_grams(form)]
    for gram in grams:
        out["c|" + gram] = out.get("c|" + gram, 0.0) + 1 / np.sqrt(len(grams))
    if len(words) <= SHORT_WORDS:
        out["d|short"] = 1.0
    return {key: float(value) for key, value in out.items()}

