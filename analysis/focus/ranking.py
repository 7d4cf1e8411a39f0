"""Focus areas: the few things most worth doing next, ranked by the evidence in this search.

``rank_focus_areas(funnel, segments, feedback, today)`` builds every area the data supports,
scores each, and returns the best :data:`MAX_AREAS`. When fewer than :data:`MIN_AREAS` qualify,
a ``track_outcomes`` area is added, so a very small search may still get fewer than three. With
no applications at all the result is a single ``add_applications`` area. The areas themselves are
built in :mod:`analysis.focus.feedback` (asking for feedback and what it says) and
:mod:`analysis.focus.search` (funnel stages, channels, interviews, silence, little data).

Scores (asking for feedback, when it appears, always comes first):

* The area of the biggest loss leads the rest (score at least 1.05, still below asking for feedback,
  which is at least 4/3 when it appears): where the most applications
  ended without moving on, rejected before any interview (``cv_and_targeting``), rejected after a
  first or second interview (``interview_answers``) or at the final one (``final_round``), or
  never answered (``follow_up``). At least :data:`MIN_LOSSES` ended applications are needed, and
  rejections before interview do not lead when the interview rate is clearly above the published
  range (the ``cv_and_targeting`` score is halved then, and the feedback's own theme may lead).

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

import dataclasses
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
from analysis.funnel.bottleneck import interview_rate_position, published_interview_rate
from analysis.funnel.segments import Segments
from analysis.funnel.stages import Funnel

MIN_AREAS, MAX_AREAS = 3, 5
LEAD_SCORE, MIN_LOSSES = 1.05, 5


def biggest_loss(funnel: Funnel) -> str | None:
    """The id of the area where the search loses the most applications (see the module docstring), or None."""
    losses = {
        "cv_and_targeting": funnel.stage("applied").ended["rejected"],
        "interview_answers": sum(funnel.stage(stage).ended["rejected"] for stage in ("first_interview", "second_interview")),
        "final_round": funnel.stage("final_interview").ended["rejected"],
        "follow_up": funnel.overview.outcomes["no_response"],
    }
    if sum(losses.values()) < MIN_LOSSES:
        return None
    lead = max(losses, key=losses.get)
    if lead == "cv_and_targeting" and interview_rate_position(published_interview_rate(funnel)) == "above":
        return None
    return lead


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
    lead = biggest_loss(funnel)
    found = [area if area is None or area.id != lead else dataclasses.replace(area, score=max(area.score, LEAD_SCORE))
             for area in areas]
    ranked = sorted((area for area in found if area is not None), key=lambda area: area.score, reverse=True)
    ranked = ranked[:MAX_AREAS]
    if len(ranked) < MIN_AREAS:
        ranked.append(track_outcomes_area(funnel))
    return ranked
