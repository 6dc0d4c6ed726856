"""Numbers near an end point that are no result of it: changes, differences, shares of events,
ages."""

from __future__ import annotations

import re

from her2mine.extract.fastre import WordGate, last_match, search_from_end, word_start
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import EndpointLexicon
from her2mine.extract.numbers import DECIMAL, Value
from her2mine.extract.outcomes.endpoints import _PEOPLE
from her2mine.extract.outcomes.patterns import (
    COMPARED_WITH_OR_TO,
    PRIOR_WORDS,
    VS,
    VS_OR_COMPARED,
    VS_WORDS,
    subject_start,
)

# ("followed by" joins the steps of a sequential regimen: it says nothing of follow-up)
_NOT_OUTCOME = re.compile(
    r"\b(?:follow[\s-]*up|followed(?!\s+by\b)|range|"
    r"duration\s+of\s+(?:treatment|therapy|exposure)|exposure|treatment\s+duration|age|aged|"
    r"reduction|reduced|lower|decrease|improvement|relative|risk\s+of)\b",
    re.I,
)
# "mean PFS was 8.8 months": the contract has medians only, and a mean is not one.
_MEAN_BEFORE = re.compile(r"\b(?:mean|average)\s+$", re.I)


def _lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern written in lower case, made case-sensitive: run on the
    ``lower_same_length`` text of a ``literal_safe`` text, it matches where the original matches
    on the text (lower-casing keeps which characters are word characters, spaces and digits),
    and needs no case folding."""
    assert pattern.flags & re.I and not re.search(r"[A-Z]", pattern.pattern), pattern.pattern
    return re.compile(pattern.pattern)


_NOT_OUTCOME_LOW = _lower_twin(_NOT_OUTCOME)
_MEAN_BEFORE_LOW = _lower_twin(_MEAN_BEFORE)


# "a longer duration of response (...), a lower rate of death at 1 year (22 percent vs. 33
# percent)": a rate of death named after the end point is that rate, no rate of the end point.
# Not a composite event ("the rate of death or progression") nor a bracket defining the end
# point ("overall survival (all-cause mortality) rate").
_DEATH_RATE = re.compile(
    r"\b(?:rates?\s+of\s+(?:(?!or\b|and\b)[\w-]+\s+)?death|death\s+rates?|mortality)\b"
    r"(?!\s+(?:or|and)\s+(?:disease\s+)?(?:progression|recurrence|relapse))",
    re.I,
)
_DEATH_RATE_GATE = WordGate(("death", "mortality"))


def _death_rate_between(text: str, low: str | None, a: int, b: int) -> bool:
    """Whether a rate of death is named in ``text[a:b]`` (between an end point and its value),
    outside the brackets opened there."""
    if not _DEATH_RATE_GATE.may_hold(low, a, b):
        return False
    return any(
        text.count("(", a, m.start()) <= text.count(")", a, m.start())
        for m in _DEATH_RATE.finditer(text, a, b)
    )


# Round 72b: "neutropenia occurred in 20%, leading to a lower dose intensity (85%)", "the
# relative dose intensity was 92%": a dose intensity named between the end point and the
# percentage is what the percentage measures (how much of the planned dose was given).
# Review of round 72b: only when the percentage is the dose intensity's, linked to it by at most
# a verb or a bracket ("dose intensity was 92%", "to 80%", "(85%)"); "neutropenia, which led to
# reduced dose intensity, occurred in 20%" is the neutropenia's.
_DOSE_INTENSITY = re.compile(
    r"\bdose[\s-]+intensit(?:y|ies)\b(?:\s*[(\[:=]|\s+(?:(?:was|were|is|of|to|at|remained|"
    r"reached|averaged|of\s+about|was\s+about)\s+)?)\s*$",
    re.I,
)


def _dose_intensity_between(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` (between an end point and its percentage) ends with a dose
    intensity the percentage is given for; a ``str.find`` gates the regex."""
    return text.find("ntensit", a, b) >= 0 and _DOSE_INTENSITY.search(text[a:b]) is not None


# "improved PFS with a 24% relative risk reduction (HR, 0.76; ...; median, 5.8 [95% CI, ...]
# months vs 4.9 months)": a "median" label opening a clause after the change words names the
# times after it as the end point's medians again (JAMA's bracketed summary of a comparison).
_MEDIAN_GATE = WordGate(("median",))
_MEDIAN_LABEL = re.compile(r"[;(\[]\s*medians?\s*[,:=]?\s*(?:\d|\Z)", re.I)


# A bracket opening right after a number (and its unit): it qualifies that number ("10.6 months
# (range, 1.1+ to 16.5+)").
_BRACKET_AFTER_VALUE = re.compile(r"\d(?:\s*(?:months?|weeks?|years?|%))?\s*$")


def _blockers_qualify_earlier_values(text: str, a: int, b: int) -> bool:
    """Whether every follow-up/range word (``_NOT_OUTCOME``) in text[a:b] sits in a bracket that
    an earlier value opens and that closes before ``b``: "10.6 months (range, 1.1+ to 16.5+) with
    X and 9.5 months with Y" — the range is the first median's, the second is still a median."""
    for m in _NOT_OUTCOME.finditer(text, a, b):
        opened = max(text.rfind("(", a, m.start()), text.rfind("[", a, m.start()))
        if opened < 0:
            return False
        close = ")" if text[opened] == "(" else "]"  # "(range, ...)" or "[range, ...]"
        if text.find(close, opened, m.start()) >= 0:
            return False
        closed = text.find(close, m.end(), b)
        if closed < 0 or not _BRACKET_AFTER_VALUE.search(text, max(a, opened - 12), opened):
            return False
    return True


# Round 74a: "OS at 24 months' follow-up was 80%", "the OS rate at 3 years of follow-up was
# 91%": a follow-up word closing "at" a time names the landmark the rate is read at, as "at 24
# months" alone does. ("After 24 months of follow-up, 80% were alive" and "at a median
# follow-up of" are how long patients were followed.)
_LANDMARK_FOLLOW_UP = re.compile(
    r"\bat\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*(?:years?|months?)"
    r"['\u2019]?\s+(?:of\s+)?follow[\s-]*up\Z",
    re.I,
)


def _blockers_close_landmarks(text: str, a: int, b: int) -> bool:
    """Whether every change or follow-up word (``_NOT_OUTCOME``) in text[a:b] is the follow-up
    closing a landmark (``_LANDMARK_FOLLOW_UP``)."""
    found = False
    for m in _NOT_OUTCOME.finditer(text, a, b):
        if _LANDMARK_FOLLOW_UP.search(text, max(a, m.start() - 30), m.end()) is None:
            return False
        found = True
    return found


def _without_landmark_follow_ups(text: str, s: int, eps: list[Hit]) -> list[Hit]:
    """``eps`` without the follow-up hits (outside the contract's list) that close a landmark
    ("at 24 months' follow-up"): the landmark's, no end point claiming the rate after it."""
    return [
        h
        for h in eps
        if h.canonical != "_other"
        or text.find("follow", h.start, h.end) < 0
        or _LANDMARK_FOLLOW_UP.search(text, max(s, h.start - 30), h.end) is None
    ]


# "the reduced-dose group", "the lower dose arm": a change word that names a group by its dose,
# not a relative change of the value after it (round 69a).
_GROUP_NAMING_CHANGE = re.compile(r"(?:-[a-z]+|\s+dose)[\s-]+(?:groups?|arms?|cohorts?)\b", re.I)


def _blockers_name_groups(text: str, a: int, b: int) -> bool:
    """Whether every change or follow-up word (``_NOT_OUTCOME``) in text[a:b] opens a group's
    name ("... in the standard-dose group, 9.1 months in the reduced-dose group and 9.5 months
    in the escalation group"): a label, so the last value is still a result."""
    found = False
    for m in _NOT_OUTCOME.finditer(text, a, b):
        if _GROUP_NAMING_CHANGE.match(text, m.end(), b) is None:
            return False
        found = True
    return found


# "in patients aged >= 65 years", "aged 65 years or older", "age < 65": an age bound that
# names a subgroup, its number written with it (not "median age 55 years", which is the value).
_AGE_BOUND = re.compile(
    r"\s*(?:(?:[<>≤≥]=?|&[lg]t;|over|under|at\s+least|(?:more|less|younger|older)\s+than)\s*)?"
    r"\d+(?:\s*[-–]\s*\d+)?\s*(?:years?|yrs?|y\b)?"
    r"(?:\s+(?:or|and)\s+(?:older|over|above|younger|under|below|more))?",
    re.I,
)


def _blockers_are_age_bounds(text: str, a: int, b: int) -> bool:
    """Whether every follow-up/age word (``_NOT_OUTCOME``) in text[a:b] is "age(d)" followed by
    its own bound that ends before ``b`` ("Median OS in patients aged >= 65 years was 30.1
    months"): a subgroup's qualifier, not the value's meaning."""
    if text.find("age", a, b) < 0:
        return False
    for m in _NOT_OUTCOME.finditer(text, a, b):
        if m.group().lower() not in ("age", "aged"):
            return False
        bound = _AGE_BOUND.match(text, m.end(), b)
        if bound is None or not text[bound.end() : b].strip():
            return False
    return True


def _median_relabelled(text: str, low: str | None, eps: list[Hit], ep: Hit, b: int) -> bool:
    """Whether a clause-opening "median" label with its number stands between time-to-event end
    point ``ep`` and the time at ``b``, after the last change or follow-up word (``_NOT_OUTCOME``)
    and after every end point outside the list there, each of which is itself such a change
    ("relative risk reduction"), not a time of its own ("time to response") (see above)."""
    a = ep.end
    if not _MEDIAN_GATE.may_hold(low, a, b):
        return False
    label = last_match(_MEDIAN_LABEL, text, a, b)
    if label is None or _NOT_OUTCOME.search(text, label.start(), b):
        return False
    return not any(
        a <= h.start
        and h.end <= b
        and h.canonical == "_other"
        and (h.end > label.start() or not _NOT_OUTCOME.search(h.text))
        for h in eps
    )


# "with an extension in median OS of 5.5 months", "an improvement in median PFS of 3 months": the
# time is a difference between the arms' medians, not a median.
_GAIN_WORDS = ("extension", "improvement", "gain", "prolongation", "increase", "difference")
_GAIN_GATE = WordGate(_GAIN_WORDS)
_GAIN_BEFORE = re.compile(
    r"\b(?:" + "|".join(_GAIN_WORDS) + r")s?\s+(?:in|of)\s+(?:the\s+)?(?:median\s+)?\Z", re.I
)


# Round 64b: "an improvement in median PFS with A (24.3 months) over B (10.4 months)": a time in
# the bracket of a group named after the end point is that group's median, no gain.
_GROUP_BRACKET_BEFORE = re.compile(
    rf"\s(?:with|in|for|among|over|{VS}|{COMPARED_WITH_OR_TO})\s+[^()\d]{{1,60}}[(\[]\s*\Z",
    re.I,
)
# Review of round 64b: only a pair of group brackets is of medians ("with A (24.3 months) over B
# (10.4 months)"); one bracket after a group holds the gain ("compared with placebo (6.1 months;
# HR 0.62").
_PAIRED_BRACKET_AFTER = re.compile(
    rf"\s*[)\]]\s*,?\s*(?:over|{VS}|{COMPARED_WITH_OR_TO}|and)\s+[^()\d]{{1,60}}[(\[]\s*\d",
    re.I,
)
_TIME_BRACKET = re.compile(rf"[(\[]\s*{DECIMAL}\s*(?:months?|weeks?|years?|days?)\s*[)\]]")


def _group_median_bracket(text: str, ep: Hit, v: Value) -> bool:
    """Whether time ``v`` sits in the bracket of a group named after end point ``ep`` and pairs
    with another group's bracketed time (before it, or right after it)."""
    if _GROUP_BRACKET_BEFORE.search(text, ep.end, v.start) is None:
        return False
    return (
        _PAIRED_BRACKET_AFTER.match(text, v.ext_end) is not None
        or _TIME_BRACKET.search(text, ep.end, v.start) is not None
    )


# Round 63b: "a median OS benefit of 15.7 months", "a median PFS gain of 6.1 months": the gain
# word follows the end point, right before the time.
_GAIN_AFTER_WORDS = ("benefit", "gain", "advantage", "extension", "prolongation")
# An optional hedge before a stated time ("of approximately 6 months").
_HEDGE = r"(?:(?:approximately|about|nearly|almost|around|over|more\s+than)\s+)?"
_GAIN_AFTER_GATE = WordGate(_GAIN_AFTER_WORDS)
_GAIN_AFTER = re.compile(
    r"\s+(?:" + "|".join(_GAIN_AFTER_WORDS) + r")s?\s+(?:of|was|by)\s+" + _HEDGE + r"\Z",
    re.I,
)


# Review of round 63b: "the benefit of pyrotinib in median PFS was 4.2 months": a benefit (of a
# treatment) in the end point, stated right after it ("was"/"of"), is a difference too. Only a
# time stated so: "a benefit in median PFS with A (24.3 months) over B" names each arm's median.
_BENEFIT_WORDS = ("benefit", "advantage")
_BENEFIT_GATE = WordGate(_BENEFIT_WORDS)
_BENEFIT_BEFORE = re.compile(
    r"\b(?:benefit|advantage)s?\s+(?:(?:of|from|with)\s+(?:[\w+/-]+\s+){1,4}?)?in\s+"
    r"(?:the\s+)?(?:median\s+)?\Z",
    re.I,
)
_STATED_TIME = re.compile(r"\s+(?:was|of)\s+" + _HEDGE + r"\Z", re.I)


def _benefit_stated(text: str, low: str | None, a: int, ep: Hit, v: Value) -> bool:
    """Whether ``v`` is "the benefit (of X) in <ep> was" time: a difference, no median."""
    return (
        _BENEFIT_GATE.may_hold(low, a, ep.start)
        and _BENEFIT_BEFORE.search(text, a, ep.start) is not None
        and _STATED_TIME.match(text, ep.end, v.start) is not None
    )


def _gain_in_median(text: str, low: str | None, s: int, ep: Hit, v: Value) -> bool:
    """Whether time ``v`` after end point ``ep`` is a gain in the median ("an extension in
    median OS of 5.5 months", "a median OS benefit of 15.7 months", "the benefit of X in median
    PFS was 4.2 months"; "prolonged median PFS by 2.9 months" is no value already)."""
    a = ep.start - 40 if ep.start - 40 > s else s
    if _GAIN_GATE.may_hold(low, a, ep.start) and _GAIN_BEFORE.search(text, a, ep.start):
        return not _group_median_bracket(text, ep, v)
    if _benefit_stated(text, low, a, ep, v):
        return True
    if _difference_right_before(text, low, s, v):
        return True
    return (
        v.start - ep.end < 48
        and _GAIN_AFTER_GATE.may_hold(low, ep.end, v.start)
        and _GAIN_AFTER.match(text, ep.end, v.start) is not None
    )


# Round 85a: "resulted in a numerically longer survival of about 6 months", "an improvement of 4
# months", "a gain of 6.1 months": a time stated right after a gain or a comparative (not "a
# longer median PFS of 12.4 months", which is a median) is a difference between the arms.
# Round 97a: "an absolute benefit of 4.5 mo", "a difference of 4.5 months", "an advantage of 3
# months" too, and a gain word right after the time ("a 4.5 month gain", "4.5 months' benefit").
_TIME_GAIN_WORDS = (
    "longer", "shorter", "improvement", "gain", "extension", "prolongation", "benefit",
    "advantage", "difference",
)  # fmt: skip
_TIME_GAIN_GATE = WordGate(_TIME_GAIN_WORDS)
_TIME_GAIN_RIGHT_BEFORE = re.compile(
    r"\b(?:(?:longer|shorter)\s+(?:(?!median\b)[a-z-]+\s+){0,2}?(?:survival|life)"
    r"|(?:improvement|gain|extension|prolongation|benefit|advantage|difference)s?)\s+(?:of|by)\s+"
    + _HEDGE
    + r"\Z",
    re.I,
)
_TIME_GAIN_RIGHT_AFTER = re.compile(
    r"['’]?s?\s*(?:absolute\s+)?(?:improvement|gain|extension|prolongation|benefit|advantage"
    r"|difference)\b",
    re.I,
)


def _difference_right_before(text: str, low: str | None, s: int, v: Value) -> bool:
    """Whether time ``v`` follows "longer survival of" / "a gain of" / "an absolute benefit of",
    or a gain word follows it right after its unit ("a 4.5 month gain"): a difference, no
    median."""
    a = v.start - 60 if v.start - 60 > s else s
    if (
        _TIME_GAIN_GATE.may_hold(low, v.ext_end, v.ext_end + 24)
        and _TIME_GAIN_RIGHT_AFTER.match(text, v.ext_end) is not None
    ):
        return True
    return (
        _TIME_GAIN_GATE.may_hold(low, a, v.start)
        and _TIME_GAIN_RIGHT_BEFORE.search(text, a, v.start) is not None
    )


# A "vs" word joining ``v`` to the next number ("36.4 v 25.1", "18.5 months with A versus 12.4"):
# only words and brackets between, none of them a ratio key ("6.1 months versus placebo (HR
# 0.62)" compares no times). _VS_BEFORE: a "vs" word right before ``v``, after a number.
_VS_NEXT = re.compile(
    rf"(?:[^\d()]|\([^()]*\)){{0,60}}?\b(?:{VS_OR_COMPARED})\s+(?=\d)",
    re.I,
)
_VS_BEFORE = re.compile(rf"\d(?:[^\d()]|\([^()]*\))*?\b(?:{VS_OR_COMPARED})\s*\Z", re.I)


def _compared_times(text: str, ep: Hit, v: Value) -> bool:
    """Whether time ``v`` is one of compared medians ("improvements in TTP (median, 36.4 v 25.1
    weeks)"): each arm's own median, not a gain between them. A "vs" word must join ``v`` to
    another number: in "an improvement in median PFS versus placebo of 6.1 months" (or "..., 6.1
    months, 18.5 vs 12.4 months") 6.1 is still the gain."""
    return (
        _VS_NEXT.match(text, v.ext_end) is not None
        or _VS_BEFORE.search(text, ep.end, v.start) is not None
    )


# "a 16% reduction in the hazard", "a 4% relative reduction with B": a relative change, which is
# no result of the end point named before it (the gold conventions keep these out).
_CHANGE_WORDS = ("reduc", "decrease", "relative", "lower")
_CHANGE_GATE = WordGate(_CHANGE_WORDS)
_CHANGE_AFTER = re.compile(
    r"\s*(?:relative\s+|proportional\s+)?(?:risk\s+)?(?:reduction|decrease|lower\s+risk|"
    r"lower\s+hazard|reduced\s+risk)\b",
    re.I,
)
# "an absolute 10% improvement in OS", "15% improvement at 12 months", "an absolute benefit of
# 2.1%": a difference between the arms' rates, not a rate (the gold conventions keep it out).
_ABS_GAIN_WORDS = ("improv", "benefit", "gain", "absolute")
_ABS_GAIN_GATE = WordGate(_ABS_GAIN_WORDS)
_ABS_GAIN_AFTER = re.compile(r"\s*(?:absolute\s+)?(?:improvement|benefit|gain)\b", re.I)
_ABS_GAIN_BEFORE = re.compile(
    r"\b(?:absolute\s+|absolute\s+(?:improvement|benefit|gain)\s+(?:in\s+[\w-]+\s+)?(?:of|was)\s+)\Z",
    re.I,
)


def _absolute_gain(text: str, low: str | None, s: int, v: Value) -> bool:
    """Whether percentage ``v`` is a gain between arms: followed by "improvement"/"benefit"/
    "gain", or right after "absolute" / "absolute benefit of"."""
    a = v.start - 40 if v.start - 40 > s else s
    if _ABS_GAIN_GATE.may_hold(low, v.ext_end, v.ext_end + 24) and _ABS_GAIN_AFTER.match(
        text, v.ext_end
    ):
        return True
    return (
        _ABS_GAIN_GATE.may_hold(low, a, v.start)
        and _ABS_GAIN_BEFORE.search(text, a, v.start) is not None
    )


# "the absolute difference in pCR was 5%", "a difference of less than 10%", "if the difference
# in pCR was <10%": a difference between the arms' rates (or a margin on it), not a rate.
_DIFFERENCE_GATE = WordGate(("differ",))
_DIFFERENCE_BEFORE = search_from_end(
    re.compile(
        r"\bdifferences?\s+(?:in\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?)?(?:of|was|were|is)\s+"
        r"(?:(?:approximately|about|only|just)\s+)?"
        r"(?:(?:less|more|greater|fewer)\s+than\s+|[<>≤≥]\s*)?\Z",
        re.I,
    )
)


# "Differences in diarrhoea were 24% with neratinib versus 13% with lapatinib": a value that
# its arm follows is that arm's rate, listed under "differences", not the size of one.
# (not "with a 95% CI of", nor "within")
_ARM_AFTER = re.compile(
    r"\s*(?:with\b(?!\s+(?:an?\s+)?(?:\d|CI\b|confidence\b|margin\b|p\b))|versus|vs\b|"
    r"in\s+(?:the\s+)?\S+\s+(?:arm|group))",
    re.I,
)


def _difference_between_arms(text: str, s: int, v: Value) -> bool:
    """Whether percentage ``v`` is the size of a difference ("difference in pCR was 5%")."""
    a = v.start - 60 if v.start - 60 > s else s
    return (
        _DIFFERENCE_BEFORE.match(text, a, v.start) is not None
        and _ARM_AFTER.match(text, v.end + 1 if text.startswith("%", v.end) else v.end) is None
    )


# "increased the pCR rate by 80%", "improved the response rate by 20%": the size of a change
# between the arms (a percentage after "by" a change verb governs), not a rate of its own; the
# gold conventions keep relative changes out. (Callers test the cheap "by " ending first.)
# The change verb must be finite or a participle ("increased", "improves"; not "dose
# reductions" or "lower HER2 expression") and its object must reach "by" with no other verb
# between: "Diarrhoea, which decreased in frequency after cycle 1, was reported by 25%" is a
# rate; "by approximately 80%" is a change as "by 80%" is.
_CHANGE_BY_BEFORE = re.compile(
    r"\b(?:increas|improv|rais|boost|reduc|decreas|lower|doubl)(?:ed|es|s)\b"
    r"(?:(?!\b(?:was|were|is|are|be|been|being|had|has|have|\w+ed)\b)[^.;:()%,]){0,60}"
    r"\bby\s+(?:(?:approximately|about|nearly|almost|around|roughly)\s+)?\Z",
    re.I,
)


def _change_by_percent(text: str, s: int, v: Value) -> bool:
    """Whether percentage ``v`` follows "<change verb> ... by": the size of a change."""
    a = v.start - 80 if v.start - 80 > s else s
    return _CHANGE_BY_BEFORE.search(text, a, v.start) is not None


# "15% improvement at 12 months (56% v 41%)": the rates a bracket opens with are the compared
# rates themselves, whatever change the words before it name.
_OPENS_COMPARED = re.compile(rf"\s*(?:{VS_WORDS})\s", re.I)


_COMPARED_BRACKET_BEFORE = re.compile(rf"\(\s*({DECIMAL}\s*%\s*(?:{VS_WORDS})\s*)?\Z", re.I)


def _opens_compared(text: str, v: Value) -> bool:
    """Whether percentage ``v`` is one of a compared pair opening a bracket: "(56% v 41%)"."""
    m = _COMPARED_BRACKET_BEFORE.search(text, max(0, v.start - 24), v.start)
    if m is None:
        return False
    return m.group(1) is not None or _OPENS_COMPARED.match(text, v.ext_end) is not None


# "27 patients (90%) completed therapy without cardiac events": the share of patients free of
# the event named after it, not its incidence.
_FREE_OF_EVENT = re.compile(r"\b(?:without|free\s+(?:of|from)|no)\s+(?:any\s+)?\Z", re.I)


def _free_of_event(text: str, a: int, b: int) -> bool:
    """Whether the gap from a percentage (ending at ``a``) to the event after it (at ``b``) ends
    in "without" / "free of" / "no"."""
    gap = text[a:b]
    return ("without" in gap or "free" in gap or "no" in gap) and bool(_FREE_OF_EVENT.search(gap))


# Shares of the events, not incidences among patients: "77.4% of ILD events were grade 1 or
# 2", "grade 5 events accounted for 2.2% of cases", "Of the 177 ILD events, 87% had their first
# onset within 12 months". ("occurred in 2.2% of cases" reads "cases" as patients: kept.) A
# pharmacovigilance database counts reports, not patients: "22.4% of ILD reports were fatal".
_EVENT_SHARE_GATE = WordGate(("event", "case", "episode", "report"))
_EVENT_NOUN = r"(?:events|cases|episodes|reports)\b"
# The words between "of" and the event noun name the event, never people ("X% of patients had
# grade 3 events" is an incidence).
_EVENT_WORDS = r"(?:(?!(?:patients|pts|women|participants|subjects|those|who)\b)[\w/≥≤-]+\s+){0,4}?"
_EVENT_SHARE_AFTER = re.compile(
    r"[\s)\]]*of\s+(?:the\s+|all\s+|these\s+|those\s+)?(?:\d[\d,]*\s+)?"
    + _EVENT_WORDS
    + _EVENT_NOUN,
    re.I,
)
_IN_BEFORE = re.compile(r"\bin\s+\Z", re.I)
_EVENT_SHARE_BEFORE = re.compile(
    r"\b(?:of|among)\s+(?:the\s+|all\s+|these\s+|those\s+)(?:\d[\d,]*\s+)?"
    + _EVENT_WORDS
    + _EVENT_NOUN
    + r"\s*,\s*\Z",
    re.I,
)
# "most events were grade 1 or 2 (77.4%)": the share in the bracket of a clause whose subject
# is most (the majority) of the events. Not a superlative: "the most common grade 3 events were
# thrombocytopenia (12.9%)" names an event with its incidence.
_MOST_EVENTS_BEFORE = re.compile(
    r"\b(?:most|the\s+majority)\s+"
    r"(?!(?:common|commonly|frequent|frequently|often|prevalent|serious|severe|notable)\b)"
    r"(?:of\s+(?:the\s+|these\s+|all\s+)?)?"
    + _EVENT_WORDS
    + _EVENT_NOUN
    + r"\s+(?:were|was|had|occurred)\b[^.;:()\[\]]{0,50}[(\[]\s*\Z",
    re.I,
)
_EVENT_SHARE_AFTER_REACH = 60  # characters after a value ("% of the 125 ILD events")
_EVENT_SHARE_REACH = 70  # characters before a value looked at ("Of the 177 ILD events, ")


def _share_of_events(text: str, low: str | None, s: int, v: Value) -> bool:
    """Whether percentage ``v`` is a share of the events or cases ("X% of ILD events", "Of
    these events, X%"), which is no incidence among patients."""
    a = v.ext_end
    b = v.start - _EVENT_SHARE_REACH if v.start - _EVENT_SHARE_REACH > s else s
    if not _EVENT_SHARE_GATE.may_hold(low, b, a + _EVENT_SHARE_AFTER_REACH):
        return False  # no event word before or after the value (one test for both windows)
    if _EVENT_SHARE_GATE.may_hold(low, a, a + _EVENT_SHARE_AFTER_REACH):
        m = _EVENT_SHARE_AFTER.match(text, a, a + _EVENT_SHARE_AFTER_REACH)
        if m is not None and not (
            m.group(0).lower().endswith("cases")
            and _IN_BEFORE.search(text, max(s, v.start - 4), v.start)
        ):
            return True
    if not _EVENT_SHARE_GATE.may_hold(low, b, v.start):
        return False
    if _EVENT_SHARE_BEFORE.search(text, b, v.start) is not None:
        return True
    return _most_events_before(text, b, v.start)


def _most_events_before(text: str, b: int, pos: int) -> bool:
    """Whether the percentage at ``pos`` opens the bracket of "most (ILD) events were grade 1
    or 2 (" (see ``_MOST_EVENTS_BEFORE``); the regex runs only after "most"/"majority"."""
    if text.find("ost ", b, pos) < 0 and text.find("ajority", b, pos) < 0:
        return False
    return _MOST_EVENTS_BEFORE.search(text, b, pos) is not None


# "70% of patients in the A arm crossed over to receive trastuzumab": a share of patients who
# switched treatment, not a result of the end point named before it.
_CROSSOVER_WORDS = ("crossed", "switched", "cross over")
_CROSSOVER_GATE = WordGate(_CROSSOVER_WORDS)
_CROSSOVER_AFTER = re.compile(
    r"[\s)\]]*of\s+(?:the\s+|all\s+)?(?:patients|pts|women|participants)\s+"
    r"(?:(?:in|from)\s+the\s+(?:[\w+/-]+\s+){1,4}?(?:arm|group)\s+|who\s+had\s+\w+\s+)?"
    r"(?:had\s+|subsequently\s+|later\s+|eventually\s+)?(?:crossed\s+over|switched|cross\s+over)\b",
    re.I,
)


def _crossover_share(text: str, v: Value) -> bool:
    """Whether percentage ``v`` is followed by "of patients (in the A arm) crossed over"."""
    return _CROSSOVER_AFTER.match(text, v.ext_end, v.ext_end + 120) is not None


# "227 patients (79.6%) were PET responders", "41 (35%) were Ki67 responders", "30% had ctDNA
# clearance": the share of patients who responded by imaging or a biomarker is no contract end
# point, though the end point of the next clause ("of whom 86 (37.9%) achieved a pCR") follows.
# A qualifier is needed, and not a response-rate one ("were objective responders", "were RECIST
# responders" are an ORR), whether the end point comes before the share or after it.
_RESPONDER_GATE = WordGate(("responder", "clearance"))
# Round 97a: the people counted may be named with their group between the share and the verb
# ("227 (79.6%) patients in group B were PET responders", "of patients in the THP arm were").
_RESPONDER_SHARE_AFTER = re.compile(
    r"[\s)\]]*(?:(?:of\s+)?(?:the\s+|all\s+)?(?:patients|pts|women|participants)\s+"
    r"(?:(?:in|from|of)\s+(?:the\s+)?(?:(?:arm|group|cohort)\s+[A-Z\d]\b|(?:[\w+/-]+\s+){1,3}?"
    r"(?:arm|group|cohort))\s+)?)?"
    r"(?:were|was|became|being|had|achieved|showed)\s+(?:classified\s+as\s+)?(?:an?\s+)?"
    r"(?:(?:(?!(?:objective|overall|complete|partial|confirmed|clinical|tumou?r|recist"
    r"|radiologic(?:al)?|radiographic)\b)[\w/-]+\s+)"
    r"{1,3}?(?:responders?|non-?responders?)\b"
    r"|(?:(?:[\w/-]+\s+){0,2}?)(?:ctDNA|ctdna|cfDNA)\s+clearance\b)",
    re.I,
)


def _responder_share(text: str, low: str | None, v: Value) -> bool:
    """Whether percentage ``v`` is followed by "were PET responders" / "had ctDNA clearance":
    a share of responders by imaging or a biomarker, not the end point named after it."""
    a = v.ext_end
    return _RESPONDER_GATE.may_hold(low, a, a + 60) and (
        _RESPONDER_SHARE_AFTER.match(text, a, a + 60) is not None
    )


# Round 97d: "65.0% of responses lasted at least 6 months", "responses lasted 6 months or
# longer in 58% of responders": a share of the responses (or responders) whose response lasted
# a set time is a landmark of the duration of response, which the gold README gives no rate
# of, and no response rate. Only the share itself: "the ORR was 40%, and responses lasted a
# median of 9 months" keeps its 40%.
_RESPONSE_SHARE_GATE = WordGate(("respon",))
_RESPONSE_SHARE_AFTER = re.compile(
    r"[\s)\]]*of\s+(?:the\s+|all\s+|these\s+|those\s+)?(?:\d[\d,]*\s+)?"
    r"(?:(?:confirmed|objective|tumou?r)\s+)?(?:responses\b|(?:responders|responding\s+patients)\b"
    # (merge of rounds 97c/97d: "1.0% of responders in group B" had an event: a subset's value;
    # a share of responders is a response's only when its duration follows)
    r"(?=[^.;%]{0,40}?\b(?:last\w*|ongoing|maintain\w*|persist\w*|durable|remain\w*|duration)))",
    re.I,
)
_RESPONSE_LASTED_BEFORE = re.compile(
    r"\bresponses?\s+(?:lasted|lasting|persisted|were\s+maintained|was\s+maintained)\b"
    r"[^;%()]{0,50}?\bin\s+\Z",
    re.I,
)


def _response_duration_share(text: str, low: str | None, s: int, v: Value) -> bool:
    """Whether percentage ``v`` is a share of the responses or responders ("X% of responses
    lasted ...") or a landmark of response duration ("responses lasted ... in X%")."""
    a = v.ext_end
    if _RESPONSE_SHARE_GATE.may_hold(low, a, a + 40) and (
        _RESPONSE_SHARE_AFTER.match(text, a, a + 40) is not None
    ):
        return True
    b = v.start - 80 if v.start - 80 > s else s
    return _RESPONSE_SHARE_GATE.may_hold(low, b, v.start) and (
        _RESPONSE_LASTED_BEFORE.search(text, b, v.start) is not None
    )


# Round 84a: "adverse events occurred in 31% of patients, and 4% discontinued sevabertinib
# because of them": a share whose own verb says the patients stopped treatment is a
# discontinuation share, no rate of the event named before it.
_STOPPED_WORDS = ("discontinued", "stopped", "withdrew", "interrupted")
_STOPPED_GATE = WordGate(_STOPPED_WORDS)
_STOPPED_SHARE_AFTER = re.compile(
    r"[\s)\]]*(?:of\s+(?:the\s+|all\s+)?(?:patients|pts|women|participants)\s+)?"
    r"(?:had\s+to\s+|subsequently\s+|eventually\s+|permanently\s+)?"
    r"(?:discontinued|stopped|withdrew|interrupted)\b",
    re.I,
)


def _stopped_share(text: str, low: str | None, v: Value) -> bool:
    """Whether percentage ``v`` is followed by "(of patients) discontinued/stopped ..."."""
    a = v.ext_end
    return _STOPPED_GATE.may_hold(low, a, a + 40) and (
        _STOPPED_SHARE_AFTER.match(text, a, a + 60) is not None
    )


# Round 92b: "Hypertension at baseline was present in 35.2%", "Pre-existing peripheral neuropathy
# was reported in 8.1%", "a history of congestive heart failure in 3%", "prior cardiac events":
# an event qualified as present before treatment is a baseline characteristic, no incidence.
# The qualifier must sit on the event mention itself (only modifiers between), so "cardiac events
# occurred in 5% of patients with a history of hypertension" and "prior trastuzumab" stay out.
# A change of the condition on treatment is a result: "worsening of baseline neuropathy".
_BASELINE_GATE = WordGate(("baseline", "pre-existing", "preexisting", "history", "prior"))
_EVENT_MODIFIERS = (
    r"(?:(?:grade\s*[≥≤>]?\s*\d(?:\s*(?:-|–|or|to)\s*\d)?|any[\s-]grade|mild|moderate|severe"
    r"|symptomatic|asymptomatic|clinically\s+significant|significant|known|chronic|active)\s+)*"
)
_BASELINE_BEFORE = re.compile(
    r"(?<![\w-])(?:baseline|pre-?existing|preexisting|history\s+of|prior)\s+"
    + _EVENT_MODIFIERS
    + r"\Z",
    re.I,
)
# "worsening of baseline neuropathy", "change from baseline": the event changed on treatment.
_CHANGE_OF_BASELINE = re.compile(
    r"\b(?:worsen\w*|aggravat\w*|exacerbat\w*|progress\w*|deteriorat\w*|increase[sd]?"
    r"|decrease[sd]?|declines?|changes?|from|since|over|(?:relative|compared)\s+(?:to|with))"
    r"(?:\s+(?:of|in))?\s+\Z",
    re.I,
)
_BASELINE_AFTER = re.compile(
    r"\s*(?:(?:was|were)\s+)?(?:(?:present|noted|reported|observed|recorded)\s+)?at\s+baseline\b",
    re.I,
)


# Review of round 92b: "Among patients with baseline neuropathy, 20% had ...", "Of patients
# with prior neuropathy, 25% had worsening": the qualified event names a subgroup whose
# on-treatment result follows, no condition of the population enrolled.
_SUBGROUP_OPENER = re.compile(
    r"\b(?:among|in|of|for)\s+(?:the\s+)?(?:\d+\s+)?(?:patients|participants|women|subjects|those)"
    r"\s+(?:with|who\s+had)\s+(?:an?\s+)?\Z",
    re.I,
)


def _baseline_condition(text: str, low: str | None, s: int, ep: Hit, v: Value) -> bool:
    """Whether event ``ep`` is qualified as present before treatment: "pre-existing X", "a
    history of X", "prior X", "baseline (grade 1) X" (not after a change word: "worsening of
    baseline X", nor opening a subgroup the later value ``v`` is a result of: "among patients
    with prior X, N% ...") or "X (present) at baseline"."""
    a = ep.start - 60 if ep.start - 60 > s else s
    if not _BASELINE_GATE.may_hold(low, a, ep.end + 40):
        return False
    if _BASELINE_AFTER.match(text, ep.end, ep.end + 40) is not None:
        return True
    m = _BASELINE_BEFORE.search(text, a, ep.start)
    if m is None or _CHANGE_OF_BASELINE.search(text, a, m.start()) is not None:
        return False
    return v.start < ep.end or _SUBGROUP_OPENER.search(text, a, m.start()) is None


# Round 77b: "6-mo PFS rate (null 50%, alternative 70%)", "(H0: 30%; H1: 50%)": a design's
# hypotheses, no results.
# (review of round 77b: so is the bar a result is held to, "exceeding the prespecified
# threshold of 20%")
# Round 80b: the end point may be named between ("the null ORR was 5%", "a null hypothesis pCR
# rate of 20%", "the design assumed a pCR rate of 40%"), but no verb that reports ("the null
# hypothesis was rejected; the ORR was 45%").
_HYPOTHESIS_GATE = WordGate(
    ("null", "alternativ", "h0", "h1", "p0", "p1", "threshold", "assumed", "assuming")
)
# (review of round 80b: nor any word naming what is given, "the alternative dosing arm was 30%",
# "assigned to the alternative schedule had a pCR rate of 45%": an arm's result; nor one that
# reports what patients had, "assumed responders had a pCR rate of 20%")
_HYPOTHESIS_BEFORE = re.compile(
    r"(?:(?<!-)\b(?:(?:null|alternative)(?:\s+hypothes[ie]s)?|assum(?:ed|ing))"
    r"(?:\s+(?!(?:was|were|is|are|rejected|met|not|and|but|that|with|in|ha[ds]|have|showed"
    r"|achieved|reached|arms?|groups?|cohorts?|schedules?|dos(?:e|es|ing)|regimens?"
    r"|treatments?|therap(?:y|ies))\b)[\w-]+){0,4}?"
    r"|\b[hp][01]|\bthreshold)"
    r"\s*(?:[:=]|of\b|was\b|rate\s+of\b)?\s*\Z",
    re.I,
)
_HYPOTHESIS_REACH = 40  # characters before the percentage the hypothesis words may start
# Round 77b: "the major pathological response rate (less than 10% residual tumour)": a share of
# the tumour that defines a response, no result.
_THRESHOLD_GATE = WordGate(("residual", "viable"))
_THRESHOLD_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:residual|viable)\s+(?:invasive\s+)?(?:tumou?r|cancer|disease|"
    r"carcinoma|cells?)\b",
    re.I,
)


# Round 84a: "High sTILs (≥ 30%) were associated with tpCR": a bracket holding only a percentage
# with a comparison sign defines the group of the word before it (a cut-off), no result.
_SIGNED_BRACKET_BEFORE = re.compile(r"[(\[]\s*(?:≥|≤|>=|<=|=>|>|<)\s*\Z")
_BRACKET_CLOSE = re.compile(r"\s*[)\]]")
# (review of round 84a: after a predicate, "pneumonitis was rare (<1%)", "events occurred
# infrequently (< 2%)", the bracket bounds the result just stated: no cut-off.)
_PREDICATE_BEFORE_BRACKET = re.compile(
    r"\b(?:was|were|is|are|remained|occurred|observed|reported|seen)"
    r"(?:\s+[a-z]+){0,2}\s*[(\[][^()\[\]]{0,3}\Z",
    re.I,
)
# (lead fix 0.3.202: after a count, "thrombocytopenia (one [<1%] vs 16 [8%])", "in 2 patients
# (<1%)", the bracket is that count's share: no cut-off.)
_COUNT_BEFORE_BRACKET = re.compile(
    r"(?:\b\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)|\bpatients?)"
    r"\s*[(\[][^()\[\]]{0,3}\Z",
    re.I,
)


def _cutoff_bracket(text: str, s: int, v: Value) -> bool:
    """Whether percentage ``v`` alone, with a comparison sign, fills a bracket that follows
    no predicate (``_PREDICATE_BEFORE_BRACKET``) and no count (``_COUNT_BEFORE_BRACKET``)."""
    a = v.start - 6 if v.start - 6 > s else s
    if text.find("(", a, v.start) < 0 and text.find("[", a, v.start) < 0:
        return False  # (most values: no bracket opens right before them)
    return (
        _SIGNED_BRACKET_BEFORE.search(text, a, v.start) is not None
        and _BRACKET_CLOSE.match(text, v.ext_end) is not None
        and _PREDICATE_BEFORE_BRACKET.search(text, max(s, v.start - 40), v.start) is None
        and _COUNT_BEFORE_BRACKET.search(text, max(s, v.start - 20), v.start) is None
    )


def _hypothesis_or_threshold(text: str, low: str | None, s: int, v: Value) -> bool:
    """Whether percentage ``v`` is a hypothesis ("null 50%", "H1: 70%"), a threshold of
    residual tumour that defines a response ("10% residual tumour") or a group's cut-off
    (``_cutoff_bracket``)."""
    if _cutoff_bracket(text, s, v):
        return True
    a = v.start - _HYPOTHESIS_REACH if v.start - _HYPOTHESIS_REACH > s else s
    if _HYPOTHESIS_GATE.may_hold(low, a, v.start) and _HYPOTHESIS_BEFORE.search(text, a, v.start):
        return True
    b = v.ext_end
    return _THRESHOLD_GATE.may_hold(low, b, b + 24) and (
        _THRESHOLD_AFTER.match(text, b, b + 40) is not None
    )


# Every word of the crossover, change and absolute-gain gates, for the window that holds all of
# theirs (from 40 characters before a rate to 80 after it): ``_endpoint_for`` asks it first.
_NOT_A_RATE_GATE = WordGate(_CROSSOVER_WORDS + _CHANGE_WORDS + _ABS_GAIN_WORDS)


# "Patients achieving pCR had a 3-year EFS of 95.1% compared with 84.3% in those with residual
# disease (HR 0.31 ...)": a ratio of groups defined by their response to treatment compares no
# arms (a prognostic factor). Both groups must be named: a ratio "among patients with residual
# disease" alone is a subgroup's comparison of the arms.
_PCR_GROUP_GATE = WordGate(("pcr", "complete response"))
# (Negated, "who had not achieved pCR" names the patients with residual disease.)
_PCR_GROUP = re.compile(
    r"(?<!not\s)(?<!n't\s)(?<!never\s)"
    r"\b(?:achiev(?:ed|ing)|attain(?:ed|ing)|with|had)\s+(?:an?\s+)?"
    r"(?:pcr|path(?:ologic(?:al)?)?\s+complete\s+response)\b",
    re.I,
)
_NON_PCR_GROUP = re.compile(
    r"\b(?:residual\s+(?:invasive\s+)?(?:disease|tumou?r|cancer)|non-?pcr|"
    r"(?:without|not\s+achieving|did\s+not\s+achieve)\s+(?:an?\s+)?pcr)\b",
    re.I,
)


def _response_groups_ratio(text: str, low: str | None, s: int, v: Value) -> bool:
    """Whether the sentence before ratio ``v`` (from ``s``) names both the patients who
    achieved pCR and those who did not (residual disease, non-pCR): the ratio compares those
    response groups, no arms."""
    if not _PCR_GROUP_GATE.may_hold(low, s, v.start):
        return False
    return (
        _PCR_GROUP.search(text, s, v.start) is not None
        and _NON_PCR_GROUP.search(text, s, v.start) is not None
    )


# Round 59b: "visceral metastases at baseline (HR 1.58, ...) were associated with shorter PFS",
# "a higher baseline HER2 mRNA level was associated with response (odds ratio 6.2, ...)": a
# ratio of a subject that names no treatment, associated with the end point, is a prognostic or
# predictive factor's (a patient or tumour feature), no comparison of arms. The subject is the
# clause before "was/were associated with" (before the ratio's bracket when it stands there).
# Round 63b: "ESR1 mutation status predicted shorter OS (HR 1.8": "predicted" (or "was
# predictive of") joins a subject to its end point as "was associated with" does.
# Round 64b: "Patients with a HER2 copy number of 10 or more had a higher ORR (OR 3.2": "had"
# a higher (longer, ...) end point joins a subject to it as well; the subject tests below decide.
# Round 97a: "liver metastasis (HR=1.85, ...) was an independent risk factor for PFS": the
# independent-factor verb of round 77b needs its own gate word ("predictor" had "predict").
_ASSOCIATED_GATE = WordGate(("associated", "predict", "had", "independent"))
# Round 73b: the negated verb joins them too ("age >=65 years was not (significantly) associated
# with PFS (HR 1.14"): a factor's ratio whether or not it reached significance.
_ASSOCIATED = re.compile(
    r"\b(?:was|were)\s+(?:not\s+)?(?:(?:significantly|independently|strongly|also)\s+)?"
    r"(?:associated\s+with|predictive\s+of)\b"
    r"|(?<![\w-])(?:(?:significantly|independently|strongly|also)\s+)?predict(?:ed|s)\b"
    r"|\bhad\s+(?:an?\s+)?(?:(?:significantly|numerically)\s+)?(?:higher|lower|better|worse|"
    r"longer|shorter|greater|improved|poorer)\b"
    # Round 77b: "status (OR=2.61, ...) was an independent predictor of tpCR"
    r"|\b(?:was|were)\s+(?:an?\s+)?independent\s+(?:[\w-]+\s+){0,2}?(?:predictors?|factors?)\s+"
    r"(?:of|for)\b",
    re.I,
)
# A clause opens after "that", "whereas", "while" or a comma, colon or semicolon (the subject
# of an independent factor, rows._SUBJECT_START, only after "that" or the marks).
_CLAUSE_HEAD = subject_start("that", "whereas", "while")
# A subject that is the treatment or stands for it ("treatment with ...", "the addition of",
# "the experimental arm", "this", "it"). Broader than rows._TREATMENT_SUBJECT (an independent
# factor's subject, where "prior therapy" is a factor): any treatment word, an arm or a pronoun.
_TREATED_SUBJECT = re.compile(
    r"\b(?:treat(?:ment|ed)|therap|regimen|combination|addition|randomi[sz]|allocat|assign|"
    r"receiv|exposure|(?:arms?|groups?|this|it|which)\b)",
    re.I,
)
# A ratio after the verb is a factor's only when the subject is a graded measure ("a higher
# baseline HER2 mRNA level", "increasing age"); a group named alone ("HER2-low status was
# associated with longer DFS (HR 0.87)") may be the groups the study compares.
_GRADED_SUBJECT = re.compile(
    r"\b(?:higher|lower|elevated|increas(?:ed|ing)|decreas(?:ed|ing)|greater)\b", re.I
)
# Round 63b: "ESR1 mutation status predicted shorter OS (HR 1.8": a subject whose head is
# "status" that "predicted" (or "was predictive of") an end point is a predictor, graded or not
# (the gold conventions' factor "hormone receptor-negative status"). With "was associated with"
# the status may name the groups the study compares ("HER2-low status was associated with
# longer DFS (HR 0.87)" in a HER2-low versus HER2-0 study), which stays.
_STATUS_SUBJECT = re.compile(r"\bstatus\s*\Z", re.I)
# Round 64b: a subject that names a tumour biomarker ("PIK3CA-mutated tumours", "high TILs",
# "a HER2 copy number of 10 or more", "hormone receptor-negative tumours") is a predictor or
# prognostic factor, with any verb. ("-low"/"-high" groups stay: "HER2-low status was associated
# with longer DFS" may be the groups a study compares.)
_BIOMARKER_SUBJECT = re.compile(
    r"(?:-negative|-positive|-mutated|-mutant|\bmutations?\b|wild-type|\bamplifi|"
    r"\bcopy\s+numbers?\b|\bexpression\b|\b[si]?TILs?\b|tumou?r-infiltrating)",
    re.I,
)
# Round 70b: a subject naming a clinical feature of the patient or disease ("an ECOG
# performance status of 2", "HR positivity", "liver metastases") is a prognostic factor, as a
# biomarker is: no study's arms differ by it. ("-low" groups still stay, as above.)
# Round 73b: so are the patient's age ("age >=65 years", "patients aged 70 or more") and a
# hormone-receptor status ("HR status", "ER status"), which no arms differ by either.
_CLINICAL_SUBJECT = re.compile(
    r"\b(?:performance\s+status|ECOG|positivity|negativity|metastas[ie]s|age[d]?|"
    r"(?:(?:hormone|o?estrogen|progesterone)[\s-]receptor|HR|ER|PgR|PR)\s+status)\b",
    re.I,
)


def _treated_subject(text: str, a: int, end: int, exposures: list[tuple[int, int]]) -> bool:
    """Whether subject text[a:end] names a treatment (``_TREATED_SUBJECT``) that is not one the
    patients had before the study: "prior trastuzumab exposure" is a feature (round 77b), and
    so is a drug class's exposure (``exposures``, spans of ``_class_exposures``)."""
    for m in _TREATED_SUBJECT.finditer(text, a, end):
        if any(x <= m.start() < y for x, y in exposures):
            continue
        if _EARLIER_BEFORE.search(text, max(a, m.start() - 40), m.start()) is None:
            return True
    return False


# Round 94b: "anthracycline exposure (OR, 2.12; ...) and a BMI of 30 or higher (OR, 1.68) were
# independently associated with cardiotoxicity", "exposure to taxanes", "anthracycline use":
# exposure to a drug class, which varies by patient (the gold conventions leave class partners
# out of arms), is a feature of the patients, as "prior trastuzumab exposure" is. Only a class
# mention (lexicon kind "class") with an exposure noun: a named drug ("trastuzumab exposure")
# may be the treatment a real-world study compares, and "treatment with an anthracycline-
# containing regimen" or "receipt of dual HER2 blockade" still name the treatment.
_EXPOSURE_GATE = WordGate(("exposure", "use"))
_CLASS_EXPOSURE_AFTER = re.compile(r"[\s-]+(?:exposure|use)\b", re.I)
_EXPOSURE_TO_BEFORE = re.compile(
    word_start([r"exposure\s+to", r"use\s+of"]) + r"\s+(?:(?i:an?|the)\s+)?\Z"
)


def _class_exposures(
    text: str, low: str | None, a: int, end: int, drug_hits: list[Hit]
) -> list[tuple[int, int]]:
    """Spans of the drug-class exposures in subject text[a:end] ("anthracycline exposure",
    "exposure to taxanes", "anthracycline use"): each from its first word to its last."""
    if not _EXPOSURE_GATE.may_hold(low, a, end):
        return []
    spans = []
    for h in drug_hits:
        if h.kind != "class" or not a <= h.start < end:
            continue
        m = _CLASS_EXPOSURE_AFTER.match(text, h.end, end)
        if m is not None:
            spans.append((h.start, m.end()))
            continue
        b = _EXPOSURE_TO_BEFORE.search(text, max(a, h.start - 16), h.start)
        if b is not None:
            spans.append((b.start(), h.end))
    return spans


# A word of earlier therapy up to three words before a treatment word ("prior trastuzumab
# exposure", "previous anti-HER2 therapy").
_EARLIER_BEFORE = re.compile(rf"\b(?:{PRIOR_WORDS})\s+(?:[\w-]+\s+){{0,3}}\Z", re.I)


def _clinical_subject(text: str, a: int, end: int) -> bool:
    """Whether subject text[a:end] names a clinical feature (``_CLINICAL_SUBJECT``) and no
    treatment: "receipt of dual HER2 blockade in patients with brain metastases" is still the
    treatment compared (review of round 70b)."""
    return (
        _CLINICAL_SUBJECT.search(text, a, end) is not None
        and _TREATMENT_NOUN.search(text, a, end) is None
    )


# A drug given before the study ("prior pertuzumab"); unlike rows._PRIOR_BEFORE, "earlier"
# is no such word here.
_EARLIER_DRUG = re.compile(rf"\b(?:{PRIOR_WORDS})\b", re.I)


# Round 60c: "Recurrent disease was associated with shorter OS (adjusted HR 1.45, ...)": a
# ratio adjusted in a model ("adjusted HR", "aHR", "multivariable HR") of a subject that names no
# treatment is a covariate's, as a graded subject's is.
_ADJUSTED_KEY = re.compile(r"(?:adjusted|multivaria(?:ble|te))[\s-]+\Z", re.I)


def _adjusted_ratio(text: str, v: Value) -> bool:
    """Whether ratio ``v``'s key is written as adjusted ("adjusted HR", "aHR")."""
    ks = v.key_start
    if ks is None:
        return False
    if text.startswith(("aHR", "aOR"), ks):
        return True
    return _ADJUSTED_KEY.search(text, max(0, ks - 16), ks) is not None


# Review of 60c: "Receipt of dual HER2 blockade was associated with improved OS (adjusted HR
# 0.70)": a subject naming a treatment without a drug's name is still the arms compared.
_TREATMENT_NOUN = re.compile(r"\b(?:receipt|blockade|inhibition|use\s+of)\b", re.I)


def _adjusted_factor(text: str, a: int, end: int, v: Value) -> bool:
    """Whether adjusted ratio ``v`` (``_adjusted_ratio``) is of a subject text[a:end] that names
    no treatment (``_TREATMENT_NOUN``)."""
    return _adjusted_ratio(text, v) and _TREATMENT_NOUN.search(text, a, end) is None


def _predicts(text: str, m: re.Match[str]) -> bool:
    """Whether association ``m`` is a "predicted" / "was predictive of" one."""
    return text.find("redict", m.start(), m.end()) >= 0


def _governing_association(text: str, s: int, e: int, v: Value) -> re.Match[str] | None:
    """The "was/were associated with" of sentence [s, e) that ratio ``v`` belongs to: the last
    one before it, unless a new clause opens between the two ("Higher age was associated with
    shorter OS (HR 1.50), and the addition of trastuzumab was associated with longer OS (HR
    0.60)"); else the first one after it (the ratio a bracket on that clause's subject)."""
    before = after = None
    for m in _ASSOCIATED.finditer(text, s, e):
        if m.end() <= v.start:
            before = m
        else:
            after = m
            break
    if before is not None and (
        after is None or _CLAUSE_HEAD.search(text, before.end(), v.start) is None
    ):
        return before
    return after


# Review of round 64b: a drug compared between the verb and the ratio ("had a higher pCR rate
# with X than with Y (OR") names the treatments the ratio compares; a group alone ("associated
# with pCR in arm C (OR") is only where a factor was measured.
_COMPARED_WORD = re.compile(rf"\b(?:than|{VS}|{COMPARED_WITH_OR_TO}|over)\s", re.I)


def _treatment_compared_after(text: str, m: re.Match[str], v: Value, drug_hits: list[Hit]) -> bool:
    """Whether a comparison word and a drug (not one given before the study) stand between
    association ``m`` and ratio ``v``: a treatment's ratio in the subject's subgroup."""
    if _COMPARED_WORD.search(text, m.end(), v.start) is None:
        return False
    return any(
        m.end() <= h.start < v.start and _EARLIER_DRUG.search(text, m.end(), h.start) is None
        for h in drug_hits
    )


# Round 96c: "Within the T-DXd cohort, IHC 2+ vs IHC 1+ status was not associated with rwPFS
# (HR, 0.95; ...), whereas prior CDK4/6 inhibitor exposure was (HR, 1.46; ...)": a sentence
# scoped to the group of one drug compares no treatments, so a ratio of an association in it
# (the elliptical "whereas X was (HR" too) is a factor's, whatever the subject.
_GROUP_SCOPE_BEFORE = re.compile(r"\b(?:[Ww]ithin|[Aa]mong|[Ii]n)\s+the\s+\Z")
_GROUP_SCOPE_AFTER = re.compile(r"(?:-treated)?\s+(?:cohort|group|arm|population)\s*,")
_SCOPE_OPENS = 16  # characters a heading ("Results: ") may take before the scope


def _one_group_association(text: str, s: int, v: Value, drug_hits: list[Hit]) -> bool:
    """Whether sentence [s, ...) opens with "Within / Among / In the <drug> cohort (group, arm,
    population)," names no other treatment (but earlier ones, "prior X") before ratio ``v``, and
    a "was (not) associated with" / "predicted" stands between the scope and ``v``."""
    scope_end = -1
    for h in drug_hits:
        if h.start < s:
            continue
        if h.start >= v.start:
            break
        if scope_end < 0:
            if h.start - s > _SCOPE_OPENS + 20:
                return False  # (the first drug of the sentence is no scope's)
            b = _GROUP_SCOPE_BEFORE.search(text, max(s, h.start - 12), h.start)
            m = _GROUP_SCOPE_AFTER.match(text, h.end)
            if b is None or m is None or b.start() - s > _SCOPE_OPENS:
                return False
            scope_end = m.end()
        elif _EARLIER_DRUG.search(text, scope_end, h.start) is None:
            return False  # another treatment named: it may be the one compared
    return scope_end >= 0 and _ASSOCIATED.search(text, scope_end, v.start) is not None


def _associated_factor_ratio(
    text: str, low: str | None, s: int, e: int, v: Value, drug_hits: list[Hit], eps: list[Hit]
) -> bool:
    """Whether ratio ``v`` belongs to "<subject> was/were associated with <end point>" in the
    sentence ``text[s:e]`` and the subject names no treatment (no drug unless given before the
    study, no treatment word) and no end point (``eps``: "pCR was associated with improved OS
    (aHR 0.42)" is read as before): a factor's ratio, no arms' comparison."""
    if not _ASSOCIATED_GATE.may_hold(low, s, e):
        return False
    if _one_group_association(text, s, v, drug_hits):
        return True
    m = _governing_association(text, s, e, v)
    if m is None:
        return False
    after = m.end() <= v.start
    if after:
        if text.find(";", m.end(), v.start) >= 0:
            return False  # the ratio opens another clause
        end = m.start()
    else:
        end = text.rfind("(", s, v.start)
        if end < 0 or text.find(")", v.end, m.start()) < 0 or v.start > m.start():
            return False  # the ratio is no bracket on the subject
    a = s
    for head in _CLAUSE_HEAD.finditer(text, s, end):
        a = head.end()
    if a >= end:
        return False
    exposures = _class_exposures(text, low, a, end, drug_hits)
    if _treated_subject(text, a, end, exposures):
        return False
    if any(a <= h.start < end and h.canonical[:1] != "_" for h in eps):
        return False  # (a population's words, "hormone receptor-negative", name no end point)
    if after:
        feature = (
            bool(exposures)
            or _BIOMARKER_SUBJECT.search(text, a, end) is not None
            or _clinical_subject(text, a, end)
        )
        if (text.startswith("had", m.start()) or feature) and _treatment_compared_after(
            text, m, v, drug_hits
        ):
            return False  # "ER-negative patients had a higher pCR with X than with Y (OR"
        if (
            not feature
            and _GRADED_SUBJECT.search(text, a, end) is None
            and not (_predicts(text, m) and _STATUS_SUBJECT.search(text, a, end) is not None)
            and not _adjusted_factor(text, a, end, v)
        ):
            return False  # "HER2-low status was associated with longer DFS (HR": groups compared
    return not any(
        a <= h.start < end
        and _EARLIER_DRUG.search(text, a, h.start) is None
        and not any(x <= h.start < y for x, y in exposures)
        for h in drug_hits
    )


# Round 60c: "The pCR rate was 45.0% and the R0 resection rate was 82.0%": after a clause break,
# a rate named by words that are no end point of the sentence (the end points the lexicon reads
# stand between, so ``_last_before`` would find them first) is an end point outside the
# contract's list: the value is not the earlier clause's end point's. Words that only point back
# to it ("the corresponding rate", "the rate in ...") name no other end point.
_UNLISTED_RATE = re.compile(
    r"(?:[,;]|\b(?:and|whereas|while))\s+(?:the\s+)?((?:[A-Za-z][\w-]*\s+){1,3})rates?"
    r"(?:\s+(?:was|were|is|reached)\b|\s*[:=]|\s+\d)"
)
# A preposition makes the words a phrase of their own ("the complement of the rate"), no name
# of the rate.
_PREPOSITIONS = frozenset({"of", "in", "at", "for", "by", "with", "on", "to", "from"})
# (no preposition: words holding one are skipped before this test)
_POINTING_WORDS = frozenset(
    {"the", "a", "an", "corresponding", "respective", "same", "similar", "comparable", "this",
     "that", "its", "their", "overall", "observed", "estimated", "crude", "actual", "was",
     "were", "had", "confirmed", "unconfirmed", "adjusted", "cumulative", "event", "landmark",
     "and", "but", "whereas", "while"}
)  # fmt: skip
# A landmark's words ("the five-year rate") date the same end point.
_LANDMARK_WORD = re.compile(r"year|month|week")


def _unlisted_rate_between(text: str, a: int, b: int, lex: EndpointLexicon) -> bool:
    """Whether a rate of words that name no listed end point opens a clause in text[a:b]
    (words holding a listed end point's term, "and overall survival rates were", name it)."""
    if text.find("rate", a, b) < 0:
        return False
    for m in _UNLISTED_RATE.finditer(text, a, b):
        words = m.group(1).lower().split()
        if _PREPOSITIONS.intersection(words):
            continue
        if _names_listed_end_point(text, m.start(1), m.end(), lex):
            continue
        if any(w not in _POINTING_WORDS for w in words) and not any(
            _LANDMARK_WORD.search(w) for w in words
        ):
            return True
    return False


def _names_listed_end_point(text: str, a: int, b: int, lex: EndpointLexicon) -> bool:
    """Whether text[a:b] holds a term of a listed end point (codes starting "_" are none)."""
    if lex.insensitive is None:
        return False
    for t in lex.insensitive.finditer(text, a, b):
        code = lex.code_of.get(t.group(1).lower())
        if code is not None and not code.startswith("_"):
            return True
    return False


# Round 68b: a ratio of patient groups that differ by a feature, not a treatment, is a
# prognostic factor's (the gold conventions' factors): "PFS was shorter in patients with >=3
# previous lines than in those with 1-2 (HR 1.62", "brain metastases vs none: HR 1.45". No drug
# may stand in the comparison ("T-DXd vs T-DM1 in patients with brain metastases: HR 0.25" and
# "trastuzumab vs no trastuzumab" compare treatments).
_GROUPS_GATE = WordGate(("than", "none", "no ", "absen", "without", "did not"))
_PEOPLE_WITH = _PEOPLE + r"\s+(?:with|without|who)\b"
# Round 77b: the first group may be the subject ("Pts with pCR had better iDFS than those
# without (HR").
_THAN_GROUPS = re.compile(
    rf"\b(?:(?:in|among|for)\s+)?{_PEOPLE_WITH}[^;]*?\bthan\s+(?:in\s+|among\s+|for\s+)?"
    rf"{_PEOPLE_WITH}[^;]*\Z",
    re.I,
)
# Round 77b: "14.9 months in patients with brain metastases and 19.8 months in those without
# (HR 1.46": each group's own value, then the ratio between the two groups. A ratio in between
# ("in patients with X (HR 0.60) and in those without (HR 0.80)") makes each one a subgroup's;
# without the second group's value ("improved PFS in patients with X and in those without (HR")
# the ratio may be the treatment's.
# Round 94b: the first group may be named by an event it went through ("88.5% among patients
# who developed cardiotoxicity and 92.0% among those who did not (HR": subsets defined by an
# event on treatment, no arms).
_WITH_AND_WITHOUT = re.compile(
    rf"\b{_PEOPLE}\s+(?:with|who\s+(?:developed|experienced|had))\b[^;]*?"
    rf"\d\s*(?:%|months?\b|mo\b)[^;]{{0,40}}?"
    rf"\b(?:in|among|for)\s+{_PEOPLE}\s+(?:without|who\s+(?:did|had|were)\s+not)\b[^;]*\Z",
    re.I,
)
# Round 94b: "IDFS did not differ between patients with and without cardiotoxicity (HR 1.29":
# the two groups named together, with no value of their own.
_BETWEEN_WITH_AND_WITHOUT = re.compile(
    rf"b(?<!\wb)etween\s+{_PEOPLE}\s+(?:with\s+and\s+(?:(?:those|patients)\s+)?without|"
    rf"who\s+did\s+and\s+(?:did\s+)?not)\b[^;()]*\Z",
    re.I,
)
# Round 94b: the first group's value right before it ("89.0% in patients with and 91.9% in
# those without"): one value per group counts from there, not from an earlier value of the
# whole cohort ("91.6% in the cohort; it was 89.0% in patients with ...").
_VALUE_BEFORE_GROUP = re.compile(
    r"\d(?<![\d.]\d)\d*(?:\.\d+)?\s*(?:%|months?\b|mo\b)\s*(?:\([^()]*\)\s*)?"
    r"(?:in|among|for)\s+\Z",
    re.I,
)
# (a value with its unit, or the first of a compared pair: "8.1 vs 6.6 months")
_GROUP_VALUE = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?\s*(?:%(?!\s*CI)|months?\b|mo\b|(?:vs\.?|versus|v\.?)\s*(?=\d))", re.I
)
_RATIO_WORD = re.compile(r"\b(?:HR|OR|hazard\s+ratio|odds\s+ratio)\b", re.I)
# Round 77b: groups told apart by the therapy they had before ("who had received one or two
# previous lines") differ by a feature, as "prior trastuzumab exposure" does.
_EARLIER_THERAPY = re.compile(
    rf"\b(?:{PRIOR_WORDS})\s+(?:[\w-]+\s+){{0,3}}?(?:lines?|therap\w*|regimens?|treatments?)\b",
    re.I,
)
_VS_NONE = re.compile(
    rf"\b(?:{VS})\s+(?:none|absent|absence|no(?:\s+[\w-]+){{0,3}}|without(?:\s+[\w-]+){{0,3}})"
    r"\s*[:,=(\[]?\s*(?:\(\s*)?\Z",
    re.I,
)
# Groups told apart by what they were given ("who received adjuvant therapy than in those who
# did not", "chemotherapy vs none") compare treatments, drug named or not.
_TREATED_GROUP = re.compile(
    r"\b(?:receiv|treated|given|randomi|assign|allocat|arms?\b|groups?\b|regimens?\b|"
    r"(?:chemo|radio|endocrine\s+|hormon\w*\s+|targeted\s+)therap|surgery|resection)",
    re.I,
)
_GROUPS_REACH = 160  # characters before the ratio's key a comparison of groups may start at
# Review of round 68b: "the PFS benefit was greater in patients with X than in those with Y
# (HR 0.40)" compares a treatment's effect across subgroups: the ratio is the treatment's.
_TREATMENT_EFFECT = re.compile(
    r"\b(?:benefit|(?:treatment|therapeutic)\s+effect|favou?r|advantage)", re.I
)


def _compared_groups_factor_ratio(
    text: str, low: str | None, s: int, v: Value, drug_hits: list[Hit]
) -> bool:
    """Whether ratio ``v`` closes a comparison of patient groups by a feature (``_THAN_GROUPS``,
    ``_VS_NONE``) with no drug or treatment (``_TREATED_GROUP``) named from the comparison's
    start to the ratio's value ("HR for T-DXd vs T-DM1, 0.25" names its own) and no treatment
    effect (``_TREATMENT_EFFECT``) compared."""
    end = v.key_start if v.key_start is not None else v.start
    a = max(s, end - _GROUPS_REACH)
    if not _GROUPS_GATE.may_hold(low, a, end):
        return False
    # (a ratio in a bracket after other statistics, "(median 21.4 vs 12.1 months; HR", closes
    # the comparison before its bracket)
    head = _open_bracket(text, a, end)
    m = (
        _VS_NONE.search(text, max(a, end - 60), end)
        or _THAN_GROUPS.search(text, a, head)
        or _with_and_without(text, a, head)
    )
    if m is None:
        return False
    start = m.start()
    if m.re is _VS_NONE:  # the feature named before "vs": back to its clause's start
        start = max(a, *(text.rfind(c, a, start) for c in ",;:(["))
    if _TREATMENT_EFFECT.search(text, a, end):
        return False
    earlier = _EARLIER_THERAPY.search(text, start, v.start) is not None
    if not earlier and _TREATED_GROUP.search(text, start, v.start):
        return False
    return not any(
        start <= h.start < v.start
        and not (earlier and _EARLIER_DRUG.search(text, start, h.start) is not None)
        for h in drug_hits
    )


def _open_bracket(text: str, a: int, end: int) -> int:
    """Where the bracket still open at ``end`` opens (from ``a`` on), else ``end``."""
    k = text.rfind("(", a, end)
    return k if k >= 0 and text.find(")", k, end) < 0 else end


def _with_and_without(text: str, a: int, end: int) -> re.Match[str] | None:
    """The "in patients with X ... in those without" comparison ending at ``end`` (from ``a``
    on), when no ratio stands inside it (each group's own ratio is a subgroup's)."""
    if text.find("without", a, end) < 0 and text.find(" not", a, end) < 0:
        return None
    if text.find("between", a, end) >= 0:
        m = _BETWEEN_WITH_AND_WITHOUT.search(text, a, end)
        if m is not None and _RATIO_WORD.search(text, m.start(), end) is None:
            return m
    m = _WITH_AND_WITHOUT.search(text, a, end)
    if m is None or _RATIO_WORD.search(text, m.start(), end) is not None:
        return None
    # one value per group: a compared pair per group ("10 vs 8 months in patients with X and 7
    # vs 6 months in those without") compares arms in each
    first = _VALUE_BEFORE_GROUP.search(text, max(a, m.start() - 40), m.start())
    if first is not None and not _VS_BEFORE_VALUE.search(
        text, max(a, first.start() - 12), first.start()
    ):
        a = first.start()
    return m if len(_GROUP_VALUE.findall(text, a, end)) == 2 else None


_VS_BEFORE_VALUE = re.compile(word_start([r"vs\.?", "versus", r"v\.?"]) + r"\s*\Z")


# Round 81b: "a median PFS of almost 2 years", "nearly 60%": "almost"/"nearly" before a figure
# round a result off (a restatement), so the figure is no reported value. ("approximately" and
# "about" stay: results often report "approximately 20%".)
_APPROXIMATED = re.compile(r"\b(?:almost|nearly)\s+\Z", re.I)


def _approximated(text: str, s: int, v: Value) -> bool:
    """Whether "almost" or "nearly" stands right before value ``v``."""
    a = v.start - 8 if v.start - 8 > s else s
    window = text[a : v.start]
    if not ("st " in window or "ly " in window) or _APPROXIMATED.search(window) is None:
        return False
    # a figure set against another one is the compared result, however hedged ("nearly 60% in
    # arm A and 40% in arm B", "40% versus nearly 60%")
    return (
        _COMPARED_AFTER.match(text, v.end) is None
        and _COMPARED_BEFORE.search(text, max(s, v.start - 80), v.start) is None
    )


_COMPARED_AFTER = re.compile(r"[^.;()\d]{0,60}?\b(?:and|vs\.?|versus|compared\s+with)\s+\d")
_COMPARED_BEFORE = re.compile(
    r"\d[^.;\d]{0,60}\b(?:and|vs\.?|versus|compared\s+with)\s+(?:almost|nearly)\s+\Z", re.I
)
