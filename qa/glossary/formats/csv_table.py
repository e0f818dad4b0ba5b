"""CSV for spreadsheets: one row per concept, lists joined with " | "."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import ValidationError

from qa.errors import QaInputError
from qa.glossary.formats import GlossaryFormat
from qa.glossary.schema import Entry, GlossaryDocument

COLUMNS = ("en", "abbr", "en_variants", "ja", "variants", "forbidden", "forbidden_reasons", "ambiguous", "keep_english", "note", "status", "source")
SEPARATOR = " | "


class CsvTable(GlossaryFormat):
    name = "csv"
    description = "spreadsheet table, one row per concept"
    suffix = ".csv"
    can_import = True

    def export(self, document: GlossaryDocument) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for entry in document.entries:
            writer.writerow(_row(entry))
        return out.getvalue()

    def parse(self, text: str, path: str) -> GlossaryDocument:
        reader = csv.DictReader(io.StringIO(text))
        missing = [c for c in ("en", "ja", "status") if c not in (reader.fieldnames or [])]
        if missing:
            raise QaInputError(f"{path}:1: CSV header lacks the column(s) {', '.join(missing)}")
        entries = []
        for row in reader:
            try:
                entries.append(Entry.model_validate(_fields(row)))
            except (ValidationError, ValueError) as exc:
                message = exc.errors(include_url=False)[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
                raise QaInputError(f"{path}:{reader.line_num}: {message}") from None
        return GlossaryDocument(name=Path(path).stem, entries=entries)


def _row(entry: Entry) -> dict:
    forms = [*entry.en_variants, *entry.ja, *entry.variants, *entry.ambiguous, *(f.term for f in entry.forbidden)]
    clashing = [f for f in forms if SEPARATOR.strip() in f]
    if clashing:
        raise QaInputError(f"`{entry.en}`: {clashing[0]!r} contains '|', which separates list items in the CSV")
    return {
        "en": entry.en,
        "abbr": entry.abbr or "",
        "en_variants": SEPARATOR.join(entry.en_variants),
        "ja": SEPARATOR.join(entry.ja),
        "variants": SEPARATOR.join(entry.variants),
        "forbidden": SEPARATOR.join(f.term for f in entry.forbidden),
        "forbidden_reasons": SEPARATOR.join(f.reason for f in entry.forbidden),
        "ambiguous": SEPARATOR.join(entry.ambiguous),
        "keep_english": "true" if entry.keep_english else "false",
        "note": entry.note or "",
        "status": entry.status,
        "source": entry.source or "",
    }


def _fields(row: dict) -> dict:
    def items(column: str) -> list[str]:
        return [v.strip() for v in (row.get(column) or "").split(SEPARATOR.strip()) if v.strip()]

    terms, reasons = items("forbidden"), items("forbidden_reasons")
    if len(terms) != len(reasons):
        raise ValueError(f"{len(terms)} forbidden term(s) but {len(reasons)} reason(s)")
    return {
        "en": row.get("en") or "",
        "abbr": (row.get("abbr") or "").strip() or None,
        "en_variants": items("en_variants"),
        "ja": items("ja"),
        "variants": items("variants"),
        "forbidden": [{"term": t, "reason": r} for t, r in zip(terms, reasons)],
        "ambiguous": items("ambiguous"),
        "keep_english": (row.get("keep_english") or "false").strip().lower() in ("true", "yes", "1"),
        "note": (row.get("note") or "").strip() or None,
        "status": (row.get("status") or "").strip(),
        "source": (row.get("source") or "").strip() or None,
    }
