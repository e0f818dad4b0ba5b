"""Specification of the `artifact.*` rules: text a generating model or a scraped site left behind.

Fragments are passages of samples/digests; line numbers in the assertions are lines of the fragment.
"""

from __future__ import annotations

import json

import pytest

from qa.checks import run_checks
from qa.pipeline import parse_source
from qa.source import SourceText


def check(text: str, rule: str, path: str = "digest.md") -> list[tuple[int, int, str]]:
    src = SourceText(path, text)
    return [(f.line, f.column, f.message) for f in run_checks([(src, parse_source(src))], select=[rule])]


def paper(section: str, body: str, title: str = "CodeARC: Benchmarking Reasoning Capabilities of LLM Agents for Inductive Program Synthesis", arxiv_id: str = "2503.23145") -> str:
    """One paper of samples/digests/paper-summaries-2025-04.md with one question section."""
    return f"# {title}\n\n[View Paper](http://arxiv.org/abs/{arxiv_id}v1)\n\n## {section}\n\n{body}\n"


# --- artifact.meta_commentary ----------------------------------------------------------------


def test_commentary_about_the_title_is_reported():
    # samples/digests/arxiv-digest-2025-03-02.md lines 88-90
    text = (
        "# arXiv 論文要約 (2025-03-02)\n\n"
        "## [FINEREASON: 反省的なパズル解決を通じたLLMsの熟考型推論の評価と改善\n\n"
        "このタイトルは、機械学習モデル（特に大規模言語モデル、LLMs）がパズルを解く際に反省的なプロセスを用いて"
        "どのように推論を行うかを評価し、その推論能力を改善する方法についての研究を示しています。](http://arxiv.org/abs/2502.20238v1)\n\n"
        "**アブストラクト**:\n多くの課題は、熟考型推論を必要とします。\n\n**要約**:\n1. **研究の目的と背景**:\n   LLMsの推論を評価する。\n"
    )
    assert check(text, "artifact.meta_commentary") == [
        (
            5,
            1,
            "text written by a generating model, not part of the digest: 'このタイトルは、機械学習モデル（特に大規模言語モデル、LLMs）"
            "がパズルを解く際に反省的なプロセスを用いてどのように推論を行うかを評価し、その推論能力を改善する方法についての研究を示しています'",
        )
    ]


def test_a_chat_preamble_between_two_papers_is_reported_once():
    # samples/digests/paper-summaries-2025-04.md lines 1844-1851
    text = (
        paper("8. この論文を140字以内のツイートで要約すると？", "GeometryCrafterは、ビデオから高精度な3D geometryを推定する新手法。")
        + "\n---\n\nはい、承知いたしました。以下に、ご指示いただいたフォーマットで回答を記載します。\n\n"
        + paper("1. 既存研究では何ができなかったのか", "既存の手法は、複雑なクエリを扱えなかった。", "MB-ORES: A Multi-Branch Object Reasoner for Visual Grounding in Remote Sensing", "2503.24219")
    )
    assert check(text, "artifact.meta_commentary") == [
        (11, 1, "text written by a generating model, not part of the digest: 'はい、承知いたしました'")
    ]


def test_an_english_chat_reply_is_reported():
    text = paper("3. 結果、何が達成できたのか", "Sure, here is the summary of the paper. CodeARCはLLMの帰納的推論を評価する。")
    assert check(text, "artifact.meta_commentary") == [
        (7, 1, "text written by a generating model, not part of the digest: 'Sure, here is'")
    ]


def test_the_reviewer_voice_the_questions_ask_for_is_not_commentary():
    # samples/digests/paper-summaries-2025-04.md line 42: question 4 asks for the reviewer's own view.
    text = paper("4. Limitationや問題点は何か", "私が考える問題点：\n\n*   **評価指標:** 成功率などの評価指標は、LLMの性能を完全に捉えているとは限りません。")
    assert check(text, "artifact") == []


# --- artifact.missing_source -----------------------------------------------------------------


def test_a_section_admitting_the_paper_was_not_read_is_reported():
    # samples/digests/paper-summaries-2025-04.md line 4033
    text = paper("7. 参考文献のうち、特に参照すべきもの", "本文がないため、参考文献リストが提供されていません。")
    assert check(text, "artifact.missing_source") == [
        (7, 1, "filler instead of content: the writer says the paper's information was not available to it: '本文がないため'")
    ]


def test_a_paragraph_of_excuses_is_reported_once():
    # samples/digests/paper-summaries-2025-04.md line 2495, shortened.
    text = paper(
        "6. コストや物理的な詳細について",
        "論文のabstractと本文からは、トレーニングに使用したGPUの数や時間などの具体的なコストや物理的な詳細に関する情報は抽出できませんでした。"
        "これらの詳細については、論文の全文を参照するか、著者らに直接問い合わせる必要があります。",
    )
    assert check(text, "artifact.missing_source") == [
        (7, 59, "filler instead of content: the writer says the paper's information was not available to it: '情報は抽出できませんでした'")
    ]


def test_sending_the_reader_to_the_authors_is_filler():
    # samples/digests/paper-summaries-2025-04.md line 3906
    text = paper("6. コストや物理的な詳細について", "より詳細な情報については、論文の著者に直接問い合わせるか、関連する技術レポートや論文を参照する必要があります。")
    assert check(text, "artifact.missing_source") == [
        (7, 17, "filler instead of content: the writer says the paper's information was not available to it: '著者に直接問い合わせ'")
    ]


def test_saying_a_detail_is_not_in_the_paper_is_an_answer_not_filler():
    # samples/digests/paper-summaries-2025-04.md line 2406
    text = paper("6. コストや物理的な詳細について", "*   **具体的な数値**: コストやGPUの数、学習時間などの具体的な数値は論文中に記載されていません。")
    assert check(text, "artifact") == []


# --- artifact.placeholder --------------------------------------------------------------------


def test_an_unfilled_value_placeholder_is_reported():
    # samples/digests/paper-summaries-2025-04.md line 505
    text = paper("5. 技術的な詳細について", "*   フレーム解像度を`(フレーム解像度の具体的な数値)`に設定")
    assert check(text, "artifact.placeholder") == [(7, 14, "placeholder left in the text: '(フレーム解像度の具体的な数値)'")]


def test_a_note_deferring_the_content_to_the_paper_is_a_placeholder():
    # samples/digests/paper-summaries-2025-04.md line 3836, shortened.
    text = paper("5. 技術的な詳細について", "そのため、以下のような差分テストツールを使用します。 (具体的なツール名は本文を参照)")
    assert check(text, "artifact.placeholder") == [(7, 28, "placeholder left in the text: '(具体的なツール名は本文を参照)'")]


def test_every_placeholder_of_a_paragraph_is_reported():
    text = paper("6. コストや物理的な詳細について", "学習にはTODO枚のGPUを〇〇時間使用した。")
    assert check(text, "artifact.placeholder") == [
        (7, 5, "placeholder left in the text: 'TODO'"),
        (7, 15, "placeholder left in the text: '〇〇'"),
    ]


# --- artifact.boilerplate --------------------------------------------------------------------


def test_site_boilerplate_in_an_article_is_reported():
    # samples/digests/rstar-math-article.txt lines 4-7
    text = (
        "論文:rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking\n"
        "本記事で使用している画像は論文中の図表、またはそれを参考に作成した画像を使用しております。\n"
        "本論文の概要\n"
        "論文「rStar-Math」では、小型のLLMを数学的思考のタスクに適用し、その性能を高める方法が提案されています。\n"
    )
    assert check(text, "artifact.boilerplate", path="article.txt") == [
        (2, 1, "boilerplate of the source site copied into the digest: '本記事で使用している画像は'")
    ]


# --- artifact.unfinished ---------------------------------------------------------------------


def test_a_paragraph_cut_off_after_a_comma_is_unfinished():
    text = paper("2. どのようなアプローチでそれを解決しようとしたか", "CodeARCは、エージェントがターゲット関数にクエリし、候補プログラムを合成し、\n\n次の段落。")
    assert check(text, "artifact.unfinished") == [(7, 1, "the paragraph ends mid-sentence")]


@pytest.mark.parametrize(
    "body",
    [
        # samples/digests/paper-summaries-2025-04.md line 2193: a lead-in to the list below it.
        "著者が考える問題点として、\n\n*   **評価指標:** 成功率は性能を完全に捉えていない。",
        # a tweet that ends on its hashtags (line 3092)
        "ストリーミング動画理解の新たな挑戦！OmniMMIベンチマークを開発。#動画理解",
        # a finished sentence
        "CodeARCは、LLMの帰納的推論能力を評価する。",
    ],
)
def test_finished_paragraphs_and_lead_ins_are_not_unfinished(body):
    assert check(paper("4. Limitationや問題点は何か", body), "artifact.unfinished") == []


# --- artifact.duplicate_paragraph ------------------------------------------------------------


def test_a_paragraph_repeated_in_another_section_is_reported():
    repeated = "プログラムの等価性判定は決定不能なので、完璧なオラクルは存在しない。そのため、差分テストツールを使用する。"
    text = paper("3. 結果、何が達成できたのか", repeated) + f"\n## 4. Limitationや問題点は何か\n\n{repeated}\n"
    assert check(text, "artifact.duplicate_paragraph") == [(11, 1, "paragraph repeats the one at line 7")]


def test_a_repeated_english_abstract_is_given_as_english_evidence():
    # tests/data/gold/2502.20238.json: two records of a bilingual JSONL with the same abstract
    abstract = "Many challenging reasoning tasks require not just rapid, intuitive responses, but a more deliberate, multi-step approach."
    lines = [
        json.dumps({"id": f"2502.2023{n}", "title": "FINEREASON", "abstract_en": abstract, "abstract_ja": f"要約{n}です。"}, ensure_ascii=False)
        for n in (8, 9)
    ]
    src = SourceText("batch.jsonl", "\n".join(lines) + "\n")
    [finding] = run_checks([(src, parse_source(src))], select=["artifact.duplicate_paragraph"])
    assert (finding.line, finding.paper, finding.en, finding.ja) == (2, "2502.20239", abstract, None)


def test_short_repeated_labels_are_not_duplicates():
    # "本文で言及されている問題点:" opens question 4 of many papers.
    label = "本文で言及されている問題点:"
    text = paper("4. Limitationや問題点は何か", label) + f"\n## 5. 技術的な詳細について\n\n{label}\n"
    assert check(text, "artifact.duplicate_paragraph") == []
