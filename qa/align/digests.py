"""Alignment of whole digests: every paper and related paper against its English abstract.

A paper with a Japanese abstract (`abstract_ja`) gets a `translation` AlignedPaper from the
sentence aligner; its summary-type sections (summary, question-N, highlights, the article's
body, related-paper summaries) get one `summary` AlignedPaper from summary support. Code blocks
and reference lists are left out: they are neither translation nor claims about the paper.
Japanese sentences keep their file/line/offsets; English sentences are split by the
project's own segmenter and carry offsets into the abstract.
"""

from __future__ import annotations

from typing import Any, Literal

from qa.abstracts.base import AbstractIndex
from qa.abstracts.digest import embedded_record
from qa.align.model import AbstractRecord, AlignedPaper, EnSentence, JaSentence
from qa.align.sentences import align_sentences
from qa.align.support import support_summary
from qa.langid import REFERENCE_HEADING
from qa.match import PaperMatch, match_paper
from qa.model import Digest, Paper, Section
from qa.segment import split_sentences

SUMMARY_KINDS = ("summary", "highlights", "related_summary", "section")


def align_digests(parsed: list, index: AbstractIndex | None, glossary: Any = None) -> list[AlignedPaper]:
    """parsed: list of (SourceText, Digest), as qa.pipeline.parse_paths returns."""
    aligned: list[AlignedPaper] = []
    for _, digest in parsed:
        aligned.extend(align_digest(digest, index, glossary))
    return aligned


def align_digest(digest: Digest, index: AbstractIndex | None, glossary: Any = None) -> list[AlignedPaper]:
    aligned: list[AlignedPaper] = []
    for paper in digest.papers:
        aligned.extend(align_paper(paper, index, glossary))
        for related in paper.related:
            aligned.extend(align_paper(related, index, glossary, related_to=paper.id))
    return aligned


def align_paper(paper: Paper, index: AbstractIndex | None, glossary: Any = None, related_to: str | None = None) -> list[AlignedPaper]:
    match = _find_record(paper, index)
    record = match.record
    en = english_sentences(record.abstract) if record else []
    en_texts = [s.text for s in en]
    results = []
    translation = paper.section("abstract_ja")
    if translation is not None:
        ja = japanese_sentences([translation])
        links = align_sentences(en_texts, [s.text for s in ja], glossary) if record else []
        results.append(_aligned(paper, "translation", match, en, ja, links, related_to))
    summaries = [s for s in paper.sections if is_summary_section(s)]
    ja = japanese_sentences(summaries)
    if ja:
        links = support_summary(en_texts, [s.text for s in ja], glossary) if record else []
        results.append(_aligned(paper, "summary", match, en, ja, links, related_to))
    return results


def is_summary_section(section: Section) -> bool:
    """Sections that summarise the paper in Japanese, reference lists excluded."""
    summary_kind = section.kind in SUMMARY_KINDS or section.kind.startswith("question-")
    return summary_kind and not (section.heading and REFERENCE_HEADING.search(section.heading))


def english_sentences(abstract: str) -> list[EnSentence]:
    return [EnSentence(text=abstract[s:e], start=s, end=e) for s, e in split_sentences(abstract)]


def japanese_sentences(sections: list[Section]) -> list[JaSentence]:
    return [
        JaSentence(
            text=s.text,
            file=s.loc.file,
            line=s.loc.line,
            column=s.loc.column,
            start=s.loc.start,
            end=s.loc.end,
            section=section.kind,
        )
        for section in sections
        for block in section.blocks
        if block.kind != "code"
        for s in block.sentences
    ]


def _find_record(paper: Paper, index: AbstractIndex | None) -> PaperMatch:
    """The matched record, else the paper's own embedded English abstract, if it has one."""
    match = match_paper(paper, index) if index is not None else PaperMatch()
    if match.matched:
        return match
    embedded: AbstractRecord | None = embedded_record(paper)
    if embedded is not None:
        return match.model_copy(update={"record": embedded, "score": 1.0, "method": "embedded"})
    return match


def _aligned(
    paper: Paper,
    kind: Literal["translation", "summary"],
    match: PaperMatch,
    en: list[EnSentence],
    ja: list[JaSentence],
    links: list,
    related_to: str | None,
) -> AlignedPaper:
    return AlignedPaper(
        id=match.record.id if match.record else paper.id,
        kind=kind,
        title=paper.title,
        file=paper.loc.file,
        line=paper.loc.line,
        en=en,
        ja=ja,
        links=links,
        unmatched=match.record is None,
        match_score=match.score if match.record else None,
        related_to=related_to,
        match_method=match.method,
        match_note=match.note,
        candidates=match.candidates,
    )
