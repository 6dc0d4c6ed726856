"""The gaps between a ratio and the next one of a list: parallel comparisons, end points,
subgroups and events, the regimen phrase after a ratio (``LIST_JOIN``).
"""

from __future__ import annotations

import re

from her2mine.extract.fastre import ARM_NOUN
from her2mine.extract.numbers.folding import _atom_float
from her2mine.extract.numbers.patterns import DECIMAL

# Between a ratio (with its CI and P) and the next one of a list: "and", a comma.
_LIST_JOIN = re.compile(r"[\s)\]]*(?:,\s*(?:and\s+)?|\s+and\s+)")
# (Public: ``outcomes`` joins the landmark rates of one group by it too: "91.0% and 87.5%".)
LIST_JOIN = _LIST_JOIN
# What may follow a listed ratio: its CI or P bracket, a regimen phrase, punctuation, the end.
_AFTER_LISTED = re.compile(r"\s*(?:[(\[,;)\].]|(?:and|with|for|in|respectively)\b|$)")


def _is_listed_ratio(text: str, pos: int, atom: re.Match[str], end: int) -> bool:
    """Whether ``atom`` is the next ratio of a list that reached ``pos``: a decimal below 20
    joined by "and"/a comma (after a regimen phrase, "0.64 with AC-T (P<0.001) and 0.75")."""
    number = atom.group(0)
    if "." not in number and "·" not in number or _atom_float(number) >= 20:
        return False
    gap = text[pos : atom.start()]
    phrase = _REGIMEN_PHRASE.match(gap)
    if phrase:
        gap = gap[phrase.end() :]
    if (
        not _LIST_JOIN.fullmatch(gap)
        and not _listed_event_ratio_gap(gap, _atom_float(number))
        and not _listed_subgroup_ratio_gap(gap)
    ):
        return (
            _parallel_subgroup_ratio(text, gap, atom, end)
            or _parallel_for_ratio(text, gap, atom, end)
            or _elided_subgroup_ratio(text, gap, atom, end)
        )
    return bool(_AFTER_LISTED.match(text, atom.end(), end))


# Round 89a: "the HR was 0·61 (0·45–0·83) and in those with hormone receptor-negative disease
# 0·80 (0·57–1·12)": a second subgroup named after "and in", its ratio elided to a bare number
# right followed by its CI. No statistic of its own named in the gap ("and in those ... the
# median was 5·6 (...)"), and no digit, bracket or clause end.
_ELIDED_SUBGROUP_GAP = re.compile(r"[\s)\]]*,?\s+and\s+(?:in|among)\s+[^\d()\[\];.%=]{1,100}?\s+\Z")
_CI_BRACKET_AFTER = re.compile(
    rf"\s*[(\[]\s*(?:95%\s*CI[,:]?\s*)?{DECIMAL}\s*(?:[–-]|to)\s*{DECIMAL}\s*[;,)\]]", re.I
)
_GAP_STATISTIC = re.compile(
    r"\b(?:median|mean|rates?|risks?|odds|proportions?|percentage|ORR|pCR|months?|years?)\b", re.I
)


def _elided_subgroup_ratio(text: str, gap: str, atom: re.Match[str], end: int) -> bool:
    """Whether ``atom`` is the elided ratio of a second subgroup, "... and in <subgroup> 0·80
    (0·57–1·12)" (see above)."""
    if " and " not in gap or _ELIDED_SUBGROUP_GAP.match(gap) is None:
        return False
    if _GAP_STATISTIC.search(gap) is not None:
        return False
    return _CI_BRACKET_AFTER.match(text, atom.end(), end) is not None


# "HR 0.86 (95% CI ...) for progression-free survival and 0.83 (...) for overall survival": the
# same ratio for a second end point, each written "<ratio> for <end point>" (the parallel form:
# the second must be followed by "for" too).
# (Round 89a: the first word may be a dose, "for the 4.8-mg group and 0.37 (...) for the 6.4-mg
# group".)
_FOR_AND_GAP = re.compile(
    r"[\s)\]]*,?\s+for\s+(?:the\s+)?(?:\d+(?:\.\d+)?-)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,4}?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
)
_FOR_AFTER = re.compile(r"(?:\s*[(\[][^()\[\]]{1,80}[)\]])?\s*,?\s+for\s")


def _parallel_for_ratio(text: str, gap: str, atom: re.Match[str], end: int) -> bool:
    """Whether ``atom`` is the ratio of a second end point in a "<ratio> for <end point> and
    <ratio> for <end point>" list (see ``_FOR_AND_GAP``)."""
    if " for " not in gap or _FOR_AND_GAP.fullmatch(gap) is None:
        return False
    return _FOR_AFTER.match(text, atom.end(), end) is not None


# "a hazard ratio of 0.32 in hormone-receptor-positive disease and 0.30 in hormone-receptor-
# negative disease": the same ratio for a second subgroup, each written "<ratio> in <subgroup>".
# (Each subgroup may carry its statistics bracket: "0.32 in ... disease (95% CI 0.2-0.5) and".)
_SUBGROUP_AND_GAP = re.compile(
    r"[)\]]?\s+(?:in|among)\s+(?:the\s+|those\s+|patients\s+)?[\w+-]+(?:\s+[\w+-]+){0,5}?"
    r"(?:\s*[(\[][^()\[\]]{1,60}[)\]])?\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
)
# The subgroup of a ratio before its statistics bracket: "0.32 in hormone-receptor-positive
# disease (95% CI 0.2-0.5)" (read only when the ratio is one of a parallel subgroup list).
_SUBGROUP_PHRASE = re.compile(
    r"\s+(?:in|among)\s+(?:the\s+|those\s+|patients\s+)?[\w+-]+(?:\s+[\w+-]+){0,5}?"
    r"(?=\s*[(\[])"
)
_SUBGROUP_AFTER = re.compile(r"(?:\s*[(\[][^()\[\]]{1,60}[)\]])?\s+(?:in|among)\s+\w")


def _parallel_subgroup_listed(text: str, pos: int, end: int) -> bool:
    """Whether the ratio ending at ``pos`` opens or continues a parallel subgroup list: its
    "in <subgroup> (bracket)" is followed by "and <ratio> in" (or ends one after such a join),
    so the bracket is its own statistics (see ``_parallel_subgroup_ratio``)."""
    if text.startswith(" in ", pos) is False and text.startswith(" among ", pos) is False:
        return False
    m = _SUBGROUP_AND_GAP.match(text, pos, end)
    if m is not None:
        return _SUBGROUP_RATIO_NEXT.match(text, m.end(), end) is not None
    before = text[max(0, pos - 120) : pos]
    return _SUBGROUP_RATIO_PREV.search(before) is not None


# The next ratio of a parallel list, "0.30 in"; the join before a second one, "...) and 0.30".
_SUBGROUP_RATIO_NEXT = re.compile(r"\d+[.·]\d+\s+(?:in|among)\s")
_SUBGROUP_RATIO_PREV = re.compile(r"[)\]]\s*(?:,\s*(?:and\s+)?|\s+and\s+)\d+[.·]\d+\Z")


def _parallel_subgroup_ratio(text: str, gap: str, atom: re.Match[str], end: int) -> bool:
    """Whether ``atom`` is the ratio of a second subgroup in a "<ratio> in <subgroup> and
    <ratio> in <subgroup>" list (both written with "in"/"among": the parallel form, not a ratio
    of another end point or a bare number after a subgroup)."""
    if (" in " not in gap and " among " not in gap) or _SUBGROUP_AND_GAP.fullmatch(gap) is None:
        return False
    return _SUBGROUP_AFTER.match(text, atom.end(), end) is not None


# "reduced the risk of recurrence (hazard ratio 0·76, 95% CI ...) and of death (0·74,
# 0·64-0·86)": the next event's ratio, bare in its own bracket after "and of <event>"; so too
# "improved event-free survival (hazard ratio 0·44, ...) and overall survival (0·36, ...)".
# (A word may hold digits after its first letter: "and HER2 IHC0 (0·84, 0·62–1·13) subgroups".)
# (Round 89a: a word may be a graded score, "and IHC 2+/ISH-negative tumours (0·48, ...)".)
_EVENT_WORD = r"(?:[A-Za-z-][\w+/-]*|\d\+[\w+/-]*)"
_LISTED_EVENT_GAP = re.compile(
    r"[\s)\]]*\s+and\s+(?:(?:of|for)\s+)?(?:(?:a|an|the|any)\s+)?"
    rf"(?:{_EVENT_WORD}\s+){{0,2}}{_EVENT_WORD}\s*[(\[]\s*"
)
# "(hazard ratio 0·69 [...]; p=0·0002), and 3-year overall survival was 91·5% versus 85·8%
# (0·65 [0·49–0·86]; p=0·0026)": the next end point's compared rates, then its bare ratio.
# (A bare number that is the rates' difference, "91·5% versus 85·8% (5·7 [2·1–9·3])", is none.)
_LISTED_RATES_GAP = re.compile(
    r"[\s)\]]*,?\s+and\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){1,4}?(?:was|were)\s+"
    rf"({DECIMAL})%\s*(?:versus|vs\.?|v|and)\s+({DECIMAL})%\s*[(\[]\s*"
)
# "(EFS: hazard ratio 0·24, 95% CI ...; OS: 0·16, 0·11–0·25)": a ratio list whose items are
# labelled by their end point, a colon after each label; and the same labelled list repeated
# for another subgroup ("... and in those with ... tumours (EFS: 0·15, ...; OS: 0·08, ...)").
_LABEL = r"[A-Za-z][\w-]{0,11}\s*:\s*"
_LISTED_LABEL_GAP = re.compile(
    r"[\s)\]]*(?:[;,]\s*(?:and\s+)?"
    r"|,?\s+and\s+(?:in|among)\s+[^()\[\];.]{1,120}?[(\[]\s*)" + _LABEL
)


def _listed_event_ratio_gap(gap: str, value: float) -> bool:
    """Whether ``gap`` (previous ratio to this one, ``value``) is "... and (of) <event> (", "...
    and <event> was <rate> versus <rate> (" or ends in an end point label ("; OS: "): see
    above."""
    if ":" in gap and _LISTED_LABEL_GAP.fullmatch(gap) is not None:
        return True
    if " and " not in gap:
        return False
    if "%" in gap:
        m = _LISTED_RATES_GAP.fullmatch(gap)
        return m is not None and not _is_difference(m, value)
    return _LISTED_EVENT_GAP.fullmatch(gap) is not None


def _is_difference(rates: re.Match[str], value: float) -> bool:
    """Whether ``value`` is the difference of the two compared rates ``rates`` matched."""
    a, b = _atom_float(rates.group(1)), _atom_float(rates.group(2))
    return abs(abs(a - b) - value) < 0.051


# "the HR for DFS was 1.03 (95% CI ...), whereas in node-positive disease it was 1.21 (...)":
# the same ratio in a contrasted subgroup, restated with "it was" (the pronoun stands for the key).
# Also after a ";" ("0·71 (0·56–0·89); in the hormone receptor-negative subgroup it was 0·67",
# "; in those with node-positive residual disease, it was 0.52").
_LISTED_SUBGROUP_GAP = re.compile(
    r"[\s)\]]*(?:,?\s*(?:whereas|while|but)|;(?:\s*(?:and|but|whereas|while))?)\s+"
    r"(?:in|among|for)\s+(?:[\w+-]+,?\s+){1,6}?(?:it|this)\s+(?:was|were)\s+"
)


def _listed_subgroup_ratio_gap(gap: str) -> bool:
    """Whether ``gap`` (previous ratio to this one) is ", whereas in <subgroup> it was ": see
    above."""
    return " it " in gap and _LISTED_SUBGROUP_GAP.fullmatch(gap) is not None


# Round 70b: "(HR versus arm A: arm B, 1.10, 95% CI ...; arm C, 1.25, 95% CI ...)": a ratio
# list whose items are each labelled by the arm compared, the label and a comma or colon before
# the number. The ratio before must carry such a label too (a lone ratio followed by "; arm C,
# 25 patients" opens no list).
_ARM_LABEL = ARM_NOUN + r"\s+(?:[A-Z]|\d{1,2})\s*[,:=]\s*"
_ARM_LABEL_GAP = re.compile(r"[\s)\]]*[;,]\s*(?:and\s+)?" + _ARM_LABEL, re.I)
_ARM_LABEL_BEFORE = re.compile(_ARM_LABEL + r"\Z", re.I)


def labelled_arm_ratio(text: str, last_start: int, pos: int, atom: re.Match[str]) -> bool:
    """Whether ``atom`` is the next item of a ratio list labelled by arm ("; arm C, 1.25"),
    after a ratio starting at ``last_start`` (its extent ending at ``pos``) labelled alike."""
    number = atom.group(0)
    if "." not in number and "·" not in number or _atom_float(number) >= 20:
        return False
    if _ARM_LABEL_GAP.fullmatch(text, pos, atom.start()) is None:
        return False
    return _ARM_LABEL_BEFORE.search(text, max(0, last_start - 20), last_start) is not None


# Round 80b: "(odds ratio 0·86 [95% CI 0·42–1·75]); in the hormone receptor-positive subgroup
# the corresponding rates were 43·6% and 48·2% (0·83 [0·48–1·43]; ...)": a second subgroup's
# compared rates after a ";", then its bare ratio, bracketed as the keyed ratio before it was
# (the same mark after the number: "[", "(" or ","); a bare bracket alone is no ratio.
_SUBGROUP_RATES_GAP = re.compile(
    r"[\s)\]]*(?:;|,?\s*(?:whereas|while|but))\s+(?:(?:and|but|whereas|while)\s+)?"
    r"(?:in|among|for)\s+[^;()\[\]%]{1,120}?\s(?:was|were)\s+"
    rf"({DECIMAL})%\s*(?:versus|vs\.?|v|and)\s+({DECIMAL})%\s*[(\[]\s*"
)
_MARK_AFTER_NUMBER = re.compile(r"\s*([\[(,;])")


def subgroup_rates_ratio(text: str, last_end: int, pos: int, atom: re.Match[str]) -> bool:
    """Whether ``atom`` is the bare ratio of a second subgroup's compared rates (see above),
    after a ratio whose number ends at ``last_end`` (its extent at ``pos``)."""
    number = atom.group(0)
    if "." not in number and "·" not in number or _atom_float(number) >= 20:
        return False
    gap = text[pos : atom.start()]
    if "%" not in gap:
        return False
    m = _SUBGROUP_RATES_GAP.fullmatch(gap)
    if m is None or _is_difference(m, _atom_float(number)):
        return False
    before = _MARK_AFTER_NUMBER.match(text, last_end)
    after = _MARK_AFTER_NUMBER.match(text, atom.end())
    return before is not None and after is not None and before.group(1) == after.group(1)


def _ratio_gap_ok(gap: str) -> bool:
    """Text between "hazard ratio" and its number: a few words/punctuation, no clause break."""
    if len(gap) > 90 or ";" in gap or "%" in gap or _SENTENCE_END.search(gap):
        return False
    return len(gap.split()) <= 16 and not _FIGURE.search(gap)


_SENTENCE_END = re.compile(r"[.!?]\s")
_FIGURE = re.compile(r"\b(?:figure|fig|table)\b", re.I)


# A regimen phrase after a ratio, before its CI/P bracket: "with AC-T plus trastuzumab"; or the
# compared pair a three-arm trial names for each of its ratios: "0.64 for AC-TH versus AC-T
# (P<0.001) and 0.75 for TCH versus AC-T (P=0.04)" (a "versus" must stand in the phrase). The
# pair's names may hold digits and a "vs." ("0.75 for T-DXd vs. T-DM1 (P=0.04)").
_REGIMEN_PHRASE = re.compile(
    r"\s+(?:with\s+[A-Za-z][^()\[\];,.\d%]{0,40}?"
    r"|for(?=\s[^()\[\];,.%]{1,40}?\s(?:versus|vs\.?|compared\s+with)\s)"
    r"\s+[A-Za-z](?:[^()\[\];,.%]|(?<=\bvs)\.){0,40}?)(?=\s*[(\[])"
)
