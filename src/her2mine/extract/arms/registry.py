"""Building the registry of a text's arms (``build_registry``).

Reads every design sentence (``design._read_design``) and the looser sentences that say who
received what, drops the parts of a sentence that report results, and tells which trial a
sentence is about when a text reports several (``trial_of_sentence``, ``trial_pairs``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from her2mine.extract.arms.classes import (
    _class_groups_to_drug_arms,
    _fold_class_restating_choice,
    _fold_class_written_arms,
    _has_low_dose,
    _label_by_schedule_adjective,
    _matching,
)
from her2mine.extract.arms.design import _read_design
from her2mine.extract.arms.factorial import FACTORIAL_GATE, read_factorial
from her2mine.extract.arms.given_all import (
    _GIVEN_IN_ALL_GATE,
    _each_with_named_arms,
    _give_to_every_arm,
    _given_in_all,
    _given_to_all,
    _later_backbone,
    states_labelled_addition,
)
from her2mine.extract.arms.labels import name_arms_with_added_drugs
from her2mine.extract.arms.lettered import (
    _LETTER_LABEL_GATE,
    _LETTERED_VERB_GATE,
    _duration_design,
    _names_another_trial,
    _read_described_arms,
    _read_labelled_regimens,
    _read_next_lettered_arm,
    label_cohorts_of_arms,
)
from her2mine.extract.arms.mentions import (
    _name_the_combination,
    _name_the_combination_of_both,
    _redefined_bare_forms,
)
from her2mine.extract.arms.model import Arm, ArmRegistry, _defined_arms, _same_arm
from her2mine.extract.arms.patterns import (
    _ADDED_TO_ALL,
    _ALL_WORDS,
    _BOTH,
    _DESIGN,
    _DESIGN_WORDS,
    _RANDOMISED,
    _RANDOMISED_WORDS,
    _results_of_a_randomised_study,
    assigns_nobody,
    names_randomised_study_only,
    treats_hypothetically_only,
)
from her2mine.extract.arms.referenced import complete_referenced_arms
from her2mine.extract.arms.shares import _PARTNER_SHARE_GATE, _read_partner_shares
from her2mine.extract.arms.supportive import supportive_randomisation
from her2mine.extract.fastre import literal_safe, sentences_matching
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import lower_same_length


def build_registry(
    text: str,
    sentences: list[tuple[int, int]],
    drug_hits: list[Hit],
    low: str | None = None,
    trials: list[tuple[int, str]] | None = None,
    class_members: dict[str, frozenset[str]] | None = None,
    drug_class: dict[str, str] | None = None,
) -> ArmRegistry:
    """Arms defined by the design sentences: randomisation sentences first; sentences that only
    say who received what are read when those did not define two arms. ``low`` =
    ``lower_same_length(text)`` if the caller has it; ``trials``: (start, name) of the named
    trials, in order (see ``_read_other_trials_designs``); ``class_members``: the drug
    lexicon's ``DrugLexicon.class_members`` and ``drug_class`` (the package lexicon's if
    None)."""
    reg = ArmRegistry()
    if class_members is not None:
        reg.class_members = class_members
    if drug_class is not None:
        reg.drug_class = drug_class
    sentences = [tuple(x) for x in sentences]
    low = lower_same_length(text) if low is None else low
    literal = literal_safe(text)
    randomised = _matching(_RANDOMISED, _RANDOMISED_WORDS, text, low, sentences, literal)
    randomised = [
        ok and not _results_of_a_randomised_study(text, s, e) and not assigns_nobody(text, s, e)
        for (s, e), ok in zip(sentences, randomised, strict=True)
    ]
    primary = [x for x, ok in zip(sentences, randomised, strict=True) if ok]
    gate = low if literal else None
    lettered_verbs = _LETTERED_VERB_GATE.may_hold(gate, 0, len(text))
    backbone: set[str] = set()
    if any(h.kind == "supportive" for h in drug_hits):
        drug_hits, backbone = supportive_randomisation(text, primary, drug_hits)
    _read_design(text, primary, drug_hits, reg, gate)
    if backbone:  # round 84b: the anticancer drug every patient of the supportive groups gets
        _give_to_every_arm(reg, backbone, drugless_too=True)
    if len(primary) >= 2 and len(reg.arms) >= 3:
        _drop_count_restatements(text, primary, reg)
    read = primary
    design_rest: list[tuple[int, int]] | None = None  # (``_design_sentences``, read once)
    titled = _study_named_arms(text, primary, reg) if reg.arms else []
    if titled and len(titled) < len(reg.arms):
        own = _own_study_starts(sentences, trials)
        others = [a for a in reg.arms if a not in titled and own.intersection(a.defined_at)]
        if _shared_part_only(titled, others):
            _drop_arms(reg, titled)
        else:
            _drop_title_parts(reg, titled, others)
    elif titled and _defined_arms(reg) >= 2:
        own = _own_study_starts(sentences, trials)
        design_rest = _design_sentences(text, low, sentences, randomised, literal, gate)
        rest = [x for x in design_rest if x[0] in own]
        if _fuller_design_refines(text, rest, drug_hits, reg, gate, titled) or (
            lettered_verbs
            and _described_groups_refine(text, sentences, own, drug_hits, reg, gate, titled)
        ):
            reg = ArmRegistry(class_members=reg.class_members, drug_class=reg.drug_class)
    if _defined_arms(reg) < 2 and lettered_verbs:
        _read_described_arms(text, sentences, drug_hits, reg)
    if _defined_arms(reg) < 2 and _PARTNER_SHARE_GATE.may_hold(gate, 0, len(text)):
        _read_partner_shares(text, sentences, drug_hits, reg, gate)
    if _defined_arms(reg) < 2:
        rest = design_rest
        if rest is None:
            rest = _design_sentences(text, low, sentences, randomised, literal, gate)
        _read_design(text, rest, drug_hits, reg, gate)
        if len(reg.arms) >= 2:
            _drop_result_parts(text, sentences, reg)
        read = sorted(primary + rest)
    elif trials and len(trials) >= 2 and reg.arms and len({c for _, c in trials}) >= 2:
        design = _matching(_DESIGN, _DESIGN_WORDS, text, low, sentences, literal)
        rest = [x for x, r, d in zip(sentences, randomised, design, strict=True) if d and not r]
        if rest:
            _read_other_trials_designs(text, sentences, rest, drug_hits, reg, gate, trials)
    if _defined_arms(reg) >= 2 and _LETTER_LABEL_GATE.may_hold(gate, 0, len(text)):
        _read_next_lettered_arm(text, sentences, randomised, drug_hits, reg)
    if _LETTER_LABEL_GATE.may_hold(gate, 0, len(text)):
        _read_labelled_regimens(text, sentences, drug_hits, reg, trials, gate)
    if len(reg.arms) >= 2:
        complete_referenced_arms(text, gate, sentences, read, drug_hits, reg)
    if "cohort" in low:
        label_cohorts_of_arms(text, sentences, drug_hits, reg, gate)
    _duration_design(text, low, read, reg)
    if "each" in low and reg.arms:
        _each_with_named_arms(text, sentences, drug_hits, reg)
    if sum(1 for a in reg.arms if a.name) >= 2:
        both = _matching(_BOTH, _ALL_WORDS, text, low, sentences, literal)
        if any(both):
            said = [x for x, ok in zip(sentences, both, strict=True) if ok]
            _given_to_all(text, said, drug_hits, reg)
        if _GIVEN_IN_ALL_GATE.may_hold(low, 0, len(low)):
            _given_in_all(text, sentences, drug_hits, reg)
    if "combination" in low:
        _name_the_combination(text, primary, reg)
        _name_the_combination_of_both(text, reg)
    if "added" in low:  # every _ADDED_TO_ALL match holds it
        added = sentences_matching(_ADDED_TO_ALL, text, sentences)
        backbone = [x for x, ok in zip(sentences, added, strict=True) if ok]
        _later_backbone(text, backbone, drug_hits, reg)
    if "respectively" in low and sum(1 for a in reg.arms if a.name) >= 2:
        read_set = set(read)
        later = [x for x in sentences if x not in read_set]
        name_arms_with_added_drugs(text, later, drug_hits, reg)
    if len(reg.arms) >= 3:
        _class_groups_to_drug_arms(reg)
        _fold_class_written_arms(reg)
        _fold_class_restating_choice(reg)
    if "metronomic" in low or _has_low_dose(low):
        _label_by_schedule_adjective(text, drug_hits, reg)
    if trials:
        _mark_other_trials(reg, sentences, trials)
    if reg.bare_forms:
        _redefined_bare_forms(text, drug_hits, reg)
    if FACTORIAL_GATE.may_hold(low, 0, len(low)):
        read_factorial(text, sentences, drug_hits, reg, gate)
    # (not frozen here: ``arm_refs`` freezes it the first time a sentence has a group word,
    # which many documents never have)
    return reg


def _design_sentences(
    text: str,
    low: str,
    sentences: list[tuple[int, int]],
    randomised: list[bool],
    literal: bool,
    gate: str | None,
) -> list[tuple[int, int]]:
    """The sentences that say who received what (or state a labelled addition) without
    saying "randomised": read when the randomisation sentences define fewer than two arms."""
    design = _matching(_DESIGN, _DESIGN_WORDS, text, low, sentences, literal)
    design = [
        (d and not (low.find(" be ", s, e) >= 0 and treats_hypothetically_only(text, s, e)))
        or states_labelled_addition(text, s, e, gate)
        for (s, e), d in zip(sentences, design, strict=True)
    ]
    return [x for x, r, d in zip(sentences, randomised, design, strict=True) if d and not r]


def _study_named_arms(text: str, primary: list[tuple[int, int]], reg: ArmRegistry) -> list[Arm]:
    """Arms that only sentences naming the study randomised defined ("Subcutaneous vs
    Intravenous Trastuzumab With Neoadjuvant Chemotherapy: A Randomized Clinical Trial", a
    title: ``names_randomised_study_only``), none assigning patients."""
    named = {s for s, e in primary if names_randomised_study_only(text, s, e)}
    if not named:
        return []
    return [a for a in reg.arms if a.defined_at and set(a.defined_at) <= named]


def _own_study_starts(
    sentences: list[tuple[int, int]], trials: list[tuple[int, str]] | None
) -> set[int]:
    """The starts of the sentences that name no trial the title does not name: a Background's
    "In NeoSphere, patients were randomised to A or B" is another trial's design, which does
    not replace the arms a randomised title named (``_names_another_trial``)."""
    title_end = sentences[0][1] if sentences else 0
    return {s for s, e in sentences if not _names_another_trial(s, e, title_end, trials)}


def _shared_part_only(titled: list[Arm], arms: list[Arm]) -> bool:
    """Whether every arm of ``titled`` names only drugs each of ``arms`` (two drug arms or
    more) holds: the title tells the arms apart by words that are no drugs (routes, doses:
    "dose-escalation versus standard dosing, each with capecitabine") and names their shared
    part, which the fuller design's arms each hold. A title arm of its own drug or a placebo
    keeps its arms."""
    drug_arms = [a for a in arms if a.drugs and not a.special]
    if len(drug_arms) < 2 or len(drug_arms) < len(arms):
        return False
    return all(
        not t.special and not t.has_placebo and set(t.drugs) <= set(a.drugs)
        for t in titled
        for a in drug_arms
    )


def _drop_title_parts(reg: ArmRegistry, titled: list[Arm], arms: list[Arm]) -> None:
    """Drop each arm of ``titled`` whose drugs are a strict part of an arm the body's design
    (``arms``, two drug arms or more) defined: a title's "Weekly Paclitaxel vs Docetaxel With
    Pertuzumab and Trastuzumab" gives the partner to both, which the body spells out; the
    title's bare "paclitaxel" is no arm of its own (round 85b)."""
    drug_arms = [a for a in arms if a.drugs and not a.special]
    if len(drug_arms) < 2:
        return
    drop = [
        t
        for t in titled
        if t.drugs
        and not t.special
        and not t.has_placebo
        and any(set(t.drugs) < set(a.drugs) for a in drug_arms)
    ]
    if drop:
        _drop_arms(reg, drop)


def _fuller_design_refines(
    text: str,
    rest: list[tuple[int, int]],
    drug_hits: list[Hit],
    reg: ArmRegistry,
    gate: str | None,
    titled: list[Arm],
) -> bool:
    """Whether the who-received-what sentences ``rest``, read alone, define the arms the title
    named only by their shared part (``_shared_part_only``): "Patients received EC followed by
    docetaxel with trastuzumab, either subcutaneously or intravenously" after "Subcutaneous vs
    Intravenous Trastuzumab With Neoadjuvant Chemotherapy: A Randomized Clinical Trial"."""
    if not rest:
        return False
    fuller = ArmRegistry(class_members=reg.class_members, drug_class=reg.drug_class)
    _read_design(text, rest, drug_hits, fuller, gate)
    return _shared_part_only(titled, fuller.arms) or _labelled_split_of(titled, fuller.arms)


def _described_groups_refine(
    text: str,
    sentences: list[tuple[int, int]],
    own: set[int],
    drug_hits: list[Hit],
    reg: ArmRegistry,
    gate: str | None,
    titled: list[Arm],
) -> bool:
    """Whether the study's own lettered groups ("Group A received X plus Y, group B received Z
    in addition to the regimen of group A, and group C ..."), read alone, are more arms than
    the title's and hold each of them: a "X plus Y with or without Z versus W" title read
    as arms Z and W summarises the body's fuller design (round 90a)."""
    body = [x for x in sentences if x[0] in own]
    fuller = ArmRegistry(class_members=reg.class_members, drug_class=reg.drug_class)
    _read_described_arms(text, body, drug_hits, fuller)
    if len(fuller.arms) < 2:
        return False
    complete_referenced_arms(text, gate, body, [], drug_hits, fuller)
    drug_arms = [a for a in fuller.arms if a.drugs and not a.special and a.labels]
    if len(drug_arms) <= len(titled) or len(drug_arms) < len(fuller.arms):
        return False
    return all(
        not t.special and t.drugs and any(set(t.drugs) <= set(a.drugs) for a in drug_arms)
        for t in titled
    )


def _labelled_split_of(titled: list[Arm], arms: list[Arm]) -> bool:
    """Whether ``arms``, each a drug arm with a group label, are more than the title's and hold
    each of its regimens: "Z with or without X and Y" in a title, "adding X (arm B) or X plus
    Y (arm C) to Z (arm A)" in the body. The title summarises the design the body spells out
    (round 82b)."""
    drug_arms = [a for a in arms if a.drugs and not a.special and a.labels]
    if len(drug_arms) <= len(titled) or len(drug_arms) < len(arms):
        return False
    regimens = {frozenset(a.drugs) for a in drug_arms}
    return all(not t.special and frozenset(t.drugs) in regimens for t in titled)


def _drop_arms(reg: ArmRegistry, drop: list[Arm]) -> None:
    """Remove the arms ``drop`` from ``reg``, with the short forms that name them."""
    reg.arms = [a for a in reg.arms if a not in drop]
    for forms in (reg.short_forms, reg.bare_forms):
        for form in [f for f, arm in forms.items() if arm in drop]:
            del forms[form]
    reg.frozen = None


# Round 76a: an enrolment count: "Of 649 randomised patients, 324 were assigned to HLX02 and
# 325 to EU-trastuzumab", "HLX02 (n = 324)".
_ENROLMENT_COUNT = re.compile(
    r"\b\d[\d,]*\s+(?:(?:patients|women|participants)\s+)?(?:were\s+)?(?:randomly\s+)?"
    r"(?:assigned|allocated|randomi[sz]ed)\s+to\b|\(\s*n\s*=\s*\d",
    re.I,
)


def _drop_count_restatements(text: str, primary: list[tuple[int, int]], reg: ArmRegistry) -> None:
    """An enrolment count after the randomisation names the arms that design defined, often by
    their distinctive drug only ("324 were assigned to HLX02 and 325 to EU-trastuzumab" after
    "... HLX02 or EU-trastuzumab, each with docetaxel"): an unlabelled arm only count sentences
    defined, whose drugs are part of an arm an earlier assigning sentence (not a title naming
    the study randomised) defined, is dropped."""
    counts = {s for s, e in primary if _ENROLMENT_COUNT.search(text, s, e)}
    if not counts:
        return
    assigning = {
        s for s, e in primary if s not in counts and not names_randomised_study_only(text, s, e)
    }
    drop = [
        arm
        for arm in reg.arms
        if not arm.labels
        and not arm.special
        and arm.drugs
        and arm.defined_at
        and set(arm.defined_at) <= counts
        and _earlier_fuller_arm(reg, arm, assigning)
    ]
    if drop:
        _drop_arms(reg, drop)


def _earlier_fuller_arm(reg: ArmRegistry, arm: Arm, assigning: set[int]) -> bool:
    """Whether an arm an assigning sentence before ``arm``'s first defined holds ``arm``'s
    drugs and more."""
    first = min(arm.defined_at)
    return any(
        set(arm.drugs) < set(b.drugs) and any(at < first for at in b.defined_at if at in assigning)
        for b in reg.arms
        if b is not arm
    )


# A sentence that reports a result: a percentage or a time in months.
_RESULT_VALUE = re.compile(r"\d\s*%|\d\s*(?:months?|mo)\b")
# ... and does not define a group of its own: a patient count ("another 40 patients received
# pyrotinib") or a word of a single-drug arm ("pyrotinib alone").
_OWN_GROUP = re.compile(
    r"\b\d+\s+(?:patients|women|participants|subjects)\b|"
    r"\b(?i:alone|monotherapy|single[\s-]agent|only|another|others|remaining)\b"
)


def _drop_result_parts(text: str, sentences: list[tuple[int, int]], reg: ArmRegistry) -> None:
    """ "A total of 120 patients received pyrotinib plus capecitabine. The ORR with pyrotinib was
    52.3%": a drug named in a results sentence (read as a design sentence when no randomisation
    defined two arms) that is a part of a regimen an earlier sentence gave names that regimen,
    not an arm of its own: drop such an unlabelled arm when each sentence that defined it
    defines no other arm, reports a value and counts no group of its own."""
    ends = {s: e for s, e in sentences}
    drop = []
    for arm in reg.arms:
        if arm.labels or arm.special or not arm.drugs or not arm.defined_at:
            continue
        first = min(arm.defined_at)
        whole = [
            b
            for b in reg.arms
            if b is not arm
            and set(arm.drugs) < set(b.drugs)
            and b.defined_at
            and min(b.defined_at) < first
        ]
        if whole and all(
            _reports_part_only(text, at, ends.get(at), arm, reg) for at in arm.defined_at
        ):
            drop.append(arm)
    if drop:
        reg.arms = [a for a in reg.arms if a not in drop]
        reg.frozen = None


def _reports_part_only(text: str, s: int, e: int | None, arm: Arm, reg: ArmRegistry) -> bool:
    """Whether sentence [s, e) defines only ``arm``, reports a value and counts no group."""
    if e is None or any(b is not arm and s in b.defined_at for b in reg.arms):
        return False
    return _RESULT_VALUE.search(text, s, e) is not None and _OWN_GROUP.search(text, s, e) is None


def _mark_other_trials(
    reg: ArmRegistry, sentences: list[tuple[int, int]], trials: list[tuple[int, str]]
) -> None:
    """Record the trials named after the design sentences that none named up to their end
    ("In the PHENIX trial, capecitabine gave ..." after a pyrotinib-plus-chemotherapy design):
    other trials, whose drugs are not the study's arms. A trial named before or in the design
    counts as the study's own (a background trial stays own: no change)."""
    ats = reg.design_starts()
    if not ats:
        return
    last = max(ats)
    end = sentences[max(0, bisect_right(sentences, (last, _FAR)) - 1)][1]
    own = {name for at, name in trials if at < end}
    reg.other_trial_starts = [at for at, name in trials if at >= end and name not in own]


_FAR = 1 << 62  # past any offset


def trial_of_sentence(
    trials: list[tuple[int, str]], starts: list[int], sentences: list[tuple[int, int]], at: int
) -> str | None:
    """The trial a design sentence starting at ``at`` is about: the last one named in it or
    before it (``trials``: (start, name) in order; ``starts``: their starts)."""
    end = sentences[max(0, bisect_right(sentences, (at, _FAR)) - 1)][1]  # (tuples, in order)
    k = bisect_left(starts, end)
    return trials[k - 1][1] if k else None


def trial_pairs(names) -> set[frozenset]:
    """Every pair of two different trials among ``names``."""
    return {frozenset((a, b)) for a in names for b in names if a != b}


def trials_named_together(
    trials: list[tuple[int, str]],
    starts: list[int],
    sentences: list[tuple[int, int]],
    design: set[int] | None = None,
) -> set[frozenset]:
    """Pairs of trials one design sentence names together ("In NSABP B-31 and NCCTG N9831,
    patients were randomly assigned ...", "In BIG 4-11/APHINITY, ..."): a joint analysis or two
    names of one trial, one trial for arms. Only a sentence that defined arms (a start in
    ``design``, the arms' ``defined_at``) counts: a review's title or introduction naming two
    trials ("APHINITY and ExteNET: a review", "Unlike in APHINITY, ... in ExteNET") makes them
    no joint study."""
    same: set[frozenset] = set()
    for s, e in sentences:
        if design is not None and s not in design:
            continue
        names = {c for _, c in trials[bisect_left(starts, s) : bisect_left(starts, e)]}
        if len(names) > 1:
            same |= trial_pairs(names)
    return same


def _read_other_trials_designs(
    text: str,
    sentences: list[tuple[int, int]],
    rest: list[tuple[int, int]],
    drug_hits: list[Hit],
    reg: ArmRegistry,
    low: str | None,
    trials: list[tuple[int, str]],
) -> None:
    """A review: NALA's arms came from a randomisation sentence, then "In PHOEBE, patients
    received pyrotinib plus capecitabine or lapatinib plus capecitabine" states another trial's
    arms without saying "randomised". A who-received-what sentence (``rest``) about a trial
    other than those whose design defined the arms so far is read as that trial's design when
    it defines two arms or more (an arm both trials share stays one arm, defined by both)."""
    starts = [a for a, _ in trials]
    same = trials_named_together(trials, starts, sentences, reg.design_starts())

    def owner(at: int) -> str | None:
        return trial_of_sentence(trials, starts, sentences, at)

    owners = {owner(at) for a in reg.arms for at in a.defined_at}
    if not owners - {None}:
        return  # the arms belong to no named trial: one study's abstract
    for s, e in rest:
        trial = owner(s)
        if trial is None or any(o == trial or frozenset((o, trial)) in same for o in owners):
            continue
        own = ArmRegistry(class_members=reg.class_members, drug_class=reg.drug_class)
        _read_design(text, [(s, e)], drug_hits, own, low)
        if sum(1 for a in own.arms if a.name) < 2 or any(a.special for a in own.arms):
            continue
        for arm in own.arms:
            twin = next((a for a in reg.arms if _same_arm(a, arm)), None)
            if twin is None:
                reg.arms.append(arm)
            else:
                twin.defined_at.extend(arm.defined_at)
                twin.labels |= arm.labels
        reg.frozen = None
        owners.add(trial)
