"""Make the demo tracker and the blank template kept in ``sample_data/``.

Run from the project root::

    python sample_data/make_sample.py [OUTPUT_DIR]

OUTPUT_DIR defaults to the folder this script lives in. The script writes
``sample_tracker.xlsx``, ``sample_tracker.csv`` (the same rows), ``template.xlsx`` and
``template.csv``. It is deterministic (``random.Random(2026)``, fixed workbook timestamps,
fixed zip entry times), so running it again gives byte-identical files.

The story the sample tells
--------------------------
Alex (fictional) is a mid-level data analyst in London looking for the next role: data
analyst, analytics engineer or BI developer, with a few senior and lead roles in the mix.
Between 18 May and 13 November 2026 Alex sent 150 applications and kept the kind of tracker
most people keep: one row per application, the furthest stage reached, a status, the date
of the last answer, whatever feedback came back, and the odd note.

* Silence is the norm: about four in ten applications never got an answer at all, most of
  the rest were rejected without an interview, often with a boilerplate e-mail.
* The channel matters more than the volume. LinkedIn Easy Apply (1 interview in 30) and the
  job boards (5 in 40) rarely led to an interview; referrals (5 in 12) and agency recruiters
  (13 in 18) did far more often. Alex leaned on referrals more from September on.
* The bottleneck is right after the first interview (a screening call counts as one):
  33 first interviews, 13 second rounds, 8 finals, 2 offers.
* Feedback after first interviews keeps saying two things: answers without concrete
  examples of impact (communication) and too little research into the company
  (preparation). Senior and lead roles were turned down for experience; a few take-home
  tests (Python, dbt, live SQL) went badly; several rejections were out of Alex's hands
  (internal hire, role on hold, hiring freeze, budget).
* Strengths are named too: strong SQL, great enthusiasm, a clear communicator once the
  answers got structured.
* It ends well: an offer declined in September (pay and commute), an offer accepted on
  13 November, four applications withdrawn along the way, and a handful of recent ones
  still open (some with no status yet).
"""
from __future__ import annotations

import csv
import io
import random
import sys
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

SEED = 2026
FIRST_DAY = date(2026, 5, 18)  # a Monday
LAST_DAY = date(2026, 11, 13)  # a Friday; the tracker was last updated that evening
RECENT_FROM = date(2026, 10, 23)  # applications from here on may still be open
FIXED_TIMESTAMP = datetime(2026, 11, 13, 18, 0, 0)

HEADERS: tuple[str, ...] = (
    "Company",
    "Role",
    "Location",
    "Source",
    "Date Applied",
    "Stage",
    "Status",
    "Response Date",
    "Feedback",
    "Notes",
)
COLUMN_WIDTHS: dict[str, int] = {
    "Company": 26,
    "Role": 32,
    "Location": 16,
    "Source": 26,
    "Date Applied": 14,
    "Stage": 16,
    "Status": 15,
    "Response Date": 15,
    "Feedback": 70,
    "Notes": 45,
}
STAGE_WORDS: tuple[str, ...] = (
    "Applied",
    "Phone screen",
    "1st interview",
    "2nd interview",
    "Final interview",
    "Offer",
)
STATUS_WORDS: tuple[str, ...] = (
    "In progress",
    "Rejected",
    "No response",
    "Ghosted",
    "Withdrew",
    "Offer accepted",
    "Offer declined",
)

# Applications per week, Monday 18 May to Friday 13 November (26 weeks, 148 rows; the two
# offers are placed by hand). A keen start, a summer dip, a second wind in the autumn.
WEEKLY_COUNTS: tuple[int, ...] = (
    9, 8, 8, 7, 7, 6, 6, 6, 5, 5, 4, 3, 1, 3, 4, 5, 6, 8, 8, 6, 7, 7, 6, 6, 4, 3,
)
WEEKDAY_WEIGHTS: tuple[float, ...] = (5, 5, 4, 4, 3, 0.5, 1.5)  # Monday .. Sunday

# Source as Alex writes it, its channel group, how many rows, when in the search it is
# used (0 = start, 1 = end), and weights for reaching an interview and for silence.
@dataclass(frozen=True)
class SourcePlan:
    name: str
    channel: str
    count: int
    when: float
    interview_weight: float
    silence_weight: float


SOURCES: tuple[SourcePlan, ...] = (
    SourcePlan("LinkedIn Easy Apply", "LinkedIn", 30, 0.30, 0.2, 1.7),
    SourcePlan("LinkedIn", "LinkedIn", 20, 0.45, 1.0, 1.2),
    SourcePlan("Indeed", "Job board", 14, 0.35, 0.9, 1.5),
    SourcePlan("Otta", "Job board", 10, 0.50, 1.1, 1.0),
    SourcePlan("Welcome to the Jungle", "Job board", 6, 0.55, 1.1, 1.0),
    SourcePlan("Glassdoor", "Job board", 6, 0.35, 0.9, 1.5),
    SourcePlan("Totaljobs", "Job board", 4, 0.30, 0.9, 1.5),
    SourcePlan("Company website", "Company site", 15, 0.50, 1.6, 0.7),
    SourcePlan("Careers page", "Company site", 10, 0.55, 1.6, 0.7),
    SourcePlan("Recruiter (Hays)", "Recruiter", 5, 0.60, 5.0, 0.8),
    SourcePlan("Agency recruiter", "Recruiter", 5, 0.55, 5.0, 0.8),
    SourcePlan("Recruiter (Harnham)", "Recruiter", 4, 0.65, 5.0, 0.8),
    SourcePlan("Recruiter (Robert Walters)", "Recruiter", 3, 0.60, 5.0, 0.8),
    SourcePlan("Referral - Priya", "Referral", 4, 0.70, 8.0, 0.3),
    SourcePlan("Referral from ex-colleague", "Referral", 4, 0.75, 8.0, 0.3),
    SourcePlan("Referral - Tom", "Referral", 3, 0.70, 8.0, 0.3),
    SourcePlan("Meetup", "Other", 3, 0.60, 2.0, 1.0),
    SourcePlan("Twitter", "Other", 2, 0.50, 2.0, 1.0),
)
CHANNEL_OF_SOURCE: dict[str, str] = {plan.name: plan.channel for plan in SOURCES}

ROLE_FAMILIES: tuple[tuple[str, float], ...] = (
    ("Data Analyst", 30),
    ("Analytics Engineer", 22),
    ("BI Developer", 10),
    ("Product Analyst", 8),
    ("Business Intelligence Analyst", 7),
    ("Insight Analyst", 5),
    ("Power BI Developer", 5),
    ("Marketing Data Analyst", 4),
    ("BI Analyst", 4),
    ("Commercial Data Analyst", 3),
    ("Data Analyst (Finance)", 2),
)
JUNIOR_FAMILIES = {"Data Analyst", "Insight Analyst", "BI Analyst", "Marketing Data Analyst"}

LOCATIONS: tuple[tuple[str, float], ...] = (
    ("London", 35),
    ("London (hybrid)", 15),
    ("Remote", 14),
    ("Remote (UK)", 8),
    ("Manchester", 8),
    ("Bristol", 5),
    ("Leeds", 5),
    ("Birmingham", 4),
    ("Edinburgh", 3),
    ("Cambridge", 3),
)

COMPANIES: tuple[str, ...] = (
    "Brightwell Energy", "Fernhill Bank", "Northgate Retail", "Harbourline Insurance",
    "Kestrel Pay", "Mosaic Learning", "Oakridge Foods", "Bluefin Logistics",
    "Copperleaf Health", "Quayside Media", "Ashdown Analytics", "Tidewater Travel",
    "Greystone Property", "Lumen Mobility", "Parkway Pharmacy", "Redbrick Homes",
    "Silverline Telecom", "Marlow & Finch", "Hollybush Group", "Ember Games",
    "Orchard Street Bank", "Meridian Freight", "Thistle Insurance", "Cobalt Robotics",
    "Wrenfield Borough Council", "Saltmarsh Studios", "Pennant Sports", "Driftwood Hotels",
    "Fieldfare Farms", "Lattice Fintech", "Beacon Housing Trust", "Clearwater Utilities",
    "Pebble Pensions", "Juniper Care", "Foxglove Fashion", "Anchorpoint Shipping",
    "Skylark Air", "Ironbridge Engineering", "Velvet Rope Events", "Granary Wharf Ltd",
    "Nimbus Cloud", "Halcyon Wealth", "Tallyho Tickets", "Bramble Pet Insurance",
    "Cinder Coffee Co", "Northstar Talent Tech", "Wayfarer Bikes", "Pinecone Software",
    "Sable Security", "Hearthside Energy", "Rivermead Hospital Trust", "Glasshouse Design",
    "Tandemly", "Brookline Mortgages", "Kiteflyer Toys", "Oxbow Water", "Paperfold",
    "Evergreen Grocers", "Summit Scaffolding", "Cairn Capital", "Longbow Media", "Quillpad",
    "Stonecrop Gardens", "Marigold Dental", "Trellis HR", "Blackbird Audio",
    "Westgate Shopping", "Hopscotch Kids", "Sundial Solar", "Periwinkle Beauty",
    "Rookery Bank", "Corvid Labs", "Lindenwood Furniture", "Galleon Cruises",
    "Mapleleaf Foods UK", "Tessellate", "Flint & Steel Outdoors", "Harrier Motors",
    "Crescent Finance", "Ploughshare Agritech", "Wildflower Health", "Atlas Lettings",
    "Beehive Coworking", "Cartwheel Delivery", "Dovetail Joinery", "Echo Valley Radio",
    "Foundry Ventures", "Gatehouse Legal", "Heron Bay Hotels", "Inkwell Publishing",
    "Jetty Payments", "Keystone Schools Trust", "Lighthouse Charity", "Millstone Insurance",
    "Nettle Organic", "Outpost VR", "Palisade Cyber", "Quarry Lane Brewing", "Ribbonfish",
    "Seabright Energy", "Tundra Outdoor", "Upland Estates", "Vantage Point Research",
    "Willowby Care Homes", "Yardstick Metrics", "Zephyr Airlines", "Acorn Savings",
    "Bellweather Insights", "Chalkline Education", "Deltawave Networks", "Elmstead Council",
    "Fairground Games", "Goldcrest Foods", "Hawthorn Pharmacy", "Kingsbury Arts Centre",
    "Jasper & Vine", "Kittiwake Boats", "Moorhen Water", "Nightjar Records",
    "Oriel Asset Management", "Pipit Robotics", "Quince Bakery", "Rosehip Wellness",
    "Swift Parcel", "Teal Finance", "Umber Paints", "Verdant Energy", "Waxwing Labs",
    "Yew Tree Insurance", "Albatross Travel", "Bittern Bank", "Dunlin Data", "Eider Home",
    "Finchley Motors", "Gannet Marine", "Hedgerow Crafts", "Ibis Scientific",
    "Jackdaw Studios", "Kite Lane Capital", "Lapwing Pensions", "Merlin Freight",
    "Nuthatch Learning", "Osprey Health", "Ptarmigan Software", "Redshank Homes",
    "Shearwater Media", "Treecreeper", "Upstream Foods",
)

# --- Feedback, written for this sample. Lists are in the order they are handed out
# (earliest application first), so the early interviews carry the recurring lessons.

FIRST_ROUND_FEEDBACK: tuple[tuple[str, bool], ...] = (  # (text, needs a senior role)
    ("Thank you for taking the time to interview with us for the role. The panel felt your "
     "SQL was strong, but you did not give concrete examples of stakeholder management, and "
     "on balance we have decided to progress with other candidates.", False),
    ("Recruiter call: they felt my answers were too long and hard to follow. Suggested using "
     "STAR and getting to the point faster.", False),
    ("Hiring manager said I didn't know much about their product or who their customers are. "
     "Fair - I hadn't even downloaded the app before the call.", False),
    ("Hi Alex, thanks again for your time on Tuesday. The team enjoyed meeting you and liked "
     "your enthusiasm, but felt your answers lacked specific examples of the impact of your "
     "work. We wish you the best of luck with your search.", False),
    ("Too vague on the 'tell me about a time' questions - no numbers, no outcomes.", False),
    ("We were looking for someone who could demonstrate a clear understanding of our business "
     "model and the challenges facing our customers. Unfortunately we did not feel you had "
     "prepared enough in this area.", False),
    ("They wanted someone who has managed a team of analysts - I've only mentored juniors.", True),
    ("Blanked when asked why I wanted to work there and what I knew about them. Research every "
     "company properly before the call!!", False),
    ("Failed the live SQL exercise - ran out of time on the window function question.", False),
    ("Rambled on the case question and didn't structure my answer. Their advice: slow down and "
     "lead with the answer.", False),
    ("Said my salary expectations (£55k) were above the budget for the role.", False),
    ("Feedback: friendly and clearly capable, but light on detail about our business, and your "
     "answers did not include concrete examples from your current role.", False),
    ("They decided to hire internally.", False),
    ("We have decided to move forward with other candidates at this stage. No specific feedback "
     "despite me asking twice.", False),
)
SECOND_ROUND_FEEDBACK: tuple[tuple[str, bool], ...] = (
    ("Take-home feedback: the Python notebook worked but wasn't structured or tested - they "
     "wanted cleaner pandas code and some unit tests.", False),
    ("The dbt take-home was fine on modelling but I didn't add tests or documentation; they went "
     "with someone with more hands-on dbt experience.", False),
    ("Strong SQL and good business sense, but they wanted someone with more years in a "
     "commercial analytics role.", False),
    ("Thank you for meeting the team. Everyone enjoyed the conversation, but we felt you would "
     "thrive in a more structured environment than our small, fast-moving team can offer right "
     "now, so we don't think it's the right fit at this time.", False),
)
FINAL_ROUND_FEEDBACK: tuple[tuple[str, bool], ...] = (
    ("It was a very close decision. The panel were impressed by your technical depth, but the "
     "successful candidate had more experience leading analytics projects end to end and "
     "managing senior stakeholders, which is central to this role.", True),
    ("Role put on hold after the final round - hiring freeze announced the week after.", False),
    ("They went with a candidate whose salary expectations fitted the budget better. Said it was "
     "close.", False),
    ("Great enthusiasm and clearly strong technically, but the case study presentation could "
     "have been more structured - focus on the 'so what' for the business rather than walking "
     "through every step of the analysis.", False),
    ("Panel said I was a clear communicator and my dashboard walkthrough was excellent, but I "
     "hadn't thought about how their product actually makes money. Should have researched their "
     "pricing.", False),
)
BEFORE_INTERVIEW_FEEDBACK: tuple[tuple[str, bool], ...] = (  # shuffled before use
    ("too junior", True),
    ("Recruiter: they want 7+ years and experience leading a team for this one.", True),
    ("We are looking for candidates with significant experience leading a BI function, which we "
     "did not see in your application.", True),
    ("role put on hold", False),
    ("internal hire", False),
    ("Position was filled before they reviewed my application.", False),
    ("salary too high", False),
    ("Recruiter said my CV was three pages and didn't show the impact of my work - cut it to two "
     "pages and lead with numbers.", False),
    ("generic rejection email", False),
    ("Generic rejection email", False),
    ("generic rejection email", False),
    ("Unfortunately we have decided not to move forward with your application on this occasion. "
     "We received a very large number of applications.", False),
    ("Auto-reject email 2 days after applying", False),
    ("Thank you for your interest in the position. After careful consideration, we have decided "
     "to pursue other candidates whose experience more closely matches our requirements.", False),
    ("Standard 'not progressing' email", False),
    ("rejected - no reason given", False),
    ("We regret to inform you that we will not be taking your application further. We will keep "
     "your details on file for future opportunities.", False),
    ("Automated rejection, no feedback", False),
    ("Thanks for applying. On this occasion we won't be moving forward, but we encourage you to "
     "apply for future roles.", False),
    ("Rejected through the portal, no feedback", False),
    ("Unfortunately your application has not been successful at this time.", False),
)
GENERAL_NOTES: tuple[tuple[str, str | None], ...] = (  # (note, only for this source)
    ("Cover letter tailored", None),
    ("Salary range £45-55k", None),
    ("Easy Apply - 300+ applicants already", "LinkedIn Easy Apply"),
    ("Hybrid, 2 days in office", None),
    ("Followed up on LinkedIn after 2 weeks", None),
    ("Hiring manager posted the role on LinkedIn", "LinkedIn"),
    ("Used the new CV version", None),
    ("Applied late at night, rushed the cover letter", None),
    ("12-month fixed-term contract", None),
    ("4-day week!", None),
    ("Spoke to someone in the team first", None),
    ("Long application form, 5 questions", "Careers page"),
)


@dataclass
class Application:
    """One row of the tracker while it is being built."""

    applied: date
    source: str
    company: str = ""
    role: str = ""
    location: str = ""
    stage: str = "Applied"
    status: str = ""
    response: date | None = None
    feedback: str = ""
    notes: str = ""
    needs_senior: bool = False
    fixed: bool = False  # placed by hand: keep company and role

    @property
    def channel(self) -> str:
        return CHANNEL_OF_SOURCE[self.source]


def _weighted_pick(rng: random.Random, items: list[Application], weights: list[float], k: int) -> list[Application]:
    """k items without replacement, the chance of each proportional to its weight."""
    if k > len(items):
        raise ValueError(f"cannot pick {k} of {len(items)} rows")
    keyed = sorted(zip(items, weights), key=lambda pair: rng.random() ** (1.0 / pair[1]), reverse=True)
    return [item for item, _ in keyed[:k]]


def _source_plan(name: str) -> SourcePlan:
    return next(plan for plan in SOURCES if plan.name == name)


def _applied_dates(rng: random.Random) -> list[date]:
    """148 application dates, week by week, mostly on weekdays."""
    dates: list[date] = []
    for week, count in enumerate(WEEKLY_COUNTS):
        monday = FIRST_DAY + timedelta(weeks=week)
        last_offset = min(6, (LAST_DAY - monday).days)
        offsets = rng.choices(range(last_offset + 1), weights=WEEKDAY_WEIGHTS[: last_offset + 1], k=count)
        dates.extend(monday + timedelta(days=offset) for offset in offsets)
    dates.sort()
    dates[0], dates[-1] = FIRST_DAY, LAST_DAY
    return dates


def _with_sources(rng: random.Random, dates: list[date]) -> list[Application]:
    """Hand out the sources over time: Easy Apply early, referrals and recruiters later."""
    names = [plan.name for plan in SOURCES for _ in range(plan.count)]
    keyed = sorted(names, key=lambda name: _source_plan(name).when + rng.gauss(0, 0.25))
    return [Application(applied=day, source=name) for day, name in zip(dates, keyed)]


def _offers() -> list[Application]:
    """The two offers, placed by hand so that the search ends where the story says."""
    declined = Application(
        applied=date(2026, 8, 4), source="Recruiter (Hays)", company="Crossway Logistics",
        role="BI Developer", location="Birmingham", stage="Offer", status="Offer declined",
        response=date(2026, 9, 4),
        feedback="Offer at £48k. They said great enthusiasm and strong stakeholder examples in the "
        "final - good to know the STAR prep worked.",
        notes="Declined - below my current salary and 3 days a week in Birmingham", fixed=True,
    )
    accepted = Application(
        applied=date(2026, 10, 8), source="Referral - Priya", company="Larkspur Health",
        role="Analytics Engineer", location="London (hybrid)", stage="Offer", status="Offer accepted",
        response=date(2026, 11, 13),
        feedback="Offer! Hiring manager said my dbt case study was the strongest they'd seen, strong "
        "SQL and a clear communicator throughout.",
        notes="Start date 4 January. Stop applying!", fixed=True,
    )
    return [declined, accepted]


def _respond(rng: random.Random, app: Application, low: int, high: int) -> date:
    """A response date low..high days after applying, never after the last update."""
    latest = (LAST_DAY - app.applied).days
    days = rng.randint(min(low, latest), min(high, latest))
    return app.applied + timedelta(days=max(days, 1 if latest >= 1 else 0))


def _plan_outcomes(rng: random.Random, apps: list[Application]) -> None:
    """Decide stage, status, response date, feedback and notes of every generated row."""
    recent = [a for a in apps if a.applied >= RECENT_FROM]
    older = [a for a in apps if a.applied < RECENT_FROM]

    # Who reached a first interview: 4 recent (still open) and 27 older ones.
    def interview_weights(rows: list[Application]) -> list[float]:
        return [_source_plan(a.source).interview_weight for a in rows]

    # An interview needs a few days to be arranged: none for the last four days' applications.
    could_interview = [a for a in recent if a.applied <= LAST_DAY - timedelta(days=4)]
    recent_interviews = _weighted_pick(rng, could_interview, interview_weights(could_interview), 4)
    older_interviews = _weighted_pick(rng, older, interview_weights(older), 27)

    # Open interviews near the end: two phone screens, a first interview, a second round.
    recent_interviews.sort(key=lambda a: a.applied)
    open_plan = [("2nd interview", 10, 16), ("Phone screen", 3, 8), ("1st interview", 5, 10), ("Phone screen", 3, 8)]
    open_notes = [
        "2nd round on 18 Nov - prepare the case study",
        "Phone screen booked for 17 Nov",
        "1st interview Tue 17th, with the Head of Data",
        "Phone screen on Monday",
    ]
    for app, (stage, low, high), note in zip(recent_interviews, open_plan, open_notes):
        app.stage, app.status, app.notes = stage, "In progress", note
        app.response = _respond(rng, app, low, high)

    # Deeper rounds need time: only applications sent by 9 October reach them.
    old_enough = [a for a in older_interviews if a.applied <= date(2026, 10, 9)]
    weights = [1.0 + _source_plan(a.source).interview_weight / 4 for a in old_enough]
    deeper = _weighted_pick(rng, old_enough, weights, 10)
    rng.shuffle(deeper)
    final_round = sorted(deeper[:6], key=lambda a: a.applied)
    second_round = sorted(deeper[6:], key=lambda a: a.applied)
    first_round = sorted((a for a in older_interviews if a not in deeper), key=lambda a: a.applied)

    # Final interviews: five rejections with feedback, one withdrawal.
    withdrew_final = rng.choice(final_round)
    withdrew_final.stage, withdrew_final.status = "Final interview", "Withdrew"
    withdrew_final.response = _respond(rng, withdrew_final, 21, 30)
    withdrew_final.notes = "Withdrew after the final: they moved the role to 5 days on site in Reading"
    for app, (text, senior) in zip([a for a in final_round if a is not withdrew_final], FINAL_ROUND_FEEDBACK):
        app.stage, app.status, app.feedback, app.needs_senior = "Final interview", "Rejected", text, senior
        app.response = _respond(rng, app, 21, 38)

    # Second rounds: four rejections with feedback.
    for app, (text, senior) in zip(second_round, SECOND_ROUND_FEEDBACK):
        app.stage, app.status, app.feedback, app.needs_senior = "2nd interview", "Rejected", text, senior
        app.response = _respond(rng, app, 16, 32)
    for app in second_round[:2]:
        app.notes = "Take-home test, about 4 hours"

    # First rounds that went no further: 2 ghosted, 1 withdrew, 14 rejected with feedback.
    stage_words = ["Phone screen"] * 9 + ["1st interview"] * 8
    rng.shuffle(stage_words)
    for app, stage in zip(first_round, stage_words):
        app.stage = stage
    ghosted = rng.sample(first_round, 2)
    for app, note in zip(ghosted, ["Chased twice after the call, nothing", "Recruiter went silent after the interview"]):
        app.status, app.notes = "Ghosted", note
        app.response = _respond(rng, app, 4, 12)
    withdrew_first = rng.choice([a for a in first_round if a not in ghosted])
    withdrew_first.status = "Withdrew"
    withdrew_first.response = _respond(rng, withdrew_first, 4, 12)
    withdrew_first.notes = "Budget was £38-42k, told them on the call it's too low and withdrew"
    rejected_first = [a for a in first_round if a.status == ""]
    for app, (text, senior) in zip(rejected_first, FIRST_ROUND_FEEDBACK, strict=True):
        app.status, app.feedback, app.needs_senior = "Rejected", text, senior
        app.response = _respond(rng, app, 8, 28)
    for app in rng.sample(rejected_first, 3):
        app.notes = "Prepared STAR stories beforehand"

    # Recent applications without an interview: 6 not heard yet, 2 in progress, the rest rejected quickly.
    recent_rest = sorted((a for a in recent if a not in recent_interviews), key=lambda a: a.applied)
    quick_candidates = [a for a in recent_rest if a.applied <= date(2026, 11, 6)]
    quick = rng.sample(quick_candidates, len(recent_rest) - 8)
    waiting = [a for a in recent_rest if a not in quick]
    for app in rng.sample(waiting, 2):
        app.status = "In progress"
        app.response = _respond(rng, app, 2, 6)
        app.notes = "Recruiter says I'm on the shortlist"
    for app in quick:
        app.status = "Rejected"
        app.response = _respond(rng, app, 1, 6)

    # Older applications without an interview: 58 no response, 1 ghosted, 2 withdrew, the rest rejected.
    older_rest = [a for a in older if a not in older_interviews]
    silent = _weighted_pick(rng, older_rest, [_source_plan(a.source).silence_weight for a in older_rest], 58)
    for app in silent:
        app.status = "No response"
    answered = [a for a in older_rest if a not in silent]
    ghost = rng.choice([a for a in answered if a.channel == "Recruiter"])
    ghost.status, ghost.notes = "Ghosted", "Recruiter sent my CV over, then went quiet"
    pre_withdrawals = rng.sample([a for a in answered if a is not ghost], 2)
    for app, note in zip(pre_withdrawals, [
        "Withdrew - turned out to be 5 days a week in the office",
        "Withdrew - it's a 6-month contract, not permanent",
    ]):
        app.status, app.notes = "Withdrew", note
    for app in answered:
        if app.status == "":
            app.status = "Rejected"
            app.response = _respond(rng, app, 1, 6) if rng.random() < 0.4 else _respond(rng, app, 7, 35)

    # Feedback on 21 of the rejections before interview, more often through people than portals.
    rejected_before = [a for a in apps if a.stage == "Applied" and a.status == "Rejected"]
    weights = [4.0 if a.channel in ("Recruiter", "Referral") else 1.5 if a.channel == "Company site" else 1.0
               for a in rejected_before]
    with_feedback = _weighted_pick(rng, rejected_before, weights, len(BEFORE_INTERVIEW_FEEDBACK))
    for app, (text, senior) in zip(with_feedback, BEFORE_INTERVIEW_FEEDBACK):
        app.feedback, app.needs_senior = text, senior
    leftover = [a for a in rejected_before if not a.feedback]
    rng.choice(leftover).notes = "Asked for feedback, no reply"


def _role(rng: random.Random, senior: bool) -> str:
    families = [name for name, _ in ROLE_FAMILIES]
    family = rng.choices(families, weights=[w for _, w in ROLE_FAMILIES])[0]
    if senior:
        return ("Lead " if rng.random() < 0.3 else "Senior ") + family
    roll = rng.random()
    if roll < 0.14:
        return "Senior " + family
    if roll < 0.17:
        return "Lead " + family
    if roll < 0.22 and family in JUNIOR_FAMILIES:
        return "Junior " + family
    return family


def _name_and_place(rng: random.Random, apps: list[Application]) -> None:
    """Companies (a few applied to twice), roles, locations and general notes."""
    used = {a.company for a in apps if a.fixed}
    names = [name for name in COMPANIES if name not in used]
    rng.shuffle(names)
    locations = [name for name, _ in LOCATIONS]
    location_weights = [w for _, w in LOCATIONS]
    for app in apps:
        if app.fixed:
            continue
        app.company = names.pop()
        app.role = _role(rng, app.needs_senior)
        app.location = rng.choices(locations, weights=location_weights)[0]

    # Six companies applied to twice, at least three weeks apart, for different roles.
    repeats = 0
    later = [a for a in apps if not a.fixed and a.applied >= date(2026, 7, 1)]
    rng.shuffle(later)
    reused: set[str] = set()
    for app in later:
        if repeats == 6:
            break
        earlier = [
            a for a in apps
            if not a.fixed and a.company not in reused and a is not app
            and (app.applied - a.applied).days >= 21
        ]
        if app.company in reused:
            continue
        first = rng.choice(earlier)
        app.company, app.location = first.company, first.location
        reused.add(first.company)
        while app.role == first.role:
            app.role = _role(rng, app.needs_senior)
        if not app.notes:
            app.notes = f"Applied here before ({first.role})"
        repeats += 1

    for note, source in GENERAL_NOTES:
        free = [a for a in apps if not a.notes and source in (None, a.source)]
        rng.choice(free).notes = note


def build_tracker(seed: int = SEED) -> list[dict[str, object]]:
    """The sample tracker: one dict per application, keyed by the human headers."""
    rng = random.Random(seed)
    apps = _with_sources(rng, _applied_dates(rng))
    _plan_outcomes(rng, apps)
    apps.extend(_offers())
    apps.sort(key=lambda a: a.applied)  # stable: same-day rows keep their order
    _name_and_place(rng, apps)
    return [
        {
            "Company": a.company,
            "Role": a.role,
            "Location": a.location,
            "Source": a.source,
            "Date Applied": a.applied,
            "Stage": a.stage,
            "Status": a.status,
            "Response Date": a.response,
            "Feedback": a.feedback,
            "Notes": a.notes,
        }
        for a in apps
    ]


# --- Writers -------------------------------------------------------------------------------

def _csv_text(rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(
            value.isoformat() if isinstance(value, date) else ("" if value is None else value)
            for value in (row[h] for h in HEADERS)
        )
    return buffer.getvalue()


def _format_header(sheet: Worksheet) -> None:
    bold = Font(bold=True)
    for column, header in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=1, column=column, value=header)
        cell.font = bold
        sheet.column_dimensions[cell.column_letter].width = COLUMN_WIDTHS[header]
    sheet.freeze_panes = "A2"


def _tracker_workbook(rows: list[dict[str, object]]) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Applications"
    _format_header(sheet)
    for row in rows:
        sheet.append([row[h] for h in HEADERS])
    for header in ("Date Applied", "Response Date"):
        column = HEADERS.index(header) + 1
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = "dd mmm yyyy"
    sheet.auto_filter.ref = sheet.dimensions
    return book


HOW_TO_FILL: tuple[tuple[str, str], ...] = (
    ("Company", "The employer's name. If you apply to the same company twice, use one row per application."),
    ("Role", "The job title as advertised, e.g. 'Senior Data Analyst'. Keep words like Junior, Senior or Lead."),
    ("Location", "Where the job is: a city, 'Remote' or 'Hybrid'. Optional."),
    ("Source", "Where you found the job or who put you forward, in your own words: LinkedIn, "
               "LinkedIn Easy Apply, Indeed, Company website, Recruiter (agency name), Referral - name..."),
    ("Date Applied", "The day you sent the application. Any date format Excel understands."),
    ("Stage", "The furthest stage you reached, even if you were rejected later. One of: "
              + ", ".join(STAGE_WORDS) + ". A screening call counts as the first interview."),
    ("Status", "Where the application stands now. One of: " + ", ".join(STATUS_WORDS)
               + ". Leave it blank if you have not heard anything yet."),
    ("Response Date", "The day of the last answer you got (invitation, rejection or offer). "
                      "Leave blank if they never answered."),
    ("Feedback", "What the employer said about why, in their words or yours: paste the e-mail, or "
                 "write a short note such as 'internal hire' or 'generic rejection email'. "
                 "Ask for feedback after every interview: it is the most useful column."),
    ("Notes", "Anything else you want to remember, e.g. who you spoke to or the salary range."),
)
STAGE_MEANINGS: tuple[tuple[str, str], ...] = (
    ("Applied", "You sent the application and had no interview."),
    ("Phone screen", "A first call with a recruiter or the hiring team (counts as the first interview)."),
    ("1st interview", "The first proper interview."),
    ("2nd interview", "A second round, including a take-home test or technical round."),
    ("Final interview", "The last round before a decision."),
    ("Offer", "You received an offer."),
)
STATUS_MEANINGS: tuple[tuple[str, str], ...] = (
    ("In progress", "Still open: you are waiting for the next step."),
    ("Rejected", "The employer said no."),
    ("No response", "You never heard back."),
    ("Ghosted", "They went silent after being in touch with you."),
    ("Withdrew", "You pulled out."),
    ("Offer accepted", "You took the job."),
    ("Offer declined", "You turned the offer down."),
)


def _template_workbook() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Applications"
    _format_header(sheet)
    last_row = 1000
    for header in ("Date Applied", "Response Date"):  # a column style: no empty cells are written
        letter = sheet.cell(row=1, column=HEADERS.index(header) + 1).column_letter
        sheet.column_dimensions[letter].number_format = "dd mmm yyyy"
    for header, words in (("Stage", STAGE_WORDS), ("Status", STATUS_WORDS)):
        letter = sheet.cell(row=1, column=HEADERS.index(header) + 1).column_letter
        validation = DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True)
        validation.error = f"Pick one of: {', '.join(words)}"
        validation.errorTitle = f"Unknown {header.lower()}"
        validation.errorStyle = "warning"
        validation.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(validation)

    guide = book.create_sheet("How to fill")
    guide.column_dimensions["A"].width = 18
    guide.column_dimensions["B"].width = 100
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    lines: list[tuple[str, str, bool]] = [
        ("How to fill in your tracker", "", True),
        ("", "One row per application. Add a row the day you apply and update Stage, Status and "
             "Response Date when you hear back. Then open the file in Next Steps.", False),
        ("", "", False),
        ("Column", "What to write", True),
        *((name, text, False) for name, text in HOW_TO_FILL),
        ("", "", False),
        ("Stage", "Meaning", True),
        *((name, text, False) for name, text in STAGE_MEANINGS),
        ("", "", False),
        ("Status", "Meaning", True),
        *((name, text, False) for name, text in STATUS_MEANINGS),
    ]
    for name, text, heading in lines:
        guide.append([name or None, text or None])
        for cell in guide[guide.max_row]:
            cell.alignment = wrap
            if heading:
                cell.font = bold
    return book


def _workbook_bytes(book: Workbook) -> bytes:
    """Save with fixed document and zip timestamps so that reruns give the same bytes."""
    book.properties.creator = "Next Steps sample generator"
    book.properties.lastModifiedBy = "Next Steps sample generator"
    book.properties.created = FIXED_TIMESTAMP
    book.properties.modified = FIXED_TIMESTAMP
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # unlike Workbook.save, keeps our `modified`
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()


def write_all(out_dir: Path) -> list[Path]:
    """Write the four sample files into out_dir; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = build_tracker()
    outputs = {
        "sample_tracker.xlsx": _workbook_bytes(_tracker_workbook(rows)),
        "sample_tracker.csv": _csv_text(rows).encode("utf-8"),
        "template.xlsx": _workbook_bytes(_template_workbook()),
        "template.csv": _csv_text([]).encode("utf-8"),
    }
    paths = []
    for name, content in outputs.items():
        path = out_dir / name
        path.write_bytes(content)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1:
        print("usage: python sample_data/make_sample.py [OUTPUT_DIR]", file=sys.stderr)
        return 2
    out_dir = Path(args[0]) if args else Path(__file__).resolve().parent
    for path in write_all(out_dir):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
