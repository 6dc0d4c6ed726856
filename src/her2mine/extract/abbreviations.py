"""scispaCy's AbbreviationDetector (Schwartz & Hearst), on token arrays and character offsets.

The stock component runs a ``( + )`` token Matcher over every doc, then a second, per-doc
"global" Matcher to find every later occurrence of each short form, and works on ``Span``
objects throughout. Here the parenthesised candidates are found with one regex over the text
and mapped to token offsets, then scispaCy's ``filter_matches``, ``short_form_filter`` and
``find_abbreviation`` are applied to plain token texts (slices of the text read from the IDX
and LENGTH arrays): the same definitions, without building a Span or Token per look-up
(``tests/test_extract_fastpaths.py`` compares both on every gold abstract). Later occurrences
are not listed: the drug recogniser finds them with one regex per defined short form.
Output is the serialisable form (dicts) so docs survive ``n_process > 1``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from scispacy.abbreviation import AbbreviationDetector
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from her2mine.extract.fastre import SPAN

# A bracket holding 1–8 short words: a short form "(T-DXd)" or a long form "(... ... ...)".
_PAREN = re.compile(r"\((?=[^()]{1,80}\))[^()]*\)")

# Where spaCy keeps ``doc._.her2`` (see ``components.STATE_KEY``; not imported: that module
# imports this one).
_STATE_KEY = ("._.", "her2", None, None)
_ABBREVIATIONS_KEY = ("._.", "abbreviations", None, None)
# ``doc.to_array(TOKEN_ARRAY_ATTRS)``, left on the state by ``her2_sentencizer`` under
# ``TOKEN_ARRAY_KEY`` (one array read for both components; popped here).
TOKEN_ARRAY_ATTRS = [IDX, LENGTH]
TOKEN_ARRAY_KEY = "token_array"


class _Tokens:
    """Token texts of a doc as slices of its text (what ``Token.text`` returns)."""

    __slots__ = ("idx", "length", "n", "text")

    def __init__(self, text: str, doc: Doc, array=None) -> None:
        self.text = text
        self.n = len(doc)
        if array is None or len(array) != self.n:
            array = doc.to_array(TOKEN_ARRAY_ATTRS)
        idx, self.length = array.T.tolist()
        # Where a token after the last would start: ``idx[i + 1] - idx[i]`` is then the length
        # of token ``i`` with its whitespace for every token (spaCy builds IDX that way).
        idx.append(len(text))
        self.idx = idx

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        if start >= end:
            return ""
        return self.text[self.idx[start] : self.idx[end - 1] + self.length[end - 1]]

    def bracket_matches(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Token ranges (first token after "(", the ")" token) of bracket character spans,
        kept when scispaCy's ``( + )`` matcher could have found them (1 to 8 tokens inside)."""
        idx, n = self.idx, self.n
        matches = []
        for a, b in spans:
            start = bisect_left(idx, a + 1, 0, n)
            end = bisect_left(idx, b - 1, 0, n)
            if 0 < start < end <= n and end - start <= 8:
                matches.append((start, end))
        return matches


def _unbalanced(tokens: _Tokens, start: int, end: int) -> bool:
    """scispaCy's ``span_contains_unbalanced_parentheses`` for ``doc[start:end]``."""
    text, idx, length = tokens.text, tokens.idx, tokens.length
    depth = 0
    for i in range(start, end):
        if length[i] != 1:
            continue
        c = text[idx[i]]
        if c == "(":
            depth += 1
        elif c == ")":
            if depth > 0:
                depth -= 1
            else:
                return True
    return depth != 0


def _short_form_ok(tokens: _Tokens, start: int, end: int) -> bool:
    """scispaCy's ``short_form_filter`` for ``doc[start:end]``."""
    length = tokens.length
    for i in range(start, end):
        if not 2 <= length[i] < 10:
            return False
    text = tokens.span_text(start, end)
    if not text[0].isalpha():
        return False
    return sum(map(str.isalpha, text)) / len(text) >= 0.5


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


def _anywhere(i: int) -> bool:
    """``first_ok`` of ``letters_in_order`` when the first letter may be anywhere."""
    return True


def _per_char_lower(s: str) -> str:
    """``"".join(c.lower() for c in s)`` with offsets kept: a character whose lower case is
    longer (it can never equal one lower-cased character) stays as it is."""
    low = s.lower()
    if len(low) == len(s) and "Σ" not in s:  # str.lower maps a word-final Σ to ς, c.lower() to σ
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def letters_in_order(letters: list[str], low: str, first_ok: Callable[[int], bool]) -> int:
    """Schwartz and Hearst's test, shared by every reading of a short form: the letters of a
    short form (lower-case, one character each) found in the lower-cased long form ``low``
    right to left, each at the last place before the next one's, the first letter only where
    ``first_ok(i)`` (``starts_word``: it starts a word). The offset of the first letter's
    place, or -1 if they are not all found (``len(low)`` if there are no letters)."""
    i = len(low)
    last = len(letters) - 1
    for k in range(last, -1, -1):
        c = letters[k]
        i = low.rfind(c, 0, i)
        if k == 0:
            while i > 0 and not first_ok(i):
                i = low.rfind(c, 0, i)
        if i < 0:
            return -1
    return i


def starts_word(text: str) -> Callable[[int], bool]:
    """``first_ok`` of ``letters_in_order``: offset ``i`` of ``text`` starts a word (no letter
    or digit before it)."""
    return lambda i: i == 0 or not text[i - 1].isalnum()


_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]")


def _short_form_letters(short_form: str) -> list[str] | None:
    """The lower-cased letters and digits of ``short_form``, one character each, that
    ``letters_in_order`` looks for; None if one lower-cases to several characters (no single
    character of the long form equals it)."""
    if short_form.isascii():
        # (one pass: an ASCII character lower-cases to one character, alphanumeric if a-z0-9)
        return list(_NOT_ASCII_ALNUM.sub("", short_form.lower()))
    letters = []
    for ch in short_form:
        current = ch.lower()
        if not current.isalnum():
            continue
        if len(current) != 1:
            return None
        letters.append(current)
    return letters


def _find_abbreviation(tokens: _Tokens, ls: int, le: int, ss: int, se: int) -> int | None:
    """scispaCy's ``find_abbreviation``: the first token of the long form, or None. (Its
    character-by-character backward scan is ``letters_in_order``, on the lower-cased long form:
    the same positions.)"""
    text, idx, length = tokens.text, tokens.idx, tokens.length
    long_form = " ".join([text[idx[i] : idx[i] + length[i]] for i in range(ls, le)])
    short_form = " ".join([text[idx[i] : idx[i] + length[i]] for i in range(ss, se)])
    letters = _short_form_letters(short_form)
    if letters is None:
        return None
    # scispaCy asks a word start of the short form's first character only: none if that is
    # no letter or digit ("(-TDM)")
    first_ok = starts_word(long_form) if short_form[:1].lower().isalnum() else _anywhere
    long_index = letters_in_order(letters, _per_char_lower(long_form), first_ok)
    if long_index < 0:
        return None
    # As scispaCy does: the first token whose running total of lengths *with their whitespace*
    # (not the " "-joined string) passes long_index. That total up to token k is
    # ``idx[k + 1] - idx[ls]``.
    k = bisect_right(idx, idx[ls] + long_index) - 1
    return k if k < le else ls  # scispaCy slices ``long[None:]``: the whole candidate


@Language.factory("her2_abbreviations", default_config={})
class FastAbbreviationDetector(AbbreviationDetector):
    def __init__(self, nlp: Language, name: str = "her2_abbreviations") -> None:
        super().__init__(nlp, name, make_serializable=True)

    def __call__(self, doc: Doc) -> Doc:
        state = doc.user_data.get(_STATE_KEY) or {}
        text = state.get("text") or doc.text
        found, pairs = find_definitions(doc, text, state.pop(TOKEN_ARRAY_KEY, None))
        doc.user_data[_ABBREVIATIONS_KEY] = found  # ``doc._.abbreviations = found``, no proxy
        if _STATE_KEY in doc.user_data:
            # (short form, long-form start, long-form end) in characters, for the drug recogniser
            state["abbreviation_pairs"] = pairs
        return doc


def find_definitions(doc: Doc, text: str, array=None) -> tuple[list[dict], list[list]]:
    """The definitions scispaCy's detector finds among the bracketed candidates of ``doc``
    (serialisable dicts, first definition of each short/long form kept), and the same as
    [short form, long-form start char, long-form end char] rows. ``array``: the doc's
    ``to_array(TOKEN_ARRAY_ATTRS)`` if the caller has it."""
    spans = list(map(SPAN, _PAREN.finditer(text)))
    if not spans or not len(doc):
        return [], []
    tokens = _Tokens(text, doc, array)
    matches = tokens.bracket_matches(spans)
    if not matches:
        return [], []
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
