"""Compared pairs and lists of values and the arms they go to: "vs" brackets, bare zeros, value
lists."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from her2mine.extract.arms import ArmRef
from her2mine.extract.fastre import ARM_NOUN, OPEN_BRACKET, WordGate
from her2mine.extract.numbers import LIST_JOIN, Value
from her2mine.extract.outcomes.patterns import COMPARED_WITH_OR_TO, VS, VS_WORDS
from her2mine.extract.outcomes.prose import _compared_in_prose
from her2mine.extract.outcomes.runs import _ctx, _last_list, _runs

# "anaemia (seven [5%] vs 0)", "(12 [8%] vs none)", "(0 vs seven [5%])": a rate compared with
# a bare count of none is one of a compared pair whose other member is no value; it is the
# first (or, after the zero, the second) group of the sentence's comparison, not the group
# named last.
_SPELT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
_ZERO = r"(?:0|none|zero|nil|no\s+(?:patients?|events?|cases?))"
_VS = rf"(?:{VS_WORDS}|compared\s+with)"
_BEFORE_ZERO = re.compile(rf"[\s)\]]*\s*{_VS}\s+{_ZERO}\s*(?:[)\]]|[;,](?!\d)|\.(?!\d)|$)", re.I)
_AFTER_ZERO = re.compile(
    rf"[(\[]\s*{_ZERO}\s+{_VS}\s+(?:(?:\d[\d,]*|{_SPELT})\s*[\[(]\s*)?\Z", re.I
)
_ZERO_GATE = WordGate(("vs", "versus", "v.", "compared"))


def _beside_bare_zero(text: str, out: list[tuple[Value, str, str]], idx: list[int]) -> dict:
    """Value index -> its place in a pair with a bare zero (0 before the zero, 1 after it).
    The zero itself, read as a value ("(0 vs seven [5%])": it shares the rate's unit), is
    the first place of the same pair."""
    found = {}
    for k, i in enumerate(idx):
        v = out[i][0]
        if _BEFORE_ZERO.match(text, v.ext_end) is not None:
            found[i] = 0
        elif _AFTER_ZERO.search(text, max(0, v.start - 30), v.start) is not None:
            found[i] = 1
            if k and _is_the_zero(text, out[idx[k - 1]][0], v):
                found[idx[k - 1]] = 0
    return found


_ZERO_THEN_VS = re.compile(rf"0\s+{_VS}\s+", re.I)


def _is_the_zero(text: str, z: Value, v: Value) -> bool:
    """Whether value ``z`` is the bare zero compared with ``v`` right after it ("0 vs seven
    [5%]")."""
    return z.value == 0 and _ZERO_THEN_VS.match(text, z.start, v.start) is not None


def _zero_paired_arms(
    text: str,
    out: list[tuple[Value, str, str]],
    refs: list[ArmRef],
    zeros: dict[int, int],
    context,
    arms: list[str | None],
    decided: set[int],
) -> None:
    """Give each value of ``zeros`` its group of the sentence's comparison: two listed or
    prose-compared references before it, else (none before it) the comparison under
    discussion (``context``)."""
    for i, place in zeros.items():
        if i in decided:
            continue
        v = out[i][0]
        prev = [j for j, r in enumerate(refs) if r.end <= v.start]
        listed = _last_list(refs, prev)
        names: list[str | None] = []
        if len(listed) == 2:
            names = [refs[j].arm for j in listed]
        elif _compared_in_prose(text, refs, prev):
            names = [refs[prev[-2]].arm, refs[prev[-1]].arm]
        elif not prev:
            names = list(_ctx(context))
        if len(names) == 2 and names[place] is not None:
            arms[i] = names[place]
            decided.add(i)


# What may follow that bare value: its bracket, the clause's or sentence's end.
_BARE_END = re.compile(r"\s*(?:[()\[\];,]|\.(?!\d)|$)")
# A value's own group phrase: "in the L+C arm", "of those who received chemotherapy", and the
# group without the drug just named: "of those who did not", "of patients not receiving it".
_OWN_GROUP = re.compile(
    r"\s*(?:(?:of\s+(?:the\s+)?(?:patients|those|women|participants)\s+)?in\s+the\s+"
    r"(?:[\w+/-]+\s+){1,4}?(?:arm|group)\b|(?:of|in|among)\s+(?:those|patients|women|participants)\s+"
    r"(?:who\s+)?(?:received|receiving|were\s+given|given|treated|assigned|"
    r"(?:did|had|were)\s+not(?:\s+(?:receive|get|have)\b|(?=\s*(?:[,;.)\]]|$)))|"
    r"(?:were\s+)?not\s+(?:receiving|given|treated|assigned)\b))",
    re.I,
)
_VS_WORDS = rf"{VS_WORDS}|(?:as\s+)?{COMPARED_WITH_OR_TO}"
# Between the reference that names a value and the next, bare, value: "18.5 months in the A
# group vs 12.4 months".
_VS_GAP = re.compile(rf"\s*,?\s*(?:{_VS_WORDS})\s*", re.I)
# "52.3% in the A group (vs 16.3%; P<0.001)": a bracket opening with "vs" after an armed value
# holds the other group's value, never a breakdown of the first one's.
_VS_BRACKET = re.compile(rf"[(\[]\s*(?:{_VS_WORDS})\s", re.I)
_HEAD_TO_VS_BRACKET = re.compile(
    rf"\s*(?:patients|pts|participants|women|group|arm|cohort)?\s*[(\[]\s*(?:{_VS_WORDS})\s*",
    re.I,
)
# What may follow the value in such a bracket: its P, or a group phrase ("with TPC", "in the
# control group"; ``_vs_bracket_ends_for_a_group`` asks that it name a group).
_VS_BRACKET_END = re.compile(
    r"\s*(?:[)\];,]|(?P<phrase>(?:with|in|among|for)\s+[^()\[\];,]*)[)\]])", re.I
)
_GROUP_WORD = re.compile(r"\b(?:groups?|arms?|cohorts?|controls?|placebo|comparator)\b", re.I)


def _vs_bracket_ends_for_a_group(text: str, at: int, refs: list[ArmRef]) -> bool:
    """Whether the rest of a "(vs ...)" bracket after its value (from ``at``) is its P or a
    phrase naming a group (a group word or an arm reference): "(vs 16.3% in the overall
    population)", "(vs 46.0% in patients without brain metastases)" compare with a population,
    no other arm."""
    m = _VS_BRACKET_END.match(text, at)
    if m is None:
        return False
    start, end = m.span("phrase")
    if start < 0:
        return True
    return _GROUP_WORD.search(text, start, end) is not None or any(
        start <= q.start < end for q in refs
    )


# The phrase after the value of a "(vs ...)" bracket, up to the bracket's end or its P.
_VS_BRACKET_PHRASE = re.compile(r"\s+([^()\[\];,]{1,60}?)\s*[)\];,]")


def _vs_bracket_names_no_group(text: str, at: int, refs: list[ArmRef]) -> bool:
    """Whether the phrase after a "(vs ...)" bracket's value (from ``at``) qualifies it
    with no group word and no arm reference: "(vs 30.1% at baseline)", "(vs 16.3% in the
    overall population)", "(vs 12% before treatment)" compare with a time or a population,
    so the value is no arm's."""
    m = _VS_BRACKET_PHRASE.match(text, at)
    if m is None:
        return False
    start, end = m.span(1)
    return _GROUP_WORD.search(text, start, end) is None and not any(
        start <= q.start < end for q in refs
    )


# From a value to a "(vs ..." bracket after it: past the close of the value's own CI bracket
# ("52.3% (95% CI 45.1-59.4) (vs 30.1%)") and "of patients" ("in 45.1% of patients (vs ...").
_VALUE_TO_VS_BRACKET = re.compile(
    rf"[)\]]?\s*(?:of\s+(?:the\s+)?(?:patients|pts|participants|women)\s*)?[(\[]\s*"
    rf"(?:{_VS_WORDS})\s*",
    re.I,
)


def _vs_bracket_after_named(
    text: str,
    out: list[tuple[Value, str, str]],
    a: int,
    b: int,
    refs: list[ArmRef],
    source: dict[int, int],
) -> bool:
    """Whether value ``b`` opens a "(vs ...)" bracket right after value ``a``, whose arm the
    reference before it named ("The ORR with T-DXd was 52.3% (vs 30.1%)")."""
    va = out[a][0]
    return refs[source[a]].end <= va.start and (
        _VALUE_TO_VS_BRACKET.fullmatch(text, va.ext_end, out[b][0].start) is not None
    )


def _vs_bracket_arm(
    text: str,
    vb: Value,
    refs: list[ArmRef],
    arm: str | None,
    context: list[str | None] | Callable[[], list[str | None]],
) -> tuple[str | None] | None:
    """(The arm,) of value ``vb`` opening a "(vs ...)" bracket after a value of ``arm``, or
    None when the bracket's phrase is not read: a bare value (or one with its P, or a group
    phrase) is the other arm of a two-arm comparison under discussion, else no arm's; one
    qualified by a time or a population ("(vs 30.1% at baseline)") is no arm's."""
    if not _vs_bracket_ends_for_a_group(text, vb.ext_end, refs):
        return (None,) if _vs_bracket_names_no_group(text, vb.ext_end, refs) else None
    return (_other_arm(context, arm),)


def _other_arm(
    context: list[str | None] | Callable[[], list[str | None]], arm: str | None
) -> str | None:
    """The other arm of a two-arm comparison under discussion that holds ``arm``, else None."""
    ctx = _ctx(context)
    other = [x for x in ctx if x != arm] if len(ctx) == 2 and arm in ctx else []
    return other[0] if other else None


# The same when the next value has its own group phrase: "and" joins two groups too.
_PAIR_GAP = re.compile(rf"\s*,?\s*(?:and|{_VS_WORDS})\s*", re.I)


def _bare_value_after_vs(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
    context: list[str | None] | Callable[[], list[str | None]],
) -> None:
    """A value named by the reference right after it, then "vs" and a value no reference
    names (bare, or with a group phrase naming no defined arm after "and"/"vs": "42.9% of
    patients receiving A compared with 14.3% of patients receiving standard therapy alone"): the
    second is the other group's (the other arm of a two-arm comparison under discussion, else
    null), never the first one's reference again."""
    for a, b in itertools.pairwise(idx):
        if a not in source or b in decided:
            continue
        r = refs[source[a]]
        if r.start < out[a][0].end:
            continue
        vb = out[b][0]
        if _OWN_GROUP.match(text, vb.ext_end):
            # "9.9 months in the RC48 arm and 4.9 months in the L+C arm": a group phrase that
            # names no defined arm is still another group than the first value's
            if not _PAIR_GAP.fullmatch(text, r.end, vb.start):
                continue
        elif _HEAD_TO_VS_BRACKET.fullmatch(text, r.end, vb.start):
            if not _vs_bracket_ends_for_a_group(text, vb.ext_end, refs):
                if _vs_bracket_names_no_group(text, vb.ext_end, refs):
                    arms[b] = None  # "(vs 30.1% at baseline)": no arm's value
                    decided.add(b)
                continue
        elif not _VS_GAP.fullmatch(text, r.end, vb.start) or not _BARE_END.match(text, vb.ext_end):
            continue  # "vs 8% without dose delays": a qualified value, not the other group
        other = _other_arm(context, r.arm)
        if other and _named_before(out, idx, arms, source, a, other):
            other = None  # "2% in the A group, 20% in the B group, and 27% in the dual group"
        arms[b] = other
        decided.add(b)


def _named_before(
    out: list[tuple[Value, str, str]],
    idx: list[int],
    arms: list[str | None],
    source: dict[int, int],
    a: int,
    arm: str | None,
) -> bool:
    """Whether a value of the same end point before value ``a`` was given ``arm`` by a
    reference: the sentence lists groups one by one, so a value after both arms of the pair is a
    third group's, not the other arm's again."""
    for i in idx:
        if i >= a:
            break
        if i in source and arms[i] == arm and out[i][1] == out[a][1]:
            return True
    return False


# Between two bracketed values of one list: "thrombocytopenia (12.9%) and anemia (" — the
# closing bracket, a joiner, the next event's words (no digit: no other value) and an opening
# bracket. A comparison word among the event's words ("(16%), compared with hand-foot
# syndrome (", "versus", "whereas") opens another group's list: the reference after it is not
# the earlier values' (round 47).
_BRACKETED_LIST_GAP = re.compile(
    r"\s*[)\]]\s*(?:,\s*(?:and\s+)?|and\s+)(?!(?:compared|versus|vs|whereas|while|against)\b)"
    r"[A-Za-z](?:(?!\b(?:compared|versus|vs|whereas|while|against)\b)[A-Za-z\s/-]){0,40}?"
    r"\s*[(\[]\s*"
)


def _bracketed_list_before(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
) -> None:
    """ "thrombocytopenia (12.9%) and anemia (4.1%) with T-DM1": the reference after the last
    bracketed value of a list names every value of that list, not only the last one."""

    def joined(prev: int, cur: int) -> bool:
        return (
            _BRACKETED_LIST_GAP.fullmatch(text, out[prev][0].ext_end, out[cur][0].start) is not None
        )

    for _, k, r in _armed_by_later_ref(out, idx, refs, source, reverse=True):
        start = _run_start(k, idx, decided, joined)
        for j in idx[start:k]:
            arms[j] = r.arm
            decided.add(j)


# A list opened by a comparison word: "anaemia (10%), compared with 15%, 1%, and 3% in the
# placebo group".
# (the gate reads the text as written: its words without the first letter, whose case varies)
_COMPARED_GATE = WordGate(("ompared", "ersus", "vs", "VS", "gainst"))
_COMPARED_OPENING = re.compile(rf"\b(?:{COMPARED_WITH_OR_TO}|{VS}|as\s+against)\s*$", re.I)


def _compared_list_before_ref(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
) -> None:
    """ "neutropenia (25%), stomatitis (13%), and anaemia (10%), compared with 15%, 1%, and 3% in
    the placebo group": a bare list that a comparison word opens and a reference closes restates
    the values before it for that reference's group, so the reference names every value of the
    list (before, the first was paired with the value before the comparison word and the others
    took the earlier reference)."""

    def joined(prev: int, cur: int) -> bool:
        return out[prev][1:] == out[cur][1:] and (
            LIST_JOIN.fullmatch(text, out[prev][0].ext_end, out[cur][0].start) is not None
        )

    for _, k, r in _armed_by_later_ref(out, idx, refs, source):
        start = _run_start(k, idx, decided, joined)
        first = out[idx[start]][0].start
        if start == k or not _COMPARED_OPENING.search(text, max(0, first - 20), first):
            continue
        for j in idx[start:k]:
            arms[j] = r.arm
            decided.add(j)


def _armed_by_later_ref(
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    source: dict[int, int],
    *,
    reverse: bool = False,
) -> Iterator[tuple[int, int, ArmRef]]:
    """(value, its place in ``idx``, reference) for each value of ``idx`` armed by a reference
    written after it (``source``: value -> reference), in value order (or reversed)."""
    pos = {i: k for k, i in enumerate(idx)}
    for i in sorted(source, reverse=reverse):
        r = refs[source[i]]
        if r.start >= out[i][0].end and i in pos:
            yield i, pos[i], r


def _run_start(
    k: int, idx: list[int], decided: set[int], joined: Callable[[int, int], bool]
) -> int:
    """Where the run of undecided values that ``joined`` links, ending at ``idx[k]``, starts."""
    while k > 0 and idx[k - 1] not in decided and joined(idx[k - 1], idx[k]):
        k -= 1
    return k


# "23% and 5%": two values of one end point joined by a bare "and".
_AND_GAP = re.compile(r"\s*,?\s*and\s+")


def _value_pairs_before_refs(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
) -> None:
    """ "Grade 3 and 4 events occurred in 23% and 5% of patients in the A arm and 15% and 1% in
    the B arm": each group's two values ("23% and 5%", grade 3 then grade 4) stand before its
    reference, and the reference right after the second names the first too. Read only when the
    sentence has two or more such pairs, each before a different arm's own (unlisted)
    reference: a single "45% and 30% in the A group" may be two groups' values. A pair an
    earlier reading gave one arm ("20% and 1%, respectively, in the B arm",
    ``_runs_of_one_ref_after``) counts as another such pair."""
    pairs: list[tuple[int, int]] = []
    read: list[str | None] = []  # the arms of the pairs read before (both values one arm's)
    for a, b in itertools.pairwise(idx):
        va, vb = out[a][0], out[b][0]
        if out[a][1:] != out[b][1:] or _AND_GAP.fullmatch(text, va.ext_end, vb.start) is None:
            continue
        if a in decided and b in decided and a not in source and arms[a] == arms[b]:
            read.append(arms[a])
            continue
        if a in decided or b not in decided or b not in source:
            continue
        r = refs[source[b]]
        if r.in_list or r.start < vb.end:
            continue
        pairs.append((a, b))
    named = [arms[b] for _, b in pairs] + read
    if not pairs or len(named) < 2 or len(set(named)) < len(named):
        return
    for a, b in pairs:
        arms[a] = arms[b]
        decided.add(a)  # not in ``source``: the pair is one group's, not two groups compared


# "40.7 vs 26.9 mo for T-DXd+P vs THP": a compared run, then as many arms compared in the same
# order. The opening word and the joins between the references (group words, articles).
_FOR_COMPARED = re.compile(r"\s*,?\s*(?:for|with|in|among|on)\s+(?:the\s+)?", re.I)
_REF_VS_GAP = re.compile(
    rf"\s*(?:(?:arms?|groups?)\s*)?,?\s*(?:{_VS_WORDS})\s+(?:(?:with|in|for|on)\s+)?"
    r"(?:the\s+)?",
    re.I,
)


def _run_before_compared_refs(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    decided: set[int],
    claimed: set[int],
) -> None:
    """ "mPFS: 40.7 vs 26.9 mo for T-DXd+P vs THP": a compared run followed by "for"/"with"/
    "in" and as many references joined by "vs" names its values in that order (the nearest
    reference is the first arm's, not the second value's)."""
    for run in _runs(text, out, idx):
        if len(run) < 2 or any(i in decided for i in run):
            continue
        end = out[run[-1]][0].ext_end
        first = next((j for j, r in enumerate(refs) if r.start >= end), None)
        if first is None or first + len(run) > len(refs):
            continue
        named = refs[first : first + len(run)]
        if _FOR_COMPARED.fullmatch(text, end, named[0].start) is None:
            continue
        if any(
            _REF_VS_GAP.fullmatch(text, a.end, b.start) is None
            for a, b in itertools.pairwise(named)
        ):
            continue
        if None in (r.arm for r in named) or len({r.arm for r in named}) < len(named):
            continue
        for i, r in zip(run, named, strict=True):
            arms[i] = r.arm
            decided.add(i)
        claimed.update(range(first, first + len(run)))


def _one_arm_per_pair(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    arms: list[str | None],
    source: dict[int, int],
    decided: set[int],
) -> None:
    """Two values of one compared run are two groups, so one reference cannot name both: in
    "those who received X had better RFS than those who did not (89% vs. 78%)" only the value
    the reference is next to (one decided by a reference right after it or bracketing it), else
    the first after the reference, keeps its arm; the other values that reference reached get
    null (the other group names no regimen)."""
    for run in _runs(text, out, idx):
        if len(run) < 2:
            continue
        by_ref: dict[int, list[int]] = {}
        for i in run:
            if i in source:
                by_ref.setdefault(source[i], []).append(i)
        for members in by_ref.values():
            if len(members) < 2 or len({arms[i] for i in members}) != 1:
                continue
            keep = next((i for i in members if i in decided), members[0])
            for i in members:
                if i != keep:
                    arms[i] = None


# Round 70b: "pCR was 66.7% vs 55.1% (arm A vs B; P=.16)": a bracket right after a compared
# pair that opens with a reference, "vs" and a second group (a reference, or a bare label the
# first one's words leave out: "B", "arm B") names the pair's arms in order. Step 1 would give
# the second value the bracket's first reference.
_PAIR_LABEL_VS = re.compile(rf"\s*(?:{VS_WORDS})\s*", re.I)
_BARE_LABEL = re.compile(rf"(?:{ARM_NOUN}\s+)?(?:[A-Z]|\d{{1,2}})(?![\w-])\s*[;,:)\]]")
_PAIR_LABEL_END = re.compile(r"\s*[;,:)\]]")


def _label_bracket_after_pair(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    decided: set[int],
    context: list[str | None] | Callable[[], list[str | None]],
) -> None:
    """Give a compared pair followed by a label bracket ("(arm A vs B; P=.16)") the arms the
    label names in order; a bare second label is the design's other arm when the comparison
    under discussion holds two, else left without an arm."""
    for run in _runs(text, out, idx):
        if len(run) != 2 or any(i in decided for i in run):
            continue
        opening = OPEN_BRACKET.match(text, out[run[1]][0].ext_end)
        if opening is None:
            continue
        first = next((j for j, r in enumerate(refs) if r.start == opening.end()), None)
        if first is None or refs[first].arm is None:
            continue
        vs = _PAIR_LABEL_VS.match(text, refs[first].end)
        if vs is None:
            continue
        second = _second_label_arm(text, vs.end(), refs, refs[first].arm, context)
        if second is False:
            continue
        arms[run[0]], arms[run[1]] = refs[first].arm, second
        decided.update(run)


def _second_label_arm(
    text: str,
    at: int,
    refs: list[ArmRef],
    first: str,
    context: list[str | None] | Callable[[], list[str | None]],
) -> str | None | bool:
    """The arm of a pair label's second group starting at ``at``: its reference's, or for a
    bare label the other arm of a two-arm comparison under discussion (None when there is no
    such pair); False when no label closing the bracket's clause stands there."""
    ref = next((r for r in refs if r.start == at), None)
    if ref is not None:
        if _PAIR_LABEL_END.match(text, ref.end) is None or ref.arm in (None, first):
            return False
        return ref.arm
    if _BARE_LABEL.match(text, at) is None:
        return False
    ctx = _ctx(context)
    if len(ctx) == 2 and first in ctx and None not in ctx and ctx[0] != ctx[1]:
        return ctx[1] if ctx[0] == first else ctx[0]
    return None


# Round 72b: "pCR rates were 60% and 50% (arms A and B; P = 0.03)": a bracket right after a
# run that opens with as many references as the run holds values, joined by "and", commas or
# "vs" and closing the bracket's clause, names the run's arms in order, as "(arms A and B,
# respectively)" does. Step 1 would give the last value the bracket's first reference.
_LABEL_LIST_JOIN = re.compile(rf"\s*(?:,\s*(?:and\s+)?|and\s+|(?:{VS_WORDS})\s*)", re.I)


def _label_list_bracket_after_run(
    text: str,
    out: list[tuple[Value, str, str]],
    idx: list[int],
    refs: list[ArmRef],
    arms: list[str | None],
    decided: set[int],
) -> None:
    """Give a run followed by a bracket listing one reference per value ("(arms A and B;
    P = 0.03)") the arms the references name, in order."""
    if not any(_opens_bracket(text, r.start) for r in refs):
        return  # (no reference opens a bracket: most sentences)
    starts = {r.start: r for r in refs}
    for run in _runs(text, out, idx):
        if len(run) < 2 or any(i in decided for i in run):
            continue
        opening = OPEN_BRACKET.match(text, out[run[-1]][0].ext_end)
        if opening is None or opening.end() not in starts:
            continue
        listed = _bracket_label_list(text, starts, opening.end(), len(run))
        if listed is None:
            continue
        for i, arm in zip(run, listed, strict=True):
            arms[i] = arm
        decided.update(run)


def _opens_bracket(text: str, at: int) -> bool:
    """Whether "(" or "[" (and at most two spaces) stands right before offset ``at``."""
    return text[at - 3 if at > 3 else 0 : at].rstrip()[-1:] in ("(", "[")


def _bracket_label_list(text: str, starts: dict[int, ArmRef], at: int, n: int) -> list[str] | None:
    """The arms of ``n`` references listed from ``at`` and closing the bracket's clause, when
    each names a different arm; else None."""
    found: list[str] = []
    ref = starts[at]
    while True:
        if ref.arm is None or ref.arm in found:
            return None
        found.append(ref.arm)
        if len(found) == n:
            return found if _closes_label_list(text, ref.end) else None
        join = _LABEL_LIST_JOIN.match(text, ref.end)
        ref = starts.get(join.end()) if join else None
        if ref is None:
            return None


# Review of round 72b: "(arms A and B, combined)", "(A and B, pooled analysis)": a list whose
# comma leads to a pooling word names the arms together, so no value is one arm's.
_POOLED_AFTER_COMMA = re.compile(
    r"\s*,\s*(?:(?:the|both|all)\s+)?(?:combined|pooled|together|overall|in\s+total|total)\b",
    re.I,
)


def _closes_label_list(text: str, at: int) -> bool:
    """Whether the label list ending at ``at`` closes its bracket's clause (``_PAIR_LABEL_END``)
    without pooling its arms after a comma."""
    return _PAIR_LABEL_END.match(text, at) is not None and not _POOLED_AFTER_COMMA.match(text, at)
