"""The improvement summary as one self-contained HTML file that works offline.

Interactive charts come from :mod:`analysis.charts.figures`; Plotly's JavaScript is embedded once, with
the first chart, and no MathJax. Nothing is fetched from another address: no CDN, no web font,
no external script, stylesheet or image, and a Content-Security-Policy that forbids any
connection. Every piece of text, the user's above all, goes through :func:`analysis.core.safety.escape`.
The stylesheet prints cleanly (@media print).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from analysis.charts import figures as charts
from analysis.core.safety import escape
from analysis.core.wording import cell_text
from analysis.summary.build import APPENDIX_TITLE, build_summary
from analysis.summary.model import (
    Bullets,
    ChartRef,
    FocusList,
    Headline,
    ImprovementSummary,
    Paragraph,
    Plan,
    Section,
    Table,
    Text,
)

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)

if TYPE_CHECKING:
    from analysis.report import Report  # the top of the engine; imported for annotations only
_NUMERIC = ("count", "percent", "days")

STYLE = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); background: #fff; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h1.appendix { font-size: 1.5rem; margin-top: 3rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
.subtitle, .note, figcaption { color: var(--muted); }
.headlines { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; margin: 1.5rem 0; }
.card { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; background: var(--panel); }
.card .label { font-size: .85rem; color: var(--muted); }
.card .value { font-size: 1.6rem; font-weight: 600; }
.card .detail { font-size: .8rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.25rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 1rem 0 1.5rem; }
figure.chart figcaption strong { color: var(--ink); }
ol.focus > li { margin-bottom: 1rem; }
ol.focus h3 { margin: 0 0 .25rem; }
ul.tasks { list-style: none; padding-left: 0; }
ul.tasks li::before { content: "\\2610\\00a0"; }
footer { margin-top: 3rem; font-size: .8rem; color: var(--muted); }
@page { size: A4; margin: 14mm 15mm; }
@media print {
  body { font-size: 10pt; line-height: 1.35; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12.5pt; margin: 1rem 0 .35rem; padding-bottom: .15rem; break-after: avoid; page-break-after: avoid; }
  h3 { font-size: 10.5pt; margin: .6rem 0 .2rem; }
  p, ul, ol { margin: .3rem 0; }
  .headlines { margin: .6rem 0; gap: .4rem; }
  .card { padding: .3rem .5rem; }
  .card .value { font-size: 13pt; }
  h1.appendix { break-before: page; page-break-before: always; }
  figure.chart, table, .card, ol.focus > li, .week { break-inside: avoid; page-break-inside: avoid; }
  .modebar, .modebar-container { display: none !important; }
  .card { background: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def render_text(parts: Text) -> str:
    """A :data:`~analysis.summary.model.Text` as HTML: every part escaped."""
    return "".join(escape(part) for part in parts)


def _headline(headline: Headline) -> str:
    return (
        '<div class="card">'
        f'<div class="label">{escape(headline.label)}</div>'
        f'<div class="value">{escape(headline.value)}</div>'
        f'<div class="detail">{escape(headline.detail)}</div>'
        "</div>"
    )


def _num(kind: str) -> str:
    return ' class="num"' if kind in _NUMERIC else ""


def render_table(table: Table) -> str:
    """A table with its title as caption (or its empty note)."""
    if not table.rows:
        return f'<h3>{escape(table.title)}</h3><p class="note">{escape(table.empty_note)}</p>'
    head = "".join(
        f'<th scope="col"{_num(column.kind)}>{escape(column.title)}</th>'
        for column in table.columns
    )
    body = []
    for row in table.rows:
        cells = "".join(
            f'<td{_num(column.kind)}>{escape(cell_text(value, column.kind))}</td>'
            for value, column in zip(row, table.columns)
        )
        body.append(f"<tr>{cells}</tr>")
    return (f"<table><caption>{escape(table.title)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def _focus(block: FocusList) -> str:
    items = []
    for item in block.items:
        actions = "".join(f"<li>{escape(action)}</li>" for action in item.actions) if block.actions else ""
        items.append(f"<li><h3>{escape(item.title)}</h3><p>{escape(item.why)}</p>"
                     + (f"<ul>{actions}</ul>" if actions else "") + "</li>")
    return f'<ol class="focus">{"".join(items)}</ol>'


def _plan(plan: Plan) -> str:
    weeks = []
    for week in plan.weeks:
        tasks = "".join(f"<li>{render_text(task)}</li>" for task in week.tasks)
        weeks.append(f'<div class="week"><h3>Week {week.week}: {render_text(week.focus)}</h3>'
                     f'<ul class="tasks">{tasks}</ul></div>')
    return f"<p>{render_text(plan.intro)}</p>{''.join(weeks)}"


def _chart_input(report: Report, name: str):
    """The result each chart function of ``analysis.charts.figures`` draws."""
    return {
        "funnel_chart": report.funnel,
        "rejection_rate_chart": report.funnel,
        "sankey_chart": report.flows,
        "channel_chart": report.segments,
        "response_time_chart": report.timing,
        "weekly_trend_chart": report.trend,
        "theme_chart": report.feedback,
    }.get(name)


class _ChartWriter:
    """Draws charts as HTML, embedding Plotly's JavaScript with the first figure only."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.embedded = False

    def __call__(self, name: str) -> str:
        function = getattr(charts, name, None)
        argument = _chart_input(self.report, name)
        if function is None or argument is None:
            return ""
        chart = function(argument, self.report.follow_up) if name == "response_time_chart" else function(argument)
        if chart.figure is None:
            return (f'<figure class="chart empty"><figcaption><strong>{escape(chart.title)}</strong> '
                    f"{escape(chart.caption)}</figcaption></figure>")
        caption = f"<figcaption>{escape(chart.caption)}</figcaption>"  # the title is drawn in the figure
        figure_html = chart.figure.to_html(
            full_html=False,
            include_plotlyjs=not self.embedded,
            include_mathjax=False,
            config=PLOTLY_CONFIG,
            div_id=f"chart-{name.replace('_', '-')}",
        )
        self.embedded = True
        return f'<figure class="chart">{figure_html}{caption}</figure>'


def _section(section: Section, draw_chart: Callable[[str], str] | None) -> str:
    parts = [f'<section id="{escape(section.id)}"><h2>{escape(section.title)}</h2>']
    for block in section.blocks:
        if isinstance(block, Paragraph):
            parts.append(f"<p>{render_text(block.text)}</p>")
        elif isinstance(block, Bullets):
            tag = "ol" if block.ordered else "ul"
            parts.append(f"<{tag}>{''.join(f'<li>{render_text(item)}</li>' for item in block.items)}</{tag}>")
        elif isinstance(block, Table):
            parts.append(render_table(block))
        elif isinstance(block, FocusList):
            parts.append(_focus(block))
        elif isinstance(block, Plan):
            parts.append(_plan(block))
        elif isinstance(block, ChartRef) and draw_chart is not None:
            parts.append(draw_chart(block.name))
    parts.append("</section>")
    return "".join(parts)


def summary_html(summary: ImprovementSummary, draw_chart: Callable[[str], str] | None = None) -> str:
    """The summary as a complete HTML document; ``draw_chart(name)`` returns a chart's HTML."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(summary.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head><body><main>",
        f'<header><h1>{escape(summary.title)}</h1><p class="subtitle">{render_text(summary.subtitle)}</p></header>',
        f'<section id="headlines" class="headlines" aria-label="Headline numbers">'
        f'{"".join(_headline(h) for h in summary.headlines)}</section>',
    ]
    parts.extend(_section(section, draw_chart) for section in summary.sections)
    if summary.appendix:
        parts.append(f'<h1 class="appendix">Appendix: {escape(APPENDIX_TITLE.lower())}</h1>')
        parts.extend(_section(section, draw_chart) for section in summary.appendix)
    parts.append("<footer>Made with Next Steps on your own computer; nothing in this file was sent anywhere. "
                 "A rejection is information, not a verdict.</footer>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def report_html(report: Report) -> str:
    """The improvement summary of a report as one self-contained HTML file."""
    return summary_html(build_summary(report), _ChartWriter(report))
