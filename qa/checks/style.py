"""`style` rules for Japanese prose: register, punctuation, brackets, kana width, doubled words.

Thresholds keep false alarms low on translated prose: register mixing is judged per section,
body paragraphs and list items apart (textlint's no-mix-dearu-desumasu convention), and only
sentences whose ending marks a register are counted (noun-ending fragments count for neither).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from qa.checks.base import CheckContext, Rule
from qa.findings import Severity
from qa.model import Lang, Sentence

POLITE_END = re.compile(r"(?:です|ます|でした|ました|ません|ませんでした|でしょう|ましょう|ください)$")
PLAIN_END = re.compile(
    r"(?:である|であった|であろう|ではない|ではなかった|だ|だった|だろう|する|した|される|された|"
    r"している|していた|できる|できた|できない|ない|なかった|ある|あった|いる|いた|なる|なった|"
    r"れる|れた|示す|示した|示唆する|期待される|考えられる|求められる)$"
)
SENTENCE_TAIL = re.compile(r"[\s。．.!！?？）)」』\]*_]+$")
PROSE_BLOCKS = ("paragraph", "list_item")
JA_COMMA_AFTER_KANA_KANJI = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff）」]),(?=\s?[\u3040-\u30ff\u4e00-\u9fff0-9A-Za-z])")
# "1)", "a)", "iv)" enumerate items; their closer has no opener by design.
ENUMERATOR_BEFORE = re.compile(r"(?:^|[^\w(（])(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})$")
BRACKETS = {"（": "(", "(": "(", "）": ")", ")": ")", "「": "「", "」": "」", "『": "『", "』": "』", "【": "【", "】": "】"}
PAIRS = {")": "(", "」": "「", "』": "『", "】": "【"}
HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")
FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
HALFWIDTH_ALNUM = re.compile(r"[0-9A-Za-z]")
DOUBLED_CANDIDATE = re.compile(r"([ぁ-ん])\1|(\S{2,})\2|\b(\w+)\s+\3\b", re.I)
DOUBLE_ENGLISH = re.compile(r"\b([A-Za-z]{2,})\s+\1\b", re.I)


def japanese_sentences(context: CheckContext, kinds: tuple[str, ...] = PROSE_BLOCKS) -> Iterator[tuple]:
    """(paper, section, block, sentence) for Japanese prose, code and titles left out."""
    for _, paper, section in context.sections():
        if section.expected_lang != Lang.JA or section.kind == "title":
            continue
        for block in section.blocks:
            if block.kind in kinds:
                for sentence in block.sentences:
                    if sentence.lang == Lang.JA:
                        yield paper, section, block, sentence


def register_of(sentence: str) -> str | None:
    """'polite' (です/ます), 'plain' (だ/である and plain verb endings) or None (fragments)."""
    tail = SENTENCE_TAIL.sub("", sentence)
    if tail.endswith((":", "：")):
        return None
    if POLITE_END.search(tail):
        return "polite"
    if PLAIN_END.search(tail):
        return "plain"
    return None


class MixedPoliteness(Rule):
    id = "style.mixed_politeness"
    severity = Severity.WARNING
    description = "です/ます and だ/である endings mixed within the body paragraphs of one section."
    example = "…に苦しむ。…を紹介します。 (one section) → plain ending in a section written in です/ます"

    def check(self, context: CheckContext):
        min_majority = context.option(self.id, "min_majority", 2)
        groups: dict[tuple, list[tuple]] = {}
        # List items are fragments whose endings vary by design; textlint judges them apart too.
        blocks = tuple(context.option(self.id, "blocks", ["paragraph"]))
        for paper, section, block, sentence in japanese_sentences(context, blocks):
            style = register_of(sentence.text)
            if style:
                key = (id(section), block.kind)
                groups.setdefault(key, []).append((paper, section, sentence, style))
        for members in groups.values():
            counts = Counter(style for *_, style in members)
            if len(counts) < 2:
                continue
            (major, n_major), (minor, _) = counts.most_common(2)
            if n_major < min_majority or counts["polite"] == counts["plain"]:
                continue
            label = {"polite": "です/ます", "plain": "だ/である"}
            for paper, section, sentence, style in members:
                if style == minor:
                    yield self.finding(
                        f"{label[minor]} ending in a section written in {label[major]} ({n_major} sentences)",
                        sentence.loc,
                        paper=paper.id,
                        ja=sentence.text,
                    )


class MixedPunctuation(Rule):
    id = "style.mixed_punctuation"
    severity = Severity.WARNING
    description = "One document mixes Japanese punctuation styles: 、 with ， or a half-width comma, 。 with ．."
    example = "…を抽出する。 and …を提案する,具体的には… in one file → ',' where the document uses '、'"

    MARKS = {"comma": ("、", "，", ","), "period": ("。", "．")}

    def check(self, context: CheckContext):
        for _, digest in context.parsed:
            sentences = [(p, s) for p, sec, b, s in japanese_sentences(context, ("paragraph", "list_item", "title")) if s.loc.file == digest.path]
            for kind, marks in self.MARKS.items():
                uses = {m: [(p, s, i) for p, s in sentences for i in self._positions(s.text, m)] for m in marks}
                counts = {m: len(v) for m, v in uses.items() if v}
                if len(counts) < 2:
                    continue
                major = max(counts, key=counts.get)
                for mark, places in uses.items():
                    if mark == major:
                        continue
                    for paper, sentence, i in _first_per_sentence(places):
                        yield self.finding(
                            f"{kind} '{mark}' where the document uses '{major}' ({counts[major]} times)",
                            context.sentence_span(sentence, i, i + 1),
                            paper=paper.id,
                            ja=sentence.text,
                        )

    @staticmethod
    def _positions(text: str, mark: str) -> list[int]:
        if mark == ",":
            return [m.start() for m in JA_COMMA_AFTER_KANA_KANJI.finditer(text)]
        return [i for i, ch in enumerate(text) if ch == mark]


def _first_per_sentence(places: list[tuple]) -> list[tuple]:
    seen: set[int] = set()
    first = []
    for paper, sentence, i in places:
        if id(sentence) not in seen:
            seen.add(id(sentence))
            first.append((paper, sentence, i))
    return first


class UnbalancedBrackets(Rule):
    id = "style.unbalanced_brackets"
    severity = Severity.WARNING
    description = "A bracket or quote （）()「」『』【】 opened without closing, or closed without opening, in a block."
    example = "MedVLM-R1（医用VLM を導入する。 → '（' is never closed"

    def check(self, context: CheckContext):
        for _, paper, section in context.sections():
            if section.expected_lang != Lang.JA:
                continue
            for block in section.blocks:
                if block.kind in ("code", "html", "table"):
                    continue
                for sentence, index, message in self._unbalanced(block.sentences):
                    yield self.finding(message, context.sentence_span(sentence, index, index + 1), paper=paper.id, ja=sentence.text)

    @staticmethod
    def _unbalanced(sentences: list[Sentence]) -> list[tuple[Sentence, int, str]]:
        stack: list[tuple[str, Sentence, int, str]] = []
        problems = []
        for sentence in sentences:
            text = sentence.text
            for i, ch in enumerate(text):
                kind = BRACKETS.get(ch)
                if kind is None:
                    continue
                if kind in PAIRS:
                    if stack and stack[-1][0] == PAIRS[kind]:
                        _, _, _, opener = stack.pop()
                        if _fullwidth(opener) != _fullwidth(ch):
                            problems.append((sentence, i, f"'{opener}' closed by '{ch}' of the other width"))
                    elif not ENUMERATOR_BEFORE.search(text[max(0, i - 5) : i]):
                        problems.append((sentence, i, f"'{ch}' closes a bracket that was never opened"))
                else:
                    stack.append((kind, sentence, i, ch))
        problems += [(s, i, f"'{ch}' is never closed") for _, s, i, ch in stack]
        return problems


class HalfwidthKana(Rule):
    id = "style.halfwidth_kana"
    severity = Severity.WARNING
    description = "Half-width katakana (ｶﾀｶﾅ) in Japanese text."
    example = "ﾓﾃﾞﾙを学習する → half-width katakana 'ﾓﾃﾞﾙ'"

    def check(self, context: CheckContext):
        for paper, _, _, sentence in japanese_sentences(context, ("paragraph", "list_item", "title", "heading")):
            for m in HALFWIDTH_KANA.finditer(sentence.text):
                yield self.finding(
                    f"half-width katakana '{m.group()}'", context.sentence_span(sentence, m.start(), m.end()), paper=paper.id, ja=sentence.text
                )


class MixedWidthAlphanumerics(Rule):
    id = "style.mixed_width_alnum"
    severity = Severity.WARNING
    description = "Full-width letters or digits (５, ＧＰＴ) in a document that writes them half-width."
    example = "以下の５つの側面 in a document with 5つ elsewhere → full-width '５'"

    def check(self, context: CheckContext):
        for _, digest in context.parsed:
            sentences = [(p, s) for p, _, _, s in japanese_sentences(context, ("paragraph", "list_item", "heading")) if s.loc.file == digest.path]
            half = sum(len(HALFWIDTH_ALNUM.findall(s.text)) for _, s in sentences)
            full = [(p, s, m) for p, s in sentences for m in FULLWIDTH_ALNUM.finditer(s.text)]
            if not full or half <= sum(len(m.group()) for *_, m in full):
                continue
            for paper, sentence, m in full:
                yield self.finding(
                    f"full-width '{m.group()}' where the document writes letters and digits half-width",
                    context.sentence_span(sentence, m.start(), m.end()),
                    paper=paper.id,
                    ja=sentence.text,
                )


def _fullwidth(bracket: str) -> bool:
    return ord(bracket) > 0xFF


@lru_cache(maxsize=1)
def _tagger():
    import fugashi

    return fugashi.Tagger()


class DoubledWord(Rule):
    id = "style.doubled_word"
    severity = Severity.WARNING
    description = "A particle or word written twice in a row (のの, をを, モデルモデル, the the)."
    example = "モデルをを学習する → doubled 'を'"

    def check(self, context: CheckContext):
        for paper, _, _, sentence in japanese_sentences(context):
            if not DOUBLED_CANDIDATE.search(sentence.text):
                continue  # the morphological analyser only runs where a repeat is possible
            for start, end, word in self._doubles(sentence.text):
                yield self.finding(
                    f"'{word}' written twice in a row", context.sentence_span(sentence, start, end), paper=paper.id, ja=sentence.text
                )

    @staticmethod
    def _doubles(text: str) -> list[tuple[int, int, str]]:
        found = [(m.start(), m.end(), m.group(1)) for m in DOUBLE_ENGLISH.finditer(text)]
        pos = 0
        previous = None
        for word in _tagger()(text):
            start = text.find(word.surface, pos)
            if start < 0:
                continue
            pos = start + len(word.surface)
            pos1 = word.feature.pos1
            if previous and word.surface == previous[2] and start == previous[1] and _doubling_is_wrong(pos1, word.surface):
                found.append((previous[0], pos, word.surface))
            previous = (start, pos, word.surface)
        return found


def _doubling_is_wrong(pos1: str, surface: str) -> bool:
    """Repeated particles are slips; repeated nouns/verbs of two or more characters are too.
    Reduplicated adverbs and onomatopoeia (まだまだ, どんどん) are words, not slips."""
    if pos1 == "助詞":
        return True
    return pos1 in ("名詞", "動詞") and len(surface) >= 2 and not surface.isdigit()
