"""Partners of a design's arms: counted mentions ("352 received A and 355 received B"), one
partner for each listed regimen, partners chosen per patient ("investigator's choice of A or B"
joined to a drug), and merging an arm into an earlier twin.
"""

from __future__ import annotations

import re

from her2mine.extract.arms.labels import _label_after
from her2mine.extract.arms.model import Arm, ArmRegistry, _hit_class_label, _twins
from her2mine.extract.backbones import SharedBackbone, role
from her2mine.extract.fastre import WordGate
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen, without_schedules

# "Of 707 patients randomised, 352 received PF-05280014 and 355 received trastuzumab-EU": a
# count of who received what names arms already defined.
_COUNT_RECEIVED_END = re.compile(
    r"\b\d[\d,]*\s+(?:patients\s+|women\s+)?(?:received|were\s+given|were\s+(?:randomly\s+)?"
    r"(?:assigned|allocated|randomi[sz]ed)\s+to)\s+$",
    re.I,
)


def _counted_mention(text: str, s: int, r: Regimen, reg: ArmRegistry) -> bool:
    """Whether regimen ``r`` follows "N (patients) received" and exactly one defined arm
    contains its drugs: the count names that arm ("received PF-05280014", a biosimilar of the
    arm's trastuzumab), it defines no new one."""
    a = max(s, r.start - 40)
    window = text[a : r.start]
    if "receiv" not in window and "given" not in window and " to " not in window:
        return False
    return _COUNT_RECEIVED_END.search(text, a, r.start) is not None and _one_arm_or_twins_hold(
        reg, r.drugs
    )


def _one_arm_or_twins_hold(reg: ArmRegistry, drugs: list[str]) -> bool:
    """Whether one defined arm holds ``drugs``, or twin arms of one name do (a biosimilar and
    its reference: "352 received PF-05280014 and 355 received trastuzumab-EU")."""
    if reg.superset_of(drugs) is not None:
        return True
    ds = set(drugs)
    return bool(ds) and _twins([a for a in reg.arms if ds <= set(a.drugs) | a.options])


_OR_ONLY = re.compile(r"\s*,?\s*or\s+(?:a\s+|an\s+)?", re.I)


def _class_partner_option(text: str, prev: Regimen, r: Regimen) -> bool:
    """Whether ``r`` is a class only, written after "or" right after a drug regimen that ends
    in a class ("trastuzumab plus endocrine therapy or chemotherapy"): the other partner of
    that drug (an arm "trastuzumab plus chemotherapy"), not a drugless arm of its own."""
    return (
        not r.drugs
        and not r.has_placebo
        and bool(prev.drugs)
        and prev.hits[-1].kind == "class"
        and all(h.kind == "class" for h in r.hits)
        # "A plus chemotherapy or chemotherapy (alone)": the same class is the control arm
        and _hit_class_label(r.hits[0]) != _hit_class_label(prev.hits[-1])
        and _OR_ONLY.fullmatch(text, prev.end, r.start) is not None
        and _ALONE_AFTER.match(text, r.end) is None  # "or endocrine therapy alone": an arm
    )


_ALONE_AFTER = re.compile(r"\s+(?:alone|only)\b", re.I)


def _each_partner(text: str, each: re.Match[str] | None, r: Regimen, owner_read: bool) -> bool:
    """Whether regimen ``r`` is the partner in "A or B, each combined with C" (it starts right
    after the "each ... with" that follows two arms): C joins every arm below, it is no arm
    itself; or C of "A and B, both given with C" (``_pair_before_each``), the partner of that
    one arm. ``owner_read``: the two arms, or that one arm, were read before ``r``."""
    return (
        each is not None
        and owner_read
        and r.start >= each.end()
        and _EACH_GAP.fullmatch(text, each.end(), r.start) is not None
    )


_EACH_GAP = re.compile(r"\s*(?:(?:a|an|the|weekly|standard)\s+)?", re.I)

# Round 92a: between two arms listed before "each with C": "A (80 mg/m2) or B", "A, B", "A and
# B", the next item perhaps opened by its schedule ("weekly paclitaxel or every-3-weeks
# paclitaxel").
_EACH_LIST_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)"
    r"(?:(?:weekly|daily|biweekly|triweekly|dose-dense|(?:every|q)[\s-]?(?:\d|two|three|four)"
    r"[\s-]?(?:weeks?|w\b)|\d-weekly)\s*)?",
    re.I,
)


def _listed_before_each(
    text: str, each: re.Match[str] | None, regs: list[Regimen], i: int, added: list[Arm]
) -> bool:
    """Whether regimen ``i`` is the next item of the arm list "A or B, each with C": it starts
    before "each" (the joiner may read "B (175 mg/m2), each given with C" as one regimen; C
    joins every arm after the list all the same), an arm was read before it, and only a list
    joiner (after a dose bracket, before schedule words) stands between the two: "each" says
    every item is an arm."""
    if each is None or i == 0 or not added or regs[i].start >= each.start():
        return False
    return _EACH_LIST_GAP.fullmatch(text, regs[i - 1].end, regs[i].start) is not None


# "A (cohort A), or B (cohort B), with C given from the start of the taxane": a bare ", with"
# right after the bracketed label of the last arm is said of the whole list (the label has
# closed arm B), so C is given in every arm, like "each with C".
_WITH_AFTER_LABEL = re.compile(r"\)\s*,\s*with\s+(?:(?:a|an|the|weekly|standard)\s+)?", re.I)


def _with_after_last_label(text: str, regs: list[Regimen], low: str | None) -> re.Match[str] | None:
    """The ", with" before the partner of "A (arm A), or B (arm B), with C": two regimens or
    more before it, the one right before it closed by its group label, and no drug named after
    the partner (C is the last regimen with drugs). None when the sentence is no such list."""
    for k in range(2, len(regs)):
        m = _WITH_AFTER_LABEL.search(text, regs[k - 1].end, regs[k].start)
        if m is None or m.end() != regs[k].start:
            continue
        if any(r.drugs for r in regs[k + 1 :]) or not regs[k].drugs:
            return None
        if _label_after(text, regs[k - 1].end, m.start() + 1, low) is None:
            return None
        return m
    return None


# "SB3 or reference trastuzumab for eight cycles concurrently with chemotherapy (docetaxel ...)",
# "neratinib or trastuzumab in combination with paclitaxel": a partner introduced so right after
# a choice of two drugs of one role is given with either (as "each with C" says), no arm itself.
_CHOICE_PARTNER_GATE = WordGate(("concurrently with", "concomitantly with", "combination with"))
_CHOICE_PARTNER = re.compile(r"\b(?:concurrently|concomitantly|in\s+combination)\s+with\s+", re.I)
# Round 65a: "CT-P6 or reference trastuzumab with docetaxel": after a biosimilar and its
# reference product (one drug), a bare "with"/"plus" partner is given with either; an arm of
# the biosimilar alone against the reference with a partner compares nothing.
_TWIN_PARTNER = re.compile(r"\s(?:with|plus)\s+", re.I)
_PRODUCT_CODE = re.compile(r"[A-Z]{1,5}-?[A-Z]?[0-9]{1,8}[A-Za-z]?")
_REFERENCE_WORD = re.compile(r"\b(?:reference|originator|innovator|biosimilar)\b", re.I)


def _biosimilar_pair(text: str, a: Hit, b: Hit) -> bool:
    """Whether mentions ``a`` and ``b`` (``b`` after "or") name one drug as a biosimilar and
    its reference product: the same drugs written differently, one as a product code or with a
    reference word before ``b`` ("CT-P6 or reference trastuzumab"); "docetaxel or docetaxel
    plus ramucirumab" is an add-on design."""
    if a.drugs != b.drugs or a.text.lower() == b.text.lower():
        return False
    return (
        _PRODUCT_CODE.fullmatch(a.text) is not None
        or _PRODUCT_CODE.fullmatch(b.text) is not None
        or _REFERENCE_WORD.search(text, a.end, b.start) is not None
    )


# ("or reference trastuzumab", "or the originator": one qualifier word may stand before B)
_CHOICE_OR = re.compile(
    r"\s+or\s+(?:the\s+)?(?:(?:reference|originator)\s+(?:product|drug)\s+|[a-z][a-z-]*\s+)?"
)
# between the second drug and the partner phrase: its schedule ("for eight cycles"), no new item;
# a comma may close the choice ("B 1250 mg once daily, in combination with C")
_CHOICE_GAP = re.compile(r"[^,;()\[\]]{0,40},?\s*")


def _partner_of_choice(
    text: str, regs: list[Regimen], drug_class: dict[str, str]
) -> tuple[int, re.Match[str]] | None:
    """(index of B, the partner phrase) for "A or B concurrently (in combination) with C", A and
    B single mentions of one drug (a biosimilar and its reference) or of two anti-HER2 agents,
    with C's drugs after the phrase; None when the sentence is no such choice."""
    for k in range(1, len(regs)):
        a, b = regs[k - 1], regs[k]
        if len(a.hits) != 1 or not _choice_or(text[a.end : b.start]):
            continue
        first = b.hits[0]
        stop = (
            b.hits[1].start if len(b.hits) > 1 else (regs[k + 1].start if k + 1 < len(regs) else -1)
        )
        if stop < 0 or not _same_role_choice(a.hits[0].drugs, first.drugs, drug_class):
            continue
        m = _CHOICE_PARTNER.search(text, first.end, stop) or _comma_partner(text, first.end, stop)
        if m is None and _biosimilar_pair(text, a.hits[0], first):
            m = _TWIN_PARTNER.search(text, first.end, stop)
        if m is not None and _CHOICE_GAP.fullmatch(text, first.end, m.start()) is not None:
            return k, m
    return None


# "SB3 or reference trastuzumab, with docetaxel": a bare ", with" right before the partner.
_COMMA_WITH = re.compile(r",\s*with\s+")


def _comma_partner(text: str, a: int, stop: int) -> re.Match[str] | None:
    """The ", with" of "A or B, with C" in [``a``, ``stop``), C's first drug at ``stop`` (after
    an article at most): said of both alternatives, as "each with" is."""
    if text.find(", with", a, stop) < 0:
        return None
    m = _COMMA_WITH.search(text, a, stop)
    if m is None or _EACH_GAP.fullmatch(text, m.end(), stop) is None:
        return None
    if _PARTNER_OR.match(text, stop) is not None:
        return None  # "A or B, with C or D": a partner chosen per patient, joined to no arm
    return m


# C's first word, then "or": "with paclitaxel or docetaxel" offers a choice of partners.
_PARTNER_OR = re.compile(r"[A-Za-z][\w-]*\s*,?\s+or\s+", re.I)


def _choice_or(gap: str) -> bool:
    """Whether ``gap`` joins the two drugs of a choice: "or", perhaps after the first drug's dose
    ("oral pyrotinib 400 mg or lapatinib": the dose is the first drug's, no new item)."""
    if _CHOICE_OR.fullmatch(gap) is not None:
        return True
    return " or " in gap and _CHOICE_OR.fullmatch(without_schedules(gap)) is not None


def _same_role_choice(a: list[str], b: list[str], drug_class: dict[str, str]) -> bool:
    """Whether drugs ``a`` and ``b`` are alternatives of one role: the same drug (a biosimilar
    and its reference product) or two single anti-HER2 agents."""
    if not a or not b:
        return False
    if a == b:
        return True
    return len(a) == len(b) == 1 and role(a[0], drug_class) == role(b[0], drug_class) == "anti-HER2"


def _pair_before_each(
    text: str, regs: list[Regimen], each: re.Match[str]
) -> tuple[list[Regimen], int | None]:
    """For a lone weakly joined "A and B" (two mentions or more), the one regimen before the
    "each/both/all with C" ``each``: after "each", ``regs`` with it cut into its mentions, "each"
    making them two arms (round 92a; a single regimen has no "each" to share a partner with);
    after "both"/"all", its index, "both" joining the drugs of that one arm, so C is its
    partner alone ("A and B, both given with C, or D": arms A + B + C and D; round 93a;
    "pertuzumab and trastuzumab, both given with docetaxel" is one regimen). Else ``regs`` and
    None."""
    before = [i for i, r in enumerate(regs) if r.end <= each.start()]
    if len(before) != 1:
        return regs, None
    i = before[0]
    r = regs[i]
    if len(r.hits) < 2 or any(j != "weak" for j in r.joins):
        return regs, None
    if text.startswith(("each", "Each"), each.start()):
        split = [Regimen(h.start, h.end, [h], []) for h in r.hits]
        return [*regs[:i], *split, *regs[i + 1 :]], None
    # (named drugs only: "62% with X-free regimens and 58% with X-containing regimens, all given
    # with C" speaks of two groups of a class, each given C)
    return regs, (i if all(h.kind == "drug" for h in r.hits) else None)


def _partner_drugs(
    text: str, kept: list[Hit], each: re.Match[str], regs: list[Regimen], arm_of: dict[int, Arm]
) -> tuple[set[str], set[int]]:
    """The partner's drugs after "each/both with" (the drugs of mentions after it, but those of
    an arm listed after the partner and ", or": "A or B, each given with C, or D alone" makes D
    an arm, no partner), and the ids of those later arms (C is not theirs; round 93a)."""
    # (only an arm after ", or": what follows "each with" otherwise, the partner itself read as
    # an arm after its dose or route words too, is still C)
    later = [
        i
        for i in arm_of
        if i > 0
        and regs[i].start >= each.end()
        and text.find(", or ", regs[i - 1].end, regs[i].start) >= 0
    ]
    spans = [(regs[i].start, regs[i].end) for i in later]
    drugs = {
        d
        for h in kept
        if h.start >= each.end() and not any(a <= h.start < b for a, b in spans)
        for d in h.drugs
    }
    return drugs, {id(arm_of[i]) for i in later}


def _regimen_before(r: Regimen, pos: int) -> Regimen:
    """``r`` cut to its mentions before ``pos``."""
    hits = [h for h in r.hits if h.end <= pos]
    return Regimen(r.start, hits[-1].end, hits, r.joins[: len(hits) - 1])


def _with_backbone(shared: SharedBackbone, arm_of: dict[int, Arm]) -> None:
    """Each alternative's arm gets the backbone; its core stays the alternative's own drugs."""
    for i, own in shared.own.items():
        arm = arm_of.get(i)
        if arm is not None and not arm.special and arm.core is None:
            arm.core = sorted(own)
            arm.drugs = sorted(set(arm.drugs) | shared.backbone | own)


def _merge_into_earlier_twins(reg: ArmRegistry, arm_of: dict[int, Arm], before: set[int]) -> None:
    """An alternative that, with its backbone, has the drugs of an arm an earlier sentence
    defined ("Paclitaxel Plus Trastuzumab With or Without Lapatinib" in the title, then "...
    plus trastuzumab (TH), plus lapatinib (TL), or plus trastuzumab and lapatinib (THL)") is
    that arm: it gets the alternative's core and labels, and is not counted twice."""
    for i, arm in list(arm_of.items()):
        if arm.core is None or id(arm) in before:
            continue
        twin = next(
            (
                a
                for a in reg.arms
                if id(a) in before and a.core is None and not a.special and a.drugs == arm.drugs
            ),
            None,
        )
        if twin is None or twin.has_placebo != arm.has_placebo:
            continue
        twin.core = arm.core
        twin.labels |= arm.labels
        twin.options |= arm.options
        reg.arms.remove(arm)
        reg.frozen = None
        arm_of[i] = twin
