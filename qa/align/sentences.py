"""Sentence alignment of a Japanese translation to its English abstract.

A monotonic dynamic programme over beads: 1-1, 1-2 and 1-3 (Japanese translations often split
a long English sentence), 2-1, and 1-0 / 0-1 for deleted and invented sentences. A bead's score
is a log-potential: its type prior, a Gale–Church length term (Japanese length against the
English length times the document's length ratio), and lexical evidence from qa.align.features:
the weight of the keys both sides share, each key weighted by how rare it is in the document,
minus a penalty for anchors (numbers, names) only one side has, and for each merged sentence
that shares nothing with the other side. 1-0 and 0-1 beads pay only their prior: they have no
length to compare.

There is no 2-2 bead (nor 3-1): a translation that regroups two sentences is still aligned
well by two 1-1 beads, whereas a 2-2 bead can swallow a deleted sentence whole, hiding an
omission behind its neighbour's translation. For the same reason a merged English sentence
that brings nothing to the Japanese costs more than a merged Japanese one (see the penalties).

The length ratio starts as the document's (Japanese characters per English character). When
the first alignment merges English sentences or leaves some unaligned, the ratio is measured
again on its 1-1 beads and the alignment redone: a deleted or invented sentence changes one
side's length, and the document ratio measured before knowing that pushes the aligner to merge
its neighbours instead of leaving the sentence unaligned.

The best path comes from Viterbi; each link's confidence is its posterior probability under
the same potentials (forward–backward), times how much lexical evidence supports it, so a
link that only the length ratio holds up, as with the wrong abstract, gets a low confidence.
The lattice is restricted to a band around its diagonal, widened while the best path runs
along its edge. Everything is plain Python: for abstracts of ten sentences, arrays would cost
more to build (and numpy to import) than they save.
"""

from __future__ import annotations

import math
from itertools import accumulate, pairwise
from operator import sub
from typing import Any

from qa.align.features import KEY_WEIGHTS, SentenceFeatures, english_features, japanese_features
from qa.align.model import Link

# Bead type (English sentences, Japanese sentences) → prior probability. Japanese translations
# of abstracts often split a long English sentence in two, rarely merge two.
BEAD_PRIORS = {(1, 1): 0.78, (1, 2): 0.06, (2, 1): 0.03, (1, 3): 0.02, (1, 0): 0.02, (0, 1): 0.02}
# The priors Gale and Church (1993) published, for the length-only baseline.
GALE_CHURCH_PRIORS = {(1, 1): 0.89, (1, 2): 0.089, (2, 1): 0.089, (2, 2): 0.011, (1, 0): 0.0099, (0, 1): 0.0099}
LENGTH_VARIANCE = 2.0  # variance of the Japanese length per expected character (Gale–Church s²)
LEXICAL_WEIGHT = 3.0  # log-potential per unit of shared key weight
ANCHOR_MISMATCH_WEIGHT = 1.0  # log-potential per unit of anchor weight found on one side only
# Log-potential lost per merged sentence that shares nothing with the other side. An English
# sentence has many keys (its words), a Japanese one only its loanwords, names and numbers: an
# English sentence that brings none of them to the Japanese says more than a Japanese one.
EN_MEMBER_PENALTY, JA_MEMBER_PENALTY = 4.0, 2.0
EVIDENCE_SCALE = 2.0  # shared key weight at which a merged sentence counts as supported (1 - 1/e)
# A link's evidence: the share of the Japanese key weight that the English side has.
UNRELATED_SHARE, TRANSLATED_SHARE = 0.2, 0.6  # evidence 0 at or below the first, 1 at or above the second
EVIDENCE_PRIOR_WEIGHT = 2.0  # key weight of the even-share prior that short sentences are shrunk towards
ANCHOR_KINDS = frozenset(k for k in KEY_WEIGHTS if k not in ("word", "term"))
# Half-width, in cells, of the first band of the lattice around its diagonal; doubled while the
# best path runs along its edge (splits, or runs of deleted or invented sentences, take the path
# further off the diagonal).
BAND_MIN = 2
# The ratio is re-estimated from at least this many 1-1 beads, and the alignment redone if
# that moves it by more than this share.
MIN_RATIO_BEADS, RATIO_TOLERANCE = 3, 0.02
_SQRT_PI = math.sqrt(math.pi)


def align_sentences(en: list[str], ja: list[str], glossary: Any = None) -> list[Link]:
    """Links covering every English and Japanese sentence once, in order, each with a confidence."""
    en_features = [english_features(s, glossary) for s in en]
    ja_features = [japanese_features(s, glossary) for s in ja]
    return align_features(en_features, ja_features)


def align_by_length(en: list[str], ja: list[str]) -> list[Link]:
    """The length-only Gale–Church baseline: their bead priors and length term, no lexical evidence."""
    return align_features(
        [SentenceFeatures(length=len(s)) for s in en],
        [SentenceFeatures(length=len(s)) for s in ja],
        priors=GALE_CHURCH_PRIORS,
        lexical=False,
    )


def align_features(
    en: list[SentenceFeatures], ja: list[SentenceFeatures], priors: dict = BEAD_PRIORS, lexical: bool = True
) -> list[Link]:
    """Links of the best path over sentence features (lexical=False: the length term alone)."""
    if not en or not ja:
        return [Link(en=[i], ja=[], score=1.0) for i in range(len(en))] + [
            Link(en=[], ja=[j], score=1.0) for j in range(len(ja))
        ]
    evidence = PairEvidence(en, ja) if lexical else None
    ratio = sum(f.length for f in ja) / max(sum(f.length for f in en), 1)
    lattice = _banded_lattice(en, ja, priors, evidence, ratio)
    # A skewed ratio shows as merged English sentences or unaligned ones; a path of 1-1 beads
    # and splits has nothing the ratio could have caused.
    if any(a != 1 or not b for _, _, a, b in lattice.path):
        refined = _one_to_one_length_ratio(en, ja, lattice.path)
        if refined is not None and abs(refined - ratio) > RATIO_TOLERANCE * ratio:
            lattice = _banded_lattice(en, ja, priors, evidence, refined)
    return lattice.links()


def _banded_lattice(en: list, ja: list, priors: dict, evidence: PairEvidence | None, ratio: float) -> Lattice:
    """The lattice in a band around the diagonal, widened until the best path keeps off its edges."""
    width = BAND_MIN
    while True:
        lattice = Lattice(en, ja, priors, evidence, ratio, width)
        if not lattice.touches_band():
            return lattice
        width *= 2


def _one_to_one_length_ratio(en: list[SentenceFeatures], ja: list[SentenceFeatures], path: list) -> float | None:
    """Japanese characters per English character over the 1-1 beads of a path, when it has
    enough of them to say."""
    pairs = [(en[i].length, ja[j].length) for i, j, a, b in path if a == b == 1]
    if len(pairs) < MIN_RATIO_BEADS:
        return None
    return sum(j for _, j in pairs) / max(sum(i for i, _ in pairs), 1)


class PairEvidence:
    """Lexical evidence between every English and every Japanese sentence, computed once, key
    by key: the rarity-weighted key weight each pair shares, the part of it anchors make up, and
    per sentence the weight of its anchors (those the other language lacks anywhere at their
    full kind weight, so that they count against every bead they are in).

    A bead's lexical potential is tabulated per bead type for every start cell at once. Beads
    merge sentences on one side only (but for 2-2, which only the length baseline has): the
    shared weight of a run of merged sentences with the single sentence on the other side is
    read from running sums of the pair weights, less what a key that several of them repeat
    would count twice. The run shares min(its count, the other side's count) of such a key,
    like any other."""

    def __init__(self, en: list[SentenceFeatures], ja: list[SentenceFeatures]) -> None:
        shared = {k for f in en for k in f.keys} & {k for f in ja for k in f.keys}
        self.occurrences = {"en": _occurrences(en, shared), "ja": _occurrences(ja, shared)}
        # A key's rarity: the more sentences of one language have it, the less it says.
        self.weights = {
            k: KEY_WEIGHTS[k[0]] / max(len(self.occurrences["en"][k]), len(self.occurrences["ja"][k])) for k in shared
        }
        pairs = [[0.0] * len(ja) for _ in en]
        anchor_pairs = [[0.0] * len(ja) for _ in en]
        for k, w in self.weights.items():
            anchor = k[0] in ANCHOR_KINDS
            for i, en_count in self.occurrences["en"][k]:
                row, anchor_row = pairs[i], anchor_pairs[i]
                for j, ja_count in self.occurrences["ja"][k]:
                    weight = w * min(en_count, ja_count)
                    row[j] += weight
                    if anchor:
                        anchor_row[j] += weight
        # Running sums along each English sentence's row (runs of Japanese sentences) and each
        # Japanese sentence's column (runs of English ones).
        self.running = {
            "ja": [_running(m) for m in (pairs, anchor_pairs)],
            "en": [_running(list(zip(*m))) for m in (pairs, anchor_pairs)],
        }
        # How idle each Japanese sentence is next to each English one: 1 when they share nothing.
        self.idle_ja = _running([[math.exp(-w / EVIDENCE_SCALE) for w in row] for row in pairs])
        self.anchors = {
            "en": _running([[_anchor_weight(f, self.weights) for f in en]])[0],
            "ja": _running([[_anchor_weight(f, self.weights) for f in ja]])[0],
        }
        self.keys = {"en": [f.keys for f in en], "ja": [f.keys for f in ja]}
        self.shared_keys = {
            side: [{k: n for k, n in keys.items() if k in shared} for keys in self.keys[side]] for side in self.keys
        }
        self.ja_totals = [sum(KEY_WEIGHTS[k[0]] * n for k, n in f.keys.items()) for f in ja]
        self._tables: dict[tuple[int, int], list] = {}

    def table(self, a: int, b: int) -> list[list[float]]:
        """Lexical log-potential of the a-b bead starting at [i][j], for every start cell:
        shared weight, less anchors found on one side only and merged sentences left idle."""
        found = self._tables.get((a, b))
        if found is None:
            if a > 1 and b > 1:
                raise ValueError(f"no lexical evidence for {a}-{b} beads")
            found = self._tables[(a, b)] = self._merged_table("ja", b) if a == 1 else _transposed(self._merged_table("en", a))
        return found

    def _merged_table(self, merged: str, size: int) -> list[list[float]]:
        """[single sentence][run start] potentials of runs of `size` sentences of one language
        merged against single sentences of the other."""
        single = "en" if merged == "ja" else "ja"
        matched_rows, anchor_rows = self.running[merged]
        run_anchors = _run_sums(self.anchors[merged], size)
        shared = [_run_sums(row, size) for row in matched_rows]
        shared_anchors = [_run_sums(row, size) for row in anchor_rows]
        for start, k, counts in self._repeated(merged, size):
            total, weight, anchor = sum(counts), self.weights[k], k[0] in ANCHOR_KINDS
            for x, n in self.occurrences[single][k]:
                if n < total:  # the run has more of the key than the single sentence
                    excess = weight * (sum([min(c, n) for c in counts]) - n)
                    shared[x][start] -= excess
                    if anchor:
                        shared_anchors[x][start] -= excess
        penalty = (JA_MEMBER_PENALTY if merged == "ja" else EN_MEMBER_PENALTY) if size > 1 else 0.0
        idle = self._idle_members(merged, size, shared) if size > 1 else [[0.0] * len(run_anchors) for _ in shared]
        single_anchors = self.anchors[single]
        return [
            [
                LEXICAL_WEIGHT * weight
                # Anchor weight on one side only: all either side has, less twice what both share.
                - ANCHOR_MISMATCH_WEIGHT * (one_sided if (one_sided := own + run - 2 * anchor) > 0 else 0.0)
                - penalty * idle_members
                for weight, anchor, run, idle_members in zip(weights, anchors, run_anchors, idle_row)
            ]
            for weights, anchors, idle_row, own in zip(
                shared, shared_anchors, idle, (later - earlier for earlier, later in pairwise(single_anchors))
            )
        ]

    def _idle_members(self, merged: str, size: int, shared: list[list[float]]) -> list[list[float]]:
        """[single sentence][run start]: how many sentences of the run share nothing with the
        single sentence (smoothly: 1 for nothing, towards 0 as the shared weight grows). A merge
        that carries along an unrelated sentence should lose to leaving that sentence unaligned.

        A Japanese sentence counts what it shares with the English one. An English sentence
        counts only what it adds to the rest of the run: one that repeats the names and terms
        of its neighbour, as the sentences of an abstract do, brings nothing of its own to the
        Japanese, which is how a deleted translation hides behind its neighbour's."""
        if merged == "ja":
            return [_run_sums(row, size) for row in self.idle_ja]
        idle = []
        for row, totals in zip(self.running["en"][0], shared):
            pairs = [later - earlier for earlier, later in pairwise(row)]
            runs = [row[s + size] - row[s] for s in range(len(totals))]
            members = [0.0] * len(totals)
            for t in range(size):  # what member t adds: the run's shared weight less the others'
                members = [
                    before + math.exp(-max(0.0, total - run + pair) / EVIDENCE_SCALE)
                    for before, total, run, pair in zip(members, totals, runs, pairs[t:])
                ]
            idle.append(members)
        return idle

    def _repeated(self, side: str, size: int) -> list[tuple[int, tuple, list[int]]]:
        """(run start, key, counts of the run's sentences) for the shared keys that several
        sentences of a run of `size` have."""
        shared = self.shared_keys[side]
        found = []
        for start in range(len(shared) - size + 1 if size > 1 else 0):
            members = shared[start : start + size]
            repeated = set().union(
                *(first.keys() & second.keys() for t, first in enumerate(members) for second in members[t + 1 :])
            )
            found += [(start, k, [m.get(k, 0) for m in members]) for k in repeated]
        return found

    def evidence(self, i: int, j: int, a: int, b: int) -> float:
        """How well the English side accounts for the Japanese side's keys, mapped to [0, 1]: the
        share of the Japanese key weight found in the English, shrunk towards an even share when
        the Japanese has few keys. A translation covers 60% or more; an unrelated pair under 30%."""
        en_keys = _summed(self.keys["en"][i : i + a])
        ja_keys = _summed(self.keys["ja"][j : j + b])
        covered = sum(KEY_WEIGHTS[k[0]] * min(n, en_keys.get(k, 0)) for k, n in ja_keys.items())
        share = (covered + EVIDENCE_PRIOR_WEIGHT * 0.5) / (sum(self.ja_totals[j : j + b]) + EVIDENCE_PRIOR_WEIGHT)
        return min(1.0, max(0.0, (share - UNRELATED_SHARE) / (TRANSLATED_SHARE - UNRELATED_SHARE)))


def _run_sums(running: list[float], size: int) -> list[float]:
    """Sums of every run of `size` consecutive items, from running sums (see _running)."""
    return list(map(sub, running[size:], running))


def _running(matrix) -> list[list[float]]:
    """Each row's running sums, with a leading 0: the sum of row[s:e] is r[e] - r[s]."""
    return [list(accumulate(row, initial=0.0)) for row in matrix]


def _transposed(matrix: list[list[float]]) -> list[list[float]]:
    return [list(column) for column in zip(*matrix)]


def _occurrences(features: list[SentenceFeatures], shared: set) -> dict:
    """Shared key → [(sentence index, count)]."""
    found: dict = {k: [] for k in shared}
    for index, f in enumerate(features):
        for k, n in f.keys.items():
            if k in shared:
                found[k].append((index, n))
    return found


def _anchor_weight(f: SentenceFeatures, weights: dict) -> float:
    return sum(weights.get(k, KEY_WEIGHTS[k[0]]) * n for k, n in f.keys.items() if k[0] in ANCHOR_KINDS)


def _summed(counts: list) -> dict:
    total: dict = {}
    for member in counts:
        for k, n in member.items():
            total[k] = total.get(k, 0) + n
    return total


def length_costs(en_length: float, ja_lengths: list[float], ratio: float) -> list[float]:
    """-log of the two-sided probability of each length difference (Gale–Church): Japanese
    runs of these lengths against one English run."""
    expected = en_length * ratio
    costs = []
    for ja_length in ja_lengths:
        x = abs(ja_length - expected) / math.sqrt(LENGTH_VARIANCE * (expected + ja_length) + 1e-18)
        tail = math.erfc(x)
        costs.append(-math.log(tail) if tail > 1e-300 else _tail_cost(x))
    return costs


def _tail_cost(x: float) -> float:
    """-log erfc(x) far in the tail, where erfc underflows: its asymptote x² + log(x·√π)."""
    return x * x + math.log(x * _SQRT_PI)


class Lattice:
    """Viterbi path and forward–backward sums over the (n+1)×(m+1) grid of (English, Japanese)
    sentence counts, within a band around its diagonal. Potentials are tabulated per bead type
    by the cell where the bead ends, before the passes."""

    def __init__(self, en: list, ja: list, priors: dict, evidence: PairEvidence | None, ratio: float, width: int) -> None:
        self.n, self.m, self.evidence = len(en), len(ja), evidence
        n, m = self.n, self.m
        self.rows = [(max(0, math.floor(i * m / n) - width), min(m, math.ceil(i * m / n) + width)) for i in range(n + 1)]
        en_lengths = list(accumulate((f.length for f in en), initial=0))
        ja_lengths = list(accumulate((f.length for f in ja), initial=0))
        # Spare rows and columns past the grid, as many as the largest bead has sentences on
        # one side, so that the passes never index past a table.
        self.spare = max(max(bead) for bead in priors)
        self.potentials = {
            bead: self._table(bead, math.log(prior), en_lengths, ja_lengths, ratio)
            for bead, prior in priors.items()
            if bead[0] <= n and bead[1] <= m
        }
        self._forward()
        self._backward()
        self.path = self._best_path()

    def _table(self, bead: tuple[int, int], log_prior: float, en_lengths: list, ja_lengths: list, ratio: float) -> list:
        """Potential of the bead ending at each cell [i][j] (None where it would start or end
        outside the band); lengths are running sums."""
        a, b = bead
        table: list[list[float | None]] = [[None] * (self.m + 1 + self.spare) for _ in range(self.n + 1 + self.spare)]
        lexical_table = self.evidence.table(a, b) if self.evidence and a and b else None
        for i in range(a, self.n + 1):
            low, high = self.rows[i]
            start_low, start_high = self.rows[i - a]
            en_length = en_lengths[i] - en_lengths[i - a]
            row = table[i]
            columns = range(max(low, start_low + b, b), min(high, start_high + b) + 1)
            if not (a and b):
                row[columns.start : columns.stop] = [log_prior] * len(columns)
                continue
            costs = length_costs(en_length, [ja_lengths[j] - ja_lengths[j - b] for j in columns], ratio)
            if lexical_table:
                lexical = lexical_table[i - a]
                row[columns.start : columns.stop] = [
                    log_prior - cost + lexical[j - b] for j, cost in zip(columns, costs)
                ]
            else:
                row[columns.start : columns.stop] = [log_prior - cost for cost in costs]
        return table

    def _forward(self) -> None:
        n, m = self.n, self.m
        best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
        forward = [[-math.inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        best[0][0] = forward[0][0] = 0.0
        for i, (low, high) in enumerate(self.rows):
            # Per bead type: its potentials ending in row i, and the rows it starts from.
            ending = [
                (bead, bead[1], table[i], best[i - bead[0]], forward[i - bead[0]])
                for bead, table in self.potentials.items()
                if i >= bead[0]
            ]
            for j in range(low, high + 1):
                top, top_bead, sums = -math.inf, None, []
                for bead, b, potentials, best_before, forward_before in ending:
                    potential = potentials[j]
                    if potential is None:
                        continue
                    value = best_before[j - b] + potential
                    if value > top:
                        top, top_bead = value, bead
                    sums.append(forward_before[j - b] + potential)
                if sums:
                    best[i][j], back[i][j], forward[i][j] = top, top_bead, _logsumexp(sums)
        self.back, self.forward = back, forward

    def _backward(self) -> None:
        n, m = self.n, self.m
        backward = [[-math.inf] * (m + 1 + self.spare) for _ in range(n + 1 + self.spare)]
        backward[n][m] = 0.0
        for i in range(n, -1, -1):
            # Per bead type: its potentials ending in the row it reaches from row i, and that row.
            starting = [(b, table[i + a], backward[i + a]) for (a, b), table in self.potentials.items()]
            row = backward[i]
            low, high = self.rows[i]
            for j in range(high, low - 1, -1):
                sums = [after[j + b] + potentials[j + b] for b, potentials, after in starting if potentials[j + b] is not None]
                if sums:
                    row[j] = _logsumexp(sums)
        self.backward = backward

    def touches_band(self) -> bool:
        """Whether the best path runs along an edge of the band (not of the grid): a wider band
        might hold a better one."""
        for i, j, a, b in self.path:
            for row, column in ((i, j), (i + a, j + b)):
                low, high = self.rows[row]
                if column == low > 0 or column == high < self.m:
                    return True
        return False

    def _best_path(self) -> list[tuple[int, int, int, int]]:
        """The Viterbi path as beads (English start, Japanese start, English count, Japanese count)."""
        path = []
        i, j = self.n, self.m
        while i or j:
            a, b = self.back[i][j]
            i, j = i - a, j - b
            path.append((i, j, a, b))
        return path[::-1]

    def links(self) -> list[Link]:
        total = self.forward[self.n][self.m]
        links = []
        for i, j, a, b in self.path:
            # The bead's posterior probability: all paths through it against all paths.
            log_posterior = self.forward[i][j] + self.potentials[(a, b)][i + a][j + b] + self.backward[i + a][j + b] - total
            confidence = math.exp(min(0.0, log_posterior))
            if a and b and self.evidence:
                confidence *= self.evidence.evidence(i, j, a, b)
            links.append(Link(en=list(range(i, i + a)), ja=list(range(j, j + b)), score=round(min(1.0, confidence), 4)))
        return links


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum([math.exp(v - top) for v in values]))
