"""Side-by-side text of an AlignedPaper: English on the left, Japanese on the right, one row
group per link, so a translator reads each pair across and sees what has no counterpart."""

from __future__ import annotations

import unicodedata

from qa.align.model import AlignedPaper, Link

GUTTER = " │ "


def render_paper(paper: AlignedPaper, width: int = 120) -> str:
    lines = [_header(paper)]
    if paper.unmatched:
        lines.append("  no English abstract found for this paper")
        lines.extend(f"  closest title: {c.id} ({c.score:.2f}) {c.title}" for c in paper.candidates)
        return "\n".join(lines)
    column = max(20, (width - len(GUTTER) - 2) // 2)
    for link in paper.links:
        lines.append("  " + _link_label(paper, link))
        left = [paper.en[i].text for i in link.en]
        right = [f"{paper.ja[j].line}: {paper.ja[j].text}" for j in link.ja]
        lines.extend("  " + row for row in _columns(left, right, column))
    return "\n".join(lines)


def _header(paper: AlignedPaper) -> str:
    how = f"matched by {paper.match_method}" if paper.match_method else "unmatched"
    related = f", related to {paper.related_to}" if paper.related_to else ""
    note = f"; {paper.match_note}" if paper.match_note else ""
    return f"{paper.file}:{paper.line}: {paper.id or '-'} {paper.kind} ({how}{related}{note})  {' '.join(paper.title.split())[:80]}"


def _link_label(paper: AlignedPaper, link: Link) -> str:
    en = ",".join(map(str, link.en)) or "-"
    ja = ",".join(map(str, link.ja)) or "-"
    label = f"EN {en} ↔ JA {ja}  confidence {link.score:.2f}"
    if paper.kind == "summary" and not link.en:
        label += "  no supporting sentence"
    if link.unsupported:
        label += "  UNSUPPORTED: not in the abstract: " + ", ".join(link.missing)
    return label


def _columns(left: list[str], right: list[str], column: int) -> list[str]:
    left_rows = [row for text in left for row in wrap(text, column)] or ["(none)"]
    right_rows = [row for text in right for row in wrap(text, column)] or ["(none)"]
    rows = []
    for k in range(max(len(left_rows), len(right_rows))):
        l = left_rows[k] if k < len(left_rows) else ""
        r = right_rows[k] if k < len(right_rows) else ""
        rows.append((l + " " * (column - display_width(l)) + GUTTER + r).rstrip())
    return rows


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters (kanji, kana) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most width columns; English breaks at spaces, Japanese anywhere."""
    rows: list[str] = []
    current, used = "", 0
    for word in _pieces(" ".join(text.split())):
        size = display_width(word)
        if used + size > width and current.strip():
            rows.append(current.rstrip())
            current, used = word.lstrip(), display_width(word.lstrip())
        else:
            current, used = current + word, used + size
    if current.strip():
        rows.append(current.rstrip())
    return rows


def _pieces(text: str) -> list[str]:
    """Wrap units: a wide character alone, or a run of narrow characters with its leading space."""
    pieces: list[str] = []
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in "WF"
        if wide or not pieces or ch == " " or unicodedata.east_asian_width(pieces[-1][-1]) in "WF":
            pieces.append(ch)
        else:
            pieces[-1] += ch
    return pieces
