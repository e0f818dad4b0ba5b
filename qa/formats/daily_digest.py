"""Daily digest: `## [JA title](arxiv url)` entries with **アブストラクト**: and **要約**: blocks.

The link text of an entry can run over several lines and paragraphs (a generator appended
commentary to the title). Markdown sees a heading and loose paragraphs there, so the title is
taken verbatim from the raw text up to the link's closing `](url)`.
"""

from __future__ import annotations

import re

from qa.arxiv_ids import id_from_url
from qa.formats.base import DigestFormat, new_section
from qa.formats.markup import LeafBlock, leaf_blocks, line_range, location, make_block
from qa.model import Lang, Paper, Section
from qa.source import SourceText

ENTRY = re.compile(r"^## \[", re.M)
LINK_CLOSE = re.compile(r"\]\((?P<url>https?://[^\s)]+)\)")
LABEL = re.compile(r"\*\*(?P<label>[^*\n]+?)\*\*\s*[:：]\s*")
DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")
SECTION_LABELS = {
    "アブストラクト": ("abstract_ja", Lang.JA),
    "要約": ("summary", Lang.JA),
    "Abstract": ("abstract_en", Lang.EN),
}


class DailyDigest(DigestFormat):
    name = "daily-digest"
    description = "## [JA title](arxiv url) entries with **アブストラクト** and **要約** blocks"

    @classmethod
    def sniff(cls, src: SourceText) -> float:
        has_entries = ENTRY.search(src.text) is not None
        return 0.9 if has_entries and "**アブストラクト**" in src.text else 0.0

    def parse(self, src: SourceText):
        blocks = leaf_blocks(src.text)
        starts = [m.start() for m in ENTRY.finditer(src.text)]
        papers = [
            self._entry(src, start, end, blocks)
            for start, end in zip(starts, [*starts[1:], len(src.text)])
        ]
        h1 = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
        date = DATE.search(h1.content) if h1 else None
        return self.digest(src, self.name, papers, date=date.group(1) if date else None)

    def _entry(self, src: SourceText, start: int, end: int, blocks: list[LeafBlock]) -> Paper:
        title_start = start + len("## [")
        link = LINK_CLOSE.search(src.text, title_start, end)
        title_end = link.start() if link else src.text.find("\n", title_start)
        body_start = link.end() if link else title_end
        url = link["url"] if link else None
        ids = id_from_url(url) if url else None
        title_block = make_block(src, title_start, title_end, kind="title", markers=False)
        sections = [new_section("title", Lang.JA, title_block.loc, blocks=[title_block])]
        sections += self._sections(src, body_start, end, blocks)
        return Paper(
            id=ids[0] if ids else None,
            version=ids[1] if ids else None,
            url=url,
            title=src.text[title_start:title_end],
            loc=location(src, start, end),
            sections=sections,
        )

    def _sections(self, src: SourceText, start: int, end: int, blocks: list[LeafBlock]) -> list[Section]:
        sections: list[Section] = []
        for leaf in blocks:
            b_start, b_end = line_range(src, leaf.first_line, leaf.last_line)
            if b_start < start or b_start >= end or leaf.kind in ("hr", "heading"):
                continue
            label = LABEL.match(src.text, b_start, b_end)
            if label and label["label"] in SECTION_LABELS:
                kind, lang = SECTION_LABELS[label["label"]]
                sections.append(new_section(kind, lang, location(src, b_start, b_end), heading=label["label"]))
                b_start = label.end()
            if not sections:
                continue
            block = make_block(src, b_start, b_end, kind="code" if leaf.kind == "code" else leaf.kind)
            if block:
                section = sections[-1]
                section.blocks.append(block)
                section.loc = location(src, section.loc.start, block.loc.end)
        return sections
