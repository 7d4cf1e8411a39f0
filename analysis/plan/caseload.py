"""A coach's or recruiter's caseload: one row per candidate, with who is stuck and why.

``build_caseload(apps, today)`` groups the canonical table by ``candidate`` and returns a
:class:`Caseload`. Definitions:

* Candidate names are trimmed with inner spaces collapsed. When the candidate column is blank
  on every row (one person's own tracker), the caseload is that one person, named
  :data:`YOU` ("(you)"); an empty table gives an empty caseload. In a table where only some
  rows are blank, those rows form the candidate :data:`UNNAMED`.
* Interview and offer rates are the funnel's (``analysis.funnel.stages``), per candidate.
* The top theme is the candidate's most frequent *improvement* theme in their feedback
  (``analysis.feedback.summary``), leaving out ``role_closed`` and ``generic``, which say nothing
  about the candidate; None when the feedback names no other theme.
* Last activity is the latest of ``applied_on``, ``responded_on`` and ``last_update`` (a new
  application, a reply, a stage reached).
* An application is *open* while its outcome is in progress, or no response inferred from
  silence (nobody closed it). It is a *live interview* when it is open and reached at least a
  first interview.
* A candidate is *stuck* when nothing has moved for at least :data:`STUCK_SILENT_DAYS` days
  before ``today``: no new application, no reply and no new stage. A candidate with an offer or
  a live interview is never stuck.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.core.schema import STAGE_LABELS, THEMES, require_columns
from analysis.core.stats import Rate
from analysis.core.wording import plural
from analysis.feedback.summary import FeedbackSummary, summarise_feedback
from analysis.funnel.stages import Funnel, application_flags, build_funnel

YOU = "(you)"
UNNAMED = "(no name)"
STUCK_SILENT_DAYS = 21
NOT_ABOUT_CANDIDATE = ("role_closed", "generic")
"""Themes never shown as a candidate's top theme: the role went away, or no reason was given."""

TABLE_COLUMNS = (
    "candidate", "applications", "open", "interviews", "interview_rate", "interview_rate_label",
    "offers", "offer_rate", "offer_rate_label", "bottleneck", "top_theme", "last_activity",
    "days_since_activity", "stuck", "stuck_reason",
)


@dataclass(frozen=True)
class CandidateRow:
    """One candidate of the caseload. ``stuck_reasons`` is empty when the candidate is not stuck."""

    candidate: str
    applications: int
    open_applications: int
    interview_rate: Rate
    offer_rate: Rate
    bottleneck: str | None
    top_theme: str | None
    last_activity: dt.date | None
    days_since_activity: int | None
    stuck_reasons: tuple[str, ...]

    @property
    def stuck(self) -> bool:
        """True when any stuck rule applies."""
        return bool(self.stuck_reasons)


@dataclass(frozen=True)
class Caseload:
    """Every candidate's row and funnel, the cohort's funnel, and the feedback of all of them.

    ``rows`` are ordered by candidate name; ``themes_by_candidate`` counts the applications
    whose feedback names each improvement theme (candidates as rows, themes as columns);
    ``feedback_texts`` how many of each candidate's applications have any feedback text.
    """

    rows: tuple[CandidateRow, ...]
    funnels: dict[str, Funnel]
    cohort_funnel: Funnel
    feedback: FeedbackSummary
    themes_by_candidate: pd.DataFrame
    feedback_texts: dict[str, int]
    today: dt.date

    @property
    def candidates(self) -> tuple[str, ...]:
        """The candidates' names, in order."""
        return tuple(row.candidate for row in self.rows)

    @property
    def stuck(self) -> tuple[CandidateRow, ...]:
        """The rows of stuck candidates."""
        return tuple(row for row in self.rows if row.stuck)

    def row(self, candidate: str) -> CandidateRow:
        """One candidate's row by name."""
        return next(row for row in self.rows if row.candidate == candidate)

    def theme_counts(self, candidate: str | None = None) -> dict[str, int]:
        """Improvement theme -> applications, by count then THEMES order; the cohort's when ``candidate`` is None."""
        if candidate is None:
            return dict(self.feedback.improvements)
        if candidate not in self.themes_by_candidate.index:
            return {}
        counts = self.themes_by_candidate.loc[candidate]
        ordered = sorted(((t, int(c)) for t, c in counts.items() if c > 0), key=lambda i: (-i[1], theme_order(i[0])))
        return dict(ordered)

    def theme_table(self, candidate: str | None = None) -> pd.DataFrame:
        """Columns theme, count, share (of the applications with feedback text); the cohort's when None."""
        texts = self.feedback.text_count if candidate is None else self.feedback_texts.get(candidate, 0)
        counts = self.theme_counts(candidate)
        return pd.DataFrame({"theme": list(counts), "count": list(counts.values()),
                             "share": [count / texts for count in counts.values()]},
                            columns=["theme", "count", "share"]).astype({"count": int, "share": float})

    def table(self) -> pd.DataFrame:
        """One row per candidate (:data:`TABLE_COLUMNS`), stuck candidates first, then by name.

        Rates are fractions (None when a candidate has no applications), labelled "34% (n=50)"
        or "too few to tell (n=3)" in the ``_label`` columns; the bottleneck is a stage label.
        """
        records = [
            {
                "candidate": row.candidate,
                "applications": row.applications,
                "open": row.open_applications,
                "interviews": row.interview_rate.successes,
                "interview_rate": row.interview_rate.value,
                "interview_rate_label": row.interview_rate.label(),
                "offers": row.offer_rate.successes,
                "offer_rate": row.offer_rate.value,
                "offer_rate_label": row.offer_rate.label(),
                "bottleneck": STAGE_LABELS[row.bottleneck] if row.bottleneck else None,
                "top_theme": row.top_theme,
                "last_activity": row.last_activity,
                "days_since_activity": row.days_since_activity,
                "stuck": row.stuck,
                "stuck_reason": "; ".join(row.stuck_reasons),
            }
            for row in sorted(self.rows, key=lambda r: (not r.stuck, r.candidate.casefold()))
        ]
        table = pd.DataFrame(records, columns=list(TABLE_COLUMNS))
        return table.astype({"applications": int, "open": int, "interviews": int, "offers": int,
                             "interview_rate": float, "offer_rate": float, "days_since_activity": "Int64",
                             "stuck": bool})

    def to_json(self) -> dict:
        """``{"candidates": [...], "cohort": {...}}``: DESIGN.md's candidates list with extra keys."""
        return {
            "candidates": [self._candidate_json(row) for row in self.rows],
            "cohort": {
                "candidates": len(self.rows),
                "stuck": len(self.stuck),
                "applications": self.cohort_funnel.applications,
                "outcomes": self.cohort_funnel.overview.outcomes,
                "funnel": self.cohort_funnel.to_json_entries(),
                "themes": self.feedback.theme_counts(),
            },
            "rules": {"stuck_silent_days": STUCK_SILENT_DAYS,
                      "today": self.today.isoformat()},
        }

    def _candidate_json(self, row: CandidateRow) -> dict:
        funnel = self.funnels[row.candidate]
        return {
            "candidate": row.candidate,
            "applications": row.applications,
            "outcomes": funnel.overview.outcomes,
            "funnel": funnel.to_json_entries(),
            "open_applications": row.open_applications,
            "interview_rate": row.interview_rate.to_dict(),
            "offer_rate": row.offer_rate.to_dict(),
            "bottleneck": row.bottleneck,
            "top_theme": row.top_theme,
            "themes": [{"theme": t, "count": c} for t, c in self.theme_counts(row.candidate).items()],
            "last_activity": None if row.last_activity is None else row.last_activity.isoformat(),
            "days_since_activity": row.days_since_activity,
            "stuck": row.stuck,
            "stuck_reasons": list(row.stuck_reasons),
        }


def candidate_names(apps: pd.DataFrame) -> pd.Series:
    """Each application's candidate as the caseload names it (see the module docstring)."""
    names = apps["candidate"].fillna("").astype(str).str.strip().str.replace(r"\s+", " ", regex=True)
    blank = names == ""
    if blank.all():
        return pd.Series(YOU, index=apps.index, dtype=object)
    return names.where(~blank, UNNAMED).astype(object)


def candidate_count(apps: pd.DataFrame) -> int:
    """How many candidates the table names (0 for one person's own tracker)."""
    return int(candidate_names(apps).nunique()) if has_candidates(apps) else 0


def candidates_by_row(apps: pd.DataFrame) -> dict[tuple[int, str], str]:
    """(source row, company) -> candidate, for naming the candidate beside a quote; empty for one person's tracker."""
    if candidate_count(apps) < 2:
        return {}
    names = candidate_names(apps)
    keys = zip(apps["source_row"].astype(int), apps["company"].fillna("").astype(str))
    return {key: name for key, name in zip(keys, names)}


def has_candidates(apps: pd.DataFrame) -> bool:
    """True when at least one application names a candidate."""
    return bool((apps["candidate"].fillna("").astype(str).str.strip() != "").any())


def build_caseload(
    apps: pd.DataFrame,
    today: dt.date,
    feedback: FeedbackSummary | None = None,
    extra_keywords: Mapping[str, Iterable[str]] | None = None,
) -> Caseload:
    """The caseload of the canonical table (never modified).

    Pass ``feedback`` (the summary of this same table, e.g. ``Report.feedback``) to reuse its
    classification instead of classifying the feedback again.
    """
    require_columns(apps, ("candidate", "applied_on", "responded_on", "last_update", "furthest_stage", "outcome",
                           "outcome_inferred", "feedback"))
    summary = feedback if feedback is not None else summarise_feedback(apps, extra_keywords)
    names = candidate_names(apps)
    themes = _themes_by_candidate(summary.table, names)
    texts = summary.table["has_feedback"].reindex(names.index).groupby(names.to_numpy()).sum()
    facts = _facts(apps, names, today)
    rows, funnels = [], {}
    for name, group in apps.groupby(names, sort=True):
        funnel = build_funnel(group)
        fact = facts.loc[name]
        rows.append(_row(name, funnel, fact, themes.loc[name] if name in themes.index else None, today))
        funnels[name] = funnel
    return Caseload(rows=tuple(rows), funnels=funnels, cohort_funnel=build_funnel(apps), feedback=summary,
                    themes_by_candidate=themes, feedback_texts={name: int(n) for name, n in texts.items()},
                    today=today)


def _facts(apps: pd.DataFrame, names: pd.Series, today: dt.date) -> pd.DataFrame:
    """Per candidate: last activity, open applications, live interviews and offers."""
    flags = application_flags(apps)
    inferred = apps["outcome_inferred"].fillna(False).astype(bool)
    is_open = (apps["outcome"] == "in_progress") | ((apps["outcome"] == "no_response") & inferred)
    frame = pd.DataFrame({
        "last": apps[["applied_on", "responded_on", "last_update"]].max(axis=1),
        "open": is_open.astype(int),
        "live": (is_open & flags["interviewed"]).astype(int),
        "offers": (apps["outcome"] == "offer").astype(int),
    }, index=apps.index)
    return frame.groupby(names.to_numpy(), sort=True).agg(
        last=("last", "max"), open=("open", "sum"), live=("live", "sum"), offers=("offers", "sum"))


def stuck_reason(days: int | None, open_applications: int, live_interviews: int, offers: int) -> str | None:
    """Why a candidate is stuck (nothing moved for :data:`STUCK_SILENT_DAYS` days), or None when they are not."""
    if offers or live_interviews or days is None or days < STUCK_SILENT_DAYS:
        return None
    still_open = f" ({plural(open_applications, 'application')} still open)" if open_applications else ""
    return f"no new application, reply or stage for {days} days{still_open}"


def _row(name: str, funnel: Funnel, fact: pd.Series, themes: pd.Series | None, today: dt.date) -> CandidateRow:
    overview = funnel.overview
    last = None if pd.isna(fact["last"]) else fact["last"].date()
    days = None if last is None else (today - last).days
    reason = stuck_reason(days, int(fact["open"]), int(fact["live"]), int(fact["offers"]))
    return CandidateRow(
        candidate=name,
        applications=overview.applications,
        open_applications=int(fact["open"]),
        interview_rate=overview.interview_rate,
        offer_rate=overview.offer_rate,
        bottleneck=None if funnel.bottleneck is None else funnel.bottleneck.stage,
        top_theme=_top_theme(themes),
        last_activity=last,
        days_since_activity=days,
        stuck_reasons=() if reason is None else (reason,),
    )


def _themes_by_candidate(table: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    """Applications per candidate (rows) and improvement theme (columns)."""
    exploded = pd.DataFrame({"candidate": names, "theme": table["improvement_themes"].reindex(names.index)})
    exploded = exploded.explode("theme").dropna()
    counts = pd.crosstab(exploded["candidate"], exploded["theme"]) if len(exploded) else pd.DataFrame()
    ordered = sorted(counts.columns, key=theme_order)
    return counts.reindex(index=sorted(set(names)), columns=ordered, fill_value=0).astype(int)


def _top_theme(themes: pd.Series | None) -> str | None:
    if themes is None:
        return None
    named = [(theme, int(count)) for theme, count in themes.items() if count > 0 and theme not in NOT_ABOUT_CANDIDATE]
    if not named:
        return None
    return min(named, key=lambda item: (-item[1], theme_order(item[0])))[0]


def theme_order(theme: str) -> int:
    """The position of a theme in THEMES (unknown themes last), to break ties."""
    return THEMES.index(theme) if theme in THEMES else len(THEMES)
