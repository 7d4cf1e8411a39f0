"""Feedback texts as real trackers hold them: nearly every one its own (a script's helper, not a test).

A coach's export rarely repeats a feedback cell: recruiters' e-mails name the candidate, the
company, the role and themselves, one-line notes carry numbers ("needs 5+ years", "budget capped
at £52k") and dates ("final round on 12 June"). Only the shortest notes ("Rejected", "internal
hire") repeat. :func:`distinct_feedback` builds such texts from fragments written here, with a
fixed seed; the fragments cover every theme so the classifier does its real work.
"""
from __future__ import annotations

import random

FIRST_NAMES = ("Alex", "Sam", "Priya", "Jordan", "Mei", "Tomás", "Fatima", "Olu", "Chris", "Ana", "Lukas", "Noor",
               "Hannah", "Daniel", "Aisha", "Ben", "Chloe", "Dev", "Elena", "Femi", "Grace", "Hugo", "Isla", "Jamal",
               "Kate", "Leo", "Maya", "Nikhil", "Owen", "Paula", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen",
               "Yusuf", "Zara", "Emma", "Omar", "Sophie", "Ravi", "Jess", "Marek", "Ines", "Kofi", "Lena", "Matteo")
SURNAMES = ("Smith", "Patel", "Khan", "Müller", "García", "Nguyen", "O'Brien", "Kowalski", "Rossi", "Okafor",
            "Jones", "Chen", "Dubois", "Silva", "Hughes", "Novak", "Ahmed", "Larsen", "Moreau", "Evans", "Wright",
            "Taylor", "Murphy", "Ivanova", "Costa", "Schmidt", "Tanaka", "Brown", "Walsh", "Fischer")
TECHS = ("Python", "SQL", "dbt", "React", "Kubernetes", "Excel", "Java", "Tableau", "Power BI", "Spark", "AWS",
         "Airflow", "TypeScript", "Go", "Snowflake", "Looker", "statistics", "A/B testing", "Terraform", "pandas")
CITIES = ("Berlin", "Austin", "Leeds", "Toronto", "Lyon", "London", "Manchester", "Dublin", "Amsterdam", "Bristol")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SHORT_NOTES = ("Rejected", "internal hire", "no feedback", "Ghosted", "salary", "too junior", "Position Removed",
               "role on hold", "hiring freeze", "overqualified", "no visa sponsorship", "bad culture fit",
               "typos in CV", "nervous", "no degree", "filled internally", "Pending", "auto-reject")
NOTES = (
    "Spoke to {recruiter} on {date}: too junior, they want {years}+ years",
    "failed the {tech} test ({score}/100)", "weak {tech}, asked to reapply in {months} months",
    "budget capped at £{salary}k, I asked for £{salary_high}k", "needs sponsorship - they can't ({city} office)",
    "relocation to {city} needed, {days} days in office", "rejected after round {round} of {rounds}",
    "great interview with {recruiter}, no offer", "{recruiter} said the role went to an internal candidate",
    "call with {recruiter} ({minutes} min) - not enough {tech} experience",
    "ghosted after the {ordinal} interview", "take-home on {tech}: score {score}%, below their bar",
    "lack of leadership experience (team of {team})", "didn't research {company} enough per {recruiter}",
    "offer declined - £{salary}k below current", "notice period of {months} months too long for them",
)
PRAISE = (
    "Your communication was clear and well structured.", "The panel liked your enthusiasm for {company}.",
    "You showed strong problem-solving skills in the {tech} exercise.", "We were impressed by your portfolio.",
    "Your knowledge of our product stood out to {recruiter}.", "Everyone enjoyed your positive attitude.",
    "Your case study scored {score} out of 100, among the best this round.",
)
CRITICISM = (
    "However, the team felt your answers lacked concrete examples.",
    "Unfortunately we need someone with at least {years} years of hands-on experience in {tech}.",
    "The interviewers were concerned that your {tech} skills are not yet at the level we need.",
    "Your salary expectations of £{salary_high},000 are above the budget of £{salary},000 for this role.",
    "We are unable to sponsor work visas for this position.",
    "The role requires relocation to {city} and {days} days a week on site, which did not suit your plans.",
    "The hiring manager felt you were not fully prepared for the case study on {date}.",
    "We felt you were a little too junior for a lead position with {team} reports.",
    "Since we spoke on {date}, the position has been put on hold because of a hiring freeze.",
    "The role was filled by an internal candidate.",
    "Your CV was hard to follow and had several typos.",
    "You seemed nervous and did not make much eye contact during the {ordinal} interview.",
    "We did not feel it was the right cultural fit for the {team}-person team.",
    "We have decided to move forward with other candidates whose profiles more closely match our needs.",
    "We interviewed {rounds} finalists and chose a candidate with more {tech} experience.",
    "Your start date in {month} was later than the team needs.",
)
CONTEXTS = ("{line} ({recruiter}, {date})", "Feedback from {recruiter}: {line}", "{line} Interviewed by {recruiter}.",
            "{line} (interview on {date})", "{line} Heard back after {weeks} weeks.", "Call with {recruiter} - {line}",
            "{line} ({ordinal} round, {minutes} min)")
OPENINGS = ("Dear {name},", "Hi {name},", "Hello {name},", "{name},", "Dear {name} {surname},")
THANKS = (
    "Thank you for taking the time to interview for the {role} role at {company}.",
    "Thanks again for your interest in {company} and for speaking with our team about the {role} position.",
    "We appreciate the time you spent with us over the last {weeks} weeks.",
    "Thank you for applying for the {role} position (ref {reference}).",
)
CLOSINGS = (
    "We will keep your details on file for {months} months and wish you the best of luck in your search.",
    "We encourage you to apply for future openings that match your skills.",
    "Thank you again, and all the best.", "Please do not reply to this e-mail.",
)
SIGNATURES = ("Best regards, {recruiter}", "Kind regards, {recruiter} (Talent Acquisition, {company})",
              "Cheers, {recruiter}", "{recruiter} | People Team | {company}")


def _fields(rng: random.Random, company: str, role: str) -> dict[str, object]:
    """The slots one text fills: names, numbers and dates drawn afresh for every text."""
    salary = rng.randrange(30, 120)
    return {
        "name": rng.choice(FIRST_NAMES), "surname": rng.choice(SURNAMES), "company": company, "role": role,
        "recruiter": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", "tech": rng.choice(TECHS),
        "city": rng.choice(CITIES), "years": rng.randint(2, 10), "score": rng.randint(35, 98),
        "months": rng.randint(2, 12), "salary": salary, "salary_high": salary + rng.randint(3, 25),
        "days": rng.randint(2, 5), "round": rng.randint(1, 3), "rounds": rng.randint(3, 6),
        "minutes": rng.choice((15, 20, 30, 45)), "ordinal": rng.choice(("first", "second", "final", "2nd", "3rd")),
        "team": rng.randint(3, 40), "weeks": rng.randint(2, 8), "month": rng.choice(MONTHS),
        "date": f"{rng.randint(1, 28)} {rng.choice(MONTHS)}", "reference": f"JR-{rng.randint(10_000, 99_999)}",
    }


def _email(rng: random.Random, fields: dict[str, object]) -> str:
    parts = [rng.choice(OPENINGS), rng.choice(THANKS)]
    parts += rng.sample(PRAISE, rng.randint(0, 2)) + rng.sample(CRITICISM, rng.randint(1, 3))
    parts += [rng.choice(CLOSINGS), rng.choice(SIGNATURES)]
    return " ".join(parts).format(**fields)


def _one_liner(rng: random.Random, fields: dict[str, object]) -> str:
    line = rng.choice(CRITICISM)
    if rng.random() < 0.4:
        line = rng.choice(PRAISE) + " " + line
    return rng.choice(CONTEXTS).replace("{line}", line).format(**fields)


def distinct_feedback(companies: list[str], roles: list[str], seed: int = 11) -> list[str]:
    """One feedback text per (company, role) pair given: ~45% e-mails, ~30% one-liners, ~25% notes,
    nearly all of them distinct (names, numbers and dates drawn for each)."""
    rng = random.Random(seed)
    texts = []
    for company, role in zip(companies, roles):
        fields = _fields(rng, company.strip(), role)
        kind = rng.random()
        if kind < 0.45:
            texts.append(_email(rng, fields))
        elif kind < 0.75:
            texts.append(_one_liner(rng, fields))
        else:
            texts.append(rng.choice(NOTES).format(**fields))
    return texts


def short_notes(count: int, seed: int = 13) -> list[str]:
    """``count`` of the few short notes that do repeat across a tracker ("Rejected", "internal hire")."""
    rng = random.Random(seed)
    return [rng.choice(SHORT_NOTES) for _ in range(count)]
