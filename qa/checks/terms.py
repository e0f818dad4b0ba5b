"""Terminology rules: renderings checked against the glossary.

- terms.forbidden: a rendering the glossary forbids (監督付きファインチューニング for SFT).
- terms.inconsistent: one concept written two ways in one digest, reported where a variant is used.
- terms.keep_english: a term that stays in Latin script written in katakana (ローラ for LoRA).
- terms.missing: an English sentence uses a glossary term and its aligned Japanese has no rendering.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from qa.checks.base import CheckContext, Rule
from qa.findings import Finding, Severity

LINES_SHOWN = 5


def _forbidden_matches(context: CheckContext) -> list[tuple]:
    """(prose sentence, match, entry) of every forbidden form in Japanese prose, found once for
    the two rules that report them."""
    return context.memo("forbidden matches", lambda: list(_find_forbidden(context)))


def _find_forbidden(context: CheckContext) -> Iterator[tuple]:
    from qa.glossary.corpus import japanese_sentences

    for _, digest in context.parsed:
        for prose in japanese_sentences(digest):
            for match in context.glossary.match_ja(prose.sentence.text):
                if match.kind == "forbidden":
                    yield prose, match, context.glossary.entry(match.entry)


def _is_transliteration(match, entry) -> bool:
    from qa.glossary.normalize import is_katakana_word, normalize

    return entry.keep_english and is_katakana_word(normalize(match.surface).text)


class ForbiddenRendering(Rule):
    """Warning, not error: a forbidden rendering is wrong terminology that must be fixed before
    publication, but the sentence still says what the paper says (errors are kept for changed
    meaning: numbers, names, polarity)."""

    id = "terms.forbidden"
    severity = Severity.WARNING
    description = "A rendering the glossary forbids appears in Japanese text."
    example = (
        "監督付きファインチューニング（SFT）に依存する代わりに…\n"
        "→ terms.forbidden: 監督付きファインチューニング is a forbidden rendering of `supervised fine-tuning` "
        "(supervised の直訳。機械学習では「教師あり」が定訳); write 教師ありファインチューニング"
    )
    needs = ("glossary",)

    def check(self, context: CheckContext) -> Iterable[Finding]:
        for prose, match, entry in _forbidden_matches(context):
            if _is_transliteration(match, entry):
                continue  # terms.keep_english reports it
            reason = entry.reason(match.rendering)
            because = f" ({reason})" if reason else ""
            yield self.finding(
                f"{match.surface} is a forbidden rendering of `{entry.en}`{because}; write {entry.preferred}",
                context.sentence_span(prose.sentence, match.start, match.end),
                paper=prose.paper.id,
                en=entry.en,
                ja=match.surface,
            )


class KeepEnglish(Rule):
    id = "terms.keep_english"
    severity = Severity.WARNING
    description = "A term that stays in Latin script (GRPO, LoRA, RLHF) is transliterated into katakana."
    example = (
        "ローラで微調整したモデル…\n"
        "→ terms.keep_english: ローラ transliterates LoRA into katakana; `low-rank adaptation` stays in Latin script: write LoRA"
    )
    needs = ("glossary",)

    def check(self, context: CheckContext) -> Iterable[Finding]:
        for prose, match, entry in _forbidden_matches(context):
            if not _is_transliteration(match, entry):
                continue
            yield self.finding(
                f"{match.surface} transliterates {entry.abbr or entry.preferred} into katakana; "
                f"`{entry.en}` stays in Latin script: write {entry.preferred}",
                context.sentence_span(prose.sentence, match.start, match.end),
                paper=prose.paper.id,
                en=entry.en,
                ja=match.surface,
            )


class InconsistentRendering(Rule):
    """Reported at each use of a variant (or of another concept's term glossed with this one) when
    the same digest also writes the concept another way. Approved alternatives (several `ja`
    renderings) are interchangeable and never reported against each other; English forms left
    in Japanese prose are not renderings; spelling variants (パラメータ/パラメーター) are one rendering."""

    id = "terms.inconsistent"
    severity = Severity.WARNING
    description = "One concept is rendered two different ways in one digest."
    example = (
        "L43 テスト時におけるマルチモーダル混合専門家モデルの再ルーティング / L48 …専門家混合（MoE）に置き換える…\n"
        "→ L43 terms.inconsistent: `mixture-of-experts` is written 混合専門家 here, but 専門家混合 at line 48, 52 "
        "in this digest; the glossary prefers 専門家混合"
    )
    needs = ("glossary",)

    def check(self, context: CheckContext) -> Iterable[Finding]:
        for _, digest in context.parsed:
            yield from self._check_digest(context, digest)

    def _check_digest(self, context: CheckContext, digest) -> Iterator[Finding]:
        from qa.glossary.normalize import has_japanese
        from qa.glossary.usage import occurrences

        by_concept: dict[str, list] = defaultdict(list)
        for occurrence in occurrences(digest, context.glossary, _english_concepts(context, digest)):
            if occurrence.kind in ("approved", "variant", "glossed") and has_japanese(occurrence.display):
                by_concept[occurrence.concept].append(occurrence)
        for concept, found in by_concept.items():
            keys = [o.key for o in found]  # normalised anew at every access: once here
            if len(set(keys)) < 2:
                continue
            located = [(o, key, context.sentence_span(o.prose.sentence, o.match.start, o.match.end)) for o, key in zip(found, keys)]
            uses = _lines_by_display(located)
            for occurrence, key, loc in located:
                if occurrence.kind != "approved":
                    others = {display: lines for display, (other_key, lines) in uses.items() if other_key != key}
                    yield self._finding(context, concept, occurrence, loc, others)

    def _finding(self, context: CheckContext, concept: str, occurrence, loc, others: dict[str, list[int]]) -> Finding:
        elsewhere = ", ".join(f"{display} at {_lines(lines)}" for display, lines in others.items())
        entry = context.glossary.entry(concept)
        how = "glossed as" if occurrence.kind == "glossed" else "written"
        message = f"`{concept}` is {how} {occurrence.display} here, but {elsewhere} in this digest"
        if occurrence.kind == "glossed":
            message += f" ({occurrence.display} is the rendering of `{occurrence.match.entry}`)"
        message += f"; the glossary prefers {entry.preferred}"
        return self.finding(message, loc, paper=occurrence.prose.paper.id, en=concept, ja=occurrence.match.surface)


def _lines_by_display(located: list[tuple]) -> dict[str, tuple[str, list[int]]]:
    """Rendering as written → (its key, the lines where it is used), in order of first use."""
    uses: dict[str, tuple[str, list[int]]] = {}
    for occurrence, key, loc in located:
        _, lines = uses.setdefault(occurrence.display, (key, []))
        if loc.line not in lines:
            lines.append(loc.line)
    return uses


def _english_concepts(context: CheckContext, digest):
    """paper → the glossary concepts its English text uses (computed once per paper)."""
    from qa.glossary.corpus import paper_english
    from qa.glossary.coverage import is_ambiguous

    known: dict[int, set[str]] = {}

    def concepts(paper) -> set[str]:
        if id(paper) not in known:
            english = paper_english(digest, paper, context.abstracts, context.alignments)
            matches = context.glossary.match_en(english)
            known[id(paper)] = {m.entry for m in matches if not is_ambiguous(context.glossary, m)}
        return known[id(paper)]

    return concepts


def _lines(lines: list[int]) -> str:
    lines = sorted(lines)
    shown = ", ".join(str(n) for n in lines[:LINES_SHOWN])
    more = f" (+{len(lines) - LINES_SHOWN} more)" if len(lines) > LINES_SHOWN else ""
    return f"line{'s' if len(lines) > 1 else ''} {shown}{more}"


class MissingTerm(Rule):
    """Info: the translation may paraphrase a term correctly (a pronoun, a shorter form), so a
    missing rendering is a pointer for the editor, not a proven error."""

    id = "terms.missing"
    severity = Severity.INFO
    description = "An English sentence uses a glossary term and the aligned Japanese has none of its renderings."
    example = (
        "EN: we apply guided chain-of-thought distillation … / JA: ガイド付き連鎖蒸留を適用し…\n"
        "→ terms.missing: `chain-of-thought` in the English sentence has no rendering here "
        "(思考の連鎖, 連鎖思考, 思考連鎖, チェーン・オブ・ソート, CoT)"
    )
    needs = ("glossary", "alignments")

    def check(self, context: CheckContext) -> Iterable[Finding]:
        from qa.checks.pairs import translation_pairs
        from qa.glossary.coverage import missing_concepts

        for pair in translation_pairs(context):
            for entry in missing_concepts(context.glossary, pair.en, pair.ja):
                forms = ", ".join(dict.fromkeys([*entry.accepted(), *(f for f, _ in entry.english_forms()[1:])]))
                yield self.finding(
                    f"`{entry.en}` in the English sentence has no rendering here ({forms})",
                    pair.ja_location(context),
                    paper=pair.paper.id,
                    en=pair.en,
                    ja=pair.ja,
                )
