"""Metadata page: `- key: value` items (arxiv url, Date, Title, Title(参考訳), Abstract,
Abstract(参考訳)…) and a related-papers list.

The related-papers list is not well-formed Markdown: each item's date line runs straight into
the next item (`… (2025-08-05T07:42:00Z) - Next title [score]`), so Markdown sees one list
item. Its items are therefore cut out of the raw text by their fixed shape.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

from qa.arxiv_ids import id_from_url
from qa.formats.base import DigestFormat, new_section
from qa.formats.markup import leaf_blocks, line_range, location, make_block
from qa.model import Lang, Paper, Section
from qa.source import SourceText

ITEM_KEY = re.compile(r"[-*+]\s+(?P<key>[^\n:：]{1,40}?)\s*[:：][ \t]*")
RELATED_HEADING = "関連論文リスト"
RELATED_ITEM = re.compile(
    r"(?:^|(?<=\))[ \t]+)-[ \t]+(?P<title>[^\n]+?)[ \t]+\[(?P<score>\d+(?:\.\d+)?)\][ \t]*\n"
    r"(?P<summary>(?:(?!論文 参考訳).*\n)*?)"
    r"論文 参考訳\(メタデータ\)[ \t]*\((?P<date>[^)\n]*)\)",
    re.M,
)
SECTION_KEYS = {
    "Title": ("title_en", Lang.EN),
    "Title(参考訳)": ("title", Lang.JA),
    "Abstract要約": ("summary", Lang.JA),
    "Abstract": ("abstract_en", Lang.EN),
    "Abstract(参考訳)": ("abstract_ja", Lang.JA),
}


class AbstractPage(DigestFormat):
    name = "abstract-page"
    description = "- key: value metadata (arxiv url, Title, Abstract, Abstract(参考訳)) and related papers"

    @classmethod
    def sniff(cls, src: SourceText) -> float:
        keys = {m["key"] for m in ITEM_KEY.finditer(src.text)}
        return 0.9 if {"arxiv url", "Abstract"} <= keys else 0.0

    def parse(self, src: SourceText):
        related_at = src.text.find("\n" + RELATED_HEADING + "\n")
        meta_end = related_at if related_at >= 0 else len(src.text)
        fields: dict[str, tuple[int, int]] = {}
        for leaf in leaf_blocks(src, 0, meta_end):
            start, end = line_range(src, leaf.first_line, leaf.last_line)
            key = ITEM_KEY.match(src.text, start, end)
            if leaf.kind == "list_item" and key:
                fields.setdefault(key["key"].strip(), (key.end(), end))
        paper = self._paper(src, fields, meta_end)
        if related_at >= 0:
            paper.related, footer_start = self._related(src, related_at + len(RELATED_HEADING) + 2)
            footer = [b for o in self._line_offsets(src, footer_start) if (b := make_block(src, *self._line(src, o)))]
            if footer:
                loc = location(src, footer[0].loc.start, footer[-1].loc.end)
                paper.sections.append(new_section("note", Lang.JA, loc, blocks=footer))
        return self.digest(src, self.name, [paper])

    def _paper(self, src: SourceText, fields: dict[str, tuple[int, int]], end: int) -> Paper:
        value = {k: src.text[s:e].strip() for k, (s, e) in fields.items()}
        ids = id_from_url(value.get("arxiv url", ""))
        sections: list[Section] = []
        for key, (kind, lang) in SECTION_KEYS.items():
            if key in fields:
                block = make_block(src, *fields[key], kind="paragraph", markers=False)
                loc = block.loc if block else location(src, *fields[key])
                sections.append(new_section(kind, lang, loc, heading=key, blocks=[block]))
        return Paper(
            id=ids[0] if ids else None,
            version=ids[1] if ids else None,
            url=value.get("arxiv url"),
            title=value.get("Title(参考訳)") or value.get("Title", ""),
            title_en=value.get("Title"),
            date=_iso_date(value.get("Date")),
            authors=[a.strip() for a in value.get("Authors", "").split(",") if a.strip()],
            loc=location(src, 0, end),
            sections=sections,
        )

    @staticmethod
    def _related(src: SourceText, start: int) -> tuple[list[Paper], int]:
        papers: list[Paper] = []
        end = start
        for m in RELATED_ITEM.finditer(src.text, start):
            title = make_block(src, m.start("title"), m.end("title"), kind="title", markers=False)
            summary = make_block(src, m.start("summary"), m.end("summary"), kind="paragraph", markers=False)
            sections = [new_section("title", Lang.EN, title.loc, blocks=[title])]
            if summary:
                sections.append(new_section("related_summary", Lang.JA, summary.loc, blocks=[summary]))
            papers.append(
                Paper(
                    title=m["title"],
                    title_en=m["title"],
                    score=float(m["score"]),
                    date=m["date"][:10] or None,
                    loc=location(src, m.start("title"), m.end()),
                    sections=sections,
                )
            )
            end = m.end()
        return papers, end

    @staticmethod
    def _line_offsets(src: SourceText, start: int) -> list[int]:
        nl = src.text.find("\n", start)
        offsets, pos = [], (nl + 1 if nl >= 0 else len(src.text))
        while pos < len(src.text):
            offsets.append(pos)
            nl = src.text.find("\n", pos)
            pos = nl + 1 if nl >= 0 else len(src.text)
        return offsets

    @staticmethod
    def _line(src: SourceText, start: int) -> tuple[int, int]:
        nl = src.text.find("\n", start)
        return start, nl if nl >= 0 else len(src.text)


def _iso_date(value: str | None) -> str | None:
    """An RFC 2822 date ("Sun, 17 Aug 2025 14:50:23 GMT") as an ISO date; other text as it is."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return value
