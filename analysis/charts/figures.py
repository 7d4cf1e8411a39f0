"""Charts shared by the pages and the exports: pure functions returning a :class:`Chart`.

Each chart's title states the finding computed from the numbers and its caption says what to
do about it (the words come from ``analysis.charts.findings``). When there is nothing honest to
draw (no applications, a single application, no dates, no rejections) the figure is None and
the caption explains why, so a page can show a message instead of an empty chart. Figures use
only :data:`TEMPLATE` and ``analysis.core.palette``: no external resources.

Building is cheap at any size: the inputs are aggregates (counts per stage, channel, week or
points of the reply curve), each figure is built in one go with its layout, and the template is
a small white one rather than plotly's full ``plotly_white`` (about 25 ms a figure to apply).
"""
from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from analysis.charts import findings
from analysis.charts.base import (
    ERROR_BAR_COLOR,
    ONE_APPLICATION,
    TEXT_COLOR,
    Chart,
    axis_title,
    count_axis,
    degenerate,
    new_chart,
    rate_bars,
    value_labels,
)
from analysis.charts.drilldown import flow_name, node_id
from analysis.core import palette
from analysis.core.safety import plotly_text
from analysis.core.schema import OUTCOME_LABELS
from analysis.focus.followup import DEFAULT_RULE, FollowUpRule
from analysis.funnel.sankey import NODE_LABELS, Flow
from analysis.funnel.segments import Segments, SegmentTable
from analysis.funnel.stages import Funnel
from analysis.funnel.survival import WITHIN_DAYS
from analysis.funnel.timing import Timing
from analysis.funnel.trend import Trend


def funnel_chart(funnel: Funnel) -> Chart:
    """How many applications reached each stage; the title names the bottleneck."""
    empty = degenerate(funnel.applications)
    if empty:
        return empty
    top = max(funnel.stages[0].reached, 1)
    trace = go.Funnel(
        y=[NODE_LABELS[s.stage] for s in funnel.stages],
        x=[s.reached for s in funnel.stages],
        marker={"color": [palette.stage_color(s.stage) for s in funnel.stages]},
        texttemplate="%{value} (%{percentInitial:.0%})",  # one line: it fits beside the narrow bars
        # inside the wide bars, beside the narrow ones ("auto" would shrink the text to fit)
        textposition=["inside" if 10 * s.reached >= 3 * top else "outside" for s in funnel.stages],
        textangle=0,
        textfont={"color": [TEXT_COLOR if 10 * s.reached < 3 * top or s.stage in ("applied", "first_interview")
                            else "white" for s in funnel.stages], "size": 12},
        connector={"fillcolor": "#E9ECF1"},
        hovertemplate="%{y}: %{value} applications, %{percentInitial:.0%} of all<extra></extra>",
        customdata=[s.stage for s in funnel.stages],  # the drill-down's point name (analysis.charts.drilldown)
    )
    return new_chart([trace], findings.funnel_text(funnel), yaxis={"showgrid": False}, xaxis={"showgrid": False})


def rejection_rate_chart(funnel: Funnel) -> Chart:
    """Rejection rate (of all who reached it) at each stage before the offer, with 95% intervals."""
    empty = degenerate(funnel.applications)
    if empty:
        return empty
    stages = funnel.stages[:-1]
    text = findings.rejection_text(funnel)
    if not any(s.ended["rejected"] for s in stages):
        return Chart(None, *text)
    rates = [s.rejection_rate for s in stages]
    labels = [NODE_LABELS[s.stage] for s in stages]
    bars = rate_bars(rates, [palette.outcome_color("rejected")] * len(rates), labels)
    bars.customdata = [[*interval, s.stage] for interval, s in zip(bars.customdata, stages)]  # + drill-down name
    texts = [f"too few<br>n={r.n}" if r.too_few and r.n else "none<br>reached" if r.too_few else f"<b>{r.percent()}</b><br>n={r.n}"
             for r in rates]
    return new_chart(
        [bars], text,
        annotations=value_labels(bars, texts),
        yaxis={"title": {"text": "rejected, % of those who reached the stage", "font": {"size": 12}},
               "range": [0, 126], "tickvals": [0, 20, 40, 60, 80, 100], "ticktext": ["0%", "20%", "40%", "60%", "80%", "100%"]},
        xaxis={"title": axis_title("", rates)},
        showlegend=False,
    )


def sankey_chart(flows: tuple[Flow, ...] | list[Flow]) -> Chart:
    """Where applications went: stage to stage and into their endings."""
    empty = degenerate(sum(f.value for f in flows if f.source == NODE_LABELS["applied"]))
    if empty:
        return empty
    nodes = list(dict.fromkeys(name for f in flows for name in (f.source, f.target)))
    stage_ids = {label: stage for stage, label in NODE_LABELS.items()}
    outcome_ids = {label: outcome for outcome, label in OUTCOME_LABELS.items()}
    colors = [
        palette.stage_color(stage_ids[n]) if n in stage_ids else palette.outcome_color(outcome_ids.get(n, "")) for n in nodes
    ]
    position = {name: i for i, name in enumerate(nodes)}
    trace = go.Sankey(
        node={"label": nodes, "color": colors, "pad": 18, "customdata": [node_id(n) for n in nodes],
              "line": {"color": "white", "width": 0.5},
              "hovertemplate": "%{label}: %{value} applications<extra></extra>"},
        link={
            "customdata": [flow_name(f) for f in flows],  # drill-down names (analysis.charts.drilldown)
            "source": [position[f.source] for f in flows],
            "target": [position[f.target] for f in flows],
            "value": [f.value for f in flows],
            "color": [palette.with_alpha(colors[position[f.target]], 0.35) for f in flows],
            "hovertemplate": "%{source.label} → %{target.label}: %{value} applications<extra></extra>",
        },
        textfont={"color": "#1F2A37", "size": 13},  # dark labels: the default grey is faint on the links
    )
    return new_chart([trace], findings.sankey_text(flows))


def channel_chart(segments: Segments | SegmentTable) -> Chart:
    """Interview rate per channel with 95% intervals and n; the title names a channel that stands out."""
    table = segments.channel if isinstance(segments, Segments) else segments
    groups = list(table.segments)
    empty = degenerate(sum(g.applications for g in groups))
    if empty:
        return empty
    rates = [g.interview_rate for g in groups]
    labels = [f"{g.name} (n={g.applications})" for g in groups]
    bars = rate_bars(rates, [palette.channel_color(g.name) for g in groups], labels, horizontal=True)
    marks = {"better": " ▲ better than the rest", "worse": " ▼ worse than the rest"}
    bars.text = [label + marks.get(g.verdict, "") for label, g in zip(bars.text, groups)]
    bars.customdata = [[*interval, g.name] for interval, g in zip(bars.customdata, groups)]  # + drill-down name
    short = {"better": " ▲ better", "worse": " ▼ worse"}
    texts = ["too few" if r.too_few else f"<b>{r.percent()}</b>{short.get(g.verdict, '')}" for r, g in zip(rates, groups)]
    verdicts = "▲ ▼ clearly better or worse than the other channels" if any(g.verdict for g in groups) else ""
    return new_chart(
        [bars], findings.channel_text(groups),
        annotations=value_labels(bars, texts, horizontal=True),
        xaxis={"title": axis_title("reached an interview, %", rates, verdicts), "range": [0, 100], "dtick": 25,
               "ticksuffix": "%"},
        yaxis={"autorange": "reversed"},
        margin={"r": 100},
        height=max(420, 150 + 46 * len(groups)),
        showlegend=False,
    )


def response_time_chart(timing: Timing, rule: FollowUpRule = DEFAULT_RULE) -> Chart:
    """The share of applications with a reply by each day (Kaplan–Meier step curve with its 95% band),
    counting those still waiting; one thinner line per channel with 5 replies or more when two have
    (the curve of every application drawn last, on top). The caption is ``rule``, the one follow-up rule."""
    curve = timing.survival.overall
    if curve.replies == 0:
        return Chart(None, "No reply dates to measure",
                     "Add the date each employer replied (a 'responded on' column) to see how soon they answer.")
    if curve.replies == 1:
        return Chart(None, "Only one reply date so far", "Log the date of each reply to see how soon employers answer.")
    end = curve.followed_days

    def steps(values: tuple[float, ...]) -> tuple[list[float], list[float]]:
        return [0.0, *curve.days, end], [0.0, *values, values[-1]]

    x, high = steps(curve.high)
    traces = [
        go.Scatter(x=x, y=high, mode="lines", line={"width": 0, "shape": "hv"}, hoverinfo="skip", showlegend=False),
        go.Scatter(x=x, y=steps(curve.low)[1], mode="lines", line={"width": 0, "shape": "hv"}, fill="tonexty",
                   fillcolor=palette.with_alpha(ERROR_BAR_COLOR, 0.15), hoverinfo="skip", name="95% interval"),
    ]
    channels = {name: c for name, c in timing.survival.by_channel.items() if not c.too_few}
    if len(channels) >= 2:
        for name, channel in channels.items():
            days = [0.0, *channel.days, channel.followed_days]
            traces.append(go.Scatter(  # the hover's side box names the channel (no user text in a template)
                x=days, y=[0.0, *channel.replied, channel.replied[-1]], mode="lines", name=plotly_text(name),
                line={"shape": "hv", "width": 1.5, "color": palette.channel_color(name)},
                hovertemplate="replied within %{x:g} days: %{y:.0%}"))
    traces.append(go.Scatter(x=x, y=steps(curve.replied)[1], mode="lines", name="all applications",
                             line={"shape": "hv", "width": 3, "color": ERROR_BAR_COLOR},
                             hovertemplate="replied within %{x:g} days: %{y:.0%}<extra></extra>"))
    marks = [day for day in WITHIN_DAYS if day <= end]
    return new_chart(
        traces, findings.response_time_text(timing, rule),
        xaxis={"title": {"text": "days since applying", "font": {"size": 12}}, "range": [0, end], "rangemode": "tozero"},
        yaxis={"title": {"text": "share with a reply (those still waiting counted)", "font": {"size": 12}},
               "range": [0, 1], "tickformat": ".0%"},
        shapes=[{"type": "line", "xref": "x", "yref": "paper", "x0": day, "x1": day, "y0": 0, "y1": 1,
                 "line": {"dash": "dot", "color": ERROR_BAR_COLOR, "width": 1}} for day in marks],
        annotations=[{"xref": "x", "yref": "paper", "x": day, "y": 1, "xanchor": "left", "yanchor": "top",
                      "xshift": 3, "showarrow": False, "text": f"{day} days",
                      "bgcolor": "rgba(255, 255, 255, 0.8)"} for day in marks],
        legend={"orientation": "h", "x": 0, "y": -0.18, "yanchor": "top"},
    )


def weekly_trend_chart(trend: Trend) -> Chart:
    """Applications per ISO week (bars) and the monthly interview rate of settled applications (line)."""
    dated = sum(w.applications for w in trend.weeks)
    if dated == 0:
        return Chart(
            None,
            "No application dates",
            "Add the date you applied to each application to see your pace and whether your interview rate is changing.",
        )
    if dated == 1:
        return Chart(None, *ONE_APPLICATION)
    bars = go.Bar(
        x=[w.start for w in trend.weeks],
        y=[w.applications for w in trend.weeks],
        hovertext=[w.week for w in trend.weeks],
        customdata=[f"week:{w.start.isoformat()}" for w in trend.weeks],  # drill-down names
        name="applications a week",
        marker={"color": palette.stage_color("applied")},
        hovertemplate="%{hovertext}: %{y} applications<extra></extra>",
    )
    layout = {
        "yaxis": count_axis("applications a week", max(w.applications for w in trend.weeks)),
        "legend": {"orientation": "h", "x": 0, "y": -0.15, "yanchor": "top"},
        "hovermode": "closest",
    }
    rates = [(m.start, m.interview_rate) for m in trend.months if m.interview_rate.n]
    if not rates:  # outcomes unknown or none settled yet: no empty interview-rate axis
        return new_chart([bars], findings.trend_text(trend), showlegend=False, **layout)
    line = go.Scatter(
        x=[start + dt.timedelta(days=14) for start, _ in rates],  # mid-month: the rate covers the whole month
        y=[r.value for _, r in rates],
        text=[f"{start:%B %Y}: {r.label()}" for start, r in rates],
        customdata=[f"month:{start:%Y-%m}" for start, _ in rates],  # drill-down names
        name="interview rate by month (settled applications; open circle: too few to tell)",
        mode="lines+markers",
        yaxis="y2",
        line={"color": palette.stage_color("final_interview")},
        marker={"color": palette.stage_color("final_interview"), "size": 8,
                "symbol": ["circle-open" if r.too_few else "circle" for _, r in rates]},
        error_y={
            "type": "data",
            "symmetric": False,
            "array": [r.high - r.value for _, r in rates],
            "arrayminus": [r.value - r.low for _, r in rates],
            "color": palette.stage_color("final_interview"),
            "thickness": 1.2,
            "width": 4,
        },
        hovertemplate="%{text}<extra></extra>",
    )
    layout["yaxis2"] = {
        "title": {"text": "interview rate", "font": {"size": 12}}, "overlaying": "y", "side": "right",
        "range": [0, 1.04], "tickmode": "linear", "tick0": 0, "dtick": 0.25, "tickformat": ".0%",
        "showgrid": False, "zeroline": False, "automargin": True,
    }
    return new_chart([bars, line], findings.trend_text(trend), **layout)
