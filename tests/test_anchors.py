"""qa.anchors: anchors and their normalised values, on fragments of the sample digests."""

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def assert_anchors_slice_their_surface_and_never_overlap(text: str) -> None:
    anchors = extract_anchors(text)
    for anchor in anchors:
        assert text[anchor.start : anchor.end] == anchor.surface
    for first, second in pairwise(anchors):
        assert first.end <= second.start


@given(st.text(alphabet="0123456789０１２３.,%％xX倍万億kKMB三つ一般 -()（）abcXYZあア", max_size=40))
def test_anchors_never_overlap_and_slice_their_surface(text):
    assert_anchors_slice_their_surface_and_never_overlap(text)


@given(st.text(max_size=60))
def test_fold_width_keeps_length(text):
    assert len(fold_width(text)) == len(text)


def test_repeated_calls_give_fresh_lists_of_the_same_anchors():
    text = "MedVLM-R1はMRI、CT、X線ベンチマーク全体で精度を55.11%から78.22%に向上させ"
    extract_anchors(text).clear()
    assert [a.surface for a in extract_anchors(text)] == ["MedVLM-R1", "MRI", "CT", "55.11%", "78.22%"]


def test_anchors_are_immutable():
    anchor = extract_anchors("Experiments with GPT-4o")[0]
    with pytest.raises(AttributeError):
        anchor.value = "gpt4"


# --- a version after a family name ------------------------------------------------------------


def test_a_family_name_then_a_version_is_one_name_as_with_a_hyphen():
    # 2502.19613 EN 7 "Experiments with Llama-3 and Qwen-2.5", written with spaces.
    spaced = extract_anchors("Experiments with Llama 3 and Qwen 2.5 demonstrate that")
    hyphenated = extract_anchors("Experiments with Llama-3 and Qwen-2.5 demonstrate that")
    assert [(a.kind, a.value, a.surface) for a in spaced] == [("latin", "llama3", "Llama 3"), ("latin", "qwen25", "Qwen 2.5")]
    assert [a.key for a in hyphenated] == [a.key for a in spaced]


def test_a_spaced_version_keeps_the_rest_of_the_name_but_not_a_lower_case_suffix():
    assert values("Llama 3-8BとQwen 2.5-VLを用いた実験") == [("latin", "llama38b"), ("latin", "qwen25vl")]
    assert [a.surface for a in extract_anchors("we fine-tune Llama 3-based models")] == ["Llama 3"]


def test_a_version_is_found_at_the_start_of_a_sentence_and_in_any_case():
    assert values("Qwen 2.5 outperforms LLaMA 2 and GPT 4.") == [("latin", "qwen25"), ("latin", "llama2"), ("latin", "gpt4")]


def test_numbers_after_other_words_stay_numbers():
    assert values("the top 5 models") == [("number", "5")]
    assert values("GPT-4 and 3 others") == [("latin", "gpt4"), ("number", "3")]
    # samples/abstracts.jsonl, 2501.04519, 2503.23145 and 2504.00906.
    assert values("Through 4 rounds of self-evolution") == [("number", "4")]
    assert values("Among 18 models evaluated, o3-mini performs best") == [("number", "18"), ("latin", "o3mini")]
    assert values("Claude Computer Use and UI-TARS on the OSWorld 15-step and 50-step evaluation", ["number"]) == [
        ("number", "15"), ("number", "50"),
    ]


def test_labels_metrics_and_benchmarks_keep_their_number_apart():
    # A translator renders these apart from their number: 「システム1」, 3.2節, BLEUスコア30.5.
    text = 'from the "System 1" way to Section 3.2, with BLEU 30.5 on an RTX 4090 and AIME 2024'
    assert values(text, ["number"]) == [("number", "1"), ("number", "3.2"), ("number", "30.5"), ("number", "4090"), ("number", "2024")]


def test_a_quantity_after_a_family_name_stays_a_quantity():
    assert values("it runs Llama 2 times faster than Qwen 7B") == [
        ("latin", "llama"), ("multiplier", "2x"), ("latin", "qwen"), ("number", "7000000000"),
    ]
    assert values("比較したClaude 3つの版と Gemma 2倍の速度") == [
        ("latin", "claude"), ("number", "3"), ("latin", "gemma"), ("multiplier", "2x"),
    ]


# --- kanji words that contain a numeral ---------------------------------------------------------


def test_a_numeral_ending_a_word_does_not_count_what_follows():
    # paper-summaries-2025-04.md line 329: 単一人 is 単一 (single) then 人, not 一人 (one person).
    assert values("単一人モーション生成モデルと複数人モーション生成モデルを組み合わせる") == []
    assert values("同一人物、唯一つの例外はない、統一回答形式、均一人口") == []


def test_words_with_a_numeral_that_are_no_count():
    assert values("一般に、同一の条件、統一された表現、唯一の方法、単一のモデル、一部の例、一方で、一種の正則化、一度に処理") == []


def test_a_counter_that_begins_another_word_is_no_counter():
    assert values("一人称視点の動画、一個人の判断") == []


def test_kanji_counts_stay_counts():
    assert values("一人の評価者、一種類のデータ、一回の推論、三つの側面、二人の注釈者") == [
        ("number", "1"), ("number", "1"), ("number", "1"), ("number", "3"), ("number", "2"),
    ]


# --- multipliers in words ------------------------------------------------------------------------


def test_verbs_of_multiplying_are_multipliers_in_both_languages():
    en = "accuracy doubles, throughput doubled, cost triples, memory halves, latency was halved, twice as fast"
    ja = "精度は倍増し、スループットは2倍、コストは3倍、メモリは半分、レイテンシは半減、二倍の速さ"
    assert values(en) == [("multiplier", v) for v in ("2x", "2x", "3x", "0.5x", "0.5x", "2x")]
    assert values(ja) == [("multiplier", v) for v in ("2x", "2x", "3x", "0.5x", "0.5x", "2x")]


def test_half_multiplies_where_it_quantifies():
    assert values("half the cost, half of the tokens, half as many steps, cut by half, more than half") == [("multiplier", "0.5x")] * 5
    assert values("メモリを半分に削減し、半数以上のモデル") == [("multiplier", "0.5x")] * 2


def test_double_and_half_as_adjectives_nouns_or_parts_are_not_multipliers():
    # samples/abstracts.jsonl, 2503.24210 and 2504.00869.
    assert values("to constraint 3DGS with event double integral", ["multiplier"]) == []
    assert values("helps models double-check answers", ["multiplier"]) == []
    assert values("the first half of training, half-precision and half precision, the two halves", ["multiplier"]) == []
    assert values("画像の上半分と左半分") == []


# --- dates -----------------------------------------------------------------------------------


def test_a_month_and_its_year_are_one_date_in_both_languages():
    # 2504.01833: "published exclusively after March 2025"; its summary, line 940: 2025年3月以降に公開された
    assert values("a novel dataset of over 7K diverse documents, published exclusively after March 2025.") == [
        ("number", "7000"), ("number", "2025-03"),
    ]
    assert values("2025年3月以降に公開された7,000件以上の多様なドキュメント") == [("number", "2025-03"), ("number", "7000")]


def test_dates_to_the_day_and_months_without_a_year():
    assert values("March 1, 2025 / 2025年3月1日 / 1 March 2025 / 3月1日") == [("number", "2025-03-01")] * 3 + [("number", "--03-01")]
    assert values("in March / ３月に / Sept. 2024 / 17 Aug 2025") == [
        ("number", "--03"), ("number", "--03"), ("number", "2024-09"), ("number", "2025-08-17"),
    ]


def test_may_a_duration_and_a_year_alone_are_not_dates():
    assert values("May help. 3ヶ月の訓練; 2025年に; in 2025") == [("number", "3"), ("number", "2025"), ("number", "2025")]


PIECES = [
    "Llama", "Qwen", "GPT", "3", "2.5", "-8B", "-based", "March", "May", "Aug", "2025", "1,", "17", "年", "月", "日",
    "2025年", "3月", "半分", "上", "倍増", "doubles", "halves", "half", "the", "of", "by", "単一", "一人", "称", "つ", "倍",
    "%", "x", "times", "million", "7B", " ", "、", "。", ".",
]


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_versions_dates_and_multiplier_words_never_overlap_other_anchors(text):
    assert_anchors_slice_their_surface_and_never_overlap(text)
