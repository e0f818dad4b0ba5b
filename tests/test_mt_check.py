"""`mt.low_similarity`: back-translate each Japanese sentence of a translation and compare it with
its aligned English sentence (sentence chrF); the threshold, and what `qa check --mt` gets."""

from __future__ import annotations

import json

import pytest

from conftest import DAILY, REPO
from mt_package import mt_archives, mt_env, mt_environment, requires_mt, run_qa_in  # noqa: F401  (fixtures)
from qa.align.model import AlignedPaper, EnSentence, JaSentence, Link
from qa.checks.base import CheckContext
from qa.mt.calibrate import DEFAULT_THRESHOLD
from qa.mt.translator import Translation

GOLD = REPO / "tests" / "data" / "gold"
DAILY_PAPERS = ("2502.19613", "2502.19634", "2502.20395", "2502.20082", "2502.20238")


def gold_alignment(paper_id: str, src) -> AlignedPaper:
    """The hand alignment of tests/data/gold as the aligner's data, with file offsets."""
    gold = json.loads((GOLD / f"{paper_id}.json").read_text(encoding="utf-8"))
    position = src.line_start(gold["ja_line"])
    ja = []
    for text in gold["ja"]:
        start = src.text.index(text, position)
        position = start + len(text)
        line, column = src.line_col(start)
        ja.append(JaSentence(text=text, file=src.path, line=line, column=column, start=start, end=position, section="abstract_ja"))
    en, offset = [], 0
    for text in gold["en"]:
        en.append(EnSentence(text=text, start=offset, end=offset + len(text)))
        offset += len(text) + 1
    links = [Link(en=e, ja=j, score=1.0) for e, j in gold["links"]]
    return AlignedPaper(id=paper_id, kind="translation", title=paper_id, file=src.path, line=1, en=en, ja=ja, links=links)


@pytest.fixture(scope="module")
def daily():
    from qa.pipeline import parse_source
    from qa.source import read_source

    src = read_source(REPO / DAILY)
    return src, parse_source(src)


@pytest.fixture(scope="module")
def alignments(daily):
    return [gold_alignment(paper_id, daily[0]) for paper_id in DAILY_PAPERS]


class FixedBackTranslator:
    """Back-translates each Japanese sentence to a given English text (what a perfect model would
    write, or a deliberately wrong one); it receives the protected text, as a model does."""

    def __init__(self, english_for: dict[str, str]) -> None:
        from qa.mt.placeholders import protect

        self.by_protected = {protect(ja, "ja").text: en for ja, en in english_for.items()}

    def translate(self, texts, progress=False):
        return [Translation(source=t, text=self.by_protected.get(t, ""), score=0.0) for t in texts]


def faithful_back_translations(alignments) -> dict[str, str]:
    """Each link's first Japanese sentence back-translates to the link's English, the others to nothing."""
    english_for = {}
    for paper in alignments:
        for link in paper.links:
            for n, j in enumerate(link.ja):
                english_for[paper.ja[j].text] = " ".join(paper.en[i].text for i in link.en) if n == 0 else ""
    return english_for


def run_rule(daily, alignments, translator, **options):
    from qa.checks.mt import LowSimilarity

    context = CheckContext(parsed=[daily], alignments=alignments, options={"mt": {"translator": translator}, **options})
    return list(LowSimilarity().check(context))


def test_faithful_back_translations_raise_nothing(daily, alignments):
    translator = FixedBackTranslator(faithful_back_translations(alignments))
    assert run_rule(daily, alignments, translator) == []


def test_a_back_translation_that_says_something_else_is_reported_at_its_sentence(daily, alignments):
    english_for = faithful_back_translations(alignments)
    last = alignments[0].ja[-1]  # 2502.19613, "Llama-3とQwen-2.5を用いた実験により、…"
    english_for[last.text] = "Many challenging reasoning tasks require not just rapid, intuitive responses, but a more deliberate, multi-step approach."
    [finding] = run_rule(daily, alignments, FixedBackTranslator(english_for))
    assert (finding.rule, finding.severity.value, finding.paper) == ("mt.low_similarity", "warning", "2502.19613")
    assert (finding.file, finding.line, finding.column, finding.start, finding.end) == (
        last.file, last.line, last.column, last.start, last.end
    )
    assert finding.message == (
        "back-translation differs from the English (chrF 18.1 < 23.6): "
        "\"Many challenging reasoning tasks require not just rapid, intuitive responses, but a more deliberate, multi-step approach.\""
    )
    assert finding.ja == last.text
    assert finding.en.startswith("Experiments with Llama-3 and Qwen-2.5 demonstrate")


def test_the_threshold_comes_from_the_rule_options(daily, alignments):
    english_for = faithful_back_translations(alignments)
    english_for[alignments[0].ja[-1].text] = "Many challenging reasoning tasks require not just rapid, intuitive responses."
    assert run_rule(daily, alignments, FixedBackTranslator(english_for), **{"mt.low_similarity": {"threshold": 10}}) == []


def test_without_a_translator_the_rule_yields_nothing(daily, alignments):
    from qa.checks.mt import LowSimilarity

    assert list(LowSimilarity().check(CheckContext(parsed=[daily], alignments=alignments))) == []


def test_summaries_and_one_sided_links_are_not_compared(daily, alignments):
    summary = alignments[0].model_copy(update={"kind": "summary"})
    omission = alignments[1].model_copy(update={"links": [Link(en=[0], ja=[], score=1.0)]})
    assert run_rule(daily, [summary, omission], FixedBackTranslator({})) == []


def test_the_tiny_model_back_translates_every_pair_through_the_real_path(mt_env, daily, alignments):
    from qa.mt.backtranslation import back_translate
    from qa.mt.packages import require_package
    from qa.mt.translator import Translator

    translator = Translator(require_package("ja", "en"))
    findings = run_rule(daily, alignments, translator)
    assert translator.stats.unique == len({s.text for p in alignments for s in p.ja})  # one batch for the whole check
    pairs = sum(1 for paper in alignments for link in paper.links if link.en and link.ja)
    assert len(findings) == pairs  # random weights: nothing it writes resembles the English
    first = alignments[0]
    back = " ".join(back_translate(translator, [first.ja[j].text for j in first.links[0].ja]))
    assert findings[0].message.endswith(f"\"{back or '(empty)'}\"")


def test_similarity_matrix_scores_every_pair(mt_env, alignments):
    from qa.mt.backtranslation import similarity_matrix

    paper = alignments[0]  # 2502.19613: JA 0 and JA 3 translate EN 0 and EN 1
    translator = FixedBackTranslator(faithful_back_translations([paper]))
    matrix = similarity_matrix(translator, [paper.ja[0].text, paper.ja[3].text], [s.text for s in paper.en[:2]])
    assert matrix == [[1.0, 0.2811], [0.2219, 1.0]]  # chrF is not symmetric


def test_the_default_threshold_is_the_median_over_the_sample_abstracts():
    from qa.mt.calibrate import threshold, unrelated_scores

    abstracts = [json.loads(line)["abstract"] for line in (REPO / "samples" / "abstracts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert threshold(unrelated_scores(abstracts)) == DEFAULT_THRESHOLD


def test_check_options_carry_the_installed_ja_en_translator(mt_env):
    from qa.mt.check import mt_check_options

    options, notices = mt_check_options(beam_size=2, use_cache=False)
    translator = options["mt"]["translator"]
    assert (translator.package.key, translator.beam_size, translator.cache, notices) == ("translate-ja_en@0.1", 2, None, [])


def test_check_options_without_a_model_give_one_notice_on_how_to_install(mt_env, monkeypatch, tmp_path):
    from qa.mt.check import mt_check_options

    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setattr("argostranslate.settings.package_data_dir", empty)
    assert mt_check_options() == ({}, [
        f"mt rules skipped: no ja→en model installed in {empty}: "
        "qa models install --from-index ja en, or qa models install FILE.argosmodel"
    ])


def test_check_with_mt_reports_low_similarity_through_the_aligner(mt_env):
    from qa.checking import check_paths
    from qa.mt.check import mt_check_options

    options, _ = mt_check_options(use_cache=False)
    result = check_paths([REPO / DAILY], [str(REPO / "samples" / "abstracts.jsonl")], select=["mt"], extra_options=options)
    assert {f.rule for f in result.findings} == {"mt.low_similarity"}
    assert {f.paper for f in result.findings} == set(DAILY_PAPERS)


def test_qa_check_mt_runs_with_the_installed_model(mt_env):
    result = run_qa_in(mt_env, "check", DAILY, "--abstracts", "samples/abstracts.jsonl", "--select", "mt", "--mt", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    assert "mt.low_similarity" in result.stdout


@requires_mt
def test_qa_check_mt_without_a_model_skips_with_one_notice(tmp_path):
    env = mt_environment(tmp_path)
    result = run_qa_in(env, "check", DAILY, "--abstracts", "samples/abstracts.jsonl", "--select", "mt", "--mt")
    assert result.returncode == 0
    assert result.stderr.count("mt rules skipped: no ja→en model installed") == 1
