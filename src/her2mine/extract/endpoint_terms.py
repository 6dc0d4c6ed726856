"""Case-sensitive end point terms ("PFS", "ORR", "pCR"), found with a literal-first scan.

The lexicon's pattern for them looks at every word boundary, because a few terms start with a
lower-case letter ("pCR", "iDFS"), which is everywhere in prose. The terms that start with a
capital or a digit are rare characters: a literal-first pattern for them lets the regex engine
skip to candidates (2-3x faster). The lower-case ones are found with ``str.find``; they seldom
occur at all.
"""

from __future__ import annotations

import re

from her2mine.extract.lexicon import term_spans, trie_pattern

_ALNUM = re.compile(r"[A-Za-z0-9]")
_NOT_AFTER = "[A-Za-z0-9]"


class SensitiveTerms:
    """``term_spans(pattern, text)`` for the ``compile_terms`` pattern of ``terms``."""

    def __init__(self, terms: list[str], pattern: re.Pattern[str] | None) -> None:
        self.pattern = pattern
        terms = sorted({t for t in terms if t})
        # A term with both ends ASCII letters or digits is found at the same places whether the
        # scan looks for a boundary before it or looks behind its first character.
        self.fast = bool(terms) and all(
            _ALNUM.fullmatch(t[0]) and _ALNUM.fullmatch(t[-1]) for t in terms
        )
        if not self.fast:
            return
        self.lower_first = tuple(t for t in terms if t[0].islower())
        upper = [t for t in terms if not t[0].islower()]
        end = f"(?!{_NOT_AFTER})"
        self.upper = re.compile(trie_pattern(upper, not_after=_NOT_AFTER) + end) if upper else None
        self.every = re.compile(trie_pattern(terms, not_after=_NOT_AFTER) + end)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each term found, in text order."""
        if self.pattern is None:
            return []
        if not self.fast:
            return term_spans(self.pattern, text)
        spans = [m.span() for m in self.upper.finditer(text)] if self.upper else []
        lower = self._lower_first_spans(text)
        if not lower:
            return spans
        # The whole scan takes the leftmost match, then the next one from where it ended. The two
        # kinds of terms never start at the same place, so when no match of one scan overlaps
        # one of the other, together they are what the whole scan takes.
        spans = sorted(spans + lower)
        if any(b[0] < a[1] for a, b in zip(spans, spans[1:], strict=False)):
            return term_spans(self.pattern, text)
        return spans

    def _lower_first_spans(self, text: str) -> list[tuple[int, int]]:
        """The longest term matching at each occurrence of a lower-case-first term (only
        such terms start with a lower-case letter)."""
        starts: set[int] = set()
        find = text.find
        for t in self.lower_first:
            i = find(t)
            while i >= 0:
                starts.add(i)
                i = find(t, i + 1)
        out = []
        for i in starts:
            m = self.every.match(text, i)
            if m is not None:
                out.append(m.span())
        return out
