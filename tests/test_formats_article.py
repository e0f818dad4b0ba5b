"""The plain-text article: bullet highlights, a `論文:` title line, then headed paragraphs."""

from __future__ import annotations

import pytest

from conftest import ARTICLE
from qa.pipeline import parse_source
from qa.source import SourceText

TITLE = "rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking"


@pytest.fixture
def article(parsed):
    src, digest = parsed[ARTICLE]
    assert digest.format == "article"
    assert len(digest.papers) == 1
    return src, digest.papers[0]


def test_the_article_gives_no_arxiv_id(article):
    _, paper = article
    assert (paper.id, paper.version, paper.url) == (None, None, None)


def test_paper_title_is_the_english_title_of_its_abstract(article, abstracts):
    _, paper = article
    assert paper.title == paper.title_en == TITLE == abstracts["2501.04519"]["title"]


def test_sections_in_order_with_their_headings_and_lines(article):
    _, paper = article
    assert [(s.kind, s.heading, s.loc.line, s.loc.end_line) for s in paper.sections] == [
        ("highlights", None, 1, 3),
        ("title", None, 4, 4),
        ("note", None, 5, 5),
        ("summary", "本論文の概要", 6, 10),
        ("summary", "図表の解説", 11, 19),
    ]


def test_highlights_are_the_bullets_without_their_markers(article):
    _, paper = article
    assert [s.text for s in paper.section("highlights").sentences] == [
        "小型LLMの数学的思考を向上させるためのrStar-Mathフレームワークの提案",
        "モンテカルロ木探索を使って最良の解を選びモデルを強化する自己進化型深層思考の導入",
        "rStar-Mathが計算コストを抑えつつ高い性能を発揮した実験結果",
    ]
    assert {b.kind for b in paper.section("highlights").blocks} == {"list_item"}


def test_title_section_starts_after_the_paper_label(article):
    src, paper = article
    title = paper.section("title")
    assert (title.loc.line, title.loc.column) == (4, 4)
    assert src.text[title.loc.start : title.loc.end] == TITLE
    assert title.expected_lang.value == title.lang.value == "en"


def test_sentence_with_quoted_term_and_parenthesis_points_at_its_text(article):
    src, paper = article
    sentence = paper.sections[3].sentences[2]
    assert sentence.text == (
        "この研究の中心となる「rStar-Math」フレームワークでは、「自己進化型深層思考」"
        "(Self-Evolved Deep Thinking)という手法を導入しました。"
    )
    assert (sentence.loc.line, sentence.loc.column) == (8, 1)
    assert src.text[sentence.loc.start : sentence.loc.end] == sentence.text


def test_japanese_bullets_are_cut_like_dashes(article):
    src, _ = article
    text = src.text.replace("- ", "・", 2).replace("- ", "• ", 1)
    digest = parse_source(SourceText("article.txt", text))
    assert [s.text for s in digest.papers[0].section("highlights").sentences] == [
        "小型LLMの数学的思考を向上させるためのrStar-Mathフレームワークの提案",
        "モンテカルロ木探索を使って最良の解を選びモデルを強化する自己進化型深層思考の導入",
        "rStar-Mathが計算コストを抑えつつ高い性能を発揮した実験結果",
    ]
