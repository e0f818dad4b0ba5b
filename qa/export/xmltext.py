"""Text that XML 1.0 can carry, and the one-line form of a finding used in notes."""

from __future__ import annotations

import re

from qa.findings import Finding

# XML 1.0 allows tab, newline, carriage return and U+0020 onwards, minus surrogates and U+FFFE/U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """text with the characters XML cannot hold replaced by U+FFFD, so a stray control byte
    in a digest shows up in the export instead of failing it."""
    return NOT_XML.sub("\ufffd", text)


def finding_note(finding: Finding) -> str:
    return f"{finding.severity.value} {finding.rule} ({finding.file}:{finding.line}:{finding.column}): {finding.message}"
