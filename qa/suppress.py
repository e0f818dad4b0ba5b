"""Inline suppressions written in the digest itself.

`<!-- qa: ignore[rule-or-family, ...] -->` silences those rules (all rules when the brackets are
omitted) for the next block: the lines after the comment up to the next blank line.
`<!-- qa: ignore-file -->` (optionally with [rules]) silences them for the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.findings import Finding

DIRECTIVE = re.compile(r"<!--\s*qa:\s*(?P<scope>ignore-file|ignore)\s*(?:\[(?P<rules>[^\]]*)\])?\s*-->")


@dataclass(frozen=True)
class Suppression:
    rules: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int  # inclusive; a huge number for the whole file

    def covers(self, finding: Finding) -> bool:
        if not self.first_line <= finding.line <= self.last_line:
            return False
        return not self.rules or any(finding.rule == r or finding.rule.startswith(r + ".") for r in self.rules)


def suppressions(text: str) -> list[Suppression]:
    lines = text.split("\n")
    found: list[Suppression] = []
    for number, line in enumerate(lines, start=1):
        for m in DIRECTIVE.finditer(line):
            rules = tuple(r.strip() for r in (m["rules"] or "").split(",") if r.strip())
            if m["scope"] == "ignore-file":
                found.append(Suppression(rules, 1, len(lines)))
            else:
                found.append(Suppression(rules, number, _next_block_end(lines, number)))
    return found


def _next_block_end(lines: list[str], comment_line: int) -> int:
    """Last line (1-based) of the first block after the comment line."""
    index = comment_line  # 0-based index of the line after the comment
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and lines[index].strip():
        index += 1
    return index


def apply_suppressions(findings: list[Finding], texts: dict[str, str]) -> list[Finding]:
    by_file = {path: suppressions(text) for path, text in texts.items() if "qa:" in text}
    return [f for f in findings if not any(s.covers(f) for s in by_file.get(f.file, ()))]
