"""The threshold of `mt.low_similarity`, calibrated on English abstracts.

A back-translation is compared with its English sentence by sentence-level chrF. How similar
is "not similar"? Two different sentences of one abstract share the paper's vocabulary, so
their chrF is well above zero: over the 43 abstracts of samples/abstracts.jsonl the median
is 23.6. The rule flags a back-translation that is no closer to its English sentence than
that: a typical unrelated sentence of the same abstract would do as well. This is a floor
that holds for any model, so the rule stays quiet on a modest model's clumsy but faithful
back-translations.

Run `python -m qa.mt.calibrate FILE...` (any abstract source) to recompute it on other data.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Iterable

DEFAULT_THRESHOLD = 23.6  # median of unrelated_scores over samples/abstracts.jsonl


def unrelated_scores(abstracts: Iterable[str]) -> list[float]:
    """chrF of every sentence of an abstract against every other sentence of the same abstract."""
    from qa.mt.scoring import SentenceChrf
    from qa.segment import split_sentences

    chrf = SentenceChrf()
    scores = []
    for abstract in abstracts:
        sentences = [abstract[s:e] for s, e in split_sentences(abstract)]
        scores += [chrf(h, r) for i, r in enumerate(sentences) for j, h in enumerate(sentences) if i != j]
    return scores


def threshold(scores: list[float]) -> float:
    """The median of the unrelated-pair scores, to one decimal."""
    return round(statistics.median(scores), 1)


def main(paths: list[str]) -> None:
    from qa.abstracts import read_records

    if not paths:
        sys.exit("usage: python -m qa.mt.calibrate ABSTRACTS_FILE...")
    scores = unrelated_scores(r.abstract for path in paths for r in read_records(path))
    quartiles = statistics.quantiles(scores, n=4)
    print(f"{len(scores)} unrelated sentence pairs; chrF quartiles {', '.join(f'{q:.1f}' for q in quartiles)}")
    print(f"threshold (median): {threshold(scores)}")


if __name__ == "__main__":
    main(sys.argv[1:])
