"""qa.align.align_sentences: the hand gold, invented and deleted sentences, the wrong abstract."""

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from qa.align import align_by_length, align_sentences
from qa.align.evaluate import as_beads, score_alignments
from qa.align.features import japanese_features, loanword_keys

GOLD = sorted((Path(__file__).resolve().parent / "data" / "gold").glob("*.json"))


def gold(paper_id: str) -> dict:
    return json.loads(next(p for p in GOLD if p.stem == paper_id).read_text(encoding="utf-8"))


def beads(links) -> list:
    return [(l.en, l.ja) for l in links]


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_gold_alignment_is_reproduced(path):
    g = json.loads(path.read_text(encoding="utf-8"))
    assert [list(b) for b in beads(align_sentences(g["en"], g["ja"]))] == g["links"]


def test_one_to_three_split_is_found():
    g = gold("2502.19613")
    assert beads(align_sentences(g["en"], g["ja"]))[0] == ([0], [0, 1, 2])


def test_length_baseline_misses_what_the_lexical_evidence_finds():
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD]
    reference = [as_beads(g["links"]) for g in golds]
    ours = score_alignments(reference, [as_beads(align_sentences(g["en"], g["ja"])) for g in golds])
    baseline = score_alignments(reference, [as_beads(align_by_length(g["en"], g["ja"])) for g in golds])
    assert ours.strict_f1 == 1.0
    assert baseline.strict_f1 < 0.95


def test_invented_japanese_sentence_is_a_zero_to_one_link():
    g = gold("2502.20082")
    invented = "この手法は医療画像診断にも応用され、専門医と同等の精度を達成しています。"
    links = align_sentences(g["en"], g["ja"] + [invented])
    assert beads(links)[-2:] == [([4], [4]), ([], [5])]


def test_invented_sentence_in_the_middle():
    g = gold("2508.12387")
    invented = "なお、本手法は2024年に特許を取得しており、商用利用には許諾が必要である。"
    ja = g["ja"][:3] + [invented] + g["ja"][3:]
    assert ([], [3]) in beads(align_sentences(g["en"], ja))


def test_deleted_japanese_sentence_leaves_a_one_to_zero_link():
    g = gold("2502.20082")
    ja = g["ja"][:2] + g["ja"][3:]  # the sentence about LLaMA3-8B and Phi3-mini-3.8B is dropped
    assert beads(align_sentences(g["en"], ja)) == [([0], [0]), ([1], [1]), ([2], []), ([3], [2]), ([4], [3])]


def test_confidence_is_high_for_the_translation_and_low_for_another_abstract():
    g, other = gold("2502.20395"), gold("2508.12387")
    right = [l.score for l in align_sentences(g["en"], g["ja"])]
    wrong = [l.score for l in align_sentences(g["en"], other["ja"]) if l.en and l.ja]
    assert min(right) >= 0.9
    assert max(wrong) < 0.5


def test_confidences_are_probabilities():
    for path in GOLD:
        g = json.loads(path.read_text(encoding="utf-8"))
        assert all(0.0 <= l.score <= 1.0 for l in align_sentences(g["en"], g["ja"][::-1]))


def test_empty_sides():
    assert beads(align_sentences(["One sentence."], [])) == [([0], [])]
    assert beads(align_sentences([], ["一文です。"])) == [([], [0])]


def test_loanwords_carry_their_english_origin():
    assert loanword_keys("ベンチマークでパフォーマンスを評価") == [
        ("word", "bench"), ("word", "mark"), ("word", "benchmark"), ("word", "performanc"),
    ]


@dataclass
class Match:
    entry: str


class TermGlossary:
    """The glossary interface the aligner uses: match_en / match_ja return matches with .entry."""

    def match_en(self, text):
        return [Match("rejection sampling")] if "rejection sampling" in text else []

    def match_ja(self, text):
        return [Match("rejection sampling")] if "棄却サンプリング" in text else []


def test_glossary_concepts_are_shared_keys():
    features = japanese_features("逐次的棄却サンプリングを使用します。", TermGlossary())
    assert features.keys[("term", "rejection sampling")] == 1
    en = ["We use sequential rejection sampling.", "Then we train."]
    ja = ["逐次的棄却サンプリングを使用します。", "その後に学習します。"]
    assert beads(align_sentences(en, ja, glossary=TermGlossary())) == [([0], [0]), ([1], [1])]
