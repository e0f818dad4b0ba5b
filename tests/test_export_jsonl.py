"""Bilingual JSONL: one paper per line, read back by the bilingual-jsonl digest parser."""

from __future__ import annotations

import json

from test_export_base import DAILY, REALM, daily_input, gold_alignment, parsed, records

from qa.export.base import ExportInput, export
from qa.export.jsonl import JsonlExporter
from qa.pipeline import parse_file


def lines(data: ExportInput) -> list[dict]:
    return [json.loads(line) for line in JsonlExporter().render(data).data.decode("utf-8").split("\n") if line]


def test_the_parser_reads_the_export_back_as_the_same_papers(tmp_path):
    out = tmp_path / "digest.jsonl"
    export(daily_input(), "jsonl", out)
    digest = parse_file(out)
    assert digest.format == "bilingual-jsonl"
    assert [p.id for p in digest.papers] == ["2502.19613", "2502.19634", "2502.20395", "2502.20082", "2502.20238"]
    medvlm = digest.papers[1]
    assert medvlm.title_en == records()["2502.19634"].title
    assert medvlm.section("abstract_en").body == records()["2502.19634"].abstract
    source = next(d for _, d in parsed(DAILY)).papers[1]
    assert medvlm.section("abstract_ja").body == source.section("abstract_ja").body
    assert medvlm.section("summary").body == source.section("summary").body
    assert medvlm.section("title").body == source.section("title").body


def test_each_line_carries_the_aligned_pairs_and_the_findings():
    medvlm = lines(daily_input())[1]
    assert len(medvlm["pairs"]) == 7
    assert medvlm["pairs"][3]["rules"] == ["terms.forbidden"]
    assert medvlm["pairs"][3]["en"] == [gold_alignment("2502.19634").en[3].text]
    assert medvlm["pairs"][3]["link"] == "1-1"
    assert [f["rule"] for f in medvlm["findings"]] == ["terms.inconsistent", "terms.forbidden"]
    assert medvlm["findings"][1]["line"] == 26
    assert medvlm["source"] == {"file": DAILY, "line": 23}


def test_papers_without_an_arxiv_id_are_left_out_with_a_notice():
    rendered = JsonlExporter().render(ExportInput(parsed=parsed(REALM), alignments=[gold_alignment("2508.12387")]))
    written = [json.loads(line)["id"] for line in rendered.data.decode("utf-8").splitlines()]
    assert written == ["2508.12387"]
    assert len(rendered.notices) == 7
    assert rendered.notices[0] == f"{REALM}:23: left out of the JSONL: no arXiv id ({records()['2508.03178'].title})"


def test_unicode_line_separators_are_escaped_so_each_paper_stays_one_line(tmp_path):
    path = tmp_path / "separators.jsonl"
    path.write_text(json.dumps({"id": "2502.19634", "abstract_ja": "推論は\u2028重要です。"}, ensure_ascii=True) + "\n", encoding="utf-8")
    data = JsonlExporter().render(ExportInput(parsed=parsed(str(path)))).data.decode("utf-8")
    assert data.splitlines() == [data.rstrip("\n")]
    assert json.loads(data)["abstract_ja"] == "推論は\u2028重要です。"
