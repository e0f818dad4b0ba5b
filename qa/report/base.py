"""Report formats for `qa check`: one module per format, registered by name."""

from __future__ import annotations

from typing import ClassVar

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
    def of(cls, findings: list[Finding], files: int, papers: int) -> Summary:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in findings:
            counts[finding.severity.value] += 1
        return cls(files=files, papers=papers, **counts)


class Reporter:
    name: ClassVar[str]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        REPORTERS[cls.name] = cls

    def render(self, findings: list[Finding], summary: Summary, rules: dict, color: bool = False) -> str:
        raise NotImplementedError


def get_reporter(name: str) -> Reporter:
    import importlib

    if name not in FORMAT_MODULES:
        raise QaInputError(f"unknown report format {name!r} (known: {', '.join(sorted(FORMAT_MODULES))})")
    importlib.import_module(f"qa.report.{FORMAT_MODULES[name]}")  # registers its Reporter
    return REPORTERS[name]()
