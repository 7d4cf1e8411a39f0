"""Is this table a job-application tracker? The evidence for it, or a refusal naming what it looks like.

A table is read as a tracker on evidence: dates applied under a header that says so, statuses from
the application vocabulary, columns per stage holding tick marks or dates, a stage history, or a
company column beside a role column (unless the table looks like something else). Each piece of
evidence is one short sentence, shown on the Data page and in the JSON ``layout.evidence``.
Without any, the table is refused with a sentence naming what it looks like (a contacts list, an
inventory, a gradebook, a budget, a survey), even when it has a "Company" or "Status" column.
"""
from __future__ import annotations

import pandas as pd

from analysis.core.errors import InputError
from analysis.normalize.columns import ColumnMapping, as_text, header_score, normalise_header
from analysis.normalize.dates import date_share
from analysis.normalize.layouts import StageColumn
from analysis.normalize.statuses import interpret_status
from analysis.normalize.ticks import UNCLEAR, tick_codes

GENERIC_DATE_HEADERS = frozenset({"date", "datum", "created at", "date added", "date created", "day", "when"})
"""Headers that name a date without saying it is the day applied."""
LOOKALIKES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (header words, cell words)
    "an inventory or stock list": (("sku", "item", "product", "quantity", "qty", "stock", "unit", "units",
                                    "supplier", "warehouse", "reorder", "barcode", "bestand", "artikel"),
                                   ("in stock", "out of stock", "discontinued", "backorder")),
    "a contacts list": (("email", "mail", "phone", "mobile", "address", "birthday", "first name", "last name", "contact",
                         "linkedin", "zip", "postcode", "telefon", "adresse"), ()),
    "a gradebook": (("student", "grade", "grades", "score", "marks", "exam", "assignment", "homework", "quiz",
                     "class", "gpa", "course", "midterm", "noten"), ("pass", "fail", "a+", "b+")),
    "a budget or a list of payments": (("amount", "paid", "unpaid", "expense", "expenses", "income", "category",
                                        "balance", "invoice", "due", "payment", "cost", "budget", "vendor",
                                        "betrag", "montant"),
                                       ("paid", "unpaid", "overdue", "bezahlt", "offen", "paye")),
    "a survey's answers": (("respondent", "timestamp", "satisfied", "satisfaction", "rating", "agree", "question",
                            "answer", "recommend", "survey", "feedback score"),
                           ("strongly agree", "agree", "disagree", "neutral", "very satisfied")),
}
_DECISIVE_OUTCOMES = ("rejected", "offer", "no_response", "withdrawn")


def tracker_evidence(frame: pd.DataFrame, mapping: ColumnMapping, stage_columns: tuple[StageColumn, ...],
                     history: str | None, user_columns: bool) -> list[str]:
    """The reasons to read ``frame`` as a tracker, one sentence each (empty when there are none)."""
    reasons = []
    if user_columns:
        reasons.append("you chose the columns on the Data page")
    applied = mapping.header("applied_on")
    if (applied and normalise_header(applied) not in GENERIC_DATE_HEADERS
            and header_score(applied, "applied_on") >= 0.8 and date_share(frame[applied]) >= 0.5):
        reasons.append(f"dates applied in '{applied}'")
    for name in ("outcome", "stage"):
        words = _application_words(frame, mapping.header(name))
        if words:
            reasons.append(f"statuses from the application vocabulary in '{mapping.header(name)}' ({words})")
    marked = [column.header for column in stage_columns if _mostly_marks(frame[column.header])]
    if len(marked) >= 2:
        reasons.append(f"one column per stage ({', '.join(marked[:5])})")
    if history:
        reasons.append(f"a stage history in '{history}'")
    company, role = mapping.header("company"), mapping.header("role")
    if (company and role and header_score(company, "company") >= 0.8 and header_score(role, "role") >= 0.8
            and (reasons or lookalike(frame) is None)):
        reasons.append(f"a company column ('{company}') beside a role column ('{role}')")
    return reasons


def _application_words(frame: pd.DataFrame, header: str | None) -> str:
    """The commonest application words of a status column ("Rejected, Interview, Ghosted"), or ""
    when fewer than half its filled rows hold such words or none says more than "pending"."""
    if header is None:
        return ""
    text = as_text(frame[header].head(2000))
    counts = text[text != ""].value_counts()
    if counts.empty:
        return ""
    meanings = {value: interpret_status(value) for value in counts.index[:200]}
    known = sum(count for value, count in counts.items() if value in meanings and meanings[value].recognised)
    decisive = [value for value, meaning in meanings.items() if meaning.recognised and (
        meaning.outcome in _DECISIVE_OUTCOMES or meaning.stage is not None or not meaning.applied)]
    if known < 0.5 * counts.sum() or not decisive:
        return ""
    return ", ".join(decisive[:3])


def _mostly_marks(values: pd.Series) -> bool:
    """True when at least four in five filled cells are tick marks, dates or stage words."""
    codes = tick_codes(values.head(2000))
    filled = codes[codes != ""]
    return len(filled) > 0 and (filled != UNCLEAR).mean() >= 0.8


def lookalike(frame: pd.DataFrame) -> str | None:
    """What a table that is not a tracker looks like ("a contacts list"), or None when nothing fits."""
    words = {word for header in frame.columns for word in normalise_header(header).split()}
    headers = {normalise_header(header) for header in frame.columns}
    cells = set()
    for header in frame.columns[:30]:
        text = as_text(frame[header].head(200)).str.lower()
        cells |= set(text[(text != "") & (text.str.len() < 30)].unique()[:100])
    scores = {}
    for kind, (header_words, cell_words) in LOOKALIKES.items():
        score = len(words & set(header_words)) + len(headers & set(header_words))
        score += 2 * len(cells & set(cell_words))
        scores[kind] = score
    if any(cell.count("@") == 1 and "." in cell for cell in cells):
        scores["a contacts list"] += 2
    best = max(scores, key=scores.get)
    return best if scores[best] >= 2 else None


def refuse(frame: pd.DataFrame, mapping: ColumnMapping) -> InputError:
    """The refusal of a table without application evidence: what it looks like and what to do."""
    shown = ", ".join(str(header) for header in list(frame.columns)[:5])
    kind = lookalike(frame)
    if kind is None and not any(mapping.header(name) for name in ("company", "role", "applied_on")):
        return InputError("No column looks like a company, a role or a date applied; check that the file has a "
                          "header row, or choose the columns on the Data page.")
    what = f"This looks like {kind}" if kind else "This table does not look like a job-application tracker"
    return InputError(f"{what} (columns {shown}), with no dates applied, application statuses or interview "
                      "stages; if it is your tracker, choose the columns on the Data page.")
