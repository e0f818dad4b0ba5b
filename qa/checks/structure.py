"""`structure` rules: the digest's skeleton — papers, sections, links, ids, dates, titles."""

from __future__ import annotations

import re
import unicodedata

from qa.checks.base import CheckContext, Rule
from qa.findings import Severity

ID_MONTH_SLACK_DAYS = 2
QUESTION_TEMPLATE = tuple(f"question-{n}" for n in range(1, 9))
LENGTH_PROMISE = re.compile(r"(?P<n>\d+)\s*(?:字|文字)以内")
NEW_STYLE_ID = re.compile(r"(?P<yy>\d{2})(?P<mm>\d{2})\.\d{4,5}")


class DuplicatePaper(Rule):
    id = "structure.duplicate_paper"
    severity = Severity.ERROR
    description = "The same arXiv paper appears twice in one digest."
    example = "two entries linking http://arxiv.org/abs/2502.20082 → duplicate of the paper at line 65"

    def check(self, context: CheckContext):
        for _, digest in context.parsed:
            first_seen: dict[str, int] = {}
            for paper in digest.papers:
                if not paper.id:
                    continue
                if paper.id in first_seen:
                    # The title is the evidence, so a baseline entry survives edits above the paper.
                    title_ja = paper.title if paper.title != paper.title_en else None
                    yield self.finding(
                        f"paper {paper.id} already appears at line {first_seen[paper.id]}",
                        paper.loc,
                        paper=paper.id,
                        en=paper.title_en,
                        ja=title_ja,
                    )
                else:
                    first_seen[paper.id] = paper.loc.line


class MissingSection(Rule):
    id = "structure.missing_section"
    severity = Severity.ERROR
    description = "A paper lacks a section its format requires (the 8 questions; a daily entry's アブストラクト and 要約)."
    example = "a summary with ## 1. … ## 7. but no ## 8. → missing question-8"

    REQUIRED = {
        "paper-summaries": QUESTION_TEMPLATE,
        "daily-digest": ("abstract_ja", "summary"),
        "abstract-page": ("title_en", "abstract_en"),
    }

    def check(self, context: CheckContext):
        for _, digest in context.parsed:
            required = self.REQUIRED.get(digest.format, ())
            for paper in digest.papers:
                present = {s.kind for s in paper.sections}
                missing = [kind for kind in required if kind not in present]
                if missing:
                    yield self.finding(f"missing section(s): {', '.join(missing)}", paper.loc, paper=paper.id)


class EmptySection(Rule):
    id = "structure.empty_section"
    severity = Severity.ERROR
    description = "A section heading with no text under it."
    example = "## 6. コストや物理的な詳細について followed directly by ## 7. → empty question-6"

    def check(self, context: CheckContext):
        for _, paper, section in context.sections():
            if not section.blocks:
                yield self.finding(f"section {section.kind} is empty", section.loc, paper=paper.id)


class LengthPromise(Rule):
    id = "structure.length"
    severity = Severity.ERROR
    description = "A section whose heading promises a length (「140字以内」) is longer than promised."
    example = "## 8. この論文を140字以内のツイートで要約すると？ followed by 142 characters → 142 > 140"

    def check(self, context: CheckContext):
        for _, paper, section in context.sections():
            promise = LENGTH_PROMISE.search(section.heading or "")
            if not promise or not section.blocks:
                continue
            text = section.body.replace("\n", "")  # spaces count, as on the platforms; line breaks are layout
            limit = int(promise["n"])
            if len(text) > limit:
                yield self.finding(
                    f"{len(text)} characters where the heading promises at most {limit}",
                    section.blocks[0].loc,
                    paper=paper.id,
                    ja=section.body,
                )


class IdDateMismatch(Rule):
    id = "structure.id_date"
    severity = Severity.WARNING
    description = "The arXiv id's year and month (2508.x = Aug 2025) disagree with the paper's date."
    example = "http://arxiv.org/abs/2508.12387 with Date: 2025-06-17 → dated before its id's month"

    def check(self, context: CheckContext):
        for _, paper in context.papers():
            dates = [d for d in (paper.date, self._record_date(context, paper.id)) if d]
            month = self._id_month(paper.id)
            if not month or not dates:
                continue
            for date in dates:
                if _month_with_slack(date) < month:
                    yield self.finding(
                        f"date {date} is before {month}, the month its arXiv id {paper.id} was issued", paper.loc, paper=paper.id
                    )
                    break

    @staticmethod
    def _id_month(paper_id: str | None) -> str | None:
        m = NEW_STYLE_ID.fullmatch(paper_id or "")
        return f"20{m['yy']}-{m['mm']}" if m else None

    @staticmethod
    def _record_date(context: CheckContext, paper_id: str | None) -> str | None:
        if context.abstracts is None or not paper_id:
            return None
        record = context.abstracts.by_id(paper_id)
        return record.date if record else None


class BrokenLink(Rule):
    id = "structure.broken_link"
    severity = Severity.ERROR
    description = "A Markdown link that does not work: its text runs across a blank line, or its URL is empty or malformed."
    example = "## [R2-T2: …\\n\\nこのタイトルは…](http://arxiv.org/abs/2502.20395v1) → link text spans paragraphs"

    def check(self, context: CheckContext):
        for src, digest in context.parsed:
            if not digest.path.endswith(".md"):
                continue
            for paper in digest.papers:
                title = paper.section("title")
                if title and "\n\n" in paper.title and paper.url:
                    yield self.finding(
                        "the link text runs across a blank line, so Markdown renders no link and no heading",
                        title.loc,
                        paper=paper.id,
                        ja=paper.title,
                    )
                if paper.url is not None and not re.fullmatch(r"https?://[^\s<>\"]+\.[^\s<>\"]+", paper.url):
                    yield self.finding(f"malformed URL {paper.url!r}", paper.loc, paper=paper.id)


class TitleMismatch(Rule):
    id = "structure.title_mismatch"
    severity = Severity.WARNING
    description = "The English title written in the digest differs from the title of the paper's arXiv record."
    example = "# Efficient LLaMA-3.2-Vision by Trimming Cross-attended Features (record: …Cross-attended Visual Features)"

    def check(self, context: CheckContext):
        if context.abstracts is None:
            return
        for _, paper in context.papers():
            if not paper.id or not paper.title_en:
                continue
            record = context.abstracts.by_id(paper.id)
            if record and _title_key(record.title) != _title_key(paper.title_en):
                section = paper.section("title_en") or paper.section("title")
                yield self.finding(
                    f"English title differs from the arXiv record: {record.title!r}",
                    section.loc if section else paper.loc,
                    paper=paper.id,
                    en=record.title,
                )


def _month_with_slack(date: str) -> str:
    """The month a date belongs to for arXiv ids: a paper submitted in the last days of a month
    can be announced, and numbered, in the next one."""
    from datetime import date as Date, timedelta

    try:
        day = Date.fromisoformat(date[:10]) + timedelta(days=ID_MONTH_SLACK_DAYS)
    except ValueError:
        return date[:7]
    return day.isoformat()[:7]


def _title_key(title: str) -> str:
    """Titles compare without case, width, spacing or punctuation differences."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return "".join(ch for ch in text if ch.isalnum())

