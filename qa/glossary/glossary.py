"""A loaded glossary: its entries, concept lookup, and term matching in English and Japanese."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from qa.glossary.matching import TermMatch, TermMatcher
from qa.glossary.normalize import en_key
from qa.glossary.schema import Entry

CACHE_LIMIT = 50_000  # memoised texts per language: the rules of one check read the same sentences


class Glossary:
    def __init__(self, entries: list[Entry], name: str = "", sources: list[str] = ()) -> None:
        self.entries = list(entries)
        self.name = name
        self.sources = list(sources)
        self._by_key = {en_key(e.en): e for e in self.entries}
        # The rules look entries up by the term of a match thousands of times a run: the exact
        # canonical terms first, so that only other spellings pay for en_key.
        self._by_term = {e.en: self._by_key[en_key(e.en)] for e in self.entries}
        self._cache: dict[tuple[str, str], list[TermMatch]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, en: str) -> Entry | None:
        """The entry whose canonical English term is en (case-, hyphen- and space-insensitive)."""
        found = self._by_term.get(en)
        return found if found is not None else self._by_key.get(en_key(en))

    @cached_property
    def matcher(self) -> TermMatcher:
        """Built once for a glossary's content and kept in the cache: loading takes a third of
        the time (its patterns are compiled again either way)."""
        from qa.cachedir import cached

        return cached("glossary-matchers", _matcher_key(self.entries), lambda: TermMatcher(self.entries))

    def match_en(self, text: str) -> list[TermMatch]:
        """Glossary terms and abbreviations in English text."""
        return self._memoised("en", text, self.matcher.match_en)

    def match_ja(self, text: str) -> list[TermMatch]:
        """Renderings (approved, variant, forbidden) and English forms in Japanese text."""
        return self._memoised("ja", text, self.matcher.match_ja)

    def _memoised(self, lang: str, text: str, match) -> list[TermMatch]:
        key = (lang, text)
        if key not in self._cache:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = match(text)
        return list(self._cache[key])


def _matcher_key(entries: list[Entry]) -> str:
    """A digest of the entries and of the source of the modules that turn entries into patterns,
    so that an edited glossary or matching code never meets a stale matcher."""
    import hashlib

    from qa.glossary import matching, normalize, schema, transliteration

    digest = hashlib.sha256()
    for module in (matching, normalize, schema, transliteration):
        digest.update(Path(module.__file__).read_bytes())
    for entry in entries:
        digest.update(entry.model_dump_json().encode())
    return digest.hexdigest()[:32]
