"""Alignment of Japanese digests to their English abstracts.

- align_sentences(en, ja): a translation, sentence by sentence (monotonic, with confidence).
- support_summary(en, ja): a summary, each sentence with its supporting abstract sentences.
- align_digests(parsed, index): both, for every paper of parsed digests.

The data shapes are in qa.align.model, which the abstract sources import too: the functions
are therefore resolved on first use, not when the package is imported.
"""

from __future__ import annotations

from qa.lazy import lazy_attributes

_API = {
    "align_sentences": "qa.align.sentences",
    "align_by_length": "qa.align.sentences",
    "support_summary": "qa.align.support",
    "align_digests": "qa.align.digests",
}

__all__ = list(_API)


__getattr__ = lazy_attributes(_API, __name__)
