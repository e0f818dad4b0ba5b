"""Builds a tiny but real Argos Translate package offline, for the MT tests and the benchmark,
and the fixtures that install it in temporary folders.

The package has everything a published one has: a SentencePiece BPE model trained on
sentences of the samples, a CTranslate2 Transformer with small random float32 weights, and
metadata.json, zipped with its folder at the zip root as `*.argosmodel`. Its translations
are meaningless but deterministic, which is what the tests need: the code path is the one a
real model takes. No torch, no network: numpy, sentencepiece and ctranslate2 only. The
benchmark builds larger ones (`SMALL`, `BASE`) the same way.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
VOCAB_SIZE = 800
TRAINING_LINES = 300  # per language
# Random decoders never pick </s> on their own; this bias on its logit ends outputs after a
# few tokens (at most about 30), so translations stay short, deterministic and fast.
EOS_BIAS = 2.0
SEED = 20250302


class ModelSize(NamedTuple):
    layers: int
    heads: int
    model_dim: int
    ffn_dim: int


TINY = ModelSize(layers=2, heads=2, model_dim=32, ffn_dim=64)  # the tests: a ~600 KB package
SMALL = ModelSize(layers=3, heads=4, model_dim=256, ffn_dim=1024)
BASE = ModelSize(layers=6, heads=8, model_dim=512, ffn_dim=2048)  # the shape of the published ja↔en models (benchmark)


def training_sentences() -> list[str]:
    """English abstract sentences and Japanese digest sentences of the samples."""
    from qa.segment import split_sentences

    english: list[str] = []
    for line in (ROOT / "samples" / "abstracts.jsonl").read_text(encoding="utf-8").splitlines():
        abstract = json.loads(line)["abstract"]
        english += [abstract[s:e] for s, e in split_sentences(abstract)]
    japanese: list[str] = []
    for path in sorted((ROOT / "samples" / "digests").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        japanese += [text[s:e] for s, e in split_sentences(text) if _has_kana(text[s:e])]
    return english[:TRAINING_LINES] + japanese[:TRAINING_LINES]


def _has_kana(text: str) -> bool:
    return any("\u3041" <= ch <= "\u30ff" for ch in text)


def train_sentencepiece(path: Path) -> list[str]:
    """Train the BPE model into path; returns its pieces in id order (the model's vocabulary)."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(training_sentences()),
        model_writer=model,
        vocab_size=VOCAB_SIZE,
        model_type="bpe",
        character_coverage=0.98,
        minloglevel=2,
    )
    path.write_bytes(model.getvalue())
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def transformer_spec(vocabulary: list[str], size: ModelSize, eos_bias: float):
    """A CTranslate2 Transformer of the given size with seeded random weights over vocabulary."""
    import numpy as np
    from ctranslate2.specs import TransformerSpec

    rng = np.random.default_rng(SEED)

    def matrix(rows: int, cols: int):
        return (rng.standard_normal((rows, cols)) / np.sqrt(cols)).astype(np.float32)

    dim, ffn_dim = size.model_dim, size.ffn_dim

    def norm(spec) -> None:
        spec.gamma = np.ones(dim, dtype=np.float32)
        spec.beta = np.zeros(dim, dtype=np.float32)

    def feed_forward(ffn) -> None:
        norm(ffn.layer_norm)
        ffn.linear_0.weight = matrix(ffn_dim, dim)
        ffn.linear_1.weight = matrix(dim, ffn_dim)

    def self_attention(attention) -> None:
        norm(attention.layer_norm)
        attention.linear[0].weight = matrix(3 * dim, dim)
        attention.linear[1].weight = matrix(dim, dim)

    spec = TransformerSpec.from_config(size.layers, size.heads)
    words = len(vocabulary)
    spec.encoder.embeddings[0].weight = matrix(words, dim)
    norm(spec.encoder.layer_norm)
    for layer in spec.encoder.layer:
        self_attention(layer.self_attention)
        feed_forward(layer.ffn)
    spec.decoder.embeddings.weight = matrix(words, dim)
    norm(spec.decoder.layer_norm)
    for layer in spec.decoder.layer:
        self_attention(layer.self_attention)
        norm(layer.attention.layer_norm)
        layer.attention.linear[0].weight = matrix(dim, dim)
        layer.attention.linear[1].weight = matrix(2 * dim, dim)
        layer.attention.linear[2].weight = matrix(dim, dim)
        feed_forward(layer.ffn)
    spec.decoder.projection.weight = matrix(words, dim)
    bias = np.zeros(words, dtype=np.float32)
    bias[vocabulary.index("</s>")] = eos_bias
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def write_model(directory: Path, vocabulary: list[str], size: ModelSize, eos_bias: float, quantization: str | None) -> None:
    from ctranslate2.converters import Converter

    class RandomWeights(Converter):
        def _load(self):
            return transformer_spec(vocabulary, size, eos_bias)

    RandomWeights().convert(str(directory), quantization=quantization, force=True)


def build_package(
    out_dir: Path,
    from_code: str = "ja",
    to_code: str = "en",
    version: str = "0.1",
    size: ModelSize = TINY,
    eos_bias: float = EOS_BIAS,
    quantization: str | None = None,
) -> Path:
    """Build `translate-{from}_{to}-{version}.argosmodel` in out_dir and return its path.

    quantization is CTranslate2's (None keeps float32; the published argos models are int8)."""
    names = {"ja": "Japanese", "en": "English"}
    stem = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    work = out_dir / f"{stem}-build" / stem
    work.mkdir(parents=True, exist_ok=True)
    vocabulary = train_sentencepiece(work / "sentencepiece.model")
    write_model(work / "model", vocabulary, size, eos_bias, quantization)
    metadata = {
        "package_version": version,
        "argos_version": "1.11",
        "from_code": from_code,
        "from_name": names[from_code],
        "to_code": to_code,
        "to_name": names[to_code],
        "type": "translate",
    }
    (work / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    archive = out_dir / f"{stem}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(work.rglob("*")):
            zf.write(path, path.relative_to(work.parent).as_posix())
    return archive


# --- pytest fixtures shared by the tests/test_mt_*.py modules (each imports them) -----------

MT_INSTALLED = all(importlib.util.find_spec(name) is not None for name in ("argostranslate", "ctranslate2", "sentencepiece"))
requires_mt = pytest.mark.skipif(not MT_INSTALLED, reason="the MT extra is not installed: pip install 'digest-qa[mt]'")
# A loopback port where nothing listens: an index download fails at once, and never leaves the machine.
OFFLINE_INDEX = "http://127.0.0.1:9/"


def mt_environment(root: Path) -> dict[str, str]:
    """Environment that keeps argostranslate, the MT cache and HOME inside root."""
    env = {
        "HOME": root / "home",
        "XDG_DATA_HOME": root / "data",
        "XDG_CONFIG_HOME": root / "config",
        "XDG_CACHE_HOME": root / "cache",
        "ARGOS_PACKAGES_DIR": root / "packages",
    }
    for path in env.values():
        path.mkdir(parents=True, exist_ok=True)
    return {**{k: str(v) for k, v in env.items()}, "ARGOS_PACKAGE_INDEX": OFFLINE_INDEX}


def run_qa_in(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """`qa` in a subprocess with env on top of this process's environment."""
    qa = ROOT / ".venv" / "bin" / "qa"
    command = [str(qa)] if qa.exists() else [sys.executable, "-m", "qa"]
    return subprocess.run([*command, *args], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def mt_archives(tmp_path_factory) -> dict[str, Path]:
    """The tiny ja→en and en→ja packages, built once per test session."""
    if not MT_INSTALLED:
        pytest.skip("the MT extra is not installed: pip install 'digest-qa[mt]'")
    out = tmp_path_factory.getbasetemp() / "mt-archives"
    if not out.exists():
        building = tmp_path_factory.mktemp("mt-building")
        for src, tgt in (("ja", "en"), ("en", "ja")):
            build_package(building, src, tgt)
        os.replace(building, out)
    return {pair: out / f"translate-{pair}-0_1.argosmodel" for pair in ("ja_en", "en_ja")}


@pytest.fixture(scope="session")
def mt_env(mt_archives, tmp_path_factory) -> dict[str, str]:
    """This process and `qa` subprocesses see tmp dirs only, both packages installed with `qa models install`."""
    root = tmp_path_factory.getbasetemp() / "mt-home"
    env = mt_environment(root)
    if not any((root / "packages").iterdir()):
        for archive in mt_archives.values():
            result = run_qa_in(env, "models", "install", str(archive))
            assert result.returncode == 0, result.stderr
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        if "argostranslate.settings" in sys.modules:  # imported earlier: re-read the environment
            importlib.reload(sys.modules["argostranslate.settings"])
        yield env
