"""English abstract sources: JSONL, arXiv API Atom files, the arXiv metadata snapshot, and
abstracts embedded in digests; optionally the arXiv API itself through a local cache."""

from qa.abstracts import atom, digest, jsonl, snapshot  # noqa: F401  (registers the sources)
from qa.abstracts.base import SOURCES, AbstractIndex, RecordFilter, detect_source, load_records, normalise_title, read_records

__all__ = ["SOURCES", "AbstractIndex", "RecordFilter", "detect_source", "load_records", "normalise_title", "read_records"]
