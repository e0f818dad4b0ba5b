"""Specification of the `qa glossary` commands as a user runs them."""

from __future__ import annotations

import json
import shutil

from conftest import ABSTRACT_PAGE, ARTICLE, REPO, run_qa

from qa.glossary.stats import rendering_stats


def test_lint_passes_on_the_curated_glossary():
    result = run_qa("glossary", "lint", "glossaries/ml-ja.yaml")
    assert (result.returncode, result.stdout) == (0, "glossaries/ml-ja.yaml: 187 entries, no problems\n")


def test_lint_exits_1_with_one_line_per_problem(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("name: bad\nentries:\n  - en: policy\n    ja: [方策]\n    status: approved\n  - en: Policy\n    ja: [方策]\n    status: approved\n", encoding="utf-8")
    result = run_qa("glossary", "lint", str(path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:6: duplicate-concept: `Policy` is already the English term of `policy` (line 3)",
        f"{path}:6: shared-rendering: 方策 renders `Policy` and `policy` (line 3, as 方策): a match cannot tell which",
    ]


def test_a_malformed_glossary_is_one_error_line_and_exit_2(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("name: bad\nentries:\n  - en: policy\n    ja: [方策\n", encoding="utf-8")
    result = run_qa("glossary", "check", ABSTRACT_PAGE, "--glossary", str(path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"qa: error: {path}:5: malformed YAML: expected ',' or ']', but got '<stream end>'\n"


def test_check_prints_path_line_column_severity_rule_and_message():
    result = run_qa("glossary", "check", ARTICLE)
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[0] == (
        f"{ARTICLE}:9:40: warning terms.inconsistent `reward model` is written リワードモデル here, "
        "but 報酬モデル at line 19 in this digest; the glossary prefers 報酬モデル"
    )
    assert [line.split(" ", 3)[:3] for line in lines] == [
        [f"{ARTICLE}:9:40:", "warning", "terms.inconsistent"],
        [f"{ARTICLE}:12:28:", "warning", "terms.inconsistent"],
        [f"{ARTICLE}:12:70:", "warning", "terms.inconsistent"],
        [f"{ARTICLE}:12:188:", "warning", "terms.forbidden"],
        [f"{ARTICLE}:13:117:", "warning", "terms.inconsistent"],
        [f"{ARTICLE}:18:19:", "warning", "terms.inconsistent"],
        [f"{ARTICLE}:18:294:", "warning", "terms.inconsistent"],
    ]
    assert result.stderr == "qa: notice: terms.missing skipped: it needs alignments (--alignments FILE from `qa align --json`)\n"


def test_check_json_lists_the_findings():
    result = run_qa("glossary", "check", ABSTRACT_PAGE, "--json")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["line"], f["ja"]) for f in findings] == [
        ("terms.inconsistent", 7, "小さな言語モデル"),
        ("terms.inconsistent", 9, "小型言語モデル"),
        ("terms.forbidden", 20, "連鎖蒸留"),
        ("terms.forbidden", 28, "大きな推論モデル"),
        ("terms.forbidden", 37, "ロングチェーン・オブ・シント"),
        ("terms.forbidden", 41, "テスト時間計算"),
        ("terms.forbidden", 46, "テスト時間計算"),
        ("terms.forbidden", 48, "自己指導型"),
    ]


def test_mine_groups_pairs_by_concept_with_their_locations():
    result = run_qa("glossary", "mine", ARTICLE)
    assert result.returncode == 0
    assert "Monte Carlo tree search — several renderings in the corpus\n" in result.stdout
    assert f"  モンテカルロツリー探索 ⇐ MCTS  ×1  variant (preferred: モンテカルロ木探索)  {ARTICLE}:12\n" in result.stdout
    assert result.stderr == "qa: 7 pairs (9 occurrences): 1 forbidden, 1 matches, 1 new, 4 variant\n"


def test_add_set_remove_edit_the_file_in_place(tmp_path):
    path = tmp_path / "ml-ja.yaml"
    shutil.copyfile("glossaries/ml-ja.yaml", path)
    before = path.read_text(encoding="utf-8")
    added = run_qa("glossary", "add", str(path), "--en", "speculative decoding", "--ja", "投機的デコーディング", "--forbidden", "投機的復号=定着していない")
    changed = run_qa("glossary", "set", str(path), "speculative decoding", "status", "approved")
    removed = run_qa("glossary", "remove", str(path), "speculative decoding")
    assert [r.stdout for r in (added, changed, removed)] == [
        f"{path}: added `speculative decoding`\n",
        f"{path}: set status of `speculative decoding`\n",
        f"{path}: removed `speculative decoding`\n",
    ]
    assert path.read_text(encoding="utf-8") == before


def test_export_and_import_round_trip_through_files(tmp_path):
    exported = tmp_path / "ml-ja.csv"
    imported = tmp_path / "ml-ja.yaml"
    assert run_qa("glossary", "export", "--to", "csv", "-o", str(exported)).returncode == 0
    result = run_qa("glossary", "import", str(exported), "--from", "csv", "-o", str(imported))
    assert (result.returncode, result.stderr) == (0, f"qa: 187 entries written to {imported}\n")
    assert run_qa("glossary", "lint", str(imported)).returncode == 0
    again = run_qa("glossary", "export", str(imported), "--to", "csv")
    assert again.stdout == exported.read_text(encoding="utf-8")


def test_stats_counts_each_rendering_of_a_concept(parsed):
    from qa.glossary import load_glossary

    usages = {u.concept: u for u in rendering_stats([parsed[ARTICLE]], load_glossary(["glossaries/ml-ja.yaml"]))}
    small = usages["small language model"]
    assert [(r.form, r.kind, r.count) for r in small.renderings] == [("SLM", "abbr", 7), ("小さな言語モデル", "variant", 2), ("小規模な言語モデル", "variant", 1)]
    mcts = usages["Monte Carlo tree search"]
    assert [(r.form, r.kind, r.count) for r in mcts.renderings] == [("MCTS", "abbr", 5), ("モンテカルロ木探索", "approved", 3), ("モンテカルロツリー探索", "variant", 1)]


def test_stats_command_prints_concepts_with_their_renderings():
    result = run_qa("glossary", "stats", ARTICLE)
    assert "Monte Carlo tree search (9)\n  MCTS  abbr  5  in 1 file\n  モンテカルロ木探索  approved  3  in 1 file\n" in result.stdout


def test_check_with_alignments_runs_terms_missing(tmp_path):
    from qa.glossary.editing import remove_entry
    from test_terms_rules import gold_alignment

    glossary = tmp_path / "ml-ja.yaml"
    shutil.copyfile("glossaries/ml-ja.yaml", glossary)
    remove_entry(glossary, "chain-of-thought distillation")  # so that ガイド付き連鎖蒸留 renders nothing
    paper = gold_alignment(REPO / "tests/data/gold/2508.12387.json")
    paper.file = ABSTRACT_PAGE
    for sentence in paper.ja:
        sentence.file = ABSTRACT_PAGE
    alignments = tmp_path / "aligned.json"
    alignments.write_text(json.dumps({"papers": [paper.view()]}), encoding="utf-8")
    result = run_qa("glossary", "check", ABSTRACT_PAGE, "--glossary", str(glossary), "--alignments", str(alignments))
    missing = [line for line in result.stdout.splitlines() if " terms.missing " in line]
    assert missing == [
        f"{ABSTRACT_PAGE}:20:1: info terms.missing `chain-of-thought` in the English sentence has no rendering here "
        "(思考の連鎖, 連鎖思考, 思考連鎖, 連鎖的思考, チェーン・オブ・ソート, chain-of-thought reasoning, CoT)"
    ]
    assert result.stderr == ""
