"""Whether a Japanese translation renders the glossary terms of its English source."""

from __future__ import annotations

import unicodedata

from qa.glossary.normalize import fold_latin, ja_key


def is_ambiguous(glossary, match) -> bool:
    return match.rendering in glossary.entry(match.entry).ambiguous


def missing_concepts(glossary, en_text: str, ja_text: str) -> list:
    """Entries whose term appears in en_text while ja_text has no form of them at all.

    English forms that are also ordinary words (`ambiguous`: attention, advantage) are not
    looked for: the sentence may use them in their everyday sense. A form counts wherever it appears, even inside a longer term (ファインチューニング inside
    教師ありファインチューニング renders fine-tuning), and a forbidden form counts too:
    terms.forbidden reports it, the term is not missing.
    """
    wanted = dict.fromkeys(m.entry for m in glossary.match_en(en_text) if not is_ambiguous(glossary, m))
    if not wanted:
        return []
    found = {m.entry for m in glossary.match_ja(ja_text)}
    japanese = ja_key(ja_text)
    latin = unicodedata.normalize("NFKC", ja_text)
    folded = fold_latin(ja_text)
    missing = []
    for concept in wanted:
        if concept in found:
            continue
        entry = glossary.entry(concept)
        if any(ja_key(form) in japanese for form, _ in entry.renderings()):
            continue
        if any(form in latin if kind == "abbr" else fold_latin(form) in folded for form, kind in entry.english_forms()):
            continue
        missing.append(entry)
    return missing
