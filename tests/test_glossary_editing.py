"""Specification of `qa glossary add | remove | set`: only the intended lines of the file change."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.errors import QaInputError
from qa.glossary import load_glossary
from qa.glossary.editing import add_entry, remove_entry, set_field
from qa.glossary.lint import lint_glossary
from qa.glossary.schema import Entry

CURATED = Path("glossaries/ml-ja.yaml")


@pytest.fixture
def copy(tmp_path) -> Path:
    path = tmp_path / "ml-ja.yaml"
    shutil.copyfile(CURATED, path)
    return path


def changes(before: str, after: str) -> list[str]:
    """The changed lines, as `-old` / `+new`."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_remove_deletes_the_entry_lines_and_keeps_the_section_comment_after_it(copy):
    before = copy.read_text(encoding="utf-8")
    # cross-attention is followed by `- en: KV cache`; the block before it is self-attention.
    remove_entry(copy, "Cross Attention")
    assert changes(before, copy.read_text(encoding="utf-8")) == [
        "-  - en: cross-attention",
        "-    ja: [クロスアテンション]",
        "-    variants: [交差注意, 相互注意]",
        "-    keep_english: false",
        "-    status: approved",
        "-    source: common usage",
    ]


def test_removing_the_last_entry_of_a_section_keeps_the_next_section_heading(copy):
    before = copy.read_text(encoding="utf-8")
    remove_entry(copy, "mixture-of-experts")
    assert changes(before, copy.read_text(encoding="utf-8")) == [
        "-  - en: mixture-of-experts",
        "-    abbr: MoE",
        "-    ja: [専門家混合]",
        "-    variants: [混合専門家, エキスパート混合, 専門家の混合]",
        "-    keep_english: false",
        "-    note: 「混合専門家」は語順違いの揺れ。同一文書内での混在（サンプル R2-T2）を検出するため variant に置く。",
        "-    status: approved",
        "-    source: samples",
    ]
    assert "    source: samples\n  # ------------------------------------------------------- architecture parts\n" in copy.read_text(encoding="utf-8")


def test_add_appends_an_entry_in_the_house_style(copy):
    before = copy.read_text(encoding="utf-8")
    entry = Entry(
        en="speculative decoding",
        ja=["投機的デコーディング"],
        variants=["推測デコーディング"],
        forbidden=[{"term": "投機的復号", "reason": "decoding は「デコーディング」が定着"}],
        status="proposed",
    )
    add_entry(copy, entry)
    assert changes(before, copy.read_text(encoding="utf-8")) == [
        "+  - en: speculative decoding",
        "+    ja: [投機的デコーディング]",
        "+    variants: [推測デコーディング]",
        "+    forbidden:",
        "+      - term: 投機的復号",
        "+        reason: decoding は「デコーディング」が定着",
        "+    keep_english: false",
        "+    status: proposed",
    ]
    assert lint_glossary(copy) == []
    assert load_glossary([copy]).entry("Speculative Decoding").variants == ["推測デコーディング"]


def test_add_refuses_a_concept_that_is_already_there(copy):
    with pytest.raises(QaInputError, match="`small language models` already has an entry"):
        add_entry(copy, Entry(en="small language models", ja=["小規模言語モデル"], status="proposed"))


def test_set_replaces_one_field_and_keeps_its_style(copy):
    before = copy.read_text(encoding="utf-8")
    set_field(copy, "small language model", "variants", ["小型言語モデル", "小さな言語モデル"])
    assert changes(before, copy.read_text(encoding="utf-8")) == [
        "-    variants: [小型言語モデル, 小さな言語モデル, 小規模な言語モデル]",
        "+    variants: [小型言語モデル, 小さな言語モデル]",
    ]


def test_set_inserts_a_missing_field_at_its_place_in_the_entry(copy):
    before = copy.read_text(encoding="utf-8")
    set_field(copy, "KV cache", "abbr", ["KV"])
    assert changes(before, copy.read_text(encoding="utf-8")) == ["+    abbr: KV"]
    text = copy.read_text(encoding="utf-8")
    assert "  - en: KV cache\n    abbr: KV\n    en_variants: [key-value cache]\n" in text


def test_set_append_adds_a_forbidden_rendering(copy):
    before = copy.read_text(encoding="utf-8")
    set_field(copy, "low-rank adaptation", "forbidden", ["ロラ=must stay in Latin script"], append=True)
    assert changes(before, copy.read_text(encoding="utf-8")) == ["+      - term: ロラ", "+        reason: must stay in Latin script"]


def test_set_without_values_removes_an_optional_field(copy):
    before = copy.read_text(encoding="utf-8")
    set_field(copy, "attention", "ambiguous", [])
    assert changes(before, copy.read_text(encoding="utf-8")) == ["-    ambiguous: [attention]"]


def test_an_edit_that_breaks_the_schema_is_not_written(copy):
    before = copy.read_text(encoding="utf-8")
    with pytest.raises(QaInputError, match="not written"):
        set_field(copy, "attention", "status", ["maybe"])
    with pytest.raises(QaInputError, match="ja is required"):
        set_field(copy, "attention", "ja", [])
    assert copy.read_text(encoding="utf-8") == before


def test_an_unknown_concept_is_an_error(copy):
    with pytest.raises(QaInputError, match="no entry for `speculative decoding`"):
        remove_entry(copy, "speculative decoding")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30).filter(str.strip))
def test_any_note_survives_a_set_and_changes_one_line(copy, note):
    before = copy.read_text(encoding="utf-8")
    set_field(copy, "reward hacking", "note", [note])
    after = copy.read_text(encoding="utf-8")
    assert load_glossary([copy]).entry("reward hacking").note == note.strip()
    assert [line[:1] for line in changes(before, after)] == ["+"]
    copy.write_text(before, encoding="utf-8")
