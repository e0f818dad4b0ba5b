"""Stage 8 (export): bilingual documents built from parsed digests, alignments and findings.

One module per output format; importing a module registers its exporter. The names are listed
here so that the command line can show them without importing the exporters.
"""

from __future__ import annotations

FORMATS = ("html", "markdown", "tmx", "xliff", "jsonl", "csv")


def load_exporters() -> dict:
    """Import every format module so that its exporter registers; the registry by name."""
    import importlib

    from qa.export.base import EXPORTERS

    for name in FORMATS:
        importlib.import_module(f"qa.export.{name}")
    return EXPORTERS
