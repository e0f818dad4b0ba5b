"""Specification of the matching engine (Glossary.match_en / match_ja) on the curated glossary,
with fragments of the sample digests."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.glossary import load_glossary
from qa.glossary.normalize import ja_key, normalize


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(["glossaries/ml-ja.yaml"])


def spans(matches) -> list[tuple[str, str, str]]:
    return [(m.surface, m.entry, m.kind) for m in matches]


# --- English --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["test-time scaling", "Test-Time Scaling", "test time scaling", "Test-time scaling", "test-time-scaling"])
def test_english_terms_ignore_case_hyphens_and_spaces(glossary, text):
    assert spans(glossary.match_en(f"m1: Unleash the Potential of {text} for Medical Reasoning")) == [
        (text, "test-time scaling", "en"),
        ("Reasoning", "reasoning", "en"),
    ]


def test_english_head_nouns_take_plurals_and_ing_words_their_verb_forms(glossary):
    # samples/abstracts.jsonl (2504.01005): "GenRM generates multiple verification chains-of-thought"
    assert spans(glossary.match_en("GenRM generates multiple verification chains-of-thought")) == [
        ("verification", "verification", "en"),
        ("chains-of-thought", "chain-of-thought", "en"),
    ]
    # samples/abstracts.jsonl (2502.20082): "...fine-tunes model weights..."
    assert spans(glossary.match_en("mixed context window training approach, which fine-tunes model weights")) == [
        ("context window", "context window", "en"),
        ("training", "training", "en"),
        ("fine-tunes", "fine-tuning", "en"),
    ]


def test_the_longest_english_term_wins(glossary):
    assert spans(glossary.match_en("Large Language Models (LLMs) and small language models")) == [
        ("Large Language Models", "large language model", "en"),
        ("LLMs", "large language model", "abbr"),
        ("small language models", "small language model", "en"),
    ]


def test_abbreviations_are_case_sensitive_and_respect_word_boundaries(glossary):
    assert spans(glossary.match_en("MoE routers; moe; MoEs; aMoE; GRPO-based; GRPOx")) == [
        ("MoE", "mixture-of-experts", "abbr"),
        ("MoEs", "mixture-of-experts", "abbr"),
        ("GRPO", "group relative policy optimization", "abbr"),
    ]


def test_a_term_is_not_found_inside_a_longer_word(glossary):
    assert glossary.match_en("pretokenization by agentic policymakers") == []


def test_english_offsets_point_into_the_text_as_given(glossary):
    text = "Self-Consistency (SC) and Generative Reward Models (GenRM)"
    assert [(text[m.start : m.end], m.rendering) for m in glossary.match_en(text)] == [
        ("Self-Consistency", "self-consistency"),
        ("SC", "SC"),
        ("Reward Models", "reward model"),
    ]


# --- Japanese -------------------------------------------------------------------------------


def test_japanese_renderings_and_english_forms_in_japanese_text(glossary):
    # samples/digests/arxiv-digest-2025-03-02.md line 26
    text = "監督付きファインチューニング（SFT）に依存する代わりに"
    assert spans(glossary.match_ja(text)) == [
        ("監督付きファインチューニング", "supervised fine-tuning", "forbidden"),
        ("SFT", "supervised fine-tuning", "abbr"),
    ]


def test_the_longest_japanese_rendering_wins(glossary):
    # samples/digests/arxiv-digest-2025-03-02.md line 6
    text = "自己報酬と自己修正の両方のメカニズムを組み込んだ長い思考の連鎖（chain-of-thought）軌跡"
    assert spans(glossary.match_ja(text)) == [
        ("自己報酬", "self-rewarding", "approved"),
        ("自己修正", "self-correction", "approved"),
        ("長い思考の連鎖", "long chain-of-thought", "approved"),
        ("chain-of-thought", "chain-of-thought", "en"),
        ("軌跡", "trajectory", "approved"),
    ]


def test_a_final_long_vowel_mark_is_optional(glossary):
    # ビジョンエンコーダー (samples/digests/arxiv-digest-2025-03-02.md line 48) is listed as a variant;
    # the glossary lists エンコーダ, and パラメーター/パラメータ are both listed.
    assert spans(glossary.match_ja("エンコーダーとエンコーダ、パラメーター")) == [
        ("エンコーダー", "encoder", "variant"),
        ("エンコーダ", "encoder", "approved"),
        ("パラメーター", "parameter", "variant"),
    ]
    assert ja_key("コンピューター") == ja_key("コンピュータ")


def test_width_variants_and_middle_dots_match_with_offsets_into_the_original(glossary):
    text = "ﾓﾝﾃｶﾙﾛ･ﾂﾘｰ･ｻｰﾁとＧＲＰＯ"
    matches = glossary.match_ja(text)
    assert [(text[m.start : m.end], m.entry, m.kind) for m in matches] == [
        ("ﾓﾝﾃｶﾙﾛ･ﾂﾘｰ･ｻｰﾁ", "Monte Carlo tree search", "variant"),
        ("ＧＲＰＯ", "group relative policy optimization", "approved"),
    ]


def test_a_katakana_term_is_not_found_inside_a_longer_katakana_word(glossary):
    # ローラ is forbidden for LoRA; it must not fire inside コントローラ (the glossary author's warning).
    assert glossary.match_ja("コントローラとコントローラーを使う") == []
    assert spans(glossary.match_ja("ローラで微調整する")) == [
        ("ローラ", "low-rank adaptation", "forbidden"),
        ("微調整", "fine-tuning", "variant"),
    ]


def test_a_katakana_term_is_found_where_morphology_puts_a_word_boundary(glossary):
    assert spans(glossary.match_ja("マルチエージェントの協調")) == [("エージェント", "agent", "approved")]


def test_letter_by_letter_katakana_spellings_of_kept_acronyms_are_forbidden(glossary):
    assert spans(glossary.match_ja("ジーアールピーオーとディー・ピー・オー")) == [
        ("ジーアールピーオー", "group relative policy optimization", "forbidden"),
        ("ディー・ピー・オー", "direct preference optimization", "forbidden"),
    ]


# --- normalisation (property tests) ---------------------------------------------------------

TEXT = st.text(alphabet=st.sampled_from("ｶﾞｷﾞｸﾟﾊﾟAaＡａ１1（）・･ーｰモデルパラメータ学習 \n"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalised_text_maps_back_to_its_original_characters(text):
    normalized = normalize(text)
    for i in range(len(normalized.text)):
        start, end = normalized.original_span(i, i + 1)
        assert normalized.text[i] in unicodedata.normalize("NFKC", text[start:end])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_each_character_of_nfkc_text_is_its_own_nfkc_form(text):
    # why normalize() need not fold NFKC text character by character
    assert all(unicodedata.normalize("NFKC", ch) == ch for ch in unicodedata.normalize("NFKC", text))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_key_of_a_key_is_itself(text):
    assert ja_key(ja_key(text)) == ja_key(text)
