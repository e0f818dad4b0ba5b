"""`qa score`: corpus BLEU (MeCab tokens for Japanese) and chrF with signatures, per line on demand."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import run_qa
from qa.errors import QaInputError
from qa.mt.scoring import guess_lang, score_files, score_segments

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("MeCab") is None, reason="Japanese BLEU needs the MT extra: pip install 'digest-qa[mt]' (sacrebleu[ja])"
)

# References: samples/digests/arxiv-digest-2025-03-02.md, 2502.19613; hypotheses: close rewordings.
JA_REFS = ["自己報酬型推論の大規模言語モデル（LLMs）について研究します。", "特に、自己修正の代表的なタスクに焦点を当てます。"]
JA_HYPS = ["自己報酬型推論の大規模言語モデルについて研究します。", "特に、自己修正の代表的なタスクに焦点を当てる。"]
# References: samples/abstracts.jsonl, 2502.19613.
EN_REFS = [
    "We study self-rewarding reasoning large language models (LLMs).",
    "This integrated approach allows a single model to independently guide its reasoning process.",
]
EN_HYPS = ["We study self-rewarding reasoning LLMs.", "This approach lets one model guide its reasoning."]


@pytest.fixture
def ja_files(tmp_path):
    hyp, ref = tmp_path / "hyp.txt", tmp_path / "ref.txt"
    hyp.write_text("\n".join(JA_HYPS) + "\n", encoding="utf-8")
    ref.write_text("\n".join(JA_REFS) + "\n", encoding="utf-8")
    return hyp, ref


def test_japanese_bleu_is_computed_on_mecab_tokens():
    report = score_segments(JA_HYPS, JA_REFS, "ja")
    bleu = report.corpus[0]
    assert (bleu.name, bleu.score) == ("BLEU", 74.63)
    assert bleu.signature == "nrefs:1|case:mixed|eff:no|tok:ja-mecab-0.996-IPA|smooth:exp|version:2.6.0"


def test_chrf_comes_with_its_signature():
    chrf = score_segments(JA_HYPS, JA_REFS, "ja").corpus[1]
    assert (chrf.name, chrf.score, chrf.detail) == ("chrF2", 79.61, "chrF2 = 79.61")
    assert chrf.signature == "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0"


def test_english_bleu_uses_the_13a_tokenizer():
    report = score_segments(EN_HYPS, EN_REFS, "en")
    assert [(m.name, m.score) for m in report.corpus] == [("BLEU", 16.28), ("chrF2", 46.73)]
    assert "tok:13a" in report.corpus[0].signature


def test_sentence_scores_are_given_per_line():
    report = score_segments(JA_HYPS, JA_REFS, "ja", sentences=True)
    assert [(s.line, s.bleu, s.chrf) for s in report.sentences] == [(1, 69.8, 73.75), (2, 79.65, 87.47)]


def test_one_mecab_tagger_serves_every_sentence(monkeypatch):
    from sacrebleu.tokenizers.tokenizer_ja_mecab import TokenizerJaMecab

    made = []
    original = TokenizerJaMecab.__init__
    monkeypatch.setattr(TokenizerJaMecab, "__init__", lambda self: (made.append(self), original(self))[1])
    score_segments(JA_HYPS * 20, JA_REFS * 20, "ja", sentences=True)
    assert len(made) == 2  # the corpus metric and the sentence metric (effective order), once each


def test_the_language_defaults_to_japanese_when_the_reference_has_kana(ja_files):
    assert score_files(*ja_files).lang == "ja"
    assert guess_lang(EN_REFS) == "en"


def test_files_of_different_lengths_are_an_input_error(ja_files):
    hyp, ref = ja_files
    hyp.write_text(JA_HYPS[0] + "\n", encoding="utf-8")
    with pytest.raises(QaInputError, match=f"{hyp} has 1 lines but {ref} has 2: one segment per line in both"):
        score_files(hyp, ref)


def test_qa_score_prints_scores_and_signatures(ja_files):
    result = run_qa("score", *map(str, ja_files), "--sentences")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "BLEU = 74.63 96.4/88.5/83.3/77.3 (BP = 0.867 ratio = 0.875 hyp_len = 28 ref_len = 32)",
        "  signature: nrefs:1|case:mixed|eff:no|tok:ja-mecab-0.996-IPA|smooth:exp|version:2.6.0",
        "chrF2 = 79.61",
        "  signature: nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0",
        "line 1: BLEU 69.80  chrF2 73.75",
        "line 2: BLEU 79.65  chrF2 87.47",
    ]


def test_qa_score_json(ja_files):
    report = json.loads(run_qa("score", *map(str, ja_files), "--json").stdout)
    assert (report["lang"], report["segments"], [m["score"] for m in report["corpus"]]) == ("ja", 2, [74.63, 79.61])


def test_qa_score_on_a_missing_file_exits_2(tmp_path):
    result = run_qa("score", str(tmp_path / "none.txt"), str(tmp_path / "ref.txt"))
    assert (result.returncode, result.stderr) == (2, f"qa: error: {tmp_path / 'none.txt'}: no such file\n")
