"""Unseen drugs by USAN stem: a word that ends in a drug stem ("-mab", "-tinib", "-tecan").

The stem regex, the fast reversed scan that finds the words a stem ends, and the pass that
adds stem-found drugs before a bracket so that the short-form passes can read them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter

from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import DrugLexicon, lower_same_length, trie_pattern

_STEMS = (
    "mab|tinib|ciclib|lisib|vedotin|deruxtecan|taxel|platin|rubicin|tecan|parib|citabine|"
    "trozole|zomib|rafenib|lutamide|strant|mustine|limus"
)
_ADC_PAYLOAD = r"(?:vedotin|deruxtecan|emtansine|govitecan|duocarmazine|[a-z]+tecan|[a-z]+dotin)"
# A word of 3+ letters then a stem: "(?<![A-Za-z0-9-])((?:fam-|ado-|vic-)?[a-z]{3,}(?:STEMS)...".
# Written as the whole letter run (possessive: no giving back) that ends with a stem after 3
# letters: a stem followed by a letter never matches, so the stem has to end the run anyway, and
# the plain form backtracks through every letter of every word it is tried on (1.5x slower).
_STEM_AT_RUN_END = "|".join(f"(?<=[a-z]{{3}}{stem})" for stem in _STEMS.split("|"))
_STEM_RE = re.compile(
    rf"(?<![A-Za-z0-9-])((?:fam-|ado-|vic-)?[a-z]++(?:{_STEM_AT_RUN_END})(?:-[a-z]{{4}})?"
    rf"(?:\s+{_ADC_PAYLOAD}(?:-[a-z]{{4}})?)?)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# English words that end in a stem ("sequestrant": a drug class, no drug).
_ENGLISH_STEM_WORDS = ("sequestrant", "sequestrants", "remonstrant", "demonstrant")
STEM_STOPLIST = frozenset(
    {"anti-her2 mab", "tinib", "imab", "taxel", "platin", *_ENGLISH_STEM_WORDS}
)


# Where a stem ends a word: the only places a _STEM_RE match can contain (``_stem_words``
# finds them, then _STEM_RE is tried from that word's start); the plain scan, kept for tests.
_STEM_END = re.compile(rf"(?:{_STEMS})(?![a-z0-9])")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


_STEM_LIST = tuple(_STEMS.split("|"))
# Stems looked for at word ends: one that ends with another stem ("deruxtecan", "tecan") is
# found through the shorter one (same word, same word start). None ends with another, so at
# most one of them ends a given word.
_STEM_FINDS = tuple(s for s in _STEM_LIST if not any(s != t and s.endswith(t) for t in _STEM_LIST))
_LOW_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# Run on the reversed lower-cased text (with a space in front): a word-end stem is then a
# boundary-first term (a fast scan, as in ``compile_terms``), and the lookahead reads the rest
# of its word back to the word start (the characters of ``_WORD_CHARS``, lower-cased).
_STEM_TAIL = re.compile(
    r"[^a-z0-9](" + trie_pattern([s[::-1] for s in _STEM_FINDS]) + r")(?=([a-z0-9-]*))"
)
# The one character outside ``_WORD_CHARS`` that lower-cases into it (so the reversed scan
# would read it as part of a word).
_LOWERS_INTO_WORD = "\u212a"


def _stem_words(text: str, low: str) -> list[tuple[int, int, int]]:
    """(stem start, stem end, word start) of each stem that ends a word (a letter or digit of
    ``low`` does not follow it), sorted. The word start is where ``_STEM_RE`` is tried: the
    run of ``_WORD_CHARS`` of ``text`` that ends at the stem."""
    if _LOWERS_INTO_WORD in text:
        return _stem_words_forward(text, low)
    n1 = len(low) + 1
    found = [
        (n1 - b, n1 - a, n1 - m.end(2))
        for m in _STEM_TAIL.finditer(" " + low[::-1])
        for a, b in (m.span(1),)  # (one call for the stem's two ends)
    ]
    found.reverse()
    return found


def _stem_words_forward(text: str, low: str) -> list[tuple[int, int, int]]:
    """``_stem_words`` with ``str.find`` per stem and a walk back to each word start."""
    out = []
    find = low.find
    n = len(low)
    for stem in _STEM_FINDS:
        k = len(stem)
        i = find(stem)
        while i >= 0:
            if i + k >= n or low[i + k] not in _LOW_ALNUM:
                ws = i
                while ws > 0 and text[ws - 1] in _WORD_CHARS:
                    ws -= 1
                out.append((i, i + k, ws))
            i = find(stem, i + 1)
    out.sort()
    return out


def _stem_matches(
    text: str,
    low: str,
    taken: list[Hit] | None = None,
    words: list[tuple[int, int, int]] | None = None,
):
    """``_STEM_RE`` matches from the start of each word a stem ends, left to right, without
    overlaps. ``taken`` (sorted mentions without overlaps): words inside one of them whose match
    cannot reach past it are not tried (see ``_inside_taken``). ``words``: ``_stem_words(text,
    low)`` if the caller has it."""
    last = 0
    tried = -1
    match = _STEM_RE.match
    starts = [h.start for h in taken] if taken else []
    for _, q, ws in _stem_words(text, low) if words is None else words:
        if ws < last or ws == tried:
            continue  # inside the previous match, or the same word (ws <= stem start)
        tried = ws
        if starts and _inside_taken(text, taken, starts, ws, q):
            continue
        found = match(text, ws)
        if found:
            last = found.end()
            yield found


def _inside_taken(text: str, taken: list[Hit], starts: list[int], ws: int, q: int) -> bool:
    """Whether a match at word start ``ws`` (its stem ends at ``q``) would lie inside a taken
    mention and end within the word: then its hit is dropped (it overlaps the mention), and its
    end cannot matter (every later word starts after this word), so the match need not be run.
    A match reaches past the word only into an ADC payload after whitespace; a non-ASCII
    character (the pattern may read some as letters) answers False."""
    i = bisect_right(starts, ws) - 1
    if i < 0:
        return False
    taken_end = taken[i].end
    if taken_end <= ws:
        return False
    end, n = q, len(text)
    while end < n and text[end] in _WORD_CHARS:
        end += 1
    if end > taken_end:
        return False  # the word itself reaches past the mention
    if end < n and not text[end].isascii():
        return False
    return not (end < n and text[end].isspace() and _PAYLOAD_AFTER.match(text, end))


# The end of _STEM_RE that can follow a word: whitespace and an ADC payload.
_PAYLOAD_AFTER = re.compile(rf"\s+{_ADC_PAYLOAD}(?:-[a-z]{{4}})?(?![A-Za-z0-9])", re.IGNORECASE)


def stem_hits(
    text: str,
    lex: DrugLexicon,
    low: str | None = None,
    taken: list[Hit] | None = None,
    words: list[tuple[int, int, int]] | None = None,
) -> list[Hit]:
    """Unseen drugs recognised by their USAN stem; normalised to the lower-cased written form.
    ``taken``: mentions that win over stems (sorted, no overlaps): stems that overlap one are
    left out, as ``resolve_overlaps`` would drop them (most stems are lexicon drugs).
    ``words``: ``_stem_words(text, low)`` if the caller has it."""
    hits = []
    low = lower_same_length(text) if low is None else low
    taken = taken or []
    if words is None:
        words = _stem_words(text, low)
    if taken and _all_covered(words, taken):
        return []  # (most texts: their stems are lexicon drugs; see ``_all_covered``)
    starts = [h.start for h in taken]
    for m in _stem_matches(text, low, taken, words):
        start, end = m.span(1)
        if taken:  # the test resolve_overlaps makes (against its neighbours among ``taken``)
            i = bisect_left(starts, start)
            if (i and taken[i - 1].end > start) or (i < len(taken) and taken[i].start < end):
                continue
        written = m.group(1)
        written_low = written.lower()
        if written_low in STEM_STOPLIST:
            continue
        canon = lex.canonical_of.get(written_low) or written_low
        hits.append(Hit("drug", start, end, written, canon, [canon], "stem"))
    return hits


def _all_covered(words: list[tuple[int, int, int]], taken: list[Hit]) -> bool:
    """Whether every stem of ``words`` overlaps a mention of ``taken`` (sorted, each ending at
    or before the next one starts). Then no stem hit survives: ``_stem_matches`` tries
    ``_STEM_RE`` at the word start of one of ``words``, and a match there either runs on over
    that word's stem or ends at an earlier stem of the same word (before a hyphen, so one of
    ``words`` too): it holds a stem of ``words``, so it overlaps that stem's mention."""
    k, n = 0, len(taken)
    for p, q, _ in words:
        while k < n and taken[k].end <= p:
            k += 1
        if k == n or taken[k].start >= q:
            return False
    return True


def _with_bracketed_stems(
    text: str,
    lex: DrugLexicon,
    low: str,
    lexical: list[Hit],
    words: list[tuple[int, int, int]] | None = None,
) -> list[Hit]:
    """``lexical`` with the stem-detected drugs when one of them is followed by a bracket:
    "tislelizumab (tisle)" defines a short form as "durvalumab (durva)" does, so the passes
    that read definitions must see the unseen drug too (stems are found after them).
    ``words``: ``_stem_words(text, low)`` if the caller has it."""
    stems = stem_hits(text, lex, low, lexical, words)
    if not any(_BRACKET_NEXT.match(text, h.end) for h in stems):
        return lexical
    return sorted(lexical + stems, key=attrgetter("start"))


_BRACKET_NEXT = re.compile(r" ?\(")
