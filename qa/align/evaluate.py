"""Scoring an alignment against a gold one, in the convention of the Vecalign evaluation.

A bead is (English indices, Japanese indices). Strict: a test bead counts only when the gold
has exactly that bead. Lax: a test bead also counts when it shares a sentence pair with the
gold, i.e. one of its English sentences is aligned in the gold to one of its Japanese ones.
Precision is taken over all test beads, 1-0 and 0-1 included; recall is taken over the gold
beads that have both sides, against the test beads that have both sides.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

Bead = tuple[tuple[int, ...], tuple[int, ...]]


class Scores(BaseModel):
    strict_precision: float
    strict_recall: float
    strict_f1: float
    lax_precision: float
    lax_recall: float
    lax_f1: float


def as_beads(pairs: Iterable) -> list[Bead]:
    """[[en...], [ja...]] pairs, or Links, as beads; beads empty on both sides are dropped."""
    beads = []
    for pair in pairs:
        en, ja = (pair.en, pair.ja) if hasattr(pair, "en") else pair
        if en or ja:
            beads.append((tuple(en), tuple(ja)))
    return beads


def _hits(reference: list[Bead], candidates: list[Bead]) -> tuple[int, int, int]:
    """(strict hits, lax hits, candidates) of candidates judged against reference."""
    exact = set(reference)
    linked: dict[int, set[int]] = {}
    for en, ja in reference:
        for i in en:
            linked.setdefault(i, set()).update(ja)
    strict = lax = 0
    for bead in set(candidates):
        en, ja = bead
        if bead in exact:
            strict += 1
            lax += 1
        elif any(j in linked.get(i, ()) for i in en for j in ja):
            lax += 1
    return strict, lax, len(set(candidates))


def score_alignments(gold: list[list[Bead]], test: list[list[Bead]]) -> Scores:
    """Micro-averaged strict and lax precision, recall and F1 over several documents."""
    p_strict = p_lax = p_total = r_strict = r_lax = r_total = 0
    for gold_beads, test_beads in zip(gold, test, strict=True):
        s, l, t = _hits(gold_beads, test_beads)
        p_strict, p_lax, p_total = p_strict + s, p_lax + l, p_total + t
        both_gold = [b for b in gold_beads if b[0] and b[1]]
        both_test = [b for b in test_beads if b[0] and b[1]]
        s, l, t = _hits(both_test, both_gold)
        r_strict, r_lax, r_total = r_strict + s, r_lax + l, r_total + t
    return Scores(
        strict_precision=_ratio(p_strict, p_total),
        strict_recall=_ratio(r_strict, r_total),
        strict_f1=_f1(_ratio(p_strict, p_total), _ratio(r_strict, r_total)),
        lax_precision=_ratio(p_lax, p_total),
        lax_recall=_ratio(r_lax, r_total),
        lax_f1=_f1(_ratio(p_lax, p_total), _ratio(r_lax, r_total)),
    )


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
