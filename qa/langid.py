"""Stage 4 (detect language): per sentence and per section, ja / en / code / other / none.

Script decides first: any kana is Japanese; Han without kana is Japanese inside a Japanese
document (short kanji-only text is not Chinese); Latin-only text is English. langdetect, seeded
for determinism, is asked only about longer Han text in non-Japanese documents (Chinese or
Japanese?), so a run over Japanese digests never loads its profiles (a third of a second).
Code blocks are `code`; URLs, numbers, maths and symbols carry no language (`none`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel

from qa.model import Digest, Lang, Location, Section

# URLs, inline code, maths and numbers. Numbers are spelt out by their first digit so that every
# alternative starts with a literal character: the regex engine then skips to those characters
# instead of trying each alternative at every position (three times faster).
NUMBER = "|".join(f"{digit}[0-9０-９]*" for digit in "0123456789０１２３４５６７８９")
NON_LINGUISTIC = re.compile(r"https?://\S+|`[^`]*`|\$[^$]*\$|\\\(.*?\\\)|" + NUMBER)
KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ\u00c0-\u024f]")
HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
PLAIN_LATIN_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgijklmnopqrstuvwxyz")  # not h (of http)
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
EXPECTED_LANGUAGE_SHARE = 0.15
STATISTICAL_MIN_LETTERS = 40  # below this langdetect is a coin toss
# An English run inside Japanese prose is worth flagging only when it reads as a sentence.
UNTRANSLATED_MIN_WORDS = 4
FUNCTION_WORDS = {
    "the", "a", "an", "of", "to", "and", "this", "that", "in", "for", "with", "by", "on", "but",
    "not", "or", "as", "from", "at", "which", "than", "their", "its", "more",
}
# A finite verb or a subject pronoun makes a run of words a clause, not a title or a term.
CLAUSE_WORDS = {"is", "are", "was", "were", "be", "been", "will", "can", "could", "we", "our", "it", "they", "has", "have", "does", "do", "should", "may"}
REFERENCE_HEADING = re.compile(r"参考文献|References|Bibliography|関連論文")
CITATION = re.compile(r"et al\.|\(\d{4}\)|\b(?:19|20)\d{2}\b|arXiv|\d{4}\.\d{4,5}|[\"“][^\"”]+[\"”]")


@lru_cache(maxsize=1)
def _langdetect():
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0  # langdetect is random by default; make runs reproducible
    return detect_langs


def detect_text(text: str, japanese_document: bool = True) -> Lang:
    if text.isascii():  # no kana, Hangul or Han to search for: a ninth of the time of English text
        return Lang.EN if _has_latin_letter(text) else Lang.NONE
    residual = NON_LINGUISTIC.sub(" ", text)
    if KANA.search(residual):
        return Lang.JA
    if HANGUL.search(residual):
        return Lang.OTHER
    if HAN.search(residual):
        if japanese_document:
            return Lang.JA
        letters = len(HAN.findall(residual)) + len(LATIN.findall(residual))  # counted only when they decide
        return _statistical(residual, letters, default=Lang.OTHER)
    if LATIN.search(residual):
        return Lang.EN
    return Lang.NONE


def _has_latin_letter(text: str) -> bool:
    """A Latin letter outside URLs, code, maths and numbers. Those spans start with h, `, $, \\
    or a digit, so another letter that starts the text is outside them: no need to cut them out."""
    return text[:1] in PLAIN_LATIN_START or LATIN.search(NON_LINGUISTIC.sub(" ", text)) is not None


def _statistical(text: str, letters: int, default: Lang) -> Lang:
    if letters < STATISTICAL_MIN_LETTERS:
        return default
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = _langdetect()(text)[0]
    except LangDetectException:
        return default
    if best.lang == "en":
        return Lang.EN
    if best.lang == "ja":
        return Lang.JA
    return Lang.OTHER if best.prob >= 0.9 else default


def section_language(section: Section) -> Lang:
    """The section's language: the expected one when it holds a fair share of the text (settings
    tables mix English names into Japanese sections), else the majority. A reference list cites
    English titles by design: any text in the expected language (its notes) makes it that language."""
    weights: dict[Lang, int] = {}
    for block in section.blocks:
        for sentence in block.sentences:
            weights[sentence.lang] = weights.get(sentence.lang, 0) + len(sentence.text)
    spoken = {k: v for k, v in weights.items() if k in (Lang.JA, Lang.EN, Lang.OTHER)}
    if spoken:
        expected = spoken.get(section.expected_lang, 0)
        share = 0 if is_reference_list(section) else EXPECTED_LANGUAGE_SHARE
        if expected and expected >= share * sum(spoken.values()):
            return section.expected_lang
        return max(spoken, key=spoken.get)
    return Lang.CODE if Lang.CODE in weights else Lang.NONE


def is_reference_list(section: Section) -> bool:
    return bool(section.heading and REFERENCE_HEADING.search(section.heading))


class LanguageIssue(BaseModel):
    """A language problem found while detecting: a finding-to-be for the `lang` checks."""

    kind: str  # section-language | untranslated-sentence | japanese-in-english
    paper: str | None
    section: str
    message: str
    text: str
    loc: Location


def is_japanese_document(digest: Digest) -> bool:
    return any(
        KANA.search(b.text) for p in digest.all_papers() for s in p.sections for b in s.blocks
    )


def detect_languages(digest: Digest) -> list[LanguageIssue]:
    """Label every sentence and section of a segmented digest in place; return the issues."""
    label_languages(digest)
    return language_issues(digest)


def label_languages(digest: Digest) -> None:
    """Label every sentence and section of a segmented digest in place."""
    japanese_document = is_japanese_document(digest)
    for paper in digest.all_papers():
        for section in paper.sections:
            for block in section.blocks:
                for sentence in block.sentences:
                    sentence.lang = Lang.CODE if block.kind == "code" else detect_text(sentence.text, japanese_document)
            section.lang = section_language(section)


def language_issues(digest: Digest) -> list[LanguageIssue]:
    """The language issues of a digest whose sentences are already labelled."""
    return [issue for paper in digest.all_papers() for section in paper.sections for issue in _section_issues(paper.id, section)]


def _section_issues(paper_id: str | None, section: Section) -> list[LanguageIssue]:
    issues: list[LanguageIssue] = []
    if is_reference_list(section):
        return issues  # reference lists cite English titles by design
    if section.lang in (Lang.JA, Lang.EN, Lang.OTHER) and section.lang != section.expected_lang:
        issues.append(
            LanguageIssue(
                kind="section-language",
                paper=paper_id,
                section=section.kind,
                message=f"section {section.kind} should be {section.expected_lang.value} but reads as {section.lang.value}",
                text=section.body[:120],
                loc=section.loc,
            )
        )
        return issues
    for sentence in section.sentences:
        if section.expected_lang == Lang.JA and sentence.lang == Lang.EN and is_english_prose(sentence.text):
            issues.append(
                LanguageIssue(
                    kind="untranslated-sentence",
                    paper=paper_id,
                    section=section.kind,
                    message="English sentence left untranslated in Japanese text",
                    text=sentence.text,
                    loc=sentence.loc,
                )
            )
        elif section.expected_lang == Lang.EN and sentence.lang == Lang.JA:
            issues.append(
                LanguageIssue(
                    kind="japanese-in-english",
                    paper=paper_id,
                    section=section.kind,
                    message="Japanese text in an English field",
                    text=sentence.text,
                    loc=sentence.loc,
                )
            )
    return issues


def is_english_prose(text: str) -> bool:
    """A run of English that reads as a sentence, not a term, a name, a title or a citation."""
    words = WORD.findall(NON_LINGUISTIC.sub(" ", text))
    if len(words) < UNTRANSLATED_MIN_WORDS or CITATION.search(text):
        return False
    lowered = [w.lower() for w in words]
    if any(w in CLAUSE_WORDS for w in lowered):
        return True
    return len(words) >= 6 and sum(w in FUNCTION_WORDS for w in lowered) >= 2
