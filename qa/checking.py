"""The main job as one library call: read → parse → segment → detect → attach abstracts →
align → check. `qa check` is a thin layer over :func:`check_paths`."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from qa.config import Config
from qa.findings import Finding
from qa.report.base import Summary


class CheckResult(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    findings: list[Finding]
    summary: Summary
    notices: list[str] = []
    parsed: list = []  # list[tuple[SourceText, Digest]]
    alignments: list = []  # list[AlignedPaper]


def load_inputs(abstracts: list[str], glossaries: list[str]):
    """The abstract index and glossary named on the command line or in the config."""
    index = glossary = None
    if abstracts:
        from qa.abstracts import load_records

        index = load_records(abstracts)
    if glossaries:
        from qa.glossary import load_glossary

        glossary = load_glossary(glossaries)
    return index, glossary


def check_parsed(parsed: list, config: Config, select=(), ignore=(), extra_options=None, index=None, glossary=None) -> CheckResult:
    alignments = []
    embedded = any(s.kind == "abstract_en" for _, d in parsed for p in d.all_papers() for s in p.sections)
    if index is not None or embedded:
        from qa.align import align_digests

        alignments = align_digests(parsed, index, glossary)
    from qa.checks import run_checks

    findings = run_checks(
        parsed, alignments, glossary, index, config=config, select=select, ignore=ignore, extra_options=extra_options
    )
    papers = sum(len(d.papers) for _, d in parsed)
    summary = Summary.of(findings, files=len(parsed), papers=papers)
    notices = [n for src, _ in parsed for n in src.notices]
    return CheckResult(findings=findings, summary=summary, notices=notices, parsed=parsed, alignments=alignments)


def check_paths(
    paths: list[str | Path],
    abstracts: list[str] = (),
    glossaries: list[str] = (),
    config: Config | None = None,
    select=(),
    ignore=(),
    extra_options=None,
) -> CheckResult:
    from qa.pipeline import parse_paths

    config = config or Config()
    index, glossary = load_inputs(list(abstracts) or config.abstracts, list(glossaries) or config.glossary)
    parsed = parse_paths(paths)
    return check_parsed(parsed, config, select, ignore, extra_options, index, glossary)
