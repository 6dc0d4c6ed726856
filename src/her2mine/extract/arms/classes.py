"""Arms written with a drug class, and labels given by an adjective.

Folding an arm written with a class ("a taxane") into the arm of the class's drug, and naming an
arm by a schedule adjective only it has ("the metronomic chemotherapy group", "low-dose").
"""

from __future__ import annotations

import re

from her2mine.extract.arms.model import Arm, ArmRegistry, _hit_class_label
from her2mine.extract.fastre import (
    WordGate,
    literal_starts,
    sentences_matching,
    sentences_matching_at,
)
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen


def _class_member_arm(reg: ArmRegistry, cls: str) -> Arm | None:
    """Of a design of exactly two drug arms (no physician's choice or placebo arm), the one arm
    that holds a drug of class ``cls``, when the other holds none; else None."""
    members = reg.class_members.get(cls)
    drug_arms = [a for a in reg.arms if a.drugs]
    if members is None or len(drug_arms) != 2 or any(a.special or a.has_placebo for a in reg.arms):
        return None
    holding = [a for a in drug_arms if members & set(a.drugs)]
    return holding[0] if len(holding) == 1 else None


def _fold_class_written_arms(reg: ArmRegistry) -> None:
    """Drop an arm written with drug classes for its partners ("palbociclib + anti-HER2 therapy
    + endocrine therapy (ET) vs anti-HER2 therapy + ET", a title) when a later comparison
    spells it out: the one arm of a sentence defining two arms or more that holds its drugs
    and more ("palbociclib plus trastuzumab plus ET"). Its sentence must define no other arm
    (arms described one per sentence, "Arm A received ...", are each the design's own)."""
    by_sentence: dict[int, int] = {}
    for arm in reg.arms:
        for at in arm.defined_at:
            by_sentence[at] = by_sentence.get(at, 0) + 1
    for arm in list(reg.arms):
        if not arm.with_class or not arm.drugs or arm.special or arm.options:
            continue
        if any(by_sentence[at] > 1 for at in arm.defined_at) or not arm.defined_at:
            continue
        ds = set(arm.drugs)
        fuller = [
            b
            for b in reg.arms
            if b is not arm
            and not b.special
            and ds < set(b.drugs)
            and any(by_sentence.get(at, 0) >= 2 for at in b.defined_at)
        ]
        if len(fuller) == 1 and not set(arm.defined_at) & set(fuller[0].defined_at):
            reg.arms.remove(arm)
            reg.frozen = None


def _class_groups_to_drug_arms(reg: ArmRegistry) -> None:
    """ "randomly assigned to the anthracycline group or the non-anthracycline group" after the
    regimens were defined: the class-named group is the drug arm holding a drug of that class
    (``_class_member_arm``), not a further drugless arm; its labels move there."""
    for arm in list(reg.arms):
        if arm.drugs or arm.special or arm.has_placebo or len(arm.labels) != 1:
            continue
        target = _class_member_arm(reg, next(iter(arm.labels)))
        if target is not None:
            target.labels |= arm.labels
            reg.arms[:] = [a for a in reg.arms if a is not arm]  # (Arm compares by value)


def _fold_class_restating_choice(reg: ArmRegistry) -> None:
    """ "physician's choice of a taxane (docetaxel or paclitaxel)", later restated "T-DM1 or a
    taxane": a drugless arm whose labels (the class) all label the physician's-choice arm is
    that arm written again, not a further arm (round 86b)."""
    choice = [a for a in reg.arms if a.special]
    if len(choice) != 1:
        return
    restated = [
        a
        for a in reg.arms
        if not a.drugs and not a.special and not a.has_placebo and a.labels
        if a.labels <= choice[0].labels
    ]
    if restated:
        reg.arms[:] = [a for a in reg.arms if all(a is not r for r in restated)]
        reg.frozen = None


# "pertuzumab plus trastuzumab with metronomic oral cyclophosphamide", later "the metronomic
# chemotherapy group": an adjective written before the drug only one arm has names that arm.
# "low-dose", "low dose", "low\ndose" and "low \ndose" (wrapped at a line end, a space left
# before the break): any whitespace run joins the two words. One fragment for the adjective
# before the drug, the text-wide test and the group reference (``_LOW_DOSE_LABEL_END``).
_LOW_DOSE_WORDS = r"low(?:-|\s+)dose"
_SCHEDULE_ADJECTIVE = re.compile(
    rf"(?<![\w-])(metronomic|{_LOW_DOSE_WORDS})\s+(?:(?:oral|intravenous)\s+)?\Z", re.I
)
_LOW_DOSE = re.compile(_LOW_DOSE_WORDS)


def _has_low_dose(low: str) -> bool:
    """Whether the lower-cased text writes "low-dose" in any of its forms (``_LOW_DOSE``)."""
    return "dose" in low and _LOW_DOSE.search(low) is not None


_SPACE_RUN = re.compile(r"\s+")


def _adjective_label(written: str) -> str:
    """The label of a schedule adjective as written: "low dose", "low-dose" and a "low\ndose"
    wrapped at the line end are all "low-dose" (any whitespace joins its words)."""
    return _SPACE_RUN.sub("-", written.lower())


def _label_by_schedule_adjective(text: str, drug_hits: list[Hit], reg: ArmRegistry) -> None:
    """Label the one arm whose own drug (one no other arm has) is written after "metronomic" /
    "low-dose" with "<adjective>" and "<adjective> chemotherapy" (a chemotherapy given so)."""
    arms = [a for a in reg.arms if not a.special and a.drugs]
    if len(arms) < 2:
        return
    found: dict[int, str] = {}
    for k, arm in enumerate(arms):
        own = set(arm.drugs).difference(*(set(b.drugs) for b in arms if b is not arm))
        for h in drug_hits:
            if h.kind == "drug" and own.intersection(h.drugs):
                m = _SCHEDULE_ADJECTIVE.search(text, max(0, h.start - 40), h.start)
                if m is not None:
                    found[k] = _adjective_label(m.group(1))
                    break
    if len(found) != 1:
        return  # none, or two arms so written: no adjective tells them apart
    ((k, adjective),) = found.items()
    arms[k].labels |= {adjective, adjective + " chemotherapy"}
    reg.frozen = None


def _matching(
    pattern: re.Pattern[str],
    words: tuple[str, ...],
    text: str,
    low: str,
    sentences: list[tuple[int, int]],
    literal: bool,
) -> list[bool]:
    """``sentences_matching`` for a case-insensitive ``word_start`` pattern whose matches all
    begin with one of ``words``: tried only where those occur in the lower-cased text."""
    if not literal:
        return sentences_matching(pattern, text, sentences)
    return sentences_matching_at(pattern, text, sentences, literal_starts(low, words))


# Round 95a: a design that defines its chemotherapy: "to receive (neoadjuvant) chemotherapy
# consisting of A and B, then C, with or without X", "a chemotherapy regimen consisting of A plus
# B or C plus B ..., or chemotherapy in combination with X". The defined drugs are the backbone
# of every arm; a class mention of the same class later in the sentence stands for them.
DEFINED_CLASS_GATE = WordGate(("consisting", "comprising", "consisted", "composed"))
_DEFINES_CLASS = re.compile(
    r"\s+(?:regimens?\s+|backbone\s+)?(?:(?:which|that)\s+)?"
    r"(?:consisting\s+of|comprising|consisted\s+of|composed\s+of)\s+(?:either\s+)?",
    re.I,
)
# Between the definition's per-patient alternatives ("A plus B or C plus B"): their shared drugs
# are the backbone, the rest is chosen per patient (left out, as investigator's-choice partners).
_DEFINITION_OR = re.compile(r"(?:\s*\([^()]*\))?\s*,?\s+or\s+", re.I)


def defined_class_backbone(
    text: str, regs: list[Regimen], defined: dict[str, frozenset[str]] | None = None
) -> list[Regimen]:
    """``regs`` with a class mention that the sentence defines ("chemotherapy consisting of
    ...") read as the drugs it is defined by, and each later mention of that class alone or in
    a combination ("or chemotherapy in combination with X", "or chemotherapy alone") read as
    those drugs too. The definition's alternatives joined by "or" give only the drugs all of
    them share (none shared: ``regs`` unchanged). Only for a regimen that is the class mention
    alone; a class never defined is read as before. ``defined`` (the registry's
    ``defined_classes``) records the class's label with those drugs."""
    for i, r in enumerate(regs[:-1]):
        if len(r.hits) != 1 or r.hits[0].kind != "class" or r.hits[0].drugs:
            continue
        if _DEFINES_CLASS.fullmatch(text, r.end, regs[i + 1].start) is None:
            continue
        cls = r.hits[0].canonical
        k = i + 1
        while (
            k + 1 < len(regs)
            and _DEFINITION_OR.fullmatch(text, regs[k].end, regs[k + 1].start)
            and not _holds_class(regs[k + 1], cls)
        ):
            k += 1  # ("A plus B or chemotherapy plus X": the class closes the definition)
        parts = regs[i + 1 : k + 1]
        if any(not p.drugs or p.has_placebo for p in parts):
            return regs
        shared = set(parts[0].drugs).intersection(*(p.drugs for p in parts[1:]))
        base = [h for h in parts[0].hits if h.drugs and set(h.drugs) <= shared]
        if not base:
            return regs
        backbone = Regimen(r.start, parts[-1].end, base, ["strong"] * (len(base) - 1))
        if defined is not None:
            defined[_hit_class_label(r.hits[0])] = frozenset(backbone.drugs)
        out = [*regs[:i], backbone]
        for j in range(k + 1, len(regs)):
            later = regs[j]
            if _defined_again(text, regs, j):
                # ("A plus B or to chemotherapy consisting of C plus D": its own definition)
                return out + defined_class_backbone(text, regs[j:], defined)  # (round 100e)
            own = [h for h in later.hits if h.kind != "class" or h.canonical != cls]
            if len(own) != len(later.hits) - 1 or later.has_placebo:
                out.append(later)
                continue
            hits = [*base, *own]
            out.append(Regimen(later.start, later.end, hits, ["strong"] * (len(hits) - 1)))
        return out
    return regs


def _defined_again(text: str, regs: list[Regimen], j: int) -> bool:
    """Whether ``regs[j]`` is a class mention alone that the next regimen defines again
    ("... or to chemotherapy consisting of C plus D"): review of round 95, that mention is its
    own backbone, not the first definition's."""
    r = regs[j]
    return (
        j + 1 < len(regs)
        and len(r.hits) == 1
        and r.hits[0].kind == "class"
        and _DEFINES_CLASS.fullmatch(text, r.end, regs[j + 1].start) is not None
    )


def _holds_class(r: Regimen, cls: str) -> bool:
    """Whether regimen ``r`` holds a mention of drug class ``cls``."""
    return any(h.kind == "class" and h.canonical == cls for h in r.hits)


def defined_class_arm_to_backbone(reg: ArmRegistry) -> None:
    """A drugless arm named only by a class the design later defines (a title's "X in
    combination with chemotherapy versus chemotherapy alone", then "a chemotherapy regimen
    consisting of A plus B ..., or chemotherapy in combination with X") is the arm of the drugs
    that definition gives (round 96b): its labels and sentences move there, so later
    sentences' "chemotherapy alone" restate that arm instead of a drugless one. Only when
    exactly one drug arm holds just those drugs; a class never defined keeps its drugless
    arm."""
    for arm in list(reg.arms):
        if arm.drugs or arm.special or arm.has_placebo or arm.options or not arm.labels:
            continue
        drugs = {reg.defined_classes.get(lb) for lb in arm.labels}
        if len(drugs) != 1 or None in drugs:
            continue
        (want,) = drugs
        target = [a for a in reg.arms if not a.special and set(a.drugs) == want]
        if len(target) != 1:
            continue
        target[0].labels |= arm.labels
        target[0].defined_at[:] = sorted({*target[0].defined_at, *arm.defined_at})
        reg.arms[:] = [a for a in reg.arms if a is not arm]  # (Arm compares by value)
        reg.frozen = None
