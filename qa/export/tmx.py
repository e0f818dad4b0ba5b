"""TMX 1.4b translation memory: one <tu> per aligned translation link with text on both sides.

Source language en, target ja. Each unit carries the paper id, the link shape and score and
the Japanese text's file:line as <prop>s, and the findings on the link as <note>s. Omissions
(1-0) and additions (0-1) are no translation pairs and are left out; summaries are no
translations either.
"""

from __future__ import annotations

from lxml import etree

from qa import __version__
from qa.export.base import Exporter, ExportInput, Rendered
from qa.export.document import ExportDocument, ExportLink, ExportPaper, build_document
from qa.export.xmltext import finding_note, xml_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


class TmxExporter(Exporter):
    name = "tmx"
    description = "TMX 1.4b translation memory, one <tu> per aligned translation pair"

    def render(self, data: ExportInput) -> Rendered:
        document = build_document(data)
        root = etree.Element("tmx", version="1.4")
        etree.SubElement(
            root,
            "header",
            {
                "creationtool": "digest-qa",
                "creationtoolversion": __version__,
                "segtype": "sentence",
                "o-tmf": "digest-qa",
                "adminlang": "en",
                "srclang": "en",
                "datatype": "plaintext",
            },
        )
        body = etree.SubElement(root, "body")
        units = 0
        for paper in document.papers:
            translation = paper.alignment("translation")
            for link in translation.links if translation else []:
                if link.is_pair:
                    body.append(_unit(document, paper, link))
                    units += 1
        data_bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=DOCTYPE)
        papers = sum(1 for p in document.papers if p.alignment("translation"))
        return Rendered(data=data_bytes, summary=f"{units} translation units from {papers} papers")


def _unit(document: ExportDocument, paper: ExportPaper, link: ExportLink):
    unit = etree.Element("tu", tuid=f"{paper.key}-{link.number}")
    for finding in document.finding_list(link.findings):
        etree.SubElement(unit, "note").text = xml_text(finding_note(finding))
    props = {
        "x-paper": paper.id or paper.key,
        "x-link": link.shape,
        "x-score": f"{link.score:.3f}",
        "x-source": f"{link.ja[0].file}:{link.ja[0].line}:{link.ja[0].column}",
    }
    for kind, value in props.items():
        etree.SubElement(unit, "prop", type=kind).text = xml_text(value)
    for lang, text in (("en", link.en_text), ("ja", link.ja_text)):
        variant = etree.SubElement(unit, "tuv", {XML_LANG: lang})
        etree.SubElement(variant, "seg").text = xml_text(text)
    return unit
