"""English abstract sources: a registry of readers, each turning one kind of file into
:class:`~qa.align.model.AbstractRecord`s, and the index the matcher looks records up in.

A source says how likely a file is to be its kind (``sniff``, from the file name and its first
characters) and streams records from it (``read``). Large sources are streamed: with a
:class:`RecordFilter` only the records that could match the digests at hand are kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar

from qa.align.model import AbstractRecord
from qa.arxiv_ids import split_id
from qa.errors import QaInputError

SOURCES: dict[str, type[AbstractSource]] = {}
HEAD_CHARS = 4096
TITLE_PREFILTER_SCORE = 70  # a streamed record is kept when its title is this close to a wanted one


class AbstractSource:
    name: ClassVar[str]
    description: ClassVar[str]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        SOURCES[cls.name] = cls

    @classmethod
    def sniff(cls, path: Path, head: str) -> float:
        """0 when the file cannot be this source, up to 1 when it surely is."""
        raise NotImplementedError

    def read(self, path: Path) -> Iterator[AbstractRecord]:
        raise NotImplementedError


def json_lines(path: Path, encoding: str = "utf-8") -> Iterator[tuple[str, str]]:
    """(where, line) of every non-blank line of a JSON-lines file, read one at a time; where is
    "path:line" for error messages and record sources."""
    with path.open(encoding=encoding) as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield f"{path}:{number}", line


def normalise_title(title: str) -> str:
    """Comparison form of a title: width and case folded, punctuation and spacing collapsed."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.findall(r"\w+", folded))


def collapse_whitespace(text: str) -> str:
    """Abstracts arrive wrapped (Atom, the metadata snapshot): one space between words."""
    return " ".join(text.split())


def base_id(raw: str) -> str:
    """'2502.20082v1' → '2502.20082'; any other string is returned stripped."""
    parsed = split_id(raw)
    return parsed[0] if parsed else raw.strip()


class RecordFilter:
    """Which streamed records to keep: wanted ids, or titles close to a wanted title."""

    def __init__(self, ids: Iterable[str] = (), titles: Iterable[str] = ()) -> None:
        self.ids = {base_id(i) for i in ids if i}
        self.titles = sorted({normalise_title(t) for t in titles if t and t.strip()})

    def wants(self, record_id: str, title: str) -> bool:
        if base_id(record_id) in self.ids:
            return True
        if not self.titles:
            return False
        from rapidfuzz import fuzz, process

        hit = process.extractOne(normalise_title(title), self.titles, scorer=fuzz.ratio, score_cutoff=TITLE_PREFILTER_SCORE)
        return hit is not None


class AbstractIndex:
    """Records by arXiv id (version ignored) and by title; a later version replaces an earlier one."""

    def __init__(self, records: Iterable[AbstractRecord] = ()) -> None:
        self._by_id: dict[str, AbstractRecord] = {}
        self._titles: list[str] | None = None
        self._ids: list[str] = []
        for record in records:
            self.add(record)

    def add(self, record: AbstractRecord) -> None:
        known = self._by_id.get(record.id)
        if known is None or (record.version or 0) > (known.version or 0):
            self._by_id[record.id] = record
            self._titles = None

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[AbstractRecord]:
        return iter(self._by_id.values())

    def by_id(self, arxiv_id: str) -> AbstractRecord | None:
        return self._by_id.get(base_id(arxiv_id))

    def by_title(self, title: str, limit: int = 5, cutoff: float = 0.6) -> list[tuple[AbstractRecord, float]]:
        """Records whose title is closest to title, best first, with a similarity in [0, 1]."""
        from rapidfuzz import fuzz, process

        if self._titles is None:
            self._ids = list(self._by_id)
            self._titles = [normalise_title(self._by_id[i].title) for i in self._ids]
        query = normalise_title(title)
        if not query:
            return []
        hits = process.extract(query, self._titles, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff * 100)
        return [(self._by_id[self._ids[index]], round(score / 100, 4)) for _, score, index in hits]


def detect_source(path: Path) -> type[AbstractSource]:
    head = _head(path)
    scored = sorted(((cls.sniff(path, head), name) for name, cls in SOURCES.items()), reverse=True)
    best_score, best_name = scored[0]
    if best_score <= 0:
        known = ", ".join(sorted(SOURCES))
        raise QaInputError(f"{path}: not a known abstract source (known sources: {known})")
    return SOURCES[best_name]


def read_records(path: str | Path, wanted: RecordFilter | None = None) -> Iterator[AbstractRecord]:
    p = Path(path)
    if not p.is_file():
        raise QaInputError(f"{path}: no such file")
    for record in detect_source(p)().read(p):
        if wanted is None or wanted.wants(record.id, record.title):
            yield record


def load_records(paths: list[str | Path], wanted: RecordFilter | None = None) -> AbstractIndex:
    """Every record of every file (source detected per file), or only the wanted ones."""
    index = AbstractIndex()
    for path in paths:
        for record in read_records(path, wanted):
            index.add(record)
    return index


def _head(path: Path) -> str:
    try:
        with path.open("rb") as f:
            return f.read(HEAD_CHARS).decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise QaInputError(f"{path}: cannot read ({exc.strerror})") from None
