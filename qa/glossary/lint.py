"""`qa glossary lint`: problems a terminologist must fix before a glossary is used.

- schema: a field missing, misspelt or of the wrong type (pydantic, with the line).
- duplicate-concept: two entries with the same English term (case/hyphen/space-insensitive).
- duplicate-abbreviation: two entries with the same abbreviation.
- duplicate-form: a form listed twice in one entry.
- approved-and-forbidden: a rendering both accepted and forbidden (in one entry or two).
- shared-rendering: one rendering accepted for two concepts: a match could not say which.
- shadowing: a forbidden rendering of one concept inside an accepted rendering of another, so
  correct text for the second concept is only safe while the matcher sees its whole rendering.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from qa.errors import QaInputError
from qa.glossary.loading import Problem, validate
from qa.glossary.normalize import en_key, ja_key
from qa.glossary.schema import Entry


def lint_glossary(path: str | Path) -> list[Problem]:
    """Every problem of one glossary file, in line order (one problem for malformed YAML)."""
    from qa.glossary.yamlio import read_yaml

    try:
        data = read_yaml(path)
    except QaInputError as exc:
        text = str(exc)
        location, _, message = text.partition(": ")
        line = int(location.rsplit(":", 1)[1]) if location.rsplit(":", 1)[-1].isdigit() else 1
        return [Problem(str(path), line, "yaml", message.removeprefix("malformed YAML: "))]
    document, problems = validate(data, path)
    if document is None:
        return problems
    entries = document.entries
    problems += [
        *_duplicate_concepts(entries),
        *_duplicate_abbreviations(entries),
        *_duplicate_forms(entries),
        *_approved_and_forbidden(entries),
        *_shared_renderings(entries),
        *_shadowing(entries),
    ]
    return sorted(problems, key=lambda p: (p.line, p.code, p.message))


def _problem(entry: Entry, code: str, message: str) -> Problem:
    file, line = entry.origin
    return Problem(file, line, code, message)


def _line(entry: Entry) -> int:
    return entry.origin[1]


def _duplicate_concepts(entries: list[Entry]) -> Iterator[Problem]:
    seen: dict[str, Entry] = {}
    for entry in entries:
        for form in dict.fromkeys([entry.en, *entry.en_variants]):
            key = en_key(form)
            first = seen.setdefault(key, entry)
            if first is not entry:
                yield _problem(entry, "duplicate-concept", f"`{form}` is already the English term of `{first.en}` (line {_line(first)})")


def _duplicate_abbreviations(entries: list[Entry]) -> Iterator[Problem]:
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.abbr:
            first = seen.setdefault(entry.abbr, entry)
            if first is not entry:
                yield _problem(entry, "duplicate-abbreviation", f"{entry.abbr} is already the abbreviation of `{first.en}` (line {_line(first)})")


def _duplicate_forms(entries: list[Entry]) -> Iterator[Problem]:
    for entry in entries:
        for listed in ([entry.en, *entry.en_variants], entry.accepted(), [f.term for f in entry.forbidden]):
            for form in dict.fromkeys(f for f in listed if listed.count(f) > 1):
                yield _problem(entry, "duplicate-form", f"{form} is listed twice in `{entry.en}`")


def _accepted_keys(entries: list[Entry]) -> dict[str, list[tuple[Entry, str]]]:
    keys: dict[str, list[tuple[Entry, str]]] = {}
    for entry in entries:
        for form in dict.fromkeys(entry.accepted()):
            owners = keys.setdefault(ja_key(form), [])
            if all(owner is not entry for owner, _ in owners):
                owners.append((entry, form))
    return keys


def _approved_and_forbidden(entries: list[Entry]) -> Iterator[Problem]:
    accepted = _accepted_keys(entries)
    for entry in entries:
        for forbidden in entry.forbidden:
            for owner, form in accepted.get(ja_key(forbidden.term), []):
                where = "in this entry" if owner is entry else f"for `{owner.en}` (line {_line(owner)})"
                yield _problem(entry, "approved-and-forbidden", f"{forbidden.term} is forbidden here but accepted as {form} {where}")


def _shared_renderings(entries: list[Entry]) -> Iterator[Problem]:
    for owners in _accepted_keys(entries).values():
        first_entry, first_form = owners[0]
        for entry, form in owners[1:]:
            yield _problem(
                entry,
                "shared-rendering",
                f"{form} renders `{entry.en}` and `{first_entry.en}` (line {_line(first_entry)}, as {first_form}): a match cannot tell which",
            )


def _shadowing(entries: list[Entry]) -> Iterator[Problem]:
    accepted = _accepted_keys(entries)
    for entry in entries:
        for forbidden in entry.forbidden:
            inner = ja_key(forbidden.term)
            for key, owners in accepted.items():
                if inner == key or inner not in key:
                    continue
                for owner, form in owners:
                    if owner is not entry:
                        yield _problem(
                            entry,
                            "shadowing",
                            f"forbidden {forbidden.term} is part of {form}, accepted for `{owner.en}` (line {_line(owner)}): "
                            "correct text for that concept would be reported as soon as it is spelt differently",
                        )
