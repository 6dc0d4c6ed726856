"""Units shared between values: a results-table header's unit, and a bare number inheriting the
unit of the value after it ("18.5 vs 12.4 months").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from her2mine.extract.numbers.folding import _atom_float, _unit_name, to_float
from her2mine.extract.numbers.patterns import _NR, _PAIR_JOIN, CI_RE, NUM
from her2mine.extract.numbers.times_rates import _after_time_guard
from her2mine.extract.numbers.value import Value, _start_of

# Poster tables flattened into text pair values with a spaced slash, "mPFS 40.7 / 26.9 mo":
# the bare number before it shares the unit of the value after it, as before "vs".
_SPACED_SLASH = re.compile(r"\s+/\s+")


# A results table flattened into prose: "ORR, % (95% CI): 62 (51-72) vs 40 (30-51)", "median
# PFS, months (95% CI): 17.0 (11.1-NE)". The unit heads the row after a comma, with the bracket
# saying what the bracketed numbers are; the bare numbers of the row (up to ";", the end of the
# sentence or the next header) are values in that unit. "n (%)" heads counts and is no unit.
_HEADER_UNIT = re.compile(
    r",\s*(?:(%)|(months?|mo\.?|weeks?|years?))\s*(?:\(\d{2}(?:[.·]\d)?\s*%\s*CI\)\s*)?:\s*",
    re.I,
)
# Rows that describe the patients or their exposure to treatment, not results: "median age,
# years: 54 (32-78)", "median follow-up, months: 28.1", "median duration of treatment, months:
# 14.2", "time on study, months: 20.3", "dose intensity, %: 95". (Read in the 40 characters
# before the header: the descriptor ends where the header's comma starts.)
_NOT_A_RESULT_ROW = re.compile(
    r"\b(?:follow[\s-]*up|ages?|exposure|(?:treatment|therapy)\s+(?:duration|exposure)|"
    r"duration\s+of\s+(?:treatment|therapy|exposure|study\s+(?:treatment|drug))|"
    r"time\s+(?:on|in)\s+(?:treatment|therapy|study)|(?:relative\s+)?dose\s+intensity)\Z",
    re.I,
)
# One row: a value ("NR" too) with its optional bracket, then more joined by "vs"/"versus"/"and"/",".
# It ends the sentence or a clause (";"), or runs into the comparison's P (", P = 0.003",
# "(P < .001)"), which the value readers attach as after any pair.
_ROW_VALUE = rf"(?:{NUM}|{_NR})(?:\s*\([^()]{{1,40}}\))?"
_HEADER_ROW = re.compile(
    rf"{_ROW_VALUE}(?:\s*(?:,|vs\.?|versus|and)\s*{_ROW_VALUE})*"
    r"(?=\s*(?:[;.]|$|[,(]\s*P\b))"
)


def _header_unit_values(
    text: str,
    start: int,
    end: int,
    atoms: list[re.Match[str]],
    used: set[int],
    values: list[Value],
) -> list[tuple[int, int]]:
    """The bare numbers of each flattened table row (``_HEADER_UNIT``, ``_HEADER_ROW``): values
    in the header's unit, appended to ``values`` (their bracketed ranges are read after, as
    after "62%"). Only a row that is nothing but values and their brackets is read. Returns the
    spans of the rows of rates: an "NR" there is no value (a rate is never "not reached")."""
    rate_rows: list[tuple[int, int]] = []
    for h in _HEADER_UNIT.finditer(text, start, end):
        row = _HEADER_ROW.match(text, h.end(), end)
        if row is None or _NOT_A_RESULT_ROW.search(text, max(start, h.start() - 40), h.start()):
            continue
        if h.group(1):
            rate_rows.append(row.span())
        kind, unit = ("percent", "%") if h.group(1) else ("time", _unit_name(h.group(2)))
        depth = 0
        bare: set[int] = set()
        for i in range(row.start(), row.end()):
            c = text[i]
            depth += (c == "(") - (c == ")")
            if depth == 0 and c.isdigit() and (i == row.start() or not text[i - 1].isdigit()):
                bare.add(i)
        for a in atoms:
            pos = a.start()
            if pos in bare and pos not in used:
                values.append(Value(kind, _atom_float(a[0]), unit, pos, a.end(), a.end()))
                used.add(pos)
    return rate_rows


def _inherit_units(
    text: str, values: list[Value], atoms: list[re.Match[str]], used: set[int]
) -> list[Value]:
    """``values`` (sorted by start) plus the bare numbers before a time or a rate that share its
    unit, sorted by start. ``atoms`` are unmasked; ``used`` holds the starts already values."""
    # The time/rate values in text order, with the inherited ones inserted as they are made
    # (atoms are read from the last, so each one sees those after it).
    units = [v for v in values if v.kind in ("time", "percent")]
    if not units:
        return values
    starts = [v.start for v in units]
    added: list[Value] = []
    for a in reversed(atoms):
        a_start, a_end = a.span()
        if a_start in used:
            continue
        i = bisect_right(starts, a_end)  # the first time/rate after the atom
        if i == len(units):
            continue
        nxt = units[i]
        if nxt.start - a_end > 80:
            continue
        gap = text[a_end : nxt.start]
        # (_strip_ci's first test written out: most gaps hold no "c", and make no call)
        joined = _PAIR_JOIN.match(gap if "c" not in gap and "C" not in gap else _strip_ci(gap))
        if not joined and not _SPACED_SLASH.fullmatch(gap):
            continue
        if _after_time_guard(text, max(0, a_start - 25), a_start):
            continue
        if _names_a_group(text, a_start) or _closes_a_code(text, a_start, a_end):
            continue
        v = Value(nxt.kind, to_float(a.group(0)), nxt.unit, a_start, a_end, a_end)
        j = bisect_left(starts, a_start)
        units.insert(j, v)
        starts.insert(j, a_start)
        added.append(v)
        used.add(a_start)
    if not added:
        return values
    out = values + added
    out.sort(key=_start_of)
    return out


# A drug's code name written with a space ("48% with ABP 980 and 41%", "BI 1810631"): its
# number, three digits or more after a word in capitals, is part of the name, never a value.
_CODE_PREFIX_END = re.compile(r"(?<![\w-])[A-Z]{2,5} \Z")


def _closes_a_code(text: str, start: int, end: int) -> bool:
    """Whether the bare number ``text[start:end]`` ends a code name ("ABP 980")."""
    return (
        end - start >= 3
        and text[start:end].isdigit()
        and _CODE_PREFIX_END.search(text[max(0, start - 7) : start]) is not None
    )


# A bare number that names or sizes a group, never a value: the group size after a bracketed
# rate ("155 (52%) of 298 and 157 (53%) of 297") or after its count ("50% [95 of 190] vs 40%":
# a denominator), or a group's number ("60% in group 1 and 50% in group 2").
_GROUP_NUMBER_BEFORE = re.compile(
    r"(?:[)\]]\s*of |(?<![\w.,·])\d[\d,]*\s+of\s+|"
    r"(?<![\w-])(?:groups?|arms?|cohorts?|modules?)\s+)$",
    re.I,
)


def _names_a_group(text: str, pos: int) -> bool:
    """Whether the bare number at ``pos`` sizes or numbers a group ("(52%) of 298", "95 of 190",
    "group 1"): it inherits no unit from the next rate."""
    return _GROUP_NUMBER_BEFORE.search(text, max(0, pos - 12), pos) is not None


# Every CI_RE match holds one of these keywords (same case folding as CI_RE).
_CI_KEYWORD = re.compile(r"c(?:\.?i|ri|onfidence|redible)", re.IGNORECASE)


def _strip_ci(gap: str) -> str:
    if "c" not in gap and "C" not in gap or _CI_KEYWORD.search(gap) is None:
        return gap
    return CI_RE.sub("", gap)
