"""Paper matching: which English abstract record a digest paper translates or summarises.

By arXiv id first (version ignored, old-style ids too). Without an id, or with an id the
records lack, by fuzzy title similarity: the paper's English title (the article's `論文:` line,
a related paper's title), else an English title embedded in the Japanese one, as in
「MedVLM-R1: 強化学習を用いた…（Incentivizing Medical Reasoning …）」. A title match must be
clearly better than the runner-up; otherwise the paper is reported ambiguous with the
candidates and their scores, and left unmatched rather than aligned with the wrong abstract.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from qa.abstracts.base import AbstractIndex, RecordFilter
from qa.align.model import AbstractRecord, MatchCandidate
from qa.model import Paper

ACCEPT_SCORE = 0.9  # title similarity needed to take a record
AMBIGUITY_MARGIN = 0.05  # the best title must beat another record's by this much
CANDIDATES = 3
OPENERS = {"（": "）", "(": ")"}
LATIN_LETTER = re.compile(r"[A-Za-z]")
LETTER = re.compile(r"[^\W\d_]")
LATIN_PREFIX = re.compile(r"^\s*(?P<prefix>[A-Za-z0-9][\w\-.+]*)\s*[:：]")


class PaperMatch(BaseModel):
    record: AbstractRecord | None = None
    score: float = 0.0  # 1.0 for an id match, else the title similarity in [0, 1]
    method: Literal["id", "title", "embedded-title", "embedded"] | None = None  # embedded: the digest's own English abstract
    query: str | None = None  # the title that was looked up
    candidates: list[MatchCandidate] = Field(default_factory=list)  # best first, for unmatched or ambiguous papers
    ambiguous: bool = False
    note: str | None = None  # e.g. the paper's id is not among the records

    @property
    def matched(self) -> bool:
        return self.record is not None


def match_paper(paper: Paper, index: AbstractIndex) -> PaperMatch:
    note = None
    if paper.id:
        record = index.by_id(paper.id)
        if record is not None:
            return PaperMatch(record=record, score=1.0, method="id", query=paper.id)
        note = f"id {paper.id} is not among the abstract records"
    result = _match_title(paper, index)
    if note and result.matched and result.record.id != paper.id:
        note += f"; its title matches {result.record.id}"
    return result.model_copy(update={"note": note}) if note else result


def title_queries(paper: Paper) -> list[tuple[str, Literal["title", "embedded-title"]]]:
    """English titles to look the paper up by, with the method each one stands for."""
    queries: list[tuple[str, Literal["title", "embedded-title"]]] = []
    if paper.title_en and paper.title_en.strip():
        queries.append((paper.title_en.strip(), "title"))
    embedded = embedded_english_title(paper.title)
    if embedded and all(embedded != q for q, _ in queries):
        queries.append((embedded, "embedded-title"))
    return queries


def embedded_english_title(title: str) -> str | None:
    """The English title inside a Japanese one: the longest bracketed Latin run, prefixed by the
    Latin name before the colon when the title starts with one ('LongRoPE2: … (Near-Lossless …)')."""
    groups = [g for g in _bracket_groups(title) if _mostly_latin(g) and len(g.split()) >= 2]
    if not groups:
        return None
    english = max(groups, key=len).strip()
    prefix = LATIN_PREFIX.match(title)
    if prefix and not english.lower().startswith(prefix["prefix"].lower()):
        english = f"{prefix['prefix']}: {english}"
    return english


def _match_title(paper: Paper, index: AbstractIndex) -> PaperMatch:
    attempts = []
    for query, method in title_queries(paper):
        hits = index.by_title(query, limit=CANDIDATES + 1)
        attempts.append(_decide(query, method, hits))
    matched = [a for a in attempts if a.matched]
    return max(matched or attempts, key=lambda a: a.score, default=PaperMatch())


def _decide(query: str, method, hits: list[tuple[AbstractRecord, float]]) -> PaperMatch:
    candidates = [MatchCandidate(id=r.id, title=r.title, score=s) for r, s in hits]
    if not hits:
        return PaperMatch(query=query, method=None)
    top, score = hits[0]
    runner_up = hits[1][1] if len(hits) > 1 else 0.0
    if score >= ACCEPT_SCORE and score - runner_up >= AMBIGUITY_MARGIN:
        return PaperMatch(record=top, score=score, method=method, query=query)
    ambiguous = score >= ACCEPT_SCORE
    return PaperMatch(score=score, query=query, candidates=candidates[:CANDIDATES], ambiguous=ambiguous)


def _bracket_groups(text: str) -> list[str]:
    """Contents of the outermost （…） and (…) groups, nesting of either kind respected."""
    groups: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in OPENERS:
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch in OPENERS.values() and depth:
            depth -= 1
            if depth == 0:
                groups.append(text[start:i])
    return groups


def _mostly_latin(text: str) -> bool:
    letters = LETTER.findall(text)
    return bool(letters) and len(LATIN_LETTER.findall(text)) >= 0.9 * len(letters)


def record_filter(papers: list[Paper]) -> RecordFilter:
    """What to keep while streaming a large abstract source: these papers' ids and titles."""
    return RecordFilter(
        ids=[p.id for p in papers if p.id],
        titles=[query for p in papers for query, _ in title_queries(p)],
    )
