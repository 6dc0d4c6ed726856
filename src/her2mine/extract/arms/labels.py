"""Group labels of design arms.

The label written right after a design regimen ("(control group)", "[pertuzumab group]"),
before it ("the pyrotinib group, treated with ..."), the words that may stand before a design
regimen, and a bracket that labels a whole list in order ("(arms A and B, respectively)",
"(modules 0-4)").
"""

from __future__ import annotations

import re

from her2mine.extract.arms.model import Arm, ArmRegistry
from her2mine.extract.arms.parts import _drop_following, _segment_end
from her2mine.extract.arms.patterns import _DESIGN_BEFORE_END, _GROUP_WORD, GROUP_GATE
from her2mine.extract.arms.prior import _prior
from her2mine.extract.fastre import ARM_NOUN, search_from_end
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen

# "A or B (AX and BX, respectively)", "(arms A and B, respectively)": one bracket after the
# design's list names each arm in order, by a short form or a group label.
_RESPECTIVELY_BRACKET = re.compile(r"[(\[]([^()\[\]]{1,80}?),?\s+respectively\s*[)\]]", re.I)
_JOINT_ITEM_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)
_JOINT_GROUP = re.compile(rf"(?:the\s+)?(?i:{ARM_NOUN})\s+([A-Z]|[1-9])")
_JOINT_LETTER = re.compile(r"[A-Z]|[1-9]")
_JOINT_FORM = re.compile(r"[A-Za-z][\w+/-]{0,14}")
_JOINT_PLURAL_END = re.compile(r"\s+(?:arms|groups|cohorts)\Z", re.I)


def _name_respectively(
    text: str, hits: list[Hit], after: int, e: int, arms: list[Arm], reg: ArmRegistry
) -> None:
    """Name the ``arms`` a design sentence listed, in order, by the items of a "respectively"
    bracket after its last arm's start ``after``, when they count as many as the arms: group
    letters ("arms A and B") become labels, other items short forms. Items of another kind
    (counts, doses) name nothing."""
    m = _RESPECTIVELY_BRACKET.search(text, after, e)
    if m is None:
        return
    items = _joint_items(text, m.start(1), m.end(1))
    if len(items) != len(arms) or any(arm.special or arm.name is None for arm in arms):
        return
    first = _JOINT_GROUP.fullmatch(text, *items[0])
    if first is not None:
        _label_jointly(text, items, first, arms)
        return
    if all(_JOINT_FORM.fullmatch(text, a, b) for a, b in items):
        for (a, b), arm in zip(items, arms, strict=True):
            _record_joint_form(text[a:b], any(a <= h.start < b for h in hits), arm, reg)


def _joint_items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The (start, end) of each item of the list ``text[a:b]`` ("X, Y and Z"); a plural group
    word closing the list ("X and Y arms") is no part of its last item."""
    plural = _JOINT_PLURAL_END.search(text, a, b)
    b = plural.start() if plural is not None else b
    items, pos = [], a
    for gap in _JOINT_ITEM_GAP.finditer(text, a, b):
        items.append((pos, gap.start()))
        pos = gap.end()
    items.append((pos, b))
    return items


def _label_jointly(
    text: str, items: list[tuple[int, int]], first: re.Match[str], arms: list[Arm]
) -> None:
    """ "(arms A and B, respectively)": each letter labels its arm, when every item is one."""
    letters = [first.group(1)]
    for a, b in items[1:]:
        m = _JOINT_GROUP.fullmatch(text, a, b) or _JOINT_LETTER.fullmatch(text, a, b)
        if m is None:
            return
        letters.append(m.group(m.lastindex or 0))
    for letter, arm in zip(letters, arms, strict=True):
        arm.labels.add(letter.lower())


def _record_joint_form(form: str, spelt: bool, arm: Arm, reg: ArmRegistry) -> None:
    """Record ``form`` as a name of ``arm``: a short form when a drug mention lies in it
    (``spelt``: "Pac+HP"), else a bare form found as a word ("T+L"); a form given to another
    arm already names neither."""
    forms = reg.short_forms if spelt else reg.bare_forms
    if forms.get(form, arm) is not arm:
        forms[form] = Arm([], False, set())  # ambiguous: no name
    else:
        forms[form] = arm


# "T-DXd alone or combined with pertuzumab, durvalumab, paclitaxel or tucatinib (modules 0-4)":
# one bracket after the last arm numbers every arm of the list in order.
_RANGE_LABEL = re.compile(
    r"\s*\(\s*(?i:modules|cohorts|arms|groups)\s+([A-Z]|\d)\s*(?:[-–]|to)\s*([A-Z]|\d)\s*\)"
)


def _label_range_after_list(
    text: str, regs: list[Regimen], arm_of: dict[int, Arm], added: list[Arm]
) -> None:
    """Labels the arms ``added`` in order by the range a bracket after the last one gives, when
    the range counts as many labels as arms ("(modules 0-4)" after five arms: "0" to "4"); the
    range is no label of the last arm."""
    last = max(arm_of)
    m = _RANGE_LABEL.match(text, regs[last].end)
    if m is None or arm_of[last] is not added[-1]:
        return
    first, final = ord(m.group(1)), ord(m.group(2))
    if final - first + 1 != len(added) or m.group(1).isdigit() != m.group(2).isdigit():
        return
    added[-1].labels.discard(normalise_label(text[m.start(1) : m.end(2)]))
    for k, arm in enumerate(added):
        arm.labels.add(chr(first + k).lower())


def _stamp_new(reg: ArmRegistry, before: set[int]) -> set[int]:
    """Arms a design reader appended without ``ArmRegistry.add`` (ids not in ``before``) belong
    to the sentence read; returns the ids of the arms now defined."""
    ids = set(map(id, reg.arms))  # (map: no Python-level id() call per arm)
    if reg.at >= 0 and not ids <= before:  # (most sentences append none directly)
        for arm in reg.arms:
            if id(arm) not in before:
                reg.stamp(arm)
    return ids


def _is_design_regimen(text: str, r: Regimen, s: int, e: int) -> bool:
    before = text[max(s, r.start - 80) : r.start]
    return _DESIGN_BEFORE_END.match(before) is not None and not _starts_with_drug(before)


# "AC-T with trastuzumab starting with docetaxel (AC-TH)": the drug after "starting with" says
# when the regimen before it begins; it is no arm of its own, though "with" may name one.
_STARTING_WITH = re.compile(r"\b(?:starting|beginning|commencing)\s+with\s+$", re.I)


def _starts_with_drug(before: str) -> bool:
    """Whether ``before`` (the text before a regimen) ends with "starting with"."""
    return before.endswith("with ") and _STARTING_WITH.search(before, len(before) - 20) is not None


# "Disitamab Vedotin Versus Lapatinib Plus Capecitabine in ...: A Randomized Phase III Trial":
# the regimen just before "versus" and the next regimen is the first compared arm, though no
# design word stands before it (a title opens with it).
_VERSUS_GAP = re.compile(r"\s*,?\s*(?:versus|vs\.?|v\.?|compared\s+with)\s+", re.I)


# A joiner right before a regimen: it ends a longer chain the grouping did not join.
_CHAIN_BEFORE = re.compile(r"(?:\b(?:followed\s+by|then|plus|with|and)|[+/→])\s*$", re.I)


def _versus_next(text: str, regs: list[Regimen], i: int) -> bool:
    """Whether ``regs[i]`` is followed by "versus" and then the next regimen (both with drugs,
    neither with placebo)."""
    if i + 1 >= len(regs):
        return False
    r, nxt = regs[i], regs[i + 1]
    if not r.drugs or not nxt.drugs or r.has_placebo or nxt.has_placebo:
        return False  # "A versus placebo in combination with B": the placebo design's to read
    if i > 0 and _CHAIN_BEFORE.search(text, max(regs[i - 1].end, r.start - 30), r.start):
        return False  # "FEC-75 followed by paclitaxel plus trastuzumab versus ...": a chain's tail
    return (
        3 <= nxt.start - r.end <= 20 and _VERSUS_GAP.fullmatch(text, r.end, nxt.start) is not None
    )


# "randomly assigned to receive either combination therapy (A ... plus B ...) or monotherapy
# (B alone ...)": each regimen opens the bracket that follows a generic arm name written where a
# design names an arm; the name is the arm's (``_generic_arm_refs`` reads it later).
_GENERIC_NAME_OPEN = re.compile(
    r"\b(?:receive|to|or|versus|vs\.?)\s+(?:either\s+)?(?:the\s+)?"
    r"(?:combination|monotherapy)(?:[\s-]+(?:therapy|treatment|regimen))?"
    r"(?:[\s-]+(?:group|arm))?\s*[(\[]\s*$",
    re.I,
)


def _generic_name_bracket(text: str, r: Regimen, s: int) -> bool:
    """Whether regimen ``r`` opens the bracket after a generic arm name ("either combination
    therapy (lapatinib ..." / "or monotherapy (capecitabine ..."): a design regimen, though no
    design word stands right before it; not a therapy received before ("previously exposed to
    combination therapy (A plus B)"). Only read when a bracket opens right before ``r``."""
    i = r.start - 1
    while i > s and text[i] == " ":
        i -= 1
    if i <= s or text[i] not in "([":
        return False
    m = _GENERIC_NAME_OPEN.search(text, max(s, r.start - 60), r.start)
    return m is not None and not _prior(text, None, s, m.start())


# "randomly assigned to receive PHP (pyrotinib plus trastuzumab and docetaxel) or ...": a short
# form in capitals no drug mention spells, written where a design names an arm, and the
# bracket right after it holding nothing but a regimen: the text defines the form as that arm.
_FORM_THEN_OPEN = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,5}(?:-[A-Z0-9]{1,4})?)\s?\(\s*$")
_CLOSE_AFTER = re.compile(r"\s*\)")


def short_form_before_bracket(text: str, r: Regimen, s: int, prev_end: int) -> str | None:
    """The short form whose defining bracket regimen ``r`` fills ("receive PHP (A plus B and
    C)"), else None. ``prev_end``: where the regimen before ``r`` ends (a form that is a drug
    mention itself is read as one, not here)."""
    if text.find("(", max(s, r.start - 3), r.start) < 0 or not _CLOSE_AFTER.match(text, r.end):
        return None
    m = _FORM_THEN_OPEN.search(text, max(s, r.start - 16), r.start)
    if m is None or m.start(1) < prev_end:
        return None
    before = text[max(s, m.start() - 80) : m.start()]
    return m.group(1) if _DESIGN_BEFORE_END.match(before) is not None else None


# "assigned to receive A or control therapy (B in HER2-positive disease)": the bracket after a
# control arm's name holds that arm's regimen.
_CONTROL_NAME_OPEN = re.compile(
    r"\b(?:receive|to|or|versus|vs\.?)\s+(?:the\s+)?(control|standard)"
    r"(?:[\s-]+(?:therapy|treatment|regimen))?(?:[\s-]+(?:group|arm))?\s*[(\[]\s*$",
    re.I,
)


def _control_name_bracket(text: str, r: Regimen, s: int) -> str | None:
    """The label ("control"/"standard") of the arm whose name regimen ``r`` follows in a bracket
    ("or control therapy (paclitaxel plus trastuzumab ..."), else None."""
    a = max(s, r.start - 40)
    if text.find("ontrol", a, r.start) < 0 and text.find("tandard", a, r.start) < 0:
        return None
    m = _CONTROL_NAME_OPEN.search(text, a, r.start)
    return m.group(1).lower() if m is not None else None


# "divided into the observation group (inetetamab plus pyrotinib and vinorelbine, n=43) and the
# control group (...)": a group named by a word of its own, its regimen in the bracket after
# (also "into an observation group (...) and a control group (...)").
_GROUP_NAME_OPEN = search_from_end(
    re.compile(
        r"\b(?:into|to|and|or|the)\s+(?:the\s+|an?\s+)?([A-Za-z][\w-]{2,20})\s+"
        r"(?:group|arm|cohort)\s*[(\[]\s*$",
        re.I,
    )
)
# Words before a group word that name no group of their own ("assigned to either group (").
_NOT_A_GROUP_NAME = frozenset(
    ("each", "both", "either", "same", "two", "three", "all", "other", "whole", "entire")
)


def _group_name_before(text: str, s: int, r: Regimen, nxt: int) -> str | None:
    """The name of the group whose bracket regimen ``r`` opens ("the observation group (r"),
    when a word of its own names it and ``r`` is the bracket's only regimen (the next one
    starts at ``nxt``; a sequence of several is left to the sequence rules); None otherwise.
    Read only when a bracket opens right before ``r``."""
    i = r.start - 1
    while i > s and text[i] == " ":
        i -= 1
    if i <= s or text[i] not in "([":
        return None
    m = _GROUP_NAME_OPEN.match(text, max(s, r.start - 50), r.start)
    if m is None or m.group(1).lower() in _NOT_A_GROUP_NAME:
        return None
    if _segment_end(text, r.end, nxt) >= nxt:
        return None  # another regimen inside the same bracket
    return normalise_label(m.group(1))


# "randomly divided into an observation group treated with A and a control group treated with
# B" (East Asian journals' style): a group named by a word of its own, its regimen after a verb.
# Also a lettered group: "randomized to arm A, which received X, and arm B, which received Y".
_GROUP_TREATED_WITH = search_from_end(
    re.compile(
        r"\b(?:into|to|and|or|an?|the)\s+(?:the\s+)?(?:([A-Za-z][\w-]{2,20})\s+(?:group|arm)"
        r"|(?:group|arm)\s+(?-i:([A-Z]|[1-9])))"
        r",?\s+(?:treated\s+with|receiving|given|that\s+received|which\s+received)\s+$",
        re.I,
    )
)


def _group_treated_with(text: str, s: int, r: Regimen) -> str | None:
    """The name of the group that regimen ``r`` is given to ("an observation group treated
    with r"), when a word of its own names it; None otherwise. Read only when "group"/"arm"
    is in the 60 characters before ``r``."""
    a = max(s, r.start - 60)
    if text.find("group", a, r.start) < 0 and text.find("arm", a, r.start) < 0:
        return None
    m = _GROUP_TREATED_WITH.match(text, a, r.start)
    if m is None or (m.group(1) or "").lower() in _NOT_A_GROUP_NAME:
        return None
    return normalise_label(m.group(1) or m.group(2))


# Round 96c: "received T-DXd 5.4 mg/kg in three cohorts defined by HER2 status: HER2-positive
# (cohort 1, n = 72), HER2-low (cohort 2, ...)": the regimen is given in cohorts the sentence then
# defines by population, so the labels after it name subgroups of one regimen, not its arm.
_IN_COHORTS = re.compile(
    r"\bin\s+(?:(?:two|three|four|five|six|\d)\s+)?(?:[a-z]+\s+)?cohorts\b(?!\s+\d|\s+[A-Z]\b)",
    re.I,
)


def _cohorts_cut(text: str, pos: int, stop: int, low: str | None = None) -> int:
    """Where "in (three) cohorts" stands between a regimen ending at ``pos`` and ``stop``
    (outside a bracket), or ``stop``. The gate finds the word in any case, as the regex does
    ("in two Cohorts", ``low`` or both spellings of the text; round 100e)."""
    if low is not None:
        at = low.find("cohorts", pos, stop)
    else:  # ("ohorts": "cohorts" and "Cohorts")
        at = text.find("ohorts", pos + 1, stop)
        at = text.find("OHORTS", pos + 1, stop) if at < 0 else at
        at -= 1
    if at < 0:
        return stop  # (almost every design sentence)
    m = _IN_COHORTS.search(text, max(pos, at - 30), stop)
    if m is None or text.find("(", pos, m.start()) >= 0:
        return stop
    return m.start()


def _label_after(text: str, pos: int, end: int, low: str | None = None) -> str | None:
    """The "(X group)" / "(group A)" / "(...; group A)" label between a regimen and the next.
    Labels after "in (three) cohorts" name the cohorts the regimen was given in, not its arm."""
    stop = _cohorts_cut(text, pos, min(end, pos + 250), low)
    if not GROUP_GATE.may_hold(low, pos, stop):
        return _control_label(text, pos, stop)  # else a label is a group word
    for m in _LABEL_ANY.finditer(text, pos, stop):
        label = m.group(1).strip().lower()
        if _GROUP_WORD.search(label):
            return normalise_label(label)
    return (
        _label_before_count(text, pos, stop)
        or _label_before_semicolon(text, pos, stop)
        or _control_label(text, pos, stop)
        or _label_before_short_form(text, pos, stop)
        or _formed_group_label(text, pos, stop)
    )


# Round 97b: "Patients who continued trastuzumab with paclitaxel formed the TBP group and those
# given paclitaxel alone formed the PTX group" (real-world comparisons): the patients given a
# regimen form (constitute, make up) a group, named after the verb.
_FORMED_GROUP = re.compile(
    r"\s*(?:alone\s+|only\s+)?(?:formed|constituted|made\s+up|comprised)\s+(?:the\s+|an?\s+)?"
    r"([A-Za-z0-9][\w+/-]{0,20})\s+(?:group|arm|cohort)\b",
    re.I,
)


def _formed_group_label(text: str, pos: int, stop: int) -> str | None:
    """The group the patients given the regimen ending at ``pos`` form, when the verb follows
    it: "(those given) X (alone) formed / constituted / made up the Y group". A group word must
    close the name ("formed the backbone of" names nothing). An anchored match: cheap where it
    fails."""
    m = _FORMED_GROUP.match(text, pos, stop)
    if m is None or m.group(1).lower() in _NOT_A_GROUP_NAME:
        return None
    return normalise_label(m.group(1))


# "A plus B (control; n = 406)", "(control)": a bracket that opens with the bare word labels
# the arm before it the control, as "(control group)" does.
_CONTROL_LABEL = re.compile(r"[\[(]\s*(?:the\s+)?[Cc]ontrol\s*(?:[;,][^()\[\]]*)?[\])]")


def _control_label(text: str, pos: int, stop: int) -> str | None:
    """ "control" if a "(control; ...)" bracket stands between ``pos`` and ``stop``, else None."""
    if text.find("ontrol", pos, stop) < 0:
        return None
    return "control" if _CONTROL_LABEL.search(text, pos, stop) else None


# "(H group; docetaxel was added at progression)": a bracket opening with the group label, then
# a note on the group after ";" (which may name a drug, so the bracket may not close before the
# next regimen).
_LABEL_THEN_NOTE = re.compile(r"[\[(]\s*(?:the\s+)?([^()\[\];,=]{1,40}?)\s*;", re.I)


def _label_before_semicolon(text: str, pos: int, stop: int) -> str | None:
    """The group label opening a "(X group; ...)" bracket between ``pos`` and ``stop``."""
    if text.find(";", pos, stop) < 0:
        return None  # every such bracket holds its ";"
    for m in _LABEL_THEN_NOTE.finditer(text, pos, stop):
        label = m.group(1).strip().lower()
        if _GROUP_WORD.search(label):
            return normalise_label(label)
    return None


# "(arm A, n=92)", "(group B; n = 107)": a bracket opening with the group label, then the
# group's patient count (the label is not the bracket's last part, so _LABEL_ANY misses it).
_LABEL_THEN_COUNT = re.compile(
    r"[\[(]\s*(?:the\s+)?([^()\[\];,=]{1,40}?)\s*[,;]\s*n\s*=\s*\d[\d,]*\s*[\])]", re.I
)


def _label_before_count(text: str, pos: int, stop: int) -> str | None:
    """The group label of a "(arm A, n=92)" bracket between ``pos`` and ``stop``, or None."""
    if text.find("=", pos, stop) < 0:
        return None  # every such bracket holds its count
    for m in _LABEL_THEN_COUNT.finditer(text, pos, stop):
        label = m.group(1).strip().lower()
        if _GROUP_WORD.search(label):
            return normalise_label(label)
    return None


# "(group B, PyHnP)", "(arm A: TH)": a lettered or numbered group label, then the short form
# of the group's regimen (round 60b; "(arm A; TH)" is read by ``_label_before_semicolon``).
_LABEL_THEN_SHORT_FORM = re.compile(
    r"[\[(]\s*(?:the\s+)?((?i:arm|group|cohort)\s+(?:[A-Z]|\d{1,2}))\s*[,:]\s*"
    r"[A-Za-z][\w+/-]{0,14}\s*[\])]"
)


def _label_before_short_form(text: str, pos: int, stop: int) -> str | None:
    """The group label of a "(group B, PyHnP)" bracket between ``pos`` and ``stop``, or None."""
    if text.find(",", pos, stop) < 0 and text.find(":", pos, stop) < 0:
        return None  # every such bracket holds one of them
    m = _LABEL_THEN_SHORT_FORM.search(text, pos, stop)
    return normalise_label(m.group(1)) if m is not None else None


_LABEL_ANY = re.compile(r"[\[(;,]\s*(?:the\s+)?([^()\[\];,]{1,40}?)\s*[\])]")


# "(THP, chemotherapy group)": the short form before a comma or ";" is no part of the label.
_SHORT_FORM_PART = re.compile(r"[A-Za-z][\w+/-]{0,14}\s*[;,]\s*")


def group_word_label(text: str, start: int, end: int) -> str:
    """The label of "<words> group" written at [start, end), a short form opening its bracket
    before a comma left out ("(THP, chemotherapy group)" labels the chemotherapy group)."""
    m = _SHORT_FORM_PART.match(text, start, end)
    return normalise_label(text[m.end() if m is not None else start : end])


# Round 74b: "(maintenance capecitabine arm)": words opening the bracket before the drug that
# names the group are part of its label ("the maintenance capecitabine arm" later).
_BRACKET_LEAD_WORDS = re.compile(r"[(\[]\s*((?:[A-Za-z][\w-]*\s+){1,2})\Z")


def group_word_labels(text: str, start: int, end: int) -> list[str]:
    """The label of "<words> group" at [start, end) (``group_word_label``), and, when plain
    words open its bracket before ``start``, the label with them too."""
    labels = [group_word_label(text, start, end)]
    lead = _BRACKET_LEAD_WORDS.search(text, max(0, start - 40), start)
    if lead is not None and not _GROUP_WORD.search(lead[1]):
        labels.append(group_word_label(text, lead.start(1), end))
    return labels


_LEADING_THE = re.compile(r"^(?:the)\s+")


def normalise_label(label: str) -> str:
    label = label.strip().lower()
    if label.startswith("the"):  # (what a _LEADING_THE match starts with)
        label = _LEADING_THE.sub("", label)
    label = _GROUP_WORD.sub("", label).strip(" -")
    return _ALONE_END.sub("", label)  # "chemotherapy-alone arm" is the "chemotherapy" arm


_ALONE_END = re.compile(r"(?<=\w)[\s-]+(?:alone|only)$")


# Words that quote another study's result ("In the earlier PHENIX trial", "as previously
# reported", "unlike ...") or a reference number ("[12]").
_CITES = re.compile(
    r"\b(?:previous(?:ly)?|earlier|prior|historical(?:ly)?|reported|published|unlike|"
    r"in\s+contrast)\b|\[\d",
    re.I,
)


# "HER2-positive patients additionally received trastuzumab (EDH and EDCH, respectively)",
# "trastuzumab was added to both arms (S1H and S2H, respectively)": a sentence after the design
# that adds drugs and names the arms so extended, in order.
_ADDS_DRUGS = re.compile(r"\b(?:additionally|also|added|in\s+addition)\b", re.I)
# Review of round 73a: a drug given as premedication or prophylaxis is outside the regimen.
_SUPPORTIVE = re.compile(r"\b(?:premedicat\w*|prophyla\w*|antiemetic\w*|supportive)\b", re.I)


def name_arms_with_added_drugs(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit], reg: ArmRegistry
) -> None:
    """Record the forms of a "respectively" bracket in a sentence that adds drugs to the
    design's arms as names of each arm with those drugs (``_ADDS_DRUGS``; ``sentences``: those
    not read as designs). An arm that already holds them (the addition was given to every arm)
    is named itself; otherwise the form names the arm plus the drugs, an arm of the subgroup
    that received them, while the arm's own mentions keep its regimen."""
    arms = [a for a in reg.arms if a.name and not a.special and a.drugs]
    if len(arms) < 2:
        return
    for s, e in sentences:
        at = text.find("respectively", s, e)
        if at < 0:
            continue
        m = _RESPECTIVELY_BRACKET.search(text, s, e)
        if m is None or _ADDS_DRUGS.search(text, s, m.start()) is None:
            continue
        if _SUPPORTIVE.search(text, s, m.start()) is not None:
            continue  # "also received premedication with dexamethasone": not the regimen
        items = _joint_items(text, m.start(1), m.end(1))
        if len(items) != len(arms) or not all(_JOINT_FORM.fullmatch(text, a, b) for a, b in items):
            continue
        own = {d for a in arms for d in a.drugs}
        added = {d for h in drug_hits if s <= h.start and h.end <= m.start() for d in h.drugs}
        if not added or added & own and not all(added <= set(a.drugs) for a in arms):
            continue  # no drug added, or the arms' own drugs named
        for (a, b), arm in zip(items, arms, strict=True):
            spelt = any(a <= h.start < b for h in drug_hits)
            _record_joint_form(text[a:b], spelt, _with_drugs(arm, added), reg)


def _with_drugs(arm: Arm, added: set[str]) -> Arm:
    """``arm`` if it holds ``added``, else an arm of its drugs and ``added`` (not registered:
    only the form that names it refers to it)."""
    if added <= set(arm.drugs):
        return arm
    return Arm(sorted(set(arm.drugs) | added), arm.has_placebo, core=list(arm.drugs))


# "A, B and a taxane (HP-taxane cohort)": a short form of A's drugs opening a label bracket of
# several words (round 89c); a bare "(pertuzumab group)" is read as a group name instead.
_LABEL_OPEN = re.compile(r"\s*\(\s*\Z")
_LABEL_REST = re.compile(r"[-\w]*[-\s][^()\[\];,]{0,40}?\)")


def _without_mentions_inside_label(text: str, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` without each regimen that opens the label bracket right after the regimen before
    it and restates some of its drugs: a word of the label, not an arm."""
    return _drop_following(regs, lambda prev, r: _inside_label_after(text, prev, r))


def _inside_label_after(text: str, prev: Regimen, r: Regimen) -> bool:
    """Whether ``r`` opens a group-label bracket written right after ``prev`` and holds only
    drugs of ``prev``."""
    if not r.drugs or not set(r.drugs) <= set(prev.drugs):
        return False
    if _LABEL_OPEN.match(text[prev.end : r.start]) is None:
        return False
    rest = _LABEL_REST.match(text, r.end)
    if rest is None or _GROUP_AFTER_MENTION.match(text, r.end) is not None:
        return False
    return _GROUP_WORD.search(text, r.end, rest.end()) is not None


_GROUP_AFTER_MENTION = re.compile(r"[\s-]*(?:group|arm|cohort)\b", re.I)
