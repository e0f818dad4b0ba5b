"""`numbers` rules: numbers of the English sentence dropped, changed or invented in its Japanese pair.

Both sides are normalised by qa.anchors (128K = 12.8万, 10B = 100億, 80x = 80倍, 三つ = 3).
A number that the Japanese carries in a neighbouring sentence is not reported: a translator
may move it, and an alignment slip must not become an error.
"""

from __future__ import annotations

from collections import Counter

from qa.anchors import NUMERIC_KINDS, extract_anchors
from qa.checks.base import CheckContext, Rule
from qa.checks.pairs import AlignedPair, translation_pairs
from qa.findings import Severity


def numeric_anchors(text: str) -> list:
    return [a for a in extract_anchors(text) if a.kind in NUMERIC_KINDS]


def number_differences(pair: AlignedPair) -> tuple[list, list]:
    """(English numbers missing from the Japanese, Japanese numbers absent from the English)."""
    en = numeric_anchors(pair.en)
    ja = numeric_anchors(pair.ja)
    ja_values = Counter(a.value for a in ja)
    en_values = Counter(a.value for a in en)
    ja_everywhere = {a.value for a in numeric_anchors(pair.ja_all)}
    en_everywhere = {a.value for a in numeric_anchors(pair.en_all)}
    missing = [a for a in en if a.value not in ja_values and a.value not in ja_everywhere]
    added = [a for a in ja if a.value not in en_values and a.value not in en_everywhere]
    return missing, added


class NumberMismatch(Rule):
    id = "numbers.mismatch"
    severity = Severity.ERROR
    description = "A number of the English sentence appears changed in its Japanese translation."
    example = "EN: from 55.11% to 78.22% / JA: 55.11%から87.22%に → 78.22% became 87.22%"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            missing, added = number_differences(pair)
            for en_anchor, ja_anchor in zip(missing, added):
                if en_anchor.kind == ja_anchor.kind:
                    yield self.finding(
                        f"'{en_anchor.surface}' in the English became '{ja_anchor.surface}' in the Japanese",
                        pair.ja_location(context, ja_anchor.start, ja_anchor.end),
                        paper=pair.paper.id,
                        en=pair.en,
                        ja=pair.ja,
                    )


class NumberMissing(Rule):
    id = "numbers.missing"
    severity = Severity.ERROR
    description = "A number, percentage, multiplier or count of the English is missing from the Japanese translation."
    example = "EN: using just 10B tokens / JA: わずかなトークンで → '10B' missing"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            missing, added = number_differences(pair)
            paired_kinds = Counter(a.kind for a in added)
            for anchor in missing:
                if paired_kinds[anchor.kind]:
                    paired_kinds[anchor.kind] -= 1  # reported as a mismatch instead
                    continue
                yield self.finding(
                    f"'{anchor.surface}' of the English is missing from the Japanese",
                    pair.ja_location(context),
                    paper=pair.paper.id,
                    en=pair.en,
                    ja=pair.ja,
                )


class NumberAdded(Rule):
    id = "numbers.added"
    severity = Severity.ERROR
    description = "The Japanese translation states a number the English abstract does not contain."
    example = "EN: with parameter size ranging from 3 billion to 13 billion / JA: 30億から13億 → '13億' is not in the English"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            missing, added = number_differences(pair)
            paired_kinds = Counter(a.kind for a in missing)
            for anchor in added:
                if paired_kinds[anchor.kind]:
                    paired_kinds[anchor.kind] -= 1
                    continue
                yield self.finding(
                    f"'{anchor.surface}' is not in the English",
                    pair.ja_location(context, anchor.start, anchor.end),
                    paper=pair.paper.id,
                    en=pair.en,
                    ja=pair.ja,
                )
