"""Click a chart, see the applications behind it: the drill-down of the Funnel page (and the Feedback page).

:func:`chart` draws a chart card whose points can be clicked. A click is copied from the chart's
widget state into session state (:data:`SELECTION_KEY`), so the selection survives reruns and
page changes (a chart's own selection is dropped when its page is left). :func:`panel` shows
the selected applications below the chart they came from, with a button to clear them. Which
rows a point stands for is decided by the pure ``analysis.charts.drilldown``.

The stored selection is a plain dict: ``{"chart": chart id, "names": [point names], "source":
the file's digest or None}``; a selection of another file is dropped.

For a new selectable chart (a theme bar on the Feedback page): give each point a ``customdata``
naming it (see ``analysis.charts.drilldown``), then::

    drilldown.chart(item, "themes", chart_id="themes")
    drilldown.panel(report.applications, ("themes",), feedback=report.feedback)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

import pandas as pd
import streamlit as st

from analysis.charts.base import Chart
from analysis.charts.drilldown import (
    TABLE_COLUMNS,
    applications_for_points,
    describe,
    point_name,
)
from analysis.core.schema import OUTCOME_LABELS, STAGE_LABELS
from analysis.feedback.summary import FeedbackSummary
from ui import components, state

SELECTION_KEY = "drilldown"
VERSIONS_KEY = "drilldown_versions"
"""Session state: card key -> version of its chart widget; a new version shows the chart unselected."""


def current() -> dict | None:
    """The stored selection, or None."""
    return st.session_state.get(SELECTION_KEY)


def _widget_key(card: str) -> str:
    version = st.session_state.get(VERSIONS_KEY, {}).get(card, 0)
    return f"chart_{card}" if version == 0 else f"chart_{card}_v{version}"


def _selected_names(widget_key: str) -> list[str]:
    """The point names of a chart's current selection (its widget state)."""
    event = st.session_state.get(widget_key)
    points = event["selection"]["points"] if event else []
    return [name for name in (point_name(point) for point in points) if name]


def _unselect(cards: Iterable[str]) -> None:
    """Show these charts unselected from the next run on (their widgets get new keys)."""
    versions = dict(st.session_state.get(VERSIONS_KEY, {}))
    for card in cards:
        versions[card] = versions.get(card, 0) + 1
    st.session_state[VERSIONS_KEY] = versions


def _cards_with_selection(but: str | None = None) -> list[str]:
    cards = st.session_state.get(VERSIONS_KEY, {})
    return [card for card in cards if card != but and _selected_names(_widget_key(card))]


def _on_select(chart_id: str, card: str) -> None:
    """A chart's selection changed: store it (one chart's selection at a time) or forget it."""
    names = _selected_names(_widget_key(card))
    stored = current()
    if names:
        ctx = st.session_state.get(state.CONTEXT_KEY)
        source = ctx.source.digest if ctx is not None and ctx.source is not None else None
        st.session_state[SELECTION_KEY] = {"chart": chart_id, "names": names, "source": source}
        _unselect(_cards_with_selection(but=card))
    elif stored is not None and stored.get("chart") == chart_id:
        del st.session_state[SELECTION_KEY]


def clear() -> None:
    """Forget the selection and show every chart unselected (a button's callback)."""
    st.session_state.pop(SELECTION_KEY, None)
    _unselect(_cards_with_selection())


def chart(item: Chart, card: str, chart_id: str, footer: Callable[[], None] | None = None) -> None:
    """A chart card (``components.chart``) whose points can be clicked to list the applications behind them."""
    versions = st.session_state.setdefault(VERSIONS_KEY, {})
    versions.setdefault(card, 0)
    select = {"key": _widget_key(card), "on_select": partial(_on_select, chart_id, card), "selection_mode": ("points",)}
    components.chart(item, card, footer=footer, select=select)


def _on_pick(chart_id: str, key: str) -> None:
    name = st.session_state.get(key)
    if name:
        ctx = st.session_state.get(state.CONTEXT_KEY)
        source = ctx.source.digest if ctx is not None and ctx.source is not None else None
        st.session_state[SELECTION_KEY] = {"chart": chart_id, "names": [name], "source": source}
        _unselect(_cards_with_selection())
    else:
        clear()


def picker(chart_id: str, options: dict[str, str], label: str, key: str) -> None:
    """A select box offering the chart's points by name (``options``: point name -> label).

    For charts whose clicks do not reach the app (Streamlit passes on no click on a Plotly
    Sankey) and for keyboard users; it shows and sets the same selection as a click.
    """
    stored = current()
    chosen = stored["names"][0] if stored and stored.get("chart") == chart_id and stored.get("names") else None
    wanted = chosen if chosen in options else None
    if st.session_state.get(key) != wanted:  # follow a click elsewhere, or Clear
        st.session_state[key] = wanted
    st.selectbox(label, list(options), format_func=lambda name: options[name], index=None, key=key,
                 placeholder="Pick one to list its applications", on_change=_on_pick, args=(chart_id, key))


def selection_for(ctx: state.AppContext) -> dict | None:
    """The stored selection if it belongs to the current file (a selection of another file is dropped)."""
    stored = current()
    if stored is None:
        return None
    source = ctx.source.digest if ctx.source is not None else None
    if stored.get("source") not in (None, source):
        st.session_state.pop(SELECTION_KEY, None)
        return None
    return stored


def table(rows: pd.DataFrame) -> None:
    """The applications behind a selection: company, role, date applied, outcome, stage, feedback."""
    shown = rows.loc[:, list(TABLE_COLUMNS)].assign(
        outcome=rows["outcome"].map(lambda value: OUTCOME_LABELS.get(value, value)),
        furthest_stage=rows["furthest_stage"].map(lambda value: STAGE_LABELS.get(value, value)),
    )
    st.dataframe(
        shown,
        hide_index=True,
        alt="The applications behind the selected part of the chart",
        column_config={
            "company": st.column_config.TextColumn("Company"),
            "role": st.column_config.TextColumn("Role"),
            "applied_on": st.column_config.DateColumn("Applied on", format="YYYY-MM-DD"),
            "outcome": st.column_config.TextColumn("Outcome"),
            "furthest_stage": st.column_config.TextColumn("Furthest stage"),
            "feedback": st.column_config.TextColumn("Feedback", width="large"),
        },
    )


def panel(ctx: state.AppContext, apps: pd.DataFrame, chart_ids: Iterable[str],
          feedback: FeedbackSummary | None = None) -> None:
    """The applications behind the stored selection, when it came from one of ``chart_ids``.

    ``apps`` is the table the charts were drawn from (the report's applications); ``feedback`` its
    feedback summary, for the theme charts.
    """
    stored = selection_for(ctx)
    if stored is None or stored.get("chart") not in tuple(chart_ids):
        return
    chart_id, names = stored["chart"], list(stored.get("names") or ())
    rows = applications_for_points(apps, chart_id, [{"customdata": name} for name in names], feedback=feedback)
    with st.container(border=True, key="drilldown_panel"):
        with st.container(horizontal=True, vertical_alignment="center"):
            st.markdown(f"**{components.plain(describe(chart_id, names, len(rows)))}**")
            st.button("Clear", key="drilldown_clear", on_click=clear, icon=":material/close:",
                      help="Forget this selection and show every chart unselected.")
        if rows.empty:
            st.caption("No application in the current view matches: the sidebar filters may have changed.")
            return
        table(rows)
