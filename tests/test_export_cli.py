"""`qa export` end to end: the real parser, abstract index, aligner and checks, through the CLI."""

from __future__ import annotations

import json

import lxml.html
from conftest import DAILY, run_qa
from lxml import etree

ABSTRACTS = "samples/abstracts.jsonl"


def test_tmx_of_a_sample_digest(tmp_path):
    out = tmp_path / "daily.tmx"
    result = run_qa("export", DAILY, "--abstracts", ABSTRACTS, "--to", "tmx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    units = etree.parse(str(out)).getroot().findall("body/tu")
    assert result.stdout == f"wrote {out} (tmx: {len(units)} translation units from 5 papers)\n"
    assert {u.find("prop[@type='x-paper']").text for u in units} == {"2502.19613", "2502.19634", "2502.20395", "2502.20082", "2502.20238"}


def test_the_review_page_with_findings_and_glossary(tmp_path):
    out = tmp_path / "review.html"
    result = run_qa(
        "export", DAILY, "--abstracts", ABSTRACTS, "--to", "html", "-o", str(out),
        "--glossary", "glossaries/ml-ja.yaml", "--with-findings",
    )
    assert result.returncode == 0, result.stderr
    page = lxml.html.parse(str(out)).getroot()
    assert len(page.xpath("//table[@class='summary']/tbody/tr")) == 5
    assert page.xpath("//mark[@data-findings]")
    assert page.xpath("//span[contains(@class, 'term-forbidden')]/text()")[0] == "監督付きファインチューニング"


def test_jsonl_export_parses_back(tmp_path):
    out = tmp_path / "daily.jsonl"
    assert run_qa("export", DAILY, "-a", ABSTRACTS, "--to", "jsonl", "-o", str(out)).returncode == 0
    parsed = run_qa("parse", str(out), "--json")
    assert [p["id"] for p in json.loads(parsed.stdout)["digests"][0]["papers"]] == [
        "2502.19613", "2502.19634", "2502.20395", "2502.20082", "2502.20238",
    ]


def test_an_existing_output_needs_force(tmp_path):
    out = tmp_path / "daily.csv"
    out.write_text("keep", encoding="utf-8")
    refused = run_qa("export", DAILY, "-a", ABSTRACTS, "--to", "csv", "-o", str(out))
    assert (refused.returncode, refused.stderr) == (2, f"qa: error: {out}: already exists (use --force to overwrite)\n")
    assert out.read_text(encoding="utf-8") == "keep"
    forced = run_qa("export", DAILY, "-a", ABSTRACTS, "--to", "csv", "-o", str(out), "--force", "--bom")
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbfpaper_id,alignment,")


def test_bad_options_are_one_line_errors(tmp_path):
    out = str(tmp_path / "x")
    cases = {
        ("--to", "pdf"): "qa: error: unknown export format 'pdf' (known: csv, html, jsonl, markdown, tmx, xliff)\n",
        ("--to", "jsonl", "--bom"): "qa: error: --bom is only for --to csv (spreadsheets); jsonl must stay without a BOM\n",
    }
    for options, message in cases.items():
        result = run_qa("export", DAILY, "-a", ABSTRACTS, *options, "-o", out)
        assert (result.returncode, result.stderr) == (2, message)
    missing = run_qa("export", DAILY, "--to", "html", "-o", out)
    assert (missing.returncode, missing.stderr) == (2, "qa: error: --abstracts is required: the English abstracts to put beside the Japanese text\n")
    assert not (tmp_path / "x").exists()
