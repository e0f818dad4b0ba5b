"""Glossary exchange formats, one module each, registered by name.

A format turns a glossary document into text (`export`) and, when it can, text back into a
document (`parse`). A new format is one new module listed in `MODULES`.
"""

from __future__ import annotations

import importlib
from typing import ClassVar

from qa.errors import QaInputError
from qa.glossary.schema import GlossaryDocument

FORMATS: dict[str, type[GlossaryFormat]] = {}
MODULES = ("csv_table", "json_document", "prh", "tbx")


class GlossaryFormat:
    name: ClassVar[str]
    description: ClassVar[str]
    suffix: ClassVar[str]
    can_import: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        FORMATS[cls.name] = cls

    def export(self, document: GlossaryDocument) -> str:
        raise NotImplementedError

    def parse(self, text: str, path: str) -> GlossaryDocument:
        raise NotImplementedError


def get_format(name: str, for_import: bool = False) -> GlossaryFormat:
    for module in MODULES:
        importlib.import_module(f"qa.glossary.formats.{module}")
    usable = sorted(n for n, f in FORMATS.items() if f.can_import or not for_import)
    if name not in usable:
        raise QaInputError(f"unknown {'import' if for_import else 'export'} format {name!r} (known: {', '.join(usable)})")
    return FORMATS[name]()
