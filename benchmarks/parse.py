"""Speed of the foundation: wall time of `qa parse samples/digests --json` and of `qa --help`
(each a fresh process, start-up included; median of several runs after one warm-up run), then
where the time of one in-process parse goes, stage by stage and file by file.

The CPU time (user + system) of the same runs is printed too: on a busy machine wall time
grows with the load, CPU time much less, so it tells a slow program from a slow machine.

    .venv/bin/python benchmarks/parse.py [--runs 9]

Exits 1 when a median misses its target, so it can guard a CI job.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "qa"
QA = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "qa"]
TARGETS = {  # command line → target in seconds
    ("parse", "samples/digests", "--json"): 0.5,
    ("--help",): 0.25,
}


def run_times(args: tuple[str, ...], runs: int) -> tuple[list[float], list[float]]:
    """(wall seconds, CPU seconds) of each run; the first, untimed run fills the OS file cache."""
    walls, cpus = [], []
    for _ in range(runs + 1):
        before, start = os.times(), time.perf_counter()
        subprocess.run([*QA, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(after.children_user - before.children_user + after.children_system - before.children_system)
    return walls[1:], cpus[1:]


def stage_times() -> list[tuple[str, dict[str, float]]]:
    """Seconds per stage for each sample, in this process (imports not counted)."""
    from qa.formats import detect_format
    from qa.langid import detect_languages
    from qa.segment import segment_digest
    from qa.source import expand_inputs, read_source

    rows = []
    for path in expand_inputs([ROOT / "samples" / "digests"]):
        marks = [time.perf_counter()]
        src = read_source(path)
        marks.append(time.perf_counter())
        digest = detect_format(src)().parse(src)
        marks.append(time.perf_counter())
        segment_digest(src, digest)
        marks.append(time.perf_counter())
        detect_languages(digest)
        marks.append(time.perf_counter())
        stages = dict(zip(("read", "parse", "segment", "detect"), (b - a for a, b in zip(marks, marks[1:]))))
        rows.append((path.name, stages))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command (after one warm-up run)")
    options = parser.parse_args()

    missed = 0
    print(f"median of {options.runs} runs ({' '.join(QA)}; load average {os.getloadavg()[0]:.2f}):")
    for args, target in TARGETS.items():
        walls, cpus = run_times(args, options.runs)
        median = statistics.median(walls)
        verdict = "ok" if median < target else "MISSED"
        missed += median >= target
        print(f"  qa {' '.join(args):<28} wall {median:.3f} s (min {min(walls):.3f}, max {max(walls):.3f}), "
              f"CPU {statistics.median(cpus):.3f} s; target < {target} s: {verdict}")

    print("in-process stages, seconds (a warm run, imports excluded):")
    stage_times()  # warm: lazy imports (markdown-it) and compiled patterns
    for name, stages in stage_times():
        cells = "  ".join(f"{stage} {seconds:.3f}" for stage, seconds in stages.items())
        print(f"  {name:<30} {cells}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
