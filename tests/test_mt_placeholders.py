"""Placeholders: glossary terms and placeables kept away from the model and put back after."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa.mt.placeholders import protect, restore

# samples/digests/arxiv-digest-2025-03-02.md, 2502.19634 (abstract, line 26)
JA_RESULT = "MedVLM-R1はMRI、CT、X線ベンチマーク全体で精度を55.11%から78.22%に向上させ、100万以上のサンプルで訓練されたより大きなモデルを上回ります。"
# samples/abstracts.jsonl, 2305.13718
EN_MODELS = "Specifically, we devise an auto-regressive objective variant of MERIt and integrate it with two LLM series, i.e., FLAN-T5 and LLaMA, with parameter size ranging from 3 billion to 13 billion."
# samples/abstracts.jsonl, 2502.19613
EN_TERMS = "We study self-rewarding reasoning large language models (LLMs), which can simultaneously generate step-by-step reasoning and evaluate the correctness of their outputs during the inference time-without external feedback."


@pytest.fixture(scope="module")
def glossary():
    from conftest import REPO

    from qa.glossary import load_glossary

    return load_glossary([REPO / "glossaries" / "ml-ja.yaml"])


def test_model_names_acronyms_and_numbers_in_japanese_are_protected():
    protected = protect(JA_RESULT, "ja")
    assert protected.text == "XQ0はXQ1、XQ2、X線ベンチマーク全体で精度をXQ3からXQ4に向上させ、100万以上のサンプルで訓練されたより大きなモデルを上回ります。"
    assert [(s.kind, s.source) for s in protected.slots] == [
        ("name", "MedVLM-R1"), ("name", "MRI"), ("name", "CT"), ("number", "55.11%"), ("number", "78.22%"),
    ]


def test_a_number_with_a_scale_word_is_left_to_the_model():
    protected = protect(EN_MODELS, "en")
    assert [s.source for s in protected.slots] == ["MERIt", "LLM", "FLAN-T5", "LLaMA"]
    assert "from 3 billion to 13 billion." in protected.text


def test_urls_latex_and_inline_code_are_protected_whole():
    text = "See https://github.com/microsoft/rStar. The loss $\\mathcal{L}(\\theta)$ is set by `--beam-size 4`."
    protected = protect(text, "en")
    assert protected.text == "See XQ0. The loss XQ1 is set by XQ2."
    assert [s.kind for s in protected.slots] == ["url", "latex", "code"]


def test_ordinary_words_and_ordinals_are_not_placeables():
    assert protect("In the 1st stage, Vision-Language Models are trained.", "en").slots == []


def test_restore_puts_placeables_back_verbatim():
    protected = protect(JA_RESULT, "ja")
    translation = "XQ0 improves accuracy from XQ3 to XQ4 on XQ1, XQ2 and X-ray benchmarks."
    restored = restore(translation, protected)
    assert restored.text == "MedVLM-R1 improves accuracy from 55.11% to 78.22% on MRI, CT and X-ray benchmarks."
    assert restored.dropped == []


def test_restore_accepts_what_a_model_makes_of_a_placeholder():
    protected = protect("Llama-3とQwen-2.5を用いた実験", "ja")
    restored = restore("Experiments with ＸＱ０ and XQ 1", protected)
    assert restored.text == "Experiments with Llama-3 and Qwen-2.5"


def test_placeholders_missing_from_the_translation_are_reported_as_dropped():
    protected = protect(JA_RESULT, "ja")
    restored = restore("XQ0 improves accuracy on XQ1 benchmarks.", protected)
    assert [s.source for s in restored.dropped] == ["CT", "55.11%", "78.22%"]


def test_a_placeholder_the_source_never_had_is_left_alone():
    protected = protect("Llama-3を用いた実験", "ja")
    assert restore("XQ0 and XQ7", protected).text == "Llama-3 and XQ7"


def test_text_that_looks_like_a_placeholder_is_protected_itself():
    protected = protect("XQ0 is a model name.", "en")
    assert restore(protected.text, protected).text == "XQ0 is a model name."


def test_glossary_terms_become_their_approved_japanese_rendering(glossary):
    protected = protect(EN_TERMS, "en", glossary)
    terms = [(s.source, s.replacement) for s in protected.slots if s.kind == "glossary"]
    assert terms == [
        ("self-rewarding", "自己報酬"),
        ("reasoning", "推論"),
        ("large language models", "大規模言語モデル"),
        ("LLMs", "LLMs"),  # an abbreviation stays as written: 大規模言語モデル（LLMs）
        ("step-by-step reasoning", "段階的推論"),
    ]


def test_glossary_terms_in_japanese_become_the_canonical_english(glossary):
    # samples/digests/arxiv-digest-2025-03-02.md line 6
    text = "第二段階では、ルールベースのシグナルを用いた強化学習（reinforcement learning）を通じて、モデルの応答の正確さを評価します。"
    protected = protect(text, "ja", glossary)
    assert [(s.source, s.replacement) for s in protected.slots] == [
        ("強化学習", "reinforcement learning"),
        ("reinforcement learning", "reinforcement learning"),
        ("正確さ", "accuracy"),
        ("評価", "evaluation"),
    ]


def test_a_lower_case_term_opening_an_english_sentence_is_capitalised(glossary):
    protected = protect("強化学習は有効です。", "ja", glossary)
    assert restore("XQ0 is effective.", protected).text == "Reinforcement learning is effective."


def test_a_model_name_opening_a_sentence_keeps_its_case():
    protected = protect("rStar-Mathは有効です。", "ja")
    assert restore("XQ0 is effective.", protected).text == "rStar-Math is effective."


LATIN_AND_KANA = st.text(alphabet=st.sampled_from(list("abcXQZ019.-%$` は、。")), max_size=60)


@given(LATIN_AND_KANA)
def test_a_model_that_copies_its_input_gets_the_source_back(text):
    protected = protect(text, "ja")
    restored = restore(protected.text, protected)
    assert restored.text == text
    assert restored.dropped == []


def test_text_that_already_looks_like_a_placeholder_comes_back_unchanged():
    protected = protect("0..XQ0", "ja")
    assert (protected.text, restore(protected.text, protected).text) == ("XQ0..XQ1", "0..XQ0")


def test_a_digit_right_after_a_placeholder_stays_text():
    protected = protect("$0$0Q-", "ja")
    assert (protected.text, restore(protected.text, protected).text) == ("XQ00Q-", "$0$0Q-")


def test_placeholder_indices_have_one_width_when_there_are_more_than_ten():
    protected = protect("a Llama-3 b 5 c 6 d 7 e 8 f 9 g 10 h 11 i 12 j 13 k 14", "en")
    assert protected.text == "a XQ00 b XQ01 c XQ02 d XQ03 e XQ04 f XQ05 g XQ06 h XQ07 i XQ08 j XQ09 k XQ10"
