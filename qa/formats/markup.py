"""Markdown helpers shared by the digest formats: leaf blocks with line ranges, and prose
with Markdown markers removed while keeping the file offset of every character."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa.model import Block, Location
from qa.source import SourceText

LINE_MARKER = re.compile(r"[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,3}[.)][ \t]+)?")
INLINE_MARKER = re.compile(r"\*\*|__|`")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # Only the block structure is used: the inline rules (a third of the parse time) are off.
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


@dataclass
class LeafBlock:
    """A Markdown leaf block: kind is heading, paragraph, list_item, code, hr, table or html."""

    kind: str
    first_line: int  # 0-based line in the file, inclusive
    last_line: int  # 0-based line in the file, exclusive
    level: int = 0  # heading level
    content: str = ""  # inline content (headings, paragraphs) or code text
    closed: bool = True  # False for a code fence that never closes (it runs to the end of its unit)


def leaf_blocks(src: SourceText, start: int = 0, end: int | None = None) -> list[LeafBlock]:
    """Leaf blocks of src.text[start:end], parsed as a document of its own.

    A format parses each of its units (an entry, a paper) on its own, so a broken construct
    such as an unclosed code fence swallows the rest of its unit, never the papers after it.
    ``start`` must be a line start; block lines are lines of the whole file.
    """
    first = src.line_col(start)[0] - 1
    tokens = _parser().parse(src.text[start:end])
    blocks: list[LeafBlock] = []
    list_depth = 0
    skip_until = None
    for i, tok in enumerate(tokens):
        if skip_until is not None:
            if tok.type == skip_until:
                skip_until = None
            continue
        lines = (first + tok.map[0], first + tok.map[1]) if tok.map else ()
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif tok.type == "heading_open":
            blocks.append(LeafBlock("heading", *lines, level=int(tok.tag[1]), content=tokens[i + 1].content))
        elif tok.type == "paragraph_open":
            kind = "list_item" if list_depth else "paragraph"
            blocks.append(LeafBlock(kind, *lines, content=tokens[i + 1].content))
        elif tok.type == "fence":
            blocks.append(LeafBlock("code", *lines, content=tok.content, closed=_fence_closed(src, tok.markup, *lines)))
        elif tok.type == "code_block":
            blocks.append(LeafBlock("code", *lines, content=tok.content))
        elif tok.type == "hr":
            blocks.append(LeafBlock("hr", *lines))
        elif tok.type == "html_block":
            blocks.append(LeafBlock("html", *lines, content=tok.content))
        elif tok.type == "table_open":
            blocks.append(LeafBlock("table", *lines))
            skip_until = "table_close"
    return blocks


def _fence_closed(src: SourceText, markup: str, first_line: int, last_line: int) -> bool:
    """The fence's last line is a closing fence: the same marker, at least as long, alone."""
    if last_line - first_line < 2:
        return False
    closing = src.text[slice(*line_range(src, last_line - 1, last_line))].strip().lstrip("> \t")
    return len(closing) >= len(markup) and closing == markup[0] * len(closing)


def unclosed_fence_notices(src: SourceText, blocks: list[LeafBlock], unit: str) -> list[str]:
    """One notice per code fence that is never closed (Markdown ends it with its ``unit``)."""
    return [
        f"{src.path}:{b.first_line + 1}: code fence is never closed; it is taken to end with its {unit}"
        for b in blocks
        if not b.closed
    ]


def location(src: SourceText, start: int, end: int) -> Location:
    # Validating a dict skips __init__'s keyword packing: a Location costs a third less.
    return Location.model_validate(location_fields(src, start, end))


def location_fields(src: SourceText, start: int, end: int) -> dict[str, str | int]:
    """The fields of the Location of src[start:end], for a model that validates them with itself."""
    line, col = src.line_col(start)
    end_line, end_col = src.line_col(max(start, end))
    return {"file": src.path, "line": line, "column": col, "end_line": end_line, "end_column": end_col, "start": start, "end": end}


def line_range(src: SourceText, first_line: int, last_line: int) -> tuple[int, int]:
    """File offsets of 0-based lines [first_line, last_line), without the final newline."""
    start = src.line_start(first_line + 1)
    end = src.line_start(last_line + 1) - 1 if last_line < src.line_count else len(src.text)
    return start, max(start, end)


def prose(src: SourceText, start: int, end: int, strip_line_markers: bool = True) -> tuple[str, list[int]]:
    """Text of src[start:end] without Markdown line and inline markers, and each char's offset."""
    raw = src.text
    pieces: list[str] = []
    offsets: list[int] = []
    pos = start
    while pos < end:
        line_end = raw.find("\n", pos, end)
        line_end = end if line_end == -1 else line_end
        if strip_line_markers:
            pos = LINE_MARKER.match(raw, pos, line_end).end()
        for marker in INLINE_MARKER.finditer(raw, pos, line_end):
            pieces.append(raw[pos : marker.start()])
            offsets.extend(range(pos, marker.start()))
            pos = marker.end()
        pieces.append(raw[pos:line_end])
        offsets.extend(range(pos, line_end))
        if line_end < end:
            pieces.append("\n")
            offsets.append(line_end)
        pos = line_end + 1
    text = "".join(pieces)
    stripped = text.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    return stripped[lead:], offsets[lead : len(stripped)]


def make_block(src: SourceText, start: int, end: int, kind: str = "paragraph", markers: bool = True) -> Block | None:
    """A Block over src[start:end]; None when it holds no text."""
    text, offsets = prose(src, start, end, strip_line_markers=markers) if kind != "code" else _code(src, start, end)
    if not text:
        return None
    return Block(kind=kind, text=text, offsets=offsets, loc=location(src, offsets[0], src.char_end(offsets[-1])))


def _code(src: SourceText, start: int, end: int) -> tuple[str, list[int]]:
    """A fenced block's code without its fence lines."""
    lines = src.text[start:end].split("\n")
    body_start = start + len(lines[0]) + 1 if lines and lines[0].lstrip().startswith(("```", "~~~")) else start
    body_end = end
    if len(lines) > 1 and lines[-1].lstrip().startswith(("```", "~~~")):
        body_end = end - len(lines[-1]) - 1
    text = src.text[body_start:body_end]
    return text.strip("\n") and text, list(range(body_start, body_start + len(text)))
