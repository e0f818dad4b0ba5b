"""Text normalisation for term matching, with offsets back into the original text.

Japanese digests mix full-width and half-width forms (ＧＲＰＯ / GRPO, （ / (), and katakana
loanwords are spelt with or without a final long-vowel mark (コンピュータ / コンピューター) and
with or without middle dots (モンテカルロ・ツリー・サーチ). Matching runs on NFKC text; a
*key* folds the remaining spelling variation so that two spellings of one rendering compare
equal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LONG_VOWEL = "ー"
MIDDLE_DOT = "・"
VOICED_MARKS = "\u3099\u309a"  # combining (han)dakuten, what NFKC makes of half-width ﾞ ﾟ
LATIN_WORD_CHAR = re.compile(r"[A-Za-z0-9]")
JAPANESE_CHAR = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3400-\u4dbf々〆ヶ]")


def is_katakana(ch: str) -> bool:
    """A katakana letter or the long-vowel mark (the middle dot is punctuation, not a letter)."""
    return "\u30a1" <= ch <= "\u30fa" or ch == LONG_VOWEL


def is_katakana_word(text: str) -> bool:
    return bool(text) and all(is_katakana(ch) or ch == MIDDLE_DOT for ch in text)


def has_japanese(text: str) -> bool:
    return JAPANESE_CHAR.search(text) is not None


@dataclass(frozen=True)
class NormalizedText:
    """NFKC text and, for each of its characters, the span of the original characters it came from."""

    text: str
    original: str
    starts: tuple[int, ...] | None = None  # None: same length, character i came from character i
    ends: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None:
            return start, end
        return self.starts[start], (self.ends[end - 1] if end > start else self.starts[start])


class _NfkcTable(dict):
    """str.translate table: each character to its NFKC form, computed the first time it is seen."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = unicodedata.normalize("NFKC", chr(code))
        return folded


NFKC_TABLE = _NfkcTable()


def normalize(text: str) -> NormalizedText:
    """NFKC per character, without middle dots between katakana, keeping track of where each
    normalised character came from."""
    # Most text is NFKC already, and each character of NFKC text is its own NFKC form: only the
    # rest needs the per-character translation, thirty times slower than the check.
    folded = text if unicodedata.is_normalized("NFKC", text) else text.translate(NFKC_TABLE)
    if len(folded) == len(text) and MIDDLE_DOT not in folded and not any(m in folded for m in VOICED_MARKS):
        return NormalizedText(folded, text)  # one character for one: offsets unchanged
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        folded = NFKC_TABLE[ord(ch)]
        if folded and folded[0] in VOICED_MARKS and chars:
            composed = unicodedata.normalize("NFC", chars[-1] + folded[0])
            if len(composed) == 1:
                chars[-1] = composed
                ends[-1] = i + 1
                folded = folded[1:]
        for out in folded:
            chars.append(out)
            starts.append(i)
            ends.append(i + 1)
    _drop_katakana_dots(chars, starts, ends)
    return NormalizedText("".join(chars), text, tuple(starts), tuple(ends))


def _drop_katakana_dots(chars: list[str], starts: list[int], ends: list[int]) -> None:
    """モンテカルロ・ツリー・サーチ is matched as モンテカルロツリーサーチ."""
    for i in range(len(chars) - 2, 0, -1):
        if chars[i] == MIDDLE_DOT and is_katakana(chars[i - 1]) and is_katakana(chars[i + 1]):
            del chars[i], starts[i], ends[i]


KATAKANA_DOT = re.compile(r"(?<=[ァ-ヺー])・(?=[ァ-ヺー])")
FINAL_LONG_VOWELS = re.compile(r"(?<=[ァ-ヺ])ー+(?![ァ-ヺー・])")


def ja_key(text: str) -> str:
    """The comparison key of a Japanese rendering: NFKC, case-folded, middle dots between katakana
    and long-vowel marks ending a katakana run removed (パラメーター and パラメータ share a key)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    while True:  # ｶｰﾞｰ: a voicing mark composes once ー is gone, which can expose another final ー
        folded = unicodedata.normalize("NFC", FINAL_LONG_VOWELS.sub("", KATAKANA_DOT.sub("", text)))
        if folded == text:
            return folded
        text = folded


WORD_SEPARATOR = re.compile(r"[\s\-‐‑–]+")


def en_words(term: str) -> list[str]:
    """An English term's words: separated by spaces or hyphens (test-time scaling → test time scaling)."""
    return [w for w in WORD_SEPARATOR.split(unicodedata.normalize("NFKC", term).strip()) if w]


def fold_latin(text: str) -> str:
    """Text case-folded with spaces and hyphens removed, to look for English forms inside it."""
    return "".join(w.casefold() for w in en_words(text))


def en_key(term: str) -> str:
    """The comparison key of an English term: case-, hyphen-, space- and plural-insensitive
    (Small Language Models and small language model are one concept)."""
    words = [w.casefold() for w in en_words(term)]
    return "".join([*words[:-1], _singular(words[-1])]) if words else ""


def _singular(word: str) -> str:
    if len(word) <= 3:
        return word
    if word.endswith("ies") and word[-4] not in "aeiou":
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("s", "x", "ch", "sh")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
