"""Comparisons written in words ("A was superior to B", "than" phrases) and runs that compare
subgroups."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from her2mine.extract.arms import NO_NAMED_DRUG, PLACEBO_ONLY, ArmRef
from her2mine.extract.fastre import word_start
from her2mine.extract.numbers import Value
from her2mine.extract.outcomes.brackets import _CLAUSE_BREAK, _clause_end
from her2mine.extract.outcomes.endpoints import _PEOPLE
from her2mine.extract.outcomes.patterns import VS_OR_COMPARED
from her2mine.extract.outcomes.runs import _ctx, _last_list, _runs, context_of_count

# "A was superior to B", "A compared to B": a comparison word puts A first and B second.
_PROSE_COMPARISON = re.compile(
    rf"\b(?:{VS_OR_COMPARED}|over|than|(?:superior|inferior|relative)\s+to|"
    r"superiority\s+to|"
    r"in\s+comparison\s+(?:with|to))(?!\w)",
    re.I,
)


def _compared_after_values(
    text: str, out: list, idx: list[int], refs: list[ArmRef], run: list[int]
) -> list[str | None] | None:
    """The two arms of a prose comparison after every value of the sentence, for a compared
    pair with no reference before it: "Thrombocytopenia (12.9% vs 0.2%) and elevated AST (4.3%
    vs 0.8%) were more frequent in the T-DM1 group than in the lapatinib-capecitabine group"
    names the pairs' arms in order (the comparison of the sentence before does not)."""
    if len(run) != 2 or len(refs) < 2:
        return None
    last = out[idx[-1]][0].ext_end
    after = [j for j, r in enumerate(refs) if r.start >= last]
    if len(after) < 2:
        return None
    a, b = refs[after[0]], refs[after[1]]  # (a list's "than" joins two arms: no in_list test)
    if a.arm is None or b.arm is None or a.arm == b.arm:
        return None
    if _CLAUSE_BREAK.search(text, a.end, b.start) or not _THAN_GAP.fullmatch(text, a.end, b.start):
        return None
    if not _than_order_agrees(text, a.start, out[run[0]][0].value, out[run[1]][0].value):
        return None
    return [a.arm, b.arm]


# The comparative before "A than B": "more frequent with A than with B" puts the larger value
# first, "less frequent with A than with B" the smaller one.
_MORE_WORD = re.compile(r"\b(?:more|higher|greater|increased|longer|larger)\b", re.I)
_LESS_WORD = re.compile(r"\b(?:less|lower|fewer|reduced|shorter|smaller|decreased)\b", re.I)


def _than_order_agrees(text: str, a: int, first: float, second: float) -> bool:
    """Whether the pair (``first``, ``second``) agrees with the comparative in the 40 characters
    before the first arm of "A than B" (at ``a``): "Diarrhea (20.7% vs 1.6%) ... less frequent
    with T-DM1 than with L+C" lists L+C's rate first, so the "than" order does not name the
    pair. With no comparative word, or both, the order is not checked."""
    window = text[max(0, a - 40) : a]
    more = _MORE_WORD.search(window) is not None
    less = _LESS_WORD.search(window) is not None
    if more == less:
        return True
    return first >= second if more else first <= second


# Between the two arms of "more frequent in the A group than in the B group" / "with A than
# with B" (only "than": "versus" may open a list of its own).
_THAN_GAP = re.compile(r"(?:\s+(?:group|arm)s?)?\s+than\s+(?:(?:in|with|among|on)\s+)?(?:the\s+)?")


# "longer than in the control group": a reference that is the comparator of a "than" phrase.
_THAN_BEFORE = re.compile(r"\bthan\s+(?:(?:in|with|among|on|for)\s+)?(?:the\s+|those\s+)?\Z", re.I)


def _than_comparator(text: str, ref: ArmRef, first: float, second: float) -> bool:
    """Whether the one arm a compared pair follows is the comparator of "than" ("PFS was longer
    than in the control group (12.4 vs 8.0 months)"): the pair lists the clause's subject, the
    design's other arm, first. Not when the comparative says the first value is the
    comparator's ("longer than in the control group (8.0 vs 12.4 months)")."""
    if text.find("than", max(0, ref.start - 20), ref.start) < 0:
        return False
    if _THAN_BEFORE.search(text, max(0, ref.start - 20), ref.start) is None:
        return False
    return _than_order_agrees(text, ref.start, first, second)


# Round 97b: "more frequent with TH (11% v 23%)": a comparative that governs the one arm named
# before a compared pair ("more/less (frequent) with/in X").
_COMPARATIVE_BEFORE_REF = re.compile(
    r"\b(?:(more|higher|greater|increased|longer)|(less|lower|fewer|reduced|shorter))"
    r"(?:\s+(?:frequent|frequently|common|commonly|often))?"
    r"(?:\s+(?:observed|seen|reported|noted))?\s+(?:with|in|among|on|for)\s+"
    r"(?:the\s+)?(?:patients\s+(?:receiving|treated\s+with|given)\s+)?\Z",
    re.I,
)


def _comparative_takes_second(text: str, ref: ArmRef, first: float, second: float) -> bool:
    """Whether the one arm a compared pair follows takes the pair's second value because the
    comparative right before it says so: "more frequent with TH (11% v 23%)" gives TH the
    larger value (the bracket keeps the design's order), "less frequent with X (31% v 3%)" the
    smaller. When the pair agrees with the comparative ("more frequent with T-DM1 (31% v 3%)")
    or the values are equal, the arm keeps the first value."""
    m = _COMPARATIVE_BEFORE_REF.search(text, max(0, ref.start - 50), ref.start)
    if m is None or first == second:
        return False
    return first < second if m.group(1) else first > second


# "in group C was higher than that in groups A and B": what closes the "than" before a list
_THAN_LIST_BEFORE = re.compile(
    r"\bthan\s+(?:(?:that|those)\s+)?(?:(?:in|with|among|on|for)\s+)?(?:the\s+)?\Z", re.I
)


def _than_list_subject(text: str, refs: list[ArmRef], listed: list[int]) -> int | None:
    """The reference a "than" list is compared with, when it comes right before the list in
    one clause: "the incidence in group C was higher than that in groups A and B (87.7% vs
    21.7% and 28.4%)" lists C's value first, then the list's in order (round 81a)."""
    if len(listed) < 2 or listed[0] == 0:
        return None
    j = listed[0] - 1
    a, b = refs[j], refs[listed[0]]
    if a.in_list or a.arm is None or any(refs[k].arm == a.arm for k in listed):
        return None
    if b.start - a.end > 120 or _CLAUSE_BREAK.search(text, a.end, b.start):
        return None
    if _THAN_LIST_BEFORE.search(text, max(a.end, b.start - 30), b.start) is None:
        return None
    return j


def _than_list_runs(
    text: str, out: list, runs: list[list[int]], refs: list[ArmRef]
) -> list[list[int]]:
    """``runs`` with a "vs" run and the values joined after it by "and" read as one run when a
    "than" list names one group more than the "vs" pair (``_than_list_subject``): "87.7% vs
    21.7% and 28.4%" after "in group C ... than that in groups A and B"."""
    merged: list[list[int]] = []
    for run in runs:
        last = merged[-1] if merged else None
        if last is not None and last[-1] + 1 == run[0] and out[last[-1]][0].paired_with_next:
            prev = [j for j, r in enumerate(refs) if r.end <= out[last[0]][0].start]
            listed = _last_list(refs, prev)
            if (
                len(last) + len(run) == len(listed) + 1
                and out[last[-1]][1:] == out[run[0]][1:]
                and _than_list_subject(text, refs, listed) is not None
            ):
                last.extend(run)
                continue
        merged.append(list(run))
    return merged


def _compared_in_prose(text: str, refs: list[ArmRef], prev: list[int]) -> bool:
    """Whether the last two references in ``prev`` name two arms compared in one clause
    ("A ... versus B"), though not as a list."""
    if len(prev) < 2:
        return False
    a, b = refs[prev[-2]], refs[prev[-1]]
    return (
        a.arm is not None
        and b.arm is not None
        and a.arm != b.arm
        and not (a.in_list and b.in_list)
        and _CLAUSE_BREAK.search(text, a.end, b.start) is None
        and _PROSE_COMPARISON.search(text, a.end, b.start) is not None
    )


def _one_arm_compared_in_prose(text: str, refs: list[ArmRef], prev: list[int]) -> bool:
    """Whether the last two references in ``prev`` are two schedules of one regimen compared in
    one clause ("weekly paclitaxel was superior to paclitaxel every 3 weeks"): both name the
    same arm, as the schedule is no part of an arm, so a compared pair after them is that arm's
    twice, not that arm's and the design's other arm's. Not when the two write different drugs
    ("trastuzumab plus lapatinib was superior to trastuzumab": "trastuzumab" resolves to the one
    arm holding it, yet is the other arm) nor when the second is given at progression or after
    crossover (another arm's later line, not a schedule)."""
    if len(prev) < 2:
        return False
    a, b = refs[prev[-2]], refs[prev[-1]]
    return (
        a.arm is not None
        and a.arm == b.arm
        and a.drugs == b.drugs
        and a.arm not in (PLACEBO_ONLY, NO_NAMED_DRUG)
        and _CLAUSE_BREAK.search(text, a.end, b.start) is None
        and _PROSE_COMPARISON.search(text, a.end, b.start) is not None
        and _LATER_LINE.search(text, a.end, _clause_end(text, b.end)) is None
    )


# "trastuzumab plus docetaxel given at progression", "trastuzumab after crossover": a regimen of
# a sequence arm's later line, which resolves to the arm that gives it up front
_LATER_LINE = re.compile(
    r"\b(?:at|after|upon|on|beyond)\s+(?:disease\s+)?progression|\bcross(?:ed|ing)?[\s-]?over",
    re.I,
)


def _context_runs(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    context: list[str | None] | Callable[[], list[str | None]],
    arms: list[str | None],
    earlier: Sequence[list[str | None]] = (),
) -> None:
    """Step 2 of ``_attribute_arms`` for a sentence without arm references: each run of
    compared values as long as the comparison under discussion gets its arms (or, for a
    "respectively" run, as long as an ``earlier`` order: ``context_of_count``)."""
    ctx = None
    for run in _runs(text, out, idx):
        if len(run) < 2:
            continue
        if ctx is None:
            ctx = _ctx(context)
        if len(ctx) != len(run) and earlier:
            ctx = context_of_count(ctx, len(run), earlier)
        if len(ctx) == len(run):
            if _compares_subgroups(text, out, idx):
                return
            if _responder_groups_compared(text, out, run) or _grades_respectively(text, out, run):
                continue
            for i, a in zip(run, ctx, strict=True):
                arms[i] = a


# Round 72b: "Grades 3 and 4 adverse events occurred in 30% and 25% of patients,
# respectively": with no arm named in the sentence, "respectively" pairs the run with the
# grades listed before it (one grade per value), not with the arms under discussion: each value
# is the whole population's. ("Grade 3 or 4 events", one category, lists no grades.)
_GRADE_NUMBER = r"(?:[1-5]|IV|V|I{1,3})"
_GRADE_LIST_BEFORE = re.compile(
    rf"\bgrades?\s*({_GRADE_NUMBER}(?:\s*(?:,\s*and|,|and)\s*{_GRADE_NUMBER})+)(?![\w.·])",
    re.I,
)
_GRADE_NUMBER_RE = re.compile(_GRADE_NUMBER, re.I)
_RESPECTIVELY_AFTER = re.compile(r"[^.;]{0,40}?\brespectively\b")
_GRADE_LIST_REACH = 120  # characters before the run read for the grade list


def _grades_respectively(text: str, out: list[tuple[Value, str, str]], run: list[int]) -> bool:
    """Whether ``run`` is followed by "respectively" and a list of as many grades ends in the
    clause before it ("Grades 3 and 4 ... in 30% and 25%, respectively")."""
    a, b = out[run[0]][0].start, out[run[-1]][0].ext_end
    if text.find("respectively", b, b + 52) < 0 or _RESPECTIVELY_AFTER.match(text, b) is None:
        return False
    w = a - _GRADE_LIST_REACH if a > _GRADE_LIST_REACH else 0
    if text.find("rade", w, a) < 0:
        return False
    last = None
    for m in _GRADE_LIST_BEFORE.finditer(text, w, a):
        last = m
    if last is None or _CLAUSE_BREAK.search(text, last.end(), a):
        return False
    return len(_GRADE_NUMBER_RE.findall(last.group(1))) == len(run)


# "Early responders had a pCR rate of 35.7% compared with 19.8% in nonresponders": a value of
# the run is that of a group defined by its response to treatment ("in non-responders", "among
# early responders"), so the run compares response groups, not the arms under discussion.
_IN_RESPONDER_GROUP = re.compile(
    r"\s*(?:in|among|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:non-?)?responders\b", re.I
)


def _responder_groups_compared(
    text: str, out: list[tuple[Value, str, str]], run: list[int]
) -> bool:
    """Whether a value of ``run`` is followed by a group of (non-)responders."""
    a, b = out[run[0]][0].start, out[run[-1]][0].ext_end
    if text.find("responders", a, b + 40) < 0:
        return False
    return any(_IN_RESPONDER_GROUP.match(text, out[i][0].ext_end) for i in run)


# "In the lapatinib arm, the pCR rates were 20.5% and 30.3%, respectively": the sentence opens
# with the one group its values are all about; the "respectively" pairs them with subgroups or
# end points named before, not with the arms under discussion.
_GROUP_OPENING = re.compile(r"\W*(?:in|among|within|for)\s+(?:the\s+)?$", re.I)


def _opens_with_one_group(text: str, s: int, refs: list[ArmRef]) -> bool:
    """Whether the sentence's only arm reference opens it as "In the X arm," (its refs all
    name that one arm): every value of the sentence is that arm's."""
    r = refs[0]
    if r.start - s > 30 or any(q.arm != r.arm for q in refs):
        return False
    return _GROUP_OPENING.fullmatch(text, s, r.start) is not None and text.startswith(",", r.end)


def _compares_subgroups(text: str, out: list[tuple[Value, str, str]], idx: list[int]) -> bool:
    """Whether two values of the sentence are each followed by a subgroup of patients ("88% in
    patients with pCR and 73% in patients without pCR, and OS was 96% and 86%,
    respectively"): its compared values are those subgroups', not the arms under discussion."""
    first = out[idx[0]][0].start
    if text.find("with", first) < 0 and text.find("who", first) < 0:
        return False
    named = 0
    for i in idx:
        if _IN_SUBGROUP.match(text, out[i][0].ext_end) is not None:
            named += 1
            if named == 2:
                return True
    return False


# "Patients with visceral disease had a lower ORR than those without (70% vs 85%)", "patients
# who had not received prior X achieved a longer mPFS than those previously treated with Y": the
# sentence compares subgroups of its own, named by what their patients had (not by a regimen
# they were given: "than those who received B" is an arm); so does "than lapatinib-naive
# patients" (a prior-therapy adjective before the people).
_THAN_SUBGROUP = re.compile(
    word_start(["than", "versus", r"vs\b\.?", r"compared\s+(?:with|to)"])
    + r"\s+(?:(?:those|patients|women|participants|pts)\s+(?:without|with(?!\s+the\b)|whose|"
    r"previously|not\b|who(?!\s+(?:received|receiving|were\s+(?:given|treated|assigned|"
    r"allocated|randomi[sz]ed))))|[\w-]+-(?:na[iï]ve|pre-?treated|exposed|refractory|resistant)"
    r"\s+(?:patients|women|participants|pts)\b)"
)


def _own_subgroups_compared(text: str, s: int, first: int) -> bool:
    """Whether the words before the sentence's first value compare two subgroups of patients
    ("... than those without"): its compared values are theirs, not the arms under discussion
    carried from an earlier sentence."""
    return _THAN_SUBGROUP.search(text, s, first) is not None


# "88% in patients with pCR and 73% in patients without pCR": rates of two subgroups, named by
# what their patients had or did not have.
_SUBGROUP_TAIL = (
    r"\s+((?:with|without|who)\b[^,;()\[\]]{1,40}?)(?=\s*(?:[,;()\[\]]|\.(?!\d)|$|(?:and|vs\.?"
    r"|versus|compared)\b))"
)
_IN_SUBGROUP = re.compile(r"\s*(?:in|among)\s+(?:the\s+)?" + _PEOPLE + _SUBGROUP_TAIL, re.I)
