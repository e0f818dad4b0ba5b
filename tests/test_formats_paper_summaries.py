"""Per-paper summaries: `# EN title`, `[View Paper](url)`, then eight `## N. question` sections."""

from __future__ import annotations

import re

import pytest

from conftest import REPO, SUMMARIES
from qa.pipeline import parse_source
from qa.source import SourceText

QUESTIONS = [f"question-{n}" for n in range(1, 9)]
PAPERS = [
    ("2503.23434", 1, 2), ("2503.22165", 1, 105), ("2504.01019", 1, 302), ("2503.24376", 1, 451),
    ("2504.00927", 1, 631), ("2504.00072", 1, 786), ("2504.01833", 1, 920), ("2503.23157", 2, 1077),
    ("2504.00810", 1, 1256), ("2503.23361", 1, 1342), ("2504.00557", 1, 1564), ("2504.01016", 1, 1684),
    ("2503.24219", 1, 1852), ("2504.00869", 1, 2000), ("2503.24377", 1, 2144), ("2503.24379", 1, 2295),
    ("2504.01005", 1, 2420), ("2504.01017", 1, 2508), ("2504.00294", 1, 2630), ("2504.00595", 2, 2826),
    ("2503.22952", 1, 2966), ("2504.00509", 1, 3098), ("2503.23733", 1, 3203), ("2504.00906", 1, 3385),
    ("2503.24210", 1, 3565), ("2503.23145", 1, 3765), ("2504.00698", 1, 3926), ("2504.00050", 1, 4043),
    ("2503.21860", 1, 4250),
]


@pytest.fixture
def summaries(parsed):
    return parsed[SUMMARIES]


def fenced_ranges(text: str) -> list[tuple[int, int]]:
    """1-based (opening, closing) lines of the ``` fences, found by pairing fence lines."""
    fence_lines = [n for n, line in enumerate(text.split("\n"), start=1) if re.match(r"\s*```", line)]
    return list(zip(fence_lines[::2], fence_lines[1::2]))


def test_twenty_nine_papers_with_ids_versions_and_title_lines(summaries):
    _, digest = summaries
    assert digest.format == "paper-summaries"
    assert [(p.id, p.version, p.loc.line) for p in digest.papers] == PAPERS


def test_titles_are_the_english_titles_of_the_abstracts(summaries, abstracts):
    _, digest = summaries
    # The abstracts file writes "Any2Caption:Interpreting…" without the space the digest has.
    squeeze = lambda title: title.replace(" ", "")  # noqa: E731
    assert [squeeze(p.title) for p in digest.papers] == [squeeze(abstracts[p.id]["title"]) for p in digest.papers]
    assert digest.papers[4].title == digest.papers[4].title_en == "Multi-Token Attention"


def test_every_paper_has_its_eight_questions_in_order(summaries):
    _, digest = summaries
    kinds = {p.id: [s.kind for s in p.sections] for p in digest.papers}
    # Two papers end with a chat reply after a `---` rule: it becomes a note, not part of the tweet.
    with_note = {"2504.01016", "2504.00050"}
    assert kinds == {p: ["title", *QUESTIONS, *(["note"] if p in with_note else [])] for p, _, _ in PAPERS}


def test_question_headings_vary_and_are_kept_as_written(summaries):
    _, digest = summaries
    headings = {p.id: p.section("question-4").heading for p in digest.papers}
    assert headings["2503.23434"] == "4. Limitationや問題点は何か。本文で言及されているものの他、あなたが考えるものも含めて"
    assert headings["2504.01019"] == "4. Limitationや問題点は何か"
    assert [s.loc.line for s in digest.papers[0].sections] == [2, 6, 16, 26, 34, 48, 87, 93, 97]


def test_level_three_headings_stay_inside_their_section(summaries):
    _, digest = summaries
    paper = next(p for p in digest.papers if p.id == "2504.01017")
    limits = paper.section("question-4")
    headings = [(b.loc.line, b.text) for b in limits.blocks if b.kind == "heading"]
    assert headings == [(2543, "本文で言及されているもの"), (2550, "その他")]
    assert (limits.loc.line, limits.loc.end_line) == (2541, 2555)


def test_the_file_has_78_fenced_blocks_19_of_them_at_the_margin(summaries):
    src, _ = summaries
    fences = fenced_ranges(src.text)
    lines = src.text.split("\n")
    assert len(fences) == 78
    assert sum(lines[start - 1].startswith("```") for start, _ in fences) == 19


def test_no_title_or_section_comes_from_inside_a_code_block(summaries):
    src, digest = summaries
    fences = fenced_ranges(src.text)
    unit_lines = [s.loc.line for p in digest.papers for s in p.sections] + [p.loc.line for p in digest.papers]
    assert [n for n in unit_lines if any(start <= n <= end for start, end in fences)] == []
    # e.g. the fence at 649-670 starts with `# A_hat: Attention Logits`, a Markdown heading out of code.
    assert src.text.split("\n")[649] == "# A_hat: Attention Logits"


def test_every_fenced_block_is_one_code_block_of_its_body_lines(summaries):
    src, digest = summaries
    code = [b for p in digest.papers for s in p.sections for b in s.blocks if b.kind == "code"]
    assert [(b.loc.line, b.loc.end_line) for b in code] == [(start + 1, end - 1) for start, end in fenced_ranges(src.text)]
    assert {s.lang.value for b in code for s in b.sentences} == {"code"}


def test_list_item_sentence_with_bold_label_maps_back_to_the_raw_text(summaries):
    src, digest = summaries
    sentence = digest.papers[0].section("question-1").sentences[3]
    assert sentence.text == "セキュリティの脆弱性: 敵対的攻撃に対するGUIエージェントの脆弱性。"
    assert (sentence.loc.line, sentence.loc.column, sentence.loc.end_line) == (10, 7, 10)
    assert src.text[sentence.loc.start : sentence.loc.end] == "セキュリティの脆弱性:** 敵対的攻撃に対するGUIエージェントの脆弱性。"


def test_unclosed_code_fence_swallows_the_rest_of_its_paper_only():
    lines = (REPO / SUMMARIES).read_text(encoding="utf-8").split("\n")
    fragment = lines[630:919]  # papers 2504.00927 (line 631) and 2504.00072 (line 786)
    del fragment[761 - 630]  # line 762, the closing fence of the paper's last block (opened at 723)
    src = SourceText("broken.md", "\n".join(fragment))
    digest = parse_source(src)
    assert [(p.id, [s.kind for s in p.sections]) for p in digest.papers] == [
        ("2504.00927", ["title", "question-1", "question-2", "question-3", "question-4", "question-5"]),
        ("2504.00072", ["title", *QUESTIONS]),
    ]
    assert src.parse_notices == ["broken.md:93: code fence is never closed; it is taken to end with its paper"]
