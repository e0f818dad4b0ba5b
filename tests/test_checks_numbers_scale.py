"""numbers.scale: a summary that converts an English scale into a Japanese one at the wrong
magnitude (13 billion → 13億 instead of 130億). Fragments from realm-abstract-page.md and its
related paper 2305.13718."""

from __future__ import annotations

from conftest import run_qa

from qa.checks.numbers import scale_slips

ABSTRACT = "Specifically, we devise an auto-regressive objective variant of MERIt and integrate it with two LLM series, i.e., FLAN-T5 and LLaMA, with parameter size ranging from 3 billion to 13 billion."


def surfaces(ja: str, en: str) -> list[tuple[str, str]]:
    return [(j.surface, e.surface) for j, e in scale_slips(ja, en)]


def test_13_oku_for_13_billion_is_a_slip_of_magnitude():
    assert surfaces("パラメータサイズが30億から13億の2つのLLM系列", ABSTRACT) == [("13億", "13 billion")]


def test_the_right_conversion_is_no_slip():
    assert surfaces("パラメータサイズが30億から130億の2つのLLM系列", ABSTRACT) == []


def test_a_small_count_never_meets_a_model_size():
    assert surfaces("8つのタスクで評価した", "We evaluate an 8B model.") == []


def test_numbers_in_the_same_scale_system_are_different_numbers_not_slips():
    assert surfaces("7Bモデルは70Bモデルに匹敵する", "Our 70B model") == []


def test_a_decimal_at_the_wrong_magnitude_is_a_slip():
    assert surfaces("1.3億のパラメータ", "a model with 13 billion parameters") == [("1.3億", "13 billion")]


def test_the_samples_slip_is_reported_at_its_line_and_column():
    result = run_qa("check", "samples/digests", "--abstracts", "samples/abstracts.jsonl", "--select", "numbers.scale", "--format", "json", "--fail-on", "never")
    import json

    findings = [(f["file"], f["line"], f["column"], f["message"]) for f in json.loads(result.stdout)["findings"]]
    assert findings == [
        ("samples/digests/realm-abstract-page.md", 49, 38, "'13億' where the abstract says '13 billion': the magnitude differs")
    ]
