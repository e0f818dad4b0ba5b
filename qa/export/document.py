"""The bilingual view every exporter reads, built once from an ExportInput.

Papers come in document order (related papers after the paper whose list they are in), each
with its English metadata, its Japanese text, its alignments as links of sentence texts, and
the findings that fall on it. A finding belongs to the innermost paper whose span holds it and
to every link whose Japanese sentences it overlaps; findings are referred to by their index in
``ExportDocument.findings`` so that every exporter numbers them the same way.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from qa.align.model import AbstractRecord, AlignedPaper, EnSentence, JaSentence
from qa.errors import QaInputError
from qa.export.base import ExportInput
from qa.findings import Finding
from qa.model import Block, Digest, Lang, Paper
from qa.source import SourceText

# Japanese sections that are neither the title nor the abstract translation nor a site notice.
NOT_SUMMARY = {"title", "title_en", "abstract_ja", "abstract_en", "note"}
# A link the exports may show: a web address with nothing that could end the attribute or the
# Markdown destination it is written in (a digest's `javascript:` link is dropped, not linked).
WEB_URL = re.compile(r"https?://[^\s<>\"'`]+")


class ExportLink(BaseModel):
    """English sentences ↔ Japanese sentences, as text. 1-0 is an omission, 0-1 an addition."""

    number: int  # 1-based position in its alignment
    en: list[str]
    ja: list[JaSentence]
    score: float
    unsupported: bool | None = None
    missing: list[str] = Field(default_factory=list)
    findings: list[int] = Field(default_factory=list)  # indices into ExportDocument.findings

    @property
    def shape(self) -> str:
        return f"{len(self.en)}-{len(self.ja)}"

    @property
    def en_text(self) -> str:
        return " ".join(self.en)

    @property
    def ja_text(self) -> str:
        return "".join(s.text for s in self.ja)

    @property
    def is_pair(self) -> bool:
        return bool(self.en and self.ja)


class ExportAlignment(BaseModel):
    kind: Literal["translation", "summary"]
    en: list[EnSentence]
    links: list[ExportLink]
    match_score: float | None = None


class ExportPaper(BaseModel):
    key: str  # unique in the document: used for anchors and unit ids
    id: str | None
    file: str
    line: int
    title_ja: str | None = None
    title_en: str | None = None
    url: str | None = None
    date: str | None = None
    abstract_en: str | None = None
    abstract_ja: str | None = None
    summary_ja: str | None = None
    related_to: str | None = None
    paper: Paper
    alignments: list[ExportAlignment] = Field(default_factory=list)
    findings: list[int] = Field(default_factory=list)  # every finding inside the paper

    @property
    def title(self) -> str:
        return self.title_ja or self.title_en or self.id or f"{self.file}:{self.line}"

    def alignment(self, kind: str) -> ExportAlignment | None:
        return next((a for a in self.alignments if a.kind == kind), None)

    @property
    def loose_findings(self) -> list[int]:
        """Findings of the paper that fall on no link (titles, headings, unaligned text)."""
        on_links = {i for a in self.alignments for link in a.links for i in link.findings}
        return [i for i in self.findings if i not in on_links]


class ExportDocument(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    files: list[str]
    papers: list[ExportPaper]
    findings: list[Finding]
    loose_findings: list[int]  # findings inside no paper
    glossary: Any = None
    sources: dict[str, SourceText] = Field(default_factory=dict, repr=False)

    def finding_list(self, indices: list[int]) -> list[Finding]:
        return [self.findings[i] for i in indices]


def build_document(data: ExportInput) -> ExportDocument:
    findings = sorted(data.findings, key=Finding.sort_key)
    sources = {digest.path: src for src, digest in data.parsed}
    records = {r.id: r for r in data.records}
    by_place: dict[tuple[str, int], list[AlignedPaper]] = defaultdict(list)
    for aligned in data.alignments:
        by_place[(aligned.file, aligned.line)].append(aligned)
    papers: list[ExportPaper] = []
    for _, digest in data.parsed:
        for paper, related_to in _papers_in_order(digest):
            aligned = by_place.pop((digest.path, paper.loc.line), [])
            papers.append(_export_paper(paper, related_to, aligned, records))
    if by_place:
        file, line = next(iter(by_place))
        raise QaInputError(f"{file}:{line}: an alignment matches no paper of the parsed digests")
    _unique_keys(papers)
    loose = _place_findings(papers, findings, sources)
    return ExportDocument(
        files=[digest.path for _, digest in data.parsed],
        papers=papers,
        findings=findings,
        loose_findings=loose,
        glossary=data.glossary,
        sources=sources,
    )


def _papers_in_order(digest: Digest) -> list[tuple[Paper, str | None]]:
    return [(q, p.id if q is not p else None) for p in digest.papers for q in (p, *p.related)]


def _export_paper(paper: Paper, related_to: str | None, aligned: list[AlignedPaper], records: dict) -> ExportPaper:
    paper_id = paper.id or next((a.id for a in aligned if a.id), None)
    record: AbstractRecord | None = records.get(paper_id) if paper_id else None
    title = paper.section("title")
    abstract_en = paper.section("abstract_en")
    abstract_ja = paper.section("abstract_ja")
    summary = [s.body for s in paper.sections if s.expected_lang == Lang.JA and s.kind not in NOT_SUMMARY]
    return ExportPaper(
        key=paper_id or f"L{paper.loc.line}",
        id=paper_id,
        file=paper.loc.file,
        line=paper.loc.line,
        title_ja=title.body if title and title.expected_lang == Lang.JA else None,
        title_en=(record.title if record else None) or paper.title_en or _english_title(paper),
        url=_web_url(paper.url) or (f"https://arxiv.org/abs/{paper_id}" if paper_id else None),
        date=paper.date or (record.date if record else None),
        abstract_en=(record.abstract if record else None) or (abstract_en.body if abstract_en else None)
        or _joined_english(aligned),
        abstract_ja=abstract_ja.body if abstract_ja else None,
        summary_ja="\n\n".join(summary) or None,
        related_to=related_to,
        paper=paper,
        alignments=[_export_alignment(a) for a in aligned if not a.unmatched],
    )


def _web_url(url: str | None) -> str | None:
    return url if url and WEB_URL.fullmatch(url) else None


def _english_title(paper: Paper) -> str | None:
    title = paper.section("title_en") or paper.section("title")
    return title.body if title and title.expected_lang == Lang.EN else None


def _joined_english(aligned: list[AlignedPaper]) -> str | None:
    english = next((a.en for a in aligned if a.en), None)
    return " ".join(s.text for s in english) if english else None


def _export_alignment(aligned: AlignedPaper) -> ExportAlignment:
    links = [
        ExportLink(
            number=n,
            en=[aligned.en[i].text for i in link.en],
            ja=[aligned.ja[j] for j in link.ja],
            score=link.score,
            unsupported=link.unsupported,
            missing=link.missing,
        )
        for n, link in enumerate(aligned.links, start=1)
    ]
    return ExportAlignment(kind=aligned.kind, en=aligned.en, links=links, match_score=aligned.match_score)


def _unique_keys(papers: list[ExportPaper]) -> None:
    """A paper listed twice (in two files, or as related twice) gets key, key-2, key-3…"""
    seen: dict[str, int] = {}
    for paper in papers:
        count = seen.get(paper.key, 0) + 1
        seen[paper.key] = count
        if count > 1:
            paper.key = f"{paper.key}-{count}"


def finding_span(finding: Finding, source: SourceText | None) -> tuple[int, int] | None:
    """File offsets [start, end) of a finding; from line/column when it has no offsets."""
    if finding.start is not None:
        return finding.start, max(finding.end or finding.start, finding.start + 1)
    if source is None or not 1 <= finding.line <= source.line_count:
        return None
    start = source.line_start(finding.line) + max(finding.column - 1, 0)
    return start, start + 1


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] < end and start < span[1]


def _place_findings(papers: list[ExportPaper], findings: list[Finding], sources: dict[str, SourceText]) -> list[int]:
    """Fill paper.findings and link.findings; return the findings that are inside no paper."""
    loose: list[int] = []
    for index, finding in enumerate(findings):
        span = finding_span(finding, sources.get(finding.file))
        paper = _paper_of(papers, finding, span)
        if paper is None:
            loose.append(index)
            continue
        paper.findings.append(index)
        for alignment in paper.alignments:
            for link in alignment.links:
                if _on_link(link, finding, span):
                    link.findings.append(index)
    return loose


def _paper_of(papers: list[ExportPaper], finding: Finding, span: tuple[int, int] | None) -> ExportPaper | None:
    """The innermost paper whose span holds the finding, else the paper with the finding's id."""
    if span is not None:
        holding = [
            p for p in papers
            if p.file == finding.file and p.paper.loc.start <= span[0] < max(p.paper.loc.end, p.paper.loc.start + 1)
        ]
        if holding:
            return min(holding, key=lambda p: p.paper.loc.end - p.paper.loc.start)
    same_id = [p for p in papers if finding.paper and p.id == finding.paper and p.file == finding.file]
    return same_id[0] if same_id else None


def _on_link(link: ExportLink, finding: Finding, span: tuple[int, int] | None) -> bool:
    if span is not None and any(s.file == finding.file and _overlaps(span, s.start, s.end) for s in link.ja):
        return True
    # An omission has no Japanese side: the finding names the dropped English sentence instead.
    return not link.ja and bool(finding.en) and any(finding.en in en or en in finding.en for en in link.en)


class CharOffsets:
    """File offset of every character of a Japanese sentence, for spans inside it.

    Sentences are substrings of the digest's blocks, which keep the offset of each character
    (Markdown markers and JSON escapes make them differ from start + i). A sentence that is not
    found in a block (an aligner that rewrote its text) falls back to consecutive offsets.
    """

    def __init__(self, parsed: list[tuple[SourceText, Digest]]) -> None:
        self._blocks: dict[str, tuple[list[int], list[Block]]] = {}
        for _, digest in parsed:
            blocks = [b for p in digest.all_papers() for s in p.sections for b in s.blocks if b.offsets]
            blocks.sort(key=lambda b: b.offsets[0])
            self._blocks[digest.path] = ([b.offsets[0] for b in blocks], blocks)

    def of(self, file: str, start: int, text: str) -> list[int]:
        firsts, blocks = self._blocks.get(file, ([], []))
        position = bisect.bisect_right(firsts, start) - 1
        if position >= 0:
            block = blocks[position]
            i = bisect.bisect_left(block.offsets, start)
            if i < len(block.offsets) and block.offsets[i] == start and block.text.startswith(text, i):
                return block.offsets[i : i + len(text)]
        return [start + i for i in range(len(text))]
