"""`qa align`: each paper's Japanese sentences against its English abstract."""

from __future__ import annotations

from pathlib import Path

import typer

from qa.cli.output import print_json, print_notices


def register(app: typer.Typer) -> None:
    app.command("align")(align)


def align(
    paths: list[Path] = typer.Argument(..., help="Digest files or directories (directories take *.md, *.txt, *.jsonl)."),
    abstracts: list[Path] = typer.Option(
        [], "--abstracts", "-a", help="English abstracts: JSONL, arXiv API Atom XML, arXiv metadata snapshot, or a digest with English abstracts. Repeatable."
    ),
    glossary: list[Path] = typer.Option([], "--glossary", "-g", help="Glossary YAML whose terms count as shared evidence; repeatable."),
    json_output: bool = typer.Option(False, "--json", help='Print {"papers": [...]} as JSON.'),
    online: bool = typer.Option(False, "--online", help="Look up papers missing from --abstracts through the arXiv API (cached)."),
    cache: Path = typer.Option(None, "--cache", help="SQLite cache for --online (default .qa-cache/arxiv.sqlite)."),
    width: int = typer.Option(120, "--width", help="Width of the side-by-side text output."),
    format: str = typer.Option(None, "--format", "-f", help="Force a digest format instead of auto-detecting it."),
) -> int:
    """Align Japanese abstracts and summaries with their English abstracts, sentence by sentence."""
    from qa.abstracts import AbstractIndex, load_records
    from qa.align import align_digests
    from qa.align.render import render_paper
    from qa.match import record_filter
    from qa.pipeline import parse_paths

    parsed = parse_paths(paths, format)
    print_notices([src.notice for src, _ in parsed if src.notice])
    papers = [p for _, digest in parsed for p in digest.all_papers()]
    index = load_records(abstracts, wanted=record_filter(papers)) if abstracts else None
    if online:
        index = index or AbstractIndex()
        _look_up_online(papers, index, cache)
    terms = _load_glossary(glossary) if glossary else None
    aligned = align_digests(parsed, index, terms)
    if json_output:
        print_json({"papers": [a.view() for a in aligned]})
    else:
        for paper in aligned:
            typer.echo(render_paper(paper, width) + "\n")
    unmatched = sorted({f"{a.file}:{a.line}" for a in aligned if a.unmatched})
    if unmatched:
        print_notices([f"{len(unmatched)} paper(s) without an English abstract: {', '.join(unmatched)}"])
    return 0


def _load_glossary(paths: list[Path]):
    from qa.glossary import load_glossary

    return load_glossary(paths)


def _look_up_online(papers: list, index, cache: Path | None) -> None:
    from qa.abstracts.arxiv_api import DEFAULT_CACHE, ArxivCache

    missing = [p.id for p in papers if p.id and index.by_id(p.id) is None]
    if not missing:
        return
    store = ArxivCache(cache or DEFAULT_CACHE)
    try:
        for record in store.lookup(missing):
            index.add(record)
    finally:
        store.close()
