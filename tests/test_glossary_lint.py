"""Specification of glossary loading (schema, file:line errors, layering) and `qa glossary lint`."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.errors import QaInputError
from qa.glossary import load_glossary
from qa.glossary.lint import lint_glossary

HEADER = "name: test\nsource_lang: en\ntarget_lang: ja\nentries:\n"

# Two entries of glossaries/ml-ja.yaml, as they are written there.
REWARD_MODEL = """\
  - en: reward model
    abbr: RM
    ja: [報酬モデル]
    variants: [リワードモデル]
    keep_english: false
    status: approved
    source: samples
"""
SFT = """\
  - en: supervised fine-tuning
    abbr: SFT
    ja: [教師ありファインチューニング]
    variants: [教師あり微調整]
    forbidden:
      - term: 監督付きファインチューニング
        reason: supervised の直訳。機械学習では「教師あり」が定訳
    keep_english: false
    status: approved
    source: samples
"""


def write(tmp_path: Path, body: str, name: str = "glossary.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[int, str]]:
    return [(p.line, p.code) for p in lint_glossary(path)]


def test_the_curated_glossary_is_clean_and_has_at_least_150_entries():
    assert lint_glossary("glossaries/ml-ja.yaml") == []
    assert len(load_glossary(["glossaries/ml-ja.yaml"]).entries) >= 150


def test_malformed_yaml_is_one_error_line_with_its_line_number(tmp_path):
    path = write(tmp_path, "  - en: reward model\n    ja: [報酬モデル\n    status: approved\n")
    with pytest.raises(QaInputError) as error:
        load_glossary([path])
    assert str(error.value) == f"{path}:7: malformed YAML: expected ',' or ']', but got ':'"
    assert [(p.line, p.code) for p in lint_glossary(path)] == [(7, "yaml")]


def test_schema_errors_name_the_line_of_the_field(tmp_path):
    path = write(tmp_path, REWARD_MODEL + "  - en: policy\n    ja: []\n    colour: red\n    status: maybe\n")
    assert [(p.line, p.message) for p in lint_glossary(path)] == [
        (13, "entries[1].ja (policy): List should have at least 1 item after validation, not 0"),
        (14, "entries[1].colour (policy): unknown field (see glossaries/README.md for the fields of an entry)"),
        (15, "entries[1].status (policy): Input should be 'approved', 'proposed' or 'deprecated'"),
    ]


def test_loading_stops_at_the_first_schema_error_with_its_line(tmp_path):
    path = write(tmp_path, REWARD_MODEL + "  - en: policy\n    status: approved\n")
    with pytest.raises(QaInputError) as error:
        load_glossary([path])
    assert str(error.value) == f"{path}:12: entries[1].ja (policy): Field required"


def test_keep_english_entries_list_latin_forms_only(tmp_path):
    path = write(tmp_path, "  - en: low-rank adaptation\n    abbr: LoRA\n    ja: [LoRA, ローラ]\n    keep_english: true\n    status: approved\n")
    assert [p.message for p in lint_glossary(path)] == ["entries[0] (low-rank adaptation): keep_english entry lists Japanese script in ja: ローラ"]


def test_duplicate_concept_message_names_the_first_entry(tmp_path):
    path = write(tmp_path, REWARD_MODEL + "  - en: Reward Model\n    ja: [報酬モデル]\n    status: proposed\n")
    found = [(p.line, p.code, p.message) for p in lint_glossary(path)]
    assert (12, "duplicate-concept", "`Reward Model` is already the English term of `reward model` (line 5)") in found


def test_a_rendering_both_accepted_and_forbidden(tmp_path):
    path = write(tmp_path, SFT.replace("variants: [教師あり微調整]", "variants: [監督付きファインチューニング]"))
    assert problems(path) == [(5, "approved-and-forbidden")]


def test_a_rendering_shared_by_two_concepts(tmp_path):
    path = write(tmp_path, REWARD_MODEL + "  - en: process reward model\n    ja: [プロセス報酬モデル]\n    variants: [報酬モデル]\n    status: proposed\n")
    assert [(p.line, p.code, p.message) for p in lint_glossary(path)] == [
        (12, "shared-rendering", "報酬モデル renders `process reward model` and `reward model` (line 5, as 報酬モデル): a match cannot tell which")
    ]


def test_a_forbidden_rendering_inside_another_concepts_rendering_is_shadowing(tmp_path):
    path = write(tmp_path, SFT + "  - en: supervised learning\n    ja: [教師あり学習]\n    variants: [監督付きファインチューニング学習]\n    status: proposed\n")
    assert problems(path) == [(5, "shadowing")]


def test_the_same_abbreviation_in_two_entries(tmp_path):
    path = write(tmp_path, REWARD_MODEL + "  - en: retrieval model\n    abbr: RM\n    ja: [検索モデル]\n    status: proposed\n")
    assert problems(path) == [(12, "duplicate-abbreviation")]


def test_a_later_file_overrides_an_entry_of_an_earlier_one(tmp_path):
    base = write(tmp_path, REWARD_MODEL + SFT, "base.yaml")
    project = write(tmp_path, "  - en: Reward Model\n    ja: [リワードモデル]\n    status: approved\n", "project.yaml")
    glossary = load_glossary([base, project])
    assert [(e.en, e.ja) for e in glossary.entries] == [
        ("Reward Model", ["リワードモデル"]),
        ("supervised fine-tuning", ["教師ありファインチューニング"]),
    ]
    assert [(m.surface, m.kind) for m in glossary.match_ja("報酬モデルとリワードモデル")] == [("リワードモデル", "approved")]
