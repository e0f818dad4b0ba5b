"""English abstracts embedded in a digest: the `Abstract:` item of a metadata page, the
`abstract_en` field of bilingual JSONL, an `**Abstract**:` block of a daily digest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from qa.abstracts.base import AbstractSource, collapse_whitespace
from qa.align.model import AbstractRecord
from qa.model import Digest, Paper


class DigestAbstracts(AbstractSource):
    name = "digest"
    description = "English abstracts embedded in a digest (abstract-page `Abstract:`, JSONL `abstract_en`)"

    @classmethod
    def sniff(cls, path: Path, head: str) -> float:
        if '"abstract_en"' in head.split("\n", 1)[0]:
            return 0.9
        return 0.2 if path.suffix in (".md", ".txt") else 0.0

    def read(self, path: Path) -> Iterator[AbstractRecord]:
        from qa.pipeline import parse_file

        yield from embedded_records(parse_file(path))


def embedded_records(digest: Digest) -> Iterator[AbstractRecord]:
    for paper in digest.all_papers():
        record = embedded_record(paper)
        if record is not None:
            yield record


def embedded_record(paper: Paper) -> AbstractRecord | None:
    """The paper's own English abstract as a record; None when it has none or no id."""
    section = paper.section("abstract_en")
    if section is None or not paper.id or not section.body.strip():
        return None
    return AbstractRecord(
        id=paper.id,
        version=paper.version,
        title=paper.title_en or paper.title,
        authors=paper.authors,
        date=paper.date,
        abstract=collapse_whitespace(section.body),
        source=f"{section.loc.file}:{section.loc.line}",
    )
