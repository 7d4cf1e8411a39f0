"""Text from the user's file shows as typed: in Streamlit's Markdown on every page and in Plotly's labels.

A company, a source, a candidate or a feedback text may hold Markdown, HTML, a Streamlit icon
(``:material/warning:``), an entity ("&lt;") or a URL. Streamlit's Markdown would render them
(links, bold, icons, "<"), plotly.js reads ``<b>``, ``<br>``, ``<a href>`` and entities in titles,
axes, legends, hovers and annotations.
"""
from __future__ import annotations

import re

import pytest
from app_harness import no_exception, open_app, upload
from canonical_factory import make_apps, many

from analysis.charts import figures as charts
from analysis.core.safety import plotly_text
from analysis.export.markdown import WORD_JOINER, inert_sentence
from analysis.funnel.segments import build_segments
from analysis.funnel.timing import build_timing

LINK = "<a href='https://evil.example'>Evil</a>"
BOLD = "<b>Bold Co</b>"
HOSTILE = (
    "Company,Role,Date Applied,Status,Feedback,Source\n"
    f"{LINK},Analyst,2026-09-01,Rejected,\"**Bold** claim: not enough SQL experience :material/warning: &lt;3 "
    "https://evil.example/why\",<b>Referral</b> from Priya\n"
    f"{BOLD},Analyst,2026-09-02,Rejected,Not enough experience with SQL,LinkedIn :material/warning:\n"
    ":material/warning: Ltd,Analyst,2026-09-03,Rejected,Your communication was unclear,www.jobs.example\n"
    "Acme &lt;3,Analyst,2026-09-04,Interview,,Referral\n"
    "[x](https://evil.example),Analyst,2026-09-05,Rejected,,LinkedIn\n"
    "Gamma,Analyst,2026-09-06,Rejected,No thanks,Indeed\n"
    "Delta,Analyst,2026-09-07,Applied,,Indeed\n"
    "Echo,Analyst,2026-09-08,Offer,,Referral\n"
)
CASELOAD = (
    "Candidate,Company,Role,Date Applied,Status\n"
    + "".join(f"<b>Ana</b>,Firm {i},Analyst,2026-09-{i + 1:02d},Rejected\n" for i in range(5))
    + "".join(f":material/warning: Ben,Shop {i},Analyst,2026-10-{i + 1:02d},Applied\n" for i in range(5))
)
RAW_MARKUP = (
    re.compile(r"(?<!\\)<(a|b)\b"),  # an HTML tag Streamlit or plotly would draw
    re.compile(r"(?<!\\)\*\*Bold"),  # emphasis
    re.compile(r"(?<!\\)\[x\]\("),  # a Markdown link
    re.compile(r"(?<!\\):material/warning"),  # an icon (a backslash alone does not stop it, a word joiner does)
    re.compile(r"https:(?!\\?\u2060)//|www\.(?!\u2060)"),  # an autolink
    re.compile(r"(?<!\\)&lt;"),  # an entity, which would show as "<"
)
MARKDOWN_ELEMENTS = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader")


def rendered_markdown(at) -> list[str]:
    """Every text the page hands to Streamlit's Markdown: bodies, alert titles, metric labels and tooltips,
    expander labels."""
    found = [str(item.value) for kind in MARKDOWN_ELEMENTS for item in getattr(at, kind)]
    found += [getattr(item.proto, "title", "") for kind in ("info", "warning", "error", "success")
              for item in getattr(at, kind)]
    found += [text for item in at.metric for text in (item.label, item.proto.help)]
    found += [item.label for item in at.expander]
    return found


def raw_markup(texts: list[str]) -> list[str]:
    return [text for text in texts for pattern in RAW_MARKUP if pattern.search(text)]


@pytest.mark.parametrize("page", ["funnel", "feedback", "summary", "plan", "data", "caseload"])
def test_every_page_shows_markup_urls_icons_and_entities_from_cells_as_typed(page):
    at = upload(open_app(page), "hostile.csv", HOSTILE.encode())
    no_exception(at)
    texts = rendered_markdown(at)
    assert texts and raw_markup(texts) == []


def test_the_summary_quotes_companies_sources_and_feedback_escaped():
    at = upload(open_app("summary"), "hostile.csv", HOSTILE.encode())
    document = next(text for text in rendered_markdown(at) if text.startswith("# Next Steps"))
    joiner = WORD_JOINER
    assert "| Referral, \\<b\\>Referral\\</b\\> from Priya |" in document
    assert f"| www{joiner}.jobs.example |" in document
    assert (f"(\\<a href\\='https\\:{joiner}//evil.example'\\>Evil\\</a\\>, before any interview)") in document
    assert (f"“\\*\\*Bold\\*\\* claim\\:{joiner} not enough SQL experience \\:{joiner}material/warning\\:{joiner} "
            f"\\&lt;3 https\\:{joiner}//evil.example/why”") in document


def test_the_caseload_names_candidates_as_typed():
    at = upload(open_app("caseload"), "coach.csv", CASELOAD.encode())
    no_exception(at)
    assert raw_markup(rendered_markdown(at)) == []
    headings = [str(item.value) for item in at.subheader]
    assert "\\<b\\>Ana\\</b\\>" in headings and f"\\:{WORD_JOINER}material/warning\\:{WORD_JOINER} Ben" in headings


def test_an_engine_sentence_quoting_user_text_reads_as_written_but_renders_nothing():
    sentence = inert_sentence("Through <b>x</b> :smile: :material/warning: https://a.example a@b.example &lt; **b**")
    assert sentence == ("Through \\<b\\>x\\</b\\> :\u2060smile: :\u2060material/warning: https:\u2060//a.example "
                        "a@\u2060b.example \\&lt; \\*\\*b\\*\\*")
    assert inert_sentence("# Referral\n1. first\n- LinkedIn") == "\\# Referral\n1\\. first\n\\- LinkedIn"
    assert inert_sentence("Follow up after 7 days.") == "Follow up after 7 days."


def plotly_shows(label: str) -> str:
    """What plotly.js draws for a label: it decodes &amp; &lt; &gt; and numeric entities (its convertEntities),
    and reads tags; the labels tested here must hold no tag once decoded back."""
    assert not re.search(r"<(?!br>)", label), label  # no tag but our own line breaks
    decoded = re.sub(r"&#(\d+);", lambda found: chr(int(found.group(1))), label)
    return decoded.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


HOSTILE_CHANNELS = (LINK, BOLD, "Acme &lt;3 %{y}")


def hostile_channel_apps():
    """Three channels named with user text: the first clearly better (10 of 12 interviews vs 1 of 24)."""
    rows = many(10, channel=LINK, furthest_stage="first_interview", outcome="rejected", applied_on="2026-09-01",
                responded_on="2026-09-05")
    rows += many(2, channel=LINK, outcome="rejected", applied_on="2026-09-01", responded_on="2026-09-04")
    for channel in HOSTILE_CHANNELS[1:]:
        rows += many(11, channel=channel, outcome="rejected", applied_on="2026-09-02", responded_on="2026-09-12")
        rows += many(1, channel=channel, furthest_stage="first_interview", outcome="rejected",
                     applied_on="2026-09-02", responded_on="2026-09-09")
    return make_apps(rows)


def test_plotly_text_turns_markup_into_entities_plotly_decodes_back():
    assert plotly_text(LINK) == "&lt;a href='https://evil.example'&gt;Evil&lt;/a&gt;"
    assert plotly_text("Acme &lt;3") == "Acme &amp;lt;3"
    assert plotly_shows(plotly_text("Acme &lt;3 <b>x</b>")) == "Acme &lt;3 <b>x</b>"


def test_channel_chart_labels_and_title_show_channel_names_as_typed():
    chart = charts.channel_chart(build_segments(hostile_channel_apps()))
    figure = chart.figure
    assert chart.title.startswith(LINK)  # the Streamlit heading gets the plain finding (inert_sentence there)
    assert [plotly_shows(label) for label in figure.data[0].y] == [f"{name} (n=12)" for name in HOSTILE_CHANNELS]
    assert plotly_shows(figure.layout.title.text.replace("<br>", " ")) == chart.title
    assert LINK not in figure.to_json() and BOLD not in figure.to_json()


def test_reply_curve_legend_names_channels_as_typed_and_no_hover_template_holds_user_text():
    figure = charts.response_time_chart(build_timing(hostile_channel_apps())).figure
    channel_traces = [trace for trace in figure.data if trace.name not in ("95% interval", "all applications", None)]
    assert sorted(plotly_shows(trace.name) for trace in channel_traces) == sorted(HOSTILE_CHANNELS)
    for trace in figure.data:
        assert not any(part in (trace.hovertemplate or "") for part in ("Evil", "Bold", "Acme"))
    assert LINK not in figure.to_json() and BOLD not in figure.to_json()
