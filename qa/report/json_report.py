"""`--format json`: {"version": 1, "findings": [...], "summary": {...}}."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterable
from typing import TextIO

from qa.findings import Finding
from qa.report.base import StreamingReporter, Summary

FIELDS = ("rule", "severity", "paper", "file", "line", "column", "end_line", "end_column", "message", "en", "ja")


class JsonReporter(StreamingReporter):
    """The document json.dumps(..., indent=2) would give, written finding by finding."""

    name = "json"

    def stream(self, findings: Iterable[Finding], summary: Callable[[], Summary], out: TextIO) -> None:
        out.write('{\n  "version": 1,\n  "findings": [')
        separator = "\n"
        for finding in findings:
            out.write(separator + _indented(_fields(finding.model_dump(mode="json")), 4))
            separator = ",\n"
        out.write("\n  ]" if separator == ",\n" else "]")
        out.write(',\n  "summary": ' + _indented(summary().model_dump(), 2).lstrip() + "\n}\n")


def _indented(data: dict, depth: int) -> str:
    return textwrap.indent(json.dumps(data, ensure_ascii=False, indent=2), " " * depth)


def _fields(finding: dict) -> dict:
    return {key: finding[key] for key in FIELDS}
