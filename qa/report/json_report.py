"""`--format json`: {"version": 1, "findings": [...], "summary": {...}}."""

from __future__ import annotations

import json

from qa.findings import Finding
from qa.report.base import Reporter, Summary

FIELDS = ("rule", "severity", "paper", "file", "line", "column", "end_line", "end_column", "message", "en", "ja")


class JsonReporter(Reporter):
    name = "json"

    def render(self, findings: list[Finding], summary: Summary, rules: dict, color: bool = False) -> str:
        data = {
            "version": 1,
            "findings": [_fields(f.model_dump(mode="json")) for f in findings],
            "summary": summary.model_dump(),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _fields(finding: dict) -> dict:
    return {key: finding[key] for key in FIELDS}
