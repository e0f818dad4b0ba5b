"""TBX (TBX-Basic dialect, TBX v3 / ISO 30042:2019 structure) for CAT tools.

One conceptEntry per concept; English and Japanese langSec. The administrative status of a
term says how the glossary treats it: preferred (approved), admitted (variant), deprecated
(forbidden, with the reason as a note).
"""

from __future__ import annotations

from qa.glossary.formats import GlossaryFormat
from qa.glossary.schema import Entry, GlossaryDocument

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS = {"approved": "preferredTerm-admn-sts", "variant": "admittedTerm-admn-sts", "forbidden": "deprecatedTerm-admn-sts"}


class Tbx(GlossaryFormat):
    name = "tbx"
    description = "TBX-Basic (TBX v3) for CAT tools"
    suffix = ".tbx"

    def export(self, document: GlossaryDocument) -> str:
        from lxml import etree

        tbx = etree.Element(f"{{{TBX_NAMESPACE}}}tbx", nsmap={None: TBX_NAMESPACE}, type="TBX-Basic", style="dca")
        tbx.set(XML_LANG, document.source_lang)
        header = _sub(tbx, "tbxHeader")
        description = _sub(header, "fileDesc")
        _sub(_sub(description, "titleStmt"), "title", document.name)
        _sub(_sub(description, "sourceDesc"), "p", f"{document.name}: {document.source_lang}→{document.target_lang} glossary")
        body = _sub(_sub(tbx, "text"), "body")
        for number, entry in enumerate(document.entries, start=1):
            _concept(body, entry, f"c{number}", document)
        xml = etree.tostring(tbx, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        return xml.decode("utf-8")


def _sub(parent, tag: str, text: str | None = None, **attributes):
    from lxml import etree

    element = etree.SubElement(parent, f"{{{TBX_NAMESPACE}}}{tag}", **attributes)
    if text is not None:
        from qa.export.xmltext import xml_text

        element.text = xml_text(text)
    return element


def _concept(body, entry: Entry, identifier: str, document: GlossaryDocument) -> None:
    concept = _sub(body, "conceptEntry", id=identifier)
    notes = [f"status: {entry.status}", *(["keep in Latin script"] if entry.keep_english else []), *([entry.note] if entry.note else [])]
    for note in notes:
        _sub(concept, "note", note)
    if entry.source:
        _sub(concept, "admin", entry.source, type="source")
    english = _sub(concept, "langSec")
    english.set(XML_LANG, document.source_lang)
    _term(english, entry.en, "approved", "fullForm")
    for variant in entry.en_variants:
        _term(english, variant, "variant", "fullForm")
    if entry.abbr:
        _term(english, entry.abbr, "approved", "abbreviation")
    japanese = _sub(concept, "langSec")
    japanese.set(XML_LANG, document.target_lang)
    for form, kind in entry.renderings():
        _term(japanese, form, kind, None, entry.reason(form) if kind == "forbidden" else None)


def _term(lang_sec, form: str, kind: str, term_type: str | None, reason: str | None = None) -> None:
    section = _sub(lang_sec, "termSec")
    _sub(section, "term", form)
    if term_type:
        _sub(section, "termNote", term_type, type="termType")
    _sub(section, "termNote", STATUS[kind], type="administrativeStatus")
    if reason:
        _sub(section, "note", reason)
