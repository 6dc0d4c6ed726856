"""Per-sentence outcome rows (``sentence_outcome_rows``) and the sentence-level readings they
use."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from types import MappingProxyType
from typing import NamedTuple

from her2mine.extract.arms import (
    ArmRef,
    ArmRegistry,
    added_drug_arms,
    addition_comparison,
    arm_refs,
    output_arm,
)
from her2mine.extract.fastre import GateSet, WordGate, search_from_end, word_start
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import EndpointLexicon
from her2mine.extract.numbers import Value, parse_values
from her2mine.extract.outcomes.attribution import _attribute_arms
from her2mine.extract.outcomes.combination import COMBINATION_GATE, combination_of_listed
from her2mine.extract.outcomes.endpoints import (
    _RESPONSES,
    _START,
    RATIO_MEASURES,
    TIME_TO_EVENT,
    _without_subgroup_endpoints,
)
from her2mine.extract.outcomes.gaps import _OF_PATIENTS, _value_between
from her2mine.extract.outcomes.grades import (
    _GradeStarts,
    grades_paired_respectively,
    values_by_grade,
)
from her2mine.extract.outcomes.not_results import (
    _associated_factor_ratio,
    _compared_groups_factor_ratio,
    _response_groups_ratio,
    _without_landmark_follow_ups,
)
from her2mine.extract.outcomes.patterns import COMPARED_WITH_OR_TO, PRIOR_WORDS, VS, subject_start
from her2mine.extract.outcomes.runs import _RESPECTIVELY, _RESPECTIVELY_GATE
from her2mine.extract.outcomes.shared_p import (
    _between_arm_ps,
    _end_point_labelled_ps,
    _share_rate_p,
    _unlinked_p_lists,
)
from her2mine.extract.outcomes.value_endpoints import _endpoint_for, _ratio_code

# (review of round 64b: "therapy was targeted to HER2" states no target value)
_NOT_AIMED = r"(?!\s+(?:to|at|with|by|against|in|using|through|via)\b)"
# Design assumptions and power calculations are not results.
_ASSUMPTION = re.compile(
    word_start(
        [r"we\s+assumed", "assuming", r"was\s+assumed", r"were\s+assumed", "hypothesi[sz]ed",
         # round 63b: "the trial assumes a 3-year EFS of at least 92%", "the study assumed a
         # median OS of 38 months" (a design's subject: Italian "patients who assumed
         # lapatinib" took it), "under the assumption of" (review: not the bare noun, "the
         # proportional-hazards assumption was met" is said of a real HR)
         "assumes", r"trial\s+assumed", r"study\s+assumed", r"it\s+assumed",
         r"under\s+the\s+assumptions?", r"assumptions?\s+(?:of\s+an?|that|(?:was|were)\s+an?)\b",
         # review of round 63b: a prediction model's figure is no result ("the model predicted a
         # 3-year IDFS of 88%"); "pertuzumab predicted longer OS (HR 0.68" names no model
         r"models?\s+predicted", r"nomograms?\s+predicted",
         r"powered\s+to", r"power\s+to\s+detect", r"sample\s+size", r"to\s+detect\s+an?",
         # a non-inferiority margin: "the upper limit of the 90% CI ... not to exceed 1.29"
         r"not\s+to\s+exceed", r"should\s+not\s+exceed", r"must\s+not\s+exceed",
         # round 64b: a single-arm design's hypotheses ("the null hypothesis was a pCR rate of
         # 30%", "a pCR rate of 30% or less was considered uninteresting and 50% was targeted")
         r"null\s+hypothes[ie]s", r"alternative\s+hypothes[ie]s", r"considered\s+uninteresting",
         r"considered\s+of\s+no\s+interest", r"deemed\s+of\s+no\s+interest",
         r"was\s+targeted" + _NOT_AIMED, r"were\s+targeted" + _NOT_AIMED]
    )
    + r"\b"
)  # fmt: skip
# A literal every _ASSUMPTION match contains.
_ASSUMPTION_WORDS = (
    "assum", "hypothesi", "hypothese", "power", "sample", "detect", "exceed", "predicted",
    "interest", "targeted",
)  # fmt: skip
_ASSUMPTION_GATE = WordGate(_ASSUMPTION_WORDS)


def sentence_outcome_rows(
    text: str,
    s: int,
    e: int,
    eps: list[Hit],
    drug_hits: list[Hit],
    registry: ArmRegistry,
    lex: EndpointLexicon,
    carry: str | None = None,
    context: list[str | None] | Callable[[], list[str | None]] | None = None,
    arms_out: list[str | None] | None = None,
    low: str | None = None,
    refs_read: dict | None = None,
    key_starts: list[int] | None = None,
    earlier: Sequence[list[str | None]] = (),
    pair_out: list[list[str | None]] | None = None,
) -> list[dict]:
    """Outcomes stated in the sentence text[s:e], as ``Outcome`` field dicts (in field order).
    ``eps``: the end points that start in the sentence (in text order); ``carry``: the last end
    point of the previous sentence (for "The hazard ratio was 0.62." after a PFS sentence);
    ``low``: the ``literal_safe`` lower-cased text (searches skip where their words are
    missing), or None; ``refs_read``: a per-document dict that keeps the sentence's
    references as (s, e) -> (registry, refs, plain): ``refs`` as attributed, for a later reader
    of the comparison under discussion, and ``plain`` as ``arm_refs`` returned them (split_weak
    off, drugs of the sentence, ``low``), for the cohort scope (both only read, never changed);
    ``key_starts``: the text's
    ``ratio_candidates`` (see ``parse_values``); ``pair_out``: gets the order of a pair of
    groups compared by their own references whose arms are equal or one none
    (``_own_groups_pair``), which ``arms_out`` cannot tell from unnamed values."""
    values = parse_values(text, s, e, key_starts)
    if not values:
        return []
    # (after the values: a sentence without any needs no assumption test)
    assumption, modeled, respectively, from_to, every_arm, pooled = _SENTENCE_GATES.read(low, s, e)
    if assumption and (m := _ASSUMPTION.search(text, s, e)) is not None:
        if _hypothesis_tested(text, s, m):
            values = [v for v in values if v.ext_end <= m.start()]
        else:
            values = _values_after_assumption(text, m.end(), e, values)
        if not values:
            return []
    out: list[tuple[Value, str, str]] = []  # value, endpoint, measure
    if eps:
        eps = _without_subgroup_endpoints(text, s, eps, low)
        if low is None or low.find("follow", s, e) >= 0:
            eps = _without_landmark_follow_ups(text, s, eps)
    needs_arms = False  # HR/OR and no values need no arm
    shared_nr = False  # a not-reached median given to a list of end points (round 74a)
    grades = None  # where grade qualifiers can start: only a sentence with AEs reads them
    factor_ratios: list[Value] = []  # ratios read as a factor's, no outcome
    if low is not None:
        for h in eps:
            if h.canonical == "AE":
                grades = _GradeStarts(low, s, e)
                break
    named = _ratio_endpoints_named_apart(text, e, values, eps, respectively) if eps else None
    zipped, grouped = (
        _endpoints_zipped(text, e, values, eps, _ArmsListed(text, drug_hits, registry, low))
        if respectively and len(eps) > 1
        else _NOT_ZIPPED
    )
    for v in values:
        if named and v.start in named:
            ep = named[v.start]
            assigned = _ratio_code(text, s, ep, v, low, grades), v.kind
        elif zipped and v.start in zipped:
            assigned = _endpoint_for(text, v, zipped[v.start], lex, s, carry, low, grades)
        else:
            assigned = _endpoint_for(text, v, eps, lex, s, carry, low, grades)
        if assigned is None:
            continue
        endpoint, measure = assigned
        if endpoint[:1] == "_":
            continue  # an end point outside the contract's list claimed this value
        if modeled and _modeled_value(text, s, v, endpoint, eps):
            continue
        if measure in RATIO_MEASURES and (
            _factor_ratio(text, low, s, v, drug_hits)
            or _response_groups_ratio(text, low, s, v)
            or _associated_factor_ratio(text, low, s, e, v, drug_hits, eps)
            or _compared_groups_factor_ratio(text, low, s, v, drug_hits)
        ):
            factor_ratios.append(v)  # (still the owner of the P printed with it: round 97a)
            continue
        if v.value is None and len(eps) >= 2 and measure == "median":
            listed = _medians_listed_with(text, v, eps, endpoint)
            out.extend((v, other, measure) for other in listed)
            shared_nr = shared_nr or bool(listed)
        out.append((v, endpoint, measure))
        if measure not in RATIO_MEASURES:
            needs_arms = True
    if not out:
        return []
    if needs_arms:
        resp = respectively and _RESPECTIVELY.search(text, s, e) is not None
        refs = plain = arm_refs(text, s, e, drug_hits, registry, split_weak=resp, low=low)
        if pooled and refs:
            refs = _without_pooled_lists(text, refs)
        if refs and not resp:
            refs = _lone_value_lists_unnamed(text, s, refs, registry)
        if len(refs) >= 2 and sum(1 for _, _, m in out if m not in RATIO_MEASURES) == 1:
            refs = _one_regimen_lists_merged(text, refs)
        if refs and "+" in text[s:e]:
            refs = _plus_joined_groups_unnamed(text, refs)
        if len(refs) == 1 and _choice_of_the_only_arm(text, refs[0], registry):
            refs = []
        if refs_read is not None and not resp:
            refs_read[s, e] = (registry, refs, plain)
        added = addition_comparison(text, s, e, drug_hits, registry, low)
        arms = _attribute_arms(
            text, s, e, out, refs, context if context is not None else [], resp, added, earlier
        )
        if shared_nr:
            _listed_medians_share_arm(out, arms)
        if len(out) >= 2 and len(refs) == 1:  # (one arm phrase, named once)
            _trailing_arm_of_own_endpoints(text, out, arms, refs, eps)
        if not refs and (low is None or low.find("grade", s, e) >= 0):
            values_by_grade(text, s, e, out, arms)
        if resp and len(out) >= 4 and (low is None or low.find("grade", s, e) >= 0):
            grades_paired_respectively(text, out)
        if zipped and len({r.arm for r in refs}) < 2:
            _arm_endpoint_pairs(out, arms, zipped, refs[0].arm if refs else None)
        if grouped:
            _arms_of_listed_groups(text, out, arms, zipped)
        if from_to:
            _from_to_arms(text, s, e, out, arms, drug_hits, registry, low)
        if resp and refs:
            _duration_arms_respectively(text, out, arms, refs)
        if len(out) >= 3 and COMBINATION_GATE.may_hold(low, s, e):
            combination_of_listed(text, out, arms, registry)
    else:
        arms = [None] * len(out)
    if len(out) >= 2:  # a shared P needs two rates (most sentences give one value)
        _share_rate_p(text, s, e, out, arms, low, refs if needs_arms else None, eps, factor_ratios)
    if len(out) >= 3:  # a bare P list is only unlinked after three compared values or more
        ps = _between_arm_ps(text, s, e)
        _unlinked_p_lists(text, s, out, ps)
        if len(out) >= 4 and len(eps) >= 2:  # two end points, each with a compared pair
            _end_point_labelled_ps(text, s, e, out, eps, ps)
    if arms_out is not None and needs_arms:  # internal arm names (a placebo-only group
        # included), in order; without ``needs_arms`` every value is an HR/OR, which has none
        arms_out.extend(
            [a for a, (_, _, m) in zip(arms, out, strict=True) if m not in RATIO_MEASURES]
        )
        if pair_out is not None and len(refs) == 2 and _compares_no_two_regimens(registry):
            if pair := _own_groups_pair(out, arms, refs):
                pair_out.append(pair)
        elif (
            pair_out is not None
            and len(refs) >= 3
            and (
                twins := _twin_groups(out, arms, refs, listed=False)
                or (resp and _twin_groups(out, arms, refs, listed=True))
            )
        ):
            pair_out.append(twins)
    sentence = text[s:e]
    if (
        None in arms
        and (every_arm or _WHOLE_POPULATION_GATE.may_hold(low, s, e))
        and _one_regimen_groups(registry)
    ):
        _pooled_over_one_regimen(text, s, out, arms, registry)
    if every_arm and (None in arms or _one_regimen_groups(registry)):
        return _every_arm_rows(text, out, arms, registry, sentence, e)
    return [
        _row(v, endpoint, measure, arm, sentence)
        for (v, endpoint, measure), arm in zip(out, arms, strict=True)
    ]


# "The HR was 0.86 (95% CI ...) for progression-free survival and 0.83 (...) for overall
# survival", "hazard ratios were 0.62 and 0.70 for PFS and OS, respectively": a ratio whose end
# point is written after it, "for" right after its statistics bracket (a subgroup there, "for
# patients with ...", names none). "The HRs for PFS and OS were 0.62 and 0.70, respectively":
# a key naming as many end points as it has ratios zips them in order.
_FOR_AFTER_RATIO = re.compile(
    r"[\s)\]]*,?\s*(?:for|in\s+terms\s+of|with\s+respect\s+to)\s+(?:the\s+|both\s+)?"
)
_EP_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
# "objective response rate (ORR) and ...": a listed end point's own short-form bracket (its hit
# is left out of the list: ``_without_definition_brackets``)
_SHORT_FORM_BRACKET = re.compile(r"\s*[(\[]\s*[A-Za-z][^()\[\]\d,;]{0,15}[)\]]")


def _compares_no_two_regimens(registry: ArmRegistry) -> bool:
    """Whether the design names fewer than two distinct regimens (a sequence trial, a cohort
    study): only then is a pair of one regimen, or of a drugless group, the comparison; beside
    two designed regimens it is a misread pair."""
    return len({a.name for a in registry.arms if a.name}) < 2


def _own_groups_pair(
    out: list[tuple[Value, str, str]], arms: list[str | None], refs: list[ArmRef]
) -> list[str | None]:
    """The arms of two groups each named with its own value of one end point ("57.1% in the
    EC-first group and 61.4% in the THP-first group", "86.2% with trastuzumab and 73.5% without
    trastuzumab"), in order, when the two carry one regimen (a sequence trial) or one carries
    none: an order a later "respectively" run refers to (round 84a). Else []."""
    idx = [i for i, (_, _, m) in enumerate(out) if m not in RATIO_MEASURES]
    if len(idx) != 2 or any(r.in_list for r in refs):
        return []
    pair = [arms[i] for i in idx]
    (_, ep0, m0), (_, ep1, m1) = out[idx[0]], out[idx[1]]
    if pair != [refs[0].arm, refs[1].arm] or (ep0, m0) != (ep1, m1) or not any(pair):
        return []
    return pair if pair[0] == pair[1] or None in pair else []


def _twin_groups(
    out: list[tuple[Value, str, str]], arms: list[str | None], refs: list[ArmRef], *, listed: bool
) -> list[str | None]:
    """The arms of three groups or more each given its value of one end point, in order, when
    two of them carry one regimen: the sentence's distinct arms are fewer than its groups, so
    this order, twins kept, is the one a later "respectively" run of as many values ("in these
    arms, respectively") refers to. Else [].

    Not ``listed``: each group named with its own value (dose arms: "87.5% in group A, 83.3% in
    group B and 70.8% in group C", A and B two doses of one drug; round 86a), every value of
    the sentence one group's. ``listed``: round 95c, "88%, 87%, and 86% in the L+T, T→L, and T
    arms, respectively", a list of the groups zipped in order with as many values (the first
    ones), two of the groups one regimen (a sequence and a combination of the same drugs)."""
    if any(r.in_list != listed for r in refs):
        return []
    order = [r.arm for r in refs]
    if None in order or not 2 <= len(set(order)) < len(order):
        return []
    idx = [i for i, (_, _, m) in enumerate(out) if m not in RATIO_MEASURES]
    if listed:
        idx = idx[: len(order)]
    if [arms[i] for i in idx] != order or len({out[i][1:] for i in idx}) != 1:
        return []
    return order


def _ratio_endpoints_named_apart(
    text: str, e: int, values: list[Value], eps: list[Hit], respectively: bool = False
) -> dict[int, Hit]:
    """The end point of each ratio in ``values`` named apart from its key, by the ratio's start:
    after it ("<ratio> for <end point>", a list "for A and B" zipped with as many listed ratios
    of one key), as a "respectively" list inside its key, or (``respectively``: the sentence
    may hold the word) as a list of end points before a "respectively" run of as many ratios
    (``_ratios_listed_respectively``). Empty for most sentences."""
    out: dict[int, Hit] = {}
    runs: dict[int, list[Value]] = {}
    for v in values:
        if v.kind in RATIO_MEASURES and v.key_start is not None:
            runs.setdefault(v.key_start, []).append(v)
    if not runs:
        return out  # (most sentences: no ratio with a key)
    for ks, run in runs.items():
        in_key = [h for h in eps if ks <= h.start and h.end <= run[0].start]
        if len(in_key) > 1:
            listed = _endpoint_list(text, eps, in_key[0].start)
            if len(listed) == len(run) == len(in_key) and _RESPECTIVELY.search(
                text, run[-1].end, e
            ):
                out.update(zip((v.start for v in run), listed, strict=True))
            continue
        if in_key:
            continue
        for k, v in enumerate(run):
            m = _FOR_AFTER_RATIO.match(text, v.ext_end, e)
            if m is None:
                continue
            listed = _endpoint_list(text, eps, m.end())
            if len(run) > 1 and k == len(run) - 1 and len(listed) == len(run):
                out.update(zip((w.start for w in run), listed, strict=True))
            elif listed:
                out[v.start] = listed[0]
    if not out and respectively and len(eps) > 1:
        out = _ratios_listed_respectively(text, e, values, eps)
    if not out:
        return out
    return {
        start: h
        for start, h in out.items()
        if h.canonical not in _RESPONSES or next(v.kind for v in values if v.start == start) != "HR"
    }


# Round 97a: "hazard ratios for overall survival and disease-free survival favoured X (HR 0.66,
# ..., P < 0.00001 and HR 0.60, ..., respectively)", "OS and DFS were improved (HR 0.66 and
# 0.60, respectively)": a list of end points, then as many ratios (each with its own key or one
# key for all) closed by "respectively", zip in order. Not without "respectively", nor with
# another end point or a value of another measure between the list and the ratios.
_LIST_TO_RATIOS = 120  # most characters between the listed end points and their first ratio


def _ratios_listed_respectively(
    text: str, e: int, values: list[Value], eps: list[Hit]
) -> dict[int, Hit]:
    """The listed end point of each ratio of a "respectively" run of ratios after a list of as
    many end points (the last end points before the first ratio), by the ratio's start; else
    empty."""
    ratios = [v for v in values if v.kind in RATIO_MEASURES]
    if len(ratios) < 2 or len({v.kind for v in ratios}) != 1:
        return {}
    first, last = ratios[0], ratios[-1]
    before = [h for h in eps if h.end <= first.start]
    if len(before) < 2 or first.start - before[-1].end > _LIST_TO_RATIOS:
        return {}
    listed = next(
        (x for h in before if (x := _endpoint_list(text, eps, h.start))[-1] is before[-1]), []
    )
    if len(listed) != len(ratios):
        return {}
    r = _RESPECTIVELY.search(text, last.ext_end, e)
    if r is None or any(
        listed[-1].end <= v.start < r.start() and v.kind not in RATIO_MEASURES for v in values
    ):
        return {}
    if any(first.start < h.start < r.start() for h in eps) or any(
        last.start < v.start < r.start() for v in values
    ):
        return {}
    return dict(zip((v.start for v in ratios), listed, strict=True))


# "Median PFS and OS were 7.2 months (95% CI ...) and 15.1 months (...), respectively": a list
# of end points whose values follow in as long a "respectively" run shares them out in order;
# runs of as many values after it ("..., and 9.0 and 18.2 months in the IHC 3+ subgroup") too.
_LIST_TO_VALUES = 90  # most characters between the listed end points and their first value


class _ArmsListed:
    """Whether text[a:b] refers to two arms or more: "Median PFS and OS with A and B were 7.2
    and 5.1 months, respectively" pairs its run with the arms, the nearer list."""

    def __init__(self, text: str, drug_hits: list[Hit], registry: ArmRegistry, low: str | None):
        self.text, self.drug_hits, self.registry, self.low = text, drug_hits, registry, low

    def __call__(self, a: int, b: int) -> bool:
        refs = arm_refs(
            self.text, a, b, self.drug_hits, self.registry, split_weak=True, low=self.low
        )
        return len({r.arm for r in refs if r.arm is not None}) >= 2


class _Zipped(NamedTuple):
    """A "respectively" run zipped with a list of end points (``_endpoints_zipped``)."""

    by_value: Mapping[int, list[Hit]]  # a value's start -> the end points it is read against
    grouped: bool  # the run is one group of the listed end points' values per arm


_NOT_ZIPPED = _Zipped(MappingProxyType({}), False)  # (read-only: shared)


def _endpoints_zipped(
    text: str, e: int, values: list[Value], eps: list[Hit], arms_listed: _ArmsListed
) -> _Zipped:
    """For each value of a "respectively" run zipped with a list of end points before it, by
    the value's start: the sentence's end points less the list's other members (so the value
    is read against its own). Empty unless the run has exactly as many values as the list
    and no list of arms stands between them (``arms_listed``), or one group of them per arm
    (``_groups_of_listed``; then ``grouped`` is set)."""
    eps = _without_definition_brackets(text, eps)
    for i, h in enumerate(eps):
        listed = _endpoint_list(text, eps, h.start)
        if len(listed) < 2:
            continue
        n = len(listed)
        after = [v for v in values if v.kind not in RATIO_MEASURES and v.start >= listed[-1].end]
        r = _RESPECTIVELY.search(text, listed[-1].end, e)
        if r is None or not after or after[0].start - listed[-1].end > _LIST_TO_VALUES:
            return _NOT_ZIPPED
        run = [v for v in after if v.end <= r.start()]
        if not run or any(x.start < run[-1].start for x in eps[i + n :]):
            return _NOT_ZIPPED  # another end point among the values
        if arms_listed(listed[-1].end, run[0].start):
            return _NOT_ZIPPED  # "respectively" shares the run out among those arms
        others = [x for x in eps if x not in listed]
        out: dict[int, list[Hit]] = {}
        if len(run) != n and _groups_of_listed(text, run, n, r.start(), arms_listed):
            by_group = {
                v.start: sorted(others + [listed[j % n]], key=_START) for j, v in enumerate(run)
            }
            return _Zipped(by_group, True)
        if len(run) != n:
            k = _compared_group_size(text, run, n)
            for j, v in enumerate(run if k else ()):
                out[v.start] = sorted(others + [listed[j // k]], key=_START)
            return _Zipped(out, False)  # (empty for values of another count: arms, pairs)
        if len(after) % n:
            after = run
        for k, v in enumerate(after):
            out[v.start] = sorted(others + [listed[k % n]], key=_START)
        return _Zipped(out, False)
    return _NOT_ZIPPED


# "The objective response rate (ORR) and disease control rate (DCR) were ...": a listed end
# point's definition bracket right after it, same end point, is no member of the list.
_DEFINITION_OPEN = re.compile(r"\s*[(\[]\s*")
_DEFINITION_CLOSE = re.compile(r"\s*[)\]]")


def _without_definition_brackets(text: str, eps: list[Hit]) -> list[Hit]:
    """``eps`` less each hit that is the bracketed short form of the hit before it."""
    kept = eps[:1]
    for h in eps[1:]:
        prev = kept[-1]
        if (
            h.canonical == prev.canonical
            and _DEFINITION_OPEN.fullmatch(text, prev.end, h.start) is not None
            and _DEFINITION_CLOSE.match(text, h.end) is not None
        ):
            continue
        kept.append(h)
    return kept


# Round 80a: "Grade 3 diarrhea occurred in 11.9% of patients and hand-foot syndrome in 8.5% of
# patients in the combination arm", "Diarrhea and hand-foot syndrome occurred in 11.9% and 8.5%
# of patients in the combination arm": one arm phrase after a coordination in which each value
# has its own end point is every value's. (One end point's values, "Diarrhea occurred in 11.9%
# and 8.5% ...", are no such coordination.)
_COORDINATED_GAP = re.compile(r"[^;:.]{0,80}")
# what joins a value to the next value's own end point: "11.9% of patients and grade 3 hand-foot
# syndrome" (a bare "and", no clause of its own: "whereas", "was most common")
_EVENT_JOIN = re.compile(
    r"\s*[)\]]?\s*" + _OF_PATIENTS + r"(?:,\s*)?and\s+(?:(?:any[\s-])?grades?\b[^,;()]{0,20}?\s+)?",
    re.I,
)
_BARE_JOIN = re.compile(r"[)\]]?\s*(?:,\s*)?(?:and\s+)?" + _OF_PATIENTS)
_ARM_PHRASE_REACH = 40  # characters between the last value and the arm phrase after it


def _trailing_arm_of_own_endpoints(
    text: str,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    refs: list[ArmRef],
    eps: list[Hit],
) -> None:
    """Give the unarmed values coordinated before a value whose arm (the sentence's only
    reference, ``refs``) is named right after it that arm, when each has its own end point
    (see above)."""
    arm = refs[0].arm
    if arm is None:
        return
    for j in range(len(out) - 1, 0, -1):
        v = out[j][0]
        if arms[j] != arm or out[j][2] in RATIO_MEASURES or arms[j - 1] is not None:
            continue
        if not any(v.ext_end <= r.start <= v.ext_end + _ARM_PHRASE_REACH for r in refs):
            continue
        group = _coordinated_before(text, out, arms, j)
        if len(group) >= 2 and _own_endpoint_each(text, out, group, eps):
            for i in group:
                arms[i] = arm
        return


def _coordinated_before(
    text: str, out: list[tuple[Value, str, str]], arms: list[str | None], j: int
) -> list[int]:
    """``j`` and the unarmed non-ratio values before it in its clause, first to last."""
    group = [j]
    i = j - 1
    while i >= 0 and arms[i] is None and out[i][2] not in RATIO_MEASURES:
        if _COORDINATED_GAP.fullmatch(text, out[i][0].ext_end, out[i + 1][0].start) is None:
            break
        group.insert(0, i)
        i -= 1
    return group


def _own_endpoint_each(
    text: str, out: list[tuple[Value, str, str]], group: list[int], eps: list[Hit]
) -> bool:
    """Whether each value of ``group`` has its own end point: one named between it and the
    value before, joined to that value by a bare "and" (``_EVENT_JOIN``: "11.9% of patients and
    hand-foot syndrome in 8.5%"), or a list of as many end points before the group, whose values are
    joined bare ("Diarrhea and hand-foot syndrome occurred in 11.9% and 8.5%")."""
    values = [out[i][0] for i in group]
    between = True
    for a, b in pairwise(values):
        hits = [h for h in eps if a.ext_end <= h.start and h.end <= b.start]
        if len(hits) != 1 or _EVENT_JOIN.fullmatch(text, a.ext_end, hits[0].start) is None:
            between = False
            break
    if between:
        return True
    if any(_BARE_JOIN.fullmatch(text, a.ext_end, b.start) is None for a, b in pairwise(values)):
        return False
    before = [h for h in eps if h.end <= values[0].start]
    if len(before) < len(values):
        return False
    listed = _endpoint_list(text, eps, before[-len(values)].start)
    return len(listed) == len(values) and listed[-1] is before[-1]


def _arm_endpoint_pairs(
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    zipped: Mapping[int, list[Hit]],
    arm: str | None,
) -> None:
    """ "Diarrhoea and rash occurred in 31% and 8%, respectively": a run zipped one value per
    listed end point (``_endpoints_zipped``) pairs with those events, not with the arms of the
    comparison under discussion: its values have the one arm the sentence names (``arm``), or
    none."""
    if len({tuple(h.start for h in hs) for hs in zipped.values()}) < len(zipped):
        return  # values of one end point compared ("7.2 vs 5.1 months and ..."): arms' values
    for i, (v, _, _) in enumerate(out):
        if v.start in zipped:
            arms[i] = arm


# "Median PFS and OS were 7.2 vs 5.1 months and 15.1 vs 12.0 months, respectively": a run of
# compared values per listed end point, each group's values joined by "vs" (the arms compared)
# and the groups by "and" or a comma.
# (the short words without their dots: "vs." needs no word character after it)
_COMPARED_GAP = re.compile(rf"\b(?:vs|versus|v|{COMPARED_WITH_OR_TO})\b", re.I)
_GROUP_GAP = re.compile(r"(?:,|;|\band\b)")


def _compared_group_size(text: str, run: list[Value], n: int) -> int:
    """How many compared values each of ``n`` listed end points has in ``run`` (two or more,
    the same for each), or 0 when the run is no such equal groups."""
    if len(run) < 2 * n or len(run) % n:
        return 0
    k = len(run) // n
    for j in range(1, len(run)):
        gap = text[run[j - 1].ext_end : run[j].start]
        compared = _COMPARED_GAP.search(gap) is not None
        if compared == (j % k == 0) or (j % k == 0 and _GROUP_GAP.search(gap) is None):
            return 0
    return k


# "The ORR and DCR were 68% and 85% in the study group and 40% and 70% in the control group,
# respectively": each group's values list the end points in order, bare "and" or commas
# between them, the group named after each list.
# (A value's CI bracket ends after its ``ext_end``: "12.1 months (95% CI 10.2-14.0) and 30.2
# months", review of round 60a.)
_IN_GROUP_GAP = re.compile(r"[)\]]?\s*(?:,\s*)?(?:and\s+)?")


def _groups_of_listed(
    text: str, run: list[Value], n: int, end: int, arms_listed: _ArmsListed
) -> bool:
    """Whether ``run`` is groups of ``n`` values, one per listed end point, joined bare within
    a group and not between groups, the text from the run to ``end`` ("respectively") naming
    two arms or more (see above)."""
    if len(run) < 2 * n or len(run) % n:
        return False
    for j in range(1, len(run)):
        bare = _IN_GROUP_GAP.fullmatch(text, run[j - 1].ext_end, run[j].start) is not None
        if bare == (j % n == 0):
            return False
    return arms_listed(run[0].start, end)


def _arms_of_listed_groups(
    text: str,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    zipped: Mapping[int, list[Hit]],
) -> None:
    """ "68% and 85% in the study group": in a group of listed end points' values
    (``_groups_of_listed``), a value with no arm joined bare to the next value, of another end
    point, has that value's arm (the group's reference follows its last value)."""
    for i in range(len(out) - 2, -1, -1):
        (v, ep, _), (w, ep_next, _) = out[i], out[i + 1]
        if arms[i] is not None or arms[i + 1] is None or ep == ep_next:
            continue
        if (
            v.start in zipped
            and w.start in zipped
            and _IN_GROUP_GAP.fullmatch(text, v.ext_end, w.start)
        ):
            arms[i] = arms[i + 1]


# Round 74a: "Median DoR and OS were not reached (in either arm)": one not-reached median said
# of a list of time-to-event end points is each one's.
_VERB_BEFORE_NR = re.compile(r"\s+(?:were|have|had)\s+(?:both\s+)?")


def _medians_listed_with(text: str, v: Value, eps: list[Hit], endpoint: str) -> list[str]:
    """The end points before ``endpoint`` in the time-to-event list ("DoR and OS") that a
    not-reached median ``v`` follows with its verb alone ("were not reached"); else empty."""
    i = next((k for k in range(len(eps) - 1, -1, -1) if eps[k].end <= v.start), -1)
    if i < 1 or not _VERB_BEFORE_NR.fullmatch(text, eps[i].end, v.start):
        return []
    j = i
    while j > 0 and _EP_LIST_JOIN.fullmatch(text, eps[j - 1].end, eps[j].start):
        j -= 1
    codes = [h.canonical for h in eps[j : i + 1]]
    if j == i or codes[-1] != endpoint or len(set(codes)) < len(codes):
        return []
    if any(c not in TIME_TO_EVENT for c in codes):
        return []
    return codes[:-1]


def _listed_medians_share_arm(out: list[tuple[Value, str, str]], arms: list[str | None]) -> None:
    """Give the rows of one listed not-reached median (``_medians_listed_with``: one value, each
    listed end point's) the arm one of them got ("Median PFS and OS were not reached in the A
    arm": the reference after the value is claimed by its first row only)."""
    k = 0
    while k < len(out):
        j = k
        while j + 1 < len(out) and out[j + 1][0] is out[k][0]:
            j += 1
        if j > k and out[k][0].value is None:
            named = {arms[i] for i in range(k, j + 1)} - {None}
            if len(named) == 1:
                arms[k : j + 1] = [named.pop()] * (j + 1 - k)
        k = j + 1


def _endpoint_list(text: str, eps: list[Hit], at: int) -> list[Hit]:
    """The end points listed from ``at`` on ("PFS, OS and ORR"): the one starting there and
    each joined to the one before by a comma or "and"."""
    i = next((k for k, h in enumerate(eps) if h.start == at), None)
    if i is None:
        return []
    listed = [eps[i]]
    for h in eps[i + 1 :]:
        d = _SHORT_FORM_BRACKET.match(text, listed[-1].end, h.start)
        m = _EP_LIST_JOIN.match(text, listed[-1].end if d is None else d.end(), h.start)
        if m is None or m.end() != h.start:
            break
        listed.append(h)
    return listed


# "brain metastasis was an independent factor for PFS (HR=1.85 ...)": a multivariable model's
# factor, whose ratio is no treatment effect.
_INDEPENDENT_FACTOR = re.compile(
    r"\bindependent(?:ly)?\s+(?:(?:adverse|poor|favou?rable|unfavou?rable)\s+)?"
    r"(?:(?:prognostic|predictive|risk|protective)\s+)?(?:factors?|predictors?|indicators?)\b"
    r"|\bindependently\s+(?:associated|correlated)\s+with\b",
    re.I,
)
# Where the factor's subject starts: after "showed that", a comma or a colon.
# (unlike not_results._CLAUSE_HEAD, not after "whereas" or "while")
_SUBJECT_START = subject_start("that")
# A subject that names the randomised treatment without a drug ("treatment arm", "randomization
# to the experimental group"): its ratio is the treatment effect. Narrower than
# not_results._TREATED_SUBJECT: a model's factors name therapies the patients had ("prior
# therapy", "number of treatment lines").
_TREATMENT_SUBJECT = re.compile(
    r"\b(?:(?:treatment|study|experimental|randomi[sz]ed)\s+(?:arms?|groups?|assignment|"
    r"allocation)|randomi[sz]ation|allocation)\b",
    re.I,
)
# A drug the patients had before the study ("prior pertuzumab"): a factor, not the treatment.
# (unlike not_results._EARLIER_DRUG, "earlier" too)
_PRIOR_BEFORE = re.compile(rf"\b(?:{PRIOR_WORDS}|earlier)\b", re.I)


def _factor_ratio(text: str, low: str | None, s: int, v: Value, drug_hits: list[Hit]) -> bool:
    """Whether ratio ``v`` follows "<subject> was an independent factor/predictor" in its
    sentence (from ``s``) and the subject names no treatment (no drug, or only one given
    before the study): a prognostic factor's ratio ("prior pertuzumab was an independent
    predictor of shorter PFS (HR=1.62"), not the treated arms' comparison."""
    if low is not None and low.find("independent", s, v.start) < 0:
        return False
    found = list(_INDEPENDENT_FACTOR.finditer(text, s, v.start))
    if not found:
        return False
    m = found[-1]
    a = s
    for head in _SUBJECT_START.finditer(text, s, m.start()):
        a = head.end()
    if _TREATMENT_SUBJECT.search(text, a, m.start()) is not None:
        return False  # "treatment arm was an independent predictor of IDFS (HR 0.81"
    for h in drug_hits:
        if a <= h.start < m.start() and _PRIOR_BEFORE.search(text, a, h.start) is None:
            return False  # "treatment with pyrotinib was an independent predictor"
        if m.end() <= h.start < v.start and _SUBJECT_START.search(text, m.end(), h.start):
            return False  # "(a model with age as independent factors), T-DM1 reduced ... (HR"
    return True


# "an increase in the 10-year OS rate from 75.2% to 84%": a change from the control's value to
# the experimental arm's (the values right before "to" and right after "from").
_FROM_TO_GATE = WordGate(("from",))
_FROM_BEFORE = search_from_end(re.compile(r"\bfrom\s+$", re.I))
_TO_GAP = re.compile(r"\s*(?:up\s+)?to\s+", re.I)


def _from_to_arms(
    text: str,
    s: int,
    e: int,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    drug_hits: list[Hit],
    registry: ArmRegistry,
    low: str | None,
) -> None:
    """A change "from X to Y" of one end point whose two values got the same arm (the nearest
    reference, usually the drug added) in a design of two or more arms: X is the control's
    value, Y the experimental arm's. When the sentence says which drug was added ("the
    addition of trastuzumab ... from 75.2% to 84%") X takes the arm without it and Y the arm
    with it; otherwise neither is known, and both get arm null (null beats wrong). A change
    written with its own arm after it ("from 30% to 45% in the A arm") is that arm's."""
    if sum(1 for a in registry.arms if a.name) < 2:
        return
    pair: tuple[str | None, str | None] | None = None
    looked_up = False  # (the added drug is read once, for the first change only)
    for i in range(len(out) - 1):
        (a, ep_a, m_a), (b, ep_b, m_b) = out[i], out[i + 1]
        if m_a in RATIO_MEASURES or (ep_a, m_a) != (ep_b, m_b) or arms[i] is None:
            continue
        if arms[i] != arms[i + 1] or not _TO_GAP.fullmatch(text, a.ext_end, b.start):
            continue
        if _FROM_BEFORE.match(text, max(s, a.start - 8), a.start) is None:
            continue
        if _OWN_ARM_AFTER_CHANGE.match(text, b.ext_end, e):
            continue
        if not looked_up:
            pair, looked_up = added_drug_arms(text, s, e, drug_hits, registry, low), True
        if pair is not None and arms[i] in pair:
            arms[i], arms[i + 1] = pair[1], pair[0]
        else:
            arms[i] = arms[i + 1] = None


# A group phrase right after a change's second value: "from 30% to 45% in the A arm".
_OWN_ARM_AFTER_CHANGE = re.compile(
    r"\s*(?:in|with|among|for|of)\s+(?:the\s+|those\s+|patients\s+|pts\s+)", re.I
)


# "6 months vs 12 months of trastuzumab": arms told apart by duration alone, then their drug.
_DURATION = r"(?:\d+|one|two|three|six|nine|twelve)[\s-]*(?:months?|years?|weeks?)"
_DURATION_LIST = re.compile(
    r"(?<![\w-])"
    + _DURATION
    + rf"(?:\s*(?:,|{VS}|or|and|,\s*and|,\s*or)\s*"
    + _DURATION
    + r")+\s+(?:of\s+)?(?:adjuvant\s+|neoadjuvant\s+)?$",
    re.I,
)
_DURATION_LIST_END = search_from_end(_DURATION_LIST)
_DURATION_ITEM = re.compile(_DURATION, re.I)


def _choice_of_the_only_arm(text: str, ref: ArmRef, registry: ArmRegistry) -> bool:
    """Whether ``ref`` names the design's only arm by its choice of drugs ("patients treated
    with docetaxel or paclitaxel with trastuzumab had a median PFS of 12.1 months", a cohort
    given either taxane): the value pools the choices, a whole-population value (no arm)."""
    if " or " not in text[ref.start : ref.end]:
        return False
    return sum(1 for a in registry.arms if not a.special) == 1


def _duration_arms_respectively(
    text: str, out: list[tuple[Value, str, str]], arms: list[str | None], refs: list[ArmRef]
) -> None:
    """ "4-year DFS for 6 months vs 12 months of trastuzumab was 89.4% and 89.8%,
    respectively": the listed durations are arms of one regimen (a design whose arms differ
    only in duration names both by that regimen, see the duration groups of ``arms.py``), so
    each listed value takes the regimen's arm; reading the one reference as the first value's
    only gave the second arm null."""
    for r in refs:
        if r.arm is None:
            continue
        a = max(0, r.start - 80)
        if _DURATION_LIST_END.match(text, a, r.start) is None:
            continue
        m = _DURATION_LIST.search(text, a, r.start)  # where the list starts (it matches)
        if m is None:
            continue
        n = len(_DURATION_ITEM.findall(text, m.start(), m.end()))
        idx = [i for i, (_, _, meas) in enumerate(out) if meas not in RATIO_MEASURES]
        if len(idx) != n or len({out[i][1:] for i in idx}) != 1:
            return
        if all(arms[i] in (None, r.arm) for i in idx):
            for i in idx:
                arms[i] = r.arm
        return


# A model's output, not an observed result: "the modeled median PFS", "model-predicted OS",
# "... projected to reach 60 months" (cost-effectiveness and simulation studies). Not "the
# projected 5-year DFS" before an end point: older trials so name Kaplan-Meier estimates.
_MODELED_GATE = WordGate(("model", "project", "simulat", "extrapolat"))
_MODELED_BEFORE_EP = re.compile(
    r"\b(?:modell?ed|simulated|extrapolated|model[- ](?:predicted|estimated|based))"
    r"\s+(?:(?:the|median|mean|\d+-(?:year|month)|overall|estimated)\s+){0,2}$",
    re.I,
)
_PROJECTED_TO = re.compile(
    r"\b(?:projected|extrapolated|modell?ed|simulated)\s+to\s+(?:reach|be|exceed|approach)\s+"
    r"(?:(?:approximately|about|nearly|around)\s+)?$",
    re.I,
)


def _modeled_value(text: str, s: int, v: Value, endpoint: str, eps: list[Hit]) -> bool:
    """Whether value ``v`` (read as ``endpoint``) is a model's estimate: the value follows
    "projected to reach", or the last end-point mention of that code before it is qualified
    "modeled"/"simulated"/"model-predicted" (as design assumptions, no results)."""
    if _PROJECTED_TO.search(text, max(s, v.start - 40), v.start):
        return True
    last = next((h for h in reversed(eps) if h.end <= v.start and h.canonical == endpoint), None)
    return (
        last is not None
        and _MODELED_BEFORE_EP.search(text, max(s, last.start - 50), last.start) is not None
    )


# "12.9 months in both groups", "40% of patients in all three arms": one value stated for every
# arm of the comparison.
_EVERY_ARM_GATE = WordGate(
    ("both", "all", "either", "each", "the two", "the three", "the four", "the 2", "the 3", "the 4")
)
# "the two groups combined", "the two groups defined by HR status": the arms pooled, or
# subgroups of the population, not each arm of the design.
_NOT_THE_ARMS = r"(?:combined|pooled|together|defined|according|stratified|based|by)\b"
# Round 73b: "not reached (NR) in both arms": the value's short form (or the bracket closing
# after it) may stand between; "for either arm" says "in either arm"; "in either the T-DXd or
# T-DM1 arm" names the two arms.
_IN_EVERY_ARM = re.compile(
    r"\s*(?:\(\s*NR\s*\)|\))?\s*"
    + _OF_PATIENTS
    + r"(?:in|for)\s+"
    + r"(?:(?:both|all\s+(two|three|four|2|3|4)|the\s+(two|three|four|2|3|4))"
    r"(?:\s+(?:the|treatment|study))?\s+(?:groups|arms)(?!\s+" + _NOT_THE_ARMS + r")"
    # "median OS was not reached in either arm": each arm's value, as "in both arms"
    r"|either\s+(?:treatment\s+)?(?:group|arm)"
    r"|either\s+(?:the\s+)?[\w-]+\s+or\s+(?:the\s+)?[\w-]+\s+(?:group|arm)"
    # "in 1% of patients in each group": every arm of the design, however many it has
    r"|(each)\s+(?:treatment\s+|study\s+)?(?:group|arm))\b",
    re.I,
)
# "12% in the A and B arms combined", "in the A and B groups pooled": a value over the listed
# arms together is a whole-population value; the list (plural group word, then "combined",
# "pooled" or "together", not "... with") names no arm of it.
_POOLED_GATE = WordGate(("combined", "pooled", "together"))
_POOLED_AFTER = re.compile(r"\s+(?:combined|pooled|together)\b(?!\s+with\b)", re.I)
_PLURAL_GROUP_END = re.compile(r"\b(?:arms|groups|cohorts)\Z", re.I)


# Review of round 63b: "The trial assumed a 1-year PFS rate of 45%; the observed rate was 62%":
# a clause after a semicolon that states a value ("was"/"were") with no design word of its own
# reports a result.
_RESULT_CLAUSE = re.compile(r"\b(?:was|were)\b", re.I)
_DESIGN_WORDS = (*_ASSUMPTION_WORDS, "expect", "anticipat", "target", "needed", "required")


# Review of round 64b: a result tested against the null hypothesis ("The pCR rate was 62%,
# exceeding the null hypothesis of 40%", "..., so the null hypothesis was rejected") is a result;
# only the hypothesis's own values (after it) are none.
_AGAINST_HYPOTHESIS = re.compile(
    r"\b(?:reject\w*|exceed\w*|surpass\w*|above|beyond|than)\s+(?:the\s+)?"
    r"(?:pre-?specified\s+)?\Z",
    re.I,
)
_HYPOTHESIS_REJECTED = re.compile(
    r"[^.;]{0,30}?\b(?:was|were|could\s+be|can\s+be|is)\s+(?:thus\s+|therefore\s+)?rejected\b",
    re.I,
)


def _hypothesis_tested(text: str, s: int, m: re.Match[str]) -> bool:
    """Whether assumption ``m`` is a null or alternative hypothesis a result is tested against
    (``_AGAINST_HYPOTHESIS`` before it, or "was rejected" after it)."""
    if text.find("hypothes", m.start(), m.end()) < 0 or text.find("null", m.start(), m.end()) < 0:
        return False
    a = m.start() - 40 if m.start() - 40 > s else s
    return (
        _AGAINST_HYPOTHESIS.search(text, a, m.start()) is not None
        or _HYPOTHESIS_REJECTED.match(text, m.end()) is not None
    )


def _values_after_assumption(text: str, a: int, e: int, values: list[Value]) -> list[Value]:
    """The values of a sentence with a design assumption ending at ``a`` that a later clause
    (after "; ", up to ``e``) reports as results; none when there is no such clause."""
    cut = text.find("; ", a, e)
    if cut < 0 or _RESULT_CLAUSE.search(text, cut, e) is None:
        return []
    low = text[cut:e].lower()
    if any(w in low for w in _DESIGN_WORDS):
        return []
    return [v for v in values if v.start > cut]


def _without_pooled_lists(text: str, refs: list[ArmRef]) -> list[ArmRef]:
    """``refs`` with each list of arms pooled by a following "combined" (and the list's
    earlier members: "the A and B arms combined") made one reference naming no arm, so the
    pooled value takes no arm of another phrase of the sentence (round 85a)."""
    pooled: dict[int, int] = {}  # the first index of each pooled list → its last
    for j, r in enumerate(refs):
        if not _POOLED_AFTER.match(text, r.end) or not _PLURAL_GROUP_END.search(
            text, r.start, r.end
        ):
            continue
        k = j
        while (
            r.in_list and k > 0 and refs[k - 1].in_list and _in_one_list(text, refs[k - 1], refs[k])
        ):
            k -= 1
        pooled[k] = j
    if not pooled:
        return refs
    return _merged_runs(
        refs,
        lambda j: (pooled[j], _one_arm(text, refs[j : pooled[j] + 1])) if j in pooled else None,
    )


def _merged_runs(
    refs: list[ArmRef], run_at: Callable[[int], tuple[int, str | None] | None]
) -> list[ArmRef]:
    """``refs`` with each run ``run_at(j)`` names (the index of its last reference and the arm
    the run names) made one reference; ``run_at`` returns None where no run starts."""
    out: list[ArmRef] = []
    j = 0
    while j < len(refs):
        run = run_at(j)
        if run is None:
            out.append(refs[j])
            j += 1
            continue
        k, arm = run
        out.append(ArmRef(refs[j].start, refs[k].end, arm))
        j = k + 1
    return out


# A list written inside one pooled reference ("the A and A plus B groups pooled", read as one
# regimen): the groups are of different regimens.
_LISTED_INSIDE = re.compile(r",|\b(?:and|or|vs\.?|versus)\b", re.I)


def _one_arm(text: str, listed: list[ArmRef]) -> str | None:
    """The arm every reference of a pooled list names ("the two T-DXd arms pooled": dose arms
    of one regimen; "cohorts A and B combined", both labels of one arm), else None (a pool over
    different regimens has no arm; round 86b)."""
    names = {r.arm for r in listed}
    if len(names) != 1:
        return None
    if len(listed) == 1 and _LISTED_INSIDE.search(text, listed[0].start, listed[0].end):
        return None
    return names.pop()


# Round 63b: "The pCR rate was 61% in arms B and C and 40% in arm A": one value right before a
# list of arms under one plural group word is the listed arms' pooled value (gold conventions:
# values pooled over some but not all arms have no arm). Two values before it ("61% and 52% in
# arms B and C") are each arm's.
_PLURAL_GROUP_HEAD = ("arms ", "groups ", "cohorts ")
_LONE_VALUE_BEFORE = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?\s*(?:%|months?|mo\b\.?)?\s*"
    r"(?:of\s+(?:the\s+)?(?:patients|pts|women)\s+)?(?:in|among|across|for)\s+(?:the\s+)?\Z",
    re.I,
)
_JOINED_VALUE_BEFORE = re.compile(rf"\d\s*(?:%|months?|mo\b\.?)?\s*(?:,|and|or|{VS}|/)\s*\Z", re.I)


def _lone_value_lists_unnamed(
    text: str, s: int, refs: list[ArmRef], registry: ArmRegistry
) -> list[ArmRef]:
    """``refs`` with each "arms B and C" list that follows one lone value ("61% in arms B and
    C") and lists some but not all of the design's arms made one reference naming no arm."""
    n_arms = sum(1 for a in registry.arms if a.name)

    def pooled_run(j: int) -> tuple[int, None] | None:
        k = _list_end(text, refs, j)
        return (k, None) if _pooled_by_lone_value(text, s, refs[j], k - j, n_arms) else None

    return _merged_runs(refs, pooled_run)


def _one_regimen_lists_merged(text: str, refs: list[ArmRef]) -> list[ArmRef]:
    """``refs`` with each list whose items all name one arm made one reference to it: the one
    value of the sentence pools groups of one regimen ("in cohorts A and B combined, ...
    (38.1%)", both cohorts tucatinib plus trastuzumab; round 86b)."""

    def one_regimen_run(j: int) -> tuple[int, str] | None:
        k = _list_end(text, refs, j)
        arm = _one_arm(text, refs[j : k + 1]) if k > j else None
        return None if arm is None else (k, arm)

    return _merged_runs(refs, one_regimen_run)


def _list_end(text: str, refs: list[ArmRef], j: int) -> int:
    """The index of the last reference of the "A, B and C" list that ``refs[j]`` starts."""
    k = j
    while k + 1 < len(refs) and refs[k + 1].in_list and _in_one_list(text, refs[k], refs[k + 1]):
        k += 1
    return k


def _pooled_by_lone_value(text: str, s: int, head: ArmRef, n_after: int, n_arms: int) -> bool:
    """Whether the plural list ``head`` starts ("arms B and C", ``n_after`` references after it)
    names some but not all of the ``n_arms`` arms and follows one lone value ("61% in ...")."""
    if not (0 < n_after < n_arms - 1 and head.in_list):
        return False
    if not text[head.start : head.start + 8].lower().startswith(_PLURAL_GROUP_HEAD):
        return False
    m = _LONE_VALUE_BEFORE.search(text, max(s, head.start - 60), head.start)
    if m is None:
        return False
    return not _JOINED_VALUE_BEFORE.search(text, max(s, m.start() - 16), m.start())


# Round 85a: "89.1% in arms B+C": labels joined by "+" under one plural group word are the
# groups pooled, which names no arm (gold conventions), not the first label's arm.
_PLUS_JOINED_LABEL = re.compile(r"\s*\+\s*[A-Z0-9]\b(?:\s*\+\s*[A-Z0-9]\b)*")


def _plus_joined_groups_unnamed(text: str, refs: list[ArmRef]) -> list[ArmRef]:
    """``refs`` with each "arms B+C" reference (a plural group word, then labels joined by "+")
    made one reference naming no arm."""
    out: list[ArmRef] = []
    for r in refs:
        m = _PLUS_JOINED_LABEL.match(text, r.end)
        if m is not None and text[r.start : r.start + 8].lower().startswith(_PLURAL_GROUP_HEAD):
            r = ArmRef(r.start, m.end(), None)
        out.append(r)
    return out


_LIST_LINK = re.compile(r"(?:\s+alone)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)


def _in_one_list(text: str, a: ArmRef, b: ArmRef) -> bool:
    """Whether references ``a`` and ``b`` are neighbours of one "A, B and C" list."""
    return _LIST_LINK.fullmatch(text, a.end, b.start) is not None


_COUNT = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _every_arm_rows(
    text: str,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    registry: ArmRegistry,
    sentence: str,
    e: int,
) -> list[dict]:
    """The rows of a sentence (ending at ``e``) where a value with no arm is stated "in both
    groups" / "in all three arms": one row per arm (same value, CI, P and offsets), when the
    registry defined exactly that many arms; otherwise (and for every other value) one row as
    usual."""
    rows: list[dict] = []
    names = every_group_arm(registry)
    for k, ((v, endpoint, measure), arm) in enumerate(zip(out, arms, strict=True)):
        every = None
        if measure not in RATIO_MEASURES and (arm is None or _twin_arms_of(names, arm)):
            m = _IN_EVERY_ARM.match(text, v.ext_end) or _every_arm_bracket(text, v, out, e)
            n = _every_arm_count(m, len(names)) if m is not None else _neither_arm_count(text, v)
            group = _groups_of_count(registry, names, n)
            if n and len(group) == n and all(group):
                every = group
                # (empty when ``arm`` is set: a list is of values with no arm)
                listed = _listed_before(text, out, arms, k, n)
                if listed:  # (the rows of the earlier values are the last ones written)
                    every, arm = None, group[-1]
                    for i, name in zip(listed[:-1], group, strict=False):
                        rows[len(rows) - (k - i)] = _row(*out[i], name, sentence)
        for a in every or (arm,):
            rows.append(_row(v, endpoint, measure, a, sentence))
    return rows


def _groups_of_count(registry: ArmRegistry, names: list[str | None], n: int) -> list[str | None]:
    """The ``n`` groups "in both groups" / "in all three arms" names: every group of the design
    (``names``), or, when a title named more arms than that ("A with B, C or both followed by
    D" above a three-arm Methods design), the arms of the last sentence defining exactly ``n``
    (round 85a: the most specific comparison the text defines)."""
    if len(names) <= n or n < 2 or registry.factorial is not None or registry.duration_groups:
        return names
    by_sentence: dict[int, list[str | None]] = {}
    for arm in registry.arms:
        for at in arm.defined_at:
            by_sentence.setdefault(at, []).append(arm.name)
    for at in sorted(by_sentence, reverse=True):
        if len(by_sentence[at]) == n:
            return by_sentence[at]
    return names


def _neither_arm_count(text: str, v: Value) -> int:
    """Two when value ``v`` is a "neither group reached" median (round 74a, ``numbers``'
    "neither" phrasings): not reached in either arm, each arm's value; else none."""
    return 2 if v.value is None and text.find("either", v.start, v.end) >= 0 else 0


# Round 96c: "Across both doses, nausea of any grade occurred in 67.8% of pts": a value pooled
# over every group of a design whose groups all carry one regimen (dose arms of one drug) is
# that regimen's (gold conventions), stated before the value.
_ACROSS_EVERY_GROUP = re.compile(
    r"\b(?:across|over)\s+(?:both|all(?:\s+(?:two|three|four|2|3|4))?"
    r"|the\s+(?:two|three|four|2|3|4))(?:\s+(?:treatment|study|dose))?"
    r"\s+(?:doses|dose\s+(?:levels|groups|arms|cohorts)|arms|groups|cohorts)\b"
    r"(?!\s+" + _NOT_THE_ARMS + r")",
    re.I,
)


# Round 97c: "The overall tpCR rate of all patients was 63.7%", "63.7% in the whole
# population": the whole population of such a design is the pool over every group, written
# before the value or right after it. A subset ("all patients with ...", "who ...") is not read.
_WHOLE_POPULATION = (
    r"(?:of|in|among|for|across)\s+(?:(?:all|the\s+(?:whole|entire|overall|total))\s+"
    r"(?:(?:randomi[sz]ed|enrolled|evaluable|treated|included|analy[sz]ed)\s+)?"
    r"(?:patients|participants|women|pts)|the\s+(?:whole|entire|overall|total)\s+"
    r"(?:study\s+)?(?:population|cohort))\b"
    r"(?!\s+(?:with|who|whose|that|having|aged|in|on|receiving|given|treated)\b)"
)
_WHOLE_POPULATION_BEFORE = re.compile(r"\b" + _WHOLE_POPULATION, re.I)
_WHOLE_POPULATION_AFTER = re.compile(r"[\s,)\]]*" + _WHOLE_POPULATION, re.I)
# (every match holds "all", which ``_EVERY_ARM_GATE`` reads, or one of these)
_WHOLE_POPULATION_GATE = WordGate(("whole", "entire", "overall", "total"))


def _pooled_over_one_regimen(
    text: str,
    s: int,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    registry: ArmRegistry,
) -> None:
    """Give the design's one regimen to each value with no arm that a leading "across both
    doses" / "across all three arms" phrase of its sentence (from ``s``) pools over every group,
    or that a whole-population phrase before it or right after it names ("of all patients",
    "in the whole population"; round 97c), when every group carries that regimen
    (``_one_regimen_groups``). Across groups of different regimens the value keeps no arm (a
    pool names none of them)."""
    name = every_group_arm(registry)[0]
    for k, ((v, _, measure), arm) in enumerate(zip(out, arms, strict=True)):
        if (
            arm is None
            and measure not in RATIO_MEASURES
            and v.start > s
            and (
                _ACROSS_EVERY_GROUP.search(text, s, v.start) is not None
                or _WHOLE_POPULATION_BEFORE.search(text, s, v.start) is not None
                or _WHOLE_POPULATION_AFTER.match(text, v.ext_end) is not None
            )
        ):
            arms[k] = name


def _one_regimen_groups(registry: ArmRegistry) -> bool:
    """Whether the design's groups all carry one regimen (biosimilar twins, duration arms):
    their values have an arm, yet "in both groups" still names each group (round 77b)."""
    names = every_group_arm(registry)
    return len(names) >= 2 and names[0] is not None and len(set(names)) == 1


def _twin_arms_of(names: list[str | None], arm: str) -> bool:
    """Whether every group of the design (``names``, ``every_group_arm``) carries ``arm``
    (biosimilar twins, duration arms): a value "in both groups" is then one row per group though
    its arm is already known."""
    return len(names) >= 2 and all(a == arm for a in names)


# Round 64b: "The pCR rates were 45%, 50% and 48% in the three groups": as many listed values as
# the groups named after the last are each group's, in the order the design defined them.
_VALUE_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _listed_before(
    text: str, out: list[tuple[Value, str, str]], arms: list[str | None], k: int, n: int
) -> list[int]:
    """The indexes of the ``n`` values ending with ``out[k]`` when they are a list of one end
    point and measure, none with an arm, joined by commas and "and"; else empty."""
    first = k - n + 1
    if n < 2 or first < 0:
        return []
    ix = list(range(first, k + 1))
    if len({out[i][1:] for i in ix}) != 1 or any(arms[i] is not None for i in ix):
        return []
    for i in ix[:-1]:
        if not _VALUE_LIST_JOIN.fullmatch(text, out[i][0].ext_end, out[i + 1][0].start):
            return []
    return ix


# "similar in both arms (45%)", "in all three arms (about 60%)": the value bracketed right after
# the every-arm phrase (round 58a); the groups are numbered as in ``_IN_EVERY_ARM``.
_EVERY_ARM_BEFORE = re.compile(
    r"\b(?:in|across|for)\s+(?:(?:both|all\s+(two|three|four|2|3|4)|the\s+(two|three|four|2|3|4))"
    r"(?:\s+(?:treatment|study))?\s+(?:groups|arms)"
    r"|either\s+(?:treatment\s+)?(?:group|arm)"
    r"|(each)\s+(?:treatment\s+|study\s+)?(?:group|arm))"
    r"\s*\(\s*(?:about|approximately|around|~)?\s*\Z",
    re.I,
)


def _every_arm_bracket(
    text: str, v: Value, out: list[tuple[Value, str, str]], e: int
) -> re.Match[str] | None:
    """The every-arm phrase a value's bracket opens after ("in both arms (45%)"), when the
    bracket closes in the sentence (ending at ``e``) and holds no other value ("(45% vs 44%)"
    compares two)."""
    if text.rfind("(", max(0, v.start - 16), v.start) < 0:
        return None
    m = _EVERY_ARM_BEFORE.search(text, max(0, v.start - 50), v.start)
    if m is None:
        return None
    close = text.find(")", v.end, e)
    return m if close >= 0 and not _value_between(out, v.end, close) else None


def every_group_arm(registry: ArmRegistry) -> list[str | None]:
    """The arm of each group of the design: one per arm, or, when the groups differ only in
    duration ("12 or 24 weeks of A"), the one regimen's arm once per group."""
    if registry.factorial is not None:
        return []  # (a factorial's groups are its factors' combinations, not its level arms)
    names = [a.name for a in registry.arms]
    if len(names) == 1 and registry.duration_groups > 1:
        return names * registry.duration_groups
    return names


# Round 86a: "no difference in neutropenia among the three groups (35.0%, 32.1% and 38.4%)": a
# list over every group ("among"/"across" the groups, or "in the three groups") names no order
# of its own, so it follows the design's, not the last sentence's "C ... than A and B" order.
_ALL_GROUPS = re.compile(
    r"\b(?:(?:among|across)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:(two|three|four|[234])\s+)?"
    r"|in\s+(?:the\s+|all\s+(?:the\s+)?)?(three|four|[34])\s+)"
    r"(?:treatment\s+|study\s+)?(?:groups|arms|cohorts)\b"
)


def all_groups_order(low: str, s: int, e: int, registry: ArmRegistry) -> list[str | None]:
    """The design's group order (``every_group_arm``) when sentence [s, e) of the lower-cased
    text ``low`` lists values "among the (three) groups" and the design has three groups or
    more, as many as any count written; else, when ``registry`` holds arms besides its
    lettered groups, the order of those groups (``lettered_groups_order``); else []."""
    if (
        low.find(" groups", s, e) < 0
        and low.find(" arms", s, e) < 0
        and low.find(" cohorts", s, e) < 0
    ):
        return []  # (most sentences: no group word, no regex)
    m = _ALL_GROUPS.search(low, s, e)
    if m is None:
        return []
    written = m.group(1) or m.group(2)
    for order in (every_group_arm(registry), lettered_groups_order(registry)):
        if len(order) >= 3 and all(order) and (written is None or _COUNT[written] == len(order)):
            return order
    return []


# Round 90c: a registry may hold arms read from a title or objective ("pertuzumab or pyrotinib
# combined with TCbH") besides the lettered groups the methods define ("group A (TCbH), group B
# (TCbH plus pertuzumab) and group C ..."); "among the three groups" then follows the letters.
_LETTERS = "abcdefgh"


def lettered_groups_order(registry: ArmRegistry) -> list[str | None]:
    """The arms of groups lettered "A", "B", "C"... in letter order, when three or more
    consecutive letters from "A" each label one arm; else []."""
    by_letter: dict[str, list[str | None]] = {}
    for arm in registry.arms:
        for label in arm.labels:
            if len(label) == 1 and label in _LETTERS:
                by_letter.setdefault(label, []).append(arm.name)
    order: list[str | None] = []
    for letter in _LETTERS:
        names = by_letter.get(letter)
        if names is None:
            break
        if len(names) != 1:
            return []
        order.append(names[0])
    return order if len(order) >= 3 and len(order) == len(by_letter) else []


def _every_arm_count(m: re.Match[str], n_arms: int) -> int:
    """How many arms an ``_IN_EVERY_ARM`` match names: the number written ("all three arms",
    "the two groups"),
    two for "both"/"either", and for "each group" every arm the design defined (two or more:
    "each" of a single-arm design names no comparison)."""
    written = m.group(1) or m.group(2)  # "all three arms", "the two groups"
    if written:
        return _COUNT[written.lower()]
    if m.group(3):
        return n_arms if n_arms >= 2 else -1
    return 2


def _row(v: Value, endpoint: str, measure: str, arm: str | None, sentence: str) -> dict:
    """The ``Outcome`` fields of one value, in the dataclass's field order."""
    if measure in RATIO_MEASURES:  # a ratio has no arm and no unit
        arm_name = unit = None
    else:
        arm_name = output_arm(arm)
        unit = (v.unit or "months") if measure == "median" else "%"
    return {
        "endpoint": endpoint,
        "arm": arm_name,
        "measure": measure,
        "value": v.value,
        "unit": unit,
        "ci_low": v.ci_low,
        "ci_high": v.ci_high,
        "p": v.p,
        "sentence": sentence,
        "start": v.start,
        "end": v.end,
    }


# The gates ``sentence_outcome_rows`` asks about each sentence with values, read in one pass
# (``GateSet``); built here, below the last of them.
_SENTENCE_GATES = GateSet(
    _ASSUMPTION_GATE,
    _MODELED_GATE,
    _RESPECTIVELY_GATE,
    _FROM_TO_GATE,
    _EVERY_ARM_GATE,
    _POOLED_GATE,
)
