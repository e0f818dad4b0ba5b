"""The library API: read → parse → segment → detect language, one call per stage or all."""

from __future__ import annotations

from pathlib import Path

from qa.formats import detect_format, get_format
from qa.langid import label_languages
from qa.model import Digest
from qa.segment import segment_digest
from qa.source import SourceText, expand_inputs, read_source


def parse_source(src: SourceText, format: str | None = None) -> Digest:
    """Parse and segment a decoded source; language labels are filled too."""
    fmt = get_format(format) if format else detect_format(src)
    src.parse_notices.clear()  # parsing again must not repeat them
    digest = fmt().parse(src)
    segment_digest(src, digest)
    label_languages(digest)  # the language issues are left to whoever asks (the lang checks do)
    return digest


def parse_file(path: str | Path, format: str | None = None) -> Digest:
    return parse_source(read_source(path), format)


def parse_paths(paths: list[str | Path], format: str | None = None) -> list[tuple[SourceText, Digest]]:
    """Every input file under paths (directories expand to *.md, *.txt, *.jsonl), parsed."""
    parsed = []
    for path in expand_inputs(paths):
        src = read_source(path)
        parsed.append((src, parse_source(src, format)))
    return parsed
