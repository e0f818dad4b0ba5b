"""Checking many files, or one large bilingual JSONL, in several processes with flat memory.

A large JSONL batch is cut into chunks of whole lines; each chunk is parsed and checked on its
own (its papers are independent records), and its findings are moved back to file coordinates.
Rules that compare papers with each other (terms.inconsistent, the document-wide style rules)
therefore see one chunk of a large batch at a time.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from qa.checking import CheckResult, check_parsed, load_inputs
from qa.config import Config
from qa.findings import Finding
from qa.source import decode_bytes, expand_inputs, read_source

CHUNK_BYTES = 1 << 20  # JSONL files are checked in pieces of about this size
# Less input than this is checked in this process whatever --jobs says: each worker would
# import the checks and load the abstracts and glossary again, which costs more than it saves.
POOL_MIN_BYTES = CHUNK_BYTES


@dataclass(frozen=True)
class Piece:
    """Part of an input: a whole file (size -1) or whole JSONL lines from a byte offset."""

    path: str
    byte_start: int = 0
    size: int = -1
    first_line: int = 1  # 1-based line of the piece in its file
    char_start: int = 0  # character offset of the piece in its file


@dataclass(frozen=True)
class Job:
    abstracts: tuple[str, ...]
    glossaries: tuple[str, ...]
    config: Config
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    extra: dict | None


_inputs: dict = {}  # per process: (abstract index, glossary) by the files they come from, loaded once


def start_check(paths: list[Path], abstracts, glossaries, config: Config, select, ignore, extra, jobs: int) -> CheckRun:
    """A check of the paths whose findings are read as its pieces finish (see CheckRun)."""
    job = Job(tuple(abstracts) or tuple(config.abstracts), tuple(glossaries) or tuple(config.glossary), config, tuple(select), tuple(ignore), extra)
    inputs = expand_inputs(paths)
    pieces = sorted((p for f in inputs for p in split_input(f)), key=lambda p: (p.path, p.byte_start))
    if sum(f.stat().st_size for f in inputs) < POOL_MIN_BYTES:
        jobs = 1
    return CheckRun(job, pieces, jobs)


class CheckRun:
    """A check's findings as its pieces finish, in report order (by file, then line): the
    pieces are checked in that order and each piece's findings come sorted, so a report can be
    written while a large batch is still being checked, without holding all its findings. The
    papers and notices are complete once the findings have all been read."""

    def __init__(self, job: Job, pieces: list[Piece], jobs: int) -> None:
        self.files = len({p.path for p in pieces})
        self.papers = 0
        self.notices: list[str] = []
        self._results = _checked_pieces(job, pieces, jobs)

    def findings(self) -> Iterator[Finding]:
        for result in self._results:
            self.papers += result.summary.papers
            self.notices.extend(n for n in result.notices if n not in self.notices)
            yield from result.findings


def _checked_pieces(job: Job, pieces: list[Piece], jobs: int) -> Iterator[CheckResult]:
    if jobs <= 1 or len(pieces) <= 1:
        yield from (check_piece(job, piece) for piece in _progress(pieces))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # map hands each result on in order and lets go of it: memory holds only the pieces
        # that finished before the ones ahead of them.
        yield from _progress(pool.map(check_piece, [job] * len(pieces), pieces), total=len(pieces))


def split_input(path: Path) -> list[Piece]:
    """A file as one piece, or a large JSONL file as pieces of whole lines."""
    if path.suffix != ".jsonl" or path.stat().st_size <= CHUNK_BYTES:
        return [Piece(str(path))]
    pieces: list[Piece] = []
    byte_start, line, chars = 0, 1, 0
    with path.open("rb") as handle:
        rest = b""
        while True:
            block = handle.read(CHUNK_BYTES)
            data = rest + block
            if not data:
                return pieces
            cut = data.rfind(b"\n") + 1 if block else len(data)
            if cut == 0:  # a line longer than the chunk: read on
                rest = data
                continue
            piece, rest = data[:cut], data[cut:]
            pieces.append(Piece(str(path), byte_start, len(piece), line, chars))
            byte_start += len(piece)
            line += piece.count(b"\n")
            chars += len(piece.decode("utf-8", errors="replace"))


def check_piece(job: Job, piece: Piece) -> CheckResult:
    with _garbage_collected_after():
        return _check_piece(job, piece)


@contextmanager
def _garbage_collected_after():
    """No garbage collection while a piece is checked, one pass when it is done: the piece's
    objects (its parsed text, sentence features) live until then, so earlier passes only slow
    the check down (≈40 ms of a samples check), and its few reference cycles wait one piece."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect(0)


def _check_piece(job: Job, piece: Piece) -> CheckResult:
    key = (job.abstracts, job.glossaries)
    if key not in _inputs:
        _inputs[key] = load_inputs(list(job.abstracts), list(job.glossaries))
    index, glossary = _inputs[key]
    src = _read_piece(piece)
    from qa.pipeline import parse_source

    parsed = [(src, parse_source(src))]
    result = check_parsed(parsed, job.config, job.select, job.ignore, job.extra, index, glossary)
    for finding in result.findings:
        _to_file_coordinates(finding, piece)
    return CheckResult(findings=result.findings, summary=result.summary, notices=result.notices)


def _read_piece(piece: Piece):
    if piece.size < 0:
        return read_source(piece.path)
    with open(piece.path, "rb") as handle:
        handle.seek(piece.byte_start)
        src = decode_bytes(handle.read(piece.size), piece.path)
    src.first_line = piece.first_line
    return src


def _to_file_coordinates(finding, piece: Piece) -> None:
    shift = piece.first_line - 1
    finding.line += shift
    if finding.end_line is not None:
        finding.end_line += shift
    if finding.start is not None:
        finding.start += piece.char_start
    if finding.end is not None:
        finding.end += piece.char_start


def _progress(items, total: int | None = None):
    """Items as they come, with a progress bar on an interactive terminal."""
    total = total if total is not None else len(items)
    if total < 2 or not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("checking", total=total)
        for item in items:
            yield item
            progress.advance(task)
