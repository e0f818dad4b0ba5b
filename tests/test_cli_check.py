"""Specification of `qa check` and `qa rules` as a user and a CI job see them: output and exit codes."""

from __future__ import annotations

import json

import pytest
from conftest import SUMMARY_QUESTIONS

from qa.checks import load_rules
from qa.cli import main

# The answers of 2503.24376 in samples/digests/paper-summaries-2025-04.md (lines 457-625), first
# sentences only; question 5 and 6 take the defects of lines 505 and 18 when asked to.
ANSWERS = {
    1: "既存研究は、以下の点で不十分でした。",
    2: "論文では、上記の問題を解決するために、以下の新しいアプローチを導入しました。",
    3: "この研究により、以下の成果が達成されました。",
    4: "論文で言及されている主な制限事項と問題点は次のとおりです。",
    5: "*   **モデル:** ベースモデルとしてQwen2-VL-Instruct-7Bを使用。",
    6: "具体的なGPUの数やトレーニング時間は記載されていません。",
    7: "特に参照すべき参考文献は以下のとおりです。",
    8: "SEED-Bench-R1というビデオ理解ベンチマークを提案。Qwen2-VLでRL(GRPO)とSFTを比較した結果、RLがデータ効率と汎化性能で優位！"
    "視覚注意の改善も確認。課題は論理の一貫性。#ビデオ理解 #強化学習 #MLLM",
}
PLACEHOLDER = "*   フレーム解像度を`(フレーム解像度の具体的な数値)`に設定"
FULLWIDTH = "具体的には、以下の５つの側面からGUIエージェントの信頼性について議論しています。"


def paper(answer_5: str = ANSWERS[5], answer_6: str = ANSWERS[6]) -> str:
    answers = ANSWERS | {5: answer_5, 6: answer_6}
    sections = "".join(f"## {q}\n\n{answers[n]}\n\n" for n, q in enumerate(SUMMARY_QUESTIONS, start=1))
    return "# Exploring the Effect of Reinforcement Learning on Video Understanding\n\n" + f"[View Paper](http://arxiv.org/abs/2503.24376v1)\n\n{sections}"


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    """`qa ARGS` in a fresh working directory: (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)

    def qa(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exited:
            main(list(args))
        out, err = capsys.readouterr()
        return exited.value.code, out, err

    return qa


@pytest.fixture
def digests(tmp_path):
    """clean.md (no finding), warning.md (a full-width digit), error.md (a placeholder and the digit)."""
    (tmp_path / "clean.md").write_text(paper(), encoding="utf-8")
    (tmp_path / "warning.md").write_text(paper(answer_6=FULLWIDTH), encoding="utf-8")
    (tmp_path / "error.md").write_text(paper(answer_5=PLACEHOLDER, answer_6=FULLWIDTH), encoding="utf-8")
    return tmp_path


def findings(stdout: str) -> list[tuple[str, int, str]]:
    return [(f["file"], f["line"], f["rule"]) for f in json.loads(stdout)["findings"]]


# --- exit codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "fail_on", "code"),
    [
        ("clean.md", None, 0),
        ("warning.md", None, 0),
        ("error.md", None, 1),
        ("warning.md", "warning", 1),
        ("warning.md", "info", 1),
        ("error.md", "never", 0),
    ],
)
def test_exit_code_follows_fail_on(run, digests, file, fail_on, code):
    args = ["check", file] + (["--fail-on", fail_on] if fail_on else [])
    assert run(*args)[0] == code


def test_fail_on_can_come_from_the_config(run, digests):
    (digests / "qa.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert run("check", "warning.md")[0] == 1
    assert run("check", "warning.md", "--fail-on", "error")[0] == 0


# --- selection -------------------------------------------------------------------------------


def test_select_and_ignore_rules_and_families(run, digests):
    everything = findings(run("check", "error.md", "--format", "json")[1])
    assert everything == [("error.md", 23, "artifact.placeholder"), ("error.md", 27, "style.mixed_width_alnum")]
    assert findings(run("check", "error.md", "--format", "json", "--select", "style")[1]) == [everything[1]]
    assert findings(run("check", "error.md", "--format", "json", "--ignore", "artifact.placeholder")[1]) == [everything[1]]
    code, out, _ = run("check", "error.md", "--format", "json", "--select", "artifact", "--select", "style", "--ignore", "style.mixed_width_alnum")
    assert (code, findings(out)) == (1, [everything[0]])


# --- formats and output ----------------------------------------------------------------------


def test_text_report_on_stdout(run, digests):
    code, out, err = run("check", "error.md")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "error.md",
        "  paper 2503.24376",
        "error.md:23:14: error artifact.placeholder placeholder left in the text: '(フレーム解像度の具体的な数値)'",
        "    ja: フレーム解像度を(フレーム解像度の具体的な数値)に設定",
        "error.md:27:10: warning style.mixed_width_alnum full-width '５' where the document writes letters and digits half-width",
        f"    ja: {FULLWIDTH}",
        "",
        "1 error, 1 warning, 0 info in 1 file (1 paper)",
    ]


@pytest.mark.parametrize(
    ("report_format", "starts"),
    [("json", '{\n  "version": 1,'), ("sarif", '{\n  "$schema": '), ("junit", '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites'), ("github", "::error file=error.md,line=23,")],
)
def test_format_option(run, digests, report_format, starts):
    assert run("check", "error.md", "--format", report_format)[1].startswith(starts)


def test_json_summary_counts_files_papers_and_severities(run, digests):
    out = run("check", ".", "--format", "json")[1]
    assert json.loads(out)["summary"] == {"files": 3, "papers": 3, "error": 1, "warning": 2, "info": 0}


def test_output_file_is_written_whole_instead_of_stdout(run, digests):
    (digests / "report.json").write_text("an older, longer report that must disappear entirely\n" * 100, encoding="utf-8")
    code, out, err = run("check", "error.md", "--format", "json", "--output", "report.json")
    assert (code, out, err) == (1, "", "")
    assert findings((digests / "report.json").read_text(encoding="utf-8")) == [
        ("error.md", 23, "artifact.placeholder"),
        ("error.md", 27, "style.mixed_width_alnum"),
    ]
    assert sorted(p.name for p in digests.iterdir()) == ["clean.md", "error.md", "report.json", "warning.md"]


def test_output_into_a_missing_directory_is_an_input_error(run, digests):
    assert run("check", "error.md", "--output", "reports/qa.txt") == (2, "", "qa: error: reports: output directory does not exist\n")
    assert not (digests / "reports").exists()


def test_jobs_give_the_same_findings(run, digests, monkeypatch):
    monkeypatch.setattr("qa.parallel.POOL_MIN_BYTES", 0)  # the digests are too small for a pool otherwise
    assert run("check", ".", "--format", "json", "--jobs", "2")[1] == run("check", ".", "--format", "json")[1]


def test_json_report_streamed_into_a_file_is_the_report_on_stdout(run, digests, monkeypatch):
    """With --output, a json report is written as each piece's findings come (memory stays flat
    on large batches); it is the same report, in the same order, as the one on stdout."""
    monkeypatch.setattr("qa.parallel.POOL_MIN_BYTES", 0)
    code, out, _ = run("check", ".", "--format", "json", "--jobs", "2")
    assert run("check", ".", "--format", "json", "--jobs", "2", "--output", "report.json")[0] == code == 1
    assert (digests / "report.json").read_text(encoding="utf-8") == out


def test_a_streamed_report_that_fails_midway_leaves_the_old_report(run, digests):
    """zz.md, binary, is read last: the findings of the other files are already written by then,
    into the temp file of an atomic write that is thrown away."""
    (digests / "report.json").write_text("the previous report\n", encoding="utf-8")
    (digests / "zz.md").write_bytes(b"\x00\x01binary\x00")
    code, _, err = run("check", ".", "--format", "json", "--output", "report.json")
    assert (code, err.count("\n")) == (2, 1)
    assert (digests / "report.json").read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in digests.iterdir()) == ["clean.md", "error.md", "report.json", "warning.md", "zz.md"]


def test_a_small_input_is_checked_without_a_process_pool(run, digests, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool for three small files")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", no_pool)
    assert run("check", ".", "--format", "json", "--jobs", "2") == run("check", ".", "--format", "json")


# --- baseline --------------------------------------------------------------------------------


def test_baseline_hides_known_findings_until_they_change(run, digests):
    code, out, err = run("check", "error.md", "--write-baseline", "qa-baseline.json")
    assert (code, out, err) == (0, "", "qa: baseline of 2 findings written to qa-baseline.json\n")
    assert run("check", "error.md", "--baseline", "qa-baseline.json", "--format", "json")[:2] == (0, json.dumps(
        {"version": 1, "findings": [], "summary": {"files": 1, "papers": 1, "error": 0, "warning": 0, "info": 0}}, indent=2
    ) + "\n")

    text = (digests / "error.md").read_text(encoding="utf-8")
    changed = text.replace("(フレーム解像度の具体的な数値)", "(フレームレートの具体的な数値)")
    (digests / "error.md").write_text("## 0. 前置き\n\n" + changed, encoding="utf-8")
    code, out, _ = run("check", "error.md", "--baseline", "qa-baseline.json", "--format", "json")
    assert (code, findings(out)) == (1, [("error.md", 25, "artifact.placeholder")])


def test_a_missing_baseline_is_an_input_error(run, digests):
    assert run("check", "error.md", "--baseline", "nope.json") == (2, "", "qa: error: nope.json: baseline file not found\n")


# --- qa rules --------------------------------------------------------------------------------


def test_rules_lists_every_rule_with_its_severity_and_description(run):
    code, out, _ = run("rules")
    lines = out.splitlines()
    assert code == 0
    assert [line.split()[0] for line in lines] == sorted(load_rules())
    assert "structure.length              error    A section whose heading promises a length (「140字以内」) is longer than promised." in lines


def test_rules_explains_one_rule(run):
    assert run("rules", "style.mixed_width_alnum") == (
        0,
        "style.mixed_width_alnum (warning)\n"
        "  Full-width letters or digits (５, ＧＰＴ) in a document that writes them half-width.\n"
        "  example: 以下の５つの側面 in a document with 5つ elsewhere → full-width '５'\n",
        "",
    )


def test_rules_of_an_unknown_id_is_an_input_error(run):
    assert run("rules", "style.politeness") == (2, "", "qa: error: unknown rule 'style.politeness' (see `qa rules`)\n")


# --- bad input: exit 2, one line, no traceback -----------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "missing.md"], "qa: error: missing.md: no such file or directory"),
        (["check", "error.md", "--format", "xml"], "qa: error: unknown report format 'xml' (known: github, json, junit, sarif, text)"),
        (["check", "error.md", "--fail-on", "warn"], "qa: error: --fail-on must be one of error, warning, info, never, not 'warn'"),
        (["check", "error.md", "--config", "qa.toml"], "qa: error: qa.toml: config file not found"),
        (["check", "binary.md"], "qa: error: binary.md: binary file (contains NUL bytes), expected UTF-8 text"),
        (["check", "empty.md"], "qa: error: empty.md: file is empty"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run, digests, args, message):
    (digests / "binary.md").write_bytes(b"# Title\x00\x01\x02")
    (digests / "empty.md").write_text("\n", encoding="utf-8")
    assert run(*args) == (2, "", message + "\n")


def test_a_bad_config_is_one_line_and_exit_2(run, digests):
    (digests / "qa.toml").write_text('fail-on = "warn"\n', encoding="utf-8")
    code, out, err = run("check", "error.md")
    assert (code, out) == (2, "")
    assert err.startswith("qa: error: ") and err.count("\n") == 1 and "fail-on" in err
