"""Charts shared by the pages and the exports: pure functions returning a :class:`Chart`.

Each chart's title states the finding computed from the numbers and its caption says what to
do about it (the words come from ``analysis.chart_findings``). When there is nothing honest to
draw (no applications, a single application, no dates, no rejections) the figure is None and
the caption explains why, so a page can show a message instead of an empty chart. Figures use
only plotly's built-in template and ``analysis.palette``: no external resources.
"""
from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis import chart_findings as findings
from analysis import palette
from analysis.funnel import Funnel
from analysis.sankey import NODE_LABELS, Flow
from analysis.schema import OUTCOME_LABELS
from analysis.segments import Segments, SegmentTable
from analysis.stats import Rate
from analysis.timing import Timing
from analysis.trend import Trend

TOO_FEW_NOTE = "Hatched grey: fewer than 5 applications, too few to tell."
NO_APPLICATIONS = ("No applications yet", "Upload your tracker or load the sample data to see this chart.")
ONE_APPLICATION = ("Only one application so far", "This chart needs several applications: add the rest of your tracker.")


@dataclass(frozen=True, eq=False)
class Chart:
    """A figure (None when there is nothing to draw), its finding as a title, and what to do."""

    figure: go.Figure | None
    title: str
    caption: str


def _degenerate(applications: int) -> Chart | None:
    """The empty Chart for 0 or 1 application, else None."""
    if applications == 0:
        return Chart(None, *NO_APPLICATIONS)
    if applications == 1:
        return Chart(None, *ONE_APPLICATION)
    return None


def _finish(figure: go.Figure, text: tuple[str, str], **layout) -> Chart:
    title, caption = text
    figure.update_layout(title={"text": title}, template="plotly_white", margin={"t": 70, "l": 10, "r": 10}, **layout)
    return Chart(figure, title, caption)


def _rate_bars(rates: list[Rate], colors: list[str], labels: list[str], horizontal: bool = False) -> go.Bar:
    """Bars of rates in %, with asymmetric 95% Wilson error bars; too-few bars grey and hatched."""
    values = [0.0 if r.value is None else r.value * 100 for r in rates]
    errors = {
        "type": "data",
        "symmetric": False,
        "array": [r.high * 100 - v for r, v in zip(rates, values)],
        "arrayminus": [v - r.low * 100 for r, v in zip(rates, values)],
    }
    axes = {"y": labels, "x": values, "error_x": errors} if horizontal else {"x": labels, "y": values, "error_y": errors}
    return go.Bar(
        **axes,
        orientation="h" if horizontal else "v",
        marker={
            "color": [palette.NEUTRAL if r.too_few else c for r, c in zip(rates, colors)],
            "pattern": {"shape": ["/" if r.too_few else "" for r in rates]},
        },
        text=[r.label() for r in rates],
        textposition="outside",
        customdata=[[r.low * 100, r.high * 100] for r in rates],
        hovertemplate="%{text}<br>95% interval %{customdata[0]:.0f}–%{customdata[1]:.0f}%<extra></extra>",
    )


def _note_too_few(figure: go.Figure, rates: list[Rate]) -> None:
    if any(r.too_few for r in rates):
        figure.add_annotation(text=TOO_FEW_NOTE, showarrow=False, xref="paper", yref="paper", x=1, y=1.06, xanchor="right")


def funnel_chart(funnel: Funnel) -> Chart:
    """How many applications reached each stage; the title names the bottleneck."""
    empty = _degenerate(funnel.applications)
    if empty:
        return empty
    figure = go.Figure(
        go.Funnel(
            y=[NODE_LABELS[s.stage] for s in funnel.stages],
            x=[s.reached for s in funnel.stages],
            marker={"color": [palette.stage_color(s.stage) for s in funnel.stages]},
            textinfo="value+percent initial",
        )
    )
    return _finish(figure, findings.funnel_text(funnel))


def rejection_rate_chart(funnel: Funnel) -> Chart:
    """Rejection rate (of all who reached it) at each stage before the offer, with 95% intervals."""
    empty = _degenerate(funnel.applications)
    if empty:
        return empty
    stages = funnel.stages[:-1]
    text = findings.rejection_text(funnel)
    if not any(s.ended["rejected"] for s in stages):
        return Chart(None, *text)
    rates = [s.rejection_rate for s in stages]
    labels = [NODE_LABELS[s.stage] for s in stages]
    figure = go.Figure(_rate_bars(rates, [palette.outcome_color("rejected")] * len(rates), labels))
    figure.update_yaxes(title="rejected, % of those who reached the stage", range=[0, 110])
    _note_too_few(figure, rates)
    return _finish(figure, text)


def sankey_chart(flows: tuple[Flow, ...] | list[Flow]) -> Chart:
    """Where applications went: stage to stage and into their endings."""
    empty = _degenerate(sum(f.value for f in flows if f.source == NODE_LABELS["applied"]))
    if empty:
        return empty
    nodes = list(dict.fromkeys(name for f in flows for name in (f.source, f.target)))
    stage_ids = {label: stage for stage, label in NODE_LABELS.items()}
    outcome_ids = {label: outcome for outcome, label in OUTCOME_LABELS.items()}
    colors = [
        palette.stage_color(stage_ids[n]) if n in stage_ids else palette.outcome_color(outcome_ids.get(n, "")) for n in nodes
    ]
    position = {name: i for i, name in enumerate(nodes)}
    figure = go.Figure(
        go.Sankey(
            node={"label": nodes, "color": colors, "pad": 18},
            link={
                "source": [position[f.source] for f in flows],
                "target": [position[f.target] for f in flows],
                "value": [f.value for f in flows],
                "color": [palette.with_alpha(colors[position[f.target]], 0.35) for f in flows],
            },
        )
    )
    return _finish(figure, findings.sankey_text(flows))


def channel_chart(segments: Segments | SegmentTable) -> Chart:
    """Interview rate per channel with 95% intervals and n; the title names a channel that stands out."""
    table = segments.channel if isinstance(segments, Segments) else segments
    groups = list(table.segments)
    empty = _degenerate(sum(g.applications for g in groups))
    if empty:
        return empty
    rates = [g.interview_rate for g in groups]
    labels = [f"{g.name} (n={g.applications})" for g in groups]
    bars = _rate_bars(rates, [palette.channel_color(g.name) for g in groups], labels, horizontal=True)
    marks = {"better": " ▲ better than the rest", "worse": " ▼ worse than the rest"}
    bars.text = [label + marks.get(g.verdict, "") for label, g in zip(bars.text, groups)]
    figure = go.Figure(bars)
    figure.update_xaxes(title="reached an interview, %", range=[0, 130])
    figure.update_yaxes(autorange="reversed")
    _note_too_few(figure, rates)
    return _finish(figure, findings.channel_text(groups), showlegend=False)


def response_time_chart(timing: Timing) -> Chart:
    """Days from applying to a reply in weekly bins, stacked by outcome, with the median marked."""
    if timing.measured == 0:
        return Chart(
            None,
            "No reply dates to measure",
            "Add the date each employer replied (a 'responded on' column) to see how long they take.",
        )
    if timing.measured == 1:
        return Chart(None, "Only one reply date so far", "Log the date of each reply to see how long employers take.")
    figure = go.Figure()
    for outcome in dict.fromkeys(timing.outcomes):
        days = [d for d, o in zip(timing.days, timing.outcomes) if o == outcome]
        figure.add_trace(
            go.Histogram(
                x=days,
                name=OUTCOME_LABELS.get(outcome, outcome),
                marker={"color": palette.outcome_color(outcome)},
                xbins={"start": 0, "size": 7},
            )
        )
    figure.add_vline(x=timing.median_days, line_dash="dash", annotation_text=f"median {timing.median_days:g} days")
    figure.update_xaxes(title="days from applying to the reply (weekly bins)")
    figure.update_yaxes(title="applications")
    return _finish(figure, findings.response_time_text(timing), barmode="stack")


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
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    figure.add_trace(
        go.Bar(
            x=[w.start for w in trend.weeks],
            y=[w.applications for w in trend.weeks],
            hovertext=[w.week for w in trend.weeks],
            name="applications a week",
            marker={"color": palette.stage_color("applied")},
        ),
        secondary_y=False,
    )
    rates = [(m.start, m.interview_rate) for m in trend.months if m.interview_rate.n]
    figure.add_trace(
        go.Scatter(
            x=[start for start, _ in rates],
            y=[r.value * 100 for _, r in rates],
            text=[r.label() for _, r in rates],
            name="interview rate by month (settled applications)",
            mode="lines+markers",
            marker={"color": palette.stage_color("final_interview"), "symbol": ["circle-open" if r.too_few else "circle" for _, r in rates]},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [(r.high - r.value) * 100 for _, r in rates],
                "arrayminus": [(r.value - r.low) * 100 for _, r in rates],
            },
        ),
        secondary_y=True,
    )
    figure.update_yaxes(title="applications", secondary_y=False)
    figure.update_yaxes(title="interview rate, %", range=[0, 105], secondary_y=True)
    return _finish(figure, findings.trend_text(trend), legend={"orientation": "h", "y": -0.2})
