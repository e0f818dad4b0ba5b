"""Speed of `qa check`: wall time on the samples (with abstracts and glossary, start-up included),
and throughput on a synthetic bilingual JSONL of many papers with --jobs.

    .venv/bin/python benchmarks/check.py [--papers 10000] [--jobs 2] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QA = [sys.executable, "-m", "qa"]


def wall(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(QA + args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic_jsonl(path: Path, papers: int) -> None:
    """Papers built from the samples' real abstracts and the daily digest's real translations."""
    gold = sorted((ROOT / "tests/data/gold").glob("*.json"))
    pairs = []
    for g in gold:
        data = json.loads(g.read_text(encoding="utf-8"))
        pairs.append((" ".join(data["en"]), "".join(data["ja"])))
    with path.open("w", encoding="utf-8") as out:
        for n in range(papers):
            en, ja = pairs[n % len(pairs)]
            record = {"id": f"2501.{n:05d}", "title": f"Paper {n}", "abstract_en": en, "abstract_ja": ja}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3, help="batch runs per size; the median is reported")
    args = parser.parse_args()
    samples = ["check", "samples/digests", "--abstracts", "samples/abstracts.jsonl", "--glossary", "glossaries/ml-ja.yaml", "--fail-on", "never"]
    print(f"qa check samples (abstracts + glossary), median of 5: {wall(samples):.3f} s")
    # Memory is flat when the peak of a batch five times smaller is the same.
    for papers in (args.papers // 5, args.papers):
        print(batch_figures(papers, args.jobs, args.runs))


def batch_figures(papers: int, jobs: int, runs: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "batch.jsonl"
        synthetic_jsonl(big, papers)
        size_mb = os.path.getsize(big) / 1e6
        command = QA + ["check", str(big), "--jobs", str(jobs), "--fail-on", "never", "--format", "json", "-o", str(Path(tmp) / "r.json")]
        results = sorted(batch_run(command) for _ in range(runs))
    # The median run's times (this machine's speed drifts from run to run more than the code's
    # does) and the highest peak.
    seconds, _, cpu = results[runs // 2]
    peak = max(result[1] for result in results)
    return (
        f"synthetic JSONL: {papers} papers, {size_mb:.1f} MB, --jobs {jobs}, median of {runs}: {seconds:.1f} s, "
        f"{size_mb / seconds:.2f} MB/s ({size_mb / seconds / jobs:.2f} MB/s per core), highest peak RSS {peak:.0f} MB, "
        f"CPU {cpu:.1f} s ({cpu / papers * 1e3:.2f} ms per paper)"
    )


def batch_run(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS in MB of qa and its workers, and their CPU seconds: on a shared
    machine CPU time moves far less than wall time."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"qa check failed on the synthetic batch ({status})")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
