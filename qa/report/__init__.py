"""Stage 8 (report): findings rendered for people (text) and machines (json, sarif, junit, github)."""

from qa.report.base import Summary, get_reporter

__all__ = ["Summary", "get_reporter"]
