"""What an export needs, from the command line's paths: parse, attach abstracts, align, check.

The checks run only when findings are wanted (they are the slow part); their config is the
one `qa check` reads, so the severities on the review page are the ones CI reports.
"""

from __future__ import annotations

from pathlib import Path

from qa.config import Config
from qa.errors import QaInputError
from qa.export.base import ExportInput


def gather_input(
    paths: list[str | Path],
    abstracts: list[str | Path] = (),
    glossaries: list[str | Path] = (),
    with_findings: bool = False,
    format: str | None = None,
    config: Config | None = None,
) -> ExportInput:
    from qa.abstracts import load_records
    from qa.match import record_filter
    from qa.pipeline import parse_paths

    config = config or Config()
    abstracts = [str(a) for a in abstracts] or config.abstracts
    glossaries = [str(g) for g in glossaries] or config.glossary
    if not abstracts:
        raise QaInputError("--abstracts is required: the English abstracts to put beside the Japanese text")
    parsed = parse_paths(paths, format)
    papers = [p for _, digest in parsed for p in digest.all_papers()]
    index = load_records(abstracts, wanted=record_filter(papers))
    glossary = _glossary(glossaries)
    if with_findings:
        from qa.checking import check_parsed

        result = check_parsed(parsed, config, index=index, glossary=glossary)
        alignments, findings = result.alignments, result.findings
    else:
        from qa.align import align_digests

        alignments, findings = align_digests(parsed, index, glossary), []
    ids = dict.fromkeys(a.id for a in alignments if a.id)
    records = [record for i in ids if (record := index.by_id(i)) is not None]
    return ExportInput(
        parsed=parsed, alignments=alignments, findings=findings, glossary=glossary, records=records, checked=with_findings
    )


def _glossary(paths: list[str]):
    if not paths:
        return None
    from qa.glossary import load_glossary

    return load_glossary(paths)
