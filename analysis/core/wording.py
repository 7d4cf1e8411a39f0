"""How numbers, dates and themes are worded everywhere: "34% (n=50, 95% CI 22–48%)", "1 application"."""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from analysis.core.stats import Rate

QUOTE_CHARACTERS = 160
"""The longest quote of user text shown in a sentence (longer ones are cut with "…")."""

_CHANNEL_NAMES = {  # mid-sentence
    "LinkedIn": "LinkedIn",
    "Job board": "job boards",
    "Company site": "company sites",
    "Recruiter": "recruiters",
    "Referral": "referrals",
    "Other": "other channels",
}
_CHANNEL_SUBJECTS: dict[str, tuple[str, str]] = {  # as a subject, with its verb: "Referrals get", "LinkedIn gets"
    "LinkedIn": ("LinkedIn", "gets"),
    "Job board": ("Job boards", "get"),
    "Company site": ("Company sites", "get"),
    "Recruiter": ("Recruiters", "get"),
    "Referral": ("Referrals", "get"),
    "Other": ("Other channels", "get"),
}


def percent(value: float | None) -> str:
    """A proportion as a whole percentage ("34%"), "n/a" for None."""
    return "n/a" if value is None else f"{value * 100:.0f}%"


def interval(rate: Rate) -> str:
    """The 95% interval of a rate ("22–48%")."""
    return f"{rate.low * 100:.0f}–{rate.high * 100:.0f}%"


def rate_phrase(rate: Rate | None) -> str:
    """ "34% (n=50, 95% CI 22–48%)", "too few to tell (n=3)", or "n/a"."""
    if rate is None or rate.n == 0:
        return "n/a"
    if rate.too_few:
        return rate.label()
    return f"{rate.percent()} (n={rate.n}, 95% CI {interval(rate)})"


def share_phrase(rate: Rate | None) -> str:
    """A rate in plain words, for sentences a job seeker reads first: "22% of 150", "too few to tell (3 so far)"."""
    if rate is None or rate.n == 0:
        return "none yet"
    if rate.too_few:
        return f"too few to tell ({rate.n} so far)"
    return f"{rate.percent()} of {rate.n}"


def likely_range(rate: Rate) -> str:
    """The 95% interval in plain words: "likely between 16% and 29%"."""
    return f"likely between {rate.low * 100:.0f}% and {rate.high * 100:.0f}%"


def days_phrase(days: float | None) -> str:
    """ "12 days", "1 day", "n/a"."""
    if days is None or (isinstance(days, float) and math.isnan(days)):
        return "n/a"
    return f"{days:g} day" + ("" if days == 1 else "s")


def date_phrase(day: dt.date | None) -> str:
    """ "18 May 2026"."""
    return "n/a" if day is None else f"{day.day} {day:%B %Y}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 application", "3 applications"."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


_THEME_NAMES: dict[str, str] = {
    "experience": "Experience",
    "technical_skills": "Technical skills",
    "qualifications": "Qualifications",
    "communication": "Communication",
    "preparation": "Preparation",
    "presence": "Presence (confidence, enthusiasm, attitude)",
    "culture_fit": "Culture fit",
    "compensation": "Compensation",
    "logistics": "Logistics (location, visa, availability)",
    "role_closed": "Role closed (filled, frozen, cancelled)",
    "application_materials": "Application materials (CV, cover letter)",
    "generic": "No specific reason given",
}


def theme_name(theme: str) -> str:
    """The display name of a theme id."""
    return _THEME_NAMES.get(theme, theme.replace("_", " ").capitalize())


def cell_text(value: object, kind: str) -> str:
    """A table cell as display text (unescaped): rates with n and interval, dates, counts."""
    if value is None:
        return "—"
    if kind == "rate":
        return rate_phrase(value)  # type: ignore[arg-type]
    if kind == "percent":
        return percent(float(value))  # type: ignore[arg-type]
    if kind == "days":
        return days_phrase(float(value))  # type: ignore[arg-type]
    if kind == "date":
        return date_phrase(value)  # type: ignore[arg-type]
    return str(value)


def count_of(count: int, total: int, noun: str) -> str:
    """ "41 of 62 rejections (66%)"; ``noun`` is singular and takes an "s" for totals above 1."""
    return f"{count} of {total} {noun}{'' if total == 1 else 's'} ({count / total:.0%})"


def name_list(names: Iterable[str], limit: int = 3) -> str:
    """Distinct non-blank names joined with commas, at most ``limit`` and "…" for the rest."""
    distinct: dict[str, None] = {}
    for name in names:  # stops at the first name past the limit: a list may hold thousands
        if name.strip():
            distinct[name.strip()] = None
            if len(distinct) > limit:
                break
    return ", ".join(list(distinct)[:limit]) + (", …" if len(distinct) > limit else "")


def channel_name(channel: str) -> str:
    """A channel as it reads mid-sentence ("job boards", "LinkedIn")."""
    return _CHANNEL_NAMES.get(channel, channel)


def capitalised(text: str) -> str:
    """The text with its first letter in upper case ("Job boards")."""
    return text[:1].upper() + text[1:]


def shortened(text: str) -> str:
    """The text on one line, cut to :data:`QUOTE_CHARACTERS` with "…"."""
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARACTERS else text[: QUOTE_CHARACTERS - 1].rstrip() + "…"


def channel_subject(channel: str) -> tuple[str, str]:
    """A channel as the subject of a sentence, with its verb: ("Referrals", "get"), ("LinkedIn", "gets")."""
    return _CHANNEL_SUBJECTS.get(channel, (channel, "gets"))


def whole_or_part(count: int, total: int) -> str:
    """ "3 of 10", or "All 10" / "Both" when the count is the whole."""
    if count != total:
        return f"{count} of {total}"
    return "Both" if total == 2 else f"All {total}"
