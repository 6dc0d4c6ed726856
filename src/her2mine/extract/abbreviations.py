"""scispaCy's AbbreviationDetector (Schwartz & Hearst), fed with pre-filtered candidates.

The stock component runs a ``( + )`` token Matcher over every doc, then a second, per-doc
"global" Matcher to find every later occurrence of each short form. Here the parenthesised
candidates are found with one regex over the text and mapped to token offsets, then scispaCy's
own ``filter_matches`` and ``find_abbreviation`` find the definitions. Later occurrences are not
listed: the drug recogniser finds them with one regex per defined short form.
Output is the serialisable form (dicts) so docs survive ``n_process > 1``.
"""

from __future__ import annotations

import re

import numpy as np
from scispacy.abbreviation import AbbreviationDetector, filter_matches, find_abbreviation
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

# A bracket holding 1–8 short words: a short form "(T-DXd)" or a long form "(... ... ...)".
_PAREN = re.compile(r"\((?=[^()]{1,80}\))[^()]*\)")


@Language.factory("her2_abbreviations", default_config={})
class FastAbbreviationDetector(AbbreviationDetector):
    def __init__(self, nlp: Language, name: str = "her2_abbreviations") -> None:
        super().__init__(nlp, name, make_serializable=True)

    def __call__(self, doc: Doc) -> Doc:
        state = doc._.her2 or {}
        text = state.get("text") or doc.text
        spans = [(m.start(), m.end()) for m in _PAREN.finditer(text)]
        doc._.abbreviations = []
        if not spans or not len(doc):
            return doc
        idx = doc.to_array([IDX]).astype(np.int64).reshape(-1)
        bounds = np.asarray(spans, dtype=np.int64)
        firsts = np.searchsorted(idx, bounds[:, 0] + 1)  # first token after "("
        closes = np.searchsorted(idx, bounds[:, 1] - 1)  # the ")" token
        matches = [
            (0, int(start), int(end))
            for start, end in zip(firsts.tolist(), closes.tolist(), strict=True)
            if 0 < start < end <= len(doc) and end - start <= 8
        ]
        found = []
        seen_long: set[str] = set()
        seen_short: set[str] = set()
        for long_candidate, short_candidate in filter_matches(matches, doc):
            short, long = find_abbreviation(long_candidate, short_candidate)
            if long is None:
                continue
            long_text, short_text = long.text, short.text
            if long_text in seen_long or short_text in seen_short:
                continue  # defined twice: keep the first definition, as scispaCy does
            seen_long.add(long_text)
            seen_short.add(short_text)
            found.append(
                {
                    "short_text": short_text,
                    "short_start": short.start,
                    "short_end": short.end,
                    "long_text": long_text,
                    "long_start": long.start,
                    "long_end": long.end,
                }
            )
        doc._.abbreviations = found
        return doc
