"""Drugs every arm received ("both groups received", "in each arm"), "A alone or combined with B",
an addition read as a combination, and a backbone given later to all arms.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from her2mine.extract.arms.labels import _RESPECTIVELY_BRACKET
from her2mine.extract.arms.model import Arm, ArmRegistry
from her2mine.extract.arms.patterns import _ADDED_TO, _ADDED_TO_ALL, _ADDITION_OF, _BOTH, _EACH
from her2mine.extract.arms.prior import _then_assigned_at, assignment_verb, lead_in_before
from her2mine.extract.fastre import WordGate
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import (
    GIVEN_TOGETHER,
    Regimen,
    gap_kind,
    group_regimens,
    without_schedules,
)


def _given_to_all(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit], reg: ArmRegistry
) -> None:
    """ "Both groups received trastuzumab and pertuzumab every 3 weeks." in a sentence after the
    design (``sentences``: those that say it): the drugs named after it are given to every arm
    (as in a design sentence)."""
    for s, e in sentences:
        m = _BOTH.search(text, s, e)
        if m is None:
            continue
        # round 98b: "all patients received X and were randomly assigned to A or placebo": the
        # drugs after the assignment are the alternatives, not every arm's (the verb searched
        # once, for the lead-in too: round 100e)
        verb = assignment_verb(text, m.end(), e)
        if _then_assigned_at(text, m.end(), e) is not None or lead_in_before(text, m, verb, e) >= 0:
            continue  # "all patients received EC and were then assigned to": no backbone
        a, b = _names_respectively_at(text, m.end(), e)
        end = e if verb is None else verb.start()
        drugs = {
            d
            for h in drug_hits
            if m.end() <= h.start
            and h.end <= end
            and not a <= h.start < b
            and h.kind != "supportive"  # round 84b: prophylaxis every arm gets joins none
            for d in h.drugs
        }
        # after the design, a drugless (placebo/observation) group keeps no drugs
        _give_to_every_arm(reg, drugs, drugless_too=False)


def _each_with_named_arms(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit], reg: ArmRegistry
) -> None:
    """ "... the biosimilar PF-05280014 and EU-sourced trastuzumab, each combined with
    paclitaxel" (a Background naming the backbone the Methods leave out): when the mentions
    before "each" name every drug arm and only those, the regimen right after it is given to
    every arm, as a design's "each with" is. An arm is named by its own drugs, the partner set
    aside: a title "A versus B plus C" gave C to B alone, and "A and B, each combined with C"
    gives it to A too (round 92a). Twins the registry holds as one arm count as that arm (a
    design sentence gives "each" partners only to two arms or more). Read only in sentences
    holding "each"."""
    arms = [a for a in reg.arms if a.drugs and not a.special]
    if not arms:
        return
    for s, e in sentences:
        if text.find("each", s, e) < 0 or (m := _EACH.search(text, s, e)) is None:
            continue
        named = [h for h in drug_hits if s <= h.start and h.end <= m.start() and h.drugs]
        if len(named) < 2:
            continue  # (checked before the regimens are grouped: most "each" name no arms)
        after = group_regimens(text, [h for h in drug_hits if m.end() <= h.start and h.end <= e])
        if not after or after[0].start - m.end() > 2 or not after[0].drugs:
            continue
        partner = set(after[0].drugs)
        own = {id(a): set(a.drugs) - partner for a in arms}
        if not all(own.values()) or all(partner <= set(a.drugs) for a in arms):
            continue  # an arm of the partner alone, or nothing to give
        owners = [[a for a in arms if set(h.drugs) <= own[id(a)]] for h in named]
        if not all(owners):
            continue
        if {id(a) for o in owners for a in o} != {id(a) for a in arms}:
            continue
        if all(_named_whole(own[id(a)], a, named, owners) for a in arms):
            # ("trastuzumab and lapatinib" name no arm of "docetaxel plus trastuzumab")
            _give_to_every_arm(reg, partner, drugless_too=False)


def _named_whole(drugs: set[str], arm: Arm, named: list[Hit], owners: list[list[Arm]]) -> bool:
    """Whether the mentions ``named`` that ``arm`` owns (``owners``) name all of ``drugs``."""
    said = {d for h, o in zip(named, owners, strict=True) if any(a is arm for a in o)
            for d in h.drugs}  # fmt: skip
    return drugs <= said


def _names_respectively_at(text: str, s: int, e: int) -> tuple[int, int]:
    """The span of a "respectively" bracket in [s, e), else an empty one: "Both groups also
    received trastuzumab (TCH and TCbH, respectively)" gives every arm trastuzumab, not the
    drugs the lexicon reads in the arms' names. Drugs after the bracket still count ("docetaxel
    and trastuzumab (75 mg/m2 and 6 mg/kg, respectively) plus pertuzumab"; review of 73a)."""
    if text.find("respectively", s, e) < 0:
        return e, e
    m = _RESPECTIVELY_BRACKET.search(text, s, e)  # "(TCH and TCbH, respectively)"
    return m.span() if m is not None else (e, e)


# "Pertuzumab and trastuzumab were given in both cohorts": the drugs named before the passive
# verb join every arm ("Both groups received X" names them after it).
_GIVEN_IN_ALL = re.compile(
    r"\b(?:was|were)\s+(?:also\s+)?(?:given|administered)\s+(?:to|in)\s+(?:both|all)\s+"
    r"(?:(?:the|three|four)\s+)?(?:groups|arms|cohorts)\b",
    re.I,
)

# Every _GIVEN_IN_ALL match holds one of these (lower case).
_GIVEN_IN_ALL_GATE = WordGate(
    f"{verb} {prep} {word}"
    for verb in ("given", "administered")
    for prep in ("in", "to")
    for word in ("both", "all")
)


def _given_in_all(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit], reg: ArmRegistry
) -> None:
    """Drugs of a sentence that says they were given in every group, before that phrase."""
    starts = [a for a, _ in sentences]
    for m in _GIVEN_IN_ALL.finditer(text):
        s = starts[bisect_right(starts, m.start()) - 1] if starts else 0
        drugs = {
            d
            for h in drug_hits
            if s <= h.start and h.end <= m.start() and h.kind != "supportive"
            for d in h.drugs
        }
        _give_to_every_arm(reg, drugs, drugless_too=False)


# "Patients with HER2-positive tumors received trastuzumab and pertuzumab concomitantly with
# either regimen", "trastuzumab in both arms": drugs given with every arm (to a
# subgroup, as a rule), which define no arm of their own. They do not join the arms either:
# whole-population values would then carry drugs only the subgroup received.
_WITH_EVERY_ARM = re.compile(
    r"\s*,?\s*" + GIVEN_TOGETHER + r"(?:in\s+addition\s+to|with|to|in)\s+"
    r"(?:either|each|both|all|every)\s+(?:of\s+the\s+)?(?:(?:two|three|four)\s+)?"
    r"(?:(?:chemotherapy|treatment|study)\s+)?(?:regimens?|arms?|groups?|treatments?)\b",
    re.I,
)
_WITH_EVERY_ARM_GATE = WordGate(("either", "each", "both", "all", "every"))


def _without_every_arm_drugs(text: str, regs: list[Regimen], e: int) -> list[Regimen]:
    """``regs`` without those given with every arm (``_WITH_EVERY_ARM``) in a clause of their
    own ("..., and patients with HER2-positive tumors received X concomitantly with either
    regimen"). A regimen joined to the one before it ("pertuzumab or placebo, plus trastuzumab
    and docetaxel in each arm", "A or B, with C in both groups") is kept: its drugs are the
    randomised alternatives' own or their shared partners (``shared_backbone``)."""
    out = []
    for k, r in enumerate(regs):
        if _WITH_EVERY_ARM.match(text, r.end, e) is not None and not (
            k and _joined_to_previous(text, regs[k - 1], r)
        ):
            continue
        out.append(r)
    return out


def _joined_to_previous(text: str, prev: Regimen, r: Regimen) -> bool:
    """Whether ``r`` is an alternative to ``prev`` or its partner ("A or B", "A, with B")."""
    return (
        _JOINED_GAP.fullmatch(text, prev.end, r.start) is not None
        or gap_kind(text[prev.end : r.start]) is not None
    )


# Between randomised alternatives, or alternatives and their shared partners: "A or B", "A,
# or to B", "A versus B", "A or B, plus C", "A or B, with C".
_JOINED_GAP = re.compile(
    r"\s*,?\s*(?:(?:or|versus|vs\.?)(?:\s+to)?|plus|with|and|in\s+combination\s+with)\s+", re.I
)


def _arms_before_all_received(regs: list[Regimen], pos: int) -> list[Regimen]:
    """ "... to FEC then PTC, or PTC; all patients received pertuzumab with trastuzumab": the
    drugs after "all patients received" (at ``pos``) in the design sentence itself are given to
    every arm (``_given_to_all`` adds them once the arms exist), not a further arm. Read so only
    when two or more regimens come before it."""
    before = [r for r in regs if r.end <= pos]
    return before if len(before) >= 2 else regs


def _give_to_every_arm(reg: ArmRegistry, drugs: set[str], *, drugless_too: bool) -> None:
    """ "Both groups received X": X joins every arm (but physician's choice); an arm with no
    drugs only if ``drugless_too``."""
    if not drugs:
        return
    for arm in reg.arms:
        if not arm.special and (drugless_too or arm.drugs):
            arm.extend(drugs)


# "A alone or in combination with B" (titles, aims): the arms are A and A+B; B is an add-on.
_ALONE_GATE = WordGate(("alone",))
_ALONE_OR_WITH = re.compile(
    # "A given alone or combined with B"; "A alone, with B, or with C" (round 68a)
    r"\s*(?:\([^()]*\)\s*)?(?:(?:given|administered)\s+)?alone\s*(?:\([^()]*\)\s*)?"
    r"(?:,\s*(?:(?:or|versus|vs\.?)\s+)?|\s+(?:or|versus|vs\.?)\s+)"
    # "with B alone or with both B and C": the "both" only stresses the pair (round 62c)
    r"(?:in\s+combination\s+with|combined\s+with|with|plus)\s+(?:the\s+|a\s+|both\s+)?"
    # "capecitabine alone or with continuation of trastuzumab" (treatment beyond progression)
    r"(?:(?:continuation|continued\s+use|addition)\s+of\s+(?:the\s+|a\s+)?|continued\s+)?",
    re.I,
)


def _alone_or_combined(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "A alone or in combination with B": the regimen after the joiner is A plus B (the
    combination arm), not B on its own; so is each partner listed after B ("combined with B, C,
    D or E", ``_listed_partners``)."""
    out = list(regs)
    for i in range(1, len(out)):
        prev, r = out[i - 1], out[i]
        if prev.drugs and not prev.has_placebo and _alone_or_with_gap(text, prev.end, r.start):
            for j in (i, *_listed_partners(text, out, i)):
                r = out[j]
                out[j] = Regimen(
                    r.start, r.end, prev.hits + r.hits, [*prev.joins, "strong", *r.joins]
                )
    return out


# Between partners of one list, each perhaps labelled: "pertuzumab (module 1), durvalumab".
_PARTNER_COMMA = re.compile(r"\s*(?:\([^()]*\)\s*)?,\s*")
_PARTNER_LAST = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,?\s*(?:or|and)\s+"
    # "or with both B and C": the "both" only stresses the pair (review of round 68a)
    r"(?P<joiner>(?:in\s+combination\s+|combined\s+)?with\s+(?:the\s+|a\s+|both\s+)?)?"
)
_BARE_OR = re.compile(r"\s+or\s+")
_GROUP_LABEL_AFTER = re.compile(r"\s*\(\s*(?:arm|group|cohort|module)\s+\w+\s*\)", re.I)


def _listed_partners(text: str, regs: list[Regimen], i: int) -> list[int]:
    """Indices of the regimens listed after partner ``regs[i]`` of "A alone or combined with":
    the items after it joined by commas, and one last item after "or"/"and" when a comma item
    came before it ("B, C or D") or it and the item before carry a group label each ("B
    (module 1) or C (module 2)"). In "A alone or with B, or C plus D" the last regimen may be
    an arm of its own."""
    found: list[int] = []
    j = i + 1
    while j < len(regs) and _PARTNER_COMMA.fullmatch(text, regs[j - 1].end, regs[j].start):
        found.append(j)
        j += 1
    if j >= len(regs):
        return found
    m = _PARTNER_LAST.fullmatch(text, regs[j - 1].end, regs[j].start)
    if m is not None:
        labelled = all(_GROUP_LABEL_AFTER.match(text, regs[x].end) for x in (j - 1, j))
        # "alone, with B, or with C": the joiner written again makes C a partner too; so does a
        # bare "or" between two single drugs ("alone or combined with B or C")
        again = m.group("joiner") is not None
        bare = _BARE_OR.fullmatch(text, regs[j - 1].end, regs[j].start) is not None and all(
            len(regs[x].hits) == 1 for x in (j - 1, j)
        )
        if found or labelled or again or bare:
            found.append(j)
    return found


def _addition_as_combination(text: str, s: int, regs: list[Regimen]) -> list[Regimen]:
    """ "The addition of X to Y" / "adding X to Y": the arms compared are Y plus X and Y, never
    X alone (a review or model citing "adding pertuzumab to trastuzumab and docetaxel ...
    (56.5 vs 40.8 months)" made pertuzumab an arm). Y must name a drug. Labelled additions
    ("adding X (arm B) or X2 (arm C) to Y (arm A)") are read by ``_labelled_additions``."""
    out = list(regs)
    for i in range(len(out) - 1):
        x, y = out[i], out[i + 1]
        if not x.drugs or not y.drugs or set(x.drugs) <= set(y.drugs):
            continue
        if _LABELLED_ADDED_TO.fullmatch(text, x.end, y.start):
            # (same length: a later addition of the sentence is read too, round 65a review)
            out = _labelled_additions(text, s, out, i) or out
            continue
        if not _ADDED_TO.fullmatch(text, x.end, y.start):
            continue
        if _ADDITION_OF.match(text[max(s, x.start - 30) : x.start]) is None:
            continue
        both = x.joined(y)
        if _short_form_of(text, y, out[i + 2 : i + 3], both):
            return [both, *out[i + 3 :]] if i == 0 else [*out[:i], both, *out[i + 3 :]]
        return [*out[:i], both, y, *out[i + 2 :]]
    return out


def _short_form_of(text: str, y: Regimen, after: list[Regimen], both: Regimen) -> bool:
    """Whether the bracket right after the regimen added to (``y``) holds a short form that
    names the combination (``both``): "adding X to Y (X-Y)" names the add-on arm there, and Y
    alone is then no arm of that phrase (round 85b)."""
    if not after or not text.startswith(" (", y.end) or after[0].start != y.end + 2:
        return False
    form = after[0]
    return form.drugs == both.drugs and text.startswith(")", form.end)


# Round 65a: "adding pertuzumab (arm B) or pertuzumab plus atezolizumab (arm C) to trastuzumab
# and chemotherapy (arm A)", "the addition of lapatinib (group 2) to paclitaxel (group 1)": each
# added regimen labels its own arm, which also holds what it is added to.
_LABEL_BRACKET = r"\s*\(\s*(?i:arm|group|cohort)\s+\w{1,3}\s*\)"
# "lapatinib (arm B), trastuzumab (arm C) or both (arm D) to paclitaxel (arm A)": a labelled
# drugless alternative may close the list (its arm is left undefined).
_LABELLED_ADDED_TO = re.compile(
    _LABEL_BRACKET
    + r"(?:\s*,?\s*(?:or|and)\s+(?:both|(?:the|their)\s+combination)"
    + _LABEL_BRACKET
    + r")?\s+to\s+(?:the\s+|a\s+|an\s+)?"
    # "to maintenance trastuzumab and pertuzumab (arm A)": the phase or standing of the
    # regimen added to, no drug of its own (round 82b)
    r"(?:(?:maintenance|continued|ongoing|standard)\s+)?",
    re.I,
)
_LABELLED_ALTERNATIVE = re.compile(_LABEL_BRACKET + r"\s*(?:,\s*(?:or\s+|and\s+)?|or\s+|and\s+)")


_LABELLED_ADDITION_GATE = WordGate(("addition", "adding"))
_LABELLED_ADDITION = re.compile(
    r"\b(?:addition\s+of|adding)\s[^;]{1,200}?" + _LABEL_BRACKET + r"\s+to\s", re.I
)


def states_labelled_addition(text: str, s: int, e: int, low: str | None = None) -> bool:
    """Whether sentence [s, e) adds labelled regimens to another ("We previously reported that
    adding X (arm B) to Y (arm A) improved pCR"): a recap of a results or follow-up report
    that defines the groups its results name, as a design sentence does."""
    return (
        _LABELLED_ADDITION_GATE.may_hold(low, s, e)
        and _LABELLED_ADDITION.search(text, s, e) is not None
    )


def _labelled_additions(text: str, s: int, regs: list[Regimen], i: int) -> list[Regimen] | None:
    """``regs`` with each labelled regimen added to ``regs[i + 1]`` (listed up to ``regs[i]``
    after "adding" / "the addition of") given that regimen's drugs too; its span stays its own,
    so the label after it still names it. None if the list does not follow an addition word."""
    y = regs[i + 1]
    first = i
    while first > 0 and _LABELLED_ALTERNATIVE.fullmatch(
        text, regs[first - 1].end, regs[first].start
    ):
        first -= 1
    x = regs[first]
    if _ADDITION_OF.match(text[max(s, x.start - 30) : x.start]) is None:
        return None
    added = regs[first : i + 1]
    if any(not a.drugs or set(a.drugs) <= set(y.drugs) for a in added):
        return None
    combined = [
        Regimen(a.start, a.end, a.hits + y.hits, [*a.joins, "strong", *y.joins]) for a in added
    ]
    return [*regs[:first], *combined, *regs[i + 1 :]]


def _alone_or_with_gap(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` joins "A alone or in combination with B", dose and schedule phrases
    aside ("anastrozole 1 mg/d alone (A arm) or in combination with weekly trastuzumab")."""
    if _ALONE_OR_WITH.fullmatch(text, a, b):
        return True
    gap = text[a:b]
    return len(gap) <= 150 and _ALONE_OR_WITH.fullmatch(without_schedules(gap)) is not None


def _later_backbone(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit], reg: ArmRegistry
) -> None:
    """ "Weekly paclitaxel was then added to the regimen": a drug given to every arm."""
    for s, e in sentences:
        m = _ADDED_TO_ALL.search(text, s, e)
        if not m:
            continue
        added = [h for h in drug_hits if s <= h.start and h.end <= m.start() and h.drugs]
        drugs = {d for h in added for d in h.drugs}
        if drugs:
            for arm in reg.arms:
                if arm.drugs and not arm.special:
                    arm.extend(drugs)
