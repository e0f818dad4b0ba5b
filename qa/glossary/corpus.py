"""The Japanese prose of parsed digests, where renderings are looked for.

Only sections that are meant to be Japanese count, and code blocks never do: English abstracts
are source text, and code comments are not prose.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from qa.model import Digest, Lang, Paper, Sentence


@dataclass(frozen=True)
class ProseSentence:
    digest: Digest
    paper: Paper
    sentence: Sentence


def japanese_sentences(digest: Digest) -> Iterator[ProseSentence]:
    for paper in digest.all_papers():
        for section in paper.sections:
            if section.expected_lang != Lang.JA:
                continue
            for block in section.blocks:
                if block.kind == "code":
                    continue
                for sentence in block.sentences:
                    yield ProseSentence(digest, paper, sentence)


def paper_english(digest: Digest, paper: Paper, abstracts=None, alignments=()) -> str:
    """The English text known for a paper: its English sections (titles, abstract), its record in
    an abstract index (qa.abstracts), and the English side of its alignment."""
    parts = [paper.title_en or ""]
    parts += [section.body for section in paper.sections if section.expected_lang == Lang.EN]
    if abstracts is not None and paper.id:
        record = abstracts.by_id(paper.id)
        if record is not None:
            parts += [record.title, record.abstract]
    for aligned in alignments:
        if aligned.file == digest.path and paper.id and aligned.id == paper.id:
            parts += [s.text for s in aligned.en]
    return "\n".join(p for p in parts if p)
