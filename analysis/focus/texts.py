"""The wording of the focus areas: titles, concrete actions per theme and stage, cited norms.

Norms come from shared NORMS.md, always with source and year; employer-side figures carry
:data:`EMPLOYER_CAVEAT` because they average every applicant, unqualified ones included.
"""
from __future__ import annotations

# ---- norms (NORMS.md) -------------------------------------------------------------------------

NORM_NO_FEEDBACK = (
    "about 71% of North American candidates never receive feedback of any kind "
    "(Talent Board CandE benchmark 2022, asked of candidates)"
)
NORM_INTERVIEW_RANGE = "the published 3–8% application-to-interview range"
NORM_INTERVIEW_SOURCES = "CareerPlug 2024; Ashby 2021–2025"
NORM_FINAL = "about 30–40% of final (onsite) interviews lead to an offer (Lever 2019 Talent Benchmarks)"
NORM_UNACKNOWLEDGED = (
    "35% of job seekers say an application was never acknowledged "
    "(Indeed / Censuswide 2023, asked of job seekers)"
)
NORM_CHANNELS = {
    "Referral": "employers hire 1 in 16 referred candidates against 1 in 152 from job postings (Lever 2015–16)",
    "Recruiter": "employers hire 1 in 22 agency candidates against 1 in 152 from job postings (Lever 2015–16)",
}
"""Channel norms, cited only against job boards or company sites (no LinkedIn figure exists)."""
EMPLOYER_CAVEAT = "employer-side averages that include every applicant"

# ---- phrases ----------------------------------------------------------------------------------

STAGE_PHRASES = {
    "applied": "before any interview",
    "first_interview": "after a first interview",
    "second_interview": "after a second interview",
    "final_interview": "at the final interview",
    "offer": "at the offer stage",
}

THEME_PHRASES = {  # mid-sentence; "your " + phrase reads as a strength
    "experience": "experience",
    "technical_skills": "technical skills",
    "qualifications": "qualifications",
    "communication": "communication",
    "preparation": "preparation",
    "presence": "confidence and enthusiasm",
    "culture_fit": "team and culture fit",
    "compensation": "salary expectations",
    "logistics": "location, visa or availability",
    "application_materials": "CV and cover letter",
}

# ---- areas ------------------------------------------------------------------------------------

FEEDBACK_REQUEST = (
    "Thank you for letting me know. If you have a moment, I would be grateful for one or two points "
    "on how my {subject} could have been stronger, so I can improve. Thank you again for your time."
)
"""A short, polite request the user can copy; ``{subject}`` is "application" or "interview"."""

STAGE_AREAS = {
    "cv_and_targeting": {
        "title": "Sharpen your CV and targeting",
        "actions": (
            "Pick the five postings you want most this week and tailor the top third of your CV to each: "
            "its main requirements, in your words, each backed by one measurable result.",
            "Apply only where you meet most of the must-have requirements; skip the long shots for now.",
            "Ask for a referral before applying where you most want to work: "
            + NORM_CHANNELS["Referral"] + ", " + EMPLOYER_CAVEAT + ".",
        ),
    },
    "interview_answers": {
        "title": "Prepare your interview answers",
        "actions": (
            "Write five STAR stories (situation, task, action, result), each ending with a number, "
            "and map them to the requirements of your next posting.",
            "Before each interview, spend 45 minutes on the company: product, customers, recent news, and why this role.",
            "Rehearse aloud and time yourself: two minutes per answer, conclusion first, then the concrete example.",
        ),
    },
    "final_round": {
        "title": "Close at the final round",
        "actions": (
            "Ask every final-round rejection what the chosen candidate had that you did not: at this stage "
            "the answer is usually specific.",
            "Prepare questions about how the team works and how success is measured, and link your way of "
            "working to their answers to show fit.",
            "Set your salary range from market data before the final round, so the offer conversation does not surprise you.",
        ),
    },
}

TARGETING_AREA = {
    "title": "Sharpen your targeting and channels",
    "actions": (
        "Apply only where you meet most of the must-have requirements; skip the long shots for now.",
        "Ask for a referral before applying where you most want to work: "
        + NORM_CHANNELS["Referral"] + ", " + EMPLOYER_CAVEAT + ".",
        "Spend the time you save on fewer, closer-fitting postings: a named contact at each beats ten portal applications.",
    ),
}
"""The before-interview area when the CV already gets interviews as often as most (no CV rewrite in it)."""

THEME_AREAS = {
    "experience": (
        "Target roles that match your experience",
        (
            "Apply where you meet the stated years and most must-haves; leave postings a level above yours for later.",
            "Rewrite each past role as results with numbers (scope, team size, impact) so your level shows at a glance.",
            "Where you are short on years, show equivalent work: projects, freelance or volunteer work with the same skills.",
        ),
    ),
    "technical_skills": (
        "Close the technical gap the feedback names",
        (
            "List the exact skills or questions the feedback names and practise them for 30 minutes a day this week.",
            "Build one small project with the missing skill and link it from your CV.",
            "Before technical rounds, solve two timed practice problems of the kind the posting describes, thinking aloud.",
        ),
    ),
    "qualifications": (
        "Address the qualifications question",
        (
            "Favour postings whose required degree or certificate you hold, or that accept equivalent experience.",
            "If one certification keeps coming up, check its cost and length and decide this week whether to start it.",
            "Put the qualifications you have, and any in progress with an end date, near the top of your CV.",
        ),
    ),
    "communication": (
        "Make your answers clear and concrete",
        (
            "Prepare five STAR stories (situation, task, action, result), each ending with a number, and answer with them.",
            "Rehearse aloud: conclusion first, then one example, two minutes at most per answer.",
            "Record one mock interview and redo the answers where you ramble or stay vague.",
        ),
    ),
    "preparation": (
        "Prepare deeper for each company",
        (
            "Spend 45 minutes before each interview on the company: product, customers, recent news, the role's main tasks.",
            "Prepare three questions that show your research, and one sentence on why this role at this company.",
            "Map each requirement in the job description to one of your examples before the call.",
        ),
    ),
    "presence": (
        "Show confidence and interest",
        (
            "Open with one sentence on why this role interests you, and repeat it when you close.",
            "Practise with a friend or a recording until your answers sound sure rather than memorised; slow down and pause.",
            "Join each call five minutes early with your notes ready.",
        ),
    ),
    "culture_fit": (
        "Show how you work with a team",
        (
            "Read the company's stated values and prepare one example of working that way.",
            "Describe your work style in two sentences (pace, collaboration, autonomy) and use them when asked about fit.",
            "Ask each interviewer how the team works day to day, and answer with how you like to work.",
        ),
    ),
    "compensation": (
        "Set salary expectations with data",
        (
            "Check the market range for the role and location on two salary sites and set your range from it.",
            "Ask for the role's pay band in the first call, before you name a number.",
            "Give a range whose bottom you would accept, and say where you are flexible.",
        ),
    ),
    "logistics": (
        "Settle location, visa and availability up front",
        (
            "State your location, right to work and earliest start date at the top of your CV.",
            "Filter postings by location, remote policy and sponsorship before applying.",
            "Confirm notice period and availability in the first call.",
        ),
    ),
    "application_materials": (
        "Fix your CV and cover letter",
        (
            "Have someone else proofread your CV and cover letter before the next application.",
            "Keep the CV to two pages, with your most relevant results in the top third.",
            "Open each cover letter with the posting's main requirement and your best evidence for it.",
        ),
    ),
}
"""Theme -> (title, actions) for themes the candidate can work on."""

CHANNEL_HOW = {
    "Referral": "List ten people at companies you want (former colleagues, classmates, meetup contacts) and ask each for a 15-minute chat, not a job.",
    "Recruiter": "Reply to recruiters in your field and tell two agency recruiters exactly which roles, locations and salary you target.",
    "LinkedIn": "After each LinkedIn application, send the hiring manager or a team member a two-line note on why you fit.",
    "Job board": "Set job-board alerts for your exact title and apply within two days of posting, when fewest applications are in.",
    "Company site": "Apply on the company's own careers page and follow up with a named person at the company.",
    "Other": "Write down which of your other sources brought interviews and use more of them.",
}

DEBRIEF_ACTIONS = (
    "Within an hour of each interview, write three lines: what went well, what caught me off guard, "
    "and whether I prepared enough.",
    "Put those notes in the feedback column of your tracker, so they are read alongside the employers' feedback here.",
    "Before the next interview, reread your last three notes and prepare for whatever caught you off guard.",
)

TRACK_ACTIONS = (
    "Update each application's stage and outcome the day an answer arrives.",
    "Paste any feedback, even one line, into the feedback column: it is what the themes here are read from.",
    "Note the channel of every application (referral, recruiter, LinkedIn, job board) so channels can be compared.",
)

ADD_APPLICATIONS_ACTIONS = (
    "Upload your application tracker, or start from the blank template: one row per application.",
    "Give each row at least the company, the date applied, the furthest stage reached and the outcome.",
)
