"""Anchors: the parts of a sentence that a translation must carry over unchanged in meaning.

Numbers, percentages, multipliers, ranges, ordinals and list enumerators, Latin names (models,
datasets, acronyms), URLs and LaTeX. Each anchor keeps its surface form and offsets, and gets
a normalised ``value`` so that the English and the Japanese renderings of the same thing
compare equal: 128K = 12.8万 = 128,000; 10B = 100億; 80x = 80倍 = 80-fold; 55.11% = 55.11％;
三つ = 3 = three; a million = 百万 = 100万; doubles = 2倍, halves = 半分; March 2025 = 2025年3月;
LLMs = LLM; ＧＰＴ-４ｏ = GPT-4o; Llama 3 = Llama-3.

The alignment uses anchors as cross-language evidence; the numbers and entities checks use
them to find what a translation dropped, changed or invented.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

NUMERIC_KINDS = ("number", "percent", "multiplier", "range")
# Kinds that structure a text rather than state a fact: "(1)", "①", "第二段階", "the first stage".
STRUCTURAL_KINDS = ("enumerator", "ordinal")


# A named tuple rather than a pydantic model or a dataclass: every sentence the aligner and the
# checks read yields several anchors, and a tuple is the cheapest immutable record to build.
# Immutable: extract_anchors hands the same remembered anchors to every caller.
class Anchor(NamedTuple):
    # number, percent, multiplier, range, ordinal, enumerator, latin, url, latex. A calendar
    # date is a number whose value is its ISO form (2025-03, 2025-03-01, --03 for a month of no
    # year): it states a fact as a number does, and equals only the same date.
    kind: str
    value: str  # normalised: equal values mean the same thing in English and in Japanese
    start: int  # character offsets into the text given to extract_anchors
    end: int
    surface: str

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.value


# --- width folding: one character in, one character out, so offsets stay valid -------------

_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII
_FOLD.update({0x3000: 0x20, 0x2212: 0x2D, 0x2013: 0x2D, 0x2014: 0x2D, 0x2010: 0x2D, 0x2011: 0x2D, 0xFF5E: 0x301C, 0x301C: 0x301C})


_ASCII_LOWER = {cp: cp + 32 for cp in range(ord("A"), ord("Z") + 1)}


# The characters _FOLD changes: finding none is much cheaper than translating a text unchanged.
_FOLDED = re.compile("[" + "".join(chr(cp) for cp in sorted(_FOLD) if _FOLD[cp] != cp) + "]")


def fold_width(text: str) -> str:
    """Full-width ASCII to ASCII, dashes to '-', wave dashes to '〜'; same length as the input."""
    return text.translate(_FOLD) if not text.isascii() and _FOLDED.search(text) else text


def _ascii_lower(text: str) -> str:
    """ASCII letters lower-cased, the same length as the input. str.lower() does that too except
    for the only two characters that it lengthens or turns into ASCII (İ and the Kelvin sign)."""
    if "\u0130" in text or "\u212a" in text:
        return text.translate(_ASCII_LOWER)
    return text.lower()


# --- number grammar -------------------------------------------------------------------------

SCALE_SUFFIX = {"K": 10**3, "k": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
SCALE_WORDS = {"hundred": 10**2, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
JA_BIG_UNITS = {"万": 10**4, "億": 10**8, "兆": 10**12}
JA_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
JA_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
# Counters after a kanji numeral that make it a count (三つ, 二段階); without one, 一 in 一般 or
# 十 in 十分 is part of a word, not a number. A counter that begins a longer word is no counter:
# 一人称 (first person), 一個人 (an individual).
JA_COUNTERS = (
    "つ", "段階", "種類", "回", "個(?!人)", "倍", "人(?!称)", "件", "名", "枚", "桁", "次元", "ラウンド", "項目", "ステップ", "タイプ",
)
# Kanji that end a word with a numeral: 単一, 唯一, 同一, 統一, 均一, 画一, 逐一, 随一, 択一. What
# follows such a word is another word (単一人モーション is single-person motion, 同一人物 the same
# person), not a count; nor is a numeral after 数, 何 (数十, 何人) or 第 (an ordinal).
JA_WORD_BEFORE_NUMERAL = "数何第単唯同統均画逐随択"
# Japanese words that state a multiplier: 半分 and 半数 (half of), 半減 (halved), 倍増 (doubled).
# 上半分, 左半分… name a part of a picture, not a half of an amount.
JA_MULTIPLIER_WORDS = {"半分": "0.5", "半数": "0.5", "半減": "0.5", "倍増": "2"}
JA_MULTIPLIER_WORD = re.compile(r"(?<![上下左右])半分|半数|半減|倍増")
# English words that state a multiplier: twice, thrice, and the verbs double, triple,
# quadruple and halve in any form (doubles, tripled, halving); not the adjectives (a double
# integral, a triple store) nor compounds (double-check, half-precision). "half" multiplies
# where it quantifies (half the cost, half of the tokens, half as many, cut by half, more than
# half), not where it names a part (the first half, half precision); "halves" after an article
# or a number is the noun (the two halves).
MULTIPLIER_WORDS = {"twice": "2", "thrice": "3", "doubl": "2", "tripl": "3", "quadrupl": "4", "halv": "0.5", "half": "0.5"}
MULTIPLIER_WORD = re.compile(r"(?<![\w-])(?:twice|thrice|half|(?:doubl|tripl|quadrupl|halv)(?:es|ed|ing))(?![\w-])")
MULTIPLIER_FORMS = frozenset(
    ["twice", "thrice", "half", *(stem + ending for stem in ("doubl", "tripl", "quadrupl", "halv") for ending in ("es", "ed", "ing"))]
)
QUANTIFYING_BEFORE_HALF = re.compile(r"\b(?:by|in|than) $")
QUANTIFYING_AFTER_HALF = re.compile(r" (?:the|of|as|its|their|that)\b")
HALF_IS_A_PART = re.compile(r"\b(?:first|second|latter|former|other|top|bottom|upper|lower|left|right|back|front) $")
HALVES_NOUN = re.compile(r"\b(?:the|two|both|into|in|its|their|equal|these|those) $")

# A number written with digits, not inside a word or another number: 128,000 / 98.5 / 7.
_DIGITS = r"\d(?<![A-Za-z0-9.,]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
_WORD_NUMBER = "|".join(sorted([*UNITS, *TEENS, *TENS, "zero"], key=len, reverse=True))
_SCALE = "|".join(SCALE_WORDS)
_KANJI_NUMERAL = "〇零一二三四五六七八九十百千"

URL = re.compile(r"https?://[!-~]+")
LATEX = re.compile(r"\$[^$\n]+\$|\\\(.+?\\\)|\\\[.+?\\\]")
# The patterns that every sentence is scanned with start with the character class of their first
# character, and check what precedes that character after it: a pattern that starts with a class
# lets the regular expression engine skip to the places where it can match, one that starts with
# a look-behind is tried at every position. \d(?<!\w\d) is \b\d.
ISO_DATE = re.compile(r"\d(?<!\w\d)\d{3}-\d{2}-\d{2}(?:T[\d:.]+Z?)?(?!\d)")
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = "|".join(sorted((m.capitalize() for m in (*MONTHS, *MONTH_ABBREVIATIONS)), key=len, reverse=True))
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
# March 2025, March 1, 2025, 17 Aug 2025, Sept. 2024, March: a month with a day or a year or
# both. Alone, a month is a date only under its full name and not when it is May (may help).
EN_DATE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<month>{_MONTH})(?![A-Za-z])(?:\.(?= \d))?"
    rf"(?: (?P<day>{_DAY})(?:st|nd|rd|th)?(?!\d|\.\d))?(?:,? (?P<year>\d{{4}})(?!\d))?"
)
DAY_BEFORE_MONTH = re.compile(rf"(?<![\d.,])(?P<day>{_DAY})(?:st|nd|rd|th)? $")  # the 17 of 17 Aug 2025
# 2025年3月, 2025年3月1日, 3月1日, 3月. A month is always a date here: a duration of months is
# written 3ヶ月 or 3か月. A year alone (2025年) stays a number, as "in 2025" does.
JA_DATE = re.compile(rf"(?<![\d.])(?:(?P<year>\d{{4}})年\s?)?(?P<month>1[0-2]|0?[1-9])月(?:\s?(?P<day>{_DAY})日)?")
# Model and software families whose releases are numbered and written with a space as often as
# with a hyphen: "Llama 3" is "Llama-3", "Qwen 2.5-7B" is "Qwen-2.5-7B". Only these names take
# the number after a space: after any other word a number stays a number (top 5 models,
# System 1, RTX 4090, AIME 2024, BLEU 30.5, Section 3.2), because the look of a word cannot tell
# a model family from a metric, a benchmark or a label, and a translator renders those apart
# (スコア30.5, 3.2節). A number that a unit, a scale or a counter follows is a quantity even
# after a family name (Llama 2 times, GPT 3つ).
VERSIONED_FAMILIES = frozenset(
    {
        "llama", "qwen", "gemma", "gemini", "claude", "gpt", "mistral", "mixtral", "phi", "falcon", "vicuna", "yi",
        "grok", "deepseek", "internlm", "internvl", "llava", "olmo", "glm", "chatglm", "minicpm", "python", "cuda",
        "pytorch",
    }
)
# A capitalised word, a space and a version with the rest of a name (Qwen 2.5-7B): a versioned
# name when the word is one of VERSIONED_FAMILIES, whatever its case (LLaMA 2, GPT 4).
SPACED_VERSION = re.compile(
    r"(?<![A-Za-z0-9_.\-])(?P<name>[A-Z][A-Za-z]*) \d+(?:\.\d+)*(?:[-_.][A-Z0-9][A-Za-z0-9]*)*"
    rf"(?![A-Za-z0-9]|[.,]\d|\s?(?:[%×倍万億兆]|x\b|percent\b|times\b|-?fold\b|(?:{_SCALE})\b|{'|'.join(JA_COUNTERS)}))"
)
CIRCLED = re.compile(r"[\u2460-\u2473]")  # ①..⑳
ENUMERATOR = re.compile(r"\((\d{1,2})\)")
ENUMERATOR_RANGE = re.compile(r"\((\d{1,2})\)\s?[-〜~]\s?\((\d{1,2})\)")
# A quantity written with digits: 128,000 / 12.8万 / 1億2000万 / 128K / 3 billion, then a unit.
QUANTITY = re.compile(
    rf"(?P<num>{_DIGITS})"
    rf"(?P<scale>(?:[万億兆](?:\d+(?:\.\d+)?[万千])?)|[KkMBT](?![A-Za-z0-9])|\s(?:{_SCALE})\b)?"
    r"(?P<unit>\s?(?:%|percent\b|パーセント)|\s?(?:x|×)(?![A-Za-z0-9])|\s?倍|-?\s?fold\b|\s(?:times)\b)?"
)
RANGE_JOIN = re.compile(r"\s?[-〜~]\s?")
WORD_QUANTITY = re.compile(
    rf"\b(?:(?P<a>a|an)(?=\s(?:{_SCALE})\b)|(?P<words>(?:{_WORD_NUMBER})(?:-(?:{'|'.join(UNITS)}))?)\b(?!-shot))"
    rf"(?P<scales>(?:[\s-](?:{_SCALE})\b)*)"
    r"(?P<unit>\s(?:percent)\b|-?fold\b|\stimes\b)?"
)  # matched on ASCII-lowercased text
ORDINAL_EN = re.compile(rf"\b(?:(?P<word>{'|'.join(ORDINAL_WORDS)})|(?P<num>\d+)(?:st|nd|rd|th))\b")
ORDINAL_JA = re.compile(rf"第(?P<num>\d+|[{_KANJI_NUMERAL}]+)|(?P<pre>\d+|[{_KANJI_NUMERAL}]+)(?:つ目|番目)")
KANJI_QUANTITY = re.compile(
    rf"(?P<num>[{_KANJI_NUMERAL}](?<![{JA_WORD_BEFORE_NUMERAL}{_KANJI_NUMERAL}][{_KANJI_NUMERAL}])"
    rf"[{_KANJI_NUMERAL}]*[万億兆]?(?:[{_KANJI_NUMERAL}]+[万億兆]?)*)"
    rf"(?P<counter>{'|'.join(JA_COUNTERS)})?"
)
# Each pass below runs only when the sentence has a word it could start from: the letter runs
# of a sentence are found once, and a set lookup is much cheaper than a regular expression
# that fails at every position. Every match of these passes contains one of its words whole.
LETTER_RUN = re.compile(r"[a-z]+")  # on ASCII-lowercased text
NUMBER_WORDS = frozenset([*UNITS, *TEENS, *TENS, "zero", *SCALE_WORDS])
ORDINAL_HINTS = frozenset([*ORDINAL_WORDS, "st", "nd", "rd", "th"])  # first, 2nd, 21st
MONTH_WORDS = frozenset([*MONTHS, *MONTH_ABBREVIATIONS])
CAPITAL = re.compile(r"[A-Z]")
DIGIT = re.compile(r"[0-9]")
LATIN_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[-_.+@/][A-Za-z0-9]+)*")
# A LATIN_TOKEN with a capital or a digit somewhere (GPT-4o, pre-GRPO, 128K), found without
# visiting the ordinary lower-case words around it.
_NAME = r"(?<![A-Za-z0-9])(?:[a-z]+[-_.+@/])*+[a-z]*+[A-Z0-9][A-Za-z0-9]*+(?:[-_.+@/][A-Za-z0-9]+)*+"
NAME_CANDIDATE = re.compile(_NAME)
# The same in Japanese text, where Latin characters are few: a look-ahead for one rejects each
# kana or kanji at once, twice as fast there (and slower in English, hence two patterns).
NAME_CANDIDATE_AMID_JAPANESE = re.compile("(?=[A-Za-z0-9])" + _NAME)
ACRONYM_PLURAL = re.compile(r"(?:[A-Z0-9][A-Za-z0-9.\-]*)?[A-Z0-9]s")
NAME_SEPARATORS = re.compile(r"[-_.\s]")
NUMERIC_HEAD = re.compile(r"[\d.,]+(?:[KkMBT]|x)?(?![A-Za-z0-9])")
ORDINAL_SUFFIXED = re.compile(r"\d+(?:st|nd|rd|th)")
SENTENCE_START_WORDS = {
    "the", "a", "an", "we", "our", "this", "these", "that", "in", "on", "to", "for", "by", "with",
    "however", "moreover", "furthermore", "finally", "specifically", "additionally", "also",
    "it", "its", "as", "and", "but", "or", "of", "from", "at", "while", "when", "although",
}
EXCLUDED_ONE = re.compile(r"(?:\b(?:no|any|every|some|each)\s+one\b|\bone\s+another\b)")


def extract_anchors(text: str) -> list[Anchor]:
    """Every anchor of text, in order of position; offsets index into text as given.

    The aligner and several checks ask for the anchors of the same sentences, so the answer
    is remembered per text."""
    return list(_anchors_of(text))


@lru_cache(maxsize=32768)
def _anchors_of(text: str) -> tuple[Anchor, ...]:
    folded = fold_width(text)
    lower = _ascii_lower(folded)
    japanese = not folded.isascii()
    digits = DIGIT.search(folded) is not None
    words = set(LETTER_RUN.findall(lower))
    taken = bytearray(len(folded))  # 1 where an anchor already covers the character
    anchors: list[Anchor] = []

    def add(kind: str, value: str, start: int, end: int) -> None:
        anchors.append(Anchor(kind, value, start, end, text[start:end]))
        taken[start:end] = b"\x01" * (end - start)

    def free(start: int, end: int) -> bool:
        return taken.find(1, start, end) < 0

    # Each pass runs only when the text has the characters its pattern starts with.
    for m in URL.finditer(folded) if "http" in lower else ():
        end = m.start() + len(_trim_url(m.group()))
        add("url", _normalise_url(folded[m.start() : end]), m.start(), end)
    for m in LATEX.finditer(folded) if "$" in folded or "\\" in folded else ():
        if free(m.start(), m.end()):
            add("latex", re.sub(r"\s+", "", m.group()[1:-1].strip("()[]\\")), m.start(), m.end())
    for m in ISO_DATE.finditer(folded) if digits and "-" in folded else ():
        if free(m.start(), m.end()):
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())  # a time stamp: neither number nor range
    if not words.isdisjoint(MONTH_WORDS):
        _english_dates(folded, add, free)
    if japanese and digits and "月" in folded:
        _japanese_dates(folded, add, free)
    if digits and not words.isdisjoint(VERSIONED_FAMILIES):
        _versioned_names(folded, add, free)
    if words:  # a name has a letter
        _latin_anchors(folded, NAME_CANDIDATE_AMID_JAPANESE if japanese else NAME_CANDIDATE, add, free)
    for m in ENUMERATOR_RANGE.finditer(folded) if digits and "(" in folded else ():
        if free(m.start(), m.end()):
            add("range", f"{int(m[1])}-{int(m[2])}", m.start(), m.end())
    for m in ORDINAL_EN.finditer(lower) if not words.isdisjoint(ORDINAL_HINTS) else ():
        if free(m.start(), m.end()):
            n = ORDINAL_WORDS[m["word"]] if m["word"] else int(m["num"])
            add("ordinal", str(n), m.start(), m.end())
    for m in ORDINAL_JA.finditer(folded) if japanese and ("第" in folded or "目" in folded) else ():
        if free(m.start(), m.end()):
            parsed = _parse_kanji_or_digits(m["num"] or m["pre"])
            if parsed is not None:
                add("ordinal", _fmt(parsed), m.start(), m.end())
    for m in ENUMERATOR.finditer(folded) if digits and "(" in folded else ():
        if free(m.start(), m.end()):
            add("enumerator", str(int(m[1])), m.start(), m.end())
    for m in CIRCLED.finditer(folded) if japanese else ():
        if free(m.start(), m.end()):
            add("enumerator", str(ord(m.group()) - 0x2460 + 1), m.start(), m.end())
    if digits:
        _digit_quantities(folded, add, free)
    _word_quantities(lower, words, add, free)
    if japanese:
        _kanji_quantities(folded, add, free)
        _japanese_multiplier_words(folded, add, free)
    anchors.sort(key=attrgetter("start"))
    return tuple(anchors)


# --- Latin names --------------------------------------------------------------------------


def normalise_latin(token: str) -> str:
    """Comparison form of a Latin token: width, case, hyphens, dots and an acronym plural dropped."""
    token = fold_width(token)
    if ACRONYM_PLURAL.fullmatch(token) and sum(c.isupper() for c in token) >= 2:
        token = token[:-1]  # LLMs → LLM
    return NAME_SEPARATORS.sub("", token).casefold()


def _naming(token: str) -> tuple[bool, bool]:
    """Whether a Latin token names something (GPT-4o, LLMs, rStar, Meta) rather than being an
    ordinary word, and whether only away from the start of a sentence: there a capital says
    nothing (Meta is a name mid-sentence; Remarkably is not at the start)."""
    letters = sum(map(str.isalpha, token))
    if not letters:
        return False, False
    if DIGIT.search(token):
        return len(token) >= 2, False
    if CAPITAL.search(token, 1):  # a capital after the first character: LLMs, RoPE, rStar
        return letters >= 2, False
    if token[0].isupper() and letters >= 2:
        return token.lower() not in SENTENCE_START_WORDS, True
    return False, False


def _versioned_names(folded: str, add, free) -> None:
    for m in SPACED_VERSION.finditer(folded):
        if m["name"].lower() in VERSIONED_FAMILIES and free(m.start(), m.end()):
            add("latin", normalise_latin(m.group()), m.start(), m.end())


def _latin_anchors(folded: str, candidates: re.Pattern, add, free) -> None:
    for m in candidates.finditer(folded):
        start, end = m.span()
        if free(start, end):
            value, mid_sentence_only = latin_value(m.group())
            if value is not None and not (mid_sentence_only and _sentence_initial(folded, start)):
                add("latin", value, start, end)


@lru_cache(maxsize=65536)
def latin_value(token: str) -> tuple[str | None, bool]:
    """The normalised value of a Latin token that names something (else None), and whether it
    does so only away from the start of a sentence (see _naming). Remembered: the same names
    come back sentence after sentence."""
    names, mid_sentence_only = (False, False) if token[0].isdigit() and _numeric_token(token) else _naming(token)
    return (normalise_latin(token) if names else None), mid_sentence_only


def _numeric_token(token: str) -> bool:
    """Tokens left to the number grammar: 128K, 10B, 80x, 3.8, 1-3, 2nd, 7B-parameter, 80-fold."""
    head = NUMERIC_HEAD.match(token)
    if not head:
        return bool(ORDINAL_SUFFIXED.fullmatch(token))
    rest = token[head.end() :]
    return not rest or rest[0] == "-" and (rest[1:2].isdigit() or rest[1:].isalpha() and rest[1:].islower())


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\n\"'“‘(「*":
        i -= 1
    return i < 0 or text[i] in ".!?。！？:"


# --- quantities -----------------------------------------------------------------------------


def _digit_quantities(folded: str, add, free) -> None:
    matches = [m for m in QUANTITY.finditer(folded) if free(m.start(), m.end())]
    i = 0
    while i < len(matches):
        m = matches[i]
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if nxt and RANGE_JOIN.fullmatch(folded, m.end(), nxt.start()) and not m["scale"] and not m["unit"]:
            if free(m.start(), nxt.end()):
                lo, hi = _quantity_value(m, nxt["unit"]), _quantity_value(nxt)
                add("range", f"{lo[1]}-{hi[1]}", m.start(), nxt.end())
                i += 2
                continue
        kind, value = _quantity_value(m)
        add(kind, value, m.start(), m.end())
        i += 1


def _quantity_value(m: re.Match, unit_override: str | None = None) -> tuple[str, str]:
    digits = m["num"].replace(",", "")
    number: int | Decimal = int(digits) if digits.isdigit() else Decimal(digits)
    scale = (m["scale"] or "").strip()
    if scale:
        number = _apply_scale(number, scale)
    return _with_unit(number, unit_override if unit_override is not None else m["unit"])


def _apply_scale(number: int | Decimal, scale: str) -> int | Decimal:
    if scale in SCALE_SUFFIX:
        return number * SCALE_SUFFIX[scale]
    if scale.lower() in SCALE_WORDS:
        return number * SCALE_WORDS[scale.lower()]
    # 億2000万: the big unit, then an optional lower part with its own unit.
    total = number * JA_BIG_UNITS[scale[0]]
    rest = re.fullmatch(r"(\d+(?:\.\d+)?)([万千])", scale[1:])
    if rest:
        total += Decimal(rest[1]) * (JA_BIG_UNITS.get(rest[2]) or JA_SMALL_UNITS[rest[2]])
    return total


def _with_unit(number: Decimal | int, unit: str | None) -> tuple[str, str]:
    unit = (unit or "").strip().lower()
    if unit in ("%", "percent", "パーセント"):
        return "percent", f"{_fmt(number)}%"
    if unit in ("x", "×", "倍", "times") or unit.endswith("fold"):
        return "multiplier", f"{_fmt(number)}x"
    return "number", _fmt(number)


def _word_quantities(lower: str, words: set[str], add, free) -> None:
    for m in WORD_QUANTITY.finditer(lower) if not words.isdisjoint(NUMBER_WORDS) else ():
        if not free(m.start(), m.end()) or EXCLUDED_ONE.search(lower, max(0, m.start() - 6), m.end() + 8):
            continue
        if m["a"] and not m["scales"].strip():
            continue
        number = Decimal(1) if m["a"] else Decimal(_parse_number_words(m["words"]))
        for scale in re.split(r"[\s-]+", m["scales"].strip()):
            if scale:
                number *= SCALE_WORDS[scale]
        kind, value = _with_unit(number, m["unit"])
        add(kind, value, m.start(), m.end())
    for m in MULTIPLIER_WORD.finditer(lower) if not words.isdisjoint(MULTIPLIER_FORMS) else ():
        if free(m.start(), m.end()) and _states_multiplier(lower, m):
            value = next(v for stem, v in MULTIPLIER_WORDS.items() if m.group().startswith(stem))
            add("multiplier", f"{value}x", m.start(), m.end())


def _states_multiplier(lower: str, m: re.Match) -> bool:
    """Whether a multiplier word says how many times: the verbs and twice always do; half only
    where it quantifies, and halves not as the noun."""
    before = lower[max(0, m.start() - 12) : m.start()]
    if m.group() == "half":
        quantifies = QUANTIFYING_BEFORE_HALF.search(before) or QUANTIFYING_AFTER_HALF.match(lower, m.end())
        return bool(quantifies) and not HALF_IS_A_PART.search(before)
    return m.group() != "halves" or not HALVES_NOUN.search(before)


def _parse_number_words(words: str) -> int:
    total = 0
    for part in words.split("-"):
        total += UNITS.get(part) or TEENS.get(part) or TENS.get(part) or 0
    return total


def _kanji_quantities(folded: str, add, free) -> None:
    for m in KANJI_QUANTITY.finditer(folded):
        text = m["num"]
        countable = m["counter"] or any(u in text for u in "百千万億兆") and len(text) >= 2
        if not countable or not free(m.start(), m.end()):
            continue
        number = _parse_kanji_or_digits(text)
        if number is None:
            continue
        kind, value = _with_unit(number, "倍" if m["counter"] == "倍" else None)
        add(kind, value, m.start(), m.end())


def _japanese_multiplier_words(folded: str, add, free) -> None:
    for m in JA_MULTIPLIER_WORD.finditer(folded) if "半" in folded or "倍" in folded else ():
        if free(m.start(), m.end()):
            add("multiplier", f"{JA_MULTIPLIER_WORDS[m.group()]}x", m.start(), m.end())


# --- dates ----------------------------------------------------------------------------------


def _english_dates(folded: str, add, free) -> None:
    for m in EN_DATE.finditer(folded):
        before = DAY_BEFORE_MONTH.search(folded, max(0, m.start() - 6), m.start())
        day = m["day"] or before and before["day"]
        month = m["month"].lower()
        if not (day or m["year"]) and (month not in MONTHS or month == "may"):
            continue
        start = before.start() if before else m.start()
        if free(start, m.end()):
            number = MONTHS.get(month) or MONTH_ABBREVIATIONS[month]
            add("number", _date_value(m["year"], number, day), start, m.end())


def _japanese_dates(folded: str, add, free) -> None:
    for m in JA_DATE.finditer(folded):
        if free(m.start(), m.end()):
            add("number", _date_value(m["year"], int(m["month"]), m["day"]), m.start(), m.end())


def _date_value(year: str | None, month: int, day: str | None) -> str:
    """ISO form of a date, as precise as it was written: 2025-03, 2025-03-01, --03, --03-01."""
    value = f"{year}-{month:02d}" if year else f"--{month:02d}"
    return f"{value}-{int(day):02d}" if day else value


def _parse_kanji_or_digits(text: str) -> Decimal | None:
    """'三' → 3, '百万' → 1000000, '十二' → 12, '二千五百' → 2500, '12' → 12; None if malformed."""
    if text.isdigit():
        return Decimal(text)
    total = section = digit = 0
    seen_digit = False
    for ch in text:
        if ch in JA_DIGITS:
            digit = digit * 10 + JA_DIGITS[ch] if seen_digit else JA_DIGITS[ch]
            seen_digit = True
        elif ch in JA_SMALL_UNITS:
            section += (digit if seen_digit else 1) * JA_SMALL_UNITS[ch]
            digit, seen_digit = 0, False
        elif ch in JA_BIG_UNITS:
            total += (section + digit or 1) * JA_BIG_UNITS[ch]
            section = digit = 0
            seen_digit = False
        else:
            return None
    return Decimal(total + section + digit)


def _fmt(number: Decimal | int) -> str:
    """Canonical decimal text: 128000, 98.5, 0.5 (no exponent, no trailing zeros)."""
    if isinstance(number, int):  # most numbers: str is canonical already, and cheaper
        return str(number)
    return format(number.normalize(), "f")


# --- URLs -----------------------------------------------------------------------------------


def _trim_url(url: str) -> str:
    """A URL without the sentence punctuation or unmatched closing bracket that follows it."""
    while url and url[-1] in ".,;:!?'\"":
        url = url[:-1]
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    return url


def _normalise_url(url: str) -> str:
    url = re.sub(r"^https?://(?:www\.)?", "", url)
    host, _, path = url.partition("/")
    return (host.lower() + ("/" + path if path else "")).rstrip("/")
