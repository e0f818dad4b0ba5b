"""Error injection: how many injected translation errors `qa check` catches, per error type,
and how many errors it raises on the untouched translations.

The texts are the hand-aligned translated abstracts of the samples (tests/data/gold): each
Japanese translation with its English abstract becomes a bilingual JSONL record, checked
through the real pipeline (parse → segment → detect → align → check). One error is injected
per variant, at every place where that kind of error can be made:

  number    a number of the Japanese changed (55.11% → 56.11%)
  name      a model/dataset name (not a glossary term) that both sides share deleted from the Japanese
  sentence  a Japanese sentence deleted
  english   a Japanese sentence replaced by its English source
  term      an approved glossary rendering replaced by a forbidden one, and every forbidden
            rendering of the glossary written into a translation once
  negation  a negated Japanese predicate made positive, or a positive one negated

    .venv/bin/python benchmarks/inject.py [--glossary glossaries/ml-ja.yaml]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.anchors import NUMERIC_KINDS, extract_anchors  # noqa: E402
from qa.checking import check_parsed  # noqa: E402
from qa.checks.entities import is_proper_name  # noqa: E402
from qa.config import Config  # noqa: E402
from qa.glossary import load_glossary  # noqa: E402
from qa.pipeline import parse_source  # noqa: E402
from qa.source import SourceText  # noqa: E402

EXPECTED_RULES = {
    "number": ("numbers.mismatch", "numbers.added", "numbers.missing"),
    "name": ("entities.missing", "align.omission"),
    "sentence": ("align.omission",),
    "english": ("lang.untranslated", "lang.wrong_section"),
    "term": ("terms.forbidden", "terms.keep_english"),
    "negation": ("mistranslation.negation",),
}
POSITIVE_TO_NEGATIVE = [("します。", "しません。"), ("ます。", "ません。"), ("する。", "しない。"), ("できる。", "できない。")]
NEGATIVE_TO_POSITIVE = [("できませんでした。", "できました。"), ("ません。", "ます。"), ("しない。", "する。"), ("ない。", "る。")]


@dataclass
class Variant:
    kind: str
    paper: str
    en: str
    ja: str
    note: str


def gold_papers() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests/data/gold").glob("*.json"))]


def variants(paper: dict, glossary) -> list[Variant]:
    en_text = " ".join(paper["en"])
    ja = paper["ja"]
    found: list[Variant] = []

    def with_sentence(i: int, new: str, kind: str, note: str) -> None:
        found.append(Variant(kind, paper["id"], en_text, "".join(ja[:i] + [new] + ja[i + 1 :]), note))

    en_of = _english_for_each_japanese(paper)
    for i, sentence in enumerate(ja):
        numbers = [a for a in extract_anchors(sentence) if a.kind in NUMERIC_KINDS and re.search(r"\d", a.surface)]
        if numbers:
            a = numbers[0]
            changed = _bump_first_digit(a.surface)
            with_sentence(i, sentence[: a.start] + changed + sentence[a.end :], "number", f"{a.surface} → {changed}")
        en_names = {x.value for x in extract_anchors(en_of[i]) if x.kind == "latin" and is_proper_name(x.surface)}
        # Glossary terms (LLMs, MoE) are rendered in Japanese when their acronym is dropped.
        names = [
            x for x in extract_anchors(sentence)
            if x.kind == "latin" and x.value in en_names and not glossary.match_en(x.surface)
        ]
        if names:
            name = names[0]
            dropped = re.sub(re.escape(name.surface) + r"[のとは]?", "", sentence)
            with_sentence(i, dropped, "name", f"dropped {name.surface}")
        if len(ja) > 2 and en_of[i]:
            found.append(Variant("sentence", paper["id"], en_text, "".join(ja[:i] + ja[i + 1 :]), f"deleted sentence {i}"))
            with_sentence(i, en_of[i], "english", f"sentence {i} left in English")
        term = _forbidden_swap(sentence, glossary)
        if term:
            with_sentence(i, term[0], "term", term[1])
        flipped = _flip_negation(sentence)
        if flipped:
            with_sentence(i, flipped, "negation", "polarity flipped")
    return found


def _english_for_each_japanese(paper: dict) -> list[str]:
    english = [""] * len(paper["ja"])
    for en_ids, ja_ids in paper["links"]:
        if len(ja_ids) == 1:  # only sentences that carry a whole English sentence on their own
            english[ja_ids[0]] = " ".join(paper["en"][i] for i in en_ids)
    return english


def _bump_first_digit(surface: str) -> str:
    m = re.search(r"\d", surface)
    digit = str((int(m.group()) + 1) % 10) if m.group() != "9" else "8"
    return surface[: m.start()] + digit + surface[m.end() :]


def _forbidden_swap(sentence: str, glossary) -> tuple[str, str] | None:
    for match in glossary.match_ja(sentence):
        entry = glossary.entry(match.entry)
        if match.kind in ("approved", "variant") and entry.forbidden:
            bad = entry.forbidden[0].term
            return sentence[: match.start] + bad + sentence[match.end :], f"{match.surface} → {bad}"
    return None


def forbidden_insertions(papers: list[dict], glossary) -> list[Variant]:
    """Every forbidden rendering of the glossary, once, written into a translation in place of the
    first sentence's topic: the six texts use few glossary terms that have forbidden forms, so
    swapping alone would measure one site."""
    found = []
    bad_terms = [(entry.en, bad.term) for entry in glossary.entries for bad in entry.forbidden]
    for n, (concept, bad) in enumerate(bad_terms):
        paper = papers[n % len(papers)]
        ja = list(paper["ja"])
        ja[0] = f"本研究は{bad}を用いる。" + ja[0]
        found.append(Variant("term", paper["id"], " ".join(paper["en"]), "".join(ja), f"{bad} (forbidden for {concept}) inserted"))
    return found


def _flip_negation(sentence: str) -> str | None:
    for old, new in NEGATIVE_TO_POSITIVE + POSITIVE_TO_NEGATIVE:
        if sentence.endswith(old):
            return sentence[: -len(old)] + new
    return None


def check_records(records: list[dict], glossary) -> list:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    src = SourceText("inject.jsonl", text)
    parsed = [(src, parse_source(src))]
    return check_parsed(parsed, Config(), glossary=glossary).findings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--glossary", default=str(ROOT / "glossaries/ml-ja.yaml"))
    parser.add_argument("--verbose", action="store_true", help="list the injected errors that were missed")
    args = parser.parse_args()
    glossary = load_glossary([args.glossary])
    papers = gold_papers()
    start = time.perf_counter()

    clean = [{"id": p["id"], "abstract_en": " ".join(p["en"]), "abstract_ja": "".join(p["ja"])} for p in papers]
    clean_findings = check_records(clean, glossary)
    errors = [f for f in clean_findings if f.severity.value == "error"]

    all_variants = [v for p in papers for v in variants(p, glossary)] + forbidden_insertions(papers, glossary)
    records = [{"id": f"{v.paper}-{k}", "abstract_en": v.en, "abstract_ja": v.ja} for k, v in enumerate(all_variants)]
    findings = check_records(records, glossary)
    by_paper: dict[str, set[str]] = {}
    for f in findings:
        by_paper.setdefault(f.paper, set()).add(f.rule)

    print(f"{'error type':<10} {'injected':>8} {'caught':>7} {'recall':>7}")
    for kind, rules in EXPECTED_RULES.items():
        mine = [(k, v) for k, v in enumerate(all_variants) if v.kind == kind]
        caught = [v for k, v in mine if by_paper.get(f"{v.paper}-{k}", set()) & set(rules)]
        recall = len(caught) / len(mine) if mine else float("nan")
        print(f"{kind:<10} {len(mine):>8} {len(caught):>7} {recall:>7.2f}")
        for k, v in mine:
            if v not in caught and args.verbose:
                print(f"    missed: {v.paper} {v.note}")
    print(f"\nuntouched translations: {len(clean)} papers, {len(clean_findings)} findings, {len(errors)} of severity error")
    for f in errors:
        print(f"  {f.paper} {f.rule}: {f.message}")
    print(f"({len(all_variants)} variants checked in {time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
