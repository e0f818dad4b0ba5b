"""The matching engine: every glossary form compiled into three regular expressions.

Forms are stored in a character trie and the trie is written out as one regular expression, so
a text is scanned once whatever the size of the glossary, and at each position the longest form
wins (children are tried before the end of a term).

- English terms (en, en_variants): case-insensitive; words may be joined by a space, a hyphen or
  nothing (test-time scaling / Test time scaling / test-time-scaling); the head noun takes a
  plural ending and a final -ing word its verb forms (fine-tuning / fine-tuned).
- Abbreviations: case-sensitive (MoE, not "moe"), optional plural s (LLMs).
- Japanese renderings (approved, variants, forbidden) on NFKC text: a long-vowel mark ending a
  katakana run is optional (コンピュータ/コンピューター); middle dots between katakana are
  dropped from the text before matching (モンテカルロ・ツリー・サーチ).
  A match that starts or ends inside a katakana run is kept only when morphological analysis
  puts a word boundary there (ローラ is not found inside コントローラ).
Latin forms never match inside a longer Latin word.
"""

from __future__ import annotations

import itertools
import re
import string
from dataclasses import dataclass

from qa.glossary.normalize import (
    LATIN_WORD_CHAR,
    MIDDLE_DOT,
    NormalizedText,
    en_words,
    is_katakana,
    ja_key,
    normalize,
)
from qa.glossary.transliteration import acronym_spellings

KIND_RANK = {"approved": 0, "variant": 1, "forbidden": 2, "en": 3, "abbr": 4}
# English forms are searched on a copy of the text lowered (ASCII letters) with every word
# separator (ASCII whitespace, a hyphen) turned into a space, so that their pattern spells a
# separator as one character: a character class at every word joint made the pattern twice
# as slow to compile. Abbreviations (a small pattern) are searched on the text as it is.
ENGLISH_FOLD = str.maketrans(string.ascii_uppercase + string.whitespace + "-‐‑–", string.ascii_lowercase + " " * 10)
EN_SEPARATOR = " *"
ABBR_SEPARATOR = r"[\s\-‐‑–]*"
# "No letter or digit before the form", written after its first character: a pattern that
# starts with a character (not an assertion) lets the regex engine skip ahead quickly.
LATIN_BEFORE_FIRST = r"(?<![A-Za-z0-9].)"
LATIN_AFTER = r"(?![A-Za-z0-9])"
CONSONANT_Y = re.compile(r"[a-z]*[^aeiou]y", re.IGNORECASE)


@dataclass(frozen=True)
class TermMatch:
    """A glossary form found in a text; start/end are offsets into the text as given."""

    entry: str  # the entry's canonical English term
    start: int
    end: int
    surface: str  # the text as found
    kind: str  # en, abbr, approved, variant, forbidden
    rendering: str  # the glossary form that matched, as the glossary spells it


@dataclass(frozen=True)
class Form:
    entry: str
    kind: str
    form: str
    order: int  # position of the entry in the glossary: the first entry wins a shared form


class Trie:
    """Regex fragments ("atoms") in a trie, written out as one alternation-factored pattern."""

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, atoms: list[str]) -> None:
        node = self.root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[None] = {}

    def pattern(self) -> str:
        return _pattern(self.root) if self.root else "(?!)"


def _atom_order(atom: str) -> tuple:
    """Characters first, then the word separator (which may match nothing), then end-of-word
    assertions: with these atoms, the first alternative that succeeds is the longest."""
    return (atom.startswith("(?!"), atom in (EN_SEPARATOR, ABBR_SEPARATOR), atom)


def _pattern(node: dict) -> str:
    # Children before the end of a term, so that the longest form wins.
    atoms = sorted((a for a in node if a is not None), key=_atom_order)
    alternatives = [atom + _pattern(node[atom]) for atom in atoms]
    if None in node:
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def ja_spellings(key: str) -> list[list[str]]:
    """Atom sequences of a Japanese key: each katakana run with and without a final ー.

    Keys are case-folded, so a letter matches either case. A first letter is spelt as two
    atoms (a, A) rather than one class ([aA]): when every form starts with a plain character,
    the regex engine skips ahead to the characters that can start one instead of trying every
    form at every position."""
    options: list[list[str]] = []
    for i, ch in enumerate(key):
        cases = [ch, ch.upper()] if "a" <= ch <= "z" else [ch]
        if i == 0:
            after = LATIN_BEFORE_FIRST if LATIN_WORD_CHAR.match(ch) else ""
            options.append([re.escape(c) + after for c in cases])
        else:
            options.append([f"[{ch}{ch.upper()}]" if len(cases) == 2 else re.escape(ch)])
        if is_katakana(ch) and not is_katakana(key[i + 1] if i + 1 < len(key) else ""):
            options.append(["", "ー"])
    if key and LATIN_WORD_CHAR.match(key[-1]):
        options.append([LATIN_AFTER])
    return [[a for a in atoms if a] for atoms in itertools.product(*options)]


VERB_ENDINGS = ("ing", "ings", "e", "es", "ed", "s", "")


def word_endings(word: str, role: str) -> tuple[str, tuple[str, ...]]:
    """(stem, endings) of an English word.

    role: "plural" (s/es, y→ies), "verb" (the -ing word ending a multi-word term: fine-tuning
    also matches fine-tune, fine-tunes, fine-tuned), "abbr" (an abbreviation: LLMs), or "" (as
    written).
    """
    if role == "verb" and word.endswith("ing") and len(word) > 5:
        return word[:-3], VERB_ENDINGS
    if role == "abbr" and word[-1].isalpha():
        return word, ("", "s")
    if role in ("plural", "verb") and len(word) > 2 and CONSONANT_Y.fullmatch(word):
        return word[:-1], ("y", "ies")
    if role in ("plural", "verb") and word[-1].isalpha():
        return word, ("", "s", "es")
    return word, ("",)


def word_roles(words: list[str], abbreviation: bool) -> list[str]:
    """How each word may inflect: the head noun takes a plural (the last word, or the word
    before "of": chains-of-thought), the -ing word ending a multi-word term a verb form."""
    if abbreviation:
        return [""] * (len(words) - 1) + ["abbr"]
    roles = ["plural" if i + 1 < len(words) and words[i + 1] == "of" else "" for i in range(len(words) - 1)]
    return roles + ["verb" if len(words) > 1 else "plural"]


def en_spellings(words: list[str], roles: list[str], separator: str) -> list[tuple[str, list[str]]]:
    """(lookup key, atom sequence) of every inflected spelling of an English term, its words
    joined by separator."""
    options = []
    for word, role in zip(words, roles):
        stem, endings = word_endings(word, role)
        options.append([stem + ending for ending in endings])
    spellings = []
    for inflected in itertools.product(*options):
        atoms: list[str] = []
        for n, word in enumerate(inflected):
            atoms.extend(([separator] if n else []) + [re.escape(ch) for ch in word])
        atoms[0] += LATIN_BEFORE_FIRST
        spellings.append(("".join(inflected), atoms))
    return spellings


def surface_key(surface: str, casefold: bool) -> str:
    words = en_words(surface)
    return "".join(w.casefold() for w in words) if casefold else "".join(words)


class TermMatcher:
    """All forms of a glossary, compiled once."""

    def __init__(self, entries) -> None:
        self.ja_forms: dict[str, list[Form]] = {}
        self.en_forms: dict[str, list[Form]] = {}
        self.abbr_forms: dict[str, list[Form]] = {}
        ja_trie, en_trie, abbr_trie = Trie(), Trie(), Trie()
        for order, entry in enumerate(entries):
            for form, kind in entry.renderings():
                self._add_ja(ja_trie, Form(entry.en, kind, form, order))
            if entry.keep_english:
                for acronym in {entry.abbr or "", *entry.ja}:
                    for spelled in acronym_spellings(acronym):
                        self._add_ja(ja_trie, Form(entry.en, "forbidden", spelled, order))
            for form, kind in entry.english_forms():
                words = [w.casefold() for w in en_words(form)] if kind == "en" else en_words(form)
                if not words:
                    continue
                abbreviation = kind == "abbr"
                if abbreviation:
                    trie, table, separator = abbr_trie, self.abbr_forms, ABBR_SEPARATOR
                else:
                    trie, table, separator = en_trie, self.en_forms, EN_SEPARATOR
                for key, atoms in en_spellings(words, word_roles(words, abbreviation), separator):
                    trie.add(atoms)
                    table.setdefault(key, []).append(Form(entry.en, kind, form, order))
        self.ja_regex = re.compile(ja_trie.pattern())
        # The end-of-word check once after the whole trie: the engine backtracks to a shorter
        # form when a longer one ends inside a word. English forms are case-folded and run on
        # text lowered the same way (ENGLISH_FOLD): a case-sensitive pattern lets the engine
        # skip ahead to the letters that can start a form (see ja_spellings).
        self.en_regex = re.compile(f"(?:{en_trie.pattern()}){LATIN_AFTER}")
        self.abbr_regex = re.compile(f"(?:{abbr_trie.pattern()}){LATIN_AFTER}")

    def _add_ja(self, trie: Trie, form: Form) -> None:
        key = ja_key(form.form)
        if key:
            for atoms in ja_spellings(key):
                trie.add(atoms)
            self.ja_forms.setdefault(key, []).append(form)

    # ------------------------------------------------------------------ matching

    def match_en(self, text: str) -> list[TermMatch]:
        normalized = normalize(text)
        return _longest_first(self._latin(normalized))

    def match_ja(self, text: str) -> list[TermMatch]:
        normalized = normalize(text)
        return _longest_first([*self._japanese(normalized), *self._latin(normalized)])

    def _latin(self, normalized: NormalizedText) -> list[TermMatch]:
        text = normalized.text
        found = []
        searches = ((self.en_regex, text.translate(ENGLISH_FOLD), self.en_forms, True), (self.abbr_regex, text, self.abbr_forms, False))
        for regex, searched, table, casefold in searches:
            for m in regex.finditer(searched):
                start, end = m.span()
                forms = table.get(surface_key(text[start:end], casefold))
                if forms:
                    found.append(_term_match(normalized, start, end, forms[0]))
        return found

    def _japanese(self, normalized: NormalizedText) -> list[TermMatch]:
        text = normalized.text
        found = []
        position = 0
        while (m := self.ja_regex.search(text, position)) is not None:
            start, end = m.span()
            forms = self.ja_forms.get(ja_key(m.group()))
            if forms and katakana_edges_are_words(text, start, end):
                found.append(_term_match(normalized, start, end, _best_form(forms, m.group())))
                position = end
            else:
                position = start + 1
        return found


def _best_form(forms: list[Form], surface: str) -> Form:
    """The listed spelling equal to the surface, else the highest kind, else the first entry."""
    return min(forms, key=lambda f: (f.form != surface, KIND_RANK[f.kind], f.order))


def _term_match(normalized: NormalizedText, start: int, end: int, form: Form) -> TermMatch:
    a, b = normalized.original_span(start, end)
    return TermMatch(entry=form.entry, start=a, end=b, surface=normalized.original[a:b], kind=form.kind, rendering=form.form)


def _longest_first(matches: list[TermMatch]) -> list[TermMatch]:
    """Non-overlapping matches, leftmost first, the longer (then the Japanese-side) one on a tie."""
    chosen = []
    end = -1
    for match in sorted(matches, key=lambda m: (m.start, m.start - m.end, KIND_RANK[m.kind])):
        if match.start >= end:
            chosen.append(match)
            end = match.end
    return chosen


def katakana_edges_are_words(text: str, start: int, end: int) -> bool:
    """False when a match cuts a katakana word (ローラ inside コントローラ)."""
    starts_inside = start > 0 and is_katakana(text[start]) and is_katakana(text[start - 1])
    ends_inside = end < len(text) and is_katakana(text[end - 1]) and is_katakana(text[end])
    if not (starts_inside or ends_inside):
        return True
    from qa.glossary.morphology import word_edges

    left = start
    while left > 0 and (is_katakana(text[left - 1]) or text[left - 1] == MIDDLE_DOT):
        left -= 1
    right = end
    while right < len(text) and (is_katakana(text[right]) or text[right] == MIDDLE_DOT):
        right += 1
    edges = word_edges(text[left:right])
    return (not starts_inside or start - left in edges) and (not ends_inside or end - left in edges)
