"""Factorial designs: "In a 2x2 factorial design, patients were randomly assigned to weekly or
day 1,8 nab-paclitaxel, and to denosumab or no denosumab; all patients received epirubicin plus
cyclophosphamide".

Each level of a factor is an arm of that factor's comparison, pooled over the other factors: its
regimen is the backbone every patient received plus the level's own drug ("with denosumab":
backbone+denosumab; "without denosumab": the backbone; both schedules: the backbone). Partners
chosen by tumour subtype ("plus trastuzumab for HER2-positive disease") are in no level
(tests/data/gold/README.md, "Factorial designs"). ``read_factorial`` reads the design into a
``Factorial``; ``factorial_refs`` gives a result sentence's references their level's regimen.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from her2mine.extract.arms.model import NO_NAMED_DRUG, Arm, ArmRef, ArmRegistry
from her2mine.extract.arms.patterns import _RANDOMISED
from her2mine.extract.arms.prior import _prior
from her2mine.extract.fastre import WordGate, compiled, last_match, word_start
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen


@dataclass(frozen=True)
class Factorial:
    backbone: frozenset[str]  # drugs every patient received
    alternatives: frozenset[str]  # drugs of a factor "A or B"
    add_ons: frozenset[str]  # drugs of a factor "X or no X", "with or without X"
    schedules: tuple[str, ...]  # schedule words that name levels ("weekly", "day 1,8")

    @property
    def levels(self) -> frozenset[str]:
        return self.alternatives | self.add_ons

    def regimen(self, named: set[str]) -> str:
        """The regimen of the levels whose drugs ``named`` are, on the backbone."""
        drugs = self.backbone | named
        return "+".join(sorted(drugs)) if drugs else NO_NAMED_DRUG


# Words of a factorial design sentence; "A or B, each with or without X" is one too (the gate
# holds a word of every ``_FACTORIAL`` match, whatever its spaces).
FACTORIAL_GATE = WordGate(("factorial", "without", "further", "additionally"))
_FACTORIAL_WORD_GATE = WordGate(("factorial", "without"))  # (``_FACTORIAL``'s words)
_FURTHER_GATE = WordGate(("further", "additionally"))  # (``_FURTHER_ASSIGNED``'s words)
_FACTORIAL = re.compile(r"\bfactorial\b|\b(?:each|both)\s+(?:given\s+)?with\s+or\s+without\b", re.I)
# Round 97b (FinHer): "were randomly assigned to A or B, followed by C. The women with
# HER2-amplified tumours were further assigned to receive or not to receive X": a second
# randomisation of the same patients (or a subset) adds a factor to the first sentence's design.
_FURTHER_ASSIGNED = re.compile(
    word_start(["further", "additionally"])
    + r"\s+(?:randomly\s+)?(?i:randomi[sz]ed|assigned|allocated)\b"
)
# Before a drug that is a factor of its own: "with or without X", "X or no X", "to receive or not
# to receive (nine weekly) X".
_ADD_ON_BEFORE = re.compile(
    r"(?:\bwith\s+or\s+without|\bno|\bor\s+not\s+(?:to\s+)?(?:receive|be\s+given)"
    r"(?:\s+[\w-]+){0,2})[\s-]+\Z",
    re.I,
)
# After a drug that is a factor of its own: "X or placebo", "X versus observation".
_NONE_AFTER = re.compile(
    r"\s*,?\s*(?:or|versus|vs\.?)\s+(?:(?:a\s+)?matching\s+)?(?:placebo|observation)\b", re.I
)
_ALTERNATIVE_JOIN = re.compile(r"\s*,?\s*(?:or|versus|vs\.?)\s+\Z", re.I)
# Review of rounds 96/97: a "further" randomisation of the patients who progressed, responded or
# completed the first treatment is a second, later comparison (its levels are no factor of the
# first design): words of that subset before the "further" verb.
_LATER_SUBSET = re.compile(
    r"\b(?:progress\w*|relaps\w*|recurr\w*|respon\w*|complet\w*|stable\s+disease|after|"
    r"at\s+the\s+end)\b",
    re.I,
)
# A drug joined to the next one of its regimen: "A plus B or C plus B" holds alternatives of
# several drugs, which the flat factor reading cannot keep apart.
_COMBINED_JOIN = re.compile(
    r"\s*(?:\+|/|plus|and|with|combined\s+with|in\s+combination\s+with)\s*", re.I
)
_SCHEDULE_WORD = (
    r"(?:weekly|biweekly|fortnightly|tri-?weekly|3-weekly|dose[\s-]dense|conventional|"
    r"every[\s-](?:\d|two|three|four)[\s-]weeks?|q\dw|d(?:ays?\s+|)1\s*(?:,|and|\+)\s*8)"
)
# "weekly or day 1,8 nab-paclitaxel", "weekly, every-2-week or every-3-week paclitaxel": the
# schedules of the drug right after them.
_SCHEDULES_BEFORE = re.compile(
    rf"\b{_SCHEDULE_WORD}(?:\s*,\s*{_SCHEDULE_WORD})*\s*,?\s+(?:or|versus|vs\.?)\s+"
    rf"{_SCHEDULE_WORD}\s+\Z",
    re.I,
)
# "nab-paclitaxel (nP) weekly or days 1,8 q22", "nP 125 mg/m2 weekly or nP 125 mg/m2 on days 1
# and 8": the schedules of the drug right before them (its dose and the repeated drug between).
_SCHEDULES_AFTER = re.compile(
    rf"(?:\s*\([^()]{{1,20}}\))?[^;()]{{0,25}}?\b{_SCHEDULE_WORD}\s*,?\s+(?:or|versus|vs\.?)\s+"
    rf"[^;()]{{0,40}}?\b{_SCHEDULE_WORD}",
    re.I,
)
_SCHEDULE = re.compile(_SCHEDULE_WORD, re.I)
# A partner chosen by tumour subtype: "X for HER2-positive disease", "patients with
# triple-negative tumours received X".
_SUBTYPE = (
    r"(?:HER2[\s-]*(?:positive|negative|\+)|triple[\s-]negative|TNBC|"
    r"(?:hormone|oestrogen|estrogen)[\s-]receptor[\s-]*(?:positive|negative)|HR[\s-]*(?:positive|\+))"
)
_SUBTYPE_RE = re.compile(_SUBTYPE, re.I)
_SUBTYPE_AFTER = re.compile(
    rf"\s*(?:(?:was|were)\s+)?(?:(?:added|given)\s+)?"
    rf"(?:for\s+(?:the\s+)?|(?:for|in)\s+(?:the\s+)?(?:patients|women|those)\s+with\s+)(?:a\s+)?({_SUBTYPE})",
    re.I,
)
# (the drugs listed after "received" are partners too: "HER2+ pts received trastuzumab + pertuzumab")
_SUBTYPE_BEFORE = re.compile(
    rf"({_SUBTYPE})(?:(?!random|assign|allocat)[^;.]){{0,40}}?\b(?:received|were\s+given)\s+"
    r"(?:[\w-]+\s*(?:\+|,|\band\b|\bplus\b)\s*){0,3}\Z",
    re.I,
)
# "all patients (then) received X": drugs every patient was given.
_ALL_RECEIVED = re.compile(
    r"\b(?:all|every|each|both)\s+(?:patients?|women|participants|groups|arms)\b"
    r"[^.;]{0,30}?\b(?:received|were\s+given|was\s+given)\b",
    re.I,
)


def read_factorial(
    text: str,
    sentences: list[tuple[int, int]],
    drug_hits: list[Hit],
    reg: ArmRegistry,
    gate: str | None,
) -> None:
    """Read the first factorial design sentence into ``reg.factorial`` and make its levels the
    registry's arms. Only a sentence that assigns patients and holds two factors or more (a
    drug alternative, each add-on drug, two schedules) is a design. ``gate``: the lower-cased
    text when ``literal_safe`` (else None), for the word gates of each reading."""
    starts = [s for s, _ in sentences]
    if _FURTHER_GATE.may_hold(gate, 0, len(text)) and _further_assigned(
        text, sentences, starts, drug_hits, reg
    ):
        return
    if not _FACTORIAL_WORD_GATE.may_hold(gate, 0, len(text)):
        return  # ("further" let the text in: no factorial word)
    seen = -1
    # (one search of the text: the gate's "without" lets through many texts with no design)
    for m in _FACTORIAL.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k <= seen or k < 0 or m.end() > sentences[k][1]:
            continue
        seen = k
        # "This was a 2 x 2 factorial trial. Patients were randomly assigned to ..."
        for j in (k, k + 1)[: len(sentences) - k]:
            fac = _design_of(text, sentences, j, drug_hits)
            if fac is not None:
                reg.factorial = fac
                reg.arms = _with_labelled_arms(reg.arms, fac)
                reg.frozen = None
                return


def _further_assigned(
    text: str,
    sentences: list[tuple[int, int]],
    starts: list[int],
    drug_hits: list[Hit],
    reg: ArmRegistry,
) -> bool:
    """Read a design randomised in two steps into ``reg.factorial``: a sentence that assigns
    patients "further" to an add-on ("or not to receive X", "X or no X", "with or without X")
    after a sentence that randomises them between alternatives ("A or B, followed by C"). The
    two sentences' factors are one factorial design (each pooled over the other, C the
    backbone); False when they hold no two factors."""
    for m in _FURTHER_ASSIGNED.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k < 1 or m.end() > sentences[k][1]:
            continue
        (s0, e0), (s, e) = sentences[k - 1], sentences[k]
        if _RANDOMISED.search(text, s0, e0) is None:
            continue
        if _LATER_SUBSET.search(text, s, m.start()) is not None:
            continue  # (re-randomised at progression, responders: a later comparison)
        first = [h for h in drug_hits if s0 <= h.start and h.end <= e0 and h.drugs]
        if _combined_alternative(text, first):
            continue
        second = [h for h in drug_hits if s <= h.start and h.end <= e and h.drugs]
        population = _population_subtype(text, s0, e0)
        one = _factorial_of(text, s0, first, population, least=1)
        two = _factorial_of(text, s, second, population, least=1)
        if one is None or two is None or not one.alternatives or not two.add_ons:
            continue
        if two.add_ons & (one.backbone | one.alternatives):
            continue  # the "further" step adds no drug of its own
        fac = Factorial(
            one.backbone - two.add_ons,
            one.alternatives,
            two.add_ons,
            one.schedules + two.schedules,
        )
        reg.factorial = fac
        reg.arms = _with_labelled_arms(reg.arms, fac)
        reg.frozen = None
        return True
    return False


def _combined_alternative(text: str, hits: list[Hit]) -> bool:
    """Whether an alternative of a design sentence with mentions ``hits`` is a regimen of
    several drugs ("A plus B or C plus B"): a mention next to the "or" joined to its neighbour
    by "plus" / "and" / "with"."""
    for i in range(1, len(hits)):
        if not _ALTERNATIVE_JOIN.fullmatch(text, hits[i - 1].end, hits[i].start):
            continue
        if i >= 2 and _COMBINED_JOIN.fullmatch(text, hits[i - 2].end, hits[i - 1].start):
            return True
        if i + 1 < len(hits) and _COMBINED_JOIN.fullmatch(text, hits[i].end, hits[i + 1].start):
            return True
    return False


def _design_of(
    text: str, sentences: list[tuple[int, int]], k: int, drug_hits: list[Hit]
) -> Factorial | None:
    """The factorial design sentence ``k`` assigns, with the drugs the sentence after it
    gives every patient on the backbone; None when it assigns no two factors."""
    s, e = sentences[k]
    if _RANDOMISED.search(text, s, e) is None:
        return None
    hits = [h for h in drug_hits if s <= h.start and h.end <= e and h.drugs]
    population = _population_subtype(text, s, e)
    fac = _factorial_of(text, s, hits, population)
    if fac is None or k + 1 >= len(sentences):
        return fac
    more = _received_by_all(text, sentences[k + 1], drug_hits, population)
    return Factorial(
        fac.backbone | more, fac.alternatives - more, fac.add_ons - more, fac.schedules
    )


def _factorial_of(
    text: str, s: int, hits: list[Hit], population: str, least: int = 2
) -> Factorial | None:
    """The factors of a design sentence starting at ``s`` with drug mentions ``hits``, its
    patients of subtype ``population`` ("" when it names none); None with fewer than ``least``
    factors."""
    add_ons: set[str] = set()
    alternatives: set[str] = set()
    schedules: list[str] = []
    backbone: set[str] = set()
    for i, h in enumerate(hits):
        before = text[max(s, h.start - 40) : h.start]
        if _subtype_partner(text, s, h, population) or _prior(text, None, s, h.start):
            continue  # (nor is a prior therapy: "previously treated with trastuzumab")
        if _ADD_ON_BEFORE.search(before) is not None or _NONE_AFTER.match(text, h.end) is not None:
            add_ons.update(h.drugs)
            continue
        sched = _SCHEDULES_BEFORE.search(text, max(s, h.start - 80), h.start)
        sched = sched or _SCHEDULES_AFTER.match(text, h.end, min(len(text), h.end + 120))
        if sched is not None:
            schedules.extend(_SCHEDULE.findall(sched.group(0)))
            backbone.update(h.drugs)
            continue
        if i and _ALTERNATIVE_JOIN.fullmatch(text, hits[i - 1].end, h.start):
            alternatives.update(hits[i - 1].drugs)
            alternatives.update(h.drugs)
            continue
        backbone.update(h.drugs)
    backbone -= add_ons | alternatives
    factors = len(add_ons) + bool(alternatives) + bool(schedules)
    if factors < least:
        return None
    words = tuple(w.lower() for w in schedules)
    return Factorial(frozenset(backbone), frozenset(alternatives), frozenset(add_ons), words)


def _subtype_partner(text: str, s: int, h: Hit, population: str = "") -> bool:
    """Whether drug mention ``h`` is given by tumour subtype ("X for HER2-positive disease",
    "those with triple-negative tumours received X"). Not by the ``population``'s own subtype
    ("women with HER2-positive cancer were assigned to A or B with or without X in patients
    with HER2-positive tumours": every patient has it)."""
    m = _SUBTYPE_AFTER.match(text, h.end) or _SUBTYPE_BEFORE.search(
        text[max(s, h.start - 80) : h.start]
    )
    return m is not None and _subtype_key(m.group(1)) != population


def _subtype_key(written: str) -> str:
    """One spelling of a subtype: "HER2 positive", "HER2-positive" and "HER2+" are one."""
    return re.sub(r"[\s-]+", "", written.lower()).replace("+", "positive")


def _population_subtype(text: str, s: int, e: int) -> str:
    """The subtype of the patients a design sentence [s, e) assigns, written before its
    randomisation word ("women with HER2-positive breast cancer were randomly assigned"); ""
    for none or several ("HER2-positive or triple-negative": a partner may be by subtype)."""
    assigned = _RANDOMISED.search(text, s, e)
    end = assigned.start() if assigned else s
    keys = {_subtype_key(m.group(0)) for m in _SUBTYPE_RE.finditer(text, s, end)}
    return keys.pop() if len(keys) == 1 else ""


def _received_by_all(
    text: str, sentence: tuple[int, int], drug_hits: list[Hit], population: str
) -> set[str]:
    """Drugs the sentence after the design says every patient received ("All patients then
    received epirubicin plus cyclophosphamide"), subtype partners left out."""
    s, e = sentence
    m = _ALL_RECEIVED.search(text, s, e)
    if m is None:
        return set()
    cut = text.find(";", m.end(), e)
    end = e if cut < 0 else cut
    hits = [h for h in drug_hits if m.end() <= h.start and h.end <= end]
    return {d for h in hits if not _subtype_partner(text, s, h, population) for d in h.drugs}


def _level_arms(fac: Factorial) -> list[Arm]:
    """One arm per level regimen: each level drug on the backbone, and the backbone alone when
    a level adds no drug (an add-on's absence, a schedule)."""
    # (``core``: the level's own drug, which names its arm beside labelled combinations)
    arms = [Arm(sorted(fac.backbone | {d}), core=[d]) for d in sorted(fac.levels)]
    if fac.backbone and (fac.schedules or fac.add_ons):
        arms.append(Arm(sorted(fac.backbone)))
    return arms


def _with_labelled_arms(arms: list[Arm], fac: Factorial) -> list[Arm]:
    """The level arms after the design's arms named by a label ("arm A: docetaxel plus
    trastuzumab"): those are the factors' combinations, which "in arm A" still names. Not a
    labelled arm holding a drug outside the design (a subtype partner): no combination."""
    known = fac.backbone | fac.levels
    labelled = [a for a in arms if a.labels and set(a.drugs) <= known]
    levels = _level_arms(fac)
    return labelled + [a for a in levels if all(a.drugs != b.drugs for b in labelled)]


# Before a drug of a reference, a word saying the level is without it.
_NEGATED_BEFORE = re.compile(r"(?:\bwithout|\bno|\bnon)[\s-]*\Z", re.I)
_LEVEL_NOUN = r"\s+(?:schedules?|arms?|groups?|regimens?|cohorts?)\b"


def factorial_refs(
    text: str, s: int, e: int, regs: list[Regimen], refs: list[ArmRef], fac: Factorial
) -> list[ArmRef]:
    """``refs`` of sentence [s, e) with each reference to factor levels given the levels'
    regimen ("with denosumab", "without denosumab", "in the no-denosumab group", "A plus X"),
    and schedule levels ("with the weekly schedule", "in the day 1,8 arm") added."""
    known = fac.backbone | fac.levels
    refs = refs + _unresolved_level_refs(regs, refs, known)
    for ref in refs:
        inside = [r for r in regs if ref.start <= r.end and r.start < ref.end]
        named = {d for r in inside for d in r.drugs}
        if fac.add_ons and not named and any(r.has_placebo for r in inside):
            ref.arm = fac.regimen(set())  # "the placebo group": an add-on's absence
            continue
        if not named or not named <= known:
            continue
        given = {
            d
            for r in inside
            if _NEGATED_BEFORE.search(text[max(s, r.start - 12) : r.start]) is None
            for d in r.drugs
        }
        ref.arm = fac.regimen(given & fac.levels)
        _take_attached_negation(text, s, ref)
    if fac.schedules:
        _take_schedule_words(text, s, e, refs)
        refs = refs + _schedule_refs(text, s, e, refs, fac)
    if fac.add_ons:
        refs = refs + _elided_with_refs(text, s, refs, fac) + _bracket_pair_refs(text, e, refs, fac)
    return refs


def _unresolved_level_refs(
    regs: list[Regimen], refs: list[ArmRef], known: set[str]
) -> list[ArmRef]:
    """References for mentions of the design's drugs that no arm took ("weekly nP": the
    schedule factor's drug is in every level arm, so the registry finds no one arm for it)."""
    return [
        ArmRef(r.start, r.end, None, drugs=tuple(r.drugs))
        for r in regs
        if r.drugs
        and set(r.drugs) <= known
        and not any(x.start < r.end and r.start < x.end for x in refs)
    ]


# "86.1% with and 84.9% without denosumab": the bare "with" of an elided add-on level.
_ELIDED_WITH = re.compile(r"\bwith(?=\s*,?\s+(?:and|or|vs\.?|versus)\s)", re.I)


def _elided_with_refs(text: str, s: int, refs: list[ArmRef], fac: Factorial) -> list[ArmRef]:
    """A bare "with" before "and ... without X" is the level with the add-on X."""
    out: list[ArmRef] = []
    for ref in refs:
        if not text.startswith("without", ref.start) or ref.arm != fac.regimen(set()):
            continue
        added = set(ref.drugs) & fac.add_ons or set(fac.add_ons)
        m = last_match(_ELIDED_WITH, text, s, ref.start)  # (the last bare "with" before it)
        if m is not None and not any(m.start() < x.end and x.start < m.end() for x in refs):
            out.append(ArmRef(m.start(), m.end(), fac.regimen(added), drugs=tuple(added)))
    return out


# "more frequent with denosumab (4.6% vs 1.5%)": "vs" between the bracket's two values.
_BRACKET_PAIR = re.compile(r"\s*\(\s*[\d.]+\s*%?\s*(vs\.?|versus)\s+[\d.]+", re.I)


def _bracket_pair_refs(text: str, e: int, refs: list[ArmRef], fac: Factorial) -> list[ArmRef]:
    """The second value of a bracketed pair right after a level with an add-on ("with X (a vs
    b)", "did not differ by X (a vs b)") is the level without it: its "vs" is that level."""
    out: list[ArmRef] = []
    for ref in refs:
        if ref.arm is None or text.startswith("without", ref.start):
            continue
        added = set(ref.drugs) & fac.add_ons
        m = _BRACKET_PAIR.match(text, ref.end, e) if added else None
        if m is not None and ref.arm == fac.regimen(added):
            out.append(ArmRef(m.start(1), m.end(1), fac.regimen(set())))
    return out


# "no-" / "non-" written onto the drug of "the no-denosumab group"
_ATTACHED_NEGATION = re.compile(r"\b(?:no|non)-\Z", re.I)


def _take_attached_negation(text: str, s: int, ref: ArmRef) -> None:
    """Start ``ref`` at a "no-" written onto it, so that "39.8% of patients in the
    no-denosumab group" reads its reference right after "in the"."""
    m = _ATTACHED_NEGATION.search(text, max(s, ref.start - 4), ref.start)
    if m is not None:
        ref.start = m.start()


_SCHEDULE_BEFORE_REF = re.compile(rf"\b{_SCHEDULE_WORD}\s+\Z", re.I)
_SCHEDULE_AFTER_REF = re.compile(rf"\s+{_SCHEDULE_WORD}\b", re.I)


def _take_schedule_words(text: str, s: int, e: int, refs: list[ArmRef]) -> None:
    """Widen a level reference over the schedule word written onto it ("patients receiving
    weekly nP", "nP weekly vs d1,8"): the schedule names the level with its drug."""
    for ref in refs:
        if ref.arm is None or not ref.drugs:
            continue
        m = _SCHEDULE_BEFORE_REF.search(text, max(s, ref.start - 24), ref.start)
        if m is not None:
            ref.start = m.start()
        m = _SCHEDULE_AFTER_REF.match(text, ref.end, e)
        if m is not None:
            ref.end = m.end()


def _schedule_refs(text: str, s: int, e: int, refs: list[ArmRef], fac: Factorial) -> list[ArmRef]:
    """References to schedule levels by their word and a group noun ("the weekly arm")."""
    out: list[ArmRef] = []
    low = text[s:e].lower()
    words = [re.escape(w) for w in fac.schedules if w in low]
    if "schedule" in low:
        # (another spelling of a schedule level: "the day 1, 8 every 22 days schedule")
        words.append(_SCHEDULE_WORD + r"(?:[\s,]+[\w-]+){0,4}?(?=\s+schedules?\b)")
        if "respectively" in low:
            # (only a list that orders its values names each schedule: "40.8% with both
            # schedules combined" and "did not differ between the two schedules" pool them)
            words.append(r"\b(?:two|both)(?=\s+schedules\b)")
    if not words:
        return out
    # (a schedule right after "vs"/"or": "nP weekly vs d1,8 q22")
    pattern = rf"(?:{'|'.join(words)}){_LEVEL_NOUN}|(?<=vs |or )(?:{_SCHEDULE_WORD})"
    for m in compiled(pattern, re.I).finditer(text, s, e):
        a, b = m.start(), m.end()
        if not any(r.start < b and a < r.end for r in refs + out):
            # ("the two schedules ... respectively": one reference per schedule, in turn)
            count = 2 if m.group(0)[:3].lower() in ("two", "bot") else 1
            out.extend(ArmRef(a, b, fac.regimen(set())) for _ in range(count))
    return out
