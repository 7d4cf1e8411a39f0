"""The applications behind a point of a chart: the drill-down of the Funnel and Feedback pages.

Each selectable chart tags its points with ``customdata`` naming what the point stands for;
the name is the point's customdata itself, or its *last* element when the customdata is a list
(the rate bars keep their 95% interval in the first two). :func:`applications_for` turns a
selected point, as ``st.plotly_chart(on_select=...)`` reports it, back into rows of the canonical
table, and :func:`describe` says in words which rows they are.

Chart ids and point names:

========== ===================================== ===========================================================
chart id   point name (customdata)               applications
========== ===================================== ===========================================================
funnel     a stage id ("first_interview")        that reached the stage (its furthest stage or later; an
                                                 offer outcome counts as the offer stage), as the bar counts
rejections a stage id                            whose furthest stage is that stage and that were rejected
sankey     "source>target" (a flow): stage ids   "a>b" with b a stage: that reached b; "a>o" with o an
           and outcome ids ("applied>rejected")  outcome: whose furthest stage is a and that ended with o;
           or a node: a stage or outcome id      a stage node: that reached it; an outcome node: that ended so
channels   a channel ("LinkedIn")                from that channel
trend      "week:YYYY-MM-DD" (the week's Monday) applied in that ISO week
           or "month:YYYY-MM"                    applied in that calendar month
themes     a theme id ("experience"), optionally whose feedback names the theme as something to improve
           "theme/stage" ("experience/offer")    (at that furthest stage); needs the FeedbackSummary
strengths  a theme id, optionally "theme/stage"  whose feedback praises the theme (at that stage)
========== ===================================== ===========================================================

Nothing here imports Streamlit; the input table is never modified.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from analysis.core.schema import OUTCOME_LABELS, OUTCOMES, STAGES
from analysis.core.wording import theme_name
from analysis.feedback.summary import FeedbackSummary
from analysis.funnel.sankey import NODE_LABELS, Flow
from analysis.funnel.stages import stage_positions

FEEDBACK_CHARTS: dict[str, str] = {"themes": "improvement_themes", "strengths": "strength_themes"}
"""Chart ids answered from the feedback summary, and the column of its table they read."""
TABLE_COLUMNS: tuple[str, ...] = ("company", "role", "applied_on", "outcome", "furthest_stage", "feedback")
"""The columns the drill-down table shows, in order."""

_STAGE_NAMES: dict[str, str] = {
    "applied": "Applied",
    "first_interview": "First interview",
    "second_interview": "Second interview",
    "final_interview": "Final interview",
    "offer": "Offer",
}


def node_id(label: str) -> str:
    """The stage or outcome id of a Sankey node's label (stages first: "Offer" is the offer stage)."""
    for stage, name in NODE_LABELS.items():
        if name == label:
            return stage
    return next((outcome for outcome, name in OUTCOME_LABELS.items() if name == label), label)


def flow_name(flow: Flow) -> str:
    """The point name of a Sankey flow: "applied>first_interview", "first_interview>rejected"."""
    return f"{node_id(flow.source)}>{node_id(flow.target)}"


def point_name(point: Mapping[str, Any]) -> str | None:
    """What a selected point stands for: its customdata, or the customdata's last element."""
    data = point.get("customdata")
    if isinstance(data, (list, tuple)):
        data = data[-1] if data else None
    if data is None or (isinstance(data, float) and np.isnan(data)):
        return None
    text = str(data).strip()
    return text or None


def applications_for(apps: pd.DataFrame, chart_id: str, point: Mapping[str, Any],
                     feedback: FeedbackSummary | None = None) -> pd.DataFrame:
    """The rows of ``apps`` behind one selected point of chart ``chart_id`` (module docstring).

    ``point`` is a point as Streamlit reports it (a dict with ``customdata``); a bare name is
    accepted as ``{"customdata": name}``. ``feedback`` is the summary of ``apps`` (needed by the
    ``themes`` and ``strengths`` charts). A point that names nothing known gives no rows.
    """
    name = point_name(point)
    if name is None:
        return apps.iloc[0:0]
    return apps[_mask(apps, chart_id, name, feedback)]


def applications_for_points(apps: pd.DataFrame, chart_id: str, points: Iterable[Mapping[str, Any]],
                            feedback: FeedbackSummary | None = None) -> pd.DataFrame:
    """The rows behind any of several selected points (each row once, in table order)."""
    keep = np.zeros(len(apps), dtype=bool)
    for point in points:
        name = point_name(point)
        if name is not None:
            keep |= _mask(apps, chart_id, name, feedback)
    return apps[keep]


def describe(chart_id: str, names: Iterable[str], count: int) -> str:
    """ "Showing the 12 applications that reached First interview" for the selected point names."""
    phrases = list(dict.fromkeys(_phrase(chart_id, name) for name in names))
    noun = "application" if count == 1 else "applications"
    return f"Showing the {count} {noun} " + " or ".join(phrases)


def _mask(apps: pd.DataFrame, chart_id: str, name: str, feedback: FeedbackSummary | None) -> np.ndarray:
    """A boolean array over ``apps``: the rows behind the point called ``name``."""
    nothing = np.zeros(len(apps), dtype=bool)
    if chart_id == "funnel":
        return _reached(apps, name)
    if chart_id == "rejections":
        return _ended(apps, name, "rejected")
    if chart_id == "sankey":
        source, _, target = name.partition(">")
        if not target:
            return _reached(apps, source) if source in STAGES else _outcome(apps, source)
        if target in STAGES:
            return _reached(apps, target)
        return _ended(apps, source, target)
    if chart_id == "channels":
        return (apps["channel"].astype(str) == name).to_numpy()
    if chart_id == "trend":
        return _period(apps["applied_on"], name)
    if chart_id in FEEDBACK_CHARTS:
        if feedback is None:
            raise ValueError(f"the {chart_id} chart needs the feedback summary of the applications")
        return _theme(apps, feedback, FEEDBACK_CHARTS[chart_id], name)
    return nothing


def _stage_index(stage: str) -> int | None:
    return STAGES.index(stage) if stage in STAGES else None


def _reached(apps: pd.DataFrame, stage: str) -> np.ndarray:
    index = _stage_index(stage)
    if index is None:
        return np.zeros(len(apps), dtype=bool)
    return stage_positions(apps).to_numpy() >= index


def _ended(apps: pd.DataFrame, stage: str, outcome: str) -> np.ndarray:
    index = _stage_index(stage)
    if index is None or outcome not in OUTCOMES:
        return np.zeros(len(apps), dtype=bool)
    return (stage_positions(apps).to_numpy() == index) & (apps["outcome"].astype(str) == outcome).to_numpy()


def _outcome(apps: pd.DataFrame, outcome: str) -> np.ndarray:
    return (apps["outcome"].astype(str) == outcome).to_numpy()


def _period(applied_on: pd.Series, name: str) -> np.ndarray:
    """``week:YYYY-MM-DD`` (the ISO week starting that Monday) or ``month:YYYY-MM``."""
    kind, _, value = name.partition(":")
    days = applied_on.dt.normalize()
    try:
        if kind == "week":
            start = pd.Timestamp(dt.date.fromisoformat(value))
            start -= pd.Timedelta(days=start.weekday())
            return ((days >= start) & (days < start + pd.Timedelta(days=7))).to_numpy()
        if kind == "month":
            start = pd.Timestamp(value + "-01")
            return ((days >= start) & (days < start + pd.offsets.MonthBegin(1))).to_numpy()
    except ValueError:
        pass
    return np.zeros(len(applied_on), dtype=bool)


def _theme(apps: pd.DataFrame, feedback: FeedbackSummary, column: str, name: str) -> np.ndarray:
    """Rows whose feedback names the theme in ``column`` (the summary's table is in the order of ``apps``)."""
    theme, _, stage = name.partition("/")
    table = feedback.table
    if len(table) != len(apps):
        raise ValueError("the feedback summary is not the summary of these applications")
    names = np.array([theme in found for found in table[column]], dtype=bool)
    if stage:
        index = _stage_index(stage)
        names &= stage_positions(apps).to_numpy() == index if index is not None else False
    return names


def _phrase(chart_id: str, name: str) -> str:
    """What the rows behind one point have in common, after "the N applications"."""
    if chart_id == "funnel":
        return f"that reached {_node(name)}" if name != "applied" else "sent"
    if chart_id == "rejections":
        return _ending(name, "rejected")
    if chart_id == "sankey":
        source, _, target = name.partition(">")
        if not target:
            if source in STAGES:
                return "sent" if source == "applied" else f"that reached {_node(source)}"
            return f"that ended {OUTCOME_LABELS.get(source, source)}"
        if target in STAGES:
            return f"that reached {_node(target)}"
        return _ending(source, target)
    if chart_id == "channels":
        return f"sent through {name}"
    if chart_id == "trend":
        kind, _, value = name.partition(":")
        try:
            if kind == "week":
                start = dt.date.fromisoformat(value)
                return f"sent in the week of {start:%d %b %Y}"
            if kind == "month":
                return f"sent in {dt.date.fromisoformat(value + '-01'):%B %Y}"
        except ValueError:
            pass
        return f"sent in {value}"
    if chart_id in FEEDBACK_CHARTS:
        theme, _, stage = name.partition("/")
        verb = "names" if chart_id == "themes" else "praises"
        where = f" ({_node(stage)})" if stage else ""
        return f"whose feedback {verb} {theme_name(theme).lower()}{where}"
    return f"behind {name}"


def _ending(stage: str, outcome: str) -> str:
    """ "rejected at First interview", "withdrawn before any interview", "that ended at Offer: Offer"..."""
    where = "before any interview" if stage == "applied" else f"at {_node(stage)}"
    if outcome == "rejected":
        return f"rejected {where}"
    if outcome == "withdrawn":
        return f"withdrawn {where}"
    if outcome == "no_response":
        return "that never got a response" if stage == "applied" else f"with no response after {_node(stage)}"
    if outcome == "in_progress":
        return "still waiting for an answer" if stage == "applied" else f"still in progress after {_node(stage)}"
    return f"that ended at {_node(stage)}: {OUTCOME_LABELS.get(outcome, outcome)}"


def _node(stage: str) -> str:
    return _STAGE_NAMES.get(stage, stage)
