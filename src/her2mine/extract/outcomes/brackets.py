"""Brackets and clause breaks of a sentence: where they open, close and whether a position is
inside."""

from __future__ import annotations

import re

_CLAUSE_STOP = re.compile(r"[;:(]|\.\s")


def _clause_end(text: str, pos: int) -> int:
    """The end of the clause that runs on at ``pos`` (its ";", ":", "(" or sentence end)."""
    m = _CLAUSE_STOP.search(text, pos)
    return m.start() if m else len(text)


_OPEN = frozenset("([")


def _bracket_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """(open, close) of a bracket that opens right after ``pos`` ("X (12 [8%])"), or None."""
    i = pos
    while i < limit and text[i] == " ":
        i += 1
    if i >= limit or text[i] not in _OPEN:
        return None
    depth = 0
    for m in _BRACKET.finditer(text, i, min(limit, i + 120)):
        if m.group() in _OPEN:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return i, m.start()
    return None


_BRACKET = re.compile(r"[(\[)\]]")


# Round 77b: ", while"/", whereas" opens a contrasting clause as ", and" does ("while" before
# a participle or "on"/"under" says when: "while receiving X").
_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and|whereas|while(?!\s+(?:on|under|being|\w+ing|treated|given|taken)\b))\b|\.\s"
)


def _clause_break_unbracketed(text: str, a: int, b: int) -> bool:
    """Whether a clause break stands between ``a`` and ``b`` outside the brackets opened there:
    the ";" of a statistics bracket ("superiority to B for PFS (HR, 0.74; 95% CI ...)") does not
    end the clause that named the arms."""
    for m in _CLAUSE_BREAK.finditer(text, a, b):  # noqa: SIM110 (the loop it was)
        if _outside_brackets(text, a, m.start()):
            return True
    return False


def _outside_brackets(text: str, a: int, k: int) -> bool:
    """Whether position ``k`` stands outside the brackets opened in text[a:k] (as many closed
    as opened): the one bracket test of ``_clause_break_unbracketed`` and
    ``_top_level_semicolon``."""
    gap = text[a:k]
    return gap.count("(") + gap.count("[") <= gap.count(")") + gap.count("]")


def _in_one_bracket(text: str, a: int, b: int, c: int) -> bool:
    """Whether text[b:c] lies inside one bracket opened in text[a:b]."""
    inner = text[b:c]
    return not _outside_brackets(text, a, b) and not any(ch in inner for ch in "()[]")


def _top_level_semicolon(text: str, a: int, b: int) -> int | None:
    """The last ";" in text[a:b] outside brackets (``_outside_brackets``), or None."""
    k = text.rfind(";", a, b)
    while k >= 0:
        if _outside_brackets(text, a, k):
            return k
        k = text.rfind(";", a, k)
    return None


_NUMBER_IN = re.compile(r"\d")


def _opening_bracket(text: str, a: int, b: int) -> int | None:
    """The offset of the bracket open at ``b`` (not closed before it), scanning back to ``a``."""
    depth = 0
    for k in range(b - 1, a - 1, -1):
        c = text[k]
        if c in ")]":
            depth += 1
        elif c in "([":
            if depth == 0:
                return k
            depth -= 1
    return None
