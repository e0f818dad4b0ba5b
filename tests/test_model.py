"""The digest model: Digest → Paper → Section → Block → Sentence, each with a Location."""

from __future__ import annotations

from conftest import ABSTRACT_PAGE, DAILY
from qa.model import Digest, Lang, Location, Sentence


def test_languages_are_the_five_labels():
    assert [lang.value for lang in Lang] == ["ja", "en", "code", "other", "none"]


def test_file_span_follows_offsets_across_removed_markers(parsed):
    src, digest = parsed[DAILY]
    label = digest.papers[0].section("summary").sentences[0]  # "研究の目的と背景:" from "**研究の目的と背景**:"
    start, end = label.file_span(0, len(label.text))
    assert src.text[start:end] == "研究の目的と背景**:"
    start, end = label.file_span(0, 8)
    assert src.text[start:end] == "研究の目的と背景"


def test_file_span_without_offsets_counts_from_the_location():
    loc = Location(file="d.md", line=1, column=1, end_line=1, end_column=6, start=10, end=15)
    assert Sentence(text="GRPO.", loc=loc).file_span(1, 3) == (11, 13)


def test_offsets_are_not_part_of_the_dumped_model(parsed):
    _, digest = parsed[DAILY]
    dumped = digest.papers[0].section("title").blocks[0].model_dump()
    assert "offsets" not in dumped and "offsets" not in dumped["sentences"][0]
    assert dumped["loc"] == {
        "file": digest.path, "line": 3, "column": 5, "end_line": 3, "end_column": 21, "start": 31, "end": 47
    }


def test_section_body_joins_its_blocks_and_sentences_flatten_them(parsed):
    _, digest = parsed[ABSTRACT_PAGE]
    note = digest.papers[0].section("note")
    assert note.body.split("\n") == [
        "関連論文リストは本サイト内にある論文のタイトル・アブストラクトから自動的に作成しています。",
        "指定された論文の情報です。",
        "本サイトの運営者は本サイト(すべての情報・翻訳含む)の品質を保証せず、本サイト(すべての情報・翻訳含む)を使用して"
        "発生したあらゆる結果について一切の責任を負いません。",
    ]
    assert [s.loc.line for s in note.sentences] == [52, 53, 54]


def test_paper_section_finds_the_first_of_a_kind_or_none(parsed):
    _, digest = parsed[DAILY]
    paper = digest.papers[0]
    assert (paper.section("summary").heading, paper.section("abstract_en")) == ("要約", None)


def test_all_papers_lists_related_papers_after_their_paper(parsed):
    _, digest = parsed[ABSTRACT_PAGE]
    assert [p.loc.line for p in digest.all_papers()] == [1, 23, 27, 32, 36, 39, 43, 47]


def test_a_dumped_digest_validates_back_to_the_same_tree(parsed):
    _, digest = parsed[ABSTRACT_PAGE]
    again = Digest.model_validate_json(digest.model_dump_json())
    assert again.model_dump() == digest.model_dump()
    assert again.papers[0].related[6].title == "Exploring Self-supervised Logic-enhanced Training for Large Language Models"
