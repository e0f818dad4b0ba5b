"""Human report: grouped by file and paper, `path:line:col: severity rule message`, evidence below."""

from __future__ import annotations

from itertools import groupby

from qa.findings import Finding
from qa.report.base import Reporter, Summary

EVIDENCE_CHARS = 160
STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class TextReporter(Reporter):
    name = "text"

    def render(self, findings: list[Finding], summary: Summary, rules: dict, color: bool = False) -> str:
        lines: list[str] = []
        for path, in_file in groupby(findings, key=lambda f: f.file):
            lines.append(_style(path, "bold", color))
            for paper, in_paper in groupby(in_file, key=lambda f: f.paper):
                lines.append(f"  paper {paper or '(no id)'}")
                for f in in_paper:
                    severity = _style(f.severity.value, STYLES[f.severity.value], color)
                    lines.append(f"{f.file}:{f.line}:{f.column}: {severity} {f.rule} {f.message}")
                    if f.en:
                        lines.append(f"    en: {_clip(f.en)}")
                    if f.ja:
                        lines.append(f"    ja: {_clip(f.ja)}")
            lines.append("")
        lines.append(
            f"{_count(summary.error, 'error')}, {_count(summary.warning, 'warning')}, {summary.info} info "
            f"in {_count(summary.files, 'file')} ({_count(summary.papers, 'paper')})"
        )
        return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EVIDENCE_CHARS else flat[: EVIDENCE_CHARS - 1] + "…"


def _style(text: str, style: str, color: bool) -> str:
    if not color:
        return text
    from rich.text import Text
    from rich.console import Console

    console = Console(force_terminal=True, color_system="standard", width=10_000)
    with console.capture() as capture:
        console.print(Text(text, style=style), end="")
    return capture.get()
