"""Specification of the `numbers.*` rules: numbers of an English sentence dropped, changed or
invented in its Japanese translation, after normalising both sides.

Every test builds a bilingual JSONL batch (`id`, `abstract_en`, `abstract_ja`) from the hand
gold alignments of tests/data/gold, which hold the samples' translated abstracts sentence by
sentence, makes the one change the test is about, and runs the real pipeline on it (read →
parse → segment → align → check). A finding is compared as (rule, severity, line, column, the
text it covers, message); the column is where that text starts in the JSONL line. The other
tests of the bilingual rules import the helpers of this module.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from conftest import REPO

from qa.checking import check_parsed
from qa.config import Config
from qa.pipeline import parse_source
from qa.source import read_source

GOLD = REPO / "tests" / "data" / "gold"


@cache
def gold(paper_id: str) -> dict:
    """The hand alignment of one translated abstract: en and ja sentence lists, links, notes."""
    return json.loads((GOLD / f"{paper_id}.json").read_text(encoding="utf-8"))


@cache
def ml_glossary():
    from qa.glossary import load_glossary

    return load_glossary([REPO / "glossaries" / "ml-ja.yaml"])


def record(paper_id: str, ja: list[str] | None = None, en: list[str] | None = None) -> dict:
    """The gold translation of paper_id as a bilingual record, its sentences replaced when given."""
    return {
        "id": paper_id,
        "abstract_en": " ".join(gold(paper_id)["en"] if en is None else en),
        "abstract_ja": "".join(gold(paper_id)["ja"] if ja is None else ja),
    }


def edited(paper_id: str, old: str, new: str) -> list[str]:
    """The gold Japanese sentences with old (which occurs in exactly one of them) replaced."""
    sentences = gold(paper_id)["ja"]
    assert sum(old in s for s in sentences) == 1, old
    return [s.replace(old, new) for s in sentences]


def column(rec: dict, fragment: str) -> int:
    """1-based column of fragment in the record's JSONL line."""
    return json.dumps(rec, ensure_ascii=False).index(fragment) + 1


def check(tmp_path: Path, records: list[dict], select: list[str], glossary=None) -> list[tuple]:
    """(rule, severity, line, column, covered text, message) of every finding on the batch."""
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    src = read_source(path)
    result = check_parsed([(src, parse_source(src))], Config(), select=select, glossary=glossary)
    return [(f.rule, f.severity.value, f.line, f.column, src.text[f.start : f.end], f.message) for f in result.findings]


# --- changed ---------------------------------------------------------------------------------


def test_a_changed_percentage_is_one_mismatch_at_the_changed_number(tmp_path):
    # 2502.19634: "boosts accuracy from 55.11% to 78.22%" → 精度を55.11%から78.22%に向上させ
    rec = record("2502.19634", edited("2502.19634", "55.11%から", "56.11%から"))
    assert check(tmp_path, [rec], ["numbers"]) == [
        ("numbers.mismatch", "error", 1, column(rec, "56.11%"), "56.11%", "'55.11%' in the English became '56.11%' in the Japanese")
    ]


def test_billion_rendered_with_the_wrong_power_of_ten_is_a_mismatch(tmp_path):
    # realm-abstract-page.md line 49 (2305.13718): 13 billion is 130億, not 13億.
    rec = {
        "id": "2305.13718",
        "abstract_en": "Specifically, we devise an auto-regressive objective variant of MERIt and integrate it with two LLM "
        "series, i.e., FLAN-T5 and LLaMA, with parameter size ranging from 3 billion to 13 billion.",
        "abstract_ja": "我々はMERItの自己回帰的目的変数を考案し、パラメータサイズが30億から13億の2つのLLM系列、"
        "すなわちFLAN-T5とLLaMAと統合する。",
    }
    assert check(tmp_path, [rec], ["numbers"]) == [
        ("numbers.mismatch", "error", 1, column(rec, "13億"), "13億", "'13 billion' in the English became '13億' in the Japanese")
    ]


def test_a_percentage_that_lost_its_unit_is_one_changed_number(tmp_path):
    # 2502.20238: "gains in math reasoning by up to 5.1% on GSM8K" → 最大5.1%の改善
    rec = record("2502.20238", edited("2502.20238", "5.1%", "5.1ポイント"))
    assert check(tmp_path, [rec], ["numbers"]) == [
        ("numbers.mismatch", "error", 1, column(rec, "5.1ポイント"), "5.1", "'5.1%' in the English became '5.1' in the Japanese")
    ]


def test_a_change_from_a_to_b_turned_around_is_reversed(tmp_path):
    rec = record("2502.19634", edited("2502.19634", "55.11%から78.22%", "78.22%から55.11%"))
    assert check(tmp_path, [rec], ["numbers"]) == [
        (
            "numbers.order",
            "error",
            1,
            column(rec, "78.22%から55.11%"),
            "78.22%から55.11%",
            "'from 55.11% to 78.22%' in the English is reversed in the Japanese: '78.22%から55.11%'",
        )
    ]


# --- normalised, not reported ----------------------------------------------------------------


def test_the_hand_translations_render_their_numbers_faithfully(tmp_path):
    # 80x → 80倍, over a million → 100万以上, three → 3つ, two-staged → 二段階, up to 5.1% → 最大5.1%,
    # 600 / 2B / 128K / 10B / 98.5% kept. (2508.12387, the realm page, drops a 'three': see below.)
    papers = ["2502.19613", "2502.19634", "2502.20082", "2502.20238", "2502.20395"]
    assert check(tmp_path, [record(p) for p in papers], ["numbers"]) == []


def test_other_renderings_of_the_same_numbers_are_not_reported(tmp_path):
    renderings = [
        ("2502.20082", "128K", "12.8万"),
        ("2502.20082", "128K", "128,000"),
        ("2502.20082", "10B", "100億"),
        ("2502.20082", "98.5%", "98.5％"),
        ("2502.19634", "100万", "百万"),
        ("2502.20395", "3つ", "三つ"),
    ]
    records = [record(paper, edited(paper, old, new)) for paper, old, new in renderings]
    assert check(tmp_path, records, ["numbers"]) == []


def test_a_number_moved_to_the_neighbouring_sentence_is_not_reported(tmp_path):
    # 2502.19634 with the last clause of EN 4, "outperforming larger models trained on over a million
    # samples", moved into the sentence of EN 5, as the digest's own summary (line 36) words it.
    from qa.align import align_sentences

    sentences = list(gold("2502.19634")["ja"])
    sentences[5] = (
        "限られた訓練データ（600のビジュアル質問応答サンプル）とモデルパラメータ（2B）にもかかわらず、"
        "MedVLM-R1はMRI、CT、X線ベンチマーク全体で精度を55.11%から78.22%に向上させました。"
    )
    sentences[6] = "これは、100万以上のサンプルで訓練されたより大きなモデルを上回る結果であり、分布外のタスクにおける頑健なドメイン一般化も示しています。"
    links = align_sentences(gold("2502.19634")["en"], sentences, ml_glossary())
    assert [(link.en, link.ja) for link in links[4:6]] == [([4], [5]), ([5], [6])]
    assert check(tmp_path, [record("2502.19634", sentences)], ["numbers", "align"], ml_glossary()) == []


# --- dropped and invented --------------------------------------------------------------------


def test_the_count_of_aspects_dropped_on_the_realm_page_is_missing(tmp_path):
    # realm-abstract-page.md line 16: "one or more of three key aspects" → 1つ以上の主要な側面のうち1つ以上
    rec = record("2508.12387")
    sentence = gold("2508.12387")["ja"][1]
    assert check(tmp_path, [rec], ["numbers"]) == [
        ("numbers.missing", "error", 1, column(rec, sentence), sentence, "'three' of the English is missing from the Japanese")
    ]


def test_a_dropped_count_is_missing_even_when_the_number_occurs_elsewhere(tmp_path):
    # 2502.20238 EN 6 "we introduce two tasks" → 2つのタスク; 「システム2」 in JA 1 is another 2.
    sentences = edited("2502.20238", "2つのタスク、", "タスク、")
    rec = record("2502.20238", sentences)
    assert check(tmp_path, [rec], ["numbers"]) == [
        ("numbers.missing", "error", 1, column(rec, sentences[7]), sentences[7], "'two' of the English is missing from the Japanese")
    ]


def test_an_invented_number_is_added_at_its_place(tmp_path):
    # 2502.20238 EN 7 "we also provide a puzzle training set" says nothing of its size.
    rec = record("2502.20238", edited("2502.20238", "パズルトレーニングセット", "1万問のパズルトレーニングセット"))
    assert check(tmp_path, [rec], ["numbers"]) == [("numbers.added", "error", 1, column(rec, "1万問"), "1万", "'1万' is not in the English")]


def test_one_as_a_count_comes_with_the_article(tmp_path):
    # 2502.19613 EN 1 "allows a single model to …" → 単一のモデル, or just as well 1つのモデル.
    rec = record("2502.19613", edited("2502.19613", "単一のモデル", "1つのモデル"))
    assert check(tmp_path, [rec], ["numbers"]) == []


def test_a_digit_one_that_names_something_is_not_an_article(tmp_path):
    # 2502.20238 EN 1 'from the "System 1" way … to the "System 2" style' → 「システム1」 … 「システム2」
    sentences = edited("2502.20238", "「システム1」", "「システム2」")
    rec = record("2502.20238", sentences)
    assert check(tmp_path, [rec], ["numbers"]) == [
        ("numbers.missing", "error", 1, column(rec, sentences[1]), sentences[1], "'1' of the English is missing from the Japanese")
    ]
