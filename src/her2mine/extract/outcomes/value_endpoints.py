"""Which end point and measure a value is of (``_endpoint_for``, ``_ratio_code``)."""

from __future__ import annotations

import re

from her2mine.extract.fastre import WordGate, last_match
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import EndpointLexicon
from her2mine.extract.numbers import DECIMAL, Value
from her2mine.extract.outcomes.brackets import _clause_break_unbracketed
from her2mine.extract.outcomes.endpoints import _RESPONSES, RATIO_MEASURES, SAFETY, TIME_TO_EVENT
from her2mine.extract.outcomes.grades import _ANY, _G3, _grade3_between, _grade_code, _GradeStarts
from her2mine.extract.outcomes.landmarks import (
    _EVENTS_OF_ENDPOINT,
    _dated,
    _duration_names_group,
    _opens_with_landmark,
    _pair_dated_after,
    _stated_at_landmark,
    _time_point,
)
from her2mine.extract.outcomes.not_results import (
    _CHANGE_AFTER,
    _CHANGE_GATE,
    _CROSSOVER_GATE,
    _DIFFERENCE_GATE,
    _MEAN_BEFORE,
    _MEAN_BEFORE_LOW,
    _NOT_A_RATE_GATE,
    _NOT_OUTCOME,
    _NOT_OUTCOME_LOW,
    _absolute_gain,
    _approximated,
    _baseline_condition,
    _blockers_are_age_bounds,
    _blockers_close_landmarks,
    _blockers_name_groups,
    _blockers_qualify_earlier_values,
    _change_by_percent,
    _compared_times,
    _crossover_share,
    _death_rate_between,
    _difference_between_arms,
    _dose_intensity_between,
    _free_of_event,
    _gain_in_median,
    _hypothesis_or_threshold,
    _median_relabelled,
    _opens_compared,
    _responder_share,
    _response_duration_share,
    _share_of_events,
    _stopped_share,
    _unlisted_rate_between,
)

_DEATH = re.compile(r"\bdeath\b", re.I)
_NOT_DEATH_ONLY = re.compile(r"progress|recurrence|relapse|invasive|disease", re.I)


# "The risk of death was reduced by 42% (HR, 0.58; ...)": the ratio's event is death, named
# before its key with no end point between (not "the risk of death or progression").
# "There were 125 deaths (5.2%) in the A arm and 147 (6.1%) in the B arm (HR, 0.85; ...)": deaths
# counted, not deaths of one cause ("deaths from breast cancer", "treatment-related deaths").
_RISK_OF_DEATH = re.compile(
    r"\brisk\s+of\s+death\b(?!\s+or\b)|(?<![\w-])(?<!related\s)(?<!toxic\s)(?<!fatal\s)deaths\b"
    r"(?!\s+(?:from|due|related|attribut|caused|of\s+(?:breast|cancer|unknown)|or\b))",
    re.I,
)
_RISK_OF_DEATH_GATE = WordGate(("death",))


def _risk_of_death_before(text: str, eps: list[Hit], s: int, ks: int, low: str | None) -> bool:
    """Whether the ratio keyed at ``ks`` is about "the risk of death" named before it in its
    sentence (from ``s``) with no end point after that phrase: an OS hazard ratio, which would
    otherwise take the previous sentence's end point (CNS-PFS) or an earlier one."""
    return (
        _event_named_before(_RISK_OF_DEATH, _RISK_OF_DEATH_GATE, text, eps, s, ks, low) is not None
    )


def _event_named_before(
    pattern: re.Pattern[str],
    gate: WordGate,
    text: str,
    eps: list[Hit],
    s: int,
    end: int,
    low: str | None,
) -> re.Match[str] | None:
    """The last ``pattern`` match (an event phrase) in ``text[s:end]`` with no end point from
    it to ``end``, or None (``gate``: the phrase's words, asked first)."""
    if not gate.may_hold(low, s, end):
        return None
    last = last_match(pattern, text, s, end)
    if last is None or any(last.start() <= h.start < end for h in eps):
        return None
    return last


# "The risk of invasive disease or death was lower with A than with B (hazard ratio, 0.54; ...)",
# "(hazard ratio for invasive disease recurrence or death, 0.50)": the composite event of
# invasive disease-free survival named before the ratio with no end point between (KATHERINE's
# 8-year report) is the IDFS ratio; without this the ratio found no end point and was lost.
# Ratios only: "invasive disease or death had occurred in 91 patients (12.2%)" is a count.
_INVASIVE_OR_DEATH = re.compile(
    r"\binvasive[\s-]+(?:breast[\s-]+cancer|disease)(?:\s+(?:recurrence|event))?"
    r"\s+or\s+death\b",
    re.I,
)
_INVASIVE_GATE = WordGate(("invasive",))


def _invasive_event_before(text: str, eps: list[Hit], s: int, v: Value, low: str | None) -> bool:
    """Whether ratio ``v`` follows "invasive disease ... or death" in its sentence (from ``s``)
    with no end point between that phrase and the value (see above)."""
    last = _event_named_before(_INVASIVE_OR_DEATH, _INVASIVE_GATE, text, eps, s, v.start, low)
    return last is not None and not _ratio_of_other_event(text, last.start(), v)


# "the hazard ratio for locoregional recurrence was 0.60": a key naming an event of its own.
_KEY_FOR_EVENT = re.compile(r"\bfor\s+\w", re.I)


def _ratio_of_other_event(text: str, a: int, v: Value) -> bool:
    """Whether ratio ``v`` is not the one of the invasive-disease phrase at ``a``: its key names
    an event of its own after the phrase ("...; the hazard ratio for locoregional recurrence was
    0.60"), or a clause break outside brackets stands between them ("..., and the hazard ratio
    for central nervous system recurrence was 1.20")."""
    ks = v.key_start
    if ks is not None and ks > a and v.key_text and _KEY_FOR_EVENT.search(v.key_text):
        return True
    return _clause_break_unbracketed(text, a, ks if ks is not None and ks > a else v.start)


# "reduced the risk of a DFS event (hazard ratio 0·76, ...) and of death (0·74, 0·64-0·86)":
# a ratio listed in its own bracket right after "and of death" is the OS ratio, though its key
# (the first ratio's) follows the DFS end point.
_AND_OF_DEATH_END = re.compile(r"\band\s+(?:of|for)\s+(?:all-cause\s+)?death\s*[(\[]\s*\Z", re.I)


def _death_ratio_listed(text: str, v: Value) -> bool:
    """Whether the ratio ``v`` stands right after "and of death (" (see above)."""
    a = v.start - 32 if v.start > 32 else 0
    return "death" in text[a : v.start] and _AND_OF_DEATH_END.search(text, a, v.start) is not None


def _endpoint_for(
    text: str,
    v: Value,
    eps: list[Hit],
    lex: EndpointLexicon,
    s: int,
    carry: str | None,
    low: str | None = None,
    grades: _GradeStarts | None = None,
) -> tuple[str, str] | None:
    """(end point, measure) of value ``v`` from the sentence's end points ``eps`` (text order,
    not overlapping, so also in order of their ends), or None. ``grades``: the sentence's
    ``_GradeStarts``, if it has them."""
    kind = v.kind
    if kind in RATIO_MEASURES:
        ks = v.key_start
        for h in reversed(eps):
            if ks <= h.start and h.end <= v.start and not _subgroup_of_listed_ratio(text, h, v):
                # an end point inside "hazard ratio for PFS, 0.6"; a response has no hazard:
                # "PFS (HR 0.62 ...) and objective response rate (1.90, ...)" lists an odds
                # ratio whose kind the text does not say, so it is not read
                if kind == "HR" and h.canonical in _RESPONSES:
                    return None
                return _ratio_code(text, s, h, v, low, grades), kind
        if _DEATH.search(v.key_text) and not _NOT_DEATH_ONLY.search(v.key_text):
            return "OS", kind
        if ks is not None and _risk_of_death_before(text, eps, s, ks, low):
            return "OS", kind
        if _death_ratio_listed(text, v):
            return "OS", kind
        if kind == "HR" and _invasive_event_before(text, eps, s, v, low):
            return "IDFS", kind
        ok = TIME_TO_EVENT if kind == "HR" else None
        ep = _last_before(eps, ks if ks is not None else v.start, ok)
        if ep is not None:
            return _ratio_code(text, s, ep, v, low, grades), kind
        if (
            carry
            and (ok is None or carry in ok)
            and not _own_event_before(eps, ks, v.start)
            and not _own_unlisted_time_to_event(text, low, s, v.start)
        ):
            return carry, kind
        return None
    if _approximated(text, s, v):  # "of almost 2 years": a rounded restatement
        return None
    # Population descriptors ("in hormone receptor-positive disease") only claim values that
    # come before them ("494 (88.7%) had hormone receptor-positive disease").
    anchor = v.key_start if v.key_start is not None else v.start
    if kind == "time":
        # ("neither group reached median DoR" names its end point after: before, it is another's)
        ep = _median_reached_after(text, v, eps) or _last_before(eps, anchor, TIME_TO_EVENT)
        if ep is None:
            return None
        blocked = _other_time_between(eps, ep, anchor) or (
            _finds(_NOT_OUTCOME, _NOT_OUTCOME_LOW, text, low, ep.end, v.start)
            and not _blockers_qualify_earlier_values(text, ep.end, v.start)
            and not _blockers_are_age_bounds(text, ep.end, v.start)
            and not _blockers_name_groups(text, ep.end, v.start)
        )
        if blocked and not _median_relabelled(text, low, eps, ep, v.start):
            return None
        a = ep.start - 12 if ep.start - 12 > s else s  # (no max() call: hot path)
        if _finds(_MEAN_BEFORE, _MEAN_BEFORE_LOW, text, low, a, ep.start):
            return None
        if _time_point(text, s, ep, v) or _duration_names_group(text, s, v):
            return None
        if _gain_in_median(text, low, s, ep, v) and not _compared_times(text, ep, v):
            return None
        return ep.canonical, "median"
    # percentages: a crossover share, a relative change or a gain between arms is no rate. One
    # gate over the window of all three tests (in 9 rates of 10 none of their words is near).
    if _NOT_A_RATE_GATE.may_hold(low, v.start - 40 if v.start - 40 > s else s, v.ext_end + 80):
        if _CROSSOVER_GATE.may_hold(low, v.ext_end, v.ext_end + 80) and _crossover_share(text, v):
            return None
        if _CHANGE_GATE.may_hold(low, v.ext_end, v.ext_end + 24) and _CHANGE_AFTER.match(
            text, v.ext_end
        ):
            return None
        if _absolute_gain(text, low, s, v):
            return None
    diff_from = v.start - 60 if v.start - 60 > s else s
    if _DIFFERENCE_GATE.may_hold(low, diff_from, v.start) and _difference_between_arms(text, s, v):
        return None
    by_from = v.start - 20 if v.start - 20 > s else s  # (no max() call: hot path)
    if text.find("by ", by_from, v.start) >= 0 and _change_by_percent(text, s, v):
        return None
    # (asked before the end point is looked for: "The pCR rate was 37.9%, and 227 patients
    # (79.6%) were PET responders" names its end point before the share)
    if _responder_share(text, low, v) or _hypothesis_or_threshold(text, low, s, v):
        return None
    if _stopped_share(text, low, v) or _response_duration_share(text, low, s, v):
        return None
    if _own_predicate_without_end_point(text, eps, v):
        return None
    ep = _last_before(eps, anchor, None)
    if ep is not None and _unlisted_rate_between(text, ep.end, v.start, lex):
        return None  # "..., and the R0 resection rate was 82%": no listed end point's
    if ep is None or _object_of_own_participle(text, eps, v) or _further_share(text, s, v):
        ep = _first_after(eps, v.ext_end, 60) or _verb_object_after(text, eps, v.ext_end)
        if ep is None or ep.canonical in TIME_TO_EVENT or _next_clause(text, v.ext_end, ep.start):
            return None
        if _ends_with_own_value(text, ep):
            return None
        if ep.canonical in SAFETY:
            if _free_of_event(text, v.ext_end, ep.start) or _share_of_events(text, low, s, v):
                return None
            if _baseline_condition(text, low, s, ep, v):
                return None
            code = (
                _grade_code(text, s, ep, v, low, grades) if ep.canonical == "AE" else ep.canonical
            )
            if code == "AE" and _grade3_between(text, v.ext_end, ep.start, low):
                code = "AE_G3"
            return code, "incidence"
        return ep.canonical, "rate"
    if _dose_intensity_between(text, ep.end, v.start):
        return None
    code = ep.canonical
    if code in SAFETY:
        if _cause_of_other(text, eps, ep) or _share_of_events(text, low, s, v):
            return None
        if _baseline_condition(text, low, s, ep, v):
            return None
        if code == "AE":
            code = _grade_code(text, s, ep, v, low, grades)
        return code, "incidence"
    if (
        _finds(_NOT_OUTCOME, _NOT_OUTCOME_LOW, text, low, ep.end, v.start)
        and not _opens_compared(text, v)
        and not _blockers_are_age_bounds(text, ep.end, v.start)
        and not _blockers_name_groups(text, ep.end, v.start)
        and not _blockers_close_landmarks(text, ep.end, v.start)
    ):
        return None
    if _death_rate_between(text, low, ep.end, v.start):
        return None
    # "At 3 years, IDFS events occurred in 7.1% vs 8.7%": a share of events is no survival
    # rate, however it is dated.
    if code in TIME_TO_EVENT and _EVENTS_OF_ENDPOINT.match(text, ep.end):
        return None
    if (
        code in TIME_TO_EVENT
        and not _dated(text, low, max(s, ep.start - 60), v.start, ep.end)
        and not _opens_with_landmark(text, s, ep.start)
        and not _pair_dated_after(text, v)
        and not _stated_at_landmark(text, ep, v)
    ):
        return None
    return code, "rate"


def _ratio_code(
    text: str, s: int, ep: Hit, v: Value, low: str | None, grades: _GradeStarts | None
) -> str:
    """The end point of a ratio of event ``ep``: an adverse event's is graded as its rates are
    ("Grade ≥3 diarrhoea was more frequent (OR 3.10, ...)" is AE_G3)."""
    if ep.canonical != "AE":
        return ep.canonical
    code = _grade_code(text, s, ep, v, low, grades)
    # "Diarrhoea of any grade and of grade >=3 was more frequent (OR 3.20, ...)": one ratio for
    # both grades is AE (as a carried rate is). Only since the last bracket closed: "any-grade
    # diarrhoea (OR 4.10) and grade 3 or worse diarrhoea (OR 2.50)" grades each of its own.
    if code == "AE_G3":
        since = max(s, text.rfind(")", s, v.start))
        if _ANY.search(text, since, v.start) is not None:
            return "AE"
    return code


# End points a ratio after them in the sentence is about, though the contract has no ratio
# for them: adverse events and end points outside the list.
_NO_RATIO_EVENTS = SAFETY | {"_other"}


def _own_event_before(eps: list[Hit], ks: int | None, pos: int) -> bool:
    """Whether an adverse event (or an end point outside the list) comes before the ratio in its
    sentence: "Severe cardiac toxicity occurred in 4.3% ..., and the risk of cardiac events was
    lower in the short arm (HR 0.32 ...)" is about cardiac events, not about the previous
    sentence's end point, which the ratio would otherwise carry over."""
    return _last_before(eps, ks if ks is not None else pos, _NO_RATIO_EVENTS) is not None


# A time to an event outside the contract's list that a ratio may measure: "time to
# deterioration of EQ-VAS", "time to first hospitalization", "time to symptom worsening", "time
# to symptom progression" (a questionnaire score's decline, not disease progression).
_UNLISTED_TTE_GATE = WordGate(("deteriorat", "worsening", "hospitali", "symptom", "pain"))
_UNLISTED_TTE = re.compile(
    r"\b(?:deteriorat\w*|worsening|hospitali[sz]\w*|(?:symptom(?:atic)?|pain)\s+progression)",
    re.I,
)


def _own_unlisted_time_to_event(text: str, low: str | None, s: int, pos: int) -> bool:
    """Whether the sentence names, before the ratio at ``pos``, a deterioration, worsening,
    symptom progression or hospitalization (quality-of-life and resource-use end points): "Median time to deterioration
    was 8.6 vs 3.9 months (HR, 0.51)" after a PFS sentence is no PFS hazard ratio."""
    return (
        _UNLISTED_TTE_GATE.may_hold(low, s, pos) and _UNLISTED_TTE.search(text, s, pos) is not None
    )


# "discontinuation of tucatinib or placebo due to adverse events occurred in 6.0%": the events
# name the cause of an end point outside the list (discontinuation, dose reduction), which the
# value measures.
_CAUSE_GAP = re.compile(
    r"[^.;:]{0,60}?\b(?:due\s+to|because\s+of|owing\s+to|for)\s+(?:(?:an?|the|any)\s+)?"
    r"(?:(?:treatment|drug)[\s-](?:related|emergent)\s+)?",
    re.I,
)


def _cause_of_other(text: str, eps: list[Hit], ep: Hit) -> bool:
    """Whether the safety end point ``ep`` is the cause ("due to", "because of", "for") of an
    end point outside the contract's list written right before it in its clause (only when one
    is: ``eps`` of a sentence rarely hold two)."""
    prev = None
    for h in eps:
        if h.start >= ep.start:
            break
        prev = h
    if prev is None or not prev.canonical.startswith("_") or prev.canonical == "_population":
        return False
    m = _CAUSE_GAP.match(text, prev.end, ep.start)
    return m is not None and m.end() == ep.start


def _subgroup_of_listed_ratio(text: str, h: Hit, v: Value) -> bool:
    """Whether ``h`` is a population descriptor between "hazard ratio" and a ratio listed after
    the first one: "the hazard ratio for PFS was 0.32 in hormone-receptor-positive disease and
    0.30 in hormone-receptor-negative disease" names the first ratio's subgroup, not the second
    ratio's end point (that is the key's, PFS)."""
    if h.canonical != "_population" or not v.key_text or v.key_start is None:
        return False
    key = text.find(v.key_text, v.key_start, v.start)  # where the shared key text stands
    return key >= 0 and key + len(v.key_text) <= h.start  # the descriptor follows the key


# Round 74a: "Neither group reached median OS": a not-reached median whose words end with
# "reached" names its end point right after them.
_MEDIAN_NAMED_AFTER = re.compile(r"\s+(?:the\s+|a\s+)?(?:median\s+)?")


def _median_reached_after(text: str, v: Value, eps: list[Hit]) -> Hit | None:
    """The time-to-event end point right after a not-reached median ending "reached" ("...
    reached median OS"), or None."""
    if v.value is not None or not text.endswith("reached", v.start, v.end):
        return None
    for h in eps:
        if h.start >= v.end and h.canonical in TIME_TO_EVENT:
            return h if _MEDIAN_NAMED_AFTER.fullmatch(text, v.end, h.start) else None
    return None


def _last_before(eps: list[Hit], pos: int, codes: set[str] | None) -> Hit | None:
    """The last end point ending by ``pos`` (a population descriptor never), with a code in
    ``codes`` unless that is None."""
    for h in reversed(eps):
        if h.end > pos or h.canonical == "_population":
            continue
        if codes is None or h.canonical in codes:
            return h
    return None


def _other_time_between(eps: list[Hit], ep: Hit, pos: int) -> bool:
    """Whether an end point outside the contract's list ("time to treatment failure", "time to
    response") stands between the time-to-event end point ``ep`` and the time at ``pos``: in
    "time to progression (median, 11.7 v 6.1 months) ... time to treatment failure (median, 9.8
    v 5.3 months)" the second pair is not TTP."""
    for h in reversed(eps):
        if h.end <= ep.end:
            return False
        if h.end <= pos and h.canonical == "_other":
            return True
    return False


def _next_clause(text: str, a: int, b: int) -> bool:
    """Whether a semicolon stands between a value (ending at ``a``) and an end point after it
    (at ``b``): "Keratopathy (any grade) occurred in 91.4% of pts on ARX788; ILD was reported in
    5.9%" - the end point opens the next clause, so it is not the earlier value's (whose event
    is outside the lexicon)."""
    return text.find(";", a, b) >= 0


# Round 64b: "The pCR rate was 40%, and a further 14.3% had near-complete regression": a share of
# other patients than the end point's ("a further", "another", "an additional") is of the end
# point named after it ("a further 10% achieved a pCR"), else of none.
_FURTHER_WORDS = ("further", "other", "additional")
_FURTHER_BEFORE = re.compile(r"\b(?:a\s+further|another|an\s+additional|additional)\s+\Z", re.I)


def _further_share(text: str, s: int, v: Value) -> bool:
    """Whether "a further" / "another" / "an additional" stands right before value ``v``."""
    a = v.start - 16 if v.start - 16 > s else s
    if all(text.find(w, a, v.start) < 0 for w in _FURTHER_WORDS):
        return False
    return _FURTHER_BEFORE.search(text, a, v.start) is not None


# Round 64b: "Invasive disease events occurred in 8% and grade 3 adverse events in 12%", "grade 3
# tumours accounted for 42% of cases, and the pCR rate was 55%": an end point after a value that
# is given a value of its own right after it is that value's end point, not the earlier one's.
# (review: a bare comma or colon is no such link: "12% had grade 3 neutropenia, 8% had ...",
# "62% achieved a pCR: 70% in ..." continue the earlier value's list)
_OWN_VALUE_AFTER = re.compile(
    rf"(?:\s+rates?\s*[:=]\s*|(?:\s+rates?)?\s*(?:was|were|of|in|reached)\s+){DECIMAL}\s*%"
)


def _ends_with_own_value(text: str, ep: Hit) -> bool:
    """Whether end point ``ep`` is followed right away by a percentage of its own."""
    return _OWN_VALUE_AFTER.match(text, ep.end) is not None


def _first_after(eps: list[Hit], pos: int, within: int) -> Hit | None:
    """The first end point starting at or after ``pos``, if it starts within ``within``."""
    for h in eps:
        if h.start >= pos:
            return h if h.start - pos <= within else None
    return None


# "with one patient (4%, -3 to 11) achieving a complete response", "with 7% of patients having
# a complete response", "and 45% of patients experienced grade 3 AEs": a participle (or a main
# verb) right after the value (past the rest of its bracket, or "of patients") makes the end
# point after it the value's own, whatever the sentence named before. "with" only after a count's bracket ("one (4%) with a complete response"): "ORR was
# 30% with a complete response rate of 4%" is still the ORR.
_OWN_PARTICIPLE = re.compile(
    r"(?:(?:[,;][^()\[\]]{0,40})?[)\]]\s*(?:with|(?=[a-z]))|\s+(?:of\s+(?:the\s+)?"
    r"(?:patients|pts|participants|women)\s+)?)"
    r"(?:(?<=with)|achieving|having|attaining|experiencing|reaching|"
    # a main verb as well: "..., and 45% of patients experienced grade 3 or higher AEs"
    r"(?:who\s+)?(?:achieved|had|attained|experienced|reached|developed))\s+(?:an?\s+|the\s+)?"
    # ("experiencing grade 3 or higher adverse events": the event's own grade)
    rf"(?:(?:{_G3.pattern}|{_ANY.pattern})\s+)?",
    re.I,
)


# Round 67a: "62% of patients achieved pCR and 20% had residual invasive disease": a share
# with its own main verb says what it counts in that verb's object; when the object (up to the
# clause's punctuation) names no end point, the share is of none, not of the end point before.
_OWN_PREDICATE = re.compile(
    r"\s+(?:of\s+(?:the\s+)?(?:patients|pts|participants|women)\s+)?"
    r"(?:had|showed|displayed|developed|experienced|achieved|attained|reached)\s+"
    r"[^.;,:()\[\]]{1,60}?(?=\s*(?:[.;,:()\[\]]|$))",
    re.I,
)


_GRADED_EVENT = re.compile(r"\b(?:grades?|events?|toxicit(?:y|ies)|reactions?)\b", re.I)
# Review of round 67a: "30% achieved a response (ORR)": the object's end point may be named
# only in a bracket right after it (no number inside, so not another value's own bracket).
_OBJECT_NAMED_IN_BRACKET = re.compile(r"\s*[(\[][^()\[\]\d]{1,30}[)\]]")


def _own_predicate_without_end_point(text: str, eps: list[Hit], v: Value) -> bool:
    """Whether value ``v`` is followed by its own verb whose object names no end point of
    ``eps`` (see above)."""
    m = _OWN_PREDICATE.match(text, v.ext_end)
    if m is None:
        return False
    bracket = _OBJECT_NAMED_IN_BRACKET.match(text, m.end())
    end = bracket.end() if bracket else m.end()
    if any(m.start() <= h.start < end for h in eps):
        return False
    # "2.2% of patients had grade 5 events": the earlier event's grade, read by ``grades``
    return _GRADED_EVENT.search(text, m.start(), m.end()) is None


def _object_of_own_participle(text: str, eps: list[Hit], v: Value) -> bool:
    """Whether the first end point after value ``v`` is the object of a participle of the
    value's own (``_OWN_PARTICIPLE``)."""
    h = _first_after(eps, v.ext_end, 60)
    return h is not None and _OWN_PARTICIPLE.fullmatch(text, v.ext_end, h.start) is not None


# "116 (46.8%) of 248 patients in the A group and 129 (50.4%) of 256 in the B group achieved
# pCR": the end point is the object of the verb that ends the counts' clause.
_OBJECT_VERB_END = re.compile(
    r"\b(?:achieved|had|attained|experienced|reached|developed)\s+(?:an?\s+|the\s+)?$"
)
_OBJECT_REACH = 200


def _verb_object_after(text: str, eps: list[Hit], pos: int) -> Hit | None:
    """The first end point after ``pos`` (within ``_OBJECT_REACH`` characters) when it is the
    object of "achieved/had/experienced ...": the rates listed before the verb (each with its
    group) are that end point's. (One in the next clause, after a ";", is not: the caller's
    ``_next_clause`` test, as for ``_first_after``.)"""
    ep = _first_after(eps, pos, _OBJECT_REACH)
    if ep is None:
        return None
    if _OBJECT_VERB_END.search(text, max(pos, ep.start - 16), ep.start) is None:
        return None
    return ep


def _finds(
    pattern: re.Pattern[str], twin: re.Pattern[str], text: str, low: str | None, a: int, b: int
) -> bool:
    """Whether ``pattern`` matches in text[a:b], read with its ``_lower_twin`` on ``low`` (the
    ``literal_safe`` lower-cased text) when there is one."""
    if low is None:
        return pattern.search(text, a, b) is not None
    return twin.search(low, a, b) is not None
