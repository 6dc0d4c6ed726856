"""A backbone given with each of several alternatives: "weekly paclitaxel with trastuzumab (TH),
lapatinib (TL), or trastuzumab plus lapatinib (THL)", "AC followed by weekly paclitaxel plus
either trastuzumab, lapatinib, or trastuzumab plus lapatinib".

Each alternative is an arm together with the backbone. The arm's ``core`` is the alternative's own
drugs, so "the lapatinib group" or "TL" still names one arm.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from her2mine.extract.hits import Hit
from her2mine.extract.regimens import (
    DRUG_LEAD,
    GIVEN_TOGETHER,
    OR_BOTH,
    Regimen,
    is_schedule_only,
    without_schedules,
)

# Between two alternatives: "A, B", "A (TH), B", "A, or B", "A or B"; each may repeat the
# backbone's joiner ("plus A (TH), plus B (TL), or plus both", ``regimens`` splits such lists).
# "SB3 or reference trastuzumab": a biosimilar's reference product is named as such.
_ALTERNATIVE_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:,\s*(?:or\s+)?|\s+or\s+)(?:(?:plus|with)\s+)?"
    r"(?:(?:the\s+)?(?:reference|originator|innovator)\s+)?",
    re.I,
)
# The backbone's last joiner before its first partner: "paclitaxel with trastuzumab",
# "trastuzumab in combination with docetaxel or with paclitaxel" (round 49), "vinorelbine
# combined with lapatinib, ..." (round 51).
_PARTNER_JOIN = re.compile(r"\s+(?:(?:in\s+combination|combined)\s+with|with|plus)\s+", re.I)
# Round 95a: a schedule every phase of the backbone shares may close it before "either": "...
# followed by four cycles of docetaxel (100 mg/m2), all every 3 weeks, given with either".
_ALL_SCHEDULE = (
    r"(?:\s*,\s*(?:all|each|both)\s+(?:given\s+|administered\s+)?(?:every|once\s+every|q)\s*"
    r"(?:\d+|two|three|four)\s+weeks)?"
)
# "paclitaxel plus either trastuzumab, ...": the backbone closes before "either". A sequence
# backbone may end with its short form or a comma first: "... cyclophosphamide (FEC) plus either",
# "... four cycles of docetaxel, with either". A participle may stand before "with" ("given with
# either", ``GIVEN_TOGETHER``) and a schedule word after "either" ("either weekly trastuzumab").
_EITHER = re.compile(
    r"(?:\s*\([^()]*\))?"
    + _ALL_SCHEDULE
    + r"\s*,?\s+(?:"
    + GIVEN_TOGETHER
    + r"with|plus|and|in\s+combination\s+with)\s+either\s+(?:(?:weekly|daily)\s+)?",
    re.I,
)


@dataclass(frozen=True)
class SharedBackbone:
    """Regimen indexes that are alternatives (``own``: each one's drugs without the backbone),
    the backbone's drugs, and the index of a regimen that is only the backbone (not an arm)."""

    backbone: frozenset[str]
    own: dict[int, frozenset[str]]
    backbone_only: int | None = None
    # "A (TH), B (TL), or both": the alternatives together, when no regimen names them (with
    # "or both (THL)", the short form's regimen is one of ``own``)
    both: frozenset[str] | None = None


def shared_backbone(
    text: str, regs: list[Regimen], drug_class: Mapping[str, str] | None = None
) -> SharedBackbone | None:
    """The first backbone-with-alternatives list among ``regs`` (a sentence's regimens).
    ``drug_class``: the drug lexicon's classes (``role``); with None, roles are not compared."""
    for i, r in enumerate(regs):
        if i + 1 >= len(regs) or not r.drugs:
            continue
        gap = text[r.end : regs[i + 1].start]
        if _EITHER.fullmatch(gap):
            found = _after_either(text, regs, i)
        else:
            found = (
                _after_first_partner(text, regs, i, drug_class or {})
                or _before_backbone(text, regs, i)
                or _partner_after_alternatives(text, regs, i, drug_class or {})
                or _after_sequence_head(text, regs, i)
            )
        if found is not None:
            return found
    return None


def _alternatives(
    text: str, regs: list[Regimen], first: int, dosed: bool = False, labelled: bool = False
) -> list[int]:
    """Indexes ``first``, ``first + 1``, ... of regimens joined as alternatives, if the list
    holds an "or" (a comma-only list is not a choice of arms); [] otherwise. ``dosed``: after
    "either", an alternative's dose may stand before the joiner (``_dosed_alternative_gap``).
    ``labelled``: a group label bracket naming a drug ("X (X group) or with Y") is stepped over
    (``_label_bracket_after``)."""
    out = [first]
    said_or = False
    k = first
    while k + 1 < len(regs):
        nxt = k + 1
        if labelled and nxt + 1 < len(regs) and _label_bracket_after(text, regs[k], regs[nxt]):
            nxt += 1
        m = _ALTERNATIVE_GAP.fullmatch(text, regs[k].end, regs[nxt].start)
        if m is None and dosed:
            m = _dosed_alternative_gap(text[regs[k].end : regs[nxt].start])
        if m is None:
            break
        said_or = said_or or "or" in m.group(0).lower()
        k = nxt
        out.append(k)
    said_or = said_or or _OR_BOTH.match(text, regs[k].end) is not None
    return out if said_or and len(out) >= 2 else []


# "X (docetaxel group)", "X (the chemotherapy arm)": a group label bracket after an alternative,
# whose words may read as a regimen.
_LABEL_OPEN = re.compile(r"\s*\(\s*(?:the\s+)?")
_LABEL_CLOSE = re.compile(r"\s+(?:group|arm|cohort)\s*\)", re.I)


def _label_bracket_after(text: str, r: Regimen, label: Regimen) -> bool:
    """Whether regimen ``label`` is the words of a group label bracket right after ``r``."""
    return (
        _LABEL_OPEN.fullmatch(text, r.end, label.start) is not None
        and _LABEL_CLOSE.match(text, label.end) is not None
    )


def _dosed_alternative_gap(gap: str) -> re.Match[str] | None:
    """The alternatives' joiner in a gap that also holds the earlier alternative's dose and
    schedule: "either docetaxel 100 mg/m2 every 3 weeks or vinorelbine" (the dose belongs to the
    alternative before it). Only an "or" gap, or a comma after a group label bracket
    (``_LABELLED_COMMA``), with a digit is read again, without its schedules;
    callers use it only where the list is known to be one of alternatives: after "either", or
    when every later alternative is a single drug of the partner's role
    (``_dosed_partner_alternatives``; "trastuzumab plus lapatinib 1000 mg or docetaxel 75 mg/m2"
    is two arms as written)."""
    if not any(c.isdigit() for c in gap):
        return None
    if " or " not in gap and _LABELLED_COMMA.search(gap) is None:
        return None
    gap = without_schedules(gap)
    if "given" in gap or "administered" in gap:
        gap = _GIVEN.sub(" ", gap)
    return _ALTERNATIVE_GAP.fullmatch(gap)


# "docetaxel 75 mg/m2 every 3 weeks (arm A), paclitaxel ...": a comma after a group label
# bracket closes one labelled alternative as an "or" does (the list still needs its "or").
_LABELLED_COMMA = re.compile(r"\((?:\s*(?:arm|group|cohort)\s+\w+\s*)\)\s*,\s*$", re.I)


# "docetaxel 100 mg/m2 given every 3 weeks or vinorelbine": the participle of the schedule
# (left when the schedule is removed) belongs to the alternative before it.
_GIVEN = re.compile(r"\s\b(?:given|administered)\b(?=\s)")


# "trastuzumab (TH), lapatinib (TL), or both (THL)": after the last alternative (and its short
# form), "or both" offers them together; the short form's own bracket may follow.
_OR_BOTH = re.compile(OR_BOTH + r"(\s*\(\s*)?", re.I)
_CLOSE = re.compile(r"\s*\)")
_REST_OF_BRACKET = re.compile(r"[^()]*\)")


def _with_both(
    text: str, regs: list[Regimen], shared: SharedBackbone, backbone: frozenset[str]
) -> SharedBackbone:
    """``shared`` with the "or both" alternative after its last one, if the text offers it: the
    regimen of its bracketed short form ("or both (THL)", read as all the drugs) becomes one
    more alternative; without one, ``both`` holds its drugs."""
    last = max(shared.own)
    m = _OR_BOTH.match(text, regs[last].end)
    if m is None:
        return shared
    union = frozenset().union(*shared.own.values())
    k = last + 1
    if (
        m.group(1)
        and k < len(regs)
        and regs[k].start == m.end()
        and _CLOSE.match(text, regs[k].end)
        and union <= set(regs[k].drugs) <= union | backbone
    ):
        return SharedBackbone(backbone, shared.own | {k: union}, shared.backbone_only)
    return SharedBackbone(backbone, shared.own, shared.backbone_only, union)


def _after_either(text: str, regs: list[Regimen], i: int) -> SharedBackbone | None:
    backbone = frozenset(regs[i].drugs)
    alts = _alternatives(text, regs, i + 1, dosed=True)
    if not alts or not _independent(regs, alts, backbone):
        return None
    own = {k: frozenset(regs[k].drugs) for k in alts}
    if not _distinct(own):
        return None
    return _with_both(text, regs, SharedBackbone(backbone, own, i), backbone)


def _after_first_partner(
    text: str, regs: list[Regimen], i: int, drug_class: Mapping[str, str]
) -> SharedBackbone | None:
    """ "paclitaxel with trastuzumab, lapatinib, or trastuzumab plus lapatinib": the first
    alternative carries the backbone; every later one is built only from the first's partner and
    the single-drug alternatives (else "A plus C or B plus C" would be read as one), and a
    single-drug one plays the partner's role (``_same_role``) unless the list closes with "or
    both", which says they are given alike."""
    r = regs[i]
    if len(r.hits) < 2 or not r.hits[-1].drugs:
        return None
    if i > 0 and _ALTERNATIVE_GAP.fullmatch(text, regs[i - 1].end, r.start):
        return None  # itself an alternative of the regimen before it
    dosed = not _PARTNER_JOIN.fullmatch(text, r.hits[-2].end, r.hits[-1].start)
    if dosed and not _dosed_partner_join(text[r.hits[-2].end : r.hits[-1].start]):
        return None
    partner = frozenset(r.hits[-1].drugs)
    backbone = frozenset(d for h in r.hits[:-1] for d in h.drugs) - partner
    later = _alternatives(text, regs, i, labelled=True)[1:] or _dosed_partner_alternatives(
        text, regs, i, partner, drug_class
    )
    if not backbone or not later or not _independent(regs, later, backbone):
        return None
    if any(_own_chosen_partner(text, regs[k].end) for k in later):
        return None
    singles = {d for k in later if len(regs[k].hits) == 1 for d in regs[k].drugs}
    both = _closes_with_both(text, regs[later[-1]].end)
    repeated = _repeats_joiner(text, regs, later, drug_class)
    if not (both or repeated) and not _same_role(partner, singles, drug_class, backbone):
        return None  # "lapatinib plus capecitabine or T-DM1": T-DM1 is no capecitabine option
    if dosed and not (
        both
        or _closes_with_combination(text, regs, i, later)
        or _single_alternatives_of_known_role(text, regs, later, partner, drug_class)
    ):
        return None  # a dosed backbone is shared only when the list says so
    built = partner | singles
    if any(h.kind != "drug" or not set(h.drugs) <= built for k in later for h in regs[k].hits):
        return None
    own = {i: partner} | {k: frozenset(regs[k].drugs) for k in later}
    if not _distinct(own):
        return None  # "lapatinib plus capecitabine or capecitabine alone": two arms as written
    return _with_both(text, regs, SharedBackbone(backbone, own), backbone)


# Round 76a: "... or trastuzumab plus the investigator's choice of oxaliplatin or cisplatin": a
# partner chosen per patient joined right after an alternative (its drugs are options, so the
# alternative reads as a single drug) makes it a regimen of its own, not a bare alternative that
# takes the first regimen's backbone.
_CHOSEN_PARTNER_AFTER = re.compile(
    r"\s*,?\s+(?:plus|with|and|(?:in\s+combination|combined)\s+with)\s+(?:the\s+|an?\s+)?"
    r"(?:investigator|physician|doctor)(?:['’]?s['’]?)?[-\s](?:choice|chosen|selected)\b",
    re.I,
)


def _own_chosen_partner(text: str, end: int) -> bool:
    """Whether a partner of choice ("plus the investigator's choice of ...") is joined right
    after an alternative that ends at ``end``."""
    window = text[end : end + 60].lower()
    if "investigator" not in window and "physician" not in window and "doctor" not in window:
        return False
    return _CHOSEN_PARTNER_AFTER.match(text, end) is not None


# "..., or with Y": the joiner repeated before an alternative.
_OR_WITH = re.compile(r"(?:,\s*or|\s+or)\s+(?:with|plus)\s+$", re.I)


def _repeats_joiner(
    text: str, regs: list[Regimen], later: list[int], drug_class: Mapping[str, str]
) -> bool:
    """Whether every later alternative repeats the backbone's joiner ("A and B with X (X arm)
    or with Y"): the text says Y takes A and B too, whatever role Y plays. Not an ADC
    alternative, which carries its own payload."""
    return all(
        _OR_WITH.search(text, max(0, regs[k].start - 20), regs[k].start) is not None
        and all(role(d, drug_class) != ADC for d in regs[k].drugs)
        for k in later
    )


# Lexicon classes of one role: anti-HER2 agents a backbone is given with ("paclitaxel plus
# trastuzumab or lapatinib"). An ADC carries its own payload and is given without a
# chemotherapy backbone (ATEMPT), so it is a role of its own.
_ANTI_HER2 = frozenset({"antibody", "antibody combination", "TKI", "bispecific"})
ADC = "ADC"  # the lexicon class of antibody-drug conjugates


def role(drug: str, drug_class: Mapping[str, str]) -> str | None:
    """The role a drug plays in a regimen: "anti-HER2" for the classes of ``_ANTI_HER2``, else
    its lexicon class (None for a drug the lexicon does not class)."""
    cls = drug_class.get(drug) or None
    return "anti-HER2" if cls in _ANTI_HER2 else cls


def _same_role(
    partner: frozenset[str],
    singles: set[str],
    drug_class: Mapping[str, str],
    backbone: frozenset[str] = frozenset(),
) -> bool:
    """Whether every single-drug alternative may take the backbone: it plays the role of the
    first partner (a single drug), or a role no backbone drug plays that is no ADC ("trastuzumab
    plus letrozole or paclitaxel": the anti-HER2 backbone is given with either partner; an ADC
    carries its own payload, and "lapatinib plus capecitabine or trastuzumab" replaces the
    backbone's role). Drugs the lexicon does not class, or a partner of several drugs, are not
    compared."""
    if len(partner) != 1 or not drug_class:
        return True
    want = role(next(iter(partner)), drug_class)
    if want is None:
        return True
    taken = {role(d, drug_class) for d in backbone} | {ADC}
    roles = [role(d, drug_class) for d in singles]
    return all(r in (want, None) or r not in taken for r in roles)


def _single_alternatives_of_known_role(
    text: str,
    regs: list[Regimen],
    later: list[int],
    partner: frozenset[str],
    drug_class: Mapping[str, str],
) -> bool:
    """ "paclitaxel 80 mg/m2 weekly plus trastuzumab (arm A) or lapatinib (arm B)": every later
    alternative a single drug whose lexicon role is the partner's (the dose after the backbone
    says nothing about which arms it belongs to); not "... or lapatinib alone"."""
    if len(partner) != 1 or not drug_class or _WITHOUT_BACKBONE.match(text, regs[later[-1]].end):
        return False
    want = role(next(iter(partner)), drug_class)
    return want is not None and all(
        len(regs[k].drugs) == 1 and role(regs[k].drugs[0], drug_class) == want for k in later
    )


def _dosed_partner_alternatives(
    text: str, regs: list[Regimen], i: int, partner: frozenset[str], drug_class: Mapping[str, str]
) -> list[int]:
    """The later alternatives of "trastuzumab plus docetaxel 75 mg/m2 or paclitaxel 80 mg/m2":
    the partner's dose stands before the "or", which is read past it only when every later
    alternative is a single drug of the partner's role (``_single_alternatives_of_known_role``);
    "trastuzumab plus lapatinib 1000 mg or docetaxel 75 mg/m2" stays two arms as written."""
    if not drug_class:
        return []
    later = _alternatives(text, regs, i, dosed=True)[1:]
    if not later or not _single_alternatives_of_known_role(text, regs, later, partner, drug_class):
        return []
    end = regs[later[-1]].end
    if _WITHOUT_BACKBONE.match(without_schedules(text[end : end + 40])):
        return []  # "... or paclitaxel 80 mg/m2 weekly alone"
    return later


def _dosed_partner_join(gap: str) -> bool:
    """ "FEC for 4 cycles plus trastuzumab (arm A), lapatinib (arm B), or both": the backbone's
    own schedule may stand before its " with " / " plus " joiner to the first partner, also in
    a bracket ("FEC (4 cycles) plus"); the gap is read again without its schedules. Only
    a list that closes with "or both" is read so (``_closes_with_both``)."""
    if " with " not in gap and " plus " not in gap:
        return False
    if "(" in gap:
        gap = _SCHEDULE_BRACKET.sub(_unbracket_schedule, gap)
    return _PARTNER_JOIN.fullmatch(without_schedules(gap)) is not None


# A bracket in a backbone's gap: "FEC (4 cycles) plus trastuzumab".
_SCHEDULE_BRACKET = re.compile(r"\(([^()]*)\)")


def _unbracket_schedule(m: re.Match[str]) -> str:
    """A bracket that holds only a schedule ("(4 cycles)") reads as that schedule; any other
    bracket stays (and so keeps the gap from being a joiner)."""
    return f" {m.group(1)} " if is_schedule_only(m.group(1)) else m.group(0)


def _closes_with_both(text: str, end: int) -> bool:
    """Whether "or both" / "or the combination" follows the last alternative (ending at
    ``end``): then a dosed backbone before the first partner is shared by them all (CHER-LOB),
    whatever their roles."""
    return _OR_BOTH.match(text, end) is not None


# "... or trastuzumab plus pertuzumab alone (arm C)", "... without docetaxel": the last
# alternative says it goes without the backbone.
# ("... or capecitabine 1000 mg/m2 monotherapy", "... as a single agent": said of the alternative)
_WITHOUT_BACKBONE = re.compile(
    r"\s*(?:alone|only|without\b|chemotherapy-free|monotherapy|as\s+(?:a\s+)?single[-\s]agent)",
    re.I,
)


def _closes_with_combination(text: str, regs: list[Regimen], i: int, later: list[int]) -> bool:
    """Whether the last alternative is the earlier ones together, spelled out: "FEC for 4
    cycles plus trastuzumab (arm A), lapatinib (arm B), or trastuzumab plus lapatinib (arm C)"
    says "or both" in other words (``_closes_with_both``), so the dosed backbone is shared;
    not when it says it goes without the backbone ("... plus pertuzumab alone (arm C)")."""
    if len(later) < 2 or _WITHOUT_BACKBONE.match(text, regs[later[-1]].end):
        return False
    earlier = set(regs[i].hits[-1].drugs).union(*(regs[k].drugs for k in later[:-1]))
    return set(regs[later[-1]].drugs) == earlier


# "lapatinib (L), trastuzumab (T), or both (LT) with weekly paclitaxel": the backbone comes after
# the alternatives and their "or both", joined to them all.
# ("..., all given with weekly paclitaxel", "each administered with": a participle may stand
# before the joiner)
# "..., or both for 6 weeks, followed by weekly paclitaxel": the backbone may follow them all in
# sequence (as in "A or B, followed by C"), after their own duration.
_BACKBONE_AFTER = re.compile(
    r"(?:\s+for\s+(?:\d+|two|three|four|six|eight|twelve)\s+(?:weeks|months|cycles))?"
    r"\s*,?\s*(?:(?:each|all)\s+)?"
    + GIVEN_TOGETHER
    + r"(?:with|plus|in\s+combination\s+with|combined\s+with|followed\s+by|then)\s+",
    re.I,
)


def _before_backbone(text: str, regs: list[Regimen], i: int) -> SharedBackbone | None:
    """ "A (L), B (T), or both (LT) with C": alternatives from regimen ``i`` on, then "or both"
    (its bracketed short form, if any, is a regimen too), then "with" and the backbone. Read
    only with "or both": "A or B with C" leaves C with B (a chain as written)."""
    if i > 0 and _ALTERNATIVE_GAP.fullmatch(text, regs[i - 1].end, regs[i].start):
        return None  # itself an alternative of the regimen before it
    alts = _alternatives(text, regs, i)
    if not alts:
        return None
    last = alts[-1]
    m = _OR_BOTH.match(text, regs[last].end)
    if m is None:
        return None
    end, b = m.end(), last + 1
    if m.group(1):  # "or both (LT)": the short form's regimen (if read), then its bracket
        if b < len(regs) and regs[b].start == end:
            close = _CLOSE.match(text, regs[b].end)
            b += 1
        else:
            close = _REST_OF_BRACKET.match(text, end)
        if close is None:
            return None
        end = close.end()
    if b >= len(regs) or not _BACKBONE_AFTER.fullmatch(text, end, regs[b].start):
        return None
    backbone = frozenset(regs[b].drugs)
    if not backbone or regs[b].has_placebo or not _independent(regs, alts, backbone):
        return None
    own = {k: frozenset(regs[k].drugs) for k in alts}
    if not _distinct(own):
        return None
    return _with_both(text, regs, SharedBackbone(backbone, own, b), backbone)


# "neratinib or trastuzumab with paclitaxel": the partner after the last alternative closes
# the list, so it is every alternative's (as it is after "X or placebo"). The words a regimen
# chain allows before a drug may stand before it ("plus oral capecitabine", PHOEBE).
_CLOSING_PARTNER = re.compile(
    r"\s*,?\s+" + GIVEN_TOGETHER + r"(?:with|plus|in\s+combination\s+with)\s+" + DRUG_LEAD, re.I
)
# Round 72a: "randomised to docetaxel or paclitaxel followed by (maintenance) trastuzumab": a
# later phase after alternatives joined by a bare "or" closes the list as a partner does, so it
# is each alternative's. Not after ", or" ("docetaxel, or paclitaxel followed by trastuzumab":
# the comma closes the first arm) nor "A followed by B, or C" (the phase is inside the list).
_BARE_OR = re.compile(r"\s+or\s+", re.I)
_CLOSING_PHASE = re.compile(
    r"\s*,?\s+(?:followed\s+by|then)\s+(?:(?:maintenance|adjuvant)\s+)?" + DRUG_LEAD, re.I
)
# "trastuzumab (4 mg/kg, then 2 mg/kg weekly) with", "(n = 237) with", "(arm B) with": the
# last alternative's dose, count or label.
_BRACKET = re.compile(r"\([^()]*\)")


def _partner_after_alternatives(
    text: str, regs: list[Regimen], i: int, drug_class: Mapping[str, str]
) -> SharedBackbone | None:
    """ "A or B with C", "A or B, with C": single drugs of one role either side of "or", the
    last joined to a partner of another role that ends the list, are arms that each take the
    partner. Not "T-DM1 or lapatinib plus capecitabine" (an ADC carries its own payload),
    "capecitabine or lapatinib with trastuzumab" (no choice of one role), "lapatinib or
    trastuzumab with pertuzumab" (the partner plays the alternatives' role), nor "A alone or B
    with C" or "A or B with C, or D" (the gaps say the list is not one of single drugs)."""
    if i > 0 and _ALTERNATIVE_GAP.fullmatch(text, regs[i - 1].end, regs[i].start):
        return None  # itself an alternative of the regimen before it
    alts = _alternatives(text, regs, i, dosed=True)
    if len(alts) >= 3 and _closes_with_partner(text[regs[alts[-2]].end : regs[alts[-1]].start]):
        alts.pop()  # "A or B, with C": the list's joiner ", with" read C as an alternative
    if not alts or any(len(_written(regs[k])) != 1 for k in alts[:-1]):
        return None
    # (a trailing phase after a bare "or": "docetaxel or paclitaxel followed by trastuzumab")
    phase = _BARE_OR.fullmatch(text, regs[alts[-2]].end, regs[alts[-1]].start) is not None
    found = _closing_partner(text, regs, alts[-1], phase)
    if found is None:
        return None
    backbone_hits, only = found
    singles = [regs[k].hits[0] for k in alts]
    if any(h.kind != "drug" or len(h.drugs) != 1 for h in singles):
        return None
    backbone = frozenset(d for h in backbone_hits for d in h.drugs)
    own = {k: frozenset(h.drugs) for k, h in zip(alts, singles, strict=True)}
    alt_drugs = frozenset().union(*own.values())
    if not backbone or any(h.kind == "placebo" for h in backbone_hits):
        return None
    twins = not _distinct(own)
    if twins and not _twins_written_apart(text, singles):
        return None
    if backbone & alt_drugs or not (
        twins  # one drug twice: a partner of its role is both twins' ("SB3 or trastuzumab with
        # pertuzumab and docetaxel"), no second alternative's own
        or _one_role_apart(alt_drugs, backbone, drug_class)
        or _partner_adds_a_role(alt_drugs, backbone, drug_class)
    ):
        return None
    if any(not set(regs[k].drugs) <= backbone | own[k] for k in alts[:-1]):
        return None  # (a sequence the alternative was given, ``arms._options_then_sequence``,
        # is the backbone's own)
    return SharedBackbone(backbone, own, only)


def _closing_partner(
    text: str, regs: list[Regimen], k: int, phase: bool = False
) -> tuple[list, int | None] | None:
    """The mentions of the partner after the last alternative ``regs[k]``, and the index of
    its own regimen when a comma cut it off ("A or B, with C"; then no alternative may follow
    it); None when no partner closes the list. ``phase``: a later phase ("followed by C") may
    close it too (``_CLOSING_PHASE``)."""
    last = regs[k]
    if len(last.hits) >= 2:
        if _closes_with_partner(text[last.hits[0].end : last.hits[1].start], phase):
            return last.hits[1:], None
        return None
    b = k + 1
    if b >= len(regs) or not _closes_with_partner(text[last.end : regs[b].start], phase):
        return None
    if b + 1 < len(regs) and _ALTERNATIVE_GAP.fullmatch(text, regs[b].end, regs[b + 1].start):
        return None
    return regs[b].hits, b


def _closes_with_partner(gap: str, phase: bool = False) -> bool:
    """Whether ``gap`` joins the last alternative to the partner that closes the list, its dose,
    count or label aside; with ``phase``, a later phase's joiner does too."""
    if _CLOSING_PARTNER.fullmatch(gap) or (phase and _CLOSING_PHASE.fullmatch(gap)):
        return True
    if "(" in gap:
        gap = _BRACKET.sub(" ", gap)
    gap = without_schedules(gap)
    return _CLOSING_PARTNER.fullmatch(gap) is not None or (
        phase and _CLOSING_PHASE.fullmatch(gap) is not None
    )


def _written(r: Regimen) -> list:
    """The mentions written within ``r``'s own span (not those a later sequence lent it)."""
    return [h for h in r.hits if r.start <= h.start and h.end <= r.end]


def _one_role_apart(
    alts: frozenset[str], backbone: frozenset[str], drug_class: Mapping[str, str]
) -> bool:
    """Whether the alternatives play one known role that is no ADC's, and no backbone drug plays
    it."""
    roles = {role(d, drug_class) for d in alts}
    if len(roles) != 1 or None in roles or ADC in roles:
        return False
    return not roles & {role(d, drug_class) for d in backbone}


def _partner_adds_a_role(
    alts: frozenset[str], backbone: frozenset[str], drug_class: Mapping[str, str]
) -> bool:
    """Whether a partner of several drugs brings a known role the alternatives (of one known
    role, no ADC's) lack: "docetaxel or paclitaxel with carboplatin and trastuzumab" gives the
    partner to each taxane, since the first alternative alone would lack the anti-HER2 drug
    every arm of the design takes. Not when the alternatives are anti-HER2 drugs: a partner of
    their role ("lapatinib or trastuzumab with pertuzumab and paclitaxel") may be the second
    alternative's dual blockade, as a single partner of one role may be its own."""
    roles = {role(d, drug_class) for d in alts}
    if len(backbone) < 2 or len(roles) != 1 or roles & {None, ADC, "anti-HER2"}:
        return False
    others = {role(d, drug_class) for d in backbone} - roles
    return bool(others - {None})


_SEQUENCE_JOIN = re.compile(r"(?:\bfollowed\s+by|\bthen|→)", re.I)


def _after_sequence_head(text: str, regs: list[Regimen], i: int) -> SharedBackbone | None:
    """ "epirubicin and cyclophosphamide followed by docetaxel, docetaxel plus capecitabine, or
    docetaxel followed by capecitabine": every later alternative opens with the drug that follows
    the first regimen's last "followed by", so they all continue the same head (EC), which is the
    backbone of each; the first alternative's own drugs are those after the head. Two
    alternatives may name the same drugs in another order ("D plus X", "D followed by X"): one
    arm, as the contract's arm is a set of drugs."""
    r = regs[i]
    if len(r.hits) < 2 or (i > 0 and _ALTERNATIVE_GAP.fullmatch(text, regs[i - 1].end, r.start)):
        return None
    later = _alternatives(text, regs, i)[1:]
    if not later:
        return None  # (most regimens: no list of alternatives after them)
    if not _tail_listed(text, r, regs, later):
        return None
    j = len(r.hits) - 1
    while j > 0 and not _SEQUENCE_JOIN.search(text, r.hits[j - 1].end, r.hits[j].start):
        j -= 1
    if j == 0 or not r.hits[j].drugs:
        return None
    head = frozenset(d for h in r.hits[:j] for d in h.drugs)
    tail = frozenset(d for h in r.hits[j:] for d in h.drugs)
    if not head or head & tail or not _independent(regs, later, head):
        return None
    if any(regs[k].hits[0].drugs != r.hits[j].drugs for k in later):
        return None  # "AC followed by docetaxel, or docetaxel, carboplatin and trastuzumab (TCH)"
    own = {i: tail} | {k: frozenset(regs[k].drugs) for k in later}
    return SharedBackbone(head, own)


_BARE_COMMA = re.compile(r"\s*,\s*")


def _tail_listed(text: str, r: Regimen, regs: list[Regimen], later: list[int]) -> bool:
    """The shape of a list continuing one head: two later alternatives or more, the first
    regimen's tail a bare comma-list item ("EC followed by docetaxel, docetaxel plus
    capecitabine, or ..."). "AC followed by paclitaxel, or paclitaxel plus carboplatin" is two
    arms, the second without the head."""
    return len(later) >= 2 and _BARE_COMMA.fullmatch(text, r.end, regs[later[0]].start) is not None


def _distinct(own: dict[int, frozenset[str]]) -> bool:
    """Whether no two alternatives name the same drugs (else they would make one arm twice)."""
    return len(set(own.values())) == len(own)


def _twins_written_apart(text: str, singles: list[Hit]) -> bool:
    """Whether single-drug alternatives naming one drug are each written differently: a
    biosimilar's code and its reference product ("SB3 or trastuzumab with docetaxel") are two
    arms of one regimen; "trastuzumab or trastuzumab with pertuzumab" is no such pair."""
    written = [text[h.start : h.end].lower() for h in singles]
    return len({tuple(h.drugs) for h in singles}) == 1 and len(set(written)) == len(written)


def _independent(regs: list[Regimen], alts: list[int], backbone: frozenset[str]) -> bool:
    """Alternatives that name drugs, no placebo, and none of the backbone's drugs (nor a
    co-formulated product holding one: ``_with_components``)."""
    return all(
        regs[k].drugs and not regs[k].has_placebo and not backbone & _with_components(regs[k].drugs)
        for k in alts
    )


def _with_components(drugs: list[str]) -> set[str]:
    """``drugs`` and the components of a co-formulated product ("pertuzumab/trastuzumab/
    hyaluronidase" holds pertuzumab): an alternative that is such a product repeats the backbone
    ("pertuzumab plus trastuzumab (P+H IV) or PH FDC SC" compares two whole regimens)."""
    out = set(drugs)
    for d in drugs:
        if "/" in d:
            out.update(d.split("/"))
    return out
