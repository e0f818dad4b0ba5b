"""Drafts: what a paper lacks in the target language, translated with terms protected, written
as bilingual JSONL or Markdown that the digest parsers read back."""

from __future__ import annotations

import json

import pytest

from mt_package import mt_archives, mt_env, requires_mt, run_qa_in  # noqa: F401  (fixtures)

pytestmark = requires_mt

# samples/abstracts.jsonl, 2502.19613: the English of a paper, with no Japanese yet.
ENGLISH_ONLY = {
    "id": "2502.19613",
    "title": "Self-rewarding correction for mathematical reasoning",
    "abstract_en": (
        "We study self-rewarding reasoning large language models (LLMs), which can simultaneously generate "
        "step-by-step reasoning and evaluate the correctness of their outputs during the inference time-without "
        "external feedback. This integrated approach allows a single model to independently guide its reasoning "
        "process, offering computational advantages for model deployment. Experiments with Llama-3 and Qwen-2.5 "
        "demonstrate that our approach surpasses intrinsic self-correction capabilities and achieves performance "
        "comparable to systems that rely on external reward models."
    ),
}
LAST_SENTENCE = ENGLISH_ONLY["abstract_en"].split("process, offering computational advantages for model deployment. ")[1]
# samples/digests/arxiv-digest-2025-03-02.md line 6: the digest's Japanese for LAST_SENTENCE.
LAST_SENTENCE_JA = "Llama-3とQwen-2.5を用いた実験により、我々のアプローチが内在的な自己修正能力を超え、外部の報酬モデルに依存するシステムと同等の性能を達成することが示されました。"


@pytest.fixture
def english_only(tmp_path):
    path = tmp_path / "english.jsonl"
    path.write_text(json.dumps(ENGLISH_ONLY, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def papers_of(path):
    from qa.mt.drafts import paper_texts
    from qa.pipeline import parse_paths

    return paper_texts(parse_paths([path]))


def en_ja(mt_env, cache=None):
    from qa.mt.packages import require_package
    from qa.mt.translator import Translator

    return Translator(require_package("en", "ja"), cache=cache)


def test_paper_texts_take_every_field_of_an_abstract_page(mt_env):
    from conftest import ABSTRACT_PAGE, REPO

    papers, notices = papers_of(REPO / ABSTRACT_PAGE)
    assert [(p.id, sorted(p.fields)) for p in papers] == [
        ("2508.12387", ["abstract_en", "abstract_ja", "summary_ja", "title", "title_ja"])
    ]
    assert len(notices) == 7  # the related papers: no arXiv id, no bilingual record
    assert notices[0] == (
        f"{REPO / ABSTRACT_PAGE}:23: left out of the drafts: no arXiv id (Light-IF: Endowing LLMs with Generalizable Reasoning via Pre)"
    )


def test_a_draft_fills_the_missing_japanese_and_keeps_the_english(mt_env, english_only):
    from qa.mt.drafts import draft_papers

    papers, _ = papers_of(english_only)
    [draft] = draft_papers(papers, en_ja(mt_env), "ja")
    assert draft.drafted == ["title_ja", "abstract_ja"]
    assert draft.fields["title"] == ENGLISH_ONLY["title"]
    assert draft.fields["abstract_en"] == ENGLISH_ONLY["abstract_en"]
    assert draft.fields["abstract_ja"] and draft.fields["title_ja"]


def test_placeholders_the_model_dropped_are_reported_at_their_sentence(mt_env, english_only):
    from qa.mt.drafts import draft_papers, dropped_notices

    papers, _ = papers_of(english_only)
    [draft] = draft_papers(papers, en_ja(mt_env), "ja")  # the tiny model never writes a placeholder
    assert [(d.field, d.kind, d.term, d.line) for d in draft.dropped] == [
        ("abstract_ja", "name", "LLMs", 1),
        ("abstract_ja", "name", "Llama-3", 1),
        ("abstract_ja", "name", "Qwen-2.5", 1),
    ]
    column = json.dumps(ENGLISH_ONLY, ensure_ascii=False).index("Experiments") + 1
    assert dropped_notices([draft])[-1] == (
        f"{english_only}:1:{column}: 2502.19613: the model dropped 'Llama-3' (name), 'Qwen-2.5' (name) from the abstract_ja draft"
    )


def test_glossary_renderings_replace_the_placeholders_of_a_translation(mt_env, english_only, tmp_path):
    """A cached translation goes through the same restore as a fresh one: seeded with the digest's
    own Japanese written over the placeholders, the draft gets the approved renderings."""
    from conftest import REPO

    from qa.glossary import load_glossary
    from qa.mt.cache import TranslationCache
    from qa.mt.drafts import draft_papers
    from qa.mt.placeholders import protect

    glossary = load_glossary([REPO / "glossaries" / "ml-ja.yaml"])
    protected = protect(LAST_SENTENCE, "en", glossary)
    assert [(s.token, s.source, s.replacement) for s in protected.slots] == [
        ("XQ0", "Llama-3", "Llama-3"),
        ("XQ1", "Qwen-2.5", "Qwen-2.5"),
        ("XQ2", "self-correction", "自己修正"),
        ("XQ3", "reward models", "報酬モデル"),
    ]
    with_placeholders = "XQ0とXQ1を用いた実験により、我々のアプローチが内在的なXQ2能力を超え、外部のXQ3に依存するシステムと同等の性能を達成することが示されました。"
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    engine = en_ja(mt_env, cache)
    cache.put_many(engine.model_key, [(protected.text, with_placeholders, -0.5)])
    papers, _ = papers_of(english_only)
    [draft] = draft_papers(papers, engine, "ja", glossary)
    assert draft.fields["abstract_ja"].endswith(LAST_SENTENCE_JA)
    assert not [d for d in draft.dropped if d.term in ("Llama-3", "Qwen-2.5", "self-correction", "reward models")]


def test_jsonl_drafts_read_back_as_bilingual_jsonl(mt_env, english_only, tmp_path):
    from qa.mt.drafts import draft_papers, write_drafts
    from qa.pipeline import parse_file

    papers, _ = papers_of(english_only)
    drafts = draft_papers(papers, en_ja(mt_env), "ja")
    write_drafts(drafts, tmp_path / "drafts.jsonl", "translate-en_ja@0.1")
    record = json.loads((tmp_path / "drafts.jsonl").read_text(encoding="utf-8"))
    assert list(record) == ["id", "title", "title_ja", "abstract_en", "abstract_ja", "url", "source", "mt"]
    assert record["mt"]["model"] == "translate-en_ja@0.1"
    assert record["mt"]["drafted"] == ["title_ja", "abstract_ja"]
    digest = parse_file(tmp_path / "drafts.jsonl")
    assert [s.kind for s in digest.papers[0].sections] == ["title_en", "title", "abstract_en", "abstract_ja"]


def test_markdown_drafts_read_back_as_a_daily_digest(mt_env, tmp_path):
    from conftest import DAILY, REPO

    from qa.mt.drafts import draft_papers, write_drafts
    from qa.pipeline import parse_file

    papers, _ = papers_of(REPO / DAILY)
    from qa.mt.packages import require_package
    from qa.mt.translator import Translator

    drafts = draft_papers(papers, Translator(require_package("ja", "en")), "en")
    write_drafts(drafts, tmp_path / "drafts.md", "translate-ja_en@0.1")
    digest = parse_file(tmp_path / "drafts.md")
    assert digest.format == "daily-digest"
    assert [p.id for p in digest.papers] == ["2502.19613", "2502.19634", "2502.20395", "2502.20082", "2502.20238"]
    assert [s.kind for s in digest.papers[0].sections] == ["title", "abstract_en", "abstract_ja", "summary"]


def test_an_unknown_output_suffix_is_an_input_error(tmp_path):
    from qa.errors import QaInputError
    from qa.mt.drafts import write_drafts

    with pytest.raises(QaInputError, match=r"the output is \.jsonl \(bilingual JSONL\) or \.md \(Markdown\)"):
        write_drafts([], tmp_path / "drafts.txt", "m")


def test_qa_translate_reuses_the_cache_on_the_second_run(mt_env, english_only, tmp_path):
    out = tmp_path / "drafts.jsonl"
    env = {**mt_env, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = run_qa_in(env, "translate", str(english_only), "--to", "ja", "-o", str(out))
    second = run_qa_in(env, "translate", str(english_only), "--to", "ja", "-o", str(out))
    bypass = run_qa_in(env, "translate", str(english_only), "--to", "ja", "-o", str(out), "--no-cache")
    assert first.returncode == second.returncode == bypass.returncode == 0
    summary = f"{out}: 1 papers, 2 fields drafted by translate-en_ja@0.1 (4 distinct sentences, {{}} from the cache); 3 protected terms dropped\n"
    assert first.stdout == summary.format(0)
    assert second.stdout == summary.format(4)
    assert bypass.stdout == summary.format(0)
    assert first.stderr.count("qa: notice:") == 2  # two sentences lost protected terms


def test_qa_translate_drafts_english_from_an_abstracts_file(mt_env, tmp_path):
    out = tmp_path / "drafts.md"
    result = run_qa_in(mt_env, "translate", "--abstracts", "samples/abstracts.jsonl", "--to", "ja", "-o", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{out}: 43 papers, 86 fields drafted by translate-en_ja@0.1 (")
    assert out.read_text(encoding="utf-8").startswith("# arXiv 論文要約（機械翻訳の下書き: translate-en_ja@0.1）\n\n## [")


def test_qa_translate_refuses_an_unknown_target_language(mt_env, english_only, tmp_path):
    result = run_qa_in(mt_env, "translate", str(english_only), "--to", "fr", "-o", str(tmp_path / "d.jsonl"))
    assert (result.returncode, result.stderr) == (2, "qa: error: --to must be ja or en, not 'fr'\n")
