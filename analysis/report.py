"""The one computation behind every page and export: ``build_report``.

bytes -> ``loading.load`` -> canonical table -> ``build_report`` -> pages, JSON, Markdown, HTML, Excel.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from analysis.core.schema import THEMES
from analysis.feedback.classifier import check_keyword_themes
from analysis.feedback.summary import FeedbackSummary, summarise_feedback
from analysis.focus.area import FocusArea
from analysis.focus.followup import FollowUpRule, follow_up_rule
from analysis.focus.ranking import rank_focus_areas
from analysis.funnel.sankey import Flow, build_flows
from analysis.funnel.segments import Segments, build_segments
from analysis.funnel.stages import Funnel, application_flags, build_funnel
from analysis.funnel.timing import Timing, build_timing
from analysis.funnel.trend import Trend, build_trend
from analysis.normalize.companies import company_names
from analysis.normalize.loading import LoadResult
from analysis.plan.periods import PeriodComparison, compare_periods


@dataclass(frozen=True)
class Report:
    """Everything computed from one set of applications."""

    loaded: LoadResult
    applications: pd.DataFrame
    today: dt.date
    funnel: Funnel
    segments: Segments
    timing: Timing
    trend: Trend
    flows: tuple[Flow, ...]
    extra_keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The user's own keywords per theme (THEMES order, as written), applied to the feedback themes."""
    compare_at: dt.date | None = None
    """The date of a change to compare before and after (``report --compare-at``), or None."""

    @cached_property
    def feedback(self) -> FeedbackSummary:
        """The feedback themes, strengths and quotes, computed when first asked for: the Funnel page
        never asks, so a filter change there does not wait for them."""
        return summarise_feedback(self.applications, self.extra_keywords)

    @cached_property
    def focus_areas(self) -> tuple[FocusArea, ...]:
        """The focus areas, best first (computed when first asked for, as :attr:`feedback`)."""
        return tuple(rank_focus_areas(self.funnel, self.segments, self.feedback, self.today, self.follow_up))

    @property
    def follow_up(self) -> FollowUpRule:
        """The one follow-up rule, from the no-response window the file was read with."""
        return follow_up_rule(self.loaded.settings.ghost_after_days)

    def compare_periods(self, split_on: dt.date) -> PeriodComparison:
        """Before and after ``split_on``, judged as of :attr:`today` (the Plan page and the JSON report)."""
        return compare_periods(self.applications, split_on, self.feedback, today=self.today,
                               window_days=self.loaded.settings.ghost_after_days)

    @cached_property
    def comparison(self) -> PeriodComparison | None:
        """Before and after :attr:`compare_at`, or None without it."""
        return None if self.compare_at is None else self.compare_periods(self.compare_at)

    def restricted_to(self, applications: pd.DataFrame) -> Report:
        """The same report on a part of the applications (one candidate's, say), same day and keywords."""
        return build_report(self.loaded, self.today, applications=applications, extra_keywords=self.extra_keywords,
                            compare_at=self.compare_at)

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        """First and last date applied, or None when no application has a date."""
        dates = self.applications["applied_on"].dropna()
        return (dates.min().date(), dates.max().date()) if len(dates) else None


def build_report(
    loaded: LoadResult,
    today: dt.date,
    applications: pd.DataFrame | None = None,
    extra_keywords: Mapping[str, Iterable[str]] | None = None,
    compare_at: dt.date | None = None,
) -> Report:
    """Compute the funnel, segments, timing, trend and flows (the feedback themes and focus areas
    follow when first read: :attr:`Report.feedback`).

    ``applications`` defaults to everything loaded; pass a filtered table to report on part of it.
    ``extra_keywords`` maps theme ids to the user's own keywords (an unknown theme raises ``InputError``);
    ``compare_at`` asks for :attr:`Report.comparison`.
    """
    apps = loaded.applications if applications is None else applications
    funnel = build_funnel(apps)
    # Computed once and shared by the sections below (a missing column is reported by the section).
    flags = application_flags(apps)
    companies = company_names(apps) if "company" in apps.columns else None
    segments = build_segments(apps, flags=flags, companies=companies)
    keywords = _keywords(extra_keywords)
    check_keyword_themes(keywords)
    return Report(
        loaded=loaded,
        applications=apps,
        today=today,
        funnel=funnel,
        segments=segments,
        timing=build_timing(apps, companies=companies, today=today),
        trend=build_trend(apps, flags=flags, today=today, window_days=loaded.settings.ghost_after_days),
        flows=tuple(build_flows(apps, funnel)),
        extra_keywords=keywords,
        compare_at=compare_at,
    )


def _keywords(extra_keywords: Mapping[str, Iterable[str]] | None) -> dict[str, tuple[str, ...]]:
    """The user's keywords trimmed, blanks and repeats (in any case) dropped, themes in THEMES order."""
    cleaned: dict[str, tuple[str, ...]] = {}
    for theme, words in (extra_keywords or {}).items():
        kept: dict[str, str] = {}
        for word in words:
            if word and word.strip():
                kept.setdefault(word.strip().casefold(), word.strip())
        if kept:
            cleaned[theme] = tuple(kept.values())
    return dict(sorted(cleaned.items(), key=lambda item: THEMES.index(item[0]) if item[0] in THEMES else len(THEMES)))
