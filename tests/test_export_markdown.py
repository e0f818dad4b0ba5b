"""Markdown: the bilingual digest for publication, read back through a CommonMark renderer."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from markdown_it import MarkdownIt
from test_export_base import (
    DAILY,
    SPECIALS_EN,
    SPECIALS_JA,
    daily_input,
    parsed,
    records,
    small_glossary,
    specials_input,
)

from qa.export.base import ExportInput
from qa.export.markdown import MarkdownExporter, _block, escape
from qa.model import Block, Location
from qa.pipeline import parse_paths


@pytest.fixture
def glossary(tmp_path):
    return small_glossary(tmp_path)


def markdown(data) -> str:
    return MarkdownExporter().render(data).data.decode("utf-8")


def rendered(text: str):
    return lxml.html.fragment_fromstring(MarkdownIt("commonmark").render(text), create_parent="div")


def test_each_paper_has_its_japanese_title_as_heading_and_english_in_details():
    text = markdown(daily_input())
    assert text.startswith("# 論文ダイジェスト（日英対訳）（2025-03-02）\n\n## [数学的推論のための自己報酬型修正](<http://arxiv.org/abs/2502.19613v1>)\n\n<details>\n")
    medvlm = text.split("\n## ")[2]
    english = records()["2502.19634"]
    assert f"<summary>English: {english.title}</summary>\n\n{escape(english.abstract)}\n\n</details>" in medvlm
    assert "\n#### アブストラクト\n\n推論は、医用画像解析の進歩において" in medvlm
    assert "\n#### 要約\n\n- 研究の目的と背景:\n  医用画像解析における推論能力は" in medvlm


def test_the_details_block_renders_as_html_with_the_abstract_inside():
    page = rendered(markdown(daily_input()))
    details = page.xpath("//details")
    assert len(details) == 5
    assert page.xpath("string(//details[2]/summary)") == f"English: {records()['2502.19634'].title}"


def test_a_glossary_term_gets_its_english_form_on_first_use_only(glossary):
    text = markdown(daily_input(glossary=glossary)).split("\n## ")
    first, medvlm = text[1], text[2]
    # A compound of touching terms is glossed as a whole; a term the digest already
    # follows with a bracket (大規模言語モデル（LLMs）) is left alone.
    assert "自己報酬型推論（self-rewarding reasoning）の大規模言語モデル（LLMs）について研究します。" in first
    assert first.count("（self-rewarding reasoning）") == 1
    assert "（large language model）" not in first
    assert "推論（reasoning）は、医用画像解析" in medvlm
    assert "監督付きファインチューニング（supervised fine-tuning）" not in medvlm  # already glossed: （SFT）


def test_glosses_restart_with_each_paper(glossary):
    papers = markdown(daily_input(glossary=glossary)).split("\n## ")[1:]
    # Paper 1 has 推論 only inside 自己報酬型推論; paper 4 (LongRoPE2) never uses it.
    assert [p.count("（reasoning）") for p in papers] == [0, 1, 1, 0, 1]


def test_markup_in_the_digest_stays_text_in_the_rendered_page(tmp_path):
    page = rendered(markdown(specials_input(tmp_path)))
    assert page.xpath("//script | //b") == []
    paragraphs = [p.text_content() for p in page.xpath("//p")]
    assert SPECIALS_JA[0] + SPECIALS_JA[1] in paragraphs
    assert page.xpath("string(//details/summary)") == "English: MedVLM-R1 & <friends>"
    assert " ".join(SPECIALS_EN) in paragraphs


@pytest.mark.parametrize(
    "text",
    ["1. 番号のような行", "# 見出しのような行", "> 引用のような行", "- 箇条書きのような行", "a*b*c_d_ [x](y) `code` <i>&amp; | ~~s~~ \\"],
)
def test_escaped_text_renders_as_itself(text):
    assert rendered(escape(text)).xpath("string(p)") == text


def test_a_link_that_is_no_web_address_is_replaced_by_the_arxiv_page(tmp_path):
    path = tmp_path / "links.jsonl"
    record = {"id": "2502.19634", "title_ja": "MedVLM-R1", "url": "javascript:alert(1)", "abstract_ja": "推論は重要です。"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    text = markdown(ExportInput(parsed=parse_paths([path])))
    assert "\n## [MedVLM-R1](<https://arxiv.org/abs/2502.19634>)\n" in text
    assert "javascript" not in text


def test_code_blocks_keep_their_text_in_a_longer_fence():
    loc = Location(file="x.md", line=1, column=1, end_line=1, end_column=1, start=0, end=0)
    block = Block(kind="code", text="print('```')", loc=loc)
    assert _block(None, block, set()) == "````\nprint('```')\n````"


def test_a_paper_without_an_abstract_still_shows_its_japanese_text():
    text = markdown(ExportInput(parsed=parsed(DAILY)))
    assert "<details>" not in text
    assert "自己報酬型推論の大規模言語モデル（LLMs）について研究します。" in text
    assert Path(DAILY).name not in text
