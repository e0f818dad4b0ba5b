"""Alignment data: English abstract records, and Japanese sentences linked to English ones.

The JSON of `qa align --json` is `{"papers": [AlignedPaper.view(), ...]}`; the bilingual
exports and the checks read these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class MatchCandidate(BaseModel):
    """A record a paper's title resembles, when the paper could not be matched for sure."""

    id: str
    title: str
    score: float  # title similarity in [0, 1]


class AbstractRecord(BaseModel):
    """One English abstract, whatever source it came from (JSONL, Atom, Kaggle snapshot, digest)."""

    id: str  # arXiv id without version
    version: int | None = None
    title: str
    authors: list[str] = Field(default_factory=list)
    date: str | None = None  # ISO date of first publication
    abstract: str
    source: str | None = None  # where the record was read from


class EnSentence(BaseModel):
    text: str
    start: int  # offsets into the English abstract
    end: int


class JaSentence(BaseModel):
    text: str
    file: str
    line: int
    column: int
    start: int  # offsets into the Japanese source file
    end: int
    section: str  # kind of the section the sentence comes from


class Link(BaseModel):
    """English sentences ↔ Japanese sentences. 1-0 has ja == []; 0-1 has en == [].

    For a summary, one link per Japanese sentence: en lists the supporting abstract sentences
    (empty when unsupported), and `unsupported` says whether the sentence's numbers or named
    entities are missing from the abstract.
    """

    en: list[int]
    ja: list[int]
    score: float  # confidence in [0, 1]
    unsupported: bool | None = None
    missing: list[str] = Field(default_factory=list)  # anchors absent from the English side


class AlignedPaper(BaseModel):
    id: str | None = None
    kind: Literal["translation", "summary"]
    title: str
    file: str
    line: int  # line of the paper in the digest
    en: list[EnSentence] = Field(default_factory=list)
    ja: list[JaSentence] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    unmatched: bool = False  # no English abstract was found for the paper
    match_score: float | None = None  # how the record was matched: 1.0 by id, else title similarity
    related_to: str | None = None  # for a related paper: the id of the paper whose list it is in
    match_method: str | None = None  # id, title, embedded-title, or embedded (the digest's own English abstract)
    match_note: str | None = None  # e.g. the paper's id is not among the records
    candidates: list[MatchCandidate] = Field(default_factory=list)  # closest titles of an unmatched or ambiguous paper

    def view(self) -> dict:
        return self.model_dump(mode="json", exclude_none=True)
