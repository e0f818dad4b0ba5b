"""Stage 7 (check): run the registered rules over parsed digests and their alignments."""

from __future__ import annotations

from qa.checks.base import FAMILIES, RULES, CheckContext, Rule, load_rules, run_rules
from qa.errors import QaInputError
from qa.config import Config, RuleConfig
from qa.findings import Finding
from qa.suppress import apply_suppressions

__all__ = ["CheckContext", "Rule", "RULES", "load_rules", "run_checks", "selected_rules"]


def selected_rules(select: list[str] = (), ignore: list[str] = (), config: Config | None = None) -> list[type[Rule]]:
    """Rules after --select/--ignore (ids or families) and the config's enabled flags."""
    config = config or Config()
    registry = load_rules()
    # A misspelt rule id would silently select nothing and let CI pass.
    _require_known([*select, *ignore, *config.select, *config.ignore, *config.rules], registry)
    select = list(select) or config.select
    ignore = [*ignore, *config.ignore]
    chosen = []
    for rule_id, rule in sorted(registry.items()):
        if select and not _matches(rule_id, select):
            continue
        if _matches(rule_id, ignore) or not config.rules.get(rule_id, RuleConfig()).enabled:
            continue
        chosen.append(rule)
    return chosen


def run_checks(
    parsed: list,
    alignments: list | None = None,
    glossary=None,
    abstracts=None,
    config: Config | None = None,
    select: list[str] = (),
    ignore: list[str] = (),
    extra_options: dict | None = None,
) -> list[Finding]:
    """All findings for the parsed digests, severities as configured, inline suppressions applied."""
    config = config or Config()
    options = {rule_id: rc.thresholds() for rule_id, rc in config.rules.items()}
    options.update(extra_options or {})
    context = CheckContext(parsed=parsed, alignments=alignments or [], glossary=glossary, abstracts=abstracts, options=options)
    findings = list(run_rules(selected_rules(select, ignore, config), context))
    for finding in findings:
        override = config.rules.get(finding.rule)
        if override and override.severity:
            finding.severity = override.severity
    texts = {digest.path: src.text for src, digest in parsed}
    return sorted(_dedupe(apply_suppressions(findings, texts)), key=Finding.sort_key)


def _require_known(names: list[str], registry: dict) -> None:
    known = set(registry) | set(FAMILIES)
    for name in names:
        if name not in known:
            raise QaInputError(f"unknown rule or family {name!r} (see `qa rules`)")


def _matches(rule_id: str, patterns: list[str]) -> bool:
    return any(rule_id == p or rule_id.startswith(p + ".") for p in patterns)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    unique = []
    for f in findings:
        key = (f.rule, f.file, f.line, f.column, f.message)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
