"""Machine translation speed: one batched call vs a per-sentence loop over the same package and
sentences, in one run, and what the translation cache saves on a second run.

    .venv/bin/python benchmarks/mt.py [--limit N] [--size small|tiny|base] [--beam-size N] [--threads N]
    .venv/bin/python benchmarks/mt.py --installed      # the ja→en model installed for the user

Sentences: the first N distinct sentences of samples/digests (default 96), translated ja→en.
By default a package with random weights is built and installed in a temporary folder (HOME,
XDG_* and ARGOS_PACKAGES_DIR point there): offline, and nothing is left behind. It has the
shape of the published argos ja↔en models (`base`: 6 layers, 512 wide, int8 weights); `small`
(3 layers, 256 wide) and `tiny` (the tests' package) fit in the CPU cache, where batching
gains little. Random weights never choose to stop, so every output is decoded to exactly
--output-tokens tokens (default 24, a typical English sentence): the work per sentence is
that of a real translation of that length.

Reported: sentences per second batched and looped (the target is a speed-up of at least 3x),
how many translations differ between the two (int8 arithmetic depends a little on the batch),
and the cache hit rate and time of a second run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

NEVER_STOP = -30.0  # end-of-sentence bias of the random package: outputs run to the length cap


def sample_sentences(limit: int) -> list[str]:
    from qa.pipeline import parse_paths

    parsed = parse_paths([ROOT / "samples" / "digests"])
    texts = [s.text for _, d in parsed for p in d.all_papers() for section in p.sections for s in section.sentences]
    return list(dict.fromkeys(texts))[:limit]


def random_package(work: Path, size: str):
    """Build a random ja→en package and install it in work (environment set before argos loads)."""
    import mt_package

    os.environ.update(mt_package.mt_environment(work))
    from qa.mt.packages import install_file

    size_spec = getattr(mt_package, size.upper())
    archive = mt_package.build_package(work, "ja", "en", size=size_spec, eos_bias=NEVER_STOP, quantization="int8")
    package, _ = install_file(archive)
    return package


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def run(args: argparse.Namespace, work: Path) -> None:
    from qa.mt.cache import TranslationCache
    from qa.mt.packages import require_package
    from qa.mt.translator import DEFAULT_MAX_LENGTH, Translator

    package = require_package("ja", "en") if args.installed else random_package(work, args.size)
    max_length = DEFAULT_MAX_LENGTH if args.installed else args.output_tokens
    settings = {"beam_size": args.beam_size, "threads": args.threads, "max_length": max_length}
    sentences = sample_sentences(args.limit)
    translator = Translator(package, **settings)
    translator.translate(sentences[:1])  # load the model outside the timings
    batched_time, batched = timed(lambda: translator.translate(sentences))
    looped_time, looped = timed(lambda: [t for s in sentences for t in translator.translate([s])])
    differing = sum(b.text != s.text for b, s in zip(batched, looped))

    cache = TranslationCache(work / "bench-cache.sqlite3")
    first_time, _ = timed(lambda: Translator(package, cache=cache, **settings).translate(sentences))
    second = Translator(package, cache=cache, **settings)
    second_time, _ = timed(lambda: second.translate(sentences))

    n = len(sentences)
    origin = "installed" if args.installed else f"random weights, {args.size}, {args.output_tokens} output tokens"
    print(f"package: {package.key} ({origin}); beam {args.beam_size}, threads {args.threads or 'default'}")
    print(f"sentences: {n} distinct, from samples/digests")
    print(f"batched:  {batched_time:7.2f} s  {n / batched_time:8.1f} sentences/s")
    print(f"loop:     {looped_time:7.2f} s  {n / looped_time:8.1f} sentences/s")
    print(f"speed-up: {looped_time / batched_time:.1f}x (target >= 3x); translations that differ: {differing} of {n}")
    print(f"cache:    first run {first_time:.2f} s, second run {second_time:.3f} s, hit rate {second.stats.hit_rate:.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=96, help="translate the first N distinct sentences (default 96)")
    parser.add_argument("--size", choices=("base", "small", "tiny"), default="base", help="shape of the random package")
    parser.add_argument("--output-tokens", type=int, default=24, help="tokens decoded per sentence by the random package")
    parser.add_argument("--beam-size", type=int, default=4)
    parser.add_argument("--threads", type=int, default=0, help="CPU threads (0: CTranslate2's default)")
    parser.add_argument("--installed", action="store_true", help="use the installed ja→en package instead of a random one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="qa-mt-bench-") as work:
        run(args, Path(work))


if __name__ == "__main__":
    main()
