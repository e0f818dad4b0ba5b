"""Stage 3 (segment): sentence spans in Japanese, English and mixed text.

Japanese sentences end at 。！？!? (plus closing brackets/quotes that follow), never inside
「」『』（）() brackets, and at line breaks in Japanese text (digests do not wrap Japanese lines
mid-sentence). English sentences end at . ! ? followed by a space and a sentence start,
except after abbreviations (e.g., i.e., et al., Fig. 3, vs.), inside brackets, URLs, inline
code and $…$ maths; decimals and versions (55.11%, Qwen-2.5) have no space after the point.
"""

from __future__ import annotations

import re

from qa.model import Block, Digest, Sentence
from qa.formats.markup import location
from qa.source import SourceText

JA_TERMINATORS = "。！？"
LATIN_TERMINATORS = ".!?"
CLOSERS = "」』）)]\"'”’】"
OPENERS = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "[": "]"}
ABBREVIATIONS = {
    "e.g", "i.e", "al", "etc", "fig", "figs", "eq", "eqs", "sec", "tab", "vs", "cf", "no",
    "dr", "mr", "ms", "prof", "approx", "resp", "ref", "refs", "vol", "pp", "ch", "inc", "st", "jr",
}
# Spans inside which nothing ends a sentence: URLs, inline code, $…$ / \(…\) maths.
PROTECTED = re.compile(r"https?://\S+|`[^`\n]*`|\$[^$\n]+\$|\\\([^\n]*?\\\)")
KANA = re.compile(r"[\u3041-\u30ff]")
MAX_BRACKET_SPAN = 200  # an unclosed bracket stops protecting after this many characters


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text, whitespace trimmed, in order."""
    protected = _protected_mask(text)
    japanese = KANA.search(text) is not None
    spans: list[tuple[int, int]] = []
    start = 0
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if protected[i]:
            i += 1
            continue
        if ch in OPENERS:
            stack.append((OPENERS[ch], i))
        elif stack and ch == stack[-1][0]:
            stack.pop()
        while stack and i - stack[-1][1] > MAX_BRACKET_SPAN:
            stack.pop(0)
        end = None
        if ch == "\n" and (japanese or text.startswith("\n", i + 1)):
            end = i
            stack.clear()
        elif not stack and ch in JA_TERMINATORS:
            end = _after_closers(text, i + 1)
        elif not stack and ch in LATIN_TERMINATORS and _ends_latin_sentence(text, i):
            end = _after_closers(text, i + 1)
        if end is not None:
            spans.append((start, end))
            start, i = end, max(end, i + 1)
            continue
        i += 1
    spans.append((start, len(text)))
    return [t for s, e in spans if (t := _trim(text, s, e))]


def _protected_mask(text: str) -> list[bool]:
    mask = [False] * len(text)
    for m in PROTECTED.finditer(text):
        for j in range(m.start(), m.end()):
            mask[j] = True
    return mask


def _after_closers(text: str, i: int) -> int:
    while i < len(text) and (text[i] in CLOSERS or text[i] in JA_TERMINATORS + "!?"):
        i += 1
    return i


def _ends_latin_sentence(text: str, i: int) -> bool:
    """A Latin . ! ? at text[i] ends a sentence: whitespace follows, then a sentence start."""
    j = _after_closers(text, i + 1)
    if j >= len(text):
        return True
    if not text[j].isspace():
        return False
    while j < len(text) and text[j] in " \t":
        j += 1
    if j >= len(text) or text[j] == "\n":
        return True
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“(「[" or ord(nxt) > 0x2E80):
        return False
    if text[i] != ".":
        return True
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, i - 12) : i])
    if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
        return False
    # A single capital before the point is an initial (J. Smith), not a sentence end.
    return not (word and len(word.group(1)) == 1 and word.group(1).isupper())


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def segment_block(src: SourceText, block: Block) -> list[Sentence]:
    if block.kind == "code":
        return [Sentence(text=block.text, loc=block.loc, offsets=block.offsets)]
    sentences = []
    for start, end in split_sentences(block.text):
        offsets = block.offsets[start:end]
        sentences.append(
            Sentence(text=block.text[start:end], loc=location(src, offsets[0], offsets[-1] + 1), offsets=offsets)
        )
    return sentences


def segment_digest(src: SourceText, digest: Digest) -> Digest:
    """Fill every block's sentences, in place; returns the digest for chaining."""
    for paper in digest.all_papers():
        for section in paper.sections:
            for block in section.blocks:
                block.sentences = segment_block(src, block)
    return digest
