"""`style` rules for Japanese prose: register, punctuation, brackets, kana width, doubled words.

Thresholds keep false alarms low on translated prose: register mixing is judged per section,
body paragraphs and list items apart (textlint's no-mix-dearu-desumasu convention), and only
sentences whose ending marks a register are counted (noun-ending fragments count for neither).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import accumulate

from qa.checks.base import CheckContext, Rule
from qa.findings import Severity
from qa.model import Lang, Sentence
from qa.morphology import words

POLITE_ENDINGS = ("です", "ます", "でした", "ました", "ません", "ませんでした", "でしょう", "ましょう", "ください")
# Plain endings: だ/である, the past た, a verb's dictionary form (its last kana is of the u-row)
# and the adjective endings ない/しい/たい. Polite endings are tested first, so です/ます never
# count here. Nouns and kanji-final fragments (「手法の提案」) mark no register.
PLAIN_ENDINGS = ("だ", "た", *"うくぐすつぬぶむる", "ない", "しい", "たい")
# The closing punctuation, brackets, emoji and emphasis markers of a sentence: the non-word
# characters at its end, matched at the start of the reversed sentence (a search for them from
# the start tried every run of punctuation in the sentence: twice register_of's time).
CLOSING_REVERSED = re.compile(r"\W*")
LIST_MARKER_LINE = re.compile(r"\s*(?:[-*+]|\d{1,3}[.)])\s")
PROSE_BLOCKS = ("paragraph", "list_item")
# The comma first and the look-behind after it (the character before it and itself), so that the
# regex engine skips ahead to commas instead of trying every position.
JA_COMMA_AFTER_KANA_KANJI = re.compile(r",(?<=[\u3040-\u30ff\u4e00-\u9fff）」],)(?=\s?[\u3040-\u30ff\u4e00-\u9fff0-9A-Za-z])")
# "1)", "a)", "iv)" enumerate items; their closer has no opener by design.
ENUMERATOR_BEFORE = re.compile(r"(?:^|[^\w(（])(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})$")
BRACKETS = {"（": "(", "(": "(", "）": ")", ")": ")", "「": "「", "」": "」", "『": "『", "』": "』", "【": "【", "】": "】"}
BRACKET = re.compile("[" + re.escape("".join(BRACKETS)) + "]")
PAIRS = {")": "(", "」": "「", "』": "『", "】": "【"}
HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")
FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
HALFWIDTH_ALNUM = re.compile(r"[0-9A-Za-z]")
# English words sit right against kana and kanji, so their edges are "no Latin letter", not \b.
# The first letter is spelt out in every character that [A-Za-z] ignoring case matches, with the
# look-behind before it after it, so that the regex engine skips ahead to Latin letters instead
# of trying every position of a Japanese sentence.
DOUBLE_ENGLISH = re.compile(r"([A-Za-zİıſK](?i:(?<![A-Za-z].)[A-Za-z]+))(?i:\s+\1(?![A-Za-z]))")
# Where a doubled word can be: a particle twice (をを), a run of two or more characters twice
# (モデルモデル), an English word twice.
DOUBLED_KANA = re.compile(r"([ぁ-ん])\1", re.I)
DOUBLED_RUN = re.compile(r"(\S{2,})\1", re.I)
SPACE = re.compile(r"\s")
# Every character the dictionary has as a one-character particle (tests/test_checks_style.py
# reads them from it): only these can be one word that is doubled.
ONE_CHARACTER_PARTICLES = "−〜いえかがけさしぜぞたつてでとどなにねのはばへべもやょよらゎわをんゝィカサゼゾツテデトナニネノヘモヤョヨワヲンヶ丈乃之乍乎位哉宛廼抔歟程耳迄雖－～"
DOUBLED_PARTICLE = re.compile(f"([{ONE_CHARACTER_PARTICLES}])\\1")
# Common words of translated prose that hold a particle's kana twice (にもかかわらず, コストが
# かかる) or are a run written twice (しばしば), which the analyser reads as words, not as a
# doubled one. The look-arounds keep a real slip next to them (ににもかかわらず) in view.
# Tested against the analyser on the 5,653 Japanese sentences of the samples and the fuzzed
# records, and on 20,000 of them with particles, kana or these words put in around these words:
# no finding is lost.
WORDS_WITH_DOUBLED_KANA = re.compile(r"(?<!に)にもかかわらず|(?<![がの])[がの]かか(?:る|り|ら(?:ない|ず)|っ[てた])")
REDUPLICATED_ADVERBS = re.compile(r"(?<!し)しばしば(?!し)|(?<!ま)ますます(?!ま)|(?<!ま)まだまだ(?!ま)|(?<!た)たびたび(?!た)")


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


def sentences_by_file(context: CheckContext, kinds: tuple[str, ...]) -> dict[str, list[tuple]]:
    """(paper, sentence) of the Japanese prose of each file, for the rules that judge a whole document."""
    by_file: dict[str, list[tuple]] = defaultdict(list)
    for paper, _, _, sentence in japanese_sentences(context, kinds):
        by_file[sentence.loc.file].append((paper, sentence))
    return by_file


def register_of(sentence: str) -> str | None:
    """'polite' (です/ます), 'plain' (だ/である and plain verb endings) or None (fragments)."""
    closing_match = CLOSING_REVERSED.match(sentence[::-1])
    end = len(sentence) - (closing_match.end() if closing_match else 0)  # \W* matches every text
    closing = sentence[end:]
    if ":" in closing or "：" in closing:
        return None  # 「問題点：」 introduces what follows; it is not a sentence
    body = sentence[:end]
    if body.endswith(POLITE_ENDINGS):
        return "polite"
    if body.endswith(PLAIN_ENDINGS):
        return "plain"
    return None


REGISTER_LABELS = {"polite": "です/ます", "plain": "だ/である"}


class MixedPoliteness(Rule):
    id = "style.mixed_politeness"
    severity = Severity.WARNING
    description = "です/ます and だ/である endings mixed in the body prose of one section (list bullets apart)."
    example = "…に苦しむ。…を紹介します。 (one section) → だ/である ending in a section written in です/ます"

    def check(self, context: CheckContext):
        min_majority = context.option(self.id, "min_majority", 2)
        for _, paper, section in context.sections():
            if section.expected_lang != Lang.JA or section.kind == "title":
                continue
            units = [marked for unit in _prose_units(context, section) if (marked := _registers(unit))]
            whole = [pair for unit in units for pair in unit]
            if verdict := _verdict(whole, min_majority):
                yield from self._minority(paper, "section", whole, verdict)
                continue
            # No majority in the section: a paragraph that mixes inside itself still reads wrong.
            for unit in units:
                if verdict := _verdict(unit, min_majority):
                    yield from self._minority(paper, "paragraph", unit, verdict)

    def _minority(self, paper, scope: str, pairs: list[tuple[Sentence, str]], verdict: tuple[str, str, int]):
        minor, major, n_major = verdict
        for sentence, register in pairs:
            if register == minor:
                yield self.finding(
                    f"{REGISTER_LABELS[minor]} ending in a {scope} written in {REGISTER_LABELS[major]} ({n_major} sentences)",
                    sentence.loc,
                    paper=paper.id,
                    ja=sentence.text,
                )


def _prose_units(context: CheckContext, section) -> Iterator[list[Sentence]]:
    """The section's body prose, one list per paragraph. A list item's bullet line is a fragment
    whose ending varies by design (textlint judges lists apart); the lines after it, and the
    paragraphs indented under it, are prose."""
    for block in section.blocks:
        if block.kind == "paragraph":
            yield [s for s in block.sentences if s.lang == Lang.JA]
        elif block.kind == "list_item":
            source = context.source(block.loc.file)
            yield [s for s in block.sentences if s.lang == Lang.JA and not _on_bullet_line(source, s)]


def _on_bullet_line(source, sentence: Sentence) -> bool:
    start = source.line_start(sentence.loc.line)
    return bool(LIST_MARKER_LINE.match(source.text, start))


def _registers(sentences: list[Sentence]) -> list[tuple[Sentence, str]]:
    return [(s, register) for s in sentences if (register := register_of(s.text))]


def _verdict(pairs: list[tuple[Sentence, str]], min_majority: int) -> tuple[str, str, int] | None:
    """(minority register, majority register, majority count) when one register clearly dominates."""
    counts = Counter(register for _, register in pairs)
    if len(counts) < 2 or counts["polite"] == counts["plain"]:
        return None
    (major, n_major), (minor, _) = counts.most_common(2)
    return (minor, major, n_major) if n_major >= min_majority else None


class MixedPunctuation(Rule):
    id = "style.mixed_punctuation"
    severity = Severity.WARNING
    description = "One document mixes Japanese punctuation styles: 、 with ， or a half-width comma, 。 with ．."
    example = "…を抽出する。 and …を提案する,具体的には… in one file → ',' where the document uses '、'"

    MARKS = {"comma": ("、", "，", ","), "period": ("。", "．")}
    # A half-width comma counts only between Japanese characters: "1,121" and "o3-mini, LLaMA" are fine.
    PATTERNS = {",": JA_COMMA_AFTER_KANA_KANJI} | {m: re.compile(m) for m in ("、", "，", "。", "．")}

    def check(self, context: CheckContext):
        for sentences in sentences_by_file(context, ("paragraph", "list_item", "title")).values():
            # Marks are searched in the whole document at once, the sentences joined by a NUL that
            # no pattern matches or looks through.
            texts = [sentence.text for _, sentence in sentences]
            document = "\0".join(texts)
            starts = list(accumulate((len(text) + 1 for text in texts), initial=0))  # of each sentence
            for kind, marks in self.MARKS.items():
                counts = {m: n for m in marks if (n := len(self.PATTERNS[m].findall(document)))}
                if len(counts) < 2:
                    continue
                major = max(counts, key=counts.__getitem__)
                for mark in counts:
                    if mark == major:
                        continue
                    for index, start in _first_in_each_sentence(self.PATTERNS[mark], document, starts):
                        paper, sentence = sentences[index]
                        yield self.finding(
                            f"{kind} '{mark}' where the document uses '{major}' ({counts[major]} times)",
                            context.sentence_span(sentence, start, start + 1),
                            paper=paper.id,
                            ja=sentence.text,
                        )


def _first_in_each_sentence(pattern: re.Pattern, document: str, starts: list[int]) -> Iterator[tuple[int, int]]:
    """(index of the sentence, offset in it) of the first match in each sentence that has one: one
    search through the document instead of one per sentence (a minority mark is in few of them)."""
    last = None
    for hit in pattern.finditer(document):
        index = bisect_right(starts, hit.start()) - 1
        if index != last:
            yield index, hit.start() - starts[index]
            last = index


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
            for bracket in BRACKET.finditer(text):  # the brackets alone, not every character
                i, ch = bracket.start(), bracket.group()
                kind = BRACKETS[ch]
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
        for sentences in sentences_by_file(context, ("paragraph", "list_item", "heading")).values():
            full = [(p, s, m) for p, s in sentences for m in FULLWIDTH_ALNUM.finditer(s.text)]
            if not full:
                continue  # half-width ones are counted only when there is something to compare
            half = sum(len(HALFWIDTH_ALNUM.findall(s.text)) for _, s in sentences)
            if half <= sum(len(m.group()) for *_, m in full):
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


class DoubledWord(Rule):
    id = "style.doubled_word"
    severity = Severity.WARNING
    description = "A particle or word written twice in a row (のの, をを, モデルモデル, the the)."
    example = "モデルをを学習する → doubled 'を'"

    def check(self, context: CheckContext):
        for paper, _, _, sentence in japanese_sentences(context):
            if not _may_double(sentence.text):
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
        for word in words(text):
            start = text.find(word.surface, pos)
            if start < 0:
                continue
            pos = start + len(word.surface)
            # The features are parsed only for a repeat: parsing them for every word doubled the time.
            if previous and word.surface == previous[2] and start == previous[1] and _doubling_is_wrong(word.feature.pos1, word.surface):
                found.append((previous[0], pos, word.surface))
            previous = (start, pos, word.surface)
        return found


def _may_double(text: str) -> bool:
    """Whether the analyser could find a doubled word: it runs only where one can be."""
    if DOUBLE_ENGLISH.search(text):
        return True
    # A one-character particle twice is looked for where a kana is doubled (as before: the
    # katakana and kanji particles are not looked for elsewhere), and only where a particle is:
    # the analyser no longer runs for まま or ここ (a quarter of the sentences it read).
    if DOUBLED_KANA.search(text):
        outside_words = WORDS_WITH_DOUBLED_KANA.sub("\n", text)  # no trigger spans a line break
        if DOUBLED_KANA.search(outside_words) and DOUBLED_PARTICLE.search(outside_words):
            return True
    return _has_doubled_run(text) and _has_doubled_run(REDUPLICATED_ADVERBS.sub("\n", text))


def _has_doubled_run(text: str) -> bool:
    """DOUBLED_RUN.search(text), a tenth of its time once compiled. The regex tries every length
    at every position; a doubled run can only start where its first two characters come again
    two or more characters later, and only have the length that puts its second half there:
    those are compared as strings alone."""
    folded = text.lower()  # the regex ignores case
    if len(folded) != len(text) or "Σ" in text:
        # İ lower-cases to two characters, and a final Σ to ς where the regex folds it to σ:
        # positions in the folded text would not be those the regex compares.
        return DOUBLED_RUN.search(text) is not None
    size = len(folded)
    for start in range(size - 3):
        if _doubled_from(folded, start, size):
            return True
    return False


def _doubled_from(folded: str, start: int, size: int) -> bool:
    """Whether a run of two or more characters without a space, written twice, starts at
    folded[start]: its second half starts where the pair at start comes again, early enough
    for the second half to fit."""
    pair = folded[start : start + 2]
    last = (size + start) // 2  # the second half starts at most here
    second = folded.find(pair, start + 2, last + 2)
    while second >= 0:
        half = folded[start:second]
        if folded.startswith(half, second) and not SPACE.search(half):
            return True
        second = folded.find(pair, second + 1, last + 2)
    return False


def _doubling_is_wrong(pos1: str, surface: str) -> bool:
    """Repeated particles are slips; repeated nouns/verbs of two or more characters are too.
    Reduplicated adverbs and onomatopoeia (まだまだ, どんどん) are words, not slips."""
    if pos1 == "助詞":
        return True
    return pos1 in ("名詞", "動詞") and len(surface) >= 2 and not surface.isdigit()
