"""qa.align.align_digests: every paper of the samples, with offsets back into both texts."""

import json
from pathlib import Path

import pytest

from qa.abstracts import load_records
from qa.align import align_digests
from qa.pipeline import parse_paths

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = sorted((ROOT / "tests" / "data" / "gold").glob("*.json"))


@pytest.fixture(scope="module")
def parsed():
    return parse_paths([SAMPLES / "digests"])


@pytest.fixture(scope="module")
def index():
    return load_records([SAMPLES / "abstracts.jsonl"])


@pytest.fixture(scope="module")
def aligned(parsed, index):
    return align_digests(parsed, index)


def test_every_paper_is_matched_and_gets_its_kinds(aligned):
    kinds = {(a.id, a.kind) for a in aligned}
    assert len({a.id for a in aligned}) == 43
    assert not any(a.unmatched for a in aligned)
    assert sum(kind == "translation" for _, kind in kinds) == 6
    assert sum(kind == "summary" for _, kind in kinds) == 43


def test_translations_reproduce_the_gold_end_to_end(aligned):
    translations = {a.id: a for a in aligned if a.kind == "translation"}
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        paper = translations[gold["id"]]
        assert [s.text for s in paper.en] == gold["en"]
        assert [s.text for s in paper.ja] == gold["ja"]
        assert [[l.en, l.ja] for l in paper.links] == gold["links"]
        assert paper.ja[0].line == gold["ja_line"]


def test_offsets_slice_the_abstract_and_the_file(aligned, parsed, index):
    sources = {src.path: src for src, _ in parsed}
    paper = next(a for a in aligned if a.id == "2502.20082" and a.kind == "translation")
    abstract = index.by_id("2502.20082").abstract
    assert all(abstract[s.start : s.end] == s.text for s in paper.en)
    assert all(sources[s.file].text[s.start : s.end] == s.text for s in paper.ja)


def test_summary_leaves_out_code_and_the_reference_question(aligned):
    gui = next(a for a in aligned if a.id == "2503.23434" and a.kind == "summary")
    sections = {s.section for s in gui.ja}
    assert "question-7" not in sections and "question-1" in sections
    assert not any("def adversarial_training" in s.text for s in gui.ja)


def test_related_papers_point_to_their_list(aligned):
    related = [a for a in aligned if a.related_to]
    assert len(related) == 7
    assert {a.related_to for a in related} == {"2508.12387"}
    assert all(a.kind == "summary" and a.match_method == "title" for a in related)


def test_article_body_is_a_summary_of_rstar_math(aligned):
    (article,) = [a for a in aligned if a.file.endswith("rstar-math-article.txt")]
    assert (article.id, article.kind, article.match_method) == ("2501.04519", "summary", "title")
    assert {s.section for s in article.ja} == {"highlights", "summary"}


def test_without_records_the_metadata_page_uses_its_own_english_abstract(parsed):
    page = [(src, d) for src, d in parsed if d.format == "abstract-page"]
    aligned = align_digests(page, None)
    translation = next(a for a in aligned if a.kind == "translation")
    assert (translation.unmatched, translation.match_method) == (False, "embedded")
    assert len(translation.links) == 7
    assert all(a.unmatched and a.links == [] for a in aligned if a.related_to)


def test_paper_missing_from_the_records_is_unmatched(parsed, index):
    digest = [(src, d) for src, d in parsed if d.format == "daily-digest"]
    from qa.abstracts import AbstractIndex

    only_one = AbstractIndex([index.by_id("2502.20082")])
    aligned = align_digests(digest, only_one)
    unmatched = {a.id for a in aligned if a.unmatched}
    assert unmatched == {"2502.19613", "2502.19634", "2502.20395", "2502.20238"}
    assert all(a.en == [] and a.links == [] and a.ja for a in aligned if a.unmatched)


def test_view_has_the_documented_shape(aligned):
    view = next(a for a in aligned if a.id == "2502.20082" and a.kind == "translation").view()
    assert {"id", "kind", "en", "ja", "links", "unmatched"} <= set(view)
    assert set(view["en"][0]) == {"text", "start", "end"}
    assert {"text", "file", "line", "start", "end"} <= set(view["ja"][0])
    assert view["links"][0] == {"en": [0], "ja": [0], "score": view["links"][0]["score"], "missing": []}
    assert view["ja"][0]["line"] == 68
