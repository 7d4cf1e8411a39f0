"""The ``report --format json`` object of DESIGN.md, from a built report."""
from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.core.schema import FIELDS
from analysis.plan.caseload import build_caseload

if TYPE_CHECKING:
    from analysis.report import Report


def _candidates(report: Report) -> list[dict]:
    """Per-candidate funnels (DESIGN.md ``candidates``) when the file has a candidate column."""
    if report.loaded.mapping.header("candidate") is None:
        return []
    caseload = build_caseload(report.applications, report.today, feedback=report.feedback)
    return caseload.to_json()["candidates"]


def report_json(report: Report) -> dict:
    """The ``report --format json`` object of DESIGN.md (with a few extra keys)."""
    loaded = report.loaded
    period = report.period
    return {
        "applications": len(report.applications),
        "rows": {
            "read": loaded.rows_read,
            "skipped": [{"row": item.row, "reason": item.reason} for item in loaded.skipped],
        },
        "columns": {name: loaded.mapping.header(name) for name in FIELDS},
        "column_confidence": {name: loaded.mapping.confidence.get(name, 0.0) for name in FIELDS},
        "layout": loaded.layout_json(),
        "sheet": loaded.raw.sheet,
        "outcomes": report.funnel.overview.outcomes,
        "outcomes_known": loaded.normalized.outcomes_known,
        "funnel": report.funnel.to_json_entries(),
        "overview": report.funnel.overview.to_dict(),
        "bottleneck": None if report.funnel.bottleneck is None else report.funnel.bottleneck.to_dict(),
        "bottleneck_verdict": report.funnel.bottleneck_verdict.to_dict(),
        "channels": report.segments.to_dict().get("channel"),
        "timing": report.timing.to_dict(),
        "trend": report.trend.to_dict(),
        "themes": report.feedback.theme_counts(),
        "strengths": report.feedback.strength_counts(),
        "focus_areas": [area.to_dict() for area in report.focus_areas],
        "candidates": _candidates(report),
        "unreadable_dates": [{"row": item.row, "reason": item.reason} for item in loaded.normalized.unreadable_dates],
        "period": None if period is None else [period[0].isoformat(), period[1].isoformat()],
        "settings": {
            "today": report.today.isoformat(),
            "ghost_after_days": loaded.settings.ghost_after_days,
            "extra_keywords": {theme: list(words) for theme, words in report.extra_keywords.items()},
        },
        "warnings": list(loaded.warnings),
        **({} if report.comparison is None else {"comparison": report.comparison.to_dict()}),
    }

