"""Reading input: decoding, line index, and which files a path stands for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ARTICLE, DAILY, DIGESTS, REPO
from qa.errors import QaInputError
from qa.source import SourceText, decode_bytes, expand_inputs, read_source

ENTRY = "## [数学的推論のための自己報酬型修正](http://arxiv.org/abs/2502.19613v1)\n\n**アブストラクト**:\n自己報酬型推論の大規模言語モデル（LLMs）について研究します。\n"


def test_line_col_is_one_based_on_the_sample():
    src = read_source(REPO / DAILY)
    offset = src.text.index("## [MedVLM-R1")
    assert (src.line_col(offset), src.line_col(offset + 3)) == ((23, 1), (23, 4))
    assert src.line_start(23) == offset


def test_line_col_of_a_newline_is_the_end_of_its_line():
    src = SourceText("x.md", "ab\ncd")
    assert [src.line_col(i) for i in range(5)] == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2)]
    assert src.line_count == 2


@given(st.text(st.sampled_from("a\nあ "), max_size=30), st.data())
def test_line_col_agrees_with_splitting_lines(text, data):
    src = SourceText("x.md", text)
    offset = data.draw(st.integers(0, len(text)))
    before = text[:offset]
    assert src.line_col(offset) == (before.count("\n") + 1, len(before) - before.rfind("\n"))


def test_utf8_is_read_without_notice():
    src = decode_bytes(ENTRY.encode("utf-8"), "d.md")
    assert (src.text, src.encoding, src.notice, src.notices) == (ENTRY, "utf-8", None, [])


def test_utf8_byte_order_mark_is_dropped():
    assert decode_bytes(b"\xef\xbb\xbf" + ENTRY.encode("utf-8"), "d.md").text == ENTRY


def test_crlf_and_lone_cr_become_lf_so_lines_match_the_markdown_parser():
    src = decode_bytes(ENTRY.replace("\n", "\r\n").encode("utf-8"), "d.md")
    assert src.text == ENTRY
    assert decode_bytes(b"a\rb\r\nc", "d.md").text == "a\nb\nc"


@pytest.mark.parametrize(
    ("codec", "encoding", "notice"),
    [
        ("shift_jis", "cp932", "d.md: decoded as Shift_JIS/CP932, not UTF-8; convert it with `iconv -f CP932 -t UTF-8`"),
        ("euc_jp", "euc_jp", "d.md: decoded as EUC-JP, not UTF-8; convert it with `iconv -f EUC-JP -t UTF-8`"),
    ],
)
def test_legacy_japanese_encodings_decode_with_a_notice(codec, encoding, notice):
    src = decode_bytes(ENTRY.encode(codec), "d.md")
    assert (src.text, src.encoding, src.notices) == (ENTRY, encoding, [notice])


def test_cp932_only_characters_decode():
    text = (REPO / ARTICLE).read_text(encoding="utf-8")
    assert "①ポリシーモデル" in text
    assert decode_bytes(text.encode("cp932"), "a.txt").text == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "d.md: file is empty"),
        (b" \n\t\n", "d.md: file is empty"),
        (b"\xef\xbb\xbf\n", "d.md: file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "d.md: binary file (contains NUL bytes), expected UTF-8 text"),
        (ENTRY.encode("utf-16"), "d.md: UTF-16 text, expected UTF-8; convert it with `iconv -f UTF-16 -t UTF-8`"),
        ("Résumé des modèles".encode("latin-1"), "d.md: not UTF-8 text and not Shift_JIS/CP932/EUC-JP either"),
    ],
)
def test_unreadable_bytes_are_one_line_errors(data, message):
    with pytest.raises(QaInputError) as error:
        decode_bytes(data, "d.md")
    assert str(error.value) == message


def test_read_source_of_a_missing_path_or_a_directory(tmp_path):
    with pytest.raises(QaInputError, match=r": no such file or directory$"):
        read_source(tmp_path / "nope.md")
    with pytest.raises(QaInputError, match=r": is a directory, expected a file$"):
        read_source(tmp_path)


def test_parse_notices_follow_the_encoding_notice():
    src = decode_bytes(ENTRY.encode("euc_jp"), "d.md")
    src.parse_notices.append("d.md:3: code fence is never closed; it is taken to end with its entry")
    assert src.notices == [src.notice, "d.md:3: code fence is never closed; it is taken to end with its entry"]


def test_characters_are_one_raw_character_unless_an_escape_was_recorded():
    src = SourceText("b.jsonl", '{"t": "\\u3042a"}')
    src.escape_ends[7] = 13
    assert (src.char_end(7), src.char_end(13)) == (13, 14)


def test_a_directory_stands_for_its_digest_files_sorted():
    assert [p.name for p in expand_inputs([DIGESTS])] == [
        "arxiv-digest-2025-03-02.md", "paper-summaries-2025-04.md", "realm-abstract-page.md", "rstar-math-article.txt"
    ]


def test_hidden_directories_and_other_suffixes_are_left_out(tmp_path):
    for name in (".venv/lib/README.md", ".notes.md", "sub/b.jsonl", "a.md", "c.txt", "d.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_inputs([tmp_path])] == ["a.md", "c.txt", "sub/b.jsonl"]


def test_each_file_comes_once_in_first_seen_order():
    daily = REPO / DAILY
    assert expand_inputs([daily, DIGESTS, daily])[:2] == [daily, DIGESTS / "paper-summaries-2025-04.md"]
    assert len(expand_inputs([daily, DIGESTS, daily])) == 4


@pytest.mark.parametrize(
    ("paths", "message"),
    [([], "no input paths given"), (["missing-dir"], "missing-dir: no such file or directory")],
)
def test_bad_path_lists(paths, message):
    with pytest.raises(QaInputError) as error:
        expand_inputs(paths)
    assert str(error.value) == message


def test_directory_without_digest_files(tmp_path):
    (tmp_path / "notes.csv").write_text("id\n", encoding="utf-8")
    with pytest.raises(QaInputError) as error:
        expand_inputs([tmp_path])
    assert str(error.value) == f"{tmp_path}: directory has no *.md, *.txt or *.jsonl files"
