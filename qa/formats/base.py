"""Digest formats: one module per format, each registered by name, with auto-detection.

A format says how likely a text is to be its kind (``sniff``) and turns the text into the
digest model (``parse``). A new format is one new module that subclasses :class:`DigestFormat`
and is listed in ``qa/formats/__init__.py``.
"""

from __future__ import annotations

from typing import ClassVar

from qa.errors import QaInputError
from qa.model import Digest, Lang, Paper, Section
from qa.source import SourceText

FORMATS: dict[str, type[DigestFormat]] = {}


class DigestFormat:
    name: ClassVar[str]
    description: ClassVar[str]
    # A file whose name ends with one of these is this format whatever it holds: it is not sniffed.
    suffixes: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        FORMATS[cls.name] = cls

    @classmethod
    def sniff(cls, src: SourceText) -> float:
        """0 when the text cannot be this format, up to 1 when it surely is."""
        raise NotImplementedError

    def parse(self, src: SourceText) -> Digest:
        raise NotImplementedError

    # Helpers shared by the formats.
    @staticmethod
    def digest(src: SourceText, name: str, papers: list[Paper], date: str | None = None) -> Digest:
        return Digest(path=src.path, format=name, encoding=src.encoding, date=date, papers=papers)


def detect_format(src: SourceText) -> type[DigestFormat]:
    # Sniffing searches the whole text once per format: a twelfth of parsing a large batch.
    claimed = next((fmt for fmt in FORMATS.values() if src.path.endswith(fmt.suffixes)), None)
    if claimed:
        return claimed
    scored = sorted(((fmt.sniff(src), name) for name, fmt in FORMATS.items()), reverse=True)
    best_score, best_name = scored[0]
    if best_score <= 0:
        known = ", ".join(sorted(FORMATS))
        raise QaInputError(f"{src.path}: unknown digest format (known formats: {known})")
    return FORMATS[best_name]


def get_format(name: str) -> type[DigestFormat]:
    if name not in FORMATS:
        raise QaInputError(f"unknown format {name!r} (known formats: {', '.join(sorted(FORMATS))})")
    return FORMATS[name]


def new_section(kind: str, expected: Lang, loc, heading: str | None = None, blocks=()) -> Section:
    return Section(kind=kind, heading=heading, expected_lang=expected, loc=loc, blocks=[b for b in blocks if b])
