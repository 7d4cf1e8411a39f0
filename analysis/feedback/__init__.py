"""Feedback themes: the classifier and the summary of what the feedback says."""
