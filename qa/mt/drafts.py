"""Glossary-constrained MT drafts of whole papers, written as bilingual JSONL or Markdown.

A draft fills what a paper lacks in the target language: `--to ja` drafts the Japanese title
and abstract from the English ones, `--to en` the English from the Japanese. What the paper
already has is kept as written. Every sentence of a run goes to the model in one batch, with
glossary terms and placeables behind placeholders (see `qa.mt.placeholders`); a placeholder
the model dropped is reported at the source sentence's file:line.

English text comes from the digest (title_en, abstract_en sections) or from abstract records
(`--abstracts`): a record fills the English of the digest paper with its id, and a record no
digest paper has becomes a paper of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from qa.errors import QaInputError
from qa.model import Lang, Paper
from qa.mt.placeholders import Protected, protect, restore

# Drafted field ← the field it is translated from, per target language.
DRAFTED_FROM = {"ja": {"title_ja": "title", "abstract_ja": "abstract_en"}, "en": {"title": "title_ja", "abstract_en": "abstract_ja"}}
FIELDS = ("title", "title_ja", "abstract_en", "abstract_ja", "summary_ja")
NOT_SUMMARY = {"title", "title_en", "abstract_ja", "abstract_en", "note"}  # Japanese sections that are no summary
SENTENCE_JOINER = {"ja": "", "en": " "}


class Unit(BaseModel):
    """A sentence to translate and where it is."""

    text: str
    file: str
    line: int
    column: int = 1


class PaperText(BaseModel):
    """A paper's text by bilingual-JSONL field: paragraphs of sentences."""

    id: str | None
    file: str
    line: int
    url: str | None = None
    fields: dict[str, list[list[Unit]]] = Field(default_factory=dict)


class DroppedTerm(BaseModel):
    """A placeholder the model left out: the term is missing from the draft."""

    field: str
    kind: str  # glossary, url, latex, code, name, number
    term: str
    file: str
    line: int
    column: int



class Draft(BaseModel):
    id: str
    file: str
    line: int
    url: str | None = None
    fields: dict[str, str] = Field(default_factory=dict)
    drafted: list[str] = Field(default_factory=list)  # fields written by the model
    dropped: list[DroppedTerm] = Field(default_factory=list)


def paper_texts(parsed: list, records=()) -> tuple[list[PaperText], list[str]]:
    """Papers of the parsed digests (English filled from records by id), then records of their own;
    notices for papers left out (the bilingual formats are keyed by arXiv id)."""
    by_id = {r.id: r for r in records}
    papers: list[PaperText] = []
    notices: list[str] = []
    for _, digest in parsed:
        for paper in digest.all_papers():
            if not paper.id:
                notices.append(f"{paper.loc.file}:{paper.loc.line}: left out of the drafts: no arXiv id ({paper.title[:60]})")
                continue
            papers.append(_digest_paper(paper, by_id.pop(paper.id, None)))
    papers += [_record_paper(r) for r in by_id.values()]
    return papers, notices


def draft_papers(papers: list[PaperText], translator, tgt: str, glossary=None, progress: bool = False) -> list[Draft]:
    """Translate what each paper lacks in tgt, all sentences in one batch."""
    if tgt not in DRAFTED_FROM:
        raise QaInputError(f"cannot draft into {tgt!r}: the target is ja or en")
    src = "en" if tgt == "ja" else "ja"
    drafts = [_copy(paper) for paper in papers]
    jobs = [
        (draft, paper, field, source)
        for draft, paper in zip(drafts, papers)
        for field, source in DRAFTED_FROM[tgt].items()
        if source in paper.fields and field not in paper.fields
    ]
    units = [unit for _, paper, _, source in jobs for block in paper.fields[source] for unit in block]
    protected = [protect(unit.text, src, glossary) for unit in units]
    translated = translator.translate([p.text for p in protected], progress=progress)
    results = iter(zip(units, protected, translated))
    for draft, paper, field, source in jobs:
        blocks = []
        for block in paper.fields[source]:
            sentences = []
            for unit, protection, translation in (next(results) for _ in block):
                sentence, dropped = _restored(translation.text, protection, unit, field)
                sentences.append(sentence)
                draft.dropped += dropped
            blocks.append(SENTENCE_JOINER[tgt].join(s for s in sentences if s))
        draft.fields[field] = "\n".join(blocks)
        draft.drafted.append(field)
    return drafts


def dropped_notices(drafts: list[Draft]) -> list[str]:
    """One notice per source sentence whose translation lost protected terms."""
    notices = []
    for draft in drafts:
        by_sentence: dict[tuple, list[DroppedTerm]] = {}
        for term in draft.dropped:
            by_sentence.setdefault((term.file, term.line, term.column, term.field), []).append(term)
        for (file, line, column, field), terms in by_sentence.items():
            listed = ", ".join(f"'{t.term}' ({t.kind})" for t in terms)
            notices.append(f"{file}:{line}:{column}: {draft.id}: the model dropped {listed} from the {field} draft")
    return notices


def write_drafts(drafts: list[Draft], path: Path, model: str) -> None:
    """Bilingual JSONL (.jsonl) or a daily-digest Markdown (.md) that `qa check` reads back."""
    from qa.writes import atomic_write_text

    suffix = Path(path).suffix.lower()
    if suffix == ".jsonl":
        text = "".join(json.dumps(_record(d, model), ensure_ascii=False) + "\n" for d in drafts)
    elif suffix in (".md", ".markdown"):
        text = _markdown(drafts, model)
    else:
        raise QaInputError(f"{path}: the output is .jsonl (bilingual JSONL) or .md (Markdown)")
    atomic_write_text(Path(path), text)


def _digest_paper(paper: Paper, record) -> PaperText:
    fields: dict[str, list[list[Unit]]] = {}
    for section in paper.sections:
        field = _field(section)
        if not field or not section.sentences or field in ("title", "title_ja") and field in fields:
            continue  # one title per language: the first
        fields.setdefault(field, []).extend(
            [Unit(text=s.text, file=s.loc.file, line=s.loc.line, column=s.loc.column) for s in block.sentences]
            for block in section.blocks
        )
    if record is not None:
        english = _record_paper(record).fields
        for field in ("title", "abstract_en"):
            fields.setdefault(field, english[field])
    url = paper.url or f"https://arxiv.org/abs/{paper.id}"
    return PaperText(id=paper.id, file=paper.loc.file, line=paper.loc.line, url=url, fields=fields)


def _field(section) -> str | None:
    if section.kind in ("title_en", "title"):
        return "title_ja" if section.expected_lang == Lang.JA else "title"
    if section.kind in ("abstract_en", "abstract_ja"):
        return section.kind
    if section.expected_lang == Lang.JA and section.kind not in NOT_SUMMARY:
        return "summary_ja"
    return None


def _record_paper(record) -> PaperText:
    from qa.segment import split_sentences

    file, _, line = (record.source or "").rpartition(":")
    file, line = (file, int(line)) if line.isdigit() else (record.source or record.id, 1)
    abstract = [Unit(text=record.abstract[s:e], file=file, line=line) for s, e in split_sentences(record.abstract)]
    fields = {"title": [[Unit(text=record.title, file=file, line=line)]], "abstract_en": [abstract]}
    return PaperText(id=record.id, file=file, line=line, url=f"https://arxiv.org/abs/{record.id}", fields=fields)


def _copy(paper: PaperText) -> Draft:
    fields = {}
    for field, blocks in paper.fields.items():
        joiner = SENTENCE_JOINER["ja" if field.endswith("_ja") else "en"]
        fields[field] = "\n".join(joiner.join(u.text for u in block) for block in blocks)
    return Draft(id=paper.id, file=paper.file, line=paper.line, url=paper.url, fields=fields)


def _restored(translation: str, protected: Protected, unit: Unit, field: str) -> tuple[str, list[DroppedTerm]]:
    result = restore(translation, protected)
    dropped = [
        DroppedTerm(field=field, kind=slot.kind, term=slot.source, file=unit.file, line=unit.line, column=unit.column)
        for slot in result.dropped
    ]
    return result.text, dropped


def _record(draft: Draft, model: str) -> dict:
    record = {"id": draft.id, **{f: draft.fields[f] for f in FIELDS if f in draft.fields}}
    record["url"] = draft.url
    record["source"] = {"file": draft.file, "line": draft.line}
    record["mt"] = {
        "model": model,
        "drafted": draft.drafted,
        "dropped": [d.model_dump(include={"field", "kind", "term"}) for d in draft.dropped],
    }
    return record


def _markdown(drafts: list[Draft], model: str) -> str:
    """Daily-digest layout: `## [title](url)` then labelled **Abstract** / **アブストラクト** / **要約** blocks."""
    parts = [f"# arXiv 論文要約（機械翻訳の下書き: {model}）"]
    labels = (("abstract_en", "Abstract"), ("abstract_ja", "アブストラクト"), ("summary_ja", "要約"))
    for draft in drafts:
        title = draft.fields.get("title_ja") or draft.fields.get("title") or draft.id
        parts.append(f"## [{_one_line(title)}]({draft.url})")
        if draft.drafted:
            parts.append(f"機械翻訳の下書き: {', '.join(draft.drafted)}")
        parts += [f"**{label}**:\n{draft.fields[field]}" for field, label in labels if draft.fields.get(field)]
        parts.append("---")
    return "\n\n".join(parts) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.replace("[", "［").replace("]", "］").split())
