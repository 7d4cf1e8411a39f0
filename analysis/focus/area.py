"""The focus area record shared by :mod:`analysis.focus.ranking` and the modules that build the areas."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FocusArea:
    """One thing to work on: why (with the numbers) and 2-4 concrete actions."""

    id: str
    title: str
    why: str
    actions: tuple[str, ...]
    score: float

    def to_dict(self) -> dict:
        """The report's ``focus_areas`` entry: id, title, why, actions."""
        return {"id": self.id, "title": self.title, "why": self.why, "actions": list(self.actions)}

