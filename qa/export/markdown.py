"""Markdown: the bilingual digest for publication.

Per paper the Japanese title and text, with the English title and abstract folded in a
<details> block, and each glossary term followed by its English form on its first use in the
paper (unless the digest already glosses it in brackets, or writes it in Latin script). Digest
text is escaped so that nothing in it turns into Markdown or HTML markup.
"""

from __future__ import annotations

import html
import re

from qa.export.base import Exporter, ExportInput, Rendered
from qa.export.document import ExportDocument, ExportPaper, build_document
from qa.model import Block, Lang, Section

# Sections a reader of the publication does not need: titles (shown as headings) and site notices.
HIDDEN_SECTIONS = {"title", "title_en", "abstract_en", "note"}
INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>&|~])")
LINE_START_SPECIALS = re.compile(r"^([#>+=-]|\d+[.)])", re.MULTILINE)
GLOSSED = re.compile(r"\s?[（(]")  # the digest already explains the term in brackets
LATIN = re.compile(r"[A-Za-z]")


def escape(text: str) -> str:
    """Backslash-escape what CommonMark would read as markup (every escape used is CommonMark's)."""
    text = INLINE_SPECIALS.sub(r"\\\1", text)
    return LINE_START_SPECIALS.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


class MarkdownExporter(Exporter):
    name = "markdown"
    description = "bilingual digest for publication: Japanese text, English in <details>, glossary terms glossed"

    def render(self, data: ExportInput) -> Rendered:
        document = build_document(data)
        dates = sorted({d.date for _, d in data.parsed if d.date})
        heading = "# 論文ダイジェスト（日英対訳）" + (f"（{dates[0]}）" if len(dates) == 1 else "")
        parts = [heading]
        for paper in document.papers:
            parts.append(_paper(document, paper))
        text = "\n\n".join(parts) + "\n"
        return Rendered(data=text.encode("utf-8"), summary=f"{len(document.papers)} papers")


def _paper(document: ExportDocument, paper: ExportPaper) -> str:
    level = "###" if paper.related_to else "##"
    title = escape(paper.title)
    parts = [f"{level} [{title}](<{paper.url}>)" if paper.url else f"{level} {title}"]
    if paper.related_to:
        parts.append(f"関連論文（{escape(paper.related_to)}）")
    if paper.title_en or paper.abstract_en:
        parts.append(_english(paper))
    glossed: set[str] = set()
    for section in paper.paper.sections:
        if section.expected_lang == Lang.JA and section.kind not in HIDDEN_SECTIONS:
            parts.extend(_section(document, section, glossed))
    return "\n\n".join(parts)


def _english(paper: ExportPaper) -> str:
    summary = html.escape(f"English: {paper.title_en}" if paper.title_en else "English abstract")
    lines = ["<details>", f"<summary>{summary}</summary>", ""]
    if paper.abstract_en:
        lines += [escape(paper.abstract_en), ""]
    lines.append("</details>")
    return "\n".join(lines)


def _section(document: ExportDocument, section: Section, glossed: set[str]) -> list[str]:
    parts = [f"#### {escape(section.heading)}"] if section.heading else []
    for block in section.blocks:
        parts.append(_block(document, block, glossed))
    return parts


def _block(document: ExportDocument, block: Block, glossed: set[str]) -> str:
    if block.kind == "code":
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", block.text)), default=0))
        return f"{fence}\n{block.text}\n{fence}"
    text = _glossed(document, block.text, glossed)
    if block.kind == "list_item":
        return "- " + text.replace("\n", "\n  ")
    if block.kind == "heading":
        return f"#### {text}"
    return text


def _glossed(document: ExportDocument, text: str, glossed: set[str]) -> str:
    """text escaped, with the English form added after the first use of each glossary term."""
    pieces: list[str] = []
    done = 0
    for end, english in _first_uses(document, text, glossed):
        pieces.append(escape(text[done:end]))
        pieces.append(f"（{escape(english)}）")
        done = end
    pieces.append(escape(text[done:]))
    return "".join(pieces)


def _first_uses(document: ExportDocument, text: str, glossed: set[str]) -> list[tuple[int, str]]:
    """(offset, English) to insert after each run of touching Japanese terms that has a new one.

    Touching terms make one compound (自己報酬型推論), glossed as a whole after its last term
    (self-rewarding reasoning) rather than cut in the middle. Latin forms need no gloss; a run
    the digest already follows with a bracket (an English gloss or an abbreviation) is left as is.
    """
    if document.glossary is None:
        return []
    runs: list[list] = []
    for match in document.glossary.match_ja(text):  # in order, not overlapping
        if LATIN.search(match.surface):
            continue
        if runs and runs[-1][-1].end == match.start:
            runs[-1].append(match)
        else:
            runs.append([match])
    inserts = []
    for run in runs:
        entries = list(dict.fromkeys(m.entry for m in run))
        new = [e for e in entries if e not in glossed]
        glossed.update(entries)
        if new and not GLOSSED.match(text, run[-1].end):
            inserts.append((run[-1].end, " ".join(entries)))
    return inserts
