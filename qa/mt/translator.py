"""Sentence translation with CTranslate2 over an installed Argos package.

A run translates all its sentences in one call: duplicates are dropped, cached sentences
come from the cache, and the rest go to CTranslate2 in a single `translate_batch`, which
sorts them by length and splits them into batches. Sentences are split by the project's
segmentation beforehand (argos' own splitter downloads a model at first use). Tokenization
is the package's own; decoding follows argos' defaults (beam 4, length penalty 0.2, unknown
tokens replaced by the aligned source token).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from pydantic import BaseModel

from qa.errors import QaInputError
from qa.mt.cache import TranslationCache
from qa.mt.packages import InstalledPackage, argos_package_module, require_package

DEFAULT_BEAM_SIZE = 4
DEFAULT_BATCH_SIZE = 32  # sentences per CTranslate2 batch
DEFAULT_MAX_LENGTH = 256  # output tokens; CTranslate2's default, a guard against runaway repetition
LENGTH_PENALTY = 0.2
PROGRESS_MIN = 50  # a progress bar only for runs with at least this many sentences to translate


class Translation(BaseModel):
    source: str
    text: str
    score: float  # length-normalised log-probability of the best beam hypothesis (0 for empty input)
    cached: bool = False


class RunStats(BaseModel):
    """What the last `translate` call did: how many sentences it was given, how many were
    distinct, how many of those came from the cache and how many went to the model."""

    sentences: int = 0
    unique: int = 0
    cached: int = 0
    translated: int = 0

    @property
    def hit_rate(self) -> float:
        return self.cached / self.unique if self.unique else 0.0


class Translator:
    """Translates with one package. The model loads at the first sentence missing from the cache."""

    def __init__(
        self,
        package: InstalledPackage,
        beam_size: int = DEFAULT_BEAM_SIZE,
        threads: int = 0,
        batch_size: int = DEFAULT_BATCH_SIZE,
        cache: TranslationCache | None = None,
        max_length: int = DEFAULT_MAX_LENGTH,
    ) -> None:
        if min(beam_size, batch_size, max_length) < 1 or threads < 0:
            raise QaInputError("beam size, batch size and maximum length must be at least 1, threads at least 0 (0: CTranslate2 default)")
        self.package = package
        self.beam_size = beam_size
        self.threads = threads
        self.batch_size = batch_size
        self.max_length = max_length
        self.cache = cache
        self.stats = RunStats()
        self._engine = None  # (ctranslate2.Translator, tokenizer, target prefix), loaded on demand

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_engine": None}  # the loaded model stays in its process

    @property
    def model_key(self) -> str:
        """The package and the decoding settings that change a translation: the cache key's model part."""
        return f"{self.package.key} beam={self.beam_size} max={self.max_length}"

    def translate(self, sentences: Sequence[str], progress: bool = False) -> list[Translation]:
        """One Translation per sentence, in order; progress shows a bar on a terminal for long runs."""
        unique = list(dict.fromkeys(s for s in sentences if s.strip()))
        known = self.cache.get_many(self.model_key, unique) if self.cache else {}
        missing = [s for s in unique if s not in known]
        fresh = self._translate_uncached(missing, progress) if missing else {}
        if self.cache and fresh:
            self.cache.put_many(self.model_key, [(s, text, score) for s, (text, score) in fresh.items()])
        self.stats = RunStats(sentences=len(sentences), unique=len(unique), cached=len(unique) - len(missing), translated=len(missing))
        return [_translation(s, known, fresh) for s in sentences]

    def _translate_uncached(self, texts: list[str], progress: bool) -> dict[str, tuple[str, float]]:
        model, tokenizer, prefix = self._load()
        tokens = [tokenizer.encode(text) for text in texts]
        pending = model.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            max_batch_size=self.batch_size,
            batch_type="examples",
            beam_size=self.beam_size,
            length_penalty=LENGTH_PENALTY,
            max_decoding_length=self.max_length,
            replace_unknowns=True,
            return_scores=True,
            asynchronous=True,
        )
        translated: dict[str, tuple[str, float]] = {}
        with progress_bar(len(texts) if progress else 0, f"translating with {self.package.name}") as advance:
            for text, result in zip(texts, pending):
                best = result.result()
                translated[text] = (_detokenize(tokenizer, best.hypotheses[0], prefix), float(best.scores[0]))
                advance()
        return translated

    def _load(self):
        if self._engine is None:
            import ctranslate2

            package = argos_package_module().Package(self.package.path)
            if getattr(package, "tokenizer", None) is None:
                raise QaInputError(f"{self.package.path}: no tokenizer (sentencepiece.model or bpe.model)")
            try:
                model = ctranslate2.Translator(str(self.package.path / "model"), device="cpu", inter_threads=1, intra_threads=self.threads)
            except (RuntimeError, ValueError) as exc:
                raise QaInputError(f"{self.package.path}: cannot load the model ({exc})") from None
            self._engine = (model, package.tokenizer, package.target_prefix)
        return self._engine


def open_translator(
    src: str,
    tgt: str,
    beam_size: int = DEFAULT_BEAM_SIZE,
    threads: int = 0,
    batch_size: int = DEFAULT_BATCH_SIZE,
    use_cache: bool = True,
) -> Translator:
    """A translator over the installed src → tgt package, with the persistent cache unless bypassed."""
    package = require_package(src, tgt)
    return Translator(package, beam_size, threads, batch_size, TranslationCache() if use_cache else None)


def translate(sentences: Sequence[str], src: str, tgt: str, **options) -> list[Translation]:
    """Translate sentences from src to tgt with the installed package (options: see open_translator)."""
    return open_translator(src, tgt, **options).translate(sentences)


def _translation(source: str, known: dict, fresh: dict) -> Translation:
    if source in fresh:
        text, score = fresh[source]
        return Translation(source=source, text=text, score=score)
    if source in known:
        text, score = known[source]
        return Translation(source=source, text=text, score=score, cached=True)
    return Translation(source=source, text="", score=0.0)


def _detokenize(tokenizer, tokens: list[str], prefix: str) -> str:
    text = tokenizer.decode(tokens)
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    return text.strip()


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[], None]]:
    """Yields a function to call once per item; draws a rich bar only on a terminal and for long runs."""
    if total < PROGRESS_MIN or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
