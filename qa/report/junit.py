"""JUnit XML: a test suite per file, a test case per paper; a paper's findings are its failures."""

from __future__ import annotations

import re
from itertools import groupby
from xml.etree import ElementTree as ET

from qa.findings import Finding, Severity
from qa.report.base import Reporter, Summary

# Characters XML 1.0 cannot carry, even escaped; a digest may contain them (a stray form feed).
NOT_XML = re.compile(r"[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


class JunitReporter(Reporter):
    name = "junit"

    def render(self, findings: list[Finding], summary: Summary, rules: dict, color: bool = False) -> str:
        failing = [f for f in findings if f.severity != Severity.INFO]
        suites = ET.Element("testsuites", name="qa check", tests=str(summary.papers), failures=str(len(failing)))
        for path, in_file in groupby(findings, key=lambda f: f.file):
            by_paper: dict[str | None, list[Finding]] = {}
            for f in in_file:
                by_paper.setdefault(f.paper, []).append(f)
            failures = sum(f.severity != Severity.INFO for group in by_paper.values() for f in group)
            suite = ET.SubElement(suites, "testsuite", name=path, tests=str(len(by_paper)), failures=str(failures))
            for paper, in_paper in by_paper.items():
                case = ET.SubElement(suite, "testcase", classname=path, name=f"paper {paper or '(no id)'}")
                for f in in_paper:
                    _add_finding(case, f)
        ET.indent(suites)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _add_finding(case: ET.Element, f: Finding) -> None:
    """Errors and warnings fail the paper's test case; info findings are printed with it."""
    text = _xml_text(f"{f.file}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}")
    if f.severity == Severity.INFO:
        ET.SubElement(case, "system-out").text = text
    else:
        ET.SubElement(case, "failure", type=f.rule, message=_xml_text(f.message)).text = text


def _xml_text(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)
