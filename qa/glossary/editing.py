"""`qa glossary add | remove | set`: edits that keep the rest of the file byte for byte.

An edit replaces, inserts or deletes only the lines of the entry or field it changes; the new
lines are written in the house style (flow lists, block list of forbidden terms). The result is
validated before it is written, and written atomically, so a bad edit leaves the file as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.errors import QaInputError
from qa.glossary.normalize import en_key
from qa.glossary.schema import ENTRY_FIELDS, LIST_FIELDS, Entry, ForbiddenTerm

FIELD_INDENT = "    "  # fields of an entry: `  - en: …` then `    ja: […]`
OPTIONAL_FIELDS = {"abbr", "en_variants", "variants", "forbidden", "ambiguous", "note", "source"}


@dataclass
class GlossaryText:
    """A glossary file as lines, with the round-trip document that says where things are."""

    path: Path
    lines: list[str]
    data: Any

    @classmethod
    def read(cls, path: str | Path) -> GlossaryText:
        from qa.glossary.yamlio import parse_yaml, read_text

        text = read_text(path)
        data = parse_yaml(text, path)
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise QaInputError(f"{path}:1: not a glossary (no `entries:` list)")
        return cls(Path(path), text.splitlines(keepends=True), data)

    @property
    def entries(self) -> list:
        return self.data["entries"]

    def index_of(self, en: str) -> int:
        key = en_key(en)
        for index, entry in enumerate(self.entries):
            if isinstance(entry, dict) and en_key(str(entry.get("en", ""))) == key:
                return index
        raise QaInputError(f"{self.path}: no entry for `{en}`")

    def entry_span(self, index: int) -> tuple[int, int]:
        """0-based [first, end) line range of an entry, without the comments that follow it."""
        first = self.entries.lc.item(index)[0]
        end = self.entries.lc.item(index + 1)[0] if index + 1 < len(self.entries) else self._after_entries()
        return first, self._content_end(first, end)

    def field_span(self, index: int, field: str) -> tuple[int, int]:
        entry = self.entries[index]
        keys = list(entry.keys())
        first = entry.lc.key(field)[0]
        position = keys.index(field)
        end = entry.lc.key(keys[position + 1])[0] if position + 1 < len(keys) else self.entry_span(index)[1]
        return first, self._content_end(first, end)

    def _after_entries(self) -> int:
        keys = list(self.data.keys())
        position = keys.index("entries")
        return self.data.lc.key(keys[position + 1])[0] if position + 1 < len(keys) else len(self.lines)

    def _content_end(self, first: int, end: int) -> int:
        while end > first + 1 and (not self.lines[end - 1].strip() or self.lines[end - 1].lstrip().startswith("#")):
            end -= 1
        return end

    def replace(self, first: int, end: int, new_lines: list[str]) -> None:
        self.lines[first:end] = new_lines

    def insert(self, at: int, new_lines: list[str]) -> None:
        if at > 0 and not self.lines[at - 1].endswith("\n"):
            self.lines[at - 1] += "\n"
        self.lines[at:at] = new_lines

    def text(self) -> str:
        return "".join(self.lines)


def _styled(key: str, value: Any) -> Any:
    """Lists of forms in flow style ([a, b]), forbidden terms as a block list of mappings."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if key in LIST_FIELDS:
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        return seq
    if key == "forbidden":
        return CommentedSeq([CommentedMap([("term", f["term"]), ("reason", f["reason"])]) for f in value])
    return value


def render_field(field: str, value: Any) -> list[str]:
    """The lines of one field of an entry, indented as in the house style."""
    from ruamel.yaml.comments import CommentedMap

    from qa.glossary.yamlio import dump_yaml

    return [FIELD_INDENT + line + "\n" for line in dump_yaml(CommentedMap([(field, _styled(field, value))])).splitlines()]


def render_entry(data: dict) -> list[str]:
    """The lines of a whole entry as an item of `entries:`."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from qa.glossary.yamlio import dump_yaml

    item = CommentedMap([(k, _styled(k, v)) for k, v in data.items()])
    lines = dump_yaml(CommentedMap([("entries", CommentedSeq([item]))])).splitlines()
    return [line + "\n" for line in lines[1:]]


def render_document(document) -> str:
    """A whole glossary file (for `qa glossary import`) in the house style."""
    from ruamel.yaml.comments import CommentedMap

    from qa.glossary.yamlio import dump_yaml

    header = CommentedMap([("name", document.name), ("source_lang", document.source_lang), ("target_lang", document.target_lang)])
    if not document.entries:
        return dump_yaml(CommentedMap([*header.items(), ("entries", [])]))
    return dump_yaml(header) + "entries:\n" + "".join(line for e in document.entries for line in render_entry(e.data()))


def add_entry(path: str | Path, entry: Entry) -> str:
    glossary = GlossaryText.read(path)
    for form in [entry.en, *entry.en_variants]:
        try:
            glossary.index_of(form)
        except QaInputError:
            continue
        raise QaInputError(f"{path}: `{form}` already has an entry (use `qa glossary set` to change it)")
    if glossary.entries:
        _, end = glossary.entry_span(len(glossary.entries) - 1)
    else:
        end = glossary.data.lc.key("entries")[0] + 1
    glossary.insert(end, render_entry(entry.data()))
    _save(glossary)
    return f"added `{entry.en}`"


def remove_entry(path: str | Path, en: str) -> str:
    glossary = GlossaryText.read(path)
    index = glossary.index_of(en)
    first, end = glossary.entry_span(index)
    glossary.replace(first, end, [])
    _save(glossary)
    return f"removed `{glossary.entries[index]['en']}`"


def set_field(path: str | Path, en: str, field: str, values: list[str], append: bool = False) -> str:
    """Replace (or with append, extend) one field of an entry; no values removes an optional field."""
    glossary = GlossaryText.read(path)
    index = glossary.index_of(en)
    entry = glossary.entries[index]
    if field not in ENTRY_FIELDS:
        raise QaInputError(f"unknown field {field!r} (fields: {', '.join(ENTRY_FIELDS)})")
    value = _parse_value(field, values)
    if append and field in (*LIST_FIELDS, "forbidden"):
        value = [*(entry.get(field) or []), *value]
    if value in (None, []) and field not in OPTIONAL_FIELDS:
        raise QaInputError(f"{field} is required and cannot be removed")
    if field in entry:
        first, end = glossary.field_span(index, field)
        eol = _end_of_line_comment(entry, field)
        new_lines = render_field(field, value) if value not in (None, []) else []
        if new_lines and eol:
            new_lines[0] = new_lines[0].rstrip("\n") + "  " + eol + "\n"
        glossary.replace(first, end, new_lines)
    elif value not in (None, []):
        at = _insertion_line(glossary, index, field)
        glossary.insert(at, render_field(field, value))
    else:
        return f"`{entry['en']}` has no {field}; nothing to remove"
    _save(glossary)
    return f"set {field} of `{entry['en']}`"


def parse_forbidden(values: list[str]) -> list[ForbiddenTerm]:
    """Forbidden renderings given on the command line as TERM=REASON."""
    parsed = []
    for value in values:
        term, sep, reason = value.partition("=")
        if not sep or not term.strip() or not reason.strip():
            raise QaInputError(f"forbidden terms are given as TERM=REASON, not {value!r}")
        parsed.append(ForbiddenTerm(term=term, reason=reason))
    return parsed


def _parse_value(field: str, values: list[str]) -> Any:
    if field in LIST_FIELDS:
        return list(values)
    if field == "forbidden":
        return [f.model_dump() for f in parse_forbidden(values)]
    if len(values) > 1:
        raise QaInputError(f"{field} takes one value, got {len(values)}")
    if not values:
        return None
    if field == "keep_english":
        if values[0].lower() not in ("true", "false"):
            raise QaInputError(f"keep_english is true or false, not {values[0]!r}")
        return values[0].lower() == "true"
    return values[0]


def _end_of_line_comment(entry, field: str) -> str:
    tokens = entry.ca.items.get(field) or []
    token = tokens[2] if len(tokens) > 2 else None
    value = getattr(token, "value", "") or ""
    return value.split("\n")[0].strip() if value.lstrip(" ").startswith("#") else ""


def _insertion_line(glossary: GlossaryText, index: int, field: str) -> int:
    """Before the first existing field that comes after `field` in the house order."""
    entry = glossary.entries[index]
    later = ENTRY_FIELDS[ENTRY_FIELDS.index(field) + 1 :]
    following = [k for k in entry.keys() if k in later]
    if following:
        return entry.lc.key(following[0])[0]
    return glossary.entry_span(index)[1]


def _save(glossary: GlossaryText) -> None:
    """Validate the edited text as a glossary, then write it atomically."""
    from qa.glossary.loading import validate
    from qa.glossary.yamlio import parse_yaml
    from qa.writes import atomic_write_text

    text = glossary.text()
    _, problems = validate(parse_yaml(text, glossary.path), glossary.path)
    if problems:
        raise QaInputError(f"the edit would make the glossary invalid, not written: {problems[0].message}")
    atomic_write_text(glossary.path, text)
