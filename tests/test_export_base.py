"""The export inputs and the bilingual view every exporter reads.

The helpers here build ExportInputs from the samples: the hand gold alignments in
tests/data/gold turned into AlignedPapers, English records from samples/abstracts.jsonl, and
findings placed on real spans of the digests (the defects of tests/data/defects). The other
export tests import them.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path

import pytest

from qa.align.model import AbstractRecord, AlignedPaper, EnSentence, JaSentence, Link
from qa.errors import QaInputError
from qa.export import FORMATS
from qa.export.base import (
    ExportInput,
    check_request,
    export,
    get_exporter,
    write_output,
)
from qa.export.document import build_document
from qa.findings import Finding, Severity
from qa.glossary import load_glossary
from qa.pipeline import parse_paths

ROOT = Path(__file__).resolve().parent.parent
DAILY = str(ROOT / "samples/digests/arxiv-digest-2025-03-02.md")
REALM = str(ROOT / "samples/digests/realm-abstract-page.md")
GOLD = ROOT / "tests/data/gold"


@cache
def _parsed(paths: tuple[str, ...]):
    return parse_paths(list(paths))


def parsed(*paths: str):
    return list(_parsed(paths))


@lru_cache(maxsize=1)
def records() -> dict[str, AbstractRecord]:
    found = {}
    for line in (ROOT / "samples/abstracts.jsonl").read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        found[raw["id"]] = AbstractRecord(id=raw["id"], title=raw["title"], abstract=raw["abstract"], date=raw.get("published"))
    return found


def paper_line(path: str, paper_id: str) -> int:
    digest = next(d for _, d in parsed(path) if d.path == path)
    return next(p.loc.line for p in digest.all_papers() if p.id == paper_id)


def gold_alignment(paper_id: str) -> AlignedPaper:
    """The hand alignment of a paper's abstract translation; hand links are certain (score 1)."""
    gold = json.loads((GOLD / f"{paper_id}.json").read_text(encoding="utf-8"))
    path = str(ROOT / gold["file"])
    src = next(s for s, d in parsed(path) if d.path == path)
    abstract = records()[paper_id].abstract
    en, at = [], 0
    for text in gold["en"]:
        at = abstract.index(text, at)
        en.append(EnSentence(text=text, start=at, end=at + len(text)))
        at += len(text)
    ja, at = [], src.line_start(gold["ja_line"])
    for text in gold["ja"]:
        at = src.text.index(text, at)
        line, column = src.line_col(at)
        ja.append(JaSentence(text=text, file=path, line=line, column=column, start=at, end=at + len(text), section="abstract_ja"))
        at += len(text)
    links = [Link(en=e, ja=j, score=1.0) for e, j in gold["links"]]
    return AlignedPaper(
        id=paper_id, kind="translation", title=paper_id, file=path, line=paper_line(path, paper_id),
        en=en, ja=ja, links=links, match_score=1.0,
    )


def finding_at(path: str, line: int, ja: str, rule: str, severity: Severity, message: str, en: str | None = None) -> Finding:
    """A finding on the exact span of `ja` on a line of a digest, as a check reports it."""
    src = next(s for s, d in parsed(path) if d.path == path)
    start = src.text.index(ja, src.line_start(line))
    end = start + len(ja)
    line, column = src.line_col(start)
    end_line, end_column = src.line_col(end)
    paper = next((p.id for _, d in parsed(path) for p in d.all_papers() if p.loc.start <= start < p.loc.end), None)
    return Finding(
        rule=rule, severity=severity, message=message, paper=paper, file=path, line=line, column=column,
        end_line=end_line, end_column=end_column, start=start, end=end, en=en, ja=ja,
    )


# Defects of tests/data/defects/small-samples.yaml, as findings on their spans.
def medvlm_findings() -> list[Finding]:
    return [
        finding_at(
            DAILY, 26, "監督付きファインチューニング", "terms.forbidden", Severity.WARNING,
            "「監督付きファインチューニング」: use 教師ありファインチューニング for supervised fine-tuning",
            en="supervised fine-tuning",
        ),
        finding_at(
            DAILY, 26, "医用ビジュアル言語モデル", "terms.inconsistent", Severity.INFO,
            "VLM is 視覚言語モデル in the title but ビジュアル言語モデル here",
            en="Medical Visual Language Models",
        ),
    ]


def daily_input(findings: list[Finding] | None = None, glossary=None, checked: bool = True) -> ExportInput:
    ids = ("2502.19613", "2502.19634", "2502.20395", "2502.20082", "2502.20238")
    return ExportInput(
        parsed=parsed(DAILY),
        alignments=[gold_alignment(i) for i in ids],
        findings=medvlm_findings() if findings is None else findings,
        glossary=glossary,
        records=[records()[i] for i in ids],
        checked=checked,
    )


# A real pair of sentences (MedVLM-R1, sentences 5 and 6) with XML/HTML specials, an emoji and a
# supplementary-plane CJK character added, in a bilingual JSONL digest.
SPECIALS_EN = [
    (
        "Despite limited training data (600 visual question answering samples) & model parameters (2B), "
        "MedVLM-R1 boosts accuracy from 55.11% to 78.22% across MRI, CT, and X-ray benchmarks <b>🚀</b>."
    ),
    "It also demonstrates robust domain generalization under out-of-distribution tasks & <script>.",
]
SPECIALS_JA = [
    (
        "限られた訓練データ（600のビジュアル質問応答サンプル）& モデルパラメータ（2B）にもかかわらず、"
        "MedVLM-R1はMRI、CT、X線ベンチマーク全体で精度を55.11%から78.22%に向上させ<b>🚀</b>。"
    ),
    "また、分布外のタスクにおける頑健な𠮷ドメイン一般化も示しています & <script>。",
]


def specials_input(tmp_path: Path, findings: list[Finding] = (), paper_id: str = "2502.19634") -> ExportInput:
    """One paper whose two sentence pairs carry &, <, markup, an emoji and CJK, aligned 1-1."""
    record = {"id": paper_id, "title": "MedVLM-R1 & <friends>", "abstract_en": " ".join(SPECIALS_EN), "abstract_ja": "".join(SPECIALS_JA)}
    path = tmp_path / "specials.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    digest_parsed = parse_paths([path])
    paper = digest_parsed[0][1].papers[0]
    english = paper.section("abstract_en").sentences
    japanese = paper.section("abstract_ja").sentences
    en, at = [], 0
    for sentence in english:
        at = record["abstract_en"].index(sentence.text, at)
        en.append(EnSentence(text=sentence.text, start=at, end=at + len(sentence.text)))
    ja = [
        JaSentence(text=s.text, file=s.loc.file, line=s.loc.line, column=s.loc.column, start=s.loc.start, end=s.loc.end, section="abstract_ja")
        for s in japanese
    ]
    aligned = AlignedPaper(
        id=paper_id, kind="translation", title=record["title"], file=str(path), line=1,
        en=en, ja=ja, links=[Link(en=[0], ja=[0], score=0.87), Link(en=[1], ja=[1], score=0.64)],
    )
    return ExportInput(parsed=digest_parsed, alignments=[aligned], findings=list(findings), checked=True)


# Four entries of glossaries/ml-ja.yaml, fixed here so that expected glosses do not move with it.
SMALL_GLOSSARY = """\
name: export-test
source_lang: en
target_lang: ja
entries:
  - en: self-rewarding
    ja: [自己報酬型]
    status: approved
  - en: reasoning
    ja: [推論]
    status: approved
  - en: large language model
    abbr: LLM
    ja: [大規模言語モデル]
    status: approved
  - en: supervised fine-tuning
    abbr: SFT
    ja: [教師ありファインチューニング]
    forbidden:
      - term: 監督付きファインチューニング
        reason: supervised の直訳
    status: approved
"""


def small_glossary(tmp_path: Path):
    path = tmp_path / "glossary.yaml"
    path.write_text(SMALL_GLOSSARY, encoding="utf-8")
    return load_glossary([path])


# -- the bilingual view ---------------------------------------------------------------------


def test_papers_come_in_document_order_with_their_english_metadata():
    document = build_document(daily_input())
    assert [p.id for p in document.papers] == ["2502.19613", "2502.19634", "2502.20395", "2502.20082", "2502.20238"]
    medvlm = document.papers[1]
    assert medvlm.title_en == records()["2502.19634"].title
    assert medvlm.title_ja.startswith("MedVLM-R1: 強化学習を用いた視覚言語モデルの医療推論能力の向上")
    assert medvlm.abstract_en == records()["2502.19634"].abstract
    assert medvlm.abstract_ja.startswith("推論は、医用画像解析の進歩において重要なフロンティアであり")
    assert medvlm.summary_ja.startswith("研究の目的と背景:")
    assert medvlm.line == 23


def test_a_gold_link_keeps_its_shape_and_text():
    document = build_document(daily_input())
    first = document.papers[0].alignment("translation").links[0]
    assert first.shape == "1-3"
    assert first.ja_text == (
        "自己報酬型推論の大規模言語モデル（LLMs）について研究します。"
        "これらのモデルは、推論時にステップバイステップの推論を生成し、同時にその出力の正しさを評価することができます。"
        "外部からのフィードバックなしで行います。"
    )


def test_a_finding_lands_on_the_paper_and_the_link_whose_japanese_it_overlaps():
    document = build_document(daily_input())
    medvlm = document.papers[1]
    assert medvlm.findings == [0, 1]
    on_links = {link.number: link.findings for link in medvlm.alignment("translation").links if link.findings}
    # 医用ビジュアル言語モデル is in the 2nd Japanese sentence, 監督付き… in the 4th.
    assert on_links == {2: [0], 4: [1]}
    assert [document.findings[i].rule for i in (0, 1)] == ["terms.inconsistent", "terms.forbidden"]


def test_a_finding_in_the_title_belongs_to_the_paper_but_no_link():
    title = finding_at(DAILY, 23, "（Incentivizing Medical Reasoning", "structure.title", Severity.INFO, "English subtitle in the title")
    document = build_document(daily_input([title]))
    medvlm = document.papers[1]
    assert medvlm.findings == [0]
    assert medvlm.loose_findings == [0]


def test_a_finding_outside_every_paper_is_kept_apart():
    heading = finding_at(DAILY, 1, "arXiv 論文要約", "structure.heading", Severity.INFO, "digest heading")
    document = build_document(daily_input([heading]))
    assert document.loose_findings == [0]
    assert all(p.findings == [] for p in document.papers)


def test_an_omission_link_takes_the_finding_that_names_its_english_sentence():
    aligned = gold_alignment("2502.19613")
    aligned.links[1:2] = [Link(en=[1], ja=[], score=0.9), Link(en=[], ja=[3], score=0.9)]
    dropped = aligned.en[1].text
    finding = finding_at(DAILY, 6, "この統合アプローチにより", "align.omission", Severity.ERROR, "sentence 2 is not translated", en=dropped)
    data = ExportInput(parsed=parsed(DAILY), alignments=[aligned], findings=[finding])
    links = build_document(data).papers[0].alignment("translation").links
    assert [(link.shape, link.findings) for link in links[1:3]] == [("1-0", [0]), ("0-1", [0])]


def test_a_related_paper_follows_its_parent_and_names_it():
    document = build_document(ExportInput(parsed=parsed(REALM), alignments=[gold_alignment("2508.12387")]))
    assert document.papers[0].id == "2508.12387"
    assert document.papers[0].related_to is None
    assert [p.related_to for p in document.papers[1:]] == ["2508.12387"] * (len(document.papers) - 1)
    assert document.papers[1].title_en.startswith("Light-IF: Endowing LLMs")


def test_papers_without_an_id_get_distinct_keys():
    document = build_document(ExportInput(parsed=parsed(REALM)))
    keys = [p.key for p in document.papers]
    assert len(set(keys)) == len(keys)
    assert keys[1] == "L23"


# -- registry and writes --------------------------------------------------------------------


def test_every_format_of_the_issue_is_registered():
    assert {name: get_exporter(name).name for name in FORMATS} == {name: name for name in ("html", "markdown", "tmx", "xliff", "jsonl", "csv")}


def test_an_unknown_format_is_an_input_error():
    with pytest.raises(QaInputError, match="unknown export format 'pdf'"):
        get_exporter("pdf")


def test_an_existing_output_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "review.csv"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(QaInputError, match="already exists \\(use --force to overwrite\\)"):
        export(daily_input(), "csv", out)
    assert out.read_text(encoding="utf-8") == "keep me"


def test_force_replaces_an_existing_output(tmp_path):
    out = tmp_path / "review.csv"
    out.write_text("old", encoding="utf-8")
    export(daily_input(), "csv", out, force=True)
    assert out.read_text(encoding="utf-8").startswith("paper_id,alignment,link,en,ja,score,rules,file,line")


def test_a_write_leaves_no_temporary_file(tmp_path):
    write_output(tmp_path / "a.md", "本文".encode())
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_a_missing_output_directory_is_an_input_error(tmp_path):
    with pytest.raises(QaInputError, match="output directory does not exist"):
        check_request("html", tmp_path / "nowhere" / "a.html")


def test_the_bom_is_only_for_spreadsheet_formats(tmp_path):
    check_request("csv", tmp_path / "a.csv", bom=True)
    with pytest.raises(QaInputError, match="--bom is only for --to csv"):
        check_request("jsonl", tmp_path / "a.jsonl", bom=True)
