"""The bottom of the engine: the canonical schema, errors, limits, statistics, wording, safety, palette."""
