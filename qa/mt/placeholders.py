"""Keeping glossary terms and placeables out of the model's reach.

Before translation, each glossary term and each placeable (URL, LaTeX, inline code, number,
model name or acronym) is replaced by a placeholder token `XQ<n>`, which NMT models tend to
copy like an unknown name. After translation each placeholder is replaced by what belongs
there: a placeable is put back verbatim, a glossary term becomes its approved rendering in
the target language. Models also space out or widen a placeholder (XQ 7, ＸＱ７): those
forms are restored too. A placeholder missing from the output was dropped by the model: the
caller reports it (the term is then missing from the draft).

Numbers followed by a scale word (3 billion, 100万) stay in the text: the model has to
convert them, and a placeholder would hide the scale from it.
"""

from __future__ import annotations

import re
import unicodedata

from pydantic import BaseModel

PLACEHOLDER = "XQ{}"
# What a model may make of XQ7: spaces inside, full-width letters and digits.
PLACEHOLDER_OUT = re.compile(r"[XＸ]\s?[QＱ]\s?([0-9０-９]+)")
SCALE_WORDS = r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|\s*[百千万億兆])"
PLACEABLES = [
    # Text that already looks like a placeholder is protected too, or restore() would replace it.
    ("literal", PLACEHOLDER_OUT),
    ("url", re.compile(r"https?://[^\s<>()\"'）」]+[^\s<>()\"'）」.,;:!?。、]")),
    ("latex", re.compile(r"\$[^$\n]+\$|\\\(.+?\\\)")),
    ("code", re.compile(r"`[^`\n]+`")),
    # Identifiers with a letter and a digit or an inner capital: Llama-3, Qwen-2.5, MedVLM-R1,
    # LLMs, rStar-Math, 7B. ASCII classes: a Japanese letter next to a name is no word boundary.
    ("name", re.compile(r"(?<![A-Za-z0-9_.-])[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*(?![A-Za-z0-9_-])")),
    ("number", re.compile(rf"(?<![A-Za-z0-9_])\d+(?:[.,]\d+)*%?(?!{SCALE_WORDS})(?![A-Za-z0-9_]|[.,]\d)")),
]
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


class Slot(BaseModel):
    """One protected span: its placeholder, the source text, and what goes back in its place."""

    token: str
    kind: str  # glossary, url, latex, code, name, number
    source: str
    replacement: str


class Protected(BaseModel):
    text: str  # the sentence with placeholders, what the model sees
    slots: list[Slot]


class Restored(BaseModel):
    text: str
    dropped: list[Slot]  # placeholders the model left out


def protect(text: str, src: str, glossary=None) -> Protected:
    """Replace glossary terms (of a source in `src`) and placeables by placeholders."""
    spans = _glossary_spans(text, src, glossary) if glossary is not None else []
    for kind, pattern in PLACEABLES:
        for match in pattern.finditer(text):
            if kind == "name" and not _is_name(match.group()):
                continue
            if not any(match.start() < end and start < match.end() for start, end, *_ in spans):
                spans.append((match.start(), match.end(), kind, match.group()))
    parts: list[str] = []
    slots: list[Slot] = []
    position = 0
    width = _index_width(len(spans))
    for start, end, kind, replacement in sorted(spans):
        token = PLACEHOLDER.format(f"{len(slots):0{width}d}")
        slots.append(Slot(token=token, kind=kind, source=text[start:end], replacement=replacement))
        parts += [text[position:start], token]
        position = end
    parts.append(text[position:])
    return Protected(text="".join(parts), slots=slots)


def restore(translation: str, protected: Protected) -> Restored:
    """Put the slots back into a translation of protected.text; list the placeholders it lost."""
    seen: set[int] = set()

    width = _index_width(len(protected.slots))

    def put_back(match: re.Match) -> str:
        # Indices have a fixed width, so a digit right after a placeholder stays text (XQ0 + "0").
        digits = match.group(1)
        index, rest = int(digits[:width]), digits[width:]
        if index >= len(protected.slots):
            return match.group()
        seen.add(index)
        slot = protected.slots[index]
        if match.start() == 0 and slot.kind == "glossary" and slot.replacement != slot.source:
            return slot.replacement[:1].upper() + slot.replacement[1:] + rest  # a lower-case term opening a sentence
        return slot.replacement + rest

    text = PLACEHOLDER_OUT.sub(put_back, translation)
    dropped = [slot for i, slot in enumerate(protected.slots) if i not in seen]
    return Restored(text=text, dropped=dropped)


def _index_width(slots: int) -> int:
    return len(str(max(slots - 1, 0)))


def _glossary_spans(text: str, src: str, glossary) -> list[tuple[int, int, str, str]]:
    """(start, end, "glossary", rendering in the other language) of each glossary term in text."""
    matches = glossary.match_en(text) if src == "en" else glossary.match_ja(text)
    spans: list[tuple[int, int, str, str]] = []
    for match in matches:
        entry = glossary.entry(match.entry)
        if entry is not None:
            spans.append((match.start, match.end, "glossary", _rendering(match, entry, src)))
    return spans


def _rendering(match, entry, src: str) -> str:
    """Abbreviations, and Latin terms inside Japanese text, go back as written: a Japanese
    digest writes 大規模言語モデル（LLMs）. Terms kept in English take their Latin form."""
    if match.kind == "abbr" or src == "ja" and _is_latin(match.surface):
        return match.surface
    if entry.keep_english or src == "en":
        return entry.preferred
    return entry.en


def _is_name(token: str) -> bool:
    """A model name or an acronym, not a word or a number: a letter, and a digit or an inner capital."""
    if not any(ch.isalpha() for ch in token) or ORDINAL.fullmatch(token):
        return False
    return any(ch.isdigit() for ch in token) or any(a.isalpha() and b.isupper() for a, b in zip(token, token[1:]))


def _is_latin(text: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)
