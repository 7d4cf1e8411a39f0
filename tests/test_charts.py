"""Charts: titles state the finding, captions the action, degenerate input gives no figure."""
import datetime as dt
import warnings

import plotly.graph_objects as go
import pytest
from canonical_factory import make_apps, many

from analysis.charts import base
from analysis.charts import figures as charts
from analysis.core import palette
from analysis.core.stats import wilson_interval
from analysis.funnel.sankey import build_flows
from analysis.funnel.segments import build_segments
from analysis.funnel.stages import build_funnel
from analysis.funnel.timing import build_timing
from analysis.funnel.trend import build_trend

LATER = dt.date(2025, 6, 1)
"""A today long after the applications of search(): every one is old enough for the trend."""


def search():
    """41 applications: 20 ghosted and 10 rejected in January, referrals and interviews in March."""
    return make_apps(
        many(20, applied_on="2025-01-06", outcome="no_response", outcome_inferred=True)
        + many(10, applied_on="2025-01-08", outcome="rejected", responded_on="2025-01-20")
        + many(6, applied_on="2025-03-03", furthest_stage="first_interview", outcome="rejected", channel="Referral",
               source="Priya", responded_on="2025-03-10")
        + many(3, applied_on="2025-03-05", furthest_stage="final_interview", outcome="rejected", responded_on="2025-03-07")
        + [{"applied_on": "2025-03-06", "outcome": "offer", "channel": "Referral"}, {"applied_on": "2025-03-20"}]
    )


def all_charts(apps):
    funnel = build_funnel(apps)
    return {
        "funnel": charts.funnel_chart(funnel),
        "rejection": charts.rejection_rate_chart(funnel),
        "sankey": charts.sankey_chart(build_flows(apps)),
        "channel": charts.channel_chart(build_segments(apps)),
        "timing": charts.response_time_chart(build_timing(apps)),
        "trend": charts.weekly_trend_chart(build_trend(apps, today=LATER)),
    }


def test_titles_state_the_findings():
    made = all_charts(search())
    # first interview: 10 reached, 4 moved on (3 finals + the offer): 40%, interval 17-69%, overlapping the
    # final's 1 of 4 (5-70%), so no stage is named; the title gives the interview rate, 10 of 41
    assert made["funnel"].title == "24% of your applications reached an interview (n=41)"
    # rejections: 10 before interview, 6 at first, 3 at final -> 10/19
    assert made["rejection"].title == "53% of your rejections come before any interview"
    assert made["sankey"].title == "20 of 41 applications never got a response; 1 reached an offer"
    # referrals 7/7 interviewed vs the rest 3/34
    assert made["channel"].title == "Referrals get you interviews more often: 100% vs 9% elsewhere"
    # as of 20 March (the latest date): replies after 2 (x3), 7 (x6) and 12 (x10) days; 20 never answered and
    # one sent that day. Kaplan-Meier: 39 at risk after day 0, 19 replies by day 12: 49% within 14 days, and
    # 20 of 39 (51%) still waiting, so the median is not reached (the replies alone would say 12 days)
    assert made["timing"].title == "Fewer than half of your applications have had a reply"
    # the trend's verdict as the summary words it
    assert made["trend"].title == "Your interview rate is improving: 0% (n=30) before 11 Feb 2025, 100% (n=10) since (more than noise)"


def test_every_chart_has_a_figure_a_caption_and_no_external_resources():
    for name, chart in all_charts(search()).items():
        assert isinstance(chart.figure, go.Figure), name
        assert chart.figure.layout.title.text.replace("<br>", " ") == chart.title
        assert chart.caption.endswith(".") and len(chart.caption) > 20
        text = chart.figure.to_json()
        assert "http://" not in text and "https://" not in text, name


def test_captions_say_what_to_do():
    made = all_charts(search())
    assert made["channel"].caption == "Send more of your applications through referrals."
    assert made["funnel"].caption.startswith("No clear bottleneck yet: 4 of 10 decided first interviews moved on "
                                             "(likely between 17% and 69%)")
    assert made["funnel"].caption.endswith("Keep logging every outcome.")
    # the one follow-up rule, from the default 30-day no-response window
    assert made["timing"].caption == ("Follow up once 15 days after applying if you have heard nothing; after 30 days "
                                      "without a reply, count it as no response and move on.")


@pytest.mark.parametrize(
    ("apps", "title"),
    [
        (make_apps([]), "No applications yet"),
        (make_apps([{"applied_on": "2025-01-01", "outcome": "rejected"}]), "Only one application so far"),
    ],
)
def test_empty_and_single_application_give_no_figure(apps, title):
    for name, chart in all_charts(apps).items():
        assert chart.figure is None, name
        assert chart.caption
    made = all_charts(apps)
    assert made["funnel"].title == title and made["sankey"].title == title and made["channel"].title == title


def test_no_dates_no_rejections_no_interviews():
    apps = make_apps(many(6, outcome="no_response"))
    made = all_charts(apps)
    assert made["timing"].figure is None and made["timing"].title == "No reply dates to measure"
    assert made["trend"].figure is None and made["trend"].title == "No application dates"
    assert made["rejection"].figure is None and made["rejection"].title == "No rejections recorded yet"
    assert made["funnel"].figure is not None
    assert made["funnel"].title == "0% of your applications reached an interview (n=6)"  # 0-39%: not yet below 8%
    assert made["sankey"].title == "All 6 applications never got a response; none has reached an offer yet"


def test_too_few_bars_are_grey_and_hatched():
    apps = make_apps(many(10, outcome="rejected") + many(2, furthest_stage="first_interview", outcome="rejected"))
    chart = charts.rejection_rate_chart(build_funnel(apps))
    bar = chart.figure.data[0]
    assert bar.marker.color[0] == palette.OUTCOME_COLORS["rejected"]
    assert bar.marker.color[1] == palette.NEUTRAL and bar.marker.pattern.shape[1] == "/"
    assert bar.text[1] == "too few to tell (n=2)"
    low, high = wilson_interval(10, 12)
    assert bar.error_y.arrayminus[0] == pytest.approx(100 * (10 / 12 - low))
    assert bar.error_y.array[0] == pytest.approx(100 * (high - 10 / 12))
    assert base.TOO_FEW_NOTE in chart.figure.layout.xaxis.title.text
    assert [note.text for note in chart.figure.layout.annotations][:2] == ["<b>83%</b><br>n=12", "too few<br>n=2"]


def test_channel_titles_worse_and_no_standout():
    worse = make_apps(
        many(20, channel="Job board", outcome="no_response")
        + many(10, channel="Referral", furthest_stage="first_interview", outcome="rejected")
        + many(10, channel="Referral", outcome="rejected")
    )
    chart = charts.channel_chart(build_segments(worse))
    # referral 10/20 is better than job boards 0/20: the better one is named first
    assert chart.title == "Referrals get you interviews more often: 50% vs 0% elsewhere"
    only_worse = make_apps(
        many(1, channel="Job board", furthest_stage="first_interview", outcome="rejected")
        + many(19, channel="Job board", outcome="no_response")
        + [row for channel in ("LinkedIn", "Referral", "Recruiter")
           for row in many(4, channel=channel, furthest_stage="first_interview", outcome="rejected")
           + many(4, channel=channel, outcome="rejected")]
    )
    # job boards 1/20 vs the rest 12/24: p = 0.002; each other channel 4/8 vs its rest 9/36: p = 0.21
    table = build_segments(only_worse).channel
    assert table.get("Job board").verdict == "worse" and table.get("Referral").verdict is None
    chart = charts.channel_chart(table)
    assert chart.title == "Job boards get you fewer interviews: 5% vs 50% elsewhere"
    assert chart.caption == "Spend less time on job boards and more on the channels that answer you."
    even = make_apps(
        many(5, channel="LinkedIn", furthest_stage="first_interview", outcome="rejected") + many(5, channel="LinkedIn", outcome="rejected")
        + many(4, channel="Recruiter", furthest_stage="first_interview", outcome="rejected") + many(6, channel="Recruiter", outcome="rejected")
    )
    assert charts.channel_chart(build_segments(even)).title == "No channel stands out yet: interview rates from 40% (Recruiter) to 50% (LinkedIn)"


def test_channel_colours_come_from_the_palette():
    chart = charts.channel_chart(build_segments(search()))
    colors = list(chart.figure.data[0].marker.color)
    assert colors == [palette.CHANNEL_COLORS["LinkedIn"], palette.CHANNEL_COLORS["Referral"]]


def test_trend_titles():
    steady = make_apps(
        many(3, applied_on="2025-01-06", furthest_stage="first_interview", outcome="rejected")
        + many(7, applied_on="2025-01-06", outcome="rejected")
        + many(4, applied_on="2025-03-03", furthest_stage="first_interview", outcome="rejected")
        + many(6, applied_on="2025-03-03", outcome="rejected")
    )
    assert (charts.weekly_trend_chart(build_trend(steady, today=LATER)).title
            == "Your interview rate is steady: 30% (n=10) before 03 Feb 2025, 40% (n=10) since (no clear change)")
    recent = charts.weekly_trend_chart(build_trend(steady, today=dt.date(2025, 3, 10)))
    assert recent.title == ("Too early to tell: 10 applications are younger than 30 days, so they may still get an "
                            "answer (2.2 applications a week so far)")
    early = make_apps(many(3, applied_on="2025-01-06") + many(3, applied_on="2025-01-08"))
    chart = charts.weekly_trend_chart(build_trend(early, today=LATER))
    assert chart.title == ("Too early to tell a trend: your applications span fewer than 28 days "
                           "(6.0 applications a week so far)")
    assert chart.figure is not None


def test_sankey_nodes_use_stage_and_outcome_colours():
    chart = charts.sankey_chart(build_flows(search()))
    node = chart.figure.data[0].node
    colors = dict(zip(node.label, node.color))
    assert colors["Applied"] == palette.STAGE_COLORS["applied"]
    assert colors["Rejected"] == palette.OUTCOME_COLORS["rejected"]
    assert colors["Offer"] == palette.STAGE_COLORS["offer"]


def variety():
    """Inputs that exercise every branch of every chart: full, too few, undated, unknown outcomes, empty."""
    return [
        search(),
        make_apps(many(10, outcome="rejected") + many(2, furthest_stage="first_interview", outcome="rejected")),
        make_apps(many(6, outcome="no_response")),
        make_apps(many(3, applied_on="2025-01-06") + many(3, applied_on="2025-01-08")),
        make_apps([{"applied_on": "2025-01-01", "outcome": "rejected"}]),
        make_apps([]),
    ]


def test_building_every_chart_emits_no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for apps in variety():
            for chart in all_charts(apps).values():
                if chart.figure is not None:
                    chart.figure.to_json()


def test_no_colour_is_a_list_where_plotly_js_expects_one():
    """plotly.js logged "Invalid color specifier: Array(n)": a hatch pattern in overlay mode derives its
    colours from the per-bar marker colours, and error bars take one colour. (tests/e2e renders them too.)"""
    for apps in variety():
        for name, chart in all_charts(apps).items():
            if chart.figure is None:
                continue
            for trace in chart.figure.data:
                for errors in (getattr(trace, "error_x", None), getattr(trace, "error_y", None)):
                    if errors is not None and errors.array is not None:
                        assert isinstance(errors.color, str), name
                marker = getattr(trace, "marker", None)
                pattern = getattr(marker, "pattern", None)
                if pattern is not None and pattern.shape is not None and not isinstance(marker.color, str):
                    assert pattern.fillmode == "replace", name
            template_bars = chart.figure.layout.template.data.bar
            assert not any(bar.marker.pattern.fillmode == "overlay" for bar in template_bars), name


def test_rate_labels_sit_clear_of_the_error_bars():
    made = all_charts(search())
    rejection = made["rejection"].figure
    bar = rejection.data[0]
    assert bar.textposition == "none" and bar.text[0] == "24% (n=41)"  # the full label stays in the hover
    assert [note.y for note in rejection.layout.annotations] == [100] * 4
    assert max(v + e for v, e in zip(bar.y, bar.error_y.array)) <= 100 < rejection.layout.yaxis.range[1] - 20
    channel = made["channel"].figure
    bar = channel.data[0]
    assert list(bar.y) == ["LinkedIn (n=34)", "Referral (n=7)"]  # the n beside each channel
    assert [note.text for note in channel.layout.annotations] == ["<b>9%</b> ▼ worse", "<b>100%</b> ▲ better"]
    assert all(note.x == 100 and note.xanchor == "left" for note in channel.layout.annotations)
    assert list(channel.layout.xaxis.range) == [0, 100] and channel.layout.margin.r >= 90
    assert "clearly better or worse" in channel.layout.xaxis.title.text


def test_trend_rate_axis_has_round_percentages_and_is_left_out_without_outcomes():
    figure = charts.weekly_trend_chart(build_trend(search())).figure
    axis = figure.layout.yaxis2
    assert (axis.tickformat, axis.dtick, axis.tick0, axis.tickmode) == (".0%", 0.25, 0, "linear")
    line = figure.data[1]
    assert line.yaxis == "y2" and all(0 <= y <= 1 for y in line.y)
    assert line.x[0] == dt.date(2025, 1, 15)  # mid-month
    unknown = charts.weekly_trend_chart(build_trend(make_apps(many(6, applied_on="2025-01-06")))).figure
    assert len(unknown.data) == 1 and "yaxis2" not in unknown.to_plotly_json()["layout"]


def test_reply_curve_is_a_step_chart_counting_those_still_waiting():
    figure = charts.response_time_chart(build_timing(search())).figure
    high, low, *channels, curve = figure.data  # the 95% band's edges, one line per channel, then the curve
    assert curve.line.shape == "hv" and low.fill == "tonexty"
    assert [line.name for line in channels] == ["LinkedIn", "Referral"]  # 13 and 6 replies: both have 5 or more
    assert list(channels[1].y) == [0, 1, 1]  # the 6 referrals still open all replied after 7 days
    # 39 at risk after day 0 (one application sent on the last day): 3, 9 and 19 replied by days 2, 7 and 12;
    # the curve runs on to day 73, the longest wait (the January silences)
    assert list(curve.x) == [0, 2, 7, 12, 73]
    assert list(curve.y) == pytest.approx([0, 3 / 39, 9 / 39, 19 / 39, 19 / 39])
    assert all(lo <= y <= hi for lo, y, hi in zip(low.y, curve.y, high.y))
    assert [shape.x0 for shape in figure.layout.shapes] == [14, 30]
    assert figure.layout.yaxis.range == (0, 1)


def test_charts_of_a_large_search_stay_small():
    """100k applications: the figures carry aggregates, not one value per application."""
    rows = []
    for day in range(28):
        rows += many(10, applied_on=f"2025-02-{day + 1:02d}", responded_on=f"2025-03-{day + 1:02d}", outcome="rejected")
    apps = make_apps(rows * 50)  # 14,000 replies
    for name, chart in all_charts(apps).items():
        assert len(chart.figure.to_json()) < 20_000, name


def test_long_titles_wrap_in_the_figure():
    long = "Your interview rate is falling: 35% before 12 Feb, 8% since, across every channel you used"
    chart = base.new_chart([], (long, "Do something."))
    assert chart.title == long and "<br>" in chart.figure.layout.title.text
    assert chart.figure.layout.margin.t > 70


def test_funnel_labels_are_one_line_beside_the_bars():
    trace = charts.funnel_chart(build_funnel(search())).figure.data[0]
    assert trace.texttemplate == "%{value} (%{percentInitial:.0%})"
    # 41 applied, 10 first interviews (24%), then 4, 4 and 1: only the widest bar holds its label
    assert list(trace.textposition) == ["inside", "outside", "outside", "outside", "outside"]
