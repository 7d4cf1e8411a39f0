"""Focus areas drawn from the feedback itself: asking for it, its themes, what is not personal, strengths.

The scoring rules are documented in one place, the :mod:`analysis.focus.ranking` docstring.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.core import wording
from analysis.core.wording import plural
from analysis.feedback.summary import (
    RECENT_DAYS,
    RECENT_WEIGHT,
    FeedbackSummary,
    naming_any,
)
from analysis.focus import texts as words
from analysis.focus.area import FocusArea
from analysis.focus.reasons import reasons_of

FEEDBACK_COVERAGE_TARGET = 0.30
MIN_FEEDBACK_TEXTS = 3
ASK_WINDOW_DAYS = 14
"""Rejections answered this many days before today are the first to ask for feedback on."""
STILL_ASKABLE_DAYS = 42
"""An interviewer may still answer this long after a rejection; older ones are never named as a to-do."""
THEME_WEIGHT, THEME_CONFIDENT_TEXTS, MIN_THEME_MENTIONS, MAX_THEME_AREAS = 0.8, 5, 2, 2


# ---- feedback coverage ----------------------------------------------------------------------


def ask_for_feedback_area(feedback: FeedbackSummary, today: dt.date) -> FocusArea | None:
    """``ask_for_feedback``, when too few rejections came with feedback; None otherwise."""
    coverage = feedback.coverage
    with_text = coverage.successes
    if with_text == coverage.n or (coverage.value >= FEEDBACK_COVERAGE_TARGET and with_text >= MIN_FEEDBACK_TEXTS):
        return None
    table = feedback.table
    rejected_silently = ((table["outcome"] == "rejected") & ~table["has_feedback"]).to_numpy()
    silent = table.loc[rejected_silently, ["furthest_stage", "dated_on", "company"]]
    interviewed = silent[silent["furthest_stage"] != "applied"]
    subject = "interview" if 2 * len(interviewed) >= len(silent) else "application"
    opening = (
        f"None of your {coverage.n} rejections came with feedback" if with_text == 0
        else f"Only {wording.count_of(with_text, coverage.n, 'rejection')} came with feedback"
    )
    texts = feedback.text_count
    read_from = f"can only be read from the {plural(texts, 'feedback text')} you have" if texts else "have no feedback text to read"
    why = (f"{opening}. That is common: {words.NORM_NO_FEEDBACK}. But the patterns on this page {read_from}, "
           "so asking is the quickest way to learn more.")
    actions = [f"Reply to each new rejection within two days with a short request, for example: “{words.FEEDBACK_REQUEST.format(subject=subject)}”"]
    since = pd.Timestamp(today) - pd.Timedelta(days=ASK_WINDOW_DAYS)
    recent = silent[silent["dated_on"] >= since]
    recent_interviews = interviewed[interviewed["dated_on"] >= pd.Timestamp(today) - pd.Timedelta(days=STILL_ASKABLE_DAYS)]
    if len(recent):
        actions.append(f"Start with the {len(recent)} rejected in the last {ASK_WINDOW_DAYS} days ({wording.name_list(recent['company'])}): they still remember you.")
    elif len(recent_interviews):
        actions.append(f"Start with the {len(recent_interviews)} rejected after an interview in the last "
                       f"{STILL_ASKABLE_DAYS} days ({wording.name_list(recent_interviews['company'])}): interviewers can say the most.")
    actions.append("Write down whatever comes back, even one line, in the feedback column of your tracker so it is counted here.")
    return FocusArea("ask_for_feedback", "Ask for feedback after each rejection", why, tuple(actions), 2 - coverage.value)


# ---- what the feedback says -----------------------------------------------------------------


def theme_areas(feedback: FeedbackSummary) -> list[FocusArea]:
    """The improvement themes most named among the texts that give a reason the candidate can act on."""
    texts = feedback.texts("improvement_themes", "weight")
    actionable = naming_any(texts, words.THEME_AREAS, "improvement_themes")
    themes = [t for t, count in feedback.improvements.items() if t in words.THEME_AREAS and count >= MIN_THEME_MENTIONS]
    themes.sort(key=lambda t: feedback.weighted_improvements[t], reverse=True)
    confidence = min(1.0, actionable.sum() / THEME_CONFIDENT_TEXTS)
    weighted_total = texts["weight"].to_numpy()[actionable].sum()
    return [
        _theme_area(theme, feedback, int(actionable.sum()), THEME_WEIGHT * feedback.weighted_improvements[theme] / weighted_total * confidence)
        for theme in themes[:MAX_THEME_AREAS]
    ]


def _theme_area(theme: str, feedback: FeedbackSummary, actionable: int, score: float) -> FocusArea:
    count = feedback.improvements[theme]
    why = (f"{wording.capitalised(words.THEME_PHRASES[theme])} came up as something to improve in "
           f"{wording.count_of(count, actionable, 'feedback text')} that give a reason you can act on")
    texts = feedback.texts("improvement_themes", "weight")
    weights = texts["weight"].to_numpy()[naming_any(texts, (theme,), "improvement_themes")]
    recent = int((weights == RECENT_WEIGHT).sum())
    if feedback.recent_since is not None and recent:
        why += f", {recent} of them from the last {RECENT_DAYS} days of your search"
    by_stage = feedback.by_stage.loc[theme]
    stage = by_stage.idxmax()
    if by_stage[stage] == count:
        why += f", all {words.STAGE_PHRASES[stage]}"
    elif 2 * by_stage[stage] > count:
        why += f", mostly {words.STAGE_PHRASES[stage]} ({by_stage[stage]})"
    why += "." + _latest_words(feedback, theme)
    title, actions = words.THEME_AREAS[theme]
    return FocusArea(f"theme_{theme}", title, why, actions, score)


def _latest_words(feedback: FeedbackSummary, theme: str) -> str:
    """ ' Most recently: “lack of experience” (Acme).' from the newest quote's evidence."""
    quote = next((q for q in feedback.quotes.get(theme, ()) if q.phrases and not q.praised), None)
    if quote is None:
        return ""
    where = f" ({quote.company})" if quote.company.strip() else ""
    return f" Most recently: “{quote.phrases[0]}”{where}."


def not_personal_area(feedback: FeedbackSummary) -> FocusArea | None:
    """``not_personal``, when some rejections named a reason outside the candidate's control; None otherwise.

    Rejections that gave no reason at all are not counted here: they say nothing either way
    (:mod:`analysis.focus.reasons`).
    """
    reasons = reasons_of(feedback)
    if reasons.not_about_you == 0:
        return None
    others = reasons.with_feedback - reasons.not_about_you - reasons.no_reason
    says = "it says" if reasons.not_about_you == 1 else "they say"
    why = (f"{wording.capitalised(plural(reasons.not_about_you, 'rejection'))} named a role that was filled, frozen, "
           f"cancelled or cut for budget: {says} nothing about you.")
    actions = [
        f"Leave {'this one' if reasons.not_about_you == 1 else f'these {reasons.not_about_you}'} out when you look "
        f"for patterns: the {plural(others, 'rejection')} that gave another reason {'is' if others == 1 else 'are'} "
        "the ones to learn from." if others else
        "Leave them out when you look for patterns, and keep asking for one specific point after each rejection."
    ]
    if reasons.not_about_you_companies:
        actions.append(f"Write back to {wording.name_list(reasons.not_about_you_companies)} with thanks "
                       "and ask to be considered if the role opens again.")
    score = 0.2 + 0.4 * reasons.not_about_you / feedback.coverage.n
    return FocusArea("not_personal", "Don't take these rejections personally", why, tuple(actions), score)


def build_on_strengths_area(feedback: FeedbackSummary) -> FocusArea | None:
    """``build_on_strengths``, from the strengths employers praised most; None when none were."""
    if not feedback.strengths:
        return None
    top = list(feedback.strengths.items())[:2]
    theme, count = top[0]
    praised = f"your {words.THEME_PHRASES[theme]} in {wording.count_of(count, feedback.text_count, 'feedback text')}"
    if len(top) > 1:
        second, second_count = top[1]
        praised += f" and your {words.THEME_PHRASES[second]} in {second_count} ({second_count / feedback.text_count:.0%})"
    phrase = words.THEME_PHRASES[theme]
    actions = [f"Lead your CV summary and your answer to “tell me about yourself” with your {phrase}."]
    quote = next((q for q in feedback.quotes.get(theme, ()) if q.praised), None)
    if quote is not None:
        who = quote.company.strip() or "an employer"
        actions.append(f"Before your next interview, reread what {who} said: “{wording.shortened(quote.text)}”")
    actions.append(f"Prepare one story that shows your {phrase} at work, with a result you can put a number on.")
    why = f"Employers praised {praised}: strengths to build on."
    score = 0.2 + 0.3 * count / feedback.text_count
    return FocusArea("build_on_strengths", "Build on what employers praised", why, tuple(actions), score)
