"""One group's rates at a list of landmark times ("the 3-year and 5-year IDFS rates were ...")."""

from __future__ import annotations

import itertools
import re

from her2mine.extract.arms import ArmRef
from her2mine.extract.numbers import Value
from her2mine.extract.outcomes.brackets import _clause_break_unbracketed
from her2mine.extract.outcomes.gaps import _follow_gap_ok, _value_between
from her2mine.extract.outcomes.patterns import VS
from her2mine.extract.outcomes.runs import _RESPECTIVELY_GAP, _RUN_JOIN, _last_ref_before

# "The 3-year and 5-year IDFS rates were 91.0% and 87.5% with A", "IDFS rates at 3, 5 and 8
# years were ...": a list of landmark times before a run of as many bare values makes the run
# one group's rates at those times, not a comparison of arms; the run takes the one reference
# right after it (past ", respectively,") or else the last one before it, else no arm. Without
# this the first rate took the other arm of the design (or none) and "respectively" paired the
# rates with the design's arms.
# (Hyphens: ASCII, U+2010, the non-breaking U+2011 and the en dash: "3\u2011year".) It opens
# with a digit and checks the character before it afterwards (not "(?<![\d.])\d{1,2}"): the
# engine then only tries the digits of the sentence, not every position.
_TIME_LIST = re.compile(
    r"\d(?<![\d.]\d)\d?(?:[\s\-\u2010\u2011\u2013]*(?:years?|months?))?[\-\u2010\u2011\u2013]?"
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d{1,2}"
    r"(?:[\s\-\u2010\u2011\u2013]*(?:years?|months?))?[\-\u2010\u2011\u2013]?)+"
    r"(?<=\d|-|r|s|\u2010|\u2011|\u2013)(?:[\s\-\u2010\u2011\u2013]*(?:year|month)s?\b)",
    re.I,
)
_TIME_NUMBER = re.compile(r"\d{1,2}")


def _landmark_runs(
    text: str, s: int, e: int, out: list[tuple[Value, str, str]], idx: list[int],
    refs: list[ArmRef],
) -> list[tuple[list[int], str | None, int | None]]:  # fmt: skip
    """Runs of bare rates at the landmark times listed before them, each with its arm and the
    index of the reference that gave it (see above). (The caller passes two values or more.)"""
    if text.find("year", s, e) < 0 and text.find("month", s, e) < 0:
        return []
    # A time list holds two numbers or more, so a run is two rates or more: a sentence with
    # fewer (three in five that get here) needs no scan for time lists.
    if [out[i][2] for i in idx].count("rate") < 2:
        return []
    found: list[tuple[list[int], str | None, int | None]] = []
    for m in _TIME_LIST.finditer(text, s, e):
        if _time_list_is_values(out, m):
            continue
        n = len(_TIME_NUMBER.findall(m.group()))
        after = [i for i in idx if out[i][0].start >= m.end()]
        if len(after) < n or any(out[i][2] != "rate" for i in after[:n]):
            continue
        run = after[:n]
        vals = [out[i][0] for i in run]
        if any(o[1] != out[run[0]][1] for o in (out[i] for i in run)):
            continue
        if not all(
            _RUN_JOIN.fullmatch(text, a.ext_end, b.start) for a, b in itertools.pairwise(vals)
        ):
            continue
        nxt = after[n] if len(after) > n else None
        if nxt is not None and _RUN_JOIN.fullmatch(text, vals[-1].ext_end, out[nxt][0].start):
            continue  # more values than times
        later = [j for j, r in enumerate(refs) if r.start >= vals[-1].end]
        arm: str | None = None
        src: int | None = None
        if later:
            r = refs[later[0]]
            gap = text[vals[-1].ext_end : r.start]
            resp = _RESPECTIVELY_GAP.match(gap)
            if resp:
                gap = gap[resp.end() :]
            if _follow_gap_ok(gap):
                if r.in_list:
                    continue  # "... with A and B": arms listed after the run
                arm, src = r.arm, later[0]
        if arm is None:
            near = _last_ref_before(refs, vals[0].start, set())
            if (
                near is not None
                and refs[near].end > m.start() - 80
                and not _landmark_ref_apart(text, refs[near].end, m.start())
            ):
                if refs[near].in_list:
                    continue
                arm, src = refs[near].arm, near
        found.append((run, arm, src))
        while src is not None:
            nxt_run = _next_group_run(text, out, idx, refs, run, src)
            if nxt_run is None:
                break
            run, src = nxt_run
            vals = [out[i][0] for i in run]
            found.append((run, refs[src].arm, src))
    return found


def _time_list_is_values(out: list[tuple[Value, str, str]], m: re.Match[str]) -> bool:
    """Whether the "time list" overlaps a value read in the sentence: "Median overall survival
    was 25 and 20 months" lists the medians themselves, no landmark times."""
    a, b = m.start(), m.end()
    for v, _, _ in out:  # noqa: SIM110 (a loop: faster than any() over a generator)
        if v.start < b and v.end > a:
            return True
    return False


# A clause break between an arm and a landmark list it does not reach: "PFS was longer with
# A (HR, 0.76); in the overall population, the 12- and 24-month OS rates were ...", "more
# frequent with A, whereas across both arms the 6- and 12-month PFS rates were ...".
_LANDMARK_APART = re.compile(r",\s*(?:whereas|while|but)\b", re.I)


def _landmark_ref_apart(text: str, a: int, b: int) -> bool:
    """Whether a clause break separates the reference ending at ``a`` from the times at ``b``."""
    return _clause_break_unbracketed(text, a, b) or _LANDMARK_APART.search(text, a, b) is not None


# Between one group's landmark rates with its arm and the next group's: "91.0% and 87.5% with
# A and 85.0% and 80.5% with B", "..., respectively, in the A group, compared with 85.0% ...".
_NEXT_GROUP_GAP = re.compile(
    rf"(?:\s+(?:group|arm|cohort)s?)?\s*,?\s*(?:and|{VS}|compared\s+with|as\s+against)?\s*",
    re.I,
)


def _next_group_run(
    text: str, out: list[tuple[Value, str, str]], idx: list[int], refs: list[ArmRef],
    run: list[int], j: int,
) -> tuple[list[int], int] | None:  # fmt: skip
    """The next group's rates at the same landmark times: as many bare rates of the same end
    point right after ``run`` (and the reference ``j`` after it that named it), joined like it
    and followed by a reference of another arm of their own ("... with A and 85.0% and 80.5%
    with B", "with A were 29% and 15%, respectively, versus 20% and 8% with B")."""
    n, r = len(run), refs[j]
    pos = max(r.end, out[run[-1]][0].ext_end)
    after = [i for i in idx if out[i][0].start >= pos]
    if len(after) < n:
        return None
    gap = text[pos : out[after[0]][0].start]
    resp = _RESPECTIVELY_GAP.match(gap)
    if resp:
        gap = gap[resp.end() :]
    if not _NEXT_GROUP_GAP.fullmatch(gap):
        return None
    nxt = after[:n]
    vals = [out[i][0] for i in nxt]
    if any(out[i][1:] != out[run[0]][1:] for i in nxt):
        return None
    if not all(_RUN_JOIN.fullmatch(text, a.ext_end, b.start) for a, b in itertools.pairwise(vals)):
        return None
    if len(after) > n and _RUN_JOIN.fullmatch(text, vals[-1].ext_end, out[after[n]][0].start):
        return None
    k = next((k for k, q in enumerate(refs) if q.start >= vals[-1].end), None)
    if k is None or refs[k].in_list or refs[k].arm in (None, r.arm):
        return None
    gap = text[vals[-1].ext_end : refs[k].start]
    resp = _RESPECTIVELY_GAP.match(gap)
    if resp:
        gap = gap[resp.end() :]
    return (nxt, k) if _follow_gap_ok(gap) else None


def _landmark_refs(
    landmarks: list[tuple[list[int], str | None, int | None]], claimed: set[int]
) -> list[int]:
    """The references the landmark runs took their arms from, marked used (``claimed``): "IDFS
    rates at 3 and 5 years were 91.0% and 87.5% with A and 85.0% and 80.5% with B,
    respectively" leaves A to the first run, so the values after it take B, the reference after
    them (a "respectively" list must not zip them with A and B)."""
    used = [j for _, _, j in landmarks if j is not None]
    claimed.update(used)
    return used


def _opens_own_clause(
    text: str, gap: str, r: ArmRef, out: list[tuple[Value, str, str]], e: int
) -> bool:
    """Whether reference ``r`` opens the clause after a ";" that ends the value's own ("In cohort
    A, the ORR was 56% (95% CI 30-80); in cohort B, the ORR was 42%"): when that clause holds
    a value of its own, ``r`` names that value's group, not the one before the ";"."""
    if not gap.lstrip(" )]").startswith(";"):
        return False
    end = text.find(";", r.end, e)
    return _value_between(out, r.end - 1, e if end < 0 else end)


def _carried_run_order(
    out: list[tuple[Value, str, str]],
    run: list[int],
    refs: list[ArmRef],
    last_named: tuple[int, list[str | None]] | None,
    one_arm: str | None = None,
) -> list[str | None] | None:
    """A bare compared run after an earlier run of the same sentence that was given its arms,
    with no arm reference between them, keeps that run's order: "more frequent with A (66.8% vs
    46.3%), and grade 3 febrile neutropenia occurred in 13.8% vs 7.6%" (A first again, not the
    design's order). A run given ``one_arm`` twice (two schedules of one regimen compared,
    ``_one_arm_compared_in_prose``) is carried too."""
    if last_named is None:
        return None
    end, names = last_named
    start = out[run[0]][0].start
    if len(names) != len(run) or None in names:
        return None
    if len(set(names)) != len(names) and not (one_arm and set(names) == {one_arm}):
        return None
    if any(end <= r.start < start for r in refs):
        return None
    return list(names)
