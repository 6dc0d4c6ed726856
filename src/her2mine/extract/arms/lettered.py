"""Arms named by a letter, a number or a group word of their own.

"arm A: ...; arm B: ...", "arm A (doxorubicin ...)", "(arm A, standard therapy, n = 49; ...)",
"the control group received ...", a later lettered cohort, and durations of one regimen
compared ("6 (group A) or 12 (group B) months of trastuzumab").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from her2mine.extract.arms.labels import _NOT_A_GROUP_NAME, _label_after, normalise_label
from her2mine.extract.arms.model import Arm, ArmRegistry, _same_drugs
from her2mine.extract.arms.parts import _segment_end
from her2mine.extract.arms.patterns import (
    _DESIGN,
    _DESIGN_BEFORE_END,
    _DURATION_UNIT,
    _NUMBER_WORD,
    _RANDOMISED,
    _randomises,
)
from her2mine.extract.arms.prior import _is_prior
from her2mine.extract.fastre import WordGate, word_start
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import SEQUENCE_WORDS, Regimen, group_regimens, is_schedule_or_alone

# "A third cohort of HER2-negative patients received letrozole alone (arm C)": after the
# randomisation labelled its arms A and B, a later design sentence that labels a regimen with
# the next letter adds that arm (a cohort outside the randomisation), kept apart from a
# randomised twin of the same drugs so that "in arm C" still names its own group.
_LETTER_LABEL = re.compile(r"\(\s*(?i:arm|cohort|group)\s+([A-Z])\s*\)")
# Both patterns take any case and a space inside the bracket ("(Arm C)", "( arm C )").
_LETTER_LABEL_GATE = WordGate(("(arm", "(cohort", "(group", "( "))


def _read_next_lettered_arm(
    text: str,
    sentences: list[tuple[int, int]],
    randomised: list[bool],
    drug_hits: list[Hit],
    reg: ArmRegistry,
) -> None:
    """Adds the arm a non-randomisation design sentence labels with the letter after the last
    one the arms use (the regimen right before its "(arm C)", bar a dose, schedule or "alone")."""
    letters = sorted(x for a in reg.arms for x in a.labels if len(x) == 1 and x.isalpha())
    if not letters:
        return
    want = chr(ord(letters[-1]) + 1)
    for (s, e), was_randomised in zip(sentences, randomised, strict=True):
        if was_randomised or _DESIGN.search(text, s, e) is None:
            continue
        for m in _LETTER_LABEL.finditer(text, s, e):
            if m.group(1).lower() != want:
                continue
            regs = group_regimens(
                text, [h for h in drug_hits if s <= h.start and h.end <= m.start()]
            )
            if regs and is_schedule_or_alone(text[regs[-1].end : m.start()]):
                reg.add_own(regs[-1], want)
                return


# Compared lengths may be counted in cycles too: "four or six cycles of docetaxel plus
# trastuzumab", "4 vs 6 cycles of TCHP" (round 66a).
_COMPARED_NUMBER = r"(?:\d+|one|two|three|four|five|six|eight|nine|twelve)"
_COMPARED_UNIT = rf"(?:{_DURATION_UNIT}|cycles?)"
_COMPARED_DURATIONS = re.compile(
    rf"\b{_COMPARED_NUMBER}\s*(?:\([^()]*\)\s*)?(?:{_COMPARED_UNIT}\s*(?:\([^()]*\)\s*)?)?"
    rf"(?:or|versus|vs\.?)\s+{_COMPARED_NUMBER}\s*(?:\([^()]*\)\s*)?{_COMPARED_UNIT}"
    r"\s*(?:\([^()]*\)\s*)?of\b",
    re.I,
)
# Round 76a: "We compared 9 weeks with 1 year of trastuzumab": a background or objective that
# compares two durations of one regimen, as "9 weeks versus 1 year of" does.
# Round 77c: the first may be a relative length, its span bracketed: "comparing shorter (9 weeks
# to 6 months) with 12 months of trastuzumab" (a meta-analysis pooling the shorter durations).
_RELATIVE_DURATION = r"(?:shorter|longer|short|extended|prolonged|abbreviated)(?:[\s-]duration)?"
_COMPARED_WITH_DURATIONS = re.compile(
    rf"\bcompar(?:e|ed|ing)\s+(?:a\s+|an\s+)?"
    rf"(?:{_COMPARED_NUMBER}\s*{_COMPARED_UNIT}|{_RELATIVE_DURATION})(?:\s*\([^()]*\))?\s+with\s+"
    rf"(?:a\s+|an\s+)?{_COMPARED_NUMBER}\s*{_COMPARED_UNIT}\s+of\b",
    re.I,
)

# Round 79a: a relative length first, then "versus" a length: "Shorter versus 12 months of
# adjuvant trastuzumab" (a title), as "9 weeks versus 1 year of" (``_COMPARED_DURATIONS``).
_RELATIVE_VERSUS_DURATION = re.compile(
    rf"\b{_RELATIVE_DURATION}\s*(?:\([^()]*\)\s*)?(?:or|versus|vs\.?)\s+{_COMPARED_NUMBER}\s*"
    rf"(?:\([^()]*\)\s*)?{_COMPARED_UNIT}\s*(?:\([^()]*\)\s*)?of\b",
    re.I,
)
_RELATIVE_GATE = WordGate(("short", "long", "extended", "prolonged", "abbreviated"))


def _duration_design(text: str, low: str, read: list[tuple[int, int]], reg: ArmRegistry) -> None:
    """Keep one arm when the design sentences ``read`` compared durations of one regimen: a
    title that names the chemotherapy by its class ("6 versus 12 months of trastuzumab with
    chemotherapy") and a methods sentence that names its drugs ("6 (group A) or 12 (group B)
    months of trastuzumab with FEC") define that one regimen twice, the fuller is kept and the
    groups' labels name it. Only when each arm was defined by such sentences alone, one arm
    each: "6 or 12 months of chemotherapy" before a randomisation to two regimens, "docetaxel
    alone or with 6 or 12 months of trastuzumab" and arms described one by one ("Arm A received
    ...") compare drugs, not durations."""
    if not reg.arms or not any(w in low for w in ("month", "week", "year", "cycle")):
        return
    found = {s: m for s, e in read if (m := _compared_durations(text, low, s, e))}
    ends = dict(read)
    if not found or _non_randomised_durations(text, low, ends, found):
        return
    for s, m in found.items():
        _drop_topic_mention(text, s, ends[s], m, reg)
    if not _one_arm_per_duration_sentence(text, reg, found):
        return
    for s, m in found.items():
        here = [a for a in reg.arms if s in a.defined_at]
        if _partner_cut_off(text, s, m, here):
            _merge_partner(reg, here[0], here[1])
    full = max(reg.arms, key=lambda a: len(a.drugs))
    if full.special or any(not set(a.drugs) <= set(full.drugs) for a in reg.arms):
        return
    if len(reg.arms) > 1:
        reg.arms[:] = [full]
        reg.short_forms = {k: v for k, v in reg.short_forms.items() if v is full}
    _label_durations(text, list(found.values()), full)
    reg.duration_groups = max(_duration_count(text, m) for m in found.values())
    reg.frozen = None


# Round 90b: a study that says it is no trial ("In this retrospective cohort study, patients were
# treated with 12 or 24 weeks of A"): its durations were chosen, not assigned, so define no arms.
# (review of round 91a: the word must name a study, "In this real-world cohort", not the
# evidence a randomised trial's background cites, "Real-world data suggest ...", "Observational
# studies show ...")
_NON_RANDOMISED_STUDY = re.compile(
    r"\b(?:(?:retrospective|observational|real[\s-]world|non-?randomi[sz]ed)(?:[\s,-]+[a-z]+){0,2}?"
    r"[\s,-]+(?:study|analysis|review|cohort|registry|trial)|cohort\s+study)\b",
    re.I,
)
_NON_RANDOMISED_GATE = WordGate(
    ("retrospective", "observational", "real", "nonrandom", "non-random", "cohort")
)


def _non_randomised_durations(
    text: str, low: str, ends: dict[int, int], found: dict[int, re.Match[str]]
) -> bool:
    """Whether the text names a non-randomised study (``_NON_RANDOMISED_STUDY``) and no
    sentence comparing durations (a key of ``found``, its end in ``ends``) randomises or
    assigns (``_randomises``: "In this non-randomized cohort study, patients were treated
    with 12 or 24 weeks of A" negates its word; round 96a)."""
    if not _NON_RANDOMISED_GATE.may_hold(low, 0, len(low)):
        return False
    if _NON_RANDOMISED_STUDY.search(text) is None:
        return False
    return not any(_randomises(text, s, ends[s]) for s in found)


# "6, 12 or 24 weeks of": durations listed before the compared pair (``_COMPARED_DURATIONS``).
_LISTED_DURATIONS_BEFORE = re.compile(
    rf"(?:\b{_COMPARED_NUMBER}\s*(?:{_COMPARED_UNIT}\s*)?,\s*)+\Z", re.I
)


def _duration_count(text: str, m: re.Match[str]) -> int:
    """How many durations the design compares: the pair ``m`` and those listed before it."""
    before = _LISTED_DURATIONS_BEFORE.search(text, max(0, m.start() - 40), m.start())
    return 2 + (before.group().count(",") if before else 0)


# "trastuzumab with docetaxel and carboplatin for a total of 12 months (12-month arm) or 6
# months (6-month arm)": the compared durations after the regimen, each with its group's bracket.
# The second may last until progression: "for 12 months (12-month arm) or until progression
# (continuous arm)".
_UNTIL_PROGRESSION = r"until\s+(?:disease\s+)?progression(?:\s+or\s+[\w\s-]{1,30}?)?"
_DURATIONS_AFTER = re.compile(
    rf"\bfor\s+(?:a\s+(?:total|period)\s+of\s+|up\s+to\s+)?{_NUMBER_WORD}\s*"
    rf"{_DURATION_UNIT}\s*\([^()]*\)\s*,?\s*(?:or|versus|vs\.?)\s+(?:(?:for\s+)?"
    rf"(?:a\s+total\s+of\s+)?{_NUMBER_WORD}\s*{_DURATION_UNIT}|{_UNTIL_PROGRESSION})"
    r"\s*\([^()]*\)",
    re.I,
)
_ALTERNATIVE = re.compile(r"\b(?:or|versus|vs)\b", re.I)
# "docetaxel plus trastuzumab for 4 or 6 cycles", "for either 6 or 12 months": the compared
# durations after the regimen with no group brackets (round 67a).
_BARE_DURATIONS_AFTER = re.compile(
    rf"\bfor\s+(?:either\s+)?(?:a\s+total\s+of\s+)?{_COMPARED_NUMBER}\s*"
    rf"(?:{_COMPARED_UNIT}\s*)?,?\s*(?:or|versus|vs\.?)\s+{_COMPARED_NUMBER}\s*{_COMPARED_UNIT}\b",
    re.I,
)


def _compared_durations(text: str, low: str, s: int, e: int) -> re.Match[str] | None:
    """The compared durations of design sentence [s, e): "6 or 12 months of A"
    (``_COMPARED_DURATIONS``), "A for 12 months (12-month arm) or 6 months (6-month arm)",
    "A for 4 or 6 cycles" or "compared 9 weeks with 1 year of A" (``low``: the lower-cased
    text)."""
    m = _COMPARED_DURATIONS.search(text, s, e)
    if m is None and low.find("for ", s, e) >= 0:
        m = _DURATIONS_AFTER.search(text, s, e) or _BARE_DURATIONS_AFTER.search(text, s, e)
    if m is None and low.find("compar", s, e) >= 0:
        m = _COMPARED_WITH_DURATIONS.search(text, s, e)
    if m is None and _RELATIVE_GATE.may_hold(low, s, e):
        m = _RELATIVE_VERSUS_DURATION.search(text, s, e)
    return m


def _drop_topic_mention(text: str, s: int, e: int, m: re.Match[str], reg: ArmRegistry) -> None:
    """Drop the arm a duration sentence ``text[s:e]`` defines before its compared lengths
    ``m`` ("6 versus 12 months of A with B and C") when it is part of the regimen those lengths
    time and no "or"/"versus" stands before or after them (round 83a: "the duration of adjuvant
    A: ... a randomised trial of 6 versus 12 months of A with B and C" names A's duration, no
    arm of A alone; review of round 83a: "6 versus 12 months of A, with or without B" is a
    factorial whose A alone is an arm). Only an arm no other sentence defined."""
    if m.re is _DURATIONS_AFTER or any(
        _ALTERNATIVE.search(text, x0, x1) for x0, x1 in ((s, m.start()), (m.end(), e))
    ):
        return
    here = [a for a in reg.arms if s in a.defined_at]
    if len(here) != 2:
        return
    small, big = sorted(here, key=lambda a: len(a.drugs))
    if small.defined_at == [s] and small.drugs and set(small.drugs) < set(big.drugs):
        reg.arms.remove(small)
        reg.short_forms = {k: v for k, v in reg.short_forms.items() if v is not small}
        reg.bare_forms = {k: v for k, v in reg.bare_forms.items() if v is not small}


def _one_arm_per_duration_sentence(
    text: str, reg: ArmRegistry, found: dict[int, re.Match[str]]
) -> bool:
    """Whether every arm was defined only by the sentences starting at the keys of ``found``,
    each of which defined at most one arm (or restated one: ``_continued_drug``). A lone arm
    that a duration sentence defined may be named by other sentences too (round 83a: a
    Background's "whether less than 12 months of A is non-inferior to 12 months" before "we
    pooled trials comparing shorter with 12 months of A")."""
    if not _lone_duration_arm(reg, found) and any(
        not a.defined_at or not set(a.defined_at) <= set(found) for a in reg.arms
    ):
        return False
    for s, m in found.items():
        here = [a for a in reg.arms if s in a.defined_at]
        if len(here) > 1 and not (
            _continued_drug(text, s, m, here) or _partner_cut_off(text, s, m, here)
        ):
            return False
    return True


def _lone_duration_arm(reg: ArmRegistry, found: dict[int, re.Match[str]]) -> bool:
    """Whether the registry holds one arm and a duration sentence (a key of ``found``) defined
    it."""
    return len(reg.arms) == 1 and any(s in reg.arms[0].defined_at for s in found)


# "paclitaxel plus carboplatin every three weeks, with trastuzumab for 9 weeks (short arm) or
# for 12 months (long arm)": the comma and partner word that give the timed drug to the regimen
# before (a "plus" inside that regimen is no partner: review of round 69a).
_PARTNER_WORD = re.compile(r",\s*(?:with|plus)\s", re.I)


def _partner_cut_off(text: str, s: int, m: re.Match[str], here: list[Arm]) -> bool:
    """Whether the two arms ``here`` of the sentence starting at ``s`` are one regimen cut in
    two by a comma before its partner, whose durations ``m`` trail it (round 69a): no drug in
    common, a comma and partner word and no "or"/"versus" before the durations."""
    if m.re is not _DURATIONS_AFTER or len(here) != 2:
        return False
    first, second = (set(a.drugs) for a in here)
    return (
        bool(first and second)
        and not first & second
        and _ALTERNATIVE.search(text, s, m.start()) is None
        and _PARTNER_WORD.search(text, s, m.start()) is not None
    )


def _merge_partner(reg: ArmRegistry, arm: Arm, partner: Arm) -> None:
    """One arm of ``arm``'s drugs and its cut-off ``partner``'s, with both arms' labels."""
    arm.extend(set(partner.drugs))
    arm.labels |= partner.labels
    reg.arms.remove(partner)
    reg.short_forms = {k: (arm if v is partner else v) for k, v in reg.short_forms.items()}


def _continued_drug(text: str, s: int, m: re.Match[str], here: list[Arm]) -> bool:
    """Whether the two arms ``here`` of the sentence starting at ``s`` are one regimen and
    some of its drugs restated before the trailing durations ``m`` ("A, B and C, with C
    continued for 12 months (long arm) or 6 months (short arm)"): no "or"/"versus" stands
    before the durations, and one arm's drugs are part of the other's."""
    if m.re is not _DURATIONS_AFTER or len(here) != 2:
        return False
    small, big = sorted((set(a.drugs) for a in here), key=len)
    return bool(small) and small < big and _ALTERNATIVE.search(text, s, m.start()) is None


def _label_durations(text: str, found: list[re.Match[str]], arm: Arm) -> None:
    """ "6 (group A) or 12 (group B) months of": each duration's group label names the one
    regimen (as "the 6-month group" does)."""
    for m in found:
        for b in re.finditer(r"\(", text[m.start() : m.end()]):
            label = _label_after(text, m.start() + b.start(), m.end())
            if label:
                arm.labels.add(label)


# "the pyrotinib group (pyrotinib combined with capecitabine, n=65)": a group named by its
# distinctive drug, then its whole regimen in the bracket right after the group word.
_GROUP_THEN_BRACKET = re.compile(r"[\s-]*(?:group|arm|cohort)\s*[(\[]\s*", re.I)


def _defines_group_in_bracket(text: str, named: Regimen, r: Regimen) -> bool:
    """Whether regimen ``r`` opens the bracket right after the group that ``named`` names
    and holds every drug of it and more: the bracket gives that group's whole regimen."""
    return (
        # (the group word and bracket first: most pairs of regimens have none between them)
        _GROUP_THEN_BRACKET.fullmatch(text, named.end, r.start) is not None
        and bool(named.drugs)
        and not r.has_placebo
        and set(r.drugs) > set(named.drugs)
    )


def _complete_group(arm: Arm, r: Regimen) -> None:
    """The arm a group name defined gets the drugs of the regimen its bracket gives."""
    arm.drugs = sorted(set(arm.drugs) | set(r.drugs))


# "arm A: FEC plus ...; arm B: ...": a design that names each arm by a letter or number and
# then gives its regimen. The group word may be capitalised, the letter is a capital; a second
# name in a bracket may stand before the colon ("arm A (long): ...").
# ("module 0: T-DXd alone; module 1: ...": a modular study's parts, counted from 0, as
# ``_GROUP_WORDS`` and ``_LETTER`` read them in results)
_LETTERED_ARM = re.compile(
    r"(?<![\w-])(?i:arm|group|cohort|module)\s+([A-Z]|[0-9])\s*(?:\(([A-Za-z][\w-]{1,20})\)\s*)?:\s*"
)


_SAME_GATE = WordGate(("same",))
# "(9-week group) or the same regimen followed by trastuzumab": the arm before, continued.
_SAME_REGIMEN = re.compile(
    r"\bthe\s+same\s+(?:regimen|treatment|therapy|chemotherapy|drugs)\s*,?\s*"
    r"(?:(?:and\s+)?then|followed\s+by|plus|with|and)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)


def _after_same_regimen(text: str, s: int, last: Regimen, r: Regimen) -> Regimen:
    """``r`` as written after "the same regimen followed by": the last arm's regimen with
    ``r`` (else ``r`` itself)."""
    if (
        r.hits[0].kind == "class"
        and len(r.hits) > 1
        and _SAME_BEFORE_END.search(text, max(s, r.start - 12), r.start)
    ):
        # "the same chemotherapy followed by trastuzumab": the class stands for the last arm's
        # drugs, so the regimen is those with what follows the class
        return Regimen(last.start, r.end, last.hits + r.hits[1:], [*last.joins, *r.joins])
    if _SAME_REGIMEN.search(text, max(s, r.start - 80), r.start) is None:
        return r
    return last.joined(r)


_SAME_BEFORE_END = re.compile(r"\bthe\s+same\s+$", re.I)


def _same_regimen_arm(text: str, s: int, r: Regimen) -> bool:
    """Whether ``r`` follows "the same regimen plus" (``_SAME_REGIMEN``) where a design names an
    arm ("... (AC-T) or to the same regimen plus trastuzumab (AC-TH)"): the last arm continued
    is an arm of the design, though a noun stands between the design word and the drug."""
    m = _SAME_REGIMEN.search(text, max(s, r.start - 80), r.start)
    if m is None:
        return False
    return _DESIGN_BEFORE_END.match(text[max(s, m.start() - 80) : m.start()]) is not None


def _read_lettered_arms(text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry) -> bool:
    """Arms of a design sentence that labels two or more regimens "arm A: ..." (or "arm A,
    ...; arm B, ...", ``_comma_labels``): each arm is every drug written up to the next label
    (or the ";" or closing bracket that ends the list), a sequence ("FEC x3, then docetaxel
    plus ...") included; the letter is its label. True if the sentence was read so."""
    found = list(_LETTERED_ARM.finditer(text, s, e)) if text.find(":", s, e) >= 0 else []
    if len(found) < 2:
        found = _comma_labels(text, s, e, hits)
    if len(found) < 2:
        return False
    arms = []
    for i, m in enumerate(found):
        stop = _segment_end(text, m.end(), found[i + 1].start() if i + 1 < len(found) else e)
        regimen = _regimen_within(hits, m.end(), stop)
        if regimen is not None:
            arms.append((m, *_without_options(text, regimen)))
    if len(arms) < 2:
        return False  # labels of populations or cohorts, not of regimens
    if _dose_levels(text, [(regimen, m.group(1)) for m, regimen, _ in arms]):
        return True  # "cohort 1: pyrotinib 240 mg; cohort 2: ...": read, and no arms
    for m, regimen, options in arms:
        arm = reg.add(regimen, m.group(1).lower(), options)
        if arm is not None and m.re is _LETTERED_ARM and m.group(2):
            arm.labels.add(m.group(2).lower())  # "arm A (long):": "the long arm" names it too
    return True


# "randomly assigned to arm A, paclitaxel plus ...; arm B, docetaxel ...; or arm C, ...": the
# label ends with a comma, the entries are joined by ";". Never after "in": "In arm A, patients
# received X; in arm B, ..." are clauses about arms, not a list defining them.
_LETTERED_COMMA = re.compile(
    r"(?<![\w-])(?<!\b[Ii]n\s)(?i:arm|group|cohort)\s+([A-Z]|[0-9]),\s+(?!(?i:which|who)\b)"
)
# Every comma-ended label, those two excluded too: a list with one of them ("enrolled in cohort
# 1, X; cohort 2, Y; cohort 3, Z") is read whole or not at all, never from its second label on.
_ANY_LETTERED_COMMA = re.compile(r"(?<![\w-])(?i:arm|group|cohort)\s+(?:[A-Z]|[0-9]),\s")
_ENTRY_JOIN = re.compile(r";\s*(?:(?i:or|and)\s+)?")
# What may stand between a comma-ended label and its first drug: a few words ("weekly", "six
# cycles of"), but no subject or verb ("arm A, patients received ...").
_ENTRY_OPENING = re.compile(
    r"(?:(?!(?i:patients|those|they|the|received|receiving|were|was|had)\b)[\w-]+\s+){0,3}"
)


def _comma_labels(text: str, s: int, e: int, hits: list[Hit]) -> list[re.Match[str]]:
    """The labels of a "arm A, X; arm B, Y" list in sentence [s, e): two or more, each entry
    opening with its regimen and ended by the ";" before the next label; [] otherwise."""
    if text.find(";", s, e) < 0:
        return []
    found = list(_LETTERED_COMMA.finditer(text, s, e))
    if len(found) < 2 or len(found) < len(_ANY_LETTERED_COMMA.findall(text, s, e)):
        return []
    for i, m in enumerate(found):
        nxt = found[i + 1].start() if i + 1 < len(found) else e
        stop = _segment_end(text, m.end(), nxt)
        if i + 1 < len(found) and _ENTRY_JOIN.fullmatch(text, stop, nxt) is None:
            return []
        regimen = _regimen_within(hits, m.end(), stop)
        if regimen is None or _ENTRY_OPENING.fullmatch(text, m.end(), regimen.start) is None:
            return []
    return found


# Between alternatives given per patient inside one arm's description: "doxorubicin and
# cyclophosphamide or epirubicin and cyclophosphamide followed by docetaxel".
_ALTERNATIVE_OR = re.compile(r"\s*,?\s+or\s+", re.I)
_SEQUENCE_GAP = re.compile(rf"\b{SEQUENCE_WORDS}\b", re.I)


def _without_options(text: str, regimen: Regimen) -> tuple[Regimen, set[str]]:
    """One lettered arm's regimen without its per-patient options, and those options. Its
    mentions joined by "or" are alternatives each patient gets one of (one arm is described,
    so they are no arms); the drugs they do not all share are options (the arm is what every
    patient gets: "AC or EC followed by docetaxel" is cyclophosphamide then docetaxel, with
    doxorubicin or epirubicin). Alternatives end at "followed by"/"then" ("... or EC followed
    by docetaxel": docetaxel is every patient's)."""
    if text.find(" or ", regimen.start, regimen.end) < 0:
        return regimen, set()  # (most descriptions offer no alternative)
    alternatives = _alternatives(text, regimen.hits)
    if len(alternatives) < 2:
        return regimen, set()
    sets = [{d for h in alt for d in h.drugs} for alt in alternatives]
    options = set().union(*sets) - set.intersection(*sets)
    if not options:
        return regimen, set()
    kept = []
    for h in regimen.hits:
        drugs = [d for d in h.drugs if d not in options]
        if drugs:
            kept.append(h if len(drugs) == len(h.drugs) else _with_drugs(h, drugs))
    if not kept:
        return regimen, set()
    return Regimen(kept[0].start, kept[-1].end, kept), options


def _alternatives(text: str, hits: list[Hit]) -> list[list[Hit]]:
    """The mentions of ``hits`` (one arm's, in order) split into alternatives at "or": the run
    of mentions around the first "or", each alternative ending at a sequence word; [] when no
    "or" joins two mentions."""
    groups: list[list[Hit]] = [[hits[0]]]
    closed = False  # a sequence word ended the alternatives
    for prev, h in zip(hits, hits[1:], strict=False):
        gap = text[prev.end : h.start]
        if closed:
            break
        if _ALTERNATIVE_OR.fullmatch(gap):
            groups.append([h])
        elif _SEQUENCE_GAP.search(gap):
            if len(groups) >= 2:
                closed = True
            else:
                groups = [[h]]  # a sequence head before the alternatives: every patient's
        else:
            groups[-1].append(h)
    return groups if len(groups) >= 2 else []


def _with_drugs(h: Hit, drugs: list[str]) -> Hit:
    """``h`` standing for ``drugs`` only (a regimen short form less its per-patient option)."""
    return Hit(h.kind, h.start, h.end, h.text, h.canonical, drugs, h.source)


# "randomly assigned to arm A (doxorubicin and cyclophosphamide followed by paclitaxel), arm B
# (the same chemotherapy followed by trastuzumab), or arm C (...)": lettered arms, each defined
# by the bracket right after its label.
# Round 73a: "enrolled into cohort 1 (...) or cohort 2 (...)": cohorts named so too.
_LETTERED_BRACKET = re.compile(r"(?<![\w-])(?i:arm|group|cohort)\s+([A-Z]|[1-9])\s*[(\[]\s*")


def _read_bracketed_lettered_arms(
    text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry
) -> bool:
    """Arms of a design sentence that defines two or more lettered arms by a bracket after the
    label (above): each arm is every drug in its bracket ("the same chemotherapy followed by X":
    the arm before with X); the letter is its label. True if the sentence was read so."""
    if text.find("(", s, e) < 0 and text.find("[", s, e) < 0:
        return False
    found = list(_LETTERED_BRACKET.finditer(text, s, e))
    if len(found) < 2 or not _assigns_groups(text, s, e):
        return False  # (labels a who-received-what sentence gives are populations, cohorts)
    arms: list[tuple[Regimen, str]] = []
    for m in found:
        regimen = _bracket_regimen(text, hits, m.end(), e)
        if regimen is None or _is_prior(text, None, s, regimen, True):
            continue  # "arm A (previously treated with trastuzumab)": a population's bracket
        if _NEGATED_BEFORE.search(text, m.end(), regimen.start) is not None:
            continue  # "group B (without trastuzumab)": the group that had none of it
        if arms and regimen.hits[0].kind == "class":
            regimen = _after_same_regimen(text, m.end(), arms[-1][0], regimen)
        arms.append((regimen, m.group(1).lower()))
    if len(arms) < 2:
        return False  # "group 1 (n = 50)": counts, not regimens
    for regimen, label in arms:
        _add_lettered_arm(reg, regimen, label)
    return True


def _bracket_regimen(text: str, hits: list[Hit], start: int, e: int) -> Regimen | None:
    """The regimen a label's bracket opening at ``start`` names: its first ";"-part, or, when
    that part describes the population ("cohort 1 (trastuzumab-sensitive disease; pyrotinib
    plus eribulin)": a drug there is prior therapy), the first later part naming a drug."""
    end = _segment_end(text, start, e)
    first = _regimen_within(hits, start, end)
    population = first is not None and _POPULATION_PART.search(text, start, end) is not None
    if population and first is not None and _only_attributes(text, first):
        first = None  # "cohort A (trastuzumab-pretreated)": the drug is the population's
    while text.startswith(";", end) and (first is None or population):
        start = end + 1
        end = _segment_end(text, start, e)
        later = _regimen_within(hits, start, end)
        if later is not None and not _POPULATION_PART.search(text, start, end):
            return later
    return first


def _only_attributes(text: str, r: Regimen) -> bool:
    """Whether every drug mention of ``r`` is hyphened to the word after it, as an attribute of
    the patients ("trastuzumab-sensitive", "trastuzumab-based therapy")."""
    return all(text.startswith("-", h.end) for h in r.hits)


# A bracket part that says who the patients are, not what they received.
_POPULATION_PART = re.compile(
    r"\b(?:disease|sensitive|resistant|refractory|progress\w*|relapsed?|pretreated|"
    r"pre-treated|naive|naïve|positive|negative|exposed)\b",
    re.I,
)


# "group 2 (no trastuzumab, n=35)", "group B (without trastuzumab)": the bracket's drug is the one
# its group did not have.
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|without|non)\b[\s-]*(?:[\w-]+\s+){0,2}$", re.I)


# "Patients were divided into group A (TCH, n=60) and group B (TCHP, n=58)": Chinese journals'
# word for putting patients into the compared groups (randomised or not).
_DIVIDED_INTO = re.compile(r"\b(?:divided|separated)\s+into\b", re.I)


def _assigns_groups(text: str, s: int, e: int) -> bool:
    """Whether sentence [s, e) puts patients into groups: a randomisation or "divided into"
    (the groups' brackets then say what each received; a bracket naming no drug, "group A
    (HER2 IHC 3+)", still defines no arm)."""
    if _RANDOMISED.search(text, s, e) is not None:
        return True
    if text.find("into", s, e) >= 0 and _DIVIDED_INTO.search(text, s, e) is not None:
        return True
    return text.find("to ", s, e) >= 0 and _ENROLLED_INTO_GROUP.search(text, s, e) is not None


# "patients were enrolled into cohort 1 (...) or cohort 2 (...)": a non-randomised study puts
# its patients into the labelled groups the brackets define.
_ENROLLED_INTO_GROUP = re.compile(
    r"\b(?:enrolled|assigned|allocated|entered)\s+(?:in)?to\s+(?:the\s+|either\s+)?"
    r"(?:arm|group|cohort)\s+(?:[A-Z]|[1-9])\s*[(\[]",
    re.I,
)


def _add_lettered_arm(reg: ArmRegistry, regimen: Regimen, label: str) -> None:
    """Add lettered arm ``label``; an arm with the same drugs as another letter's (N9831's
    sequential and concurrent arms B and C: the order differs, not the drugs) stays an arm of
    its own, so that the design keeps its number of arms ("arm B vs 84.4%" is not arm A)."""
    drugs = regimen.drugs
    twin = any(_same_drugs(a, drugs) and a.labels and label not in a.labels for a in reg.arms)
    if twin and drugs:
        reg.add_own(regimen, label)
    else:
        reg.add(regimen, label)


def _regimen_within(hits: list[Hit], a: int, b: int) -> Regimen | None:
    """Every drug mention between ``a`` and ``b`` as one regimen (what a lettered arm's
    description names), or None when it names no drug."""
    inside = [h for h in hits if a <= h.start and h.end <= b]
    return Regimen(inside[0].start, inside[-1].end, inside) if inside else None


# "(arm A, standard therapy, n = 49; arm B, standard therapy plus lapatinib, n = 56)": a list of
# lettered arms, each with its regimen and its patient count, separated by ";".
_COUNTED_ARM = re.compile(
    r"[(\[;]\s*(?i:arm|group)\s+([A-Z]|[1-9]),\s+([^;()\[\]]{1,80}?),\s*n\s*=\s*\d+\s*(?=[;)\]])"
)


def _read_counted_arms(text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry) -> bool:
    """Arms of a "(arm A, <regimen>, n = 49; arm B, <regimen>, n = 56)" list: the letter is the
    label of the arm its drugs make; an entry with no named drug ("standard therapy") is a
    labelled group with no drug, so its values get arm null. Read only when at least one entry
    names a drug. True if the sentence was read so."""
    if text.find("=", s, e) < 0:
        return False  # every entry has its count
    found = list(_COUNTED_ARM.finditer(text, s, e))
    if len(found) < 2:
        return False
    entries = [(_regimen_within(hits, m.start(2), m.end(2)), m.group(1).lower()) for m in found]
    if all(regimen is None for regimen, _ in entries):
        return False
    for regimen, label in entries:
        if regimen is None or reg.add(regimen, label) is None:
            reg.frozen = None
            reg.arms.append(Arm([], False, {label}))
    return True


# "Arm A consisted of AC followed by docetaxel plus trastuzumab; arm B consisted of ...": a
# lettered arm described by a verb instead of a colon (read when the randomisation sentence
# named the arms by letter only: "randomly assigned to arm A (long) or arm B (short)").
# The clause may name its subject after a comma: "In arm A, patients received X; in arm B, they
# received Y", "arm A, which received X, and arm B, which received Y".
# A bracket may say who the group's patients are (round 65a): "cohort 1 (RAS wild-type CRC)
# received A plus B; cohort 2 (RAS-mutant CRC) received A alone".
_LETTERED_VERB = re.compile(
    word_start(["arm", "group", "cohort"], not_after=r"[\w-]")
    + r"\s+([A-Z]|[1-9])(?:\s*\([^()]{1,80}\))?(?:\s*,\s*(?i:(?:which|who|where|in\s+which)\s+)?"
    r"(?i:(?:the\s+|all\s+)?patients\s+|they\s+)?|\s+)"
    r"(?i:consisted\s+of|consists\s+of|comprised|(?:was|were)\s+(?:treated\s+with|given)|"
    r"received)\s+"
)
_LETTERED_VERB_GATE = WordGate(("consist", "comprised", "treated with", "received", "given"))
# "The control group received vinorelbine, and the observation group received inetetamab
# combined with vinorelbine": groups named by a word of their own, each described by its verb
# (East Asian journals' "observation/control/study group"). Group 1 is the name.
# (``word_start``: "the" first, as ``\b(?i:the)``, without trying every position of the text)
# A count bracket may stand between the group and its verb: "the observation group (n=42) was
# treated with", "(n = 42)", "(42 cases)", "(42 patients)".
_GROUP_COUNT = r"(?:\s*\(\s*(?:n\s*=\s*\d+|\d+\s+(?:cases|patients))\s*\))?"
_NAMED_GROUP_VERB = re.compile(
    word_start(["the"])
    + r"\s+([A-Za-z][\w-]{2,20})\s+(?i:group)"
    + _GROUP_COUNT
    # "the study group additionally received X" (round 68a)
    + r"\s+(?i:(?:additionally|also|further)\s+)?"
    + r"(?i:consisted\s+of|comprised|(?:was|were)\s+(?:treated\s+with|given)|received)\s+"
)
# "..., and the control group (n=40) with docetaxel plus ...": the second group of a described
# pair, its verb left out (read only after a described group of the same sentence); in a list of
# three the middle one follows a bare comma (", the control group (n=30) with Y, and the ...").
_NAMED_GROUP_ELIDED = re.compile(
    r"(?:,\s*(?i:and\s+)?|\s+(?i:and)\s+)(?i:the)\s+([A-Za-z][\w-]{2,20})\s+(?i:group)"
    + _GROUP_COUNT
    + r"\s+(?i:with)\s+"
)
# "arm A (long)": a second name in a bracket right after a lettered group.
_LETTER_ALIAS = re.compile(r"(?<![\w-])(?i:arm|group)\s+([A-Z]|[1-9])\s*\(([A-Za-z][\w-]{1,20})\)")


def _read_described_arms(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit], reg: ArmRegistry
) -> None:
    """Arms described one by one after their letter ("Arm A consisted of X; arm B consisted of
    Y", in one sentence or several): each arm is every drug up to the next description, the ";"
    or the sentence end. Read only when two or more letters describe regimens; a bracketed second
    name of a letter ("arm A (long)") becomes a label too ("in the long arm")."""
    ends = [e for _, e in sentences]
    found = []  # (match, end of its sentence)
    for m in _described_groups(text):
        i = bisect_left(ends, m.end())
        if i < len(ends) and sentences[i][0] <= m.start():
            if m.re is _NAMED_GROUP_ELIDED and not (found and found[-1][1] == ends[i]):
                continue  # "and the X group with": only the second of a described pair
            found.append((m, ends[i]))
    if len(found) < 2:
        return
    arms = []
    for i, (m, e) in enumerate(found):
        limit = min(e, found[i + 1][0].start()) if i + 1 < len(found) else e
        end = _segment_end(text, m.end(), limit)
        regimen = _regimen_within(drug_hits, m.end(), end)
        if regimen is not None:
            regimen = _on_basis_of_group(text, m.end(), end, regimen, arms)
            arms.append((regimen, normalise_label(m.group(1))))
    if len({label for _, label in arms}) < 2 or _dose_levels(text, arms):
        return
    by_letter = {label: reg.add(regimen, label) for regimen, label in arms}
    for m in _LETTER_ALIAS.finditer(text):
        arm = by_letter.get(m.group(1).lower())
        if arm is not None:
            arm.labels.add(m.group(2).lower())


# "the experimental group was given pyrotinib on the basis of the control group", "pyrotinib in
# addition to the control regimen": the added drug on top of an earlier described group's regimen
# (Chinese journals' add-on phrasing). Group 1 names the group the drug was added to.
_ON_BASIS_OF_GROUP = re.compile(
    r"\b(?:on\s+the\s+basis\s+of|in\s+addition\s+to|on\s+top\s+of|based\s+on)\s+"
    r"(?:that\s+(?:of|in)\s+|the\s+regimen\s+of\s+)?the\s+([A-Za-z][\w-]{2,20})"
    r"(?:\s+group)?(?:['\u2019]s)?(?:\s+(?:regimen|treatment|therapy|group))?\b",
    re.I,
)


def _on_basis_of_group(
    text: str, a: int, b: int, regimen: Regimen, earlier: list[tuple[Regimen, str]]
) -> Regimen:
    """``regimen`` (described in [a, b)) joined with the regimen of the earlier described group
    it was given "on the basis of" / "in addition to"; unchanged when [a, b) adds to no group
    described before it."""
    if not earlier:
        return regimen
    base = _base_group_regimen(text, a, b, regimen, earlier)
    if base is None:
        return regimen
    return Regimen(regimen.start, regimen.end, [*regimen.hits, *base.hits])


# Round 68a: "the study group additionally received pyrotinib on this basis": "this" is the
# regimen of the group described just before.
_ON_THIS_BASIS = re.compile(
    r"\b(?:on\s+(?:this|that|such\s+a)\s+basis|on\s+the\s+basis\s+of\s+(?:this|that|it))\b", re.I
)

# Between the group's regimen and "on this basis": a few words or brackets of its own clause
# ("pyrotinib in addition on this basis", "pyrotinib (400 mg/d) on this basis"), no comma or "and" (", and on this basis the trial was designed"
# says why the trial was run: review of round 68a).
_BASIS_OF_OWN_VERB = re.compile(
    r"(?:\s+(?!and\b|but\b|so\b|which\b)(?:\([^()]*\)|[\w/.-]+)){0,4}\s+", re.I
)


def _base_group_regimen(
    text: str, a: int, b: int, regimen: Regimen, earlier: list[tuple[Regimen, str]]
) -> Regimen | None:
    """The regimen of the earlier described group that ``regimen`` (described in [a, b)) is
    given on top of: the group named after "on the basis of" / "in addition to", or the one
    described last before "on this basis"; None when [a, b) adds to no such group."""
    if text.find(" basis", a, b) >= 0:
        m = _ON_THIS_BASIS.search(text, a, b)
        if m is not None and _BASIS_OF_OWN_VERB.fullmatch(text, regimen.end, m.start()):
            return earlier[-1][0]
    if text.find(" the ", a, b) < 0:
        return None
    m = _ON_BASIS_OF_GROUP.search(text, a, b)
    if m is None or m.start() < regimen.start:
        return None
    return dict((label, r) for r, label in earlier).get(normalise_label(m.group(1)))


def _dose_levels(text: str, arms: list[tuple[Regimen, str]]) -> bool:
    """Whether the described groups all give the same drugs in a text that randomises no one:
    "cohort 1 received pyrotinib 240 mg and cohort 2 received pyrotinib 320 mg" are dose levels
    of one study population, no arms (randomised dose arms carry their regimen). A negated
    "non-randomized" / "not randomized" randomises no one either."""
    return len({tuple(r.drugs) for r, _ in arms}) < 2 and not _randomises(text, 0, len(text))


def _described_groups(text: str) -> list[re.Match[str]]:
    """The lettered ("arm A received") and word-named ("the control group received") group
    descriptions of ``text``, in text order; a word naming no group of its own ("the same
    group", "the whole group") is left out."""
    found = list(_LETTERED_VERB.finditer(text))
    if "group" in text or "Group" in text:
        found += [
            m
            for m in _named_group_descriptions(text)
            if m.group(1).lower() not in _NOT_A_GROUP_NAME
        ]
        found.sort(key=lambda m: m.start())
    return found


def _named_group_descriptions(text: str) -> list[re.Match[str]]:
    """ "the control group received X" descriptions, and (when there is one) the verbless
    "and the X group with Y" ones after it."""
    found = list(_NAMED_GROUP_VERB.finditer(text))
    if found and text.find(" with ", found[0].end()) >= 0:
        found += _NAMED_GROUP_ELIDED.finditer(text, found[0].end())
    return found


# "neither lapatinib plus capecitabine (arm C) nor trastuzumab with vinorelbine (arm B)
# improved PFS over trastuzumab with docetaxel (arm A)": a sentence outside the randomisation
# (a Background's recap of the primary analysis) that labels each regimen it names with a
# letter or number defines the lettered arms (round 70a).
# Round 76a: the regimen's short form may share the bracket, before or after the label and cut
# from it by a semicolon or comma: "trastuzumab emtansine (T-DM1; arm C)", "(arm C, T-DM1)".
_BRACKET_SHORT_FORM = r"[^\s();,]{1,15}"
_LABEL_BRACKET_AFTER = re.compile(
    rf"\s*\(\s*(?:{_BRACKET_SHORT_FORM}\s*[;,]\s*)?(?i:arm|group)\s+([A-Z]|[1-9])\s*"
    rf"(?:[;,]\s*{_BRACKET_SHORT_FORM}\s*)?\)"
)
_LABEL_BRACKET_GATE = WordGate(("(arm", "(group", "( "))


def _read_labelled_regimens(
    text: str,
    sentences: list[tuple[int, int]],
    drug_hits: list[Hit],
    reg: ArmRegistry,
    trials: list[tuple[int, str]] | None = None,
    gate: str | None = None,
) -> None:
    """Add the arms a sentence labels (above), two labels or more, each a label no arm has
    yet: the label of the one arm with the regimen's drugs, else a new arm when the registry
    has fewer than two arms or only lettered ones. A sentence naming a trial the title does
    not name, or whose labels all differ from the registry's own lettered arms, is another
    trial's (review 70a). ``gate``: the lowered text when ``literal_safe`` (else every
    sentence is read)."""
    new_arms = _only_lettered_arms(reg)
    for s, e in sentences:
        if not _LABEL_BRACKET_GATE.may_hold(gate, s, e):
            continue
        if _names_another_trial(s, e, sentences[0][1], trials):
            continue
        hits = [h for h in drug_hits if s <= h.start and h.end <= e]
        labelled = []
        for r in group_regimens(text, hits):
            m = _LABEL_BRACKET_AFTER.match(text, r.end)
            if m is not None and r.drugs and not _is_prior(text, None, s, r, True):
                labelled.append((r, m.group(1).lower()))
        if len({label for _, label in labelled}) < 2 or not _agrees_with_letters(reg, labelled):
            continue
        taken = {x for a in reg.arms for x in a.labels}
        for r, label in labelled:
            if label in taken:
                continue
            same = [a for a in reg.arms if set(a.drugs) == set(r.drugs)]
            if len(same) == 1 and not _is_lettered(same[0]):
                same[0].labels.add(label)
            elif new_arms and not same:
                _add_lettered_arm(reg, r, label)
            taken.add(label)


def _only_lettered_arms(reg: ArmRegistry) -> bool:
    """Whether every arm of ``reg`` naming a drug is lettered or numbered (fewer than two arms:
    nothing to keep apart)."""
    named = [a for a in reg.arms if a.drugs]
    if len(named) < 2:
        return True
    return all(_is_lettered(a) for a in named)


def _is_lettered(arm: Arm) -> bool:
    """Whether ``arm`` has a one-character label: a letter or number ("arm B", "group 2")."""
    return any(len(x) == 1 for x in arm.labels)


def _names_another_trial(
    s: int, e: int, title_end: int, trials: list[tuple[int, str]] | None
) -> bool:
    """Whether a trial named in ``text[s:e]`` is not named in the title ("In CLEOPATRA,
    docetaxel plus ... (arm A) ..." above a single-arm study), and no trial the title names is
    named there too: "In DETECT V (CHEVENDO), pts were randomized ..." under a DETECT V title
    is the study's own sentence (an alias or id beside its name)."""
    if not trials:
        return False
    titled = {name for at, name in trials if at < title_end}
    named = {name for at, name in trials if s <= at < e}
    return bool(named - titled) and not named & titled


def _agrees_with_letters(reg: ArmRegistry, labelled: list[tuple[Regimen, str]]) -> bool:
    """Whether the registry has no lettered arm naming a drug, or one of ``labelled`` repeats
    such an arm's label with its drugs ("Previous trials compared A (arm C) with B (arm D)"
    beside arms A and B is another trial's)."""
    lettered = {x: a for a in reg.arms if a.drugs for x in a.labels if len(x) == 1}
    if not lettered:
        return True
    return any(
        label in lettered and set(lettered[label].drugs) == set(r.drugs) for r, label in labelled
    )


# Round 86b: a cohort tied to a regimen outside the design: a lone "cohort A: A plus B" (a
# title naming the cohort it reports) or "received A plus B (...) in cohort A".
_COHORT_GATE = WordGate(("cohort",))
_COHORT_COLON = re.compile(r"(?<![\w-])(?i:cohort)\s+([A-Z]|[1-9])\s*:\s*")
_IN_COHORT = re.compile(r"(?<![\w-])in\s+(?i:cohort)\s+([A-Z]|[1-9])\b")
_RECEIVED = re.compile(r"\b(?:received|receiving|treated\s+with|given)\s", re.I)
# between the regimen and "in cohort A": its dosing bracket at most
_DOSING_GAP = re.compile(r"\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?,?\s*")


def label_cohorts_of_arms(
    text: str,
    sentences: list[tuple[int, int]],
    hits: list[Hit],
    reg: ArmRegistry,
    gate: str | None,
) -> None:
    """Label with its letter the arm a cohort's regimen is (``_cohort_regimens``): "cohort A"
    in a result sentence then names that arm. Only a letter no arm has yet, and only a regimen
    whose drugs are exactly one defined arm's. ``gate``: the lower-cased text, or None."""
    if not reg.arms:
        return
    for s, e in sentences:
        if not _COHORT_GATE.may_hold(gate, s, e):
            continue
        for letter, r in _cohort_regimens(text, s, e, hits, len(reg.arms) >= 2):
            if any(letter in a.labels for a in reg.arms):
                continue
            same = [a for a in reg.arms if _same_drugs(a, r.drugs)]
            if len(same) == 1 and r.drugs:
                same[0].labels.add(letter)
                reg.frozen = None


def _cohort_regimens(
    text: str, s: int, e: int, hits: list[Hit], received: bool
) -> list[tuple[str, Regimen]]:
    """(letter, regimen) of each cohort sentence [s, e) ties to a regimen: the one "cohort A:"
    of the sentence with the regimen right after it, or, when ``received`` (a design of two arms
    or more), "received <regimen> (...) in cohort A" within one clause. In a one-regimen study
    "received A in cohort A (HER2-low)" is a population cohort whose siblings take A too: the
    cohorts are subgroups, null (gold README; review of round 86b)."""
    inside = [h for h in hits if s <= h.start and h.end <= e]
    if not inside:
        return []
    colons = list(_COHORT_COLON.finditer(text, s, e))
    in_cohort = list(_IN_COHORT.finditer(text, s, e)) if received else []
    if len(colons) != 1 and not in_cohort:
        return []  # (no cohort tied to a regimen: the regimens need not be grouped)
    regs = group_regimens(text, inside)
    found = []
    if len(colons) == 1:  # (two or more are a lettered design, read as such)
        m = colons[0]
        first = next((r for r in regs if r.start >= m.end()), None)
        if first is not None and first.start == m.end():
            found.append((m.group(1).lower(), first))
    for m in in_cohort:
        before = [r for r in regs if r.end <= m.start()]
        if not before or not _DOSING_GAP.fullmatch(text, before[-1].end, m.start()):
            continue
        r = before[-1]
        clause = max(s, text.rfind(";", s, r.start) + 1)
        if _RECEIVED.search(text, clause, r.start):
            found.append((m.group(1).lower(), r))
    return found
