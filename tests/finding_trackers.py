"""Constructed trackers that hit each verdict of the findings: an interview rate below, inside and above the
published 3–8% range, a clear fall, a tiny tracker. Each is CSV text with hand-set counts."""
from __future__ import annotations

import datetime as dt

HEADER = "Company,Role,Date Applied,Status,Source,Response Date\n"
CHANNELS = ("LinkedIn", "Indeed", "Referral")


def _rows(count: int, interviews: int, start: dt.date, step_days: int = 1, offset: int = 0) -> list[str]:
    """``count`` applications from ``start`` (one every ``step_days``), the first ``interviews`` of them interviewed
    (rejected after a first interview), every other one rejected before any interview; application i replied
    3 + (7 i mod 25) days later; channels in turn."""
    rows = []
    for i in range(count):
        applied = start + dt.timedelta(days=i * step_days)
        status = "Rejected after interview" if i < interviews else "Rejected"
        channel = CHANNELS[(i + offset) % len(CHANNELS)]
        rows.append(f"Firm {offset + i},Analyst,{applied:%Y-%m-%d},{status},{channel},"
                    f"{applied + dt.timedelta(days=3 + (7 * i) % 25):%Y-%m-%d}\n")
    return rows


def tracker(*parts: list[str]) -> str:
    return HEADER + "".join(row for part in parts for row in part)


START = dt.date(2026, 3, 2)
BELOW = tracker(_rows(300, 3, START, step_days=0))  # 1% of 300: interval 0.3–2.9%, below 3%
INSIDE = tracker(_rows(400, 22, START, step_days=0))  # 5.5% of 400: interval 3.7–8.2%, inside 3–8%
INSIDE_NAMED = tracker(_rows(1000, 50, START, step_days=0))  # 5% of 1000: interval 3.8–6.5%, inside 3–8%, under 8%
ABOVE = tracker(_rows(100, 20, START, step_days=0))  # 20% of 100: interval 13–29%, above 8%
FALL = tracker(_rows(100, 10, START, step_days=0), _rows(100, 1, START + dt.timedelta(days=90), step_days=0, offset=100))
"""10 of 100 in early March, 1 of 100 in early June: a clear fall."""
TINY = tracker(_rows(4, 1, START, step_days=3))
TRACKERS = {"below": BELOW, "inside": INSIDE, "inside_named": INSIDE_NAMED, "above": ABOVE, "fall": FALL, "tiny": TINY}
