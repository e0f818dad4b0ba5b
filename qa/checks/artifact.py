"""`artifact` rules: text a generating model or a scraped site left behind."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from qa.checks.base import CheckContext, Rule
from qa.findings import Severity
from qa.model import Lang


class SplitPattern:
    """A regex in two parts with the matches of their alternation, found faster.

    Each part starts with a character class or a literal character, so the regex engine skips
    ahead to those characters; their alternation would try every alternative at every position.
    No position starts a match of both parts.
    """

    def __init__(self, leading: str, english: str):
        self.leading = re.compile(leading)
        self.english = re.compile(english)

    def finditer(self, text: str) -> Iterator[re.Match]:
        return _matches_of_either(self.leading, self.english, text)


def _matches_of_either(first: re.Pattern, second: re.Pattern, text: str) -> Iterator[re.Match]:
    """What (?:first|second).finditer(text) yields, for patterns that never match at one
    position: the leftmost match, then the leftmost one from where it ends, and so on."""
    first_next, second_next = first.search(text), second.search(text)
    while first_next or second_next:
        if second_next is None or (first_next is not None and first_next.start() < second_next.start()):
            match = first_next
        else:
            match = second_next
        yield match
        end = match.end()
        if first_next is not None and first_next.start() < end:
            first_next = first.search(text, end)
        if second_next is not None and second_next.start() < end:
            second_next = second.search(text, end)


# Chat replies and commentary about the text itself: never part of a digest. English words are
# delimited by "no Latin letter" rather than \b, since they sit right against kana and kanji.
# An English phrase ignores case: its first letter is spelt outside (?i:…) in every character
# that folds to it (İ and ı fold to i, ſ to s), and (?<![A-Za-z].) after it is the look-behind
# before it.
META_COMMENTARY = SplitPattern(
    r"このタイトルは.{0,300}?(?:示して|表して|意味して)い(?:ます|る)"
    r"|以下は.{0,40}?(?:要約|まとめ)です"
    r"|はい、?(?:承知|かしこまり|わかり)(?:いた)?しました|承知(?:いた)?しました"
    r"|申し訳(?:ありません|ございません)が",
    english=r"[SsſCcOoAaIiİıHh](?i:(?<![A-Za-z].)(?:"
    r"(?:(?<=s)ure|(?<=c)ertainly|(?<=o)f course),? here(?: is|'s)"
    r"|(?<=a)s an AI|(?<=i) hope this helps|(?<=h)ere is (?:a|the) (?:summary|translation)"
    r")(?![A-Za-z]))",
)
# The writer admits the source was not read: the section is filler, not a summary.
# Each alternative of this regex and BOILERPLATE starts with a literal character, so that the
# regex engine skips to those characters instead of trying every alternative at every
# position (four times faster).
_NOT_GIVEN = "(?:が|は)(?:提供されていない|ない|含まれていない|与えられていない)(?:ため|ので)"
MISSING_SOURCE = re.compile(
    rf"本文{_NOT_GIVEN}|論文本文{_NOT_GIVEN}|全文{_NOT_GIVEN}"
    r"|本文に記載がない(?:ため|ので)"
    r"|論文自体に参考文献(?:の)?リストが(?:ない|含まれていない)(?:ため|ので)"
    r"|abstractを読む限り|アブストラクトのみ(?:から|に基づ)"
    r"|情報は(?:抽出|特定)できませんでした|詳細は(?:抽出|特定)できませんでした"
    r"|著者ら?に(?:直接)?問い合わせ|筆者ら?に(?:直接)?問い合わせ"
)
_SPECIFIC = r"[^`()（）\n]{0,30}の具体的な(?:数値|値|内容|名称)[)）`]"  # after one of `(（
_SEE_SOURCE = r"具体的な[^()（）\n]{0,20}は(?:本文|論文|原文)を参照[)）]"  # after ( or （
PLACEHOLDER = SplitPattern(
    r"\[要確認\]|〇〇|○○|\{\{[^}]*\}\}"
    + "".join(f"|{re.escape(opener)}{_SPECIFIC}" for opener in "`(（")
    + "".join(f"|{re.escape(opener)}{_SEE_SOURCE}" for opener in "(（"),
    english=r"[TFX<Ll](?:"
    r"(?i:(?<![A-Za-z0-9].))(?:(?<=T)(?:ODO|BD)|(?<=F)IXME|(?<=X)XX)(?i:(?![A-Za-z0-9]))"
    r"|(?i:(?<=<)placeholder>|(?<=l)orem ipsum))",
)
BOILERPLATE = re.compile(
    r"本記事で使用している画像は|本サイトの運営者は|関連論文リストは本サイト内|指定された論文の情報です"
    r"|All rights reserved|Cookie|Subscribe to"
)
UNFINISHED_TAIL = re.compile(r"(?:[、,，]|[^\s。．.!！?？）)」』\]*:：]\s*(?:が|を|に|の|と|は|て|で|や|から|より|ので|けど))$")
HASHTAG_END = re.compile(r"#\S+$")
MIN_DUPLICATE_CHARS = 40


# The pattern rules search the sentences of all text blocks at once, joined by a separator that
# no match crosses or starts in: `.` and the bracket classes stop at its newlines, and
# `\{\{[^}]*\}\}` at its brace, which no second brace follows. To a look-around, a separator
# is what the start or end of a sentence is: no letter or digit.
SEPARATOR = "\n}\n"


@dataclass
class _JoinedBlocks:
    blocks: list[tuple]  # (paper, block) of every text block that has sentences
    starts: list[int]  # where each block's first sentence starts in text
    text: str  # the sentences of all blocks joined by SEPARATOR

    def blocks_at(self, matches: Iterator[re.Match]) -> Iterator[tuple]:
        """(paper, block) of the blocks where the matches (in text order) are, each once."""
        last = None
        for match in matches:
            index = bisect_right(self.starts, match.start()) - 1
            if index != last:
                yield self.blocks[index]
                last = index


def _joined_blocks(context: CheckContext) -> _JoinedBlocks:
    """The text blocks (code left out) joined once per run for the four pattern rules: one search
    in a long text instead of one per sentence, most of which hold no match."""
    return context.memo("artifact joined blocks", lambda: _join_blocks(context))


def _join_blocks(context: CheckContext) -> _JoinedBlocks:
    blocks, starts, texts = [], [], []
    position = 0
    for _, paper, section in context.sections():
        for block in section.blocks:
            if block.kind == "code" or not block.sentences:
                continue
            blocks.append((paper, block))
            starts.append(position)
            for sentence in block.sentences:
                texts.append(sentence.text)
                position += len(sentence.text) + len(SEPARATOR)
    return _JoinedBlocks(blocks, starts, SEPARATOR.join(texts))


class _PatternRule(Rule):
    pattern: re.Pattern | SplitPattern
    message: str
    # A paragraph of model commentary often matches several phrases; one finding says it.
    # Each placeholder, by contrast, is a separate gap to fill.
    each_match: bool = False

    def check(self, context: CheckContext):
        joined = _joined_blocks(context)
        # Each match in the joined text is one in a sentence; the blocks that have one are
        # searched again sentence by sentence, for the matches and their places in the sentences.
        for paper, block in joined.blocks_at(self.pattern.finditer(joined.text)):
            matches = ((sentence, m) for sentence in block.sentences for m in self.pattern.finditer(sentence.text))
            for sentence, m in matches if self.each_match else islice(matches, 1):
                yield self.finding(
                    self.message.format(text=m.group()),
                    context.sentence_span(sentence, m.start(), m.end()),
                    paper=paper.id,
                    ja=sentence.text,
                )


class MetaCommentary(_PatternRule):
    id = "artifact.meta_commentary"
    severity = Severity.ERROR
    description = "Commentary or chat text from a generating model (「このタイトルは…を示しています」, 「はい、承知しました」, \"Sure, here is\")."
    example = "このタイトルは、テスト時に…についての研究を示しています。 → model commentary in the title"
    pattern = META_COMMENTARY
    message = "text written by a generating model, not part of the digest: '{text}'"


class MissingSource(_PatternRule):
    id = "artifact.missing_source"
    severity = Severity.WARNING
    description = "The writer says the paper's text was not available (or sends the reader to it): the section is filler, not a summary."
    example = "本文が提供されていないため、詳細は不明です。 → the summary was written without the paper"
    pattern = MISSING_SOURCE
    message = "filler instead of content: the writer says the paper's information was not available to it: '{text}'"


class Placeholder(_PatternRule):
    id = "artifact.placeholder"
    severity = Severity.ERROR
    description = "Placeholder text left unfilled (TODO, 〇〇, [要確認], `(…の具体的な数値)`)."
    example = "フレーム解像度を`(フレーム解像度の具体的な数値)`に設定 → placeholder never filled in"
    pattern = PLACEHOLDER
    each_match = True
    message = "placeholder left in the text: '{text}'"


class Boilerplate(_PatternRule):
    id = "artifact.boilerplate"
    severity = Severity.WARNING
    description = "Site boilerplate copied with the text (image credits, disclaimers, site notices)."
    example = "本記事で使用している画像は論文中の図表… → notice of the source site, not digest text"
    pattern = BOILERPLATE
    message = "boilerplate of the source site copied into the digest: '{text}'"


class UnfinishedSentence(Rule):
    id = "artifact.unfinished"
    severity = Severity.WARNING
    description = "A paragraph that stops mid-sentence (ends on 、 or a particle), as a cut-off generation does."
    example = "…を組み合わせることで、 (end of paragraph) → sentence never finished"

    def check(self, context: CheckContext):
        for _, paper, section in context.sections():
            if section.expected_lang != Lang.JA:
                continue
            for block, following in zip(section.blocks, [*section.blocks[1:], None]):
                if block.kind != "paragraph" or not block.sentences:
                    continue
                if following is not None and following.kind in ("list_item", "code", "table"):
                    continue  # 「問題点として、」 leads into the list below it
                last = block.sentences[-1]
                if last.lang == Lang.JA and not HASHTAG_END.search(last.text) and UNFINISHED_TAIL.search(last.text):
                    yield self.finding("the paragraph ends mid-sentence", last.loc, paper=paper.id, ja=last.text)


class DuplicateParagraph(Rule):
    id = "artifact.duplicate_paragraph"
    severity = Severity.WARNING
    description = "The same paragraph appears twice in one digest."
    example = "a 3-line paragraph repeated under ## 3. and ## 4. → duplicate of line 120"

    def check(self, context: CheckContext):
        for _, digest in context.parsed:
            blocks = defaultdict(list)
            for paper in digest.all_papers():
                for section in paper.sections:
                    for block in section.blocks:
                        key = " ".join(block.text.split())
                        if block.kind != "code" and len(key) >= MIN_DUPLICATE_CHARS:
                            blocks[key].append((paper, section, block))
            for places in blocks.values():
                first_line = places[0][2].loc.line
                for paper, section, block in places[1:]:
                    message = f"paragraph repeats the one at line {first_line}"
                    if section.expected_lang == Lang.EN:  # the paragraph is evidence on its own language's side
                        yield self.finding(message, block.loc, paper=paper.id, en=block.text)
                    else:
                        yield self.finding(message, block.loc, paper=paper.id, ja=block.text)
