"""Specification of inline suppressions: `<!-- qa: ignore[rules] -->` for the next block and
`<!-- qa: ignore-file[rules] -->` for the whole file."""

from __future__ import annotations

from qa.checks import run_checks
from qa.pipeline import parse_source
from qa.source import SourceText
from qa.suppress import Suppression, suppressions

# samples/digests/paper-summaries-2025-04.md line 505 (an unfilled placeholder) and line 18
# (a full-width digit), in one paper of the same file.
HEAD = "# Exploring the Effect of Reinforcement Learning on Video Understanding\n\n[View Paper](http://arxiv.org/abs/2503.24376v1)\n\n"
PLACEHOLDER = "*   フレーム解像度を`(フレーム解像度の具体的な数値)`に設定"
FULLWIDTH = "具体的には、以下の５つの側面からGUIエージェントの信頼性について議論しています。"
HALFWIDTH = "Qwen2-VL-7Bを用いて、SEED-Bench-R1で2つの学習方法を比較した。"


def digest(*blocks: str) -> str:
    return HEAD + "## 5. 技術的な詳細について\n\n" + "\n\n".join(blocks) + "\n"


def reported(text: str, path: str = "digest.md") -> list[tuple[str, int]]:
    src = SourceText(path, text)
    return [(f.rule, f.line) for f in run_checks([(src, parse_source(src))], select=["artifact", "style"])]


def test_without_a_directive_both_defects_are_reported():
    assert reported(digest(PLACEHOLDER, FULLWIDTH, HALFWIDTH)) == [("artifact.placeholder", 7), ("style.mixed_width_alnum", 9)]


def test_ignore_silences_the_named_rule_in_the_next_block_only():
    text = digest("<!-- qa: ignore[artifact.placeholder] -->\n" + PLACEHOLDER, FULLWIDTH, PLACEHOLDER, HALFWIDTH)
    assert reported(text) == [("style.mixed_width_alnum", 10), ("artifact.placeholder", 12)]


def test_ignore_leaves_other_rules_of_the_block_alone():
    text = digest("<!-- qa: ignore[style] -->\n" + PLACEHOLDER, FULLWIDTH, HALFWIDTH)
    assert reported(text) == [("artifact.placeholder", 8), ("style.mixed_width_alnum", 10)]


def test_ignore_without_rules_silences_every_rule_of_the_next_block():
    text = digest("<!-- qa: ignore -->\n\n" + FULLWIDTH, PLACEHOLDER, HALFWIDTH)
    assert reported(text) == [("artifact.placeholder", 11)]


def test_ignore_file_silences_a_family_everywhere():
    text = "<!-- qa: ignore-file[style] -->\n\n" + digest(PLACEHOLDER, FULLWIDTH, HALFWIDTH)
    assert reported(text) == [("artifact.placeholder", 9)]


def test_a_directive_applies_to_its_own_file_only():
    other = SourceText("other.md", "<!-- qa: ignore-file -->\n\n" + digest(PLACEHOLDER))
    src = SourceText("digest.md", digest(PLACEHOLDER))
    findings = run_checks([(src, parse_source(src)), (other, parse_source(other))], select=["artifact"])
    assert [(f.file, f.line) for f in findings] == [("digest.md", 7)]


def test_directive_syntax():
    text = (
        "<!-- qa: ignore-file -->\n"  # 1
        "<!--qa:ignore[style.mixed_punctuation, artifact]-->\n"  # 2
        "本稿では,垂直領域における\n"  # 3
        "強化学習を紹介する。\n"  # 4
        "\n"  # 5
        "<!-- qa: ignore [terms] -->\n"  # 6
        "\n"  # 7
        "\n"  # 8
        "監督付きファインチューニング\n"  # 9
        "\n"  # 10
        "<!-- qa: ignore[] --> 本文"  # 11
    )
    assert suppressions(text) == [
        Suppression((), 1, 11),
        Suppression(("style.mixed_punctuation", "artifact"), 2, 4),
        Suppression(("terms",), 6, 9),
        Suppression((), 11, 11),
    ]


def test_a_directive_at_the_end_of_the_file_covers_nothing_after_it():
    assert suppressions("本文。\n<!-- qa: ignore -->") == [Suppression((), 2, 2)]


def test_text_that_only_mentions_qa_is_no_directive():
    assert suppressions("qa: ignore[style] は HTML コメントの中でだけ効く。\n<!-- qa: skip -->\n") == []
