"""Scoring a translation against a reference with sacrebleu: corpus BLEU and chrF, with their
signatures, and optionally per-sentence scores.

Japanese BLEU is computed on MeCab tokens (`ja-mecab`, from `sacrebleu[ja]`: mecab-python3
and ipadic); English on the standard `13a` tokens. chrF needs no tokenizer. Each metric is
one object for the whole run: a sacrebleu BLEU object with ja-mecab builds a MeCab tagger, and
building one per sentence is slow and leaks memory.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from qa.errors import QaInputError

BLEU_TOKENIZER = {"ja": "ja-mecab", "en": "13a"}


class MetricScore(BaseModel):
    name: str  # BLEU or chrF2
    score: float
    detail: str  # sacrebleu's one-line summary (precisions, brevity penalty…)
    signature: str


class SentenceScore(BaseModel):
    line: int  # 1-based line in the hypothesis and reference files
    bleu: float
    chrf: float


class ScoreReport(BaseModel):
    lang: str
    segments: int
    corpus: list[MetricScore]
    sentences: list[SentenceScore] = Field(default_factory=list)


class SentenceChrf:
    """Sentence-level chrF with one metric object, for the back-translation check."""

    def __init__(self) -> None:
        from sacrebleu.metrics import CHRF

        self._metric = CHRF()

    def __call__(self, hypothesis: str, reference: str) -> float:
        return self._metric.sentence_score(hypothesis, [reference]).score


def score_files(hypothesis: Path, reference: Path, lang: str | None = None, sentences: bool = False) -> ScoreReport:
    """Score two files of one segment per line; lang defaults to ja when the reference has kana."""
    hyps, refs = read_segments(hypothesis), read_segments(reference)
    if len(hyps) != len(refs):
        raise QaInputError(f"{hypothesis} has {len(hyps)} lines but {reference} has {len(refs)}: one segment per line in both")
    return score_segments(hyps, refs, lang or guess_lang(refs), sentences)


def score_segments(hyps: list[str], refs: list[str], lang: str, sentences: bool = False) -> ScoreReport:
    from sacrebleu.metrics import BLEU, CHRF

    if lang not in BLEU_TOKENIZER:
        raise QaInputError(f"unknown language {lang!r}: ja or en")
    bleu = _bleu(BLEU, lang, effective_order=False)
    chrf = CHRF()
    corpus = [_metric("BLEU", bleu.corpus_score(hyps, [refs]), bleu), _metric("chrF2", chrf.corpus_score(hyps, [refs]), chrf)]
    report = ScoreReport(lang=lang, segments=len(hyps), corpus=corpus)
    if sentences:
        # Sentence BLEU needs effective order (short segments have no 4-grams): a second object, made once.
        sentence_bleu = _bleu(BLEU, lang, effective_order=True)
        report.sentences = [
            SentenceScore(
                line=i,
                bleu=round(sentence_bleu.sentence_score(h, [r]).score, 2),
                chrf=round(chrf.sentence_score(h, [r]).score, 2),
            )
            for i, (h, r) in enumerate(zip(hyps, refs), start=1)
        ]
    return report


def read_segments(path: Path) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise QaInputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise QaInputError(f"{path}: not UTF-8 text") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise QaInputError(f"{path}: file is empty")
    return [line.rstrip("\r") for line in lines]


def guess_lang(segments: list[str]) -> str:
    return "ja" if any("\u3041" <= ch <= "\u30ff" for s in segments for ch in s) else "en"


def _bleu(bleu_class, lang: str, effective_order: bool):
    try:
        return bleu_class(tokenize=BLEU_TOKENIZER[lang], effective_order=effective_order)
    except (ImportError, RuntimeError) as exc:
        raise QaInputError(f"Japanese BLEU needs MeCab: pip install 'sacrebleu[ja]' ({exc})") from None


def _metric(name: str, result, metric) -> MetricScore:
    return MetricScore(name=name, score=round(result.score, 2), detail=str(result), signature=str(metric.get_signature()))
