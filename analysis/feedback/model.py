"""The learned theme model at run time: weights from ``theme_model.npz`` (made by
``python -m analysis.feedback.train``), applied with numpy to a :class:`~analysis.feedback.features.Batch`.

One logistic regression per column (``COLUMNS``: the themes in ``THEMES`` order, ``generic``
last, then ``praise`` and ``criticism``, whether the text praises or criticises) over the features
of ``analysis.feedback.features``. A column's score is its bias plus the weights of the text's
words, negated words, word pairs and evaluative classes (divided by the root of the word count),
of its char n-grams (divided by the root of the gram count) and of a short note. Each distinct
token is read once (its weights summed into a table row), so a batch of texts costs a few numpy
operations. Nothing is loaded at import: the first call reads the file (a few hundred kB).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from analysis.core.schema import THEMES
from analysis.feedback import features as F

MODEL_PATH = Path(__file__).with_name("theme_model.npz")
COLUMNS = (*THEMES, "praise", "criticism")
PRAISE, CRITICISM = len(THEMES), len(THEMES) + 1
EVIDENCE_WORDS = 3  # most words quoted as a learned theme's evidence
EVIDENCE_SHARE = 0.4  # a word counts as evidence when it weighs this share of the heaviest one
MAX_TYPES = 400_000  # distinct tokens remembered; the tables start again beyond it
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "am", "to", "of", "in", "on", "at", "by", "for", "with",
    "from", "as", "and", "or", "it", "its", "this", "that", "these", "those", "i", "me", "my", "you", "your", "he", "she",
    "him", "her", "his", "we", "us", "our", "they", "them", "their", "about", "so", "do", "did", "does", "had", "has",
    "have"))
"""Words never quoted as evidence: they carry weight only through the phrases around them."""


@dataclass(frozen=True)
class Decision:
    """Where the model decides a text's themes: a specific theme at ``add`` probability; else
    ``generic`` where the text reads as boilerplate (``generic`` at least ``generic`` and above the
    best theme); else the best theme when it reaches ``guess``; a text with none of these gives a
    reason the model cannot place: ``unclear``."""

    add: float
    guess: float
    generic: float


@dataclass(frozen=True)
class Reading:
    """Per text of a batch: ``probabilities`` (texts x COLUMNS), and each token's share of each
    column's score (``token_weights``), so the words behind a theme can be named."""

    probabilities: np.ndarray
    batch: F.Batch
    token_weights: np.ndarray

    def _tokens(self, text_number: int) -> tuple[int, int]:
        start, end = np.searchsorted(self.batch.doc, [text_number, text_number + 1])
        return int(start), int(end)

    def evidence(self, text_number: int, column: int) -> tuple[str, ...]:
        """The words of a text that weighed most for a column, heaviest first, each once."""
        start, end = self._tokens(text_number)
        weights = self.token_weights[start:end, column]
        if not len(weights) or weights.max() <= 0:
            return ()
        order = np.argsort(-weights, kind="stable")
        words: list[str] = []
        for position in order:
            if weights[position] < EVIDENCE_SHARE * weights[order[0]] or len(words) == EVIDENCE_WORDS:
                break
            word = self.batch.tokens[start + position]
            if word.lower() not in FUNCTION_WORDS and word.lower() not in (known.lower() for known in words):
                words.append(word)
        return tuple(words)

    def praise_of(self, text_number: int, words: tuple[str, ...]) -> float:
        """How much the given words of a text weigh for praise over criticism (> 0: they praise)."""
        start, end = self._tokens(text_number)
        chosen = {word.lower() for word in words}
        rows = [start + k for k, token in enumerate(self.batch.tokens[start:end]) if token.lower() in chosen]
        return float((self.token_weights[rows, PRAISE] - self.token_weights[rows, CRITICISM]).sum())


class ThemeModel:
    """Weights and per-token-type tables (grown as new words are read) of the shipped model."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.w = {name: (array.astype(np.float32) if array.dtype.kind == "f" else array) for name, array in arrays.items()}
        meta = json.loads(arrays["meta"].item())
        self.columns: tuple[str, ...] = tuple(meta["columns"])
        self.decision = Decision(**meta["decision"])
        self.stem_index = {stem: i for i, stem in enumerate(arrays["stems"].tolist())}
        self.gram_index = {gram: i for i, gram in enumerate(arrays["grams"].tolist())}
        self.class_index = {name: i for i, name in enumerate(arrays["classes"].tolist())}
        self._reset()

    def _reset(self) -> None:
        width = len(self.columns)
        self.types = F.Types()
        self.base = self.negx = self.char = np.zeros((0, width), np.float32)
        self.nchar, self.stem_id = np.zeros(0, np.float32), np.zeros(0, np.int64)

    def _grow(self) -> None:
        """Table rows for the token types read since the last batch."""
        start, end, w = len(self.nchar), len(self.types.kind), self.w
        base, negx, char = (np.zeros((end - start, len(self.columns)), np.float32) for _ in range(3))
        stem_id, nchar = np.full(end - start, -1, np.int64), np.zeros(end - start, np.float32)
        owners, grams = [], []
        for k, form in enumerate(self.types.form[start:end]):
            if not form:
                continue
            stem_id[k] = number = self.stem_index.get(F.stem(form), -1)
            if number >= 0:
                base[k] += w["WU"][number]
                negx[k] += w["WN"][number]
            for name in F.lexicon_classes(form):
                if name in self.class_index:
                    base[k] += w["WL"][self.class_index[name]]
                    negx[k] += w["WM"][self.class_index[name]]
            word_grams = F.char_grams(form)
            nchar[k] = len(word_grams)
            found = [self.gram_index[gram] for gram in word_grams if gram in self.gram_index]
            grams += found
            owners += [k] * len(found)
        if owners:
            np.add.at(char, np.array(owners), w["WC"][np.array(grams)])
        self.base, self.negx, self.char = (np.concatenate(pair) for pair in
                                           ((self.base, base), (self.negx, negx), (self.char, char)))
        self.nchar, self.stem_id = np.concatenate((self.nchar, nchar)), np.concatenate((self.stem_id, stem_id))

    def read(self, texts: list[str]) -> Reading:
        """Each column's probability for each text, with the per-token weights behind them."""
        if len(self.types.kind) > MAX_TYPES:
            self._reset()
        batch = F.Batch(texts, self.types)
        self._grow()
        w, t, doc, count = self.w, batch.types, batch.doc, batch.count
        word = batch.kind == F.WORD
        word_counts = np.bincount(doc[word], minlength=count)
        word_scale = 1 / np.sqrt(np.maximum(word_counts, 1))
        char_scale = 1 / np.sqrt(np.maximum(np.bincount(doc, weights=self.nchar[t], minlength=count), 1))
        weights = self.base[t] * word_scale[doc, None] + self.char[t] * char_scale[doc, None]
        weights[batch.negated] += self.negx[t[batch.negated]] * word_scale[doc[batch.negated], None]
        self._add_pairs(weights, batch, word, word_scale)
        starts = np.searchsorted(doc, np.arange(count))
        scores = np.add.reduceat(weights, starts, axis=0) + w["bias"] + (word_counts <= F.SHORT_WORDS)[:, None] * w["WD"]
        return Reading(1 / (1 + np.exp(-scores)), batch, weights)

    def _add_pairs(self, weights: np.ndarray, batch: F.Batch, word: np.ndarray, word_scale: np.ndarray) -> None:
        """Add the weight of each known word pair, half to each of its two words."""
        known = self.w["bigram_keys"]
        if not len(known):
            return
        pair = np.flatnonzero(word[:-1] & word[1:])
        first, second = self.stem_id[batch.types[pair]], self.stem_id[batch.types[pair + 1]]
        keys = first * len(self.stem_index) + second
        where = np.minimum(np.searchsorted(known, keys), len(known) - 1)
        found = (first >= 0) & (second >= 0) & (known[where] == keys)
        halves = self.w["WB"][where[found]] * (word_scale[batch.doc[pair[found]], None] / 2)
        np.add.at(weights, pair[found], halves)
        np.add.at(weights, pair[found] + 1, halves)


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> ThemeModel:
    """The model in ``path`` (read once)."""
    with np.load(path, allow_pickle=False) as arrays:
        return ThemeModel({name: arrays[name] for name in arrays.files})


def decide_many(probabilities: np.ndarray, decision: Decision) -> list[tuple[set[str], bool]]:
    """(themes, unclear) of each text (rows of ``probabilities``) the rules found no specific theme in."""
    specific, generic = probabilities[:, : len(THEMES) - 1], probabilities[:, len(THEMES) - 1]
    chosen = specific >= decision.add
    undecided = ~chosen.any(axis=1)
    best, best_probability = specific.argmax(axis=1), specific.max(axis=1)
    boilerplate = undecided & (generic >= decision.generic) & (generic >= best_probability)
    guessed = undecided & ~boilerplate & (best_probability >= decision.guess)
    chosen[np.flatnonzero(guessed), best[guessed]] = True
    unclear = undecided & ~boilerplate & ~guessed
    themes: list[set[str]] = [set() for _ in range(len(chosen))]
    for row, column in zip(*(indices.tolist() for indices in np.nonzero(chosen))):
        themes[row].add(THEMES[column])
    return [({"generic"}, False) if is_generic else (found, is_unclear)
            for found, is_generic, is_unclear in zip(themes, boilerplate.tolist(), unclear.tolist())]


def decide(probabilities: np.ndarray, decision: Decision) -> tuple[set[str], bool]:
    """(themes, unclear) of one text the rules found no specific theme in: a theme the model is
    confident of, else ``generic`` for boilerplate, else its best guess, else unclear."""
    return decide_many(probabilities[None, :], decision)[0]


def polarity(probabilities: np.ndarray) -> str:
    """The text's polarity by the model: praise and criticism each at probability 0.5."""
    praised, criticised = probabilities[PRAISE] >= 0.5, probabilities[CRITICISM] >= 0.5
    return "mixed" if praised and criticised else "positive" if praised else "negative" if criticised else "neutral"
