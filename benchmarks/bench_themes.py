"""Time the feedback theme classifier on 100,000 generated feedback texts, two ways.

A script, not a test: ``python benchmarks/bench_themes.py [N]`` prints how long
``classify_many`` takes on
- repeated texts: what a coach's caseload held in the earlier benchmark: short spreadsheet notes
  (which repeat a lot), one-line feedback, and long recruiter e-mails that name the candidate,
  company and role; ~20% of them distinct. Fragments written here, with a fixed seed.
- distinct texts: N texts that are all different, as real trackers hold them
  (``feedback_text.distinct_feedback``: names, numbers and dates drawn for each).
Each line starts cold: the classifier's caches (and compiled regexes) are emptied first.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from feedback_text import distinct_feedback

from analysis.feedback.classifier import classify_many

NOTES = (
    "too junior", "internal hire", "salary", "Position Removed", "no visa sponsorship", "failed coding test",
    "Rejected", "Ghosted", "rejected after final round", "role on hold", "hiring freeze", "overqualified",
    "not enough experiance", "weak SQL", "needs sponsorship", "relocation needed", "comp too high",
    "great interview, no offer", "bad culture fit", "typos in CV", "nervous", "no degree", "filled internally",
    "lack of leadership experience", "did not research company", "", "Pending", "no feedback",
)
PRAISE = (
    "Your communication was clear and well structured.", "The panel liked your enthusiasm.",
    "You showed strong problem-solving skills in the exercise.", "We were impressed by your portfolio.",
    "Your knowledge of our product stood out.", "Everyone enjoyed your positive attitude.",
)
CRITICISM = (
    "However, the team felt your answers lacked concrete examples.",
    "Unfortunately we need someone with more hands-on experience in {tech}.",
    "The interviewers were concerned that your {tech} skills are not yet at the level we need.",
    "Your salary expectations are above the budget for this role.",
    "We are unable to sponsor work visas for this position.",
    "The role requires relocation to {city}, which did not suit your plans.",
    "The hiring manager felt you were not fully prepared for the case study.",
    "We felt you were a little too junior for a lead position.",
    "Since we spoke, the position has been put on hold because of a hiring freeze.",
    "The role was filled by an internal candidate.",
    "Your CV was hard to follow and had several typos.",
    "You seemed nervous and did not make much eye contact.",
    "We did not feel it was the right cultural fit for the team.",
    "We have decided to move forward with other candidates whose profiles more closely match our needs.",
)
OPENINGS = (
    "Dear {name},", "Hi {name},", "Hello {name},", "{name},",
)
THANKS = (
    "Thank you for taking the time to interview for the {role} role at {company}.",
    "Thanks again for your interest in {company} and for speaking with our team about the {role} position.",
    "We appreciate the time you spent with us over the last few weeks.",
)
CLOSINGS = (
    "We will keep your details on file and wish you the best of luck in your search.",
    "We encourage you to apply for future openings that match your skills.",
    "Thank you again, and all the best.",
)
SIGNATURES = ("Best regards, {recruiter}", "Kind regards, {recruiter} (Talent Acquisition)", "Cheers, {recruiter}")
NAMES = ("Alex", "Sam", "Priya", "Jordan", "Mei", "Tomás", "Fatima", "Olu", "Chris", "Ana", "Lukas", "Noor")
COMPANIES = ("Acme Analytics", "Northwind", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Hooli", "Vandelay")
ROLES = ("Data Analyst", "Backend Engineer", "Product Designer", "Marketing Manager", "Support Specialist", "QA Engineer")
TECHS = ("Python", "SQL", "React", "Kubernetes", "Excel", "Java", "Tableau")
CITIES = ("Berlin", "Austin", "Leeds", "Toronto", "Lyon")


def recruiter_email(rng: random.Random) -> str:
    """A long rejection e-mail: greeting, thanks, some praise, one to three reasons, closing."""
    fields = {
        "name": rng.choice(NAMES), "company": rng.choice(COMPANIES), "role": rng.choice(ROLES),
        "tech": rng.choice(TECHS), "city": rng.choice(CITIES), "recruiter": rng.choice(NAMES),
    }
    parts = [rng.choice(OPENINGS), rng.choice(THANKS)]
    parts += rng.sample(PRAISE, rng.randint(0, 2)) + rng.sample(CRITICISM, rng.randint(1, 3))
    parts += [rng.choice(CLOSINGS), rng.choice(SIGNATURES)]
    return " ".join(parts).format(**fields)


def feedback_texts(count: int, seed: int = 7) -> list[str]:
    """``count`` texts: about 55% notes, 25% one-line feedback, 20% e-mails."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.55:
            texts.append(rng.choice(NOTES))
        elif kind < 0.80:
            line = rng.choice(PRAISE) + " " + rng.choice(CRITICISM) if rng.random() < 0.4 else rng.choice(CRITICISM)
            texts.append(line.format(tech=rng.choice(TECHS), city=rng.choice(CITIES)))
        else:
            texts.append(recruiter_email(rng))
    return texts


def distinct_texts(count: int) -> list[str]:
    """``count`` different realistic feedback texts (first occurrences, in order)."""
    texts: dict[str, None] = {}
    batch = 0
    while len(texts) < count:
        rng = random.Random(batch)
        pairs = [(f"{rng.choice(COMPANIES)} {batch}-{index}", rng.choice(ROLES)) for index in range(count)]
        texts.update(dict.fromkeys(distinct_feedback([company for company, _ in pairs], [role for _, role in pairs], seed=batch)))
        batch += 1
    return list(texts)[:count]


def _clear_caches() -> None:
    """Empty every lru cache of the analysis modules, so a line starts cold."""
    for name, module in list(sys.modules.items()):
        if name.startswith("analysis"):
            for value in vars(module).values():
                if hasattr(value, "cache_info") and callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def measure(label: str, texts: list[str]) -> None:
    """Classify ``texts`` once from cold and print the time."""
    _clear_caches()
    started, cpu_started = time.perf_counter(), time.process_time()
    results = classify_many(texts)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    emails = sum(len(text) > 300 for text in texts)
    print(f"{label}: {len(texts):,} texts ({len(set(texts)):,} distinct, {emails:,} long e-mails) classified in "
          f"{elapsed:.2f} s ({cpu:.2f} s of CPU)")
    assert len(results) == len(texts)


def main() -> None:
    """Generate the texts, classify each set once from cold, print the times."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    measure("repeated", feedback_texts(count))
    measure("distinct", distinct_texts(count))


if __name__ == "__main__":
    main()
