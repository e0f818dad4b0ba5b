"""digest-qa: quality checks for Japanese digests of English arXiv papers.

The public API is imported lazily so that `qa --help` stays fast.
"""

from __future__ import annotations

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


def __getattr__(name: str):
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
