"""`qa align`: text and JSON output, and bad input as one error line."""

import json
from pathlib import Path

import pytest

from qa.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DIGEST = str(SAMPLES / "digests" / "arxiv-digest-2025-03-02.md")
ABSTRACTS = str(SAMPLES / "abstracts.jsonl")


def run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["align", *args])
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_json_output(capsys):
    code, out, _ = run(capsys, DIGEST, "--abstracts", ABSTRACTS, "--json")
    papers = json.loads(out)["papers"]
    assert code == 0
    assert [(p["id"], p["kind"]) for p in papers][:2] == [("2502.19613", "translation"), ("2502.19613", "summary")]
    assert papers[0]["links"][0]["en"] == [0] and papers[0]["links"][0]["ja"] == [0, 1, 2]
    assert papers[0]["ja"][0]["file"] == DIGEST and papers[0]["ja"][0]["line"] == 6


def test_side_by_side_text(capsys):
    code, out, _ = run(capsys, DIGEST, "--abstracts", ABSTRACTS, "--width", "100")
    assert code == 0
    assert f"{DIGEST}:65: 2502.20082 translation (matched by id)" in out
    assert "  EN 0 ↔ JA 0,1,2  confidence" in out
    assert "  LongRoPE2 is a novel approach that extends the  │ 68: LongRoPE2は、事前学習済みの大規模言語モデル\n" in out


def test_unmatched_papers_are_reported(capsys):
    code, out, err = run(capsys, DIGEST)
    assert code == 0
    assert "no English abstract found for this paper" in out
    assert err.startswith("qa: notice: 5 paper(s) without an English abstract:")


def test_missing_abstracts_file_is_one_error_line(capsys, tmp_path):
    code, out, err = run(capsys, DIGEST, "--abstracts", str(tmp_path / "none.jsonl"))
    assert code == 2
    assert err == f"qa: error: {tmp_path / 'none.jsonl'}: no such file\n"
