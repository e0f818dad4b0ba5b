"""The morphological analyser (fugashi with unidic-lite), loaded on first use and shared by the
stages that read Japanese word by word: loanword origins for alignment, the style and
mistranslation rules, word boundaries of glossary terms. They ask :func:`words`.

The dictionary is named rather than looked up: fugashi would prefer a full UniDic where one is
installed, whose analyses and output format differ from those the rules were written against."""

from __future__ import annotations

import os
from functools import lru_cache


@lru_cache(maxsize=1)
def tagger():
    import fugashi
    import unidic_lite

    return fugashi.Tagger(f'-d "{unidic_lite.DICDIR}" -r "{os.path.join(unidic_lite.DICDIR, "mecabrc")}"')


def words(text: str) -> list:
    """The analyser's words of text, each with its surface and features.

    MeCab reads a C string, which ends at a NUL character: the words after a NUL (a JSON
    \\u0000) were never read. It is read as a space instead, which is no word either, so every
    surface is still found at its place in text."""
    return tagger()(text.replace("\0", " ") if "\0" in text else text)
