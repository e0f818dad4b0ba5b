"""`qa glossary stats`: per concept, how often each rendering is used across a corpus."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from qa.glossary.corpus import japanese_sentences
from qa.glossary.normalize import ja_key


@dataclass
class RenderingCount:
    form: str  # the rendering as the glossary lists it
    kind: str  # approved, variant, forbidden, en, abbr
    count: int = 0
    files: Counter = field(default_factory=Counter)


@dataclass
class ConceptUsage:
    concept: str
    preferred: str
    renderings: list[RenderingCount]

    @property
    def total(self) -> int:
        return sum(r.count for r in self.renderings)

    def view(self) -> dict:
        return {
            "concept": self.concept,
            "preferred": self.preferred,
            "total": self.total,
            "renderings": [
                {"form": r.form, "kind": r.kind, "count": r.count, "files": dict(r.files)} for r in self.renderings
            ],
        }


def rendering_stats(parsed: list, glossary) -> list[ConceptUsage]:
    """Concepts used in the Japanese prose of the corpus, most used first; for each, its
    renderings (spelling variants folded into the listed form) and English forms, most used first."""
    counts: dict[str, dict[tuple[str, str], RenderingCount]] = defaultdict(dict)
    for _, digest in parsed:
        for prose in japanese_sentences(digest):
            for match in glossary.match_ja(prose.sentence.text):
                key = (ja_key(match.rendering), match.kind)
                row = counts[match.entry].setdefault(key, RenderingCount(match.rendering, match.kind))
                row.count += 1
                row.files[digest.path] += 1
    usages = [
        ConceptUsage(concept, glossary.entry(concept).preferred, sorted(rows.values(), key=lambda r: -r.count))
        for concept, rows in counts.items()
    ]
    return sorted(usages, key=lambda u: (-u.total, u.concept))
