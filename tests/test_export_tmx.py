"""TMX 1.4b: valid against the LISA DTD, read back by translate-toolkit with the same pairs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from lxml import etree
from test_export_base import (
    DAILY,
    SPECIALS_EN,
    SPECIALS_JA,
    daily_input,
    finding_at,
    specials_input,
)
from translate.storage.tmx import tmxfile

from qa.align.model import Link
from qa.export.base import ExportInput, export
from qa.export.document import build_document
from qa.export.tmx import TmxExporter
from qa.findings import Severity

SCHEMAS = Path(__file__).parent / "data" / "schemas"


def tmx_bytes(data: ExportInput) -> bytes:
    return TmxExporter().render(data).data


def test_the_schema_copies_are_byte_for_byte_the_published_files():
    published = {
        "tmx14.dtd": "b55b69432676c1a330c1d4acf2db5f61d276ea83cda0180b7b3bc7018c459063",
        "xliff-2.0/xliff_core_2.0.xsd": "9527fca41fe7c5df1b1597a5a57d8ca9f2e50482443a4a77e9ba47b08eacd728",
        "xliff-2.0/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd": "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c",
    }
    copies = {name: hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest() for name in published}
    assert copies == published


def test_the_tmx_is_valid_against_the_dtd():
    dtd = etree.DTD(str(SCHEMAS / "tmx14.dtd"))
    document = etree.fromstring(tmx_bytes(daily_input()))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()


def test_translate_toolkit_reads_back_the_same_pairs(tmp_path):
    data = daily_input()
    out = tmp_path / "digest.tmx"
    export(data, "tmx", out)
    store = tmxfile.parsefile(str(out))
    expected = [
        (link.en_text, link.ja_text)
        for paper in build_document(data).papers
        for link in paper.alignment("translation").links
    ]
    assert [(unit.source, unit.target) for unit in store.units] == expected
    assert len(store.units) == 36
    assert store.sourcelanguage == "en"


def test_each_unit_carries_paper_id_link_score_and_place_as_props():
    root = etree.fromstring(tmx_bytes(daily_input()))
    unit = root.find("body/tu")
    assert unit.get("tuid") == "2502.19613-1"
    assert [(p.get("type"), p.text) for p in unit.findall("prop")] == [
        ("x-paper", "2502.19613"),
        ("x-link", "1-3"),
        ("x-score", "1.000"),
        ("x-source", f"{DAILY}:6:1"),
    ]
    assert [v.get("{http://www.w3.org/XML/1998/namespace}lang") for v in unit.findall("tuv")] == ["en", "ja"]
    assert root.find("header").get("srclang") == "en"


def test_findings_on_a_pair_are_its_notes():
    root = etree.fromstring(tmx_bytes(daily_input()))
    unit = root.find("body/tu[@tuid='2502.19634-4']")
    assert [n.text for n in unit.findall("note")] == [
        f"warning terms.forbidden ({DAILY}:26:236): 「監督付きファインチューニング」: use 教師ありファインチューニング for supervised fine-tuning"
    ]


def test_omissions_and_additions_are_no_translation_units():
    data = daily_input(findings=[])
    links = data.alignments[0].links
    links[1:2] = [Link(en=[1], ja=[], score=0.8), Link(en=[], ja=[3], score=0.4)]
    root = etree.fromstring(tmx_bytes(data))
    assert [u.get("tuid") for u in root.findall("body/tu")][:3] == ["2502.19613-1", "2502.19613-4", "2502.19613-5"]


def test_ampersands_markup_emoji_and_cjk_survive_the_round_trip(tmp_path):
    out = tmp_path / "specials.tmx"
    export(specials_input(tmp_path), "tmx", out)
    raw = out.read_bytes()
    assert b"<b>" not in raw and b"&lt;b&gt;" in raw and b"&amp; " in raw
    store = tmxfile.parsefile(str(out))
    assert [(u.source, u.target) for u in store.units] == list(zip(SPECIALS_EN, SPECIALS_JA))
    assert etree.DTD(str(SCHEMAS / "tmx14.dtd")).validate(etree.fromstring(raw))


def test_a_control_character_becomes_a_replacement_character(tmp_path):
    data = specials_input(tmp_path)
    data.alignments[0].en[0].text = "Despite\x0c limited data."
    store = tmxfile.parsestring(tmx_bytes(data))
    assert store.units[0].source == "Despite\ufffd limited data."


@pytest.mark.parametrize("severity", [Severity.ERROR, Severity.INFO])
def test_every_severity_is_noted(severity):
    finding = finding_at(DAILY, 26, "55.11%から78.22%", "numbers.changed", severity, "numbers differ")
    root = etree.fromstring(tmx_bytes(daily_input(findings=[finding])))
    notes = root.find("body/tu[@tuid='2502.19634-5']").findall("note")
    assert [n.text.split(" ")[0] for n in notes] == [severity.value]
