"""Atomic writes: a failed command never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from qa.errors import QaInputError


def atomic_write_bytes(path: Path, data: bytes, force: bool = True) -> None:
    """Write data to path through a temp file in the same directory and a rename."""
    path = Path(path)
    if path.exists() and not force:
        raise QaInputError(f"{path}: already exists (use --force to overwrite)")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise QaInputError(f"{directory}: output directory does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str, force: bool = True, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding), force=force)
