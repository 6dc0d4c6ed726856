"""Comparisons in result sentences: the arms a sentence compares (``comparison_in``), a design
list's order ("A, B or both"), the order of arms listed before "respectively", and "the
addition of X to Y" (``addition_comparison``, ``added_drug_arms``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from her2mine.extract.arms.model import ArmRef, ArmRegistry, _arm_of_exactly
from her2mine.extract.arms.patterns import (
    _ADDED_TO,
    _ADDITION_GATE,
    _ADDITION_OF,
    _DURATION_UNIT,
    _NUMBER_WORD,
    _RANDOMISED,
)
from her2mine.extract.arms.refs import arm_refs
from her2mine.extract.arms.twins import _DOSE_UNIT, _OR_BOTH_GATE, _OR_BOTH_NEXT
from her2mine.extract.hits import Hit
from her2mine.extract.numbers import DECIMAL
from her2mine.extract.regimens import group_regimens, without_schedules


def comparison_in(refs: list[ArmRef]) -> list[str | None]:
    """Arms of the last "A versus B (versus C)" list of references in a sentence, else []."""
    best: list[ArmRef] = []
    cur: list[ArmRef] = []
    for r in refs:
        if r.in_list and (not cur or cur[-1].in_list):
            cur.append(r)
        else:
            cur = [r] if r.in_list else []
        if len(cur) >= 2:
            best = list(cur)
    names = [r.arm for r in best]
    if len(names) >= 2 and all(names) and len(set(names)) == len(names):
        return names
    return []


# "randomly assigned to observation, 1 year of trastuzumab or 2 years of trastuzumab": the gap
# between two groups of a design list (schedules removed first: "once every 3 weeks" leaves
# "once"), a duration of the next group's regimen allowed.
_DESIGN_LIST_GAP = re.compile(
    r"\s*(?:(?:once|twice)\s+)?,?\s*(?:(?:or|and|versus|vs\.?|to)\s+)?(?:(?:to\s+)?receive\s+)?"
    rf"(?:{_NUMBER_WORD}[\s-]*{_DURATION_UNIT}\s+of\s+)?(?:the\s+|a\s+|an\s+)?",
    re.I,
)


def design_list_order(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    low: str | None = None,
) -> list[str | None]:
    """The groups a randomisation sentence [s, e) lists, in order ("observation, 1 year of
    trastuzumab or 2 years of trastuzumab": [None, "trastuzumab", "trastuzumab"]), for a
    "respectively" list in the next sentence; [] when it randomises no one or lists fewer than
    two groups. Groups of one regimen told apart by duration alone share its name (the arms
    are named by drugs); an observation group has none."""
    if _RANDOMISED.search(text, s, e) is None:
        return []
    refs = arm_refs(text, s, e, drug_hits, registry, low=low)
    if registry.bare_forms:
        refs = _dose_names_for_regimens(text, refs, registry)
    best: list[ArmRef] = []
    cur: list[ArmRef] = []
    for r in refs:
        if cur and _DESIGN_LIST_GAP.fullmatch(without_schedules(text[cur[-1].end : r.start])):
            cur.append(r)
        else:
            cur = [r]
        if len(cur) > len(best):
            best = list(cur)
    if len(best) < 2:
        return []
    both = _arm_of_or_both(text, best, e, registry) if _OR_BOTH_GATE.may_hold(low, s, e) else None
    return [r.arm for r in best] + ([both] if both else [])


# "in the 6-month arm and the 12-month arm", "with docetaxel and with paclitaxel", "less frequent
# in the A arm than in the B arm": what joins two references of one list (the preposition may be repeated, after the second group's own
# value: "89.4% in the 6-month arm and 89.8% in the 12-month arm").
# A comma alone joins them when the next group's value follows it ("12.1% in the full-dose
# arm, 6.3% in the low-dose arm and ...", round 69a).
# The value may carry its own bracket ("10.4 months (8.3-12.7) in the reduced-dose group").
_VALUE_BRACKET = r"(?:\s*\([^()]*\))?"
_ORDER_LIST_GAP = re.compile(
    r"\s*(?:,?\s*(?:and|or|versus|vs\.?|compared\s+with|than)\s+"
    rf"(?:{DECIMAL}\s*(?:%|months?)?{_VALUE_BRACKET}\s+(?=in\s|with\s|among\s|for\s))?"
    rf"|,\s*{DECIMAL}\s*(?:%|months?)?{_VALUE_BRACKET}\s+(?=in\s|with\s|among\s|for\s))"
    r"(?:(?:with|in|among|for|on)\s+)?(?:the\s+|those\s+)?",
    re.I,
)


def listed_arms_order(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    low: str | None = None,
) -> list[str | None]:
    """The arms sentence [s, e) lists ("Safety was assessed in the 6-month arm and the 12-month
    arm", "... with docetaxel and with paclitaxel"), in order, for a "respectively" list in the
    next sentence that names no arm; [] unless its last list joins two or more references (see
    ``_ORDER_LIST_GAP``), each naming an arm by a phrase of its own, and names every arm of the
    design. Arms of one regimen told apart by duration share its name, as in
    ``design_list_order``."""
    refs = arm_refs(text, s, e, drug_hits, registry, low=low)
    best: list[ArmRef] = []
    whole: list[ArmRef] = []  # the last list naming as many groups as the design has arms
    cur: list[ArmRef] = []
    for r in refs:
        if cur and _ORDER_LIST_GAP.fullmatch(text, cur[-1].end, r.start):
            cur.append(r)
        else:
            cur = [r]
        if len(cur) >= 2:
            best = list(cur)
            if len(cur) == len(registry.arms):
                whole = best
    # "A, B and C; the hazard ratio for C versus A was ...": a pair compared after the whole
    # list does not order the next sentence's "respectively" values, the list does
    best = whole if whole and len(best) < len(whole) else best
    names = [r.arm for r in best]
    if len(names) < 2 or None in names:
        return []
    if set(names) != {a.name for a in registry.arms}:
        return []  # a list of some arms only ("fewer with B and C than with A") orders no run
    if len({text[r.start : r.end].lower() for r in best}) < len(best):
        return []  # one phrase twice names no two groups
    return names


# "T-DXd 5.4 mg/kg or 6.4 mg/kg", "trastuzumab 8 mg/kg then 6 mg/kg (8/6 mg/kg) or ...": what
# lies between a regimen and the name of its first dose (``_dose_twins``).
_DOSE_NAME_GAP = re.compile(
    rf"\s*(?:at\s+)?(?:a\s+dose\s+of\s+)?(?:{DECIMAL}\s*{_DOSE_UNIT}"
    rf"(?:\s+then\s+{DECIMAL}\s*{_DOSE_UNIT})?\s*\(\s*)?",
    re.I,
)


def _dose_names_for_regimens(text: str, refs: list[ArmRef], registry: ArmRegistry) -> list[ArmRef]:
    """``refs`` less each regimen mention whose first dose, right after it, names its arm: in
    "T-DXd 5.4 mg/kg or 6.4 mg/kg" the doses are the design's groups, so the list counts
    two (the regimen and its first dose were two groups of one arm)."""
    out: list[ArmRef] = []
    for r in refs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.drugs
            and not r.drugs
            and r.arm == prev.arm
            and text[r.start : r.end] in registry.bare_forms
            and _DOSE_NAME_GAP.fullmatch(text, prev.end, r.start)
        ):
            out[-1] = r
        else:
            out.append(r)
    return out


def _arm_of_or_both(text: str, listed: list[ArmRef], e: int, registry: ArmRegistry) -> str | None:
    """The arm "or both" / "or their combination" after a design list offers ("to
    trastuzumab, lapatinib, or both"): the defined arm of all the listed arms' drugs together
    (``_add_listed_both_arm``, ``_add_both_arm``), the list's last group; else None."""
    if _OR_BOTH_NEXT.match(text, listed[-1].end, e) is None:
        return None
    by_name = {a.name: a for a in registry.arms if not a.special}
    parts = [by_name.get(r.arm) for r in listed]
    if any(a is None or not a.drugs for a in parts):
        return None
    union = {d for a in parts for d in a.drugs}
    return next((a.name for a in registry.arms if set(a.drugs) == union and a not in parts), None)


def addition_comparison(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    low: str | None = None,
) -> tuple[int, list[str | None]] | None:
    """ "The addition of X to Y" in sentence [s, e): (where the phrase ends, [arm of Y plus X,
    arm of Y]), when the registry defined both arms (Y may name a class only: "chemotherapy",
    the drugless arm), or when it defined no comparison at all (``_unregistered_addition``);
    else None. ``low``: the ``literal_safe`` lower-cased text, or None."""
    if not _ADDITION_GATE.may_hold(low, s, e):
        return None
    hits = [h for h in drug_hits if s <= h.start and h.end <= e]
    regs = group_regimens(text, hits)
    for x, y in zip(regs, regs[1:], strict=False):
        if not x.drugs or not _ADDED_TO.fullmatch(text, x.end, y.start):
            continue
        if _ADDITION_OF.match(text[max(s, x.start - 30) : x.start]) is None:
            continue
        with_x = _arm_of_exactly(registry, set(x.drugs) | set(y.drugs))
        without = _arm_of_exactly(registry, set(y.drugs))
        if with_x is not None and without is not None and with_x is not without:
            return y.end, [with_x.name, without.name]
        if (pair := _unregistered_addition(registry, x.drugs, y.drugs)) is not None:
            return y.end, pair
    return None


def _unregistered_addition(
    registry: ArmRegistry, added: Sequence[str], base: Sequence[str]
) -> list[str | None] | None:
    """[Y plus X, Y] named by their own drugs when neither is an arm of the text's own
    comparison (fewer than two arms known, or none holding Y): a cost-effectiveness model or
    review citing "adding pertuzumab to trastuzumab and docetaxel ... (56.5 vs 40.8 months)",
    or a trial's background quoting another trial before its own T-DXd versus T-DM1 design.
    Y must name drugs (a class alone names no arm) and X must add one; None otherwise."""
    if not base or set(added) <= set(base):
        return None
    named = [a for a in registry.arms if a.name]
    if len(named) >= 2 and any(set(base) <= set(a.drugs) | a.options for a in named):
        return None  # (a design arm holding Y holds it or Y plus X: the design says which)
    return ["+".join(sorted(set(added) | set(base))), "+".join(sorted(set(base)))]


def added_drug_arms(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    low: str | None = None,
) -> tuple[str | None, str | None] | None:
    """ "The addition of X (to Y)" / "adding X" in sentence [s, e): (arm with X, arm without
    X). Y may be a class the registry spells out ("the addition of trastuzumab to chemotherapy"
    in a design of AC-T with or without trastuzumab): the pair is then the one registry arm
    holding X's drugs and the arm holding exactly the rest (only when that pair is unique).
    None when the sentence adds no drug or the pair is not known."""
    if not _ADDITION_GATE.may_hold(low, s, e):
        return None
    full = addition_comparison(text, s, e, drug_hits, registry, low)
    if full is not None:
        return full[1][0], full[1][1]
    for h in drug_hits:
        if h.start < s or h.end > e or not h.drugs:
            continue
        if _ADDITION_OF.match(text[max(s, h.start - 30) : h.start]) is None:
            continue
        added = set(h.drugs)
        named = [a for a in registry.arms if not a.special and a.name]
        pairs = [
            (a, b)
            for a in named
            if added <= set(a.drugs)
            for b in named
            if b is not a and set(b.drugs) == set(a.drugs) - added
        ]
        return (pairs[0][0].name, pairs[0][1].name) if len(pairs) == 1 else None
    return None
