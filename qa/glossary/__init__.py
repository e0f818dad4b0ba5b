"""Glossaries: the file format, term matching, and the maintenance commands' library side.

`load_glossary(paths)` reads and layers glossary files; `Glossary.match_en(text)` and
`Glossary.match_ja(text)` find terms and return `TermMatch` spans.
"""

from __future__ import annotations

from qa.lazy import lazy_attributes

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


__getattr__ = lazy_attributes(_API, __name__)
