"""What may stand between a value and the arm reference that names its group."""

from __future__ import annotations

import re

from her2mine.extract.arms import ArmRef
from her2mine.extract.numbers import Value

# "(of the patients) in": between a value and the group it was measured in.
_OF_PATIENTS = r"(?:of\s+(?:the\s+)?(?:patients|pts|participants|women)\s+)?"
_OF_PATIENTS_IN = _OF_PATIENTS + r"in\s+"


def _value_between(out: list[tuple[Value, str, str]], a: int, b: int) -> bool:
    """Whether a value of ``out`` starts strictly between ``a`` and ``b``."""
    for o in out:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if a < o[0].start < b:
            return True
    return False


def _leads_to(
    text: str, out: list[tuple[Value, str, str]], idx: list[int], decided: set[int], pos: int
) -> bool:
    """Whether an undecided value ends right before ``pos`` with only filler between
    ("12.1% of patients in the" + reference)."""
    before = [i for i in idx if i not in decided and out[i][0].end <= pos]
    if not before:
        return False
    v = out[before[-1]][0]
    if any(v.end < o[0].start < pos for o in out):
        return False
    return v.ext_end <= pos and _follow_gap_ok(text[v.ext_end : pos])


_FILLER = re.compile(
    # the value's own bracket, round or square ("9.5 months [range, 1.2 to 14.3+] with Y")
    r"^[\s,;:)\]]*(?:(?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])[\s,;)\]]*)?"
    r"(?:(?:with|in|for|among|on|receiving|received|under|from|by|of|during|the|those|all|"
    r"while\s+(?:on|under|receiving|taking|being\s+treated\s+with)|"  # round 98b
    r"an?|these|patients?|pts|participants|women|men|who|were|was|had|have|been|treated|assigned|"
    r"two|both|"  # "in the two T-DXd arms (pooled)": groups of one regimen (round 86b)
    r"randomi[sz]ed|allocated|"
    r"given|to|\d+[-\s](?:years?|months?|weeks?)\b|\d+|"
    r"(?:first|second|third|later|front|1st|2nd|3rd)[-\s]line\b|continued|continuing|"
    r"(?:shorter|longer|extended|prolonged|abbreviated)(?:[-\s]duration)?\b|"
    r"(?:at|after)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[-\s]*"
    r"(?:years?|months?|weeks?)\b)\s*)*$",
    re.I,
)
# (A landmark after the value dates it: "92.3% at 3 years in the A group".)
# (A line of therapy, or the continuation of a drug, qualifies the regimen after it: "17.9
# months with first-line THP", "31.4 months with continued trastuzumab".)
# (So does a relative duration: "86% with shorter trastuzumab", pooled duration groups.)
# (A duration in the gap qualifies the group of a duration trial: "69% in the 1-year
# trastuzumab group", "88.0% in the 9-week trastuzumab group".)
_ANCHOR = re.compile(
    r"\b(?:with|in|for|among|on|receiving|received|under|from|by|of|given|treated|during|"
    r"taking)\b",
    re.I,
)  # ("3.1% of patients during P + H IV": a cross-over study's period names the regimen)


def _follow_gap_ok(gap: str) -> bool:
    if _OPEN_ONLY.fullmatch(gap):
        return True  # "40.2% (tucatinib arm)"
    return len(gap) <= 80 and bool(_FILLER.match(gap)) and bool(_ANCHOR.search(gap))


def _without_ref_gap(text: str, gap: str, r: ArmRef) -> bool:
    """ "56% [46-65; n=51 events] without": a reference that is the word "without" itself
    (``arms``' bare-without reading) or opens with "after"/"following" ("after discontinuation")
    holds its own anchor word, so filler alone may come before it, once the value's own bracket
    (its CI ends at the ";") has closed."""
    if _SELF_ANCHORED.match(text, r.start) is None or len(gap) > 80:
        return False
    rest = _BRACKET_REST.match(gap)
    return bool(_FILLER.match(gap[rest.end() :] if rest else gap))


# References that open with their own anchor word: "with(out)" and the patients who went without
# a drug ("22.0 months after discontinuation": ``arms.mentions._not_given_refs``).
# (and a bare "with" of an elided level: "86.1% with and 84.9% without X", round 91c)
_SELF_ANCHORED = re.compile(r"(?:without|with|after|following)\b", re.I)
# The rest of a value's bracket after its CI: "; n=51 events]".
_BRACKET_REST = re.compile(r"[^()\[\]]*[)\]]")


_OPEN_ONLY = re.compile(r"\s*[(\[]\s*(?:the\s+)?")
# "27 percent of the group given an anthracycline, cyclophosphamide, and trastuzumab", "8% of
# the patients in the arm receiving A": the value is that of the group the regimen after it
# names (group words and articles are not ``_FILLER``: elsewhere they end a clause). One
# subgroup adjective may stand before the people ("9% of Japanese patients receiving A"), and
# a short "with" phrase after them (round 83b: "45.2% of patients with brain metastases
# receiving A": a subgroup of A's group, still A's value).
_GROUP_GIVEN = re.compile(
    r"\s*of\s+(?:the\s+|all\s+|those\s+)?"
    r"(?:(?:(?!(?:and|or|vs|versus|than)\s)[A-Za-z][A-Za-z-]*\s+)?"
    r"(?:patients|women|participants)\s+"
    r"(?:with\s+(?:(?!(?:and|or|vs|versus|than|but|whereas|while|compared|in|who)\s)"
    r"[A-Za-z][A-Za-z-]*\s+){1,3}(?=who\b|given\b|receiving\b|received\b|treated\b))?)?"
    r"(?:(?:in\s+)?(?:the\s+)?(?:group|arm|cohort)\s+)?(?:who\s+(?:were\s+)?)?"
    r"(?:given|receiving|received|treated\s+with)\s+(?:an?\s+|the\s+)?",
    re.I,
)


# "86 (37·9%; ...) of 227 PET responders in group B", "two (1%) of 40 evaluable women in": a
# count's share of a named subset of one group; the subset's noun (up to three words, no
# joiner or number) need not be "patients" (``_FILLER`` knows only the usual population words).
_OF_COUNT = re.compile(
    r"[\s)\]]*of\s+\d[\d,]*\s+(?:(?!(?:and|or|vs|versus|than|but|whereas|while|compared|"
    r"respectively)\b)[A-Za-z][A-Za-z-]*\s+){1,3}(?:in|among|with|receiving|on)\s+(?:the\s+)?"
)


def _of_count_gap(gap: str) -> bool:
    """Whether ``gap`` (value to reference) is "of <count> <subset noun> in (the)"."""
    return len(gap) <= 80 and "of" in gap and _OF_COUNT.fullmatch(gap) is not None


# "hand-foot syndrome (15%) was most common in the lapatinib arm": the predicate after the
# bracketed value of its subject, up to the group it places the event in.
_SUBJECT_PREDICATE = re.compile(
    r"\s*[)\]]\s*(?:(?:was|were)\s+(?:the\s+)?(?:"
    r"most\s+(?:common|frequent)(?:ly\s+(?:reported|observed|seen))?|"
    r"(?:(?:mainly|mostly|predominantly|only)\s+)?(?:observed|reported|seen|noted))|"
    r"occurred(?:\s+(?:mainly|mostly|only|most\s+(?:often|frequently|commonly)))?"
    r")\s+(?:in|with|among)\s+(?:the\s+|those\s+|patients\s+)?",
    re.I,
)


def _bracketed_subject_gap(
    text: str, out: list[tuple[Value, str, str]], v: Value, gap: str
) -> bool:
    """Whether ``v``, alone in the bracket after the event it counts, is tied to the reference
    after ``gap`` by its clause's predicate ("hand-foot syndrome (15%) was most common in the
    lapatinib arm"): the group named there is the value's, not one named in an earlier clause."""
    if not gap.lstrip().startswith((")", "]")) or _SUBJECT_PREDICATE.fullmatch(gap) is None:
        return False
    opened = max(text.rfind("(", 0, v.start), text.rfind("[", 0, v.start))
    return opened >= 0 and v.start - opened <= 4 and not _value_between(out, opened, v.start)


# Round 84a: "33.8% of HR-positive patients in the T-nHP arm": one subgroup adjective before the
# people, then "in" the group (the "in" form of the subgroup ``_GROUP_GIVEN`` reads before
# "receiving"): the value is that group's. Round 97c: the subset may be the group's responders
# ("1.0% of PET responders in group B", "of the PET-responders in the A arm"; up to two
# qualifiers): a subset of an arm keeps the arm's regimen.
_SUBGROUP_IN = re.compile(
    r"\s*of\s+(?:the\s+|all\s+|those\s+)?"
    r"(?:(?!(?:and|or|vs|versus|than)\s)[A-Za-z][\w-]*\s+"
    r"(?:patients|women|participants)|"
    r"(?:(?!(?:and|or|vs|versus|than|in|among|of)\s)[A-Za-z][\w-]*\s+){0,2}"
    r"(?:[A-Za-z][A-Za-z0-9]*-)?(?:non-?)?responders)\s+(?:in|among|on)\s+(?:the\s+)?",
    re.I,
)


def _group_given_gap(gap: str) -> bool:
    """Whether ``gap`` (value to regimen) is "of the group given (an)", "of <subgroup>
    patients in the" or the like."""
    if _GROUP_GIVEN.fullmatch(gap) is not None:
        return True
    return len(gap) <= 60 and _SUBGROUP_IN.fullmatch(gap) is not None
