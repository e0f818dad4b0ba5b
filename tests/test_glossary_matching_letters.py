"""Specification of how letter case meets the compiled glossary patterns: Japanese renderings
that start with a Latin letter, and English forms searched on lowered text."""

from __future__ import annotations

import pytest

from qa.glossary import load_glossary


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(["glossaries/ml-ja.yaml"])


def spans(matches) -> list[tuple[str, str, str, int, int]]:
    return [(m.surface, m.entry, m.kind, m.start, m.end) for m in matches]


@pytest.mark.parametrize("surface", ["KVキャッシュ", "kvキャッシュ", "Kvキャッシュ"])
def test_a_rendering_that_starts_with_a_letter_matches_in_either_case(glossary, surface):
    text = f"この{surface}は小さい"
    assert [(m.surface, m.kind, m.start) for m in glossary.match_ja(text)] == [(surface, "approved", 2)]


def test_a_rendering_that_starts_with_a_letter_is_not_found_inside_a_latin_word(glossary):
    assert glossary.match_ja("XKVキャッシュ") == []


def test_english_forms_keep_the_case_and_offsets_of_the_text(glossary):
    text = "本研究はTEST-TIME SCALINGとChain-of-Thoughtを組み合わせる"
    assert spans(glossary.match_ja(text)) == [
        ("TEST-TIME SCALING", "test-time scaling", "en", 4, 21),
        ("Chain-of-Thought", "chain-of-thought", "en", 22, 38),
    ]
