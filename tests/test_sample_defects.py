"""`qa check samples/digests` (no abstracts) finds the hand-found defects its offline rules cover,
at the line the defect files give, and raises no error anywhere else.

The expectation is computed from tests/data/defects/*.yaml: every item of a category below is
expected from its rule, except the items listed in OUT_OF_SCOPE with the reason why not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import defect_items, errors_at_unlisted_lines

from qa.cli import main

REPO = Path(__file__).resolve().parent.parent
SUMMARIES = "samples/digests/paper-summaries-2025-04.md"
DAILY = "samples/digests/arxiv-digest-2025-03-02.md"
REALM = "samples/digests/realm-abstract-page.md"
RSTAR = "samples/digests/rstar-math-article.txt"

# Defect category (as the defect files name it) → the rule that reports it.
CATEGORY_RULES = {
    "artifact.meta_commentary": "artifact.meta_commentary",
    "artifact.meta": "artifact.missing_source",
    "artifact.boilerplate": "artifact.boilerplate",
    "artifact.placeholder": "artifact.placeholder",
    "artifact.unfinished": "artifact.unfinished",
    "artifact.markup": None,
    "structure.length": "structure.length",
    "structure.title": "structure.broken_link",
    "style.punctuation": "style.mixed_punctuation",
    "style.register": "style.mixed_politeness",
    "style.mixed": "style.mixed_politeness",
    "style.fullwidth": "style.mixed_width_alnum",
    "style.brackets": "style.unbalanced_brackets",
    "style.spacing": None,
    "lang.untranslated": "lang.untranslated",
}
# artifact.meta items that are a chat reply rather than an admission of a missing source.
RULE_OF_ITEM = {
    (SUMMARIES, 1849): "artifact.meta_commentary",  # はい、承知いたしました。以下に、…回答を記載します。
    (SUMMARIES, 4247): "artifact.meta_commentary",
}
# Items of the categories above that `qa check` does not report at their line, knowingly.
OUT_OF_SCOPE = {
    (DAILY, 23): "English subtitle appended to the Japanese title: a house-style question (info), no rule",
    (RSTAR, 14): "raw LaTeX delimiters \\( \\) in plain text: no rule for markup left in plain text",
    (RSTAR, 16): "'Round 4' is a two-word English label in a Japanese sentence; flagging labels would flag every name",
    (REALM, 24): "stray spaces inside a Japanese sentence: no spacing rule",
    (SUMMARIES, 2491): "the です/ます–だ/である mix of this section is reported at its minority side, line 2456",
    (SUMMARIES, 2922): "full-width comma inside fenced code: code is not prose",
    (SUMMARIES, 3425): "'この実現不可能性' lacks its antecedent: the sentence is grammatical, only a reader sees the gap",
}


def in_scope(item: dict) -> bool:
    return item["category"] in CATEGORY_RULES


def expected() -> list[tuple[str, int, str]]:
    """(file, line, rule) of every in-scope defect the rules must report."""
    found = []
    for item in filter(in_scope, defect_items()):
        place = (item["file"], item["line"])
        if place not in OUT_OF_SCOPE:
            found.append((*place, RULE_OF_ITEM.get(place, CATEGORY_RULES[item["category"]])))
    return sorted(set(found))


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    output = tmp_path_factory.mktemp("report") / "samples.json"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        with pytest.raises(SystemExit) as exited:
            main(["check", "samples/digests", "--format", "json", "--fail-on", "never", "--output", str(output)])
    assert exited.value.code == 0
    return json.loads(output.read_text(encoding="utf-8"))


def test_every_out_of_scope_item_is_a_defect_of_a_covered_category():
    places = {(item["file"], item["line"]) for item in filter(in_scope, defect_items())}
    assert set(OUT_OF_SCOPE) <= places


def test_the_expectation_draws_on_every_sample_and_rule_family():
    # A check on the computation itself, so that a renamed category cannot empty it silently.
    assert {file for file, _, _ in expected()} == {SUMMARIES, DAILY, REALM, RSTAR}
    assert {rule.split(".")[0] for _, _, rule in expected()} == {"artifact", "lang", "structure", "style"}


def test_hand_found_defects_are_reported_at_their_line_by_their_rule(report):
    reported = {(f["file"], f["line"], f["rule"]) for f in report["findings"]}
    missed = [place for place in expected() if place not in reported]
    assert missed == []


def test_no_error_at_a_line_the_defect_files_do_not_list(report):
    assert errors_at_unlisted_lines(report) == []


def test_the_mixed_register_of_2504_01005_is_reported_at_its_minority_side(report):
    # Section 5 opens with 「以下の通りです。」 (line 2456) and continues in だ/である (lines 2459-2491).
    assert [(f["line"], f["message"]) for f in report["findings"] if f["rule"] == "style.mixed_politeness" and f["file"] == SUMMARIES] == [
        (2456, "です/ます ending in a section written in だ/である (2 sentences)"),
        (3836, "です/ます ending in a paragraph written in だ/である (2 sentences)"),
    ]
