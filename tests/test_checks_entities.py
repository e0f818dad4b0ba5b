"""Specification of the `entities.*` rules: names of the English sentence (models, datasets,
acronyms, URLs) missing from its Japanese translation, or spelled differently there.

Batches are built from the hand gold alignments as in test_checks_numbers.
"""

from __future__ import annotations

from test_checks_numbers import check, column, edited, gold, ml_glossary, record

# realm-abstract-page.md, related paper 2506.01713 (SRPO): a sentence of the English abstract, up to
# the framework it names, and the page's Japanese for it (line 35).
SRPO = {
    "id": "2506.01713",
    "abstract_en": "To overcome these challenges, we propose Multimodal Self-Reflection enhanced reasoning with Group "
    "Relative Policy Optimization (SRPO), a two-stage reflection-aware reinforcement learning (RL) framework.",
    "abstract_ja": "本稿では,2段階のリフレクション対応強化学習フレームワークであるグループ相対ポリシー最適化 (SRPO) "
    "を用いたマルチモーダル自己回帰強化推論を提案する。",
}


def test_the_hand_translations_keep_every_name(tmp_path):
    # Llama-3 / Qwen-2.5, MedVLM-R1 / MRI / CT, LLaMA3-8B / Phi3-mini-3.8B / the GitHub URL, GSM8K,
    # R2-T2, ReaLM / MRPV / EAAI: all carried over.
    papers = ["2502.19613", "2502.19634", "2502.20082", "2502.20238", "2502.20395", "2508.12387"]
    assert check(tmp_path, [record(p) for p in papers], ["entities"]) == []


def test_a_dropped_model_name_is_missing(tmp_path):
    # 2502.19613 EN 7 "Experiments with Llama-3 and Qwen-2.5 demonstrate …"
    sentences = edited("2502.19613", "Llama-3とQwen-2.5を", "Llama-3を")
    rec = record("2502.19613", sentences)
    assert check(tmp_path, [rec], ["entities"]) == [
        ("entities.missing", "warning", 1, column(rec, sentences[10]), sentences[10], "'Qwen-2.5' of the English is missing from the Japanese")
    ]


def test_a_name_spelled_another_way_is_a_variant_not_missing(tmp_path):
    # 2502.20082 names LLaMA3-8B in EN 2 and EN 3; the Japanese spells it Llama-3-8B both times.
    rec = record("2502.20082", [s.replace("LLaMA3-8B", "Llama-3-8B") for s in gold("2502.20082")["ja"]])
    first = column(rec, "Llama-3-8B")
    second = column(rec, "LongRoPE2はLlama-3-8B") + len("LongRoPE2は")
    message = "'Llama-3-8B' is written 'LLaMA3-8B' in the English"
    assert check(tmp_path, [rec], ["entities"]) == [
        ("entities.variant", "warning", 1, first, "Llama-3-8B", message),
        ("entities.variant", "warning", 1, second, "Llama-3-8B", message),
    ]


def test_an_acronym_rendered_by_its_glossary_term_is_not_missing(tmp_path):
    # RL → 強化学習 (and Self-Reflection → リフレクション) per glossaries/ml-ja.yaml.
    assert check(tmp_path, [SRPO], ["entities"], ml_glossary()) == []


def test_without_a_glossary_an_acronym_rendered_in_japanese_looks_dropped(tmp_path):
    sentence = SRPO["abstract_ja"]
    assert check(tmp_path, [SRPO], ["entities"]) == [
        ("entities.missing", "warning", 1, column(SRPO, sentence), sentence, "'Self-Reflection', 'RL' of the English are missing from the Japanese")
    ]


def test_a_name_moved_to_the_neighbouring_sentence_is_not_missing(tmp_path):
    # 2502.20082: the translator names LongRoPE2 where the English says "This" (EN 1) and writes
    # その有効性 for "the effectiveness of LongRoPE2" (EN 2).
    sentences = edited("2502.20082", "これは以下の3つの貢献", "LongRoPE2は以下の3つの貢献")
    sentences[2] = sentences[2].replace("LongRoPE2の有効性", "その有効性")
    assert "".join(sentences).count("LongRoPE2") == 3  # as often as in the English
    assert check(tmp_path, [record("2502.20082", sentences)], ["entities"]) == []
