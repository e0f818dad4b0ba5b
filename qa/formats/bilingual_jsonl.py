"""Bilingual JSONL: one paper per line with `id` and optional `title`, `title_ja`,
`abstract_en`, `abstract_ja`, `summary_ja` (the input of large batches, and what
`qa export --to jsonl` writes). Sentence offsets map back into the raw JSON line, escapes
included, so findings point at the right column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from json.decoder import scanstring

from qa.arxiv_ids import split_id
from qa.errors import QaInputError
from qa.formats.base import DigestFormat, new_section
from qa.formats.markup import location
from qa.model import Block, Lang, Paper, Section
from qa.source import SourceText

FIELD_SECTIONS = {
    "title_ja": ("title", Lang.JA),
    "title": ("title_en", Lang.EN),
    "abstract_en": ("abstract_en", Lang.EN),
    "abstract_ja": ("abstract_ja", Lang.JA),
    "summary_ja": ("summary", Lang.JA),
}
# Keys whose values end up as text in the model: anything but a JSON string is an input error.
TEXT_KEYS = ("id", *FIELD_SECTIONS, "url", "date", "published")
# json accepts a lone \ud800 escape, but such text cannot be written back out as UTF-8.
UNPAIRED_SURROGATE = re.compile("[\ud800-\udfff]")
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
WHITESPACE = " \t\r\n"
STRING_SPECIAL = re.compile(r'["\\]')  # what ends a run of plain characters in a JSON string
DECODER = json.JSONDecoder()  # skips values that are no strings


class BilingualJsonl(DigestFormat):
    name = "bilingual-jsonl"
    description = "one paper per line: id, title, title_ja, abstract_en, abstract_ja, summary_ja"
    suffixes = (".jsonl",)  # whatever its lines hold: a line that is no paper is reported by its number

    @classmethod
    def sniff(cls, src: SourceText) -> float:
        return 0.7 if src.text.lstrip().startswith("{") else 0.0

    def parse(self, src: SourceText):
        papers: list[Paper] = []
        offset = 0
        for number, line in enumerate(src.text.split("\n"), start=src.first_line):
            start, offset = offset, offset + len(line) + 1
            if line.strip():
                papers.append(self._paper(src, line, start, number))
        return self.digest(src, self.name, papers)

    def _paper(self, src: SourceText, line: str, start: int, number: int) -> Paper:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QaInputError(f"{src.path}:{number}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        _check_record(record, f"{src.path}:{number}", unicode_escapes="\\u" in line)
        ids = split_id(record["id"])
        sections: list[Section] = []
        for key, value_start in _string_fields(line):
            if key not in FIELD_SECTIONS:
                continue
            if any(s.heading == key for s in sections):
                raise QaInputError(f"{src.path}:{number}: key '{key}' appears twice")
            block = _string_block(src, line, value_start, start)
            if block:
                kind, lang = FIELD_SECTIONS[key]
                sections.append(new_section(kind, lang, block.loc, heading=key, blocks=[block]))
        title = record.get("title_ja") or record.get("title") or record["id"]
        return Paper(
            id=ids[0] if ids else record["id"],
            version=ids[1] if ids else None,
            url=record.get("url"),
            title=title,
            title_en=record.get("title"),
            date=record.get("date") or record.get("published"),
            loc=location(src, start, start + len(line)),
            sections=sections,
        )


def _check_record(record: object, where: str, unicode_escapes: bool) -> None:
    """Raise on a line that is no paper. Decoded file text holds no surrogates: only a line with a
    \\u escape is searched for them (the search took an eighth of reading a paper)."""
    if not isinstance(record, dict) or not record.get("id"):
        raise QaInputError(f"{where}: each line must be a JSON object with an 'id'")
    for key in TEXT_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise QaInputError(f"{where}: '{key}' must be a JSON string, not {json.dumps(value)[:40]}")
        if unicode_escapes and value and UNPAIRED_SURROGATE.search(value):
            raise QaInputError(f"{where}: '{key}' contains an unpaired \\u surrogate escape")


def _string_fields(line: str) -> list[tuple[str, int]]:
    """(key, offset of the value's opening quote) for each top-level string value of a JSON object."""
    fields: list[tuple[str, int]] = []
    pos = _skip(line, line.index("{") + 1)
    while pos < len(line) and line[pos] == '"':
        key, pos = scanstring(line, pos + 1)
        pos = _skip(line, _skip(line, pos) + 1)  # past ':'
        if line[pos] == '"':
            end = scanstring(line, pos + 1)[1]
            fields.append((key, pos))
        else:
            end = DECODER.raw_decode(line, pos)[1]
        pos = _skip(line, end)
        pos = _skip(line, pos + 1) if pos < len(line) and line[pos] == "," else pos
    return fields


def _skip(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in WHITESPACE:
        pos += 1
    return pos


def _string_block(src: SourceText, line: str, quote: int, line_start: int) -> Block | None:
    """The JSON string at line[quote] as a block, with the raw offset of every decoded character."""
    text, offsets = _decode_string(src, line, quote + 1, line_start)
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if not text:
        return None
    offsets = offsets[lead : lead + len(text)]
    return Block(kind="paragraph", text=text, offsets=offsets, loc=location(src, offsets[0], src.char_end(offsets[-1])))


def _decode_string(src: SourceText, line: str, pos: int, line_start: int) -> tuple[str, Sequence[int]]:
    """The decoded JSON string starting at line[pos] and the file offset of each character. A
    string without escapes (the usual case) is its raw text, its offsets a range: no list of an
    int per character to build and keep."""
    end = line.find('"', pos)
    if line.find("\\", pos, end) < 0:
        return line[pos:end], range(line_start + pos, line_start + end)
    chars: list[str] = []
    offsets: list[int] = []
    while True:
        # A run of plain characters at once: each stands for itself, at its own offset.
        special = STRING_SPECIAL.search(line, pos)
        stop = special.start() if special else len(line)
        chars.append(line[pos:stop])
        offsets.extend(range(line_start + pos, line_start + stop))
        pos = stop
        if line[pos] == '"':
            return "".join(chars), offsets
        raw_at = pos
        code = line[pos + 1]
        if code == "u":
            ch, pos = _unicode_escape(line, pos)
        else:
            ch, pos = ESCAPES[code], pos + 2
        src.escape_ends[line_start + raw_at] = line_start + pos
        chars.append(ch)
        offsets.append(line_start + raw_at)


def _unicode_escape(line: str, pos: int) -> tuple[str, int]:
    unit = int(line[pos + 2 : pos + 6], 16)
    if 0xD800 <= unit < 0xDC00 and line.startswith("\\u", pos + 6):
        low = int(line[pos + 8 : pos + 12], 16)
        return chr(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)), pos + 12
    return chr(unit), pos + 6
