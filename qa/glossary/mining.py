"""`qa glossary mine`: candidate term pairs from the way digests gloss terms.

Patterns (both bracket widths): 日本語（English）, 日本語（ABBR）, 日本語 (ABBR) and
English（日本語）. The English side must look like a term (an abbreviation or a short phrase);
the Japanese side must be a noun phrase. Where the Japanese term starts is decided by
morphological analysis: the noun compound before the bracket (思考の連鎖 in
「…組み込んだ長い思考の連鎖（chain-of-thought）」), extended over の or an adjectival な/連体詞
when the glossary knows the longer form or the English has the extra word.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from qa.glossary.corpus import japanese_sentences
from qa.glossary.normalize import en_key, has_japanese, ja_key

BRACKET = re.compile(r"([ \u3000]?)[（(]([^（）()\n]{1,80})[）)]")
INLINE_CODE = re.compile(r"`[^`\n]*`")
ABBREVIATION = re.compile(r"[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*")
PHRASE = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*(?: [A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*){0,5}")
LATIN_TAIL = re.compile(r"(?<![A-Za-z0-9\-])[A-Za-z][A-Za-z0-9\-]*(?: [A-Za-z][A-Za-z0-9\-]*){0,5} ?$")
INNER_SEPARATORS = re.compile(r"\s*[,，、;；]\s*")
FUNCTION_WORDS = {"of", "the", "a", "an", "for", "in", "on", "to", "and", "with", "via", "by", "from", "as", "at"}
NOMINAL = {"名詞", "接頭辞", "接尾辞"}
WINDOW = 40  # characters of context analysed before a bracket
MAX_JAPANESE = 24  # longest Japanese term accepted


@dataclass
class MinedPair:
    """One (Japanese, English) pair, all its occurrences, and how it relates to the glossary."""

    ja: str
    en: str
    pattern: str  # "ja(en)", "ja(abbr)" or "en(ja)"
    locations: list[tuple[str, int]] = field(default_factory=list)
    concept: str | None = None  # the glossary concept of the English side
    relation: str = "new"  # new, matches, variant, forbidden, conflicts, explains
    detail: str = ""

    @property
    def count(self) -> int:
        return len(self.locations)

    def view(self) -> dict:
        return {
            "ja": self.ja,
            "en": self.en,
            "pattern": self.pattern,
            "count": self.count,
            "locations": [f"{file}:{line}" for file, line in self.locations],
            "concept": self.concept,
            "relation": self.relation,
            "detail": self.detail,
        }


def mine_pairs(parsed: list, glossary=None) -> list[MinedPair]:
    """Every glossed pair in the Japanese prose of the parsed digests, grouped and classified."""
    found: dict[tuple[str, str], MinedPair] = {}
    surfaces: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for src, digest in parsed:
        for prose in japanese_sentences(digest):
            sentence = prose.sentence
            for ja, en, pattern, start in sentence_pairs(sentence.text, glossary):
                key = (ja_key(ja), _english_key(en))
                pair = found.setdefault(key, MinedPair(ja=ja, en=en, pattern=pattern))
                line, _ = src.line_col(sentence.file_span(start, start + 1)[0])
                pair.locations.append((digest.path, line))
                surfaces[key][(ja, en)] += 1
    pairs = []
    for key, pair in found.items():
        pair.ja, pair.en = surfaces[key].most_common(1)[0][0]
        if glossary is not None:
            classify(pair, glossary)
        pairs.append(pair)
    return pairs


def _english_key(en: str) -> str:
    if ABBREVIATION.fullmatch(en):
        return en[:-1] if en.endswith("s") and en[:-1].isupper() else en
    return en_key(en)


def sentence_pairs(text: str, glossary=None) -> list[tuple[str, str, str, int]]:
    """(ja, en, pattern, start of the pair in text) for each gloss in one sentence."""
    text = INLINE_CODE.sub(lambda m: " " * len(m.group()), text)
    pairs = []
    for bracket in BRACKET.finditer(text):
        before = text[: bracket.start()]
        parts = INNER_SEPARATORS.split(bracket.group(2).strip())
        if not before or len(parts) > 2:  # three or more items: a list of examples, not a gloss
            continue
        english = parts[0]
        pattern = _english_pattern(english)
        if (has_japanese(before[-1]) or before[-1] in "」』") and pattern:
            term = japanese_term(before, english, glossary)
            if term and _plausible(term, english, pattern):
                quote = 1 if before[-1] in "」』" else 0
                pairs.append((term, english, pattern, len(before) - len(term) - quote))
        elif len(parts) == 1 and (tail := LATIN_TAIL.search(before)):
            english = tail.group().strip()
            if _english_pattern(english) and _is_noun_phrase(parts[0]):
                pairs.append((parts[0], english, "en(ja)", tail.start()))
    return pairs


def _english_pattern(text: str) -> str | None:
    """ja(abbr) for an abbreviation (LLMs, MoE, CoT), ja(en) for a short English phrase."""
    if ABBREVIATION.fullmatch(text) and not any(ch.isdigit() for ch in text):
        letters = [ch for ch in text if ch.isalpha()]
        capitals = sum(ch.isupper() for ch in letters)
        if capitals >= 2 and capitals * 2 >= len(letters) and len(text) <= 12:
            return "ja(abbr)"
    if PHRASE.fullmatch(text) and len(text) <= 60 and all(_plain_word(w) for w in re.split(r"[\s\-]+", text)):
        return "ja(en)"
    return None


def _plain_word(word: str) -> bool:
    """lower, Capitalised or ALLCAPS: GenRM or UltraMedical are names, not words."""
    return word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())


def _plausible(term: str, english: str, pattern: str) -> bool:
    """A glossed term has about as many parts as its English: 生成（SC）or 手法（Input
    Perturbation Defense）name an instance, they do not translate it."""
    from qa.glossary.morphology import tokenize

    tokens = [t for t in tokenize(term) if t.surface not in ("の", "な", "・")]
    if tokens and tokens[-1].pos2 == "形状詞的":  # 視覚的: an adjective, not a term
        return False
    parts = sum(1 + t.surface.count("・") for t in tokens)  # an unknown katakana run is one token
    words = [w for w in re.split(r"[\s\-]+", english) if w.lower() not in FUNCTION_WORDS]
    wanted = sum(ch.isupper() for ch in english) if pattern == "ja(abbr)" else len(words)
    return parts >= min(2, wanted)


def _is_noun_phrase(text: str) -> bool:
    """Short Japanese made of nouns (with の between them), ending in a noun."""
    from qa.glossary.morphology import tokenize

    if not has_japanese(text) or len(text) > MAX_JAPANESE or text[0].isdigit():
        return False
    tokens = tokenize(text)
    if not tokens or tokens[-1].pos not in NOMINAL:
        return False
    return all(t.pos in NOMINAL or t.surface in ("の", "・") for t in tokens)


def japanese_term(before: str, english: str, glossary=None) -> str | None:
    """The Japanese term that ends where `before` ends (the text up to the bracket)."""
    if before[-1] in "」』":
        opener = "「" if before[-1] == "」" else "『"
        quoted = before[before.rfind(opener) + 1 : -1] if opener in before else ""
        return quoted if _is_noun_phrase(quoted) else None
    candidates = _candidates(before)
    if not candidates:
        return None
    chosen = _known_rendering(candidates, english, glossary)
    if chosen:
        return chosen
    base = candidates["base"]
    words = [w for w in re.split(r"[\s\-]+", english) if w and w.lower() not in FUNCTION_WORDS]
    if "no" in candidates and re.search(r"(?:^|[\s\-])of(?:[\s\-]|$)", english):
        return candidates["no"]
    if "adjective" in candidates and not ABBREVIATION.fullmatch(english) and candidates["base_tokens"] < len(words):
        return candidates["adjective"]
    return base


def _candidates(before: str) -> dict:
    """The noun compound ending at the bracket, its suffixes, and its extensions to the left."""
    from qa.glossary.morphology import tokenize

    window = before[-WINDOW:]
    tokens = list(tokenize(window))
    if len(before) > WINDOW and tokens:
        tokens = tokens[1:]  # the first token may be cut in half
    i = len(tokens)
    while i > 0 and (tokens[i - 1].pos in NOMINAL or tokens[i - 1].surface == "・"):
        i -= 1
    while i < len(tokens) and tokens[i].pos == "接尾辞":
        i += 1
    compound = tokens[i:]
    if not compound or not has_japanese(compound[-1].surface):
        return {}
    start = compound[0].start
    candidates: dict = {
        "base": window[start:],
        "base_tokens": len(compound),
        "suffixes": [window[t.start :] for t in compound[1:] if t.pos != "接尾辞"],
    }
    previous = tokens[i - 1] if i > 0 else None
    if previous is not None and previous.pos == "連体詞":
        candidates["adjective"] = window[previous.start :]
    elif previous is not None and previous.surface == "な" and i >= 2:
        j = i - 1
        while j > 0 and (tokens[j - 1].pos in NOMINAL or tokens[j - 1].pos == "形状詞"):
            j -= 1
        if j < i - 1:
            candidates["adjective"] = window[tokens[j].start :]
    elif previous is not None and previous.surface == "の" and i >= 2:
        j = i - 1
        while j > 0 and tokens[j - 1].pos in NOMINAL:
            j -= 1
        if j < i - 1:
            candidates["no"] = window[tokens[j].start :]
    return {k: v for k, v in candidates.items() if not isinstance(v, str) or len(v) <= MAX_JAPANESE}


def _known_rendering(candidates: dict, english: str, glossary) -> str | None:
    """The longest candidate the glossary lists for the English side's concept."""
    if glossary is None:
        return None
    concept = english_concept(english, glossary)
    if concept is None:
        return None
    keys = {ja_key(form) for form, _ in glossary.entry(concept).renderings()}
    options = [candidates.get("adjective"), candidates.get("no"), candidates.get("base"), *candidates.get("suffixes", [])]
    known = [c for c in options if c and ja_key(c) in keys]
    return max(known, key=len) if known else None


def english_concept(english: str, glossary) -> str | None:
    """The concept whose term or abbreviation is the whole English text."""
    matches = glossary.match_en(english)
    if len(matches) == 1 and (matches[0].start, matches[0].end) == (0, len(english)):
        return matches[0].entry
    return None


def classify(pair: MinedPair, glossary) -> None:
    """Set the pair's concept and its relation to the glossary."""
    concept = english_concept(pair.en, glossary)
    whole = _whole_match(pair.ja, glossary)
    if concept is None:
        pair.relation = "new"
        if whole and whole.kind in ("approved", "variant"):
            pair.detail = f"{pair.ja} is the rendering of `{whole.entry}`"
        return
    pair.concept = concept
    entry = glossary.entry(concept)
    kind, form = _listed(entry, pair.ja)
    if kind:
        pair.relation = {"approved": "matches", "variant": "variant", "forbidden": "forbidden"}[kind]
        within = f"{form} within {pair.ja}; " if ja_key(form) != ja_key(pair.ja) else ""
        if kind == "forbidden":
            pair.detail = f"{within}write {entry.preferred}: {entry.reason(form)}"
        elif kind == "variant":
            pair.detail = f"{within}preferred: {entry.preferred}"
        else:
            pair.detail = within.removesuffix("; ")
        return
    if entry.keep_english:
        pair.relation = "explains"
        pair.detail = f"`{entry.en}` stays in Latin script ({entry.preferred}); a Japanese gloss is allowed"
        return
    pair.relation = "conflicts"
    pair.detail = f"approved: {', '.join(entry.ja)}"
    if whole and whole.entry != concept:
        role = "forbidden for" if whole.kind == "forbidden" else "the rendering of"
        pair.detail += f"; {pair.ja} is {role} `{whole.entry}`"


def _listed(entry, ja: str) -> tuple[str | None, str]:
    """How the entry lists ja: exactly, else the longest of its renderings inside ja."""
    key = ja_key(ja)
    forms = sorted(entry.renderings(), key=lambda fk: -len(fk[0]))
    exact = [(kind, form) for form, kind in forms if ja_key(form) == key]
    inside = [(kind, form) for form, kind in forms if len(ja_key(form)) > 1 and ja_key(form) in key]
    return (exact or inside or [(None, "")])[0]


def _whole_match(ja: str, glossary):
    """The glossary match that covers all of ja, if there is one."""
    return next((m for m in glossary.match_ja(ja) if (m.start, m.end) == (0, len(ja))), None)


def grouped(pairs: list[MinedPair]) -> list[tuple[str, bool, list[MinedPair]]]:
    """(heading, several renderings?, pairs) per concept (or English term, for new pairs):
    concepts the corpus renders several ways first, then the other known ones, then new pairs."""
    groups: dict[str, list[MinedPair]] = defaultdict(list)
    for pair in pairs:
        groups[pair.concept or f"new: {_english_key(pair.en)}"].append(pair)
    result = []
    for heading, members in groups.items():
        members.sort(key=lambda p: (-p.count, p.ja))
        renderings = {ja_key(p.ja) for p in members if p.relation != "explains"}
        result.append((heading if not heading.startswith("new: ") else members[0].en, len(renderings) > 1, members))
    return sorted(result, key=lambda g: (g[2][0].concept is None, not g[1], g[0].casefold()))
