"""The HTML review page: structure read back with lxml, behaviour in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from browser import open_page, requires_chromium
from test_export_base import (
    DAILY,
    daily_input,
    finding_at,
    gold_alignment,
    parsed,
    small_glossary,
)

from qa.align.model import Link
from qa.export.base import ExportInput, export
from qa.export.html import HtmlExporter
from qa.findings import Finding, Severity
from qa.pipeline import parse_paths

SCRIPT = '<script>document.title="pwned"</script>'


def page(data: ExportInput):
    return lxml.html.document_fromstring(HtmlExporter().render(data).data.decode("utf-8"))


def injected_digest(tmp_path: Path) -> Path:
    """The daily sample with markup in a title, an abstract sentence and (below) a finding message."""
    text = Path(DAILY).read_text(encoding="utf-8")
    text = text.replace("推論は、医用画像解析", f"推論は、{SCRIPT}医用画像解析", 1)
    text = text.replace("## [MedVLM-R1: ", "## [<img src=x onerror=document.title='img'>MedVLM-R1: ", 1)
    path = tmp_path / "injected.md"
    path.write_text(text, encoding="utf-8")
    return path


def injected_input(tmp_path: Path) -> ExportInput:
    path = injected_digest(tmp_path)
    parsed_digest = parse_paths([path])
    src = parsed_digest[0][0]
    start = src.text.index(SCRIPT)
    line, column = src.line_col(start)
    finding = Finding(
        rule="artifact.markup", severity=Severity.ERROR, message=f"markup left in the text: {SCRIPT}",
        paper="2502.19634", file=str(path), line=line, column=column, start=start, end=start + len(SCRIPT), ja=SCRIPT,
    )
    return ExportInput(parsed=parsed_digest, findings=[finding], checked=True)


# -- structure ------------------------------------------------------------------------------


def test_the_page_is_self_contained():
    root = page(daily_input())
    assert root.xpath("//link | //script[@src] | //img | //iframe") == []
    assert len(root.xpath("//style")) == 1
    assert len(root.xpath("//script")) == 1
    policy = root.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert policy.startswith("default-src 'none'; style-src 'sha256-")


def test_the_summary_table_has_one_row_per_paper_with_its_counts():
    root = page(daily_input())
    rows = root.xpath("//table[@class='summary']/tbody/tr")
    assert [r.xpath("string(td[2])")[:10] for r in rows] == ["数学的推論のための自", "MedVLM-R1:", "R2-T2: テスト", "LongRoPE2:", "FINEREASON"]
    medvlm = [td.text_content() for td in rows[1].xpath("td")]
    assert medvlm[2:] == ["arxiv-digest-2025-03-02.md:23", "7", "0", "0", "0", "0", "1", "1"]
    assert rows[1].xpath("td[2]/a/@href") == ["#paper-2502.19634"]


def test_each_link_is_a_row_with_its_shape():
    root = page(daily_input())
    rows = root.xpath("//section[@id='paper-2502.19613']//details[contains(@class, 'translation')]//div[@class='row' or starts-with(@class, 'row ')]")
    rows = [r for r in rows if "head" not in r.get("class")]
    assert [r.xpath("string(.//span[@class='shape'])") for r in rows] == ["1:3", "1:1", "1:2", "1:1", "1:1", "1:1", "1:1", "1:1"]
    assert "multi" in rows[0].get("class")
    assert rows[0].xpath("count(.//div[@class='ja']/span[@class='sent'])") == 3


def test_omissions_and_additions_are_marked_rows():
    aligned = gold_alignment("2502.19613")
    aligned.links[1:2] = [Link(en=[1], ja=[], score=0.8), Link(en=[], ja=[3], score=0.4)]
    root = page(ExportInput(parsed=parsed(DAILY), alignments=[aligned]))
    omission = root.xpath("//div[contains(@class, 'row omission')]")
    addition = root.xpath("//div[contains(@class, 'row addition')]")
    assert [r.xpath("string(.//div[@class='ja']/span[@class='gap'])") for r in omission] == ["Not translated (omitted)"]
    assert [r.xpath("string(.//div[@class='en']/span[@class='gap'])") for r in addition] == ["Not in the English abstract (added)"]
    assert addition[0].xpath("string(.//span[@class='score low'])") == "0.40"


def test_a_finding_is_marked_on_its_exact_span_on_both_sides():
    root = page(daily_input())
    marks = root.xpath("//section[@id='paper-2502.19634']//mark")
    assert [(m.text_content(), m.get("class"), m.get("data-findings")) for m in marks] == [
        ("Medical Visual Language Models", "hl sev-info", "f0"),
        ("医用ビジュアル言語モデル", "hl sev-info", "f0"),
        ("supervised fine-tuning", "hl sev-warning", "f1"),
        ("監督付きファインチューニング", "hl sev-warning", "f1"),
    ]
    assert all(m.get("tabindex") == "0" and m.get("aria-describedby") == m.get("data-findings") for m in marks)


def test_glossary_terms_are_underlined_with_the_other_language_on_hover(tmp_path):
    root = page(daily_input(findings=[], glossary=small_glossary(tmp_path)))
    terms = root.xpath("//section[@id='paper-2502.19634']//details[contains(@class, 'translation')]//span[starts-with(@class, 'term')]")
    assert [(t.text, t.get("class"), t.get("title")) for t in terms[:3]] == [
        ("Reasoning", "term term-en", "glossary: 推論"),
        ("推論", "term term-approved", "glossary: reasoning"),
        ("reasoning", "term term-en", "glossary: 推論"),
    ]
    forbidden = root.xpath("//span[@class='term term-forbidden']")
    assert [(t.text, t.get("title")) for t in forbidden] == [("監督付きファインチューニング", "glossary: supervised fine-tuning (forbidden rendering)")]


def test_a_finding_over_several_terms_is_one_mark_with_the_terms_inside(tmp_path):
    finding = finding_at(DAILY, 26, "監督付きファインチューニング（SFT）", "terms.forbidden", Severity.WARNING, "use 教師あり")
    root = page(daily_input(findings=[finding], glossary=small_glossary(tmp_path)))
    marks = root.xpath("//div[@class='ja']//mark")
    assert len(marks) == 1
    assert marks[0].text_content() == "監督付きファインチューニング（SFT）"
    assert [t.text for t in marks[0].xpath("span")] == ["監督付きファインチューニング", "SFT"]


def test_the_finding_list_names_rule_message_place_and_links_to_the_highlight():
    root = page(daily_input())
    item = root.xpath("//li[@id='f1']")[0]
    assert item.get("data-severity") == "warning"
    assert item.get("data-family") == "terms"
    assert item.xpath("string(code[@class='rule'])") == "terms.forbidden"
    assert item.xpath("string(span[@class='msg'])").startswith("「監督付きファインチューニング」")
    first_mark = root.xpath("//mark[@data-findings='f1']/@id")[0]
    assert item.xpath("a/@href") == [f"#{first_mark}"]
    assert item.xpath("string(a)") == f"{DAILY}:26:236"


def test_filters_list_the_severities_and_rule_families_found():
    root = page(daily_input())
    assert root.xpath("//div[@class='filters']//input/@value") == ["severity:warning", "severity:info", "family:terms"]


def test_a_page_without_checks_says_so():
    root = page(daily_input(findings=[], checked=False))
    assert root.xpath("string(//p[@class='notice'])") == "Checks were not run: export with --with-findings to see findings here."


def test_a_paper_without_an_english_abstract_shows_its_japanese_text_alone():
    root = page(ExportInput(parsed=parsed(DAILY)))
    section = root.xpath("//section[@id='paper-2502.19613']")[0]
    assert section.xpath("string(.//details[contains(@class, 'unaligned')]/summary/span)").startswith("No English abstract matched")
    first = section.xpath(".//div[@class='row single']")[0]
    assert first.text_content() == "自己報酬型推論の大規模言語モデル（LLMs）について研究します。"


def test_digest_markup_is_text_not_elements(tmp_path):
    root = page(injected_input(tmp_path))
    assert root.xpath("//script") == root.xpath("//body/script")  # only the page's own
    assert root.xpath("//img") == []
    sentence = root.xpath("//mark[@data-findings='f0']")[0]
    assert sentence.text_content() == SCRIPT
    assert root.xpath("string(//li[@id='f0']/span[@class='msg'])") == f"markup left in the text: {SCRIPT}"


def test_control_characters_in_a_digest_do_not_break_the_page(tmp_path):
    path = tmp_path / "control.md"
    path.write_text(Path(DAILY).read_text(encoding="utf-8").replace("推論は、", "推論は\x0b、", 1), encoding="utf-8")
    root = page(ExportInput(parsed=parse_paths([path])))
    assert "推論は\ufffd、" in root.text_content()


# -- in Chromium ----------------------------------------------------------------------------


@requires_chromium
def test_in_chromium_a_finding_is_highlighted_and_the_filter_hides_it(tmp_path):
    out = tmp_path / "review.html"
    export(daily_input(), "html", out)
    with open_page(out, tmp_path) as (browser_page, log):
        mark = browser_page.locator("mark[data-findings='f1']").first
        mark.scroll_into_view_if_needed()
        assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgb(255, 240, 194)"
        mark.hover()
        tip = browser_page.locator("#tip")
        assert tip.is_visible()
        assert tip.inner_text().startswith("warning terms.forbidden: 「監督付きファインチューニング」")
        browser_page.screenshot(path=str(tmp_path / "review.png"))

        browser_page.locator("input[value='severity:warning']").uncheck()
        assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
        assert mark.get_attribute("tabindex") == "-1"
        assert not browser_page.locator("#f1").is_visible()
        assert browser_page.locator("#f0").is_visible()
        assert browser_page.locator("#filter-status").inner_text() == "1 of 2 findings shown"
        browser_page.screenshot(path=str(tmp_path / "review-filtered.png"))
    assert log.errors == []
    assert log.requests == [out.as_uri()]
    assert (tmp_path / "review.png").stat().st_size > 10_000


@requires_chromium
def test_in_chromium_the_keyboard_reaches_each_finding_and_shows_its_message(tmp_path):
    out = tmp_path / "review.html"
    export(daily_input(), "html", out)
    with open_page(out, tmp_path) as (browser_page, log):
        browser_page.keyboard.press("n")
        focused = browser_page.evaluate("document.activeElement.getAttribute('data-findings')")
        assert focused == "f0"
        assert browser_page.locator("#tip").inner_text().startswith("info terms.inconsistent: VLM is 視覚言語モデル")
        browser_page.keyboard.press("n")
        assert browser_page.evaluate("document.activeElement.textContent") == "医用ビジュアル言語モデル"
        browser_page.keyboard.press("Escape")
        assert not browser_page.locator("#tip").is_visible()
        browser_page.keyboard.press("Tab")
        assert browser_page.evaluate("document.activeElement.getAttribute('data-findings')") == "f1"
        assert browser_page.locator("#tip").is_visible()
    assert log.errors == []


@requires_chromium
def test_in_chromium_an_injected_script_is_shown_as_text_and_never_runs(tmp_path):
    out = tmp_path / "injected.html"
    export(injected_input(tmp_path), "html", out)
    with open_page(out, tmp_path) as (browser_page, log):
        assert browser_page.title() == "Digest review: 5 papers"
        mark = browser_page.locator("mark[data-findings='f0']")
        mark.scroll_into_view_if_needed()
        assert mark.inner_text() == SCRIPT
        assert "<img src=x onerror=document.title='img'>MedVLM-R1" in browser_page.locator("#paper-2502\\.19634 h2").inner_text()
        browser_page.screenshot(path=str(tmp_path / "injected.png"))
    assert log.errors == []


@requires_chromium
def test_in_chromium_a_phone_gets_one_column_without_sideways_scrolling(tmp_path):
    out = tmp_path / "review.html"
    export(daily_input(), "html", out)
    with open_page(out, tmp_path, width=390, height=844) as (browser_page, log):
        assert browser_page.evaluate("document.documentElement.scrollWidth") == 390
        row = browser_page.locator("#paper-2502\\.19634 .translation .row:not(.head)").first
        columns = row.evaluate("r => getComputedStyle(r).gridTemplateColumns")
        assert len(columns.split()) == 1
        browser_page.screenshot(path=str(tmp_path / "phone.png"), full_page=False)
    assert log.errors == []

