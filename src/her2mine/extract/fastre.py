"""Regex building blocks that keep Python's regex engine fast on abstracts.

A pattern that starts with a lookbehind, ``\\b`` or an optional group makes ``re`` attempt a
match at every position of the text; a pattern that starts with a literal or a character class
lets it skip ahead to candidate characters (5-10x faster on a 2,000-character abstract). The
helpers below rewrite "a word starting with one of these alternatives" into that shape, and
answer "which sentences contain X" with one pass over the document instead of one per sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache


def word_start(
    alternatives: Iterable[str], *, ignore_case: bool = True, not_after: str = r"\w"
) -> str:
    r"""``\b(?:alt1|alt2|...)`` rewritten literal-first: ``[Aa](?<!\w[Aa])(?i:lt1)|...``.

    Each alternative must start with a plain character (letter, digit or escaped symbol); the
    rest may be any regex. ``not_after`` is the class that may not precede the match ("" for
    no constraint).
    """
    firsts: list[str] = []
    parts = []
    for alt in alternatives:
        first, rest = (alt[:2], alt[2:]) if alt.startswith("\\") else (alt[0], alt[1:])
        if ignore_case and first.isalpha() and len(first) == 1:
            chars = first.upper() + first.lower()
        else:
            chars = first
        cls = chars if len(chars) == 1 else f"[{chars}]"
        body = f"(?i:{rest})" if ignore_case and rest else rest
        guard = f"(?<!{not_after}{cls})" if not_after else ""
        parts.append(f"(?<={cls}){guard}{body}")
        firsts.extend(c for c in ([chars] if chars.startswith("\\") else chars) if c not in firsts)
    # One character class first (the engine scans for it), then each branch re-checks which
    # character it was with a lookbehind: a plain alternation would be tried at every position.
    head = "".join(firsts)
    head = head if len(firsts) == 1 and len(head) == 1 else f"[{head}]"
    return head + "(?:" + "|".join(parts) + ")"


def sentences_matching(
    pattern: re.Pattern[str], text: str, sentences: list[tuple[int, int]]
) -> list[bool]:
    """For each sentence (start, end), whether ``pattern`` matches inside it (one text pass).

    A match counts for the sentence it starts in and must end inside it, as a search bounded to
    the sentence would require."""
    flags = [False] * len(sentences)
    if not sentences:
        return flags
    starts = [s for s, _ in sentences]
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            break
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= sentences[i][1]:
            pos = m.start() + 1  # between sentences
            continue
        s, e = sentences[i]
        flags[i] = m.end() <= e or pattern.search(text, s, e) is not None
        pos = e  # one hit is enough: skip to the next sentence
    return flags


@lru_cache(maxsize=1024)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` for patterns built at run time (labels, aliases), cached by pattern."""
    return re.compile(pattern, flags)
