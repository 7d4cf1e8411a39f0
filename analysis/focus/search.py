"""Focus areas drawn from the search itself: funnel stages, channels, interviews, silence, little data.

The scoring rules are documented in one place, the :mod:`analysis.focus.ranking` docstring.
"""
from __future__ import annotations

from collections.abc import Iterator

from analysis.core import wording
from analysis.core.stats import MIN_N, RELATION_WORDS
from analysis.core.wording import plural
from analysis.feedback.summary import FeedbackSummary
from analysis.focus import texts as words
from analysis.focus.area import FocusArea
from analysis.focus.feedback import MIN_THEME_MENTIONS
from analysis.focus.followup import DEFAULT_RULE, FollowUpRule
from analysis.funnel.bottleneck import (
    APPLICATION_INTERVIEW_BENCHMARK,
    INTERVIEW_STAGES,
    PUBLISHED_INTERVIEW_RANGE,
    interview_rate_position,
    published_interview_rate,
)
from analysis.funnel.segments import Segment, Segments
from analysis.funnel.stages import Funnel

STAGE_AREA_SHARE = 0.25
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


# ---- where in the funnel --------------------------------------------------------------------


def stage_areas(funnel: Funnel, feedback: FeedbackSummary) -> Iterator[FocusArea]:
    """One area per funnel stage group holding at least 25% of the rejections, or the most."""
    rejected = {group: sum(funnel.stage(s).ended["rejected"] for s in stages) for group, stages in STAGE_GROUPS.items()}
    total = funnel.overview.outcomes["rejected"]
    if total == 0:
        return
    largest = max(rejected, key=rejected.get)
    for group, count in rejected.items():
        if count and (count / total >= STAGE_AREA_SHARE or group == largest):
            yield _stage_area(group, count, total, funnel, feedback)


def _stage_area(group: str, count: int, total: int, funnel: Funnel, feedback: FeedbackSummary) -> FocusArea:
    why = f"{wording.count_of(count, total, 'rejection')} came {GROUP_PHRASES[group]}."
    score = count / total
    if group == "cv_and_targeting":
        why += _interview_rate_sentence(funnel)
        if interview_rate_position(published_interview_rate(funnel)) == "above":
            score /= 2
    elif group == "interview_answers":
        why += _first_interview_sentence(funnel)
    else:
        why += (f" Reaching {funnel.stage('final_interview').reached} final rounds shows your profile works; "
                f"{words.NORM_FINAL}, {words.EMPLOYER_CAVEAT}, so some finals go to one strong rival.")
    why += _stage_theme_sentence(feedback, STAGE_GROUPS[group])
    area = words.STAGE_AREAS[group]
    if group == "cv_and_targeting" and _cv_works(funnel):
        area = words.TARGETING_AREA  # the CV gets interviews as often as most: do not tell the user to rewrite it
    return FocusArea(group, area["title"], why, area["actions"], score)


def _cv_works(funnel: Funnel) -> bool:
    """True when the interview rate is known and not below the published range (nor under its bottom and unclear)."""
    rate = published_interview_rate(funnel)
    position = interview_rate_position(rate)
    return position in ("within", "above") or (position == "unclear" and rate.value >= PUBLISHED_INTERVIEW_RANGE[0])


def _interview_rate_sentence(funnel: Funnel) -> str:
    """Where the interview rate sits against the published 3-8% range, with the verdict of the Plan page and the
    summary (:func:`analysis.funnel.bottleneck.interview_rate_position`); nothing when too few."""
    rate = published_interview_rate(funnel)
    position = interview_rate_position(rate)
    if position == "too few":
        return ""
    sources = f"({words.NORM_INTERVIEW_SOURCES}; {words.EMPLOYER_CAVEAT})"
    if position == "below" or not _cv_works(funnel):
        reached = (f"None of your {rate.n}" if rate.successes == 0 else
                   f"Only {rate.successes} of your {rate.n} ({rate.percent()})")
        return (f" {reached} decided applications reached an interview, "
                f"{RELATION_WORDS[position]} {words.NORM_INTERVIEW_RANGE} {sources}, so a targeted search should beat it.")
    return (f" Your interview rate, {rate.percent()} of {rate.n} decided applications, is "
            f"{RELATION_WORDS[position]} {words.NORM_INTERVIEW_RANGE} {sources}, so your CV gets interviews as often as "
            "most; sharper targeting and better channels gain more than rewriting it.")


def _first_interview_sentence(funnel: Funnel) -> str:
    rate = funnel.stage("first_interview").decided_pass_rate
    if rate is None or rate.too_few:
        return ""
    return f" {wording.count_of(rate.successes, rate.n, 'decided first interview')} led to another round."


def _stage_theme_sentence(feedback: FeedbackSummary, stages: tuple[str, ...]) -> str:
    """The improvement theme most named at these stages, when at least two texts name it."""
    texts = int(feedback.texts("furthest_stage")["furthest_stage"].isin(stages).sum())
    counts = feedback.by_stage.loc[[t for t in feedback.by_stage.index if t in words.THEME_AREAS], list(stages)].sum(axis=1)
    if counts.empty or counts.max() < MIN_THEME_MENTIONS:
        return ""
    theme = counts.idxmax()
    return f" {int(counts[theme])} of the {texts} feedback texts from this point name {words.THEME_PHRASES[theme]}."


# ---- channels, interviews, silence ----------------------------------------------------------


def channel_area(segments: Segments) -> FocusArea | None:
    """``switch_channel`` or ``try_another_channel`` when the channels call for it; None otherwise."""
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
    best_name, main_name = wording.channel_name(best.name), wording.channel_name(main.name)
    why = (f"{wording.capitalised(best_name)} got you an interview in {_interviews_of(best)}, against {_interviews_of(main)} "
           f"through {main_name}, where {wording.count_of(main.applications, total, 'application')} went.")
    if best.verdict == "better" or main.verdict == "worse":
        why += " A gap this large is very unlikely to be chance."
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
    main_name = wording.channel_name(main.name)
    why = (f"{wording.count_of(main.applications, total, 'application')} went through {main_name}, with an interview rate of "
           f"{main.interview_rate.label()}; no other channel has the {MIN_N} applications needed to compare. "
           f"For scale: {words.NORM_CHANNELS['Referral']}, {words.EMPLOYER_CAVEAT}.")
    actions = (
        f"Send your next five applications through referrals or recruiters, so you can compare them with {main_name}.",
        words.CHANNEL_HOW["Referral"],
    )
    return FocusArea("try_another_channel", "Try a second channel", why, actions, 0.12)


def debrief_interviews_area(funnel: Funnel) -> FocusArea | None:
    """``debrief_interviews``, once any application reached an interview; None before."""
    interviews = funnel.stage("first_interview").reached
    if interviews == 0:
        return None
    after = sum(funnel.stage(stage).ended["rejected"] for stage in INTERVIEW_STAGES)
    rejections = funnel.overview.outcomes["rejected"]
    why = (f"{wording.count_of(interviews, funnel.applications, 'application')} reached an interview"
           + (f", and {after} of them ended in a rejection" if after else "")
           + ". Notes you write the same day are feedback you get every time, even when the employer sends none.")
    score = 0.15 + 0.3 * (after / rejections if rejections else 0)
    return FocusArea("debrief_interviews", "Debrief after every interview", why, words.DEBRIEF_ACTIONS, score)


def follow_up_area(funnel: Funnel, segments: Segments, rule: FollowUpRule = DEFAULT_RULE) -> FocusArea | None:
    """``follow_up``, when at least 20% (and 2) of the applications got no response; None otherwise.

    Its timing is the app's one follow-up ``rule`` (from the user's no-response window)."""
    overview = funnel.overview
    silent = overview.outcomes["no_response"]
    if silent < 2 or silent / overview.applications < NO_RESPONSE_SHARE:
        return None
    inferred = f" ({overview.no_response_inferred} of them judged from the dates)" if overview.no_response_inferred else ""
    why = (f"{wording.count_of(silent, overview.applications, 'application')} never got a response{inferred}. "
           f"Silence is common, {words.NORM_UNACKNOWLEDGED}: it says nothing about you, but it costs you time.")
    actions = [
        rule.sentence() + " Send it to the recruiter or the hiring manager, in two or three lines.",
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
    worst_name, best_name = wording.channel_name(worst.name), wording.channel_name(best.name)
    return (f"{wording.capitalised(worst_name)} answered {worst.response_rate.successes} of {worst.applications} applications, "
            f"{best_name} {best.response_rate.successes} of {best.applications}: move effort to {best_name}.")


# ---- little data ----------------------------------------------------------------------------


def track_outcomes_area(funnel: Funnel) -> FocusArea:
    """``track_outcomes``: the filler area when too few others qualify."""
    overview = funnel.overview
    open_count = overview.outcomes["in_progress"]
    why = (f"You have logged {plural(overview.applications, 'application')}, "
           f"{open_count} still in progress; rates with fewer than {MIN_N} answers are too few to tell, "
           "so every outcome you log sharpens this page.")
    return FocusArea("track_outcomes", "Keep your tracker up to date", why, words.TRACK_ACTIONS, 0.05)


def add_applications_area() -> FocusArea:
    """``add_applications``: the only area of a search with no applications."""
    why = "There are no applications to analyse yet: focus areas need rows with at least a stage and an outcome."
    return FocusArea("add_applications", "Add your applications", why, words.ADD_APPLICATIONS_ACTIONS, 0.0)
