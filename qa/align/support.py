"""Summary-to-abstract support: for each sentence of a Japanese summary that is not a
translation (the 8-question summaries, the article, related-paper summaries), the English
abstract sentences that support it, and whether it states something the abstract lacks.

Support is the weight of the keys (anchors, words, loanword origins, glossary concepts) the
Japanese sentence shares with each English sentence, rarer keys weighing more. A sentence
with a number or a named entity (Latin name, URL, LaTeX) that appears nowhere in the abstract
is `unsupported`, with those anchors listed in `missing`: it may come from the full paper,
which is for the checks to grade, not for the aligner to hide.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from qa.align.features import KEY_WEIGHTS, STOPWORDS, SentenceFeatures, english_features, japanese_features
from qa.align.model import Link
from qa.anchors import LATIN_TOKEN, NUMERIC_KINDS, STRUCTURAL_KINDS, Anchor, fold_width, normalise_latin

MIN_SUPPORT = 1.0  # shared (rarity-weighted) key weight for an English sentence to count as support
RELATIVE_SUPPORT = 0.5  # …and at least this share of the best English sentence's
MAX_SUPPORTING = 3
MIN_SUBSTRING_NAME = 4  # a name this long may also be found inside a longer English token


def support_summary(en: list[str], ja: list[str], glossary: Any = None) -> list[Link]:
    """One link per Japanese sentence: supporting English sentences, a score, unsupported/missing."""
    en_features = [english_features(s, glossary) for s in en]
    abstract = AbstractFacts(en, en_features)
    weights = _rarity_weights(en_features)
    links = []
    for j, text in enumerate(ja):
        features = japanese_features(text, glossary)
        shared = [_shared_weight(e, features, weights) for e in en_features]
        best = max(shared, default=0.0)
        supporting = sorted(
            (i for i, w in enumerate(shared) if w >= MIN_SUPPORT and w >= RELATIVE_SUPPORT * best),
            key=lambda i: -shared[i],
        )[:MAX_SUPPORTING]
        missing = [a.surface for a in features.anchors if not abstract.contains(a)]
        links.append(
            Link(
                en=sorted(supporting),
                ja=[j],
                score=round(_coverage(features, [en_features[i] for i in supporting]), 4),
                unsupported=bool(missing),
                missing=missing,
            )
        )
    return links


class AbstractFacts:
    """What an abstract states, to ask whether a summary's anchor is among it."""

    def __init__(self, en: list[str], features: list[SentenceFeatures]) -> None:
        self.values = {a.key for f in features for a in f.anchors}
        self.numbers = {a.value for f in features for a in f.anchors if a.kind in NUMERIC_KINDS}
        for value in list(self.numbers):
            self.numbers.update(re.findall(r"[\d.]+", value))  # range ends and bare magnitudes
        text = fold_width(" ".join(en))
        tokens = [normalise_latin(t) for t in LATIN_TOKEN.findall(text)]
        # Names written as one token in one language and several in the other: Multi-Token Attention.
        self.tokens = set(tokens) | {"".join(tokens[k : k + n]) for n in (2, 3) for k in range(len(tokens))}
        self.blob = normalise_latin(text)
        self.words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
        self.initials = "".join(w[0] for w in self.words)

    def contains(self, anchor: Anchor) -> bool:
        if anchor.kind in STRUCTURAL_KINDS or anchor.key in self.values:
            return True
        if anchor.kind in NUMERIC_KINDS:
            return anchor.value in self.numbers or anchor.value.rstrip("%x") in self.numbers
        if anchor.kind == "latin":
            return (
                anchor.value in self.tokens
                or len(anchor.value) >= MIN_SUBSTRING_NAME and anchor.value in self.blob
                or self._spelled_out(anchor)
            )
        return False

    def _spelled_out(self, anchor: Anchor) -> bool:
        """An acronym the abstract writes out in full: LLM for 'large language models'."""
        letters = anchor.value
        if not (anchor.surface.isupper() or anchor.surface.rstrip("s").isupper()) or not letters.isalpha() or len(letters) < 2:
            return False
        start = self.initials.find(letters)
        while start >= 0:
            first, last = self.words[start], self.words[start + len(letters) - 1]
            if first not in STOPWORDS and last not in STOPWORDS:
                return True
            start = self.initials.find(letters, start + 1)
        return False


def _rarity_weights(features: list[SentenceFeatures]) -> dict:
    """Key weight divided by the number of English sentences that have the key."""
    frequency = Counter(k for f in features for k in f.keys)
    return {k: KEY_WEIGHTS[k[0]] / n for k, n in frequency.items()}


def _shared_weight(en: SentenceFeatures, ja: SentenceFeatures, weights: dict) -> float:
    return sum(weights[k] * min(n, en.keys[k]) for k, n in ja.keys.items() if k in en.keys)


def _coverage(ja: SentenceFeatures, supporting: list[SentenceFeatures]) -> float:
    """Share of the Japanese sentence's key weight found in its supporting English sentences."""
    total = sum(KEY_WEIGHTS[k[0]] * n for k, n in ja.keys.items())
    if not total or not supporting:
        return 0.0
    english = Counter()
    for f in supporting:
        english.update(f.keys)
    return sum(KEY_WEIGHTS[k[0]] * min(n, english[k]) for k, n in ja.keys.items()) / total
