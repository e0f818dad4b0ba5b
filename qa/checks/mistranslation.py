"""`mistranslation` heuristics that run offline on aligned pairs: polarity, comparison
direction, and promises turned into facts. They are hints for a reviewer (warnings), not proof."""

from __future__ import annotations

import re

from qa.checks.base import CheckContext, Rule
from qa.checks.pairs import translation_pairs
from qa.findings import Severity
from qa.morphology import words

# Grammatical negation only: lexical negatives (insufficient / 不十分, inconsistent / 一貫性のない)
# are translated as words and would make every pair look negated on one side.
# "not only/just X but Y" adds rather than denies, like its rendering XだけでなくY.
# Each word's first letter is spelt in both cases outside (?i:…) — the only letters that fold to
# n, c, w, f and u — so that the regex engine skips ahead to those letters instead of trying
# every word at every position (five times faster); (?<!\w\w) after that letter is the \b before it.
NEGATION_EN = re.compile(
    r"[nNcCwWfFuU](?<!\w\w)(?i:"
    r"(?<=n)(?:ot(?! (?:only|just|merely)\b)|o|one|othing|obody|ever|either|or)"
    r"|(?<=c)annot|(?<=w)ithout|(?<=f)(?:ails? to|ailed to)|(?<=u)nable to"
    r")\b"
)
# \b\w+n't\b, searched from its apostrophe.
NEGATED_CONTRACTION_EN = re.compile(r"'(?<=\w[nN]')[tT](?!\w)")
NEGATION_CANDIDATE_JA = re.compile(r"な[いくかけ]|無[いくかけし]|ず|ぬ|ません|ん[。、で]|なし")
# ません before punctuation, でした, が or the end: ませ and the auxiliary ん (ず) ending a
# predicate, the commonest negation of translated prose. The analyser says so of all 833 such
# texts among the 7,819 Japanese texts of the samples and the fuzzed records, so it is not asked:
# it reads 43% fewer texts. Before anything else (a noun: 変わりません事例) it is still asked.
PREDICATIVE_MASEN = re.compile(r"ません(?=[。、，,．.！？!?：:；;」』）)]|でし|が|$)")
# Nouns that turn a negated clause into a complement (…ではないことを示す): still a negation.
FORMAL_NOUNS = {"こと", "の", "もの", "ため", "よう", "わけ", "点", "場合", "とき", "時"}
# Idioms built on a negative form that do not deny anything. (少ない is an adjective and is
# never counted.)
NOT_NEGATION_JA = re.compile(
    "|".join(
        [
            r"しか(?![しも])[^。]*?(?:ない|ません|ず)",  # only
            r"(?:にも|に)(?:かかわらず|関わらず|拘らず)",  # despite
            r"だけ(?:で|では)な[くい]|に(?:限|かぎ)らず",  # not only
            r"かもしれ(?:ない|ません)|かね(?:ない|ません)",  # may, could
            r"(?:なければ|なくては|ねば)(?:ならな[いく]|なりません|いけな[いく]|いけません)|ざるを得(?:ない|ません|ず)",  # must
            r"欠かせ(?:ない|ません)",  # essential
            r"に(?:過|す)ぎ(?:ない|ません|ず)",  # merely
            r"間違いな[くい]",  # certainly
        ]
    )
)
# \b(?:more|higher|…)\b ignoring case, with the first letters spelt out as in NEGATION_EN (İ and
# ı fold to i, ſ to s): three times faster.
UP_EN = re.compile(
    r"[mMhHgGlLiIİıoOsSſeEbB](?<!\w\w)(?i:"
    r"(?<=m)ore|(?<=h)igher|(?<=g)reater|(?<=l)arger|(?<=i)(?:ncrease[sd]?|ncreasing|mprove[sd]?|mproving)"
    r"|(?<=o)utperform\w*|(?<=s)urpass\w*|(?<=e)xceed\w*|(?<=b)oost\w*"
    r")\b"
)
DOWN_EN = re.compile(
    r"[fFlLsSſdDrRwWuU](?<!\w\w)(?i:"
    r"(?<=f)ewer|(?<=l)(?:ess|ower)|(?<=s)maller|(?<=d)(?:ecrease[sd]?|ecreasing|rops?|eclines?)"
    r"|(?<=r)(?:educe[sd]?|educing|eduction)|(?<=w)orse|(?<=u)nderperform\w*"
    r")\b"
)
UP_JA = re.compile(r"多い|高い|高く|増加|向上|上回|改善|超え|増や|大きく|大きい|強化")
DOWN_JA = re.compile(r"少ない|少なく|低い|低く|減少|低下|削減|下回|減ら|小さく|小さい|悪化")
FUTURE_RELEASE_EN = re.compile(
    r"\bwill (?:be )?(?:(?:publicly|fully|freely|openly) )?(?:released?|available|made (?:publicly )?available|open[- ]sourced?|published)\b",
    re.I,
)
PRESENT_RELEASE_JA = re.compile(
    r"(?:公開|入手|利用|リリース|オープンソース化)"
    r"(?:されています|されている|されました|しています|しました|可能です|可能である|可能となっている|できます)"
)
FUTURE_MARK_JA = re.compile(r"予定|今後|される見込み|する計画")


# What negates: these lemmas of an auxiliary or an adjective, and the words なし/無し.
AUXILIARY, ADJECTIVE = "助動詞", "形容詞"
NEGATING_LEMMAS = {AUXILIARY: ("ない", "ぬ", "ず", "ん"), ADJECTIVE: ("無い", "ない")}
NEGATING_WORDS = ("なし", "無し")
# What the forms of those lemmas start with (ない なく なかっ, ぬ ね ん, ず ざる, 無い; katakana
# ン too): the raw features of a word are read only when it starts so.
NEGATING_INITIALS = frozenset("なぬねずざん無ナヌネズザン")


def is_negated_english(text: str) -> bool:
    return NEGATION_EN.search(text) is not None or NEGATED_CONTRACTION_EN.search(text) is not None


def is_negated(text: str) -> bool:
    """A negated predicate: ない/ぬ/ず/ません, and ない as "there is no" — but not an attributive
    negation inside a noun phrase (一貫性のない回答 is "inconsistent answers")."""
    if not NEGATION_CANDIDATE_JA.search(text):
        # Each idiom removed below holds a candidate itself: a text with none keeps none, and
        # removing the idioms (a regex substitution) is skipped for it.
        return False
    text = NOT_NEGATION_JA.sub("", text)
    if not NEGATION_CANDIDATE_JA.search(text):
        return False  # the morphological analyser only runs where a negation can be
    if PREDICATIVE_MASEN.search(text):
        return True
    analysed = list(words(text))
    return any(_negates(word) and not _attributive(following) for word, following in zip(analysed, [*analysed[1:], None]))


def _negates(word) -> bool:
    surface = word.surface
    if surface in NEGATING_WORDS:
        return True
    # Reading every word's raw features cost two thirds of the analysis, and parsing them into
    # fields costs more: only a word that starts like a negation has them read, and only one
    # whose raw features name a negating part of speech has them parsed.
    if surface[:1] not in NEGATING_INITIALS:
        return False
    raw = word.feature_raw
    if AUXILIARY not in raw and ADJECTIVE not in raw:
        return False
    feature = word.feature
    return feature.lemma in NEGATING_LEMMAS.get(feature.pos1, ())


def _attributive(following) -> bool:
    """The negation qualifies the noun after it."""
    return following is not None and following.feature.pos1 == "名詞" and following.surface not in FORMAL_NOUNS


class NegationMismatch(Rule):
    id = "mistranslation.negation"
    severity = Severity.WARNING
    description = "Negation in only one side of an aligned pair: the translation may say the opposite."
    example = "EN: the router does not always produce optimal weights / JA: ルーターは最適な重みを生成する → negation lost"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            en = is_negated_english(pair.en)
            if en != is_negated(pair.ja):
                side = "English" if en else "Japanese"
                yield pair.finding(self, context, f"only the {side} sentence is negated; check that the translation keeps the meaning")


class ComparisonDirection(Rule):
    id = "mistranslation.direction"
    severity = Severity.WARNING
    description = "A comparison goes one way in the English (fewer, lower, reduce) and the other way in the Japanese (多い, 向上)."
    example = "EN: 80x fewer tokens / JA: 80倍多いトークン → 'fewer' became '多い'"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            ja_up, ja_down = bool(UP_JA.search(pair.ja)), bool(DOWN_JA.search(pair.ja))
            if ja_up == ja_down:
                continue  # the English, slower to search, is only read when the Japanese has a direction
            en_up, en_down = bool(UP_EN.search(pair.en)), bool(DOWN_EN.search(pair.en))
            if en_up != en_down and en_up != ja_up:
                en_word = (UP_EN if en_up else DOWN_EN).search(pair.en)
                ja_word = (UP_JA if ja_up else DOWN_JA).search(pair.ja)
                if en_word and ja_word:  # both found above
                    message = f"'{en_word.group()}' in the English but '{ja_word.group()}' in the Japanese"
                    yield pair.finding(self, context, message, ja_word.start(), ja_word.end())


class PromiseAsFact(Rule):
    id = "mistranslation.promise"
    severity = Severity.WARNING
    description = "Something the English promises for the future (will be released) is stated as already done in the Japanese."
    example = "EN: Code will be available at … / JA: コードは…で入手可能です → a promise became a fact"
    needs = ("alignments",)

    def check(self, context: CheckContext):
        for pair in translation_pairs(context):
            present = PRESENT_RELEASE_JA.search(pair.ja)  # first: the English is slower to search
            promise = FUTURE_RELEASE_EN.search(pair.en) if present else None
            if present and promise and not FUTURE_MARK_JA.search(pair.ja):
                message = f"'{promise.group()}' in the English is stated as done in the Japanese: '{present.group()}'"
                yield pair.finding(self, context, message, present.start(), present.end())
