"""`qa check` (the pre-publication check) and `qa rules`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from qa.cli.output import print_notices

FAIL_LEVELS = ("error", "warning", "info", "never")


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("rules")(rules)


def check(
    paths: list[Path] = typer.Argument(..., help="Digest files or directories."),
    abstracts: list[Path] = typer.Option([], "--abstracts", "-a", help="English abstracts (JSONL, Atom, Kaggle snapshot); repeatable."),
    glossary: list[Path] = typer.Option([], "--glossary", "-g", help="Glossary YAML; repeatable, later files override earlier."),
    report_format: str = typer.Option("text", "--format", help="text, json, sarif, junit or github."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the report to a file (atomically) instead of stdout."),
    fail_on: str = typer.Option(None, "--fail-on", help="Exit 1 when a finding is at or above: error (default), warning, info, never."),
    select: list[str] = typer.Option([], "--select", help="Only these rule ids or families; repeatable."),
    ignore: list[str] = typer.Option([], "--ignore", help="Skip these rule ids or families; repeatable."),
    config_path: Path = typer.Option(None, "--config", help="Config file (default: qa.toml or pyproject.toml [tool.qa])."),
    baseline: Path = typer.Option(None, "--baseline", help="Hide findings recorded in this baseline file."),
    write_baseline: Path = typer.Option(None, "--write-baseline", help="Record the current findings as the baseline and exit 0."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Check files in this many processes (less than 1 MB of input is checked in one)."),
    mt: bool = typer.Option(False, "--mt", help="Back-translate Japanese sentences with an installed MT model (mt.* rules)."),
    show_info: bool = typer.Option(False, "--show-info", help="List info findings in the text report too (other formats always include them)."),
) -> int:
    """Check digests before publication: languages, numbers, names, alignment, terms, style, structure."""
    from qa.checks import load_rules
    from qa.config import load_config
    from qa.errors import QaInputError
    from qa.parallel import start_check
    from qa.report import Summary, get_reporter
    from qa.report.base import StreamingReporter

    config = load_config(config_path)
    fail_level = fail_on or config.fail_on
    if fail_level not in FAIL_LEVELS:
        raise QaInputError(f"--fail-on must be one of {', '.join(FAIL_LEVELS)}, not {fail_level!r}")
    reporter = get_reporter(report_format)
    extra = _mt_options() if mt else None
    run = start_check(paths, [str(a) for a in abstracts], [str(g) for g in glossary], config, select, ignore, extra, jobs)
    if write_baseline:
        from qa.baseline import write_baseline as save_baseline

        findings = list(run.findings())
        print_notices(run.notices)
        save_baseline(write_baseline, findings)
        print(f"qa: baseline of {len(findings)} findings written to {write_baseline}", file=sys.stderr)
        return 0
    summary = Summary(files=run.files, papers=0)
    findings = map(summary.count, _unrecorded(run.findings(), baseline or config.baseline))
    if output and isinstance(reporter, StreamingReporter):
        # A large batch is written finding by finding, into the temp file of an atomic write.
        from qa.writes import atomic_writer

        with atomic_writer(output) as out:
            reporter.stream(findings, lambda: _with_papers(summary, run), out)
        print_notices(run.notices)
        return _exit_code(summary, fail_level)
    findings = list(findings)
    print_notices(run.notices)
    _with_papers(summary, run)
    color = output is None and report_format == "text" and sys.stdout.isatty()
    shown = findings
    if report_format == "text" and not show_info:
        # Info findings (summary sentences citing the full paper) would bury the ones to fix.
        shown = [f for f in findings if f.severity.value != "info"]
        if summary.info:
            print(f"qa: {summary.info} info findings not listed (use --show-info)", file=sys.stderr)
    text = reporter.render(shown, summary, load_rules(), color=color)
    if output:
        from qa.writes import atomic_write_text

        atomic_write_text(output, text)
    else:
        sys.stdout.write(text)
    return _exit_code(summary, fail_level)


def _unrecorded(findings, baseline_path):
    if not baseline_path:
        return findings
    from qa.baseline import read_baseline, unrecorded

    return unrecorded(findings, read_baseline(baseline_path))


def _with_papers(summary, run):
    """The summary once the run's findings have all been read: its papers are counted then."""
    summary.papers = run.papers
    return summary


def _exit_code(summary, fail_level: str) -> int:
    if fail_level == "never":
        return 0
    from qa.findings import Severity

    threshold = Severity(fail_level).rank
    return 1 if any(getattr(summary, s.value) for s in Severity if s.rank >= threshold) else 0


def _mt_options() -> dict:
    from qa.mt.check import mt_check_options

    options, notices = mt_check_options()
    print_notices(notices)
    return options


def rules(rule_id: str = typer.Argument(None, help="Explain one rule.")) -> int:
    """List the rules, or explain one."""
    from qa.checks import load_rules
    from qa.errors import QaInputError

    registry = load_rules()
    if rule_id:
        if rule_id not in registry:
            raise QaInputError(f"unknown rule {rule_id!r} (see `qa rules`)")
        rule = registry[rule_id]
        typer.echo(f"{rule.id} ({rule.severity.value})\n  {rule.description}\n  example: {rule.example}")
        if rule.needs:
            typer.echo(f"  needs: {', '.join(rule.needs)}")
        return 0
    width = max(len(r) for r in registry)
    for rid in sorted(registry):
        rule = registry[rid]
        typer.echo(f"{rid:<{width}}  {rule.severity.value:<7}  {rule.description}")
    return 0
