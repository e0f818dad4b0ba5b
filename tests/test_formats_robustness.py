"""Any text made of digest fragments parses, or fails as bad input, and every sentence points at
its own characters in the file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qa.errors import QaInputError
from qa.pipeline import parse_source
from qa.source import SourceText

# Pieces of the four sample formats, broken ones included: open links and fences, stray labels.
FRAGMENTS = [
    "## [", "](http://arxiv.org/abs/2502.19613v1)", "**アブストラクト**:", "**要約**:", "\n", "\n\n", "```", "```python\n",
    "# Multi-Token Attention\n", "[View Paper](http://arxiv.org/abs/2504.00927v1)\n", "## 1. 既存研究では何ができなかったのか\n",
    "### その他\n", "- ", "*   ", "1. ", "論文:rStar-Math\n", "- arxiv url: http://arxiv.org/abs/2508.12387v1\n",
    "- Abstract: Small Language Models (SLMs) are cost-effective.\n", "- Date: Sun, 17 Aug 2025 14:50:23 GMT\n",
    "関連論文リスト\n", "- Light-IF: Endowing LLMs [10.119219532863767]\n", "論文 参考訳(メタデータ) (2025-08-05T07:42:00Z)",
    " - ", "自己報酬型推論の大規模言語モデル（LLMs）について研究します。", "Experiments with Llama-3 and Qwen-2.5. ",
    "（", "）", "「", "」", "|a|b|\n|-|-|\n", "> ", "<div>\n", "---\n", "\t", "   ", "{", "}", '"', "\\", "]", "[", "(", ")",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30).map("".join), st.sampled_from(["d.md", "d.txt"]))
def test_parsing_never_crashes_and_sentences_point_at_their_characters(text, path):
    src = SourceText(path, text)
    try:
        digest = parse_source(src)
    except QaInputError:
        return
    for paper in digest.all_papers():
        for section in paper.sections:
            for block in section.blocks:
                for sentence in block.sentences:
                    assert sentence.text and [src.text[o] for o in sentence.offsets] == list(sentence.text)
                    assert (sentence.loc.start, sentence.loc.end) == (sentence.offsets[0], sentence.offsets[-1] + 1)
                    assert (sentence.loc.line, sentence.loc.column) == src.line_col(sentence.loc.start)
                    assert block.kind == "code" or sentence.text == sentence.text.strip()
