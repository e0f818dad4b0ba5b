"""HTML review page: one self-contained file to read a digest beside its English abstracts.

Per paper the English and Japanese sentences side by side as aligned (1-2 and 2-1 links shown
as such, omissions and additions marked), findings highlighted on their exact spans with rule
and message on hover and keyboard focus, glossary terms underlined, a summary table on top and
filters by severity and rule family. The page is built as an element tree, so every piece of
digest text is a text node: nothing in a digest can become markup or script. Its Content
Security Policy admits only the page's own style and script (by hash) and no network at all.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import itertools
from collections import Counter
from importlib import resources
from pathlib import Path

from lxml import etree

from qa.export.base import Exporter, ExportInput, Rendered
from qa.export.document import (
    CharOffsets,
    ExportAlignment,
    ExportDocument,
    ExportLink,
    ExportPaper,
    build_document,
    finding_span,
)
from qa.export.xmltext import xml_text
from qa.findings import Finding, Severity
from qa.model import Lang, Sentence

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
LOW_SCORE = 0.5  # links the aligner is unsure of get their score shown in red


class HtmlExporter(Exporter):
    name = "html"
    description = "self-contained review page: side-by-side sentences, findings highlighted, filters"

    def render(self, data: ExportInput) -> Rendered:
        document = build_document(data)
        page = ReviewPage(document, CharOffsets(data.parsed), data.checked)
        findings = len(document.findings)
        return Rendered(data=page.html().encode("utf-8"), summary=f"{len(document.papers)} papers, {findings} findings")


def h(tag: str, attrs: dict | None = None, *children):
    """An element with attributes (None values left out) and children: elements, strings, lists, None."""
    element = etree.Element(tag, {k: xml_text(v) for k, v in attrs.items() if v is not None} if attrs else None)
    _append(element, children, None)
    return element


def _append(element, children, last):
    """Append children (nested lists flattened, None skipped); strings become text or tails."""
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            if last is None:
                element.text = (element.text or "") + xml_text(child)
            else:
                last.tail = (last.tail or "") + xml_text(child)
        elif isinstance(child, (list, tuple)):
            last = _append(element, child, last)
        else:
            element.append(child)
            last = child
    return last


def _asset(name: str) -> str:
    return resources.files("qa.export").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def family(finding: Finding) -> str:
    return finding.rule.split(".", 1)[0]


def anchor(paper: ExportPaper) -> str:
    return f"paper-{paper.key}"


class ReviewPage:
    """Builds the page; numbers the highlighted spans and remembers each finding's first one."""

    def __init__(self, document: ExportDocument, offsets: CharOffsets, checked: bool) -> None:
        self.document = document
        self.offsets = offsets
        self.checked = checked
        self.spans = {i: finding_span(f, document.sources.get(f.file)) for i, f in enumerate(document.findings)}
        self.marks = 0
        self.first_mark: dict[int, str] = {}

    def html(self) -> str:
        papers = [self.paper(p) for p in self.document.papers]  # numbers the marks the lists link to
        css, js = _asset("review.css"), _asset("review.js")
        policy = f"default-src 'none'; style-src {_csp_source(css)}; script-src {_csp_source(js)}; base-uri 'none'; form-action 'none'"
        title = f"Digest review: {len(self.document.papers)} papers"
        head = h(
            "head",
            None,
            h("meta", {"charset": "utf-8"}),
            h("meta", {"http-equiv": "Content-Security-Policy", "content": policy}),
            h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
            h("title", None, title),
            h("style", None, css),
        )
        body = h(
            "body",
            None,
            h("a", {"class": "skip", "href": "#papers"}, "Skip to the papers"),
            h("header", {"class": "top"}, self.overview(title)),
            h("main", {"id": "papers"}, papers, self.loose_findings()),
            h("div", {"id": "tip", "role": "tooltip", "hidden": "hidden"}),
            h("script", None, js),
        )
        return etree.tostring(h("html", {"lang": "en"}, head, body), method="html", encoding="unicode", doctype="<!DOCTYPE html>")

    # -- top of the page -------------------------------------------------------------------

    def overview(self, title: str) -> list:
        findings = self.document.findings
        counts = Counter(f.severity for f in findings)
        totals = [h("li", None, f"{len(self.document.papers)} papers")]
        totals += [h("li", {"class": f"sev-{s.value}"}, h("span", {"class": "sev"}, s.value), f" {counts[s]}") for s in SEVERITIES]
        parts = [
            h("h1", None, title),
            h("p", {"class": "sources"}, "From " + ", ".join(self.document.files)),
            h("ul", {"class": "totals", "aria-label": "Totals"}, totals),
        ]
        if findings:
            parts.append(self.filters())
            parts.append(
                h(
                    "p",
                    {"class": "keys"},
                    h("kbd", None, "Tab"), " or ", h("kbd", None, "n"), " / ", h("kbd", None, "p"),
                    ": next / previous finding; hover or focus a highlight for its rule and message; ",
                    h("kbd", None, "Esc"), " closes it.",
                )
            )
        elif self.checked:
            parts.append(h("p", {"class": "notice"}, "The checks found nothing to report."))
        else:
            parts.append(h("p", {"class": "notice"}, "Checks were not run: export with --with-findings to see findings here."))
        parts.append(self.summary_table())
        return parts

    def filters(self) -> object:
        findings = self.document.findings
        severity = Counter(f.severity.value for f in findings)
        families = Counter(family(f) for f in findings)

        def box(value: str, label: str, count: int):
            return h("label", None, h("input", {"type": "checkbox", "value": value, "checked": "checked"}), f" {label} ({count})")

        return h(
            "div",
            {"class": "filters", "role": "group", "aria-label": "Filter findings"},
            h("fieldset", None, h("legend", None, "Severity"), [box(f"severity:{s.value}", s.value, severity[s.value]) for s in SEVERITIES if severity[s.value]]),
            h("fieldset", None, h("legend", None, "Rule family"), [box(f"family:{name}", name, n) for name, n in sorted(families.items())]),
            h("p", {"id": "filter-status", "role": "status", "aria-live": "polite", "class": "loc"}),
        )

    def summary_table(self) -> object:
        columns = ("#", "Paper", "Where", "Pairs", "Omitted", "Added", "Unsupported", "Error", "Warning", "Info")
        rows, totals = [], Counter()
        for number, paper in enumerate(self.document.papers, start=1):
            counts = self.paper_counts(paper)
            totals.update(counts)
            link = h("a", {"href": f"#{anchor(paper)}", "lang": "ja" if paper.title_ja else "en"}, paper.title)
            where = h("td", {"class": "loc where", "title": paper.file}, f"{Path(paper.file).name}:{paper.line}")
            rows.append(h("tr", None, h("td", None, str(number)), h("td", {"class": "title"}, link), where, self.count_cells(counts)))
        foot = h("tr", None, h("td", None), h("td", None, "Total"), h("td", {"class": "where"}), self.count_cells(totals))
        return h(
            "div",
            {"class": "table-wrap"},
            h(
                "table",
                {"class": "summary"},
                h("caption", {"class": "loc"}, "Papers, aligned pairs and findings by severity"),
                h("thead", None, h("tr", None, [h("th", {"scope": "col", "class": "where" if c == "Where" else None}, c) for c in columns])),
                h("tbody", None, rows),
                h("tfoot", None, foot),
            ),
        )

    def paper_counts(self, paper: ExportPaper) -> Counter:
        translation = paper.alignment("translation")
        summary = paper.alignment("summary")
        links = translation.links if translation else []
        counts = Counter(f.severity.value for f in self.document.finding_list(paper.findings))
        counts["pairs"] = sum(1 for link in links if link.is_pair)
        counts["omitted"] = sum(1 for link in links if not link.ja)
        counts["added"] = sum(1 for link in links if not link.en)
        counts["unsupported"] = sum(1 for link in summary.links if link.unsupported) if summary else 0
        return counts

    @staticmethod
    def count_cells(counts: Counter) -> list:
        cells = []
        for key in ("pairs", "omitted", "added", "unsupported", *(s.value for s in SEVERITIES)):
            value = counts[key]
            css = "zero" if not value else f"n-{key}" if key in ("error", "warning") else None
            cells.append(h("td", {"class": css}, str(value)))
        return cells

    # -- one paper -------------------------------------------------------------------------

    def paper(self, paper: ExportPaper) -> object:
        title_id = f"{anchor(paper)}-title"
        heading = self.heading(paper, title_id)
        blocks = []
        translation = paper.alignment("translation")
        summary = paper.alignment("summary")
        if translation:
            blocks.append(self.alignment(paper, translation, "Abstract ↔ translation", ("English abstract", "Japanese translation")))
        if summary:
            blocks.append(self.alignment(paper, summary, "Summary ↔ abstract", ("Supporting abstract sentences", "Japanese summary")))
        if not paper.alignments:
            blocks.append(self.unaligned(paper))
        findings = self.finding_list(paper.findings)  # after the text: it links to the marks made there
        return h(
            "section",
            {"class": "paper related" if paper.related_to else "paper", "id": anchor(paper), "aria-labelledby": title_id},
            heading,
            findings,
            blocks,
        )

    def heading(self, paper: ExportPaper, title_id: str) -> list:
        title_section = paper.paper.section("title")
        if title_section and title_section.blocks and paper.title_ja:
            title = [self.marked_ja(b.text, b.offsets, paper.findings) for b in title_section.blocks]
        else:
            title = paper.title
        where = f"{paper.file}:{paper.line}"
        meta = [h("a", {"href": paper.url}, f"arXiv {paper.id}") if paper.url and paper.id else None, " · " if paper.id else None, where]
        if paper.related_to:
            meta.append(f" · related to {paper.related_to}")
        return [
            h("h2", {"id": title_id, "lang": "ja" if paper.title_ja else "en"}, h("span", {"class": "pid"}, paper.id or "no arXiv id"), title),
            h("p", {"class": "en-title", "lang": "en"}, paper.title_en) if paper.title_ja and paper.title_en else None,
            h("p", {"class": "meta"}, meta),
        ]

    def alignment(self, paper: ExportPaper, alignment: ExportAlignment, title: str, labels: tuple[str, str]) -> object:
        rows = [self.row(alignment.kind, link, labels) for link in alignment.links]
        count = f"{len(alignment.links)} links"
        if alignment.match_score is not None and alignment.match_score < 1:
            count += f", abstract matched by title ({alignment.match_score:.2f})"
        head = h("div", {"class": "row head", "aria-hidden": "true"}, h("div", None, "#"), h("div", None, labels[0]), h("div", None, labels[1]))
        return h(
            "details",
            {"class": f"alignment {alignment.kind}", "open": "open"},
            h("summary", None, h("h3", None, title), h("span", {"class": "count"}, count)),
            h("div", {"class": "rows"}, head, rows),
        )

    def row(self, kind: str, link: ExportLink, labels: tuple[str, str]) -> object:
        css = ["row"]
        if kind == "translation" and not link.ja:
            css.append("omission")
        elif kind == "translation" and not link.en:
            css.append("addition")
        elif link.unsupported:
            css.append("unsupported")
        if link.is_pair and link.shape != "1-1":
            css.append("multi")
        low = kind == "translation" and link.score < LOW_SCORE
        score = h("span", {"class": "score low" if low else "score", "title": "alignment score"}, f"{link.score:.2f}")
        number = h("div", {"class": "n"}, str(link.number), " ", h("span", {"class": "shape", "title": f"{link.shape.replace('-', ' English : ')} Japanese"}, link.shape.replace("-", ":")), score)
        return h("div", {"class": " ".join(css)}, number, self.english_cell(kind, link, labels[0]), self.japanese_cell(kind, link, labels[1]))

    def english_cell(self, kind: str, link: ExportLink, label: str) -> object:
        findings = self.document.finding_list(link.findings)
        sentences = [h("span", {"class": "sent"}, self.marked_en(text, link.findings, findings)) for text in link.en]
        if not link.en:
            gap = "Not in the English abstract (added)" if kind == "translation" else "No supporting sentence in the abstract"
            sentences.append(h("span", {"class": "gap"}, gap))
        if link.unsupported and link.missing:
            sentences.append(h("span", {"class": "sent gap"}, "Missing from the abstract: " + ", ".join(link.missing)))
        return h("div", {"class": "en", "lang": "en"}, h("span", {"class": "cell-label"}, label), sentences)

    def japanese_cell(self, kind: str, link: ExportLink, label: str) -> object:
        sentences = [
            h("span", {"class": "sent"}, self.marked_ja(s.text, self.offsets.of(s.file, s.start, s.text), link.findings))
            for s in link.ja
        ]
        if not link.ja:
            sentences.append(h("span", {"class": "gap", "lang": "en"}, "Not translated (omitted)"))
        return h("div", {"class": "ja", "lang": "ja"}, h("span", {"class": "cell-label", "lang": "en"}, label), sentences)

    def unaligned(self, paper: ExportPaper) -> object:
        rows = []
        for section in paper.paper.sections:
            if section.expected_lang != Lang.JA or section.kind == "title":
                continue
            for sentence in section.sentences:
                rows.append(h("div", {"class": "row single", "lang": "ja"}, self.sentence(sentence, paper.findings)))
        note = "No English abstract matched this paper: its Japanese text is shown alone."
        return h(
            "details",
            {"class": "alignment unaligned", "open": "open"},
            h("summary", None, h("h3", None, "Japanese text"), h("span", {"class": "count"}, note)),
            h("div", {"class": "rows"}, rows or h("p", {"class": "empty"}, "No Japanese text.")),
        )

    def sentence(self, sentence: Sentence, candidates: list[int]) -> list:
        offsets = sentence.offsets or [sentence.loc.start + i for i in range(len(sentence.text))]
        return self.marked_ja(sentence.text, offsets, candidates)

    def finding_list(self, indices: list[int]) -> object | None:
        if not indices:
            return None
        items = []
        for i in indices:
            finding = self.document.findings[i]
            where = f"{finding.file}:{finding.line}:{finding.column}"
            place = h("a", {"class": "loc", "href": f"#{self.first_mark[i]}"}, where) if i in self.first_mark else h("span", {"class": "loc"}, where)
            items.append(
                h(
                    "li",
                    {"class": f"finding sev-{finding.severity.value}", "id": f"f{i}", "data-severity": finding.severity.value, "data-family": family(finding)},
                    h("span", {"class": "sev"}, finding.severity.value), " ",
                    h("code", {"class": "rule"}, finding.rule), " ",
                    h("span", {"class": "msg"}, finding.message), " ",
                    place,
                )
            )
        return h("ol", {"class": "findings", "aria-label": "Findings"}, items)

    def loose_findings(self) -> object | None:
        listing = self.finding_list(self.document.loose_findings)
        if listing is None:
            return None
        return h("section", {"class": "paper", "aria-label": "Findings outside any paper"}, h("h2", None, "Findings outside any paper"), listing)

    # -- highlighted text ------------------------------------------------------------------

    def marked_ja(self, text: str, offsets: list[int], candidates: list[int]) -> list:
        """Japanese text with findings marked where their file spans cover its characters."""
        if not text:
            return []
        low, high = offsets[0], offsets[-1] + 1
        spans = [
            (bisect.bisect_left(offsets, span[0]), bisect.bisect_left(offsets, span[1]), i)
            for i in candidates
            if (span := self.spans[i]) and span[0] < high and low < span[1]
        ]
        return self.pieces(text, spans, self.terms(text, "ja"))

    def marked_en(self, text: str, indices: list[int], findings: list[Finding]) -> list:
        """English text with the findings' English evidence marked where it occurs."""
        spans = [
            (at, at + len(finding.en), i)
            for i, finding in zip(indices, findings)
            if finding.en and (at := text.find(finding.en)) >= 0
        ]
        return self.pieces(text, spans, self.terms(text, "en"))

    def terms(self, text: str, lang: str) -> list[tuple[int, int, tuple[str, str]]]:
        """(start, end, (tooltip, kind)) of the glossary terms in text; the glossary returns
        matches that do not overlap. A Japanese rendering shows its English term; an English
        term (or a Latin abbreviation in Japanese text) its preferred rendering."""
        glossary = self.document.glossary
        if glossary is None:
            return []
        found = []
        for match in glossary.match_ja(text) if lang == "ja" else glossary.match_en(text):
            if match.kind in ("en", "abbr"):
                entry = glossary.entry(match.entry)
                title = f"glossary: {entry.ja[0] if entry else match.entry}"
            else:
                title = f"glossary: {match.entry}" + (" (forbidden rendering)" if match.kind == "forbidden" else "")
            found.append((match.start, match.end, (title, match.kind)))
        return found

    def pieces(self, text: str, spans: list[tuple[int, int, int]], terms: list) -> list:
        """text cut where findings or terms start or end: each run with the same findings is one
        mark (one stop for the keyboard), with the glossary terms inside it underlined."""
        if not spans and not terms:
            return [text]
        cuts = sorted({0, len(text), *(x for s, e, _ in (*spans, *terms) for x in (s, e))})
        segments = []
        for a, b in itertools.pairwise(cuts):
            findings = frozenset(i for s, e, i in spans if s <= a < e)
            term = next((t for s, e, t in terms if s <= a < e), None)
            segments.append((findings, term, text[a:b]))
        out = []
        for findings, run in itertools.groupby(segments, key=lambda segment: segment[0]):
            inner = [self.term("".join(part for _, _, part in same), term) for term, same in itertools.groupby(run, key=lambda segment: segment[1])]
            out.append(self.mark(inner, findings) if findings else inner)
        return out

    @staticmethod
    def term(text: str, term: tuple[str, str] | None) -> object:
        return text if term is None else h("span", {"class": f"term term-{term[1]}", "title": term[0]}, text)

    def mark(self, children: list, findings: frozenset) -> object:
        self.marks += 1
        mark_id = f"m{self.marks}"
        ids = sorted(findings)
        for i in ids:
            self.first_mark.setdefault(i, mark_id)
        worst = max((self.document.findings[i].severity for i in ids), key=lambda s: s.rank)
        refs = " ".join(f"f{i}" for i in ids)
        return h("mark", {"class": f"hl sev-{worst.value}", "id": mark_id, "tabindex": "0", "data-findings": refs, "aria-describedby": refs}, children)
