"""`qa models`, `qa translate` and `qa score`: machine translation (the optional MT extra)."""

from __future__ import annotations

from pathlib import Path

import typer

from qa.cli.output import print_json, print_notices

LANGS = ("ja", "en")

models_app = typer.Typer(
    help="Install, list and remove Argos Translate models (ja→en for `qa check --mt`, en→ja for drafts).",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(models_app, name="models")
    app.command("translate")(translate)
    app.command("score")(score)


@models_app.command("list")
def models_list(json_output: bool = typer.Option(False, "--json", help="Print the packages as JSON.")) -> int:
    """Show where models live and which one serves each language pair."""
    from qa.mt.packages import installed_packages, package_for, packages_dir

    root = packages_dir()
    packages = installed_packages()
    used = {(p.from_code, p.to_code): package_for(p.from_code, p.to_code) for p in packages}
    if json_output:
        print_json({
            "packages_dir": str(root),
            "packages": [{**p.model_dump(mode="json"), "used": used[(p.from_code, p.to_code)] == p} for p in packages],
        })
        return 0
    typer.echo(f"models in {root} (set ARGOS_PACKAGES_DIR to use another folder)")
    if not packages:
        typer.echo("  none: qa models install --from-index ja en, or qa models install FILE.argosmodel")
    for package in packages:
        mark = "*" if used[(package.from_code, package.to_code)] == package else " "
        typer.echo(f"{mark} {package.from_code}→{package.to_code}  {package.name} {package.version}  {package.path}")
    if packages:
        typer.echo("(* the model used for its language pair)")
    return 0


@models_app.command("install")
def models_install(
    archive: Path = typer.Argument(None, help="A downloaded .argosmodel file."),
    from_index: tuple[str, str] | None = typer.Option(None, "--from-index", help="Download from the Argos index: SRC TGT (needs network)."),
) -> int:
    """Install a model from a file, or download one from the Argos package index."""
    from qa.errors import QaInputError
    from qa.mt.packages import install_file, install_from_index

    if (archive is None) == (from_index is None):
        raise QaInputError("give either a FILE.argosmodel or --from-index SRC TGT")
    if from_index is not None:
        _check_pair(*from_index)
        package, replaced = install_from_index(*from_index)
    else:
        package, replaced = install_file(archive)
    for old in replaced:
        if old.path != package.path:
            typer.echo(f"replaced {old.name} {old.version}")
    typer.echo(f"installed {package.name} {package.version} ({package.from_code}→{package.to_code}) in {package.path}")
    return 0


@models_app.command("remove")
def models_remove(
    source: str = typer.Argument(..., help="Source language: ja or en."),
    target: str = typer.Argument(..., help="Target language: ja or en."),
) -> int:
    """Remove the installed model(s) of a language pair."""
    from qa.mt.packages import remove

    _check_pair(source, target)
    for package in remove(source, target):
        typer.echo(f"removed {package.name} {package.version} from {package.path}")
    return 0


def translate(
    paths: list[Path] = typer.Argument(None, help="Digest files or directories (any digest format)."),
    to: str = typer.Option(..., "--to", help="Target language: ja (draft Japanese) or en."),
    output: Path = typer.Option(..., "--output", "-o", help="Output file: .jsonl (bilingual JSONL) or .md (Markdown)."),
    abstracts: list[Path] = typer.Option([], "--abstracts", "-a", help="English abstracts (JSONL, Atom…) to draft from; repeatable."),
    glossary: list[Path] = typer.Option([], "--glossary", "-g", help="Glossary YAML whose approved renderings the draft must use; repeatable."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Translate again instead of reusing cached translations."),
    beam_size: int = typer.Option(4, "--beam-size", min=1, help="Beam size (1: greedy, fastest)."),
    threads: int = typer.Option(0, "--threads", min=0, help="CPU threads for the model (0: CTranslate2's default)."),
) -> int:
    """Draft what papers lack in the target language, keeping glossary terms and placeables intact."""
    from qa.errors import QaInputError
    from qa.mt.drafts import draft_papers, dropped_notices, paper_texts, write_drafts
    from qa.mt.translator import open_translator

    if to not in LANGS:
        raise QaInputError(f"--to must be ja or en, not {to!r}")
    if not paths and not abstracts:
        raise QaInputError("give digest PATHs, --abstracts files, or both")
    if output.suffix.lower() not in (".jsonl", ".md", ".markdown"):
        raise QaInputError(f"{output}: the output is .jsonl (bilingual JSONL) or .md (Markdown)")
    parsed, records, terms = _inputs(paths or [], abstracts, glossary)
    papers, notices = paper_texts(parsed, records)
    translator = open_translator("en" if to == "ja" else "ja", to, beam_size, threads, use_cache=not no_cache)
    drafts = draft_papers(papers, translator, to, terms, progress=True)
    write_drafts(drafts, output, translator.package.key)
    notices += dropped_notices(drafts)
    print_notices(notices)
    stats = translator.stats
    drafted = sum(len(d.drafted) for d in drafts)
    dropped = sum(len(d.dropped) for d in drafts)
    typer.echo(
        f"{output}: {len(drafts)} papers, {drafted} fields drafted by {translator.package.key} "
        f"({stats.unique} distinct sentences, {stats.cached} from the cache); {dropped} protected terms dropped"
    )
    return 0


def score(
    hypothesis: Path = typer.Argument(..., help="Translation to score, one segment per line."),
    reference: Path = typer.Argument(..., help="Reference translation, line by line with HYP."),
    lang: str = typer.Option(None, "--lang", help="Language of the texts: ja or en (default: ja when the reference has kana)."),
    sentences: bool = typer.Option(False, "--sentences", help="Also score every line."),
    json_output: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> int:
    """Corpus BLEU (MeCab tokens for Japanese) and chrF of a translation, with sacrebleu signatures."""
    from qa.mt.scoring import score_files

    report = score_files(hypothesis, reference, lang, sentences)
    if json_output:
        print_json(report.model_dump(mode="json"))
        return 0
    for metric in report.corpus:
        typer.echo(f"{metric.detail}")
        typer.echo(f"  signature: {metric.signature}")
    for line in report.sentences:
        typer.echo(f"line {line.line}: BLEU {line.bleu:.2f}  chrF2 {line.chrf:.2f}")
    return 0


def _inputs(paths: list[Path], abstracts: list[Path], glossaries: list[Path]):
    from qa.pipeline import parse_paths

    parsed = parse_paths(paths) if paths else []
    print_notices([src.notice for src, _ in parsed if src.notice])
    records = []
    if abstracts:
        from qa.abstracts import load_records

        records = list(load_records(abstracts))
    terms = None
    if glossaries:
        from qa.glossary import load_glossary

        terms = load_glossary(glossaries)
    return parsed, records, terms


def _check_pair(source: str, target: str) -> None:
    from qa.errors import QaInputError

    if source not in LANGS or target not in LANGS or source == target:
        raise QaInputError(f"the language pair is ja en or en ja, not {source} {target}")
