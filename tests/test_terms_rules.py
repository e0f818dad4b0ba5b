"""Specification of the terms.* rules on the sample digests, compared with the defects found by
hand (tests/data/defects/*.yaml, categories terms.*) and their false-alarm traps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO

from qa.align.model import AlignedPaper, EnSentence, JaSentence, Link
from qa.checks import run_checks
from qa.glossary import load_glossary
from qa.glossary.glossary import Glossary
from qa.pipeline import parse_source
from qa.source import SourceText

DAILY = "samples/digests/arxiv-digest-2025-03-02.md"
SUMMARIES = "samples/digests/paper-summaries-2025-04.md"
REALM = "samples/digests/realm-abstract-page.md"
RSTAR = "samples/digests/rstar-math-article.txt"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(["glossaries/ml-ja.yaml"])


@pytest.fixture(scope="module")
def samples(parsed):
    return list(parsed.values())


def rel(path: str) -> str:
    return Path(path).relative_to(REPO).as_posix()


def found(findings, rule: str) -> list[tuple[str, int, str]]:
    return [(rel(f.file), f.line, f.ja) for f in findings if f.rule == rule]


def test_forbidden_renderings_of_the_samples(samples, glossary):
    findings = run_checks(samples, glossary=glossary, select=["terms.forbidden"])
    assert found(findings, "terms.forbidden") == [
        (DAILY, 26, "監督付きファインチューニング"),
        (DAILY, 33, "監督付きファインチューニング"),
        (SUMMARIES, 2677, "強化学習による人間のフィードバック"),
        (SUMMARIES, 4258, "具体化されたAI"),
        (REALM, 20, "連鎖蒸留"),
        (REALM, 28, "大きな推論モデル"),
        (REALM, 37, "ロングチェーン・オブ・シント"),
        (REALM, 41, "テスト時間計算"),
        (REALM, 46, "テスト時間計算"),
        (REALM, 48, "自己指導型"),
        (RSTAR, 12, "プロセス好みモデル"),
    ]


def test_a_forbidden_finding_points_at_the_rendering_and_gives_the_reason(samples, glossary):
    first = run_checks(samples, glossary=glossary, select=["terms.forbidden"])[0]
    assert (first.line, first.column, first.end_column, first.severity.value) == (26, 236, 250, "warning")
    assert first.message == (
        "監督付きファインチューニング is a forbidden rendering of `supervised fine-tuning` "
        "(supervised の直訳。機械学習では「教師あり」が定訳); write 教師ありファインチューニング"
    )


def test_inconsistent_renderings_of_the_small_samples(samples, glossary):
    findings = run_checks(samples, glossary=glossary, select=["terms.inconsistent"])
    small = [(file, line, ja) for file, line, ja in found(findings, "terms.inconsistent") if file != SUMMARIES]
    assert small == [
        (DAILY, 26, "ビジュアル言語モデル"),
        (DAILY, 30, "ビジュアル言語モデル"),
        (DAILY, 43, "混合専門家"),
        (DAILY, 45, "混合専門家"),
        (REALM, 7, "小さな言語モデル"),
        (REALM, 9, "小型言語モデル"),
        (RSTAR, 9, "リワードモデル"),
        (RSTAR, 12, "小規模な言語モデル"),
        (RSTAR, 12, "モンテカルロツリー探索"),
        (RSTAR, 13, "小さな言語モデル"),
        (RSTAR, 18, "小さな言語モデル"),
        (RSTAR, 18, "小さなモデル"),
    ]


def test_an_inconsistency_names_the_other_renderings_and_their_lines(samples, glossary):
    findings = run_checks(samples, glossary=glossary, select=["terms.inconsistent"])
    mcts = next(f for f in findings if f.ja == "モンテカルロツリー探索")
    assert (mcts.line, mcts.column, mcts.en) == (12, 70, "Monte Carlo tree search")
    assert mcts.message == (
        "`Monte Carlo tree search` is written モンテカルロツリー探索 here, but モンテカルロ木探索 at lines 2, 8, 19 "
        "in this digest; the glossary prefers モンテカルロ木探索"
    )


def test_another_concepts_term_glossed_with_an_abbreviation_is_a_rendering_of_it(samples, glossary):
    findings = run_checks(samples, glossary=glossary, select=["terms.inconsistent"])
    sft = next(f for f in findings if f.en == "supervised fine-tuning")
    assert (rel(sft.file), sft.line, sft.ja) == (SUMMARIES, 1086, "教師あり学習")
    assert sft.message == (
        "`supervised fine-tuning` is glossed as 教師あり学習 here, but 教師ありファインチューニング at lines 470, 1104, 2693, 4049 "
        "in this digest (教師あり学習 is the rendering of `supervised learning`); the glossary prefers 教師ありファインチューニング"
    )


def test_inconsistencies_of_the_paper_summaries_found_by_hand_are_reported(samples, glossary):
    findings = run_checks(samples, glossary=glossary, select=["terms.inconsistent"])
    reported = {(line, ja) for file, line, ja in found(findings, "terms.inconsistent") if file == SUMMARIES}
    assert {(930, "幻覚"), (1086, "教師あり学習"), (1472, "小型モデル"), (1472, "ファインチューン"), (1868, "ファインチューン")} <= reported


def test_false_alarm_traps_are_not_reported(samples, glossary):
    findings = run_checks(samples, glossary=glossary, select=["terms"])
    lines = {(rel(f.file), f.line) for f in findings}
    # 微調整 = fine control (329); 推論時スケーリング and Test-time scaling are different concepts (2666, 2033);
    # 自己回帰的 is right for auto-regressive (realm 49).
    assert not {(SUMMARIES, 329), (SUMMARIES, 2666), (SUMMARIES, 2033), (REALM, 49)} & lines


def test_an_ambiguous_rendering_counts_where_the_english_abstract_uses_the_term(samples, glossary):
    from qa.abstracts import load_records

    index = load_records(["samples/abstracts.jsonl"])
    findings = run_checks(samples, glossary=glossary, abstracts=index, select=["terms.inconsistent"])
    fine_tuning = sorted({(rel(f.file), f.line) for f in findings if f.ja == "微調整"})
    # LongRoPE2 and ManipTrans say "fine-tunes"; MixerMDM (329) means fine control and stays quiet.
    assert fine_tuning == [(DAILY, 68), (DAILY, 78), (SUMMARIES, 4271), (SUMMARIES, 4324), (SUMMARIES, 4344), (SUMMARIES, 4351), (SUMMARIES, 4362)]


# samples/digests/paper-summaries-2025-04.md line 910, with LoRA transliterated into katakana.
LORA = "# Chapter-Llama\n\n[View Paper](http://arxiv.org/abs/2504.00072v1)\n\n## 7. 参考文献\n\n*   **Edward J Hu et al., LoRA**: パラメータ効率の良いファインチューニング手法（ローラ）の詳細。GRPOはジーアールピーオーと読む。\n"


def test_katakana_forms_of_kept_english_terms_are_reported_as_keep_english(glossary):
    src = SourceText("digest.md", LORA)
    findings = run_checks([(src, parse_source(src))], glossary=glossary, select=["terms"])
    assert [(f.rule, f.line, f.column, f.ja) for f in findings] == [
        ("terms.keep_english", 7, 58, "ローラ"),
        ("terms.keep_english", 7, 71, "ジーアールピーオー"),
    ]
    assert findings[0].message == "ローラ transliterates LoRA into katakana; `low-rank adaptation` stays in Latin script: write LoRA"


def gold_alignment(path: Path) -> AlignedPaper:
    """A hand alignment of tests/data/gold as the aligner's AlignedPaper."""
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    file = str(REPO / gold["file"])  # as the shared `parsed` fixture names the samples
    text = Path(file).read_text(encoding="utf-8")
    src = SourceText(file, text)
    position = src.line_start(gold["ja_line"])
    ja = []
    for sentence in gold["ja"]:
        start = text.index(sentence, position)
        line, column = src.line_col(start)
        ja.append(JaSentence(text=sentence, file=file, line=line, column=column, start=start, end=start + len(sentence), section="abstract_ja"))
        position = start + len(sentence)
    en = [EnSentence(text=s, start=0, end=len(s)) for s in gold["en"]]
    links = [Link(en=e, ja=j, score=1.0) for e, j in gold["links"]]
    return AlignedPaper(id=gold["id"], kind="translation", title=gold["id"], file=file, line=gold["ja_line"], en=en, ja=ja, links=links)


def test_missing_reports_a_term_whose_aligned_japanese_has_no_rendering(parsed, glossary):
    realm = [parsed[REALM]]
    aligned = [gold_alignment(REPO / "tests/data/gold/2508.12387.json")]
    without_distillation = Glossary([e for e in glossary.entries if e.en != "chain-of-thought distillation"])
    findings = run_checks(realm, aligned, without_distillation, select=["terms.missing"])
    assert [(f.line, f.column, f.severity.value) for f in findings] == [(20, 1, "info")]
    assert findings[0].message == (
        "`chain-of-thought` in the English sentence has no rendering here "
        "(思考の連鎖, 連鎖思考, 思考連鎖, 連鎖的思考, チェーン・オブ・ソート, chain-of-thought reasoning, CoT)"
    )


def test_missing_is_quiet_when_the_translation_renders_its_terms(parsed, glossary):
    # With the full glossary the realm abstract renders every term (連鎖蒸留 is reported as forbidden instead),
    # and the five daily-digest translations render theirs ("computational advantages" → 利点 is not RL advantage).
    digests = [parsed[REALM], parsed[DAILY]]
    aligned = [gold_alignment(p) for p in sorted((REPO / "tests/data/gold").glob("*.json"))]
    assert run_checks(digests, aligned, glossary, select=["terms.missing"]) == []
