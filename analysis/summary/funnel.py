"""The funnel and channel sections of the improvement summary: where applications stop, and which channels work."""
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.charts.findings import STAGE_ACTIONS, channel_findings, channel_text
from analysis.core.schema import STAGE_LABELS
from analysis.core.wording import percent, plural, share_phrase
from analysis.summary.model import (
    Block,
    Bullets,
    ChartRef,
    Column,
    Paragraph,
    Section,
    Table,
    Text,
    UserText,
    text,
)

if TYPE_CHECKING:
    from analysis.report import Report  # the top of the engine; imported for annotations only


def funnel_section(report: Report) -> tuple[Section, Table]:
    """The "where applications stop" section and its table of applications at each stage."""
    funnel = report.funnel
    rows = []
    for stage in funnel.stages:
        rows.append((
            STAGE_LABELS[stage.stage],
            stage.reached,
            stage.pass_rate,
            stage.ended["rejected"],
            stage.ended["no_response"],
            stage.ended["withdrawn"],
            stage.ended["in_progress"],
            None if stage.stage == "offer" else stage.rejection_rate,
        ))
    table = Table(
        "Applications at each stage",
        (
            Column("Stage"),
            Column("Reached", "count"),
            Column("Moved on", "rate"),
            Column("Rejected here", "count"),
            Column("No response here", "count"),
            Column("Withdrawn here", "count"),
            Column("Still open here", "count"),
            Column("Rejection rate", "rate"),
        ),
        tuple(rows),
    )
    blocks: list[Block] = [
        Paragraph(text("“Moved on” is the share of those who reached a stage that reached the next; the rejection rate is "
                       "the share rejected at that stage. Every rate shows its n and 95% interval.")),
        table,
    ]
    if funnel.applications == 0:
        return Section("funnel", "Where applications stop", tuple(blocks)), table
    bottleneck = funnel.bottleneck
    action = "Keep logging every outcome." if bottleneck is None else STAGE_ACTIONS.get(bottleneck.stage, "")
    blocks.append(Paragraph(text(f"{funnel.bottleneck_verdict.sentence} {action}".rstrip())))  # as on the Funnel page
    most = funnel.most_rejections
    if most is not None:
        where = "before any interview" if most.stage == "applied" else f"at the {STAGE_LABELS[most.stage].lower()}"
        blocks.append(Paragraph(text(
            f"{most.count} of your {plural(most.total, 'rejection')} ({percent(most.share)}) came {where}.")))
    no_response = funnel.overview.no_response_rate
    if no_response.successes:
        inferred = funnel.overview.no_response_inferred
        note = (f" {inferred} of them {'is' if inferred == 1 else 'are'} inferred: open with no reply for more than "
                f"{report.loaded.settings.ghost_after_days} days." if inferred else "")
        blocks.append(Paragraph(text(
            f"{plural(no_response.successes, 'application')} never got a response: {share_phrase(no_response)}.{note}")))
    blocks.append(ChartRef("funnel_chart"))
    blocks.append(ChartRef("rejection_rate_chart"))
    return Section("funnel", "Where applications stop", tuple(blocks)), table


_VERDICT_WORDS = {"better": "better than the rest", "worse": "worse than the rest"}


def channels_section(report: Report) -> tuple[Section, Table]:
    """The section on channels that work and channels that do not, and its channel table."""
    segments = tuple(report.segments.channel.segments)
    rows = []
    for segment in segments:
        comparison = segment.versus_rest.direction
        verdict = _VERDICT_WORDS.get(comparison, "too few to tell" if comparison == "too few" else "no clear difference")
        rows.append((
            segment.name,
            segment.applications,
            segment.interview_rate,
            segment.response_rate,
            segment.offer_rate,
            verdict,
            UserText(", ".join(segment.sources[:5])),
        ))
    table = Table(
        "Channels",
        (
            Column("Channel"),
            Column("Applications", "count"),
            Column("Interview rate", "rate"),
            Column("Response rate", "rate"),
            Column("Offer rate", "rate"),
            Column("Interview rate vs the rest"),
            Column("Sources in your file", "user"),
        ),
        tuple(rows),
        "No applications to compare by channel.",
    )
    # the channel chart's findings, word for word: each clearly better or worse channel, else the chart's title
    found = channel_findings(list(segments)) or [channel_text(list(segments))]
    findings: list[Text] = [text(f"{title}. {caption}") for title, caption in found]
    blocks: list[Block] = [Bullets(tuple(findings)), table, ChartRef("channel_chart")]
    return Section("channels", "Channels that work and channels that do not", tuple(blocks)), table
