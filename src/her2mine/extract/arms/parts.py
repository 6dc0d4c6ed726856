"""Options brackets and the parts of a design sentence.

The per-patient options in brackets ("(docetaxel or paclitaxel)"), where a design part ends,
short forms and suffixed labels written between regimens, "A and/or B" alternatives,
"A or B, followed by C" sequences, ";"-separated lists and the phase after surgery.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from her2mine.extract.arms.model import Arm
from her2mine.extract.arms.patterns import (
    _BRACKET,
    _BRACKET_GATE,
    _FORMULATION,
    _OPTIONAL,
    _OR,
    _RANDOMISED,
)
from her2mine.extract.fastre import WordGate
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import (
    SEQUENCE_WORDS,
    Regimen,
    gap_kind,
    is_schedule_or_alone,
    without_schedules,
)


def option_hits(text: str, hits: list[Hit], s: int, e: int) -> set[int]:
    """Starts of the drug hits that sit in an options bracket ("(A, B, or C)", "(with or
    without A)") inside [s, e)."""
    starts: set[int] = set()
    if not hits or not _BRACKET_GATE.may_hold(text, s, e):
        return starts  # no drug to be an option, or no bracket to hold one
    for m in _BRACKET.finditer(text, s, e):
        a, b = m.span()  # (read once, not per hit)
        # Both tests below need an "or" in the body (_OPTIONAL's "with or without" holds one):
        # most brackets ("(n = 120)", "(T-DM1)") have none, so their hits are never gathered.
        if _OR.search(text, a + 1, b - 1) is None:
            continue
        inner = [h for h in hits if a < h.start and h.end < b and h.drugs]
        if not inner:
            continue
        body = m.group(1)
        optional = _OPTIONAL.search(body)
        if optional is not None:
            inner = _optional_part(text, m.start(1) + optional.start(), inner)
        if len(inner) >= 2 or optional is not None:
            label = _short_form_after_semicolon(text, m, inner)
            starts.update(h.start for h in inner if h is not label)
    return starts


def _optional_part(text: str, at: int, inner: list[Hit]) -> list[Hit]:
    """The options of a bracket holding "with or without" (at ``at``): the drugs after it.
    "group B (trastuzumab and pertuzumab, with or without endocrine therapy)" gives every
    patient the drugs before it; those are options only when they are a choice themselves
    ("(docetaxel or paclitaxel, with or without pertuzumab)")."""
    a = inner[0].start
    if a >= at or _OR.search(text, a, at) is not None:
        return inner
    return [h for h in inner if h.start > at]


_LAST_PART = re.compile(r";\s*([^;]*?)\s*$")


def _short_form_after_semicolon(text: str, m: re.Match[str], inner: list[Hit]) -> Hit | None:
    """The mention that is all of an options bracket's last ";" part: "a taxane (docetaxel or
    paclitaxel; HT)" names the regimen HT there, it is not one more option."""
    last = _LAST_PART.search(m.group(1))
    if last is None or not last.group(1):
        return None
    a = m.start(1) + last.start(1)
    b = m.start(1) + last.end(1)
    h = inner[-1]
    return h if h.start == a and h.end == b else None


# A clause that reports results: a percentage, a median or a hazard ratio.
_RESULT_CLAUSE = re.compile(r"\d\s*%|\bmedian\b|\bHR\b|\bhazard\s+ratio", re.I)


def _design_part_end(text: str, s: int, e: int) -> int:
    """Where the design part of sentence [s, e) ends: at a ";" outside brackets after a
    randomisation, when the clause after it reports results and randomises no one ("... were
    assigned to neratinib or placebo; the 5-year IDFS was 90.2% with neratinib and 87.7% with
    placebo", "... to T-DXd or the physician's choice of chemotherapy; ILD occurred in 0.6% of
    those receiving chemotherapy").
    Review texts fold a trial's design and its results into one sentence; the groups the
    results clause names are references to the arms, not further arms. Else ``e``."""
    i = text.find(";", s, e)
    while i >= 0:
        opened = text.count("(", s, i) + text.count("[", s, i)
        closed = text.count(")", s, i) + text.count("]", s, i)
        if (
            opened <= closed
            and _RESULT_CLAUSE.search(text, i, e)
            and not _RANDOMISED.search(text, i, e)
            and _RANDOMISED.search(text, s, i)
        ):
            return i
        if opened <= closed and _subgroup_also_clause(text, s, i, e):
            return i
        i = text.find(";", i + 1, e)
    return e


# Round 90b: "randomized to 12 or 24 weeks of A plus B; those with ER-positive tumors also
# received letrozole": what a subgroup of every duration group also gets is no arm (nor part of
# the one regimen). Only after compared lengths (``_COMPARED_LENGTHS``): beside arms of different
# regimens such a clause may say what one arm's patients got.
_SUBGROUP_ALSO = re.compile(
    r";\s*(?:those|patients|women|participants)\s+with\s+[^;]{1,120}?\balso\s+"
    r"(?:received|receive|were\s+given|got)\b",
    re.I,
)
_LENGTH_UNIT = r"(?:weeks?|months?|years?|cycles?)"
_COMPARED_LENGTHS = re.compile(
    rf"\b\d+\s*(?:{_LENGTH_UNIT}\s*)?(?:\([^()]*\)\s*)?,?\s*(?:or|versus|vs\.?)\s+\d+\s*"
    rf"{_LENGTH_UNIT}\b",
    re.I,
)


def _subgroup_also_clause(text: str, s: int, i: int, e: int) -> bool:
    """Whether the ";" at ``i`` opens a clause in which a subgroup "also received" a drug
    (``_SUBGROUP_ALSO``, ending before ``e``) after a design part [s, i) that compares lengths
    of treatment."""
    return (
        text.find("also", i, e) >= 0
        and _SUBGROUP_ALSO.match(text, i, e) is not None
        and _COMPARED_LENGTHS.search(text, s, i) is not None
    )


def _segment_end(text: str, start: int, limit: int) -> int:
    """Where the regimen given after a label ends: at the first ";" or unmatched closing bracket
    after ``start`` (brackets inside it, "[FEC]", are skipped), else at ``limit``."""
    depth = 0
    for i in range(start, limit):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            if depth == 0:
                return i
            depth -= 1
        elif c == ";" and depth == 0:
            return i
    return limit


# A short form may end a bracket after its options: "a taxane (docetaxel or paclitaxel; HT)",
# or after a group label: "(group B, PyHnP)", "(arm A: TH)" (round 60b); its known tail may
# follow a head the lexicon does not know: "(PCb-HP; platinum group)".
_OPEN_BRACKET_PARTS = re.compile(
    r"\s*[(\[](?:[^()\[\];]*;\s*|(?i:arm|group|cohort)\s+(?:[A-Z]|\d{1,2})\s*[,:]\s*"
    r"|[A-Za-z][A-Za-z0-9]{0,7}[-‑])?"
)
# "(anthracycline group)", also after the regimen's short form: "(THP; chemotherapy group)",
# "(TCbHP; chemotherapy arm)".
_LABEL_OPEN = re.compile(r"[(\[]\s*(?:[A-Za-z][\w+/-]{0,14}\s*[;,]\s*)?(?:the\s+)?\Z", re.I)


def _labels_last_arm(text: str, regs: list[Regimen], i: int, added: list[Arm]) -> bool:
    """Whether ``regs[i]`` opens the label bracket of the arm just added for ``regs[i - 1]``."""
    return (
        bool(added)
        and i > 0
        and added[-1].name is not None
        and set(added[-1].drugs) >= set(regs[i - 1].drugs)
        and _opens_label(text, regs[i - 1].end, regs[i].start)
    )


def _opens_label(text: str, a: int, b: int) -> bool:
    """Whether the text between a regimen (ending at ``a``) and the mention at ``b`` ends by
    opening a bracket: the mention starts that regimen's label."""
    return b - a <= 250 and _LABEL_OPEN.search(text, a, b) is not None


# A short form's bracket may close after its dose: "[FEC-75]", "(FEC100)".
_CLOSE_DOSED_BRACKET = re.compile(r"(?:-?\d{2,3})?\s*[)\]]")
# ... or before its own dose: "PM with or without carboplatin (PMCb; AUC 1.5 once a week)".
_CLOSE_BRACKET_PARTS = re.compile(r"\s*(?:;[^()\[\]]*)?[)\]]")


def _spells_out(prev: Regimen, r: Regimen) -> bool:
    """Whether the bracketed regimen ``r`` right after ``prev`` names ``prev`` or its last
    mention(s): "trastuzumab in combination with FEC (fluorouracil, epirubicin and
    cyclophosphamide)" spells out FEC, it is no drug list of its own; "(FEC)" after "paclitaxel
    followed by fluorouracil, epirubicin, and cyclophosphamide" names the last three
    (``drugs.brackets._spelled_tail``)."""
    if not r.drugs:
        return False
    if r.drugs == prev.drugs:
        return True
    want = set(r.drugs)
    got: set[str] = set()
    for h in reversed(prev.hits):
        got.update(h.drugs)
        if not got <= want:
            return False
        if got == want:
            return True
    return False


def _names_part_of(prev: Regimen, r: Regimen) -> bool:
    """Whether ``r`` is one short form of several drugs, all ``prev``'s: "trastuzumab and
    pertuzumab plus letrozole (HP; endocrine therapy group)" names the anti-HER2 pair of the
    arm in its bracket, no second arm."""
    return len(r.hits) == 1 and len(r.drugs) >= 2 and set(r.drugs) < set(prev.drugs)


def _without_short_forms(text: str, regs: list[Regimen]) -> list[Regimen]:
    """Drop a regimen that is only the short form defined for the one before it ("A plus B
    (AB), C, or D", "A plus a taxane (docetaxel or paclitaxel; AT), C"): it is a name, not
    another arm, and the list continues after it."""
    return _drop_following(
        regs,
        lambda prev, r: (
            _opens_bracket_after(text, prev.end, r.start)
            and (_spells_out(prev, r) or _names_part_of(prev, r))
            and _CLOSE_BRACKET_PARTS.match(text, r.end) is not None
        ),
    )


def _drop_following(regs: list[Regimen], pred: Callable[[Regimen, Regimen], bool]) -> list[Regimen]:
    """``regs`` without each regimen ``r`` for which ``pred(prev, r)`` holds, ``prev`` the last
    regimen kept before it (the first is always kept), in order: the filters of a regimen that
    only names, restates or negates part of the one before it (``_without_short_forms``,
    ``_without_suffixed_labels``, ``labels._without_mentions_inside_label``,
    ``add_on._without_negated_partners``)."""
    out: list[Regimen] = []
    for r in regs:
        if out and pred(out[-1], r):
            continue
        out.append(r)
    return out


# "(SOX-T group, n=40)": a short form extended by a suffix of capitals, then a group word.
_SUFFIXED_LABEL = re.compile(r"-[A-Z][A-Z0-9]{0,2}\s+(?i:group|arm|cohort)\b")


def _without_suffixed_labels(text: str, regs: list[Regimen]) -> list[Regimen]:
    """Drop a regimen that is only the head of a group label in the bracket after the regimen
    before it ("trastuzumab plus SOX (SOX-T group, n=40) or SOX alone"): "SOX-T" names the
    first arm (``_label_after`` reads it), it is no SOX-alone arm."""
    return _drop_following(
        regs,
        lambda prev, r: (
            len(r.hits) == 1
            and _SUFFIXED_LABEL.match(text, r.end) is not None
            and _opens_bracket_after(text, prev.end, r.start)
        ),
    )


def _opens_bracket_after(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` opens the bracket that names the regimen ending at ``a``, also
    after its dose and schedule or "alone" ("paclitaxel 175 mg/m2 every 3 weeks alone (TP)",
    "carboplatin at an area under the curve of 6 (TPC)")."""
    if _OPEN_BRACKET_PARTS.fullmatch(text, a, b):
        return True
    opened = max(text.rfind("(", a, b), text.rfind("[", a, b))
    if opened <= a or not _OPEN_BRACKET_PARTS.fullmatch(text, opened, b):
        return False
    gap = text[a:opened]
    return not gap.strip() or is_schedule_or_alone(gap)


def _joined_across_short_form(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "doxorubicin plus cyclophosphamide (AC) followed by T-DM1 plus pertuzumab": the short
    form's mention, inside its bracket, split the chain; the regimens before and after it are
    one course when the text between them (the bracket dropped) is a regimen joiner. Doses and
    schedules may stand before the bracket and in it ("cyclophosphamide 500 mg/m² [FEC-75]
    every 3 weeks for four cycles followed by paclitaxel")."""
    out: list[Regimen] = []
    i = 0
    while i < len(regs):
        r = regs[i]
        prev = out[-1] if out else None
        nxt = regs[i + 1] if i + 1 < len(regs) else None
        if (
            prev is not None
            and nxt is not None
            and _opens_bracket_after(text, prev.end, r.start)
            and (_spells_out(prev, r) or _names_part_of(prev, r))
            and _CLOSE_DOSED_BRACKET.match(text, r.end)
            and gap_kind(text[prev.end : nxt.start]) == "strong"
        ):
            out[-1] = prev.joined(nxt)
            i += 2
            continue
        out.append(r)
        i += 1
    return out


# "A or B, followed by C": the comma closes the list of options, so C follows each of them
# (without it, "A or B followed by C" reads as A, or B then C, and is left so).
_AND_OR_GATE = WordGate(("and/or",))
_AND_OR_GAP = re.compile(r"\s*,?\s*and/or\s+(?:the\s+|a\s+)?", re.I)


def _without_and_or_alternatives(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "paclitaxel + trastuzumab and/or neratinib": "and/or" offers a drug, its alternative and
    both (three arms the sentence does not write out), so the regimens it joins are no arms."""
    joined: set[int] = set()
    for i in range(len(regs) - 1):
        if _AND_OR_GAP.fullmatch(text, regs[i].end, regs[i + 1].start):
            joined.update((i, i + 1))
    return [r for i, r in enumerate(regs) if i not in joined] if joined else regs


_SEQUENCE_GATE = WordGate(("followed", "then"))
# The option's own dose note may stand before the comma: "nab-paclitaxel 150 mg/m2 (later 125
# mg/m2) weekly, followed by EC" leaves "(later )" once schedules are dropped (one lower-case
# word at most: a short form or label in the bracket, "(T)", "(arm B)", is not such a note).
_COMMA_SEQUENCE = re.compile(
    r"\s*(?:\(\s*(?-i:[a-z]+)?\s*\)\s*)?,\s*(?:and\s+)?" + SEQUENCE_WORDS + r"\s*", re.I
)
_OPTION_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:,\s*(?:or\s+)?|\s*or\s+)(?:to\s+)?(?:" + _FORMULATION + r"\s+)?",
    re.I,
)


def _options_then_sequence(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "three cycles of A or nine cycles of B, followed by three cycles of C": the regimen
    that holds "B, followed by C" shares its sequence C with the options listed before it
    (joined by "or", or commas ending in "or"): each becomes "option, followed by C"."""
    out = list(regs)
    for i in range(1, len(out)):
        k = _comma_sequence_at(text, out[i])
        if k is None:
            continue
        first = _first_option(text, out, i)
        if first is None:
            continue
        r = out[i]
        tail, joins = r.hits[k:], r.joins[k:]
        for j in range(first, i):
            o = out[j]
            out[j] = Regimen(o.start, o.end, o.hits + tail, [*o.joins, "strong", *joins])
    return out


# "C (arm C) for 12 weeks, followed by": a group label closing the last option, then the phase
# every option goes on to.
_LABEL_BRACKET = (
    r"\((?:(?:arm|group|cohort)\s+[A-Za-z0-9]{1,3}|(?:[\w-]+\s+){1,2}(?:arm|group))"
    r"(?:\s*[,;]\s*n\s*=\s*\d+)?\)"  # "(arm B, n=60)"
)
_LABEL_THEN_SEQUENCE = re.compile(
    r"\s*" + _LABEL_BRACKET + r"\s*,\s*(?:and\s+)?" + SEQUENCE_WORDS + r"\s*", re.I
)
# "..., then trastuzumab maintenance (arm C)": a phase with a label of its own is an arm. (At
# most two words before the bracket; written so that no long word can be split two ways.)
_OWN_LABEL = re.compile(r"(?:\s*[\w-]+(?:\s+[\w-]+)?)?\s*" + _LABEL_BRACKET, re.I)


def _labelled_options_then_sequence(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "A (arm A), B (arm B) or A plus B (arm C) for 12 weeks, followed by three cycles of C":
    the phase after the last option's label bracket follows each option of the "or" list, as
    "A or B, followed by C" does (``_options_then_sequence``); without this it was an arm of
    its own. The options keep their spans, so their labels still read."""
    for i in range(1, len(regs)):
        gap = without_schedules(text[regs[i - 1].end : regs[i].start])
        if not _LABEL_THEN_SEQUENCE.fullmatch(gap):
            continue
        first = _first_option(text, regs, i - 1)
        if first is None or _OWN_LABEL.match(text, regs[i].end):
            continue
        tail = regs[i]
        out = list(regs[:first])
        for o in regs[first:i]:
            out.append(
                Regimen(o.start, o.end, o.hits + tail.hits, [*o.joins, "strong", *tail.joins])
            )
        return out + regs[i + 1 :]
    return regs


def _comma_sequence_at(text: str, r: Regimen) -> int | None:
    """Index of the hit after the first ", followed by" / ", then" joiner of ``r`` (schedule
    phrases around it aside), when the hits before it are joined by no other sequence word;
    else None."""
    for k in range(1, len(r.hits)):
        if r.joins[k - 1] != "strong":
            continue
        gap = without_schedules(text[r.hits[k - 1].end : r.hits[k].start])
        if _COMMA_SEQUENCE.fullmatch(gap):
            return k
        if _SEQUENCE_WORD.search(gap):
            return None  # an earlier sequence: "A then B, followed by C" is one arm's course
    return None


_SEQUENCE_WORD = re.compile(r"\b" + SEQUENCE_WORDS + r"\b", re.I)


def _first_option(text: str, regs: list[Regimen], i: int) -> int | None:
    """Index of the first regimen of the "A, B, or" list of options right before ``regs[i]``:
    drug regimens without placebo or a sequence of their own, the last gap an "or"; None if
    there is no such list."""
    j = i
    while j > 0:
        prev = regs[j - 1]
        gap = without_schedules(text[prev.end : regs[j].start])
        m = _OPTION_GAP.fullmatch(gap)
        if m is None or (j == i and "or" not in m.group(0).lower()):
            break
        if not prev.drugs or prev.has_placebo or _has_sequence(text, prev):
            break
        j -= 1
    return j if j < i else None


def _has_sequence(text: str, r: Regimen) -> bool:
    """Whether a sequence word ("then", "followed by") joins two of ``r``'s mentions."""
    return any(
        _SEQUENCE_WORD.search(text, a.end, b.start)
        for a, b in zip(r.hits, r.hits[1:], strict=False)
    )


# "randomized to A (TCH); B (TCL); or C (TCHL), followed by surgery and completion of 1 year of
# trastuzumab": the phase after surgery is every arm's continuation, not an arm (and, as with
# "followed in both arms by trastuzumab to complete 1 year", the neoadjuvant arms do not take
# it). The gap from the last arm (its bracket) to the phase: a sequence word, surgery, then
# "and" / "then" / "followed by" and a few words with no bracket, ";" or "or".
_POST_SURGERY_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,?\s*(?:and\s+)?" + SEQUENCE_WORDS + r"\s+(?:definitive\s+)?surgery"
    r"\s*,?\s*(?:and|then|followed\s+by)\s+(?:(?!\bor\b)[^;()])*$",
    re.I,
)
_SURGERY_GATE = WordGate(("surgery",))


def _without_post_surgery_phase(text: str, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` less the regimens from the first one written after "followed by surgery and"
    (``_POST_SURGERY_GAP``) when at least two regimens, the arms, come before it; unchanged
    otherwise."""
    for i in range(2, len(regs)):
        gap = text[regs[i - 1].end : regs[i].start]
        if "surgery" in gap and _POST_SURGERY_GAP.match(gap):
            return regs[:i]
    return regs


# "randomized to A (TCH); B (TCL); or C (TCHL)": a list whose items end in brackets, split by
# ";" and closed by "; or" / "; and". Only where such a close follows (``_SEMICOLON_CLOSE``) is
# a regimen right after "(...);" the next item: "... or B (THP); trastuzumab was continued for
# 1 year" opens another clause.
_SEMICOLON_GAP = re.compile(r"\s*\([^()]*\)\s*;\s*(?:or\s+|and\s+)?(?:to\s+)?", re.I)
_SEMICOLON_CLOSE = re.compile(r"\)\s*;\s*(?:or|and)\s", re.I)


def _semicolon_listed(text: str, prev: Regimen, r: Regimen, e: int) -> bool:
    """Whether ``r`` is the next item of a ";" list after ``prev`` (see above), the list
    closing at or after ``r`` within the design part ending at ``e``."""
    return (
        _SEMICOLON_GAP.fullmatch(text, prev.end, r.start) is not None
        and _SEMICOLON_CLOSE.search(text, prev.end, e) is not None
    )
