"""Report formats for `qa check`: one module per format, registered by name."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import ClassVar, TextIO

from pydantic import BaseModel

from qa.errors import QaInputError
from qa.findings import Finding

REPORTERS: dict[str, type[Reporter]] = {}
# The module of each format, imported only when that format is asked for (junit brings in an
# XML library, sarif urllib and the baseline fingerprints).
FORMAT_MODULES = {"github": "github", "json": "json_report", "junit": "junit", "sarif": "sarif", "text": "text"}


class Summary(BaseModel):
    files: int
    papers: int
    error: int = 0
    warning: int = 0
    info: int = 0

    @classmethod
    def of(cls, findings: Iterable[Finding], files: int, papers: int) -> Summary:
        summary = cls(files=files, papers=papers)
        for finding in findings:
            summary.count(finding)
        return summary

    def count(self, finding: Finding) -> Finding:
        """Add a finding to its severity's count (and hand it on, to count a stream)."""
        severity = finding.severity.value
        setattr(self, severity, getattr(self, severity) + 1)
        return finding


class Reporter:
    name: ClassVar[str]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:  # a format, not a kind of reporter (StreamingReporter)
            REPORTERS[cls.name] = cls

    def render(self, findings: list[Finding], summary: Summary, rules: dict, color: bool = False) -> str:
        raise NotImplementedError


class StreamingReporter(Reporter):
    """A format that can write findings as they come, so that a large batch is reported without
    holding its findings: the summary, complete only when the last finding has passed, is
    asked for then."""

    def stream(self, findings: Iterable[Finding], summary: Callable[[], Summary], out: TextIO) -> None:
        raise NotImplementedError

    def render(self, findings: list[Finding], summary: Summary, rules: dict, color: bool = False) -> str:
        out = io.StringIO()
        self.stream(findings, lambda: summary, out)
        return out.getvalue()


def get_reporter(name: str) -> Reporter:
    import importlib

    if name not in FORMAT_MODULES:
        raise QaInputError(f"unknown report format {name!r} (known: {', '.join(sorted(FORMAT_MODULES))})")
    importlib.import_module(f"qa.report.{FORMAT_MODULES[name]}")  # registers its Reporter
    return REPORTERS[name]()
