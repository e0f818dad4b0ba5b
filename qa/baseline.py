"""Baselines: known findings recorded once so they do not fail CI until they change.

A finding is identified by its rule, file, paper and evidence text, not by its line, so edits
elsewhere in the digest do not wake it up; changing the offending text does.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from qa.errors import QaInputError
from qa.findings import Finding
from qa.writes import atomic_write_text


def fingerprint(finding: Finding) -> str:
    evidence = finding.ja or finding.en or finding.message
    key = "\x1f".join([finding.rule, normalise_path(finding.file), finding.paper or "", " ".join(evidence.split())])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def normalise_path(path: str) -> str:
    """One spelling of a path: `./a/b.md`, `a//b.md` and `a\\b.md` are all `a/b.md`."""
    return Path(os.path.normpath(path.replace("\\", "/"))).as_posix()


def write_baseline(path: str | Path, findings: list[Finding]) -> None:
    entries = sorted(
        ({"fingerprint": fingerprint(f), "rule": f.rule, "file": f.file, "line": f.line} for f in findings),
        key=lambda e: (e["file"], e["line"], e["rule"]),
    )
    atomic_write_text(Path(path), json.dumps({"version": 1, "findings": entries}, ensure_ascii=False, indent=2) + "\n")


def read_baseline(path: str | Path) -> Counter:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Counter(e["fingerprint"] for e in data["findings"])
    except FileNotFoundError:
        raise QaInputError(f"{path}: baseline file not found") from None
    except (json.JSONDecodeError, KeyError, TypeError):
        raise QaInputError(f"{path}: not a qa baseline file") from None


def filter_baseline(findings: list[Finding], known: Counter) -> list[Finding]:
    """Findings not in the baseline; a fingerprint recorded n times hides n findings."""
    return list(unrecorded(findings, known))


def unrecorded(findings: Iterable[Finding], known: Counter) -> Iterator[Finding]:
    """filter_baseline one finding at a time, for findings that come as a batch is checked."""
    remaining = Counter(known)
    for finding in findings:
        key = fingerprint(finding)
        if remaining[key]:
            remaining[key] -= 1
        else:
            yield finding
