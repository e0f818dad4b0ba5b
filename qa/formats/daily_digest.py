"""Daily digest: `## [JA title](arxiv url)` entries with **アブストラクト**: and **要約**: blocks.

The link text of an entry can run over several lines and paragraphs (a generator appended
commentary to the title). Markdown sees a heading and loose paragraphs there, so the title is
taken verbatim from the raw text up to the link's closing `](url)`, which must come before the
entry's first section label. Each entry's body is parsed as Markdown on its own, so a broken
entry (unclosed link or code fence) cannot swallow the entries after it.
"""

from __future__ import annotations

import re

from qa.arxiv_ids import id_from_url
from qa.formats.base import DigestFormat, new_section
from qa.formats.markup import LeafBlock, leaf_blocks, line_range, location, make_block, unclosed_fence_notices
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
LABEL_LINE = re.compile(r"^\*\*(?:" + "|".join(SECTION_LABELS) + r")\*\*\s*[:：]", re.M)


class DailyDigest(DigestFormat):
    name = "daily-digest"
    description = "## [JA title](arxiv url) entries with **アブストラクト** and **要約** blocks"

    @classmethod
    def sniff(cls, src: SourceText) -> float:
        has_entries = ENTRY.search(src.text) is not None
        return 0.9 if has_entries and "**アブストラクト**" in src.text else 0.0

    def parse(self, src: SourceText):
        starts = [m.start() for m in ENTRY.finditer(src.text)]
        papers = [self._entry(src, start, end) for start, end in zip(starts, [*starts[1:], len(src.text)])]
        preamble = leaf_blocks(src, 0, starts[0] if starts else len(src.text))
        h1 = next((b for b in preamble if b.kind == "heading" and b.level == 1), None)
        date = DATE.search(h1.content) if h1 else None
        return self.digest(src, self.name, papers, date=date.group(1) if date else None)

    def _entry(self, src: SourceText, start: int, end: int) -> Paper:
        title_start = start + len("## [")
        first_label = LABEL_LINE.search(src.text, title_start, end)
        link = LINK_CLOSE.search(src.text, title_start, first_label.start() if first_label else end)
        if link:
            title_end, body_start = link.start(), link.end()
        else:
            title_end = body_start = _line_end(src.text, title_start, end)
            src.parse_notices.append(
                f"{src.path}:{src.line_col(start)[0]}: entry title has no closing `](url)`; "
                "the title is taken to the end of its line and the entry has no arXiv id"
            )
        url = link["url"] if link else None
        ids = id_from_url(url) if url else None
        title_block = make_block(src, title_start, title_end, kind="title", markers=False)
        sections = [new_section("title", Lang.JA, title_block.loc, blocks=[title_block])] if title_block else []
        body_line = min(_line_end(src.text, body_start, end) + 1, end)
        blocks = leaf_blocks(src, body_line, end)
        src.parse_notices.extend(unclosed_fence_notices(src, blocks, "entry"))
        sections += self._sections(src, blocks)
        return Paper(
            id=ids[0] if ids else None,
            version=ids[1] if ids else None,
            url=url,
            title=src.text[title_start:title_end],
            loc=location(src, start, end),
            sections=sections,
        )

    def _sections(self, src: SourceText, blocks: list[LeafBlock]) -> list[Section]:
        sections: list[Section] = []
        for leaf in blocks:
            if leaf.kind in ("hr", "heading"):
                continue
            b_start, b_end = line_range(src, leaf.first_line, leaf.last_line)
            label = LABEL.match(src.text, b_start, b_end)
            if label and label["label"] in SECTION_LABELS:
                kind, lang = SECTION_LABELS[label["label"]]
                sections.append(new_section(kind, lang, location(src, b_start, b_end), heading=label["label"]))
                b_start = label.end()
            if not sections:
                continue
            block = make_block(src, b_start, b_end, kind=leaf.kind)
            if block:
                section = sections[-1]
                section.blocks.append(block)
                section.loc = location(src, section.loc.start, block.loc.end)
        return sections


def _line_end(text: str, pos: int, end: int) -> int:
    newline = text.find("\n", pos, end)
    return end if newline == -1 else newline
