"""`numbers` rules: numbers of the English sentence dropped, changed or invented in its Japanese pair.

Both sides are normalised by qa.anchors (128K = 12.8万, 10B = 100億, 80x = 80倍, 三つ = 3).
A number that the Japanese carries in a neighbouring sentence is not reported: a translator
may move it, and an alignment slip must not become an error. Only the neighbours count, not
the whole text: small numbers recur (「システム2」 elsewhere must not hide a dropped "two tasks").
A change "from A to B" must keep its direction: AからBに, not BからAに.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from qa.anchors import NUMERIC_KINDS, extract_anchors, fold_width
from qa.checks.base import CheckContext, Rule
from qa.checks.pairs import AlignedPair, translation_pairs
from qa.findings import Severity

# What joins two numbers into a change from the first to the second.
FROM_EN, TO_EN = re.compile(r"\bfrom\s+$", re.I), re.compile(r"\s+to\s+")
TO_JA = re.compile(r"\s*(?:から|→)\s*")


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
    # The numbers around one side are only collected when the other side has any.
    ja_values = _values_near(pair.ja_near) if en else set()
    en_values = _values_near(pair.en_near) if ja else set()
    missing = [a for a in en if a.value not in ja_values]
    added = [a for a in ja if a.value not in en_values]
    result = NumberDifferences()
    for en_anchor in missing:
        # The same magnitude in another unit (5.1% written 5.1), else the next invented number
        # of the same kind: either way one changed number, reported once.
        ja_anchor = next((a for a in added if magnitude(a) == magnitude(en_anchor)), None) or next(
            (a for a in added if a.kind == en_anchor.kind), None
        )
        if ja_anchor is None:
            result.missing.append(en_anchor)
            continue
        added.remove(ja_anchor)
        if {en_anchor.kind, ja_anchor.kind} != {"number", "multiplier"}:  # "a factor of 3" is 3倍
            result.changed.append((en_anchor, ja_anchor))
    # A count of one comes and goes with the articles ("a single model" is 1つのモデル, "one of
    # the" may be left out): only a one that replaced another number is worth an error.
    result.missing = [a for a in result.missing if not is_counted_one(a, pair.en)]
    result.added = [a for a in added if not is_counted_one(a, pair.ja)]
    return result


def _values_near(texts: list[str]) -> set[str]:
    return {a.value for text in texts for a in numeric_anchors(text)}


def magnitude(anchor) -> str:
    return anchor.value.rstrip("%x")


def is_counted_one(anchor, text: str) -> bool:
    """A one written as a count (one, 一つ, 1つ), not a digit that names something (System 1)."""
    if anchor.kind != "number" or anchor.value != "1":
        return False
    return not fold_width(anchor.surface).isdigit() or text.startswith("つ", anchor.end)


def changes(text: str, anchors: list, joiner: re.Pattern, opener: re.Pattern | None = None) -> list[tuple]:
    """Consecutive numbers of one kind written as a change from the first to the second."""
    return [
        (a, b)
        for a, b in pairwise(anchors)
        if a.kind == b.kind and joiner.fullmatch(text, a.end, b.start) and (opener is None or opener.search(text, 0, a.start))
    ]


def reversed_changes(pair: AlignedPair) -> list[tuple]:
    """(English change, Japanese change) pairs where the Japanese goes the other way."""
    en = {(a.value, b.value): (a, b) for a, b in changes(pair.en, numeric_anchors(pair.en), TO_EN, FROM_EN)}
    if not en:
        return []  # nothing to reverse: the Japanese is not read
    found = []
    for a, b in changes(pair.ja, numeric_anchors(pair.ja), TO_JA):
        if a.value != b.value and (b.value, a.value) in en and (a.value, b.value) not in en:
            found.append((en[b.value, a.value], (a, b)))
    return found


def _pairs_and_differences(context: CheckContext) -> Iterator[tuple[AlignedPair, NumberDifferences]]:
    """Each translation pair with its number differences, computed once per run for the three
    rules that report them, as one list: looking each pair up in the memo was a quarter of those
    rules' time."""
    pairs = translation_pairs(context)
    return zip(pairs, context.memo("number differences", lambda: [number_differences(pair) for pair in pairs]))


class NumberMismatch(Rule):
    id = "numbers.mismatch"
    severity = Severity.ERROR
    description = "A number of the English sentence appears changed in its Japanese translation."
    example = "EN: ranging from 3 billion to 13 billion / JA: 30億から13億 → '13 billion' became '13億' (it is 130億)"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair, differences in _pairs_and_differences(context):
            for en_anchor, ja_anchor in differences.changed:
                message = f"'{en_anchor.surface}' in the English became '{ja_anchor.surface}' in the Japanese"
                yield pair.finding(self, context, message, ja_anchor.start, ja_anchor.end)


class NumberMissing(Rule):
    id = "numbers.missing"
    severity = Severity.ERROR
    description = "A number, percentage, multiplier or count of the English is missing from the Japanese translation."
    example = "EN: using just 10B tokens / JA: わずかなトークンで → '10B' missing"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair, differences in _pairs_and_differences(context):
            for anchor in differences.missing:
                yield pair.finding(self, context, f"'{anchor.surface}' of the English is missing from the Japanese")


class NumberAdded(Rule):
    id = "numbers.added"
    severity = Severity.ERROR
    description = "The Japanese translation states a number the English abstract does not contain."
    example = "EN: we also provide a puzzle training set / JA: 1万問のパズルトレーニングセット → '1万' is not in the English"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair, differences in _pairs_and_differences(context):
            for anchor in differences.added:
                yield pair.finding(self, context, f"'{anchor.surface}' is not in the English", anchor.start, anchor.end)


class NumberOrder(Rule):
    id = "numbers.order"
    severity = Severity.ERROR
    description = "A change 'from A to B' of the English goes the other way in the Japanese (BからAに)."
    example = "EN: boosts accuracy from 55.11% to 78.22% / JA: 精度を78.22%から55.11%に向上 → the change is reversed"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            for (en_from, en_to), (ja_from, ja_to) in reversed_changes(pair):
                en_text, ja_text = pair.en[en_from.start : en_to.end], pair.ja[ja_from.start : ja_to.end]
                message = f"'from {en_text}' in the English is reversed in the Japanese: '{ja_text}'"
                yield pair.finding(self, context, message, ja_from.start, ja_to.end)


# A slip of magnitude happens when a translator converts an English scale (K, M, B, million,
# billion) into a Japanese one (千, 万, 億, 兆); numbers written in the same system on both sides
# (7B and 70B) are simply different numbers.
JAPANESE_SCALE = re.compile(r"[千万億兆]")
ENGLISH_SCALE = re.compile(r"\d\s*[KkMBT]\b|\b(?:thousand|million|billion|trillion)\b", re.I)


def _significant_digits(value: str) -> str:
    """13億 (1300000000) and 13 billion (13000000000) share '13': the digits without zeros around them."""
    return value.replace(".", "").strip("0-")


def scale_slips(ja_text: str, abstract: str) -> list[tuple]:
    """(Japanese anchor, English anchor) where the Japanese writes the abstract's digits at another
    magnitude: 13億 for "13 billion" (130億). The Japanese must carry a Japanese scale and the
    English an English one, so an unrelated small count (8つ) never meets a model size (8B)."""
    english = [a for a in numeric_anchors(abstract) if ENGLISH_SCALE.search(a.surface)]
    values = {a.value for a in numeric_anchors(abstract)}
    slips = []
    for anchor in numeric_anchors(ja_text):
        if anchor.value in values or not JAPANESE_SCALE.search(anchor.surface):
            continue
        digits = _significant_digits(anchor.value)
        twin = next((e for e in english if e.kind == anchor.kind and _significant_digits(e.value) == digits), None)
        if twin is not None:
            slips.append((anchor, twin))
    return slips


class NumberScale(Rule):
    id = "numbers.scale"
    severity = Severity.ERROR
    description = "A summary writes a number of the abstract at the wrong magnitude (13億 for 13 billion = 130億)."
    example = "EN: from 3 billion to 13 billion / JA summary: 30億から13億 → '13億' where the abstract says '13 billion' (130億)"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for paper in context.matched_alignments("summary"):
            abstract = " ".join(s.text for s in paper.en)
            for sentence in paper.ja:
                for anchor, twin in scale_slips(sentence.text, abstract):
                    start = sentence.start + anchor.start
                    yield self.finding(
                        f"'{anchor.surface}' where the abstract says '{twin.surface}': the magnitude differs",
                        context.file_location(sentence.file, start, start + len(anchor.surface)),
                        paper=paper.id,
                        en=twin.surface,
                        ja=sentence.text,
                    )
