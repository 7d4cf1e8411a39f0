"""Normalise the raw source of an application ("Linkedin Easy Apply", "Referral - Priya") to a channel."""
from __future__ import annotations

import re

import pandas as pd

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Referral", re.compile(r"referr|referred|friend|ex[- ]?colleague|network|contact|word of mouth|internal ref")),
    ("LinkedIn", re.compile(r"linked\s*in|\blinkedin\b|easy apply")),
    ("Job board", re.compile(
        r"indeed|glassdoor|ziprecruiter|monster|dice|otta|welcome to the jungle|wttj|seek|reed|totaljobs|"
        r"stepstone|handshake|ripplematch|otter ?jobs|usajobs|government ?jobs|angel|wellfound|hired\.com|"
        r"job ?board|jobsite|simplyhired|careerbuilder|builtin|built in|hacker news|hn who|remoteok|weworkremotely|"
        r"symplicity|jobs? (site|portal)|xing|jooble|adzuna")),
    ("Recruiter", re.compile(r"recruit|agency|headhunt|staffing|talent partner|sourcer|hays|harnham|robert half|randstad|michael page")),
    ("Company site", re.compile(
        r"company|career|website|site|direct|greenhouse|lever|ashby|workday|icims|smartrecruiters|breezy|"
        r"workable|taleo|bamboo|jobvite|e-?mail|applied directly|homepage|web page")),
)


def channel_of(source: str) -> str:
    """The channel a raw source names: LinkedIn, Job board, Company site, Recruiter, Referral or Other.

    Blank sources give "Other" too; the raw name is kept beside the channel in the table.
    """
    text = str(source).strip().lower()
    for channel, pattern in _RULES:
        if pattern.search(text):
            return channel
    return "Other"


def channels_of(sources: pd.Series) -> pd.Series:
    """``channel_of`` over a column, computed once per distinct value."""
    distinct = {value: channel_of(value) for value in sources.unique()}
    return sources.map(distinct).astype(str)
