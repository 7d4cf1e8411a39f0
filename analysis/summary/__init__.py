"""The improvement summary: one model built from a report, with its sections."""
