"""Rules and learned model together: the themes of a text, each with its polarity and evidence.

The rules keep what they do well (negation scope, clauses, praise vs criticism, the user's
keywords, quoted evidence): where they find a specific theme, their themes stand. Where they find
none, the learned model decides: the themes it is confident of (or its best guess), ``generic``
for boilerplate, or ``unclear`` (a reason given that no theme could be placed for). Where the
rules judged nothing (polarity neutral), the model's praise and criticism give the polarity.
A learned theme's evidence is the words that weigh most for it; its polarity follows the text's,
and in a mixed text the praise or criticism of its own words.
"""
from __future__ import annotations

from analysis.core.schema import THEMES
from analysis.feedback import model as learned
from analysis.feedback.classifier import NEGATIVE, NEUTRAL, POSITIVE, ThemeResult
from analysis.feedback.cues import ALWAYS_CRITICISM


def needs_model(by_rules: ThemeResult) -> bool:
    """Whether the model reads a text: the rules found no specific theme in it, or judged nothing
    (polarity neutral)."""
    themes = by_rules.themes  # in THEMES order, generic last: ("generic",) when no specific theme
    return bool(themes) and (themes == ("generic",) or by_rules.polarity == NEUTRAL)


def combine_many(texts: list[str], by_rules: list[ThemeResult], model: learned.ThemeModel | None = None) -> list[ThemeResult]:
    """The hybrid result of each (cut) text, given what the rules found in it (``model``: the shipped one)."""
    chosen = [i for i, result in enumerate(by_rules) if needs_model(result)]
    if not chosen:
        return list(by_rules)
    model = model or learned.load()
    reading = model.read([texts[i] for i in chosen])
    decisions = learned.decide_many(reading.probabilities, model.decision)
    results = list(by_rules)
    for row, i in enumerate(chosen):
        results[i] = _decide(by_rules[i], reading, row, decisions[row])
    return results


def combine(text: str, by_rules: ThemeResult, model: learned.ThemeModel | None = None) -> ThemeResult:
    """The hybrid result of one (cut) text (see ``combine_many``)."""
    return combine_many([text], [by_rules], model)[0]


def _decide(by_rules: ThemeResult, reading: learned.Reading, row: int, decision: tuple[set[str], bool]) -> ThemeResult:
    probabilities, polarity = reading.probabilities[row], by_rules.polarity
    if polarity == NEUTRAL:
        polarity = learned.polarity(probabilities)
    if set(by_rules.themes) - {"generic"}:  # the rules' themes stand; only their polarity was neutral
        return ThemeResult(by_rules.themes, polarity, by_rules.evidence, by_rules.theme_polarity)
    themes, unclear = decision
    if unclear:
        return ThemeResult((), polarity, {}, {}, unclear=True)
    side = POSITIVE if polarity == POSITIVE else NEGATIVE
    if themes == {"generic"}:
        return ThemeResult(("generic",), polarity, {"generic": ()}, {"generic": side})
    ordered = tuple(theme for theme in THEMES if theme in themes)
    evidence = {theme: reading.evidence(row, THEMES.index(theme)) for theme in ordered}
    theme_polarity = {theme: _theme_side(theme, polarity, reading, row, evidence[theme]) for theme in ordered}
    return ThemeResult(ordered, polarity, evidence, theme_polarity)


def _theme_side(theme: str, polarity: str, reading: learned.Reading, row: int, words: tuple[str, ...]) -> str:
    """Praise or criticism of a learned theme: the text's, and in a mixed text that of the theme's own words."""
    if theme in ALWAYS_CRITICISM or polarity in (NEGATIVE, NEUTRAL):
        return NEGATIVE
    if polarity == POSITIVE:
        return POSITIVE
    return POSITIVE if reading.praise_of(row, words) > 0 else NEGATIVE
