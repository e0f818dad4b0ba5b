"""The glossary file format: one entry per concept, validated by pydantic.

A file has `name`, `source_lang` (en), `target_lang` (ja) and `entries`; the fields of an
entry are described in glossaries/README.md. Field order here is the order written back by
the editing commands and the importers.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from qa.glossary.normalize import has_japanese

Status = Literal["approved", "proposed", "deprecated"]
ENTRY_FIELDS = ("en", "abbr", "en_variants", "ja", "variants", "forbidden", "ambiguous", "keep_english", "note", "status", "source")
LIST_FIELDS = ("en_variants", "ja", "variants", "ambiguous")


def _clean(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


class ForbiddenTerm(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    term: str
    reason: str

    _strip = field_validator("term", "reason")(_clean)


class Entry(BaseModel):
    """One concept: its English forms and its Japanese renderings."""

    model_config = ConfigDict(extra="forbid")

    en: str
    abbr: str | None = None
    en_variants: list[str] = Field(default_factory=list)
    ja: list[str] = Field(min_length=1)
    variants: list[str] = Field(default_factory=list)
    forbidden: list[ForbiddenTerm] = Field(default_factory=list)
    ambiguous: list[str] = Field(default_factory=list)  # forms (either language) that are also ordinary words
    keep_english: bool = False
    note: str | None = None
    status: Status
    source: str | None = None

    _origin: tuple[str, int] | None = PrivateAttr(default=None)  # (file, line) it was read from

    @field_validator("en", "abbr", "note", "source")
    @classmethod
    def _strip_text(cls, value: str | None) -> str | None:
        return None if value is None else _clean(value)

    @field_validator("en_variants", "ja", "variants", "ambiguous")
    @classmethod
    def _strip_items(cls, values: list[str]) -> list[str]:
        return [_clean(v) for v in values]

    @model_validator(mode="after")
    def _consistent(self) -> Entry:
        if self.keep_english:
            japanese = [j for j in self.ja if has_japanese(j)]
            if japanese:
                raise ValueError(f"keep_english entry lists Japanese script in ja: {', '.join(japanese)}")
        known = {*self.accepted(), *(form for form, _ in self.english_forms())}
        unknown = [a for a in self.ambiguous if a not in known]
        if unknown:
            raise ValueError(f"ambiguous lists forms that the entry does not have: {', '.join(unknown)}")
        return self

    @property
    def origin(self) -> tuple[str, int] | None:
        return self._origin

    @property
    def preferred(self) -> str:
        return self.ja[0]

    def english_forms(self) -> list[tuple[str, str]]:
        """(form, kind) of every English form: the term, its spelling variants, the abbreviation."""
        forms = [(self.en, "en"), *((v, "en") for v in self.en_variants)]
        return forms + ([(self.abbr, "abbr")] if self.abbr else [])

    def renderings(self) -> list[tuple[str, str]]:
        """(form, kind) of every Japanese-side form: approved, variant, forbidden."""
        return [
            *((j, "approved") for j in self.ja),
            *((v, "variant") for v in self.variants),
            *((f.term, "forbidden") for f in self.forbidden),
        ]

    def accepted(self) -> list[str]:
        return [*self.ja, *self.variants]

    def reason(self, term: str) -> str | None:
        return next((f.reason for f in self.forbidden if f.term == term), None)

    def data(self) -> dict:
        """The entry as written in a glossary file: empty optional fields left out, field order kept."""
        data = self.model_dump(exclude_none=True)
        return {key: data[key] for key in ENTRY_FIELDS if data.get(key, []) != []}


class GlossaryHeader(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    source_lang: Literal["en"] = "en"
    target_lang: Literal["ja"] = "ja"


class GlossaryDocument(GlossaryHeader):
    """A whole glossary file."""

    entries: list[Entry] = Field(default_factory=list)
