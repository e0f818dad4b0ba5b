"""MT stays out of every run that does not ask for it: `qa --help`, `qa check` without --mt and
the other commands never import argostranslate or ctranslate2, and nothing ever imports
`argostranslate.translate` (seconds of spacy and torch, and a download at first use)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import DAILY, REPO
from mt_package import mt_archives, mt_env, requires_mt  # noqa: F401  (fixtures)

HEAVY = ("argostranslate", "ctranslate2", "sentencepiece", "torch", "spacy", "stanza")


def heavy_modules_after(args: list[str], env: dict | None = None) -> list[str]:
    """Modules of the MT stack loaded by `qa ARGS` in a fresh interpreter."""
    script = (
        "import json, sys\n"
        "from qa.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=120
    )
    return json.loads(result.stderr.strip().splitlines()[-1])


def test_help_imports_no_mt_library():
    assert heavy_modules_after(["--help"]) == []


def test_check_without_mt_imports_no_mt_library():
    assert heavy_modules_after(["check", DAILY, "--abstracts", "samples/abstracts.jsonl", "--fail-on", "never"]) == []


def test_listing_rules_imports_no_mt_library():
    assert heavy_modules_after(["rules"]) == []


@requires_mt
def test_translating_uses_argostranslate_package_and_ctranslate2_only(mt_env, tmp_path):
    loaded = heavy_modules_after(["translate", DAILY, "--to", "en", "-o", str(tmp_path / "d.jsonl"), "--no-cache"], mt_env)
    assert {"argostranslate.package", "ctranslate2", "sentencepiece"} <= set(loaded)
    assert {m.split(".")[0] for m in loaded} == {"argostranslate", "ctranslate2", "sentencepiece"}
    assert "argostranslate.translate" not in loaded
