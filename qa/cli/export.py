"""`qa export`: bilingual documents (review page, publication Markdown, TMX, XLIFF, JSONL, CSV)."""

from __future__ import annotations

from pathlib import Path

import typer

from qa.cli.output import print_notices
from qa.export import FORMATS


def register(app: typer.Typer) -> None:
    app.command("export")(export)


def export(
    paths: list[Path] = typer.Argument(..., help="Digest files or directories (directories take *.md, *.txt, *.jsonl)."),
    abstracts: list[Path] = typer.Option([], "--abstracts", "-a", help="English abstracts (JSONL, Atom, metadata snapshot); repeatable."),
    to: str = typer.Option(..., "--to", "-t", help=f"Output format: {', '.join(FORMATS)}."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write (atomically)."),
    glossary: list[Path] = typer.Option([], "--glossary", "-g", help="Glossary YAML to mark terms; repeatable."),
    with_findings: bool = typer.Option(False, "--with-findings", help="Run the checks and put their findings in the export."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
    bom: bool = typer.Option(False, "--bom", help="Start the file with a UTF-8 byte order mark (csv, for spreadsheets)."),
    format: str = typer.Option(None, "--format", "-f", help="Force a digest format instead of auto-detecting it."),
) -> int:
    """Export digests beside their English abstracts, sentence by sentence, with findings if asked."""
    from qa.config import load_config
    from qa.export.base import check_request
    from qa.export.base import export as write_export
    from qa.export.inputs import gather_input

    check_request(to, output, force, bom)  # before the slow part
    data = gather_input(paths, abstracts, glossary, with_findings, format, load_config())
    unmatched = sorted({f"{a.file}:{a.line}" for a in data.alignments if a.unmatched})
    notices = [src.notice for src, _ in data.parsed if src.notice]
    if unmatched:
        notices.append(f"{len(unmatched)} paper(s) without an English abstract: {', '.join(unmatched)}")
    rendered = write_export(data, to, output, force=force, bom=bom)
    print_notices(notices + rendered.notices)
    typer.echo(f"wrote {output} ({to}: {rendered.summary})")
    return 0
