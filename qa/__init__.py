"""digest-qa: quality checks for Japanese digests of English arXiv papers.

The public API is imported lazily so that `qa --help` stays fast.
"""

from __future__ import annotations

from qa.lazy import lazy_attributes

__version__ = "0.1.0"

_API = {
    "parse_file": "qa.pipeline",
    "parse_paths": "qa.pipeline",
    "parse_source": "qa.pipeline",
    "language_issues": "qa.langid",
    "detect_languages": "qa.langid",
    "split_sentences": "qa.segment",
    "read_source": "qa.source",
    "Digest": "qa.model",
    "Paper": "qa.model",
    "Section": "qa.model",
    "Sentence": "qa.model",
    "QaInputError": "qa.errors",
}

__all__ = ["__version__", *_API]


__getattr__ = lazy_attributes(_API, __name__)
