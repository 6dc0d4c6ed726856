"""scispaCy's AbbreviationDetector (Schwartz & Hearst), fed with pre-filtered candidates.

The stock component runs a ``( + )`` token Matcher over every doc and warns when its global
matcher is empty; here the parenthesised candidates are found with one regex over the text and
mapped to token offsets, then scispaCy's own ``filter_matches``/``find_matches_for`` do the rest.
Output is the serialisable form (dicts) so docs survive ``n_process > 1``.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
from scispacy.abbreviation import AbbreviationDetector, filter_matches
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
        matches = []
        for a, b in spans:
            start = int(np.searchsorted(idx, a + 1))  # first token after "("
            end = int(np.searchsorted(idx, b - 1))  # the ")" token
            if 0 < start < end <= len(doc) and end - start <= 8:
                matches.append((0, start, end))
        filtered = filter_matches(matches, doc)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # W036: empty global matcher
            occurrences = self.find_matches_for(filtered, doc)
        found = []
        for long_form, short_forms in occurrences:
            for short in short_forms:
                short._.long_form = long_form
                found.append(self.make_short_form_serializable(short))
        doc._.abbreviations = found
        return doc
