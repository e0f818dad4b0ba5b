"""qa.anchors: anchors and their normalised values, on fragments of the sample digests."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from qa.anchors import extract_anchors, fold_width, normalise_latin


def values(text: str, kinds=None) -> list[tuple[str, str]]:
    return [(a.kind, a.value) for a in extract_anchors(text) if kinds is None or a.kind in kinds]


def test_longrope2_numbers_agree_across_languages():
    en = "LongRoPE2 extends LLaMA3-8B to achieve a 128K effective context length while retaining over 98.5% of short-context performance, using only 10B tokens -- 80x fewer than Meta's approach"
    ja = "LongRoPE2はLLaMA3-8Bを128Kの有効コンテキスト長に拡張し、短いコンテキストのパフォーマンスの98.5%以上を保持しながら、Metaのアプローチに比べて80倍少ない10Bトークンしか使用しませんが"
    assert sorted(values(en)) == sorted(values(ja))
    assert sorted(values(en)) == [
        ("latin", "llama38b"), ("latin", "longrope2"), ("latin", "meta"),
        ("multiplier", "80x"), ("number", "10000000000"), ("number", "128000"), ("percent", "98.5%"),
    ]


def test_magnitudes_written_three_ways_are_one_value():
    assert values("128K / 12.8万 / 128,000") == [("number", "128000")] * 3
    assert values("10B と 100億") == [("number", "10000000000")] * 2
    assert values("1億2000万") == [("number", "120000000")]


def test_multipliers_and_percentages():
    assert values("80x, 80倍, 80-fold, 80 times, twice") == [("multiplier", "80x")] * 4 + [("multiplier", "2x")]
    assert values("55.11% と 55.11％ と ５５.１１% と 55.11 percent") == [("percent", "55.11%")] * 4


def test_number_words_and_kanji_counts():
    assert values("three key aspects; 三つの側面; 3つ") == [("number", "3")] * 3
    assert values("over a million samples / 100万以上のサンプル / 百万") == [("number", "1000000")] * 3
    assert values("a two-stage framework / 二段階のフレームワーク / twenty-five") == [("number", "2"), ("number", "2"), ("number", "25")]
    assert values("one or more of three / 1つ以上") == [("number", "1"), ("number", "3"), ("number", "1")]


def test_kanji_inside_ordinary_words_is_not_a_number():
    assert values("一般化を一貫して改善し、十分な統一性を示す。") == []


def test_shot_settings_are_not_counts():
    assert values("zero-shot and one-shot prompting") == []


def test_ordinals_and_enumerators():
    assert values("In the first stage / 第一段階では / 2つ目 / 2nd") == [("ordinal", "1"), ("ordinal", "1"), ("ordinal", "2"), ("ordinal", "2")]
    assert values("(1) reasoning; (2) autonomy; ①ポリシー") == [("enumerator", "1"), ("enumerator", "2"), ("enumerator", "1")]


def test_enumerated_ranges_match_across_languages():
    en = "ReaLM significantly improves SLM performance across aspects (1)-(3) above."
    ja = "ReaLMは上述の側面(1)〜(3)のSLM性能を著しく向上することが示された。"
    assert ("range", "1-3") in values(en) and ("range", "1-3") in values(ja)


def test_numeric_ranges_carry_their_unit():
    assert values("gains of 10-20% on 3–5 tasks") == [("range", "10%-20%"), ("range", "3-5")]


def test_dates_are_not_numbers():
    assert values("論文 参考訳(メタデータ) (2025-08-05T07:42:00Z)") == []


def test_url_stops_at_japanese_and_sentence_punctuation():
    ja = extract_anchors("コードはhttps://github.com/microsoft/LongRoPEで入手可能です。")
    en = extract_anchors("Code will be available at https://github.com/microsoft/LongRoPE.")
    assert [(a.kind, a.value, a.surface) for a in ja] == [("url", "github.com/microsoft/LongRoPE", "https://github.com/microsoft/LongRoPE")]
    assert [a.value for a in en] == ["github.com/microsoft/LongRoPE"]


def test_latex_spans_are_one_anchor_without_inner_numbers():
    text = "結果として正しい値 \\(x = 3, y = 2\\) を見つけ"
    assert values(text) == [("latex", "x=3,y=2")]


def test_model_names_keep_their_digits_together():
    assert values("Experiments with Llama-3 and Qwen-2.5 on GSM8K, GPT-4o and R2-T2", ["latin"]) == [
        ("latin", "llama3"), ("latin", "qwen25"), ("latin", "gsm8k"), ("latin", "gpt4o"), ("latin", "r2t2"),
    ]


def test_latin_names_normalised_but_surface_kept():
    anchors = extract_anchors("医用ビジュアル言語モデル（VLMs）とＧＰＴ-４ｏ")
    assert [(a.value, a.surface) for a in anchors] == [("vlm", "VLMs"), ("gpt4o", "ＧＰＴ-４ｏ")]
    assert normalise_latin("Mixture-of-Experts") == normalise_latin("mixture of experts") == "mixtureofexperts"


def test_ordinary_english_words_are_not_names():
    assert values("Extensive experiments on both vertical and general reasoning tasks demonstrate gains.", ["latin"]) == []


def test_capitalised_words_inside_a_japanese_sentence_are_names():
    assert values("SLM(Small Language Models)は費用対効果がある", ["latin"]) == [
        ("latin", "slm"), ("latin", "small"), ("latin", "language"), ("latin", "models"),
    ]


def test_offsets_point_at_the_surface():
    text = "MedVLM-R1はMRI、CT、X線ベンチマーク全体で精度を55.11%から78.22%に向上させ"
    for anchor in extract_anchors(text):
        assert text[anchor.start : anchor.end] == anchor.surface


@given(st.integers(min_value=1, max_value=10**9))
def test_grouped_full_width_and_plain_digits_agree(n):
    plain = str(n)
    grouped = f"{n:,}"
    full = plain.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    assert values(plain) == values(grouped) == values(full) == [("number", plain)]


@given(st.text(alphabet="0123456789０１２３.,%％xX倍万億kKMB三つ一般 -()（）abcXYZあア", max_size=40))
def test_anchors_never_overlap_and_slice_their_surface(text):
    anchors = extract_anchors(text)
    for anchor in anchors:
        assert text[anchor.start : anchor.end] == anchor.surface
    for first, second in zip(anchors, anchors[1:]):
        assert first.end <= second.start


@given(st.text(max_size=60))
def test_fold_width_keeps_length(text):
    assert len(fold_width(text)) == len(text)


def test_repeated_calls_give_fresh_lists_of_the_same_anchors():
    text = "MedVLM-R1はMRI、CT、X線ベンチマーク全体で精度を55.11%から78.22%に向上させ"
    extract_anchors(text).clear()
    assert [a.surface for a in extract_anchors(text)] == ["MedVLM-R1", "MRI", "CT", "55.11%", "78.22%"]


def test_anchors_are_immutable():
    anchor = extract_anchors("Experiments with GPT-4o")[0]
    with pytest.raises(ValidationError):
        anchor.value = "gpt4"
