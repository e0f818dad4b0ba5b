"""Cross-language evidence per sentence, without any embedding model.

Each sentence becomes a bag of keys that an English sentence and its Japanese translation
share: anchors (numbers, names, URLs, LaTeX, normalised by qa.anchors), English words, glossary
concepts, and on the Japanese side the English words it carries: parenthetical glosses
(「思考の連鎖（chain-of-thought）」), Latin names, and the English origin of katakana loanwords,
which UniDic records in its lemma (モデル → "モデル-model", パフォーマンス → "パフォーマンス-performance").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from qa.anchors import Anchor, extract_anchors
from qa.morphology import words

# How much one shared key of each kind says that two sentences are translations.
KEY_WEIGHTS = {
    "number": 3.0, "percent": 3.0, "multiplier": 3.0, "range": 3.0, "url": 3.0, "latex": 3.0,
    "latin": 2.0, "term": 2.0, "ordinal": 1.0, "enumerator": 1.0, "word": 1.0,
}
WORD = re.compile(r"[A-Za-z][A-Za-z]+(?:-[A-Za-z]+)*+")  # possessive: nothing after it to backtrack for
# UniDic's lemma field of a loanword: katakana, a hyphen, the English origin ("モデル-model").
LOANWORD_LEMMA = re.compile(r",[\u30a0-\u30ff]+-(?P<origin>[a-z][a-z\-]+),")
KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]+")
STOPWORDS = frozenset(
    """a about above across after again against all also although am among an and any are as at be
    because been before being below between both but by can could did do does doing down during each
    either et al few for from further had has have having he her here hers him his how however i if in
    into is it its itself just may me might more most much must my no nor not now of off on once only
    or other our ours out over own per same she should so some such than that the their them then there
    these they this those through thus to too under until up upon us very via was we were what when
    where whether which while who whom why will with within without would yet you your""".split()
)


@dataclass
class SentenceFeatures:
    length: int
    keys: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, value) → count
    anchors: list[Anchor] = field(default_factory=list)
    key_weight: float = 0.0  # the kind weight of its keys, each counted as often as it occurs


def stem(word: str) -> str:  # not remembered itself: its callers remember what they make of it
    """A crude English stem, enough to meet a loanword's origin: models/model, scaling/scale."""
    word = word.lower().replace("-", "")
    size = len(word)
    if size > 4 and word.endswith("ies"):
        word, size = word[:-3] + "y", size - 2
    elif size > 3 and word[-1] == "s" and word[-2] != "s":
        word, size = word[:-1], size - 1
    if size >= 6 and word.endswith("ing"):
        word, size = word[:-3], size - 3
    elif size >= 5 and word.endswith("ed"):
        word, size = word[:-2], size - 2
    return word[:-1] if size > 3 and word[-1] == "e" else word


def english_word_keys(text: str) -> list[tuple[str, str]]:
    """Content words of Latin text, stemmed; a hyphenated word gives its parts and the whole."""
    keys: list[tuple[str, str]] = []
    for word in WORD.findall(text):
        keys.extend(_word_keys(word))
    return keys


@lru_cache(maxsize=65536)
def _word_keys(word: str) -> tuple[tuple[str, str], ...]:
    if "-" not in word:  # most words: one part, no whole to add
        return () if len(word) < 3 or word.lower() in STOPWORDS else (("word", stem(word)),)
    parts = [p for p in word.split("-") if len(p) > 2 and p.lower() not in STOPWORDS]
    return (*(("word", stem(p)) for p in parts), ("word", stem(word)))


def loanword_keys(text: str) -> list[tuple[str, str]]:
    """English origins of the katakana loanwords in Japanese text; adjacent ones also joined
    (ベンチ+マーク → benchmark, データ+セット → dataset, ファイン+チューニング → finetuning)."""
    keys: list[tuple[str, str]] = []
    for run in KATAKANA_RUN.findall(text):
        keys.extend(_katakana_run_keys(run))
    return keys


@lru_cache(maxsize=65536)
def _katakana_run_keys(run: str) -> tuple[tuple[str, str], ...]:
    """Only katakana runs carry loanwords, so only they are analysed (and remembered: the same
    words come back sentence after sentence)."""
    keys: list[tuple[str, str]] = []
    previous: str | None = None
    for word in words(run):
        m = LOANWORD_LEMMA.search(word.feature_raw)
        if not m:
            previous = None
            continue
        origin = m["origin"]
        keys.append(("word", stem(origin)))
        if previous:
            keys.append(("word", stem(previous + origin)))
        previous = origin
    return tuple(keys)


def glossary_keys(text: str, glossary: Any, lang: str) -> list[tuple[str, str]]:
    """Concept keys of the glossary terms found in text (glossary.match_en / match_ja)."""
    if glossary is None:
        return []
    matches = glossary.match_en(text) if lang == "en" else glossary.match_ja(text)
    return [("term", m.entry) for m in matches]


def english_features(text: str, glossary: Any = None) -> SentenceFeatures:
    return _features(text, english_word_keys(text), glossary_keys(text, glossary, "en"))


def japanese_features(text: str, glossary: Any = None) -> SentenceFeatures:
    return _features(text, english_word_keys(text) + loanword_keys(text), glossary_keys(text, glossary, "ja"))


def _features(text: str, word_keys: list[tuple[str, str]], term_keys: list[tuple[str, str]]) -> SentenceFeatures:
    anchors = extract_anchors(text)
    keys: dict[tuple[str, str], int] = {}  # counted in loops: a Counter's set-up costs more
    weight = 0.0
    for a in anchors:
        key = (a.kind, a.value)
        keys[key] = keys.get(key, 0) + 1
        weight += KEY_WEIGHTS[a.kind]
    for key in word_keys:
        keys[key] = keys.get(key, 0) + 1
    for key in term_keys:
        keys[key] = keys.get(key, 0) + 1
    weight += KEY_WEIGHTS["word"] * len(word_keys) + KEY_WEIGHTS["term"] * len(term_keys)
    return SentenceFeatures(length=len(text), keys=keys, anchors=anchors, key_weight=weight)
