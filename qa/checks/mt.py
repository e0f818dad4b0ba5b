"""`mt` rules: checks that need a machine translation model (`qa check --mt`).

MT is a signal, never ground truth: a low score says "read this pair", not "this is wrong".
Without a translator in the options (no `--mt`, or no model installed) the rules yield nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from qa.checks.base import CheckContext, Rule
from qa.findings import Finding, Severity
from qa.mt.calibrate import DEFAULT_THRESHOLD


class LowSimilarity(Rule):
    id = "mt.low_similarity"
    severity = Severity.WARNING
    description = "The back-translation of a Japanese sentence is far from the English sentence it is aligned with"
    example = (
        "EN: Experiments with Llama-3 and Qwen-2.5 demonstrate that our approach surpasses ...\n"
        "JA: この研究は画像生成に焦点を当てます。\n"
        "→ mt.low_similarity: back-translation differs from the English (chrF 14.2 < 23.6): "
        "\"This study focuses on image generation.\""
    )
    needs = ("alignments",)

    def check(self, context: CheckContext) -> Iterator[Finding]:
        translator = context.options.get("mt", {}).get("translator")
        if translator is None:
            return
        from qa.mt.backtranslation import back_translate
        from qa.mt.scoring import SentenceChrf

        threshold = float(context.option(self.id, "threshold", DEFAULT_THRESHOLD))
        pairs = [
            (paper, link)
            for paper in context.alignments
            if paper.kind == "translation"
            for link in paper.links
            if link.en and link.ja
        ]
        japanese = list(dict.fromkeys(paper.ja[j].text for paper, link in pairs for j in link.ja))
        back = dict(zip(japanese, back_translate(translator, japanese, context.glossary, progress=True)))
        chrf = SentenceChrf()
        for paper, link in pairs:
            english = " ".join(paper.en[i].text for i in link.en)
            ja = [paper.ja[j] for j in link.ja]
            back_translation = " ".join(back[s.text] for s in ja)
            score = chrf(back_translation, english)
            if score < threshold:
                yield self.finding(
                    f"back-translation differs from the English (chrF {score:.1f} < {threshold:g}): "
                    f"\"{back_translation or '(empty)'}\"",
                    context.aligned_location(ja),
                    paper=paper.id,
                    en=english,
                    ja="".join(s.text for s in ja),
                )
