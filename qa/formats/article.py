"""Plain-text article: bullet highlights, a `論文:EN title` line, then headed prose.

No arXiv id is given; the paper is matched to its abstract by title later. Plain text has no
heading markup, so a heading is a short line with no sentence-final punctuation.
"""

from __future__ import annotations

import re

from qa.formats.base import DigestFormat, new_section
from qa.formats.markup import location, make_block
from qa.model import Lang, Paper, Section
from qa.source import SourceText

PAPER_LINE = re.compile(r"^論文\s*[:：]\s*(?P<title>\S.*)$", re.M)
BULLET = re.compile(r"^[-・*•]\s*")
SENTENCE_END = tuple("。．.！？!?」）)")
MAX_HEADING_CHARS = 30


class Article(DigestFormat):
    name = "article"
    description = "plain-text article with bullet highlights and a 論文:EN title line"

    @classmethod
    def sniff(cls, src: SourceText) -> float:
        return 0.8 if PAPER_LINE.search(src.text) else 0.0

    def parse(self, src: SourceText):
        paper_line = PAPER_LINE.search(src.text)
        title = paper_line["title"].strip()
        sections: list[Section] = []
        offset = 0
        for line in src.text.split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            if start == paper_line.start():
                block = make_block(src, paper_line.start("title"), end, kind="title", markers=False)
                sections.append(new_section("title", Lang.EN, block.loc, blocks=[block]))
                continue
            if not line.strip():
                continue
            section = self._section_for(src, line, start, end, sections)
            bullet = BULLET.match(line)  # "・" and "•" are no Markdown markers: cut every bullet here
            block = make_block(src, start + (bullet.end() if bullet else 0), end, kind="list_item" if bullet else "paragraph")
            if block and section is not None:
                section.blocks.append(block)
                section.loc = location(src, section.loc.start, block.loc.end)
        paper = Paper(title=title, title_en=title, loc=location(src, 0, len(src.text)), sections=sections)
        return self.digest(src, self.name, [paper])

    @staticmethod
    def _section_for(src: SourceText, line: str, start: int, end: int, sections: list[Section]) -> Section | None:
        """The section a line belongs to, opening a new one at highlights or a heading line."""
        current = sections[-1] if sections else None
        if BULLET.match(line):
            if current is None or current.kind != "highlights":
                current = new_section("highlights", Lang.JA, location(src, start, end))
                sections.append(current)
            return current
        stripped = line.strip()
        if len(stripped) <= MAX_HEADING_CHARS and not stripped.endswith(SENTENCE_END):
            sections.append(new_section("summary", Lang.JA, location(src, start, end), heading=stripped))
            return None
        if current is None or current.kind in ("highlights", "title"):
            current = new_section("note", Lang.JA, location(src, start, end))
            sections.append(current)
        return current
