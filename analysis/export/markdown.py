"""The improvement summary as Markdown: headings per section, tables, focus areas with bullet actions.

The wording comes from :mod:`analysis.summary.build`; this module only lays it out. Text from the
user's file is backslash-escaped so it renders as the characters typed: it cannot open a link,
an image, raw HTML, emphasis, a table cell, LaTeX or a Streamlit directive (``:red[...]``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.core.wording import cell_text
from analysis.summary.build import APPENDIX_TITLE, build_summary
from analysis.summary.model import (
    Bullets,
    FocusList,
    ImprovementSummary,
    Paragraph,
    Plan,
    Section,
    Table,
    Text,
    UserText,
)

if TYPE_CHECKING:
    from analysis.report import Report  # the top of the engine; imported for annotations only

# Every ASCII punctuation mark CommonMark lets a backslash escape that can start markup here,
# plus ":" (Streamlit directives and icons), "@" (e-mail autolinks) and "&" (entities).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-!|$~:@&^=\"])")
_INLINE = re.compile(r"([\\`*_\[\]<>#|$~:@&])")
"""The marks that start markup anywhere in a line (the others only open a line or follow one of these)."""
_LINE_OPENER = re.compile(r"(?m)^(\s*)([-+=]|\d+[.)])")
"""A list item, a setext underline or a numbered list opening a line (or the text, which may open an item)."""
_LINK_START = re.compile(r"(?i)(\\:|\\@|\bwww(?=\.))")
"""Where a link or an icon could still start once escaped: a backslash does not stop GFM's autolinks
("https\\://", "www.", "a\\@b") nor Streamlit's ":material/...:" icons, so a word joiner goes after it."""
WORD_JOINER = "\u2060"
_RIGHT_ALIGNED = ("count", "percent", "days")


def _inert(text: str, marks: re.Pattern[str]) -> str:
    escaped = _LINE_OPENER.sub(lambda found: found.group(1) + found.group(2)[:-1] + "\\" + found.group(2)[-1],
                               marks.sub(r"\\\1", text))
    return _LINK_START.sub(lambda found: found.group(1) + WORD_JOINER, escaped)


def markdown_literal(value: object) -> str:
    """User text made literal in Streamlit's Markdown, line breaks kept: no emphasis, links, autolinks,
    images, raw HTML, entities, tables, lists, LaTeX, directives (``:red[...]``) or icons; only the
    marks that could start markup are escaped, so the source stays readable."""
    return _inert(str(value), _INLINE)


_LINK_IN_SENTENCE = re.compile(
    r"(?i)(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)(?=\w)|(?<=:)(?=[a-z_]+/[a-z_]+:|[a-z]+\[|[+\-\w]+:)")
"""Where a link, an icon, a directive (``:red[``) or an emoji shortcode (``:smile:``) could start."""
_MARK_IN_SENTENCE = re.compile(r"(&(?=#?\w+;)|[\[\]<>`*_$~|\\])")
_SENTENCE_OPENER = re.compile(r"(?m)^(\s*)(#|[-+=]|\d+[.)])")


def inert_sentence(sentence: str) -> str:
    """Our own sentence quoting user text (a channel, a company) made safe for Streamlit's Markdown while
    reading as written: a word joiner breaks autolinks, icons, emoji shortcodes and directives; a backslash
    goes before entities, emphasis, brackets, the other marks that start markup anywhere in a line, and a
    heading or list mark opening a line."""
    escaped = _MARK_IN_SENTENCE.sub(r"\\\1", str(sentence))
    escaped = _SENTENCE_OPENER.sub(lambda found: found.group(1) + found.group(2)[:-1] + "\\" + found.group(2)[-1], escaped)
    return _LINK_IN_SENTENCE.sub(WORD_JOINER, escaped)


def markdown_escape(value: object) -> str:
    """User text made literal in a Markdown document: one line, every punctuation mark that could be markup escaped."""
    return _inert(" ".join(str(value).split()), _SPECIAL)


def render_text(parts: Text) -> str:
    """A :data:`~analysis.summary.model.Text` as Markdown: user parts escaped, ours as written."""
    return "".join(markdown_escape(part) if isinstance(part, UserText) else part for part in parts)


def _cell(value: object, kind: str) -> str:
    shown = cell_text(value, kind)
    if kind == "user" or isinstance(value, UserText):
        return markdown_escape(shown)
    return " ".join(shown.split()).replace("|", "\\|")


def render_table(table: Table, level: int = 3) -> list[str]:
    """A titled Markdown table (or its empty note)."""
    lines = [f"{'#' * level} {table.title}", ""]
    if not table.rows:
        return lines + [table.empty_note, ""]
    lines.append("| " + " | ".join(column.title for column in table.columns) + " |")
    lines.append("|" + "|".join("---:" if column.kind in _RIGHT_ALIGNED else "---" for column in table.columns) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(_cell(value, column.kind) for value, column in zip(row, table.columns)) + " |")
    return lines + [""]


def _focus(block: FocusList) -> list[str]:
    lines: list[str] = []
    for item in block.items:
        lines.append(f"### {item.rank}. {markdown_escape(item.title)}")
        lines.append("")
        lines.append(markdown_escape(item.why))
        lines.append("")
        if block.actions:
            lines.extend(f"- {markdown_escape(action)}" for action in item.actions)
            lines.append("")
    return lines


def _plan(plan: Plan) -> list[str]:
    lines = [render_text(plan.intro), ""]
    for week in plan.weeks:
        lines.append(f"### Week {week.week}: {render_text(week.focus)}")
        lines.append("")
        lines.extend(f"- [ ] {render_text(task)}" for task in week.tasks)
        lines.append("")
    return lines


def summary_markdown(summary: ImprovementSummary) -> str:
    """The summary document as Markdown."""
    lines = [f"# {summary.title}", "", f"*{render_text(summary.subtitle)}*", ""]
    for headline in summary.headlines:
        lines.append(f"- **{headline.label}:** {headline.value} ({headline.detail})")
    lines.append("")
    for section in summary.sections:
        lines.extend(_section(section))
    if summary.appendix:
        lines.extend([f"# Appendix: {APPENDIX_TITLE.lower()}", ""])
        for section in summary.appendix:
            lines.extend(_section(section))
    return "\n".join(lines).rstrip() + "\n"


def _section(section: Section) -> list[str]:
    lines = [f"## {section.title}", ""]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            lines.extend([render_text(block.text), ""])
        elif isinstance(block, Bullets):
            marker = "1." if block.ordered else "-"
            lines.extend(f"{marker} {render_text(item)}" for item in block.items)
            lines.append("")
        elif isinstance(block, Table):
            lines.extend(render_table(block))
        elif isinstance(block, FocusList):
            lines.extend(_focus(block))
        elif isinstance(block, Plan):
            lines.extend(_plan(block))
        # a ChartRef is drawn in the HTML and Excel reports only
    return lines


def report_markdown(report: Report) -> str:
    """The improvement summary of a report as a Markdown document."""
    return summary_markdown(build_summary(report))
