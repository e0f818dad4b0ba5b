"""prh.yml, so textlint users (textlint-rule-prh) enforce the same glossary.

Each forbidden rendering becomes a rule from it to the preferred rendering, with the reason as
the rule's `prh` message; the variants of an entry become one rule to the preferred rendering
(ambiguous ones are left out: 微調整 also means an ordinary fine adjustment). A katakana
pattern is guarded so that it does not fire inside a longer katakana word (ローラ in コントローラ).

prh rules carry no English, so `meta` (which prh ignores) keeps, per preferred rendering, the
fields the rules cannot hold; `import --from prh` reads both back.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from qa.errors import QaInputError
from qa.glossary.formats import GlossaryFormat
from qa.glossary.normalize import has_japanese, is_katakana_word
from qa.glossary.schema import ENTRY_FIELDS, Entry, GlossaryDocument

META_KEY = "digest-qa"
KATAKANA_GUARD = ("(?<![ァ-ヺー])", "(?![ァ-ヺー])")
GUARDED = re.compile(r"^/\(\?<!\[ァ-ヺー\]\)(.*)\(\?!\[ァ-ヺー\]\)/[a-z]*$")
META_FIELDS = [f for f in ENTRY_FIELDS if f != "forbidden"]


class Prh(GlossaryFormat):
    name = "prh"
    description = "prh.yml rules for textlint-rule-prh (forbidden and variant renderings → preferred)"
    suffix = ".yml"
    can_import = True

    def export(self, document: GlossaryDocument) -> str:
        from qa.glossary.yamlio import dump_yaml

        rules: list[dict] = []
        concepts: list[dict] = []
        for entry in document.entries:
            data = entry.data()
            concepts.append({"expected": entry.preferred, **{k: data[k] for k in META_FIELDS if k in data}})
            for forbidden in entry.forbidden:
                rules.append({"expected": entry.preferred, "pattern": _pattern(forbidden.term), "prh": forbidden.reason})
            variants = [v for v in entry.variants if v not in entry.ambiguous]
            if variants:
                rules.append(
                    {"expected": entry.preferred, "patterns": [_pattern(v) for v in variants], "prh": f"{entry.en}: 推奨表記は{entry.preferred}"}
                )
        meta = {META_KEY: {"name": document.name, "source_lang": document.source_lang, "target_lang": document.target_lang, "concepts": concepts}}
        return dump_yaml({"version": 1, "meta": meta, "rules": rules})

    def parse(self, text: str, path: str) -> GlossaryDocument:
        from qa.glossary.yamlio import parse_yaml

        data = parse_yaml(text, path)
        if not isinstance(data, dict) or not isinstance(data.get("rules", []), list):
            raise QaInputError(f"{path}:1: not a prh file (no `rules:` list)")
        meta = ((data.get("meta") or {}).get(META_KEY)) or {}
        concepts: dict[str, dict[str, Any]] = {}
        for concept in meta.get("concepts") or []:
            fields = {k: concept[k] for k in META_FIELDS if k in concept}
            concepts[str(concept["expected"])] = {**fields, "forbidden": []}
        for index, rule in enumerate(data.get("rules") or []):
            line = data["rules"].lc.item(index)[0] + 1
            _read_rule(rule, concepts, f"{path}:{line}")
        entries = []
        for expected, fields in concepts.items():
            try:
                entries.append(Entry.model_validate(_plain(fields)))
            except ValidationError as exc:
                raise QaInputError(f"{path}: rule for {expected}: {exc.errors(include_url=False)[0]['msg']}") from None
        return GlossaryDocument(name=str(meta.get("name") or "prh"), entries=entries)


def _pattern(term: str) -> str:
    if is_katakana_word(term):
        return f"/{KATAKANA_GUARD[0]}{re.escape(term)}{KATAKANA_GUARD[1]}/"
    return term


def _unpattern(pattern: str) -> str:
    guarded = GUARDED.match(pattern)
    return re.sub(r"\\(.)", r"\1", guarded.group(1)) if guarded else pattern


def _read_rule(rule: Any, concepts: dict[str, dict], where: str) -> None:
    """Add one prh rule's patterns to its concept: variants the concept lists stay variants,
    every other pattern is a forbidden rendering with the rule's message as its reason."""
    if isinstance(rule, str):
        return  # a bare expected string only normalises case/width; nothing to import
    expected = str(rule.get("expected") or "")
    patterns = rule.get("pattern", rule.get("patterns"))
    patterns = [patterns] if isinstance(patterns, str) else list(patterns or [])
    if expected not in concepts:
        if has_japanese(expected):
            raise QaInputError(
                f"{where}: rule for {expected} has no English term: rules with a Japanese `expected` can only "
                "be imported from files written by `qa glossary export --to prh`, which keep it in meta"
            )
        concepts[expected] = {"en": expected, "ja": [expected], "keep_english": True, "status": "proposed", "forbidden": []}
    concept = concepts[expected]
    for pattern in patterns:
        term = _unpattern(str(pattern))
        if term in concept.get("variants", []) or term in concept["ja"]:
            continue
        concept["forbidden"].append({"term": term, "reason": str(rule.get("prh") or "prh rule")})


def _plain(value: Any) -> Any:
    from qa.glossary.yamlio import plain

    return plain(value)
