"""Where digest-qa keeps what it can rebuild: `$XDG_CACHE_HOME/digest-qa` (`~/.cache/digest-qa`)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "digest-qa"
