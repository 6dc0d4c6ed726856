"""Arms a design defines by reference to another arm (round 89b).

"group B received trastuzumab in addition to the regimen of group A", "the same SHR-A1811
schedule plus pyrotinib (arm B)", "X, Y and Z with pyrotinib (the pyrotinib arm) or without
pyrotinib (the control arm)": the referring arm's regimen holds the other arm's drugs too (or,
for "without", those drugs less the one left out). Read after the design, on its arms.
"""

from __future__ import annotations

import re

from her2mine.extract.arms.model import Arm, ArmRegistry
from her2mine.extract.fastre import WordGate, last_match
from her2mine.extract.hits import Hit

# The nouns of "the regimen / treatment / therapy of group A": ``_REGIMEN_OF_ARM`` and
# ``REFERENCE_GATE`` are both built from them, so the gate holds a literal of every match
# (round 96a: "in addition to the treatment of group A" was gated out by "regimen of" alone).
_REFERENCE_NOUNS = ("regimen", "treatment", "therapy")
_REFERENCE_NOUN = "(?:" + "|".join(_REFERENCE_NOUNS) + ")"

# Every match of ``_REGIMEN_OF_ARM`` holds "<noun> of", "<noun> as" or "as in "; "same" is
# for ``_same_drug_schedule``, "without" for ``_control_without_drug``.
REFERENCE_GATE = WordGate(
    (*(f"{n} {w}" for n in _REFERENCE_NOUNS for w in ("of", "as")), "same", "as in ", "without")
)

# "in addition to the regimen of group A", "plus the regimen of arm A", "the same regimen as
# group A plus", "as in arm A": group 1 is the letter (or number) of the arm referred to, a
# capital as in ``_ARM_LABEL``.
_REGIMEN_OF_ARM = re.compile(
    rf"\b(?:(?:in\s+addition\s+to|plus|with|and)\s+the\s+(?:same\s+)?{_REFERENCE_NOUN}"
    rf"\s+(?:of|as(?:\s+in)?)|the\s+same\s+{_REFERENCE_NOUN}\s+as(?:\s+in)?|as\s+in)"
    r"\s+(?:the\s+)?(?i:group|arm|cohort)\s+((?-i:[A-Z])|[0-9])\b",
    re.I,
)
# The arm a clause defines: "group B received", the last label before the reference.
_ARM_LABEL = re.compile(r"(?<![\w-])(?i:group|arm|cohort)\s+([A-Z]|[0-9])\b")
# That label must be the subject of a treatment verb, or open the bracket holding the reference
# ("group B (docetaxel as in group A plus X)"): in "diarrhoea was as frequent in group B as in
# group A" or "arm B had dose reductions as in arm A" no arm is defined (review of round 89b).
_LABEL_DEFINES = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:which|who)\s+)?(?:patients\s+)?"
    r"(?:received|(?:was|were)\s+(?:given|administered|treated\s+with))\b",
    re.I,
)
_LABEL_BRACKET = re.compile(r"\s*\([^()]*\Z")
# "the same SHR-A1811 schedule plus": the drug kept is the one hit inside the phrase.
_SAME_DRUG_SCHEDULE = re.compile(
    r"\bthe\s+same\s+(\S+(?:\s+\S+)?)\s+(?:schedule|regimen|dose|dosing|treatment)\s*,?\s+"
    r"(?:plus|with|and|combined\s+with|in\s+combination\s+with)\s+",
    re.I,
)
# "with pyrotinib ... or without pyrotinib (the control arm)": the drug left out.
_OR_WITHOUT = re.compile(r"\bor\s+without\s+", re.I)
# Where a clause that defines one arm ends.
_CLAUSE_END = re.compile(r"[;)]|,\s+(?:and\s+|or\s+)?(?:group|arm|cohort)\s", re.I)


def complete_referenced_arms(
    text: str,
    low: str | None,
    sentences: list[tuple[int, int]],
    design: list[tuple[int, int]],
    hits: list[Hit],
    reg: ArmRegistry,
) -> None:
    """Add to each arm defined by reference the drugs of the arm it refers to. Labelled
    references ("the regimen of group A") are read in every sentence (a design may say who
    received what after its randomisation sentence); unlabelled ones only in the ``design``
    sentences read. An arm referred to that the design did not define adds nothing. (Only for
    two arms or more: the callers check.)"""
    reg.frozen = None  # (the arms' drugs may change)
    design_starts = {s for s, _ in design}
    for s, e in sentences:
        if not REFERENCE_GATE.may_hold(low, s, e):
            continue
        _regimen_of_other_arm(text, s, e, reg)
        if s in design_starts:
            _same_drug_schedule(text, s, e, hits, reg)
            _control_without_drug(text, s, e, hits, reg)


def _by_label(reg: ArmRegistry, label: str) -> Arm | None:
    return next((a for a in reg.arms if label.lower() in a.labels), None)


def _regimen_of_other_arm(text: str, s: int, e: int, reg: ArmRegistry) -> None:
    """ "group B received X in addition to the regimen of group A": B gets A's drugs too."""
    for m in _REGIMEN_OF_ARM.finditer(text, s, e):
        label = last_match(_ARM_LABEL, text, s, m.start())
        if label is None or not _label_defines(text, label.end(), m.start()):
            continue
        own, other = _by_label(reg, label.group(1)), _by_label(reg, m.group(1))
        if own is not None and other is not None and own is not other:
            _add_drugs(own, other.drugs)


def _label_defines(text: str, label_end: int, ref_start: int) -> bool:
    """Whether the label ending at ``label_end`` is what the clause up to ``ref_start`` defines
    (see ``_LABEL_DEFINES``)."""
    if _LABEL_DEFINES.match(text, label_end, ref_start) is not None:
        return True
    return _LABEL_BRACKET.match(text[label_end:ref_start]) is not None


def _hits_in(hits: list[Hit], a: int, b: int) -> list[Hit]:
    return [h for h in hits if a <= h.start and h.end <= b]


def _clause_end(text: str, a: int, e: int) -> int:
    m = _CLAUSE_END.search(text, a, e)
    return e if m is None else m.start()


def _arm_of_drugs(reg: ArmRegistry, drugs: set[str]) -> Arm | None:
    """The one arm whose drugs are exactly ``drugs``."""
    found = [a for a in reg.arms if set(a.drugs) == drugs]
    return found[0] if len(found) == 1 else None


def _same_drug_schedule(text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry) -> None:
    """ "the same SHR-A1811 schedule plus pyrotinib": the arm of pyrotinib keeps SHR-A1811."""
    for m in _SAME_DRUG_SCHEDULE.finditer(text, s, e):
        kept = {d for h in _hits_in(hits, m.start(1), m.end(1)) for d in h.drugs}
        added = {d for h in _hits_in(hits, m.end(), _clause_end(text, m.end(), e)) for d in h.drugs}
        arm = _arm_of_drugs(reg, added) if kept and added else None
        if arm is not None:
            _add_drugs(arm, kept)


def _control_without_drug(text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry) -> None:
    """ "A and B with X (the X arm) or without X (the control arm)": the arm read as X alone is
    the other arm's regimen less X."""
    for m in _OR_WITHOUT.finditer(text, s, e):
        left = _hits_in(hits, m.end(), _clause_end(text, m.end(), e))
        if not left or left[0].start != m.end():
            continue  # "or without (LET) lapatinib": a name first, the drug read as an arm
        dropped = {d for h in left for d in h.drugs}
        arm = _arm_of_drugs(reg, dropped) if dropped else None
        if arm is None:
            continue
        fuller = [a for a in reg.arms if a is not arm and set(a.drugs) > dropped]
        if len(fuller) == 1:
            arm.drugs = sorted(set(fuller[0].drugs) - dropped)
            if arm.core is not None:
                arm.core = list(arm.drugs)


def _add_drugs(arm: Arm, drugs: list[str] | set[str]) -> None:
    arm.drugs = sorted(set(arm.drugs) | set(drugs))
    if arm.core is not None:
        arm.core = list(arm.drugs)
