"""Names shared by every module: stages, outcomes, canonical columns, theme ids."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.core.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

STAGES: tuple[str, ...] = (
    "applied",
    "first_interview",
    "second_interview",
    "final_interview",
    "offer",
)
STAGE_LABELS: dict[str, str] = {
    "applied": "Applied (no interview)",
    "first_interview": "First interview",
    "second_interview": "Second interview",
    "final_interview": "Final interview",
    "offer": "Offer",
}

OUTCOMES: tuple[str, ...] = ("in_progress", "rejected", "no_response", "withdrawn", "offer")
OUTCOME_LABELS: dict[str, str] = {
    "in_progress": "In progress",
    "rejected": "Rejected",
    "no_response": "No response",
    "withdrawn": "Withdrawn",
    "offer": "Offer",
}

# The fields a column of the user's file can be mapped to.
FIELDS: tuple[str, ...] = (
    "company",
    "role",
    "applied_on",
    "source",
    "stage",
    "outcome",
    "feedback",
    "responded_on",
    "candidate",
    "location",
)

# The canonical table: one row per application, in this column order.
CANONICAL_COLUMNS: tuple[str, ...] = (
    "company",
    "role",
    "source",
    "channel",
    "location",
    "candidate",
    "applied_on",
    "responded_on",
    "last_update",
    "furthest_stage",
    "outcome",
    "outcome_inferred",
    "feedback",
    "source_row",
)

CHANNELS: tuple[str, ...] = (
    "LinkedIn",
    "Job board",
    "Company site",
    "Recruiter",
    "Referral",
    "Other",
)

THEMES: tuple[str, ...] = (
    "experience",
    "technical_skills",
    "qualifications",
    "communication",
    "preparation",
    "presence",
    "culture_fit",
    "compensation",
    "logistics",
    "role_closed",
    "application_materials",
    "generic",
)


@dataclass(frozen=True)
class SkippedRow:
    """A data row that is not an application, with the row number in the original file."""

    row: int
    reason: str


def require_columns(apps: pd.DataFrame, columns: tuple[str, ...]) -> None:
    """Raise :class:`InputError` when the applications table lacks any of ``columns``."""
    missing = [column for column in columns if column not in apps.columns]
    if missing:
        raise InputError(
            f"The applications table has no {', '.join(missing)} column; normalise the file first."
        )
