"""Bilingual exports: what every exporter receives, the exporters registered by name, the write.

An exporter turns an :class:`ExportInput` (parsed digests, alignments, findings, glossary)
into the bytes of one file. A new format is one new module that subclasses :class:`Exporter`
and is listed in ``qa.export.FORMATS``.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from qa.align.model import AbstractRecord, AlignedPaper
from qa.errors import QaInputError
from qa.findings import Finding
from qa.model import Digest
from qa.source import SourceText

EXPORTERS: dict[str, type[Exporter]] = {}


class ExportInput(BaseModel):
    """Everything an export may show. Stages that did not run leave their field empty."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    parsed: list[tuple[SourceText, Digest]]
    alignments: list[AlignedPaper] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    checked: bool = False  # the checks ran: no findings then means a clean digest, not an unchecked one
    # qa.glossary Glossary: match_ja(text) / match_en(text) give matches with entry, start, end, surface, kind.
    glossary: Any = None
    records: list[AbstractRecord] = Field(default_factory=list)  # English titles and abstracts by paper id


class Rendered(BaseModel):
    """An exporter's output: the file's bytes, a one-line summary, and what was left out and why."""

    data: bytes
    summary: str
    notices: list[str] = Field(default_factory=list)


class Exporter:
    name: ClassVar[str]
    description: ClassVar[str]
    bom_allowed: ClassVar[bool] = False  # only formats opened in spreadsheets want a BOM

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        EXPORTERS[cls.name] = cls

    def render(self, data: ExportInput) -> Rendered:
        raise NotImplementedError


def get_exporter(name: str) -> type[Exporter]:
    from qa.export import load_exporters

    if name not in load_exporters():
        raise QaInputError(f"unknown export format {name!r} (known: {', '.join(sorted(EXPORTERS))})")
    return EXPORTERS[name]


def check_request(name: str, path: Path, force: bool = False, bom: bool = False) -> None:
    """Refuse a bad request before any work: unknown format, BOM where it does not belong,
    an existing output without force, no directory to write in."""
    exporter = get_exporter(name)
    if bom and not exporter.bom_allowed:
        allowed = ", ".join(n for n, e in sorted(EXPORTERS.items()) if e.bom_allowed)
        raise QaInputError(f"--bom is only for --to {allowed} (spreadsheets); {name} must stay without a BOM")
    if path.exists() and not force:
        raise QaInputError(f"{path}: already exists (use --force to overwrite)")
    if path.is_dir():
        raise QaInputError(f"{path}: is a directory, expected an output file")
    if not path.parent.is_dir():
        raise QaInputError(f"{path.parent}: output directory does not exist")


def write_output(path: Path, data: bytes, force: bool = False, bom: bool = False) -> None:
    """Atomic write (temp file + rename): a failed export never leaves half a file behind."""
    from qa.writes import atomic_write_bytes

    atomic_write_bytes(path, codecs.BOM_UTF8 + data if bom else data, force=force)


def export(data: ExportInput, name: str, out: str | Path, force: bool = False, bom: bool = False) -> Rendered:
    """Render data in the named format and write it to out; an existing out needs force."""
    path = Path(out)
    check_request(name, path, force, bom)
    rendered = get_exporter(name)().render(data)
    write_output(path, rendered.data, force=force, bom=bom)
    return rendered
