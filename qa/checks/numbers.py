"""`numbers` rules: numbers of the English sentence dropped, changed or invented in its Japanese pair.

Both sides are normalised by qa.anchors (128K = 12.8万, 10B = 100億, 80x = 80倍, 三つ = 3).
A number that the Japanese carries in a neighbouring sentence is not reported: a translator
may move it, and an alignment slip must not become an error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from qa.anchors import NUMERIC_KINDS, extract_anchors
from qa.checks.base import CheckContext, Rule
from qa.checks.pairs import AlignedPair, translation_pairs
from qa.findings import Severity


@dataclass
class NumberDifferences:
    """How the numbers of an aligned pair differ: changed (English, Japanese), dropped, invented."""

    changed: list[tuple] = field(default_factory=list)
    missing: list = field(default_factory=list)
    added: list = field(default_factory=list)


def numeric_anchors(text: str) -> list:
    return [a for a in extract_anchors(text) if a.kind in NUMERIC_KINDS]


def number_differences(pair: AlignedPair) -> NumberDifferences:
    en = numeric_anchors(pair.en)
    ja = numeric_anchors(pair.ja)
    ja_values = {a.value for a in ja} | {a.value for a in numeric_anchors(pair.ja_all)}
    en_values = {a.value for a in en} | {a.value for a in numeric_anchors(pair.en_all)}
    missing = [a for a in en if a.value not in ja_values]
    added = [a for a in ja if a.value not in en_values]
    # A dropped and an invented number of the same kind, in order, are one changed number.
    result = NumberDifferences()
    for en_anchor in missing:
        same_kind = next((a for a in added if a.kind == en_anchor.kind), None)
        if same_kind is None:
            result.missing.append(en_anchor)
        else:
            added.remove(same_kind)
            result.changed.append((en_anchor, same_kind))
    result.added = added
    return result


def _differences(context: CheckContext, pair: AlignedPair) -> NumberDifferences:
    return context.memo(("numbers", id(pair.paper), id(pair.link)), lambda: number_differences(pair))


class NumberMismatch(Rule):
    id = "numbers.mismatch"
    severity = Severity.ERROR
    description = "A number of the English sentence appears changed in its Japanese translation."
    example = "EN: from 55.11% to 78.22% / JA: 55.11%から87.22%に → 78.22% became 87.22%"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            for en_anchor, ja_anchor in _differences(context, pair).changed:
                message = f"'{en_anchor.surface}' in the English became '{ja_anchor.surface}' in the Japanese"
                yield pair.finding(self, context, message, ja_anchor.start, ja_anchor.end)


class NumberMissing(Rule):
    id = "numbers.missing"
    severity = Severity.ERROR
    description = "A number, percentage, multiplier or count of the English is missing from the Japanese translation."
    example = "EN: using just 10B tokens / JA: わずかなトークンで → '10B' missing"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            for anchor in _differences(context, pair).missing:
                yield pair.finding(self, context, f"'{anchor.surface}' of the English is missing from the Japanese")


class NumberAdded(Rule):
    id = "numbers.added"
    severity = Severity.ERROR
    description = "The Japanese translation states a number the English abstract does not contain."
    example = "EN: with parameter size ranging from 3 billion to 13 billion / JA: 30億から13億 → '13億' is not in the English"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            for anchor in _differences(context, pair).added:
                yield pair.finding(self, context, f"'{anchor.surface}' is not in the English", anchor.start, anchor.end)
