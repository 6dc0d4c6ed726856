"""P lists that name their end points and write the P sign once (round 67a).

"(P values for PFS and OS were 0.02 and 0.30)", "(P values of 0.02 and 0.30 for PFS and OS,
respectively)", "(P = 0.04 and 0.12 for ORR and pCR, respectively)": the P sign or word opens
the list and the numbers after the first carry none, so ``numbers.p_matches`` reads at most the
first. Each number is the P of the end point at its place in the list; the caller
(``shared_p._end_point_labelled_ps``) gives it to that end point's compared values.
"""

from __future__ import annotations

import re

from her2mine.extract.hits import Hit
from her2mine.extract.numbers import P_WORD, normalise_p

# The P word or sign opening the list ("P values", "p-values", "P"), then where it goes on.
_P_HEAD = re.compile(P_WORD + r"(?:[- ]?values?)?(?![A-Za-z])\s*")
# "P values for PFS and OS were ...": the end points first, then a verb or a sign.
_FOR_FIRST = re.compile(r"for\s+(?:the\s+)?")
_THEN_NUMBERS = re.compile(r"\s*(?:(?:were|was|are|of)\b|[:=])?\s*")
# "P values of 0.02 and 0.30 for ...", "P = 0.04 and 0.12 for ...": the numbers first.
_NUMBERS_FIRST = re.compile(r"(?:(?:of|were|was|are)\s+|:\s*)?")
_THEN_END_POINTS = re.compile(r"\s*,?\s*for\s+(?:the\s+)?")
# One P of the list: its sign (the first takes the head's), its number (no more than 1).
_P_ITEM = re.compile(r"(?P<op>[<>≤≥=]|<=|>=)?\s*(?P<num>0?[.·]\d+|1(?:[.·]0+)?|0)(?![\d.·%])")
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
_CLOSE = re.compile(r"\s*(?:,\s*respectively\b)?\s*(?:[)\];]|\.(?!\d)|\Z)")


def worded_p_list(text: str, s: int, e: int, eps: list[Hit]) -> list[tuple[int, str, str]]:
    """(start, P, end-point code) for each P of a list in sentence [s, e) that names as many end
    points of ``eps`` as it has numbers (two or more, see above); [] if none."""
    if text.find(" and ", s, e) < 0:
        return []
    starts = {h.start: h for h in eps if s <= h.start < e}
    out: list[tuple[int, str, str]] = []
    for head in _P_HEAD.finditer(text, s, e):
        out.extend(_read_list(text, head, e, starts))
    return out


def _read_list(
    text: str, head: re.Match[str], e: int, starts: dict[int, Hit]
) -> list[tuple[int, str, str]]:
    """The labelled Ps of the list the P head ``head`` opens (either order), or []."""
    pos = head.end()
    first = _FOR_FIRST.match(text, pos, e)
    if first is not None:
        hits, pos = _end_point_list(text, first.end(), starts)
        pos = _THEN_NUMBERS.match(text, pos, e).end() if hits else pos
        ps, pos = _p_list(text, pos, e) if hits else ([], pos)
    else:
        ps, pos = _p_list(text, _NUMBERS_FIRST.match(text, pos, e).end(), e)
        join = _THEN_END_POINTS.match(text, pos, e) if len(ps) >= 2 else None
        hits, pos = _end_point_list(text, join.end(), starts) if join else ([], pos)
    if len(ps) < 2 or len(ps) != len(hits) or _CLOSE.match(text, pos, e) is None:
        return []
    return [(at, p, h.canonical) for (at, p), h in zip(ps, hits, strict=True)]


def _end_point_list(text: str, pos: int, starts: dict[int, Hit]) -> tuple[list[Hit], int]:
    """The end points listed from ``pos`` ("PFS and OS", "ORR, pCR and EFS") and the list's
    end."""
    hits: list[Hit] = []
    while pos in starts:
        hits.append(starts[pos])
        pos = hits[-1].end
        join = _LIST_JOIN.match(text, pos)
        if join is None or join.end() not in starts:
            break
        pos = join.end()
    return hits, pos


def _p_list(text: str, pos: int, e: int) -> tuple[list[tuple[int, str]], int]:
    """(start, P) of each number listed from ``pos`` ("0.02 and 0.30", "= 0.04, 0.12 and
    <0.001") and the list's end."""
    ps: list[tuple[int, str]] = []
    while (m := _P_ITEM.match(text, pos, e)) is not None:
        ps.append((m.start("num"), normalise_p(m.group("op") or "", m.group("num"))))
        pos = m.end()
        join = _LIST_JOIN.match(text, pos, e)
        if join is None or _P_ITEM.match(text, join.end(), e) is None:
            break
        pos = join.end()
    return ps, pos
