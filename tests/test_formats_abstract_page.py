"""The metadata page: `- key: value` items and a related-papers list."""

from __future__ import annotations

import json

import pytest

from conftest import ABSTRACT_PAGE, REPO


@pytest.fixture
def page(parsed):
    src, digest = parsed[ABSTRACT_PAGE]
    return src, digest.papers[0]


def test_one_paper_with_its_arxiv_id_version_and_url(parsed):
    _, digest = parsed[ABSTRACT_PAGE]
    assert digest.format == "abstract-page"
    assert [(p.id, p.version, p.url) for p in digest.papers] == [
        ("2508.12387", 1, "http://arxiv.org/abs/2508.12387v1")
    ]


def test_date_is_turned_into_an_iso_date(page):
    _, paper = page
    assert paper.date == "2025-08-17"  # "Sun, 17 Aug 2025 14:50:23 GMT"


def test_title_is_the_japanese_title_and_title_en_the_english_one(page):
    _, paper = page
    assert paper.title == "ReaLM: 小さな言語モデルによるリフレクション強化自律推論"
    assert paper.title_en == "ReaLM: Reflection-Enhanced Autonomous Reasoning with Small Language Models"


def test_authors_are_split_and_the_trailing_comma_dropped(page, abstracts):
    _, paper = page
    assert paper.authors == abstracts["2508.12387"]["authors"].split(", ")


def test_fields_become_sections_at_their_lines(page):
    _, paper = page
    assert [(s.kind, s.heading, s.expected_lang.value, s.loc.line, s.loc.column) for s in paper.sections] == [
        ("title_en", "Title", "en", 6, 10),
        ("title", "Title(参考訳)", "ja", 7, 15),
        ("summary", "Abstract要約", "ja", 9, 15),
        ("abstract_en", "Abstract", "en", 14, 13),
        ("abstract_ja", "Abstract(参考訳)", "ja", 15, 18),
        ("note", None, "ja", 52, 1),
    ]


def test_english_abstract_is_the_abstract_of_the_paper(page, abstracts):
    _, paper = page
    assert paper.section("abstract_en").body == abstracts["2508.12387"]["abstract"]


def test_multi_line_field_keeps_its_continuation_lines(page):
    _, paper = page
    summary = paper.section("summary")
    assert [(s.loc.line, s.text) for s in summary.sentences] == [
        (9, "小型言語モデル (SLM) は大規模言語モデル (LLM) に代わる費用対効果がある。"),
        (10, "彼らはしばしば、限られた能力と間違いや一貫性のない答えを生み出す傾向があるため、複雑な推論に苦しむ。"),
        (11, "本稿では、垂直領域における堅牢かつ自己充足的推論のための強化学習フレームワークであるReaLMを紹介する。"),
    ]


def test_japanese_abstract_stops_before_the_related_papers_heading(page):
    gold = json.loads((REPO / "tests" / "data" / "gold" / "2508.12387.json").read_text(encoding="utf-8"))
    src, paper = page
    abstract = paper.section("abstract_ja")
    assert [s.text for s in abstract.sentences] == gold["ja"]
    assert (abstract.loc.line, abstract.loc.end_line) == (15, 21)
    assert [src.text[s.loc.start : s.loc.end] for s in abstract.sentences] == gold["ja"]
    assert [(s.loc.line, s.loc.column) for s in abstract.sentences] == [(15, 18), *((n, 1) for n in range(16, 22))]


def test_seven_related_papers_with_title_score_and_date(page, abstracts):
    _, paper = page
    published = {a["title"]: a["published"] for a in abstracts.values()}
    assert [(r.title, r.score, r.date, r.loc.line) for r in paper.related] == [
        (t, s, published[t], line)
        for t, s, line in [
            ("Light-IF: Endowing LLMs with Generalizable Reasoning via Preview and Self-Checking for Complex "
             "Instruction Following", 10.119219532863767, 23),
            ("Exploring and Exploiting the Inherent Efficiency within Large Reasoning Models for Self-Guided "
             "Efficiency Enhancement", 101.77467538102924, 27),
            ("SRPO: Enhancing Multimodal LLM Reasoning via Reflection-Aware Reinforcement Learning", 25.02860760920562, 32),
            ("Interleaved Reasoning for Large Language Models via Reinforcement Learning", 22.403928213802036, 36),
            ("Satori: Reinforcement Learning with Chain-of-Action-Thought Enhances LLM Reasoning via "
             "Autoregressive Search", 57.28671084993782, 39),
            ("Vision-Language Models Can Self-Improve Reasoning via Reflection", 20.196406628954303, 43),
            ("Exploring Self-supervised Logic-enhanced Training for Large Language Models", 59.227222647741094, 47),
        ]
    ]
    assert {r.id for r in paper.related} == {None}  # the page gives no ids: matched by title later


def test_related_paper_title_after_the_previous_date_points_at_its_column(page):
    src, paper = page
    second = paper.related[1].section("title")
    assert (second.loc.line, second.loc.column) == (27, 40)
    assert src.text[second.loc.start : second.loc.end] == paper.related[1].title


def test_related_summaries_are_the_japanese_lines_before_the_date(page):
    _, paper = page
    summaries = [r.section("related_summary") for r in paper.related]
    assert [len(s.body.split("\n")) for s in summaries] == [3, 4, 3, 2, 3, 3, 3]
    assert summaries[0].body.split("\n") == [
        "思考段階の怠慢な推論は 指示の順守に 寄与する主要な要因だ",
        "本稿では,プレビューと自己チェックを含む厳密な推論プロセスを実現するための包括的フレームワークを提案する。",
        "私たちのLight-IF-32Bモデルは、DeepSeek-R1のような大規模なオープンソースモデルと、Doubao-1.6のようなクローズドソースモデルの両方を上回っています。",
    ]
    assert {s.lang.value for s in summaries} == {"ja"}


def test_footer_after_the_related_list_is_one_note_over_its_three_lines(page):
    _, paper = page
    note = paper.section("note")
    assert (note.loc.line, note.loc.end_line, len(note.blocks)) == (52, 54, 3)
