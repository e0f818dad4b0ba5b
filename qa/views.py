"""Plain-dict views of the digest model for JSON output (the shapes other tools read)."""

from __future__ import annotations

from qa.model import Digest, Paper, Section, Sentence


def digest_view(digest: Digest, sentences: bool = False) -> dict:
    return {
        "path": digest.path,
        "format": digest.format,
        "encoding": digest.encoding,
        "date": digest.date,
        "papers": [paper_view(p, sentences) for p in digest.papers],
    }


def paper_view(paper: Paper, sentences: bool = False) -> dict:
    return {
        "id": paper.id,
        "version": paper.version,
        "url": paper.url,
        "title": paper.title,
        "title_en": paper.title_en,
        "date": paper.date,
        "authors": paper.authors,
        "score": paper.score,
        "line": paper.loc.line,
        "column": paper.loc.column,
        "start": paper.loc.start,
        "end": paper.loc.end,
        "sections": [section_view(s, sentences) for s in paper.sections],
        "related": [paper_view(r, sentences) for r in paper.related],
    }


def section_view(section: Section, sentences: bool = False) -> dict:
    view = {
        "kind": section.kind,
        "heading": section.heading,
        "expected_lang": section.expected_lang.value,
        "lang": section.lang.value if section.lang else None,
        "line": section.loc.line,
        "column": section.loc.column,
        "start": section.loc.start,
        "end": section.loc.end,
    }
    if sentences:
        view["sentences"] = [sentence_view(s) for s in section.sentences]
    return view


def sentence_view(sentence: Sentence) -> dict:
    return {
        "text": sentence.text,
        "lang": sentence.lang.value if sentence.lang else None,
        "line": sentence.loc.line,
        "column": sentence.loc.column,
        "start": sentence.loc.start,
        "end": sentence.loc.end,
    }
