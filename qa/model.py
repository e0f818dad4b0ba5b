"""The digest model: plain pydantic data shared by every stage of the pipeline.

Digest → Paper → Section → Block → Sentence. Every unit carries a :class:`Location` in its
source file so that findings and exports can point back at file:line:column.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel, Field, SkipValidation


class Lang(StrEnum):
    JA = "ja"
    EN = "en"
    CODE = "code"
    OTHER = "other"  # a language that is neither Japanese nor English
    NONE = "none"  # no language at all: numbers, URLs, symbols


# The file offset of each character of a text: a range where the characters are consecutive in
# the file (a JSON string without escapes), else a list. Built by the parsers and never read
# from outside input, so not validated (item by item, that took a tenth of the parse time).
FileOffsets = SkipValidation[Sequence[int]]


class Location(BaseModel):
    """Where a unit sits in its source: 1-based line/column and 0-based character offsets."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int


class Sentence(BaseModel):
    """A sentence; ``offsets[i]`` is the file offset of ``text[i]`` (for spans inside it)."""

    text: str
    lang: Lang | None = None
    loc: Location
    offsets: FileOffsets = Field(default_factory=list, exclude=True, repr=False)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """File offsets of text[start:end]."""
        if not self.offsets:
            return self.loc.start + start, self.loc.start + end
        return self.offsets[start], self.offsets[max(start, end - 1)] + 1


class Block(BaseModel):
    """A Markdown block (paragraph, list item, code, table row…) or a plain-text paragraph.

    ``text`` is the block's prose without Markdown markers; ``offsets[i]`` is the file offset
    of ``text[i]`` (the two differ when markers were removed or JSON escapes decoded).
    """

    kind: str = "paragraph"
    text: str
    loc: Location
    offsets: FileOffsets = Field(default_factory=list, exclude=True, repr=False)
    sentences: list[Sentence] = Field(default_factory=list)


class Section(BaseModel):
    kind: str  # title, abstract_ja, abstract_en, summary, question-N, highlights, related, note…
    heading: str | None = None
    expected_lang: Lang
    lang: Lang | None = None
    loc: Location
    blocks: list[Block] = Field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for b in self.blocks for s in b.sentences]


class Paper(BaseModel):
    id: str | None = None  # arXiv id without version
    version: int | None = None
    url: str | None = None
    title: str  # as written in the digest
    title_en: str | None = None
    date: str | None = None
    authors: list[str] = Field(default_factory=list)
    score: float | None = None  # relevance score given by a related-papers list
    loc: Location
    sections: list[Section] = Field(default_factory=list)
    related: list[Paper] = Field(default_factory=list)

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)


class Digest(BaseModel):
    path: str
    format: str
    encoding: str = "utf-8"
    date: str | None = None
    papers: list[Paper] = Field(default_factory=list)

    def all_papers(self) -> list[Paper]:
        """Papers and their related papers, in document order."""
        return [q for p in self.papers for q in (p, *p.related)]
