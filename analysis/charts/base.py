"""The building blocks every chart shares: the :class:`Chart` value, the template and colours, rate bars
with their intervals and hatched "too few" bars, axes and value labels, the empty-chart messages."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from analysis.core import palette
from analysis.core.safety import plotly_text
from analysis.core.stats import Rate

TOO_FEW_NOTE = "Hatched grey: fewer than 5 applications, too few to tell."
TITLE_WIDTH = 70
"""Figure titles (drawn in the exports) wrap after about this many characters."""
ERROR_BAR_COLOR = "#3F4A5A"
GRID_COLOR = "#E5E8EE"
TEXT_COLOR = "#2A3F5F"
_AXIS = {"gridcolor": GRID_COLOR, "linecolor": GRID_COLOR, "zerolinecolor": GRID_COLOR, "zerolinewidth": 2,
         "ticks": "", "automargin": True, "title": {"standoff": 12}}
TEMPLATE = go.layout.Template(layout={
    "font": {"color": TEXT_COLOR}, "paper_bgcolor": "white", "plot_bgcolor": "white", "hovermode": "closest",
    "hoverlabel": {"align": "left"}, "title": {"x": 0.02}, "xaxis": _AXIS, "yaxis": _AXIS,
    "colorway": list(palette.OKABE_ITO.values())[1:], "annotationdefaults": {"font": {"size": 12}},
})
"""The look of every chart: plotly_white's essentials only, so applying it is cheap."""
NO_APPLICATIONS = ("No applications yet", "Upload your tracker or load the sample data to see this chart.")
ONE_APPLICATION = ("Only one application so far", "This chart needs several applications: add the rest of your tracker.")


@dataclass(frozen=True, eq=False)
class Chart:
    """A figure (None when there is nothing to draw), its finding as a title, and what to do."""

    figure: go.Figure | None
    title: str
    caption: str


def degenerate(applications: int) -> Chart | None:
    """The empty Chart for 0 or 1 application, else None."""
    if applications == 0:
        return Chart(None, *NO_APPLICATIONS)
    if applications == 1:
        return Chart(None, *ONE_APPLICATION)
    return None


def chart_layout(text: tuple[str, str], **layout) -> dict:
    """A figure's layout: the template, the finding as a title (wrapped to fit, shown as written even
    where it quotes user text) and room for it."""
    lines = textwrap.wrap(text[0], TITLE_WIDTH) or [text[0]]
    margin = {"t": 44 + 24 * len(lines), "l": 10, "r": 10, "b": 40, **layout.pop("margin", {})}
    return {"template": TEMPLATE, "title": {"text": "<br>".join(plotly_text(line) for line in lines)}, "margin": margin,
            **layout}


def new_chart(data: list, text: tuple[str, str], **layout) -> Chart:
    """The Chart of ``data`` (traces), built in one go with its layout: much faster than updating it."""
    return Chart(go.Figure(data=data, layout=chart_layout(text, **layout)), *text)


def finish(figure: go.Figure, text: tuple[str, str], **layout) -> Chart:
    """The Chart of a figure built step by step: applies the template, title and margins."""
    figure.update_layout(**chart_layout(text, **layout))
    return Chart(figure, *text)


def rate_bars(rates: list[Rate], colors: list[str], labels: list[str], horizontal: bool = False) -> go.Bar:
    """Bars of rates in %, with asymmetric 95% Wilson error bars; too-few bars grey and hatched.

    Each bar's text is its label ("34% (n=50)"), drawn outside the bar; :func:`_value_labels`
    moves the labels clear of the error bars (the text stays in the hover). Every colour is a
    single value or one per bar, never a list where plotly.js derives one colour: a pattern in
    "overlay" mode over per-bar colours made it log "Invalid color specifier: Array(n)".
    """
    values = [0.0 if r.value is None else r.value * 100 for r in rates]
    errors = {
        "type": "data",
        "symmetric": False,
        # n=0 knows nothing: its 0-100% interval would only draw a long line, so it gets none
        "array": [r.high * 100 - v if r.n else 0 for r, v in zip(rates, values)],
        "arrayminus": [v - r.low * 100 if r.n else 0 for r, v in zip(rates, values)],
        "color": ERROR_BAR_COLOR,
        "thickness": 1.5,
        "width": 5,
    }
    labels = [plotly_text(label) for label in labels]  # channel names and the like show as typed
    axes = {"y": labels, "x": values, "error_x": errors} if horizontal else {"x": labels, "y": values, "error_y": errors}
    return go.Bar(
        **axes,
        orientation="h" if horizontal else "v",
        marker={
            "color": [palette.NEUTRAL if r.too_few else c for r, c in zip(rates, colors)],
            "pattern": {"shape": ["/" if r.too_few else "" for r in rates], "fillmode": "replace",
                        "fgcolor": "#808080", "bgcolor": palette.with_alpha(palette.NEUTRAL, 0.35), "solidity": 0.3},
            "line": {"color": "white", "width": 0.5},
        },
        text=[r.label() for r in rates],
        textposition="outside",
        customdata=[[r.low * 100, r.high * 100] for r in rates],
        hovertemplate="%{text}<br>95% interval %{customdata[0]:.0f}–%{customdata[1]:.0f}%<extra></extra>",
    )


def count_axis(title: str, top: int) -> dict:
    """A y axis of counts titled ``title``: whole numbers only (a step of 1 when ``top`` is small)."""
    axis = {"title": {"text": title, "font": {"size": 12}}, "rangemode": "tozero", "tickformat": ",d"}
    return {**axis, "dtick": 1} if top < 6 else axis


def value_labels(bars: go.Bar, texts: list[str], horizontal: bool = False) -> list[dict]:
    """Annotations writing ``texts`` clear of the error bars, and the bars' own text hidden.

    Vertical bars get theirs in a band above 100% (keep the axis range up to about 125);
    horizontal bars in a column right of the plot (leave a right margin of about 110 px).
    """
    bars.textposition = "none"
    if horizontal:
        return [{"x": 100, "y": y, "text": text, "showarrow": False, "xanchor": "left", "xshift": 8}
                for y, text in zip(bars.y, texts)]
    return [{"x": x, "y": 100, "text": text, "showarrow": False, "yanchor": "bottom", "yshift": 3}
            for x, text in zip(bars.x, texts)]


def axis_title(title: str, rates: list[Rate], *notes: str) -> dict:
    """An axis title, then ``notes`` and (when any rate has too few) :data:`TOO_FEW_NOTE` in small type."""
    notes = (*notes, TOO_FEW_NOTE) if any(r.too_few for r in rates) else notes
    lines = [title] if title else []
    lines += [f"<span style='font-size:11px'>{note}</span>" for note in notes if note]
    return {"text": "<br>".join(lines), "font": {"size": 12}}


