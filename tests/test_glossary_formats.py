"""Specification of the glossary exports (csv, tbx, prh, json) and imports (csv, prh)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from lxml import etree

from qa.errors import QaInputError
from qa.glossary.editing import render_document
from qa.glossary.formats import get_format
from qa.glossary.loading import read_glossary_file, validate
from qa.glossary.yamlio import parse_yaml

TBX = "{urn:iso:std:iso:30042:ed-2}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def curated():
    return read_glossary_file("glossaries/ml-ja.yaml")


@pytest.mark.parametrize("name", ["csv", "prh"])
def test_export_then_import_gives_the_same_entries(curated, name):
    text = get_format(name).export(curated)
    back = get_format(name, for_import=True).parse(text, f"ml-ja.{name}")
    assert [e.data() for e in back.entries] == [e.data() for e in curated.entries]


def test_an_imported_glossary_is_written_as_a_valid_yaml_file(curated):
    back = get_format("csv", for_import=True).parse(get_format("csv").export(curated), "ml-ja.csv")
    text = render_document(back)
    document, problems = validate(parse_yaml(text, "ml-ja.yaml"), "ml-ja.yaml")
    assert problems == []
    assert [e.data() for e in document.entries] == [e.data() for e in curated.entries]
    assert text.startswith("name: ml-ja\nsource_lang: en\ntarget_lang: ja\nentries:\n  - en: large language model\n    abbr: LLM\n")


def test_csv_has_one_row_per_concept_with_lists_joined(curated):
    rows = list(csv.DictReader(io.StringIO(get_format("csv").export(curated))))
    sft = next(r for r in rows if r["en"] == "supervised fine-tuning")
    assert len(rows) == len(curated.entries)
    assert sft["forbidden"] == "監督付きファインチューニング | 監督ありファインチューニング | 監督付き微調整"
    assert sft["forbidden_reasons"].count(" | ") == 2
    assert (sft["abbr"], sft["ja"], sft["keep_english"], sft["status"]) == ("SFT", "教師ありファインチューニング", "false", "approved")


def test_csv_import_names_the_row_of_a_bad_entry():
    text = "en,ja,status\nreward model,報酬モデル,approved\npolicy,方策,maybe\n"
    with pytest.raises(QaInputError, match=r"^terms.csv:3: Input should be 'approved', 'proposed' or 'deprecated'$"):
        get_format("csv", for_import=True).parse(text, "terms.csv")


def test_tbx_has_one_concept_entry_per_concept_with_administrative_statuses(curated):
    root = etree.fromstring(get_format("tbx").export(curated).encode("utf-8"))
    assert (root.tag, root.get("type"), root.get("style")) == (f"{TBX}tbx", "TBX-Basic", "dca")
    concepts = root.findall(f".//{TBX}conceptEntry")
    assert len(concepts) == len(curated.entries)
    sft = next(c for c in concepts if c.find(f"{TBX}langSec/{TBX}termSec/{TBX}term").text == "supervised fine-tuning")
    ja = next(s for s in sft.findall(f"{TBX}langSec") if s.get(LANG) == "ja")
    terms = [(t.findtext(f"{TBX}term"), t.findtext(f"{TBX}termNote[@type='administrativeStatus']"), t.findtext(f"{TBX}note")) for t in ja]
    assert terms == [
        ("教師ありファインチューニング", "preferredTerm-admn-sts", None),
        ("教師あり微調整", "admittedTerm-admn-sts", None),
        ("監督付きファインチューニング", "deprecatedTerm-admn-sts", "supervised の直訳。機械学習では「教師あり」が定訳"),
        ("監督ありファインチューニング", "deprecatedTerm-admn-sts", "supervised の直訳。機械学習では「教師あり」が定訳"),
        ("監督付き微調整", "deprecatedTerm-admn-sts", "supervised の直訳。機械学習では「教師あり」が定訳"),
    ]


def test_prh_rules_lead_forbidden_and_variant_renderings_to_the_preferred_one(curated):
    data = parse_yaml(get_format("prh").export(curated), "prh.yml", lines=False)
    rules = [(r["expected"], r.get("pattern") or r.get("patterns"), r["prh"]) for r in data["rules"]]
    assert ("教師ありファインチューニング", "監督付きファインチューニング", "supervised の直訳。機械学習では「教師あり」が定訳") in rules
    # 微調整 is ambiguous and left out; the katakana guard keeps ファインチューン from firing inside ファインチューニング.
    assert ("ファインチューニング", ["/(?<![ァ-ヺー])ファインチューン(?![ァ-ヺー])/"], "fine-tuning: 推奨表記はファインチューニング") in rules
    assert ("LoRA", "/(?<![ァ-ヺー])ローラ(?![ァ-ヺー])/", "must stay in Latin script") in rules
    assert data["version"] == 1


def test_prh_rules_without_english_are_imported_only_for_latin_terms():
    latin = "version: 1\nrules:\n  - expected: GRPO\n    pattern: /(?<![ァ-ヺー])ジーアールピーオー(?![ァ-ヺー])/\n    prh: Latin script\n"
    document = get_format("prh", for_import=True).parse(latin, "prh.yml")
    assert [e.data() for e in document.entries] == [
        {"en": "GRPO", "ja": ["GRPO"], "forbidden": [{"term": "ジーアールピーオー", "reason": "Latin script"}], "keep_english": True, "status": "proposed"}
    ]
    japanese = "version: 1\nrules:\n  - expected: 教師ありファインチューニング\n    pattern: 監督付きファインチューニング\n"
    with pytest.raises(QaInputError, match=r"^prh.yml:3: rule for 教師ありファインチューニング has no English term"):
        get_format("prh", for_import=True).parse(japanese, "prh.yml")


def test_json_has_the_fields_of_the_yaml_file(curated):
    data = json.loads(get_format("json").export(curated))
    assert (data["name"], data["source_lang"], data["target_lang"]) == ("ml-ja", "en", "ja")
    assert data["entries"][0] == {
        "en": "large language model",
        "abbr": "LLM",
        "ja": ["大規模言語モデル"],
        "variants": ["大規模な言語モデル"],
        "keep_english": False,
        "note": "略語は「大規模言語モデル（LLM）」の形で初出に併記するのが一般的。",
        "status": "approved",
        "source": "samples",
    }


def test_unknown_formats_are_input_errors():
    with pytest.raises(QaInputError, match=r"unknown import format 'tbx' \(known: csv, prh\)"):
        get_format("tbx", for_import=True)
    with pytest.raises(QaInputError, match=r"unknown export format 'xlsx' \(known: csv, json, prh, tbx\)"):
        get_format("xlsx")
