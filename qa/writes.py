"""Atomic writes: a failed command never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from qa.errors import QaInputError


def atomic_write_bytes(path: Path, data: bytes, force: bool = True) -> None:
    """Write data to path through a temp file in the same directory and a rename."""
    with atomic_writer(path, force=force, binary=True) as handle:
        handle.write(data)


@contextmanager
def atomic_writer(path: Path, force: bool = True, binary: bool = False, encoding: str = "utf-8") -> Iterator[IO]:
    """A file to write path's new content to piece by piece: a temp file in the same directory,
    renamed over path when the block ends, removed if it raises."""
    path = Path(path)
    if path.exists() and not force:
        raise QaInputError(f"{path}: already exists (use --force to overwrite)")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise QaInputError(f"{directory}: output directory does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.fchmod(fd, _mode_for(path))  # mkstemp makes 0600 files; keep the usual permissions
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The existing file's permissions, else what a plain open() would give under the umask."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_text(path: Path, text: str, force: bool = True, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding), force=force)
