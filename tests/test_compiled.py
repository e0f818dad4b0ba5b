"""The modules setup.py compiles: built where a C compiler is at hand, and doing exactly what
their plain-Python source does."""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from importlib.machinery import ExtensionFileLoader
from pathlib import Path

import pytest

from conftest import REPO

COMPILED_MODULES = re.findall(r'"(qa/[^"]*\.py)"', (REPO / "setup.py").read_text(encoding="utf-8"))


def _module_name(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def _c_compiler() -> str | None:
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(compiler)


def test_setup_names_the_modules_it_compiles():
    assert COMPILED_MODULES[:2] == ["qa/align/sentences.py", "qa/align/features.py"]
    assert all((REPO / path).is_file() for path in COMPILED_MODULES)


@pytest.mark.skipif(os.environ.get("QA_PURE_PYTHON") is not None, reason="installed as plain Python on purpose")
@pytest.mark.skipif(_c_compiler() is None, reason="no C compiler: the package installs as plain Python")
@pytest.mark.parametrize("path", COMPILED_MODULES)
def test_each_listed_module_is_imported_from_its_build(path):
    module = importlib.import_module(_module_name(path))
    # (its loader, not its file: a module that another compiled one imports gets a wrong __file__)
    assert isinstance(module.__spec__.loader, ExtensionFileLoader)


def _report(cwd: Path, tmp_path: Path, name: str) -> dict:
    """`qa check` of the samples (abstracts and glossary: every stage and rule runs) as JSON,
    with the `qa` package found first in cwd."""
    out = tmp_path / name
    args = [
        "check",
        str(REPO / "samples" / "digests"),
        "--abstracts",
        str(REPO / "samples" / "abstracts.jsonl"),
        "--glossary",
        str(REPO / "glossaries" / "ml-ja.yaml"),
        "--fail-on",
        "never",
        "--format",
        "json",
        "-o",
        str(out),
    ]
    subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, check=True, capture_output=True, timeout=120)
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_plain_python_source_reports_what_the_build_reports(tmp_path):
    source_only = tmp_path / "source"
    shutil.copytree(REPO / "qa", source_only / "qa", ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    plain = _report(source_only, tmp_path, "plain.json")
    built = _report(REPO, tmp_path, "built.json")
    assert plain["summary"]["papers"] == 36
    assert plain == built
