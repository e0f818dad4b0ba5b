"""Sentence alignment against the hand gold (tests/data/gold), beside a length-only
Gale–Church baseline, with strict and lax precision/recall/F1 (Vecalign's convention) and speed.

    .venv/bin/python benchmarks/align.py [--repeat N]

Sets reported:
- gold: the gold English and Japanese sentences, aligned as given.
- end to end: `qa align` on the sample digests with samples/abstracts.jsonl (matching, the
  project's segmentation, alignment), scored on the gold papers.
- perturbed (also with glossaries/ml-ja.yaml as extra evidence): every gold document with one
  Japanese sentence deleted (→ 1-0 or a smaller bead),
  one English sentence deleted (→ 0-1), or a Japanese sentence of another gold paper inserted
  (→ 0-1), at every position; the gold links are rewritten to match. Clean translations are
  easy for length alone; this set shows what the lexical evidence adds.
- two deleted: every gold document with two of its Japanese sentences deleted that each carry
  a whole English sentence, with the glossary: how many of the English sentences come out as
  1-0 links (an omission found), and how many 1-0 or 0-1 links appear that the gold lacks.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.align.evaluate import Scores, as_beads, score_alignments  # noqa: E402
from qa.align.features import _katakana_run_keys, _word_keys  # noqa: E402
from qa.align.sentences import align_by_length, align_sentences  # noqa: E402
from qa.anchors import _anchors_of, latin_value  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"


def load_gold() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def perturbed(golds: list[dict]) -> list[tuple[list[str], list[str], list]]:
    cases = []
    for number, gold in enumerate(golds):
        foreign = golds[(number + 1) % len(golds)]["ja"]
        cases += [_delete(gold, "ja", k) for k in range(len(gold["ja"]))]
        cases += [_delete(gold, "en", k) for k in range(len(gold["en"]))]
        cases += [_insert_ja(gold, k, foreign[k % len(foreign)]) for k in range(len(gold["ja"]) + 1)]
    return cases


def _delete(gold: dict, side: str, k: int):
    position = 0 if side == "en" else 1
    sentences = gold[side][:k] + gold[side][k + 1 :]
    links = []
    for link in gold["links"]:
        kept = [i if i < k else i - 1 for i in link[position] if i != k]
        links.append([kept, link[1]] if position == 0 else [link[0], kept])
    en, ja = (sentences, gold["ja"]) if side == "en" else (gold["en"], sentences)
    return en, ja, links


def _insert_ja(gold: dict, k: int, sentence: str):
    ja = gold["ja"][:k] + [sentence] + gold["ja"][k:]
    links, placed = [], False
    for en, jas in gold["links"]:
        if not placed and jas and jas[0] >= k:
            links.append([[], [k]])
            placed = True
        links.append([en, [j if j < k else j + 1 for j in jas]])
    if not placed:
        links.append([[], [k]])
    return gold["en"], ja, links


def two_deleted(golds: list[dict]) -> list[tuple[list[str], list[str], list]]:
    cases = []
    for gold in golds:
        whole = [jas[0] for _, jas in gold["links"] if len(jas) == 1]
        for first, second in combinations(whole, 2):
            en, ja, links = _delete(gold, "ja", second)
            cases.append(_delete({"en": en, "ja": ja, "links": links}, "ja", first))
    return cases


def omissions(cases, aligner) -> tuple[int, int, int]:
    """(English sentences left out by the case and found as 1-0 links, how many were left out,
    1-0 and 0-1 links the gold lacks)."""
    found = expected = spurious = 0
    for en, ja, links in cases:
        gold_nulls = {(tuple(e), tuple(j)) for e, j in links if not (e and j)}
        test_nulls = {(tuple(link.en), tuple(link.ja)) for link in aligner(en, ja) if not (link.en and link.ja)}
        left_out = {n for n in gold_nulls if not n[1]}
        found, expected = found + len(left_out & test_nulls), expected + len(left_out)
        spurious += len(test_nulls - gold_nulls)
    return found, expected, spurious


def evaluate(cases, aligner) -> Scores:
    gold = [as_beads(links) for _, _, links in cases]
    test = [as_beads(aligner(en, ja)) for en, ja, _ in cases]
    return score_alignments(gold, test)


def end_to_end(golds: list[dict]) -> Scores:
    from qa.abstracts import load_records
    from qa.align import align_digests
    from qa.pipeline import parse_paths

    index = load_records([ROOT / "samples" / "abstracts.jsonl"])
    files = sorted({ROOT / g["file"] for g in golds})
    aligned = {a.id: a for a in align_digests(parse_paths(files), index) if a.kind == "translation"}
    return score_alignments([as_beads(g["links"]) for g in golds], [as_beads(aligned[g["id"]].links) for g in golds])


def speed(golds: list[dict], repeat: int, rounds: int = 10) -> dict:
    """Cold runs: the word and anchor caches are emptied before every pass over the gold. Timed
    in CPU seconds of this process, and the fastest of `rounds` rounds of `repeat` passes is
    kept (as timeit does), so that other work on the machine does not blur the figure."""
    align_sentences(golds[0]["en"], golds[0]["ja"])  # load the morphological analyser once
    elapsed = min(_cold_passes(golds, repeat) for _ in range(rounds))
    documents = repeat * len(golds)
    return {
        "ms per abstract": 1000 * elapsed / documents,
        "links (aligned sentence pairs) per second": repeat * sum(len(g["links"]) for g in golds) / elapsed,
        "sentences (EN + JA) per second": repeat * sum(len(g["en"]) + len(g["ja"]) for g in golds) / elapsed,
        "candidate EN x JA sentence pairs scored per second": repeat * sum(len(g["en"]) * len(g["ja"]) for g in golds) / elapsed,
    }


def _cold_passes(golds: list[dict], repeat: int) -> float:
    elapsed = 0.0
    for _ in range(repeat):
        for cache in (_word_keys, _katakana_run_keys, _anchors_of, latin_value):
            cache.cache_clear()
        start = time.process_time()
        for gold in golds:
            align_sentences(gold["en"], gold["ja"])
        elapsed += time.process_time() - start
    return elapsed


def with_glossary():
    from functools import partial

    from qa.glossary import load_glossary

    return partial(align_sentences, glossary=load_glossary([ROOT / "glossaries" / "ml-ja.yaml"]))


def _row(name: str, scores: Scores) -> str:
    return (
        f"  {name:<22} strict P {scores.strict_precision:.3f} R {scores.strict_recall:.3f} F1 {scores.strict_f1:.3f}"
        f"   lax P {scores.lax_precision:.3f} R {scores.lax_recall:.3f} F1 {scores.lax_f1:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the gold in each of 10 rounds for the speed figure")
    args = parser.parse_args()
    golds = load_gold()
    gold_cases = [(g["en"], g["ja"], g["links"]) for g in golds]
    cases = perturbed(golds)
    print(f"gold: {len(golds)} abstracts, {sum(len(g['links']) for g in golds)} links")
    print(_row("qa align", evaluate(gold_cases, align_sentences)))
    print(_row("Gale-Church (length)", evaluate(gold_cases, align_by_length)))
    print("end to end (match + segment + align on the sample digests):")
    print(_row("qa align", end_to_end(golds)))
    print(f"perturbed: {len(cases)} documents (one sentence deleted or inserted)")
    print(_row("qa align", evaluate(cases, align_sentences)))
    print(_row("qa align + glossary", evaluate(cases, with_glossary())))
    print(_row("Gale-Church (length)", evaluate(cases, align_by_length)))
    pairs = two_deleted(golds)
    aligner = with_glossary()
    found, expected, spurious = omissions(pairs, aligner)
    print(f"two deleted: {len(pairs)} documents (two Japanese sentences deleted), with the glossary")
    print(_row("qa align + glossary", evaluate(pairs, aligner)))
    print(f"  omissions found as 1-0 links: {found}/{expected}; 1-0 or 0-1 links the gold lacks: {spurious}")
    print(f"speed (fastest of 10 rounds of {args.repeat} cold passes over the gold, CPU time of one process):")
    for name, value in speed(golds, args.repeat).items():
        print(f"  {name}: {value:,.1f}")


if __name__ == "__main__":
    main()
