"""Runs of compared values and the arm lists they are shared over ("respectively")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from her2mine.extract.arms import ArmRef
from her2mine.extract.fastre import OPEN_BRACKET, WordGate, last_match, word_start
from her2mine.extract.numbers import LIST_JOIN, Value
from her2mine.extract.outcomes.brackets import (
    _in_one_bracket,
    _opening_bracket,
    _top_level_semicolon,
)
from her2mine.extract.outcomes.endpoints import RATIO_MEASURES
from her2mine.extract.outcomes.gaps import _OF_PATIENTS_IN, _follow_gap_ok
from her2mine.extract.outcomes.patterns import COMPARED_WITH_OR_TO, VS_WORDS

_RESPECTIVELY = re.compile(word_start(["respectively"]) + r"\b")
_RESPECTIVELY_GATE = WordGate(("respectively",))
_RUN_JOIN = LIST_JOIN  # "91.0% and 87.5%", "91.0%, 87.5% and 85.0%": the list join of ratios
_RESPECTIVELY_GAP = re.compile(r"\s*,?\s*respectively\s*,?", re.I)
# Round 76b: "in 30% and 25% of patients, respectively, in the pertuzumab group": the list's
# "of patients" may stand before its "respectively".
_OF_PATIENTS_RESPECTIVELY_GAP = re.compile(
    r"(?:\s*of\s+(?:the\s+)?(?:patients|pts|participants|women)\b)?\s*,?\s*respectively\s*,?",
    re.I,
)


def _last_ref_before(refs: list[ArmRef], pos: int, skip: set[int]) -> int | None:
    """The index of the last reference ending by ``pos`` whose index is not in ``skip``."""
    for j in range(len(refs) - 1, -1, -1):
        if refs[j].end <= pos and j not in skip:
            return j
    return None


class _Once:
    """Calls a context function at most once."""

    def __init__(self, fn: Callable[[], list[str | None]]) -> None:
        self.fn = fn
        self.value: list[str | None] | None = None

    def __call__(self) -> list[str | None]:
        if self.value is None:
            self.value = self.fn()
        return self.value


def _ctx(context) -> list[str | None]:
    return context() if callable(context) else context


def context_of_count(context, n: int, earlier: Sequence[list[str | None]]) -> list[str | None]:
    """The comparison under discussion, or, when it has not ``n`` arms, the latest ``earlier``
    order that has: "pCR rates with A and C were 71% and 64%, respectively. Diarrhea occurred
    in 5%, 35%, and 28% of patients, respectively" (three arms listed before) refers its run
    to the order it counts, not to the last pair. ``earlier`` is empty unless the run says
    "respectively"."""
    ctx = _ctx(context)
    if len(ctx) == n or not earlier:
        return ctx
    return next((order for order in earlier if len(order) == n), ctx)


def _compared(arms: list[str | None], idx: list[int]) -> list[str | None]:
    """Distinct arms given to values of one sentence, in order, if two or more."""
    seen: list[str | None] = []
    for i in idx:
        a = arms[i]
        if a and a not in seen:
            seen.append(a)
    return seen if len(seen) >= 2 else []


def _last_list(refs: list[ArmRef], prev: list[int]) -> list[int]:
    """The last run of listed references ("A versus B") among ``prev``."""
    out: list[int] = []
    for j in reversed(prev):
        if refs[j].in_list and (not out or out[0] == j + 1):
            out.insert(0, j)
        elif out:
            break
    return out


# Round 95c: "overall survival rates were 87%, 92% (hazard ratio, 0.63; P<0.001), and 91%
# (hazard ratio, 0.77)": a list whose items each carry the ratio against the first in a bracket
# is still one list; the bracket and a list join lie between two of its values.
_RATIO_ASIDE_JOIN = re.compile(r"\s*\([^()]*\)\s*,?\s*(?:and\s+)?")


def _past_ratio_aside(text: str, out: list[tuple[Value, str, str]], prev: int, i: int) -> bool:
    """Whether list value ``out[prev]`` is joined to ``out[i]`` (same end point and measure)
    across a bracket holding only the ratio values between them, and a list join."""
    a, b = out[prev], out[i]
    if a[1] != b[1] or a[2] != b[2] or text.find("(", a[0].ext_end, b[0].start) < 0:
        return False
    if not all(out[k][2] in RATIO_MEASURES for k in range(prev + 1, i)):
        return False
    return _RATIO_ASIDE_JOIN.fullmatch(text, a[0].ext_end, b[0].start) is not None


def _runs(text: str, out: list[tuple[Value, str, str]], idx: list[int]) -> list[list[int]]:
    """Consecutive compared values of one end point; with any "vs" join, only "vs" binds."""
    runs: list[list[int]] = []
    prev = -2  # the previous index of ``idx``: the last of the last run
    for i in idx:
        if (
            prev == i - 1
            and out[prev][0].paired_with_next
            and out[prev][1] == out[i][1]
            and out[prev][2] == out[i][2]
        ) or (prev >= 0 and len(runs[-1]) >= 2 and _past_ratio_aside(text, out, prev, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
        prev = i
    split: list[list[int]] = []
    for run in runs:
        if len(run) < 3:  # one join (or none): nothing to split
            split.append(run)
            continue
        joins = [_join_word(text, out[a][0], out[b][0]) for a, b in zip(run, run[1:], strict=False)]
        if "vs" in joins and any(j != "vs" for j in joins):
            cur = [run[0]]
            for k, j in enumerate(joins):
                if j == "vs":
                    cur.append(run[k + 1])
                else:
                    split.append(cur)
                    cur = [run[k + 1]]
            split.append(cur)
        else:
            split.append(run)
    return split


# "(FTN v F: hazard ratio ...)": a bracket opening with "A v B" names a comparison, not the arm
# of the list before it.
_COMPARED_NEXT = re.compile(rf"\s+(?:{VS_WORDS}|{COMPARED_WITH_OR_TO})\s", re.I)
_VS_WORD = re.compile(rf"\b(?:{VS_WORDS}|compared)(?:\s|$)", re.I)


def _join_word(text: str, a: Value, b: Value) -> str:
    gap = text[a.ext_end : b.start]
    return "vs" if _VS_WORD.search(gap) else "and"


def _runs_of_one_ref_after(
    text: str,
    e: int,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    decided: set[int],
) -> None:
    """ "neutropenia (51%) and diarrhoea (20%) with A, compared with 20% and 1%, respectively,
    in the placebo arm": a run of values whose "respectively" (perhaps after "of patients") is
    followed by a single arm (no other reference before the next value) pairs them with events
    or grades named before; the run is all that arm's."""
    for k, last in enumerate(idx):
        m = _OF_PATIENTS_RESPECTIVELY_GAP.match(text, out[last][0].ext_end)
        if m is None:
            continue
        run = _listed_before(text, out, idx, k)
        if len(run) < 2 or any(i in decided for i in run):
            continue
        nxt = next((out[i][0].start for i in idx if out[i][0].start >= m.end()), e)
        within = [r for r in refs if m.end() <= r.start < nxt]
        if len(within) != 1 or within[0].in_list:
            continue
        if not _follow_gap_ok(text[m.end() : within[0].start]):
            continue
        if _COMPARED_NEXT.match(text, within[0].end) and "(" in text[m.end() : within[0].start]:
            continue  # "..., respectively (FTN v F: HR ...)": a comparison, no arm (round 86a)
        for i in run:
            arms[i] = within[0].arm
            decided.add(i)


def _listed_before(
    text: str, out: list[tuple[Value, str, str]], idx: list[int], k: int
) -> list[int]:
    """The values of one end point listed ("20% and 1%", "5%, 3% and 1%") up to ``idx[k]``."""
    run = [idx[k]]
    while k > 0:
        a, b = idx[k - 1], idx[k]
        if a != b - 1 or out[a][1:] != out[b][1:]:
            break
        if not _RUN_JOIN.fullmatch(text, out[a][0].ext_end, out[b][0].start):
            break
        run.insert(0, a)
        k -= 1
    return run


def _listed_refs(text: str, s: int, e: int, refs: list[ArmRef]) -> list[ArmRef]:
    """The references a "respectively" list may zip with: those before its last "respectively"
    (a clause after it, "but grade 3 AEs were less frequent with T-DM1 plus pertuzumab (13% vs
    64%)", names no arm of the list), each arm restated in a bracket once
    (``_without_restated``)."""
    last = last_match(_RESPECTIVELY, text, s, e)
    if last is not None and refs[-1].start >= last.end():
        refs = [r for r in refs if r.start < last.end()] or refs
    return _without_joint_restatement(text, _without_restated(text, refs))


# Round 76b: "..., respectively; grade 3 diarrhoea was more frequent in arm C (11.3% versus 1.6%
# in arm A)", "..., respectively, including neuropathy in 9.3% of patients in arm A": a clause
# opened right after "respectively" that names its own arms and values.
_CLAUSE_AFTER_RESPECTIVELY = re.compile(
    r"respectively\s*(?:;|,\s*(?:including|whereas|while|but)\b)", re.I
)
# Review 76a/b: "...; in the CLEOPATRA trial, it was 80% in the pertuzumab arm": a clause about
# another trial or study names no arm of this one.
_CLAUSE_STUDY = re.compile(r"\b(?:trials?|stud(?:y|ies))\b", re.I)


def _clause_after_respectively(
    text: str, s: int, e: int, out: list[tuple[Value, str, str]], refs: list[ArmRef]
) -> int | None:
    """Where a clause after the last "respectively" opens when it holds a value and an arm
    reference of its own and the list before it a value: that clause is read on its own (its
    arms name no item of the list, the list's arms none of its values). None otherwise."""
    last = last_match(_RESPECTIVELY, text, s, e)
    if last is None:
        return None
    m = _CLAUSE_AFTER_RESPECTIVELY.match(text, last.start(), e)
    if m is None:
        return None
    cut = m.end()
    if refs[-1].start < cut or out[-1][0].start < cut or out[0][0].start >= cut:
        return None
    if _CLAUSE_STUDY.search(text, cut, e):
        return None
    return cut


def _without_joint_restatement(text: str, refs: list[ArmRef]) -> list[ArmRef]:
    """``refs`` less a closing run of references inside one bracket that restates, in order, the
    arms of the run right before it ("A or B, and the ORR was 27% and 32% (AX and BX,
    respectively)"): the bracket names the listed arms jointly, no further ones."""
    for k in range(len(refs) // 2, 1, -1):
        run, before = refs[-k:], refs[-2 * k : -k]
        arms = [r.arm for r in run]
        if None in arms or arms != [r.arm for r in before]:
            continue
        if _in_one_bracket(text, before[-1].end, run[0].start, run[-1].end):
            return refs[:-k]
    return refs


def _refs_of_values_clause(text: str, refs: list[ArmRef], first: int) -> list[ArmRef] | None:
    """The references of a "respectively" list less those in an earlier ";" clause than the
    first value: "PFS was improved with N+C (HR, 0.76; ...); 12-month PFS rates were 29% and 15%
    for N+C and L+C, respectively" zips the rates with the two arms after them, not with the
    reference of the clause before. None when no reference is cut (the list was already read)."""
    if not refs or refs[0].end >= first:
        return None
    cut = _top_level_semicolon(text, refs[0].end, first)
    if cut is None:
        return None
    kept = [r for r in refs if r.start > cut]
    return kept if len(kept) < len(refs) else None


def _without_restated(text: str, refs: list[ArmRef]) -> list[ArmRef]:
    """``refs`` less each reference that only restates the one before it in a bracket ("T-DM1
    plus pertuzumab with docetaxel, carboplatin, trastuzumab and pertuzumab (TCHP); pCR was
    achieved in 44.4% and 55.7% of patients, respectively"): the short form names no further
    arm, so a "respectively" list counts each arm once."""
    if len(refs) < 2:
        return refs
    kept = [refs[0]]
    for r in refs[1:]:
        prev = kept[-1]
        # (a bracket that restates the regimen: "... trastuzumab and pertuzumab (TCHP")
        if r.arm != prev.arm or not OPEN_BRACKET.fullmatch(text, prev.end, r.start):
            kept.append(r)
    return kept


def _respectively(text, out, idx, refs, arms, decided, every: Sequence[ArmRef] = ()) -> bool:
    """ "18.5 and 12.4 months with A and B, respectively": zip each run of values with the refs
    (a run of as many values as references); a run of several compared tuples ("neutropenia
    (19.1% vs 15.5%) and anaemia (6.1% vs 4.6%) in the A and B groups, respectively") zips each
    tuple with the references in turn (``_compared_tuples``). Runs holding a value an earlier
    reading decided are left alone. A ";" clause ends a run: "The median PFS was 20.6 months
    (...); median PFS was 19.6, 23.0 and 18.1 months with A, B and C, respectively" zips the
    three, not the whole population's value with them. ``every``: all the sentence's
    references (``refs`` may be only the list zipped), which ``_lists_after_respectively``
    checks."""
    groups: list[list[int]] = []
    for i in idx:
        if (
            groups
            and out[groups[-1][-1]][1:] == out[i][1:]
            and not _semicolon_between(text, out, groups[-1][-1], i)
        ):
            groups[-1].append(i)
        else:
            groups.append([i])
    names = [r.arm for r in refs]
    if len(names) >= 2 and any(len(g) > len(names) for g in groups):
        groups = [
            part for g in groups for part in _lists_after_respectively(text, out, g, refs, every)
        ]
    done = False
    for g in groups:
        if any(i in decided for i in g):
            continue  # a run an earlier reading (a landmark run) already gave its arm
        if len(g) == len(names) and len(g) >= 2:
            for i, a in zip(g, names, strict=True):
                arms[i] = a
                decided.add(i)
            done = True
        elif _compared_tuples(out, g, len(names)) and not _ref_within(refs, out, g):
            for i, a in zip(g, names * (len(g) // len(names)), strict=True):
                arms[i] = a
                decided.add(i)
            done = True
    return done


def _lists_after_respectively(
    text: str, out, g: list[int], refs: list[ArmRef], every: Sequence[ArmRef]
) -> list[list[int]]:
    """Run ``g`` cut into the lists a "respectively" closes (round 96b): "X occurred in 0%, 2.7%
    and 0% of patients in arms A, B and C, respectively, and declines in LVEF in 5.6%, 5.3% and
    3.9%" is one run of one end point, but two lists of as many values as references, the
    second naming no groups of its own: by the gold README's convention it takes the first
    list's order. Only when every list holds exactly one value per reference, a "respectively"
    stands between each two, and all references (``refs`` and ``every``) stand before the
    first of those; else ``g`` whole (a second list of another count, or naming its own
    groups, keeps the old reading)."""
    n = len(refs)
    if len(g) % n:
        return [g]
    parts = [g[k : k + n] for k in range(0, len(g), n)]
    first = -1
    for a, b in zip(parts, parts[1:], strict=False):
        m = _RESPECTIVELY.search(text, out[a[-1]][0].ext_end, out[b[0]][0].start)
        if m is None:
            return [g]
        if first < 0:
            first = m.start()
    if any(r.end > first for r in refs) or any(r.end > first for r in every):
        return [g]
    return parts


# "8.8 months (95% CI ...); and 6.6 months (...) with A and B, respectively": a ";" right before
# the next value (perhaps with "and") separates the items of one list, not two clauses.
_LIST_SEMICOLON = re.compile(r";\s*(?:(?:and|or)\s+)?", re.I)


def _semicolon_between(text: str, out, i: int, j: int) -> bool:
    """Whether a ";" outside brackets ends a clause between values ``out[i]`` and ``out[j]``
    (the clause after it restates its subject: "; median PFS was 19.6, ...")."""
    a, b = out[i][0].ext_end, out[j][0].start
    if text.find(";", a, b) < 0:
        return False
    k = _top_level_semicolon(text, a, b)
    return k is not None and _LIST_SEMICOLON.fullmatch(text, k, b) is None


def _ref_within(refs: list[ArmRef], out, g: list[int]) -> bool:
    """Whether a reference stands among the values of run ``g``: "23% and 5% of patients in the
    combination arm and 15% and 1% in the anastrozole alone arm, respectively" gives each tuple
    the arm after it (the tuples are grades, not the arms)."""
    a, b = out[g[0]][0].start, out[g[-1]][0].end
    for r in refs:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if a < r.start < b:
            return True
    return False


def _compared_tuples(out, g: list[int], n: int) -> bool:
    """Whether the run ``g`` is several compared tuples of ``n`` values each: "neutropenia (19.1%
    vs 15.5%), anaemia (6.1% vs 4.6%) and thrombocytopenia (7.0% vs 24.9%) in the A and B groups,
    respectively" lists one pair per event (the events differ, the end point code does not), so
    each pair zips with the arms in turn. Each tuple is joined by "vs" within (``paired_with_next``)
    and not to the next one."""
    if n < 2 or len(g) <= n or len(g) % n:
        return False
    for k in range(0, len(g), n):
        chunk = g[k : k + n]
        if out[chunk[-1]][0].paired_with_next:
            return False
        if not all(out[i][0].paired_with_next for i in chunk[:-1]):
            return False
    return True


# Between the last value of a run and an enumerated list of arms: "52% in arms A, B and C".
_TO_LIST = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*" + _OF_PATIENTS_IN + r"(?:the\s+)?", re.I)


def _values_before_list(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    decided: set[int],
    claimed: set[int],
) -> None:
    """ "61%, 55%, and 52% in arms A, B, and C" (no "respectively"): a run of compared values
    right before an enumerated list of as many arms (``ArmRef.enumerated``) gets them in
    order; the references are then used up."""
    for run in _runs(text, out, idx) if _any_listed(refs) else ():
        if len(run) < 2 or any(i in decided for i in run):
            continue
        last = out[run[-1]][0]
        first = next((j for j, r in enumerate(refs) if r.start >= last.end), None)
        if first is None or first in claimed:
            continue
        listed = _enumerated_from(text, refs, first) or _joined_from(text, refs, first)
        if not listed:
            continue
        if last.ext_end > refs[first].start or not _to_list(
            text, out[run[0]][0].start, last.ext_end, refs[first].start
        ):
            continue
        if len(listed) != len(run):
            continue
        for i, j in zip(run, listed, strict=True):
            arms[i] = refs[j].arm
            decided.add(i)
            claimed.add(j)


# A bare comma between the leading items of an enumerated list: "the TD, PTD and T-DM1 arms"
# (the arm reader links only items joined by a word, so "TD" stands outside the list).
_BARE_COMMA = re.compile(r"\s*,\s*")


def _enumerated_from(text: str, refs: list[ArmRef], first: int) -> list[int]:
    """The indices of the enumerated list of arms opening at ``refs[first]``: its
    ``ArmRef.enumerated`` items, led by any items joined to them by a bare comma ("the TD, PTD
    and T-DM1 arms"). Empty when no enumerated item follows or two items name one arm."""
    j = first
    while not refs[j].enumerated:
        if j + 1 == len(refs) or not _BARE_COMMA.fullmatch(text, refs[j].end, refs[j + 1].start):
            return []
        j += 1
    while j + 1 < len(refs) and refs[j + 1].enumerated:
        j += 1
    listed = list(range(first, j + 1))
    if not refs[first].enumerated:  # the arm reader checked its own items, not the led ones
        names = [refs[k].arm for k in listed]
        if None in names or len(set(names)) != len(names):
            return []
    return listed


# Round 75a: "8% vs 16% vs 24% in arm A, arm B and arm C": a list of arms each named in full,
# joined by commas and a last "and"/"or", zips with a run as an enumerated one does.
_REF_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:the\s+)?", re.I)


def _joined_from(text: str, refs: list[ArmRef], first: int) -> list[int]:
    """The indices of the references joined as a list from ``refs[first]`` (``_REF_LIST_JOIN``)
    whose last item is a listed reference (``ArmRef.in_list``) and which name as many distinct
    arms; empty when there are fewer than two."""
    j = first
    while j + 1 < len(refs) and _REF_LIST_JOIN.fullmatch(text, refs[j].end, refs[j + 1].start):
        j += 1
    listed = list(range(first, j + 1))
    names = [refs[k].arm for k in listed]
    if len(listed) < 2 or not refs[j].in_list or None in names:
        return []
    if len(set(names)) < len(names) and not _twin_labels(text, [refs[k] for k in listed]):
        return []
    return listed


def _twin_labels(text: str, refs: list[ArmRef]) -> bool:
    """Whether the references that name one arm alike are each a label written differently
    (no drug written: "the 5.4-mg/kg and 6.4-mg/kg arms" of two dose twins), so the list still
    names as many arms as it has items."""
    names = [r.arm for r in refs]
    twins = [r for r in refs if names.count(r.arm) > 1]
    forms = {text[r.start : r.end].lower() for r in twins}
    return len(forms) == len(twins) and not any(r.drugs for r in twins)


_CLOSER_GAP = re.compile(r"\s*[)\]]")


def _to_list(text: str, a: int, b: int, ref_start: int) -> bool:
    """Whether text[b:ref_start] leads from a run's last value to its list of arms; the gap may
    first close a bracket opened within the run ("(0% vs 5%) in the A and B arms", "15% (P =
    0.3) in the ...", where the value's statistics end before the closer)."""
    if _TO_LIST.fullmatch(text, b, ref_start):
        return True
    m = _CLOSER_GAP.match(text, b, ref_start)
    if m is None or _opening_bracket(text, max(a - 2, 0), b) is None:
        return False
    return _TO_LIST.fullmatch(text, m.end(), ref_start) is not None


def _any_listed(refs: list[ArmRef]) -> bool:
    """Whether a reference of ``refs`` belongs to a list ("arms A, B, and C", "A and B")."""
    for r in refs:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if r.in_list:
            return True
    return False
