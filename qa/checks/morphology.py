"""The morphological analyser of the rules that read Japanese word by word (fugashi with
unidic-lite), loaded on first use and shared by them."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def tagger():
    import fugashi

    return fugashi.Tagger()
