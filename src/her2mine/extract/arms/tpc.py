""" "Physician's choice" designs: the options listed or bracketed after the phrase, the partner
joined to it, and the class chosen from ("physician's choice of a taxane (docetaxel or
paclitaxel)").
"""

from __future__ import annotations

import re

from her2mine.extract.arms.model import Arm, ArmRegistry, _hit_class_label
from her2mine.extract.arms.patterns import _OR, _TPC, _TPC_OF_REGIMEN_END, PHYSICIANS_CHOICE
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen, without_schedules

# "treatment of physician's choice (trastuzumab [8 mg/kg] plus capecitabine [1250 mg/m2] or
# lapatinib [1250 mg] plus capecitabine [1000 mg/m2])": the options bracket right after the
# phrase may hold dose brackets, which ``_BRACKET`` (no nesting) does not read.
_TPC_DOSED_BRACKET = re.compile(r"\s*\(((?:[^()\[\]]|\[[^()\[\]]*\])*)\)")


def _tpc_phrases(text: str, s: int, e: int, hits: list[Hit]) -> list[re.Match[str]]:
    """The physician's-choice phrases of sentence [s, e), without a short form the text defines
    for a regimen ("paclitaxel and carboplatin ... (TPC)": the regimen's initials, not
    treatment of physician's choice; ``hits``: the sentence's drug mentions). A text that spells
    out physician's choice keeps "TPC" as its short form even where the drugs before it give it a
    reading ("physician's choice of trastuzumab plus paclitaxel or capecitabine (TPC)")."""
    found = list(_TPC.finditer(text, s, e))
    defined = {h.start for h in hits if h.drugs and h.source == "abbreviation"}
    if not defined or not any(m.start() in defined for m in found) or _spells_out_tpc(text):
        return found
    return [m for m in found if m.start() not in defined]


def _spells_out_tpc(text: str) -> bool:
    """Whether ``text`` writes physician's (investigator's) choice out, not only as a short form
    (asked only when a "TPC" has a drug reading: rare)."""
    return any(not m.group().isupper() for m in _TPC.finditer(text))


def _tpc_dosed_options(text: str, hits: list[Hit], tpc_ms: list[re.Match[str]], e: int) -> set[int]:
    """Starts of the drug hits in a physician's-choice options bracket with dose brackets
    inside (above): options of that arm, not regimens of arms of their own. ``tpc_ms``: the
    sentence's ``_tpc_phrases``."""
    out: set[int] = set()
    for m in tpc_ms:
        b = _TPC_DOSED_BRACKET.match(text, m.end(), e)
        if b is None or "[" not in b.group(1) or _OR.search(text, b.start(1), b.end(1)) is None:
            continue
        inner = [h.start for h in hits if b.start(1) <= h.start and h.end <= b.end(1) and h.drugs]
        if len(inner) >= 2:
            out.update(inner)
    return out


# "pembrolizumab or placebo, plus trastuzumab and investigator's choice of fluorouracil plus
# cisplatin or capecitabine plus oxaliplatin": a choice joined to a drug is each arm's partner,
# chosen per patient (as "plus chemotherapy (A or B)" is), not an arm.
_JOINER_BEFORE_CHOICE = re.compile(r"\s*,?\s*(?:plus|and|with|\+)\s+(?:(?:an?|the)\s+)?\Z", re.I)
_CHOICE_WORDS = re.compile(r"(?:physician|investigator)", re.I)
# Between two drugs of the listed options: joiners, "or", commas, short-form brackets, doses.
_CHOICE_LIST_GAP = re.compile(r"(?:\s|,|\(|\)|\[|\]|\+|\b(?:or|plus|and|with)\b)*", re.I)


def _joins_partner(text: str, hits: list[Hit], m: re.Match[str]) -> bool:
    """Whether physician's-choice phrase ``m`` ("investigator's choice") is joined to the drug
    mention right before it ("plus trastuzumab and investigator's choice of ...")."""
    if _CHOICE_WORDS.match(text, m.start()) is None:
        return False
    prev = [h for h in hits if h.end <= m.start()]
    return bool(prev) and _JOINER_BEFORE_CHOICE.fullmatch(text, prev[-1].end, m.start()) is not None


def _partner_choice_options(text: str, hits: list[Hit], tpc_ms: list[re.Match[str]]) -> set[int]:
    """Starts of the drug hits listed after a physician's-choice phrase that is a drug's partner
    (above): options of every arm, not arms. Only an "or" list right after "of" or in a bracket
    right after the phrase ("physician's choice chemotherapy (capecitabine or vinorelbine)")."""
    out: set[int] = set()
    for m in tpc_ms:
        if not _CHOICE_LIST_OPEN.match(text, m.end()) or not _joins_partner(text, hits, m):
            continue
        run = [h for h in hits if h.start >= m.end()]
        if not run or not _CHOICE_LIST_OPEN.fullmatch(text, m.end(), run[0].start):
            continue
        listed = _choice_list(text, run)
        if len(listed) >= 2 and _OR.search(text, listed[0].end, listed[-1].start):
            out.update(h.start for h in listed)
        elif _OR_UNREAD_SHORT.match(text, listed[0].end):
            out.add(listed[0].start)  # "of CAPOX or FP": a regimen no lexicon knows is listed
        elif listed[0].source == "options":
            out.add(listed[0].start)  # "of capecitabine, vinorelbine or eribulin" read as one
    return out


# Where a partner choice's options open: "of" (``_TPC_LIST_OPEN``) or a bracket after the
# phrase, the class word between ("physician's choice chemotherapy (capecitabine or ...)").
_CHOICE_LIST_OPEN = re.compile(r"\s+of\s+(?:either\s+)?|\s*(?:chemotherapy\s*)?\(\s*", re.I)


# "investigator's choice of CAPOX or FP": the other option a short form in capitals that is
# no mention (no lexicon regimen), so the choice still lists two.
_OR_UNREAD_SHORT = re.compile(r"\s+or\s+[A-Z][A-Z0-9]{1,7}(?![\w-])")


# A joiner after an "or" has joined the options: the drug after it is given with whichever
# option is chosen, to every patient of the arm (round 70a).
_PARTNER_JOIN = re.compile(r"\+|\b(?:plus|with)\b", re.I)


def _choice_list(text: str, run: list[Hit]) -> list[Hit]:
    """The options listed at the head of ``run`` (the drug hits after a choice's "of"): up to
    the first gap that is no list gap, or a ", or" after an "or" already joined two of them:
    "of CAPOX or XP, or trastuzumab and ..." opens the next arm there; a joiner after an "or"
    that joined single drugs ends it too (``_PARTNER_JOIN``), not one inside combined options
    ("of fluorouracil plus cisplatin or capecitabine plus oxaliplatin")."""
    k, seen_or, combined = 1, False, False
    while k < len(run):
        gap = without_schedules(text[run[k - 1].end : run[k].start])
        if not _CHOICE_LIST_GAP.fullmatch(gap):
            break
        has_or = _OR.search(gap) is not None
        if has_or and seen_or and "," in gap:
            break
        joined = not has_or and _PARTNER_JOIN.search(gap) is not None
        if seen_or and joined and not combined:
            break  # "of oxaliplatin or cisplatin with capecitabine": the chosen drug's partner
        seen_or |= has_or
        combined |= joined
        k += 1
    return run[:k]


def _tpc_between(tpc_at: list[int], a: int, b: int) -> bool:
    """Whether a physician's-choice phrase starts in [a, b): "trastuzumab deruxtecan or
    treatment of physician's choice (capecitabine, eribulin, ...)" - the options after it are
    that arm's, not the partners of the regimen before it."""
    return any(a <= t < b for t in tpc_at)


# "physician's choice of capecitabine, eribulin, gemcitabine, paclitaxel, or nab-paclitaxel":
# the drugs listed right after "of" are the options each patient may get, not arms.
_TPC_LIST_OPEN = re.compile(r"\s+of\s+(?:either\s+)?")
_TPC_LIST_GAP = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+", re.I)


def _tpc_listed(text: str, regs: list[Regimen], tpc_ms: list[re.Match[str]]) -> set[int]:
    """Indexes of the regimens listed right after "physician's choice of" (see above);
    ``tpc_ms``: the sentence's ``_tpc_phrases``."""
    out: set[int] = set()
    for m in tpc_ms:
        pos, opened = m.end(), False
        for i, r in enumerate(regs):
            if r.start < pos:
                continue
            gap = _TPC_LIST_GAP if opened else _TPC_LIST_OPEN
            if not gap.fullmatch(text, pos, r.start) or len(r.hits) != 1:
                break
            out.add(i)
            pos, opened = r.end, True
        if len(out) < 2:
            out.clear()  # one drug after "of" may be the arm's own ("choice of eribulin")
    return out


# "physician's choice with capecitabine": a partner joined right after the phrase.
_TPC_PARTNER_JOINER = re.compile(
    r"\s*(?:\+|(?:plus|with|(?:in\s+combination|combined)\s+with)\s)\s*(?:(?:an?|the)\s+)?",
    re.I,
)


def _tpc_own_regimens(
    text: str, s: int, regs: list[Regimen], tpc_ms: list[re.Match[str]]
) -> set[int]:
    """Indexes of the regimens a physician's-choice phrase runs into: per-patient options with
    a partner right after "of" ("investigator's choice of docetaxel or paclitaxel with
    trastuzumab") or a partner joined right after the phrase ("physician's choice with
    capecitabine"). They are that arm's (the partner every patient gets stays in it), not arms
    of their own; when two phrases take a partner ("physician's choice with trastuzumab or
    physician's choice with lapatinib") the partners tell the arms apart, so none is taken."""
    out: set[int] = set()
    for m in tpc_ms:
        if _tpc_partner(text, s, m, regs):
            continue
        nxt = next((i for i, r in enumerate(regs) if r.start >= m.end()), None)
        if nxt is None or not regs[nxt].drugs:
            continue
        r = regs[nxt]
        of = _TPC_CLASS_OF.match(text, m.end())
        if (of is not None and of.end() == r.start and r.hits[0].source == "options") or (
            _TPC_PARTNER_JOINER.fullmatch(text, m.end(), r.start)
        ):
            out.add(nxt)
    return out if len(out) == 1 else set()


def _give_tpc_regimen(r: Regimen, reg: ArmRegistry) -> None:
    """The physician's-choice arm gets the drugs of regimen ``r`` (``_tpc_own_regimens``) and
    the class its options name ("chemotherapy")."""
    for arm in reg.arms:
        if arm.special == PHYSICIANS_CHOICE:
            arm.drugs = sorted(set(arm.drugs) | set(r.drugs))
            arm.labels |= {_hit_class_label(h) for h in r.hits if h.kind == "class"}
            reg.frozen = None
            return


def _tpc_options(
    text: str,
    a: int,
    e: int,
    hits: list[Hit],
    opts: set[int],
    regs: list[Regimen],
    listed: set[int],
    reg: ArmRegistry,
) -> None:
    """Give the physician's-choice arm the options listed after its phrase (from ``a``, up to
    the next arm's regimen): bracketed ("(capecitabine, eribulin, ...)") or after "of"."""
    nxt = next((r.start for i, r in enumerate(regs) if r.start >= a and i not in listed), e)
    found = {d for h in hits if a <= h.start < nxt and h.start in opts for d in h.drugs}
    found |= {d for i in listed if regs[i].start >= a for d in regs[i].drugs}
    if not found:
        return
    for arm in reg.arms:
        if arm.special == PHYSICIANS_CHOICE:
            arm.options |= found


def _tpc_partner(text: str, s: int, m: re.Match[str], regs: list[Regimen]) -> bool:
    """Whether physician's-choice match ``m`` is a drug's partner ("trastuzumab plus
    chemotherapy of physician's choice"), not an arm of its own."""
    return _TPC_OF_REGIMEN_END.match(text, max(s, m.start() - 30), m.start()) is not None and any(
        r.drugs and r.end <= m.start() <= r.end + 30 and not _or_between(text, r.end, m)
        for r in regs
    )


def _or_between(text: str, a: int, m: re.Match[str]) -> bool:
    """Whether an "or" stands between a regimen's end ``a`` and a physician's-choice phrase:
    "trastuzumab deruxtecan or chemotherapy of physician's choice" offers it as another arm,
    where "trastuzumab plus chemotherapy of physician's choice" makes it a partner."""
    return _OR.search(text, a, m.start()) is not None


_CLASS_OF_BEFORE = re.compile(r"\b(?:chemotherapy|therapy|treatment)\s+of\s+(?:the\s+)?\Z", re.I)


def _tpc_phrase_start(text: str, s: int, m: re.Match[str]) -> int:
    """Where a physician's-choice phrase starts: "chemotherapy of physician's choice" opens
    with the class mention before the match (that mention is the arm, not one beside it)."""
    a = max(s, m.start() - 30)
    before = _CLASS_OF_BEFORE.search(text[a : m.start()])
    return a + before.start() if before else m.start()


# "physician's choice of a taxane (docetaxel or paclitaxel)": the class chosen from.
_TPC_CLASS_OF = re.compile(r"\s+of\s+(?:either\s+)?(?:an?\s+|the\s+)?")


def _tpc_phrase_end(text: str, m: re.Match[str], regs: list[Regimen]) -> int:
    """Where a physician's-choice phrase ends: after "of a taxane" when a class-only regimen
    follows "of" (the class chosen from), else at the match's end."""
    end = m.end()
    of = _TPC_CLASS_OF.match(text, end)
    if of is None:
        return end
    for r in regs:
        if r.start == of.end() and not r.drugs and not r.has_placebo:
            return r.end
    return end


def _drop_class_arm_in_tpc(
    reg: ArmRegistry, regs: list[Regimen], arm_of: dict[int, Arm], a: int, b: int
) -> set[str]:
    """ "the physician's choice of chemotherapy (capecitabine, ...)": the class mention inside
    the physician's-choice phrase is that arm, not a drugless arm of its own beside it (which
    would take "the chemotherapy group" and leave its values without an arm). The labels of
    the arm dropped ("taxane"), which name the physician's-choice arm."""
    dropped: set[str] = set()
    for i, arm in arm_of.items():
        r = regs[i]
        if (
            a <= r.start
            and r.end <= b
            and not arm.drugs
            and not arm.has_placebo
            and not arm.special
            and any(x is arm for x in reg.arms)  # (identity: Arm compares by value)
            and sum(1 for x in arm_of.values() if x is arm) == 1
        ):
            reg.arms[:] = [x for x in reg.arms if x is not arm]
            reg.frozen = None
            dropped |= arm.labels
    return dropped


# "trastuzumab plus the investigator's choice of oxaliplatin or cisplatin with capecitabine":
# the drug after the options list, joined to it, is the arm's own partner, given whichever
# option is chosen (round 70a). After a comma, "with" opens a clause of its own ("..., with
# trastuzumab plus capecitabine as the control arm"): there only "plus"/"+" join (review 70a).
_PARTNER_AFTER_CHOICE = re.compile(
    r"\s*(?:\+|plus|with|in\s+combination\s+with|combined\s+with)\s+|\s*,\s*(?:\+|plus)\s+",
    re.I,
)


def _join_partner_after_choice(
    text: str, regs: list[Regimen], partner_ms: list[re.Match[str]], opts: set[int], hits: list[Hit]
) -> list[Regimen]:
    """``regs`` with each regimen joined to a physician's-choice phrase (``partner_ms``,
    ``_joins_partner``) merged with the regimen right after that phrase's options (the hits
    starting in ``opts``), when a joiner ties it to the last option (above)."""
    out: list[Regimen] = []
    for r in regs:
        prev = out[-1] if out else None
        if prev is not None and _partner_after_choice(text, prev, r, partner_ms, opts, hits):
            out[-1] = prev.joined(r)
            continue
        out.append(r)
    return out


def _partner_after_choice(
    text: str,
    a: Regimen,
    b: Regimen,
    partner_ms: list[re.Match[str]],
    opts: set[int],
    hits: list[Hit],
) -> bool:
    """Whether ``b`` follows the options of a choice phrase joined to ``a`` (see above)."""
    for m in partner_ms:
        if not a.end <= m.start() < m.end() <= b.start:
            continue
        listed = [h for h in hits if h.start in opts and m.end() <= h.start and h.end <= b.start]
        if listed and all(h.start in opts for h in hits if listed[0].start <= h.start < b.start):
            return _PARTNER_AFTER_CHOICE.fullmatch(text, listed[-1].end, b.start) is not None
    return False


# "pertuzumab and trastuzumab with the investigator's choice of endocrine therapy (letrozole or
# anastrozole) or with six cycles of paclitaxel": the repeated joiner gives the other
# alternative the same drugs the choice was joined to (round 70a).
_OR_WITH_AFTER_CHOICE = re.compile(
    r"[^()]*?(?:\([^()]*\)|[^()]*\))?\s*,?\s+or\s+(?:with|plus)\s+(?:[\w-]+\s+){0,4}?", re.I
)


def _backbone_after_choice(
    text: str, regs: list[Regimen], partner_ms: list[re.Match[str]], opts: set[int], hits: list[Hit]
) -> list[Regimen]:
    """``regs`` with the regimen after a choice's options and "or with" (above) given the
    drugs of the regimen the choice was joined to."""
    out = list(regs)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        m = next((m for m in partner_ms if a.end <= m.start() and m.end() <= b.start), None)
        listed = [h for h in hits if h.start in opts and m.end() <= h.start < b.start] if m else []
        if listed and _OR_WITH_AFTER_CHOICE.fullmatch(text, listed[-1].end, b.start):
            out[k] = Regimen(b.start, b.end, [*a.hits, *b.hits], [*a.joins, "strong", *b.joins])
    return out
