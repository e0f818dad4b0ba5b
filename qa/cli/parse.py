"""`qa parse` and `qa detect`."""

from __future__ import annotations

from pathlib import Path

import typer

from qa.cli.output import print_json, print_notices

PATHS = typer.Argument(..., help="Digest files or directories (directories take *.md, *.txt, *.jsonl).")
FORMAT = typer.Option(None, "--format", "-f", help="Force a digest format instead of auto-detecting it.")


def register(app: typer.Typer) -> None:
    app.command("parse")(parse)
    app.command("detect")(detect)


def parse(
    paths: list[Path] = PATHS,
    json_output: bool = typer.Option(False, "--json", help="Print the digest tree as JSON."),
    format: str = FORMAT,
) -> int:
    """Parse digests into papers and sections."""
    from qa.pipeline import parse_paths
    from qa.views import digest_view

    parsed = parse_paths(paths, format)
    print_notices([notice for src, _ in parsed for notice in src.notices])
    if json_output:
        print_json({"digests": [digest_view(d) for _, d in parsed]})
        return 0
    for _, digest in parsed:
        related = sum(len(p.related) for p in digest.papers)
        typer.echo(f"{digest.path} ({digest.format}): {len(digest.papers)} papers, {related} related")
        for paper in digest.papers:
            kinds = ", ".join(s.kind for s in paper.sections)
            typer.echo(f"  {digest.path}:{paper.loc.line}: {paper.id or '-'}  {_one_line(paper.title)}")
            typer.echo(f"      sections: {kinds}")
    return 0


def detect(
    paths: list[Path] = PATHS,
    json_output: bool = typer.Option(False, "--json", help="Print the tree with per-sentence languages as JSON."),
    format: str = FORMAT,
) -> int:
    """Detect the language of every section and sentence; list language problems."""
    from qa.langid import detect_languages
    from qa.pipeline import parse_paths
    from qa.views import digest_view

    parsed = parse_paths(paths, format)
    print_notices([notice for src, _ in parsed for notice in src.notices])
    issues = {d.path: detect_languages(d) for _, d in parsed}
    if json_output:
        views = []
        for _, digest in parsed:
            view = digest_view(digest, sentences=True)
            view["issues"] = [i.model_dump(mode="json") for i in issues[digest.path]]
            views.append(view)
        print_json({"digests": views})
        return 0
    for _, digest in parsed:
        typer.echo(f"{digest.path} ({digest.format})")
        for paper in digest.all_papers():
            langs = " ".join(f"{s.kind}={s.lang.value}" for s in paper.sections)
            typer.echo(f"  {digest.path}:{paper.loc.line}: {paper.id or '-'}  {langs}")
        for issue in issues[digest.path]:
            typer.echo(f"  {issue.loc.file}:{issue.loc.line}:{issue.loc.column}: {issue.message}: {_one_line(issue.text)[:100]}")
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())
