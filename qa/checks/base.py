"""The rule engine: rules with stable ids, one module per family, registered by name.

A rule is a class with an id (`family.name`), a default severity, a one-line description and
a docs example; its `check(context)` yields findings. Defining the subclass registers it, so a
new rule is one new class in its family's module (or a new module listed in `FAMILIES`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from qa.findings import Finding, Severity

RULES: dict[str, type[Rule]] = {}
FAMILIES = ("lang", "numbers", "entities", "align", "terms", "style", "structure", "artifact", "mistranslation", "mt")


@dataclass
class CheckContext:
    """Everything a rule may look at. Stages that did not run leave their field empty."""

    parsed: list  # list[tuple[SourceText, Digest]]
    alignments: list = field(default_factory=list)  # list[AlignedPaper]
    glossary: Any = None  # qa.glossary Glossary, when one was given
    abstracts: Any = None  # qa.abstracts AbstractIndex, when English abstracts were given
    options: dict[str, Any] = field(default_factory=dict)  # per-rule thresholds from config
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: Any, compute) -> Any:
        """A value several rules need, computed once per run."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def option(self, rule_id: str, name: str, default: Any) -> Any:
        return self.options.get(rule_id, {}).get(name, default)

    def papers(self) -> Iterator[tuple[Any, Any]]:
        """(digest, paper) for every paper and related paper."""
        for _, digest in self.parsed:
            for paper in digest.all_papers():
                yield digest, paper

    def matched_alignments(self, kind: str) -> list:
        """The aligned papers of a kind ("translation" or "summary") whose English abstract was
        found: the bilingual rules have nothing to compare in the others."""
        return [paper for paper in self.alignments if paper.kind == kind and not paper.unmatched]

    def sections(self) -> Iterator[tuple[Any, Any, Any]]:
        """(digest, paper, section) for every section of every paper."""
        for digest, paper in self.papers():
            for section in paper.sections:
                yield digest, paper, section

    def source(self, path: str):
        """The SourceText of a parsed file, to turn offsets into line/column."""
        return self._sources[path]

    @cached_property
    def _sources(self) -> dict[str, Any]:
        sources: dict[str, Any] = {}
        for src, digest in self.parsed:
            sources.setdefault(digest.path, src)  # the first file of that path, as a search would find
        return sources

    def file_location(self, path: str, start: int, end: int):
        """The Location of file offsets [start, end) of a parsed file."""
        from qa.formats.markup import location

        return location(self.source(path), start, end)

    def aligned_location(self, sentences):
        """The Location covering a run of aligned Japanese sentences (qa.align.model.JaSentence)."""
        return self.file_location(sentences[0].file, sentences[0].start, sentences[-1].end)

    def sentence_span(self, sentence, start: int, end: int):
        """The Location of sentence.text[start:end] in its file."""
        from qa.formats.markup import location

        src = self.source(sentence.loc.file)
        file_start, file_end = sentence.file_span(start, end)
        if sentence.offsets:  # a span ending on a JSON escape covers the whole escape
            file_end = src.char_end(sentence.offsets[max(start, end - 1)])
        return location(src, file_start, file_end)


class Rule:
    id: ClassVar[str]
    severity: ClassVar[Severity]
    description: ClassVar[str]
    example: ClassVar[str]  # a short bad fragment and what is reported, for `qa rules ID`
    needs: ClassVar[tuple[str, ...]] = ()  # "alignments", "glossary": skipped when missing

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "id" in cls.__dict__:
            RULES[cls.id] = cls

    def check(self, context: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, message: str, loc, paper: str | None = None, en: str | None = None, ja: str | None = None) -> Finding:
        """A finding of this rule at a qa.model.Location (or anything with the same fields)."""
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=message,
            paper=paper,
            file=loc.file,
            line=loc.line,
            column=loc.column,
            end_line=loc.end_line,
            end_column=loc.end_column,
            start=loc.start,
            end=loc.end,
            en=en,
            ja=ja,
        )


def load_rules() -> dict[str, type[Rule]]:
    """Import every family module so that its rules register."""
    import importlib

    for family in FAMILIES:
        try:
            importlib.import_module(f"qa.checks.{family}")
        except ModuleNotFoundError as exc:
            if exc.name != f"qa.checks.{family}":
                raise
    return RULES


def run_rules(rules: Iterable[type[Rule]], context: CheckContext) -> Iterator[Finding]:
    for rule_cls in rules:
        if "alignments" in rule_cls.needs and not context.alignments:
            continue
        if "glossary" in rule_cls.needs and context.glossary is None:
            continue
        yield from rule_cls().check(context)
