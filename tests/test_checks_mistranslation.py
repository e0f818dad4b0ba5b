"""Specification of the `mistranslation.*` heuristics: negation on one side only, a comparison
turned the other way, a promise stated as done.

Each batch is one aligned pair: an English sentence of a gold alignment (tests/data/gold) and
its Japanese sentence, built and checked as in test_checks_numbers.
"""

from __future__ import annotations

from test_checks_numbers import check, column, gold, record

from qa.checks.mistranslation import is_negated

LOST = "only the English sentence is negated; check that the translation keeps the meaning"
ADDED = "only the Japanese sentence is negated; check that the translation keeps the meaning"
# 2502.20082 EN 3 up to "80x fewer than Meta's approach", and JA 3 as far as it translates that.
LONGROPE_EN = (
    "Remarkably, LongRoPE2 extends LLaMA3-8B to achieve a 128K effective context length while retaining over 98.5% "
    "of short-context performance, using only 10B tokens -- 80x fewer than Meta's approach."
)
LONGROPE_JA = "特に、LongRoPE2はLLaMA3-8Bを128Kの有効コンテキスト長に拡張し、短いコンテキストのパフォーマンスの98.5%以上を保持しながら、"


def pair(paper_id: str, en: int, ja: str) -> dict:
    """A record of English sentence en of paper_id and the Japanese sentence ja."""
    return record(paper_id, [ja], [gold(paper_id)["en"][en]])


def test_the_hand_translations_raise_only_the_promise_of_longrope2(tmp_path):
    papers = ["2502.19613", "2502.19634", "2502.20082", "2502.20238", "2502.20395", "2508.12387"]
    assert [(rule, line) for rule, _, line, *_ in check(tmp_path, [record(p) for p in papers], ["mistranslation"])] == [
        ("mistranslation.promise", 3)
    ]


# --- negation --------------------------------------------------------------------------------


def test_a_negation_lost_in_the_translation(tmp_path):
    # 2502.20395 EN 3 "the end-to-end trained router does not always produce the optimal routing weights"
    ja = gold("2502.20395")["ja"][4].replace("生成するわけではないことを", "生成することを")
    rec = pair("2502.20395", 3, ja)
    assert check(tmp_path, [rec], ["mistranslation"]) == [("mistranslation.negation", "warning", 1, column(rec, ja), ja, LOST)]


def test_a_negation_added_in_the_translation(tmp_path):
    # 2502.20238 EN 7 "we also provide a puzzle training set …"
    ja = gold("2502.20238")["ja"][8].replace("提供しています。", "提供していません。")
    rec = pair("2502.20238", 7, ja)
    assert check(tmp_path, [rec], ["mistranslation"]) == [("mistranslation.negation", "warning", 1, column(rec, ja), ja, ADDED)]


def test_shika_nai_means_only_not_a_negation(tmp_path):
    rec = record("2502.20082", [LONGROPE_JA + "Metaのアプローチに比べて80倍少ない10Bトークンしか使用しません。"], [LONGROPE_EN])
    assert check(tmp_path, [rec], ["mistranslation"]) == []


def test_sukunai_is_an_adjective_not_a_negation(tmp_path):
    rec = record("2502.20082", [LONGROPE_JA + "Metaのアプローチに比べて80倍少ない10Bトークンを使用します。"], [LONGROPE_EN])
    assert check(tmp_path, [rec], ["mistranslation"]) == []


def test_nimo_kakawarazu_means_despite_not_a_negation(tmp_path):
    # 2502.19634 EN 4 "Despite limited training data …" → 限られた訓練データ…にもかかわらず
    assert check(tmp_path, [pair("2502.19634", 4, gold("2502.19634")["ja"][5])], ["mistranslation"]) == []


def test_an_attributive_negation_inside_a_noun_phrase_is_a_word_not_a_negation(tmp_path):
    # 2508.12387 EN 0 "mistakes or inconsistent answers" → ミスや一貫性のない回答
    assert check(tmp_path, [pair("2508.12387", 0, gold("2508.12387")["ja"][0])], ["mistranslation"]) == []


def test_dake_de_naku_means_not_only_not_a_negation(tmp_path):
    # paper-summaries-2025-04.md line 2536 (2504.01017) for a sentence of its abstract.
    rec = {
        "id": "2504.01017",
        "abstract_en": "Consequently, we observe visual SSL methods achieve CLIP-level performance on a wide range of VQA "
        "and classic vision benchmarks.",
        "abstract_ja": "大規模なモデルとデータを使用することで、従来のビジョンタスクだけでなく、VQAでもCLIPと同等以上の性能を達成できることが示されました。",
    }
    assert check(tmp_path, [rec], ["mistranslation"]) == []


# --- comparison direction --------------------------------------------------------------------


def test_fewer_rendered_as_more_is_a_direction_flip_at_the_japanese_word(tmp_path):
    ja = gold("2502.20082")["ja"][3].replace("80倍少ない", "80倍多い")
    rec = pair("2502.20082", 3, ja)
    assert check(tmp_path, [rec], ["mistranslation.direction"]) == [
        ("mistranslation.direction", "warning", 1, column(rec, "多い"), "多い", "'fewer' in the English but '多い' in the Japanese")
    ]


# --- promises --------------------------------------------------------------------------------


def test_will_be_available_rendered_as_available_now_is_a_promise_stated_as_done(tmp_path):
    # arxiv-digest-2025-03-02.md line 68: "Code will be available at …" → …で入手可能です。
    rec = pair("2502.20082", 4, gold("2502.20082")["ja"][4])
    assert check(tmp_path, [rec], ["mistranslation"]) == [
        (
            "mistranslation.promise",
            "warning",
            1,
            column(rec, "入手可能です"),
            "入手可能です",
            "'will be available' in the English is stated as done in the Japanese: '入手可能です'",
        )
    ]


def test_a_promise_kept_in_the_future_is_not_reported(tmp_path):
    rec = pair("2502.20082", 4, "コードはhttps://github.com/microsoft/LongRoPEで公開予定です。")
    assert check(tmp_path, [rec], ["mistranslation"]) == []


def test_an_adverb_does_not_hide_a_promise(tmp_path):
    # samples/abstracts.jsonl, 2502.02508 (Satori): its last sentence.
    ja = "コード、データ、モデルは完全にオープンソース化されています。"
    rec = {"id": "2502.02508", "abstract_en": "Code, data, and models will be fully open-sourced.", "abstract_ja": ja}
    assert check(tmp_path, [rec], ["mistranslation"]) == [
        (
            "mistranslation.promise",
            "warning",
            1,
            column(rec, "オープンソース化されています"),
            "オープンソース化されています",
            "'will be fully open-sourced' in the English is stated as done in the Japanese: 'オープンソース化されています'",
        )
    ]


def test_a_polite_negation_ending_a_sentence_is_negated():
    # samples/digests/paper-summaries-2025-04.md line 2678: ません before punctuation or at the end
    # is taken as negation without asking the analyser.
    assert is_negated("事実性の評価: 情報の捏造や事実性の欠如といった問題に対する、推論時スケーリングの効果を定量的に評価していません。")
    assert is_negated("この手法は推論時の計算を増やしません")


def test_a_polite_negation_before_でした_or_が_is_negated_without_the_analyser(monkeypatch):
    # samples/digests/paper-summaries-2025-04.md lines 312 and 226.
    monkeypatch.setattr("qa.checks.mistranslation.words", None)  # calling it would fail
    assert is_negated("混合の品質を定量的に評価する適切な指標が存在しませんでした。")
    assert is_negated("状態の特徴量とメトリクスの形状と範囲はモデルとデータセットに依存しませんが、課題が残っています。")


def test_ません_before_a_noun_is_left_to_the_analyser():
    """The analyser reads ん before a noun as attributive, as for any negation."""
    assert not is_negated("これは変わりません事例です")
