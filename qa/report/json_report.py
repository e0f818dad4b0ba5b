"""`--format json`: {"version": 1, "findings": [...], "summary": {...}}."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring
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
            out.write(separator + _finding_object(finding))
            separator = ",\n"
        out.write("\n  ]" if separator == ",\n" else "]")
        summary_object = textwrap.indent(json.dumps(summary().model_dump(), indent=2), "  ").lstrip()
        out.write(',\n  "summary": ' + summary_object + "\n}\n")


def _finding_object(finding: Finding) -> str:
    """A finding as json.dumps(..., ensure_ascii=False, indent=2) writes it inside the list. The
    fields are scalars, so the object is put together here: the indenting encoder is written in
    Python and took a third of the main process's time on a large batch."""
    members = ",\n".join(f'      "{name}": {_scalar(getattr(finding, name))}' for name in FIELDS)
    return "    {\n" + members + "\n    }"


def _scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    return encode_basestring(str(value))  # str() of a Severity is its value
