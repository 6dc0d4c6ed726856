"""References to arms in result sentences (``arm_refs``).

Walks a result sentence's regimen mentions and group words and returns each reference's arm:
group labels ("the control group"), reference products, same-drug groups, low-dose labels.
"""

from __future__ import annotations

import re

from her2mine.extract.arms.add_on import _WITHOUT_GATE
from her2mine.extract.arms.classes import _LOW_DOSE_WORDS, _adjective_label, _class_member_arm
from her2mine.extract.arms.factorial import factorial_refs
from her2mine.extract.arms.labels import _CITES, normalise_label
from her2mine.extract.arms.mentions import (
    _GENERIC_GATE,
    _NOT_GIVEN_GATE,
    _THERAPY_NOUN_GATE,
    _UNTREATED_GATE,
    CONTINUED_GATE,
    ROUTE_GATE,
    _bare_form_refs,
    _bare_without_refs,
    _class_arm_ref,
    _duration_label_refs,
    _duration_length_refs,
    _generic_arm_refs,
    _lettered_list_before,
    _lettered_list_refs,
    _negated_partner_ref,
    _not_given_refs,
    _regimen_arm,
    _short_form_ref,
    _slash_listed,
    _undesigned_placebo,
    _untreated_group_refs,
    _without_drug_ref,
    continued_drug_arm,
    dose_variant_refs,
    elided_route_refs,
    route_period_refs,
)
from her2mine.extract.arms.model import (
    NO_NAMED_DRUG,
    PLACEBO_ONLY,
    Arm,
    ArmRef,
    ArmRegistry,
    _arm_of_exactly,
    _hit_class_label,
    _twins,
)
from her2mine.extract.arms.parts import option_hits
from her2mine.extract.arms.patterns import (
    _GROUP_LABEL,
    _GROUP_WORD,
    _GROUPS_AFTER,
    _PRIOR_GATE,
    _SOURCED,
    _TPC_GATE,
    GROUP_GATE,
    PHYSICIANS_CHOICE,
    _randomises,
)
from her2mine.extract.arms.prior import _COMPLETED_GATE, _PRIOR_SUFFIX, _is_prior, _prior
from her2mine.extract.arms.tpc import _tpc_phrases
from her2mine.extract.fastre import GateSet, WordGate, compiled, word_start
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import load_lexicons
from her2mine.extract.numbers import DECIMAL
from her2mine.extract.regimens import Regimen, group_regimens

# "22% of lapatinib-exposed patients": patients a rate is counted over, named by the drug they
# were given in the trial (round 58a), not the prior therapy "-exposed" names elsewhere
# ("T-DXd in trastuzumab-exposed patients").
_EXPOSED_RATE_GROUP = re.compile(r"-exposed\s+(?:patients|women|participants|subjects)\b", re.I)
_RATE_OF_END = re.compile(r"(?:%|\bpercent)\s+of\s+(?:the\s+)?\Z")


def _exposed_arm_group(
    text: str, s: int, e: int, r: Regimen, registry: ArmRegistry, refs: list[ArmRef]
) -> bool:
    """Whether regimen ``r`` of sentence [s, e) names a group a rate is counted over ("22% of
    X-exposed patients") and its drugs are in some arm of the design but not in every arm.
    Not when the sentence also names a prior-therapy group ("X-naive patients"): there
    "-exposed" contrasts histories."""
    if not r.drugs or _EXPOSED_RATE_GROUP.match(text, r.end) is None:
        return False
    if _RATE_OF_END.search(text, max(s, r.start - 20), r.start) is None:
        return False
    if any(m.group(1).lower() != "exposed" for m in _PRIOR_SUFFIX.finditer(text, s, e)):
        return False
    if _other_arm_before(refs, r) or _prior_elsewhere(text, r):
        return False
    holding = [a for a in registry.arms if set(r.drugs) <= set(a.drugs)]
    return 0 < len(holding) < len(registry.arms)


# Round 68a: "58% with a TKI added to trastuzumab": a drug class added to a named regimen
# names the group of that regimen (the class partner is left out, as "plus a taxane" is), and
# the reference starts at the class, right after the preposition the value is read with.
_CLASS_ADDED_TO = re.compile(
    r"(?<![\w-])(?:with|plus)\s+((?:an?\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)"
    r"\s+added\s+to\s+(?:the\s+)?\Z"
)


def _class_added_start(
    text: str, s: int, r: Regimen, regs: list[Regimen], arm: str, registry: ArmRegistry
) -> int | None:
    """Where the class of "with a <class> added to <r>" starts, or None when ``r`` is not so
    written (a regimen mention between, "with pertuzumab added to", is a named partner) or
    when a design arm adds a named drug to ``arm`` (the class may be that drug: "trastuzumab
    plus lapatinib or trastuzumab alone ... 58% with a TKI added to trastuzumab"; review of
    round 68a)."""
    m = _CLASS_ADDED_TO.search(text, max(s, r.start - 60), r.start)
    if m is None or any(m.start(1) <= x.start < r.start for x in regs):
        return None
    own = set(arm.split("+"))
    if any(own < set(other.drugs) for other in registry.arms):
        return None
    return m.start(1)


# Round 94b: "Cardiotoxicity occurred in 8.9% of patients during trastuzumab", "under
# trastuzumab", "while on treatment with trastuzumab": in a study of one regimen that randomises
# nobody (a real-world cohort, a registry, a single-arm trial) the drug after "during"/"under"
# says when the event occurred, not which group had it: every patient got it, so the value is
# the whole cohort's (arm null). A randomised trial's "during X" still names X's arm.
_WINDOW_GATE = WordGate(("during", "under", "while"))
_TIME_WINDOW_BEFORE = re.compile(
    word_start(
        ["during", "under", r"while\s+(?:on|under|receiving|taking|being\s+treated\s+with)"],
        not_after=r"[\w-]",
    )
    + r"\s+(?:(?i:the|adjuvant|neoadjuvant|maintenance|treatment|therapy|with)\s+){0,3}\Z"
)
_WINDOW_REACH = 60  # characters before the regimen the window's words may start at

# Round 97b: "16.7% during P+T+Pac": a design's group label written bare after a time window's
# words (no "group" after it) names that group, as "in the P+T+Pac group" does.
_WINDOW_LABEL = re.compile(
    word_start(["during", "under", r"while\s+(?:on|receiving|taking)"], not_after=r"[\w-]")
    + r"\s+(?:the\s+)?([A-Za-z0-9][\w+/-]*[\w+])(?![\w+/-])"
)


def _time_window_of_one_regimen(
    text: str, low: str | None, s: int, r: Regimen, arm: str, registry: ArmRegistry
) -> bool:
    """Whether regimen mention ``r`` (resolved to ``arm``) follows a time window's words
    (``_TIME_WINDOW_BEFORE``) in a study that randomises nobody (no ``_RANDOMISED`` word in the
    text but negated ones, "a non-randomized, single-arm study": ``_randomises``, round 96a) and
    names no arm but ``arm``: the drug every patient got, no group."""
    a = max(s, r.start - _WINDOW_REACH)
    if not _WINDOW_GATE.may_hold(low, a, r.start):
        return False
    if _TIME_WINDOW_BEFORE.search(text, a, r.start) is None:
        return False
    named = {x.name for x in registry.arms if x.name is not None}
    if not named <= {arm}:
        return False
    return not _randomises(text, 0, len(text))


def _window_label_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """References of group labels written bare after "during"/"under"/"while on" in sentence
    [s, e) ("in 3.3% of patients during P+T and 16.7% during P+T+Pac"): each label the design
    gave one arm, written as an abbreviation (two capitals, or a "+"), names that arm. Not a
    word label ("during the control phase") nor a drug mention (read as a regimen, round 94b)."""
    out: list[ArmRef] = []
    for m in _WINDOW_LABEL.finditer(text, s, e):
        a, b = m.span(1)
        written = m.group(1)
        if "+" not in written and sum(c.isupper() for c in written) < 2:
            continue
        label = written.lower()
        owners = [x for x in registry.arms if label in x.labels]
        if len(owners) != 1 or owners[0].name is None:
            continue
        if not any(r.start < b and a < r.end for r in refs):
            out.append(ArmRef(a, b, owners[0].name))
    return out


def _other_arm_before(refs: list[ArmRef], r: Regimen) -> bool:
    """Whether the sentence names another group before ``r`` ("In the neratinib arm, ... 22% of
    lapatinib-exposed patients": the rate is that arm's, counted over a history; review of
    round 58a)."""
    return any(x.start < r.start and x.drugs != tuple(r.drugs) for x in refs)


def _prior_elsewhere(text: str, r: Regimen) -> bool:
    """Whether the text names ``r``'s drug, as written, as a prior therapy elsewhere ("patients
    previously treated with lapatinib", "lapatinib-pretreated"): "-exposed" is then that history
    (review of round 58a)."""
    h = r.hits[0]
    word = compiled(r"(?<![\w-])" + re.escape(text[h.start : h.end]) + r"(?![\w])", re.I)
    for m in word.finditer(text):
        if m.start() == h.start:
            continue
        after = _PRIOR_SUFFIX.match(text, m.end())
        if after is not None and after.group(1).lower() != "exposed":
            return True
        if _prior(text, None, max(0, m.start() - 60), m.start()):
            return True
    return False


def arm_refs(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    *,
    split_weak: bool = False,
    low: str | None = None,
) -> list[ArmRef]:
    """Arm references in sentence [s, e): group names, physician's choice, regimens. ``low``:
    the ``literal_safe`` lower-cased text, or None."""
    hits = [h for h in drug_hits if s <= h.start and h.end <= e]
    if hits:
        opts = option_hits(text, hits, s, e)
        if opts:
            hits = [h for h in hits if h.start not in opts]
        regs = _split_at_plural_groups(text, group_regimens(text, hits, split_weak=split_weak))
    else:
        regs = []
    refs: list[ArmRef] = []
    group, generic, prior, without, untreated, labelled = _REF_GATES.read(low, s, e)
    if group:
        for g in _GROUP_WORD.finditer(text, s, e):
            if registry.frozen is None:
                registry.freeze()  # (only the group-word rules read it)
            listed = _lettered_list_refs(text, e, g, registry) or _lettered_list_before(
                text, s, g, registry
            )
            if listed:
                refs.extend(listed)
                continue
            ref = _group_ref(text, s, e, g, regs, registry)
            if ref is not None:
                # (only a plural word is shared; only a generic label is elided)
                if labelled and text.endswith("s", g.start(), g.end()):
                    first = _elided_label_before(text, s, ref, registry)
                    if first is not None:
                        refs.append(first)
                refs.append(ref)
    if registry.arms and text.find("-free", s, e) >= 0:  # (every match holds it)
        refs.extend(_class_free_twin_refs(text, s, e, registry, refs))
    if _TPC_GATE.may_hold(text, s, e):
        for m in _tpc_phrases(text, s, e, hits):
            if not any(r.start <= m.start() < r.end for r in refs):
                refs.append(ArmRef(m.start(), m.end(), PHYSICIANS_CHOICE))
    if generic:
        refs.extend(_generic_arm_refs(text, s, e, registry, refs))
    if registry.bare_forms:
        refs.extend(_bare_form_refs(text, s, e, registry, refs))
        if text.find("-mg", s, e) >= 0:
            refs.extend(dose_variant_refs(text, s, e, registry, refs))
    if registry.short_forms:
        refs.extend(_spaced_short_form_refs(text, s, e, registry, refs))
    if len(registry.arms) >= 2 and _WINDOW_GATE.may_hold(low, s, e):
        refs.extend(_window_label_refs(text, s, e, registry, refs))
    if len(registry.arms) >= 2 and ROUTE_GATE.may_hold(low, s, e):
        refs.extend(elided_route_refs(text, s, e, registry, refs))
    if len(registry.arms) >= 2 and _ROUTE_WORD_GATE.may_hold(low, s, e):
        refs.extend(route_period_refs(text, s, e, registry, refs))
    if registry.duration_groups > 1 and _THERAPY_NOUN_GATE.may_hold(low, s, e):
        refs.extend(_duration_label_refs(text, s, e, registry, refs))
    if registry.duration_groups > 1:
        refs.extend(_duration_length_refs(text, s, e, registry, refs))
    if _holds_observation(text, low, s, e):  # every _OBSERVATION_REF match holds it
        refs.extend(_observation_refs(text, s, e, refs))
    if registry.arms and _PRODUCT_GATE.may_hold(low, s, e):
        refs.extend(_product_refs(text, s, e, registry, refs, low))
    for alias in registry.tpc_aliases:
        if alias not in text[s:e]:
            continue  # every match holds the alias itself
        for m in compiled(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])").finditer(text[s:e]):
            if not any(r.start <= s + m.start() < r.end for r in refs):
                refs.append(ArmRef(s + m.start(), s + m.end(), PHYSICIANS_CHOICE))
    prior_words = bool(regs) and prior  # (see ``_is_prior``)
    # another trial's drugs do not fill the study's class-written arm; a trial first named
    # after the design may be the study's own acronym, so the sentence must also cite
    fill = not (registry.names_other_trial(s, e) and _CITES.search(text, s, e) is not None)
    completed = bool(regs) and _COMPLETED_GATE.may_hold(text, s, e)
    continued = bool(regs) and CONTINUED_GATE.may_hold(low, s, e)
    for r in regs:
        if any(x.start <= r.start < x.end for x in refs):
            continue
        if _is_prior(text, low, s, r, prior_words, completed) and not _exposed_arm_group(
            text, s, e, r, registry, refs
        ):
            continue
        if r.drugs and without:
            negated = _negated_partner_ref(text, r, regs, registry)
            if negated is not None:
                refs.append(negated)
                continue
        # (the window lies in the sentence: without "without" in it, it holds none)
        if r.drugs and without and _WITHOUT_GATE.may_hold(low, max(s, r.start - 16), r.start):
            without_x = _without_drug_ref(text, s, r, registry)
            if without_x is not None:
                refs.append(without_x)
                continue
        short = _short_form_ref(text, r, registry) if registry.short_forms else None
        if short is not None:
            refs.append(short)
            continue
        # a class-only mention names the drugless arm of that class before a drug arm the
        # class also labels ("trastuzumab plus chemotherapy or chemotherapy alone")
        named = None if r.drugs else _class_arm_ref(text, r, registry, low, e)
        if named is not None:
            refs.append(named)
            continue
        arm = _regimen_arm(r, registry, fill=fill)
        if r.drugs and _DRUG_ALONE_GATE.may_hold(low, r.end, r.end + 16):
            arm = _alone_arm(text, r, e, arm, registry, contrasted=len(regs) > 1)
        if arm and continued:
            arm = continued_drug_arm(text, s, e, r, arm, registry)
        if arm and r.drugs and _time_window_of_one_regimen(text, low, s, r, arm, registry):
            continue
        if arm:
            start = (
                _class_added_start(text, s, r, regs, arm, registry)
                if text.find("added ", s, r.start) >= 0
                else None
            )
            refs.append(ArmRef(start or r.start, r.end, arm, drugs=tuple(r.drugs)))
        elif _undesigned_placebo(r):
            refs.append(ArmRef(r.start, r.end, None))
    if refs and without:
        refs.extend(_bare_without_refs(text, s, e, regs, refs, registry))
    if refs and untreated:
        refs.extend(_untreated_group_refs(text, s, e, refs, registry))
    if refs and _ROUTE_WORD_GATE.may_hold(low, s, e):
        refs.extend(_route_ellipsis_refs(text, s, refs))
    if refs and _NOT_GIVEN_GATE.may_hold(low, s, e):
        refs = _not_given_refs(text, s, e, refs, registry)
    if refs and _PRODUCT_QUALIFIER_GATE.may_hold(low, s, e):
        _take_product_qualifiers(text, s, refs)
    if refs and (text.find("EU-", s, e) >= 0 or text.find("US-", s, e) >= 0):
        _take_sourcing_prefixes(text, s, refs)
    if registry.factorial is not None:
        refs = factorial_refs(text, s, e, regs, refs, registry.factorial)
    if len(refs) > 1:
        refs.sort(key=_ref_start)
        if text.find(" received ", s, e) >= 0:
            refs = _without_drugless_subgroups(text, refs)
        chain: list[ArmRef] = []  # the list of references being read
        for a, b in zip(refs, refs[1:], strict=False):
            if _LIST_JOIN.fullmatch(text, a.end, b.start) or _slash_listed(text, a, b):
                a.in_list = b.in_list = True
                chain = chain or [a]
                chain.append(b)
            else:
                chain = []
            if chain and _ends_in_plural_group(text, b):
                _enumerate_shared_noun_list(text, chain)
        _comma_listed_items(text, refs)
    return refs


# Round 90c: "in group A, group B and group C was 23.3%, 26.7% and 13.3%": the items a bare
# comma joins ahead of a list's "and"/"or"/"versus" are items of that list, so its values pair
# with all three, not with the last two.
_COMMA_JOIN = re.compile(r"\s*,\s*")
# Review of round 90c: "Compared with group C, group A and group B had ... (23.3% and 26.7%)":
# a reference a comparison word introduces is the reference the list is set against, no item.
_COMPARED_BEFORE = re.compile(
    r"(?:\b(?:compared|comparison|relative|contrast)\s+(?:with|to)|\b(?:versus|vs\.?|unlike|than))"
    r"\s+(?:the\s+)?$",
    re.I,
)


def _comma_listed_items(text: str, refs: list[ArmRef]) -> None:
    """Marks ``in_list`` each reference that a bare comma joins to the next reference of a
    list ("group A, group B and group C"), from the last such join back, up to one a
    comparison word introduces ("compared with group C, group A and group B")."""
    for a, b in zip(reversed(refs[:-1]), reversed(refs[1:]), strict=True):
        if not b.in_list or a.in_list or not _COMMA_JOIN.fullmatch(text, a.end, b.start):
            continue
        if _COMPARED_BEFORE.search(text, max(0, a.start - 24), a.start):
            return
        a.in_list = True


# Round 84a: "43.2% with SC and 40.1% with IV trastuzumab": a route word whose list goes on to
# another route written before a drug shares that drug, so it names the arm of the same
# regimen (route arms carry one regimen string). Upper-case short forms only ("iv" is no route).
_ROUTE_WORD = r"(?:subcutaneous|intravenous|SC|IV|s\.c\.|i\.v\.)"
_ROUTE_WORD_GATE = WordGate(("subcutaneous", "intravenous", "sc", "iv", "s.c.", "i.v."))
_ROUTE_THEN_DRUG = re.compile(rf"(?<![\w-])({_ROUTE_WORD})\s+\Z")
_ROUTE_OPENING = re.compile(rf"({_ROUTE_WORD})\s+")  # a reference that took its route word
_ROUTE_LISTED_BEFORE = re.compile(
    rf"(?:with|in|for|receiving|via)\s+(?:the\s+)?({_ROUTE_WORD})(?![\w-])"
    r"\s*(?:,|and\b|or\b|versus\b|vs\.?|compared\s+with\b)[^;:()\[\]]{0,40}\Z"
)


# Round 85a: "(RT + T)" after "RT with trastuzumab": a short form spaced around its "+" is no
# one word, so no drug mention spells it in a result ("in the RT + T arm"); it is found as words.
# Review of 85a: "R + T" inside "R + T + P" is a longer form, no reference to the shorter one.
_FORM_WORD_CHAR = re.compile(r"[\w+-]")
_FORM_GOES_ON = re.compile(r"\s*[+/]\s*\w")
_FORM_WENT_ON = re.compile(r"\w\s*[+/]\s*\Z")


def _spaced_short_form_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """The design's short forms holding a space ("RT + T") written in sentence [s, e), outside
    the references already read: each names its arm."""
    out: list[ArmRef] = []
    for form, arm in registry.short_forms.items():
        if " " not in form or arm.name is None:
            continue
        at = text.find(form, s, e)
        while at >= 0:
            end = at + len(form)
            word = not (at and _FORM_WORD_CHAR.match(text, at - 1))
            word = word and not _FORM_WORD_CHAR.match(text, end)
            word = word and not _form_continued(text, s, at, end)
            if word and not any(r.start < end and at < r.end for r in refs):
                out.append(ArmRef(at, end, arm.name))
            at = text.find(form, end, e)
    return out


def _form_continued(text: str, s: int, at: int, end: int) -> bool:
    """Whether the form at [at, end) is part of a longer "+"-joined form ("R + T" in "R + T +
    P"), which names another arm or none."""
    return bool(_FORM_GOES_ON.match(text, end) or _FORM_WENT_ON.search(text, max(s, at - 8), at))


def _route_kind(word: str) -> str:
    """'sc' or 'iv' for a route word."""
    return "sc" if word.lower()[:1] in "s" else "iv"


def _route_ellipsis_refs(text: str, s: int, refs: list[ArmRef]) -> list[ArmRef]:
    """References of route words listed before the other route of a drug reference
    (``_ROUTE_LISTED_BEFORE``), outside the references already read, to that reference's arm."""
    out: list[ArmRef] = []
    for r in refs:
        if not r.drugs or not r.arm:
            continue
        b = _ROUTE_OPENING.match(text, r.start) or _ROUTE_THEN_DRUG.search(
            text, max(s, r.start - 16), r.start
        )
        if b is None:
            continue
        a = _ROUTE_LISTED_BEFORE.search(text, max(s, b.start() - 60), b.start())
        if a is None or _route_kind(a.group(1)) == _route_kind(b.group(1)):
            continue
        if not any(x.start < a.end(1) and a.start(1) < x.end for x in refs):
            out.append(ArmRef(a.start(1), a.end(1), r.arm, drugs=r.drugs))
    return out


# "in the A alone and the A plus B arms": the list's last item ends in a plural group word;
# an item ending in a group word of its own ("the A arm and the B arms") shares none.
_PLURAL_GROUP_END = re.compile(r"(?<![\w-])(?:arms|groups|cohorts)$", re.I)
_GROUP_WORD_END = re.compile(r"(?<![\w-])(?:arm|group|cohort)s?$", re.I)


# The words of a group named by its role rather than its drugs ("the control arm").
_GENERIC_LABELS = (
    "control",
    "placebo",
    "comparator",
    "standard",
    "experimental",
    "investigational",
)
# "in the control and experimental groups": a generic label listed before another that the
# plural group word closes shares that word.
_ELIDED_LABEL = re.compile(
    rf"(?<![\w-])({'|'.join(_GENERIC_LABELS)})"
    r"(?:[\s-]+(?:treatment|therapy))?\s*,?\s*(?:and|or|vs\.?|versus)\s+\Z",
    re.I,
)


def _elided_label_before(text: str, s: int, ref: ArmRef, registry: ArmRegistry) -> ArmRef | None:
    """The reference a generic label makes when it is listed right before the group reference
    ``ref`` whose plural group word it shares ("the control and experimental groups": control
    first). Only when ``ref`` itself opens with a generic label and the two name different
    arms; else None."""
    if _GROUP_LABEL_START.match(text, ref.start) is None:
        return None
    m = _ELIDED_LABEL.search(text, max(s, ref.start - 40), ref.start)
    if m is None:
        return None
    arm = registry.by_label(m.group(1))
    if arm is None or arm == ref.arm:
        return None
    return ArmRef(m.start(), m.end(1), arm)


_GROUP_LABEL_START = re.compile(rf"(?:{'|'.join(_GENERIC_LABELS)})\b", re.I)
# Every ``_GROUP_LABEL_START`` match holds one of these (read with ``_REF_GATES``).
_GROUP_LABEL_GATE = WordGate(_GENERIC_LABELS)


def _ends_in_plural_group(text: str, r: ArmRef) -> bool:
    """Whether reference ``r`` ends in a plural group word ("the A plus B arms")."""
    return text.endswith("s", r.start, r.end) and _ends_in(_PLURAL_GROUP_END, text, r)


def _ends_in(pattern: re.Pattern[str], text: str, r: ArmRef) -> bool:
    """Whether ``pattern`` (a group word anchored at "$") ends reference ``r``."""
    return pattern.search(text, max(r.start, r.end - 8), r.end) is not None


def _enumerate_shared_noun_list(text: str, chain: list[ArmRef]) -> None:
    """ "3.2 and 3.7 months in the A alone and the A plus B arms": the references of a list
    sharing the plural group word its last item ends in name as many arms in order, as the
    letters of "the A and B arms" do (``ArmRef.enumerated``). Only when every item names a
    different arm and no earlier item ends in a group word of its own."""
    names = [r.arm for r in chain]
    if None in names or len(set(names)) != len(names):
        return
    if any(_ends_in(_GROUP_WORD_END, text, r) for r in chain[:-1]):
        return
    for r in chain:
        r.enumerated = True


# "pyrotinib monotherapy", "pyrotinib alone": the drugs written and no other (a crossover or
# post-progression regimen), never the one design arm that holds them with a partner.
_DRUG_ALONE_GATE = WordGate(("alone", "monotherapy"))
_DRUG_ALONE = re.compile(r"[\s-]+(?:alone|monotherapy)\b", re.I)


def _alone_arm(
    text: str, r: Regimen, e: int, arm: str | None, registry: ArmRegistry, *, contrasted: bool
) -> str | None:
    """The arm "X alone" / "X monotherapy" names: the arm of exactly X (or defined as X before
    a backbone given to every arm), else X itself when the arm a bare X resolved to adds a
    partner (a design arm, or a regimen filled from a class-written arm: "capecitabine alone"
    in a single-arm "pyrotinib plus chemotherapy" study); else ``arm`` (a physician's-choice
    arm whose option X is stays that arm). In an add-on design X alone is the arm holding X
    without the added drug (``_add_on_base``), when the sentence names another regimen
    (``contrasted``): a lone "docetaxel alone gave 6.1 months" is background, no arm."""
    if _DRUG_ALONE.match(text, r.end, e) is None:
        return arm
    ds = set(r.drugs)
    exact = _arm_of_exactly(registry, ds)
    if exact is not None and exact.name:
        return exact.name
    base = _add_on_base(registry, ds) if contrasted else None
    if base is not None:
        return base.name
    if arm is None:
        return arm
    held = next((a for a in registry.arms if a.name == arm), None)
    if held is not None and held.special:
        return arm
    if ds < (set(held.drugs) if held is not None else set(arm.split("+"))):
        return "+".join(sorted(ds))
    return arm


def _add_on_base(registry: ArmRegistry, drugs: set[str]) -> Arm | None:
    """The arm of an add-on design that "X alone" names: of two or more arms holding X, the
    one whose drugs every other such arm adds to ("trastuzumab alone" for docetaxel plus
    trastuzumab beside pertuzumab plus the same). None when no arm, or more than one, is such
    (a physician's-choice arm or one with options makes no base)."""
    held = [a for a in registry.arms if a.drugs and drugs <= set(a.drugs)]
    if len(held) < 2 or any(a.special or a.options for a in held):
        return None
    base = [a for a in held if all(set(a.drugs) < set(o.drugs) for o in held if o is not a)]
    return base[0] if len(base) == 1 and base[0].name else None


# "in the reference trastuzumab group", "with originator trastuzumab": a biosimilar trial's
# comparator, named by a qualifier word before the drug (the drug names the arm).
_PRODUCT_QUALIFIER_GATE = WordGate(("reference", "originator", "innovator"))
_PRODUCT_QUALIFIER = re.compile(r"(?<![\w-])(?:reference|originator|innovator)[\s-]+\Z", re.I)


def _take_product_qualifiers(text: str, s: int, refs: list[ArmRef]) -> None:
    """Start each reference at the product qualifier right before it, so "64.0% in the
    reference trastuzumab group" reads as a value then its group (an unknown word between
    them would leave the value without one)."""
    for r in refs:
        m = _PRODUCT_QUALIFIER.search(text, max(s, r.start - 14), r.start)
        if m is not None:
            r.start = m.start()


# "in the EU-trastuzumab arm", "with US-sourced reference trastuzumab": where a biosimilar
# trial's reference product was sourced, written before it (round 70a).
_SOURCING_PREFIX = re.compile(rf"(?<![\w-])(?:{_SOURCED}\s+|(?:EU|US)-)\Z")


def _take_sourcing_prefixes(text: str, s: int, refs: list[ArmRef]) -> None:
    """Start each reference at the sourcing prefix right before it, as
    ``_take_product_qualifiers`` does for "reference"."""
    for r in refs:
        m = _SOURCING_PREFIX.search(text, max(s, r.start - 16), r.start)
        if m is not None:
            r.start = m.start()


# "78% with observation", "74.3% for Observation", "compared with observation alone": the
# untreated arm named by "observation" after a preposition (not "observation period",
# "clinical observation").
_OBSERVATION_REF = re.compile(
    r"(?<![\w-])(?:with|versus|vs\.?|to|than|for|in)\s+(observation(?:\s+alone)?)"
    r"(?=\s*(?:[,;.)\]]|\(|$|(?:and|or|versus|vs)\b))",
    re.I,
)


def _holds_observation(text: str, low: str | None, s: int, e: int) -> bool:
    """Whether sentence [s, e) holds "observation" in any case ("74.3% with Observation"):
    the gate of ``_observation_refs``, read in the lower-cased text when there is one."""
    if low is not None:
        return low.find("observation", s, e) >= 0
    return "observation" in text[s:e].lower()


def _observation_refs(text: str, s: int, e: int, refs: list[ArmRef]) -> list[ArmRef]:
    """References to an observation (no treatment) arm in sentence [s, e): its values have no
    drug, so arm null (tests/data/gold/README.md: "HERA observation"), and a value next to it
    is not the treated arm's named earlier in the sentence."""
    return [
        ArmRef(m.start(1), m.end(1), None)
        for m in _OBSERVATION_REF.finditer(text, s, e)
        if not any(r.start <= m.start(1) < r.end for r in refs)
    ]


# "47.9% with biosimilars and 46.5% with the reference product": a biosimilar and its
# reference product named by the product word alone, after a preposition (not "the biosimilar
# group", read as a group, nor "reference trastuzumab", read as the drug; round 72a).
_PRODUCT_GATE = WordGate(("biosimilar", "reference", "originator", "innovator"))
_PRODUCT_REF = re.compile(
    r"(?<![\w-])(?:with|versus|vs\.?|to|than|for|in|on)\s+((?:the\s+|a\s+)?"
    r"(?:biosimilars?|(?:reference|originator|innovator)(?:\s+(?:products?|drugs?))?))"
    r"(?=\s*(?:[,;.)\]]|\(|$|(?:and|or|versus|vs)\b))",
    re.I,
)


def _product_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef], low: str | None
) -> list[ArmRef]:
    """References to a biosimilar or its reference product (``_PRODUCT_REF``) in sentence
    [s, e) outside the references already read: the twins' one regimen, when every arm of a
    text that names a biosimilar has that one name (the contract's arm is the regimen). With
    one arm only (a pooled comparison), the sentence must name both products: one product of a
    single-arm study is its whole population."""
    name = _twins_name(registry)
    if name is None or "biosimilar" not in (low if low is not None else text.lower()):
        return []
    if not _biosimilars_in(text) <= set(name.split("+")):
        return []  # (a review of several drugs' biosimilars: the words name no one regimen)
    found = [
        ArmRef(m.start(1), m.end(1), name)
        for m in _PRODUCT_REF.finditer(text, s, e)
        if not any(r.start <= m.start(1) < r.end for r in refs)
    ]
    return found if len(registry.arms) >= 2 or len(found) >= 2 else []


# "bevacizumab biosimilars", "trastuzumab biosimilar SB3": the biologic a biosimilar copies
# (INN stems of antibodies and growth factors).
_BIOSIMILAR_OF = re.compile(r"\b(\w+(?:mab|grastim))[\s-]+biosimilars?\b", re.I)


def _biosimilars_in(text: str) -> set[str]:
    """The biologics ``text`` names a biosimilar of, lower-cased."""
    return {m.group(1).lower() for m in _BIOSIMILAR_OF.finditer(text)}


def _twins_name(registry: ArmRegistry) -> str | None:
    """The one name every arm of ``registry`` has (a biosimilar and its reference product, or
    the one regimen a pooled comparison of them defines), else None."""
    names = {a.name for a in registry.arms}
    return next(iter(names)) if len(names) == 1 else None


def _ref_start(ref: ArmRef) -> int:
    return ref.start


def _split_at_plural_groups(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "between the A (...) and the B (...) groups": a plural group word splits the list."""
    split: list[Regimen] = []
    for r in regs:
        if len(r.hits) < 2 or not _GROUPS_AFTER.match(text, r.end):
            split.append(r)
        elif "strong" not in r.joins:
            split.extend(Regimen(h.start, h.end, [h]) for h in r.hits)
        else:
            split.extend(_split_at_and_the(text, r))
    return split


# "the docetaxel and the docetaxel plus pertuzumab groups": "and the" opens the next label.
_AND_THE = re.compile(r"\s*,?\s*and\s+the\s+", re.I)


def _split_at_and_the(text: str, r: Regimen) -> list[Regimen]:
    """Regimen ``r`` (regimens joined by "plus"/"with") cut where "and the" opens another
    group's label; ``[r]`` when no such gap joins its mentions."""
    hits = r.hits
    cuts = [
        k for k in range(1, len(hits)) if _AND_THE.fullmatch(text, hits[k - 1].end, hits[k].start)
    ]
    if not cuts:
        return [r]
    out: list[Regimen] = []
    for a, b in zip([0, *cuts], [*cuts, len(hits)], strict=True):
        out.append(Regimen(hits[a].start, hits[b - 1].end, hits[a:b], r.joins[a : b - 1]))
    return out


def _group_ref(
    text: str, s: int, e: int, g: re.Match[str], regs: list[Regimen], registry: ArmRegistry
) -> ArmRef | None:
    """ "<regimen|label> group/arm" or "group A": a group name, resolved through the registry.
    The readings are tried in order of precedence; the first that applies decides."""
    labels, label_res = registry.frozen
    gs, ge = g.span()
    letter = _LETTER_DIGIT.match(text, ge, e)
    if letter is None or letter.group(1).lower() not in labels:
        letter = _LETTER.match(text, ge, e)  # ("cohort B1": only as a label the design gave)
    if letter and letter.group(1).lower() in labels:
        return ArmRef(gs, letter.end(), registry.by_label(letter.group(1).lower()))
    if letter and _other_letter_defined(letter.group(1).lower(), labels):
        # "Arm A" where the design lettered only "(Arm B)": arm A's regimen named no drug
        # ("anti-HER2 + ET (Arm A)"), so its values have arm null, never arm B's
        return ArmRef(gs, letter.end(), None)
    before = text[max(s, gs - 60) : gs]
    if before.endswith(_NON_CLASS_ENDS):  # (before the labels: "non anthracycline group" ends
        other = _non_class_group_ref(before, gs, ge, registry)  # in the label "anthracycline")
        if other is not None:
            return other
    for lb, rx in zip(labels, label_res, strict=True):
        if _label_ends(rx, lb, before):
            if not _label_shared(registry, lb):
                return ArmRef(gs - len(lb) - 1, ge, _label_ref_arm(registry, lb))
            if _whole_group_label(before, lb):
                return ArmRef(gs - len(lb) - 1, ge, None)
    if "low-dose" in labels and _says_dose(before):
        wrapped = _low_dose_label_ref(before, gs, ge, registry)
        if wrapped is not None:
            return wrapped
    for reg in regs:
        if 0 <= gs - reg.end <= 14 and _GROUP_JOIN.fullmatch(text, reg.end, gs):
            arm = registry.resolve_drugs(reg.drugs, placebo=reg.has_placebo)
            if reg.has_placebo and not reg.drugs:
                arm = registry.by_label("placebo")
            elif arm is None and not reg.drugs:
                arm = _class_group_arm(reg, registry)
            short = _short_form_ref(text, reg, registry) if registry.short_forms else None
            start = reg.start
            if short is not None:
                arm = short.arm  # "the AC-THP arm": the arm the design named so
                start = short.start  # (the whole form: "the ET+HP arm")
            arm = registry.by_label(normalise_label(text[reg.start : ge])) or arm
            return ArmRef(start, ge, arm)
    lab = _GROUP_LABEL.search(before)
    if lab:
        return ArmRef(gs - len(before) + lab.start(), ge, registry.by_label(lab.group(1)))
    if before.endswith(_ALONE_ENDS):
        alone = _non_drug_alone_ref(before, gs, ge, registry)
        if alone is not None:
            return alone
    if before.endswith(_REFERENCE_ENDS) and not _CATEGORY_BRACKET.match(text, ge, e):
        product = _reference_product_ref(before, gs, ge, registry)
        if product is not None:
            return product
    return (
        _same_drugs_group_ref(before, gs, ge, registry, _DURATION_UNITS, _DURATION_LABEL)
        or _same_drugs_group_ref(before, gs, ge, registry, _SCHEDULE_WORDS, _SCHEDULE_LABEL)
        or _same_drugs_group_ref(before, gs, ge, registry, _FREQUENCY_ENDS, _FREQUENCY_LABEL)
    )


# Round 83b: "the trimodality-alone group", "the surgery alone arm": a group named by what
# it had without the added drug (a word no regimen reading took, so no drug) is the
# backbone arm of an add-on design.
_NON_DRUG_ALONE = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z]+[\s-]+alone[\s-]*$", re.I)
_ALONE_ENDS = ("alone ", "alone-")


def _non_drug_alone_ref(before: str, gs: int, ge: int, registry: ArmRegistry) -> ArmRef | None:
    """The arm "<X>-alone group" names, X no drug (a drug right before the group word is read
    as a regimen first): the one arm whose drugs every other arm adds to (``_add_on_base`` of
    the drugs all arms share); else None."""
    m = _NON_DRUG_ALONE.search(before)
    if m is None:
        return None
    held = [set(a.drugs) for a in registry.arms if a.drugs]
    shared = set.intersection(*held) if len(held) >= 2 else set()
    base = _add_on_base(registry, shared) if shared else None
    if base is None:
        return None
    return ArmRef(gs - len(before) + m.start(), ge, base.name)


def _label_ref_arm(registry: ArmRegistry, label: str) -> str | None:
    """The arm a group word after a design label names (``ArmRegistry.by_label``), or
    ``NO_NAMED_DRUG`` when the label is that of the design's arm naming no drug ("the
    chemotherapy group" beside "the trastuzumab group"): arm null, yet an arm of the
    comparison a later bare pair ("7.1 versus 5.3 months") carries."""
    name = registry.by_label(label)
    if name is None and any(
        label in a.labels and not a.drugs and not a.special and not a.has_placebo
        for a in registry.arms
    ):
        return NO_NAMED_DRUG
    return name


# "the reference group", "the originator arm": a biosimilar trial's group given the reference
# product, named so though its design did not label it; so is "the biosimilar group" (round 65a).
_REFERENCE_GROUP = re.compile(
    r"(?<![\w-])(?:reference|originator|innovator|biosimilar)(?:[\s-]+product)?[\s-]*$", re.I
)
# "the reference group (age <50 years)", "(ECOG 0)", "(premenopausal)": a bracket saying who
# belongs to the group makes it a subgroup analysis's reference category, no product's arm
# (a size, a statistic or a value may follow the product's group: "(n = 120)", "(95% CI", "(HR";
# round 83b: so may the groups' difference, "(difference, 2.6%; 95% CI ...)", "(risk ratio").)
_CATEGORY_BRACKET = re.compile(
    r"\s*[(\[]\s*(?:[<>≤≥]|(?!(?:n|CI|HR|OR|RR|P|vs|"
    r"(?:(?:absolute|mean|rate|risk|treatment)\s+)?difference|(?:hazard|odds|risk)\s+ratio)\b)"
    r"[A-Za-z])",
    re.I,
)
_REFERENCE_ENDS = tuple(
    f"{word}{gap}"
    for word in ("reference", "originator", "innovator", "product", "biosimilar")
    for gap in " -"
)


def _reference_product_ref(before: str, gs: int, ge: int, registry: ArmRegistry) -> ArmRef | None:
    """The arm "the reference group" names where no arm was labelled so: when every arm of the
    design has one name (a biosimilar and its reference product, each with the same partners:
    ``_twins``), the reference product's arm has that name too; else None (the word alone does
    not say which of different regimens is the reference)."""
    m = _REFERENCE_GROUP.search(before)
    if m is None or not _twins(registry.arms):
        return None
    return ArmRef(gs - len(before) + m.start(), ge, registry.arms[0].name)


def _class_group_arm(reg: Regimen, registry: ArmRegistry) -> str | None:
    """ "67% in the anthracycline group" where no arm was labelled so: a group named by one drug
    class is the drug arm holding a member of that class, when exactly one of the two does
    (``_class_member_arm``); else None."""
    if len(reg.hits) != 1 or reg.hits[0].kind != "class":
        return None
    holding = _class_member_arm(registry, _hit_class_label(reg.hits[0]))
    return holding.name if holding is not None else None


# "the non-anthracycline group", "the taxane-free arm": the group whose regimen has no drug of
# the class, in a two-arm design where the other arm has one.
_NON_CLASS = re.compile(
    r"(?<![\w-])(?:non-?\s?(anthracycline|taxane)|(anthracycline|taxane)-free)[\s-]*$", re.I
)
_NON_CLASS_ENDS = tuple(
    f"{word}{gap}" for word in ("anthracycline", "taxane", "-free") for gap in (" ", "-")
)


def _non_class_group_ref(before: str, gs: int, ge: int, registry: ArmRegistry) -> ArmRef | None:
    """The arm a "non-<class> group" names: the other drug arm of the two when exactly one
    holds a drug of that class (``_class_member_arm``); else None."""
    m = _NON_CLASS.search(before)
    if m is None:
        return None
    holding = _class_member_arm(registry, (m.group(1) or m.group(2)).lower())
    if holding is None:
        return None
    other = next(a for a in registry.arms if a.drugs and a is not holding)
    return ArmRef(gs - len(before) + m.start(), ge, other.name)


# "62% with anthracycline-free regimens": a group named by the drug class it goes without (not
# "disease-free survival": the class must label an arm, ``_class_free_twin``).
# (review of round 65b: nor a time free of the class, "a taxane-free period of 12 months",
# "anthracycline-free for 5 years": a population's history)
_CLASS_FREE = re.compile(
    r"(?<![\w-])([a-z]+)-free\b"
    r"(?!\s+(?:survival|intervals?|periods?|time|duration|for|since|status)\b)",
    re.I,
)


def _class_free_twin_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """ "X-free" groups of sentence [s, e) not inside a reference already read: the arm of the
    class twin each names (``_class_free_twin``)."""
    out = []
    for m in _CLASS_FREE.finditer(text, s, e):
        if any(r.start <= m.start() < r.end for r in refs):
            continue
        twin = _class_free_twin(registry, m.group(1).lower())
        if twin is not None and not _free_regimen_named(text, m.group(1).lower()):
            out.append(ArmRef(m.start(), m.end(), twin.name))
    return out


def _class_free_twin(registry: ArmRegistry, cls: str) -> Arm | None:
    """The one arm labelled by class ``cls`` that holds no drug of it (the class partner was
    left out: "anthracycline-containing regimens, all given with trastuzumab and pertuzumab"):
    a group without that class differs from it only by the class, so it carries the same named
    drugs (gold README). None when no arm or several are so, when an arm holds a member of the
    class (``_non_class_group_ref`` reads that design) or a label names the "-free" group. When
    other drug arms are neither labelled by nor hold the class, the group is the one such arm
    (none when several are)."""
    members = registry.class_members.get(cls)
    if members is None or registry.by_label(f"{cls}-free") is not None:
        return None
    labelled = [a for a in registry.arms if cls in a.labels and a.drugs and not a.special]
    if len(labelled) != 1 or members & set(labelled[0].drugs):
        return None
    free = [a for a in registry.arms if _free_of_class(a, cls, members)]
    if free:  # (review of round 65b: "a taxane plus A or vinorelbine plus A": that arm)
        return free[0] if len(free) == 1 else None
    return labelled[0]


def _free_regimen_named(text: str, cls: str) -> bool:
    """Whether the text names the "X-free" group's own drugs ("or to taxane-free vinorelbine
    plus ..."): that group is another regimen, not the class arm's twin (review of round 65b)."""
    names = load_lexicons().drugs.canonical_of
    named = compiled(r"(?<![\w-])" + cls + r"-free\s+([a-z][\w-]*)", re.I)
    return any(m.group(1).lower() in names for m in named.finditer(text))


def _free_of_class(arm: Arm, cls: str, members: frozenset[str]) -> bool:
    """Whether ``arm`` is a drug arm neither labelled by class ``cls`` nor holding a member."""
    return (
        bool(arm.drugs)
        and not arm.special
        and cls not in arm.labels
        and not members & set(arm.drugs)
    )


def _label_shared(registry: ArmRegistry, label: str) -> bool:
    """Whether two or more arms carry ``label``: a class every arm shares ("L+T+AI, T+AI or
    L+AI": the backbone "AI") names no one arm, so "the L+AI arms" is read by its regimen."""
    return sum(1 for a in registry.arms if label in a.labels) > 1


# The words before a shared label that make it the whole group phrase: "in the AI arms".
_WHOLE_GROUP_BEFORE = re.compile(
    r"(?:^|\b(?:the|in|both|all|two|three|of|with|among|across|for))\s*\Z", re.I
)


def _whole_group_label(before: str, label: str) -> bool:
    """Whether a label every arm shares (``_label_shared``) is the whole group phrase ending
    ``before``: "69% of patients in the AI arms" names all the arms that carry it, so no one arm
    (not "the L+AI arms", whose own label is read by its regimen)."""
    stripped = before.rstrip(" -")
    start = len(stripped) - len(label)
    return start >= 0 and _WHOLE_GROUP_BEFORE.search(stripped, 0, start) is not None


def _other_letter_defined(letter: str, labels: list[str]) -> bool:
    """Whether the design labelled another arm by a single letter or digit (but not ``letter``,
    which the caller looked up first)."""
    return any(len(lb) == 1 and lb != letter for lb in labels)


# "the sequential group", "the concurrent arm": a group named by the schedule of its drugs.
_SCHEDULE_WORDS = ("sequential", "concurrent", "concomitant", "simultaneous")
_SCHEDULE_LABEL = re.compile(r"(?<![\w-])(?:" + "|".join(_SCHEDULE_WORDS) + r")[\s-]*$", re.I)
# Round 92a: a group named by how often its regimen is given ("the weekly arm", "the
# every-3-weeks arm"): schedule twins of one regimen, as "weekly or every-3-weeks paclitaxel,
# each with trastuzumab".
_FREQUENCY_ENDS = ("weekly", "daily", "week", "weeks", "dense")
_FREQUENCY_LABEL = re.compile(
    r"(?<![\w-])(?:(?:bi|tri|\d-)?weekly|daily|dose-dense|(?:every|q)[\s-]?(?:\d|two|three|four)"
    r"[\s-]?weeks?)[\s-]*$",
    re.I,
)


# "the 12-month group", "the 6-month arm", "the 1-year group", "the 9-week arm": a group named
# by how long its treatment lasts; or by how many cycles ("the four-cycle group", round 66a).
_DURATION_UNITS = (
    "month", "months", "mo", "year", "years", "yr", "week", "weeks", "wk", "cycle", "cycles",
)  # fmt: skip
_DURATION_LABEL = re.compile(
    rf"(?<![\w-])(?:{DECIMAL}|one|two|three|four|five|six|eight|nine|twelve|eighteen|"
    r"twenty-four)[\s-]*(?:months?|mo|years?|yr|weeks?|wk|cycles?)[\s-]*$",
    re.I,
)


def _same_drugs_group_ref(
    before: str,
    gs: int,
    ge: int,
    registry: ArmRegistry,
    ends: tuple[str, ...],
    label: re.Pattern[str],
) -> ArmRef | None:
    """A group named by how its regimen is given, for how long ("the 12-month group": 6 vs 12
    months of trastuzumab) or in what order ("the sequential group" / "the concurrent group"),
    is an arm of a design whose arms give the same drugs: the arm of that regimen when every
    arm the design defined has the same drugs; else no reference (the name does not say which
    regimen). ``ends``: the words ``before`` must end with (a cheap test before ``label``)."""
    if not before.rstrip(" -").lower().endswith(ends):
        return None
    m = label.search(before)
    if m is None:
        return None
    arm = _single_regimen(registry)
    if arm is None:
        return None
    return ArmRef(gs - len(before) + m.start(), ge, arm)


def _single_regimen(registry: ArmRegistry) -> str | None:
    """The name of the design's one regimen: every defined arm has that same drug list (no
    placebo-only, physician's-choice or per-patient-option arm); else None."""
    arms = registry.arms
    if not arms or any(a.special or a.options or a.has_placebo or not a.drugs for a in arms):
        return None
    if any(a.drugs != arms[0].drugs for a in arms):
        return None
    return arms[0].name


# "in the low dose group", "in the Low Dose arm", "in the low\ndose group", "the low \ndose
# chemotherapy arm": the schedule adjective's label (``_adjective_label``: "low-dose") written
# with a space, wrapped at a line end or in capitals, which the one-character-per-character
# label patterns of ``ArmRegistry.freeze`` do not match.
_LOW_DOSE_LABEL_END = re.compile(rf"(?<![\w-])({_LOW_DOSE_WORDS})(\s+chemotherapy)?[\s-]*\Z", re.I)


def _says_dose(before: str) -> bool:
    """Whether the window before a group word holds "dose" in any case ("the Low Dose arm"):
    the gate of ``_low_dose_label_ref`` (whose pattern ignores case)."""
    return "dose" in before or "dose" in before.lower()


def _low_dose_label_ref(before: str, gs: int, ge: int, registry: ArmRegistry) -> ArmRef | None:
    """The arm of a "low dose" label before a group word (``_LOW_DOSE_LABEL_END``: spaced,
    wrapped or capitalised), when one arm holds that label."""
    m = _LOW_DOSE_LABEL_END.search(before)
    if m is None:
        return None
    label = _adjective_label(m.group(1)) + (" chemotherapy" if m.group(2) else "")
    if label not in registry.frozen[0] or _label_shared(registry, label):
        return None
    return ArmRef(gs - len(before) + m.start(), ge, registry.by_label(label))


def _label_ends(rx: re.Pattern[str], label: str, before: str) -> bool:
    """``rx.search(before)`` for a label pattern of ``ArmRegistry.freeze`` (the label, then
    only spaces/hyphens to the end). Each label character matches one text character, so a
    label that does not end in a space or hyphen can only match ending where ``before``'s
    trailing spaces/hyphens start: one ``match`` there instead of a search from every offset."""
    if not label or label[-1].isspace() or label[-1] == "-":
        return rx.search(before) is not None
    end = len(before)
    while end and (before[end - 1].isspace() or before[end - 1] == "-"):
        end -= 1
    pos = end - len(label)
    return pos >= 0 and rx.match(before, pos) is not None


_LETTER = re.compile(r"\s+([A-Z]|[0-9])\b")  # ("module 0": modules count from 0)
# "cohort B1", "arm A2": a letter and a digit, a label of sub-cohorts ("(cohort B1) or ... (cohort
# B2)").
_LETTER_DIGIT = re.compile(r"\s+([A-Z][1-9])\b")
_GROUP_JOIN = re.compile(r"[\s-]*(?:combination|based|containing|treated|alone|only)?[\s-]*")
_LIST_JOIN = re.compile(
    r"(?:\s+(?:alone|monotherapy))?"  # "between the A alone and the A plus B arms"
    r"[\s,]*(?:\([^()]*\))?[\s,]*(?:vs\.?|versus|v\.?|or|compared\s+with|"
    r"and|than(?:\s+with|\s+in)?|over)[\s,]*(?:the\s+|those\s+)?",
    re.I,
)
# And those ``arm_refs`` asks about each sentence.
_REF_GATES = GateSet(
    GROUP_GATE, _GENERIC_GATE, _PRIOR_GATE, _WITHOUT_GATE, _UNTREATED_GATE, _GROUP_LABEL_GATE
)


def _writes_cohort(text: str, ref: ArmRef) -> bool:
    """Whether ``ref`` is written "cohort(s) X"."""
    return text[ref.start : ref.start + 6].lower() == "cohort"


def cohort_arms(text: str, refs: list[ArmRef]) -> set[str | None]:
    """The arms the references written "cohort(s) X" of ``refs`` name (None: a cohort of no
    arm the registry holds, "cohort B evaluated A with B or C plus chemotherapy")."""
    return {r.arm for r in refs if _writes_cohort(text, r)}


def cohort_scope(text: str, refs: list[ArmRef]) -> tuple[str, int] | None:
    """The arm a sentence scopes to and where its first cohort reference starts, when the
    sentence's arm references all name one arm and one of them is written "cohort(s) X" ("In
    cohorts A and B combined", "40 pts were treated in cohort A"); else None. Only cohorts: a
    randomised design's "In arm A" scopes its own sentence alone."""
    if not refs:
        return None
    arm = refs[0].arm
    if arm is None or any(r.arm != arm for r in refs):
        return None
    for r in refs:
        if _writes_cohort(text, r):
            return arm, r.start
    return None


# Round 89c: "Among HR-positive patients in the HP-taxane cohort, those who received maintenance
# endocrine therapy had ...": a subgroup that received no named drug is still of the cohort
# named before it (one that received a drug of its own keeps that reference).
_COHORT_AFTER_REF = re.compile(r"[-\w]*\s+cohort\b", re.I)
_WHO_RECEIVED_BEFORE = re.compile(r"\bwho\s+received\s+(?:[\w-]+\s+){0,2}\Z", re.I)


def _without_drugless_subgroups(text: str, refs: list[ArmRef]) -> list[ArmRef]:
    """``refs`` (in order) without each "who received <no named drug>" reference that follows
    a reference to a drug arm written "... cohort"; a subgroup that received a drug outside
    that arm ("in the H cohort, those who received pertuzumab") names no arm."""
    out: list[ArmRef] = []
    cohort: str | None = None  # the arm of the last "... cohort" reference
    for r in refs:
        if (
            cohort is not None
            and r.arm != cohort
            and _WHO_RECEIVED_BEFORE.search(text, max(0, r.start - 60), r.start) is not None
        ):
            if r.arm == NO_NAMED_DRUG:
                continue
            if r.drugs and not set(r.drugs) <= set(cohort.split("+")):
                r = ArmRef(r.start, r.end, None, drugs=r.drugs)
        if r.arm not in (None, NO_NAMED_DRUG, PLACEBO_ONLY) and _names_cohort(text, r):
            cohort = r.arm
        out.append(r)
    return out


def _names_cohort(text: str, ref: ArmRef) -> bool:
    """Whether ``ref`` is written "... cohort" ("the HP-taxane cohort", "HP cohort")."""
    return "cohort" in text[ref.start : ref.end].lower() or bool(
        _COHORT_AFTER_REF.match(text, ref.end)
    )
