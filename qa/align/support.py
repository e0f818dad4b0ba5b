"""Summary-to-abstract support: for each sentence of a Japanese summary that is not a
translation (the 8-question summaries, the article, related-paper summaries), the English
abstract sentences that support it, and whether it states something the abstract lacks.

Support is the weight of the keys (anchors, words, loanword origins, glossary concepts) the
Japanese sentence shares with each English sentence, rarer keys weighing more. A sentence
with a number or a named entity (Latin name, URL, LaTeX) that appears nowhere in the abstract
is `unsupported`, with those anchors listed in `missing`: it may come from the full paper,
which is for the checks to grade, not for the aligner to hide.

Not every capitalised Latin word is a named entity: words and phrases spelled like ordinary
words with a capital (Limitations, Rotary Position Embedding, Chain-of-Thought) are left out
of `missing`, and an acronym written with its expansion, RoPE（Rotary Position Embedding）or
Group Relative Policy Optimization (GRPO), is present when the abstract has either form.

Nor is every acronym a claim: GENERIC_NAMES are left out of `missing` too.
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
PLAIN_PART = re.compile(r"[A-Z]?[a-z]+")
NAME_PARTS = re.compile(r"[-_.+@/]")
# A run of Latin text, then a bracketed group: 'RoPE（Rotary …）', 'Group … Optimization (GRPO)'.
BRACKETED = re.compile(r"(?P<outer>[A-Za-z0-9][A-Za-z0-9\-. ]*?)\s*[（(](?P<inner>[^（）()]+)[）)]")
# Names that any summary of a machine-learning paper may use without claiming anything the
# abstract should hold (normalised as anchors are, so GPUs and Nvidia are here too). A small
# closed list, not every frequent acronym: computing resources and interfaces (GPU, API: the
# count and model of the hardware, 8 H100, stay claims), the field itself and its default kind
# of model (AI, ML, LLM, which most of the sample abstracts name), and English words that Japanese
# writes in capitals (性能UP, OK). Acronyms of methods, models and data (MLLM, RLHF, GRPO) name
# what a paper did, and stay.
GENERIC_NAMES = frozenset(
    {"gpu", "cpu", "tpu", "npu", "nvidia", "api", "url", "pdf", "html", "ai", "ml", "llm", "up", "down", "ok", "ng"}
)


def support_summary(en: list[str], ja: list[str], glossary: Any = None) -> list[Link]:
    """One link per Japanese sentence: supporting English sentences, a score, unsupported/missing."""
    en_features = [english_features(s, glossary) for s in en]
    abstract = AbstractFacts(en, en_features)
    # Key → [(English sentence, count, rarity weight)]: each Japanese sentence meets only the
    # English sentences it shares a key with.
    frequency = Counter(k for f in en_features for k in f.keys)
    holders: dict = {}
    for i, f in enumerate(en_features):
        for k, n in f.keys.items():
            holders.setdefault(k, []).append((i, n, KEY_WEIGHTS[k[0]] / frequency[k]))
    links = []
    for j, text in enumerate(ja):
        features = japanese_features(text, glossary)
        shared = [0.0] * len(en)
        for k, n in features.keys.items():
            for i, en_count, weight in holders.get(k, ()):
                shared[i] += weight * min(n, en_count)
        best = max(shared, default=0.0)
        supporting = sorted(
            (i for i, w in enumerate(shared) if w >= MIN_SUPPORT and w >= RELATIVE_SUPPORT * best),
            key=lambda i: -shared[i],
        )[:MAX_SUPPORTING]
        missing = abstract.missing(text, features.anchors)
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

    def missing(self, text: str, anchors: list[Anchor]) -> list[str]:
        """Surfaces of the numbers and named entities of a sentence that the abstract lacks, once
        each, in order. An acronym and its expansion stand or fall together."""
        present = {id(a) for a in anchors if self.contains(a)}
        for group in acronym_groups(text, anchors):
            if any(id(a) in present for a in group) or self._has_phrase(text, group):
                present.update(id(a) for a in group)
        missing: list[str] = []
        for a in anchors:
            if id(a) not in present and not is_claimless(a) and a.surface not in missing:
                missing.append(a.surface)
        return missing

    def _has_phrase(self, text: str, group: list[Anchor]) -> bool:
        """Whether the abstract writes an expansion as a whole (spaces, hyphens and case aside)."""
        expansion = [a for a in group if not is_acronym(a.surface)]
        if not expansion:
            return False
        phrase = normalise_latin(text[expansion[0].start : expansion[-1].end])
        return len(phrase) >= MIN_SUBSTRING_NAME and phrase in self.blob

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
        """An acronym the abstract writes out in full: LLM for 'large language models', CoT for
        'chain-of-thought'."""
        letters = anchor.value
        if not is_acronym(anchor.surface):
            return False
        start = self.initials.find(letters)
        while start >= 0:
            first, last = self.words[start], self.words[start + len(letters) - 1]
            if first not in STOPWORDS and last not in STOPWORDS:
                return True
            start = self.initials.find(letters, start + 1)
        return False


def is_claimless(anchor: Anchor) -> bool:
    """A Latin anchor that states nothing the abstract could lack: a capitalised ordinary word,
    or a generic name (GPU, API, AI)."""
    return anchor.kind == "latin" and (anchor.value in GENERIC_NAMES or is_plain_word(anchor.surface))


def is_plain_word(surface: str) -> bool:
    """A capitalised ordinary word or phrase (Limitations, Rotary, Chain-of-Thought, Few-Shot),
    not a name: no digit, and every part either lower-case or one capital then lower-case."""
    return all(PLAIN_PART.fullmatch(part) for part in NAME_PARTS.split(fold_width(surface)))


def is_acronym(surface: str) -> bool:
    """Two capitals or more, and more capitals than lower-case letters before a plural s:
    LLMs, GRPO, RoPE, MoE, CoT."""
    letters = fold_width(surface).removesuffix("s")
    upper = sum(map(str.isupper, letters))
    return letters.isalpha() and upper >= 2 and upper >= sum(map(str.islower, letters))


def acronym_groups(text: str, anchors: list[Anchor]) -> list[list[Anchor]]:
    """Acronyms written with their expansion, each with the anchors of the expansion:
    'RoPE（Rotary Position Embedding）' and 'Group Relative Policy Optimization (GRPO)'."""
    groups = []
    for m in BRACKETED.finditer(text):
        outer = [a for a in anchors if m.start("outer") <= a.start and a.end <= m.end("outer")]
        inner = [a for a in anchors if m.start("inner") <= a.start and a.end <= m.end("inner")]
        if outer and len(inner) == 1 and is_acronym(inner[0].surface):
            groups.append(outer + inner)  # Expansion (ACRONYM)
        elif outer and inner and is_acronym(outer[-1].surface):
            groups.append([outer[-1]] + inner)  # ACRONYM（Expansion）
    return groups


def _coverage(ja: SentenceFeatures, supporting: list[SentenceFeatures]) -> float:
    """Share of the Japanese sentence's key weight found in its supporting English sentences."""
    total = ja.key_weight
    if not total or not supporting:
        return 0.0
    english = Counter()
    for f in supporting:
        english.update(f.keys)
    return sum(KEY_WEIGHTS[k[0]] * min(n, english[k]) for k, n in ja.keys.items()) / total
