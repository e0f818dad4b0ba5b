"""`lang` rules: text in the wrong language."""

from __future__ import annotations

from qa.checks.base import CheckContext, Rule
from qa.findings import Severity
from qa.langid import language_issues


class _LanguageIssueRule(Rule):
    issue_kind: str

    def check(self, context: CheckContext):
        for _, digest in context.parsed:
            issues = context.memo(("language_issues", id(digest)), lambda: language_issues(digest))
            for issue in issues:
                if issue.kind == self.issue_kind:
                    yield self.finding(issue.message, issue.loc, paper=issue.paper, ja=issue.text)


class WrongSectionLanguage(_LanguageIssueRule):
    id = "lang.wrong_section"
    severity = Severity.ERROR
    description = "A section reads as another language than its kind expects."
    example = "**アブストラクト**: left in English → section abstract_ja should be ja but reads as en"
    issue_kind = "section-language"


class UntranslatedSentence(_LanguageIssueRule):
    id = "lang.untranslated"
    severity = Severity.WARNING
    description = "An English sentence left untranslated inside Japanese text (terms, names, code and citations are fine)."
    example = "…7.97Mパラメータ。 The value of N is not given, but the paper mentions a trade-off. → flagged"
    issue_kind = "untranslated-sentence"


class JapaneseInEnglish(_LanguageIssueRule):
    id = "lang.japanese_in_english"
    severity = Severity.ERROR
    description = "Japanese text inside an English field (English title or abstract)."
    example = "- Abstract: 小型言語モデルは… → Japanese text in an English field"
    issue_kind = "japanese-in-english"
