"""``find_drugs``: every drug, regimen and placebo mention of a text, from all the passes."""

from __future__ import annotations

from collections.abc import Iterable

from her2mine.extract.drugs.brackets import bracketed_shorts
from her2mine.extract.drugs.codes import biosimilar_code_hits, code_hits, short_code_hits
from her2mine.extract.drugs.definitions import (
    class_abbreviation_hits,
    consisted_matches,
    long_forms_after_shorts,
    pairs_within_sentences,
)
from her2mine.extract.drugs.letters import letter_hits, standard_letter_hits
from her2mine.extract.drugs.lexical import (
    _without_name_tails,
    class_hits,
    dosed_short_form_hits,
    lexicon_hits,
    regimen_shorts_in_context,
)
from her2mine.extract.drugs.short_forms import (
    _short_form_passes,
    joined_part_hits,
    placebo_short_hits,
    standard_placebo_short_hits,
)
from her2mine.extract.drugs.stems import _stem_words, _with_bracketed_stems, stem_hits
from her2mine.extract.hits import Hit, resolve_longest_first, resolve_overlaps
from her2mine.extract.lexicon import DrugLexicon, lower_same_length


def find_drugs(
    text: str,
    lex: DrugLexicon,
    sentences: list[tuple[int, int]],
    abbreviation_pairs: Iterable[tuple[str, int, int]] = (),
    model_hits: Iterable[Hit] = (),
    low: str | None = None,
    starts: list[int] | None = None,
    trial_names: frozenset[str] | None = None,
) -> list[Hit]:
    """All drug, regimen and placebo mentions in ``text``, non-overlapping, in text order.
    ``low`` = ``lower_same_length(text)`` if the caller has it; ``starts``: see
    ``lexicon_hits``; ``trial_names``: see ``bracketed_shorts``."""
    low = lower_same_length(text) if low is None else low
    found = lexicon_hits(text, lex, low, starts)
    dosed = dosed_short_form_hits(text, lex)
    if dosed:
        found = found + dosed
    lexical = resolve_longest_first(found, class_hits(text, low))
    lexical = regimen_shorts_in_context(text, lexical, sentences, lex.ambiguous)
    if "-" in text:
        lexical = _without_name_tails(text, lexical)
    consisted = consisted_matches(text)
    bracketed = bracketed_shorts(text, trial_names)
    abbreviation_pairs = list(abbreviation_pairs)  # read by every pass
    if abbreviation_pairs:
        abbreviation_pairs = pairs_within_sentences(text, abbreviation_pairs, sentences)
    if "(" in text:
        abbreviation_pairs += long_forms_after_shorts(text, lexical)
    classes = class_abbreviation_hits(text, lexical, abbreviation_pairs)
    if classes:
        lexical = resolve_longest_first(lexical, classes)
    words = _stem_words(text, low)  # (read by both stem passes: the text is the same)
    if "(" in text:
        lexical = _with_bracketed_stems(text, lex, low, lexical, words)
    abbrev, used = _short_form_passes(
        text, lex, lexical, abbreviation_pairs, consisted, bracketed, sentences
    )
    # Resolving the winners first keeps the same result (hits a dropped one overlaps are judged
    # against the kept ones anyway) and lets ``stem_hits`` skip the stems they cover.
    model = list(model_hits)
    placebos = placebo_short_hits(text, lexical, bracketed)
    if placebos:
        abbrev = abbrev + placebos
    if "PBO" in text:
        pbo = standard_placebo_short_hits(text, lexical)
        if pbo:
            abbrev = abbrev + pbo
    letters = letter_hits(text, lexical, sentences, lex.letters)
    if letters:
        abbrev = abbrev + letters
    if "+" in text:
        standard = standard_letter_hits(text, lexical, letters)
        if standard:
            abbrev = abbrev + standard
    if used and "+" in text:
        parts = joined_part_hits(text, dict(used))
        if parts:
            abbrev = abbrev + parts
    chosen = resolve_overlaps(abbrev + lexical + model) if abbrev or model else lexical
    stems = stem_hits(text, lex, low, chosen, words)
    if "biosimilar" in low:
        twins = biosimilar_code_hits(text, chosen)
        if twins:
            stems = twins + stems
    codes = code_hits(text, lex, sentences) + short_code_hits(text, lex)
    return resolve_overlaps(chosen + stems + codes)


def drug_names(hits: Iterable[Hit]) -> list[str]:
    """Sorted unique canonical drug names (regimens expanded, placebo dropped)."""
    return sorted({d for h in hits if h.kind not in ("placebo", "class") for d in h.drugs})
