"""Sentence alignment of a Japanese translation to its English abstract.

A monotonic dynamic programme over beads (1-1, 1-2, 2-1, 1-0, 0-1, 2-2, 1-3, 3-1). A bead's
score is a log-potential: its type prior, a Gale–Church length term (Japanese length against
the English length times the document's own length ratio), and lexical evidence from
qa.align.features: the weight of the keys both sides share, each key weighted by how rare it
is in the document, minus a penalty for anchors (numbers, names) only one side has and for
each sentence of a merged bead that shares nothing with the other side. Deleted and invented
sentences (1-0, 0-1) pay only their prior: they have no length to compare.

The best path comes from Viterbi; each link's confidence is its posterior probability under
the same potentials (forward–backward), times how much lexical evidence supports it, so a
link that only the length ratio holds up, as with the wrong abstract, gets a low confidence.
"""

from __future__ import annotations

import math
from typing import Any

from qa.align.features import KEY_WEIGHTS, SentenceFeatures, english_features, japanese_features
from qa.align.model import Link

# Bead type (English sentences, Japanese sentences) → prior probability. Japanese translations
# of abstracts often split a long English sentence in two, rarely merge two.
BEAD_PRIORS = {
    (1, 1): 0.78, (1, 2): 0.06, (2, 1): 0.03, (2, 2): 0.02, (1, 3): 0.02, (3, 1): 0.01,
    (1, 0): 0.02, (0, 1): 0.02,
}
# The priors Gale and Church (1993) published, for the length-only baseline.
GALE_CHURCH_PRIORS = {(1, 1): 0.89, (1, 2): 0.089, (2, 1): 0.089, (2, 2): 0.011, (1, 0): 0.0099, (0, 1): 0.0099}
LENGTH_VARIANCE = 2.0  # variance of the Japanese length per expected character (Gale–Church s²)
LEXICAL_WEIGHT = 3.0  # log-potential per unit of shared key weight
ANCHOR_MISMATCH_WEIGHT = 1.0  # log-potential per unit of anchor weight found on one side only
MEMBER_PENALTY = 2.0  # log-potential lost per merged sentence that shares nothing with the other side
EVIDENCE_SCALE = 2.0  # shared key weight at which a merged sentence counts as supported (1 - 1/e)
# A link's evidence: the share of the Japanese key weight that the English side has.
UNRELATED_SHARE, TRANSLATED_SHARE = 0.2, 0.6  # evidence 0 at or below the first, 1 at or above the second
EVIDENCE_PRIOR_WEIGHT = 2.0  # key weight of the even-share prior that short sentences are shrunk towards
ANCHOR_KINDS = frozenset(k for k in KEY_WEIGHTS if k not in ("word", "term"))
NEGLIGIBLE_LOG = -40.0
# Abramowitz & Stegun 7.1.26: erfc(x) ≈ t·P(t)·exp(-x²), t = 1 / (1 + p·x).
_ERFC_P = 0.3275911
_ERFC_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


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
    )


def align_features(
    en: list[SentenceFeatures], ja: list[SentenceFeatures], priors: dict = BEAD_PRIORS
) -> list[Link]:
    if not en or not ja:
        return [Link(en=[i], ja=[], score=1.0) for i in range(len(en))] + [
            Link(en=[], ja=[j], score=1.0) for j in range(len(ja))
        ]
    potentials, evidence = _bead_potentials(en, ja, priors)
    beads = [(a, b, table) for (a, b), table in potentials.items()]
    back, forward = _forward(beads, len(en), len(ja))
    backward = _backward(beads, len(en), len(ja))
    total = forward[len(en)][len(ja)]
    links = []
    for i, j, a, b in _best_path(back, len(en), len(ja)):
        # The bead's posterior probability: all paths through it against all paths.
        confidence = math.exp(forward[i][j] + potentials[(a, b)][i][j] + backward[i + a][j + b] - total)
        if a and b:
            confidence *= evidence[(a, b)][i][j]
        links.append(Link(en=list(range(i, i + a)), ja=list(range(j, j + b)), score=round(min(1.0, confidence), 4)))
    return links


def _bead_potentials(en: list[SentenceFeatures], ja: list[SentenceFeatures], priors: dict):
    """Per bead type, matrices [i][j] of the log-potential and the shared key weight of the bead
    starting at English sentence i and Japanese sentence j (None where it does not fit)."""
    import numpy as np

    vocabulary = sorted({k for f in en for k in f.keys} & {k for f in ja for k in f.keys})
    column = {k: c for c, k in enumerate(vocabulary)}
    en_counts, ja_counts = _count_matrix(en, column), _count_matrix(ja, column)
    frequency = np.maximum((en_counts > 0).sum(0), (ja_counts > 0).sum(0))
    kind_weights = np.array([KEY_WEIGHTS[k[0]] for k in vocabulary], dtype=float)
    weights = kind_weights / np.maximum(frequency, 1)
    anchor_weights = weights * np.array([k[0] in ANCHOR_KINDS for k in vocabulary], dtype=float)
    # Per sentence: anchors the other language lacks, length (and Japanese key weight).
    en_scalars = np.array([[_anchor_weight(f, column), f.length] for f in en], dtype=float)
    ja_scalars = np.array([[_anchor_weight(f, column), f.length, _key_weight(f)] for f in ja], dtype=float)
    ratio = ja_scalars[:, 1].sum() / max(en_scalars[:, 1].sum(), 1.0)
    en_cumulative = _cumulative(np.hstack([en_counts, en_scalars]))
    ja_cumulative = _cumulative(np.hstack([ja_counts, ja_scalars]))
    keys = len(vocabulary)

    potentials, evidence = {}, {}
    for (a, b), prior in priors.items():
        rows, cols = len(en) - a + 1, len(ja) - b + 1
        if rows <= 0 or cols <= 0:
            continue
        if not (a and b):
            potentials[(a, b)] = np.full((rows, cols), math.log(prior)).tolist()
            continue
        en_window, ja_window = _window(en_cumulative, a), _window(ja_cumulative, b)
        en_span, ja_span = en_window[:, :keys], ja_window[:, :keys]
        shared = np.minimum(en_span[:, None, :], ja_span[None, :, :])
        matched = shared @ weights
        mismatch = np.abs(en_span[:, None, :] - ja_span[None, :, :]) @ anchor_weights
        mismatch += en_window[:, keys][:, None] + ja_window[:, keys][None, :]
        length_cost = _length_cost(en_window[:, keys + 1], ja_window[:, keys + 1], ratio)
        unsupported = _unsupported_members(en_counts, ja_counts, en_span, ja_span, weights, a, b)
        score = (
            math.log(prior) - length_cost + LEXICAL_WEIGHT * matched
            - ANCHOR_MISMATCH_WEIGHT * mismatch - MEMBER_PENALTY * unsupported
        )
        potentials[(a, b)] = score.tolist()
        covered = shared @ kind_weights
        evidence[(a, b)] = _evidence(covered, ja_window[:, keys + 2][None, :]).tolist()
    return potentials, evidence


def _evidence(covered, ja_total):
    """How well the English side accounts for the Japanese side's keys, mapped to [0, 1]: the
    share of the Japanese key weight found in the English, shrunk towards an even share when
    the Japanese has few keys. A translation covers 60% or more; an unrelated pair under 30%."""
    import numpy as np

    share = (covered + EVIDENCE_PRIOR_WEIGHT * 0.5) / (ja_total + EVIDENCE_PRIOR_WEIGHT)
    return np.clip((share - UNRELATED_SHARE) / (TRANSLATED_SHARE - UNRELATED_SHARE), 0.0, 1.0)


def _unsupported_members(en_counts, ja_counts, en_span, ja_span, weights, a: int, b: int):
    """For beads merging several sentences on one side: how many of them share nothing with the
    other side (smoothly, 1 for nothing shared, towards 0 as shared weight grows). A merge that
    carries along an unrelated sentence should lose to leaving that sentence unaligned."""
    import numpy as np

    rows, cols = en_span.shape[0], ja_span.shape[0]
    total = np.zeros((rows, cols))
    if b > 1:
        for t in range(b):
            member = ja_counts[t : t + cols]
            total += np.exp(-(np.minimum(en_span[:, None, :], member[None, :, :]) @ weights) / EVIDENCE_SCALE)
    if a > 1:
        for t in range(a):
            member = en_counts[t : t + rows]
            total += np.exp(-(np.minimum(member[:, None, :], ja_span[None, :, :]) @ weights) / EVIDENCE_SCALE)
    return total


def _count_matrix(features: list[SentenceFeatures], column: dict):
    import numpy as np

    matrix = np.zeros((len(features), len(column)))
    for row, f in enumerate(features):
        for key, count in f.keys.items():
            if key in column:
                matrix[row, column[key]] = count
    return matrix


def _anchor_weight(f: SentenceFeatures, column: dict) -> float:
    """Weight of a sentence's anchors that the other language has nowhere in the document."""
    return sum(KEY_WEIGHTS[k[0]] * n for k, n in f.keys.items() if k[0] in ANCHOR_KINDS and k not in column)


def _key_weight(f: SentenceFeatures) -> float:
    return sum(KEY_WEIGHTS[k[0]] * n for k, n in f.keys.items())


def _cumulative(matrix):
    """Row-wise running sums with a leading zero row: window sums are then one subtraction."""
    import numpy as np

    return np.vstack([np.zeros((1, matrix.shape[1])), np.cumsum(matrix, axis=0)])


def _window(cumulative, size: int):
    """Sums over every run of `size` consecutive rows."""
    return cumulative[size:] - cumulative[:-size]


def _length_cost(en_lengths, ja_lengths, ratio: float):
    """-log of the two-sided probability of the length difference (Gale–Church)."""
    import numpy as np

    expected = en_lengths[:, None] * ratio
    spread = np.sqrt(LENGTH_VARIANCE * (expected + ja_lengths[None, :]) / 2)
    x = np.abs(ja_lengths[None, :] - expected) / np.maximum(spread, 1e-9) / math.sqrt(2)
    t = 1.0 / (1.0 + _ERFC_P * x)
    polynomial = t * (_ERFC_A[0] + t * (_ERFC_A[1] + t * (_ERFC_A[2] + t * (_ERFC_A[3] + t * _ERFC_A[4]))))
    return x * x - np.log(polynomial)


def _forward(beads: list, n: int, m: int):
    """Viterbi back-pointers and forward log-sums over the (n+1)×(m+1) grid, in one pass."""
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    forward = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = forward[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if not (i or j):
                continue
            top, top_bead, sums = -math.inf, None, []
            for a, b, table in beads:
                if i >= a and j >= b:
                    potential = table[i - a][j - b]
                    value = best[i - a][j - b] + potential
                    if value > top:
                        top, top_bead = value, (a, b)
                    sums.append(forward[i - a][j - b] + potential)
            best[i][j], back[i][j], forward[i][j] = top, top_bead, _logsumexp(sums)
    return back, forward


def _backward(beads: list, n: int, m: int):
    backward = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    backward[n][m] = 0.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            sums = [backward[i + a][j + b] + table[i][j] for a, b, table in beads if i + a <= n and j + b <= m]
            backward[i][j] = _logsumexp(sums)
    return backward


def _best_path(back: list, n: int, m: int) -> list[tuple[int, int, int, int]]:
    """The Viterbi path as beads (English start, Japanese start, English count, Japanese count)."""
    path = []
    i, j = n, m
    while i or j:
        a, b = back[i][j]
        i, j = i - a, j - b
        path.append((i, j, a, b))
    return path[::-1]


def _logsumexp(values: list[float]) -> float:
    top = max(values, default=-math.inf)
    if top == -math.inf:
        return top
    total = 0.0
    for v in values:
        if v - top > NEGLIGIBLE_LOG:  # terms e^-40 below the largest change nothing
            total += math.exp(v - top)
    return top + math.log(total)
