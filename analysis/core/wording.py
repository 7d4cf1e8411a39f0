"""How numbers, dates and themes are worded everywhere: "34% (n=50, 95% CI 22–48%)", "1 application"."""
from __future__ import annotations

import datetime as dt
import math

from analysis.core.stats import Rate


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
