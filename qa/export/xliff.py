"""XLIFF 2.0: one <file> per digest, one <unit> per paper with an aligned translation, one
<segment> per link, for translators reviewing in a CAT tool.

A segment's state says what the checks found on it: `translated` when nothing above info,
`initial` with subState `digest-qa:error` / `digest-qa:warning` when findings ask for a fix, and
`initial` with `digest-qa:omission` (no target: the English sentence was not translated) or
`digest-qa:addition` (empty source: Japanese text with no English behind it). The findings
themselves are the unit's notes, naming the segment they fall on (findings of the paper that
fall on no link, such as one in its title, are notes without a segment).
"""

from __future__ import annotations

import re

from lxml import etree

from qa.errors import QaInputError
from qa.export.base import Exporter, ExportInput, Rendered
from qa.export.document import ExportDocument, ExportLink, ExportPaper, build_document
from qa.export.xmltext import finding_note, xml_text
from qa.findings import Finding, Severity

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PRIORITY = {Severity.ERROR: "1", Severity.WARNING: "3", Severity.INFO: "8"}  # 1 is the highest
NOT_NMTOKEN = re.compile(r"[^\w.:-]")  # ids are NMTOKENs: an old-style arXiv id's "/" is not allowed


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


class XliffExporter(Exporter):
    name = "xliff"
    description = "XLIFF 2.0: a unit per paper, a segment per aligned link, state from the findings"

    def render(self, data: ExportInput) -> Rendered:
        document = build_document(data)
        root = etree.Element(_tag("xliff"), version="2.0", srcLang="en", trgLang="ja", nsmap={None: NAMESPACE})
        units = 0
        for number, path in enumerate(document.files, start=1):
            papers = [p for p in document.papers if p.file == path and p.alignment("translation")]
            if not papers:
                continue
            file_node = etree.SubElement(root, _tag("file"), id=f"f{number}", original=path)
            for paper in papers:
                file_node.append(_unit(document, paper))
            units += len(papers)
        if not units:
            raise QaInputError("nothing to export as XLIFF: no paper has an aligned translation (check --abstracts)")
        data_bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        segments = sum(len(p.alignment("translation").links) for p in document.papers if p.alignment("translation"))
        return Rendered(data=data_bytes, summary=f"{units} units, {segments} segments")


def _unit(document: ExportDocument, paper: ExportPaper):
    unit = etree.Element(_tag("unit"), {"id": NOT_NMTOKEN.sub("_", paper.key), "name": xml_text(paper.title), XML_SPACE: "preserve"})
    links = paper.alignment("translation").links
    notes = [(f"s{link.number}: ", finding) for link in links for finding in document.finding_list(link.findings)]
    notes += [("", finding) for finding in document.finding_list(paper.loose_findings)]  # title, headings…
    if notes:
        notes_node = etree.SubElement(unit, _tag("notes"))
        for number, (segment, finding) in enumerate(notes, start=1):
            note = etree.SubElement(
                notes_node,
                _tag("note"),
                id=f"n{number}",
                appliesTo="target",
                category=finding.rule,
                priority=PRIORITY[finding.severity],
            )
            note.text = xml_text(segment + finding_note(finding))
    for link in links:
        unit.append(_segment(link, document.finding_list(link.findings)))
    return unit


def _segment(link: ExportLink, findings: list[Finding]):
    state, sub_state = _state(link, findings)
    segment = etree.Element(_tag("segment"), id=f"s{link.number}", state=state)
    if sub_state:
        segment.set("subState", sub_state)
    etree.SubElement(segment, _tag("source")).text = xml_text(link.en_text)
    if link.ja:
        etree.SubElement(segment, _tag("target")).text = xml_text(link.ja_text)
    return segment


def _state(link: ExportLink, findings: list[Finding]) -> tuple[str, str | None]:
    if not link.ja:
        return "initial", "digest-qa:omission"
    if not link.en:
        return "initial", "digest-qa:addition"
    worst = max((f.severity for f in findings), key=lambda s: s.rank, default=Severity.INFO)
    if worst.rank >= Severity.WARNING.rank:
        return "initial", f"digest-qa:{worst.value}"
    return "translated", None
