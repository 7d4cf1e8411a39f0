"""A raw table to the canonical applications: columns, dates, statuses, channels, layouts, loading, merging."""
