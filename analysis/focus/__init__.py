"""Focus areas: what to work on next, ranked, with concrete actions."""
