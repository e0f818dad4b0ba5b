"""Speed of `qa export` on all the samples (4 digests, 43 papers) in every format.

    .venv/bin/python benchmarks/export.py [--repeat 5] [--cli]

Reports the median of --repeat runs, wall and CPU seconds (the CLI runs: wall only):
- gather: parse, attach abstracts and align (without and with the checks and the glossary);
- each format: render and atomic write from the gathered input (findings and glossary in);
- with --cli, each format end to end through the command, start-up included.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.export import FORMATS  # noqa: E402
from qa.export.base import export  # noqa: E402
from qa.export.inputs import gather_input  # noqa: E402

SAMPLES = [ROOT / "samples" / "digests"]
ABSTRACTS = [ROOT / "samples" / "abstracts.jsonl"]
GLOSSARY = [ROOT / "glossaries" / "ml-ja.yaml"]


def median_seconds(job, repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of job: on a busy machine the CPU time is the steadier figure."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        job()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cli", action="store_true", help="also time the command end to end")
    args = parser.parse_args()

    gather_input(SAMPLES, ABSTRACTS)  # warm the imports and the lazily built matchers once
    plain = median_seconds(lambda: gather_input(SAMPLES, ABSTRACTS), args.repeat)
    checked = median_seconds(lambda: gather_input(SAMPLES, ABSTRACTS, GLOSSARY, with_findings=True), args.repeat)
    data = gather_input(SAMPLES, ABSTRACTS, GLOSSARY, with_findings=True)
    papers = sum(len(d.all_papers()) for _, d in data.parsed)
    print(f"input: {len(data.parsed)} digests, {papers} papers, {len(data.alignments)} alignments, {len(data.findings)} findings")
    print(f"{'':44}{'wall':>8}{'cpu':>8}")
    print(f"{'gather (parse + abstracts + align)':44}{plain[0]:8.3f}{plain[1]:8.3f}")
    print(f"{'gather with checks and glossary':44}{checked[0]:8.3f}{checked[1]:8.3f}")

    total = [0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for name in FORMATS:
            out = Path(tmp) / f"samples.{name}"
            wall, cpu = median_seconds(lambda name=name, out=out: export(data, name, out, force=True), args.repeat)
            total = [total[0] + wall, total[1] + cpu]
            label = f"render + write {name} ({out.stat().st_size / 1024:.0f} KiB)"
            print(f"{label:44}{wall:8.3f}{cpu:8.3f}")
        print(f"{'all six formats from one input':44}{total[0]:8.3f}{total[1]:8.3f}")
        if args.cli:
            for name in FORMATS:
                out = Path(tmp) / f"cli.{name}"
                command = [
                    sys.executable, "-m", "qa", "export", *map(str, SAMPLES), "--abstracts", *map(str, ABSTRACTS),
                    "--glossary", *map(str, GLOSSARY), "--with-findings", "--to", name, "-o", str(out), "--force",
                ]
                wall, _ = median_seconds(lambda command=command: subprocess.run(command, check=True, capture_output=True), args.repeat)
                print(f"{'qa export --with-findings --to ' + name:44}{wall:8.3f}")


if __name__ == "__main__":
    main()
