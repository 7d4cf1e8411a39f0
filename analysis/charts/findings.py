"""The words of each chart: a title stating the finding and a one-sentence caption saying what to do.

Pure functions of the computed results, returning ``(title, caption)``, so the Markdown and
HTML reports can state the same findings as the charts without drawing them.
"""
from __future__ import annotations

from statistics import mean

from analysis.core.stats import Rate
from analysis.core.wording import channel_subject, whole_or_part
from analysis.focus.followup import DEFAULT_RULE, FollowUpRule
from analysis.funnel.sankey import NODE_LABELS, Flow
from analysis.funnel.segments import Segment
from analysis.funnel.stages import Funnel
from analysis.funnel.timing import Timing
from analysis.funnel.trend import FLAT, IMPROVING, WORSENING, Trend

STAGE_ACTIONS: dict[str, str] = {
    "applied": "Tailor your CV to each posting and ask for referrals before sending more cold applications.",
    "first_interview": "Rehearse a two-minute story of your experience and research each company before screening calls.",
    "second_interview": "Practise the technical or case questions of your field and ask for feedback after each round.",
    "final_interview": "You are getting close: ask for feedback after finals and prepare sharp questions for the team.",
}
ENDING_ACTIONS: dict[str, str] = {
    "No response": "Follow up once on each silent application, and shift effort to referrals, which convert far better "
                   "in published data.",
    "Rejected": "Ask for feedback on each rejection; the Feedback page groups what it says.",
    "Withdrawn": "Check why you withdrew, and apply only to roles you would accept.",
    "In progress": "Many applications are still open: update your tracker as answers arrive.",
}
ENDING_PHRASES: dict[str, str] = {
    "No response": "never got a response",
    "Rejected": "were rejected",
    "Withdrawn": "were withdrawn",
    "In progress": "are still in progress",
}
def funnel_text(funnel: Funnel) -> tuple[str, str]:
    """Title and caption of the funnel chart: where the funnel narrows (see ``find_bottleneck``)."""
    bottleneck, interview_rate = funnel.bottleneck, funnel.overview.interview_rate
    if bottleneck is None:
        if interview_rate.too_few:
            title = "Too few decided applications to find where your funnel narrows"
        else:
            title = f"{interview_rate.percent()} of your applications reached an interview (n={interview_rate.n})"
        return title, f"{funnel.bottleneck_verdict.sentence} Keep logging every outcome."
    if bottleneck.stage == "applied":
        title = f"Your funnel narrows most before any interview: {bottleneck.pass_rate.label()} got one"
    else:
        title = f"Your funnel narrows most at the {NODE_LABELS[bottleneck.stage].lower()}: {bottleneck.pass_rate.label()} moved on"
    return title, STAGE_ACTIONS[bottleneck.stage]


def rejection_text(funnel: Funnel) -> tuple[str, str]:
    """Title and caption of the rejection-rate chart: the stage with the largest share of rejections."""
    most = funnel.most_rejections
    if most is None:
        return "No rejections recorded yet", "Log the stage each rejection comes at; this chart will show where they cluster."
    where = "before any interview" if most.stage == "applied" else f"at the {NODE_LABELS[most.stage].lower()}"
    # a share of all rejections, said as one: the bars show each stage's rejection rate, another number
    title = f"{most.share:.0%} of your rejections come {where}"
    if most.share <= 0.5:
        title += ", more than at any other stage"
    return title, STAGE_ACTIONS[most.stage]


def sankey_text(flows: tuple[Flow, ...] | list[Flow]) -> tuple[str, str]:
    """Title and caption of the flow diagram: the most common ending, and the offers."""
    total = sum(f.value for f in flows if f.source == NODE_LABELS["applied"])
    endings: dict[str, int] = {}
    for flow in flows:
        if flow.target in ENDING_PHRASES:
            endings[flow.target] = endings.get(flow.target, 0) + flow.value
    offers = sum(f.value for f in flows if f.target == NODE_LABELS["offer"])
    ending, count = max(endings.items(), key=lambda item: item[1]) if endings else ("", 0)
    title = f"{whole_or_part(count, total)} applications {ENDING_PHRASES[ending]}" if ending else f"{whole_or_part(total, total)} applications"
    title += f"; {offers} reached an offer" if offers else "; none has reached an offer yet"
    return title, ENDING_ACTIONS.get(ending, "Keep logging outcomes as they arrive.")


def channel_findings(groups: list[Segment]) -> list[tuple[str, str]]:
    """(finding, action) of each channel clearly better (best first) or worse (worst first) than the rest:
    the channel chart's title is the first, the summary lists them all in the same words."""
    rates = [g.interview_rate for g in groups]
    total_n, total_hits = sum(r.n for r in rates), sum(r.successes for r in rates)
    better = sorted((g for g in groups if g.verdict == "better"), key=lambda g: -g.interview_rate.value)
    worse = sorted((g for g in groups if g.verdict == "worse"), key=lambda g: g.interview_rate.value)
    found = []
    for pick in better + worse:
        rest = Rate.of(total_hits - pick.interview_rate.successes, total_n - pick.applications)
        noun, verb = channel_subject(pick.name)
        how = "interviews more often" if pick.verdict == "better" else "fewer interviews"
        where = noun if noun == "LinkedIn" else noun.lower()
        action = (f"Send more of your applications through {where}." if pick.verdict == "better" else
                  f"Spend less time on {where} and more on the channels that answer you.")
        found.append((f"{noun} {verb} you {how}: {pick.interview_rate.percent()} vs {rest.percent()} elsewhere", action))
    return found


def channel_text(groups: list[Segment]) -> tuple[str, str]:
    """Title and caption of the channel chart: a channel significantly better or worse than the rest."""
    enough = [g for g in groups if not g.interview_rate.too_few]
    found = channel_findings(groups)
    if found:
        return found[0]
    if len(groups) == 1:
        only = groups[0]
        return (
            f"{whole_or_part(only.applications, only.applications)} applications came through {channel_subject(only.name)[0]}: nothing to compare yet",
            "Try at least 5 applications through another channel, such as a referral or a recruiter.",
        )
    if len(enough) >= 2:
        low = min(enough, key=lambda g: g.interview_rate.value)
        high = max(reversed(enough), key=lambda g: g.interview_rate.value)  # another channel on a tie
        spread = (f"interview rates from {low.interview_rate.percent()} ({low.name}) to "
                  f"{high.interview_rate.percent()} ({high.name})" if low.interview_rate.percent() != high.interview_rate.percent()
                  else f"every channel with 5 applications or more is at about {low.interview_rate.percent()}")
        return (
            f"No channel stands out yet: {spread}",
            "Keep at least 5 applications per channel, including a referral or recruiter route, so real differences can show.",
        )
    return (
        "Too few applications per channel to compare yet",
        "Log where each application came from and try at least 5 per channel to compare them.",
    )


def response_time_text(timing: Timing, rule: FollowUpRule = DEFAULT_RULE) -> tuple[str, str]:
    """Title and caption of the reply curve: how soon half (or some) of the applications get a reply,
    counting those still waiting (:attr:`~analysis.funnel.survival.ReplySurvival.headline`), and the one
    follow-up rule of the user's no-response window."""
    return timing.survival.headline, rule.sentence()


def trend_text(trend: Trend) -> tuple[str, str]:
    """Title and caption of the weekly chart: the verdict on the interview rate."""
    if trend.verdict not in (IMPROVING, WORSENING, FLAT):
        pace = mean(w.applications for w in trend.weeks) if trend.weeks else 0.0
        return (
            f"{trend.sentence.rstrip('.')} ({pace:.1f} applications a week so far)",
            "Keep applying steadily and logging outcomes: once both halves of your search have 5 applications "
            f"older than {trend.window_days} days, a trend will show.",
        )
    split = f"{trend.split_on:%d %b}"
    title = trend.sentence.rstrip(".")  # the verdict as the summary and the Plan page word it
    if trend.verdict == IMPROVING:
        return title, f"Whatever you changed around {split} is working: keep doing it."
    if trend.verdict == WORSENING:
        return title, f"Look at what changed around {split} (channel, roles or CV) and go back to what worked."
    return title, "Change one thing at a time (CV, channel or role level) for a few weeks, so the trend shows what works."
