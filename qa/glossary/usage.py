"""Which rendering of which concept a digest uses, and where.

Besides the forms listed in the glossary, a Japanese term immediately glossed with another
concept's English term or abbreviation counts as a rendering of that concept: in
「教師あり学習(SFT)」 the writer used 教師あり学習 (supervised learning) for SFT (supervised
fine-tuning), an unlisted rendering of SFT.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from qa.glossary.corpus import ProseSentence, japanese_sentences
from qa.glossary.matching import TermMatch
from qa.glossary.normalize import en_key, ja_key
from qa.model import Digest, Paper

GLOSS = re.compile(r"[ \u3000]?[（(]([^（）()\n]{1,80})[）)]")
GLOSS_PARTS = re.compile(r"[,，、;；]")


@dataclass(frozen=True)
class Occurrence:
    """One use of a rendering in a digest's Japanese prose."""

    prose: ProseSentence
    match: TermMatch
    concept: str  # the concept this rendering stands for
    kind: str  # the match kind, or "glossed" for another concept's term glossed with this concept

    @property
    def key(self) -> str:
        """Two occurrences with the same key are the same rendering (spelling variants folded)."""
        return ja_key(self.match.rendering if self.kind != "glossed" else self.match.surface)

    @property
    def display(self) -> str:
        return self.match.rendering if self.kind != "glossed" else self.match.surface


def occurrences(digest: Digest, glossary, english_concepts: Callable[[Paper], set[str]]) -> Iterator[Occurrence]:
    """Every glossary match in the digest's Japanese prose, with the concept it renders.

    An ambiguous rendering (微調整: fine-tuning, or any fine adjustment) is kept only in papers
    whose English text, as given by english_concepts(paper), uses the concept.
    """
    for prose in japanese_sentences(digest):
        text = prose.sentence.text
        for match in glossary.match_ja(text):
            glossed = glossed_concept(glossary, text, match)
            if glossed:
                yield Occurrence(prose, match, glossed, "glossed")
            elif match.rendering not in glossary.entry(match.entry).ambiguous or match.entry in english_concepts(prose.paper):
                yield Occurrence(prose, match, match.entry, match.kind)


def glossed_concept(glossary, text: str, match: TermMatch) -> str | None:
    """The other concept whose English term or abbreviation glosses this rendering, if any."""
    if match.kind not in ("approved", "variant"):
        return None
    gloss = GLOSS.match(text, match.end)
    if not gloss:
        return None
    inner = GLOSS_PARTS.split(gloss.group(1))[0].strip()
    found = glossary.match_en(inner)
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(inner)) or found[0].entry == match.entry:
        return None
    if _related(glossary.entry(match.entry), glossary.entry(found[0].entry)):
        return None
    return found[0].entry


def _related(a, b) -> bool:
    """One concept is part of the other (long chain-of-thought / chain-of-thought), in either language."""
    if en_key(a.en) in en_key(b.en) or en_key(b.en) in en_key(a.en):
        return True
    a_keys = [ja_key(r) for r in a.accepted()]
    b_keys = [ja_key(r) for r in b.accepted()]
    return any(x in y or y in x for x in a_keys for y in b_keys)
