"""Language per sentence and per section: ja, en, code, other, none."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ABSTRACT_PAGE, ARTICLE, DAILY, REPO, SUMMARIES
from qa.langid import detect_languages, detect_text, is_english_prose
from qa.model import Lang

JAPANESE_SCRIPT = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff]")
ALL_SAMPLES = (DAILY, SUMMARIES, ABSTRACT_PAGE, ARTICLE)
# Chinese, all Han: in a Japanese digest it is taken as Japanese; alone it goes to langdetect.
CHINESE = "大型语言模型在复杂推理任务中表现出色，但是它们的计算成本很高，因此我们提出了一种新的方法来提高效率并降低成本。"


def all_sections(parsed, path):
    _, digest = parsed[path]
    return [s for p in digest.all_papers() for s in p.sections]


def prose_sentences(parsed):
    for path in ALL_SAMPLES:
        for section in all_sections(parsed, path):
            for block in section.blocks:
                if block.kind != "code":
                    yield path, block.sentences


@pytest.mark.parametrize("path", ALL_SAMPLES)
def test_every_section_meant_to_be_japanese_is_japanese(parsed, path):
    sections = [s for s in all_sections(parsed, path) if s.expected_lang == Lang.JA]
    assert sections and {s.lang for s in sections} == {Lang.JA}


def test_english_sections_of_the_metadata_page_are_english(parsed):
    _, digest = parsed[ABSTRACT_PAGE]
    page = digest.papers[0]
    assert [(s.kind, s.lang.value) for s in page.sections if s.expected_lang == Lang.EN] == [
        ("title_en", "en"), ("abstract_en", "en")
    ]
    assert {s.lang for s in page.section("abstract_en").sentences} == {Lang.EN}


def test_code_blocks_are_code_and_nothing_else_is(parsed):
    _, digest = parsed[SUMMARIES]
    blocks = [b for p in digest.papers for s in p.sections for b in s.blocks]
    assert {(b.kind == "code", s.lang == Lang.CODE) for b in blocks for s in b.sentences} == {(True, True), (False, False)}


def test_no_sentence_in_japanese_script_is_labelled_anything_but_japanese(parsed):
    labels = {
        s.lang for _, sentences in prose_sentences(parsed) for s in sentences if JAPANESE_SCRIPT.search(s.text)
    }
    assert labels == {Lang.JA}


def test_short_kanji_only_sentences_are_japanese_not_chinese(parsed):
    _, digest = parsed[SUMMARIES]
    by_line = {s.loc.line: s for p in digest.papers for s in p.sections for s in s.sentences}
    assert [(by_line[n].text, by_line[n].lang.value) for n in (2374, 320, 2121)] == [
        ("動画", "ja"), ("敵対的学習:", "ja"), ("学習時間:", "ja")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Llama-3とQwen-2.5を用いた実験により、提案されたアプローチが内在的な自己修正能力を超えることが示されました。",
        "GRPO目的関数:",
        "SEED-Bench-R1というビデオ理解ベンチマークを提案。",
        "#TextToSQL #強化学習 #LLM",
    ],
)
def test_latin_terms_inside_japanese_keep_it_japanese(sentence):
    assert detect_text(sentence) == Lang.JA


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("GRPO", Lang.EN),
        ("Small Language Models (SLMs) are a cost-effective alternative to Large Language Models (LLMs).", Lang.EN),
        ("55.11%", Lang.NONE),
        ("https://github.com/microsoft/rStar", Lang.NONE),
        ("$60\\%$", Lang.NONE),
        ("안녕하세요 반갑습니다", Lang.OTHER),
    ],
)
def test_script_decides_first(text, lang):
    assert detect_text(text) == lang


def test_kanji_only_text_is_japanese_in_a_japanese_document_only():
    assert (detect_text("動画"), detect_text("動画", japanese_document=False)) == (Lang.JA, Lang.OTHER)


def test_long_han_text_outside_japanese_documents_goes_to_the_seeded_statistics():
    assert (detect_text(CHINESE), detect_text(CHINESE, japanese_document=False)) == (Lang.JA, Lang.OTHER)
    assert {detect_text(CHINESE, japanese_document=False) for _ in range(5)} == {Lang.OTHER}


def test_detection_is_deterministic(parsed):
    _, digest = parsed[SUMMARIES]
    first = [s.lang for p in digest.papers for s in p.sections for s in s.sentences]
    detect_languages(digest)
    assert [s.lang for p in digest.papers for s in p.sections for s in s.sentences] == first


def test_the_one_untranslated_english_sentence_is_found_and_references_are_not_flagged(parsed):
    issues = [(i.kind, i.paper, i.section, i.loc.file, i.loc.line, i.loc.column, i.text)
              for path in ALL_SAMPLES for i in detect_languages(parsed[path][1])]
    assert issues == [
        (
            "untranslated-sentence", "2503.24219", "question-6", str(REPO / SUMMARIES), 1982, 59,
            "The value of N is not given, but the paper mentions a trade-off between average recall and "
            "computational efficiency.",
        )
    ]


def test_reference_list_with_english_titles_stays_japanese(parsed):
    _, digest = parsed[SUMMARIES]
    references = next(p for p in digest.papers if p.id == "2504.01833").section("question-7")
    english = [s.text for s in references.sentences if s.lang == Lang.EN]
    assert english[0] == "Dan Hendrycks et al. Measuring massive multitask language understanding, 2021a."
    assert references.lang == Lang.JA


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("The value of N is not given, but the paper mentions a trade-off between average recall and computational efficiency.", True),
        ("Top N queries selected.", False),  # too short to tell a sentence from a label
        ("Dan Hendrycks et al. Measuring massive multitask language understanding, 2021a.", False),  # a citation
        ("Mixture of Grounding (MoG)", False),
    ],
)
def test_english_prose_is_a_sentence_not_a_term_or_citation(text, prose):
    assert is_english_prose(text) is prose


def test_parsing_the_samples_never_loads_langdetect():
    code = "import sys; from qa.pipeline import parse_paths; parse_paths(['samples/digests']); print('langdetect' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.stdout == "False\n"
