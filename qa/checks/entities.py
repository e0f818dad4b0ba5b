"""`entities` rules: names of the English sentence (models, datasets, benchmarks, metrics, ids,
URLs, LaTeX) missing from its Japanese pair, or written differently there."""

from __future__ import annotations

import re
from collections import Counter

from qa.anchors import extract_anchors, fold_width
from qa.checks.base import CheckContext, Rule
from qa.checks.pairs import AlignedPair, translation_pairs
from qa.findings import Severity

NAME_KINDS = ("latin", "url", "latex")
ACRONYM_PLURAL_S = re.compile(r"(?<=[A-Z0-9])s$")


def _names(text: str) -> list:
    return [a for a in extract_anchors(text) if a.kind in NAME_KINDS]


def is_proper_name(surface: str) -> bool:
    """Names a translation must carry over: acronyms, model and dataset names (VLMs, LongRoPE2,
    GPT-4o, rStar), not a capitalised common word of an expanded term (Medical, Visual, System)."""
    if any(ch.isdigit() for ch in surface):
        return True
    uppers = sum(ch.isupper() for ch in surface)
    return uppers >= 2 or (uppers == 1 and not surface[0].isupper())


def _surface_key(surface: str) -> str:
    """Surface form up to width and an acronym plural (LLMs/LLM are the same name)."""
    return ACRONYM_PLURAL_S.sub("", fold_width(surface))


def _name_counts(context: CheckContext, text: str) -> Counter:
    """How often each name occurs in a whole abstract or translation, counted once per run."""
    return context.memo(("name counts", text), lambda: Counter(a.value for a in _names(text)))


def _glossary_rendered(context: CheckContext, anchor, pair: AlignedPair) -> bool:
    """An English term the glossary translates (RL → 強化学習) is rendered, not dropped."""
    glossary = context.glossary
    if glossary is None:
        return False
    concepts = {m.entry for m in glossary.match_en(anchor.surface)}
    return bool(concepts & {m.entry for m in glossary.match_ja(pair.ja_all)})


class EntityMissing(Rule):
    id = "entities.missing"
    severity = Severity.WARNING
    description = "A model, dataset, benchmark, URL or formula of the English sentence is absent from its Japanese translation."
    example = "EN: Experiments on Llama-3 and Qwen-2.5 / JA: Llama-3を用いた実験 → 'Qwen-2.5' missing"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            ja_here = {a.value for a in _names(pair.ja)}
            missing: list[str] = []
            for anchor in _names(pair.en):
                if anchor.value in ja_here or anchor.surface in missing:
                    continue
                if anchor.kind == "latin" and not is_proper_name(anchor.surface):
                    continue
                # Absent here and used less often in the whole translation than in the English:
                # dropped, not merely moved to a neighbouring sentence.
                moved = _name_counts(context, pair.ja_all)[anchor.value] >= _name_counts(context, pair.en_all)[anchor.value]
                if moved or _glossary_rendered(context, anchor, pair):
                    continue
                missing.append(anchor.surface)
            if missing:
                names = ", ".join(f"'{m}'" for m in missing)
                verb = "is" if len(missing) == 1 else "are"
                yield pair.finding(self, context, f"{names} of the English {verb} missing from the Japanese")


class EntityVariant(Rule):
    id = "entities.variant"
    severity = Severity.WARNING
    description = "A name written differently in the Japanese than in the English (case or hyphenation: LLaMA3-8B vs Llama-3-8B)."
    example = "EN: LLaMA3-8B / JA: Llama-3-8B → the name is spelled differently"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            en_surfaces: dict[str, set[str]] = {}
            for anchor in _names(pair.en):
                en_surfaces.setdefault(anchor.value, set()).add(_surface_key(anchor.surface))
            for anchor in _names(pair.ja):
                spellings = en_surfaces.get(anchor.value)
                if spellings and _surface_key(anchor.surface) not in spellings:
                    message = f"'{anchor.surface}' is written '{sorted(spellings)[0]}' in the English"
                    yield pair.finding(self, context, message, anchor.start, anchor.end)
