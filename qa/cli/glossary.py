"""`qa glossary …`: check digests against a glossary, and maintain glossaries."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from qa.cli.output import print_json, print_notices

DEFAULT_GLOSSARY = Path("glossaries/ml-ja.yaml")
LOCATIONS_SHOWN = 3

glossary_app = typer.Typer(
    name="glossary",
    help="Check digests against a glossary; lint, mine, edit, count and convert glossaries.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

PATHS = typer.Argument(..., help="Digest files or directories (directories take *.md, *.txt, *.jsonl).")
GLOSSARIES = typer.Option([], "--glossary", "-g", help="Glossary YAML; repeatable, later files override earlier (default: glossaries/ml-ja.yaml).")
JSON = typer.Option(False, "--json", help="Print JSON instead of text.")


def register(app: typer.Typer) -> None:
    app.add_typer(glossary_app, name="glossary")


def _glossary_paths(paths: list[Path], required: bool = True) -> list[Path]:
    from qa.errors import QaInputError

    if paths:
        return list(paths)
    if DEFAULT_GLOSSARY.exists():
        return [DEFAULT_GLOSSARY]
    if required:
        raise QaInputError(f"no glossary given and there is no {DEFAULT_GLOSSARY} in this directory")
    return []


def _load(paths: list[Path]):
    from qa.glossary import load_glossary

    return load_glossary(paths)


def _parse(paths: list[Path]) -> list:
    from qa.pipeline import parse_paths

    parsed = parse_paths(paths)
    print_notices([src.notice for src, _ in parsed if src.notice])
    return parsed


@glossary_app.command("lint")
def lint(files: list[Path] = typer.Argument(..., help="Glossary YAML files.")) -> int:
    """Schema errors, duplicate concepts, renderings both accepted and forbidden, shared or shadowed renderings."""
    from qa.glossary.lint import lint_glossary

    problems = [p for path in files for p in lint_glossary(path)]
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        print(f"qa: {len(problems)} glossary problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return 1
    from qa.glossary.loading import read_glossary_file

    for path in files:
        typer.echo(f"{path}: {len(read_glossary_file(path).entries)} entries, no problems")
    return 0


@glossary_app.command("check")
def check(
    paths: list[Path] = PATHS,
    glossary: list[Path] = GLOSSARIES,
    alignments: Path = typer.Option(None, "--alignments", help="Alignments as written by `qa align --json` (enables terms.missing)."),
    abstracts: list[Path] = typer.Option([], "--abstracts", "-a", help="English abstracts; they confirm ambiguous renderings (微調整 = fine-tuning)."),
    json_output: bool = JSON,
) -> int:
    """Run the terms.* rules: forbidden, inconsistent, keep-English and (with alignments) missing renderings."""
    from qa.checks import run_checks

    loaded = _load(_glossary_paths(glossary))
    parsed = _parse(paths)
    aligned = _read_alignments(alignments) if alignments else []
    index = _read_abstracts(abstracts) if abstracts else None
    notices = [] if aligned else ["terms.missing skipped: it needs alignments (--alignments FILE from `qa align --json`)"]
    findings = run_checks(parsed, aligned, loaded, index, select=["terms"])
    if json_output:
        print_json({"findings": [f.model_dump(mode="json", exclude_none=True) for f in findings], "notices": notices})
    else:
        print_notices(notices)
        for f in findings:
            typer.echo(f"{f.file}:{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}")
    return 1 if any(f.severity.rank >= 1 for f in findings) else 0


def _read_alignments(path: Path) -> list:
    import json

    from pydantic import ValidationError

    from qa.align.model import AlignedPaper
    from qa.errors import QaInputError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        # view() leaves out None fields, the id of a paper without one among them
        return [AlignedPaper.model_validate({"id": None, **p}) for p in data["papers"]]
    except OSError as exc:
        raise QaInputError(f"{path}: cannot read ({exc.strerror})") from None
    except (ValueError, KeyError, TypeError, ValidationError) as exc:
        raise QaInputError(f"{path}: not the JSON of `qa align --json` ({' '.join(str(exc).split())[:120]})") from None


def _read_abstracts(paths: list[Path]):
    from qa.abstracts import load_records

    return load_records(paths)


@glossary_app.command("mine")
def mine(paths: list[Path] = PATHS, glossary: list[Path] = GLOSSARIES, json_output: bool = JSON) -> int:
    """Candidate term pairs from 日本語（English）, 日本語（ABBR）, English（日本語） glosses."""
    from qa.glossary.mining import grouped, mine_pairs

    glossary_paths = _glossary_paths(glossary, required=False)
    loaded = _load(glossary_paths) if glossary_paths else None
    pairs = mine_pairs(_parse(paths), loaded)
    groups = grouped(pairs)
    if json_output:
        several = [heading for heading, many, members in groups if many and members[0].concept]
        print_json({"pairs": [p.view() for _, _, members in groups for p in members], "concepts_with_several_renderings": several})
        return 0
    for heading, many, members in groups:
        typer.echo(f"{heading}{' — several renderings in the corpus' if many else ''}")
        for pair in members:
            detail = f" ({pair.detail})" if pair.detail else ""
            typer.echo(f"  {pair.ja} ⇐ {pair.en}  ×{pair.count}  {pair.relation}{detail}  {_locations(pair.locations)}")
    relations = {}
    for pair in pairs:
        relations[pair.relation] = relations.get(pair.relation, 0) + 1
    summary = ", ".join(f"{n} {relation}" for relation, n in sorted(relations.items()))
    print(f"qa: {len(pairs)} pairs ({sum(p.count for p in pairs)} occurrences): {summary}", file=sys.stderr)
    return 0


def _locations(locations: list[tuple[str, int]]) -> str:
    shown = ", ".join(f"{file}:{line}" for file, line in locations[:LOCATIONS_SHOWN])
    return shown + (f" (+{len(locations) - LOCATIONS_SHOWN} more)" if len(locations) > LOCATIONS_SHOWN else "")


@glossary_app.command("stats")
def stats(paths: list[Path] = PATHS, glossary: list[Path] = GLOSSARIES, json_output: bool = JSON) -> int:
    """Per concept, how often each rendering (and the English form) is used in the corpus."""
    from qa.glossary.stats import rendering_stats

    loaded = _load(_glossary_paths(glossary))
    usages = rendering_stats(_parse(paths), loaded)
    if json_output:
        print_json({"concepts": [u.view() for u in usages]})
        return 0
    for usage in usages:
        typer.echo(f"{usage.concept} ({usage.total})")
        for row in usage.renderings:
            typer.echo(f"  {row.form}  {row.kind}  {row.count}  in {len(row.files)} file{'s' if len(row.files) != 1 else ''}")
    return 0


@glossary_app.command("add")
def add(
    file: Path = typer.Argument(..., help="Glossary YAML to edit in place."),
    en: str = typer.Option(..., "--en", help="Canonical English term."),
    ja: list[str] = typer.Option(..., "--ja", help="Approved rendering; repeatable, the first is preferred."),
    abbr: str = typer.Option(None, "--abbr", help="Abbreviation (GRPO, MoE)."),
    en_variants: list[str] = typer.Option([], "--en-variant", help="Other English spelling; repeatable."),
    variants: list[str] = typer.Option([], "--variant", help="Accepted, not preferred rendering; repeatable."),
    forbidden: list[str] = typer.Option([], "--forbidden", help="Forbidden rendering as TERM=REASON; repeatable."),
    ambiguous: list[str] = typer.Option([], "--ambiguous", help="A form that is also an ordinary word; repeatable."),
    keep_english: bool = typer.Option(False, "--keep-english", help="The term stays in Latin script."),
    note: str = typer.Option(None, "--note", help="Remark for translators."),
    status: str = typer.Option("proposed", "--status", help="approved, proposed or deprecated."),
    source: str = typer.Option(None, "--source", help="Where the rendering was checked."),
) -> int:
    """Add an entry at the end of the glossary (comments, order and formatting kept)."""
    from pydantic import ValidationError

    from qa.errors import QaInputError
    from qa.glossary.editing import add_entry, parse_forbidden
    from qa.glossary.schema import Entry

    try:
        entry = Entry(
            en=en, abbr=abbr, en_variants=en_variants, ja=ja, variants=variants, forbidden=parse_forbidden(forbidden),
            ambiguous=ambiguous, keep_english=keep_english, note=note, status=status, source=source,
        )  # fmt: skip
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        raise QaInputError(f"{'.'.join(map(str, error['loc'])) or 'entry'}: {error['msg'].removeprefix('Value error, ')}") from None
    typer.echo(f"{file}: {add_entry(file, entry)}")
    return 0


@glossary_app.command("remove")
def remove(
    file: Path = typer.Argument(..., help="Glossary YAML to edit in place."),
    en: str = typer.Argument(..., help="English term of the entry to remove."),
) -> int:
    """Remove an entry (the comments around it stay)."""
    from qa.glossary.editing import remove_entry

    typer.echo(f"{file}: {remove_entry(file, en)}")
    return 0


@glossary_app.command("set")
def set_(
    file: Path = typer.Argument(..., help="Glossary YAML to edit in place."),
    en: str = typer.Argument(..., help="English term of the entry."),
    field: str = typer.Argument(..., help="Field: abbr, en_variants, ja, variants, forbidden, ambiguous, keep_english, note, status, source, en."),
    values: list[str] = typer.Argument(None, help="New value(s); forbidden as TERM=REASON; none removes an optional field."),
    append: bool = typer.Option(False, "--append", help="Add the values to a list field instead of replacing it."),
) -> int:
    """Change one field of an entry; only that field's lines change."""
    from qa.glossary.editing import set_field

    typer.echo(f"{file}: {set_field(file, en, field, values or [], append=append)}")
    return 0


@glossary_app.command("export")
def export(
    files: list[Path] = typer.Argument(None, help="Glossary YAML files, layered (default: glossaries/ml-ja.yaml)."),
    to: str = typer.Option(..., "--to", help="csv, tbx, prh or json."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of stdout."),
) -> int:
    """Convert a glossary for spreadsheets (csv), CAT tools (tbx), textlint (prh) or programs (json)."""
    from qa.glossary.formats import get_format
    from qa.glossary.schema import GlossaryDocument

    exporter = get_format(to)
    loaded = _load(_glossary_paths(files or []))
    document = GlossaryDocument.model_construct(name=loaded.name, source_lang="en", target_lang="ja", entries=loaded.entries)
    _emit(exporter.export(document), output)
    return 0


@glossary_app.command("import")
def import_(
    source: Path = typer.Argument(..., help="File to import."),
    from_: str = typer.Option(..., "--from", help="csv or prh."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the glossary YAML here (atomically) instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
) -> int:
    """Read a CSV table or a prh.yml into a glossary YAML file."""
    from qa.glossary.editing import render_document
    from qa.glossary.formats import get_format
    from qa.glossary.yamlio import read_text

    document = get_format(from_, for_import=True).parse(read_text(source), str(source))
    _emit(render_document(document), output, force)
    if output:
        print(f"qa: {len(document.entries)} entries written to {output}", file=sys.stderr)
    return 0


def _emit(text: str, output: Path | None, force: bool = True) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from qa.writes import atomic_write_text

    atomic_write_text(output, text, force=force)
