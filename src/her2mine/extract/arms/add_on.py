"""Add-on designs: "A with or without B", "A plus B or A alone", "with B or without B": the base
regimen and the base plus the added drug(s) as two arms.
"""

from __future__ import annotations

import re

from her2mine.extract.arms.labels import _is_design_regimen, _label_after, normalise_label
from her2mine.extract.arms.model import Arm, ArmRegistry, _defined_arms, _same_drugs
from her2mine.extract.arms.parts import _drop_following
from her2mine.extract.arms.patterns import _BOTH, _GROUP_WORD, _RANDOMISED, _randomises
from her2mine.extract.arms.prior import subject_end
from her2mine.extract.fastre import WordGate
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen, group_regimens, is_schedule_only

# "randomly assigned to A (dose) with or without B": two arms, A plus B and A alone. (In a
# bracket, "(with or without B)" is a per-patient option instead: ``option_hits``.)
_WITHOUT_GATE = WordGate(("without",))
# "A with (n = 40) or without (n = 38) B": each arm's patient count after its word.
_COUNT_BRACKET = r"\(\s*(?:n\s*=\s*)?\d+(?:\s+patients)?\s*\)"
_WITH_OR_WITHOUT = re.compile(
    r"(?:\s*\([^()]*\)|\s+\d[\d.·,]*\s*(?:mg|g|µg|mcg)(?:/(?:kg|m2|m²|d|day))?)?"
    # (round 77c: the backbone's course, "A (control arm) for six cycles with or without B")
    r"(?:\s+for\s+(?:up\s+to\s+)?(?:\d+|two|three|four|five|six|eight|twelve)\s+"
    r"(?:cycles|courses|weeks|months))?"
    # (round 95a: its schedule, "chemotherapy comprising A and B, every 3 weeks, with or without X")
    r"(?:\s*,?\s+(?:given\s+)?every\s+(?:\d+|two|three|four)\s+weeks)?"
    r"(?P<modality>\s*,?\s+(?:with|and|plus)\s+(?:concurrent\s+)?(?:[\d.·,]+\s*Gy\s+(?:of\s+)?)?"
    r"(?:concurrent\s+)?(?:radiotherapy|radiation(?:\s+therapy)?|chemoradiation|RT))?"
    r"\s*,?\s+with(?:\s*" + _COUNT_BRACKET + r")?\s+or\s+without(?:\s*" + _COUNT_BRACKET + r")?"
    r"\s+(?:the\s+|a\s+|an\s+)?",
    re.I,
)
# After "received A with radiotherapy, with or without B" (no randomisation word), a later
# "<modality>-alone group/arm" or "without B" shows the two arms.
_ALONE_GROUP_LATER = re.compile(r"\balone\s+(?:group|arm)s?\b", re.I)


def _with_or_without_design(
    text: str, s: int, e: int, regs: list[Regimen], reg: ArmRegistry
) -> bool:
    """ "Patients were randomly assigned to A with or without B" (or "A with B or without B":
    ``_with_b_or_without_b``): arms A+B and A (in that order: A alone is the control). Only in
    a randomisation sentence whose two regimens are exactly A (written where a design names an
    arm) and B, and only while no two arms are defined yet
    (elsewhere, "treated with A with or without B" says what patients had received), unless it
    restates two arms defined before (``_restated_pair``)."""
    defined = _defined_arms(reg) >= 2
    regs = _without_restating_clause(text, regs)
    shared = _shared_with_partner(text, regs)
    if shared is not None:
        regs = regs[:2]
    pair = _with_b_or_without_b(text, regs)
    modality = False
    third = None
    if pair is None:
        third = _third_alternative(text, regs)
        two = len(regs) == 2 or third is not None
        m = _WITH_OR_WITHOUT.fullmatch(text, regs[0].end, regs[1].start) if two else None
        if m is None:
            return False
        pair, modality = (regs[0], regs[1]), m.group("modality") is not None
    a, b = pair
    if not a.drugs or not b.drugs or a.has_placebo or b.has_placebo:
        return False
    if defined and (third is not None or not _restated_pair(reg, a, b)):
        return False
    if not _is_design_regimen(text, a, s, e):
        return False
    # (round 96a: "In this non-randomized study, patients received A with or without B"
    # assigns nobody, as the same sentence without the word)
    if not _randomises(text, s, e) and not (modality and _two_arms_named_later(text, e, b)):
        return False
    nxt = third.start if third is not None else shared.start if shared is not None else e
    both = a.joined(b)
    if shared is not None:
        a, both = a.joined(shared), both.joined(shared)
    reg.add(both, _label_after(text, b.end, nxt))
    reg.add(a, _label_after(text, a.end, b.start))
    if third is not None:
        reg.add(third, None)
    return True


def _restates_add_on(reg: ArmRegistry, a: Regimen, partners: list[list[Hit]]) -> bool:
    """Whether backbone ``a`` and ``a`` plus each partner are all arms already defined."""
    wanted = [a.drugs] + [
        sorted(set(a.drugs) | {d for x in xs for d in x.drugs}) for xs in partners
    ]
    return all(any(_same_drugs(arm, ds) for arm in reg.arms) for ds in wanted)


def _restated_pair(reg: ArmRegistry, a: Regimen, b: Regimen) -> bool:
    """Whether arms A+B and A of "A with or without B" are both arms already defined (round
    79a: a randomised title's "A versus A-B", then the Methods' "randomly assigned to A
    (control arm) with or without B (experimental arm)"): the sentence names them, and
    ``reg.add`` only gives them its labels."""
    joined = sorted(set(a.drugs) | set(b.drugs))
    return all(any(_same_drugs(arm, ds) for arm in reg.arms) for ds in (joined, a.drugs))


def _without_restating_clause(text: str, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` without those of a clause after a ";" or ", with" (outside brackets) that only
    names drugs the regimens before it hold ("A with or without B, followed by surgery;
    patients in the B group received maintenance B"; "A with or without B, with B continued as
    maintenance") or that gives its drugs to every patient ("; all patients received C", which
    ``_given_to_all`` reads): such a clause says more about the arms, it defines none."""
    if len(regs) < 3:
        return regs
    cut = _clause_cut(text, regs[1].end, regs[-1].start)
    if cut < 0:
        return regs
    kept = [r for r in regs if r.end <= cut]
    held = {d for r in kept for d in r.drugs}
    if len(kept) < 2:
        return regs
    if _gives_every_patient(text, cut + 1, regs[len(kept)].start):
        return kept
    if any(not set(r.drugs) <= held for r in regs[len(kept) :]):
        return regs
    return kept


def _gives_every_patient(text: str, s: int, e: int) -> bool:
    """Whether [s, e) opens on "all patients received" (``_BOTH``) after blanks."""
    m = _BOTH.search(text, s, e)
    return m is not None and not text[s : m.start()].strip()


# Where a clause that may restate an arm opens: a ";", or (round 77c) ", with" ("A with or
# without B, with B continued as maintenance").
_CLAUSE_OPEN = re.compile(r";|,\s+with\s", re.I)


# Review of round 77c: "A (arm A) with or without B (arm B), with C": a third regimen joined by
# ", with" (not "with or without") that the first two lack is the partner of both arms.
_WITH_PARTNER = re.compile(r"(?:\s*\([^()]*\))?\s*,\s+with\s+(?!or\b)(?:the\s+)?", re.I)


def _shared_with_partner(text: str, regs: list[Regimen]) -> Regimen | None:
    """The last of three regimens "A with or without B, with C" when C is a partner of both
    arms (see above), else None."""
    if len(regs) != 3 or _WITH_PARTNER.fullmatch(text, regs[1].end, regs[2].start) is None:
        return None
    c = regs[2]
    held = {d for r in regs[:2] for d in r.drugs}
    return c if c.drugs and not c.has_placebo and not held & set(c.drugs) else None


def _clause_cut(text: str, a: int, b: int) -> int:
    """The start of the first ``_CLAUSE_OPEN`` in [a, b) outside brackets, else -1."""
    for m in _CLAUSE_OPEN.finditer(text, a, b):
        if text.count("(", a, m.start()) <= text.count(")", a, m.start()):
            return m.start()
    return -1


# Round 72a: "T-DXd with or without tucatinib, or (with) T-DM1 alone": a third arm after a
# comma and "or" closes the list.
_OR_THIRD = re.compile(r"\s*,\s*or\s+(?:with\s+)?(?:the\s+|a\s+|an\s+)?", re.I)


def _third_alternative(text: str, regs: list[Regimen]) -> Regimen | None:
    """The third regimen of "A with or without B, or C" (three regimens, the last after ", or"
    and naming drugs, no placebo); else None."""
    if len(regs) != 3 or _OR_THIRD.fullmatch(text, regs[1].end, regs[2].start) is None:
        return None
    c = regs[2]
    return c if c.drugs and not c.has_placebo else None


def _two_arms_named_later(text: str, e: int, b: Regimen) -> bool:
    """Whether the text after a combined-modality "received A with radiotherapy, with or
    without B" (sentence end ``e``) names the control arm ("the chemoradiation-alone group",
    "without B"): then B is an arm's, not each patient's option."""
    if text.find("without " + text[b.start : b.end], e) >= 0:
        return True
    return text.find("alone", e) >= 0 and _ALONE_GROUP_LATER.search(text, e) is not None


# Add-on designs whose two arms each carry a bracket (short form or label): backbone A, A + X.
_ADD_ON_FORM = r"[^()\[\];,=]{1,40}?"
# Between labelled items of one list: "or", or a comma with or without it ("A alone (arm A),
# with X (arm B), or with Y (arm C)": round 68a).
_LISTED_OR = r"(?:\s*,\s*(?:or\s+)?|\s+or\s+)"
_ADD_ON_DESIGNS = (
    # "A given either alone (S1) or with X (S2)"
    re.compile(
        r"\s*,?\s+(?:given\s+|administered\s+)?(?:either\s+)?alone\s*\(\s*(?P<s1>" + _ADD_ON_FORM
        + r")\s*\)" + _LISTED_OR + r"(?:in\s+combination\s+|combined\s+)?with\s+"
        r"(?P<x>[^()\[\];]{1,60}?)"
        r"\s*\(\s*(?P<s2>" + _ADD_ON_FORM + r")\s*\)",
        re.I,
    ),
    # "A with (S2) or without (S1) X"
    re.compile(
        r"\s*,?\s+with\s*\(\s*(?P<s2>" + _ADD_ON_FORM + r")\s*\)\s*,?\s+or\s+without\s*"
        r"\(\s*(?P<s1>" + _ADD_ON_FORM + r")\s*\)\s+(?P<x>[^()\[\];,.]{1,60}?)(?=\s*(?:[,;.]|$))",
        re.I,
    ),
    # "A (S1) [for six cycles] with or without X (S2)"
    re.compile(
        r"\s*\(\s*(?P<s1>" + _ADD_ON_FORM + r")\s*\)(?:\s+for\s+[\w\s-]{1,30}?)?\s*,?\s+with\s+or\s+"
        r"without\s+(?:the\s+|a\s+|an\s+)?(?P<x>[^()\[\];]{1,60}?)\s*\(\s*(?P<s2>" + _ADD_ON_FORM
        + r")\s*\)",
        re.I,
    ),
    # "A with X (S2) or without X (S1)"
    re.compile(
        r"\s*,?\s+with\s+(?P<x>[^()\[\];]{1,60}?)\s*\(\s*(?P<s2>" + _ADD_ON_FORM + r")\s*\)\s*,?"
        r"\s+or\s+without\s+[^()\[\];]{1,60}?\s*\(\s*(?P<s1>" + _ADD_ON_FORM + r")\s*\)",
        re.I,
    ),
)  # fmt: skip
_OR_NEXT = re.compile(r"\s*,?\s*or\b", re.I)
_ADD_ON_PRIOR = re.compile(r"\b(?:prior|previous(?:ly)?|pretreated|eligible)\b", re.I)
_BRACKET_FORM = re.compile(r"[A-Za-z0-9][\w+/-]{0,11}")


# "randomly assigned to whole-breast radiotherapy (RT) alone or to RT with two doses of
# trastuzumab (RT + T)": a non-drug modality alone is the drugless arm, named by its label.
_MODALITY_ALONE_GATE = WordGate(("radiotherapy", "radiation", "irradiation"))
_MODALITY_ALONE = re.compile(
    r"\b(?:radiotherapy|radiation(?:\s+therapy)?|irradiation)\s*\(\s*(?P<label>[A-Z]{2,5})\s*\)"
    r"\s+alone\s*,?\s+or\s+(?:to\s+)?(?P=label)\s+(?:with|plus|and)\s+"
)
# The drug arm's own bracket, which writes the modality's label as a part: "(RT + T)".
_LABEL_WITH_PART = r"\(\s*({0}\s*[+/]\s*[A-Za-z][\w-]{{0,9}})\s*\)"


def _abbreviates_arm(reg: Regimen, first: Regimen, own: re.Match[str]) -> bool:
    """Whether ``reg`` lies in the drug arm's own bracket and names only ``first``'s drugs:
    "(RT + HP)", "(RT + T-DM1)" abbreviate the arm, they are no second alternative."""
    return own.start() <= reg.start < own.end() and set(reg.drugs) <= set(first.drugs)


def _modality_alone_design(
    text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry, low: str | None
) -> bool:
    """ "randomly assigned to radiotherapy (RT) alone or to RT with A (RT + A)": two arms, a
    drugless one labelled "RT" (its values have arm null) and A labelled "RT + A". Only in a
    randomisation sentence, while no two arms are defined, and only when the drug arm's bracket
    writes the modality's label as a part (so the drugs of the second alternative are the
    whole difference between the arms)."""
    if _defined_arms(reg) >= 2 or not _MODALITY_ALONE_GATE.may_hold(low, s, e):
        return False
    m = _MODALITY_ALONE.search(text, s, e)
    if m is None or not _RANDOMISED.search(text, s, m.start()):
        return False
    regs = [r for r in group_regimens(text, hits) if r.start >= m.end()]
    if not regs or not regs[0].drugs or regs[0].has_placebo:
        return False
    label = re.compile(_LABEL_WITH_PART.format(re.escape(m.group("label"))))
    own = label.search(text, regs[0].end, e)
    if own is None or text.find("(", regs[0].end, own.start()) >= 0:
        return False
    if not all(_abbreviates_arm(r, regs[0], own) for r in regs[1:]):
        return False
    arm = reg.add(regs[0], normalise_label(own.group(1)))
    if arm is None:
        return False
    drugless = Arm([], labels={normalise_label(m.group("label"))})
    reg.stamp(drugless)
    reg.arms.insert(reg.arms.index(arm), drugless)
    reg.frozen = None
    return True


def _add_on_design(
    text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry, drug_hits: list[Hit]
) -> bool:
    """Backbone A and A + X, each arm named in its own bracket ("A either alone (PH) or with
    X (PH-E)", "A with (AB) or without (A) X", "A (control arm) with or without X
    (experimental arm)", "A (G/C) with or without X (G/C+T)"). A bracket is a group label or
    a short form, which the text defines here: it names its arm in later sentences, before any
    lexicon reading of the same letters (``bare_forms``), unless it is a one-drug short form
    the text writes as a drug mention (``drug_hits``: "docetaxel (D) with or without
    trastuzumab (H)", then "with D plus H"). Only while fewer than two arms are defined, with
    A written where a design names an arm, or (round 83a) when it restates two arms defined
    before (a randomised title's "A Compared with A-X"): then it only names them."""
    defined = _defined_arms(reg) >= 2
    for r in group_regimens(text, hits):
        if not r.drugs or r.has_placebo or not _is_design_regimen(text, r, s, e):
            continue
        for j, h in enumerate(r.hits):
            m = _add_on_match(text, h.end, e)
            if m is None and j + 1 < len(r.hits):
                m = _add_on_match(text, _past_dose(text, h.end, r.hits[j + 1].start), e)
            elif m is None and text.find(",", h.end, e) >= 0:
                m = _add_on_after_dose(text, h.end, e)
            if m is None:
                continue
            added = [(m.start("x"), m.end("x"), m.group("s2"))]
            end = m.end()
            if m.re is _ADD_ON_DESIGNS[0]:
                end = _further_add_ons(text, end, e, added)
            # "had received A with or without prior X" is history; "... or with X (S2) or Y
            # (S3)" a list of partners: no add-on design (a history in the subject before
            # "were randomly assigned to A" is not A's)
            prior_from = subject_end(text, s, r.start)
            if _ADD_ON_PRIOR.search(text, prior_from, end) or _OR_NEXT.match(text, end, e):
                return False
            a = Regimen(r.start, h.end, r.hits[: j + 1], r.joins[:j])
            partners = [[x for x in hits if x0 <= x.start < x1] for x0, x1, _ in added]
            if not all(_adds_to(a, x_hits) for x_hits in partners):
                return False
            if defined and not _restates_add_on(reg, a, partners):
                return False
            # (in the order written: "A either alone (S1), or with X (S2)" lists A first, so a
            # later "respectively" does; the other designs name A + X first)
            alone_first = m.re is _ADD_ON_DESIGNS[0]
            alone = reg.add(a, None) if alone_first else None
            arms = []
            for (_, x1, form), x_hits in zip(added, partners, strict=True):
                joined = Regimen(a.start, x1, a.hits + x_hits, [*a.joins, "strong"])
                arms.append((form, reg.add(joined, None)))
            arms.insert(0, (m.group("s1"), alone or reg.add(a, None)))
            drug_forms = _one_drug_forms(drug_hits)
            owners = [a.drugs] + [sorted({d for x in xs for d in x.drugs}) for xs in partners]
            for (form, arm), drugs in zip(arms, owners, strict=True):
                if drug_forms.get(form) != drugs:
                    _name_add_on_arm(form, arm, reg)
            return True
    return False


# "A combined with chemotherapy (taxane or vinorelbine, investigator's choice; chemo arm) or with
# endocrine therapy (aromatase inhibitor or fulvestrant, investigator's choice; endocrine arm)":
# two arms of backbone A, each with a partner chosen per patient, each bracket closing on the
# arm's label.
_CHOSEN_PARTNER = (
    r"(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s*\((?P<o%d>[^();]*\bchoice\b[^();]*);\s*"
    r"(?P<l%d>[^();]{1,30})\)"
)
_CHOSEN_PARTNER_PAIR = re.compile(
    r"\s+(?:combined\s+with|in\s+combination\s+with|plus|with)\s+" + _CHOSEN_PARTNER % (1, 1)
    + r"\s*,?\s+or\s+(?:combined\s+with\s+|in\s+combination\s+with\s+|with\s+|plus\s+)?"
    + _CHOSEN_PARTNER % (2, 2),
    re.I,
)  # fmt: skip


def _chosen_partner_arms(text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry) -> bool:
    """Backbone A with one partner of choice per arm, each bracket ending in the arm's label
    (``_CHOSEN_PARTNER_PAIR``): two arms of A's drugs (chosen partners are left out), one per
    label. Only while fewer than two arms are defined, with A written where a design names an
    arm. Read only when "choice" is in the sentence."""
    if _defined_arms(reg) >= 2:
        return False
    m = _CHOSEN_PARTNER_PAIR.search(text, s, e)
    if m is None or not all(_GROUP_WORD.search(m.group(g)) for g in ("l1", "l2")):
        return False
    before = group_regimens(text, [h for h in hits if h.end <= m.start()])
    if not before or before[-1].end != m.start():
        return False
    a = before[-1]
    if not a.drugs or a.has_placebo or not _is_design_regimen(text, a, s, e):
        return False
    first = reg.add(a, normalise_label(m.group("l1")))
    if first is None:
        return False
    reg.stamp(reg.add_own(a, normalise_label(m.group("l2"))))
    return True


# ", or with Y (S3)": a further partner of "A either alone (S1), or with X (S2)".
_FURTHER_ADD_ON = re.compile(
    _LISTED_OR + r"(?:in\s+combination\s+|combined\s+)?with\s+(?P<x>[^()\[\];]{1,60}?)"
    r"\s*\(\s*(?P<s>" + _ADD_ON_FORM + r")\s*\)",
    re.I,
)


def _further_add_ons(text: str, pos: int, e: int, added: list[tuple[int, int, str]]) -> int:
    """Read the further partners listed after an add-on design ending at ``pos`` ("A either
    alone (P), or with X (PH), or with Y (PL)": three arms A, A + X, A + Y) into ``added``
    (partner start, end, bracket); the end of the last one read."""
    while (m := _FURTHER_ADD_ON.match(text, pos, e)) is not None:
        added.append((m.start("x"), m.end("x"), m.group("s")))
        pos = m.end()
    return pos


def _adds_to(a: Regimen, x_hits: list[Hit]) -> bool:
    """Whether partner mentions ``x_hits`` add a drug to backbone ``a``: some, none a placebo,
    none sharing a drug with ``a``."""
    if not x_hits or any(x.kind == "placebo" for x in x_hits):
        return False
    return not {d for x in x_hits for d in x.drugs} & set(a.drugs)


def _one_drug_forms(drug_hits: list[Hit]) -> dict[str, list[str]]:
    """The short forms the text writes as mentions of one drug, with it ("D", "H" defined by
    "docetaxel (D)", "trastuzumab (H)"): such a form bracketed after its own drug (the backbone
    or the partner) names that drug, not an arm."""
    return {h.text: h.drugs for h in drug_hits if h.source == "abbreviation" and len(h.drugs) == 1}


def _past_dose(text: str, pos: int, nxt: int) -> int:
    """Where the joiner " with " stands after the dose and schedule of the backbone's drug
    ending at ``pos`` ("capecitabine 1000 mg/m2 twice daily on days 1-14 with trastuzumab
    (arm A) or without trastuzumab (arm B)"), before the next drug at ``nxt``; else ``pos``."""
    at = text.rfind(" with ", pos, nxt)
    if at <= pos or not is_schedule_only(text[pos:at]):
        return pos
    return at


def _add_on_after_dose(text: str, pos: int, e: int) -> re.Match[str] | None:
    """The add-on design written after a comma that closes the dose and schedule of the
    backbone's last drug ending at ``pos`` ("docetaxel 100 mg/m2 plus trastuzumab 8 mg/kg
    loading dose then 6 mg/kg every 3 weeks, given either alone (TH) or with X (BEV-TH)")."""
    comma = text.find(",", pos, min(e, pos + 120))
    while comma >= 0:
        if not is_schedule_only(text[pos:comma]):
            return None
        m = _add_on_match(text, comma, e)
        if m is not None:
            return m
        comma = text.find(",", comma + 1, min(e, pos + 120))
    return None


def _add_on_match(text: str, pos: int, e: int) -> re.Match[str] | None:
    """The first add-on design written right after a backbone's drug ending at ``pos``."""
    for pattern in _ADD_ON_DESIGNS:
        m = pattern.match(text, pos, e)
        if m is not None:
            return m
    return None


def _name_add_on_arm(form: str, arm: Arm | None, reg: ArmRegistry) -> None:
    """Give ``arm`` the bracket ``form``: a group label ("control arm") or a short form."""
    if arm is None:
        return
    if _GROUP_WORD.search(form) or form.strip().lower() == "control":
        arm.labels.add(normalise_label(form))
    elif _BRACKET_FORM.fullmatch(form) and any(c.isupper() for c in form):
        reg.bare_forms[form] = arm


# "A with B or without B": the same two arms written out (NOAH).
_WITH_JOIN = re.compile(r"\s*,?\s+with\s+(?:the\s+|a\s+|an\s+)?", re.I)
_OR_WITHOUT = re.compile(r"\s*,?\s+or\s+without\s+(?:the\s+|a\s+|an\s+)?", re.I)


def _with_b_or_without_b(text: str, regs: list[Regimen]) -> tuple[Regimen, Regimen] | None:
    """(A, B) for "A with B or without B": the regimens that name drugs are exactly A-with-B
    (its last drug joined by "with") and B again right after "or without". A drug class before
    them ("a chemotherapy regimen consisting of A ...") says what A is, not another arm."""
    drugged = [r for r in regs if r.drugs or r.has_placebo]
    if len(drugged) != 2 or len(drugged[0].hits) < 2:
        return None
    ab, b = drugged
    if regs[-1] is not b or ab.hits[-1].drugs != b.hits[0].drugs or len(b.hits) != 1:
        return None
    if not _OR_WITHOUT.fullmatch(text, ab.end, b.start):
        return None
    if not _WITH_JOIN.fullmatch(text, ab.hits[-2].end, ab.hits[-1].start):
        return None
    a = Regimen(ab.start, ab.hits[-2].end, ab.hits[:-1], ab.joins[:-1])
    return a, b


# "A with B (AB) or without B (A)": each arm's short form in its own bracket, A possibly with a
# per-patient partner ("trastuzumab plus chemotherapy of physician's choice with pertuzumab
# (PTC) or without pertuzumab (TC)").
_A_THEN_WITH = re.compile(
    r"(?:\s+(?:of|by)\s+(?:the\s+)?(?:physician|investigator|doctor)(?:'s|’s|s')?\s+choice)?"
    r"\s*,?\s+with\s+(?:the\s+|a\s+|an\s+)?",
    re.I,
)
_FORM_THEN_WITHOUT = re.compile(
    r"\s*(?:\(\s*(?P<x>[A-Za-z][\w+-]{0,11})\s*\))?\s*,?\s+or\s+without\s+"
    r"(?:the\s+|a\s+|an\s+)?",
    re.I,
)
_FORM_AFTER = re.compile(r"\s*\(\s*(?P<y>[A-Za-z][\w+-]{0,11})\s*\)")


def _with_x_or_without_x_labelled(
    text: str, s: int, e: int, regs: list[Regimen], reg: ArmRegistry
) -> bool:
    """ "randomly assigned to A with B (X) or without B (Y)": arms A+B and A, B written after
    both "with" and "without" (the plain "A with B or without B" is ``_with_b_or_without_b``),
    each arm's short form in its bracket. Without this, the short forms read as B's own
    ("(TC)" after "without pertuzumab" named pertuzumab), so both arms' values went to the arm
    with B. The forms name their arms in later sentences (``_short_form_ref``). Only in a
    randomisation sentence that has defined fewer than two arms."""
    drugged = [r for r in regs if r.drugs]
    if len(drugged) != 3 or _defined_arms(reg) >= 2:
        return False
    a, b, b2 = drugged
    if a.has_placebo or b.has_placebo or b2.has_placebo or b.drugs != b2.drugs:
        return False
    if set(b.drugs) & set(a.drugs) or not _A_THEN_WITH.fullmatch(text, a.end, b.start):
        return False
    # the bracketed forms may be mentions of their own, dropped by ``_without_short_forms``
    m = _FORM_THEN_WITHOUT.match(text, b.end, e)
    if m is None or m.end() != b2.start:
        return False
    if not _is_design_regimen(text, a, s, e) or _RANDOMISED.search(text, s, e) is None:
        return False
    with_b = reg.add(a.joined(b), None)
    without_b = reg.add(a, None)
    y = _FORM_AFTER.match(text, b2.end, e)
    for form, arm in ((m.group("x"), with_b), (y.group("y") if y else None, without_b)):
        if form and arm is not None:
            reg.short_forms[form] = arm
    return True


# Round 62c: "A but without X (L1) or with both (L2)", "A without X or with it", "A but no X
# (arm A) or with both A and X": a partner negated after A, then restored after "or", makes
# the two arms of an add-on design, A and A + X (each named by its bracket, if any).
_NEGATED = re.compile(
    r"\s*,?\s+(?:but\s+|and\s+)?(?:without|with\s+no|no)\s+(?:the\s+|a\s+|an\s+)?", re.I
)
_RESTORED = re.compile(
    r"(?:\s*\(\s*(?P<s1>" + _ADD_ON_FORM + r")\s*\))?\s*,?\s+or\s+"
    r"(?:with|plus|combined\s+with|in\s+combination\s+with)\s+"
    r"(?:(?P<pron>it|them|both)(?:\s+(?:drugs|agents|antibodies))?(?![\w-])\s*)?",
    re.I,
)
_FORM_BRACKET = re.compile(r"\s*\(\s*(?P<s>" + _ADD_ON_FORM + r")\s*\)")


def _negated_partner_design(
    text: str, s: int, e: int, regs: list[Regimen], reg: ArmRegistry
) -> bool:
    """ "randomly assigned to A but without X or with both": arms A and A + X (see above). The
    alternative after "or" is a pronoun ("it", "both") or a regimen holding X and nothing
    outside A + X. Only in a randomisation sentence that has defined fewer than two arms, with
    A written where a design names an arm."""
    if _defined_arms(reg) >= 2:
        return False
    for i in range(len(regs) - 1):
        a, x = regs[i], regs[i + 1]
        neg = _NEGATED.match(text, a.end, x.start)
        if neg is None or neg.end() != x.start or not a.drugs or not x.drugs:
            continue
        if a.has_placebo or x.has_placebo or set(a.drugs) & set(x.drugs):
            return False
        if not _is_design_regimen(text, a, s, e):
            return False
        restored = _RESTORED.match(text, x.end, e)
        end = _restored_end(restored, x, regs[i + 2 :], set(a.drugs) | set(x.drugs))
        if end is None:
            return False
        second = _FORM_BRACKET.match(text, end, e)
        forms = (restored.group("s1"), second.group("s") if second else None)
        shared = _shared_tail(text, second.end() if second else end, regs[i + 2 :])
        if shared is None:
            return False
        # (without a randomisation word, a group label on each arm shows the design)
        if _RANDOMISED.search(text, s, e) is None and not all(
            f and _GROUP_WORD.search(f) for f in forms
        ):
            return False
        tail, tail_joins = (shared.hits, ["strong", *shared.joins]) if shared.hits else ([], [])
        alone = reg.add(Regimen(a.start, a.end, a.hits + tail, [*a.joins, *tail_joins]), None)
        joins = [*a.joins, "strong", *x.joins, *tail_joins]
        joined = reg.add(Regimen(a.start, x.end, a.hits + x.hits + tail, joins), None)
        for form, arm in zip(forms, (alone, joined), strict=True):
            if form:
                _name_add_on_arm(form, arm, reg)
        return True
    return False


def _without_negated_partners(text: str, e: int, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` without each regimen negated right after another ("A and a taxane without X
    (cohort 2)"): X is never a component of A's arm, nor an arm of its own. Not when an
    alternative after it restores X ("A without X or with both": ``_negated_partner_design``)
    (round 89c)."""

    def negated(prev: Regimen, r: Regimen) -> bool:
        neg = _NEGATED.match(text, prev.end, r.start)
        return neg is not None and neg.end() == r.start and _RESTORED.match(text, r.end, e) is None

    return _drop_following(regs, negated)


def _restored_end(
    m: re.Match[str] | None, x: Regimen, rest: list[Regimen], both: set[str]
) -> int | None:
    """Where the alternative restoring partner ``x`` ends ("or with both", "or with it", "or
    with both A and X"; ``m``: ``_RESTORED`` matched after ``x``), or None when none follows
    ``x``: a regimen there must hold X's drugs and none outside ``both``."""
    if m is None:
        return None
    nxt = rest[0] if rest else None
    if nxt is not None and nxt.start == m.end():
        drugs = set(nxt.drugs)
        if nxt.has_placebo or not set(x.drugs) <= drugs <= both:
            return None
        return nxt.end
    return m.end() if m.group("pron") else None


# "A without X or with it, each combined with Y": the partner every arm shares (review of 62c).
_SHARED_TAIL = re.compile(
    r"\s*,?\s+(?:each|both|all)\s+(?:combined\s+with|in\s+combination\s+with|with|plus)\s+",
    re.I,
)


def _shared_tail(text: str, end: int, rest: list[Regimen]) -> Regimen | None:
    """The partner both arms share after the alternatives (ending at ``end``): an empty regimen
    when no regimen follows, the one after "each/both/all with" when it is the last, else None
    (a regimen written later is another arm or another drug: the design is not this one)."""
    later = [r for r in rest if r.start >= end]
    if not later:
        return Regimen(end, end)
    y = later[0]
    if len(later) > 1 or not y.drugs or y.has_placebo:
        return None
    return y if _SHARED_TAIL.fullmatch(text, end, y.start) is not None else None
