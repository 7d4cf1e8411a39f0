"""Rejections by the kind of reason their feedback gives: one to work on, one outside the user's control, or none.

Three kinds, worded here once for every page and export:

* *No reason given* (the ``generic`` theme alone: "we went with other candidates"): a neutral
  count, "3 rejections gave no reason". It is neither something to work on nor a comfort.
* *Not about you*: the feedback names a reason outside the user's control, a role filled,
  frozen, cancelled or cut for budget (``role_closed``).
* Everything else names something the user can act on; those themes are the "what to work on" list.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.core.wording import plural
from analysis.feedback.summary import FeedbackSummary

NO_REASON = "generic"
NOT_ABOUT_YOU: tuple[str, ...] = ("role_closed",)
"""Themes whose reason lies outside the user's control."""
NOT_TO_WORK_ON: tuple[str, ...] = (NO_REASON, *NOT_ABOUT_YOU)


@dataclass(frozen=True)
class Reasons:
    """How many rejections with feedback gave no reason, a reason outside the user's control, or another."""

    with_feedback: int
    no_reason: int
    not_about_you: int
    not_about_you_companies: tuple[str, ...]

    def no_reason_sentence(self) -> str | None:
        """ "3 rejections gave no reason." (None when every rejection with feedback gave one)."""
        if not self.no_reason:
            return None
        return f"{plural(self.no_reason, 'rejection')} gave no reason."

    def not_about_you_sentence(self) -> str | None:
        """ "Not about you: 2 rejections named a role that was filled, frozen or cancelled." (None when none did)."""
        if not self.not_about_you:
            return None
        return (f"Not about you: {plural(self.not_about_you, 'rejection')} named a role that was filled, frozen, "
                "cancelled or cut for budget.")


def _names(themes: object, wanted: tuple[str, ...]) -> bool:
    return any(theme in wanted for theme in (themes or ()))


def reasons_of(feedback: FeedbackSummary) -> Reasons:
    """The rejections with feedback of a summary, by kind of reason (see the module docstring)."""
    table = feedback.table
    rejected = table[((table["outcome"] == "rejected") & table["has_feedback"]).to_numpy()]
    themes = rejected["improvement_themes"]
    outside = themes.map(lambda named: _names(named, NOT_ABOUT_YOU)).astype(bool)
    no_reason = themes.map(lambda named: bool(named) and set(named) == {NO_REASON}).astype(bool)
    companies = rejected.loc[outside.to_numpy(), "company"].fillna("").astype(str).str.strip()
    return Reasons(with_feedback=len(rejected), no_reason=int(no_reason.sum()), not_about_you=int(outside.sum()),
                   not_about_you_companies=tuple(name for name in pd.unique(companies) if name))


def to_work_on(counts: dict[str, int]) -> dict[str, int]:
    """Theme -> count without the themes that are not something to work on (no reason, not about you)."""
    return {theme: count for theme, count in counts.items() if theme not in NOT_TO_WORK_ON}
