"""JUnit XML: a test suite per file, a test case per paper; a paper's findings are its failures."""

from __future__ import annotations

from itertools import groupby
from xml.etree import ElementTree as ET

from qa.findings import Finding, Severity
from qa.report.base import Reporter, Summary


class JunitReporter(Reporter):
    name = "junit"

    def render(self, findings: list[Finding], summary: Summary, rules: dict, color: bool = False) -> str:
        suites = ET.Element("testsuites", name="qa check", tests=str(summary.papers), failures=str(len(findings)))
        for path, in_file in groupby(findings, key=lambda f: f.file):
            in_file = list(in_file)
            suite = ET.SubElement(suites, "testsuite", name=path, tests=str(len({f.paper for f in in_file})), failures=str(len(in_file)))
            for paper, in_paper in groupby(in_file, key=lambda f: f.paper):
                case = ET.SubElement(suite, "testcase", classname=path, name=f"paper {paper or '(no id)'}")
                for f in in_paper:
                    tag = "failure" if f.severity != Severity.INFO else "system-out"
                    element = ET.SubElement(case, tag)
                    text = f"{f.file}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}"
                    if tag == "failure":
                        element.set("type", f.rule)
                        element.set("message", f.message)
                    element.text = text
        ET.indent(suites)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
