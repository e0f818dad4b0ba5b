"""What the anchors' normalisation means for the bilingual rules: a version written after a
space, a date, a multiplier in words. Each would be a false `numbers.*` error if the English and
the Japanese renderings did not normalise to the same anchor.

Batches are built from the hand gold alignments as in test_checks_numbers.
"""

from __future__ import annotations

from test_checks_numbers import check, column, edited, gold, record

# 2504.01833 (YourBench): a sentence of the English abstract, and a Japanese translation of it
# worded as the digest's summary (paper-summaries-2025-04.md line 940) words it.
TEMPORA = {
    "id": "2504.01833",
    "abstract_en": "To ensure that YourBench generates data grounded in provided input instead of relying on posterior "
    "parametric knowledge in models, we also introduce Tempora-0325, a novel dataset of over 7K diverse documents, "
    "published exclusively after March 2025.",
    "abstract_ja": "YourBenchがモデルの事後的なパラメトリック知識に頼らず、与えられた入力に基づくデータを生成することを確かめるため、"
    "2025年3月以降に公開された7,000件以上の多様なドキュメントからなる新しいデータセットTempora-0325も導入する。",
}


def test_a_version_written_after_a_space_is_a_variant_not_an_added_number(tmp_path):
    # 2502.19613 EN 7 "Experiments with Llama-3 and Qwen-2.5"; the Japanese spaces the versions.
    rec = record("2502.19613", edited("2502.19613", "Llama-3とQwen-2.5", "Llama 3とQwen 2.5"))
    assert check(tmp_path, [rec], ["numbers", "entities"]) == [
        ("entities.variant", "warning", 1, column(rec, "Llama 3"), "Llama 3", "'Llama 3' is written 'Llama-3' in the English"),
        ("entities.variant", "warning", 1, column(rec, "Qwen 2.5"), "Qwen 2.5", "'Qwen 2.5' is written 'Qwen-2.5' in the English"),
    ]


def test_a_spaced_version_in_the_english_matches_the_hyphenated_japanese(tmp_path):
    en = [s.replace("Llama-3 and Qwen-2.5", "Llama 3 and Qwen 2.5") for s in gold("2502.19613")["en"]]
    rec = record("2502.19613", en=en)
    assert check(tmp_path, [rec], ["numbers", "entities"]) == [
        ("entities.variant", "warning", 1, column(rec, "Llama-3"), "Llama-3", "'Llama-3' is written 'Llama 3' in the English"),
        ("entities.variant", "warning", 1, column(rec, "Qwen-2.5"), "Qwen-2.5", "'Qwen-2.5' is written 'Qwen 2.5' in the English"),
    ]


def test_a_changed_version_is_a_missing_name(tmp_path):
    sentences = edited("2502.19613", "Llama-3とQwen-2.5", "Llama 2とQwen-2.5")
    rec = record("2502.19613", sentences)
    assert check(tmp_path, [rec], ["numbers", "entities"]) == [
        ("entities.missing", "warning", 1, column(rec, sentences[10]), sentences[10], "'Llama-3' of the English is missing from the Japanese"),
    ]


def test_a_month_rendered_as_a_japanese_date_is_not_an_added_number(tmp_path):
    assert check(tmp_path, [TEMPORA], ["numbers"]) == []


def test_a_changed_month_is_a_mismatch_of_the_whole_date(tmp_path):
    rec = dict(TEMPORA, abstract_ja=TEMPORA["abstract_ja"].replace("2025年3月", "2025年4月"))
    assert check(tmp_path, [rec], ["numbers"]) == [
        ("numbers.mismatch", "error", 1, column(rec, "2025年4月"), "2025年4月", "'March 2025' in the English became '2025年4月' in the Japanese")
    ]


def half_as_many(ja_rendering: str) -> dict:
    """2502.20082 with EN 3 "using only 10B tokens -- 80x fewer than Meta's approach" (80倍少ない10B
    トークン) rewritten with a multiplier in words, and the Japanese rendering it as given."""
    en = [s.replace("80x fewer than", "half as many as") for s in gold("2502.20082")["en"]]
    return record("2502.20082", edited("2502.20082", "比べて80倍少ない", ja_rendering), en)


def test_half_in_words_is_half_in_japanese(tmp_path):
    assert check(tmp_path, [half_as_many("比べて半分の")], ["numbers"]) == []


def test_half_rendered_as_double_is_a_mismatch(tmp_path):
    rec = half_as_many("比べて2倍の")
    assert check(tmp_path, [rec], ["numbers"]) == [
        ("numbers.mismatch", "error", 1, column(rec, "2倍の10B"), "2倍", "'half' in the English became '2倍' in the Japanese")
    ]
