"""Suggest which column of the user's file holds which field, with a confidence.

Headers are matched against synonyms (exactly, by words, then fuzzily), and the suggestion is
checked against what the cells hold: dates for date fields, status words for status fields,
text for names. Every suggestion can be overridden.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import pyarrow.compute as pc
from rapidfuzz import fuzz

from analysis.core.schema import FIELDS
from analysis.normalize.dates import date_share
from analysis.normalize.statuses import interpret_status
from analysis.normalize.ticks import is_tick_column
from analysis.normalize.vocabulary import fold
from analysis.reading.cells import arrow_text

SYNONYMS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organisation", "organization", "firm", "business",
                "company_name", "name", "client company", "hiring company",
                "firma", "unternehmen", "arbeitgeber", "entreprise", "societe", "employeur", "organisme"),
    "role": ("role", "position", "job title", "title", "job", "role name", "position title", "opening",
             "vacancy", "job name", "job role", "role title", "job position",
             "stelle", "stellenbezeichnung", "jobtitel", "titel", "berufsbezeichnung", "poste",
             "intitule du poste", "intitule", "fonction", "emploi", "titre du poste"),
    "applied_on": ("date applied", "applied date", "application date", "applied on", "applied", "date sent",
                   "date submitted", "submitted", "date", "applied at", "date of application", "sent",
                   "submission date", "submitted on", "created at", "date added", "date created",
                   "beworben am", "bewerbungsdatum", "datum", "datum der bewerbung", "gesendet am",
                   "date de candidature", "date d envoi", "postule le", "envoye le"),
    "source": ("source", "channel", "application site", "platform", "site", "via", "job board", "where applied",
               "found via", "how applied", "found on", "website", "job source", "lead source", "applied via",
               "quelle", "kanal", "plattform", "portal", "jobborse", "canal", "plateforme"),
    "stage": ("stage", "furthest stage", "round", "interview stage", "pipeline stage", "step", "progress",
              "listname", "list", "current stage", "pipeline", "phase", "stufe", "etape"),
    "outcome": ("status", "result", "outcome", "response", "application status", "state", "decision",
                "current status", "job status", "final status", "response?", "ergebnis", "antwort",
                "ruckmeldung", "stand", "statut", "resultat", "reponse", "etat"),
    "feedback": ("feedback", "rejection reason", "reason", "notes", "comments", "remarks", "note", "comment",
                 "interview notes", "feedback received", "why rejected", "description", "notizen",
                 "anmerkungen", "bemerkungen", "kommentar", "absagegrund", "commentaires", "remarques", "motif"),
    "responded_on": ("response date", "date of 1st response", "date of first response", "first response",
                     "replied on", "reply date", "date response", "date outcome", "outcome date",
                     "heard back", "date of response", "responded on", "rejection date", "date rejected",
                     "antwort am", "datum der antwort", "ruckmeldung am", "datum ruckmeldung",
                     "date de reponse", "reponse le"),
    "candidate": ("candidate", "client", "job seeker", "jobseeker", "student", "candidate name", "person",
                  "mentee", "applicant", "coachee", "client name", "participant", "kandidat", "bewerber",
                  "candidat"),
    "location": ("location", "city", "place", "office", "country", "region", "job location", "ort", "standort",
                 "stadt", "land", "lieu", "ville", "pays"),
}

WEAK_SYNONYMS: dict[str, tuple[str, ...]] = {"company": ("name",)}
"""Synonyms that also name other things ("Name" is often a person): an exact match scores 0.85."""

SURE_AT = 0.7
"""A suggestion this sure or more is used; below it, for a field the file can do without, it is a question."""
ASK_FIRST = ("source", "stage", "outcome", "feedback", "responded_on", "candidate", "location")
"""Fields a file can do without: an unsure guess of one waits for the user's answer (the Data page asks)."""
DATE_FIELDS = ("applied_on", "responded_on")
STATUS_FIELDS = ("stage", "outcome")
_SAMPLE = 400


@dataclass(frozen=True)
class ColumnMapping:
    """Which header holds each field (None when no column does) and how sure the suggestion is."""

    columns: dict[str, str | None]
    confidence: dict[str, float] = field(default_factory=dict)
    questions: dict[str, tuple[str, float]] = field(default_factory=dict)
    """Unsure guesses not used until the user confirms them: field -> (header, confidence)."""

    def header(self, field_name: str) -> str | None:
        """The header mapped to a field, or None."""
        return self.columns.get(field_name)

    def with_overrides(self, overrides: dict[str, str | None]) -> ColumnMapping:
        """A copy where the user's choices replace the suggestions (confidence 1.0)."""
        columns = dict(self.columns)
        confidence = dict(self.confidence)
        for field_name, header in overrides.items():
            if field_name not in FIELDS:
                continue
            for other, chosen in columns.items():
                if header is not None and chosen == header and other != field_name:
                    columns[other] = None
            columns[field_name] = header
            confidence[field_name] = 1.0
        chosen = {header for header in columns.values() if header is not None}
        questions = {name: asked for name, asked in self.questions.items()
                     if name not in overrides and asked[0] not in chosen}
        return ColumnMapping(columns, confidence, questions)


def as_text(series: pd.Series) -> pd.Series:
    """Cells as trimmed text, blank for missing values."""
    if series.dtype != object and pd.api.types.is_string_dtype(series.dtype):
        return _trimmed(series.fillna(""))
    if series.dtype == object:
        text = arrow_text(series.to_numpy())
        if text is not None:  # only text and blanks: straight to Arrow strings
            return _trimmed(pd.Series(pd.array(text.fill_null(""), dtype="str"), index=series.index, name=series.name))
    return series.astype(object).where(series.notna(), "").astype(str).str.strip()


def _trimmed(text: pd.Series) -> pd.Series:
    """``text.str.strip()``; ``text`` itself when no cell has spaces to trim, so that a large column is
    not held twice (Arrow strings only: trimming can only shorten them, and their byte lengths are cheap to sum)."""
    trimmed = text.str.strip()
    if getattr(text.dtype, "storage", None) == "pyarrow" and _byte_length(text) == _byte_length(trimmed):
        return text
    return trimmed


def _byte_length(text: pd.Series) -> int:
    """The bytes of an Arrow string column's text, all cells together."""
    return pc.sum(pc.binary_length(text.array.__arrow_array__())).as_py() or 0


def normalise_header(header: str) -> str:
    """Lower-case words of a header: "Date Applied " -> "date applied", "job_title" -> "job title"."""
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(header))
    return re.sub(r"[^a-z0-9?]+", " ", fold(spaced)).strip()


def header_score(header: str, field_name: str) -> float:
    """How well a header names a field, from 0 to 1."""
    name = normalise_header(header)
    bare = name.rstrip("?").strip()
    best = 0.0
    for synonym in SYNONYMS[field_name]:
        if name == synonym or bare == synonym:
            return 0.85 if synonym in WEAK_SYNONYMS.get(field_name, ()) else 1.0
        words = set(bare.split())
        if set(synonym.split()) <= words:
            best = max(best, 0.8 - 0.05 * (len(words) - len(synonym.split())))
        ratio = fuzz.ratio(bare, synonym) / 100
        if ratio >= 0.82:
            best = max(best, 0.7 * ratio)
    return best


def content_score(values: pd.Series, field_name: str) -> float:
    """How well a column's cells fit a field, from 0 to 1."""
    sample = values.head(_SAMPLE)
    text = as_text(sample)
    filled = text[text != ""]
    if filled.empty:
        return 0.1
    return (0.5 + 0.5 * len(filled) / len(text)) * _content_fit(sample, filled, field_name)


def _content_fit(sample: pd.Series, filled: pd.Series, field_name: str) -> float:
    if field_name in DATE_FIELDS:
        return date_share(sample)
    numeric = pd.to_numeric(filled.str.replace(r"[$€£,%]", "", regex=True), errors="coerce").notna().mean()
    dates = date_share(sample)
    if field_name in STATUS_FIELDS:
        distinct = filled.unique()[:60]
        known = sum(interpret_status(value).recognised for value in distinct) / len(distinct)
        return known * (1 - numeric)
    if field_name == "feedback":
        return (1 - numeric) * (1 - dates)
    return (1 - numeric) * (1 - dates) * (1.0 if filled.str.len().median() < 120 else 0.4)


def suggest_mapping(frame: pd.DataFrame, exclude: tuple[str, ...] = ()) -> ColumnMapping:
    """Suggest a header for every field, each header used at most once.

    ``exclude`` names headers already explained by the layout (stage columns, transitions). A column
    of tick marks only (0/1, yes/no) holds no field: it is a stage column or a detail.
    """
    candidates = []
    for header in frame.columns:
        if header in exclude or is_tick_column(frame[header]):
            continue
        for field_name in FIELDS:
            by_name = header_score(header, field_name)
            if by_name < 0.5:
                continue
            score = by_name * (0.35 + 0.65 * content_score(frame[header], field_name))
            if score >= 0.3:
                candidates.append((score, field_name, header))
    columns: dict[str, str | None] = {name: None for name in FIELDS}
    confidence: dict[str, float] = {name: 0.0 for name in FIELDS}
    used: set[str] = set()
    for score, field_name, header in sorted(candidates, key=lambda item: -item[0]):
        if columns[field_name] is None and header not in used:
            columns[field_name] = header
            confidence[field_name] = round(score, 2)
            used.add(header)
    # an unsure guess that the header does not name outright ("Next Step" as the stage) waits for the user
    questions = {name: (header, float(confidence[name])) for name, header in columns.items()
                 if header is not None and name in ASK_FIRST and confidence[name] < SURE_AT
                 and header_score(header, name) < 1.0}
    for name in questions:
        columns[name], confidence[name] = None, 0.0
    return ColumnMapping(columns, confidence, questions)
