"""Checking many files in several processes; the result is the same as in one process."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from qa.checking import CheckResult, check_paths
from qa.config import Config
from qa.report.base import Summary
from qa.source import expand_inputs


def check_in_parallel(
    paths: list[Path], abstracts: list[str], glossaries: list[str], config: Config, select, ignore, extra, jobs: int
) -> CheckResult:
    files = expand_inputs(paths)
    if jobs <= 1 or len(files) <= 1:
        return check_paths(files, abstracts, glossaries, config, select, ignore, extra)
    args = [([f], abstracts, glossaries, config, list(select), list(ignore), extra) for f in files]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(_check_one, args))
    findings = [f for r in results for f in r.findings]
    return CheckResult(
        findings=findings,
        summary=Summary.of(findings, files=len(files), papers=sum(r.summary.papers for r in results)),
        notices=[n for r in results for n in r.notices],
    )


def _check_one(args) -> CheckResult:
    result = check_paths(*args)
    return CheckResult(findings=result.findings, summary=result.summary, notices=result.notices)
