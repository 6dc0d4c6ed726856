"""Values read as pairs and the P they share: pair marks, NR units, a pair's own P, a P moved
to the ratio in its bracket, and ``closed_between``.
"""

from __future__ import annotations

import re

from her2mine.extract.fastre import search_from_end
from her2mine.extract.numbers.folding import _unit_name, normalise_p
from her2mine.extract.numbers.patterns import (
    _BRACKETED,
    _COUNTED_PAIR_JOIN,
    _PAIR_JOIN,
    _TIME_UNIT,
)
from her2mine.extract.numbers.units import _strip_ci
from her2mine.extract.numbers.value import Value


def _all_of_kinds(values: list[Value], kinds: tuple[str, ...]) -> bool:
    """Whether every one of ``values`` is of one of ``kinds``."""
    for v in values:  # noqa: SIM110 (a loop is faster than all() over a generator)
        if v.kind not in kinds:
            return False
    return True


def _has_ratio(values: list[Value]) -> bool:
    """Whether one of ``values`` is a hazard or odds ratio."""
    for v in values:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if v.kind == "HR" or v.kind == "OR":
            return True
    return False


_VS_GAP = re.compile(r"^\s*(?:\([^()]*\))?\s*(?:vs\.?|versus|v)\b")


def _slash_paired(a: Value, b: Value, gap: str) -> bool:
    """ "ORR 85.1%/78.6%", "mPFS 44.3 / 29.1 mos": two values of one kind joined by a slash
    alone are compared, as with "vs" (poster tables flattened into text)."""
    return a.kind == b.kind and "/" in gap and _SLASH_ONLY.fullmatch(gap) is not None


_SLASH_ONLY = re.compile(r"\s*/\s*")


# Review of round 73b: "in 22 patients (12.9%) and 103 patients (59.5%) had grade 1 events": a
# count joined by "and" that is the subject of a verb after its bracket opens a clause of its
# own, no second arm of a compared pair ("vs" compares whatever follows).
_OWN_CLAUSE_AFTER = re.compile(
    r"[^()\[\]]*[)\]]\s*(?:had|has|have|were|was|experienced|developed|achieved|showed|"
    r"received|died|reported)\b",
    re.I,
)
_AND_JOIN = re.compile(r"\s*[)\]]\s*,?\s*and\s", re.I)


def _counted_pair(text: str, b: Value, gap: str) -> bool:
    """Whether ``gap`` joins two rates each bracketed after its count (``_COUNTED_PAIR_JOIN``),
    the second not opening a clause of its own after "and" (``_OWN_CLAUSE_AFTER``)."""
    if _COUNTED_PAIR_JOIN.fullmatch(gap) is None:
        return False
    return _AND_JOIN.match(gap) is None or _OWN_CLAUSE_AFTER.match(text, b.end) is None


def _mark_pairs(text: str, values: list[Value]) -> None:
    for a, b in zip(values, values[1:], strict=False):
        if a.kind in ("HR", "OR") or b.kind in ("HR", "OR"):
            continue
        gap = text[a.ext_end : b.start]
        if (  # (_strip_ci's first test written out, as in _inherit_units)
            _PAIR_JOIN.match(gap if "c" not in gap and "C" not in gap else _strip_ci(gap))
            or _VS_GAP.match(gap)
            or ("/" in gap and _slash_paired(a, b, gap))  # (most gaps have no slash: no call)
            or (gap[:2].strip()[:1] in (")", "]") and _counted_pair(text, b, gap))
        ):
            a.paired_with_next = True


def _nr_with_own_unit(text: str, values: list[Value]) -> None:
    """Round 60c: "52.1 and NR mo": a "not reached" median written with its time unit is a time
    in that unit, which the bare number before it shares (``_inherit_units``)."""
    for v in values:
        if v.kind == "nr":
            # (Review of 60c: "NR (95% CI 12.0-NR) months": the unit may follow its bracket.)
            b = _BRACKETED.match(text, v.end)
            m = _TIME_UNIT.match(text, v.end if b is None else b.end())
            if m is not None:
                v.kind, v.unit = "time", _unit_name(m.group(1))


def _resolve_nr_units(values: list[Value]) -> None:
    for i, v in enumerate(values):
        if v.kind != "nr":
            continue
        neighbours = [values[j] for j in (i - 1, i + 1) if 0 <= j < len(values)]
        unit = next((n.unit for n in neighbours if n.kind == "time"), "months")
        v.kind, v.unit = "time", unit


# "... (P = .01) and 15.1 vs 12.0 months": the word joining a pair that closed with its own P to
# the next pair.
_NEXT_PAIR_JOIN = re.compile(r"[)\]]?\s*[,;]?\s*(?:and\s+)?")


def _end_pairs_at_own_p(text: str, values: list[Value]) -> None:
    """ "7.2 vs 5.1 months (P = .01) and 15.1 vs 12.0 months (P = .2)": a compared pair whose
    second value carries its own P, followed by another compared pair, ends there; each pair
    keeps the P printed with it instead of sharing the last one."""
    for k in range(1, len(values) - 2):
        v, nxt = values[k], values[k + 1]
        if not (v.p and v.paired_with_next and values[k - 1].paired_with_next):
            continue
        if nxt.paired_with_next and _NEXT_PAIR_JOIN.fullmatch(text, v.ext_end, nxt.start):
            v.paired_with_next = False


def _share_pair_p(values: list[Value]) -> None:
    """A P printed after compared rates (no HR/OR) belongs to every rate of the comparison; so
    does one after compared medians when the sentence has no HR/OR (whose P it would be)."""
    last = len(values) - 1
    i = 0
    while i <= last:
        j = i
        while j < last and values[j].paired_with_next:
            j += 1
        if j == i:  # a value compared with none
            i += 1
            continue
        group = values[i : j + 1]
        if _all_of_kinds(group, ("percent",)) or (
            _all_of_kinds(group, ("time", "nr")) and not _has_ratio(values)  # medians, no ratio
        ):
            p = next((v.p for v in reversed(group) if v.p), None)
            if p:
                for v in group:
                    v.p = v.p or p
        i = j + 1


def _p_to_bracket_ratio(text: str, values: list[Value]) -> None:
    """ "(hazard ratio = 0.63; 95% CI, 0.47 to 0.84; median PFS, 4.8 v 2.4 months; log-rank
    P = .0016)": a P closing the bracket of an HR/OR that has none is the ratio's, though
    medians stand between them (medians next to an HR carry no P). Only times may stand
    between, and the bracket must still be open where the P is."""
    for k, v in enumerate(values):
        if v.kind not in ("HR", "OR") or v.p is not None or v.key_start is None:
            continue
        j = k + 1
        while j < len(values) and values[j].kind in ("time", "nr") and values[j].p is None:
            j += 1
        if j == k + 1 or j == len(values) or values[j].kind not in ("time", "nr"):
            continue
        holder = values[j]
        opens = _opens_before(text, v.key_start) or _opens_after_count(text, v.key_start)
        if opens and not closed_between(text, v.ext_end, holder.ext_end):
            v.p, holder.p = holder.p, None
            v.ext_end = holder.ext_end


# JCO prints the P first in a ratio's bracket: "(log-rank P < .001; HR, 0.60; 99.9% CI, ...)",
# "(P = .019; hazard ratio, 0.77; ...)". Before the P, the bracket holds at most the test's name.
_BRACKET_OPENS_P_END = search_from_end(
    re.compile(
        r"[(\[]\s*(?:(?:log[- ]?rank|stratified|unstratified|two[- ]sided|2[- ]sided|"
        r"one[- ]sided|1[- ]sided)\s+)*\Z",
        re.I,
    )
)
_P_TO_KEY_GAP = re.compile(r"\s*[;,]\s*\Z")


def _p_before_ratio(text: str, values: list[Value], ps_at: list) -> None:
    """A P that opens a bracket, with only ";" or "," between it and the key of an HR/OR that
    has no P ("(P = .019; hazard ratio, 0.77; ...)"), is the ratio's. The median it follows
    loses it (medians next to a ratio carry no P); compared rates keep theirs, and a ratio's P
    ("0.60 (P < .001; adjusted HR, ...)") stays that ratio's alone."""
    for v in values:
        if v.kind not in ("HR", "OR") or v.p is not None or v.key_start is None:
            continue
        m = _p_right_before(text, v.key_start, ps_at)
        if m is None:
            continue
        holders = [h for h in values if h.ext_end == m.end() and h.p is not None]
        if any(h.kind in ("HR", "OR") for h in holders):
            continue
        v.p = normalise_p(m.group("op"), m.group("num"))
        for h in holders:
            if h.kind in ("time", "nr"):
                h.p = None


def _p_right_before(text: str, key: int, ps_at: list) -> re.Match[str] | None:
    """The P match of ``ps_at`` that opens a bracket and ends right before ``key`` (see
    ``_BRACKET_OPENS_P_END``), else None."""
    for at, m_end, m in ps_at:
        if (
            m_end <= key <= m_end + 4
            and _P_TO_KEY_GAP.match(text, m_end, key)
            and _BRACKET_OPENS_P_END.match(text, max(0, at - 30), at)
        ):
            return m
    return None


def _opens_before(text: str, pos: int) -> bool:
    """Whether a bracket opens right before ``pos`` ("(hazard ratio", "[HR")."""
    i = pos - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] in "(["


# "(n = 104; hazard ratio = 0.63; ...": the group's count opens the bracket the ratio is in.
_COUNT_OPENS_END = search_from_end(re.compile(r"[(\[]\s*n\s*=\s*\d[\d,]*\s*[;,]\s*$", re.I))


def _opens_after_count(text: str, pos: int) -> bool:
    """Whether a bracket opens before ``pos`` with only a patient count ("n = 104;") between:
    the ratio still opens the bracket's statistics, as in "(hazard ratio"."""
    return "=" in text[max(0, pos - 20) : pos] and (
        _COUNT_OPENS_END.match(text, max(0, pos - 20), pos) is not None
    )


def closed_between(text: str, a: int, b: int) -> bool:
    """True if a bracket open before ``a`` closes before ``b`` ("(grade 3, 1.5%) vs 3.4%")."""
    depth = 0
    for m in _BRACKET_CHAR.finditer(text, a, b):
        if m.group() in "([":
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return True
    return False


_BRACKET_CHAR = re.compile(r"[(\[)\]]")
