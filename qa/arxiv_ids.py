"""arXiv identifiers: new style (2502.20082v1) and old style (hep-th/9901001v2)."""

from __future__ import annotations

import re

ARXIV_ID = re.compile(
    r"(?P<id>\d{4}\.\d{4,5}|[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v(?P<version>\d+))?"
)
ARXIV_URL = re.compile(
    r"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/" + ARXIV_ID.pattern
)


def split_id(text: str) -> tuple[str, int | None] | None:
    """'2502.20082v1' → ('2502.20082', 1); None when the text is no arXiv id."""
    m = ARXIV_ID.fullmatch(text.strip())
    if not m:
        return None
    return m["id"], int(m["version"]) if m["version"] else None


def id_from_url(url: str) -> tuple[str, int | None] | None:
    m = ARXIV_URL.search(url)
    if not m:
        return None
    return m["id"], int(m["version"]) if m["version"] else None
