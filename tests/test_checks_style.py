"""Specification of the `style.*` rules, on fragments of the sample digests.

Each fragment is a real passage of samples/digests (trimmed to the lines that matter) inside the
smallest digest its format parser accepts; line numbers in the assertions are lines of the fragment.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.checks import run_checks
from qa.checks.style import ONE_CHARACTER_PARTICLES, register_of
from qa.config import Config, RuleConfig
from qa.pipeline import parse_source
from qa.source import SourceText

# Lines 1-8 and 14 (shortened) of samples/digests/realm-abstract-page.md: the page header the format needs.
REALM_HEADER = """\
論文の概要: ReaLM: Reflection-Enhanced Autonomous Reasoning with Small Language Models
- arxiv url: http://arxiv.org/abs/2508.12387v1
- Date: Sun, 17 Aug 2025 14:50:23 GMT
- ステータス: 翻訳完了
- システム内更新日: 2025-08-19 14:49:10.713674
- Title: ReaLM: Reflection-Enhanced Autonomous Reasoning with Small Language Models
- Title(参考訳): ReaLM: 小さな言語モデルによるリフレクション強化自律推論
- Authors: Yuanfeng Xu, Zehui Dai, Jian Liang, Jiapeng Guan, Guangrun Wang, Liang Lin, Xiaohui Lv,
- Abstract: Small Language Models (SLMs) are a cost-effective alternative to Large Language Models (LLMs).
"""


def paper_summary(section: str, body: str) -> str:
    """One paper of samples/digests/paper-summaries-2025-04.md with one question section."""
    return f"# Inference-Time Scaling for Complex Tasks\n\n[View Paper](http://arxiv.org/abs/2504.00294v1)\n\n## {section}\n\n{body}\n"


def check(text: str, rule: str, config: Config | None = None) -> list[tuple[int, int, str]]:
    src = SourceText("digest.md", text)
    findings = run_checks([(src, parse_source(src))], select=[rule], config=config)
    assert all(f.rule == rule for f in findings)
    return [(f.line, f.column, f.message) for f in findings]


# --- style.mixed_politeness ------------------------------------------------------------------

# samples/digests/realm-abstract-page.md lines 23-26: the Light-IF summary ends in です/ます.
LIGHT_IF = (
    REALM_HEADER
    + "- Abstract要約: 小型言語モデル (SLM) は大規模言語モデル (LLM) に代わる費用対効果がある。\n"
    + "関連論文リスト\n"
    + "- Light-IF: Endowing LLMs with Generalizable Reasoning via Preview and Self-Checking for Complex Instruction Following [10.119219532863767]\n"
    + "思考段階の怠慢な推論は 指示の順守に 寄与する主要な要因だ\n"
    + "本稿では、プレビューと自己チェックを含む厳密な推論プロセスを実現するための包括的フレームワークを提案する。\n"
    + "私たちのLight-IF-32Bモデルは、DeepSeek-R1のような大規模なオープンソースモデルと、Doubao-1.6のようなクローズドソースモデルの両方を上回っています。\n"
    + "論文 参考訳(メタデータ) (2025-08-05T07:42:00Z)\n"
)


def test_politeness_reports_the_minority_ending_of_a_section():
    assert check(LIGHT_IF, "style.mixed_politeness") == [
        (15, 1, "です/ます ending in a section written in だ/である (2 sentences)")
    ]


def test_politeness_majority_threshold_is_configurable():
    config = Config(rules={"style.mixed_politeness": RuleConfig(min_majority=3)})
    assert check(LIGHT_IF, "style.mixed_politeness", config) == []


# samples/digests/paper-summaries-2025-04.md lines 3817-3837 (CodeARC, question 5), shortened:
# the section is split evenly, but the prose under bullet 3 mixes inside itself.
CODEARC = paper_summary(
    "5. 技術的な詳細について",
    "CodeARCの技術的な詳細について、技術者向けに解説します。\n"
    "\n"
    "1.  **CodeARCの構成:**\n"
    "2.  **差分テストオラクルについて:**\n"
    "    プログラムの等価性判定は決定不能なので、完璧なオラクルは存在しない。そのため、以下のような差分テストツールを使用します。\n"
    "    これらのツールは、テストケースを生成して、合成された関数と正解の関数で結果が異なるものを見つける。",
)


def test_politeness_reports_a_paragraph_that_mixes_inside_an_evenly_split_section():
    assert check(CODEARC, "style.mixed_politeness") == [
        (11, 39, "です/ます ending in a paragraph written in だ/である (2 sentences)")
    ]


def test_politeness_counts_a_paragraph_indented_under_a_list_item_as_prose():
    # samples/digests/paper-summaries-2025-04.md lines 2456-2491 (2504.01005, question 5), shortened.
    text = paper_summary(
        "5. 技術的な詳細について",
        "本研究の技術的な詳細は以下の通りです。\n"
        "\n"
        "1.  **スケーリング則**:\n"
        "    *   GenRMにおける計算量と性能の関係をモデル化する。\n"
        "\n"
        "    詳細なスケーリング則は論文に記載されているが、基本的な考え方は、関数`Performance(n, m)`を最大化する`n`と`m`を見つけることである。"
        "ただし、`n * m <= C`という制約条件がある。",
    )
    assert check(text, "style.mixed_politeness") == [
        (7, 1, "です/ます ending in a section written in だ/である (2 sentences)")
    ]


def test_politeness_ignores_the_endings_of_bullet_lines():
    # samples/digests/paper-summaries-2025-04.md lines 75-79: bullets define in だ-style, then explain in です/ます.
    text = paper_summary(
        "2. どのようなアプローチでそれを解決しようとしたか",
        "*   **カスケード故障:** Sequential Decision Makingにおけるエラー伝播を防ぐためには、以下のような手法が考えられます。\n"
        "\n"
        "    *   **Error Correction:** エージェントが自身の行動を監視し、誤りを検出した場合に修正を行うメカニズムを導入する。\n"
        "    *   **Robust Policy Learning:** 強化学習において、ノイズや不確実性に強いポリシーを学習する。"
        "例えば、Distributional Reinforcement Learningは、報酬の分布を考慮することで、ロバスト性を向上させることができます。\n"
        "    *   **Planning with Uncertainty:** 将来の行動計画を立てる際に、不確実性を考慮する。",
    )
    assert check(text, "style.mixed_politeness") == []


def test_politeness_leaves_an_evenly_split_section_alone():
    text = paper_summary(
        "2. どのようなアプローチでそれを解決しようとしたか",
        "本研究では、固定された推論予算下で、GenRMとSCを比較評価することにより、この問題を解決しようと試みた。\n"
        "\n"
        "主な達成事項は以下の通りです。",
    )
    assert check(text, "style.mixed_politeness") == []


@pytest.mark.parametrize(
    ("sentence", "register"),
    [
        ("本研究の技術的な詳細は以下の通りです。", "polite"),
        ("条件を少し変えるだけで性能がガタ落ち、深刻です！😱", "polite"),
        ("今後の研究が期待されます。", "polite"),
        ("モデルは、計算を抑えつつ高い性能を発揮しました。", "polite"),
        ("思考段階の怠慢な推論は 指示の順守に 寄与する主要な要因だ", "plain"),
        ("見つけることである。", "plain"),
        ("複雑な推論に苦しむ。", "plain"),
        ("この問題を解決しようと試みた。", "plain"),
        ("他のシナリオへの適用が難しい。", "plain"),
        ("合成された関数と正解の関数で結果が異なるものを見つける。", "plain"),
        ("差分テストオラクルについて:", None),
        ("具体的な制限事項は本文がないため不明。", None),
        ("訓練不要で推論効率UP、性能は維持！", None),
        ("課題は論理の一貫性。#ビデオ理解", None),
    ],
)
def test_register_of_a_sentence_is_read_from_its_ending(sentence, register):
    assert register_of(sentence) == register


@given(st.sampled_from(["。", "！", "？", "）", "」", "😱", "**", " "]).flatmap(lambda c: st.text(alphabet=c, min_size=1, max_size=3)))
def test_register_ignores_closing_punctuation_and_emoji(tail):
    assert register_of("以下の通りです" + tail) == "polite"
    assert register_of("制約条件がある" + tail) == "plain"


# --- style.mixed_punctuation -----------------------------------------------------------------


def test_punctuation_reports_a_half_width_comma_used_as_a_japanese_comma():
    # samples/digests/realm-abstract-page.md lines 15-17
    text = (
        REALM_HEADER
        + "- Abstract(参考訳): SLM(Small Language Models)は、LLM(Large Language Models)の代用として費用対効果があるが、"
        "その能力の限界と、多段階推論においてミスや一貫性のない回答を生じる傾向があるため、複雑な推論に苦慮することが多い。\n"
        + "本稿では,垂直領域における堅牢かつ自己充足的推論のための強化学習フレームワークであるReaLMを紹介する。\n"
    )
    assert check(text, "style.mixed_punctuation") == [(11, 5, "comma ',' where the document uses '、' (4 times)")]


def test_punctuation_accepts_one_consistent_academic_style():
    text = paper_summary(
        "1. 既存研究では何ができなかったのか",
        "既存の手法は，推論経路を平均化する．そのため，個々の誤りを検出できない．",
    )
    assert check(text, "style.mixed_punctuation") == []


def test_punctuation_ignores_commas_in_numbers_and_english_lists():
    # samples/digests/paper-summaries-2025-04.md lines 1057 and 3900
    text = paper_summary(
        "6. コストや物理的な詳細について",
        "評価対象のモデルとして、o3-mini, LLaMA-3.1-8B-Instructなどが使用されており、7,368件の質問を生成した。",
    )
    assert check(text, "style.mixed_punctuation") == []


def test_punctuation_ignores_code():
    # samples/digests/paper-summaries-2025-04.md line 2922: a comment inside fenced code.
    text = paper_summary(
        "5. 技術的な詳細について",
        "データを連結する。\n\n```python\n# textsをトークン化し，連結する\ninput_ids = []\n```",
    )
    assert check(text, "style.mixed_punctuation") == []


# --- style.unbalanced_brackets ---------------------------------------------------------------


def test_brackets_report_a_full_width_opener_closed_half_width():
    # samples/digests/paper-summaries-2025-04.md line 2699
    text = paper_summary("5. 技術的な詳細について", "*   **アルゴリズム設計（3SAT、TSP):**")
    assert check(text, "style.unbalanced_brackets") == [(7, 24, "'（' closed by ')' of the other width")]


def test_brackets_report_an_opener_never_closed():
    text = paper_summary("2. どのようなアプローチでそれを解決しようとしたか", "MedVLM-R1（医用VLM を導入する。")
    assert check(text, "style.unbalanced_brackets") == [(7, 10, "'（' is never closed")]


def test_brackets_report_a_closer_never_opened():
    text = paper_summary("2. どのようなアプローチでそれを解決しようとしたか", "推論経路を対比する手法」を提案する。")
    assert check(text, "style.unbalanced_brackets") == [(7, 12, "'」' closes a bracket that was never opened")]


def test_brackets_accept_enumerators_without_an_opening_parenthesis():
    # samples/digests/realm-abstract-page.md line 42
    text = paper_summary(
        "2. どのようなアプローチでそれを解決しようとしたか",
        "そこで我々は,1)COAT推論形式を内部化するための小規模な形式調整段階,2)強化学習を活用した大規模自己改善段階を提案する。",
    )
    assert check(text, "style.unbalanced_brackets") == []


def test_brackets_accept_nesting_across_widths():
    # samples/digests/arxiv-digest-2025-03-02.md line 23: "(VLMs)" nested in full-width （…）.
    text = paper_summary(
        "1. 既存研究では何ができなかったのか",
        "視覚言語モデルの医療推論能力の向上（Incentivizing Medical Reasoning Capability of Vision-Language Models (VLMs) via Reinforcement Learning）",
    )
    assert check(text, "style.unbalanced_brackets") == []


PAIRS = [("（", "）"), ("(", ")"), ("「", "」"), ("『", "』"), ("【", "】")]
WORDS = st.sampled_from(["推論", "モデル", "LLM", "を改善する", "、", "。", " "])


def balanced():
    return st.recursive(
        st.lists(WORDS, max_size=3).map("".join),
        lambda inner: st.tuples(st.sampled_from(PAIRS), inner, inner).map(lambda t: t[1] + t[0][0] + t[2] + t[0][1]),
        max_leaves=6,
    )


@settings(max_examples=60, deadline=None)
@given(balanced())
def test_brackets_accept_any_balanced_nesting(body):
    text = paper_summary("1. 既存研究では何ができなかったのか", "提案手法" + body + "を示す。")
    assert check(text, "style.unbalanced_brackets") == []


# --- style.halfwidth_kana, style.mixed_width_alnum, style.doubled_word -----------------------


def test_halfwidth_katakana_is_reported():
    text = paper_summary("2. どのようなアプローチでそれを解決しようとしたか", "ﾓﾃﾞﾙを学習する。")
    assert check(text, "style.halfwidth_kana") == [(7, 1, "half-width katakana 'ﾓﾃﾞﾙ'")]


def test_fullwidth_digit_is_reported_in_a_half_width_document():
    # samples/digests/paper-summaries-2025-04.md lines 16 and 99
    text = paper_summary(
        "2. どのようなアプローチでそれを解決しようとしたか",
        "具体的には、以下の５つの側面からGUIエージェントの信頼性について議論しています。\n\n"
        "GUIエージェントの信頼性を5つの側面から分析し、2025年の研究動向を整理した。",
    )
    assert check(text, "style.mixed_width_alnum") == [
        (7, 10, "full-width '５' where the document writes letters and digits half-width")
    ]


def test_fullwidth_digits_are_accepted_when_the_document_writes_them_so():
    text = paper_summary("2. どのようなアプローチでそれを解決しようとしたか", "以下の５つの側面から分析し、２０２５年の動向を整理した。")
    assert check(text, "style.mixed_width_alnum") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("モデルをを学習する。", [(7, 4, "'を' written twice in a row")]),
        ("提案手法はthe the baselineを上回る。", [(7, 6, "'the' written twice in a row")]),
        ("性能はまだまだ改善の余地がある。", []),
        ("小さいものの、高い性能を示す。", []),
        ("限られたデータににもかかわらず、精度を向上させる。", [(7, 8, "'に' written twice in a row")]),
        ("これはしばしばモデルモデルが失敗する。", [(7, 8, "'モデル' written twice in a row")]),
    ],
)
def test_doubled_words(sentence, expected):
    text = paper_summary("3. 結果、何が達成できたのか", sentence)
    assert check(text, "style.doubled_word") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # tests/data/gold/2502.19634.json and 2508.12387.json: words, not doubled particles
        "限られた訓練データ（600のビジュアル質問応答サンプル）とモデルパラメータ（2B）にもかかわらず、精度を向上させる。",
        "典型的には、1つ以上の主要な側面のうち1つ以上のコストがかかる。",
        "これはしばしば訓練分布に過剰適合する。",
    ],
)
def test_common_words_with_a_doubled_kana_are_not_analysed(sentence, monkeypatch):
    monkeypatch.setattr("qa.checks.style.words", None)  # calling it would fail
    text = paper_summary("3. 結果、何が達成できたのか", sentence)
    assert check(text, "style.doubled_word") == []


def test_the_one_character_particles_are_all_those_of_the_dictionary():
    # MeCab's -a lists every word the analyser may read at a position. A one-character word is
    # read from its character alone (a dictionary entry or an unknown word of the character's
    # class), whatever surrounds it, so each character is read on its own.
    import fugashi

    every_reading = fugashi.Tagger("-a")
    characters = (chr(c) for c in range(1, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    particles = {c for c in characters for word in every_reading(c) if word.surface == c and word.feature.pos1 == "助詞"}
    assert particles == set(ONE_CHARACTER_PARTICLES)


def test_a_doubled_particle_after_a_nul_character_is_reported():
    # A bilingual JSONL record whose Japanese abstract holds a \u0000 escape before the slip.
    line = '{"id": "2502.20238", "abstract_en": "We propose a model.", "abstract_ja": "提案手法は\\u0000モデルをを学習する。"}\n'
    src = SourceText("batch.jsonl", line)
    findings = run_checks([(src, parse_source(src))], select=["style.doubled_word"])
    assert [(f.line, f.column, f.message) for f in findings] == [(1, line.index("をを") + 1, "'を' written twice in a row")]
