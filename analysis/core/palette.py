"""One colour-blind-safe palette for every chart: a fixed colour per stage, outcome and channel.

Based on the Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008), which stays
distinguishable under the common colour-vision deficiencies. Outcomes use distinct hues
(rejected vermillion, no response grey, withdrawn reddish purple, in progress orange, offer
bluish green). Stages are a light-to-dark blue ramp ending in the offer's green, so their
order reads from lightness alone. Stage and outcome colours never clash, so they can share a
Sankey diagram.
"""
from __future__ import annotations

OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}

NEUTRAL = "#BBBBBB"
"""For anything without its own colour, and for rates with too few observations."""

STAGE_COLORS: dict[str, str] = {
    "applied": "#A6CEE9",
    "first_interview": OKABE_ITO["sky_blue"],
    "second_interview": "#2F8FCB",
    "final_interview": OKABE_ITO["blue"],
    "offer": OKABE_ITO["bluish_green"],
}

OUTCOME_COLORS: dict[str, str] = {
    "rejected": OKABE_ITO["vermillion"],
    "no_response": OKABE_ITO["grey"],
    "withdrawn": OKABE_ITO["reddish_purple"],
    "in_progress": OKABE_ITO["orange"],
    "offer": OKABE_ITO["bluish_green"],
}

CHANNEL_COLORS: dict[str, str] = {
    "LinkedIn": OKABE_ITO["blue"],
    "Job board": OKABE_ITO["orange"],
    "Company site": OKABE_ITO["sky_blue"],
    "Recruiter": OKABE_ITO["reddish_purple"],
    "Referral": OKABE_ITO["bluish_green"],
    "Other": OKABE_ITO["grey"],
}


def stage_color(stage: str) -> str:
    """The colour of a stage id ("first_interview")."""
    return STAGE_COLORS.get(stage, NEUTRAL)


def outcome_color(outcome: str) -> str:
    """The colour of an outcome id ("rejected")."""
    return OUTCOME_COLORS.get(outcome, NEUTRAL)


def channel_color(channel: str) -> str:
    """The colour of a channel ("Referral")."""
    return CHANNEL_COLORS.get(channel, NEUTRAL)


def with_alpha(color: str, alpha: float) -> str:
    """A "#rrggbb" colour as an ``rgba(...)`` string with the given opacity."""
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha:g})"
