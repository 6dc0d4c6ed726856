"""Regimen mentions in result sentences read as arms without a group word.

A regimen mention's arm (``_regimen_arm``), compound short forms the design recorded, "without
X", untreated groups, the patients who went without a drug, class-only arms, generic forms ("the
combination", "both drugs"), lettered lists ("arms A and B"), bare short forms and duration
labels.
"""

from __future__ import annotations

import re

from her2mine.extract.arms.model import (
    NO_NAMED_DRUG,
    Arm,
    ArmRef,
    ArmRegistry,
    _arm_of_exactly,
    _hit_class_label,
    ref_name,
)
from her2mine.extract.fastre import WordGate, compiled, word_start
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import THE_COMBINATION, Regimen, chains_before

# Poster tables flattened into text head their columns with slashed arms, "Arm A / Arm B:
# mPFS 44.3 / 29.1 mos": two different arms joined by a slash are listed, as with "vs".
_SLASH_JOIN = re.compile(r"\s*/\s*")


def _slash_listed(text: str, a: ArmRef, b: ArmRef) -> bool:
    """Whether references ``a`` and ``b`` are two different arms joined by a slash."""
    return a.arm != b.arm and _SLASH_JOIN.fullmatch(text, a.end, b.start) is not None


# "71% with trastuzumab, vs 56% without;": a bare "without" (no drug after it) after "with X";
# the statistic's bracket may follow it ("96.3% without (HR, 1.33; ...)"). "without it" /
# "without them" points back to X the same way (round 58a).
_BARE_WITHOUT = re.compile(
    r"(?<![\w-])without(?:\s+(?:it|them)\b)?"
    r"(?=\s*(?:[;,.)\]]|[(\[]\s*(?:HR|OR|hazard|odds|p\b)|$))",
    re.I,
)
_WITH_END = re.compile(r"(?<![\w-])with\s+(?:the\s+|a\s+|an\s+)?\Z", re.I)
# "with a PIK3CA mutation and 8.4 months without it": a pronoun points back to the last "with"
# phrase, which need not be the drug's (review of round 58a).
_WITH_WORD = re.compile(r"(?<![\w-])with\b", re.I)


def _pronoun_past_other_with(text: str, m: re.Match[str], with_x: Regimen) -> bool:
    """Whether "without it/them" (``m``) has a "with" after the "with X" of ``with_x`` before
    it: the pronoun then stands for that later phrase ("patients with brain metastases")."""
    if m.end() - m.start() == len("without"):
        return False
    return _WITH_WORD.search(text, with_x.end, m.start()) is not None


def _bare_without_refs(
    text: str, s: int, e: int, regs: list[Regimen], refs: list[ArmRef], registry: ArmRegistry
) -> list[ArmRef]:
    """A bare "without" after a "with X" reference in the sentence names the arm without X:
    the registry's arm whose drugs are those of X's arm less X (none such: no reference)."""
    out: list[ArmRef] = []
    for m in _BARE_WITHOUT.finditer(text, s, e):
        with_x = next(
            (
                r
                for r in reversed(regs)
                if r.end <= m.start()
                and r.drugs
                and _WITH_END.search(text, max(s, r.start - 12), r.start)
            ),
            None,
        )
        if with_x is None or _pronoun_past_other_with(text, m, with_x):
            continue
        ref = next((x for x in refs if x.start == with_x.start), None)
        arm = next((a for a in registry.arms if ref and a.name == ref.arm and not a.special), None)
        if arm is None:
            if ref is not None and _names_no_design_arm(ref, registry):
                out.append(ArmRef(m.start(), m.end(), None))  # not X's arm, as after "without X"
            continue
        rest = set(arm.drugs) - set(with_x.drugs)
        without = _arm_of_exactly(registry, rest) if rest else _drugless_arm(registry)
        if without is not None and without is not arm:
            out.append(ArmRef(m.start(), m.end(), ref_name(without)))
        elif not rest and _untreated_comparison(registry, arm):
            out.append(ArmRef(m.start(), m.end(), None))
    return out


def _names_no_design_arm(ref: ArmRef, registry: ArmRegistry) -> bool:
    """Whether reference ``ref`` (a "with X" mention) names no arm of the registry: X's arm
    was read from the mention alone, so a bare "without" after it names no arm either."""
    return ref.arm is not None and all(a.name != ref.arm for a in registry.arms)


# "45.8% with pertuzumab and 29.0% without pertuzumab": a drug named after "without" (not
# "with or without") stands for the patients who did not get it, not for its arm.
_WITHOUT_END = re.compile(r"(?<![\w-])(?<!\bor\s)without\s+(?:the\s+|a\s+|an\s+)?\Z", re.I)


def _without_drug_ref(text: str, s: int, r: Regimen, registry: ArmRegistry) -> ArmRef | None:
    """A reference (from "without" on) for a regimen right after "without": the arm with the
    drugs of X's arm less X (see ``_bare_without_refs``), or arm null when the design defines
    no such arm (never X's own arm). None when "without" does not come right before ``r``."""
    m = _WITHOUT_END.search(text, max(s, r.start - 16), r.start)
    if m is None:
        return None
    name = _regimen_arm(r, registry)
    arm = next((a for a in registry.arms if a.name == name and not a.special), None)
    without = None
    if arm is not None:
        rest = set(arm.drugs) - set(r.drugs)
        without = _arm_of_exactly(registry, rest) if rest else _drugless_arm(registry)
    if without is arm:
        without = None
    # the reference starts at "without", which reads as its own anchor word (as a bare one does)
    return ArmRef(m.start(), r.end, ref_name(without) if without is not None else None)


# "69% with trastuzumab but without pertuzumab": the words between a regimen and the partner
# it was given without (round 60b).
_BUT_WITHOUT = re.compile(r"\s*,?\s*(?:but\s+)?without\s+(?:the\s+|a\s+|an\s+)?", re.I)
# "without pertuzumab-related toxicity", "without pertuzumab dose delays": the partner only
# modifies what was absent (review of round 60b).
_PARTNER_AS_MODIFIER = re.compile(
    r"-[A-Za-z]|\s+(?:dos(?:e|ing)|delay|related|associated|induced|toxicit|exposure|"
    r"interruption|reduction|discontinu)",
    re.I,
)


def _negated_partner_ref(
    text: str, r: Regimen, regs: list[Regimen], registry: ArmRegistry
) -> ArmRef | None:
    """ "trastuzumab (but) without pertuzumab": one reference for the mention and its negated
    partner, naming the one arm that holds every drug of ``r`` and none of the partner's; when
    no arm does, the mention's own drugs. None when no regimen follows "without" right after
    ``r``, or several arms fit, or no arm holds ``r``'s drugs."""
    m = _BUT_WITHOUT.match(text, r.end)
    if m is None:
        return None
    nxt = next((x for x in regs if x.start >= m.end()), None)
    if nxt is None or nxt.start != m.end() or not nxt.drugs:
        return None
    if _PARTNER_AS_MODIFIER.match(text, nxt.end):
        return None  # "without pertuzumab-related toxicity": no drug left out
    held, left_out = set(r.drugs), set(nxt.drugs)
    fits = [
        a
        for a in registry.arms
        if not a.special and held <= set(a.drugs) and not left_out & set(a.drugs)
    ]
    if not fits and any(held <= set(a.drugs) for a in registry.arms if not a.special):
        # no arm of the design fits: the patients given X without Y are a group of their own,
        # never the arm of X with Y the mention would fill to (round 81a)
        return ArmRef(r.start, nxt.end, "+".join(sorted(held)), drugs=tuple(r.drugs))
    if len(fits) != 1:
        return None
    return ArmRef(r.start, nxt.end, ref_name(fits[0]), drugs=tuple(r.drugs))


# "96.3% in trastuzumab-treated women and 88.5% in untreated women": a group of patients named
# as untreated ("untreated patients", "non-treated women"; never "previously untreated
# patients", the first-line population) got no drug.
_UNTREATED_GATE = WordGate(("untreated", "non-treated", "nontreated"))
_UNTREATED_GROUP = re.compile(
    r"(?<![\w-])(?:un|non-?)treated\s+(?:women|patients|participants|subjects|controls?|"
    r"(?:group|cohort)s?)\b",
    re.I,
)
_UNTREATED_NOT_AFTER = re.compile(r"(?:previously|otherwise|initially|chemotherapy)[\s-]*\Z", re.I)


def _untreated_group_refs(
    text: str, s: int, e: int, refs: list[ArmRef], registry: ArmRegistry
) -> list[ArmRef]:
    """Arm-null references for "untreated women/patients" beside a treated group's reference,
    where the design registers one treated arm only (an observational comparison, as in
    ``_untreated_comparison``): their values are the untreated group's, not the nearest arm's."""
    arms = [a for a in registry.arms if not a.special]
    if len(arms) != 1 or not arms[0].drugs:
        return []
    out: list[ArmRef] = []
    for m in _UNTREATED_GROUP.finditer(text, s, e):
        if _UNTREATED_NOT_AFTER.search(text, max(s, m.start() - 16), m.start()):
            continue
        if not any(r.start <= m.start() < r.end for r in refs):
            out.append(ArmRef(m.start(), m.end(), None))
    return out


# "12.6 months in those who did not", "in patients who did not receive pertuzumab", "22.0
# months after discontinuation", "those who stopped trastuzumab": the patients who went without
# a drug, written after the phrase or named by the sentence's reference before it.
_NOT_GIVEN_GATE = WordGate(("did not", "didn't", "had not", "stopped", "discontinu"))
_NOT_GIVEN = re.compile(
    r"(?<![\w-])(?:(?:those|patients|pts|women|participants)\s+who\s+"
    r"(?:(?:did\s+not|didn't|had\s+not)(?:\s+(?:receive[ds]?|get|take|taken))?|stopped|"
    r"discontinued)(?:\s+(?:it|them))?"
    r"|(?:after|following)\s+(?:its\s+)?discontinuation)(?![\w-])",
    re.I,
)
# What may follow a phrase that names no drug itself: the clause ends (a bare "did not" whose
# verb is no receiving, "did not respond", names no such patients).
_NOT_GIVEN_END = re.compile(r"\s*(?:[;,.)\]]|[(\[]|(?:and|or|vs\.?|versus)\b|$)", re.I)
# Between the phrase and the drug it negates ("discontinuation of the trastuzumab").
_NOT_GIVEN_TO_DRUG = re.compile(r"\s+(?:of\s+)?(?:the\s+|an?\s+)?")


def _not_given_refs(
    text: str, s: int, e: int, refs: list[ArmRef], registry: ArmRegistry
) -> list[ArmRef]:
    """``refs`` with each phrase naming the patients who went without a drug read as a
    reference to the arm without it (``_complement_arm``): the drug is the regimen written
    right after the phrase (whose reference the phrase's replaces) or, for a phrase that
    closes its clause, the nearest regimen reference before it. Phrases with neither, or
    whose arm the design does not define, are left alone."""
    for m in _NOT_GIVEN.finditer(text, s, e):
        if any(r.start <= m.start() < r.end for r in refs):
            continue
        gap = _NOT_GIVEN_TO_DRUG.match(text, m.end(), e)
        after_at = gap.end() if gap else m.end()
        after = next((r for r in refs if r.start == after_at and r.drugs), None)
        if after is not None:
            x, end = after, after.end
        elif _NOT_GIVEN_END.match(text, m.end(), e):
            x = next((r for r in reversed(refs) if r.end <= m.start() and r.drugs), None)
            end = m.end()
        else:
            continue
        arm = _complement_arm(x, registry) if x is not None else None
        if arm is None:
            continue  # (the design does not say which arm went without the drug)
        ref = ArmRef(m.start(), end, arm)
        refs = sorted([r for r in refs if r is not after] + [ref], key=lambda r: r.start)
    return refs


def _complement_arm(x: ArmRef, registry: ArmRegistry) -> str | None:
    """The arm of the patients who did not get the drugs reference ``x`` writes: the design
    arm holding the drugs of ``x``'s arm less those, the drugless arm, or (``x``'s arm the only
    treated one: an observational comparison) no named drug; None when the design says not.
    A reference naming only the continued part of a design arm (``continued_drug_arm``): the
    patients who stopped it got no named drug."""
    arm = next((a for a in registry.arms if a.name == x.arm and not a.special), None)
    if arm is None:
        return NO_NAMED_DRUG if _continued_part(x, registry) else None
    rest = set(arm.drugs) - set(x.drugs)
    without = _arm_of_exactly(registry, rest) if rest else _drugless_arm(registry)
    if without is not None and without is not arm:
        return ref_name(without)
    if not rest and _untreated_comparison(registry, arm):
        return NO_NAMED_DRUG
    return None


# "those who continued trastuzumab", "continuing trastuzumab", "trastuzumab beyond progression":
# the patients who kept one drug of their regimen after progression.
CONTINUED_GATE = WordGate(("continu", "beyond"))
# A sentence comparing them with the patients who stopped it, or after progression (else
# "18.0 months with continued trastuzumab and pertuzumab" is the cohort's maintenance phase).
_CONTINUATION_CONTEXT = re.compile(r"progress|did\s+not|didn't|stopped|discontinu", re.I)
_CONTINUED_BEFORE = re.compile(
    r"(?<![\w-])(?:continued|continuing|continuation\s+of)\s+(?:the\s+)?\Z", re.I
)
_BEYOND_PROGRESSION = re.compile(r"\s+beyond\s+(?:disease\s+)?progression\b", re.I)
# Its short form defined right after it: "trastuzumab beyond progression (TBP)".
_BEYOND_PROGRESSION_FORM = re.compile(r"beyond\s+(?:disease\s+)?progression\s*\(\s*\Z", re.I)


def continued_drug_arm(
    text: str, s: int, e: int, r: Regimen, arm: str | None, registry: ArmRegistry
) -> str | None:
    """The arm of regimen mention ``r`` (design arm ``arm``) when it is a drug kept after
    progression ("20.1 months in those who continued trastuzumab" after "paclitaxel plus
    trastuzumab"): the drugs it writes, not the design arm holding them, as the partners after
    progression are chosen per patient. ``arm`` when the mention writes the whole arm, is no
    continuation, or the design has the arm without the drug (the continuation is then the
    randomised comparison: "capecitabine with or without trastuzumab beyond progression"),
    or the sentence [s, e) neither names progression nor the patients who stopped it."""
    design = next((a for a in registry.arms if a.name == arm and not a.special), None)
    if design is None or not r.drugs or not set(r.drugs) < set(design.drugs):
        return arm
    if _arm_of_exactly(registry, set(design.drugs) - set(r.drugs)) is not None:
        return arm
    before = max(s, r.start - 30)
    if not (
        _CONTINUED_BEFORE.search(text, before, r.start)
        or _BEYOND_PROGRESSION_FORM.search(text, before, r.start)
        or _BEYOND_PROGRESSION.match(text, r.end)
    ):
        return arm
    if _CONTINUATION_CONTEXT.search(text, s, e) is None:
        return arm
    return "+".join(sorted(set(r.drugs)))


def _continued_part(x: ArmRef, registry: ArmRegistry) -> bool:
    """Whether reference ``x`` names the drugs it writes, a proper part of a design arm
    (``continued_drug_arm``): the patients who stopped them got no named drug."""
    drugs = set(x.drugs)
    return (
        bool(drugs)
        and x.arm == "+".join(sorted(drugs))
        and any(drugs < set(a.drugs) for a in registry.arms if not a.special)
    )


def _untreated_comparison(registry: ArmRegistry, arm: Arm) -> bool:
    """ "29.4% with trastuzumab and 18.9% without" where the design registers only X's arm (an
    observational comparison of treated and untreated patients; no drugless arm is defined):
    the patients "without" had no drug, so their value has arm null, not X's arm."""
    return all(a is arm for a in registry.arms if not a.special)


def _drugless_arm(registry: ArmRegistry) -> Arm | None:
    """The design's one arm without a named drug ("chemotherapy with or without trastuzumab":
    the chemotherapy arm), or None. "94.8% with trastuzumab and 96.3% without" names it when X's
    arm has no other named drug; its values then have arm null instead of the nearest arm's."""
    arms = _drugless_arms(registry)
    return arms[0] if len(arms) == 1 else None


def _drugless_arms(registry: ArmRegistry) -> list[Arm]:
    """The design's arms that name no drug ("physician's choice" and other special arms aside)."""
    return [a for a in registry.arms if not a.special and not a.drugs]


# "89.2% for chemotherapy alone": a drug class followed by "alone"/"only".
_CLASS_ALONE = re.compile(r"[\s-]+(?:alone|only)\b", re.I)
_CLASS_ALONE_GATE = WordGate(("alone", "only"))


def _class_arm_ref(
    text: str, r: Regimen, registry: ArmRegistry, low: str | None, e: int
) -> ArmRef | None:
    """A class-only mention ("with chemotherapy", "chemotherapy alone") names the design's arm
    without a named drug that carries that class label ("T-DXd or chemotherapy"): a reference
    with arm null, so the value before it is not given to the nearest named regimen ("10.1
    months with T-DXd and 5.4 months with chemotherapy", "89.8% for chemotherapy plus
    trastuzumab and 89.2% for chemotherapy alone"). None when no such arm (or more than one)
    exists."""
    arms = _drugless_arms(registry)
    if not arms:
        return None
    labels = {_hit_class_label(h) for h in r.hits if h.kind == "class"}
    arms = [a for a in arms if a.labels & labels]
    if len(arms) != 1:
        return None
    alone = (
        _CLASS_ALONE.match(text, r.end)
        if _CLASS_ALONE_GATE.may_hold(low, r.end, min(e, r.end + 8))
        else None
    )
    return ArmRef(r.start, alone.end() if alone else r.end, ref_name(arms[0]))


# "the combination(-therapy) group/arm", "the combination", "combination therapy", "the
# monotherapy arm": generic names of the two arms of a drug-versus-drug-plus-partners design;
# "the triplet (regimen)", "the doublet arm": the arm of three (two) drugs (``_sized_arm``).
_GENERIC_GATE = WordGate(("combination", "monotherapy", "triplet", "doublet", "both"))
# "14.1 months with both": "both" as the object of a treatment word, ending its phrase (not
# "both arms", "both HER2 and HR"); it names the combination arm of "A, B, or both". Its values
# may follow in a bracket: "more frequent with A than with both (20% vs 12%)".
_WITH_BOTH = re.compile(
    r"\b(?:with|receiving|received|given|on)\s+both(?:\s+(?:drugs|agents|antibodies))?"
    r"(?=\s*(?:[,;.()\[\]]|$)|\s+(?:and|or|vs\.?|versus|compared|than|had|have|has|achieved|"
    r"showed|experienced|was|were)\b)",
    re.I,
)
_GENERIC_ARM = re.compile(
    word_start(["combination", "monotherapy", "triplet", "doublet"])
    + r"(?:[\s-]+(?:therapy|treatment|regimen))?(?:[\s-]+(?:group|arm|cohort))?\b"
    r"(?![\s-]*(?:of|with|plus|and\s+\w+\s+(?:groups|arms)|groups|arms|cohorts|chemotherapy|"
    r"partners?|agents?|drugs?)\b)"
)
# The word before a generic name: an article or a joiner, not a drug ("pyrotinib monotherapy"
# is a regimen) or a qualifier ("tucatinib-combination group", "fixed-dose combination").
_GENERIC_BEFORE = re.compile(
    r"(?:^|[(\[,;:]|\b(?:the|with|versus|vs\.?|v\.?|than|over|to|or|and|for|of|on|under|"
    r"receiving|received))\s*$",
    re.I,
)


def _nested_pair(registry: ArmRegistry) -> tuple[str | None, str | None] | None:
    """(combination arm, monotherapy arm) when the design is one drug against that drug plus
    partners: exactly two arms, the smaller a single drug the larger one contains."""
    if len(registry.arms) != 2:
        return None
    small, big = sorted(registry.arms, key=_drug_count)
    if small.special or big.special or small.options or big.options or len(small.drugs) != 1:
        return None
    if not set(small.drugs) < set(big.drugs):
        return None
    return big.name, small.name


def _combination_of_all(registry: ArmRegistry) -> str | None:
    """The arm "the combination" names in an "A, B, or A plus B" design: the combination arm
    (``_combination_arm``) once the randomisation called it so (``_name_the_combination``);
    "monotherapy" stays unread there, as it could mean any of the others."""
    big = _combination_arm(registry)
    return big.name if big is not None and "combination" in big.labels else None


def _combination_arm(registry: ArmRegistry) -> Arm | None:
    """The one arm whose drugs are exactly those of all the other arms together (three or more
    arms, each a strict part of it, no physician's choice or placebo arm). An arm naming no
    drug and no placebo ("X, Y or both with chemotherapy": the class read as a regimen of its
    own) is a partner, no arm of the comparison (round 85b)."""
    arms = [a for a in registry.arms if a.name is not None]
    if len(arms) < 3 or any(a.special or not a.drugs for a in arms):
        return None
    big = max(arms, key=_drug_count)
    rest = [a for a in arms if a is not big]
    union = {d for a in rest for d in a.drugs}
    if union != set(big.drugs) or not all(set(a.drugs) < union for a in rest):
        return None
    return big


# "529 women were randomly assigned: 181 to trastuzumab, 174 to lapatinib, and 174 to the
# combination": the allocation itself calls the arm holding both "the combination".
_TO_THE_COMBINATION = re.compile(
    r"\bto\s+(?:the|their)\s+combination\b(?![\s-]+(?:of|with)\b)", re.I
)


def _name_the_combination(text: str, sentences: list[tuple[int, int]], reg: ArmRegistry) -> None:
    """Label the combination arm "combination" when a randomisation sentence allocates
    patients "to the combination" (only then do "the combination group" / "given the
    combination" name it: without that, a three-arm design leaves them unread)."""
    if not any(_TO_THE_COMBINATION.search(text, s, e) for s, e in sentences):
        return
    big = _combination_arm(reg)
    if big is not None:
        big.labels.add("combination")


# "We compared lapatinib, trastuzumab, or the combination of both": the aim itself names the
# arm holding both "the combination" (any sentence may say it, not only the randomisation).
# "Patients received lapatinib, trastuzumab, or the combination for 6 weeks": "of both" may be
# left out (not "the combination of X and Y", "the combination with X", which name drugs).
# (``regimens.OR_BOTH``'s phrase; searched for, so where it ends does not matter)
_COMBINATION_OF_BOTH = re.compile(r"\bor\s+" + THE_COMBINATION, re.I)


def _name_the_combination_of_both(text: str, reg: ArmRegistry) -> None:
    """Label the combination arm (``_combination_arm``) "combination" when the text offers it
    as "A, B, or the combination of both"."""
    if _COMBINATION_OF_BOTH.search(text) is None:
        return
    big = _combination_arm(reg)
    if big is not None:
        big.labels.add("combination")


def _drug_count(arm: Arm) -> int:
    return len(arm.drugs)


def _generic_arm_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """References by generic name ("the combination group", "monotherapy") in a two-arm nested
    design (``_nested_pair``), "the combination" in an "A, B, or A plus B" design
    (``_combination_of_all``); none elsewhere, where the names could mean either arm."""
    pair: tuple[str | None, str | None] | None = None
    out: list[ArmRef] = []
    if text.find("both", s, e) >= 0:
        out.extend(_with_both_refs(text, s, e, registry))
    out.extend(_plural_generic_refs(text, s, e))
    for m in _GENERIC_ARM.finditer(text, s, e):
        if any(r.start < m.end() and m.start() < r.end for r in refs):
            continue  # already read as a group name ("tucatinib-combination group")
        before = text[max(s, m.start() - 12) : m.start()]
        if not _GENERIC_BEFORE.search(before):
            continue
        word = m.group(0).lower()
        bare = word in _BARE_GENERIC
        if bare and not _THE_END.search(before):
            continue  # "combination" alone names the arm only as "the combination"
        size = _SIZE_WORDS.get(word[:7])
        if size is not None:
            if len(registry.arms) >= 2:  # (with no design, the name is the whole population's)
                out.append(ArmRef(m.start(), m.end(), _sized_arm(registry, size)))
            continue
        if pair is None:
            pair = _nested_pair(registry) or (_combination_of_all(registry), None)
            if pair[0] is None and _GROUP_NOUN_END.search(m.group(0)):
                pair = (_uniting_arm(registry), None)
            if pair[0] is None:
                return []
        big, small = pair
        arm = small if m.group(0).lower().startswith("mono") else big
        if arm is None:
            continue  # "monotherapy" where several arms are single drugs
        out.append(ArmRef(m.start(), m.end(), arm))
    return out


def _with_both_refs(text: str, s: int, e: int, registry: ArmRegistry) -> list[ArmRef]:
    """References "with both" (``_WITH_BOTH``) to the combination arm of an "A, B, or both"
    design (``_combination_of_all``); none in other designs."""
    found = list(_WITH_BOTH.finditer(text, s, e))
    arm = _combination_of_all(registry) if found else None
    if arm is None:
        return []
    # (the reference is "both" on, as a drug's is its name after "with")
    return [ArmRef(m.start() + m.group(0).lower().index("both"), m.end(), arm) for m in found]


# "the monotherapy groups", "the combination arms": several arms at once, so no one arm.
_PLURAL_GENERIC = re.compile(
    r"\bthe\s+(?:monotherapy|combination)\s+(?:groups|arms|cohorts)\b", re.I
)


def _plural_generic_refs(text: str, s: int, e: int) -> list[ArmRef]:
    """Round 51: a plural generic name ("the monotherapy groups") is a reference to no one arm,
    so that its value takes no arm named before it."""
    if (
        text.find("groups", s, e) < 0
        and text.find("arms", s, e) < 0
        and text.find("cohorts", s, e) < 0
    ):
        return []
    return [ArmRef(m.start(), m.end(), None) for m in _PLURAL_GENERIC.finditer(text, s, e)]


_GROUP_NOUN_END = re.compile(r"(?:group|arm|cohort)\Z", re.I)


def _uniting_arm(registry: ArmRegistry) -> str | None:
    """Round 51: the arm "the combination group/arm" names among three or more: the one arm
    whose own drugs (those not every arm shares) are exactly those of two or more other arms
    together, each holding a strict part of them ("lapatinib, trastuzumab, or lapatinib plus
    trastuzumab, each with paclitaxel"). None when no arm or several do so, or an arm is a
    physician's choice, per-patient options or drugless."""
    arms = registry.arms
    if len(arms) < 3 or any(a.special or a.options or not a.drugs for a in arms):
        return None
    shared = set.intersection(*(set(a.drugs) for a in arms))
    own = [set(a.drugs) - shared for a in arms]
    found = []
    for i, mine in enumerate(own):
        parts = [o for j, o in enumerate(own) if j != i and o and o < mine]
        if len(parts) >= 2 and set().union(*parts) == mine:
            found.append(arms[i].name)
    return found[0] if len(found) == 1 else None


_THE_END = re.compile(r"\bthe\s+$", re.I)
_BARE_GENERIC = frozenset(("combination", "triplet", "doublet"))
_SIZE_WORDS = {"triplet": 3, "doublet": 2}


def _sized_arm(registry: ArmRegistry, size: int) -> str | None:
    """The arm "the triplet" ("the doublet") names: the one design arm of exactly ``size``
    drugs. None when no arm or several have that many, or an arm's drugs are not all named
    (a physician's choice, per-patient options, a drug class: "trastuzumab plus pertuzumab plus
    chemotherapy" is "the triplet", though it names two drugs): the name then means no arm it
    can be sure of."""
    if any(a.special or a.options or a.with_class for a in registry.arms):
        return None
    sized = [a for a in registry.arms if len(a.drugs) == size]
    return sized[0].name if len(sized) == 1 else None


# "in arms A, B(,) and C": a plural group word, then a list of letters (or numbers).
_LETTER_LIST = re.compile(r"\s+[A-Z1-9](?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z1-9])+\b")
_LIST_ITEM = re.compile(r"\b[A-Z1-9]\b")


def _lettered_list_refs(text: str, e: int, g: re.Match[str], registry: ArmRegistry) -> list[ArmRef]:
    """One listed reference per label of "arms A, B and C" when every letter is the label of
    an arm the design defined ("arm A: ..."); [] otherwise (a single "group A" is read by
    ``_group_ref``)."""
    if not g.group(0).lower().endswith("s"):
        return []
    m = _LETTER_LIST.match(text, g.end(), e)
    if m is None:
        return []
    items = list(_LIST_ITEM.finditer(text, m.start(), m.end()))
    return _enumerated_refs(items, registry, first_start=g.start())


def _capital_before(text: str, s: int, pos: int) -> bool:
    """Whether the last non-space character before ``pos`` (within the sentence) is a capital
    letter: the cheap test that a letter list may end there."""
    j = pos
    while j > s and text[j - 1].isspace():
        j -= 1
    return j > s and "A" <= text[j - 1] <= "Z"


# "in the A, B(,) and C arms": the list of letters before the plural group word.
_LETTER_LIST_BEFORE = re.compile(r"(?<![\w-])[A-Z](?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z])+\s+$")
_CAPITAL = re.compile(r"[A-Z]")


def _lettered_list_before(
    text: str, s: int, g: re.Match[str], registry: ArmRegistry
) -> list[ArmRef]:
    """``_lettered_list_refs`` for "the A, B and C arms": the letters come before the plural
    group word (which the last reference takes in); every letter must label a defined arm."""
    if not g.group(0).lower().endswith("s") or not _capital_before(text, s, g.start()):
        return []
    a = max(s, g.start() - 40)
    m = _LETTER_LIST_BEFORE.search(text, a, g.start())
    if m is None:
        return []
    items = list(_CAPITAL.finditer(text, m.start(), m.end()))
    return _enumerated_refs(items, registry, last_end=g.end())


def _enumerated_refs(
    items: list[re.Match[str]],
    registry: ArmRegistry,
    *,
    first_start: int | None = None,
    last_end: int | None = None,
) -> list[ArmRef]:
    """One listed, enumerated reference per label of a letter list, when every letter labels a
    defined arm ([] otherwise); the group word joins the first (``first_start``: "arms A, B")
    or the last reference (``last_end``: "the A and B arms")."""
    labels = registry.frozen[0]
    if not all(x.group(0).lower() in labels for x in items):
        return []
    refs = [ArmRef(x.start(), x.end(), registry.by_label(x.group(0)), True, True) for x in items]
    if refs and first_start is not None:
        refs[0].start = first_start
    if refs and last_end is not None:
        refs[-1].end = last_end
    return refs


def _bare_form_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """The design's bare short forms ("74% with TL") written as words in sentence [s, e),
    outside the references already read, and before a bracket redefines them."""
    out: list[ArmRef] = []
    for form, arm in registry.bare_forms.items():
        stop = min(e, registry.bare_form_ends.get(form, e))
        at = text.find(form, s, stop)
        while at >= 0:
            end = at + len(form)
            word = not (at and _SHORT_FORM_CHARS.match(text, at - 1))
            word = word and not _SHORT_FORM_CHARS.match(text, end)
            if word and not any(r.start < end and at < r.end for r in refs):
                out.append(ArmRef(at, end, arm.name))
            at = text.find(form, end, stop)
    return out


# Round 88a: a dose arm's name (a bare form "5.4 mg/kg") written as a compound adjective, its
# unit perhaps cut to "mg": "the 5.4-mg/kg arm", "the 5.4-mg/kg dose", "the 6.4-mg group".
_DOSE_FORM = re.compile(r"(\d+(?:\.\d+)?) (mg(?:/\S+)?)")


def _dose_form_variant(form: str) -> tuple[str, re.Pattern[str]] | None:
    """The number of a dose form ("5.4 mg/kg") and a pattern of its written variants
    ("5.4-mg/kg", "5.4-mg"), else None."""
    m = _DOSE_FORM.fullmatch(form)
    if m is None:
        return None
    number, unit = re.escape(m.group(1)), re.escape(m.group(2)[2:])
    return m.group(1), compiled(rf"(?<![\w.]){number}-mg(?:{unit})?(?![\w/])")


def _dose_forms(registry: ArmRegistry) -> list[tuple[re.Pattern[str], Arm]]:
    """The patterns of the dose forms among ``registry``'s bare forms whose number no other
    dose form shares, each with its arm, in the bare forms' order: built on first need and
    kept on the registry (``ArmRegistry.dose_forms``), not per sentence."""
    if registry.dose_forms is None:
        forms = [(v, a) for f, a in registry.bare_forms.items() if (v := _dose_form_variant(f))]
        numbers = [number for (number, _), _ in forms]
        registry.dose_forms = [
            (pattern, arm) for (number, pattern), arm in forms if numbers.count(number) == 1
        ]
    return registry.dose_forms


def dose_variant_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """References in sentence [s, e) to dose arms by their dose as a compound adjective
    (above), outside the references already read. A number two arms' doses share names none."""
    out: list[ArmRef] = []
    for pattern, arm in _dose_forms(registry):
        for m in pattern.finditer(text, s, e):
            if not any(r.start < m.end() and m.start() < r.end for r in refs):
                out.append(ArmRef(m.start(), m.end(), arm.name))
    return out


# "87.0% with subcutaneous and 88.7% with intravenous trastuzumab": a route adjective that a
# list goes on from shares the noun of the next item, so it names the arm of its route.
_ELIDED_ROUTE = re.compile(
    r"(?<![\w-])(subcutaneous|intravenous)(?=\s*(?:,|;|(?:and|or|versus|vs)\b))", re.I
)
ROUTE_GATE = WordGate(("subcutaneous", "intravenous"))


def elided_route_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """References of route adjectives whose noun is elided (``_ELIDED_ROUTE``) in sentence
    [s, e), outside the references already read, to the one arm that route labels."""
    out: list[ArmRef] = []
    for m in _ELIDED_ROUTE.finditer(text, s, e):
        route = m.group(1).lower()
        labelled = [a for a in registry.arms if route in a.labels]
        if len(labelled) != 1 or any(r.start < m.end() and m.start() < r.end for r in refs):
            continue
        out.append(ArmRef(m.start(), m.end(), labelled[0].name))
    return out


# Round 85b: "71.3% during the SC periods", "14.4% during SC administration", "with IV dosing":
# a route with a word for its periods or its giving names the arm of that route (a crossover's
# period arms, route twins). Upper-case short forms only ("iv" is no route).
_ROUTE_PERIOD = re.compile(
    r"(?<![\w-])(?i:during|with|in|after)\s+(?:(?i:the|each)\s+)?"
    r"((?i:subcutaneous|intravenous)|SC|IV)\s+"
    r"(?i:periods?|phases?|administration|dosing|injections?|infusions?|cycles)\b"
)


def route_period_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """References "during the SC periods" (``_ROUTE_PERIOD``) in sentence [s, e), outside the
    references already read, to the one arm that route labels."""
    out: list[ArmRef] = []
    for m in _ROUTE_PERIOD.finditer(text, s, e):
        route = m.group(1).lower()
        labelled = [a for a in registry.arms if route in a.labels and a.name]
        if len(labelled) != 1 or any(r.start < m.end() and m.start() < r.end for r in refs):
            continue
        out.append(ArmRef(m.start(1), m.end(), labelled[0].name))
    return out


# "33% with extended therapy": a duration group's label before a word for the treatment names
# that group, as "the extended arm" does (only in a design comparing durations of one regimen,
# where the label is a group's; "standard therapy" elsewhere is any standard of care). "The short
# duration of follow-up" is the study's, no group's.
_THERAPY_NOUNS = ("therapy", "treatment", "duration")
_THERAPY_NOUN_GATE = WordGate(_THERAPY_NOUNS)
_LABEL_THEN_NOUN = r"(?<![\w-])({})\s+(?:" + "|".join(_THERAPY_NOUNS) + r")\b(?!\s+of\s+follow)"


def _duration_label_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """References "<label> therapy" to the duration groups' word labels in sentence [s, e),
    outside the references already read."""
    words = sorted({lb for a in registry.arms for lb in a.labels if len(lb) > 2 and lb.isalpha()})
    if not words:
        return []
    pattern = compiled(_LABEL_THEN_NOUN.format("|".join(map(re.escape, words))), re.I)
    out: list[ArmRef] = []
    for m in pattern.finditer(text, s, e):
        if not any(r.start < m.end() and m.start() < r.end for r in refs):
            out.append(ArmRef(m.start(), m.end(), registry.by_label(m.group(1))))
    return out


# "86.0% with shorter and 87.6% with 12-month treatment", "85.1% with 6 months and 87.0% with
# 12 months of trastuzumab": in a design comparing durations of one regimen, a length after
# "with" (a number and unit, or a relative word) names a group of that regimen. The length
# must end the phrase (a joiner, a bracket, "of" and the regimen, or a treatment noun before
# one), so "with 12 months of follow-up" and "with shorter trastuzumab" are none of it.
_WITH_LENGTH = re.compile(
    r"(?<![\w-])with\s+(?:the\s+)?((?:\d+|one|two|three|four|six|nine|twelve|eighteen)"
    r"[\s-]*(?:months?|weeks?|years?|cycles?)|shorter|longer|extended|prolonged|abbreviated)"
    r"(?:[\s-]+(?:duration|treatment|therapy|course|regimen))?"
    r"(?=\s*(?:[,;.)]|\band\b|\bor\b|\bvs\b|\bversus\b|\bof\s+(?!follow)|$))",
    re.I,
)


def _duration_length_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """References "with <length>" (``_WITH_LENGTH``) in sentence [s, e) to the one regimen a
    duration design compares, outside the references already read."""
    named = [a for a in registry.arms if a.name]
    if len(named) != 1 or text.find("with", s, e) < 0:
        return []
    out: list[ArmRef] = []
    for m in _WITH_LENGTH.finditer(text, s, e):
        if not any(r.start < m.end() and m.start(1) < r.end for r in refs):
            out.append(ArmRef(m.start(1), m.end(), named[0].name))
    return out


def _redefined_bare_forms(text: str, drug_hits: list[Hit], reg: ArmRegistry) -> None:
    """Where a bracket after the first one holding a bare form follows a drug mention of a
    regimen other than the form's arm ("In a separate cohort, pertuzumab plus trastuzumab (PH)
    gave ...", after "... either alone (PH)"): a new definition from there on
    (``ArmRegistry.bare_form_ends``)."""
    ends = {h.end: h for h in drug_hits}
    for form, arm in reg.bare_forms.items():
        bracket = "(" + form + ")"
        first = text.find(bracket)
        at = text.find(bracket, first + 1) if first >= 0 else -1
        while at >= 0:
            if _redefines(text, drug_hits, ends, at, arm):
                reg.bare_form_ends[form] = at
                break
            at = text.find(bracket, at + 1)


def _redefines(text: str, drug_hits: list[Hit], ends: dict[int, Hit], at: int, arm: Arm) -> bool:
    """Whether the bracket at ``at`` follows a drug chain whose drugs are not ``arm``'s."""
    j = at
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j not in ends:
        return False
    chain = chains_before(text, drug_hits, at)
    return bool(chain) and sorted({d for h in chain for d in h.drugs}) != sorted(arm.drugs)


# A compound short form in the bracket right after a design regimen: "(AC-KP)", "(AC-THP)",
# "(T-DM1+P)". Its parts may be known abbreviations (AC, THP) whose contract drugs differ from
# what the text gave ("taxane"), or unknown letters (KP): the whole form names that arm. A part
# of digits only is a dose ("(FEC-75)"), no compound: such a form names what its letters do.
_SHORT_FORM_AFTER = re.compile(
    r"\s*\(\s*([A-Z][A-Za-z0-9]*(?:\s*[-+]\s*[0-9]*[A-Za-z][A-Za-z0-9]*)+)\s*\)"
)
_SHORT_FORM_CHARS = re.compile(r"[\w+-]")


# The short form of an arm that adds to another arm only a class naming no drug ("TCHP or TCHP
# plus an aromatase inhibitor (TCHP+AI)"): the arm has no name of its own (``_adds_unnamed_class``).
CLASS_TWIN = Arm([], False, {"(class twin)"})


def _adds_unnamed_class(r: Regimen, before: list[Regimen]) -> bool:
    """Whether design regimen ``r`` is a regimen listed before it in its sentence (``before``),
    written with drugs alone, plus a drug class that names no drug ("TCHP or TCHP plus an
    aromatase inhibitor"): no name can tell the two arms apart, so it must not merge into (or
    label) the arm without it. Two arms that each add a class to one drug ("A plus endocrine
    therapy or A plus chemotherapy") are one arm named by its drug, as before."""
    last = r.hits[-1]
    if last.kind != "class" or last.drugs or len(r.hits) < 2:
        return False
    drugs = r.drugs
    return any(p.drugs == drugs and all(h.kind != "class" for h in p.hits) for p in before if drugs)


def _record_short_form(text: str, pos: int, end: int, arm: Arm, reg: ArmRegistry) -> None:
    """Record the compound short form written right after a design regimen (ending at
    ``pos``, before ``end``) as a name of ``arm``; a form given to two arms names neither."""
    if text.startswith("(", pos) or text.startswith(" (", pos):
        m = _SHORT_FORM_AFTER.match(text, pos, end)
    else:
        m = _form_after_dose_tail(text, pos, end, arm)
    if m is not None and (arm.name is not None or arm is CLASS_TWIN):
        form = m.group(1)
        if reg.short_forms.get(form, arm) is not arm:
            reg.short_forms[form] = Arm([], False, set())  # ambiguous: no name
        else:
            reg.short_forms[form] = arm


# Round 91a: "T-DM1 ... plus pyrotinib 320 mg qd for 1 yr (T-DM1+Pyr)": a dose and schedule
# tail (no bracket, no clause break) may stand between the regimen and its short form.
# (review of round 91a: the tail ends at "or", "versus": "A 400 mg or B plus C (B+C)" gives the
# form to the next arm, not to A)
_DOSE_TAIL = re.compile(r"\s+\d(?:(?!\b(?:or|versus|vs)\b)[^()\[\];,:]){0,40}?(?=\s*\()", re.I)
_FORM_PART_SPLIT = re.compile(r"\s*\+\s*")


def _form_after_dose_tail(text: str, pos: int, end: int, arm: Arm) -> re.Match[str] | None:
    """The "(A+B)" short form after a dose tail of the regimen ending at ``pos``, when its parts
    match the arm's drugs: as many parts as drugs, one the start of a drug's name."""
    if not text[pos : pos + 2].strip()[:1].isdigit():
        return None  # (cheap gate: a dose follows the regimen)
    tail = _DOSE_TAIL.match(text, pos, end)
    if tail is None:
        return None
    m = _SHORT_FORM_AFTER.match(text, tail.end(), end)
    if m is None or "+" not in m.group(1):
        return None
    parts = _FORM_PART_SPLIT.split(m.group(1).lower())
    if len(parts) != len(arm.drugs):
        return None
    starts = any(len(p) >= 3 and d.startswith(p) for p in parts for d in arm.drugs)
    return m if starts else None


def _short_form_ref(text: str, r: Regimen, registry: ArmRegistry) -> ArmRef | None:
    """The arm a result mention names when the word it is written in ("with AC-KP": the "AC"
    of it is a regimen mention) is a compound short form the design gave an arm."""
    a, b = r.start, r.end
    while a > 0 and _SHORT_FORM_CHARS.match(text, a - 1):
        a -= 1
    while b < len(text) and _SHORT_FORM_CHARS.match(text, b):
        b += 1
    arm = registry.short_forms.get(text[a:b])
    if arm is CLASS_TWIN:
        return ArmRef(r.start, r.end, None)  # an arm, but none a name tells apart
    if arm is None or arm.name is None:
        return None
    # the reference is the whole form: "with ET+HP" names the arm right after "with"
    return ArmRef(a, b, arm.name)


def _regimen_arm(r: Regimen, registry: ArmRegistry, *, fill: bool = True) -> str | None:
    """The arm a regimen mention in a result sentence stands for (``fill``: see
    ``ArmRegistry.resolve_drugs``)."""
    drugs = r.drugs
    if not drugs and r.has_placebo:
        return registry.by_label("placebo")
    if not drugs:
        # a drug class alone ("received chemotherapy", "a taxane"): the arm named so
        return next(
            (registry.by_label(_hit_class_label(h)) for h in r.hits if h.kind == "class"),
            None,
        )
    if len(r.hits) > 1 and _undesigned_options(r, registry):
        return None
    arm = registry.resolve_drugs(drugs, placebo=r.has_placebo, fill=fill)
    if arm is None and len(r.hits) > 1:
        arm = _class_named_arm(r, registry)
    return arm


def _undesigned_placebo(r: Regimen) -> bool:
    """Whether mention ``r`` is placebo alone that names no design arm ("90.2% with placebo"
    where no sentence defined the arms): the group got no drug, so a value beside it has arm
    null rather than the arm of a drug named before it."""
    return not r.drugs and r.has_placebo


def _undesigned_options(r: Regimen, registry: ArmRegistry) -> bool:
    """Whether regimen mention ``r`` holds per-patient options ("docetaxel or paclitaxel with
    trastuzumab", ``options.options_as_class``) and no design arm holds its drugs: the
    patients it names got different regimens, so its fixed partner alone is no arm."""
    if not any(h.source == "options" for h in r.hits):
        return False
    ds = set(r.drugs)
    return not any(ds <= set(a.drugs) | a.options for a in registry.arms)


def _class_named_arm(r: Regimen, registry: ArmRegistry) -> str | None:
    """The arm a drug written with a class names ("40% with trastuzumab/taxane") when the drug
    alone names none (every arm holds it): the one arm holding the drugs that the class
    labels or whose per-patient options are of that class ("trastuzumab plus a taxane
    (paclitaxel or docetaxel)"); else None."""
    classes = {_hit_class_label(h) for h in r.hits if h.kind == "class"}
    if not classes:
        return None
    members = set().union(*(registry.class_members.get(c, ()) for c in classes))
    ds = set(r.drugs)
    cands = [
        a
        for a in registry.arms
        if ds <= set(a.drugs) and (classes & a.labels or members & a.options)
    ]
    return cands[0].name if len(cands) == 1 else None
