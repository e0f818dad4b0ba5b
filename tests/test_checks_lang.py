"""Specification of the `lang.*` rules, on fragments of the sample digests.

Line numbers in the assertions are lines of the fragment.
"""

from __future__ import annotations

from qa.checks import run_checks
from qa.pipeline import parse_source
from qa.source import SourceText


def check(text: str, family: str = "lang") -> list[tuple[str, int, int, str]]:
    src = SourceText("digest.md", text)
    return [(f.rule, f.line, f.column, f.message) for f in run_checks([(src, parse_source(src))], select=[family])]


def mb_ores(section: str, body: str) -> str:
    """One paper of samples/digests/paper-summaries-2025-04.md (2503.24219) with one question section."""
    return f"# MB-ORES: A Multi-Branch Object Reasoner for Visual Grounding in Remote Sensing\n\n[View Paper](http://arxiv.org/abs/2503.24219v1)\n\n## {section}\n\n{body}\n"


def daily_entry(abstract: str, summary: str) -> str:
    """One entry of samples/digests/arxiv-digest-2025-03-02.md (2502.19613)."""
    return (
        "# arXiv 論文要約 (2025-03-02)\n\n"
        "## [数学的推論のための自己報酬型修正](http://arxiv.org/abs/2502.19613v1)\n\n"
        f"**アブストラクト**:\n{abstract}\n\n**要約**:\n1. **研究の目的と背景**:\n   {summary}\n"
    )


def test_untranslated_english_sentence_in_a_japanese_list_is_reported():
    # samples/digests/paper-summaries-2025-04.md lines 1981-1984
    text = mb_ores(
        "6. コストや物理的な詳細について",
        "*   **Object Feature Dimension:** D\\_obj = 256\n"
        "*   **Number of object queries:** Top N queries selected. The value of N is not given, "
        "but the paper mentions a trade-off between average recall and computational efficiency.\n"
        "*   **具体的なGPUの種類や数、トレーニング時間** は記載されていません。\n"
        "*   **モデルのサイズ:** 最適な構成（4 heads, 3 layers, multi-branch）で7.97Mパラメータ。",
    )
    assert check(text) == [("lang.untranslated", 8, 59, "English sentence left untranslated in Japanese text")]


def test_english_reference_titles_are_citations_not_untranslated_text():
    # samples/digests/paper-summaries-2025-04.md lines 286-292
    text = mb_ores(
        "7. 参考文献のうち、特に参照すべきもの",
        "以下の参考文献は、本研究を理解する上で特に重要です。\n\n"
        "*   **Chain of Thought Prompting Elicits Reasoning in Large Language Models:** CoTの基本的なアイデアを提案した論文\n"
        "*   **Self-Consistency Improves Chain of Thought Reasoning in Language Models:** "
        "CoTの性能を向上させるためのself-consistencyのアイデアを提案した論文\n"
        "*   **Toolformer: Language Models Can Teach Themselves to Use Tools:** LLMが外部ツールを使用する際の推論能力に関する研究",
    )
    assert check(text) == []


def test_names_terms_and_code_inside_japanese_prose_are_not_untranslated():
    # samples/digests/paper-summaries-2025-04.md lines 1660-1663 and 2463-2469
    text = mb_ores(
        "5. 技術的な詳細について",
        "Llama-3.2-VisionのKVキャッシュを削減！cross-attentionのスパース性を利用し、"
        "重要度の低い視覚特徴を削減するTrimmed-Llamaを提案。\n\n"
        "```python\ndef self_consistency(problem, n):\n  # Return the most frequent solution among the samples\n"
        "  solutions = [solve(problem) for _ in range(n)]\n```",
    )
    assert check(text) == []


def test_abstract_left_in_english_is_a_section_in_the_wrong_language():
    # The English abstract of 2502.19613 (samples/abstracts.jsonl) in the Japanese slot.
    text = daily_entry(
        "We study self-rewarding reasoning large language models (LLMs), which can simultaneously generate "
        "step-by-step reasoning and evaluate the correctness of their outputs during the inference time-without "
        "external feedback. This integrated approach allows a single model to independently guide its reasoning process.",
        "この研究は、大規模言語モデル（LLMs）が自己報酬型推論を通じて数学的推論を行う能力を向上させることを目的としています。",
    )
    assert check(text) == [("lang.wrong_section", 5, 1, "section abstract_ja should be ja but reads as en")]


def test_japanese_in_the_english_abstract_field_is_reported():
    # samples/digests/realm-abstract-page.md lines 1-9 with the Japanese summary pasted into "Abstract".
    text = (
        "論文の概要: ReaLM: Reflection-Enhanced Autonomous Reasoning with Small Language Models\n"
        "- arxiv url: http://arxiv.org/abs/2508.12387v1\n"
        "- Date: Sun, 17 Aug 2025 14:50:23 GMT\n"
        "- Title: ReaLM: Reflection-Enhanced Autonomous Reasoning with Small Language Models\n"
        "- Title(参考訳): ReaLM: 小さな言語モデルによるリフレクション強化自律推論\n"
        "- Abstract: Small Language Models (SLMs) are a cost-effective alternative to Large Language Models (LLMs). "
        "小型言語モデル (SLM) は大規模言語モデル (LLM) に代わる費用対効果の高い選択肢である。\n"
    )
    assert check(text) == [("lang.japanese_in_english", 6, 108, "Japanese text in an English field")]
