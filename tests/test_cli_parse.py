"""The `qa parse` and `qa detect` commands, `qa --version`, `qa --help`, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLE, DAILY, QA_COMMAND, REPO, SUMMARIES, run_qa

SAMPLE_PATHS = [
    "samples/digests/arxiv-digest-2025-03-02.md",
    "samples/digests/paper-summaries-2025-04.md",
    "samples/digests/realm-abstract-page.md",
    "samples/digests/rstar-math-article.txt",
]


@pytest.fixture(scope="module")
def parse_json() -> dict:
    result = run_qa("parse", "samples/digests", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def detect_json() -> dict:
    result = run_qa("detect", "samples/digests", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    return json.loads(result.stdout)


def assert_one_line_error(result, message: str) -> None:
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"qa: error: {message}\n")


# qa parse --json


def test_parse_reports_5_29_1_1_papers_and_7_related(parse_json):
    digests = parse_json["digests"]
    assert [(d["path"], d["format"], len(d["papers"])) for d in digests] == [
        (SAMPLE_PATHS[0], "daily-digest", 5),
        (SAMPLE_PATHS[1], "paper-summaries", 29),
        (SAMPLE_PATHS[2], "abstract-page", 1),
        (SAMPLE_PATHS[3], "article", 1),
    ]
    assert [len(p["related"]) for d in digests for p in d["papers"] if p["related"]] == [7]


def test_parse_ids_are_the_ids_of_the_abstracts(parse_json, abstracts):
    ids = [p["id"] for d in parse_json["digests"] for p in d["papers"]]
    assert len(ids) == 36 and ids.count(None) == 1  # the article gives none
    assert {i for i in ids if i} <= set(abstracts)
    assert len({i for i in ids if i}) == 35


def test_parse_paper_has_the_documented_shape(parse_json):
    paper = parse_json["digests"][1]["papers"][4]
    assert {k: paper[k] for k in ("id", "version", "title", "line", "related")} == {
        "id": "2504.00927", "version": 1, "title": "Multi-Token Attention", "line": 631, "related": []
    }
    assert {k: paper["sections"][1][k] for k in ("kind", "heading", "lang", "line")} == {
        "kind": "question-1", "heading": "1. 既存研究では何ができなかったのか", "lang": "ja", "line": 635
    }


def test_parse_related_papers_carry_title_score_and_date(parse_json):
    first = parse_json["digests"][2]["papers"][0]["related"][0]
    assert (first["id"], first["title"][:9], first["score"], first["date"], first["line"]) == (
        None, "Light-IF:", 10.119219532863767, "2025-08-05", 23
    )


def test_parse_without_json_prints_one_summary_per_digest_and_paper():
    result = run_qa("parse", DAILY)
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        f"{DAILY} (daily-digest): 5 papers, 0 related",
        f"  {DAILY}:3: 2502.19613  数学的推論のための自己報酬型修正",
        "      sections: title, abstract_ja, summary",
    ]
    assert len(lines) == 11


def test_library_api_gives_what_the_command_prints(parse_json):
    import qa

    parsed = qa.parse_paths([REPO / "samples" / "digests"])
    assert [len(d.papers) for _, d in parsed] == [len(d["papers"]) for d in parse_json["digests"]]
    assert qa.parse_file(REPO / ARTICLE).papers[0].title == parse_json["digests"][3]["papers"][0]["title"]


# qa detect --json


def test_detect_gives_per_sentence_language_and_offsets(detect_json):
    text = (REPO / SUMMARIES).read_text(encoding="utf-8")
    section = detect_json["digests"][1]["papers"][12]["sections"][6]  # 2503.24219, question-6
    on_line = [s for s in section["sentences"] if s["line"] == 1982]
    assert [(s["text"], s["lang"], s["column"]) for s in on_line] == [
        ("Number of object queries: Top N queries selected.", "en", 7),
        ("The value of N is not given, but the paper mentions a trade-off between average recall and "
         "computational efficiency.", "en", 59),
    ]
    assert text[on_line[1]["start"] : on_line[1]["end"]] == on_line[1]["text"]
    assert text[on_line[0]["start"] : on_line[0]["end"]] == "Number of object queries:** Top N queries selected."
    assert sorted(on_line[0]) == ["column", "end", "lang", "line", "start", "text"]


def test_detect_lists_the_untranslated_sentence_as_an_issue(detect_json):
    issues = [(i["kind"], i["loc"]["line"]) for d in detect_json["digests"] for i in d["issues"]]
    assert issues == [("untranslated-sentence", 1982)]


def test_detect_labels_code_blocks_code(detect_json):
    paper = detect_json["digests"][1]["papers"][4]  # Multi-Token Attention, code from line 650
    code = [s for s in paper["sections"][2]["sentences"] if s["lang"] == "code"]
    assert [s["line"] for s in code] == [650, 675]
    assert code[0]["text"].startswith("# A_hat: Attention Logits\n")


def test_detect_without_json_prints_languages_and_issues():
    result = run_qa("detect", SUMMARIES)
    lines = result.stdout.splitlines()
    assert lines[1] == (
        f"  {SUMMARIES}:2: 2503.23434  title=en question-1=ja question-2=ja question-3=ja question-4=ja "
        "question-5=ja question-6=ja question-7=ja question-8=ja"
    )
    assert lines[-1].startswith(f"  {SUMMARIES}:1982:59: English sentence left untranslated in Japanese text: The value")


# --version, --help


def test_version():
    result = run_qa("--version")
    assert (result.returncode, result.stdout) == (0, "qa (digest-qa) 0.1.0\n")


def test_help_lists_parse_and_detect():
    result = run_qa("--help")
    assert result.returncode == 0
    commands = [line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert {"parse", "detect"} <= set(commands)


def test_help_loads_no_heavy_library():
    code = "import sys, qa.cli; print([m for m in ('pydantic', 'markdown_it', 'langdetect') if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.stdout == "[]\n"


def test_each_command_is_listed_with_the_module_that_registers_it():
    import importlib
    import pkgutil

    import typer

    import qa.cli

    registered_by = {}
    for info in pkgutil.iter_modules(qa.cli.__path__):
        module = importlib.import_module(f"qa.cli.{info.name}")
        if hasattr(module, "register"):
            app = typer.Typer()
            module.register(app)
            for name in [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]:
                registered_by[name] = info.name
    assert registered_by == qa.cli.COMMAND_MODULES


def test_a_command_imports_only_its_own_command_module():
    code = "import sys; from qa.cli import _run; _run(['detect', 'samples/digests']); print(sorted(m for m in sys.modules if m.startswith('qa.cli.')))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "['qa.cli.output', 'qa.cli.parse']"


# Bad input: exit 2, one line on stderr, never a traceback.


def test_missing_path(tmp_path):
    assert_one_line_error(run_qa("parse", str(tmp_path / "nope.md")), f"{tmp_path / 'nope.md'}: no such file or directory")


def test_empty_file(tmp_path):
    (tmp_path / "empty.md").write_text("\n  \n", encoding="utf-8")
    assert_one_line_error(run_qa("parse", str(tmp_path / "empty.md")), f"{tmp_path / 'empty.md'}: file is empty")


def test_binary_file(tmp_path):
    (tmp_path / "figure.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_one_line_error(
        run_qa("parse", str(tmp_path / "figure.md")),
        f"{tmp_path / 'figure.md'}: binary file (contains NUL bytes), expected UTF-8 text",
    )


def test_utf16_file(tmp_path):
    (tmp_path / "digest.md").write_bytes((REPO / DAILY).read_text(encoding="utf-8").encode("utf-16"))
    assert_one_line_error(
        run_qa("parse", str(tmp_path / "digest.md")),
        f"{tmp_path / 'digest.md'}: UTF-16 text, expected UTF-8; convert it with `iconv -f UTF-16 -t UTF-8`",
    )


def test_undecodable_bytes(tmp_path):
    (tmp_path / "latin1.md").write_bytes("## [Résumé des modèles](http://arxiv.org/abs/2502.19613v1)\n".encode("latin-1"))
    assert_one_line_error(
        run_qa("parse", str(tmp_path / "latin1.md")),
        f"{tmp_path / 'latin1.md'}: not UTF-8 text and not Shift_JIS/CP932/EUC-JP either",
    )


@pytest.mark.parametrize(
    ("sample", "codec", "label", "iconv"),
    [
        (DAILY, "shift_jis", "Shift_JIS/CP932", "CP932"),
        (ARTICLE, "cp932", "Shift_JIS/CP932", "CP932"),  # ① is in CP932, not in Shift_JIS
        (DAILY, "euc_jp", "EUC-JP", "EUC-JP"),
    ],
)
def test_legacy_japanese_encodings_are_decoded_with_a_notice(tmp_path, sample, codec, label, iconv):
    path = tmp_path / ("legacy" + (REPO / sample).suffix)
    path.write_bytes((REPO / sample).read_text(encoding="utf-8").encode(codec))
    legacy, utf8 = run_qa("parse", str(path), "--json"), run_qa("parse", sample, "--json")
    assert (legacy.returncode, legacy.stderr) == (
        0, f"qa: notice: {path}: decoded as {label}, not UTF-8; convert it with `iconv -f {iconv} -t UTF-8`\n"
    )
    legacy_digest, utf8_digest = json.loads(legacy.stdout)["digests"][0], json.loads(utf8.stdout)["digests"][0]
    assert legacy_digest["encoding"] == codec.replace("shift_jis", "cp932")
    assert legacy_digest["papers"] == utf8_digest["papers"]  # same text, same offsets


def test_directory_without_inputs(tmp_path):
    (tmp_path / "notes.csv").write_text("id,title\n", encoding="utf-8")
    assert_one_line_error(run_qa("parse", str(tmp_path)), f"{tmp_path}: directory has no *.md, *.txt or *.jsonl files")


def test_unknown_format_lists_the_known_ones(tmp_path):
    (tmp_path / "notes.md").write_text("# 読書メモ\n\n今週読んだ論文の感想です。\n", encoding="utf-8")
    assert_one_line_error(
        run_qa("parse", str(tmp_path / "notes.md")),
        f"{tmp_path / 'notes.md'}: unknown digest format "
        "(known formats: abstract-page, article, bilingual-jsonl, daily-digest, paper-summaries)",
    )


def test_unknown_forced_format_lists_the_known_ones():
    assert_one_line_error(
        run_qa("parse", "--format", "rss", DAILY),
        "unknown format 'rss' (known formats: abstract-page, article, bilingual-jsonl, daily-digest, paper-summaries)",
    )


def test_unknown_option():
    assert_one_line_error(run_qa("parse", "--bogus", DAILY), "No such option: --bogus")


def test_missing_argument():
    assert_one_line_error(run_qa("parse"), "Missing argument 'paths'.")


def test_unclosed_code_fence_in_a_daily_digest_is_parsed_with_a_notice(tmp_path):
    lines = (REPO / DAILY).read_text(encoding="utf-8").split("\n")
    lines.insert(12, "```python")
    path = tmp_path / "digest.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run_qa("parse", str(path), "--json")
    assert (result.returncode, result.stderr) == (
        0, f"qa: notice: {path}:13: code fence is never closed; it is taken to end with its entry\n"
    )
    papers = json.loads(result.stdout)["digests"][0]["papers"]
    assert [[s["kind"] for s in p["sections"]] for p in papers] == [["title", "abstract_ja", "summary"]] * 5


def test_unclosed_title_link_is_parsed_with_a_notice(tmp_path):
    path = tmp_path / "digest.md"
    text = (REPO / DAILY).read_text(encoding="utf-8").replace("](http://arxiv.org/abs/2502.19634v1)", "", 1)
    path.write_text(text, encoding="utf-8")
    result = run_qa("parse", str(path), "--json")
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"qa: notice: {path}:23: entry title")
    assert [p["id"] for p in json.loads(result.stdout)["digests"][0]["papers"]] == [
        "2502.19613", None, "2502.20395", "2502.20082", "2502.20238"
    ]


def test_directory_leaves_out_hidden_directories(tmp_path):
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.md").write_text("not a digest\n", encoding="utf-8")
    (tmp_path / "today.md").write_text((REPO / DAILY).read_text(encoding="utf-8"), encoding="utf-8")
    result = run_qa("parse", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    assert [d["path"] for d in json.loads(result.stdout)["digests"]] == [str(tmp_path / "today.md")]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs the /dev/full device")
def test_output_that_cannot_be_written_is_a_one_line_error():
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*QA_COMMAND, "parse", SUMMARIES, "--json"], cwd=REPO, stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert (result.returncode, result.stderr) == (2, "qa: error: No space left on device\n")


def test_bare_qa_prints_the_help_and_exits_0():
    result = run_qa()
    assert (result.returncode, result.stdout.splitlines()[0], result.stderr) == (0, "Usage: qa [OPTIONS] COMMAND [ARGS]...", "")


def test_a_closed_pipe_ends_qa_quietly():
    import subprocess

    qa = subprocess.Popen([*QA_COMMAND, "parse", "samples/digests", "--json"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    qa.stdout.read(10)
    qa.stdout.close()
    assert (qa.wait(timeout=60), qa.stderr.read()) == (0, b"")
