"""scispaCy's AbbreviationDetector (Schwartz & Hearst), on token arrays and character offsets.

The stock component runs a ``( + )`` token Matcher over every doc, then a second, per-doc
"global" Matcher to find every later occurrence of each short form, and works on ``Span``
objects throughout. Here the parenthesised candidates are found with one regex over the text
and mapped to token offsets, then scispaCy's ``filter_matches``, ``short_form_filter`` and
``find_abbreviation`` are applied to plain token texts (slices of the text read from the IDX /
LENGTH / SPACY arrays): the same definitions, without building a Span or Token per look-up
(``tests/test_extract_fastpaths.py`` compares both on every gold abstract). Later occurrences
are not listed: the drug recogniser finds them with one regex per defined short form.
Output is the serialisable form (dicts) so docs survive ``n_process > 1``.
"""

from __future__ import annotations

import re

import numpy as np
from scispacy.abbreviation import AbbreviationDetector
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

# A bracket holding 1–8 short words: a short form "(T-DXd)" or a long form "(... ... ...)".
_PAREN = re.compile(r"\((?=[^()]{1,80}\))[^()]*\)")

# Where spaCy keeps ``doc._.her2`` (see ``components.STATE_KEY``; not imported: that module
# imports this one).
_STATE_KEY = ("._.", "her2", None, None)


class _Tokens:
    """Token texts of a doc as slices of its text (what ``Token.text`` returns)."""

    __slots__ = ("idx", "length", "space", "text")

    def __init__(self, text: str, arr: np.ndarray) -> None:
        self.text = text
        self.idx, self.length, self.space = (arr[:, i].tolist() for i in range(3))

    def word(self, i: int) -> str:
        a = self.idx[i]
        return self.text[a : a + self.length[i]]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        if start >= end:
            return ""
        return self.text[self.idx[start] : self.idx[end - 1] + self.length[end - 1]]


def _unbalanced(tokens: _Tokens, start: int, end: int) -> bool:
    """scispaCy's ``span_contains_unbalanced_parentheses`` for ``doc[start:end]``."""
    depth = 0
    for i in range(start, end):
        if tokens.length[i] != 1:
            continue
        w = tokens.word(i)
        if w == "(":
            depth += 1
        elif w == ")":
            if depth > 0:
                depth -= 1
            else:
                return True
    return depth != 0


def _short_form_ok(tokens: _Tokens, start: int, end: int) -> bool:
    """scispaCy's ``short_form_filter`` for ``doc[start:end]``."""
    for i in range(start, end):
        if not 2 <= tokens.length[i] < 10:
            return False
    text = tokens.span_text(start, end)
    if sum(c.isalpha() for c in text) / len(text) < 0.5:
        return False
    return text[0].isalpha()


def _candidates(tokens: _Tokens, matches: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """scispaCy's ``filter_matches``: (long start, long end, short start, short end) tokens."""
    out = []
    for start, end in matches:
        if end - start > 8 or start == 1:
            continue
        if end - start > 3:
            short = (start - 2, start - 1)
            long = (start, end)
            if _unbalanced(tokens, start, end):
                continue
        else:
            short = (start, end)
            length = sum(tokens.length[start:end])
            max_words = min(length + 5, length * 2)
            long = (max(start - max_words - 1, 0), start - 1)
        if _short_form_ok(tokens, *short):
            out.append((*long, *short))
    return out


def _per_char_lower(s: str) -> str:
    """``"".join(c.lower() for c in s)`` with offsets kept: a character whose lower case is
    longer (it can never equal one lower-cased character) stays as it is."""
    low = s.lower()
    if len(low) == len(s) and "Σ" not in s:  # str.lower maps a word-final Σ to ς, c.lower() to σ
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def _find_abbreviation(tokens: _Tokens, ls: int, le: int, ss: int, se: int) -> int | None:
    """scispaCy's ``find_abbreviation``: the first token of the long form, or None. (Its
    character-by-character backward scan is done with ``str.rfind`` on the lower-cased long
    form: the same positions.)"""
    long_form = " ".join([tokens.word(i) for i in range(ls, le)])
    short_form = " ".join([tokens.word(i) for i in range(ss, se)])
    low = _per_char_lower(long_form)
    long_index = len(long_form) - 1
    short_index = len(short_form) - 1
    while short_index >= 0:
        current = short_form[short_index].lower()
        if not current.isalnum():
            short_index -= 1
            continue
        if len(current) != 1:
            return None  # no single character of the long form equals it
        # the last ``current`` at or before long_index; the first letter must start a word
        long_index = low.rfind(current, 0, long_index + 1)
        while short_index == 0 and long_index > 0 and long_form[long_index - 1].isalnum():
            long_index = low.rfind(current, 0, long_index)
        if long_index < 0:
            return None
        long_index -= 1
        short_index -= 1
    long_index += 1
    # As scispaCy does: token lengths *with their whitespace* (not the " "-joined string).
    total = 0
    for k, i in enumerate(range(ls, le)):
        total += tokens.length[i] + tokens.space[i]
        if total > long_index:
            return ls + k
    return ls  # scispaCy slices ``long[None:]``: the whole candidate


@Language.factory("her2_abbreviations", default_config={})
class FastAbbreviationDetector(AbbreviationDetector):
    def __init__(self, nlp: Language, name: str = "her2_abbreviations") -> None:
        super().__init__(nlp, name, make_serializable=True)

    def __call__(self, doc: Doc) -> Doc:
        state = doc.user_data.get(_STATE_KEY) or {}
        text = state.get("text") or doc.text
        found, pairs = find_definitions(doc, text)
        doc._.abbreviations = found
        if _STATE_KEY in doc.user_data:
            # (short form, long-form start, long-form end) in characters, for the drug recogniser
            state["abbreviation_pairs"] = pairs
        return doc


def find_definitions(doc: Doc, text: str) -> tuple[list[dict], list[list]]:
    """The definitions scispaCy's detector finds among the bracketed candidates of ``doc``
    (serialisable dicts, first definition of each short/long form kept), and the same as
    [short form, long-form start char, long-form end char] rows."""
    spans = [(m.start(), m.end()) for m in _PAREN.finditer(text)]
    if not spans or not len(doc):
        return [], []
    arr = doc.to_array([IDX, LENGTH, SPACY]).astype(np.int64)
    idx = arr[:, 0]
    bounds = np.asarray(spans, dtype=np.int64)
    firsts = np.searchsorted(idx, bounds[:, 0] + 1)  # first token after "("
    closes = np.searchsorted(idx, bounds[:, 1] - 1)  # the ")" token
    n = len(doc)
    matches = [
        (start, end)
        for start, end in zip(firsts.tolist(), closes.tolist(), strict=True)
        if 0 < start < end <= n and end - start <= 8
    ]
    if not matches:
        return [], []
    tokens = _Tokens(text, arr)
    found: list[dict] = []
    pairs: list[list] = []
    seen_long: set[str] = set()
    seen_short: set[str] = set()
    for ls, le, ss, se in _candidates(tokens, matches):
        first = _find_abbreviation(tokens, ls, le, ss, se)
        if first is None:
            continue
        long_text, short_text = tokens.span_text(first, le), tokens.span_text(ss, se)
        if long_text in seen_long or short_text in seen_short:
            continue  # defined twice: keep the first definition, as scispaCy does
        seen_long.add(long_text)
        seen_short.add(short_text)
        found.append(
            {
                "short_text": short_text,
                "short_start": ss,
                "short_end": se,
                "long_text": long_text,
                "long_start": first,
                "long_end": le,
            }
        )
        # (the long form is never empty: an empty candidate cannot align a letter)
        pairs.append([short_text, tokens.idx[first], tokens.idx[le - 1] + tokens.length[le - 1]])
    return found, pairs
