"""CSV: one row per aligned pair (translation and summary links), for spreadsheets and data teams.

Columns: paper id, alignment kind, link shape (1-1, 1-2, 1-0 omission, 0-1 addition), the
English and Japanese text, the link score, the rules of the findings on the pair, and where the
Japanese text is. The text is written as is (no spreadsheet-formula escaping), so the data
stays exact; `--bom` adds the byte order mark spreadsheets need to read UTF-8.
"""

from __future__ import annotations

import csv
import io

from qa.export.base import Exporter, ExportInput, Rendered
from qa.export.document import ExportLink, ExportPaper, build_document

COLUMNS = ("paper_id", "alignment", "link", "en", "ja", "score", "rules", "file", "line")


class CsvExporter(Exporter):
    name = "csv"
    description = "one row per aligned pair: paper id, en, ja, score, rules"
    bom_allowed = True

    def render(self, data: ExportInput) -> Rendered:
        document = build_document(data)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        rows = 0
        for paper in document.papers:
            for alignment in paper.alignments:
                for link in alignment.links:
                    rules = sorted({document.findings[i].rule for i in link.findings})
                    writer.writerow(_row(paper, alignment.kind, link, rules))
                    rows += 1
        papers = sum(1 for p in document.papers if p.alignments)
        return Rendered(data=out.getvalue().encode("utf-8"), summary=f"{rows} aligned pairs from {papers} papers")


def _row(paper: ExportPaper, kind: str, link: ExportLink, rules: list[str]) -> list:
    line = link.ja[0].line if link.ja else paper.line
    return [paper.id or "", kind, link.shape, link.en_text, link.ja_text, round(link.score, 3), ";".join(rules), paper.file, line]
