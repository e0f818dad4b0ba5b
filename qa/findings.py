"""Findings: what a check reports. Plain data, shared by the checks, the reports and the exports."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Finding(BaseModel):
    """One problem at one place: rule id, severity, message, and the evidence on both sides."""

    rule: str  # stable id: family.name
    severity: Severity
    message: str
    paper: str | None = None
    file: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    start: int | None = None  # character offsets into the file
    end: int | None = None
    en: str | None = None
    ja: str | None = None

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.rule)
