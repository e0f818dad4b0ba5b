"""qa.morphology: the analyser the style, mistranslation and glossary stages share."""

from __future__ import annotations

from qa.morphology import words


def test_the_words_after_a_nul_character_are_read():
    # A JSON string may hold \u0000; MeCab alone stops reading at it.
    assert [word.surface for word in words("提案手法は\0モデルをを学習する。")] == [
        "提案", "手法", "は", "モデル", "を", "を", "学習", "する", "。",
    ]
