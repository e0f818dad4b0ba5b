"""Speed of the glossary engine: loading and compiling glossaries/ml-ja.yaml, checking all the
samples with the terms.* rules, mining them, and matching long texts with a large glossary.

In-process times are medians of several runs after the samples are parsed (parsing belongs to
the parse stage and is measured by benchmarks/parse.py); each run starts from a freshly loaded
glossary, so the match cache is cold. The wall time of the two commands, in fresh processes with
start-up and parsing included, is printed too.

    .venv/bin/python benchmarks/glossary.py [--runs 5]

Exits 1 when checking or mining all samples (glossary loading and compiling included) takes
1 s or more.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossaries" / "ml-ja.yaml"
SCRIPT = Path(sys.executable).parent / "qa"
QA = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "qa"]
TARGET = 1.0  # seconds: check or mine all samples, glossary load and compile included


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load():
    from qa.glossary import load_glossary

    return load_glossary([GLOSSARY])


def compiled():
    import re

    re.purge()  # the re module caches compiled patterns: a fresh process would compile again
    glossary = load()
    glossary.matcher  # noqa: B018  (compiles the regular expressions)
    return glossary


def check(parsed) -> int:
    from qa.checks import run_checks

    return len(run_checks(parsed, glossary=compiled(), select=["terms"]))


def mine(parsed) -> int:
    from qa.glossary.mining import mine_pairs

    return len(mine_pairs(parsed, compiled()))


def large_glossary():
    """Every entry of the curated glossary five times over, each copy with its own English term
    and renderings (a suffix the samples never contain): about 940 concepts, 5× the forms."""
    from qa.glossary.glossary import Glossary
    from qa.glossary.schema import Entry

    base = load().entries
    copies = [base]
    for n in range(1, 5):
        suffix = "ⅠⅡⅢⅣ"[n - 1]
        copies.append(
            [
                Entry(
                    en=f"{e.en} {'ivxl'[n - 1] * 3}",
                    ja=[f"{j}{suffix}" for j in e.ja],
                    variants=[f"{v}{suffix}" for v in e.variants],
                    forbidden=[{"term": f"{f.term}{suffix}", "reason": f.reason} for f in e.forbidden],
                    keep_english=False,
                    status=e.status,
                )
                for e in base
            ]
        )
    return Glossary([e for copy in copies for e in copy])


def long_texts(parsed, times: int) -> list[str]:
    from qa.glossary.corpus import japanese_sentences

    sentences = [p.sentence.text for _, digest in parsed for p in japanese_sentences(digest)]
    return sentences * times


def command_seconds(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run([*QA, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from qa.pipeline import parse_paths

    start = time.perf_counter()
    parsed = parse_paths([ROOT / "samples" / "digests"])
    parse_time = time.perf_counter() - start
    characters = sum(len(src.text) for src, _ in parsed)
    print(f"samples: {len(parsed)} files, {characters:,} characters (parsed in {parse_time:.2f} s, not counted below)")

    rows = [
        ("load glossaries/ml-ja.yaml (YAML + validation)", median_seconds(load, runs)),
        ("load + compile the matcher", median_seconds(compiled, runs)),
        (f"check all samples, terms.* ({check(parsed)} findings)", median_seconds(lambda: check(parsed), runs)),
        (f"mine all samples ({mine(parsed)} pairs)", median_seconds(lambda: mine(parsed), runs)),
    ]
    big = large_glossary()
    texts = long_texts(parsed, 10)
    start = time.perf_counter()
    big.matcher  # noqa: B018
    rows.append((f"compile a {len(big.entries)}-concept glossary", time.perf_counter() - start))
    start = time.perf_counter()
    found = sum(len(big.matcher.match_ja(text)) for text in texts)
    rows.append((f"match_ja on {sum(map(len, texts)):,} characters with it ({found:,} matches)", time.perf_counter() - start))

    width = max(len(label) for label, _ in rows)
    for label, seconds in rows:
        print(f"  {label:<{width}}  {seconds:6.3f} s")
    for args in (["glossary", "check", "samples/digests"], ["glossary", "mine", "samples/digests"]):
        print(f"  qa {' '.join(args):<{width - 3}}  {command_seconds(args, runs):6.3f} s  (fresh process, start-up and parsing included)")

    slow = [label for label, seconds in rows[2:4] if seconds >= TARGET]
    for label in slow:
        print(f"target missed: {label} takes {TARGET} s or more", file=sys.stderr)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
