"""Per-paper summaries: `# EN title`, `[View Paper](url)`, then `## N. question` sections.

Headings come from the Markdown parser, so `#` lines inside fenced code are code, not headings.
Each paper (from its `# title` line followed by `[View Paper]`) is parsed as Markdown on its own,
so a code fence left open swallows the rest of its paper, not the papers after it.
"""

from __future__ import annotations

import re

from qa.arxiv_ids import id_from_url
from qa.formats.base import DigestFormat, new_section
from qa.formats.markup import LeafBlock, leaf_blocks, line_range, location, make_block, unclosed_fence_notices
from qa.model import Lang, Paper
from qa.source import SourceText

VIEW_PAPER = re.compile(r"\[View Paper\]\((?P<url>[^)\s]+)\)")
QUESTION = re.compile(r"(?P<n>\d+)\s*[.．)]\s*")
PAPER_START = re.compile(r"^# [^\n]*\n(?:[ \t]*\n)*\[View Paper\]\(", re.M)


class PaperSummaries(DigestFormat):
    name = "paper-summaries"
    description = "# EN title, [View Paper](url), then ## N. question sections"

    @classmethod
    def sniff(cls, src: SourceText) -> float:
        if not VIEW_PAPER.search(src.text):
            return 0.0
        return 0.9 if re.search(r"^## \d+\.", src.text, re.M) else 0.5

    def parse(self, src: SourceText):
        papers: list[Paper] = []
        after_rule = False
        for leaf in self._leaf_blocks(src):
            start, end = line_range(src, leaf.first_line, leaf.last_line)
            if leaf.kind == "heading" and leaf.level <= 2:
                after_rule = False
            if leaf.kind == "heading" and leaf.level == 1:
                title = make_block(src, start, end, kind="title")
                papers.append(
                    Paper(
                        title=leaf.content,
                        title_en=leaf.content,
                        loc=location(src, start, end),
                        sections=[new_section("title", Lang.EN, title.loc, blocks=[title])],
                    )
                )
                continue
            if not papers:
                continue
            paper = papers[-1]
            if leaf.kind == "hr":
                after_rule = True
                continue
            paper.loc = location(src, paper.loc.start, end)
            view = VIEW_PAPER.search(leaf.content) if leaf.kind == "paragraph" else None
            if view and len(paper.sections) == 1:
                paper.url = view["url"]
                paper.id, paper.version = id_from_url(paper.url) or (None, None)
            elif leaf.kind == "heading" and leaf.level == 2:
                number = QUESTION.match(leaf.content)
                kind = f"question-{number['n']}" if number else "section"
                paper.sections.append(new_section(kind, Lang.JA, location(src, start, end), heading=leaf.content))
            elif len(paper.sections) > 1:
                block = make_block(src, start, end, kind=leaf.kind)
                if block and after_rule and paper.sections[-1].kind != "note":
                    # Text after the separator is no longer the last answer (generators leave
                    # chat replies there): it goes to a note of its own.
                    paper.sections.append(new_section("note", Lang.JA, block.loc))
                if block:
                    section = paper.sections[-1]
                    section.blocks.append(block)
                    section.loc = location(src, section.loc.start, block.loc.end)
        return self.digest(src, self.name, papers)

    @staticmethod
    def _leaf_blocks(src: SourceText) -> list[LeafBlock]:
        """Leaf blocks of the whole file, each paper parsed on its own."""
        starts = sorted({0, *(m.start() for m in PAPER_START.finditer(src.text))})
        blocks: list[LeafBlock] = []
        for start, end in zip(starts, [*starts[1:], len(src.text)]):
            blocks += leaf_blocks(src, start, end)
        src.parse_notices.extend(unclosed_fence_notices(src, blocks, "paper"))
        return blocks
