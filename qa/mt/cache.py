"""The translation cache: one SQLite file that survives runs.

A row is keyed by the model (package id, version and decoding settings: a different beam
size gives a different translation) and the exact source text. It lives in
`$XDG_CACHE_HOME/digest-qa/mt-cache.sqlite3` (`~/.cache/...` by default).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qa.cachedir import cache_dir
from qa.errors import QaInputError

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (model, source)
)
"""
LOOKUP_CHUNK = 500  # bound on SQL parameters per query
LOCK_TIMEOUT = 30  # seconds to wait for another process writing the cache


def default_cache_path() -> Path:
    return cache_dir() / "mt-cache.sqlite3"


class TranslationCache:
    """The cache file; it pickles as its path (check workers in other processes reopen it)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_cache_path()
        self._db: sqlite3.Connection | None = None

    def __getstate__(self) -> dict:
        return {"path": self.path, "_db": None}

    def get_many(self, model: str, sources: list[str]) -> dict[str, tuple[str, float]]:
        """source → (target, score) for the sources already translated by model."""
        found: dict[str, tuple[str, float]] = {}
        for i in range(0, len(sources), LOOKUP_CHUNK):
            chunk = sources[i : i + LOOKUP_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._connection().execute(
                f"SELECT source, target, score FROM translations WHERE model = ? AND source IN ({marks})",
                [model, *chunk],
            )
            found.update((source, (target, score)) for source, target, score in rows)
        return found

    def put_many(self, model: str, items: list[tuple[str, str, float]]) -> None:
        """Store (source, target, score) rows in one transaction."""
        db = self._connection()
        with db:
            db.executemany(
                "INSERT OR REPLACE INTO translations (model, source, target, score) VALUES (?, ?, ?, ?)",
                [(model, source, target, score) for source, target, score in items],
            )

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT)
            try:
                db.execute(SCHEMA)
            except sqlite3.DatabaseError as exc:
                db.close()
                raise QaInputError(f"{self.path}: not a translation cache ({exc}); delete it or use --no-cache") from None
            self._db = db
        return self._db
