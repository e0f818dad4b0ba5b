"""Sentence segmentation of Japanese, English and mixed text."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from qa.segment import split_sentences

GOLD = sorted((REPO / "tests" / "data" / "gold").glob("*.json"))


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_english_abstracts_split_as_the_hand_made_gold(gold_path, abstracts):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    abstract = abstracts[gold["id"]]["abstract"]
    assert [" ".join(s.split()) for s in sentences(abstract)] == [" ".join(s.split()) for s in gold["en"]]


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_japanese_abstracts_split_as_the_hand_made_gold(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert sentences("".join(gold["ja"])) == gold["ja"]


# Japanese


def test_japanese_ends_at_full_width_question_mark_and_full_stop():
    tweet = "GUIエージェントの安全性は？セキュリティ脆弱性、信頼性、透明性、倫理、評価方法の5つの側面から課題を分析。"
    assert sentences(tweet) == [
        "GUIエージェントの安全性は？",
        "セキュリティ脆弱性、信頼性、透明性、倫理、評価方法の5つの側面から課題を分析。",
    ]


def test_japanese_ends_at_half_width_question_and_exclamation_marks():
    tweet = "GUIエージェントの安全性は?評価方法の5つの側面から課題を分析!安心安全なGUIエージェント開発へ！ #AI安全"
    assert sentences(tweet) == [
        "GUIエージェントの安全性は?",
        "評価方法の5つの側面から課題を分析!",
        "安心安全なGUIエージェント開発へ！",
        "#AI安全",
    ]


def test_japanese_run_of_marks_stays_with_its_sentence():
    assert sentences("LLMの推論、解く？検証する？🧐 計算量最適化の観点から比較。本当に？！すごい") == [
        "LLMの推論、解く？",
        "検証する？",
        "🧐 計算量最適化の観点から比較。",
        "本当に？！",
        "すごい",
    ]


@pytest.mark.parametrize(
    "quoted",
    [
        "著者らは「外部からのフィードバックなしで行います。」と述べています。",
        "著者らは『外部からのフィードバックなしで行います。』と述べています。",
        "モデルは（推論時に検証します！修正もします。）という二段階を取ります。",
        "モデルは(推論時に検証します？修正もします。)という二段階を取ります。",
    ],
)
def test_japanese_does_not_end_inside_brackets(quoted):
    assert sentences(quoted + "これにより計算上の利点が得られます。") == [quoted, "これにより計算上の利点が得られます。"]


def test_closing_quote_after_the_full_stop_stays_with_the_sentence():
    assert sentences('The paper notes "models overthink." Then it proposes two methods.') == [
        'The paper notes "models overthink."',
        "Then it proposes two methods.",
    ]


def test_japanese_line_break_ends_a_sentence():
    text = "LongRoPE2は以下の3つの貢献から成り立っています：\n高次RoPE次元での不十分なトレーニングがOOD問題の原因である"
    assert sentences(text) == [
        "LongRoPE2は以下の3つの貢献から成り立っています：",
        "高次RoPE次元での不十分なトレーニングがOOD問題の原因である",
    ]


def test_half_width_points_in_japanese_do_not_end_sentences():
    text = "Llama-3とQwen-2.5を用いた実験により、98.5%以上を保持しました。LLaMA3-8Bを128Kに拡張しました。"
    assert sentences(text) == [
        "Llama-3とQwen-2.5を用いた実験により、98.5%以上を保持しました。",
        "LLaMA3-8Bを128Kに拡張しました。",
    ]


# English


def test_decimals_and_percentages_do_not_end_sentences():
    text = ("MedVLM-R1 boosts accuracy from 55.11% to 78.22% across MRI, CT, and X-ray benchmarks. "
            "It outperforms larger models.")
    assert sentences(text) == [
        "MedVLM-R1 boosts accuracy from 55.11% to 78.22% across MRI, CT, and X-ray benchmarks.",
        "It outperforms larger models.",
    ]


def test_version_strings_do_not_end_sentences():
    text = ("Experiments with Llama-3 and Qwen-2.5 demonstrate that our approach surpasses intrinsic "
            "self-correction capabilities. Extensive experiments on LLaMA3-8B and Phi3-mini-3.8B validate it.")
    assert sentences(text) == [
        "Experiments with Llama-3 and Qwen-2.5 demonstrate that our approach surpasses intrinsic "
        "self-correction capabilities.",
        "Extensive experiments on LLaMA3-8B and Phi3-mini-3.8B validate it.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "We compare conventional models (e.g., GPT-4o) with models fine-tuned for inference-time scaling (e.g., o1).",
        "The trained model outperforms larger proprietary models, e.g. o3-mini by 4% and Gemini-1.5-Pro-002 by 3%.",
        "We integrate it with two LLM series, i.e. FLAN-T5 and LLaMA, with parameter size ranging from 3B to 13B.",
        "Hurst et al. Controlling how long a reasoning model thinks with reinforcement learning.",
        "Our results demonstrate substantial improvements (45.3 vs. 26.7 F1 score) over the state of the art.",
        "As shown in Fig. 3, the landscape reveals distinct reasoning patterns.",
    ],
)
def test_abbreviations_do_not_end_sentences(sentence):
    assert sentences(sentence + " Next sentence.") == [sentence, "Next sentence."]


def test_inline_maths_is_never_split():
    text = "Top models can suffer $60\\%$ performance loss. The bound is $p < 0.5. Q$ in theory."
    assert sentences(text) == [
        "Top models can suffer $60\\%$ performance loss.",
        "The bound is $p < 0.5. Q$ in theory.",
    ]


def test_url_does_not_end_a_sentence_but_its_trailing_full_stop_does():
    text = "Code will be available at https://github.com/microsoft/LongRoPE. Our project page is https://diet-gs.github.io"
    assert sentences(text) == [
        "Code will be available at https://github.com/microsoft/LongRoPE.",
        "Our project page is https://diet-gs.github.io",
    ]


def test_url_with_dots_inside_is_one_sentence():
    assert sentences("See https://arxiv.org/abs/2502.19613v1. Then read it.") == [
        "See https://arxiv.org/abs/2502.19613v1.",
        "Then read it.",
    ]


def test_size_suffix_before_a_full_stop_is_no_initial():
    assert sentences("Parameter size ranges from 3B to 13B. Results follow.") == [
        "Parameter size ranges from 3B to 13B.",
        "Results follow.",
    ]


def test_initial_of_a_name_does_not_end_a_sentence():
    assert sentences("Nelson F. Liu et al. Lost in the middle: How language models use long contexts.") == [
        "Nelson F. Liu et al. Lost in the middle: How language models use long contexts."
    ]


def test_english_line_break_inside_a_paragraph_does_not_end_a_sentence():
    text = "Small Language Models (SLMs) are a cost-effective alternative\nto Large Language Models (LLMs)."
    assert sentences(text) == [text]


def test_blank_line_ends_an_english_sentence():
    assert sentences("Top N queries selected\n\nThe value of N is not given") == [
        "Top N queries selected",
        "The value of N is not given",
    ]


def test_empty_and_blank_text_have_no_sentences():
    assert (split_sentences(""), split_sentences(" \n\t ")) == ([], [])


# Properties on any mix of the characters that matter.

ALPHABET = list("ab AZ09.!?。！？「」『』（）()[]$`\n\t") + ["https://x.org/a.b", "e.g.", "et al.", "あ", "漢", "Qwen-2.5"]


@given(st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join))
def test_spans_are_ordered_trimmed_and_cover_every_non_space_character(text):
    spans = split_sentences(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:]))
    assert all(not text[start].isspace() and not text[end - 1].isspace() for start, end in spans)
    covered = {i for start, end in spans for i in range(start, end)}
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= covered
