"""JSON: the glossary as data, for programs (the same fields as the YAML file)."""

from __future__ import annotations

import json

from qa.glossary.formats import GlossaryFormat
from qa.glossary.schema import GlossaryDocument


class JsonDocument(GlossaryFormat):
    name = "json"
    description = "the glossary as JSON data, same fields as the YAML file"
    suffix = ".json"

    def export(self, document: GlossaryDocument) -> str:
        data = {
            "name": document.name,
            "source_lang": document.source_lang,
            "target_lang": document.target_lang,
            "entries": [entry.data() for entry in document.entries],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
