"""Stage 2 (parse): digest formats, registered by name, auto-detected."""

from qa.formats import abstract_page, article, bilingual_jsonl, daily_digest, paper_summaries  # noqa: F401  (registers)
from qa.formats.base import FORMATS, DigestFormat, detect_format, get_format

__all__ = ["FORMATS", "DigestFormat", "detect_format", "get_format"]
