"""`qa check samples/digests --abstracts samples/abstracts.jsonl --glossary glossaries/ml-ja.yaml`
reports the bilingual defects found by hand that the bilingual rules can see, each at its line,
and no error anywhere the hand-made lists do not name.

The hand-made lists are tests/data/defects/*.yaml and the notes of tests/data/gold/*.json (whose
defects the yaml lists too). Every defect item of a bilingual category (numbers, entities, align,
mistranslation) is either in SEEN, with the finding that reports it, or in UNSEEN, with the reason
no rule of these families can report it.
"""

from __future__ import annotations

import json

import pytest
from conftest import ABSTRACT_PAGE as REALM
from conftest import ARTICLE as RSTAR
from conftest import (
    DAILY,
    SUMMARIES,
    defect_items,
    errors_at_unlisted_lines,
    run_qa,
)

BILINGUAL_FAMILIES = ("numbers", "entities", "align", "mistranslation")

# (file, line, category) of a hand-found defect → (rule, message) of the finding that reports it.
SEEN = {
    # gold 2508.12387 notes: "'three' is replaced by a second 「1つ以上」".
    (REALM, 16, "numbers.missing"): ("numbers.missing", "'three' of the English is missing from the Japanese"),
    # gold 2502.20082 notes: "'Code will be available' -> 「入手可能です」 (future -> present)".
    (DAILY, 68, "other"): ("mistranslation.promise", "'will be available' in the English is stated as done in the Japanese: '入手可能です'"),
    # 13 billion is 130億: the summary converted the scale wrongly.
    (REALM, 49, "numbers.mismatch"): ("numbers.scale", "'13億' where the abstract says '13 billion': the magnitude differs"),
    # The related-paper entries and the per-paper summaries are summaries, not translations: what
    # they state wrongly shows as a number or name the abstract lacks (info, for the editor to read).
    (SUMMARIES, 278, "align.unsupported"): ("align.unsupported", "not in the abstract: Llama-3.1, 1B, 3B, 8B, 70B"),
    (SUMMARIES, 951, "entities"): ("align.unsupported", "not in the abstract: Temporal-0325"),  # Tempora-0325
    (SUMMARIES, 1058, "numbers.contradiction"): ("align.unsupported", "not in the abstract: 7B"),  # 3-671B
    (SUMMARIES, 1528, "align.unsupported"): (
        "align.unsupported",
        "not in the abstract: GPT, text-davinci-003, gpt-3.5-turbo, gpt-4, gpt-4o",
    ),
    (SUMMARIES, 2855, "numbers.contradiction"): ("align.unsupported", "not in the abstract: 220"),  # 442 GPU hours
    (SUMMARIES, 2941, "numbers.contradiction"): ("align.unsupported", "not in the abstract: 220"),
    (SUMMARIES, 2960, "numbers.contradiction"): ("align.unsupported", "not in the abstract: 220"),
    (SUMMARIES, 4313, "align.unsupported"): ("align.unsupported", "not in the abstract: LSTM"),
}
# (file, line, category) of a hand-found bilingual defect → why no numbers/entities/align/
# mistranslation rule can report it.
UNSEEN = {
    (SUMMARIES, 1315, "align.unsupported"): "speculation (可能性があります) with no number or name in it",
    (SUMMARIES, 1463, "align.unsupported"): "同程度に (equally) strengthens the claim in words",
    (SUMMARIES, 2180, "align.unsupported"): "初の (first) is a claim in words",
    (SUMMARIES, 2666, "entities"): "O1 is the abstract's o1 up to case; the defect is what is claimed of it",
    (SUMMARIES, 3185, "align.unsupported"): "数千件 (some thousands) is a vague quantity, not a number",
    (SUMMARIES, 4029, "align.unsupported"): "数十億から数百億 is a vague quantity, not a number",
    (DAILY, 52, "mistranslation.negation"): "a summary, not a translation; and it keeps a negation (生成できない), only 'always' is lost",
    (RSTAR, 10, "entities.missing"): "the article is a summary: what it leaves out of the abstract is not an omission",
    (RSTAR, 10, "numbers.missing"): "the article is a summary: numbers it leaves out are not omissions",
    (RSTAR, 13, "numbers.missing"): "the article is a summary: numbers it leaves out are not omissions",
    (REALM, 16, "mistranslation.polarity"): "'suffers' became 生じる (arises): another verb, no negation on either side",
    (REALM, 19, "entities.missing"): "the expansion 'Enabling Autonomy via Asymptotic Induction' is capitalised words, which a "
    "translation may render; the name to carry over, EAAI, is kept",
    (REALM, 24, "mistranslation.polarity"): "'poor' dropped in a related-paper summary: a lost adjective, not a negation",
    (REALM, 30, "entities.missing"): "'Efficic Steering' reads as capitalised words, and so does 'Efficiency Steering'",
}


@pytest.fixture(scope="module")
def report() -> dict:
    # A process of its own: the command as an editor types it, and what it loads stays there.
    args = ["samples/digests", "--abstracts", "samples/abstracts.jsonl", "--glossary", "glossaries/ml-ja.yaml"]
    done = run_qa("check", *args, "--format", "json", "--fail-on", "never")
    assert (done.returncode, done.stderr) == (0, "")
    return json.loads(done.stdout)


def test_every_bilingual_defect_of_the_lists_is_accounted_for():
    defects = {(item["file"], item["line"], item["category"]) for item in defect_items()}
    in_reach = {place for place in defects if place[2].split(".")[0] in BILINGUAL_FAMILIES}
    assert in_reach - set(SEEN) - set(UNSEEN) == set()
    assert (set(SEEN) | set(UNSEEN)) - defects == set()


def test_seen_defects_are_reported_at_their_line_by_their_rule(report):
    reported = {(f["file"], f["line"], f["rule"], f["message"]) for f in report["findings"]}
    missed = [(*place, *finding) for place, finding in SEEN.items() if (*place[:2], *finding) not in reported]
    assert missed == []


def test_no_error_at_a_line_the_lists_do_not_name(report):
    assert errors_at_unlisted_lines(report) == []


def test_every_bilingual_warning_or_error_is_a_seen_defect(report):
    # Every warning or error of the bilingual rules is one of the defects seen above.
    raised = {
        (f["file"], f["line"], f["rule"], f["message"])
        for f in report["findings"]
        if f["rule"].split(".")[0] in BILINGUAL_FAMILIES and f["severity"] != "info"
    }
    assert raised == {(*place[:2], *finding) for place, finding in SEEN.items() if finding[0] != "align.unsupported"}
