"""Medians (times) and rates (percentages) read from number atoms, and the guards that make a
time or percentage no median or rate (thresholds, heterogeneity, durations, ages, landmarks).
"""

from __future__ import annotations

import re

from her2mine.extract.fastre import WordGate, search_from_end
from her2mine.extract.numbers.folding import _atom_float, _unit_name, to_float
from her2mine.extract.numbers.patterns import (
    _AFTER_ATOM,
    _AFTER_ATOM_CI_WORD,
    _AFTER_ATOM_FOLLOW_UP,
    _FOLLOW_UP_AFTER,
    _TIME_GUARD_END,
    _TIME_GUARD_LAST,
    _TIME_UNIT,
    _UNIT_OF_INITIAL,
    CI_RE,
)
from her2mine.extract.numbers.ratios import _is_ratio_scale
from her2mine.extract.numbers.value import Value


def _times_and_rates(
    text: str,
    start: int,
    end: int,
    atoms: list[re.Match[str]],
    used: set[int],
    values: list,
    low: str | None = None,
) -> None:
    """Times (medians) and percentages: atoms followed by a unit (or a bracketed CI, then a
    time unit). Appends them to ``values`` and their starts to ``used``. ``low``:
    ``text[start:end].lower()`` when it kept the offsets, else None."""
    match_after = _AFTER_ATOM.match
    # ``_is_heterogeneity`` can only hold where one of its gate words is in the sentence (in
    # very few): the others skip its call per rate (``in`` on the sentence, no call).
    heterogeneity_words = (
        low is None or "i2" in low or "i²" in low or "squared" in low or "i 2" in low or "i^" in low
    )
    for a in atoms:
        pos, a_end = a.span()
        if pos in used:
            continue
        after = match_after(text, a_end, end)
        if after is None:
            continue
        # Which alternative matched, without a group() call each (see _AFTER_ATOM_FOLLOW_UP).
        found = after.lastindex
        if found <= _AFTER_ATOM_FOLLOW_UP:  # a time unit
            if found == _AFTER_ATOM_FOLLOW_UP or _after_time_guard(
                text, pos - 25 if pos - 25 > start else start, pos
            ):
                continue
            unit_end = after.end(1)
            if _DURATION_OF.match(text, unit_end, end) is not None:
                continue
            if _duration_named_arm(text, start, end, pos, unit_end):
                continue
            if _duration_after_rate(text, start, pos):
                used.add(pos)  # an arm's duration, no median (nor a bare number)
                continue
            unit = _UNIT_OF_INITIAL.get(text[after.start(1)], "months")
            if unit == "years" and _age_cutoff(text, start, pos, unit_end):
                used.add(pos)  # a subgroup's age limit, no median (nor a bare number)
                continue
            v: Value | None = Value("time", _atom_float(a[0]), unit, pos, a_end, unit_end)
        elif found <= _AFTER_ATOM_CI_WORD:  # a percent sign
            if found == _AFTER_ATOM_CI_WORD:
                continue
            unit_end = after.end(3)
            if _is_threshold(text, start, end, pos, unit_end, low):
                used.add(pos)  # a definition's cut-off, no rate (nor a bare number)
                continue
            if heterogeneity_words and _is_heterogeneity(text, start, pos, low):
                used.add(pos)  # a meta-analysis's I² statistic, no rate (nor a bare number)
                continue
            if _is_ratio_scale(text, start, pos):
                used.add(pos)  # "OR 1.35 per 10% increase": a ratio's scale, no rate
                continue
            v = Value("percent", _atom_float(a[0]), "%", pos, a_end, unit_end)
        else:
            v = _time_after_bracket(text, start, end, a, after.end(5))
            if v is None:
                continue
        values.append(v)
        used.add(pos)


# Cut-offs of a definition, not rates: "an LVEF decline of 10% or more from baseline to below
# 50%", "declines of at least 10% points", "LVEF decline >=10% and to <50%". After the number:
# "or more/greater/higher" (or, for a fall, "or lower/less/below": "a decline in LVEF to 35% or
# lower"), "(percentage) points"; before it: "to below/under/less than/<" or a
# decline word (or "ejection fraction", "LVEF") with "of/by", "at least", "≥".
_THRESHOLD_AFTER = re.compile(
    r"\s*(?:or\s+(?:more|greater|higher|above|lower|less|below)\b|(?:percentage\s+)?points?\b)"
)
_THRESHOLD_BEFORE_END = search_from_end(
    re.compile(
        r"(?:\bto\s+(?:below|under|less\s+than|<|≤|<=)|\b(?:declines?|decreases?|drops?|falls?)"
        r"(?:\s+(?:of|by))?(?:\s+(?:at\s+least|more\s+than))?\s*(?:≥|>=|>)?|"
        # "a decline in ejection fraction of at least 15%": the measure's own change
        r"\b(?:ejection\s+fraction|LVEF)\s+(?:of|by)(?:\s+(?:at\s+least|more\s+than))?"
        r"\s*(?:≥|>=|>)?)\s*$",
        re.I,
    )
)
_THRESHOLD_GATE = WordGate(("to ", "ecline", "ecrease", "drop", "fall", "fraction", "lvef"))


def _is_threshold(
    text: str, start: int, end: int, pos: int, unit_end: int, low: str | None = None
) -> bool:
    """Whether the percentage at ``pos`` (its "%" ending at ``unit_end``) is a cut-off. The
    regexes only run where their words occur (every match holds one). ``low``: the sentence
    ``text[start:end]`` lower-cased with its offsets, or None."""
    nxt = text[unit_end : unit_end + 14]
    if ("or " in nxt or "point" in nxt) and _THRESHOLD_AFTER.match(text, unit_end, end):
        return True
    a = pos - 30 if pos - 30 > start else start
    if low is not None:  # the sentence's lower case, read in place (no slice, no lower())
        if not _THRESHOLD_GATE.may_hold(low, a - start, pos - start):
            return False
    elif not _THRESHOLD_GATE.may_hold(text[a:pos].lower(), 0, pos - a):
        return False
    return _THRESHOLD_BEFORE_END.match(text, a, pos) is not None


# A meta-analysis's heterogeneity statistic, not a rate: "(I2 = 41%, P = .07)", "I² of 78%",
# "I-squared, 0%", "I^2 = 45%". Every match holds "i2", "i²", "i 2", "i^" or "squared".
_HETEROGENEITY_BEFORE_END = search_from_end(
    re.compile(
        r"\bI(?:\^?[2²]| 2|\s*-?\s*squared)\s*(?:statistic\s*)?(?:[=:,]|\bof\b|\b(?:was|were)\b)?\s*$",
        re.I,
    )
)
# (``_times_and_rates`` tests the same words on the whole sentence with ``in``.)
_HETEROGENEITY_GATE = WordGate(("i2", "i²", "squared", "i 2", "i^"))


def _is_heterogeneity(text: str, start: int, pos: int, low: str | None = None) -> bool:
    """Whether the percentage at ``pos`` is an I² heterogeneity value (see
    ``_HETEROGENEITY_BEFORE_END``). The regex only runs where one of its words occurs.
    ``low``: as for ``_is_threshold``."""
    a = pos - 24 if pos - 24 > start else start
    if low is not None:
        if not _HETEROGENEITY_GATE.may_hold(low, a - start, pos - start):
            return False
    elif not _HETEROGENEITY_GATE.may_hold(text[a:pos].lower(), 0, pos - a):
        return False
    return _HETEROGENEITY_BEFORE_END.match(text, a, pos) is not None


# A time followed by "of" and a word says how long something lasted ("1 year of trastuzumab",
# "6 months of treatment"), not a median ("at 12 months of 60%", a number after "of", is left).
# A time "of the A group" is that group's median ("longer than 7.0 months of the lapatinib
# group", Chinese-English journal style), not a duration.
_DURATION_OF = re.compile(
    r"\s+of\s+(?=[A-Za-z])(?!the\s+(?:[\w+/-]+\s+){0,3}?(?i:group|arm|cohort)\b)"
)


# A treatment duration standing for an arm in a duration trial (1 vs 2 years of trastuzumab),
# not a median: the subject of a verdict ("2 years is not more effective", "9 weeks was
# inferior") or, in a sentence that names a duration "of" a treatment ("Two years of trastuzumab
# did not improve DFS compared with 1 year"), the comparator ("compared with 1 year").
_DURATION_SUBJECT = re.compile(
    r"\s+(?:is|was|are|were)\s+(?:not\b|no\s|as\s|equally\b|more\s|less\s|"
    r"(?:non-?)?inferior\b|superior\b)",
    re.I,
)
_CLAUSE_OPEN_END = search_from_end(
    re.compile(r"(?:[;,:]|\b(?:and|but|whereas|while|that))\s*$", re.I)
)
_DURATION_COMPARATOR_END = search_from_end(
    re.compile(r"\b(?:compared\s+with|versus|vs\.?|than)\s+$", re.I)
)
_DURATION_OF_TREATMENT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|nine|twelve)[\s-]+(?:years?|months?|weeks?)\s+of\s+"
    r"(?!follow)[A-Za-z]",
    re.I,
)


def _duration_named_arm(text: str, start: int, end: int, pos: int, unit_end: int) -> bool:
    """Whether the time at ``pos`` (unit ending at ``unit_end``) names a duration arm rather
    than reporting a median (see ``_DURATION_SUBJECT``). Gated on cheap substring tests."""
    nxt = text[unit_end : unit_end + 6]
    if (
        (" is " in nxt or " was " in nxt or " are " in nxt or " were" in nxt)
        and _DURATION_SUBJECT.match(text, unit_end, end) is not None
        and (not text[start:pos].strip() or _CLAUSE_OPEN_END.match(text, max(start, pos - 12), pos))
    ):
        return True  # not "the median PFS of 14 months was not different"
    a = pos - 15 if pos - 15 > start else start
    before = text[a:pos]
    if not ("with" in before or "vs" in before or "vers" in before or "than" in before):
        return False
    if _DURATION_COMPARATOR_END.match(text, a, pos) is None:
        return False
    low = text[start:end].lower()
    if "median" in low and _MEDIAN_NOT_FOLLOW_UP.search(low) is not None:
        return False
    return _DURATION_OF_TREATMENT.search(text, start, pos) is not None


# "median" that reports a median, not the follow-up ("After a median follow-up of 8 years, 2 years
# of trastuzumab did not improve DFS compared with 1 year": the comparator is still a duration),
# however the follow-up is worded ("a median of 8 years of follow-up", "a median observation
# time of 8 years", "a median 8-year follow-up").
_MEDIAN_NOT_FOLLOW_UP = re.compile(
    r"median(?!\s+(?:(?:duration|time|period|length)\s+of\s+)?(?:follow|observation)|"
    r"\s+(?:of\s+)?[\d.·]+[\s-]+\w+\s+(?:of\s+)?follow)"
)


# A rate "with" a duration is that duration arm's rate ("The 5-year DFS was 85.9% with 6 months
# and 87.4% with 12 months"): the time names the arm, it is no median.
_RATE_WITH_END = search_from_end(re.compile(r"(?:%|\bpercent)\s*,?\s+with\s+$", re.I))


def _duration_after_rate(text: str, start: int, pos: int) -> bool:
    """Whether the time at ``pos`` follows "<rate>% with" (see ``_RATE_WITH_END``)."""
    a = pos - 16 if pos - 16 > start else start
    if "with" not in text[a:pos]:
        return False
    return _RATE_WITH_END.match(text, a, pos) is not None


# "patients younger than 65 years", "aged >= 65 years", "women < 50 years", "65 years or
# older": an age limit that defines a subgroup, no time to an event.
_AGE_LIMIT_BEFORE = search_from_end(
    re.compile(
        r"(?:\b(?:younger|older)\s+than|"
        r"\b(?:aged?|patients|women|men|those|individuals)\s*(?:[<>≤≥]=?|=>|=<))\s*$",
        re.I,
    )
)
_AGE_LIMIT_AFTER = re.compile(
    r"\s*(?:of\s+age\b(?!-)|old\b|(?:or|and)\s+(?:older|younger|over|above|below|under)\b)", re.I
)


def _age_cutoff(text: str, start: int, pos: int, unit_end: int) -> bool:
    """Whether the time in years at ``pos`` is an age limit (``_AGE_LIMIT_BEFORE``/``_AFTER``)."""
    a = pos - 25 if pos - 25 > start else start
    return (
        _AGE_LIMIT_AFTER.match(text, unit_end) is not None
        or _AGE_LIMIT_BEFORE.match(text, a, pos) is not None
    )


def _time_after_bracket(
    text: str, start: int, end: int, a: re.Match[str], br_end: int
) -> Value | None:
    """ "9.1 (95% CI 7.2-11.0) months": a time whose CI comes before its unit. ``br_end``: the
    end of the bracket after the number."""
    inside = text[a.end() : br_end]
    if "c" not in inside and "C" not in inside:
        return None  # every CI_RE match holds a "c" ("CI", "confidence", "credible")
    pre_ci = CI_RE.search(inside)
    if pre_ci is None:
        return None
    tm = _TIME_UNIT.match(text, br_end, end)
    if tm is None or _not_a_median(text, start, end, a.start(), tm.end()):
        return None
    tv = Value(
        "time", _atom_float(a.group(0)), _unit_name(tm.group(1)), a.start(), a.end(), tm.end()
    )
    tv.ci_low, tv.ci_high = to_float(pre_ci.group("lo")), to_float(pre_ci.group("hi"))
    return tv


def _not_a_median(text: str, start: int, end: int, pos: int, unit_end: int) -> bool:
    """A landmark or range ("at 12 months") or a follow-up time ("24 months of follow-up")."""
    return (
        _after_time_guard(text, max(start, pos - 25), pos)
        or _FOLLOW_UP_AFTER.match(text, unit_end, end) is not None
    )


def _after_time_guard(text: str, a: int, pos: int) -> bool:
    """Whether ``_TIME_GUARD`` matches at the end of ``text[a:pos]`` ("at", "after", "range",
    "-" ... just before a time). The regex only runs when the last non-space character fits."""
    tail = text[a:pos].rstrip()
    if not tail or tail[-1] not in _TIME_GUARD_LAST:
        return False
    return _TIME_GUARD_END.match(text, a, pos) is not None
