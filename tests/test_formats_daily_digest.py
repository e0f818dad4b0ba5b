"""The daily digest: `## [JA title](arxiv url)` entries with アブストラクト and 要約 blocks."""

from __future__ import annotations

import json

import pytest

from conftest import DAILY, REPO
from qa.pipeline import parse_source
from qa.source import SourceText

R2T2_TITLE = (
    "R2-T2: テスト時におけるマルチモーダル混合専門家モデルの再ルーティング\n\n"
    "このタイトルは、テスト時にマルチモーダル（multimodal）な混合専門家モデル（mixture-of-experts）"
    "の再ルーティング（re-routing）についての研究を示しています。"
)
FINEREASON_TITLE = (
    "FINEREASON: 反省的なパズル解決を通じたLLMsの熟考型推論の評価と改善\n\n"
    "このタイトルは、機械学習モデル（特に大規模言語モデル、LLMs）がパズルを解く際に反省的なプロセスを用いて"
    "どのように推論を行うかを評価し、その推論能力を改善する方法についての研究を示しています。"
)


@pytest.fixture
def daily(parsed):
    return parsed[DAILY]


def sample_text() -> str:
    return (REPO / DAILY).read_text(encoding="utf-8")


def parse_text(text: str) -> tuple[SourceText, object]:
    src = SourceText("broken.md", text)
    return src, parse_source(src)


def test_format_and_date_come_from_the_file(daily):
    _, digest = daily
    assert (digest.format, digest.date) == ("daily-digest", "2025-03-02")


def test_five_entries_with_arxiv_ids_versions_and_heading_lines(daily):
    _, digest = daily
    assert [(p.id, p.version, p.loc.line) for p in digest.papers] == [
        ("2502.19613", 1, 3),
        ("2502.19634", 1, 23),
        ("2502.20395", 1, 43),
        ("2502.20082", 1, 65),
        ("2502.20238", 1, 88),
    ]


def test_one_line_titles_are_kept_verbatim(daily):
    _, digest = daily
    assert [p.title for p in digest.papers[:2]] == [
        "数学的推論のための自己報酬型修正",
        "MedVLM-R1: 強化学習を用いた視覚言語モデルの医療推論能力の向上（Incentivizing Medical Reasoning "
        "Capability of Vision-Language Models (VLMs) via Reinforcement Learning）",
    ]


def test_link_titles_running_over_two_paragraphs_are_kept_whole(daily):
    _, digest = daily
    assert digest.papers[2].title == R2T2_TITLE
    assert digest.papers[4].title == FINEREASON_TITLE


def test_multi_paragraph_title_section_spans_its_lines(daily):
    src, digest = daily
    title = digest.papers[2].section("title")
    assert (title.loc.line, title.loc.column, title.loc.end_line) == (43, 5, 45)
    assert src.text[title.loc.start : title.loc.end] == R2T2_TITLE


def test_every_entry_has_title_abstract_and_summary_at_their_label_lines(daily):
    _, digest = daily
    assert [[(s.kind, s.heading, s.loc.line) for s in p.sections] for p in digest.papers] == [
        [("title", None, 3), ("abstract_ja", "アブストラクト", 5), ("summary", "要約", 8)],
        [("title", None, 23), ("abstract_ja", "アブストラクト", 25), ("summary", "要約", 28)],
        [("title", None, 43), ("abstract_ja", "アブストラクト", 47), ("summary", "要約", 50)],
        [("title", None, 65), ("abstract_ja", "アブストラクト", 67), ("summary", "要約", 70)],
        [("title", None, 88), ("abstract_ja", "アブストラクト", 92), ("summary", "要約", 95)],
    ]


@pytest.mark.parametrize("paper_id", ["2502.19613", "2502.19634", "2502.20082", "2502.20238", "2502.20395"])
def test_abstract_sentences_are_the_hand_made_gold_split(daily, paper_id):
    gold = json.loads((REPO / "tests" / "data" / "gold" / f"{paper_id}.json").read_text(encoding="utf-8"))
    _, digest = daily
    sentences = next(p for p in digest.papers if p.id == paper_id).section("abstract_ja").sentences
    assert [s.text for s in sentences] == gold["ja"]
    assert sentences[0].loc.line == gold["ja_line"]


def test_summary_list_item_with_bold_label_maps_back_to_the_raw_text(daily):
    src, digest = daily
    first = digest.papers[0].section("summary").sentences[0]
    assert first.text == "研究の目的と背景:"
    assert (first.loc.line, first.loc.column) == (9, 6)
    assert src.text[first.loc.start : first.loc.end] == "研究の目的と背景**:"
    assert [src.text[o] for o in first.offsets] == list(first.text)


def test_summary_items_are_list_item_blocks(daily):
    _, digest = daily
    summary = digest.papers[3].section("summary")
    assert [b.kind for b in summary.blocks] == ["list_item"] * 7
    assert [b.loc.line for b in summary.blocks] == [71, 74, 76, 77, 78, 80, 83]


def test_unclosed_title_link_keeps_first_line_as_title_and_has_no_id():
    text = sample_text().replace("](http://arxiv.org/abs/2502.19613v1)", "", 1)
    src, digest = parse_text(text)
    first = digest.papers[0]
    assert (first.id, first.title) == (None, "数学的推論のための自己報酬型修正")
    assert [s.kind for s in first.sections] == ["title", "abstract_ja", "summary"]
    assert [p.id for p in digest.papers[1:]] == ["2502.19634", "2502.20395", "2502.20082", "2502.20238"]
    assert src.parse_notices == [
        "broken.md:3: entry title has no closing `](url)`; the title is taken to the end of its line "
        "and the entry has no arXiv id"
    ]


def test_unclosed_title_link_does_not_reach_into_the_abstract():
    # Without its `](url)`, the two-paragraph R2-T2 title must not run on to a link further down.
    text = sample_text().replace("](http://arxiv.org/abs/2502.20395v1)", "", 1)
    text = text.replace("**アブストラクト**:\n大規模マルチモーダル", "**アブストラクト**:\n[LMM](https://example.org/lmm) 大規模マルチモーダル", 1)
    _, digest = parse_text(text)
    r2t2 = digest.papers[2]
    assert (r2t2.id, r2t2.title) == (None, "R2-T2: テスト時におけるマルチモーダル混合専門家モデルの再ルーティング")
    assert r2t2.section("abstract_ja").sentences[0].text.startswith("[LMM](https://example.org/lmm) 大規模")


def test_unclosed_code_fence_stays_inside_its_entry():
    lines = sample_text().split("\n")
    lines.insert(12, "```python")  # after line 12 `2. **提案手法の概要**:` of the first entry
    src, digest = parse_text("\n".join(lines))
    assert [p.id for p in digest.papers] == ["2502.19613", "2502.19634", "2502.20395", "2502.20082", "2502.20238"]
    assert all([s.kind for s in p.sections] == ["title", "abstract_ja", "summary"] for p in digest.papers)
    first_summary = digest.papers[0].section("summary")
    assert first_summary.blocks[-1].kind == "code"
    # The open fence swallows the rest of its entry (up to the line before the next `## [`) only.
    assert (first_summary.loc.end_line, digest.papers[1].loc.line) == (23, 24)
    assert src.parse_notices == ["broken.md:13: code fence is never closed; it is taken to end with its entry"]
