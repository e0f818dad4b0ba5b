"""A validated glossary and its built matcher are cached by content, so the next run skips
the slow YAML parse and pattern building, and an edited glossary is never served from the cache."""

from __future__ import annotations

import pytest

from qa.glossary import load_glossary

GLOSSARY = """\
name: tiny
source_lang: en
target_lang: ja
entries:
  - en: mixture-of-experts
    abbr: MoE
    ja: [専門家混合]
    status: approved
"""


@pytest.fixture()
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "digest-qa" / "glossaries"


def test_a_loaded_glossary_is_cached_by_content(tmp_path, cache_home):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    load_glossary([path])
    assert len(list(cache_home.glob("*.pickle"))) == 1


def test_the_cached_glossary_matches_like_the_parsed_one(tmp_path, cache_home):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    first = load_glossary([path]).match_ja("専門家混合モデル")
    second = load_glossary([path]).match_ja("専門家混合モデル")
    assert [(m.entry, m.start, m.end) for m in second] == [(m.entry, m.start, m.end) for m in first] == [("mixture-of-experts", 0, 5)]


def test_an_edited_glossary_is_read_again(tmp_path, cache_home):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    load_glossary([path])
    path.write_text(GLOSSARY.replace("[専門家混合]", "[混合エキスパート]"), encoding="utf-8")
    assert [m.surface for m in load_glossary([path]).match_ja("混合エキスパート")] == ["混合エキスパート"]
    assert len(list(cache_home.glob("*.pickle"))) == 2


def test_an_unwritable_cache_does_not_stop_loading(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    assert len(load_glossary([path])) == 1


def test_the_built_matcher_is_cached_by_the_entries_it_matches(tmp_path, cache_home):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    matchers = cache_home.parent / "glossary-matchers"
    first = load_glossary([path]).match_en("a Mixture of Experts (MoE) layer")
    assert len(list(matchers.glob("*.pickle"))) == 1
    second = load_glossary([path]).match_en("a Mixture of Experts (MoE) layer")
    assert second == first and [m.surface for m in first] == ["Mixture of Experts", "MoE"]
    path.write_text(GLOSSARY.replace("abbr: MoE", "abbr: MOE"), encoding="utf-8")
    assert [m.surface for m in load_glossary([path]).match_en("MoE or MOE")] == ["MOE"]
    assert len(list(matchers.glob("*.pickle"))) == 2
