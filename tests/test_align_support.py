"""qa.align.support_summary: supporting abstract sentences, and what a summary adds."""

import json
from pathlib import Path

import pytest

from qa.align import support_summary
from qa.align.support import is_plain_word
from qa.segment import split_sentences

ABSTRACTS = Path(__file__).resolve().parent.parent / "samples" / "abstracts.jsonl"


def abstract(paper_id: str) -> list[str]:
    for line in ABSTRACTS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == paper_id:
            return [record["abstract"][s:e] for s, e in split_sentences(record["abstract"])]
    raise KeyError(paper_id)


@pytest.fixture(scope="module")
def medvlm():
    return abstract("2502.19634")


def test_restated_result_is_supported_by_its_sentence(medvlm):
    ja = "限られた訓練データ（600のビジュアル質問応答サンプル）とモデルパラメータ（2B）にもかかわらず、MedVLM-R1はMRI、CT、X線ベンチマーク全体で精度を55.11%から78.22%に向上させました。"
    (link,) = support_summary(medvlm, [ja])
    assert link.en == [4]
    assert link.unsupported is False and link.missing == []
    assert link.score >= 0.8


def test_number_absent_from_the_abstract_makes_the_sentence_unsupported(medvlm):
    ja = "MedVLM-R1は8基のA100 GPUで12時間訓練され、精度は78.22%に達しました。"
    (link,) = support_summary(medvlm, [ja])
    assert link.unsupported is True
    assert link.missing == ["8", "A100", "12"]  # GPU is generic: the count and the model are the claim
    assert link.en == [4]


def test_acronym_written_out_in_the_abstract_is_supported(medvlm):
    ja = "RLで学習したVLMが推論経路を発見します。"
    (link,) = support_summary(medvlm, [ja])
    assert "VLM" not in link.missing


def test_list_markers_and_ordinals_are_not_claims(medvlm):
    (link,) = support_summary(medvlm, ["第一に、(1) MedVLM-R1は推論を明示的に生成します。"])
    assert link.unsupported is False


def test_sentence_sharing_nothing_has_no_support(medvlm):
    (link,) = support_summary(medvlm, ["特に、以下のようなケースで問題が生じます。"])
    assert (link.en, link.score, link.unsupported) == ([], 0.0, False)


def test_one_link_per_japanese_sentence_in_order(medvlm):
    ja = ["MedVLM-R1を導入します。", "これは医用VLMです。", "特に問題はありません。"]
    assert [l.ja for l in support_summary(medvlm, ja)] == [[0], [1], [2]]


def test_expansion_of_an_acronym_the_abstract_has_is_not_missing():
    # LongRoPE2's abstract speaks of RoPE dimensions but never spells out Rotary Position Embedding.
    (link,) = support_summary(abstract("2502.20082"), ["高次RoPE（Rotary Position Embedding）次元での不十分なトレーニングがOOD問題の原因であるという仮説を立てています。"])
    assert (link.unsupported, link.missing) == (False, [])


def test_acronym_written_after_its_expansion_is_found_in_either_form():
    (link,) = support_summary(abstract("2503.23157"), ["Group Relative Policy Optimization (GRPO)の活用: GRPOを用いることで、入力ごとに複数の候補クエリを生成します。"])
    assert link.missing == []


def test_acronym_the_abstract_lacks_is_named_once_without_its_expansion_words():
    (link,) = support_summary(abstract("2503.24376"), ["RLアルゴリズム: GRPO（Group Relative Policy Optimization）を使用。"])
    assert link.missing == ["GRPO"]


def test_capitalised_ordinary_words_are_not_names():
    (link,) = support_summary(abstract("2503.22165"), ["本研究には、以下のLimitationsや問題点があります。"])
    assert (link.unsupported, link.missing) == (False, [])


def test_number_the_abstract_states_differently_stays_unsupported():
    # The abstract says 442 A100-40G GPU hours.
    (link,) = support_summary(abstract("2504.00595"), ["たった220 GPU時間で実現！"])
    assert (link.unsupported, link.missing) == (True, ["220"])


def test_missing_names_are_listed_once(medvlm):
    (link,) = support_summary(medvlm, ["GroundingDINOとGroundingDINOを比較します。"])
    assert link.missing == ["GroundingDINO"]


def test_a_wrong_power_of_ten_stays_unsupported():
    # realm-abstract-page.md line 49: the abstract says 13 billion (130億).
    ja = "我々はMERItの自己回帰的目的変数を考案し、パラメータサイズが30億から13億の2つのLLM系列、すなわちFLAN-T5とLLaMAと統合する。"
    (link,) = support_summary(abstract("2305.13718"), [ja])
    assert (link.unsupported, link.missing) == (True, ["13億"])


def test_a_numeral_ending_a_word_is_no_missing_count():
    # paper-summaries-2025-04.md line 329: 単一人 is single-person, not 一人 (one person).
    ja = "個々の制御とインタラクションの微調整: 単一人モーション生成モデルと複数人モーション生成モデルを組み合わせることで、個々の人物の動きと全体的なインタラクションを同時に制御することが可能になりました。"
    (link,) = support_summary(abstract("2504.01019"), [ja])
    assert (link.unsupported, link.missing) == (False, [])


def test_generic_names_are_left_out_but_the_hardware_stays():
    # paper-summaries-2025-04.md line 768; the Multi-Token Attention abstract names no hardware.
    (link,) = support_summary(abstract("2504.00927"), ["GPU: 32 NVIDIA H200 GPUs"])
    assert (link.unsupported, link.missing) == (True, ["32", "H200"])


def test_generic_names_alone_leave_a_sentence_supported():
    # paper-summaries-2025-04.md lines 780 and 1472 (性能UP, API, LLM: no claim the abstract lacks).
    (mta,) = support_summary(abstract("2504.00927"), ["MTA: 複数トークンAttentionでLLMの理解力UP！"])
    (api,) = support_summary(abstract("2503.23361"), ["クローズドウェイトLLMのAPI利用コストが高いため、探索範囲が制限される可能性があります。"])
    assert (mta.unsupported, mta.missing, api.unsupported, api.missing) == (False, [], False, [])


def test_a_date_is_supported_by_the_same_month_written_in_english():
    # 2504.01833: "published exclusively after March 2025"; paper-summaries-2025-04.md line 940.
    ja = "時間的知識の評価: 2025年3月以降に公開された7,000件以上の多様なドキュメントからなる新しいデータセットTempora-0325を導入しました。"
    (same,) = support_summary(abstract("2504.01833"), [ja])
    (other,) = support_summary(abstract("2504.01833"), [ja.replace("2025年3月", "2025年4月")])
    assert (same.missing, other.missing) == ([], ["2025年4月"])


@pytest.mark.parametrize(
    ("surface", "plain"),
    [("Limitations", True), ("Chain-of-Thought", True), ("Few-Shot", True), ("GRPO", False), ("RoPE", False),
     ("Reasoning-SQL", False), ("Qwen2.5-Coder", False), ("rStar", False), ("M_a", False)],
)
def test_plain_words_and_names(surface, plain):
    assert is_plain_word(surface) is plain
