"""CSV: one row per aligned pair, UTF-8, with a BOM on request for spreadsheets."""

from __future__ import annotations

import codecs
import csv
import io

from test_export_base import (
    DAILY,
    SPECIALS_EN,
    SPECIALS_JA,
    daily_input,
    specials_input,
)

from qa.export.base import export
from qa.export.csv import CsvExporter


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_header_then_one_row_per_link():
    table = rows(CsvExporter().render(daily_input()).data)
    assert table[0] == ["paper_id", "alignment", "link", "en", "ja", "score", "rules", "file", "line"]
    assert len(table) == 1 + 36
    assert table[1][:3] == ["2502.19613", "translation", "1-3"]
    assert table[1][4].startswith("自己報酬型推論の大規模言語モデル（LLMs）について研究します。")
    assert table[1][5:] == ["1.0", "", DAILY, "6"]


def test_the_rules_column_names_the_findings_on_the_pair():
    table = rows(CsvExporter().render(daily_input()).data)
    medvlm = [r for r in table if r[0] == "2502.19634"]
    assert [r[6] for r in medvlm] == ["", "terms.inconsistent", "", "terms.forbidden", "", "", ""]


def test_commas_quotes_markup_and_emoji_read_back_unchanged(tmp_path):
    table = rows(CsvExporter().render(specials_input(tmp_path)).data)
    assert [(r[3], r[4], r[5]) for r in table[1:]] == [
        (SPECIALS_EN[0], SPECIALS_JA[0], "0.87"),
        (SPECIALS_EN[1], SPECIALS_JA[1], "0.64"),
    ]


def test_bom_is_added_only_on_request(tmp_path):
    plain, marked = tmp_path / "plain.csv", tmp_path / "marked.csv"
    export(daily_input(), "csv", plain)
    export(daily_input(), "csv", marked, bom=True)
    assert plain.read_bytes().startswith(b"paper_id,")
    assert marked.read_bytes() == codecs.BOM_UTF8 + plain.read_bytes()
