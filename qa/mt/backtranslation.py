"""Back-translation: Japanese sentences translated to English to compare with the English.

`mt.low_similarity` compares each aligned pair; `similarity_matrix` gives an aligner the same
evidence for every sentence pair.

Placeables and glossary terms are protected, so a model name or a number comes back exactly
as the Japanese wrote it and a glossary term as its canonical English: the comparison then
turns on what the model had to translate.
"""

from __future__ import annotations

from collections.abc import Sequence

from qa.mt.placeholders import protect, restore


def back_translate(translator, sentences: Sequence[str], glossary=None, progress: bool = False) -> list[str]:
    """English back-translations of Japanese sentences, in one batch."""
    protected = [protect(s, "ja", glossary) for s in sentences]
    translations = translator.translate([p.text for p in protected], progress=progress)
    return [restore(t.text, p).text for t, p in zip(translations, protected)]


def similarity_matrix(translator, ja: Sequence[str], en: Sequence[str], glossary=None) -> list[list[float]]:
    """chrF in [0, 1] of each Japanese sentence's back-translation (rows) against each English sentence."""
    from qa.mt.scoring import SentenceChrf

    chrf = SentenceChrf()
    return [[round(chrf(back, e) / 100, 4) for e in en] for back in back_translate(translator, ja, glossary)]
