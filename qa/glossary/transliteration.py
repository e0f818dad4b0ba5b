"""Katakana spellings of Latin acronyms (GRPO → ジーアールピーオー).

A keep-English acronym spelt out letter by letter in katakana is a transliteration that can be
recognised without any risk of matching an ordinary word, so the matcher adds these spellings
to the forbidden forms of keep_english entries.
"""

from __future__ import annotations

import itertools
import re

LETTER_NAMES = {
    "A": ("エー", "エイ"), "B": ("ビー",), "C": ("シー",), "D": ("ディー",), "E": ("イー",), "F": ("エフ",),
    "G": ("ジー",), "H": ("エイチ", "エッチ"), "I": ("アイ",), "J": ("ジェー", "ジェイ"), "K": ("ケー", "ケイ"),
    "L": ("エル",), "M": ("エム",), "N": ("エヌ",), "O": ("オー",), "P": ("ピー",), "Q": ("キュー",),
    "R": ("アール",), "S": ("エス",), "T": ("ティー",), "U": ("ユー",), "V": ("ブイ",), "W": ("ダブリュー",),
    "X": ("エックス",), "Y": ("ワイ",), "Z": ("ゼット", "ズィー"),
}  # fmt: skip
ACRONYM = re.compile(r"[A-Z]{2,6}")
MAX_SPELLINGS = 16  # letters with two names multiply; long acronyms keep the first spellings


def acronym_spellings(acronym: str) -> list[str]:
    """Letter-by-letter katakana spellings of an all-capitals acronym; [] for anything else."""
    if not ACRONYM.fullmatch(acronym):
        return []
    combos = itertools.product(*(LETTER_NAMES[ch] for ch in acronym))
    return ["".join(parts) for parts in itertools.islice(combos, MAX_SPELLINGS)]
