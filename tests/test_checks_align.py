"""Specification of the `align.*` rules: English sentences a translation dropped, Japanese
sentences with no English source, summary sentences the abstract does not support, and papers
with no English abstract.

Batches are built from the hand gold alignments as in test_checks_numbers.
"""

from __future__ import annotations

import json

from conftest import REPO
from test_checks_numbers import check, column, gold, record

# arxiv-digest-2025-03-02.md line 84: a sentence of the LongRoPE2 summary's future-work section,
# which no sentence of the abstract says.
FUTURE_WORK = "将来的には、目標の有効コンテキスト長に到達するためのさらなる改良や、他のモデルへの適用可能性の検証が期待されます。"


def abstract(paper_id: str) -> str:
    """The English abstract of samples/abstracts.jsonl."""
    for line in (REPO / "samples" / "abstracts.jsonl").read_text(encoding="utf-8").splitlines():
        if json.loads(line)["id"] == paper_id:
            return json.loads(line)["abstract"]
    raise KeyError(paper_id)


def test_the_hand_translations_have_no_omission_or_addition(tmp_path):
    papers = ["2502.19613", "2502.19634", "2502.20082", "2502.20238", "2502.20395", "2508.12387"]
    assert check(tmp_path, [record(p) for p in papers], ["align"]) == []


def test_a_deleted_sentence_is_an_omission_at_the_sentence_before_it(tmp_path):
    # 2502.20238 without JA 3 (EN 3 "This fails to assess the model's ability to reflect …").
    sentences = gold("2502.20238")["ja"]
    rec = record("2502.20238", sentences[:3] + sentences[4:])
    assert check(tmp_path, [rec], ["align"]) == [
        (
            "align.omission",
            "error",
            1,
            column(rec, sentences[2]),
            sentences[2],
            "English sentence 4 has no Japanese counterpart; it would follow this sentence",
        )
    ]


def test_a_deleted_first_sentence_is_an_omission_at_the_sentence_after_it(tmp_path):
    sentences = gold("2502.20238")["ja"]
    rec = record("2502.20238", sentences[1:])
    assert check(tmp_path, [rec], ["align"]) == [
        (
            "align.omission",
            "error",
            1,
            column(rec, sentences[1]),
            sentences[1],
            "English sentence 1 has no Japanese counterpart; it would precede this sentence",
        )
    ]


def test_two_sentences_deleted_together_are_two_omissions(tmp_path):
    sentences = gold("2502.20238")["ja"]
    rec = record("2502.20238", sentences[:2] + sentences[4:])
    where = (1, column(rec, sentences[1]), sentences[1])
    assert check(tmp_path, [rec], ["align"]) == [
        ("align.omission", "error", *where, "English sentence 3 has no Japanese counterpart; it would follow this sentence"),
        ("align.omission", "error", *where, "English sentence 4 has no Japanese counterpart; it would follow this sentence"),
    ]


def test_an_invented_sentence_is_an_addition_at_its_place(tmp_path):
    sentences = gold("2502.20082")["ja"]
    rec = record("2502.20082", sentences[:4] + [FUTURE_WORK] + sentences[4:])
    assert check(tmp_path, [rec], ["align"]) == [
        ("align.addition", "error", 1, column(rec, FUTURE_WORK), FUTURE_WORK, "Japanese sentence has no English source")
    ]


def test_a_summary_number_the_abstract_lacks_is_unsupported_as_info(tmp_path):
    # realm-abstract-page.md line 49: the related paper 2305.13718 says "3 billion to 13 billion".
    summary = "我々はMERItの自己回帰的目的変数を考案し、パラメータサイズが30億から13億の2つのLLM系列、すなわちFLAN-T5とLLaMAと統合する。"
    rec = {"id": "2305.13718", "abstract_en": abstract("2305.13718"), "summary_ja": summary}
    assert check(tmp_path, [rec], ["align"]) == [
        ("align.unsupported", "info", 1, column(rec, summary), summary, "not in the abstract: 13億")
    ]


def test_a_paper_without_english_abstract_is_unmatched_at_its_record(tmp_path):
    # The second record has no abstract_en, and no --abstracts is given.
    untranslatable = {"id": "2502.19613", "abstract_ja": "".join(gold("2502.19613")["ja"])}
    assert check(tmp_path, [record("2502.20082"), untranslatable], ["align"]) == [
        ("align.unmatched", "warning", 2, 1, "", "no English abstract found for 2502.19613")
    ]
