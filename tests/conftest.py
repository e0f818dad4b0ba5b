"""Shared fixtures: where the samples are, the samples parsed once, and a way to run `qa`."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DIGESTS = REPO / "samples" / "digests"
DAILY = "samples/digests/arxiv-digest-2025-03-02.md"
SUMMARIES = "samples/digests/paper-summaries-2025-04.md"
ABSTRACT_PAGE = "samples/digests/realm-abstract-page.md"
ARTICLE = "samples/digests/rstar-math-article.txt"
_SCRIPT = REPO / ".venv" / "bin" / "qa"
# The installed `qa` command, or `python -m qa` where there is no venv script.
QA_COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "qa"]


def pytest_sessionstart(session) -> None:
    """Python imports a compiled module before its source: after an edit, the tests would run
    the old build without saying so."""
    stale = [
        str(built.relative_to(REPO))
        for built in (REPO / "qa").rglob("*.so")
        if (source := built.with_name(built.name.split(".")[0] + ".py")).exists() and source.stat().st_mtime > built.stat().st_mtime
    ]
    if stale:
        pytest.exit(f"{', '.join(stale)} older than its source: run `make install` to rebuild", returncode=2)


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory):
    """Caches (glossaries, translations) go to a temporary folder, not the user's ~/.cache."""
    import os

    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


def run_qa(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """Run `qa` with args in cwd (the repo root by default), capturing its text output."""
    return subprocess.run([*QA_COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="session")
def parsed() -> dict:
    """Every sample digest parsed through the library API: repo-relative path → (SourceText, Digest)."""
    from qa.pipeline import parse_source
    from qa.source import read_source

    sources = {path: read_source(REPO / path) for path in (DAILY, SUMMARIES, ABSTRACT_PAGE, ARTICLE)}
    return {path: (src, parse_source(src)) for path, src in sources.items()}


@pytest.fixture(scope="session")
def abstracts() -> dict[str, dict]:
    """samples/abstracts.jsonl by arXiv id: the English metadata the digests translate."""
    lines = (REPO / "samples" / "abstracts.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, lines)}


# The eight questions of samples/digests/paper-summaries-2025-04.md, as its headings ask them.
SUMMARY_QUESTIONS = (
    "1. 既存研究では何ができなかったのか",
    "2. どのようなアプローチでそれを解決しようとしたか",
    "3. 結果、何が達成できたのか",
    "4. Limitationや問題点は何か",
    "5. 技術的な詳細について",
    "6. コストや物理的な詳細について",
    "7. 参考文献のうち、特に参照すべきもの",
    "8. この論文を140字以内のツイートで要約すると？",
)


@functools.cache
def defect_items() -> tuple[dict, ...]:
    """The defects found by hand in the samples (tests/data/defects/*.yaml), one dict each."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    paths = sorted((REPO / "tests" / "data" / "defects").glob("*.yaml"))
    return tuple(item for path in paths for item in yaml.load(path.read_text(encoding="utf-8")))


def errors_at_unlisted_lines(report: dict) -> list[tuple]:
    """Findings of severity error (from a `--format json` report) on lines no defect file names."""
    listed = {(item["file"], item["line"]) for item in defect_items()}
    return [
        (f["file"], f["line"], f["rule"], f["message"])
        for f in report["findings"]
        if f["severity"] == "error" and (f["file"], f["line"]) not in listed
    ]
