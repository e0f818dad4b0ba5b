"""An arXiv API response (Atom XML) saved to a file: one record per <entry>.

The API reports a bad query as an entry whose id is an errors URL; that is bad input here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

from qa.abstracts.base import AbstractSource, collapse_whitespace
from qa.align.model import AbstractRecord
from qa.arxiv_ids import id_from_url
from qa.errors import QaInputError

ATOM = "{http://www.w3.org/2005/Atom}"


class AtomAbstracts(AbstractSource):
    name = "atom"
    description = "arXiv API response (Atom XML) saved to a file"

    @classmethod
    def sniff(cls, path: Path, head: str) -> float:
        if "http://www.w3.org/2005/Atom" in head and "<feed" in head:
            return 1.0
        return 0.3 if head.lstrip().startswith("<?xml") else 0.0

    def read(self, path: Path) -> Iterator[AbstractRecord]:
        with path.open("rb") as stream:
            yield from parse_atom(stream, str(path))


def parse_atom(stream: BinaryIO, source: str) -> Iterator[AbstractRecord]:
    """Records of an Atom feed, streamed entry by entry."""
    try:
        for _, element in ElementTree.iterparse(stream, events=("end",)):
            if element.tag == f"{ATOM}entry":
                yield _entry(element, source)
                element.clear()
    except ElementTree.ParseError as exc:
        raise QaInputError(f"{source}: malformed Atom XML ({exc})") from None


def _entry(entry: ElementTree.Element, source: str) -> AbstractRecord:
    url = _text(entry, "id")
    if "/api/errors" in url:
        raise QaInputError(f"{source}: the arXiv API answered with an error: {_text(entry, 'summary')}")
    parsed = id_from_url(url)
    if not parsed:
        raise QaInputError(f"{source}: entry id {url!r} is not an arXiv abstract URL")
    title, abstract = _text(entry, "title"), _text(entry, "summary")
    if not title or not abstract:
        raise QaInputError(f"{source}: entry {parsed[0]} has no title or no summary")
    return AbstractRecord(
        id=parsed[0],
        version=parsed[1],
        title=title,
        authors=[collapse_whitespace(n.text or "") for n in entry.iter(f"{ATOM}name")],
        date=_text(entry, "published")[:10] or None,
        abstract=abstract,
        source=source,
    )


def _text(entry: ElementTree.Element, tag: str) -> str:
    child = entry.find(f"{ATOM}{tag}")
    return collapse_whitespace(child.text or "") if child is not None else ""
