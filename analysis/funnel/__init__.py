"""The hiring funnel and what hangs on it: stages, segments (channels, companies), timing, trend, flows."""
