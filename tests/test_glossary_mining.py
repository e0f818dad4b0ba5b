"""Specification of `qa glossary mine`: glossed term pairs, their Japanese left boundary, and
their relation to the glossary, on fragments and on the whole sample corpus."""

from __future__ import annotations

import pytest

from qa.glossary import load_glossary
from qa.glossary.mining import grouped, mine_pairs, sentence_pairs


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(["glossaries/ml-ja.yaml"])


@pytest.fixture(scope="module")
def mined(parsed, glossary):
    return mine_pairs(list(parsed.values()), glossary)


def pairs(text: str, glossary=None) -> list[tuple[str, str, str]]:
    return [(ja, en, pattern) for ja, en, pattern, _ in sentence_pairs(text, glossary)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # samples/digests/arxiv-digest-2025-03-02.md line 6: an adjective is not part of the term
        ("自己報酬と自己修正の両方のメカニズムを組み込んだ長い思考の連鎖（chain-of-thought）軌跡を合成するために", ("思考の連鎖", "chain-of-thought", "ja(en)")),
        # line 6: the noun compound up to the particle
        ("逐次的拒絶サンプリング（sequential rejection sampling）を使用します。", ("逐次的拒絶サンプリング", "sequential rejection sampling", "ja(en)")),
        # line 48: the abbreviation pattern, full-width brackets
        ("この弱点は最近、ビジョンエンコーダーを専門家混合（MoE）に置き換えることで緩和されました。", ("専門家混合", "MoE", "ja(abbr)")),
        # samples/digests/realm-abstract-page.md line 9: 日本語 (ABBR) with a space
        ("小型言語モデル (SLM) は大規模言語モデル (LLM) に代わる費用対効果がある。", ("小型言語モデル", "SLM", "ja(abbr)")),
        # samples/digests/rstar-math-article.txt line 19: English（日本語）, half-width brackets
        ("これは、MCTS(モンテカルロ木探索)を使用したインターフェースプロセスがより有効であることを示しています。", ("モンテカルロ木探索", "MCTS", "en(ja)")),
        # rstar line 8: a quoted term
        ("「自己進化型深層思考」(Self-Evolved Deep Thinking)という手法を導入しました。", ("自己進化型深層思考", "Self-Evolved Deep Thinking", "ja(en)")),
    ],
)
def test_the_japanese_term_ends_at_the_bracket_and_starts_at_its_morphological_boundary(text, expected):
    assert pairs(text)[0] == expected


def test_adjectival_forms_are_part_of_the_term_when_the_glossary_knows_them(glossary):
    # samples/digests/rstar-math-article.txt lines 12 and 13
    assert pairs("これは小規模な言語モデル(SLM)が数学的な推論能力を向上させるためのフレームワークです。", glossary) == [("小規模な言語モデル", "SLM", "ja(abbr)")]
    assert pairs("「rStar-Math」は、小さな言語モデル(SLM)を使用して独自の進化を遂げ", glossary) == [("小さな言語モデル", "SLM", "ja(abbr)")]


def test_a_known_rendering_inside_a_longer_compound_is_the_term(glossary):
    # samples/digests/arxiv-digest-2025-03-02.md line 26: 医用 qualifies the VLMs, it is not part of the term
    assert pairs("医用ビジュアル言語モデル（VLMs）は放射線科のタスクに有望であることを示していますが", glossary) == [("ビジュアル言語モデル", "VLMs", "ja(abbr)")]


def test_lists_instances_and_adjectives_in_brackets_are_not_glosses():
    # samples/digests/paper-summaries-2025-04.md lines 460, 1869 and 2426
    assert pairs("厳密な階層構造化されたデータセット（in-distribution, cross-environment, cross-environment-task）が不足していました。") == []
    assert pairs("各ノードは、視覚的(object query)、空間的(bounding box座標)、カテゴリ的属性を捉えます。") == []
    assert pairs("Self-Consistency (SC) とGenerative Reward Models (GenRM)を用いた研究") == []


def test_the_conflicting_renderings_of_the_samples_are_grouped_by_concept(mined):
    several = {heading: sorted(p.ja for p in members) for heading, many, members in grouped(mined) if many and members[0].concept}
    assert several["supervised fine-tuning"] == ["教師ありファインチューニング", "教師あり学習", "監督付きファインチューニング"]
    assert several["Monte Carlo tree search"] == ["モンテカルロツリー探索", "モンテカルロ木探索"]
    assert several["mixture-of-experts"] == ["専門家混合", "混合専門家モデル"]
    assert several["small language model"] == ["小さな言語モデル", "小型言語モデル", "小規模な言語モデル"]


def test_each_pair_says_how_it_relates_to_the_glossary(mined):
    relations = {(p.ja, p.en): (p.relation, p.count, [f"{f.rsplit('/', 1)[-1]}:{line}" for f, line in p.locations]) for p in mined}
    assert relations[("監督付きファインチューニング", "SFT")] == ("forbidden", 2, ["arxiv-digest-2025-03-02.md:26", "arxiv-digest-2025-03-02.md:33"])
    assert relations[("教師あり学習", "SFT")] == ("conflicts", 1, ["paper-summaries-2025-04.md:1086"])
    assert relations[("モンテカルロツリー探索", "MCTS")] == ("variant", 1, ["rstar-math-article.txt:12"])
    assert relations[("小型言語モデル", "SLM")] == ("variant", 1, ["realm-abstract-page.md:9"])
    assert relations[("専門家混合", "MoE")] == ("matches", 2, ["arxiv-digest-2025-03-02.md:48", "arxiv-digest-2025-03-02.md:52"])
    assert relations[("テスト時再ルーティング", "Re-Routing in Test-Time")] == ("new", 2, ["arxiv-digest-2025-03-02.md:48", "arxiv-digest-2025-03-02.md:55"])


def test_a_conflict_names_the_approved_rendering_and_the_concept_the_japanese_belongs_to(mined):
    conflict = next(p for p in mined if (p.ja, p.en) == ("教師あり学習", "SFT"))
    assert conflict.detail == "approved: 教師ありファインチューニング; 教師あり学習 is the rendering of `supervised learning`"
