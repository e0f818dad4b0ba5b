"""Specification of baselines: known findings recorded once, hidden until their text changes."""

from __future__ import annotations

import json

import pytest

from qa.baseline import filter_baseline, fingerprint, read_baseline, write_baseline
from qa.checks import run_checks
from qa.errors import QaInputError
from qa.findings import Finding, Severity
from qa.pipeline import parse_source
from qa.source import SourceText

SUMMARIES = "samples/digests/paper-summaries-2025-04.md"
# samples/digests/paper-summaries-2025-04.md lines 505 and 2699
PLACEHOLDER = Finding(
    rule="artifact.placeholder",
    severity=Severity.ERROR,
    message="placeholder left in the text: '(フレーム解像度の具体的な数値)'",
    paper="2503.24376",
    file=SUMMARIES,
    line=505,
    column=26,
    ja="フレーム解像度を(フレーム解像度の具体的な数値)に設定",
)
BRACKET = Finding(
    rule="style.unbalanced_brackets",
    severity=Severity.WARNING,
    message="'（' closed by ')' of the other width",
    paper="2504.00294",
    file=SUMMARIES,
    line=2699,
    column=24,
    ja="アルゴリズム設計（3SAT、TSP):",
)


@pytest.fixture
def recorded(tmp_path):
    """The baseline of some findings as read back from its file."""

    def record(findings: list[Finding]):
        path = tmp_path / "recorded.json"
        write_baseline(path, findings)
        return read_baseline(path)

    return record


def test_written_baseline_lists_fingerprints_by_file_and_line(tmp_path):
    path = tmp_path / "qa-baseline.json"
    write_baseline(path, [BRACKET, PLACEHOLDER])
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "version": 1,
        "findings": [
            {"fingerprint": fingerprint(PLACEHOLDER), "rule": "artifact.placeholder", "file": SUMMARIES, "line": 505},
            {"fingerprint": fingerprint(BRACKET), "rule": "style.unbalanced_brackets", "file": SUMMARIES, "line": 2699},
        ],
    }


def test_known_findings_are_hidden(tmp_path):
    path = tmp_path / "qa-baseline.json"
    write_baseline(path, [PLACEHOLDER, BRACKET])
    assert filter_baseline([PLACEHOLDER, BRACKET], read_baseline(path)) == []


def test_a_known_finding_that_moved_stays_hidden(recorded):
    moved = PLACEHOLDER.model_copy(update={"line": 512, "column": 3})
    assert filter_baseline([moved], recorded([PLACEHOLDER])) == []


def test_a_known_finding_whose_text_changed_is_shown(recorded):
    changed = PLACEHOLDER.model_copy(update={"ja": "フレーム解像度を(フレーム解像度の具体的な値)に設定"})
    assert filter_baseline([changed], recorded([PLACEHOLDER])) == [changed]


def test_a_new_finding_is_shown(recorded):
    assert filter_baseline([PLACEHOLDER, BRACKET], recorded([PLACEHOLDER])) == [BRACKET]


def test_each_recorded_finding_hides_one_occurrence(recorded):
    assert filter_baseline([PLACEHOLDER, PLACEHOLDER], recorded([PLACEHOLDER])) == [PLACEHOLDER]


def test_the_spelling_of_the_path_does_not_matter():
    respelled = PLACEHOLDER.model_copy(update={"file": "./samples//digests/paper-summaries-2025-04.md"})
    assert fingerprint(respelled) == fingerprint(PLACEHOLDER)


def test_the_fingerprint_depends_on_rule_file_paper_and_evidence():
    variants = [
        PLACEHOLDER.model_copy(update={"rule": "artifact.boilerplate"}),
        PLACEHOLDER.model_copy(update={"file": "samples/digests/other.md"}),
        PLACEHOLDER.model_copy(update={"paper": "2503.24377"}),
        PLACEHOLDER.model_copy(update={"ja": "解像度は記載されていない"}),
    ]
    assert len({fingerprint(v) for v in [PLACEHOLDER, *variants]}) == 5


def test_a_duplicate_paper_stays_known_when_text_is_added_above_it():
    paper = "# Multi-Token Attention\n\n[View Paper](http://arxiv.org/abs/2504.00927v1)\n\n## 1. 既存研究では何ができなかったのか\n\n単一トークンの注意に限られていた。\n\n"

    def duplicate(text: str) -> Finding:
        src = SourceText("digest.md", text)
        (finding,) = run_checks([(src, parse_source(src))], select=["structure.duplicate_paper"])
        return finding

    before = duplicate(paper + paper)
    after = duplicate(paper.replace("限られていた。", "限られていた。\n\n複数のトークンを同時に扱えなかった。") + paper)
    assert (before.line, after.line) == (9, 11)
    assert fingerprint(before) == fingerprint(after)


def test_a_missing_baseline_is_an_input_error(tmp_path):
    with pytest.raises(QaInputError, match="baseline file not found$"):
        read_baseline(tmp_path / "missing.json")


@pytest.mark.parametrize("content", ["not json", '{"version": 1}', '{"findings": [{"rule": "x"}]}', "[]"])
def test_a_file_that_is_not_a_baseline_is_an_input_error(tmp_path, content):
    path = tmp_path / "qa-baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(QaInputError, match="not a qa baseline file$"):
        read_baseline(path)


def test_writing_replaces_the_old_baseline_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "qa-baseline.json"
    write_baseline(path, [PLACEHOLDER, BRACKET])
    write_baseline(path, [BRACKET])
    assert [p.name for p in tmp_path.iterdir()] == ["qa-baseline.json"]
    assert sum(read_baseline(path).values()) == 1
