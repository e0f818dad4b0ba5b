"""Aligned sentence pairs of translations, as the bilingual rules read them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from qa.checks.base import CheckContext


@dataclass
class AlignedPair:
    """One link of a translation: the English and Japanese text it joins, and where the Japanese is."""

    paper: Any  # AlignedPaper
    link: Any  # Link
    en: str
    ja: str
    ja_all: str  # the whole Japanese translation of the paper
    en_all: str  # the whole English abstract
    # The pair's sentences and the sentence on either side of them, one string each: where a
    # translator may have moved a phrase when regrouping clauses.
    ja_near: list[str]
    en_near: list[str]

    def finding(self, rule, context: CheckContext, message: str, start: int | None = None, end: int | None = None):
        """A finding of rule on this pair, at ja[start:end] or on its whole Japanese side."""
        return rule.finding(message, self.ja_location(context, start, end), paper=self.paper.id, en=self.en, ja=self.ja)

    def ja_location(self, context: CheckContext, start: int | None = None, end: int | None = None):
        """Location of the pair's Japanese text, or of ja[start:end] when the span lies in one sentence."""
        sentences = [self.paper.ja[j] for j in self.link.ja]
        if start is not None and end is not None:
            offset = 0
            for sentence in sentences:
                if offset <= start and end <= offset + len(sentence.text):
                    a = sentence.start + start - offset
                    return context.file_location(sentence.file, a, a + (end - start))
                offset += len(sentence.text)
        return context.aligned_location(sentences)


def translation_pairs(context: CheckContext, with_both_sides: bool = True) -> list[AlignedPair]:
    """The pairs of every translation, built once per run: a dozen rules read them."""
    return context.memo(("translation_pairs", with_both_sides), lambda: list(_pairs(context, with_both_sides)))


def _pairs(context: CheckContext, with_both_sides: bool) -> Iterator[AlignedPair]:
    for paper in context.matched_alignments("translation"):
        ja_all = "".join(s.text for s in paper.ja)
        en_all = " ".join(s.text for s in paper.en)
        for link in paper.links:
            if with_both_sides and not (link.en and link.ja):
                continue
            yield AlignedPair(
                paper=paper,
                link=link,
                en=" ".join(paper.en[i].text for i in link.en),
                ja="".join(paper.ja[j].text for j in link.ja),
                ja_all=ja_all,
                en_all=en_all,
                ja_near=_around(paper.ja, link.ja),
                en_near=_around(paper.en, link.en),
            )


def _around(sentences: list, indices: list[int]) -> list[str]:
    """Texts of the sentences at indices (consecutive) and of their neighbours."""
    if not indices:
        return []
    return [s.text for s in sentences[max(indices[0] - 1, 0) : indices[-1] + 2]]
