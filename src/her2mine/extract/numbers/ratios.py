"""Hazard and odds ratios: their keys, scales, margins, reporting ratios, the bare ratio after
two medians, and ratios listed after one key.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from her2mine.extract.fastre import finditer_at, search_from_end
from her2mine.extract.numbers.atoms import _KEY_LITERALS, _finditer_literal_led, _in_spans
from her2mine.extract.numbers.attach import _attach_ci_p
from her2mine.extract.numbers.folding import _atom_float
from her2mine.extract.numbers.patterns import _KEY_RE, BARE_RANGE_RE
from her2mine.extract.numbers.ratio_lists import (
    _AFTER_LISTED,
    _is_listed_ratio,
    _ratio_gap_ok,
    labelled_arm_ratio,
    subgroup_rates_ratio,
)
from her2mine.extract.numbers.value import Value, _start_of


def _ratios(
    text: str,
    start: int,
    end: int,
    atoms: list[re.Match[str]],
    masked: list[tuple[int, int]],
    used: set[int],
    key_starts: list[int] | None = None,
) -> list[Value]:
    """Hazard / odds ratios: the key, a few words, then the first number atom after it.
    ``key_starts``: ``ratio_candidates(text)``, or None to find the keys' literals here."""
    keys = _ratio_keys(text, start, end, key_starts)
    if not keys:
        return []
    starts = [a.start() for a in atoms]
    values = []
    for k in keys:
        k_start, k_end = k.span()
        if _in_spans(masked, k_start):
            continue
        i = bisect_left(starts, k_end)
        if i == len(atoms) or starts[i] in used:
            continue
        nxt = atoms[i]
        gap = text[k_end : starts[i]]
        if "per" in gap or "each" in gap or "every" in gap:
            i = _past_ratio_scale(text, k_end, atoms, i, used)
            if i == len(atoms) or starts[i] in used:
                continue
            nxt = atoms[i]
            gap = text[k_end : starts[i]]
        if not _ratio_gap_ok(gap) and not _scaled_gap_ok(text, gap, atoms, i, k_end, used):
            continue
        if _margin_ratio(text, start, k_start) or _reporting_ratio(text, k_start):
            used.add(starts[i])  # the margin's (or reporting ratio's) number is no rate either
            continue
        kind = "HR" if text[k_start] in "Hh" else "OR"
        k_start = _adjusted_key_start(text, k_start)
        nxt_end = nxt.end()
        v = Value(kind, _atom_float(nxt[0]), None, starts[i], nxt_end, nxt_end)
        v.key_start, v.key_text = k_start, gap
        used.add(starts[i])
        values.append(v)
    return values


def _ratio_keys(
    text: str, start: int, end: int, key_starts: list[int] | None
) -> list[re.Match[str]]:
    """``list(_KEY_RE.finditer(text, start, end))``. With the text's ``ratio_candidates``,
    the pattern is tried at those in [start, end): the same places a search for
    ``_KEY_LITERALS`` inside the window finds, plus those whose literal runs past ``end``,
    where no match fits (each match holds its literal)."""
    if key_starts is None:
        return _finditer_literal_led(_KEY_RE, _KEY_LITERALS, text, start, end)
    lo = bisect_left(key_starts, start)
    hi = bisect_left(key_starts, end, lo)
    if lo == hi:
        return []
    return list(finditer_at(_KEY_RE, text, key_starts[lo:hi], end))


def _adjusted_key_start(text: str, k_start: int) -> int:
    """Where a ratio key starts: on the "a" of an adjusted short form ("(aHR 0.72"), so the
    bracket before it opens the ratio's bracket as it does before "(HR"."""
    return k_start - 1 if k_start and text[k_start - 1] == "a" else k_start


# "odds ratio per 10 µg/mL increase in Cavg, 1.26", "HR for each 1-SD increase, 1.4": the
# number after "per"/"for each" is the ratio's scale (a unit of exposure), not the ratio.
_RATIO_SCALE_END = search_from_end(
    re.compile(r"\b(?:per|for\s+(?:each|every)|per\s+each)\s*$", re.I)
)
# What may follow the scale's number before the ratio itself: its unit and what increased,
# then a comma, colon, "of", "was" or "=" ("per 10 µg/mL increase in Cavg, 1.26").
_AFTER_RATIO_SCALE = re.compile(
    r"[^;()\[\].]{0,50}?(?:,|:|=|\bof|\bwas|\bis)\s*$|[^;()\[\].]{0,50}?[(\[]\s*$"
)


def _is_ratio_scale(text: str, start: int, pos: int) -> bool:
    """Whether the percentage at ``pos`` follows "per"/"for each" ("OR 1.35 per 10%
    increase"): the scale of a ratio written before it, not a rate. The regex only runs when
    one of its words is in the few characters before."""
    a = pos - 14 if pos - 14 > start else start
    seg = text[a:pos]
    if "per" not in seg and "each" not in seg and "every" not in seg:
        return False
    return _RATIO_SCALE_END.match(text, a, pos) is not None


def _past_ratio_scale(
    text: str, key_end: int, atoms: list[re.Match[str]], i: int, used: set[int]
) -> int:
    """The index of the ratio's own number when ``atoms[i]`` (the first number after a ratio
    key) is its scale ("per 10 µg/mL increase"): the next atom, with the scale marked used (no
    rate or median either). ``i`` itself otherwise."""
    scale = atoms[i]
    if _RATIO_SCALE_END.match(text, max(key_end, scale.start() - 14), scale.start()) is None:
        return i
    if i + 1 == len(atoms):
        return i
    nxt = atoms[i + 1]
    if _AFTER_RATIO_SCALE.match(text, scale.end(), nxt.start()) is None:
        return i
    used.add(scale.start())
    return i + 1


def _scaled_gap_ok(
    text: str, gap: str, atoms: list[re.Match[str]], i: int, key_end: int, used: set[int]
) -> bool:
    """``_ratio_gap_ok`` for a gap holding the ratio's scale ("per 10% increase in Ki-67, "),
    whose "%" is the scale's: the gap after the scale is checked, and the whole stays short."""
    if i == 0 or atoms[i - 1].start() not in used or atoms[i - 1].start() < key_end:
        return False
    after_scale = text[atoms[i - 1].end() : atoms[i].start()].lstrip(" %")
    return len(gap) <= 90 and _ratio_gap_ok(after_scale)


# "The non-inferiority margin was a hazard ratio of 1·15", "margin (HR 1.3)": the ratio a
# design tolerates, not a result (as "within the margin of ±13.5%" for a rate).
_MARGIN_KEY_END = search_from_end(
    re.compile(
        r"\bmargins?\s*(?:[(\[,:]\s*|(?:(?:was|were|is|of|for|set\s+at|defined\s+as|the|an?|"
        r"upper|limit|bound)\s+)*)$",
        re.I,
    )
)


def _margin_ratio(text: str, start: int, key: int) -> bool:
    """Whether the ratio key at ``key`` is introduced as a non-inferiority margin."""
    a = key - 45 if key - 45 > start else start
    return "argin" in text[a:key] and _MARGIN_KEY_END.match(text, a, key) is not None


# "a reporting odds ratio (ROR) of 35.7": a pharmacovigilance database's disproportionality
# measure (reports of one event with one drug against all other drugs), no treatment comparison.
_REPORTING_KEY_END = re.compile(r"\breporting\s+$", re.I)


def _reporting_ratio(text: str, key: int) -> bool:
    """Whether the ratio key at ``key`` is a reporting odds ratio."""
    a = key - 12 if key > 12 else 0
    return "eporting" in text[a:key] and _REPORTING_KEY_END.search(text, a, key) is not None


# "14·95 months with everolimus versus 14·49 months with placebo (0·89 [0·73–1·08]; p=0·24)":
# Lancet style gives the pair's hazard ratio as a bare number opening the bracket after the
# second median's group. Between that median and the number: its own CI bracket (optional),
# then the group ("with placebo", "in the placebo group": words, no number), then the bracket.
_GROUP_THEN_BRACKET = re.compile(
    r"\s*(?:[(\[][^()\[\]]{0,40}[)\]]\s*)?,?\s*(?:with|in|for|on)\s+[^()\[\];,.\d%=<>]{1,50}?"
    r"\s*\(\s*"
)
# The two medians of the pair: "versus", "vs", "compared with" or "and" between them.
_MEDIAN_PAIR_GAP = re.compile(r"\b(?:versus|vs\.?|v|compared\s+with|and)\b", re.I)
_MAX_BARE_RATIO = 5.0  # a hazard ratio; larger bare numbers are counts or times
# A word after the CI: "(1·8 [0·5–3·1] months longer)" is the medians' difference, no ratio
# (the ratio's bracket closes or goes on to its P after the CI).
_RATIO_BRACKET_GOES_ON = re.compile(r"\s*[A-Za-z]")


def _bare_ratio_after_medians(
    text: str, end: int, atoms: list[re.Match[str]], used: set[int], values: list[Value]
) -> Value | None:
    """The hazard ratio of a compared pair of medians written bare (no "HR" key) at the start
    of the bracket right after the second median's group, when a CI follows it
    (see ``_GROUP_THEN_BRACKET``); None when the sentence has no such number. Read only when
    the sentence has no keyed ratio and its last two values are times (medians)."""
    if any(v.kind in ("HR", "OR") for v in values):
        return None
    ordered = sorted(values, key=_start_of)
    first, second = ordered[-2], ordered[-1]
    if first.kind != "time" or second.kind != "time":
        return None
    if _MEDIAN_PAIR_GAP.search(text, first.ext_end, second.start) is None:
        return None
    gap = _GROUP_THEN_BRACKET.match(text, second.ext_end, end)
    if gap is None:
        return None
    pos = gap.end()
    a = next((a for a in atoms if a.start() == pos), None)
    if a is None or pos in used:
        return None
    value = _atom_float(a[0])
    ci = BARE_RANGE_RE.match(text, a.end(), end)
    if (
        not 0 < value < _MAX_BARE_RATIO
        or ci is None
        or _RATIO_BRACKET_GOES_ON.match(text, ci.end())
    ):
        return None
    used.add(pos)
    ratio = Value("HR", value, None, pos, a.end(), a.end())
    ratio.key_start = pos  # (no key word: the ratio's bracket opens right before it)
    return ratio


def _listed_ratios(
    text: str,
    values: list[Value],
    atoms: list[re.Match[str]],
    used: set[int],
    cis_at: list,
    ps_at: list,
    end: int,
) -> list[Value]:
    """``values`` plus the ratios listed after a hazard/odds ratio under the same key: "hazard
    ratios were 0.71 (95% CI ...) and 0.83 (...)", "0.64 with AC-T plus trastuzumab (P<0.001)
    and 0.75 with TCH (P=0.04)". Only decimals not yet read as values count."""
    free = [a for a in atoms if a.start() not in used]
    added = []
    for v in values:
        last = v
        while last.kind in ("HR", "OR"):
            nxt = next((a for a in free if a.start() >= last.ext_end), None)
            if nxt is None or not (
                _is_listed_ratio(text, last.ext_end, nxt, end)
                or _parallel_comparison_ratio(text, last, nxt, end)
                or labelled_arm_ratio(text, last.start, last.ext_end, nxt)
                or subgroup_rates_ratio(text, last.end, last.ext_end, nxt)
            ):
                break
            w = Value(last.kind, _atom_float(nxt.group(0)), None, nxt.start(), nxt.end(), nxt.end())
            w.key_start, w.key_text = last.key_start, last.key_text
            _attach_ci_p(text, w, cis_at, ps_at, end)
            used.add(nxt.start())
            added.append(w)
            last = w
    if not added:
        return values
    return sorted(values + added, key=_start_of)


# "The HR for arm C vs arm A was 0.70 (...) and for arm B vs arm A 0.86 (...)": a key that names
# its comparison with "for" and a second comparison after "and for" whose ratio follows it
# elliptically (the same key understood). Both name a comparison ("vs", "versus", "compared
# with": "HR for death was 0.70 and for progression 0.80" names two end points, not one). No
# digit, bracket or clause end in the comparison, but for the number of a numbered arm, group,
# cohort or part ("and for arm 3 vs arm 1 0.70").
_LABELLED_DIGITS = r"(?i:(?<=arm )|(?<=group )|(?<=cohort )|(?<=part ))\d{1,2}(?!\d)"
_AND_FOR_COMPARISON = re.compile(
    rf"[\s)\]]*,?\s*and\s+for\s+(?:[^\d;.()\[\]]|{_LABELLED_DIGITS}){{1,60}}?"
    r"(?:\s+(?:was|were|is|of)|\s*[,:=])?\s*"
)
_COMPARED = re.compile(r"\b(?:vs|versus|compared\s+(?:with|to))\b", re.I)
# A gap naming its own statistic ("and for arm B vs arm A the relative risk was 0.86"): that
# number is no second ratio of the key's kind.
_OWN_STATISTIC = re.compile(
    r"\b(?:risks?|ratios?|odds|differences?|rates?|RR|ARR|medians?|means?|proportions?)\b", re.I
)


def _parallel_comparison_ratio(text: str, last: Value, atom: re.Match[str], end: int) -> bool:
    """Whether ``atom`` is the elliptical ratio of a second comparison after ratio ``last``,
    whose key names its comparison with "for" (``_AND_FOR_COMPARISON``)."""
    if not last.key_text.lstrip().startswith("for ") or not _COMPARED.search(last.key_text):
        return False
    number = atom.group(0)
    if "." not in number and "·" not in number or _atom_float(number) >= 20:
        return False
    m = _AND_FOR_COMPARISON.fullmatch(text, last.ext_end, atom.start())
    if m is None or not _COMPARED.search(text, last.ext_end, atom.start()):
        return False
    if _OWN_STATISTIC.search(text, last.ext_end, atom.start()) is not None:
        return False
    return bool(_AFTER_LISTED.match(text, atom.end(), end))
