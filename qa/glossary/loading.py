"""Reading glossary files: YAML → validated entries with their file:line, several files layered."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.errors import QaInputError
from qa.glossary.normalize import en_key
from qa.glossary.schema import GlossaryDocument


@dataclass(frozen=True)
class Problem:
    """Something wrong in a glossary file, at a line."""

    file: str
    line: int
    code: str  # schema, duplicate-concept, shared-rendering …
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code}: {self.message}"


def validate(data: Any, path: str | Path) -> tuple[GlossaryDocument | None, list[Problem]]:
    """The document with its valid entries, and one problem per schema error (with its line).

    Entries are validated one by one so that one bad entry does not hide the others' problems;
    the document is None only when the file is not a glossary at all.
    """
    from pydantic import ValidationError

    from qa.glossary.schema import Entry, GlossaryHeader
    from qa.glossary.yamlio import line_of, plain

    if not isinstance(data, dict):
        return None, [Problem(str(path), 1, "schema", "a glossary is a mapping with name, source_lang, target_lang and entries")]
    problems: list[Problem] = []

    def report(exc: ValidationError, prefix: tuple) -> None:
        for error in exc.errors(include_url=False):
            loc = (*prefix, *error["loc"])
            problems.append(Problem(str(path), line_of(data, loc), "schema", _describe(data, loc, error)))

    header = {k: v for k, v in plain(data).items() if k != "entries"}
    try:
        GlossaryHeader.model_validate(header)
    except ValidationError as exc:
        report(exc, ())
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list):
        problems.append(Problem(str(path), line_of(data, ("entries",)), "schema", "entries: a list of entries is required"))
        raw_entries = []
    entries = []
    for index, raw in enumerate(raw_entries):
        try:
            entry = Entry.model_validate(plain(raw))
        except ValidationError as exc:
            report(exc, ("entries", index))
            continue
        if hasattr(raw_entries, "lc"):  # read with line information
            entry._origin = (str(path), line_of(raw_entries, (index,)))
        entries.append(entry)
    document = GlossaryDocument.model_construct(**{**header, "entries": entries})
    return document, problems


def _describe(data: Any, loc: tuple, error: dict) -> str:
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")
    if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
        entry = (data.get("entries") or [None] * (loc[1] + 1))[loc[1]]
        if isinstance(entry, dict) and entry.get("en"):
            where += f" ({entry['en']})"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown field (see glossaries/README.md for the fields of an entry)"
    return f"{where or 'file'}: {message}"


def read_glossary_file(path: str | Path) -> GlossaryDocument:
    """One validated glossary file; the first problem raises QaInputError with file:line.

    Validated glossaries are cached by content (and the code's version): YAML parsing is slow.
    """
    import hashlib

    from qa import __version__
    from qa.cachedir import cached
    from qa.glossary.yamlio import read_text

    text = read_text(path)
    key = hashlib.sha256(f"{__version__}\x1f{path}\x1f{text}".encode()).hexdigest()[:32]
    return cached("glossaries", key, lambda: _parsed_document(text, path))


def _parsed_document(text: str, path: str | Path) -> GlossaryDocument:
    """The file is parsed without line information first (the common, valid case) and again
    with it only when there is a problem to locate."""
    from qa.glossary.yamlio import parse_yaml

    document, problems = validate(parse_yaml(text, path, lines=False), path)
    if problems:
        document, problems = validate(parse_yaml(text, path), path)
        problems.sort(key=lambda p: p.line)
        more = f" (and {len(problems) - 1} more; run `qa glossary lint {path}`)" if len(problems) > 1 else ""
        raise QaInputError(f"{problems[0].file}:{problems[0].line}: {problems[0].message}{more}")
    return document


def load_glossary(paths: list[str | Path]):
    """Several glossary files layered: a later file's entry replaces an earlier one with the same `en`."""
    from qa.glossary.glossary import Glossary

    if not paths:
        raise QaInputError("no glossary file given")
    merged: dict[str, Any] = {}
    names = []
    for path in paths:
        document = read_glossary_file(path)
        names.append(document.name)
        for entry in document.entries:
            merged[en_key(entry.en)] = entry
    return Glossary(list(merged.values()), name=" + ".join(names), sources=[str(p) for p in paths])
