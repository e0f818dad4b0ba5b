"""qa.align.support_summary: supporting abstract sentences, and what a summary adds."""

import json
from pathlib import Path

import pytest

from qa.align import support_summary
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
    assert link.missing == ["8", "A100", "GPU", "12"]
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
