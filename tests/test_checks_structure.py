"""Specification of the `structure.*` rules, on fragments of the sample digests.

Line numbers in the assertions are lines of the fragment.
"""

from __future__ import annotations

from functools import lru_cache

from conftest import SUMMARY_QUESTIONS

from qa.abstracts import load_records
from qa.checks import run_checks
from qa.pipeline import parse_source
from qa.source import SourceText

# samples/digests/paper-summaries-2025-04.md line 2503: a tweet of 142 characters.
LONG_TWEET = (
    "LLMの推論、解く？検証する？🧐 計算量最適化の観点から、Self-Consistency(SC)とGenerative Reward Model(GenRM)を比較。"
    "意外にもSCが効率的！解生成をスケールさせる方が効果的らしい。推論戦略を見直そう！ #LLM #推論 #計算量最適化"
)
# Line 1844: a tweet of 139 characters.
TWEET_WITHIN_LIMIT = (
    "GeometryCrafterは、ビデオから高精度な3D geometryを推定する新手法。Point Map VAEとビデオ拡散モデルを組み合わせ、"
    "時間的な一貫性と汎化性能を実現。3D再構成やビデオ編集への応用も！ #3D再構成 #拡散モデル #GeometryCrafter"
)


def paper(title: str, arxiv_id: str, answers: dict[int, str] | None = None, tweet: str = TWEET_WITHIN_LIMIT) -> str:
    """A paper of samples/digests/paper-summaries-2025-04.md: all eight questions unless answers says otherwise."""
    answers = {n: "本研究では、推論予算下でGenRMとSCを比較評価した。" for n in range(1, 8)} | {8: tweet} | (answers or {})
    sections = "".join(f"## {SUMMARY_QUESTIONS[n - 1]}\n\n{text}\n\n" if text is not None else "" for n, text in sorted(answers.items()))
    return f"# {title}\n\n[View Paper](http://arxiv.org/abs/{arxiv_id}v1)\n\n{sections}"


SOLVE_OR_VERIFY = "When To Solve, When To Verify: Compute-Optimal Problem Solving and Generative Verification for LLM Reasoning"


@lru_cache(maxsize=1)
def sample_abstracts():
    return load_records(["samples/abstracts.jsonl"])


def check(text: str, rule: str, abstracts=None, path: str = "digest.md") -> list[tuple[int, int, str]]:
    src = SourceText(path, text)
    findings = run_checks([(src, parse_source(src))], abstracts=abstracts, select=[rule])
    return [(f.line, f.column, f.message) for f in findings]


def test_a_complete_paper_passes_every_structure_rule():
    text = paper(SOLVE_OR_VERIFY, "2504.01005")
    assert check(text, "structure", abstracts=sample_abstracts()) == []


def test_the_same_paper_twice_is_a_duplicate():
    first = paper(SOLVE_OR_VERIFY, "2504.01005")
    text = first + "---\n\n" + first
    second_title_line = first.count("\n") + 3
    assert check(text, "structure.duplicate_paper") == [(second_title_line, 1, "paper 2504.01005 already appears at line 1")]


def test_a_paper_without_its_tweet_misses_question_8():
    text = paper(SOLVE_OR_VERIFY, "2504.01005", {8: None})
    assert check(text, "structure.missing_section") == [(1, 1, "missing section(s): question-8")]


def test_a_daily_entry_without_its_summary_misses_it():
    # samples/digests/arxiv-digest-2025-03-02.md lines 1-7 (2502.19613) without "**要約**:".
    text = (
        "# arXiv 論文要約 (2025-03-02)\n\n"
        "## [数学的推論のための自己報酬型修正](http://arxiv.org/abs/2502.19613v1)\n\n"
        "**アブストラクト**:\n自己報酬型推論の大規模言語モデル（LLMs）について研究します。\n"
    )
    assert check(text, "structure.missing_section") == [(3, 1, "missing section(s): summary")]


def test_a_heading_followed_by_the_next_heading_is_an_empty_section():
    text = paper(SOLVE_OR_VERIFY, "2504.01005", {6: ""})
    assert check(text, "structure.empty_section") == [(25, 1, "section question-6 is empty")]


def test_a_tweet_longer_than_its_heading_promises_is_reported():
    text = paper(SOLVE_OR_VERIFY, "2504.01005", tweet=LONG_TWEET)
    assert check(text, "structure.length") == [(35, 1, "142 characters where the heading promises at most 140")]


def test_a_tweet_within_the_limit_passes():
    assert len(TWEET_WITHIN_LIMIT) == 139
    assert check(paper(SOLVE_OR_VERIFY, "2504.01005"), "structure.length") == []


def test_line_breaks_inside_a_tweet_do_not_count():
    wrapped = TWEET_WITHIN_LIMIT.replace("新手法。", "新手法。\n").replace("実現。", "実現。\n")
    assert check(paper(SOLVE_OR_VERIFY, "2504.01005", tweet=wrapped), "structure.length") == []


def realm_page(date: str) -> str:
    """samples/digests/realm-abstract-page.md lines 1-3, 6-7 and 14 (shortened) with the given Date."""
    return (
        "論文の概要: ReaLM: Reflection-Enhanced Autonomous Reasoning with Small Language Models\n"
        "- arxiv url: http://arxiv.org/abs/2508.12387v1\n"
        f"- Date: {date}\n"
        "- Title: ReaLM: Reflection-Enhanced Autonomous Reasoning with Small Language Models\n"
        "- Title(参考訳): ReaLM: 小さな言語モデルによるリフレクション強化自律推論\n"
        "- Abstract: Small Language Models (SLMs) are a cost-effective alternative to Large Language Models (LLMs).\n"
    )


def test_a_date_before_the_month_of_the_arxiv_id_is_reported():
    assert check(realm_page("Tue, 17 Jun 2025 14:50:23 GMT"), "structure.id_date") == [
        (1, 1, "date 2025-06-17 is before 2025-08, the month its arXiv id 2508.12387 was issued")
    ]


def test_the_date_of_the_sample_matches_its_arxiv_id_and_record():
    assert check(realm_page("Sun, 17 Aug 2025 14:50:23 GMT"), "structure.id_date", abstracts=sample_abstracts()) == []


def test_a_later_date_is_a_revision_not_an_inconsistency():
    assert check(realm_page("Mon, 15 Sep 2025 09:00:00 GMT"), "structure.id_date") == []


# samples/digests/arxiv-digest-2025-03-02.md lines 43-49: the title link runs across a blank line.
R2_T2 = (
    "# arXiv 論文要約 (2025-03-02)\n\n"
    "## [R2-T2: テスト時におけるマルチモーダル混合専門家モデルの再ルーティング\n\n"
    "このタイトルは、テスト時にマルチモーダル（multimodal）な混合専門家モデル（mixture-of-experts）の"
    "再ルーティング（re-routing）についての研究を示しています。](http://arxiv.org/abs/2502.20395v1)\n\n"
    "**アブストラクト**:\n大規模マルチモーダルモデル（LMMs）では、非言語モーダリティの認識が課題です。\n\n"
    "**要約**:\n1. **研究の目的と背景**:\n   この研究は、LMMsの性能向上を目的としています。\n"
)


def test_a_title_link_running_across_a_blank_line_is_broken():
    assert check(R2_T2, "structure.broken_link") == [
        (3, 5, "the link text runs across a blank line, so Markdown renders no link and no heading")
    ]


def test_a_malformed_paper_url_is_reported():
    text = paper(SOLVE_OR_VERIFY, "2504.01005").replace("http://arxiv.org/abs/2504.01005v1", "http:/arxiv/abs/2504.01005v1")
    assert check(text, "structure.broken_link") == [(1, 1, "malformed URL 'http:/arxiv/abs/2504.01005v1'")]


def test_links_are_not_checked_in_plain_text():
    assert check(R2_T2, "structure.broken_link", path="digest.txt") == []


def test_an_english_title_differing_from_the_record_is_reported():
    text = paper("Efficient LLaMA-3.2-Vision by Trimming Cross-attended Features", "2504.00557")
    assert check(text, "structure.title_mismatch", abstracts=sample_abstracts()) == [
        (1, 3, "English title differs from the arXiv record: 'Efficient LLaMA-3.2-Vision by Trimming Cross-attended Visual Features'")
    ]


def test_titles_differing_only_in_spacing_match():
    # Line 2295 "Any2Caption: Interpreting…" against the record's "Any2Caption:Interpreting…".
    text = paper("Any2Caption: Interpreting Any Condition to Caption for Controllable Video Generation", "2503.24379")
    assert check(text, "structure.title_mismatch", abstracts=sample_abstracts()) == []


def test_a_submission_at_the_end_of_the_previous_month_may_carry_the_next_months_id():
    # arXiv numbers a paper by its announcement; one submitted on 31 July can be 2508.x.
    assert check(realm_page("Thu, 31 Jul 2025 18:00:00 GMT"), "structure.id_date") == []
