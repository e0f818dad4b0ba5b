"""Morphological analysis (fugashi + unidic-lite), imported only when a boundary is in doubt.

Used where character classes cannot tell where a word starts: inside katakana runs
(ローラ is not a word of コントローラ) and for the left edge of a mined Japanese term
(長い思考の連鎖 → 思考の連鎖).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from qa.morphology import words


@dataclass(frozen=True)
class Token:
    surface: str
    pos: str  # unidic pos1: 名詞, 助詞, 接尾辞 …
    pos2: str  # unidic pos2: 普通名詞, 格助詞 …
    start: int  # offsets into the analysed text
    end: int


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Token, ...]:
    tokens = []
    position = 0
    for word in words(text):
        start = text.find(word.surface, position)
        if start < 0:  # the analyser rewrote the surface (never seen with unidic-lite); keep going
            start = position
        end = start + len(word.surface)
        tokens.append(Token(word.surface, word.feature.pos1 or "", word.feature.pos2 or "", start, end))
        position = end
    return tuple(tokens)


@lru_cache(maxsize=8192)
def word_edges(text: str) -> frozenset[int]:
    """Offsets in text where a word starts or ends."""
    return frozenset(edge for token in tokenize(text) for edge in (token.start, token.end))
