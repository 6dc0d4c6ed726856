"""The arm of each value of a sentence (``_attribute_arms``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from her2mine.extract.arms import ArmRef
from her2mine.extract.numbers import Value
from her2mine.extract.outcomes.brackets import _bracket_after, _clause_break_unbracketed
from her2mine.extract.outcomes.endpoints import RATIO_MEASURES
from her2mine.extract.outcomes.gaps import (
    _OF_PATIENTS,
    _bracketed_subject_gap,
    _follow_gap_ok,
    _group_given_gap,
    _leads_to,
    _of_count_gap,
    _value_between,
    _without_ref_gap,
)
from her2mine.extract.outcomes.grades import _GRADE
from her2mine.extract.outcomes.landmark_runs import (
    _carried_run_order,
    _landmark_refs,
    _landmark_runs,
    _opens_own_clause,
)
from her2mine.extract.outcomes.pairs import (
    _COMPARED_GATE,
    _VS_BRACKET,
    _ZERO_GATE,
    _bare_value_after_vs,
    _beside_bare_zero,
    _bracketed_list_before,
    _compared_list_before_ref,
    _label_bracket_after_pair,
    _label_list_bracket_after_run,
    _one_arm_per_pair,
    _run_before_compared_refs,
    _value_pairs_before_refs,
    _vs_bracket_after_named,
    _vs_bracket_arm,
    _zero_paired_arms,
)
from her2mine.extract.outcomes.prose import (
    _comparative_takes_second,
    _compared_after_values,
    _compared_in_prose,
    _context_runs,
    _one_arm_compared_in_prose,
    _opens_with_one_group,
    _own_subgroups_compared,
    _than_comparator,
    _than_list_runs,
    _than_list_subject,
)
from her2mine.extract.outcomes.runs import (
    _clause_after_respectively,
    _compared,
    _ctx,
    _last_list,
    _last_ref_before,
    _listed_refs,
    _Once,
    _refs_of_values_clause,
    _respectively,
    _runs,
    _runs_of_one_ref_after,
    _values_before_list,
    context_of_count,
)

# (review of round 80a: "In patients aged <50, 50-65 and >65 years, pCR rates were 40%, 35% and
# 30%, respectively": a list before the values is what "respectively" refers to, no earlier
# order of arms)
_OWN_LIST = re.compile(r",[^,;.]{1,40}?,?\s+(?:and|or)\s")


def _lists_own_items(text: str, s: int, out: list[tuple[Value, str, str]]) -> bool:
    """Whether the words before the sentence's first value list items of their own."""
    return bool(out) and _OWN_LIST.search(text, s, out[0][0].start) is not None


# Round 85a: "13.3 and 7.3 months in first-line and second-line patients, respectively": a
# list after the values that names no arm (no group word; it gave no arm reference) is what
# "respectively" refers to, not an earlier sentence's drugs ("who cannot tolerate docetaxel or
# paclitaxel" in a single-arm study's Background).
_OWN_LIST_AFTER = re.compile(
    r"\s+(?:in|among|for)\s+(?:the\s+)?([^,;.()\[\]]{1,50}?,?\s+(?:and|or)\s+[^,;.()\[\]]{1,50}?)"
    r",?\s+respectively\b",
    re.I,
)
_ARM_WORD = re.compile(r"\b(?:arms?|groups?|cohorts?)\b", re.I)


def _own_list_after(text: str, out: list[tuple[Value, str, str]], idx: list[int]) -> bool:
    """Whether the values ``idx`` of a "respectively" sentence are followed by a list of items
    of its own that names no arm ("in first-line and second-line patients, respectively")."""
    m = _OWN_LIST_AFTER.match(text, out[idx[-1]][0].ext_end)
    return m is not None and _ARM_WORD.search(m.group(1)) is None


def _attribute_arms(
    text: str,
    s: int,
    e: int,
    out: list[tuple[Value, str, str]],
    refs: list[ArmRef],
    context: list[str | None] | Callable[[], list[str | None]],
    resp: bool,
    added: tuple[int, list[str | None]] | None = None,
    earlier: Sequence[list[str | None]] = (),
) -> list[str | None]:
    """The arm of each value; ``context`` = arms of the comparison under discussion, in order
    (or a function returning them: reading it costs, and most sentences never need it);
    ``added``: an "addition of X to Y" phrase's end and its two arms (``addition_comparison``);
    ``earlier``: arm orders read before ``context``, latest first, for a "respectively" run
    whose count ``context`` does not match (``context_of_count``)."""
    earlier = earlier if resp and earlier and not _lists_own_items(text, s, out) else ()
    if resp and refs and (cut := _clause_after_respectively(text, s, e, out, refs)) is not None:
        return _attribute_clauses(text, s, cut, e, out, refs, context, added, earlier)
    arms: list[str | None] = [None] * len(out)
    idx = [i for i, (_, _, m) in enumerate(out) if m not in RATIO_MEASURES]
    # (a landmark run needs two values: most sentences make no call)
    landmarks = _landmark_runs(text, s, e, out, idx, refs) if len(idx) >= 2 else []
    zeros = _beside_bare_zero(text, out, idx) if _ZERO_GATE.may_hold(text, s, e) else {}
    if not refs:
        # Only compared runs can get arms, all from the comparison under discussion.
        if (
            len(idx) >= 2
            and not _own_subgroups_compared(text, s, out[idx[0]][0].start)
            and not (resp and _own_list_after(text, out, idx))
        ):
            _context_runs(text, out, idx, context, arms, earlier)
        if zeros:
            _zero_paired_arms(text, out, refs, zeros, context, arms, set())
        for run, *_ in landmarks:
            for i in run:
                arms[i] = None
        return arms
    if not idx:
        return arms
    decided: set[int] = set()
    claimed: set[int] = set()
    for run, arm, _ in landmarks:
        for i in run:
            arms[i] = arm
            decided.add(i)
    landmark_refs = _landmark_refs(landmarks, claimed) if landmarks else []
    if resp and refs:
        _runs_of_one_ref_after(text, e, out, idx, refs, arms, decided)
        listed = _listed_refs(text, s, e, refs)
        r_idx = idx
        if landmarks:  # the landmark runs and their references leave the "respectively" lists
            r_idx = [i for i in idx if i not in decided]
            listed = [r for r in listed if all(r is not refs[j] for j in landmark_refs)]
        if r_idx and _respectively(text, out, r_idx, listed, arms, decided, refs):
            return arms
        clause = _refs_of_values_clause(text, listed, out[r_idx[0]][0].start) if r_idx else None
        if clause and _respectively(text, out, r_idx, clause, arms, decided, refs):
            return arms
    source: dict[int, int] = {}  # value -> the reference that alone gave it its arm
    _values_before_list(text, out, idx, refs, arms, decided, claimed)
    if zeros:
        _zero_paired_arms(text, out, refs, zeros, context, arms, decided)
    # 0. A value in the bracket right after a reference: "with lapatinib (36 patients [23·4%])".
    for j, r in enumerate(refs):
        span = _bracket_after(text, r.end, e)
        if span is None:
            continue
        if _VS_BRACKET.match(text, span[0]):
            continue  # "in the A group (vs 16.3%)": the other group's value (see below)
        inside = [i for i in idx if span[0] < out[i][0].start < span[1]]
        if len(inside) > 1 and _grade_breakdown(text, span[0], [out[i][0] for i in inside]):
            for i in inside:  # "(grade 1, 2.7%; grade 2, 7.0%)": parts of the value before
                arms[i] = r.arm
                decided.add(i)
            continue
        if len(inside) == 1 and inside[0] not in zeros:
            arms[inside[0]] = r.arm
            decided.add(inside[0])
            source[inside[0]] = j
            # "12.1% of patients in the A group (grade 5, 0.5%)": the bracket is a breakdown;
            # the value before the reference is A's too (step 1 reads it).
            if not _leads_to(text, out, idx, decided, r.start):
                claimed.add(j)
    if _COMPARED_GATE.may_hold(text, s, e):
        _run_before_compared_refs(text, out, idx, refs, arms, decided, claimed)
        _label_bracket_after_pair(text, out, idx, refs, arms, decided, context)
    _label_list_bracket_after_run(text, out, idx, refs, arms, decided)
    # 1. A reference right after the value: "18.5 months in the pertuzumab group".
    for i in idx:
        if i in decided:
            continue
        v = out[i][0]
        for j, r in enumerate(refs):
            if r.start < v.end or j in claimed:
                continue
            gap = text[v.ext_end : r.start] if r.start >= v.ext_end else ""
            if ";" in gap and _opens_own_clause(text, gap, r, out, e):
                break
            if not _value_between(out, v.end, r.start) and (
                _follow_gap_ok(gap)
                or _group_given_gap(gap)
                or _without_ref_gap(text, gap, r)
                or _of_count_gap(gap)
                or _bracketed_subject_gap(text, out, v, gap)
            ):
                arms[i] = r.arm
                decided.add(i)
                claimed.add(j)
                source[i] = j
            break
    if source:
        _bracketed_list_before(text, out, idx, refs, arms, source, decided)
        if _COMPARED_GATE.may_hold(text, s, e):
            _compared_list_before_ref(text, out, idx, refs, arms, source, decided)
        _value_pairs_before_refs(text, out, idx, refs, arms, source, decided)
    # Arms compared earlier in this sentence are the comparison under discussion for bare
    # pairs later in it ("median OS was 21.6 months with A vs 19.8 months with B, and ORR was
    # 22% vs 16%").
    local = _compared(arms, idx)
    if local:
        context = local
    elif callable(context):
        context = _Once(context)
    # 2. Runs of compared values ("18.5 vs 12.4 months", "54.1%, 45.4%, and 46.2%").
    last_named: tuple[int, list[str | None]] | None = None  # the last named run: end, arms
    one_arm: str | None = None  # the arm of a prose comparison of one regimen's schedules
    runs = _runs(text, out, idx)
    if len(runs) > 1 and text.find("than", s, e) >= 0:
        runs = _than_list_runs(text, out, runs, refs)
    for run in runs:
        if len(run) < 2 or any(i in decided for i in run):
            continue
        prev = [j for j, r in enumerate(refs) if r.end <= out[run[0]][0].start and j not in claimed]
        listed = _last_list(refs, prev)
        names: list[str | None] | None = None
        subject = _than_list_subject(text, refs, listed) if len(run) == len(listed) + 1 else None
        # A single reference in an earlier clause ("reduced by 42% in the A arm (HR ...);
        # median OS was 18.1 versus 12.0 months") does not name the pair's first arm.
        apart = bool(prev) and _clause_break_unbracketed(
            text, refs[prev[-1]].end, out[run[0]][0].start
        )
        if subject is not None:  # "in C ... than in A and B (x vs y and z)"
            names = [refs[subject].arm] + [refs[j].arm for j in listed]
        elif len(listed) == len(run):
            names = [refs[j].arm for j in listed]
        elif added is not None and len(run) == 2 and added[0] <= out[run[0]][0].start:
            names = list(added[1])  # "the addition of X to Y ... (7.4 vs. 4.6 months)"
        elif len(run) == 2 and not apart and _compared_in_prose(text, refs, prev):
            # "A showed superior PFS versus B (median PFS, 11 v 5.6 months)"
            names = [refs[prev[-2]].arm, refs[prev[-1]].arm]
        elif len(run) == 2 and not apart and _one_arm_compared_in_prose(text, refs, prev):
            # "Weekly paclitaxel was superior to paclitaxel every 3 weeks: 42% v 29%"
            names = [refs[prev[-1]].arm] * 2
            one_arm = refs[prev[-1]].arm
        elif (
            prev
            and not refs[prev[-1]].in_list
            and not apart
            and len(run) == 2
            and len(ctx := _ctx(context)) == 2
            and (refs[prev[-1]].arm in ctx)
        ):
            first = refs[prev[-1]].arm
            names = [first, next((a for a in ctx if a != first), first)]  # (duration arms: same)
            pair = (out[run[0]][0].value, out[run[1]][0].value)
            if _than_comparator(text, refs[prev[-1]], *pair):
                names.reverse()  # "longer than in the control group (12.4 vs 8.0 months)"
            elif _comparative_takes_second(text, refs[prev[-1]], *pair):
                names.reverse()  # "more frequent with TH (11% v 23%)": TH's is the larger
        elif not prev and (after := _compared_after_values(text, out, idx, refs, run)):
            names = after
        elif (carried := _carried_run_order(out, run, refs, last_named, one_arm)) is not None:
            names = carried
        elif resp and prev and not apart and _opens_with_one_group(text, s, refs):
            names = [refs[0].arm] * len(run)
        elif (resp or not prev or (apart and not listed)) and len(
            ctx := context_of_count(context, len(run), earlier)
        ) == len(run):
            names = list(ctx)
        if names is not None:
            for i, a in zip(run, names, strict=True):
                arms[i] = a
                decided.add(i)
            last_named = (out[run[-1]][0].end, names)
    if source:
        _bare_value_after_vs(text, out, idx, refs, arms, source, decided, context)
        _bracketed_after_armed(text, out, idx, refs, arms, source, decided)
    # 3. The nearest preceding reference: "ORR with T-DXd was 60.9%"; when the sentence names a
    # single arm, every later value is that arm's ("in 38.2% of patients treated with X and
    # keratitis in 37.8%").
    single = len({r.arm for r in refs}) == 1
    for k, i in enumerate(idx):
        if i in decided:
            continue
        p = idx[k - 1] if k else -1
        if p in source and _vs_bracket_after_named(text, out, p, i, refs, source):
            read = _vs_bracket_arm(text, out[i][0], refs, arms[p], context)
            if read is not None:  # "(vs 30.1%)" after "The ORR with T-DXd was 52.3%"
                arms[i] = read[0]
                continue
        near = _last_ref_before(refs, out[i][0].start, set() if single else claimed)
        if near is not None and not refs[near].in_list:
            if _own_unread_arm(text, out[i][0], e, refs):
                continue
            arms[i] = refs[near].arm
            source[i] = near
    if len(set(source.values())) < len(source):
        _one_arm_per_pair(text, out, idx, arms, source, decided)
    return arms


def _attribute_clauses(
    text: str,
    s: int,
    cut: int,
    e: int,
    out: list[tuple[Value, str, str]],
    refs: list[ArmRef],
    context: list[str | None] | Callable[[], list[str | None]],
    added: tuple[int, list[str | None]] | None,
    earlier: Sequence[list[str | None]] = (),
) -> list[str | None]:
    """The arms of a sentence whose clause after "respectively" (from ``cut``,
    ``_clause_after_respectively``) is read on its own: the list before it with the references
    before it (and the ``earlier`` orders, for a list of another count than ``context``), the
    clause with its own."""
    k = next(i for i, (v, _, _) in enumerate(out) if v.start >= cut)
    shared = _Once(context) if callable(context) else context
    head = [r for r in refs if r.start < cut]
    tail = [r for r in refs if r.start >= cut]
    return _attribute_arms(
        text, s, cut, out[:k], head, shared, True, added, earlier
    ) + _attribute_arms(text, cut, e, out[k:], tail, shared, False, added)


# A value's own arm phrase that names no arm the design defined: "versus 6.9 months with the
# control regimen", "and 43.6% in the comparator arm", "with L+C" (an undefined short). Only
# "arm"/"regimen" (a "group" or "cohort" may be a subgroup of the one arm named before).
_OWN_ARM_AFTER = re.compile(
    r"\s*" + _OF_PATIENTS + r"(?:in|with|on|receiving)\s+"
    r"(?:the\s+(?:[\w+/-]+\s+){1,3}?(?:arm|regimen)\b|(?:the\s+)?[A-Z][\w-]*\s*\+\s*[A-Z])"
)


def _own_unread_arm(text: str, v: Value, e: int, refs: list[ArmRef]) -> bool:
    """Whether value ``v`` is followed by its own arm phrase holding no arm reference: the
    value is that other arm's, so the nearest reference before it does not name it."""
    m = _OWN_ARM_AFTER.match(text, v.ext_end, e)
    if m is None:
        return False
    return not any(m.start() < r.end and r.start < m.end() for r in refs)


# "ILD occurred in 12.1% of T-DXd pts (grade 5, 0.8%)": a bracket right after a value's own arm
# reference (and its head noun) breaks that value down; its share is that arm's, whatever the
# sentence compared before.
_HEAD_NOUN_TO_BRACKET = re.compile(
    r"\s*(?:patients|pts|participants|women|group|arm|cohort)?\s*[(\[]", re.I
)


def _bracketed_after_armed(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
) -> None:
    """Give a value opening a bracket right after the reference that gave the value before it
    its arm that arm."""
    for p, i in zip(idx, idx[1:], strict=False):
        if i in decided or p not in source:
            continue
        r = refs[source[p]]
        m = _HEAD_NOUN_TO_BRACKET.match(text, r.end)
        if m is None or r.start < out[p][0].ext_end or m.end() > out[i][0].start:
            continue
        if any(c in ")]" for c in text[m.end() : out[i][0].start]):
            continue  # the bracket closed before the value
        if _VS_BRACKET.match(text, m.end() - 1):
            continue  # "(vs 16.3%)": the other group's value (``_bare_value_after_vs``)
        if any(m.end() <= q.start < out[i][0].start for q in refs):
            continue  # the bracket names an arm of its own
        arms[i] = arms[p]
        decided.add(i)


# One item of a grade breakdown: "grade 1, 2.7%", "grade 3: 0.8%", "G2 7.0%".
_GRADE_ITEM = re.compile(rf"[\s(\[;,]*{_GRADE}\s*(?:\d|I{{1,3}}V?|IV|V)\s*[,:=]?\s*$", re.I)


def _grade_breakdown(text: str, open_at: int, values: list[Value]) -> bool:
    """Whether each value in the bracket opened at ``open_at`` is one grade's share."""
    a = open_at
    for v in values:
        if _GRADE_ITEM.match(text, a, v.start) is None:
            return False
        a = v.ext_end
    return True
