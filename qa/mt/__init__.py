"""Machine translation over Argos Translate packages (an optional extra: `digest-qa[mt]`).

Editors use MT three ways: to draft the Japanese of a paper that has none (`qa translate`),
to back-translate a Japanese sentence and see whether it still says what the English says
(`mt.low_similarity`), and to score a translation against a reference (`qa score`).

MT is a signal, never ground truth: the public ja↔en models are small. The modules:

- `packages`: install, list and remove Argos packages (over `argostranslate.package` only;
  `argostranslate.translate` is never imported: it is slow and downloads at first use).
- `translator`: batched, deduplicated CTranslate2 translation; `cache`: its SQLite cache.
- `placeholders`: glossary terms and placeables kept out of the model's reach.
- `drafts`: glossary-constrained drafts of whole digests, as bilingual JSONL or Markdown.
- `check`: what `qa check --mt` hands to the checks; `backtranslation`: Japanese → English
  for the `mt` rules and for alignment; `calibrate`: the similarity threshold.
- `scoring`: sacrebleu BLEU and chrF with their signatures.

Heavy libraries (argostranslate, ctranslate2, sentencepiece) load inside functions only.
"""

INSTALL_HINT = (
    "install the MT extra (pip install 'digest-qa[mt]') and a model "
    "(qa models install --from-index ja en, or qa models install FILE.argosmodel)"
)
