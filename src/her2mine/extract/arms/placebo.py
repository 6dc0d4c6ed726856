"""Placebo designs ("A or placebo, plus B"), alternatives repeated in the phases of a design, and
arms a later sentence restates ("the chemotherapy group").
"""

from __future__ import annotations

import re

from her2mine.extract.arms.labels import _group_name_before, _label_after
from her2mine.extract.arms.model import Arm, ArmRegistry, _hit_class_label
from her2mine.extract.arms.parts import _SEQUENCE_WORD
from her2mine.extract.arms.patterns import _OR_PLACEBO, PHYSICIANS_CHOICE
from her2mine.extract.arms.prior import _LEAD_IN_CUE
from her2mine.extract.backbones import _EITHER
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import GIVEN_TOGETHER, Regimen, without_schedules


def _add_placebo_design(text: str, regs: list[Regimen], reg: ArmRegistry, s: int, e: int) -> bool:
    """ "A or placebo, (each) plus|added to|in combination with B" → arms A+B and B (placebo);
    so with B received before the assignment (``_shared_before``)."""
    for i, r in enumerate(regs):
        if i == 0:
            continue
        plac = [h for h in r.hits if h.kind == "placebo"]
        if not plac:
            continue
        p = i - 1
        if p > 0 and _is_label_of(text, regs[p - 1], regs[p]):
            p -= 1  # "A 1,500 mg daily (LP group) or placebo": the label is no regimen
        prev = regs[p]
        gap = text[prev.end : plac[0].start]
        if p < i - 1:
            gap = without_schedules(gap)
        if not _OR_PLACEBO.match(gap) or r.hits[0].kind != "placebo":
            continue
        after = regs[i + 1 :]
        if after and _is_label_of(text, r, after[0]):
            after = after[1:]  # "placebo (PP group)"
        backbone = sorted(
            {d for x in [r, *after] for d in x.drugs} | _shared_before(text, s, regs[:p], prev)
        )
        active = sorted(set(prev.drugs) | set(backbone))
        if not any(a.drugs == active for a in reg.arms):
            reg.arms.append(Arm(active, False, set()))
        _mark_placebo_arm(reg, backbone)
        nxt = after[0].start if after else e
        _label_placebo_design(reg, active, _label_after(text, prev.end, plac[0].start))
        _label_placebo_design(reg, backbone, _label_after(text, r.end, nxt))
        return True
    return False


# Round 98b: "All patients received trastuzumab and docetaxel and were randomly assigned to
# pertuzumab or placebo", "In addition to X, patients were randomized to A or matching placebo":
# the treatment every patient received, named before the assignment, is the backbone of both
# arms; the placebo stands in for A alone. Lead-ins are no part of it: "were then assigned" and
# the round 94a cues (``_LEAD_IN_CUE``) drop them before, and are checked again here.
_SHARED_OPENS = re.compile(
    r"(?:(?<!\bhad\s)(?<!\bhave\s)(?<!\bwho\s)(?<!\bpreviously\s)"
    r"\b(?:received|were\s+given|were\s+treated\s+with)|\b(?i:in\s+addition\s+to))\s+"
    r"(?:(?:\w+\s+cycles\s+of|standard|the)\s+)?\Z"
)
_SHARED_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s(?:and|plus|with)\s+)", re.I)
_SHARED_THEN_ASSIGNED = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:,?\s*and\s+(?:were|was)|,\s*(?:all\s+)?(?:the\s+)?"
    r"(?:patients|women|participants)\s+were)\s+(?:randomly\s+assigned|randomi[sz]ed|allocated)"
    r"(?:\s*\([^()]*\))?(?:\s+(?:in\s+)?(?:an?\s+)?\d+\s*:\s*\d+(?:\s+ratio)?)?"
    r"\s+to\s+(?:receive\s+)?(?:either\s+)?",
    re.I,
)


def _shared_before(text: str, s: int, before: list[Regimen], first: Regimen) -> set[str]:
    """The drugs of the regimens ``before`` the first alternative ``first`` of a placebo design
    in sentence [s, ...) when the patients received them and were assigned in one clause
    (``_SHARED_THEN_ASSIGNED``, no "then"), the first opening on "received" or "in addition to"
    (``_SHARED_OPENS``; not "had received": a history) and the rest joined as one list; else
    none. A regimen written before that is no such list keeps out of the arms, as before."""
    if not before or not any(r.drugs for r in before):
        return set()
    gap = without_schedules(text[before[-1].end : first.start])
    if _EITHER.fullmatch(gap):
        return set(before[-1].drugs)  # "B plus either A (LP group) or placebo"
    if _SHARED_OPENS.search(text, max(s, before[0].start - 40), before[0].start) is None:
        return set()
    for a, b in zip(before, before[1:], strict=False):
        if _SHARED_LIST_GAP.fullmatch(without_schedules(text[a.end : b.start])) is None:
            return set()
    if _SHARED_THEN_ASSIGNED.fullmatch(gap) is None:
        return set()
    if _LEAD_IN_CUE.search(text, before[0].start, first.start) is not None:
        return set()
    return {d for r in before for d in r.drugs if not r.has_placebo}


# Round 99a: "lapatinib 1,500 mg daily (LP group) or placebo (PP group)": the words of a group
# label bracket may read as a regimen of their own ("LP", "PP group").
_LABEL_BRACKET_OPEN = re.compile(r"\s*\(\s*(?:the\s+)?")
_LABEL_BRACKET_CLOSE = re.compile(r"(?:\s+(?:group|arm))?\s*\)")
_LABEL_NOUN = re.compile(r"\s(?:group|arm)\s*\)", re.I)
_LABEL_WORD_END = re.compile(r"(?:\s(?:group|arm)|\b[A-Z][\w-]{0,5})\Z")


def _is_label_of(text: str, r: Regimen, label: Regimen) -> bool:
    """Whether regimen ``label`` is the words of a group label bracket ("(LP group)", "(PP
    group)") right after ``r`` and its dose; not a bracket of anything else."""
    return (
        _LABEL_BRACKET_OPEN.fullmatch(without_schedules(text[r.end : label.start])) is not None
        and _LABEL_BRACKET_CLOSE.match(text, label.end) is not None
        and _LABEL_WORD_END.search(text, label.start, label.end) is not None
        and _LABEL_NOUN.search(text, label.start, text.find(")", label.end) + 1) is not None
    )


def _label_placebo_design(reg: ArmRegistry, drugs: list[str], label: str | None) -> None:
    """ "A plus B (arm A) or placebo plus B (arm B)": each bracket labels its arm, so that
    "in arm A" names it in the results."""
    if label:
        for a in reg.arms:
            if a.drugs == drugs:
                a.labels.add(label)


# "A or placebo with B, followed by A or placebo with C", "A or C with B, followed by A or C with
# D": the alternatives are repeated in each phase, so the phases chain into one regimen of the
# second ("placebo with B, followed by ... C"). The alternative may carry its dose bracket ("A
# (1200 mg) or placebo").
_OR_BEFORE_PLACEBO = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*or\s+(?:a\s+)?(?:matching\s+)?", re.I)
# "placebo with paclitaxel, trastuzumab and pertuzumab": the commas of a phase's drug list cut it
# into regimens of their own, which the phase joins again.
_PHASE_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?")


def _alternatives_repeated_in_phases(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "A or placebo with B, then A or placebo with C" → A and "placebo with B, then C" (each
    repeat of "A or placebo" opens a phase of the same two arms, not another arm; the last
    phase may be "A or placebo" alone); so with a single drug for placebo ("A or C with B, then
    A or C with D" → A and "C with B, then D", whose backbone ``backbones`` shares); ``regs``
    unchanged when no phase repeats the alternatives."""
    out = list(regs)
    i = 1
    while i + 1 < len(out):
        run = _phase_of(text, out, i)
        if run is not None and _repeats_alternatives(text, out[i - 1], run, out[i + len(run)]):
            one, nxt = _joined_phase(run), out[i + len(run)]
            hits = [*one.hits[:-1], *nxt.hits[1:]]
            joins = [*one.joins, *nxt.joins[1:]] if len(nxt.hits) > 1 else one.joins[:-1]
            out[i : i + len(run) + 1] = [Regimen(one.start, nxt.end, hits, joins)]
        else:
            i += 1
    return out


def _phase_of(text: str, regs: list[Regimen], i: int) -> list[Regimen] | None:
    """The regimens from ``regs[i]`` (which opens with placebo or a single drug other than the
    alternative before it) to the first that a sequence word ends with a drug ("placebo with B,
    C and D, followed by A"), each joined to the one before by a comma of a drug list; None when
    there is no such run."""
    opener = regs[i].hits[0]
    if opener.kind != "placebo" and not _second_alternative(regs[i - 1], opener):
        return None
    run = [regs[i]]
    while len(run[-1].hits) < 2 or not _SEQUENCE_WORD.search(
        text, run[-1].hits[-2].end, run[-1].hits[-1].start
    ):
        k = i + len(run)
        if k + 1 >= len(regs) or any(_same_mention(h, opener) for h in regs[k].hits):
            return None
        if not _PHASE_LIST_GAP.fullmatch(text, run[-1].end, regs[k].start):
            return None
        run.append(regs[k])
    return run


def _second_alternative(prev: Regimen, opener: Hit) -> bool:
    """Whether ``opener`` may be the drug offered instead of ``prev`` ("A or C with B"): one
    drug, not ``prev``'s."""
    return opener.kind == "drug" and len(opener.drugs) == 1 and opener.drugs != prev.drugs


def _same_mention(a: Hit, b: Hit) -> bool:
    """Whether two mentions name the same thing (placebo, or the same drugs)."""
    return a.kind == b.kind and a.drugs == b.drugs


def _joined_phase(run: list[Regimen]) -> Regimen:
    """The regimens of ``run`` (a drug list cut at its commas) as one regimen."""
    if len(run) == 1:
        return run[0]
    hits = [h for r in run for h in r.hits]
    joins = [*run[0].joins]
    for r in run[1:]:
        joins += ["weak", *r.joins]  # (a list's comma joins as its "and" does)
    return Regimen(run[0].start, run[-1].end, hits, joins)


def _repeats_alternatives(text: str, prev: Regimen, run: list[Regimen], nxt: Regimen) -> bool:
    """Whether ``run`` is "placebo with B, followed by A" after "A or" (``prev``) and ``nxt``
    opens "or placebo ..." (or the same drug as ``run`` for placebo): the last mention of
    ``run`` repeats the first alternative, ``nxt``'s first the second."""
    if not prev.drugs or prev.has_placebo or sum(len(r.hits) for r in run) < 3:
        return False
    if not _same_mention(nxt.hits[0], run[0].hits[0]):
        return False
    if sorted(run[-1].hits[-1].drugs) != prev.drugs:
        return False
    return _or_joins_alternatives(text, prev.end, run[0].start) and _or_joins_alternatives(
        text, run[-1].end, nxt.start
    )


def _or_joins_alternatives(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` joins two alternatives with "or", the first one's dose or schedule
    aside ("lapatinib 1000 mg or trastuzumab 2 mg/kg with paclitaxel, followed by lapatinib
    1000 mg or trastuzumab 6 mg/kg with FEC": each phase doses its alternatives)."""
    if _OR_BEFORE_PLACEBO.fullmatch(text, a, b):
        return True
    gap = text[a:b]
    return any(c.isdigit() for c in gap) and bool(
        _OR_BEFORE_PLACEBO.fullmatch(without_schedules(gap))
    )


# "paclitaxel plus lapatinib or placebo", "paclitaxel 175 mg/m2 every 3 weeks plus either
# lapatinib 1,500 mg/d or placebo": the placebo stands in for the last partner, so the backbone
# before it is given with both (a placebo is never an arm on its own). A dose or schedule may
# stand before each joiner ("for 3 of every 4 weeks" leaves its "for 3 of" after the schedules
# are taken out).
_PARTNER_THEN = re.compile(
    r"\s*(?:(?:for|of|\d+|[()])\s*)*,?\s*"
    + GIVEN_TOGETHER
    + r"(?:plus|with|in\s+combination\s+with)\s+(?:either\s+)?",
    re.I,
)
# ("... with pertuzumab or with placebo": the joiner may be repeated after the "or"; the partner
# may carry its short form or label, "plus pertuzumab (P) or placebo", round 58a)
_THEN_OR_PLACEBO = re.compile(
    r"(?:\s*\([^()]{1,20}\))?\s*,?\s*or\s+(?:(?:with|plus)\s+)?(?:a\s+)?(?:matching\s+)?", re.I
)


def _partner_or_placebo_design(text: str, regs: list[Regimen], reg: ArmRegistry) -> int | None:
    """ "B plus A or placebo" → arms A+B and B (placebo); B and A may be one regimen or two
    (a dose between them splits the chain). The index of the regimen after the placebo, None
    when the sentence is no such design."""
    for i in range(1, len(regs)):
        r, prev = regs[i], regs[i - 1]
        if r.drugs or not r.has_placebo or not prev.drugs or prev.has_placebo:
            continue
        if not _THEN_OR_PLACEBO.fullmatch(without_schedules(text[prev.end : r.start])):
            continue
        parts = _backbone_and_partner(text, regs, i - 1)
        if parts is None:
            continue
        backbone, partner = parts
        active = sorted(backbone | partner)
        if not any(a.drugs == active for a in reg.arms):
            reg.arms.append(Arm(active, False, set()))
        _mark_placebo_arm(reg, sorted(backbone))
        return i + 1
    return None


# "paclitaxel plus lapatinib or placebo, or to paclitaxel plus trastuzumab": another arm after
# the placebo design.
_OR_ANOTHER_ARM = re.compile(r"\s*[,;]?\s*or\s+(?:to\s+)?(?:receive\s+)?", re.I)


def _alternatives_after(text: str, regs: list[Regimen], k: int) -> list[Regimen]:
    """The regimens from ``k`` on when the first is another arm ("..., or to C"), else []."""
    if k >= len(regs) or not _OR_ANOTHER_ARM.fullmatch(text, regs[k - 1].end, regs[k].start):
        return []
    return regs[k:]


def _backbone_and_partner(
    text: str, regs: list[Regimen], k: int
) -> tuple[frozenset[str], frozenset[str]] | None:
    """The backbone and the last partner of "B plus A" ending regimen ``k``: its own last two
    mentions, or regimen ``k - 1`` and regimen ``k`` (a single mention) joined by "plus"."""
    r = regs[k]
    if len(r.hits) >= 2:
        a, b = r.hits[-2], r.hits[-1]
        backbone = frozenset(d for h in r.hits[:-1] for d in h.drugs)
    elif k >= 1 and regs[k - 1].drugs and not regs[k - 1].has_placebo:
        a, b = regs[k - 1], r.hits[0]
        backbone = frozenset(a.drugs)
    else:
        return None
    partner = frozenset(b.drugs)
    if not backbone or not partner or backbone & partner:
        return None
    if not _PARTNER_THEN.fullmatch(without_schedules(text[a.end : b.start])):
        return None
    return backbone, partner


def _mark_placebo_arm(reg: ArmRegistry, drugs: list[str]) -> None:
    """The arm of ``drugs`` is the placebo arm (added if no arm has them)."""
    for a in reg.arms:
        if a.drugs == drugs:
            a.has_placebo = True
            a.labels.add("placebo")
            reg.stamp(a)
            return
    reg.arms.append(Arm(drugs, True, {"placebo"}))


def _restated_arms(regs: list[Regimen], reg: ArmRegistry) -> list[Arm]:
    """The arms, one per regimen, when a later randomisation sentence only names arms already
    defined by a part of each ("randomly assigned (2:1) to everolimus or placebo plus
    trastuzumab and paclitaxel", then "719 patients were randomly assigned to everolimus
    (n=480) or placebo (n=239)"): each regimen is the only arm holding its drugs (a placebo
    one, the only placebo arm), all different arms. Such a sentence defines no new arm; empty
    when it is no restatement."""
    if len(regs) < 2 or sum(1 for a in reg.arms if a.drugs or a.special) < 2:
        return []
    seen: list[int] = []
    for r in regs:
        ds = set(r.drugs)
        if ds:
            cands = [i for i, a in enumerate(reg.arms) if ds <= set(a.drugs)]
            cands = _own_part_of(ds, reg, cands)
        elif r.has_placebo:
            cands = [i for i, a in enumerate(reg.arms) if a.has_placebo]
        elif _is_chemotherapy_only(r):
            cands = _chosen_chemotherapy_arm(reg)
        else:
            return []
        if len(cands) != 1 or cands[0] in seen:
            return []
        seen.append(cands[0])
    return [reg.arms[i] for i in seen]


def _is_chemotherapy_only(r: Regimen) -> bool:
    """Whether regimen ``r`` is only the class "chemotherapy" (no drug, no other class)."""
    hits = r.hits
    return (
        len(hits) == 1 and hits[0].kind == "class" and _hit_class_label(hits[0]) == "chemotherapy"
    )


def _chosen_chemotherapy_arm(reg: ArmRegistry) -> list[int]:
    """The physician's-choice arm a class-only regimen restates ("randomly assigned to
    sacituzumab govitecan (n=272) or chemotherapy (n=271)" after "... or treatment of
    physician's choice (capecitabine, ...)"): the only such arm, while no drugless arm carries
    a class label of its own (that one would be the arm named). Without one, the single arm of
    chemotherapy drugs only (``ArmRegistry.chemotherapy_only_arm``: "to trastuzumab (n=100),
    lapatinib (n=100) or chemotherapy (n=100)" after "... or capecitabine")."""
    if any(not a.drugs and not a.special and a.with_class for a in reg.arms):
        return []
    chosen = [i for i, a in enumerate(reg.arms) if a.special == PHYSICIANS_CHOICE]
    if chosen:
        return chosen
    chemo = reg.chemotherapy_only_arm()
    return [reg.arms.index(chemo)] if chemo is not None else []


def _label_restated_arms(
    text: str,
    regs: list[Regimen],
    reg: ArmRegistry,
    arms: list[Arm],
    span: tuple[int, int],
    low: str | None,
) -> None:
    """Labels a restating sentence [s, e) = ``span`` gives the arms it names ("... versus ..."
    in the title, then "randomized to A (arm A) or B (arm B)", or "to the study group (A) or
    the control group (B)"): the arms are not new, their names are."""
    s, e = span
    for i, (r, arm) in enumerate(zip(regs, arms, strict=True)):
        nxt = regs[i + 1].start if i + 1 < len(regs) else e
        label = _label_after(text, r.end, nxt, low) or _group_name_before(text, s, r, nxt)
        if label:
            arm.labels.add(label)
            reg.frozen = None


def _own_part_of(ds: set[str], reg: ArmRegistry, cands: list[int]) -> list[int]:
    """Of several arms holding ``ds``, the one whose own drugs (its core: the alternative it
    adds to a shared backbone, or all its drugs) are exactly ``ds``: after "AC followed by
    paclitaxel plus trastuzumab, lapatinib, or trastuzumab plus lapatinib", "181 to
    trastuzumab, 174 to lapatinib" names the trastuzumab arm, not the combination one."""
    if len(cands) < 2:
        return cands
    own = [i for i in cands if set(reg.arms[i].core or reg.arms[i].drugs) == ds]
    if not own:
        # "46% with TH" after "paclitaxel with trastuzumab (TH), lapatinib (TL), or both": a
        # short form of an alternative with its backbone names that arm by all its drugs
        own = [i for i in cands if set(reg.arms[i].drugs) == ds]
    return own if len(own) == 1 else cands
