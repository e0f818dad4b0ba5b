"""GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding."""

from __future__ import annotations

from qa.findings import Finding
from qa.report.base import Reporter, Summary

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    name = "github"

    def render(self, findings: list[Finding], summary: Summary, rules: dict, color: bool = False) -> str:
        lines = []
        for f in findings:
            props = [f"file={_escape_property(f.file)}", f"line={f.line}", f"col={f.column}"]
            if f.end_line:
                props += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
            props.append(f"title={_escape_property(f.rule)}")
            lines.append(f"::{LEVELS[f.severity.value]} {','.join(props)}::{_escape_data(f.message)}")
        return "\n".join(lines) + ("\n" if lines else "")
