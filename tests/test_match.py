"""qa.match: every sample paper finds its abstract; ambiguity and absence are reported."""

from pathlib import Path

import pytest

from qa.abstracts import AbstractIndex, load_records
from qa.align.model import AbstractRecord
from qa.match import embedded_english_title, match_paper
from qa.pipeline import parse_paths

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Papers without an arXiv id in the digests, by title: the related papers of the metadata
# page and the rStar-Math article.
MATCHED_BY_TITLE = {
    "Light-IF: Endowing LLMs with Generalizable Reasoning via Preview and Self-Checking for Complex Instruction Following": "2508.03178",
    "Exploring and Exploiting the Inherent Efficiency within Large Reasoning Models for Self-Guided Efficiency Enhancement": "2506.15647",
    "SRPO: Enhancing Multimodal LLM Reasoning via Reflection-Aware Reinforcement Learning": "2506.01713",
    "Interleaved Reasoning for Large Language Models via Reinforcement Learning": "2505.19640",
    "Satori: Reinforcement Learning with Chain-of-Action-Thought Enhances LLM Reasoning via Autoregressive Search": "2502.02508",
    "Vision-Language Models Can Self-Improve Reasoning via Reflection": "2411.00855",
    "Exploring Self-supervised Logic-enhanced Training for Large Language Models": "2305.13718",
    "rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking": "2501.04519",
}


@pytest.fixture(scope="module")
def index():
    return load_records([SAMPLES / "abstracts.jsonl"])


@pytest.fixture(scope="module")
def papers():
    return [p for _, digest in parse_paths([SAMPLES / "digests"]) for p in digest.all_papers()]


def test_all_36_papers_and_7_related_papers_match_the_right_record(index, papers):
    assert len(papers) == 43
    matched = {}
    for paper in papers:
        match = match_paper(paper, index)
        expected = paper.id or MATCHED_BY_TITLE[paper.title_en]
        assert match.record is not None and match.record.id == expected, paper.title
        matched[expected] = match.method
    assert len(matched) == 43
    assert sum(method == "id" for method in matched.values()) == 35
    assert matched["2501.04519"] == "title"


def test_rstar_math_article_matched_by_its_paper_line(index, papers):
    (article,) = [p for p in papers if p.loc.file.endswith("rstar-math-article.txt")]
    match = match_paper(article, index)
    assert (match.record.id, match.method, match.score) == ("2501.04519", "title", 1.0)


def test_english_title_embedded_in_a_japanese_title(index, papers):
    medvlm = next(p for p in papers if p.id == "2502.19634").model_copy(update={"id": None})
    match = match_paper(medvlm, index)
    assert (match.record.id, match.method) == ("2502.19634", "embedded-title")
    assert match.query == "MedVLM-R1: Incentivizing Medical Reasoning Capability of Vision-Language Models (VLMs) via Reinforcement Learning"


def test_embedded_title_gets_the_latin_name_before_the_colon():
    title = "LongRoPE2: ほぼ無損失のLLMコンテキストウィンドウ拡張 (Near-Lossless LLM Context Window Scaling)"
    assert embedded_english_title(title) == "LongRoPE2: Near-Lossless LLM Context Window Scaling"
    assert embedded_english_title("数学的推論のための自己報酬型修正") is None


def test_versioned_and_old_style_ids():
    index = AbstractIndex([AbstractRecord(id="hep-th/9901001", version=2, title="An old paper", abstract="We study strings.")])
    paper = parse_paths([SAMPLES / "digests" / "rstar-math-article.txt"])[0][1].papers[0]
    old = paper.model_copy(update={"id": "hep-th/9901001", "version": 1})
    match = match_paper(old, index)
    assert (match.record.id, match.method, match.score) == ("hep-th/9901001", "id", 1.0)


def test_near_identical_titles_are_ambiguous_not_guessed(papers):
    article = next(p for p in papers if p.loc.file.endswith("rstar-math-article.txt"))
    index = AbstractIndex([
        AbstractRecord(id="2501.04519", title="rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking", abstract="A."),
        AbstractRecord(id="2501.99999", title="rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking!", abstract="B."),
    ])
    match = match_paper(article, index)
    assert match.record is None and match.ambiguous
    assert [(c.id, c.score) for c in match.candidates] == [("2501.04519", 1.0), ("2501.99999", 1.0)]


def test_unknown_paper_is_unmatched_with_its_closest_titles(index, papers):
    article = next(p for p in papers if p.loc.file.endswith("rstar-math-article.txt"))
    other = article.model_copy(update={"title_en": "Small LLMs Can Master Chess with Self-Play"})
    match = match_paper(other, index)
    assert match.record is None and not match.ambiguous
    assert match.score < 0.9


def test_id_missing_from_records_falls_back_to_the_title(index, papers):
    article = next(p for p in papers if p.loc.file.endswith("rstar-math-article.txt"))
    wrong_id = article.model_copy(update={"id": "2501.00001"})
    match = match_paper(wrong_id, index)
    assert match.record.id == "2501.04519"
    assert match.note == "id 2501.00001 is not among the abstract records; its title matches 2501.04519"
