"""Focus areas: the few things most worth doing next, ranked by the evidence in this search.

``rank_focus_areas(funnel, segments, feedback, today)`` builds every area the data supports,
scores each, and returns the best :data:`MAX_AREAS`. When fewer than :data:`MIN_AREAS` qualify,
a ``track_outcomes`` area is added, so a very small search may still get fewer than three. With
no applications at all the result is a single ``add_applications`` area. The areas themselves are
built in :mod:`analysis.focus.feedback` (asking for feedback and what it says) and
:mod:`analysis.focus.search` (funnel stages, channels, interviews, silence, little data).

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
* ``not_personal``: 0.2 + 0.4 x the share of the rejections with feedback that name a reason
  outside the candidate's control (a closed role: :mod:`analysis.focus.reasons`). Rejections that
  gave no reason count for no area: they are neither a to-do nor a comfort.
* ``build_on_strengths``: 0.2 + 0.3 x the share of feedback texts praising the top strength.
* ``debrief_interviews``: 0.15 + 0.3 x the share of rejections that came after an interview.
* ``follow_up``: 0.1 + 0.4 x the no-response share, when at least 20% (and 2) got no response.
"""
from __future__ import annotations

import datetime as dt

from analysis.feedback.summary import FeedbackSummary
from analysis.focus.area import FocusArea
from analysis.focus.feedback import (
    ask_for_feedback_area,
    build_on_strengths_area,
    not_personal_area,
    theme_areas,
)
from analysis.focus.followup import DEFAULT_RULE, FollowUpRule
from analysis.focus.search import (
    add_applications_area,
    channel_area,
    debrief_interviews_area,
    follow_up_area,
    stage_areas,
    track_outcomes_area,
)
from analysis.funnel.segments import Segments
from analysis.funnel.stages import Funnel

MIN_AREAS, MAX_AREAS = 3, 5


def rank_focus_areas(funnel: Funnel, segments: Segments, feedback: FeedbackSummary, today: dt.date,
                     rule: FollowUpRule = DEFAULT_RULE) -> list[FocusArea]:
    """The focus areas of a search, best first (see the module docstring for the rules); ``rule`` is the
    follow-up rule of the user's no-response window."""
    if funnel.applications == 0:
        return [add_applications_area()]
    areas = [
        ask_for_feedback_area(feedback, today),
        *stage_areas(funnel, feedback),
        *theme_areas(feedback),
        channel_area(segments),
        not_personal_area(feedback),
        build_on_strengths_area(feedback),
        debrief_interviews_area(funnel),
        follow_up_area(funnel, segments, rule),
    ]
    ranked = sorted((area for area in areas if area is not None), key=lambda area: area.score, reverse=True)
    ranked = ranked[:MAX_AREAS]
    if len(ranked) < MIN_AREAS:
        ranked.append(track_outcomes_area(funnel))
    return ranked
