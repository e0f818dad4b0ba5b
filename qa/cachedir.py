"""Where digest-qa keeps what it can rebuild: `$XDG_CACHE_HOME/digest-qa` (`~/.cache/digest-qa`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "digest-qa"


def cached(folder: str, key: str, build: Callable[[], T]) -> T:
    """build(), pickled in the cache folder under key (a digest of everything the value depends
    on) and loaded from there the next time."""
    import pickle

    from qa.errors import QaInputError
    from qa.writes import atomic_write_bytes

    path = cache_dir() / folder / f"{key}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        pass  # not cached yet, or written by another version: build it
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, pickle.dumps(value))
    except (OSError, QaInputError):
        pass  # an unwritable cache only costs the next run its speed
    return value
