"""Rules and learned model together: the themes of a text, each with its polarity and evidence.

The rules keep what they do well (negation scope, clauses, praise vs criticism, the user's
keywords, quoted evidence); the model adds the themes it is confident of and tells boilerplate
(``generic``) from a reason no theme matched (``unclear``). A learned theme's evidence is the
words that weigh most for it; its polarity is the rules' where they judged that theme, else the
text's overall polarity (praise when the text is positive, criticism otherwise).
"""
from __future__ import annotations

from analysis.core.schema import THEMES
from analysis.feedback import features as F
from analysis.feedback import model as learned
from analysis.feedback.classifier import MIXED, NEGATIVE, POSITIVE, ThemeResult


def combine(text: str, by_rules: ThemeResult, model: learned.ThemeModel | None = None) -> ThemeResult:
    """The hybrid result for a (cut) text, given what the rules found in it (``model``: the shipped one)."""
    if not by_rules.themes:  # blank
        return by_rules
    model = model or learned.load()
    if model.added > 1 and set(by_rules.themes) - {"generic"}:
        return by_rules  # the model adds no theme beside the rules' (and reading it costs most of the time)
    reading = learned.read(text, model)
    short_note = len(reading.words) <= F.SHORT_WORDS
    chosen, unclear = learned.decide(reading.probabilities, set(by_rules.themes), short_note, model)
    if unclear:
        return ThemeResult((), by_rules.polarity, {}, {}, unclear=True)
    themes = tuple(theme for theme in THEMES if theme in chosen)
    default = POSITIVE if by_rules.polarity == POSITIVE else NEGATIVE
    evidence, theme_polarity = {}, {}
    for theme in themes:
        if theme in by_rules.themes:
            evidence[theme], theme_polarity[theme] = by_rules.evidence[theme], by_rules.theme_polarity[theme]
        else:
            evidence[theme] = () if theme == "generic" else learned.evidence(reading, theme, text, model)
            theme_polarity[theme] = default
    polarity = by_rules.polarity
    if NEGATIVE in theme_polarity.values() and POSITIVE in theme_polarity.values():
        polarity = MIXED
    return ThemeResult(themes, polarity, evidence, theme_polarity)
