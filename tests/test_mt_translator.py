"""The translator: the real CTranslate2 path over the tiny package, batched, deduplicated, cached."""

from __future__ import annotations

import pickle
import sqlite3

import pytest

from mt_package import mt_archives, mt_env, requires_mt  # noqa: F401  (fixtures)

pytestmark = requires_mt

# From samples/digests/arxiv-digest-2025-03-02.md, 2502.19613 and 2502.19634.
SENTENCES = [
    "自己報酬型推論の大規模言語モデル（LLMs）について研究します。",
    "外部からのフィードバックなしで行います。",
    "Llama-3とQwen-2.5を用いた実験により、我々のアプローチが内在的な自己修正能力を超え、外部の報酬モデルに依存するシステムと同等の性能を達成することが示されました。",
    "また、分布外のタスクにおける頑健なドメイン一般化も示しています。",
]


@pytest.fixture(scope="module")
def sample_sentences(mt_env) -> list[str]:
    """Every sentence of the sample digests, through the project's segmentation."""
    from conftest import DIGESTS

    from qa.pipeline import parse_paths

    parsed = parse_paths([DIGESTS])
    return [s.text for _, d in parsed for p in d.all_papers() for section in p.sections for s in section.sentences]


def translator(mt_env, cache=None, **options):
    from qa.mt.packages import require_package
    from qa.mt.translator import Translator

    return Translator(require_package("ja", "en"), cache=cache, **options)


def cache_at(path):
    from qa.mt.cache import TranslationCache

    return TranslationCache(path)


def test_the_installed_package_is_found_by_its_pair(mt_env):
    from qa.mt.packages import package_for

    package = package_for("ja", "en")
    assert (package.name, package.version, package.key) == ("translate-ja_en", "0.1", "translate-ja_en@0.1")
    assert str(package.path) == f"{mt_env['ARGOS_PACKAGES_DIR']}/translate-ja_en-0_1"


def test_translations_come_back_in_input_order_with_text_and_beam_score(mt_env):
    results = translator(mt_env).translate(SENTENCES)
    assert [r.source for r in results] == SENTENCES
    assert all(r.text for r in results)
    assert all(r.score < 0 for r in results)


def test_batched_translation_equals_one_sentence_at_a_time(mt_env):
    engine = translator(mt_env)
    batched = [(r.text, round(r.score, 4)) for r in engine.translate(SENTENCES)]
    alone = [(r.text, round(r.score, 4)) for s in SENTENCES for r in engine.translate([s])]
    assert batched == alone


def test_duplicates_are_translated_once(mt_env):
    engine = translator(mt_env)
    results = engine.translate([SENTENCES[1], SENTENCES[0], SENTENCES[1]])
    assert results[0] == results[2]
    assert engine.stats.model_dump() == {"sentences": 3, "unique": 2, "cached": 0, "translated": 2}


def test_blank_sentences_are_not_sent_to_the_model(mt_env):
    engine = translator(mt_env)
    results = engine.translate(["", "  ", SENTENCES[1]])
    assert [(r.text, r.score) for r in results[:2]] == [("", 0.0), ("", 0.0)]
    assert engine.stats.unique == 1


def test_the_second_run_reads_every_sentence_from_the_cache(mt_env, sample_sentences, tmp_path):
    first = translator(mt_env, cache=cache_at(tmp_path / "cache.sqlite3"))
    translated = first.translate(sample_sentences)
    second = translator(mt_env, cache=cache_at(tmp_path / "cache.sqlite3"))
    again = second.translate(sample_sentences)
    unique = len(set(sample_sentences))
    assert first.stats.model_dump() == {"sentences": len(sample_sentences), "unique": unique, "cached": 0, "translated": unique}
    assert second.stats.model_dump() == {"sentences": len(sample_sentences), "unique": unique, "cached": unique, "translated": 0}
    assert second.stats.hit_rate == 1.0
    assert [(r.text, r.score) for r in again] == [(r.text, r.score) for r in translated]
    assert all(r.cached for r in again)


def test_a_fully_cached_run_does_not_load_the_model(mt_env, tmp_path):
    translator(mt_env, cache=cache_at(tmp_path / "c.sqlite3")).translate(SENTENCES)
    second = translator(mt_env, cache=cache_at(tmp_path / "c.sqlite3"))
    second.translate(SENTENCES)
    assert second._engine is None


def test_the_cache_is_keyed_by_package_version_and_decoding_settings(mt_env, tmp_path):
    translator(mt_env, cache=cache_at(tmp_path / "c.sqlite3"), beam_size=4).translate(SENTENCES[:1])
    rows = sqlite3.connect(tmp_path / "c.sqlite3").execute("SELECT model, source FROM translations").fetchall()
    assert rows == [("translate-ja_en@0.1 beam=4 max=256", SENTENCES[0])]
    greedy = translator(mt_env, cache=cache_at(tmp_path / "c.sqlite3"), beam_size=1)
    greedy.translate(SENTENCES[:1])
    assert greedy.stats.cached == 0


def test_max_length_caps_the_output_tokens(mt_env):
    import sentencepiece

    engine = translator(mt_env, max_length=1)
    pieces = sentencepiece.SentencePieceProcessor(model_file=str(engine.package.path / "sentencepiece.model"))
    capped = [r.text for r in engine.translate(SENTENCES)]
    assert capped == ["res", "me", "allen", "me"]  # one token each: a vocabulary piece
    assert all(pieces.piece_to_id(text) != pieces.unk_id() for text in capped)
    assert [r.text for r in translator(mt_env).translate(SENTENCES)] == ["対", "対", "対", "対"]


def test_without_a_cache_nothing_is_written(mt_env, tmp_path):
    from qa.mt.translator import open_translator

    engine = open_translator("ja", "en", use_cache=False)
    engine.translate(SENTENCES)
    assert engine.cache is None
    assert engine.stats.translated == 4


def test_the_default_cache_lives_under_xdg_cache_home(mt_env):
    from qa.mt.translator import open_translator

    engine = open_translator("ja", "en")
    assert str(engine.cache.path) == f"{mt_env['XDG_CACHE_HOME']}/digest-qa/mt-cache.sqlite3"


def test_a_file_that_is_not_a_cache_is_an_input_error(mt_env, tmp_path):
    from qa.errors import QaInputError

    bad = tmp_path / "bad.sqlite3"
    bad.write_text("no database here " * 100, encoding="utf-8")
    with pytest.raises(QaInputError, match="not a translation cache .*delete it or use --no-cache"):
        translator(mt_env, cache=cache_at(bad)).translate(SENTENCES[:1])


def test_a_translator_pickles_without_its_model_or_database(mt_env, tmp_path):
    engine = translator(mt_env, cache=cache_at(tmp_path / "c.sqlite3"))
    before = engine.translate(SENTENCES[:2])
    copy = pickle.loads(pickle.dumps(engine))
    assert copy._engine is None
    assert [r.text for r in copy.translate(SENTENCES[:2])] == [r.text for r in before]
    assert copy.stats.cached == 2


def test_module_level_translate_uses_the_installed_pair(mt_env):
    from qa.mt.translator import translate

    results = translate(SENTENCES[:1], "ja", "en", beam_size=2, use_cache=False)
    assert [r.source for r in results] == SENTENCES[:1]


def test_invalid_decoding_settings_are_input_errors(mt_env):
    from qa.errors import QaInputError

    with pytest.raises(QaInputError, match="beam size, batch size and maximum length must be at least 1"):
        translator(mt_env, beam_size=0)
