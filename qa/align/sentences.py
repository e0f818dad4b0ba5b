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
from itertools import accumulate
from typing import Any, Final

from qa.align.features import KEY_WEIGHTS, SentenceFeatures, english_features, japanese_features
from qa.align.model import Link

# The types the passes run on, spelt out so that the compiled module keeps floats and ints native.
Priors = dict[tuple[int, int], float]  # bead type (English count, Japanese count) → prior
Table = list[list[float | None]]  # a bead type's potential by the cell where it ends
Bead = tuple[int, int, int, int]  # English start, Japanese start, English count, Japanese count
RepeatedKey = tuple[int, list[int], int, int]  # key id, counts in a run's sentences, their total, their largest

# Bead type (English sentences, Japanese sentences) → prior probability. Japanese translations
# of abstracts often split a long English sentence in two, rarely merge two.
BEAD_PRIORS = {(1, 1): 0.78, (1, 2): 0.06, (2, 1): 0.03, (1, 3): 0.02, (1, 0): 0.02, (0, 1): 0.02}
# The priors Gale and Church (1993) published, for the length-only baseline.
GALE_CHURCH_PRIORS = {(1, 1): 0.89, (1, 2): 0.089, (2, 1): 0.089, (2, 2): 0.011, (1, 0): 0.0099, (0, 1): 0.0099}
LENGTH_VARIANCE: Final = 2.0  # variance of the Japanese length per expected character (Gale–Church s²)
LEXICAL_WEIGHT: Final = 3.0  # log-potential per unit of shared key weight
ANCHOR_MISMATCH_WEIGHT: Final = 1.0  # log-potential per unit of anchor weight found on one side only
# Log-potential lost per merged sentence that shares nothing with the other side. An English
# sentence has many keys (its words), a Japanese one only its loanwords, names and numbers: an
# English sentence that brings none of them to the Japanese says more than a Japanese one.
EN_MEMBER_PENALTY: Final = 4.0
JA_MEMBER_PENALTY: Final = 2.0
EVIDENCE_SCALE: Final = 2.0  # shared key weight at which a merged sentence counts as supported (1 - 1/e)
# A link's evidence: the share of the Japanese key weight that the English side has.
UNRELATED_SHARE: Final = 0.2  # evidence 0 at or below this share
TRANSLATED_SHARE: Final = 0.6  # evidence 1 at or above this one
EVIDENCE_PRIOR_WEIGHT: Final = 2.0  # key weight of the even-share prior that short sentences are shrunk towards
ANCHOR_KINDS = frozenset(k for k in KEY_WEIGHTS if k not in ("word", "term"))
# Half-width, in cells, of the first band of the lattice around its diagonal; doubled while the
# best path runs along its edge (splits, or runs of deleted or invented sentences, take the path
# further off the diagonal).
BAND_MIN: Final = 2
# The ratio is re-estimated from at least this many 1-1 beads, and the alignment redone if
# that moves it by more than this share.
MIN_RATIO_BEADS: Final = 3
RATIO_TOLERANCE: Final = 0.02
_SQRT_PI: Final = math.sqrt(math.pi)


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
    en: list[SentenceFeatures], ja: list[SentenceFeatures], priors: Priors = BEAD_PRIORS, lexical: bool = True
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


def _banded_lattice(
    en: list[SentenceFeatures], ja: list[SentenceFeatures], priors: Priors, evidence: PairEvidence | None, ratio: float
) -> Lattice:
    """The lattice in a band around the diagonal, widened until a best path exists and keeps off
    the band's edges (a band as wide as the grid has no edges but the grid's, and every cell
    of the grid is reachable through 1-0 and 0-1 beads)."""
    width = BAND_MIN
    while True:
        lattice = Lattice(en, ja, priors, evidence, ratio, width)
        if lattice.reachable and not lattice.touches_band():
            return lattice
        width *= 2


def _one_to_one_length_ratio(en: list[SentenceFeatures], ja: list[SentenceFeatures], path: list[Bead]) -> float | None:
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

    Beads merge sentences on one side only (but for 2-2, which only the length baseline has):
    the shared weight of a run of merged sentences with the single sentence on the other side
    is the sum of its pairs' weights, less what a key that several of them repeat would count
    twice. The run shares min(its count, the other side's count) of such a key, like any other.

    Potentials are asked for row by row of the lattice, only inside its band: most cells of
    the grid are never on any path worth weighing."""

    def __init__(self, en: list[SentenceFeatures], ja: list[SentenceFeatures]) -> None:
        # The keys both languages have, numbered: the sums below hash them many times over. They
        # are numbered in the order the English has them, not a set's: the weights are summed in
        # key order, and an order that changed with the hash seed changed the last bits of the
        # sums, and with them which of two tied beads (a repeated sentence) won.
        ja_keys = set().union(*(f.keys for f in ja))
        ids: dict[tuple[str, str], int] = {}
        for f in en:
            for key in f.keys:
                if key in ja_keys and key not in ids:
                    ids[key] = len(ids)
        (en_occurrences, en_shared), (ja_occurrences, ja_shared) = _occurrences(en, ids), _occurrences(ja, ids)
        self.shared_keys = {"en": en_shared, "ja": ja_shared}
        # A key's rarity: the more sentences of one language have it, the less it says.
        self.weights = [KEY_WEIGHTS[k[0]] / max(len(en_occurrences[n]), len(ja_occurrences[n])) for k, n in ids.items()]
        self.is_anchor = [k[0] in ANCHOR_KINDS for k in ids]
        self.kind_weights = [KEY_WEIGHTS[k[0]] for k in ids]
        pairs = [[0.0] * len(ja) for _ in en]
        anchor_pairs = [[0.0] * len(ja) for _ in en]
        for k, (w, anchor) in enumerate(zip(self.weights, self.is_anchor)):
            for i, en_count in en_occurrences[k]:
                row, anchor_row = pairs[i], anchor_pairs[i]
                for j, ja_count in ja_occurrences[k]:
                    weight = w * (en_count if en_count < ja_count else ja_count)
                    row[j] += weight
                    if anchor:
                        anchor_row[j] += weight
        # How idle each sentence of a pair is next to the other: 1 when they share nothing.
        idle = [[math.exp(-w / EVIDENCE_SCALE) for w in row] for row in pairs]
        # [English][Japanese], and [Japanese][English] for the beads that merge English sentences.
        self.by_en = (pairs, anchor_pairs, idle)
        self.by_ja = tuple(_transposed(m) for m in self.by_en)
        self.anchors = {"en": [self._anchor_weight(f, ids) for f in en], "ja": [self._anchor_weight(f, ids) for f in ja]}
        self.ja_totals = [f.key_weight for f in ja]
        self._repeated: dict[tuple[str, int], dict[int, list[RepeatedKey]]] = {}

    def _anchor_weight(self, f: SentenceFeatures, ids: dict[tuple[str, str], int]) -> float:
        """A sentence's anchor weight: shared anchors at their rarity weight, the others at their
        kind's full weight."""
        total = 0.0
        for a in f.anchors:
            key = (a.kind, a.value)
            total += self.weights[ids[key]] if key in ids else KEY_WEIGHTS[a.kind]
        return total

    def lexical_row(self, a: int, b: int, first: int, start: int, stop: int) -> list[float]:
        """Lexical log-potentials of the a-b beads whose English side starts at sentence `first`
        and whose Japanese side starts at each of start..stop-1: shared weight, less anchors
        found on one side only and merged sentences left idle."""
        if a > 1 and b > 1:
            raise ValueError(f"no lexical evidence for {a}-{b} beads")
        if a == 1:
            return self._japanese_runs(first, b, start, stop)
        return self._english_runs(first, a, start, stop)

    # Plain loops rather than comprehensions and slices: these run for every cell of the band,
    # over a handful of cells at a time, where a comprehension's set-up costs more than its loop.
    def _japanese_runs(self, en: int, size: int, start: int, stop: int) -> list[float]:
        """One English sentence against runs of `size` Japanese sentences. Idle members count
        how many sentences of a run share nothing with the single sentence (smoothly: 1 for
        nothing, towards 0 as the shared weight grows): a merge that carries along an unrelated
        sentence should lose to leaving that sentence unaligned."""
        pairs, anchor_pairs, idle = self.by_en[0][en], self.by_en[1][en], self.by_en[2][en]
        own, merged = self.anchors["en"][en], self.anchors["ja"]
        repeated = self._repeated_by_start("ja", size) if size > 1 else {}
        keys = self.shared_keys["en"][en]
        penalty = JA_MEMBER_PENALTY if size > 1 else 0.0
        values = []
        for run in range(start, stop):
            if size == 1:  # most cells: one sentence against one, nothing to add up
                shared, anchor, either, members = pairs[run], anchor_pairs[run], own + merged[run], 0.0
            else:
                shared = anchor = members = 0.0
                either = own
                for t in range(run, run + size):
                    shared += pairs[t]
                    anchor += anchor_pairs[t]
                    either += merged[t]
                    members += idle[t]
            if run in repeated:
                twice, anchor_twice = self._counted_twice(repeated[run], keys)
                shared, anchor = shared - twice, anchor - anchor_twice
            values.append(_potential(shared, anchor, either, members, penalty))
        return values

    def _english_runs(self, first: int, size: int, start: int, stop: int) -> list[float]:
        """Runs of `size` English sentences from `first` against single Japanese sentences.

        The idle members: a Japanese sentence (above) counts what it shares with the English
        one, repeated or not. An English sentence counts only what it adds to the rest of the
        run, its own pair weight less what the run counts twice: one that repeats the names and
        terms of its neighbour, as the sentences of an abstract do, brings nothing of its own
        to the Japanese, which is how a deleted translation hides behind its neighbour's."""
        run_anchors = sum(self.anchors["en"][first : first + size])
        repeated = self._repeated_by_start("en", size).get(first)
        pairs, anchor_pairs, idle = self.by_ja
        values = []
        for ja in range(start, stop):
            row, anchor_row, idle_row = pairs[ja], anchor_pairs[ja], idle[ja]
            shared = anchor = members = 0.0
            for t in range(first, first + size):
                shared += row[t]
                anchor += anchor_row[t]
                members += idle_row[t]
            if repeated:
                twice, anchor_twice = self._counted_twice(repeated, self.shared_keys["ja"][ja])
                if twice:
                    shared, anchor, members = shared - twice, anchor - anchor_twice, 0.0
                    for t in range(first, first + size):
                        members += math.exp(-max(0.0, row[t] - twice) / EVIDENCE_SCALE)
            values.append(_potential(shared, anchor, self.anchors["ja"][ja] + run_anchors, members, EN_MEMBER_PENALTY))
        return values

    def _counted_twice(self, repeated: list[RepeatedKey], keys: dict[int, int]) -> tuple[float, float]:
        """The key weight a run's sums count twice against a single sentence with these keys, and
        the anchor part of it: for each key several of the run's sentences have, all of them
        but what the single sentence has, when it has fewer."""
        twice = anchor_twice = 0.0
        for k, counts, total, most in repeated:
            n = keys.get(k)
            if n and n < total:
                excess = self.weights[k] * ((total if n >= most else sum([min(c, n) for c in counts])) - n)
                twice += excess
                if self.is_anchor[k]:
                    anchor_twice += excess
        return twice, anchor_twice

    def _repeated_by_start(self, side: str, size: int) -> dict[int, list[RepeatedKey]]:
        """Run start → [(key, counts of the run's sentences, their total, their largest)] for the
        shared keys that several sentences of a run of `size` have."""
        found = self._repeated.get((side, size))
        if found is None:
            found = self._repeated[(side, size)] = {}
            sentences = self.shared_keys[side]
            for start in range(len(sentences) - size + 1):
                members = sentences[start : start + size]
                repeated = members[0].keys() & members[1].keys()
                for t, later in enumerate(members[2:], start=2):  # a run of three or more
                    for earlier in members[:t]:
                        repeated |= earlier.keys() & later.keys()
                if repeated:
                    found[start] = [_run_counts(k, members) for k in repeated]
        return found

    def evidence(self, i: int, j: int, a: int, b: int) -> float:
        """How well the English side accounts for the Japanese side's keys, mapped to [0, 1]: the
        share of the Japanese key weight found in the English, shrunk towards an even share when
        the Japanese has few keys. A translation covers 60% or more; an unrelated pair under 30%."""
        en_keys = _summed(self.shared_keys["en"][i : i + a])
        ja_keys = _summed(self.shared_keys["ja"][j : j + b])
        covered = 0.0  # only keys both languages have can be covered
        for k, n in ja_keys.items():
            if k in en_keys:
                covered += self.kind_weights[k] * min(n, en_keys[k])
        share = (covered + EVIDENCE_PRIOR_WEIGHT * 0.5) / (sum(self.ja_totals[j : j + b]) + EVIDENCE_PRIOR_WEIGHT)
        return min(1.0, max(0.0, (share - UNRELATED_SHARE) / (TRANSLATED_SHARE - UNRELATED_SHARE)))


def _run_counts(key: int, members: list[dict[int, int]]) -> RepeatedKey:
    counts = [member.get(key, 0) for member in members]
    return key, counts, sum(counts), max(counts)


def _potential(shared: float, anchor: float, anchors_either_side: float, idle_members: float, penalty: float) -> float:
    # Anchor weight on one side only: all either side has, less twice what both share.
    one_sided = anchors_either_side - 2 * anchor
    return LEXICAL_WEIGHT * shared - ANCHOR_MISMATCH_WEIGHT * (one_sided if one_sided > 0 else 0.0) - penalty * idle_members


def _transposed(matrix: list[list[float]]) -> list[list[float]]:
    return [list(column) for column in zip(*matrix)]


def _occurrences(
    features: list[SentenceFeatures], ids: dict[tuple[str, str], int]
) -> tuple[list[list[tuple[int, int]]], list[dict[int, int]]]:
    """Per shared key id [(sentence index, count)], and per sentence its shared key ids → count."""
    found: list[list[tuple[int, int]]] = [[] for _ in ids]
    by_sentence = []
    for index, f in enumerate(features):
        own = {}
        for k, count in f.keys.items():
            n = ids.get(k)
            if n is not None:
                found[n].append((index, count))
                own[n] = count
        by_sentence.append(own)
    return found, by_sentence


def _summed(counts: list[dict[int, int]]) -> dict[int, int]:
    if len(counts) == 1:  # most beads: the sentence's own counts
        return counts[0]
    total: dict[int, int] = {}
    for member in counts:
        for k, n in member.items():
            total[k] = total.get(k, 0) + n
    return total


def length_cost(expected: float, ja_length: float) -> float:
    """-log of the two-sided probability of a length difference (Gale–Church): a Japanese run
    of this length where the English run leads to expect `expected` characters."""
    x = abs(ja_length - expected) / math.sqrt(LENGTH_VARIANCE * (expected + ja_length) + 1e-18)
    tail = math.erfc(x)
    return -math.log(tail) if tail > 1e-300 else _tail_cost(x)


def _tail_cost(x: float) -> float:
    """-log erfc(x) far in the tail, where erfc underflows: its asymptote x² + log(x·√π)."""
    return x * x + math.log(x * _SQRT_PI)


class Lattice:
    """Viterbi path and forward–backward sums over the (n+1)×(m+1) grid of (English, Japanese)
    sentence counts, within a band around its diagonal. Potentials are tabulated per bead type
    by the cell where the bead ends, before the passes."""

    def __init__(
        self, en: list[SentenceFeatures], ja: list[SentenceFeatures], priors: Priors, evidence: PairEvidence | None, ratio: float, width: int
    ) -> None:
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
        self.path = self._best_path() if self.reachable else []

    def _table(self, bead: tuple[int, int], log_prior: float, en_lengths: list[int], ja_lengths: list[int], ratio: float) -> Table:
        """Potential of the bead ending at each cell [i][j] (None where it would start or end
        outside the band); lengths are running sums."""
        a, b = bead
        width = self.m + 1 + self.spare
        outside: list[float | None] = [None] * width  # shared by the rows no bead of this type ends in: only read
        table: Table = [outside] * (self.n + 1 + self.spare)
        lexical_evidence = self.evidence if a and b else None
        for i in range(a, self.n + 1):
            low, high = self.rows[i]
            start_low, start_high = self.rows[i - a]
            first, last = max(low, start_low + b, b), min(high, start_high + b)
            row = table[i] = [None] * width
            if not (a and b):
                row[first : last + 1] = [log_prior] * (last + 1 - first)
                continue
            expected = (en_lengths[i] - en_lengths[i - a]) * ratio
            lexical = lexical_evidence.lexical_row(a, b, i - a, first - b, last + 1 - b) if lexical_evidence else None
            for j in range(first, last + 1):
                value = log_prior - length_cost(expected, ja_lengths[j] - ja_lengths[j - b])
                row[j] = value + lexical[j - first] if lexical else value
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
            best_row, back_row, forward_row = best[i], back[i], forward[i]
            for j in range(low, high + 1):
                top = top_sum = -math.inf
                top_bead, sums = None, []
                for bead, b, potentials, best_before, forward_before in ending:
                    potential = potentials[j]
                    if potential is not None:
                        value = best_before[j - b] + potential
                        if value > top:
                            top, top_bead = value, bead
                        value = forward_before[j - b] + potential
                        sums.append(value)
                        if value > top_sum:
                            top_sum = value
                if top_sum > -math.inf:  # reachable from the start
                    best_row[j], back_row[j], forward_row[j] = top, top_bead, _logsumexp(sums, top_sum)
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
                top, sums = -math.inf, []
                for b, potentials, after in starting:
                    potential = potentials[j + b]
                    if potential is not None:
                        value = after[j + b] + potential
                        sums.append(value)
                        if value > top:
                            top = value
                if top > -math.inf:  # the end is reachable from here
                    row[j] = _logsumexp(sums, top)
        self.backward = backward

    @property
    def reachable(self) -> bool:
        """Whether a path through the band reaches the end: a band drawn along the diagonal of
        a very uneven grid (one English sentence, twenty Japanese ones) can leave no bead long
        enough to get from one row's cells to the next row's."""
        return self.back[self.n][self.m] is not None

    def touches_band(self) -> bool:
        """Whether the best path runs along an edge of the band (not of the grid): a wider band
        might hold a better one."""
        for i, j, a, b in self.path:
            for row, column in ((i, j), (i + a, j + b)):
                low, high = self.rows[row]
                if column == low > 0 or column == high < self.m:
                    return True
        return False

    def _best_path(self) -> list[Bead]:
        """The Viterbi path as beads (English start, Japanese start, English count, Japanese count)."""
        path = []
        i, j = self.n, self.m
        while i or j:
            bead = self.back[i][j]
            assert bead is not None
            a, b = bead
            i, j = i - a, j - b
            path.append((i, j, a, b))
        return path[::-1]

    def links(self) -> list[Link]:
        total = self.forward[self.n][self.m]
        links = []
        for i, j, a, b in self.path:
            # The bead's posterior probability: all paths through it against all paths.
            potential = self.potentials[(a, b)][i + a][j + b]
            assert potential is not None  # a bead of the best path ends inside the band
            log_posterior = self.forward[i][j] + potential + self.backward[i + a][j + b] - total
            confidence = math.exp(min(0.0, log_posterior))
            if a and b and self.evidence:
                confidence *= self.evidence.evidence(i, j, a, b)
            links.append(Link(en=list(range(i, i + a)), ja=list(range(j, j + b)), score=round(min(1.0, confidence), 4)))
        return links


def _logsumexp(values: list[float], top: float) -> float:
    """log(sum(exp(values))), where top is the largest of the values."""
    total = 0.0
    for value in values:
        total += math.exp(value - top)
    return top + math.log(total)
