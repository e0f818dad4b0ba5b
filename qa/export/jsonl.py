"""Bilingual JSONL: one paper per line, the shape `qa/formats/bilingual_jsonl.py` reads back.

The string fields `id`, `title`, `title_ja`, `abstract_en`, `abstract_ja`, `summary_ja` are
what the parser reads; `pairs` (the aligned links as text) and `findings` ride along as extra
keys it ignores. Papers without an arXiv id are left out: the format is keyed by id.
"""

from __future__ import annotations

import json

from qa.export.base import Exporter, ExportInput, Rendered
from qa.export.document import ExportDocument, ExportPaper, build_document

# Characters json.dumps leaves raw that str.splitlines() and some JSONL readers treat as line ends.
LINE_BREAKERS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


class JsonlExporter(Exporter):
    name = "jsonl"
    description = "one paper per line: id, title, title_ja, abstract_en, abstract_ja, summary_ja, pairs, findings"

    def render(self, data: ExportInput) -> Rendered:
        document = build_document(data)
        lines = [_line(_record(document, p)) for p in document.papers if p.id]
        skipped = [p for p in document.papers if not p.id]
        notices = [f"{p.file}:{p.line}: left out of the JSONL: no arXiv id ({p.title})" for p in skipped]
        return Rendered(
            data="".join(line + "\n" for line in lines).encode("utf-8"),
            summary=f"{len(lines)} papers",
            notices=notices,
        )


def _record(document: ExportDocument, paper: ExportPaper) -> dict:
    record = {
        "id": paper.id,
        "title": paper.title_en,
        "title_ja": paper.title_ja,
        "abstract_en": paper.abstract_en,
        "abstract_ja": paper.abstract_ja,
        "summary_ja": paper.summary_ja,
        "url": paper.url,
        "date": paper.date,
        "related_to": paper.related_to,
        "source": {"file": paper.file, "line": paper.line},
        "pairs": [
            {
                "alignment": alignment.kind,
                "link": link.shape,
                "en": link.en,
                "ja": [s.text for s in link.ja],
                "score": link.score,
                "unsupported": link.unsupported,
                "missing": link.missing or None,
                "rules": sorted({document.findings[i].rule for i in link.findings}) or None,
                "line": link.ja[0].line if link.ja else None,
            }
            for alignment in paper.alignments
            for link in alignment.links
        ],
        "findings": [f.model_dump(mode="json", exclude_none=True) for f in document.finding_list(paper.findings)],
    }
    for pair in record["pairs"]:
        _drop_empty(pair)
    return _drop_empty(record)


def _drop_empty(record: dict) -> dict:
    for key in [k for k, v in record.items() if v is None]:
        del record[key]
    return record


def _line(record: dict) -> str:
    text = json.dumps(record, ensure_ascii=False)
    for raw, escaped in LINE_BREAKERS.items():
        text = text.replace(raw, escaped)
    return text
