"""The one follow-up rule of the app, from the no-response window the user set (``ghost_after_days``).

Follow up once halfway through the window; when the window passes without a reply, the app counts
the application as no response, and so should the user: stop waiting and move on. Every page,
focus area, plan week and export words it with :func:`follow_up_rule`.
"""
from __future__ import annotations

from dataclasses import dataclass

from analysis.core.wording import days_phrase

DEFAULT_WINDOW_DAYS = 30


@dataclass(frozen=True)
class FollowUpRule:
    """When to follow up and when to give up, in days after applying."""

    window_days: int = DEFAULT_WINDOW_DAYS

    @property
    def follow_up_after(self) -> int:
        """Days after applying to send the one follow-up: half the window, at least one day."""
        return max(1, round(self.window_days / 2))

    def sentence(self) -> str:
        """ "Follow up once 15 days after applying if you have heard nothing; after 30 days without a reply,
        count it as no response and move on." """
        return (f"Follow up once {days_phrase(self.follow_up_after)} after applying if you have heard nothing; "
                f"after {days_phrase(self.window_days)} without a reply, count it as no response and move on.")


DEFAULT_RULE = FollowUpRule()


def follow_up_rule(window_days: int | None) -> FollowUpRule:
    """The rule for a no-response window (the default window when None)."""
    return FollowUpRule(int(window_days) if window_days else DEFAULT_WINDOW_DAYS)
