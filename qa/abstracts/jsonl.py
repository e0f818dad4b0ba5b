"""Abstract records as JSON lines: `id`, `title`, `abstract`, and optionally `authors`
(a list or one comma-separated string), `published` or `date`, as in samples/abstracts.jsonl."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from qa.abstracts.base import AbstractSource, collapse_whitespace, json_lines
from qa.align.model import AbstractRecord
from qa.arxiv_ids import id_from_url, split_id
from qa.errors import QaInputError

REQUIRED = ("id", "title", "abstract")
# Keys that only the metadata snapshot has: a line with them belongs to that source.
SNAPSHOT_KEYS = ('"versions"', '"update_date"', '"authors_parsed"')


class JsonlAbstracts(AbstractSource):
    name = "jsonl"
    description = "JSON lines with id, title, abstract, authors, published"

    @classmethod
    def sniff(cls, path: Path, head: str) -> float:
        first = head.lstrip()[:1]
        line = head.split("\n", 1)[0]
        if first != "{" or '"abstract"' not in line or '"abstract_en"' in line:
            return 0.0
        return 0.5 if any(k in line for k in SNAPSHOT_KEYS) else 0.9

    def read(self, path: Path) -> Iterator[AbstractRecord]:
        for source, line in json_lines(path, encoding="utf-8-sig"):
            yield record_from_json(_load(line, source), source)


def _load(line: str, source: str) -> dict:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise QaInputError(f"{source}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(value, dict):
        raise QaInputError(f"{source}: each line must be a JSON object")
    missing = [k for k in REQUIRED if not isinstance(value.get(k), str) or not value[k].strip()]
    if missing:
        raise QaInputError(f"{source}: missing {', '.join(missing)}")
    return value


def record_from_json(value: dict, source: str) -> AbstractRecord:
    raw_id = value["id"].strip()
    parsed = split_id(raw_id) or id_from_url(raw_id)
    authors = value.get("authors") or []
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.split(",") if a.strip()]
    date = value.get("published") or value.get("date")
    return AbstractRecord(
        id=parsed[0] if parsed else raw_id,
        version=parsed[1] if parsed else None,
        title=collapse_whitespace(value["title"]),
        authors=[str(a) for a in authors],
        date=str(date)[:10] if date else None,
        abstract=collapse_whitespace(value["abstract"]),
        source=source,
    )
