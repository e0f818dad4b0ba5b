"""Bilingual JSONL: one paper per line with `id` and optional title/title_ja/abstract_en/abstract_ja/summary_ja."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DAILY, SUMMARIES, run_qa
from qa.errors import QaInputError
from qa.pipeline import parse_source
from qa.source import SourceText

# Real fragments: a tweet with ASCII double quotes (escaped as \" in JSON) and one with an emoji
# (a surrogate pair once ASCII-escaped), both from the per-paper summaries.
TWEET_WITH_QUOTES = "LLMの推論を可視化する\"Landscape of Thoughts\"発表！思考の道のりを可視化し、推論の癖や弱点を特定。"
TWEET_WITH_EMOJI = "LLMの推論、解く？検証する？🧐 計算量最適化の観点から、Self-Consistency(SC)とGenerative Reward Model(GenRM)を比較。"
TITLE_JA = "数学的推論のための自己報酬型修正"


def parse_jsonl(text: str, path: str = "batch.jsonl"):
    src = SourceText(path, text)
    return src, parse_source(src)


@pytest.fixture
def record(abstracts, parsed) -> dict:
    """2502.19613 as a bilingual record, built from the abstracts and the daily digest."""
    english = abstracts["2502.19613"]
    _, daily = parsed[DAILY]
    return {
        "id": "2502.19613v1",
        "title": english["title"],
        "title_ja": TITLE_JA,
        "abstract_en": english["abstract"],
        "abstract_ja": daily.papers[0].section("abstract_ja").body,
        "summary_ja": TWEET_WITH_QUOTES + "\n" + TWEET_WITH_EMOJI,
    }


def test_each_key_becomes_its_section_and_the_id_is_split(record):
    _, digest = parse_jsonl(json.dumps(record, ensure_ascii=False) + "\n")
    paper = digest.papers[0]
    assert digest.format == "bilingual-jsonl"
    assert (paper.id, paper.version, paper.title, paper.title_en) == (
        "2502.19613", 1, TITLE_JA, "Self-rewarding correction for mathematical reasoning"
    )
    assert [(s.kind, s.heading, s.expected_lang.value, s.lang.value) for s in paper.sections] == [
        ("title_en", "title", "en", "en"),
        ("title", "title_ja", "ja", "ja"),
        ("abstract_en", "abstract_en", "en", "en"),
        ("abstract_ja", "abstract_ja", "ja", "ja"),
        ("summary", "summary_ja", "ja", "ja"),
    ]


def test_decoded_values_are_the_record_values(record):
    _, digest = parse_jsonl(json.dumps(record, ensure_ascii=False))
    paper = digest.papers[0]
    assert paper.section("abstract_en").body == record["abstract_en"]
    assert paper.section("summary").body == record["summary_ja"]


def test_only_the_id_is_required():
    _, digest = parse_jsonl('{"id": "2504.00927"}\n\n{"id": "2504.01833", "title": "YourBench: Easy Custom Evaluation Sets for Everyone"}\n')
    assert [(p.id, p.version, p.title, p.loc.line, len(p.sections)) for p in digest.papers] == [
        ("2504.00927", None, "2504.00927", 1, 0),
        ("2504.01833", None, "YourBench: Easy Custom Evaluation Sets for Everyone", 3, 1),
    ]


def test_escaped_quote_points_at_its_backslash(record):
    src, digest = parse_jsonl(json.dumps(record, ensure_ascii=False))
    sentence = digest.papers[0].section("summary").sentences[0]
    assert sentence.text == "LLMの推論を可視化する\"Landscape of Thoughts\"発表！"
    quote = sentence.text.index('"')
    assert src.text[sentence.offsets[quote] : sentence.offsets[quote] + 2] == '\\"'
    assert src.text[sentence.loc.start : sentence.loc.end] == 'LLMの推論を可視化する\\"Landscape of Thoughts\\"発表！'


def test_escaped_newline_separates_sentences_of_one_line(record):
    src, digest = parse_jsonl(json.dumps(record, ensure_ascii=False))
    texts = [s.text for s in digest.papers[0].section("summary").sentences]
    assert texts == [
        "LLMの推論を可視化する\"Landscape of Thoughts\"発表！",
        "思考の道のりを可視化し、推論の癖や弱点を特定。",
        "LLMの推論、解く？",
        "検証する？",
        "🧐 計算量最適化の観点から、Self-Consistency(SC)とGenerative Reward Model(GenRM)を比較。",
    ]
    newline = src.text.index("\\n")
    assert src.text[newline - 1 : newline + 3] == "。\\nL"


def test_unicode_escapes_map_each_character_to_its_escape(record):
    src, digest = parse_jsonl(json.dumps(record, ensure_ascii=True))
    title = digest.papers[0].section("title").sentences[0]
    assert title.text == TITLE_JA
    assert [src.text[o : o + 6] for o in title.offsets[:2]] == ["\\u6570", "\\u5b66"]
    assert (title.loc.column, title.loc.end - title.loc.start) == (
        src.text.index('"title_ja": "') + len('"title_ja": "') + 1,
        6 * len(TITLE_JA),
    )
    emoji = next(s for s in digest.papers[0].section("summary").sentences if s.text.startswith("🧐"))
    assert src.text[emoji.offsets[0] : emoji.offsets[0] + 12] == "\\ud83e\\uddd0"
    assert src.text[emoji.offsets[1]] == " "
    assert src.text[emoji.loc.end - 6 : emoji.loc.end + 1] == "\\u3002\"" # the sentence ends past its escaped 。


def test_hiragana_escape_in_a_title():
    src, digest = parse_jsonl('{"id": "2502.19613", "title_ja": "\\u3042\\u308b \\"GRPO\\""}')
    title = digest.papers[0].section("title").sentences[0]
    assert title.text == 'ある "GRPO"'
    assert [src.text[o] for o in title.offsets] == ["\\", "\\", " ", "\\", "G", "R", "P", "O", "\\"]


def test_invalid_json_is_a_one_line_error_with_file_and_line(record):
    text = json.dumps(record, ensure_ascii=False) + '\n{"id": "2502.19634", "title": "MedVLM-R1"\n'
    with pytest.raises(QaInputError) as error:
        parse_jsonl(text)
    assert str(error.value) == "batch.jsonl:2: invalid JSON (Expecting ',' delimiter at column 42)"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"title": "Multi-Token Attention"}', "batch.jsonl:1: each line must be a JSON object with an 'id'"),
        ('["2504.00927"]', "batch.jsonl:1: each line must be a JSON object with an 'id'"),
        ('{"id": 2502.20080}', "batch.jsonl:1: 'id' must be a JSON string, not 2502.2008"),
        ('{"id": "2504.00927", "title": ["Multi-Token Attention"]}', "batch.jsonl:1: 'title' must be a JSON string, not [\"Multi-Token Attention\"]"),
        ('{"id": "2504.00927", "title_ja": "\\ud800"}', "batch.jsonl:1: 'title_ja' contains an unpaired \\u surrogate escape"),
        ('{"id": "2504.00927", "title": "A", "title": "B"}', "batch.jsonl:1: key 'title' appears twice"),
    ],
)
def test_records_that_cannot_be_papers_are_one_line_errors(line, message):
    with pytest.raises(QaInputError) as error:
        parse_jsonl(line + "\n")
    assert str(error.value) == message


def test_cli_reads_a_jsonl_batch_from_a_directory(tmp_path, record):
    (tmp_path / "batch.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run_qa("parse", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)["digests"][0]
    assert (digest["format"], [(p["id"], p["version"]) for p in digest["papers"]]) == (
        "bilingual-jsonl", [("2502.19613", 1)]
    )


def test_cli_invalid_json_line_exits_2_with_one_line(tmp_path, record):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    result = run_qa("parse", str(path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"qa: error: {path}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)\n"


# Text a JSON encoder may escape in several ways: quotes, backslashes, controls, kana, astral.
json_text = st.text(st.sampled_from(list('ab "\\\n\t/あ漢🧐') + ["\u2028", "\x01"]), max_size=40)


@given(value=json_text, ascii_only=st.booleans())
def test_any_encoded_string_decodes_to_its_value_with_raw_offsets(value, ascii_only):
    line = json.dumps({"id": "2504.00927", "summary_ja": value}, ensure_ascii=ascii_only)
    src, digest = parse_jsonl(line)
    summary = digest.papers[0].section("summary")
    if not value.strip():
        assert summary is None
        return
    block = summary.blocks[0]
    assert block.text == value.strip()
    # Each character's raw span in the line is exactly its own JSON encoding.
    for ch, offset in zip(block.text, block.offsets):
        assert src.text[offset : src.char_end(offset)] == json.dumps(ch, ensure_ascii=ascii_only)[1:-1]
