"""Glossaries: the file format, term matching, and the maintenance commands' library side.

`load_glossary(paths)` reads and layers glossary files; `Glossary.match_en(text)` and
`Glossary.match_ja(text)` find terms and return `TermMatch` spans.
"""

from __future__ import annotations

_API = {
    "load_glossary": "qa.glossary.loading",
    "read_glossary_file": "qa.glossary.loading",
    "Problem": "qa.glossary.loading",
    "Glossary": "qa.glossary.glossary",
    "TermMatch": "qa.glossary.matching",
    "Entry": "qa.glossary.schema",
    "ForbiddenTerm": "qa.glossary.schema",
}

__all__ = list(_API)


def __getattr__(name: str):
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'qa.glossary' has no attribute {name!r}")
