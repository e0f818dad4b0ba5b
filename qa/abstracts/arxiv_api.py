"""Optional online lookup of abstracts through the arXiv API, cached in a local SQLite file.

Off by default: only `qa align --online` (or a caller passing an ArxivCache) reaches the
network. Every answer is stored, so a paper is fetched once; the API asks for a pause of a few
seconds between calls, which the cache honours.
"""

from __future__ import annotations

import io
import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from qa.abstracts.atom import parse_atom
from qa.abstracts.base import base_id
from qa.align.model import AbstractRecord
from qa.errors import QaInputError

API_URL = "http://export.arxiv.org/api/query"
DEFAULT_CACHE = Path(".qa-cache") / "arxiv.sqlite"
BATCH = 50  # ids per API call
PAUSE_SECONDS = 3.0
TIMEOUT_SECONDS = 30


def fetch_atom(ids: list[str]) -> bytes:
    """One arXiv API call for ids; the Atom XML it answers."""
    import urllib.error
    import urllib.parse
    import urllib.request

    query = urllib.parse.urlencode({"id_list": ",".join(ids), "max_results": len(ids)})
    request = urllib.request.Request(f"{API_URL}?{query}", headers={"User-Agent": "digest-qa"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.read()
    except (urllib.error.URLError, TimeoutError) as exc:
        raise QaInputError(f"arXiv API lookup failed: {exc}") from None


class ArxivCache:
    """Records fetched from the arXiv API, kept in SQLite by id."""

    def __init__(self, path: str | Path = DEFAULT_CACHE, fetch: Callable[[list[str]], bytes] = fetch_atom) -> None:
        self.path = Path(path)
        self.fetch = fetch
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute("CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, record TEXT NOT NULL, fetched REAL NOT NULL)")
        self._last_call = 0.0

    def close(self) -> None:
        self._db.close()

    def cached(self, arxiv_id: str) -> AbstractRecord | None:
        row = self._db.execute("SELECT record FROM records WHERE id = ?", (base_id(arxiv_id),)).fetchone()
        return AbstractRecord.model_validate(json.loads(row[0])) if row else None

    def lookup(self, ids: Iterable[str]) -> list[AbstractRecord]:
        """Records for ids: from the cache, the others fetched (in batches) and then cached."""
        wanted = list(dict.fromkeys(base_id(i) for i in ids))
        found = {i: r for i in wanted if (r := self.cached(i)) is not None}
        missing = [i for i in wanted if i not in found]
        for start in range(0, len(missing), BATCH):
            for record in self._fetch(missing[start : start + BATCH]):
                record = record.model_copy(update={"source": "arXiv API"})
                self._db.execute(
                    "INSERT OR REPLACE INTO records VALUES (?, ?, ?)",
                    (record.id, record.model_dump_json(), time.time()),
                )
                found[record.id] = record
            self._db.commit()
        return [found[i] for i in wanted if i in found]

    def _fetch(self, ids: list[str]) -> list[AbstractRecord]:
        wait = self._last_call + PAUSE_SECONDS - time.monotonic()
        if self._last_call and wait > 0:
            time.sleep(wait)
        self._last_call = time.monotonic()
        return list(parse_atom(io.BytesIO(self.fetch(ids)), "arXiv API"))
