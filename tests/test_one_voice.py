"""One verdict per finding: the bottleneck, the interview rate beside the published range, the trend, the
channel difference and the reply time read the same on the Funnel, Plan and Summary pages and in the
Markdown, HTML and Excel exports, for trackers that hit each verdict (tests/finding_trackers.py)."""
from __future__ import annotations

import html
import io
import re

import pytest
from app_harness import engine_report, no_exception, open_app, upload
from finding_trackers import TRACKERS
from openpyxl import load_workbook

from analysis.charts.findings import channel_findings, channel_text
from analysis.export.files import render
from analysis.export.markdown import WORD_JOINER
from analysis.plan.norms import norms_beside

CONTRADICTIONS = ("above the", "below the", "within the", "not clearly different from the")
"""How a comparison with the published 3–8% interview range can read: only one of them may."""


def as_read(text: str) -> str:
    """A Markdown text as the reader sees it: backslash escapes and word joiners gone."""
    return re.sub(r"\\(.)", r"\1", text).replace(WORD_JOINER, "")


def page_texts(name: str, csv: str, page: str) -> str:
    at = upload(open_app(page), f"{name}.csv", csv.encode())
    no_exception(at)
    shown = [str(item.value) for kind in ("markdown", "caption", "info", "warning", "subheader") for item in getattr(at, kind)]
    return as_read("\n".join(shown))


def export_texts(report) -> dict[str, str]:
    """What each download says, as plain text."""
    workbook = load_workbook(io.BytesIO(render(report, "xlsx")), read_only=True)
    cells = [str(cell) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
             for cell in row if isinstance(cell, str)]
    return {"md": as_read(render(report, "md").decode()), "html": html.unescape(render(report, "html").decode()),
            "xlsx": "\n".join(cells)}


def findings(report) -> dict[str, str]:
    """Each finding's sentence, as the engine words it once."""
    interview = next(item for item in norms_beside(report.funnel) if item.metric == "application_interview")
    groups = list(report.segments.channel.segments)
    title, caption = (channel_findings(groups) or [channel_text(groups)])[0]
    found = {
        "bottleneck": report.funnel.bottleneck_verdict.sentence,
        "channel": f"{title}. {caption}",
        "reply time": report.timing.survival.sentence,
        "trend": report.trend.sentence,
    }
    if interview.verdict != "too few":
        found["published"] = interview.reading
    return found


@pytest.mark.parametrize("name", sorted(TRACKERS))
def test_each_finding_reads_the_same_on_every_page_and_in_every_export(name):
    csv = TRACKERS[name]
    report = engine_report(csv.encode(), f"{name}.csv")
    found = findings(report)
    places = {**export_texts(report), "summary page": page_texts(name, csv, "summary")}
    funnel_page, plan_page = page_texts(name, csv, "funnel"), page_texts(name, csv, "plan")
    for finding, sentence in found.items():
        for place, shown in places.items():
            assert sentence in shown, (finding, place)
    assert found["bottleneck"] in funnel_page and found["reply time"] in funnel_page
    assert report.trend.sentence.rstrip(".") in funnel_page  # the trend chart's heading
    assert channel_text(list(report.segments.channel.segments))[0] in funnel_page
    if "published" in found:
        assert found["published"] in plan_page
        relation = next(word for word in CONTRADICTIONS if f"is {word} 3–8%" in found["published"])
        for place, shown in {**places, "plan page": plan_page, "funnel page": funnel_page}.items():
            for other in set(CONTRADICTIONS) - {relation}:
                assert not re.search(rf"\b{other} (published )?3–8%", shown), (place, other)


def test_the_verdicts_of_the_constructed_trackers():
    """The trackers hit each verdict (hand-checked Wilson intervals in tests/finding_trackers.py)."""
    verdicts = {}
    for name, csv in TRACKERS.items():
        report = engine_report(csv.encode(), f"{name}.csv")
        interview = next(item for item in norms_beside(report.funnel) if item.metric == "application_interview")
        verdicts[name] = (interview.position, report.funnel.bottleneck_verdict.verdict, report.trend.verdict)
    assert verdicts["below"][:2] == ("below", "bottleneck")
    assert verdicts["inside"][:2] == ("within", "no clear bottleneck yet")
    assert verdicts["inside_named"][:2] == ("within", "bottleneck")
    assert verdicts["above"][0] == "above"
    assert verdicts["fall"][2] == "worsening"
    assert verdicts["tiny"][:2] == ("too few", "no clear bottleneck yet")
