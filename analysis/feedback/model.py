"""The learned theme model at run time: per-theme scores of a linear model over
``analysis.feedback.features``, applied with numpy, and the decision that joins them with the rules.

The weights live in ``theme_model.json`` (written by ``python -m analysis.feedback.train``) and
are read on first use. A text gets the themes the rules find (less ``generic``) plus those the
model is confident of (probability >= that theme's threshold, or ``added`` beside a rule theme).
With none, a short note the rules read as generic, or a text the model reads as boilerplate
(probability of ``generic`` at least ``generic``), is ``generic``; any other text gives a reason
no theme matched: ``unclear``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from analysis.feedback import features as F

MODEL_PATH = Path(__file__).with_name("theme_model.json")
EVIDENCE_ITEMS = 3  # words or phrases shown per learned theme


@dataclass(frozen=True)
class ThemeModel:
    """Weights (features x themes), the bias, and the decision thresholds of the shipped model."""

    themes: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    thresholds: np.ndarray
    added: float
    generic: float


@lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> ThemeModel:
    """The model in ``path`` (read once)."""
    return from_content(json.loads(path.read_text(encoding="utf-8")))


def from_content(data: dict) -> ThemeModel:
    """The model of a model file's parsed content."""
    themes = tuple(data["themes"])
    keys = sorted(data["weights"])
    weights = np.zeros((len(keys), len(themes)))
    for row, key in enumerate(keys):
        for column, value in data["weights"][key]:
            weights[row, column] = value
    return ThemeModel(themes, {key: row for row, key in enumerate(keys)}, weights, np.array(data["bias"]),
                      np.array([data["thresholds"][theme] for theme in themes[:-1]]), data["added"], data["generic"])


@dataclass(frozen=True)
class LearnedReading:
    """The model's probability per theme, and the words behind each theme's score."""

    probabilities: np.ndarray
    contributions: np.ndarray  # (features of the text) x themes
    keys: list[str]
    sources: F.Sources
    words: list[F.Word]


def read(text: str, model: ThemeModel | None = None) -> LearnedReading:
    """The model's reading of a (cut) text."""
    model = model or load()
    values, sources, words = F.word_features(text)
    keys = [key for key in values if key in model.index]
    rows = np.fromiter((model.index[key] for key in keys), dtype=np.int64, count=len(keys))
    contributions = np.fromiter((values[key] for key in keys), dtype=float, count=len(keys))[:, None] * model.weights[rows]
    scores = model.bias + contributions.sum(axis=0)
    return LearnedReading(1 / (1 + np.exp(-scores)), contributions, keys, sources, words)


def decide(probabilities: np.ndarray, by_rules: set[str], short_note: bool, model: ThemeModel) -> tuple[set[str], bool]:
    """(themes, unclear) from the model's probabilities and the themes the rules found.

    The rules' specific themes stand (and their ``generic`` beside them: a rejection that only
    praises). The model adds a theme at ``added`` confidence where the rules found one or the text
    is a short note (a few words give the model little to go on), else at its theme's threshold. With no theme, a short note the rules read as
    generic ("Rejected"), or a text the model reads as boilerplate, is ``generic``; any other
    text gives a reason no theme matched: unclear.
    """
    specific = set(by_rules) - {"generic"}
    thresholds = np.maximum(model.thresholds, model.added) if specific or short_note else model.thresholds
    chosen = {theme for theme, p, threshold in zip(model.themes, probabilities, thresholds) if p >= threshold}
    if specific:
        return specific | chosen | (set(by_rules) & {"generic"}), False
    if chosen:
        return chosen, False
    if probabilities[-1] >= model.generic or (short_note and "generic" in by_rules):
        return {"generic"}, False
    return set(), True


def evidence(reading: LearnedReading, theme: str, text: str, model: ThemeModel) -> tuple[str, ...]:
    """The words or two-word phrases of the text that weigh most for a theme, as written, in text order."""
    column = model.themes.index(theme)
    by_span: dict[tuple[int, int], float] = {}
    for key, contribution in zip(reading.keys, reading.contributions[:, column]):
        occurrences = reading.sources.get(key, ())
        for span in occurrences:
            by_span[span] = by_span.get(span, 0.0) + contribution / len(occurrences)
    positive = sorted((span for span, weight in by_span.items() if weight > 0), key=lambda span: -by_span[span])
    chosen: list[tuple[int, int]] = []
    for first, last in positive:
        if not any(first <= other_last and other_first <= last for other_first, other_last in chosen):
            chosen.append((first, last))
        if len(chosen) == EVIDENCE_ITEMS:
            break
    words = reading.words
    return tuple(text[words[first].start : words[last].end] for first, last in sorted(chosen))
