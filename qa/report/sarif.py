"""SARIF 2.1.0 for code-scanning upload: the rules as tool.driver.rules, findings as results."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from qa import __version__
from qa.baseline import fingerprint, normalise_path
from qa.findings import Finding
from qa.report.base import Reporter, Summary

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


class SarifReporter(Reporter):
    name = "sarif"

    def render(self, findings: list[Finding], summary: Summary, rules: dict, color: bool = False) -> str:
        rule_ids = sorted(rules)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "digest-qa",
                            "version": __version__,
                            "rules": [_rule(rules[r]) for r in rule_ids],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": [_result(f, rule_ids) for f in findings],
                }
            ],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule(rule) -> dict:
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": rule.description},
        "help": {"text": f"{rule.description}\nExample: {rule.example}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
    }


def _result(finding: Finding, rule_ids: list[str]) -> dict:
    region = {"startLine": finding.line, "startColumn": finding.column}
    if finding.end_line:
        region.update(endLine=finding.end_line, endColumn=finding.end_column)
    result = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity.value],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(finding.file)}, "region": region}}],
        "partialFingerprints": {"qaEvidence/v1": fingerprint(finding)},
    }
    if finding.rule in rule_ids:
        result["ruleIndex"] = rule_ids.index(finding.rule)
    if finding.paper:
        result["properties"] = {"paper": finding.paper}
    return result


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (code scanning resolves them
    against the repository root), spaces and non-ASCII characters are percent-encoded."""
    posix = PurePosixPath(normalise_path(path))
    return posix.as_uri() if posix.is_absolute() else quote(str(posix))
