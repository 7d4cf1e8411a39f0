"""The improvement summary as plain data: computed once here, rendered by every export format.

``build_summary(report)`` turns a :class:`~analysis.report.Report` into an :class:`ImprovementSummary`:
headline numbers, then sections (overview, funnel, channels, feedback, focus areas, a short
plan, pace and replies, data quality, period and settings) made of paragraphs, bullet lists,
tables and chart references. Every sentence is worded from the numbers here; the Markdown,
HTML and Excel writers only lay it out.

Text is a tuple of parts (:data:`Text`). Parts that are :class:`UserText` come from the user's
file (company names, feedback, status values...) or from another module that may quote it;
each writer escapes them for its format (Markdown backslashes, HTML entities, Excel formula
neutralising). Plain ``str`` parts are this module's own wording.
"""
from __future__ import annotations


from analysis.chart_findings import STAGE_ACTIONS
from analysis.feedback import OUTSIDE_CONTROL
from analysis.funnel import APPLICATION_INTERVIEW_BENCHMARK
from analysis.norms import norms_beside
from analysis.planner import Pace, applications_per_offer, needle_movers, weekly_pace
from analysis.schema import STAGE_LABELS
from analysis.stats import Rate
from analysis.summary_model import (
    Block,
    Bullets,
    ChartRef,
    Column,
    FocusItem,
    FocusList,
    Headline,
    ImprovementSummary,
    Paragraph,
    Plan,
    PlanWeek,
    Section,
    Table,
    Text,
    UserText,
    text,
)
from analysis.wording import date_phrase, days_phrase, interval, percent, plural, rate_phrase, theme_name

PLAN_MIN_WEEKS, PLAN_MAX_WEEKS = 2, 4
NOT_A_PLAN_WEEK = ("not_personal",)
"""Focus areas about how to read results rather than what to do; the plan skips them."""
PUBLISHED_INTERVIEW_RANGE = (0.03, APPLICATION_INTERVIEW_BENCHMARK)


# ---- sections ---------------------------------------------------------------------------------


def _headlines(report) -> tuple[Headline, ...]:
    overview = report.funnel.overview
    delay = report.timing.overall

    def rate_headline(label: str, rate: Rate) -> Headline:
        if rate.n == 0:
            return Headline(label, "n/a", "no applications", None, "percent")
        if rate.too_few:
            return Headline(label, "too few to tell", f"{rate.successes} of {rate.n}", rate.value, "percent")
        return Headline(label, rate.percent(), f"{rate.successes} of {rate.n}; 95% CI {interval(rate)}", rate.value, "percent")

    median = delay.median_days
    return (
        Headline("Applications", str(overview.applications), _period_phrase(report), overview.applications, "count"),
        rate_headline("Interview rate", overview.interview_rate),
        rate_headline("Offer rate", overview.offer_rate),
        rate_headline("Response rate", overview.response_rate),
        Headline(
            "Median days to reply",
            days_phrase(median),
            f"from {plural(delay.n, 'dated reply', 'dated replies')}" if delay.n else "no reply dates in the file",
            median,
            "days",
        ),
    )


def _period_phrase(report) -> str:
    period = report.period
    if period is None:
        return "no application dates"
    if period[0] == period[1]:
        return date_phrase(period[0])
    return f"{date_phrase(period[0])} to {date_phrase(period[1])}"


def _overview(report) -> Section:
    overview = report.funnel.overview
    total = overview.applications
    if total == 0:
        return Section("overview", "Overview", (Paragraph(text("There are no applications to summarise yet.")),))
    period = report.period
    opening = (
        f"Between {date_phrase(period[0])} and {date_phrase(period[1])} you sent {plural(total, 'application')}."
        if period and period[0] != period[1]
        else f"On {date_phrase(period[0])} you sent {plural(total, 'application')}."
        if period
        else f"You sent {plural(total, 'application')} (the file has no application dates)."
    )
    interview, offer, response = overview.interview_rate, overview.offer_rate, overview.response_rate
    sentences = [
        opening,
        f" {interview.successes} reached an interview: {rate_phrase(interview)}.",
        f" {offer.successes} reached an offer: {rate_phrase(offer)}.",
        f" {response.successes} got any reply at all: {rate_phrase(response)}.",
    ]
    delay = report.timing.overall
    if delay.n:
        sentences.append(f" Employers who replied took a median of {days_phrase(delay.median_days)} (n={delay.n}).")
    blocks: list[Block] = [Paragraph(text(*sentences))]
    if not report.loaded.normalized.outcomes_known:
        blocks.append(Paragraph(text("Your file has no status or stage column, so every application counts as in "
                                     "progress: the interview, offer and response rates here are not yet meaningful. "
                                     "Add a status column to your tracker to see where applications stop.")))
        return Section("overview", "Overview", tuple(blocks))
    comparison = _norm_comparison(interview)
    if comparison:
        blocks.append(Paragraph(text(comparison)))
    return Section("overview", "Overview", tuple(blocks))


def _norm_comparison(interview: Rate) -> str:
    """The interview rate beside the published application -> interview range (NORMS.md)."""
    if interview.too_few or interview.value is None:
        return ""
    low, high = PUBLISHED_INTERVIEW_RANGE
    source = ("the 3–8% published for employers' whole applicant pipelines "
              "(CareerPlug 2024 data; Ashby 2021–2025), which include untargeted applicants")
    if interview.low > high:
        return f"Your interview rate is above {source}: your applications are getting noticed."
    if interview.high < low:
        return (f"Your interview rate is below {source}: look at how you choose roles and tailor "
                "your CV before sending more applications.")
    return f"Your interview rate is not clearly different from {source}."


def _funnel(report) -> tuple[Section, Table]:
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
    if bottleneck is None:
        blocks.append(Paragraph(text(
            "Bottleneck: too few decided applications at each stage (at least 5 are needed) to say where "
            "your funnel narrows most. Keep logging every outcome.")))
    else:
        name = "before any interview" if bottleneck.stage == "applied" else f"at the {STAGE_LABELS[bottleneck.stage].lower()}"
        blocks.append(Paragraph(text(f"Bottleneck: your funnel narrows most {name}: {bottleneck.reason}. "
                                     f"{STAGE_ACTIONS.get(bottleneck.stage, '')}".rstrip())))
    rejected = [(stage, stage.ended["rejected"]) for stage in funnel.stages[:-1]]
    total_rejected = sum(count for _, count in rejected)
    if total_rejected:
        stage, count = max(rejected, key=lambda item: item[1])
        where = "before any interview" if stage.stage == "applied" else f"at the {STAGE_LABELS[stage.stage].lower()}"
        blocks.append(Paragraph(text(
            f"{count} of your {plural(total_rejected, 'rejection')} ({percent(count / total_rejected)}) came {where}.")))
    no_response = funnel.overview.no_response_rate
    if no_response.successes:
        inferred = funnel.overview.no_response_inferred
        note = (f" {inferred} of them {'is' if inferred == 1 else 'are'} inferred: open with no reply for more than "
                f"{report.loaded.settings.ghost_after_days} days." if inferred else "")
        blocks.append(Paragraph(text(
            f"{plural(no_response.successes, 'application')} never got a response: {rate_phrase(no_response)}.{note}")))
    blocks.append(ChartRef("funnel_chart"))
    blocks.append(ChartRef("rejection_rate_chart"))
    return Section("funnel", "Where applications stop", tuple(blocks)), table


_VERDICT_WORDS = {"better": "better than the rest", "worse": "worse than the rest"}


def _channels(report) -> tuple[Section, Table]:
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
    works = [s for s in segments if s.verdict == "better"]
    fails = [s for s in segments if s.verdict == "worse"]
    findings: list[Text] = []
    for segment in works:
        findings.append(text(f"Works: {segment.name}. {segment.interview_rate.successes} of {segment.applications} "
                             f"reached an interview, {rate_phrase(segment.interview_rate)}: clearly more often than "
                             "through your other channels. Send more applications this way."))
    for segment in fails:
        findings.append(text(f"Does not work: {segment.name}. {segment.interview_rate.successes} of {segment.applications} "
                             f"reached an interview, {rate_phrase(segment.interview_rate)}: clearly less often than "
                             "through your other channels. Spend less time here."))
    if not works and not fails:
        enough = [s for s in segments if not s.interview_rate.too_few]
        if len(segments) <= 1:
            findings.append(text("All your applications came through one channel, so there is nothing to compare yet. "
                                 "Try at least 5 through another route, such as a referral or a recruiter."))
        elif len(enough) >= 2:
            high = max(enough, key=lambda s: s.interview_rate.value)
            low = min(enough, key=lambda s: s.interview_rate.value)
            findings.append(text(f"No channel is clearly better or worse yet (Fisher's exact test at 5%): interview rates "
                                 f"range from {low.interview_rate.percent()} ({low.name}) to "
                                 f"{high.interview_rate.percent()} ({high.name})."))
        else:
            findings.append(text("Too few applications per channel to compare them: aim for at least 5 per channel."))
    blocks: list[Block] = [Bullets(tuple(findings)), table, ChartRef("channel_chart")]
    return Section("channels", "Channels that work and channels that do not", tuple(blocks)), table


def _feedback(report) -> tuple[Section, Table, Table]:
    """Themes to work on, strengths, coverage, what was not personal, and a few quotes."""
    feedback = report.feedback
    themes = [(item["theme"], int(item["count"]), item["share"]) for item in feedback.theme_counts()]
    strengths = [(item["theme"], int(item["count"]), item["share"]) for item in feedback.strength_counts()]
    columns = (Column("Mentions", "count"), Column("Share of feedback texts", "percent"))
    theme_table = Table(
        "Themes the feedback raised as something to improve",
        (Column("Theme"), *columns),
        tuple((theme_name(theme), count, share) for theme, count, share in themes),
        "No feedback themes found.",
    )
    strength_table = Table(
        "Strengths the feedback named",
        (Column("Strength"), *columns),
        tuple((theme_name(theme), count, share) for theme, count, share in strengths),
        "No strengths named yet.",
    )
    findings: list[Text] = []
    coverage, outside = feedback.coverage, feedback.outside_control
    if coverage.n:
        findings.append(text(f"Feedback: {coverage.successes} of your {plural(coverage.n, 'rejection')} came with "
                             f"feedback text, {rate_phrase(coverage)}."))
    in_control = [(theme, count) for theme, count, _ in themes if theme not in OUTSIDE_CONTROL]
    if in_control:
        named = " and ".join(f"{theme_name(t).lower()} ({plural(c, 'mention')})" for t, c in in_control[:2])
        findings.append(text(f"What keeps coming up that you can work on: {named}."))
    if outside.successes:
        findings.append(text(f"Not about you: {outside.successes} of the {plural(outside.n, 'rejection')} with feedback, "
                             f"{rate_phrase(outside)}, named a role that was filled, frozen or cancelled or gave no "
                             "specific reason. Leave them out when you look for patterns."))
    if strengths:
        top_strengths = ", ".join(theme_name(t).lower() for t, _, _ in strengths[:3])
        findings.append(text(f"Strengths employers named: {top_strengths}. Lead with them in your CV and interviews."))
    if not feedback.text_count:
        findings.append(text("No feedback text to read yet. Ask for feedback after each rejection, especially after interviews."))
    blocks: list[Block] = [Bullets(tuple(findings))]
    quotes = _quotes(feedback, [(theme, False) for theme, _ in in_control[:2]] + [(theme, True) for theme, _, _ in strengths[:1]])
    if quotes:
        blocks.extend((Paragraph(text("In the employers' words:")), Bullets(quotes)))
    blocks.extend((theme_table, strength_table))
    return Section("feedback", "What the feedback says", tuple(blocks)), theme_table, strength_table


def _quotes(feedback, themes: list[tuple[str, bool]], per_theme: int = 2, characters: int = 240) -> tuple[Text, ...]:
    """The latest quotes of each (theme, praised) pair, each text once, with the company and stage."""
    seen: set[str] = set()
    result: list[Text] = []
    for theme, praised in themes:
        chosen = [quote for quote in feedback.quotes.get(theme, ()) if quote.praised == praised]
        for quote in chosen[:per_theme]:
            words = " ".join(str(quote.text).split())
            if not words or words in seen:
                continue
            seen.add(words)
            shown = words if len(words) <= characters else words[: characters - 1].rstrip() + "…"
            source: list[str] = [UserText(quote.company)] if str(quote.company).strip() else []
            stage = "before any interview" if quote.stage == "applied" else STAGE_LABELS.get(quote.stage, "").lower()
            if stage:
                source.append(("" if not source else ", ") + stage)
            label = "strength" if quote.praised else "to work on"
            suffix = [" (", *source, ")"] if source else []
            result.append(text(f"{theme_name(theme)} ({label}): “", UserText(shown), "”", *suffix))
    return tuple(result)


def _focus(report) -> tuple[Section, tuple[FocusItem, ...]]:
    items = tuple(
        FocusItem(
            rank=i,
            id=str(area.id),
            title=UserText(area.title),
            why=UserText(area.why),
            actions=tuple(UserText(action) for action in area.actions),
        )
        for i, area in enumerate(report.focus_areas, start=1)
    )
    if not items:
        blocks: tuple[Block, ...] = (Paragraph(text("No focus area stands out yet: keep logging outcomes and feedback.")),)
    else:
        blocks = (Paragraph(text("Ranked by how much each is likely to change your results.")), FocusList(items))
    return Section("focus", "What to focus on next", blocks), items


def _plan(report, focus: tuple[FocusItem, ...], pace: Pace) -> Plan:
    """2-4 weeks: one actionable focus area a week at the user's own pace, then a review week."""
    best = [s for s in report.segments.channel.segments if s.verdict == "better"]
    channel = max(best, key=lambda s: s.interview_rate.value).name if best else None
    bottleneck = report.funnel.bottleneck
    if pace.per_week is None:
        target = None
        pace_text = "Your file has no application dates, so set a weekly number of applications you can keep up."
    else:
        fewer = bottleneck is not None and bottleneck.stage == "applied" and pace.per_week > 5
        target = max(2, round(pace.per_week * (0.7 if fewer else 1.0)))
        pace_text = (f"You sent {pace.label()}"
                     + (f"; send about {target} a week, fewer but better tailored." if fewer else f"; keep to about {target} a week."))
    top = [item for item in focus if item.id not in NOT_A_PLAN_WEEK][: PLAN_MAX_WEEKS - 1]
    weeks_count = min(PLAN_MAX_WEEKS, max(PLAN_MIN_WEEKS, len(top) + 1))
    weeks: list[PlanWeek] = []
    applications_task = None
    if target is not None:
        applications_task = text(f"Send {target} applications" + (f", at least {max(1, round(target / 2))} through the {channel} channel" if channel else "") + ".")
    for number in range(1, weeks_count + 1):
        tasks: list[Text] = []
        if number <= len(top):
            area = top[number - 1]
            focus_text = text(area.title)
            tasks.extend(text(action) for action in area.actions[:2])
        elif number < weeks_count:
            focus_text = text("Keep going")
            tasks.append(text("Repeat what worked in the weeks before."))
        else:
            focus_text = text("Review")
            interview = report.funnel.overview.interview_rate
            tasks.append(text("Update every application in your tracker with its latest stage, outcome and feedback."))
            tasks.append(text(f"Compare the interview rate of the applications sent during these weeks with your "
                              f"{interview.percent()} so far, and keep what helped."))
        if applications_task and not (number == weeks_count and number > len(top)):
            tasks.append(applications_task)
        weeks.append(PlanWeek(number, focus_text, tuple(tasks)))
    intro = text(f"A {weeks_count}-week plan built from your top focus areas. {pace_text}")
    return Plan(intro, tuple(weeks))


def _pace_and_replies(report, pace: Pace) -> Section:
    trend, timing = report.trend, report.timing
    items: list[Text] = []
    if pace.per_week is not None:
        items.append(text(f"Pace: {pace.label()}, up to {date_phrase(pace.until)}."))
    if trend.verdict in ("improving", "worsening", "flat") and trend.split_on is not None:
        word = {"improving": "improving", "worsening": "falling", "flat": "steady"}[trend.verdict]
        items.append(text(f"Trend: your interview rate is {word}: {rate_phrase(trend.first_half)} before "
                          f"{date_phrase(trend.split_on)}, {rate_phrase(trend.second_half)} since."))
    else:
        items.append(text("Trend: too early to tell whether your interview rate is changing "
                          "(it needs a month or more and 5 settled applications in each half)."))
    if timing.overall.n:
        items.append(text(f"Replies: employers who replied took a median of {days_phrase(timing.median_days)} "
                          f"(n={timing.overall.n})."))
    if timing.slow_companies:
        slow = [UserText(f"{c.company} ({days_phrase(c.median_days)})") for c in timing.slow_companies[:5]]
        items.append(text(f"Slow to reply (median over {timing.slow_after_days} days): ", *_join(slow), "."))
    if timing.silent_companies:
        silent = [UserText(f"{c.company} ({c.applications})") for c in timing.silent_companies[:5]]
        items.append(text("Never answered any of your applications: ", *_join(silent), "."))
    charts = (ChartRef("weekly_trend_chart"), ChartRef("response_time_chart"))
    return Section("pace", "Pace and replies", (Bullets(tuple(items)), *charts))


def _needle(report, pace: Pace) -> Section:
    """What would move the needle most: the what-if levers ranked by their effect."""
    per_offer = applications_per_offer(report.funnel, pace)
    levers = needle_movers(report.funnel, report.segments, pace)
    blocks: list = [Paragraph(text(per_offer.sentence()))]
    if levers:
        blocks.append(Bullets(tuple(text(lever) for lever in levers), ordered=True))
    return Section("needle", "What would move the needle most", tuple(blocks))


def _norms(report) -> Section:
    """The user's rates beside published figures, each with its source, year, population and caveat."""
    comparisons = norms_beside(report.funnel, report.timing)
    items = tuple(
        # Published wording (">60,000 businesses") is escaped like user text.
        text(UserText(f"{comparison.reading} Measured among: {comparison.populations}. {comparison.caveat}"))
        for comparison in comparisons
    )
    if not items:
        return Section("norms", "Your rates beside published figures",
                       (Paragraph(text("Too few decided applications to set beside published figures yet.")),))
    return Section("norms", "Your rates beside published figures", (Bullets(items),))


def _join(parts: list[str], separator: str = ", ") -> list[str]:
    joined: list[str] = []
    for i, part in enumerate(parts):
        if i:
            joined.append(separator)
        joined.append(part)
    return joined


_COVERED_WARNINGS = ("counted as no response (inferred)", "could not be read; they are listed")
"""Loader warnings that the notes above already state (for the applications reported on)."""


def _data_quality(report) -> tuple[Section, Table, Table, tuple[Text, ...]]:
    loaded = report.loaded
    skipped = Table(
        "Rows skipped",
        (Column("Row", "count"), Column("Reason", "user")),
        tuple((item.row, UserText(item.reason)) for item in loaded.skipped),
        "No rows were skipped.",
    )
    unreadable = Table(
        "Dates that could not be read",
        (Column("Row", "count"), Column("Problem", "user")),
        tuple((item.row, UserText(item.reason)) for item in loaded.normalized.unreadable_dates),
        "Every date could be read.",
    )
    skipped_phrase = (f"{plural(len(loaded.skipped), 'row')} skipped (listed below with the reason)"
                      if loaded.skipped else "no rows skipped")
    notes: list[Text] = [text(f"{plural(loaded.rows_read, 'row')} read; {skipped_phrase}; "
                              f"{plural(len(loaded.applications), 'application')} analysed.")]
    if len(report.applications) != len(loaded.applications):
        notes.append(text(f"This summary covers {len(report.applications)} of the {len(loaded.applications)} "
                          "applications (filters applied)."))
    inferred = int(report.applications["outcome_inferred"].astype(bool).sum())
    notes.append(text(f"{plural(inferred, 'no-response', 'no-responses')} inferred: open applications with no reply "
                      f"for more than {loaded.settings.ghost_after_days} days before {date_phrase(report.today)}."
                      if inferred else "No no-responses were inferred from dates."))
    if loaded.normalized.unreadable_dates:
        notes.append(text(f"{plural(len(loaded.normalized.unreadable_dates), 'date cell')} could not be read; "
                          "fix them in your tracker so timing and trends count them."))
    for warning in loaded.warnings:
        if not any(covered in warning for covered in _COVERED_WARNINGS):
            notes.append(text(UserText(warning)))
    blocks: tuple[Block, ...] = (Bullets(tuple(notes)), skipped, unreadable)
    return Section("data_quality", "Data quality", blocks), skipped, unreadable, tuple(notes)


def _settings(report) -> tuple[Section, Table]:
    loaded = report.loaded
    raw = loaded.raw
    rows: list[tuple[object, object]] = [
        ("Period covered", _period_phrase(report)),
        ("Today (silence counted up to)", date_phrase(report.today)),
        ("No response after", days_phrase(loaded.settings.ghost_after_days) + " without a reply"),
        ("Layout", loaded.layout),
    ]
    filename = getattr(raw, "filename", None) or getattr(raw, "name", None)
    if filename:
        rows.append(("File", UserText(filename)))
    if getattr(raw, "sheet", None):
        rows.append(("Sheet", UserText(raw.sheet)))
    for name, header in loaded.mapping.columns.items():
        if header:
            rows.append((f"Column for {name.replace('_', ' ')}", UserText(header)))
    for theme, words in report.extra_keywords.items():
        rows.append((f"Your keywords for {theme_name(theme).lower()}", UserText(", ".join(words))))
    table = Table("Settings used", (Column("Setting"), Column("Value", "user")), tuple(rows))
    return Section("settings", "Period and settings", (table,)), table


def build_summary(report) -> ImprovementSummary:
    """The improvement summary of a report, worded from its numbers."""
    funnel_section, funnel_table = _funnel(report)
    channel_section, channel_table = _channels(report)
    feedback_section, theme_table, strength_table = _feedback(report)
    focus_section, focus = _focus(report)
    pace = weekly_pace(report.applications)
    plan = _plan(report, focus, pace)
    quality_section, skipped, unreadable, notes = _data_quality(report)
    settings_section, settings_table = _settings(report)
    sections = (
        _overview(report),
        funnel_section,
        channel_section,
        feedback_section,
        focus_section,
        Section("plan", "Your next weeks", (plan,)),
        _needle(report, pace),
        _norms(report),
        _pace_and_replies(report, pace),
        quality_section,
        settings_section,
    )
    return ImprovementSummary(
        title="Next Steps: your job search improvement summary",
        subtitle=text(f"{plural(len(report.applications), 'application')}, {_period_phrase(report)}; "
                      f"prepared {date_phrase(report.today)}"),
        headlines=_headlines(report),
        sections=sections,
        funnel_table=funnel_table,
        channel_table=channel_table,
        theme_table=theme_table,
        strength_table=strength_table,
        focus=focus,
        plan=plan,
        skipped_table=skipped,
        unreadable_table=unreadable,
        settings_table=settings_table,
        quality_notes=notes,
    )
