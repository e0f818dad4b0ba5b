"""Format auto-detection and the registry of formats."""

from __future__ import annotations

import pytest

from conftest import ABSTRACT_PAGE, ARTICLE, DAILY, REPO, SUMMARIES
from qa.errors import QaInputError
from qa.formats import FORMATS, detect_format, get_format
from qa.source import SourceText, read_source

KNOWN = "abstract-page, article, bilingual-jsonl, daily-digest, paper-summaries"


def test_the_five_formats_are_registered():
    assert sorted(FORMATS) == KNOWN.split(", ")


@pytest.mark.parametrize(
    ("path", "name"),
    [(DAILY, "daily-digest"), (SUMMARIES, "paper-summaries"), (ABSTRACT_PAGE, "abstract-page"), (ARTICLE, "article")],
)
def test_each_sample_is_detected_as_its_format(path, name):
    assert detect_format(read_source(REPO / path)).name == name


def test_a_jsonl_file_is_bilingual_jsonl_whatever_its_first_line():
    assert detect_format(SourceText("batch.jsonl", '["2504.00927"]\n')).name == "bilingual-jsonl"


def test_json_objects_in_another_file_are_bilingual_jsonl_too():
    assert detect_format(SourceText("batch.txt", '{"id": "2504.00927"}\n')).name == "bilingual-jsonl"


def test_text_of_no_known_shape_is_an_error_listing_the_formats():
    with pytest.raises(QaInputError) as error:
        detect_format(SourceText("notes.md", "# 読書メモ\n\n今週読んだ論文の感想です。\n"))
    assert str(error.value) == f"notes.md: unknown digest format (known formats: {KNOWN})"


def test_a_format_can_be_asked_for_by_name():
    assert get_format("article").name == "article"
    with pytest.raises(QaInputError) as error:
        get_format("rss")
    assert str(error.value) == f"unknown format 'rss' (known formats: {KNOWN})"
