"""Stage 3 (segment): sentence spans in Japanese, English and mixed text.

Japanese sentences end at 。！？ and half-width !? (plus closing brackets/quotes that follow),
never inside 「」『』（）() brackets, and at line breaks in Japanese text (digests do not wrap
Japanese lines mid-sentence). English sentences end at . ! ? followed by a space and a sentence
start, except after abbreviations (e.g., i.e., et al., Fig. 3, vs.), inside brackets, URLs,
inline code and $…$ maths; decimals and versions (55.11%, Qwen-2.5) have no space after the point.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import TypeAdapter

from qa.model import Block, Digest, Sentence
from qa.formats.markup import location_fields
from qa.source import SourceText

JA_TERMINATORS = "。！？"
LATIN_TERMINATORS = ".!?"
CLOSERS = "」』）)]\"'”’】"
OPENERS = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "[": "]"}
BRACKETS = frozenset((*OPENERS, *OPENERS.values()))
SENTENCE_TAIL = frozenset(CLOSERS + JA_TERMINATORS + "!?")  # what a sentence's end takes along
ABBREVIATIONS = {
    "e.g", "i.e", "al", "etc", "fig", "figs", "eq", "eqs", "sec", "tab", "vs", "cf", "no",
    "dr", "mr", "ms", "prof", "approx", "resp", "ref", "refs", "vol", "pp", "ch", "inc", "st", "jr",
}
# Spans inside which nothing ends a sentence: URLs, inline code, $…$ / \(…\) maths.
# A URL ends before trailing punctuation, so "available at https://github.com/x. Next" splits.
PROTECTED = re.compile(r"https?://\S*[^\s.,;:!?'\")\]」』）。、！？]|`[^`\n]*`|\$[^$\n]+\$|\\\([^\n]*?\\\)")
PROTECTED_STARTS = ("http", "`", "$", "\\(")
KANA = re.compile(r"[\u3041-\u30ff]")
# The word a point follows, when it starts a word (not the B of "13B" or the o of "GPT-4o").
WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9.])[A-Za-z][A-Za-z.]*$")
LATIN_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
CAPITALISED_NAME = re.compile(r"[A-Z][A-Za-z0-9\-.]*")
MAX_BRACKET_SPAN = 200  # an unclosed bracket stops protecting after this many characters
# The only characters that can change the state: line breaks, terminators and brackets.
EVENT = re.compile(
    "[" + re.escape("\n" + JA_TERMINATORS + LATIN_TERMINATORS + "".join(OPENERS) + "".join(OPENERS.values())) + "]"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text, whitespace trimmed, in order."""
    protected = _protected_spans(text)
    japanese = not text.isascii() and KANA.search(text) is not None
    spans: list[tuple[int, int]] = []
    start = resume = 0
    stack: list[tuple[str, int]] = []
    shield = 0  # index of the first protected span that may still cover a later character
    for event in EVENT.finditer(text):
        i = event.start()
        while shield < len(protected) and protected[shield][1] <= i:
            shield += 1
        if i < resume or (shield < len(protected) and protected[shield][0] <= i):
            continue
        ch = text[i]
        # The innermost (newest) bracket went stale: so did all below it. A bracket is dropped at
        # the first event after it went stale, before that event counts.
        if stack and i - 1 - stack[-1][1] > MAX_BRACKET_SPAN:
            stack.clear()
        if ch in BRACKETS:  # brackets end nothing
            if ch in OPENERS:
                stack.append((OPENERS[ch], i))
            elif stack and ch == stack[-1][0]:
                stack.pop()
            continue
        if stack and i - stack[-1][1] > MAX_BRACKET_SPAN:
            stack.clear()
        end = None
        if ch == "\n" and (japanese or text.startswith("\n", i + 1)):
            end = i
            stack.clear()
        elif not stack and ch in JA_TERMINATORS:
            end = _after_closers(text, i + 1)
        elif not stack and ch in LATIN_TERMINATORS and (
            _ends_latin_sentence(text, i) or (japanese and ch != "." and _ends_japanese_sentence(text, i))
        ):
            end = _after_closers(text, i + 1)
        if end is not None:
            spans.append((start, end))
            start, resume = end, max(end, i + 1)
    spans.append((start, len(text)))
    return [t for s, e in spans if (t := _trim(text, s, e))]


def _protected_spans(text: str) -> list[tuple[int, int]]:
    # Substring tests scan for what the spans start with many times faster than the regex does,
    # and most texts have none of them.
    if not any(start in text for start in PROTECTED_STARTS):
        return []
    return [m.span() for m in PROTECTED.finditer(text)]


def _after_closers(text: str, i: int) -> int:
    while i < len(text) and text[i] in SENTENCE_TAIL:
        i += 1
    return i


def _ends_japanese_sentence(text: str, i: int) -> bool:
    """A half-width ! or ? in Japanese text ends a sentence like ！？, unless ASCII text follows
    directly (`Yahoo!Japan`, `![image](…)`). (A half-width point does not: Qwen-2.5, 98.5%.)"""
    j = _after_closers(text, i + 1)
    return j >= len(text) or not text[j].isascii() or text[j].isspace()


def _ends_latin_sentence(text: str, i: int) -> bool:
    """A Latin . ! ? at text[i] ends a sentence: whitespace follows, then a sentence start."""
    j = _after_closers(text, i + 1)
    if j >= len(text):
        return True
    if not text[j].isspace():
        # "…approach.特に、" or "…spaces.R2-T2は、": a Japanese sentence follows without a space
        return (_is_cjk(text[j]) or _japanese_word_follows(text, j)) and _is_cjk_sentence_start(text, i)
    while j < len(text) and text[j] in " \t":
        j += 1
    if j >= len(text) or text[j] == "\n":
        return True
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“(「[" or ord(nxt) > 0x2E80):
        return False
    if text[i] != ".":
        return True
    word = WORD_BEFORE.search(text, max(0, i - 12), i)
    if word and word.group().lower().rstrip(".") in ABBREVIATIONS:
        return False
    # A single capital before the point is an initial (J. Smith), not a sentence end; the B of
    # "13B." is no word of its own, so it is not one.
    return not (word and len(word.group()) == 1 and word.group().isupper())


def _is_cjk(ch: str) -> bool:
    return "\u3040" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def _japanese_word_follows(text: str, j: int) -> bool:
    """A capitalised Latin name glued to Japanese (R2-T2は, LLaMA3-8Bと) starts at text[j]."""
    m = CAPITALISED_NAME.match(text, j)
    return m is not None and m.end() < len(text) and _is_cjk(text[m.end()])


def _is_cjk_sentence_start(text: str, i: int) -> bool:
    """A Latin full stop right before Japanese ends an English sentence, not an abbreviation."""
    word = LATIN_WORD_BEFORE.search(text, max(0, i - 12), i)
    return text[i] != "." or not (word and word.group(1).lower().rstrip(".") in ABBREVIATIONS)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


# A block's sentences are validated in one call, each with its location: 40% cheaper than an
# __init__ call for every Sentence and its Location, and sentences are most of a digest's models.
SENTENCES = TypeAdapter(list[Sentence])


def segment_block(src: SourceText, block: Block) -> list[Sentence]:
    if block.kind == "code":
        return [Sentence(text=block.text, loc=block.loc, offsets=block.offsets)]
    text = block.text
    offsets: Sequence[int] = block.offsets
    return SENTENCES.validate_python(
        [
            {"text": text[start:end], "loc": location_fields(src, offsets[start], src.char_end(offsets[end - 1])), "offsets": offsets[start:end]}
            for start, end in split_sentences(text)
        ]
    )


def segment_digest(src: SourceText, digest: Digest) -> Digest:
    """Fill every block's sentences, in place; returns the digest for chaining."""
    for paper in digest.all_papers():
        for section in paper.sections:
            for block in section.blocks:
                block.sentences = segment_block(src, block)
    return digest
