"""Focus areas: the few things most worth doing next, ranked by the evidence in this search.

``rank_focus_areas(funnel, segments, feedback, today)`` builds every area the data supports,
scores each, and returns the best :data:`MAX_AREAS`. When fewer than :data:`MIN_AREAS` qualify,
a ``track_outcomes`` area is added, so a very small search may still get fewer than three. With
no applications at all the result is a single ``add_applications`` area.

Scores (every area but the first is at most 1, so asking for feedback always comes first):

* ``ask_for_feedback``: 1 + the share of rejections without feedback, when some rejections came
  without it and fewer than 30% or fewer than 3 came with it: the other areas rest on feedback.
* stage areas: the share of rejections that came before any interview (``cv_and_targeting``),
  after a first or second interview (``interview_answers``), or at the final interview
  (``final_round``). Kept when at least 25% or the largest. ``cv_and_targeting`` is halved when
  the interview rate's 95% interval lies wholly above 8%, the top of the published range.
* ``theme_<id>`` (at most 2, at least 2 mentions, themes in the candidate's control): 0.8 x the
  recency-weighted share naming the theme among the texts that give a reason the candidate can
  act on x min(1, those texts / 5).
* ``switch_channel``: 0.3 + the gap in interview rate (at most 0.8), when a channel with n >= 5
  converts better than the most used one: significantly, or by 10 points and twice the rate.
  ``try_another_channel`` (0.12) when 70% or more went through one cold channel (LinkedIn, job
  boards, company sites) and at most 8% of those reached an interview.
* ``not_personal``: 0.2 + 0.4 x the share of all rejections whose feedback was outside the
  candidate's control (a closed role, or no reason given).
* ``build_on_strengths``: 0.2 + 0.3 x the share of feedback texts praising the top strength.
* ``debrief_interviews``: 0.15 + 0.3 x the share of rejections that came after an interview.
* ``follow_up``: 0.1 + 0.4 x the no-response share, when at least 20% (and 2) got no response.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

import pandas as pd

from analysis import focus_text as words
from analysis.feedback import RECENT_DAYS, RECENT_WEIGHT, FeedbackSummary, naming, naming_any
from analysis.funnel import APPLICATION_INTERVIEW_BENCHMARK, INTERVIEW_STAGES, Funnel
from analysis.segments import Segment, Segments
from analysis.stats import MIN_N
from analysis.wording import plural

MIN_AREAS, MAX_AREAS = 3, 5
FEEDBACK_COVERAGE_TARGET = 0.30
MIN_FEEDBACK_TEXTS = 3
ASK_WINDOW_DAYS = 14
"""Rejections answered this many days before today are the first to ask for feedback on."""
STAGE_AREA_SHARE = 0.25
PUBLISHED_INTERVIEW_LOW = 0.03
THEME_WEIGHT, THEME_CONFIDENT_TEXTS, MIN_THEME_MENTIONS, MAX_THEME_AREAS = 0.8, 5, 2, 2
CHANNEL_GAP = 0.10
DOMINANT_CHANNEL_SHARE = 0.7
COLD_CHANNELS = ("LinkedIn", "Job board", "Company site")
"""Channels worth trying another beside ("Other" may be an unknown source, so it is not one)."""
NO_RESPONSE_SHARE = 0.2

STAGE_GROUPS: dict[str, tuple[str, ...]] = {
    "cv_and_targeting": ("applied",),
    "interview_answers": ("first_interview", "second_interview"),
    "final_round": ("final_interview",),
}
GROUP_PHRASES = {
    "cv_and_targeting": "before any interview",
    "interview_answers": "after a first or second interview",
    "final_round": "at the final interview",
}


@dataclass(frozen=True)
class FocusArea:
    """One thing to work on: why (with the numbers) and 2-4 concrete actions."""

    id: str
    title: str
    why: str
    actions: tuple[str, ...]
    score: float

    def to_dict(self) -> dict:
        """The report's ``focus_areas`` entry: id, title, why, actions."""
        return {"id": self.id, "title": self.title, "why": self.why, "actions": list(self.actions)}


def rank_focus_areas(funnel: Funnel, segments: Segments, feedback: FeedbackSummary, today: dt.date) -> list[FocusArea]:
    """The focus areas of a search, best first (see the module docstring for the rules)."""
    if funnel.applications == 0:
        return [_add_applications()]
    areas = [
        _ask_for_feedback(feedback, today),
        *_stage_areas(funnel, feedback),
        *_theme_areas(feedback),
        _channel_area(segments),
        _not_personal(feedback),
        _build_on_strengths(feedback),
        _debrief_interviews(funnel),
        _follow_up(funnel, segments),
    ]
    ranked = sorted((area for area in areas if area is not None), key=lambda area: area.score, reverse=True)
    ranked = ranked[:MAX_AREAS]
    if len(ranked) < MIN_AREAS:
        ranked.append(_track_outcomes(funnel))
    return ranked


# ---- feedback coverage ----------------------------------------------------------------------


def _ask_for_feedback(feedback: FeedbackSummary, today: dt.date) -> FocusArea | None:
    coverage = feedback.coverage
    with_text = coverage.successes
    if with_text == coverage.n or (coverage.value >= FEEDBACK_COVERAGE_TARGET and with_text >= MIN_FEEDBACK_TEXTS):
        return None
    table = feedback.table
    silent = table[(table["outcome"] == "rejected") & ~table["has_feedback"]]
    interviewed = silent[silent["furthest_stage"] != "applied"]
    subject = "interview" if 2 * len(interviewed) >= len(silent) else "application"
    opening = (
        f"None of your {coverage.n} rejections came with feedback" if with_text == 0
        else f"Only {words.count_of(with_text, coverage.n, 'rejection')} came with feedback"
    )
    texts = feedback.text_count
    read_from = f"can only be read from the {plural(texts, 'feedback text')} you have" if texts else "have no feedback text to read"
    why = (f"{opening}. That is common: {words.NORM_NO_FEEDBACK}. But the patterns on this page {read_from}, "
           "so asking is the quickest way to learn more.")
    actions = [f"Reply to each rejection within two days with a short request, for example: “{words.FEEDBACK_REQUEST.format(subject=subject)}”"]
    recent = silent[silent["dated_on"] >= pd.Timestamp(today) - pd.Timedelta(days=ASK_WINDOW_DAYS)]
    if len(recent):
        actions.append(f"Start with the {len(recent)} rejected in the last {ASK_WINDOW_DAYS} days ({words.name_list(recent['company'])}): they still remember you.")
    elif len(interviewed):
        actions.append(f"Start with the {len(interviewed)} rejected after an interview ({words.name_list(interviewed['company'])}): interviewers can say the most.")
    actions.append("Write down whatever comes back, even one line, in the feedback column of your tracker so it is counted here.")
    return FocusArea("ask_for_feedback", "Ask for feedback after each rejection", why, tuple(actions), 2 - coverage.value)


# ---- where in the funnel --------------------------------------------------------------------


def _stage_areas(funnel: Funnel, feedback: FeedbackSummary) -> Iterator[FocusArea]:
    rejected = {group: sum(funnel.stage(s).ended["rejected"] for s in stages) for group, stages in STAGE_GROUPS.items()}
    total = funnel.overview.outcomes["rejected"]
    if total == 0:
        return
    largest = max(rejected, key=rejected.get)
    for group, count in rejected.items():
        if count and (count / total >= STAGE_AREA_SHARE or group == largest):
            yield _stage_area(group, count, total, funnel, feedback)


def _stage_area(group: str, count: int, total: int, funnel: Funnel, feedback: FeedbackSummary) -> FocusArea:
    why = f"{words.count_of(count, total, 'rejection')} came {GROUP_PHRASES[group]}."
    score = count / total
    if group == "cv_and_targeting":
        why += _interview_rate_sentence(funnel)
        if funnel.overview.interview_rate.low >= APPLICATION_INTERVIEW_BENCHMARK:
            score /= 2
    elif group == "interview_answers":
        why += _first_interview_sentence(funnel)
    else:
        why += (f" Reaching {funnel.stage('final_interview').reached} final rounds shows your profile works; "
                f"{words.NORM_FINAL}, {words.EMPLOYER_CAVEAT}, so some finals go to one strong rival.")
    why += _stage_theme_sentence(feedback, STAGE_GROUPS[group])
    wording = words.STAGE_AREAS[group]
    return FocusArea(group, wording["title"], why, wording["actions"], score)


def _interview_rate_sentence(funnel: Funnel) -> str:
    """Where the interview rate sits against the published 3-8% range; nothing when too few."""
    rate = funnel.overview.interview_rate
    if rate.too_few:
        return ""
    if rate.value < PUBLISHED_INTERVIEW_LOW:
        reached = f"None of your {rate.n}" if rate.successes == 0 else f"Only {rate.label()} of your"
        return (f" {reached} applications reached an interview, below {words.NORM_INTERVIEW_RANGE} "
                f"({words.NORM_INTERVIEW_SOURCES}); those are {words.EMPLOYER_CAVEAT}, so a targeted search should beat them.")
    place = "inside" if rate.value <= APPLICATION_INTERVIEW_BENCHMARK else "above"
    return (f" Your interview rate, {rate.label()}, is {place} {words.NORM_INTERVIEW_RANGE} "
            f"({words.NORM_INTERVIEW_SOURCES}; {words.EMPLOYER_CAVEAT}), so the CV is not the problem; "
            "sharper targeting is what gains most here.")


def _first_interview_sentence(funnel: Funnel) -> str:
    rate = funnel.stage("first_interview").decided_pass_rate
    if rate is None or rate.too_few:
        return ""
    return f" {words.count_of(rate.successes, rate.n, 'decided first interview')} led to another round."


def _stage_theme_sentence(feedback: FeedbackSummary, stages: tuple[str, ...]) -> str:
    """The improvement theme most named at these stages, when at least two texts name it."""
    texts = int(feedback.texts("furthest_stage")["furthest_stage"].isin(stages).sum())
    counts = feedback.by_stage.loc[[t for t in feedback.by_stage.index if t in words.THEME_AREAS], list(stages)].sum(axis=1)
    if counts.empty or counts.max() < MIN_THEME_MENTIONS:
        return ""
    theme = counts.idxmax()
    return f" {int(counts[theme])} of the {texts} feedback texts from this point name {words.THEME_PHRASES[theme]}."


# ---- what the feedback says -----------------------------------------------------------------


def _theme_areas(feedback: FeedbackSummary) -> list[FocusArea]:
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
    why = (f"{words.capitalised(words.THEME_PHRASES[theme])} came up as something to improve in "
           f"{words.count_of(count, actionable, 'feedback text')} that give a reason you can act on")
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


def _not_personal(feedback: FeedbackSummary) -> FocusArea | None:
    rate = feedback.outside_control
    if rate.successes == 0:
        return None
    table = feedback.table
    rejected_outside = ((table["outcome"] == "rejected") & table["outside_control"]).to_numpy()
    outside = table.loc[rejected_outside, ["company", "improvement_themes"]]
    closed = naming(outside, "role_closed", "improvement_themes")
    generic = len(outside) - len(closed)
    others = rate.n - rate.successes
    reasons = " and ".join(
        f"{'it' if rate.n == 1 else count} {reason}"
        for count, reason in ((len(closed), "named a role that was filled, frozen or cancelled"), (generic, "gave no specific reason"))
        if count
    )
    subject, verb = words.of_the(rate.successes, rate.n, "rejection")
    share = f" ({rate.percent()})" if others else ""
    why = f"{subject} that came with feedback{share} {verb} not about you: {reasons}."
    actions = [
        f"Leave {'this one' if rate.successes == 1 else f'these {rate.successes}'} out when you look for patterns: "
        f"the other {plural(others, 'rejection')} with feedback {'is' if others == 1 else 'are'} the ones to learn from."
        if others else "None of your rejections with feedback says anything about you yet: keep applying and keep asking for specifics."
    ]
    if len(closed):
        actions.append(f"Write back to {words.name_list(closed['company'])} with thanks and ask to be considered if the role opens again.")
    if generic:
        actions.append("Answer a generic rejection with one polite request for a specific point; if none comes, move on.")
    score = 0.2 + 0.4 * rate.successes / feedback.coverage.n
    return FocusArea("not_personal", "Don't take these rejections personally", why, tuple(actions), score)


def _build_on_strengths(feedback: FeedbackSummary) -> FocusArea | None:
    if not feedback.strengths:
        return None
    top = list(feedback.strengths.items())[:2]
    theme, count = top[0]
    praised = f"your {words.THEME_PHRASES[theme]} in {words.count_of(count, feedback.text_count, 'feedback text')}"
    if len(top) > 1:
        second, second_count = top[1]
        praised += f" and your {words.THEME_PHRASES[second]} in {second_count} ({second_count / feedback.text_count:.0%})"
    phrase = words.THEME_PHRASES[theme]
    actions = [f"Lead your CV summary and your answer to “tell me about yourself” with your {phrase}."]
    quote = next((q for q in feedback.quotes.get(theme, ()) if q.praised), None)
    if quote is not None:
        who = quote.company.strip() or "an employer"
        actions.append(f"Before your next interview, reread what {who} said: “{words.shortened(quote.text)}”")
    actions.append(f"Prepare one story that shows your {phrase} at work, with a result you can put a number on.")
    why = f"Employers praised {praised}: strengths to build on."
    score = 0.2 + 0.3 * count / feedback.text_count
    return FocusArea("build_on_strengths", "Build on what employers praised", why, tuple(actions), score)


# ---- channels, interviews, silence ----------------------------------------------------------


def _channel_area(segments: Segments) -> FocusArea | None:
    channels = segments.channel.segments
    usable = [s for s in channels if s.applications >= MIN_N]
    if not usable:
        return None
    total = sum(s.applications for s in channels)
    main = max(usable, key=lambda s: s.applications)
    better = [s for s in usable if s is not main and _converts_better(s, main)]
    if better:
        return _switch_channel(max(better, key=lambda s: s.interview_rate.value), main, total)
    dominant = len(usable) == 1 and main.applications / total >= DOMINANT_CHANNEL_SHARE
    if dominant and main.name in COLD_CHANNELS and main.interview_rate.value <= APPLICATION_INTERVIEW_BENCHMARK:
        return _try_another_channel(main, total)
    return None


def _converts_better(channel: Segment, main: Segment) -> bool:
    """Clearly better: a significant verdict either way, or 10 points ahead at twice the rate."""
    rate, main_rate = channel.interview_rate.value, main.interview_rate.value
    if rate <= main_rate:
        return False
    significant = channel.verdict == "better" or main.verdict == "worse"
    return significant or (rate - main_rate >= CHANNEL_GAP and rate >= 2 * main_rate)


def _interviews_of(segment: Segment) -> str:
    rate = segment.interview_rate
    return f"{rate.successes} of {rate.n} applications ({rate.percent()})"


def _switch_channel(best: Segment, main: Segment, total: int) -> FocusArea:
    best_name, main_name = words.channel_name(best.name), words.channel_name(main.name)
    why = (f"{words.capitalised(best_name)} got you an interview in {_interviews_of(best)}, against {_interviews_of(main)} "
           f"through {main_name}, where {words.count_of(main.applications, total, 'application')} went.")
    if best.verdict == "better" or main.verdict == "worse":
        why += " The difference is significant (Fisher's exact test at 5%)."
    else:
        why += " The gap is large, though with these numbers not yet certain."
    if best.name in words.NORM_CHANNELS and main.name in ("Job board", "Company site"):
        why += f" Published data points the same way: {words.NORM_CHANNELS[best.name]}, {words.EMPLOYER_CAVEAT}."
    actions = (
        f"Send at least half of next week's applications through {best_name}.",
        words.CHANNEL_HOW.get(best.name, words.CHANNEL_HOW["Other"]),
        f"Keep {main_name} for postings that fit you closely, and stop sending untailored applications there.",
    )
    gap = best.interview_rate.value - main.interview_rate.value
    return FocusArea("switch_channel", f"Send more applications through {best_name}", why, actions, 0.3 + min(gap, 0.5))


def _try_another_channel(main: Segment, total: int) -> FocusArea:
    main_name = words.channel_name(main.name)
    why = (f"{words.count_of(main.applications, total, 'application')} went through {main_name}, with an interview rate of "
           f"{main.interview_rate.label()}; no other channel has the {MIN_N} applications needed to compare. "
           f"For scale: {words.NORM_CHANNELS['Referral']}, {words.EMPLOYER_CAVEAT}.")
    actions = (
        f"Send your next five applications through referrals or recruiters, so you can compare them with {main_name}.",
        words.CHANNEL_HOW["Referral"],
    )
    return FocusArea("try_another_channel", "Try a second channel", why, actions, 0.12)


def _debrief_interviews(funnel: Funnel) -> FocusArea | None:
    interviews = funnel.stage("first_interview").reached
    if interviews == 0:
        return None
    after = sum(funnel.stage(stage).ended["rejected"] for stage in INTERVIEW_STAGES)
    rejections = funnel.overview.outcomes["rejected"]
    why = (f"{words.count_of(interviews, funnel.applications, 'application')} reached an interview"
           + (f", and {after} of them ended in a rejection" if after else "")
           + ". Notes you write the same day are feedback you get every time, even when the employer sends none.")
    score = 0.15 + 0.3 * (after / rejections if rejections else 0)
    return FocusArea("debrief_interviews", "Debrief after every interview", why, words.DEBRIEF_ACTIONS, score)


def _follow_up(funnel: Funnel, segments: Segments) -> FocusArea | None:
    overview = funnel.overview
    silent = overview.outcomes["no_response"]
    if silent < 2 or silent / overview.applications < NO_RESPONSE_SHARE:
        return None
    inferred = f" ({overview.no_response_inferred} of them judged from the dates)" if overview.no_response_inferred else ""
    why = (f"{words.count_of(silent, overview.applications, 'application')} never got a response{inferred}. "
           f"Silence is common, {words.NORM_UNACKNOWLEDGED}: it says nothing about you, but it costs you time.")
    actions = [
        "One week after applying, send one short follow-up to the recruiter or hiring manager; "
        "after three weeks of silence, mark it no response and stop waiting.",
        _response_gap(segments) or "For the roles you want most, write to a named person at the company instead of waiting on the portal.",
    ]
    return FocusArea("follow_up", "Follow up once, then move on", why, tuple(actions), 0.1 + 0.4 * silent / overview.applications)


def _response_gap(segments: Segments) -> str:
    """Which channel answers least and which most, when 10 points or more apart (n >= 5 each)."""
    usable = [s for s in segments.channel.segments if s.applications >= MIN_N]
    if len(usable) < 2:
        return ""
    worst = min(usable, key=lambda s: s.response_rate.value)
    best = max(usable, key=lambda s: s.response_rate.value)
    if best.response_rate.value - worst.response_rate.value < CHANNEL_GAP:
        return ""
    worst_name, best_name = words.channel_name(worst.name), words.channel_name(best.name)
    return (f"{words.capitalised(worst_name)} answered {worst.response_rate.successes} of {worst.applications} applications, "
            f"{best_name} {best.response_rate.successes} of {best.applications}: move effort to {best_name}.")


# ---- little data ----------------------------------------------------------------------------


def _track_outcomes(funnel: Funnel) -> FocusArea:
    overview = funnel.overview
    open_count = overview.outcomes["in_progress"]
    why = (f"You have logged {plural(overview.applications, 'application')}, "
           f"{open_count} still in progress; rates with fewer than {MIN_N} answers are too few to tell, "
           "so every outcome you log sharpens this page.")
    return FocusArea("track_outcomes", "Keep your tracker up to date", why, words.TRACK_ACTIONS, 0.05)


def _add_applications() -> FocusArea:
    why = "There are no applications to analyse yet: focus areas need rows with at least a stage and an outcome."
    return FocusArea("add_applications", "Add your applications", why, words.ADD_APPLICATIONS_ACTIONS, 0.0)
