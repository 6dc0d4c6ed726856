"""Arms of the same drugs told apart by something else: dose, schedule, drug code or route
("subcutaneous or intravenous trastuzumab"), and the "or both" arm of a design list.
"""

from __future__ import annotations

import functools
import re

from her2mine.extract.arms.labels import _label_after, normalise_label
from her2mine.extract.arms.model import Arm, ArmRegistry
from her2mine.extract.arms.patterns import _GROUP_WORD, _RANDOMISED, _randomises
from her2mine.extract.backbones import SharedBackbone
from her2mine.extract.fastre import WordGate
from her2mine.extract.numbers import DECIMAL
from her2mine.extract.regimens import OR_BOTH, Regimen

# "randomised to trastuzumab 8 mg/kg then 6 mg/kg (8/6 mg/kg) or 10 mg/kg (8/10 mg/kg)",
# "to T-DXd 5.4 or 6.4 mg/kg": the same regimen at another dose after "or" is an arm of its own
# (one name with its twin: the contract's arm is the regimen). Each dose, and the bracket
# after it, names that arm in the results ("12.5 months with 8/6 mg/kg").
# (round 89a: the NEJM style spells the unit out: "4.8 mg per kilogram of body weight")
_DOSE_UNIT = (
    r"(?:mg\s+per\s+(?:kilogram(?:\s+of\s+body[\s-]weight)?|square\s+met(?:er|re)"
    r"(?:\s+of\s+body[\s-]surface\s+area)?)|mg/kg|mg/m2|mg/m²|mg|µg/kg|mcg/kg)(?![\w/])"
)
# Round 68a: "pyrotinib 320 mg, 400 mg or an escalating dose": a dose named by a word closes
# the list as a number would.
_WORD_DOSE = (
    r"(?:an?\s+)?((?:escalating|escalated|titrated|individuali[sz]ed|intensified|reduced)"
    r"[\s-]dose)"
)
_DOSE_OR_GATE = re.compile(rf"\bor\s+(?:at\s+)?(?:{DECIMAL}\s*{_DOSE_UNIT}|{_WORD_DOSE}\b)", re.I)
_FIRST_DOSE = re.compile(rf"\s*(?:at\s+)?(?:a\s+dose\s+of\s+)?({DECIMAL})(\s*{_DOSE_UNIT})?", re.I)
_DOSE_ALTERNATIVE = re.compile(
    rf"(?:,\s*|\s+)(?:or\s+)?(?:at\s+)?({DECIMAL})(\s*{_DOSE_UNIT})?"
    r"(?:\s*\(([^()]{1,20})\))?",
    re.I,
)
# (not "docetaxel 75 mg/m2 or a reduced dose of paclitaxel": a worded dose "of" a drug, or of a
# schedule of one, is that drug's: review of round 68a)
_WORD_DOSE_ALTERNATIVE = re.compile(
    rf"(?:,\s*|\s+)(?:or\s+)?(?:at\s+)?{_WORD_DOSE}\b(?![\s-]+(?:[a-z]+\s+)?of\b)()"
    r"(?:\s*\(([^()]{1,20})\))?",
    re.I,
)


def _has_dose_or(text: str, a: int, b: int) -> bool:
    """Whether [a, b) holds "or" and a dose after it (a ``str.find`` first: most gaps lack it)."""
    return text.find("or ", a, b) >= 0 and _DOSE_OR_GATE.search(text, a, b) is not None


def _dose_twins(
    text: str, r: Regimen, limit: int, arm: Arm, reg: ArmRegistry, partner_last: bool = False
) -> tuple[list[Arm], re.Match[str] | None]:
    """The arms of the other doses of regimen ``r`` listed after it, up to ``limit``: a dose
    right after the regimen, then "or" and another dose with no drug between (see above).
    The bracket after each dose ("(8/6 mg/kg)"), else the dose, is recorded as a name of its
    arm (``bare_forms``); a bracketed group label ("(arm B)") labels it.

    With the join of a partner after the doses ("320 mg (arm A) or 400 mg (arm B) plus
    capecitabine") the twins are made only when that partner is the sentence's last regimen
    (``partner_last``): the join is returned, and the caller gives its drugs to every dose arm
    as "each with" does. (), None when no twins."""
    first = _FIRST_DOSE.match(text, r.end, limit)
    if first is None:
        return [], None
    pos, period = _dose_schedule(text, first.end(), limit)
    # past a second step of the same drug ("then 6 mg/kg") and the dose's bracket ("(8/6 mg/kg)")
    step = _THEN_DOSE.match(text, pos, limit).end()
    if step > pos and period is None:  # the step's own schedule ("6 mg/kg every 3 weeks or ...")
        step, period = _dose_schedule(text, step, limit)
    pos = step
    bracket = _DOSE_BRACKET.search(text, first.end(), pos)
    doses = [(first.group(1), first.group(2), bracket.group(1) if bracket else None)]
    periods = [period]
    said_or = False
    worded = 0  # how many doses are named by a word (``_WORD_DOSE``)
    while (m := _next_dose(text, pos, limit, worded)) is not None:
        said_or |= m.group(0).lstrip(", ").lower().startswith("or")
        doses.append((m.group(1), m.group(2), m.group(3)))
        worded += m.re is _WORD_DOSE_ALTERNATIVE
        pos, period = _dose_schedule(text, m.end(), limit)
        periods.append(period)
    numeric = doses[: len(doses) - worded]
    if len(doses) < 2 or not said_or or numeric[-1][1] is None:
        return [], None
    partner = _PARTNER_AFTER_DOSES.fullmatch(text, pos, limit)
    if partner is not None and not partner_last:
        return [], None  # "320 or 400 mg plus A or B": the arms are not read whole
    unit = numeric[-1][1].strip()
    twins = [arm] + [reg.add_own(r, None, set(arm.options)) for _ in doses[1:]]
    for k, ((value, written_unit, named), twin) in enumerate(zip(doses, twins, strict=True)):
        if named and _GROUP_WORD.search(named):  # "400 mg (arm B)": a group label
            twin.labels.add(normalise_label(named))
        if named:
            form = named.strip()
        elif k >= len(numeric):  # (also a label: "the escalating-dose group")
            form = value.lower()
            twin.labels.add(normalise_label(form))
        else:
            form = f"{value} {(written_unit or unit).strip()}"
        reg.bare_forms.setdefault(form, twin)
    _name_schedule_twins(periods, twins, reg)
    return twins[1:], partner


def _next_dose(text: str, pos: int, limit: int, worded: int) -> re.Match[str] | None:
    """The dose alternative written at ``pos``: a number, or (once, last) a worded dose."""
    if worded:
        return None
    m = _DOSE_ALTERNATIVE.match(text, pos, limit)
    return m if m is not None else _WORD_DOSE_ALTERNATIVE.match(text, pos, limit)


# "paclitaxel 175 mg/m2 every 2 weeks or 80 mg/m2 weekly": a schedule after a dose, its
# period in weeks (the dose arms then differ by schedule too, and the results name them by it).
_DOSE_SCHEDULE = re.compile(
    r"\s+(?:(?:every|q)\s*(?P<n>\d|two|three|four)\s*(?:weeks?|w)\b|(?P<one>weekly)\b|"
    r"(?P<two>biweekly|fortnightly)\b|(?P<m>\d|two|three|four)-weekly\b)",
    re.I,
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4}


def _dose_schedule(text: str, pos: int, limit: int) -> tuple[int, int | None]:
    """(end, period in weeks) of a schedule written at ``pos`` after a dose; (pos, None) if
    none."""
    m = _DOSE_SCHEDULE.match(text, pos, limit)
    if m is None:
        return pos, None
    if m.group("one"):
        return m.end(), 1
    if m.group("two"):
        return m.end(), 2
    n = (m.group("n") or m.group("m")).lower()
    return m.end(), _NUMBER_WORDS.get(n) or int(n)


def _schedule_forms(period: int) -> list[str]:
    """How results name an arm given every ``period`` weeks ("the weekly schedule", "the
    2-weekly arm", "every 3 weeks")."""
    if period == 1:
        return ["weekly", "every week"]
    words = [str(period)] + [w for w, n in _NUMBER_WORDS.items() if n == period]
    forms = [f for w in words for f in (f"{w}-weekly", f"every {w} weeks")] + [f"q{period}w"]
    return forms + (["biweekly", "fortnightly"] if period == 2 else [])


def _name_schedule_twins(periods: list[int | None], twins: list[Arm], reg: ArmRegistry) -> None:
    """Record each schedule of dose twins as a name of its arm (``bare_forms``), when every
    twin has one and no two share it."""
    if None in periods or len(set(periods)) != len(periods):
        return
    for period, twin in zip(periods, twins, strict=True):
        for form in _schedule_forms(period):
            reg.bare_forms.setdefault(form, twin)


_DOSE_BRACKET = re.compile(r"\(([^()]{1,20})\)")
# A drug joined after the doses: the regimen read before them is only part of each arm.
_PARTNER_AFTER_DOSES = re.compile(
    r"\s*(?:(?:once\s+|twice\s+)?daily|weekly|every\s+\d+\s+weeks?|q\d+w)?\s*"
    r"(?:plus|\+|with|and|in\s+combination\s+with|combined\s+with)\s*",
    re.I,
)
# "dose-escalation", "dose-expansion", "dose-finding": dose cohorts, whole-population subsets.
_DOSE_FINDING = re.compile(r"\bdose[- ](?:escalation|expansion|finding|ranging)\b", re.I)


def _randomises_doses(text: str, s: int, e: int, r: Regimen) -> bool:
    """Whether the sentence [s, e) randomises patients to regimen ``r`` (before it) and is no
    dose-finding study's (round 43b review)."""
    return _RANDOMISED.search(text, s, r.start) is not None and not _DOSE_FINDING.search(text, s, e)


# (round 77c: the first dose may be named a loading dose, and the step written "followed by":
# "8 mg/kg loading dose followed by 6 mg/kg (8/6 mg/kg)")
_THEN_DOSE = re.compile(
    r"(?:(?:\s+(?:as\s+an?\s+|an?\s+)?loading\s+dose)?,?\s+(?:then|followed\s+by)\s+"
    rf"{DECIMAL}\s*{_DOSE_UNIT})?(?:\s*\([^()]{{1,20}}\))?",
    re.I,
)


def _each_twin(
    each: re.Match[str] | None, regs: list[Regimen], i: int, arm_of: dict[int, Arm]
) -> bool:
    """Whether regimen ``i``, listed before the "each with" of "A or B, each with C", names
    the drugs of the arm right before it: a biosimilar and its reference product are one drug
    ("PF-05280014 or trastuzumab-EU, each with docetaxel"), yet two arms of the design."""
    return (
        each is not None
        and i > 0
        and regs[i].end <= each.start()
        and (i - 1) in arm_of
        and regs[i].drugs == regs[i - 1].drugs
    )


def _with_earlier_twins(reg: ArmRegistry, added: list[Arm]) -> list[Arm]:
    """``added`` (the arms a design sentence listed before its "each with C") and the twins an
    earlier sentence defined of the same drugs: "HLX02 versus reference trastuzumab" in a title,
    then "HLX02 and reference trastuzumab, each given with docetaxel" in the body, which names
    the twins as one arm, gives C to both (round 82b)."""
    out = list(added)
    for arm in reg.arms:
        if arm.special or not arm.drugs or any(arm is a for a in out):
            continue
        if any(a.drugs == arm.drugs and a.options == arm.options for a in added):
            out.append(arm)
    return out


# A product code as written ("AB12", "HLX02", "CT-P6", "PF-05280014").
_CODE_WRITTEN = re.compile(r"[A-Z]{1,5}-?[A-Z]?[0-9]{1,8}[a-z]?")
# "A plus C or B plus C": the alternatives' join, after A's bracket, if any.
_TWIN_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,?\s*(?:or|versus|vs\.?|compared\s+with)\s+(?:the\s+)?"
    # "or the reference product (trastuzumab) plus docetaxel" (round 65a)
    r"(?:(?:reference|originator|innovator)\s+(?:(?:product|drug)\s*(?:\(\s*)?)?)?",
    re.I,
)


# "or the reference product (trastuzumab) plus docetaxel": the product's drug bracketed after
# the product noun, then its partner. The closing bracket cuts the regimen chain there, yet the
# partner is the reference product's own, as it is the biosimilar's (round 67a).
_PRODUCT_BRACKET_BEFORE = re.compile(
    r"(?:reference|originator|innovator)\s+(?:product|drug)\s*\(\s*\Z", re.I
)
_REFERENCE_GATE = WordGate(("reference", "originator", "innovator"))
_BRACKET_THEN_PARTNER = re.compile(
    r"\s*\)\s*(?:plus|\+|with|and|in\s+combination\s+with|combined\s+with)\s+", re.I
)


def _join_bracketed_reference(text: str, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` with each reference product's bracketed drug joined to the partner after the
    bracket (see above) into one regimen."""
    out: list[Regimen] = []
    for r in regs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(prev.hits) == 1
            and _BRACKET_THEN_PARTNER.fullmatch(text, prev.end, r.start) is not None
            and _PRODUCT_BRACKET_BEFORE.search(text, max(0, prev.start - 40), prev.start)
        ):
            out[-1] = prev.joined(r)
            continue
        out.append(r)
    return out


# "randomized to the proposed biosimilar or (to) reference trastuzumab": the biosimilar, named by
# no drug mention, and the reference product are two arms of the one regimen written once after
# them, as elided route twins are (round 67a).
_BIOSIMILAR_OR_REFERENCE = re.compile(
    r"(?<![\w-])biosimilar\s*(?:\([^()]*\)\s*)?,?\s+or\s+(?:to\s+)?(?:the\s+)?"
    r"(?:(?:EU|US)-(?:sourced\s+|licensed\s+|approved\s+)?)?"
    r"(?:reference|originator|innovator)\s+(?:(?:product|drug)\s*\(?\s*)?\Z",
    re.I,
)
_BIOSIMILAR_GATE = WordGate(("biosimilar",))


def _elided_biosimilar_twin(
    text: str, s: int, e: int, r: Regimen, arm: Arm, reg: ArmRegistry, low: str | None
) -> Arm | None:
    """The reference product's twin of ``arm`` (the arm of regimen ``r``) when "biosimilar or
    reference" stands right before ``r`` in a randomisation sentence [s, e) (see above): the
    first arm is labelled "biosimilar", the new one "reference"; else None."""
    a = max(s, r.start - 80)
    if not _BIOSIMILAR_GATE.may_hold(low, a, r.start):
        return None
    if _BIOSIMILAR_OR_REFERENCE.search(text, a, r.start) is None or not _randomises(text, s, e):
        return None
    twin = reg.add_own(r, "reference", set(arm.options))
    arm.labels.add("biosimilar")
    return twin


def _same_drugs_as_arm_before(regs: list[Regimen], i: int, arm_of: dict[int, Arm]) -> bool:
    """Whether alternative ``i`` has the (non-empty) drugs of the regimen right before it and
    that regimen is an arm."""
    if i == 0 or (i - 1) not in arm_of:
        return False
    a, b = regs[i - 1], regs[i]
    return bool(a.drugs) and a.drugs == b.drugs


def _code_twin(text: str, regs: list[Regimen], i: int, arm_of: dict[int, Arm]) -> bool:
    """Whether alternative ``i`` names the drugs of the arm right before it, one of the two
    writing a drug by a product code ("AB12 plus paclitaxel or trastuzumab plus paclitaxel",
    "HLX02 plus docetaxel versus trastuzumab plus docetaxel"): a biosimilar and its reference
    product are one drug, yet two arms of the design, as "each with" makes them
    (``_each_twin``)."""
    if not _same_drugs_as_arm_before(regs, i, arm_of):
        return False
    a, b = regs[i - 1], regs[i]
    if _TWIN_GAP.fullmatch(text, a.end, b.start) is None:
        return False
    written_a = {h.text.lower() for h in a.hits}
    written_b = {h.text.lower() for h in b.hits}
    return any(
        _CODE_WRITTEN.fullmatch(h.text) is not None
        for h in (*a.hits, *b.hits)
        if h.kind == "drug" and h.text.lower() not in written_a & written_b
    )


# Round 88a: "to T-DXd 5.4 mg/kg every 3 weeks, T-DXd 6.4 mg/kg every 3 weeks, or B": the
# regimen written again at another dose is an arm of its own, each named by its dose as the
# twins of "T-DXd 5.4 or 6.4 mg/kg" are (``_dose_twins``).
def _repeated_dose_forms(
    text: str, regs: list[Regimen], i: int, arm_of: dict[int, Arm], limit: int
) -> tuple[str, str] | None:
    """The doses ("5.4 mg/kg", "6.4 mg/kg") written right after alternative ``i`` (up to
    ``limit``) and after the arm right before it of the same drugs, when both carry a unit and
    differ, and no other regimen of the sentence is given at either dose (a dose two drugs
    share names neither); else None."""
    if not _same_drugs_as_arm_before(regs, i, arm_of) or text.find("mg", regs[i].end, limit) < 0:
        return None
    first = _dose_after(text, regs[i - 1].end, regs[i].start)
    second = _dose_after(text, regs[i].end, limit)
    if not first or not second or first == second:
        return None
    ends = [r.start for r in regs[1:]] + [len(text)]
    others = {
        _dose_after(text, r.end, end)
        for j, (r, end) in enumerate(zip(regs, ends, strict=True))
        if j not in (i - 1, i)
    }
    return None if first in others or second in others else (first, second)


def _dose_after(text: str, pos: int, limit: int) -> str | None:
    """The dose with its unit written right after ``pos`` ("5.4 mg/kg"), else None."""
    m = _FIRST_DOSE.match(text, pos, limit)
    return _dose_text(m) if m is not None and m.group(2) else None


def _dose_text(m: re.Match[str]) -> str:
    """The dose a ``_FIRST_DOSE`` match with its unit reads ("5.4 mg/kg")."""
    return f"{m.group(1)} {m.group(2).strip()}"


# Review of round 88a: "pertuzumab 840 mg loading dose then pertuzumab 420 mg": one arm's
# schedule (a loading then a maintenance dose), not two alternatives.
_SCHEDULE_GAP = re.compile(
    r"\b(?:loading|then|followed|maintenance|initial|thereafter|subsequent)", re.IGNORECASE
)


def _split_repeated_doses(text: str, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` with each chain split where its drug is written again at another dose ("T-DXd
    5.4 mg/kg every 3 weeks, T-DXd 6.4 mg/kg every 3 weeks": two alternatives, not one), unless
    the words between say a schedule (above)."""
    out: list[Regimen] = []
    for r in regs:
        j = 0
        while j + 1 < len(r.hits):
            a, b = r.hits[j], r.hits[j + 1]
            if (
                a.drugs == b.drugs
                and a.drugs
                and text.find("mg", a.end, b.start) >= 0
                and _SCHEDULE_GAP.search(text, a.end, b.start) is None
            ):
                first = _dose_after(text, a.end, b.start)
                second = _dose_after(text, b.end, r.end if j + 2 < len(r.hits) else len(text))
                if first and second and first != second:
                    out.append(Regimen(r.start, a.end, r.hits[: j + 1], r.joins[:j]))
                    r = Regimen(b.start, r.end, r.hits[j + 1 :], r.joins[j + 1 :])
                    j = 0
                    continue
            j += 1
        out.append(r)
    return out


# Round 97b: "docetaxel and trastuzumab with pyrotinib 320 mg once daily (P320 group) or
# pyrotinib 400 mg once daily (P400 group)": the partner written again at another dose after
# "or" is a dose twin of the whole regimen before it, not that drug alone.
_PARTNER_DOSE_GAP = re.compile(
    r"[^();]{0,40}?(?:\([^()]{1,40}\))?\s*,?\s*(?:or|versus|vs\.?)\s+(?:to\s+)?\Z", re.I
)
# Review of rounds 96/97: the partner is added "with" to the regimen's backbone ("A and B with X
# 320 mg"); "A plus X 1000 mg or X 1500 mg" may as well be X alone at its single-agent dose
# (EGF104900: lapatinib 1000 mg plus trastuzumab or lapatinib 1500 mg).
_PARTNER_WITH = re.compile(r"\bwith\s+(?:the\s+)?\Z", re.I)
# "... or pyrotinib 400 mg alone": the twin is said to go without the partner's backbone.
_DOSE_TWIN_ALONE = re.compile(
    r"[^();,]{0,30}?\b(?:alone|only|monotherapy|without|as\s+(?:a\s+)?single[\s-]agent)\b",
    re.I,
)


def _partner_dose_twins(text: str, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` with each single-drug alternative that repeats the last drug (the partner) of the
    regimen right before it at another dose read as that whole regimen: "A and B with X 320 mg
    (arm 1) or X 400 mg (arm 2)" are dose arms of one regimen (the gold README's dose arms). Not
    when the twin says it goes alone ("or X 400 mg alone"), nor for another drug of the regimen
    ("A 320 mg plus X or A 400 mg": two regimens as written), nor for a partner not added
    "with" ("B plus X 1000 mg or X 1500 mg" may be X alone at its single-agent dose)."""
    out = list(regs)
    for i in range(1, len(out)):
        p, r = out[i - 1], out[i]
        if len(r.hits) != 1 or len(p.hits) < 2 or r.hits[0].drugs != p.hits[-1].drugs:
            continue
        if not r.drugs or p.hits[-1].end != p.end:
            continue
        partner = p.hits[-1].start
        if _PARTNER_WITH.search(text, max(p.hits[-2].end, partner - 20), partner) is None:
            continue
        first = _FIRST_DOSE.match(text, p.end, r.start)
        if first is None or first.group(2) is None:
            continue
        if _PARTNER_DOSE_GAP.fullmatch(text, first.end(), r.start) is None:
            continue
        limit = out[i + 1].start if i + 1 < len(out) else min(len(text), r.end + 80)
        second = _dose_after(text, r.end, limit)
        if not second or second == _dose_text(first):
            continue
        if _DOSE_TWIN_ALONE.match(text, r.end, limit) is not None:
            continue
        hits = [*p.hits[:-1], r.hits[0]]
        out[i] = Regimen(r.start, r.end, hits, list(p.joins))
    return out


# Round 53: "SC PH FDC or IV P+H", "intravenous trastuzumab or subcutaneous trastuzumab": one
# regimen by two routes is two arms of the design, each named by its route ("the SC arm").
_ROUTE_FORMS = {
    "intravenous": ("intravenous", "iv"),
    "subcutaneous": ("subcutaneous", "sc"),
}
_ROUTE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?i:(intravenous|subcutaneous))|(IV|SC))[ \t]+(?:(?i:the)[ \t]+)?\Z"
)
_ROUTE_GAP = re.compile(
    r"[^()]{0,12}?(?:\([^()]*\))?\s*,?\s*(?:or|versus|vs\.?|compared\s+with)\s+(?:the\s+)?"
    r"(?:(?:(?i:intravenous|subcutaneous)|IV|SC)[ \t]+)?",
)
_ROUTE_GATE = WordGate(("intravenous", "subcutaneous", "iv", "sc"))
_ROUTE_WORD_GATE = WordGate(("intravenous", "subcutaneous"))  # (with IV/SC, a sentence's gate)


_ROUTE_OPENING = re.compile(r"(?i:intravenous|subcutaneous)\s")


def _route_before(text: str, start: int) -> str | None:
    """The route ("intravenous"/"subcutaneous") written right before ``start``, or opening
    the drug's name there (the lexicon holds "intravenous trastuzumab"), if any."""
    opening = _ROUTE_OPENING.match(text, start)
    if opening is not None:
        return opening.group(0).strip().lower()
    m = _ROUTE_BEFORE.search(text, max(0, start - 20), start)
    if m is None:
        return None
    return _route_of(m.group(1) or m.group(2))


# A route word, either case for the written-out words, capitals for the short ones.
_ROUTE_WORD = r"(?:(?i:intravenous(?:ly)?|subcutaneous(?:ly)?)|IV|SC)"
_ROUTE_AFTER = re.compile(rf"[ \t]+({_ROUTE_WORD})(?![\w-])")


def _route_of(word: str) -> str:
    """ "intravenous" or "subcutaneous" for a route word ("IV", "subcutaneously")."""
    return "intravenous" if word.lower().startswith(("intravenous", "iv")) else "subcutaneous"


def _route_twin(
    text: str, low: str | None, regs: list[Regimen], i: int, arm_of: dict[int, Arm]
) -> bool:
    """Whether alternative ``i`` gives the drugs of the arm right before it by the other route
    ("SC PH FDC or IV P+H"): a route written before each, and they differ."""
    if not _same_drugs_as_arm_before(regs, i, arm_of):
        return False
    a, b = regs[i - 1], regs[i]
    if not _ROUTE_GATE.may_hold(low, max(0, a.start - 20), b.end):
        return False
    if _ROUTE_GAP.fullmatch(text, a.end, b.start) is None:
        return False
    route_a, route_b = _regimen_route(text, a), _regimen_route(text, b)
    return route_a is not None and route_b is not None and route_a != route_b


def _regimen_route(text: str, r: Regimen) -> str | None:
    """The route written before regimen ``r``, or before one of its later drugs ("docetaxel
    plus subcutaneous trastuzumab", round 58a): the first such route."""
    for h in r.hits:
        route = _route_before(text, h.start)
        if route is not None:
            return route
    # "trastuzumab SC or trastuzumab IV": the route written after the regimen (round 62c)
    after = _ROUTE_AFTER.match(text, r.end)
    return _route_of(after[1]) if after is not None else None


def _label_route_twins(text: str, regs: list[Regimen], i: int, first: Arm, second: Arm) -> None:
    """Name each route twin by its route, written out and short ("subcutaneous", "sc")."""
    for r, arm in ((regs[i - 1], first), (regs[i], second)):
        route = _regimen_route(text, r)
        if route is not None:
            arm.labels.update(_ROUTE_FORMS[route])


def _twin_alternative(shared: SharedBackbone | None, i: int) -> bool:
    """Whether alternative ``i`` names the same drugs as an earlier one of its list, in another
    order ("EC followed by docetaxel plus capecitabine, or docetaxel followed by capecitabine":
    ``backbones._after_sequence_head``)."""
    own = shared.own.get(i) if shared is not None else None
    return own is not None and any(k < i and v == own for k, v in shared.own.items())


def _add_both_arm(
    shared: SharedBackbone, regs: list[Regimen], reg: ArmRegistry, label: str | None = None
) -> Arm | None:
    """ "paclitaxel with trastuzumab (TH), lapatinib (TL), or both": the alternatives together
    are one more arm (with the backbone), though no regimen is written for it."""
    hits = [h for i in sorted(shared.own) for h in regs[i].hits]
    arm = reg.add(Regimen(hits[0].start, hits[-1].end, hits), label)
    if arm is not None and not arm.special and arm.core is None and shared.both:
        arm.core = sorted(shared.both)
        arm.drugs = sorted(set(arm.drugs) | shared.backbone | shared.both)
    return arm


# "..., or the combination (TL)": the short form of the arm no regimen is written for.
_BOTH_FORM = re.compile(r"\s*\(\s*([A-Z][A-Z0-9+]{1,7})\s*\)")


def _record_both_form(text: str, end: int, e: int, arm: Arm | None, reg: ArmRegistry) -> None:
    """Record the short form bracketed right after "or both" / "or the combination" (after
    the last alternative, which ends at ``end``) as a name of ``arm``, the alternatives
    together: no drug mention spells it, so ``arm_refs`` finds it as a word (``bare_forms``)."""
    if arm is None or arm.name is None:
        return
    m = _OR_BOTH_NEXT.match(text, end, e)
    form = _BOTH_FORM.match(text, m.end(), e) if m is not None else None
    if form is not None:
        reg.bare_forms[form.group(1)] = arm


# "..., lapatinib (arm B), or both (arm C)": "or both" then the bracket that labels its arm
# ("or both drugs (arm C)", "or both agents": the noun of "both" may stand before it).
_OR_BOTH_BRACKET = re.compile(OR_BOTH + r"(?:\s+(?:drugs|agents|treatments))?\s*(?=\()", re.I)


def _both_label(
    text: str, regs: list[Regimen], shared: SharedBackbone, e: int, low: str
) -> str | None:
    """The group label in the bracket right after "or both" ("or both (arm C)"), which names
    the arm of the alternatives together, as the brackets before it name the others."""
    return _label_after_or_both(text, regs[max(shared.own)].end, e, low)


def _label_after_or_both(text: str, end: int, e: int, low: str | None) -> str | None:
    """``_both_label`` after the last alternative, which ends at ``end``."""
    m = _OR_BOTH_BRACKET.match(text, end, e)
    if m is None:
        return None
    close = text.find(")", m.end(), e)
    return _label_after(text, m.end(), close + 1, low) if close >= 0 else None


_OR_BOTH_GATE = WordGate(("both", "combination"))
_OR_BOTH_NEXT = re.compile(OR_BOTH, re.I)
# Between two listed alternatives: "A, B", "A (T), B", "A, or B", "A or B".
_BOTH_LIST_GAP = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*(?:or\s+)?|\s+or\s+)(?:to\s+)?", re.I)


def _add_listed_both_arm(
    text: str,
    regs: list[Regimen],
    arm_of: dict[int, Arm],
    reg: ArmRegistry,
    e: int,
    low: str | None,
) -> Arm | None:
    """ "randomly assigned to trastuzumab, lapatinib, or both" (no backbone): the listed
    alternatives together are one more arm, as ``_add_both_arm`` reads them with a backbone.
    Only two listed single-regimen arms or more, each a strict part of their union."""
    last = max(arm_of)
    if _OR_BOTH_NEXT.match(text, regs[last].end, e) is None:
        return None
    run = [last]
    while run[0] - 1 in arm_of and _BOTH_LIST_GAP.fullmatch(
        text, regs[run[0] - 1].end, regs[run[0]].start
    ):
        run.insert(0, run[0] - 1)
    arms = [arm_of[i] for i in run]
    if len(arms) < 2 or any(a.special or a.has_placebo or not a.drugs for a in arms):
        return None
    union = {d for a in arms for d in a.drugs}
    if any(set(a.drugs) == union for a in arms) or len({a.name for a in arms}) < len(arms):
        return None
    hits = [h for i in run for h in regs[i].hits]
    label = _label_after_or_both(text, regs[last].end, e, low)
    if label:  # "B, or both (arm C)": the bracket after "or both" is not B's
        arm_of[last].labels.discard(label)
    both = reg.add(Regimen(hits[0].start, hits[-1].end, hits), label)
    if both is not None:  # "the combination group", "with both" name it (round 31)
        both.labels.add("combination")
    return both


# Round 62c: one regimen written once with both routes ("subcutaneous or intravenous
# trastuzumab", "trastuzumab given subcutaneously (H SC) or intravenously (H IV)", "trastuzumab
# SC or IV"): two arms of that regimen, each named by its route and its bracket.
_ROUTES_BEFORE = re.compile(
    rf"(?<![\w-])(?P<r1>{_ROUTE_WORD})\s+(?i:or)\s+(?:(?P<r2>{_ROUTE_WORD})[ \t]+)?\Z"
)
_ROUTES_AFTER = re.compile(
    r"\s*,?\s+(?:(?i:given|administered|delivered)\s+)?(?P<r1>" + _ROUTE_WORD + r")(?![\w-])"
    r"(?:\s*\(\s*(?P<s1>[^()\[\];,=]{1,20}?)\s*\))?\s*,?\s+(?i:or)\s+(?P<r2>" + _ROUTE_WORD
    + r")(?![\w-])(?:\s*\(\s*(?P<s2>[^()\[\];,=]{1,20}?)\s*\))?"
)  # fmt: skip


def _routes_around(
    text: str, s: int, e: int, r: Regimen
) -> tuple[str, str, str | None, str | None, int] | None:
    """The two routes written together before regimen ``r`` ("subcutaneous or intravenous
    trastuzumab", the second perhaps opening the lexicon's "intravenous trastuzumab") or after
    it ("trastuzumab SC (H SC) or IV (H IV)"), with the bracket after each route and where the
    phrase ends (``r``'s end, or the end of the routes after it); None if none."""
    before = _ROUTES_BEFORE.search(text, max(s, r.start - 40), r.start)
    if before is not None:
        opening = _ROUTE_OPENING.match(text, r.start)
        second = before["r2"] or (opening[0].strip() if opening is not None else None)
        return (before["r1"], second, None, None, r.end) if second else None
    after = _ROUTES_AFTER.match(text, r.end, e)
    if after is None:
        return None
    return after["r1"], after["r2"], after["s1"], after["s2"], after.end()


# Round 68a: "subcutaneous or intravenous trastuzumab, each with docetaxel and carboplatin":
# the partner after the route twins is given with both of them.
_ROUTE_PARTNER_GAP = re.compile(
    r"\s*,?\s*(?:(?:each|both)\s+)?(?:(?:given|administered)\s+)?"
    r"(?:(?:in\s+combination|combined|together|along)\s+with|with|plus)\s+",
    re.I,
)


def _elided_route_twins(
    text: str, s: int, e: int, r: Regimen, reg: ArmRegistry, partner: Regimen | None = None
) -> bool:
    """Two route arms of regimen ``r`` (see above), each given with ``partner`` when one is
    written right after the routes ("..., each with B": ``_ROUTE_PARTNER_GAP``); only in a
    randomisation sentence (so "given subcutaneously or intravenously" elsewhere says how a
    single arm's drug was given)."""
    routes = _routes_around(text, s, e, r)
    if routes is None or _route_of(routes[0]) == _route_of(routes[1]):
        return False
    if not r.drugs or r.has_placebo or not _randomises(text, s, e):
        return False
    if partner is not None:
        if partner.has_placebo or not partner.drugs:
            return False
        if _ROUTE_PARTNER_GAP.fullmatch(text, routes[4], partner.start) is None:
            return False
        r = r.joined(partner)
    first = reg.add(r, None)
    if first is None:
        return False
    second = reg.add_own(r, None)
    for arm, word, form in ((first, routes[0], routes[2]), (second, routes[1], routes[3])):
        arm.labels.update(_ROUTE_FORMS[_route_of(word)])
        if form and _GROUP_WORD.search(form):
            arm.labels.add(normalise_label(form))
        elif form:
            reg.bare_forms[form] = arm
    return True


# Round 69a: "A followed by B, with C given every 3 weeks, either subcutaneously (as a
# fixed-dose combination) or intravenously": the routes close the sentence as adverbs after a
# schedule, so they time the whole regimen before them (cut by its commas into parts).
_TRAILING_ROUTES = re.compile(
    rf"(?:(?i:either)\s+)?(?P<r1>{_ROUTE_WORD})(?![\w-])(?:[^.;()\[\]]|\([^.;()\[\]]*\)){{0,60}}?"
    rf"\s(?i:or)\s+"
    rf"(?P<r2>{_ROUTE_WORD})(?![\w-])"
)
_ROUTE_ADVERB_GATE = WordGate(("intravenously", "subcutaneously"))
# Round 74b: "either subcutaneously ... or intravenously" offers the routes as alternatives, so
# a randomisation told in another sentence ("204 were assigned to each group") is theirs.
_EITHER = re.compile(r"(?i:either)\s")
# "8 cycles of chemotherapy (4 cycles of EC followed by 4 cycles of docetaxel)": a class word
# whose bracket, opened right after it, spells out its drugs.
_CLASS_BRACKET_GAP = re.compile(
    r"\s*[(\[]\s*(?:(?:\d+|one|two|three|four|six|eight)\s+cycles?\s+of\s+)?", re.I
)


def _without_spelled_out_classes(text: str, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` less each drug-less (class-word) regimen whose bracket right after it opens
    with the next regimen: the bracket names its drugs, it is no part of its own."""
    return [
        r
        for i, r in enumerate(regs)
        if r.drugs
        or i + 1 >= len(regs)
        or _CLASS_BRACKET_GAP.fullmatch(text, r.end, regs[i + 1].start) is None
    ]


_DESIGN_ALTERNATIVE = re.compile(r"\b(?:or|versus|vs)\b|;", re.I)
# "..., subcutaneously or intravenously at the investigator's discretion", "... premedication
# given subcutaneously or intravenously": a route chosen per patient, or the route of a drug
# outside the regimen, is no randomised route arm (review of round 69a).
_ROUTE_NOT_ARMS = re.compile(
    r"\b(?:discretion|choice|preference|local\s+(?:practice|standards?)|institutional"
    r"|investigators?|physicians?|premedicat\w*|prophyla\w*|antiemetic\w*)\b",
    re.I,
)


def _trailing_route_twins(
    text: str, s: int, e: int, regs: list[Regimen], reg: ArmRegistry, low: str | None
) -> bool:
    """Two route arms of the one regimen that ``regs`` (in order, the sentence's) make up, when
    two different routes written after the last of them close a randomisation sentence that
    names no alternative before the routes: each arm holds every drug of ``regs``."""
    if not regs or not _ROUTE_ADVERB_GATE.may_hold(low, regs[-1].end, e):
        return False
    m = _TRAILING_ROUTES.search(text, regs[-1].end, e)
    if m is None or _route_of(m["r1"]) == _route_of(m["r2"]):
        return False
    if _DESIGN_ALTERNATIVE.search(text, regs[0].start, m.start()) is not None:
        return False
    if _ROUTE_NOT_ARMS.search(text, regs[-1].end, e) is not None:
        return False
    regs = _without_spelled_out_classes(text, regs)
    if any(r.has_placebo or not r.drugs for r in regs):
        return False
    if not (_randomises(text, s, e) or (_EITHER.match(m[0]) and _randomises(text, 0, len(text)))):
        return False
    whole = functools.reduce(Regimen.joined, regs)
    first = reg.add(whole, None)
    if first is None:
        return False
    second = reg.add_own(whole, None)
    first.labels.update(_ROUTE_FORMS[_route_of(m["r1"])])
    second.labels.update(_ROUTE_FORMS[_route_of(m["r2"])])
    return True


# Round 85b: "randomized to 3 cycles of PH FDC SC followed by 3 cycles of P + H IV (arm A) or
# the reverse sequence (arm B)": a crossover. Each sequence holds both periods, so its arm is no
# regimen given together; the values are reported by period or route ("during the SC periods"),
# and each period's regimen is an arm (a fixed-dose combination is its lexicon entry).
_REVERSE_SEQUENCE = re.compile(
    r"\bor\s+(?:the\s+|a\s+)?(?:reverse|reversed|opposite|inverse)\s+(?:sequence|order)\b", re.I
)
_FOLLOWED_BY = re.compile(r"\bfollowed\s+by\b|\bthen\b", re.I)
_ROUTE_AT_END = re.compile(rf"(?<![\w-]){_ROUTE_WORD}\Z")


def _crossover_periods(text: str, s: int, e: int, regs: list[Regimen], reg: ArmRegistry) -> bool:
    """Read "A followed by B (arm A) or the reverse sequence (arm B)" as the two period arms A
    and B, each labelled by its route; False when the sentence is no crossover of one
    two-period sequence or the periods are not told apart by two routes."""
    if len(regs) != 1 or _REVERSE_SEQUENCE.search(text, regs[0].end, e) is None:
        return False
    r = regs[0]
    cut = _FOLLOWED_BY.search(text, r.start, r.end)
    if cut is None:
        return False
    first = [h for h in r.hits if h.end <= cut.start()]
    second = [h for h in r.hits if h.start >= cut.end()]
    if not first or not second or {*first[0].drugs} == {d for h in second for d in h.drugs}:
        return False
    periods = [Regimen(h[0].start, h[-1].end, h) for h in (first, second)]
    routes = [_period_route(text, p) for p in periods]
    # Without a route per period it is a sequence trial: each sequence stays one arm (review 85b).
    if None in routes or routes[0] == routes[1]:
        return False
    for period, route in zip(periods, routes, strict=True):
        arm = reg.add(period, None)
        if arm is not None:
            arm.labels.update(_ROUTE_FORMS[route])
    return True


def _period_route(text: str, r: Regimen) -> str | None:
    """The route written in, before or right after regimen ``r`` ("PH FDC SC", "P + H IV")."""
    inside = _ROUTE_AT_END.search(text, r.start, r.end)
    if inside is not None:
        return _route_of(inside.group(0))
    after = _ROUTE_AFTER.match(text, r.end)
    if after is not None:
        return _route_of(after.group(1))
    return _regimen_route(text, r)
