"""The arXiv metadata snapshot published on Kaggle: one JSON object per line with `id`,
`title`, `abstract`, `authors`, `authors_parsed`, `versions`, `update_date`…

It is several gigabytes, so it is read line by line and never held in memory; pass a
RecordFilter to load_records to keep only the records a digest needs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

from qa.abstracts.base import AbstractSource, base_id, collapse_whitespace, json_lines
from qa.abstracts.jsonl import SNAPSHOT_KEYS
from qa.align.model import AbstractRecord
from qa.errors import QaInputError


class ArxivSnapshot(AbstractSource):
    name = "arxiv-snapshot"
    description = "arXiv metadata snapshot (JSON lines with id, title, abstract, versions, authors_parsed)"

    @classmethod
    def sniff(cls, path: Path, head: str) -> float:
        line = head.split("\n", 1)[0]
        if not head.lstrip().startswith("{") or '"abstract"' not in line:
            return 0.0
        return 1.0 if any(k in line for k in SNAPSHOT_KEYS) else 0.0

    def read(self, path: Path) -> Iterator[AbstractRecord]:
        for source, line in json_lines(path):
            yield _record(line, source)


def _record(line: str, source: str) -> AbstractRecord:
    try:
        value = json.loads(line)
        raw_id, title, abstract = str(value["id"]), value["title"], value["abstract"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise QaInputError(f"{source}: not a snapshot record ({exc.__class__.__name__}: {exc})") from None
    versions = value.get("versions") or []
    return AbstractRecord(
        id=base_id(raw_id),
        version=_latest_version(versions),
        title=collapse_whitespace(title),
        authors=_authors(value),
        date=_first_date(versions) or value.get("update_date"),
        abstract=collapse_whitespace(abstract),
        source=source,
    )


def _latest_version(versions: list[dict]) -> int | None:
    numbers = [int(v["version"].lstrip("v")) for v in versions if str(v.get("version", "")).lstrip("v").isdigit()]
    return max(numbers) if numbers else None


def _first_date(versions: list[dict]) -> str | None:
    if not versions or not versions[0].get("created"):
        return None
    try:
        return parsedate_to_datetime(versions[0]["created"]).date().isoformat()
    except (TypeError, ValueError):
        return None


def _authors(value: dict) -> list[str]:
    """'First Last' from authors_parsed ([last, first, suffix]); else the authors string split."""
    parsed = value.get("authors_parsed")
    if parsed:
        return [" ".join(p for p in (first, last, *rest) if p) for last, first, *rest in parsed]
    raw = collapse_whitespace(value.get("authors") or "")
    return [a.strip() for a in raw.replace(" and ", ", ").split(",") if a.strip()]
