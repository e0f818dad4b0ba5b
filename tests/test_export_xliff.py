"""XLIFF 2.0: valid against the OASIS schema, ids unique, read back by translate-toolkit."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from test_export_base import (
    DAILY,
    REALM,
    SPECIALS_EN,
    SPECIALS_JA,
    daily_input,
    finding_at,
    gold_alignment,
    parsed,
    specials_input,
)
from translate.storage.xliff2 import Xliff2File

from qa.align.model import Link
from qa.errors import QaInputError
from qa.export.base import ExportInput, export
from qa.export.xliff import NAMESPACE, XliffExporter
from qa.findings import Severity

XSD = Path(__file__).parent / "data" / "schemas" / "xliff-2.0" / "xliff_core_2.0.xsd"
NS = {"x": NAMESPACE}


@pytest.fixture(scope="module")
def schema():
    return xmlschema.XMLSchema(str(XSD), allow="local")


def xliff_root(data: ExportInput):
    return etree.fromstring(XliffExporter().render(data).data)


def two_digests() -> ExportInput:
    data = daily_input()
    return ExportInput(
        parsed=parsed(DAILY) + parsed(REALM),
        alignments=[*data.alignments, gold_alignment("2508.12387")],
        findings=data.findings,
        records=data.records,
        checked=True,
    )


def test_the_xliff_is_valid_against_the_oasis_schema(schema):
    schema.validate(etree.tostring(xliff_root(two_digests())).decode("utf-8"))


def test_ids_are_unique_where_the_specification_requires():
    root = xliff_root(two_digests())
    files = root.findall("x:file", NS)
    assert [f.get("id") for f in files] == ["f1", "f2"]
    for file in files:
        units = [u.get("id") for u in file.findall("x:unit", NS)]
        assert len(set(units)) == len(units)
        for unit in file.findall("x:unit", NS):
            in_unit = [e.get("id") for e in unit.iter(f"{{{NAMESPACE}}}segment", f"{{{NAMESPACE}}}note")]
            assert [i for i, n in Counter(in_unit).items() if n > 1] == []


def test_targets_come_with_a_target_language():
    root = xliff_root(daily_input())
    assert root.findall(".//x:target", NS)
    assert (root.get("srcLang"), root.get("trgLang")) == ("en", "ja")


def test_one_unit_per_paper_and_one_segment_per_link():
    root = xliff_root(two_digests())
    units = root.findall(".//x:unit", NS)
    assert [(u.get("id"), len(u.findall("x:segment", NS))) for u in units] == [
        ("2502.19613", 8), ("2502.19634", 7), ("2502.20395", 7), ("2502.20082", 5), ("2502.20238", 9), ("2508.12387", 7),
    ]
    assert root.find("x:file[@id='f2']", NS).get("original") == REALM


def test_translate_toolkit_reads_back_the_same_pairs(tmp_path):
    out = tmp_path / "digest.xlf"
    export(specials_input(tmp_path), "xliff", out)
    store = Xliff2File.parsefile(str(out))
    assert [(u.getid(), u.source, u.target) for u in store.units] == [
        ("2502.19634::s1", SPECIALS_EN[0], SPECIALS_JA[0]),
        ("2502.19634::s2", SPECIALS_EN[1], SPECIALS_JA[1]),
    ]
    assert (store.sourcelanguage, store.targetlanguage) == ("en", "ja")


def test_specials_round_trip_and_stay_valid(tmp_path, schema):
    out = tmp_path / "digest.xlf"
    export(specials_input(tmp_path), "xliff", out)
    schema.validate(out.read_text(encoding="utf-8"))
    root = etree.fromstring(out.read_bytes())
    assert [t.text for t in root.findall(".//x:target", NS)] == SPECIALS_JA
    assert root.find(".//x:unit", NS).get("name") == "MedVLM-R1 & <friends>"


def test_an_old_style_arxiv_id_becomes_a_valid_unit_id(tmp_path, schema):
    root = xliff_root(specials_input(tmp_path, paper_id="hep-th/9901001"))
    schema.validate(etree.tostring(root).decode("utf-8"))
    assert root.find(".//x:unit", NS).get("id") == "hep-th_9901001"


def test_the_state_of_a_segment_follows_its_findings():
    root = xliff_root(daily_input())
    unit = root.find(".//x:unit[@id='2502.19634']", NS)
    states = {s.get("id"): (s.get("state"), s.get("subState")) for s in unit.findall("x:segment", NS)}
    assert states["s4"] == ("initial", "digest-qa:warning")  # terms.forbidden, a warning
    assert states["s2"] == ("translated", None)  # terms.inconsistent, only info
    assert states["s1"] == ("translated", None)


def test_findings_are_unit_notes_naming_their_segment():
    root = xliff_root(daily_input())
    notes = root.findall(".//x:unit[@id='2502.19634']/x:notes/x:note", NS)
    assert [(n.get("id"), n.get("category"), n.get("priority"), n.get("appliesTo")) for n in notes] == [
        ("n1", "terms.inconsistent", "8", "target"),
        ("n2", "terms.forbidden", "3", "target"),
    ]
    assert notes[1].text == (
        f"s4: warning terms.forbidden ({DAILY}:26:236): 「監督付きファインチューニング」: use 教師ありファインチューニング for supervised fine-tuning"
    )


def test_a_finding_in_the_title_is_a_note_without_a_segment():
    title = finding_at(DAILY, 23, "（Incentivizing Medical Reasoning", "structure.title", Severity.INFO, "English subtitle in the title")
    root = xliff_root(daily_input(findings=[title]))
    notes = root.findall(".//x:unit[@id='2502.19634']/x:notes/x:note", NS)
    assert [n.text for n in notes] == [f"info structure.title ({DAILY}:23:{title.column}): English subtitle in the title"]


def test_an_omission_has_no_target_and_an_addition_an_empty_source(schema):
    data = daily_input(findings=[])
    data.alignments[0].links[1:2] = [Link(en=[1], ja=[], score=0.8), Link(en=[], ja=[3], score=0.4)]
    root = xliff_root(data)
    schema.validate(etree.tostring(root).decode("utf-8"))
    segments = root.findall(".//x:unit[@id='2502.19613']/x:segment", NS)
    omission, addition = segments[1], segments[2]
    assert (omission.get("state"), omission.get("subState"), omission.find("x:target", NS)) == ("initial", "digest-qa:omission", None)
    assert (addition.get("subState"), addition.find("x:source", NS).text, addition.find("x:target", NS).text[:7]) == (
        "digest-qa:addition", None, "この統合アプロ",
    )


def test_an_error_outranks_an_info_on_the_same_segment():
    findings = [
        finding_at(DAILY, 26, "55.11%から78.22%", "numbers.changed", Severity.ERROR, "numbers differ"),
        finding_at(DAILY, 26, "100万以上", "numbers.rounded", Severity.INFO, "rounded"),
    ]
    root = xliff_root(daily_input(findings=findings))
    segment = root.find(".//x:unit[@id='2502.19634']/x:segment[@id='s5']", NS)
    assert (segment.get("state"), segment.get("subState")) == ("initial", "digest-qa:error")


def test_nothing_aligned_is_an_input_error():
    with pytest.raises(QaInputError, match="no paper has an aligned translation"):
        XliffExporter().render(ExportInput(parsed=parsed(DAILY)))
