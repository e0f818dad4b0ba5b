"""`align` rules: English sentences dropped from a translation, Japanese sentences with no
English source, summary sentences the abstract does not support, papers with no abstract."""

from __future__ import annotations

from qa.checks.base import CheckContext, Rule
from qa.findings import Severity


def _translation_links(context: CheckContext):
    """(paper, link index, link) of every translation that found its English abstract."""
    for paper in context.matched_alignments("translation"):
        for index, link in enumerate(paper.links):
            yield paper, index, link


def _ja_location(context: CheckContext, paper, indices: list[int]):
    return context.aligned_location([paper.ja[indices[0]], paper.ja[indices[-1]]])


def _paper_start(context: CheckContext, paper):
    start = context.source(paper.file).line_start(paper.line)
    return context.file_location(paper.file, start, start)


def _neighbour(context: CheckContext, paper, link_index: int):
    """Where an omitted English sentence would go: (location, "follow" or "precede") of the
    Japanese sentence before it, or after it when nothing comes before."""
    before = [j for link in paper.links[:link_index] for j in link.ja]
    after = [j for link in paper.links[link_index + 1 :] for j in link.ja]
    if before:
        return _ja_location(context, paper, before[-1:]), "follow"
    if after:
        return _ja_location(context, paper, after[:1]), "precede"
    return _paper_start(context, paper), None


class Omission(Rule):
    id = "align.omission"
    severity = Severity.ERROR
    description = "An English sentence of the abstract has no counterpart in the Japanese translation."
    example = "EN sentence 5 'Code will be available at …' with no Japanese → omitted from the translation"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for paper, index, link in _translation_links(context):
            if link.en and not link.ja:
                en = " ".join(paper.en[i].text for i in link.en)
                where, side = _neighbour(context, paper, index)
                # The sentence number keeps two omissions at the same place two findings.
                message = f"English sentence {link.en[0] + 1} has no Japanese counterpart"
                if side:
                    message += f"; it would {side} this sentence"
                yield self.finding(message, where, paper=paper.id, en=en)


class Addition(Rule):
    id = "align.addition"
    severity = Severity.ERROR
    description = "A Japanese sentence of a translation has no English source: content the abstract does not say."
    example = "JA: …しかし、この手法は実用化されていない。 (no English source) → added by the translator"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for paper, _, link in _translation_links(context):
            if link.ja and not link.en:
                ja = "".join(paper.ja[j].text for j in link.ja)
                yield self.finding("Japanese sentence has no English source", _ja_location(context, paper, link.ja), paper=paper.id, ja=ja)


class Unsupported(Rule):
    id = "align.unsupported"
    severity = Severity.INFO
    description = "A summary sentence states numbers or names the abstract lacks (they may come from the full paper)."
    example = "JA: 220 GPU時間で事前学習 (abstract: 442 GPU hours) → '220' not in the abstract"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for paper in context.matched_alignments("summary"):
            for link in paper.links:
                if link.unsupported:
                    ja = "".join(paper.ja[j].text for j in link.ja)
                    missing = ", ".join(link.missing) or "its content"
                    yield self.finding(
                        f"not in the abstract: {missing}", _ja_location(context, paper, link.ja), paper=paper.id, ja=ja
                    )


class Unmatched(Rule):
    id = "align.unmatched"
    severity = Severity.WARNING
    description = "No English abstract was found for a paper, so its bilingual checks did not run."
    example = "a paper whose arXiv id and title are not in --abstracts → no English abstract"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        seen = set()
        for paper in context.alignments:
            key = (paper.file, paper.line)
            if paper.unmatched and key not in seen:
                seen.add(key)
                message = f"no English abstract found for {paper.id or repr(paper.title[:60])}"
                yield self.finding(message, _paper_start(context, paper), paper=paper.id)
