"""Specification of the report formats of `qa check`: text, json, sarif, junit, github.

The findings are defects of the samples as the rules report them (tests/data/defects/*.yaml).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft4Validator

from qa.checks import load_rules
from qa.errors import QaInputError
from qa.findings import Finding, Severity
from qa.report import Summary, get_reporter

SARIF_SCHEMA = Path(__file__).parent / "data" / "schemas" / "sarif-schema-2.1.0.json"
SUMMARIES = "samples/digests/paper-summaries-2025-04.md"
REALM = "samples/digests/realm-abstract-page.md"

TWEET = (
    "LLMの推論、解く？検証する？🧐 計算量最適化の観点から、Self-Consistency(SC)とGenerative Reward Model(GenRM)を比較。"
    "意外にもSCが効率的！解生成をスケールさせる方が効果的らしい。推論戦略を見直そう！ #LLM #推論 #計算量最適化"
)
LENGTH = Finding(
    rule="structure.length",
    severity=Severity.ERROR,
    message="142 characters where the heading promises at most 140",
    paper="2504.01005",
    file=SUMMARIES,
    line=2503,
    column=1,
    end_line=2503,
    end_column=143,
    ja=TWEET,
)
THREE = Finding(
    rule="numbers.missing",
    severity=Severity.ERROR,
    message="'three' of the English is missing from the Japanese",
    paper="2508.12387",
    file=REALM,
    line=16,
    column=1,
    end_line=16,
    end_column=56,
    en="Existing efforts have improved SLM performance, but typically at the cost of one or more of three key aspects",
    ja="既存の取り組みは、SLMのパフォーマンスを改善するが、典型的には、1つ以上の主要な側面のうち1つ以上のコストがかかる",
)
COMMA = Finding(
    rule="style.mixed_punctuation",
    severity=Severity.WARNING,
    message="comma ',' where the document uses '、' (34 times)",
    paper="2508.12387",
    file=REALM,
    line=17,
    column=5,
    end_line=17,
    end_column=6,
    ja="本稿では,垂直領域における堅牢かつ自己充足的推論のための強化学習フレームワークであるReaLMを紹介する。",
)
UNSUPPORTED = Finding(
    rule="align.unsupported",
    severity=Severity.INFO,
    message="numbers or names the abstract lacks: 教師あり学習, 強化学習",
    paper="2504.00810",
    file=SUMMARIES,
    line=1315,
    column=1,
    end_line=1315,
    end_column=33,
    ja="教師あり学習と強化学習が組み合わされている可能性があります。",
)
FINDINGS = [LENGTH, UNSUPPORTED, THREE, COMMA]  # sorted as run_checks sorts them
SUMMARY = Summary.of(FINDINGS, files=4, papers=36)


def render(name: str, findings: list[Finding] = FINDINGS, summary: Summary = SUMMARY, color: bool = False) -> str:
    return get_reporter(name).render(findings, summary, load_rules(), color=color)


def test_unknown_format_is_an_input_error():
    with pytest.raises(QaInputError, match=r"^unknown report format 'xml' \(known: github, json, junit, sarif, text\)$"):
        get_reporter("xml")


# --- json ------------------------------------------------------------------------------------


def test_json_has_exactly_the_documented_shape():
    data = json.loads(render("json"))
    assert list(data) == ["version", "findings", "summary"]
    assert data["version"] == 1
    assert data["summary"] == {"files": 4, "papers": 36, "error": 2, "warning": 1, "info": 1}
    assert data["findings"][2] == {
        "rule": "numbers.missing",
        "severity": "error",
        "paper": "2508.12387",
        "file": REALM,
        "line": 16,
        "column": 1,
        "end_line": 16,
        "end_column": 56,
        "message": "'three' of the English is missing from the Japanese",
        "en": THREE.en,
        "ja": THREE.ja,
    }
    assert [list(f) for f in data["findings"]] == [
        ["rule", "severity", "paper", "file", "line", "column", "end_line", "end_column", "message", "en", "ja"]
    ] * 4


def test_json_keeps_japanese_readable():
    assert "本稿では,垂直領域" in render("json")


def test_json_of_a_clean_run_has_no_findings():
    data = json.loads(render("json", [], Summary(files=1, papers=5)))
    assert data == {"version": 1, "findings": [], "summary": {"files": 1, "papers": 5, "error": 0, "warning": 0, "info": 0}}


ODD = THREE.model_copy(update={"paper": None, "end_line": None, "message": 'a "quote", a \\ and a tab\t, line\nbreak, \x1f, 🧐', "en": None})


@pytest.mark.parametrize("findings", [[], [THREE], FINDINGS, [ODD]], ids=["none", "one", "four", "escapes and nulls"])
def test_json_written_finding_by_finding_is_the_indented_document(findings):
    """The report is streamed for large batches; it must be what json.dumps gives for the whole."""
    data = json.loads(render("json", findings))
    assert render("json", findings) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- sarif -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return Draft4Validator(schema)


@pytest.mark.parametrize("findings", [FINDINGS, []], ids=["findings", "clean"])
def test_sarif_is_valid_against_the_2_1_0_schema(sarif_validator, findings):
    log = json.loads(render("sarif", findings))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in sarif_validator.iter_errors(log)]
    assert errors == []


def test_sarif_schema_catches_a_broken_log(sarif_validator):
    log = json.loads(render("sarif"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not sarif_validator.is_valid(log)


def test_sarif_result_points_at_the_finding_and_its_rule():
    run = json.loads(render("sarif"))["runs"][0]
    result = run["results"][0]
    assert result["ruleId"] == "structure.length"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "structure.length"
    assert result["level"] == "error"
    assert result["message"] == {"text": "142 characters where the heading promises at most 140"}
    assert result["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": SUMMARIES},
                "region": {"startLine": 2503, "startColumn": 1, "endLine": 2503, "endColumn": 143},
            }
        }
    ]
    assert result["properties"] == {"paper": "2504.01005"}


def test_sarif_levels_follow_severities():
    levels = [r["level"] for r in json.loads(render("sarif"))["runs"][0]["results"]]
    assert levels == ["error", "note", "error", "warning"]


def test_sarif_describes_every_registered_rule():
    driver = json.loads(render("sarif"))["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == sorted(load_rules())
    length = next(r for r in driver["rules"] if r["id"] == "structure.length")
    assert length["defaultConfiguration"] == {"level": "error"}
    assert length["shortDescription"]["text"] == "A section whose heading promises a length (「140字以内」) is longer than promised."


def test_sarif_fingerprint_ignores_the_spelling_of_the_path():
    moved = LENGTH.model_copy(update={"file": "./" + SUMMARIES})
    fingerprints = [json.loads(render("sarif", [f]))["runs"][0]["results"][0]["partialFingerprints"] for f in (LENGTH, moved)]
    assert fingerprints[0] == fingerprints[1]


def test_sarif_uris_are_percent_encoded():
    odd = COMMA.model_copy(update={"file": "digests/要約 2025.md"})
    location = json.loads(render("sarif", [odd]))["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "digests/%E8%A6%81%E7%B4%84%202025.md"


# --- junit -----------------------------------------------------------------------------------


def test_junit_has_a_suite_per_file_and_a_case_per_paper():
    root = ET.fromstring(render("junit"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("36", "3")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == [SUMMARIES, REALM]
    assert [(c.get("name"), [e.tag for e in c]) for c in suites[SUMMARIES].iter("testcase")] == [
        ("paper 2504.01005", ["failure"]),
        ("paper 2504.00810", ["system-out"]),
    ]
    assert [(c.get("name"), len(c)) for c in suites[REALM].iter("testcase")] == [("paper 2508.12387", 2)]
    assert (suites[SUMMARIES].get("failures"), suites[REALM].get("failures")) == ("1", "2")


def test_junit_failure_carries_rule_message_and_location():
    failure = ET.fromstring(render("junit")).find(".//failure")
    assert failure.attrib == {"type": "structure.length", "message": "142 characters where the heading promises at most 140"}
    assert failure.text == f"{SUMMARIES}:2503:1: error structure.length 142 characters where the heading promises at most 140"


def test_junit_stays_well_formed_with_control_characters_in_a_message():
    stray = COMMA.model_copy(update={"message": "placeholder left in the text: '\x0c〇〇'"})
    failure = ET.fromstring(render("junit", [stray])).find(".//failure")
    assert failure.get("message") == "placeholder left in the text: '\ufffd〇〇'"


# --- github ----------------------------------------------------------------------------------


def test_github_writes_one_workflow_command_per_finding():
    assert render("github", [LENGTH, UNSUPPORTED]).splitlines() == [
        f"::error file={SUMMARIES},line=2503,col=1,endLine=2503,endColumn=143,title=structure.length::"
        "142 characters where the heading promises at most 140",
        f"::notice file={SUMMARIES},line=1315,col=1,endLine=1315,endColumn=33,title=align.unsupported::"
        "numbers or names the abstract lacks: 教師あり学習, 強化学習",
    ]


def test_github_escapes_data_and_properties():
    odd = COMMA.model_copy(update={"file": "a,b:c.md", "message": "50% of\r\nthe text"})
    assert render("github", [odd]) == (
        "::warning file=a%2Cb%3Ac.md,line=17,col=5,endLine=17,endColumn=6,title=style.mixed_punctuation::50%25 of%0D%0Athe text\n"
    )


def _unescape(text: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m[1]], text)


@given(st.text(alphabet=st.sampled_from("%\r\n:,a日 ::"), max_size=30))
def test_github_message_escaping_is_lossless(message):
    line = render("github", [COMMA.model_copy(update={"message": message})]).removesuffix("\n")
    assert "\n" not in line and "\r" not in line
    assert _unescape(line.split("::", 2)[2]) == message


def test_github_of_a_clean_run_is_empty():
    assert render("github", [], Summary(files=1, papers=5)) == ""


# --- text ------------------------------------------------------------------------------------


def test_text_groups_by_file_and_paper_with_evidence():
    findings = [LENGTH, UNSUPPORTED, THREE]
    assert render("text", findings, Summary.of(findings, files=4, papers=36)).splitlines() == [
        SUMMARIES,
        "  paper 2504.01005",
        f"{SUMMARIES}:2503:1: error structure.length 142 characters where the heading promises at most 140",
        f"    ja: {TWEET}",
        "  paper 2504.00810",
        f"{SUMMARIES}:1315:1: info align.unsupported numbers or names the abstract lacks: 教師あり学習, 強化学習",
        "    ja: 教師あり学習と強化学習が組み合わされている可能性があります。",
        "",
        REALM,
        "  paper 2508.12387",
        f"{REALM}:16:1: error numbers.missing 'three' of the English is missing from the Japanese",
        f"    en: {THREE.en}",
        f"    ja: {THREE.ja}",
        "",
        "2 errors, 0 warnings, 1 info in 4 files (36 papers)",
    ]


def test_text_summary_counts_read_as_english():
    assert render("text", [COMMA], Summary.of([COMMA], files=1, papers=1)).splitlines()[-1] == "0 errors, 1 warning, 0 info in 1 file (1 paper)"


def test_text_clips_long_evidence():
    long = LENGTH.model_copy(update={"ja": "推論" * 100})
    evidence = render("text", [long]).splitlines()[3]
    assert evidence == "    ja: " + "推論" * 79 + "推…"


def test_text_is_coloured_only_when_asked():
    assert "\x1b[" not in render("text")
    assert "\x1b[1;31merror\x1b[0m" in render("text", color=True)
