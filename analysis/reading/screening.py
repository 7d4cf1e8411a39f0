"""Columns of screening answers (disability, veteran, gender, ethnicity…), dropped as soon as they are read.

Job-board exports keep the answers to an application's screening questions: LinkedIn's "Question
And Answers" column holds veteran and disability status. Such a column is never kept in the
table, shown, exported or logged: only its header is named, so the user knows it was left out.
A column is dropped when its header names such answers, or when many of its first cells do.
"""
from __future__ import annotations

import re

import pandas as pd

SENSITIVE_HEADER = re.compile(
    r"question.{0,5}answer|screening (question|answer)|disabilit|veteran|gender|\bsex\b|ethnic|\brace\b|"
    r"sexual orientation|pronoun|transgender|self[ -]?identif|\beeo\b|equal opportunit|criminal|religio|"
    r"behinderung|geschlecht|handicap|sexe\b|origine ethnique",
    re.IGNORECASE,
)
SENSITIVE_CONTENT = re.compile(
    r"veteran|disabilit|ethnicit|hispanic|latino|sexual orientation|gender identity|transgender|"
    r"pronouns|self[ -]?identif|protected veteran",
    re.IGNORECASE,
)
_SAMPLE_ROWS = 200
_CONTENT_SHARE = 0.2


def sensitive_columns(frame: pd.DataFrame) -> list[str]:
    """The headers of ``frame`` whose column holds screening answers (by header, else by content)."""
    found = []
    for header in frame.columns:
        if SENSITIVE_HEADER.search(str(header)):
            found.append(header)
            continue
        sample = frame[header].head(_SAMPLE_ROWS)
        text = sample[sample.map(lambda value: isinstance(value, str) and len(value) > 3)]
        if len(text) and text.str.contains(SENSITIVE_CONTENT).sum() >= max(1, _CONTENT_SHARE * len(sample)):
            found.append(header)
    return found
