"""Times around a value: landmarks that date a rate, and time points that are no medians."""

from __future__ import annotations

import re

from her2mine.extract.hits import Hit
from her2mine.extract.numbers import DECIMAL, Value
from her2mine.extract.outcomes.not_results import _lower_twin
from her2mine.extract.outcomes.patterns import VS

# (conference shorthand: "3-y DFS", "IDFS at 3 y")
_LANDMARK = re.compile(
    rf"(?:\b{DECIMAL}[\s-]*(?:year|yr|y|month|mo)s?\b|\bat\s+\d+\s*(?:years?|months?|y)\b|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten)[\s-]year\b|\brates?\b|\blandmark\b)",
    re.I,
)
_LANDMARK_LOW = _lower_twin(_LANDMARK)


# "IDFS was 92.3% at a median of 3 years": the time after "at/after a median (follow-up) of"
# is how long patients were followed, not a median of the end point.
_AT_A_MEDIAN_OF = re.compile(
    r"\b(?:at|after)\s+a\s+median(?:\s+follow[\s-]*up)?(?:\s+(?:time|duration|period))?"
    r"\s+of\s*$",
    re.I,
)
# "Median DFS was not reached; 3 months after surgery, ...": a time opening its clause and
# followed by "after/before" is a time point. (Not when the mark follows the end point itself:
# "median OS, 28.5 months after randomisation", "Median PFS: 18.5 months after ..." label it.)
_TIME_POINT_NEXT = re.compile(r"\s+(?:after|before|post)\b", re.I)


def _time_point(text: str, s: int, ep: Hit, v: Value) -> bool:
    """Whether time ``v`` (read for end point ``ep``) is a follow-up (``_AT_A_MEDIAN_OF``) or
    a clause-opening time point ("; 3 months after surgery,"), not a result."""
    a = v.start - 40 if v.start - 40 > s else s
    if text.find("median", a, v.start) >= 0 and _AT_A_MEDIAN_OF.search(text, a, v.start):
        return True
    if _TIME_POINT_NEXT.match(text, v.ext_end) is None:  # (anchored: cheap)
        return False
    k = v.start
    while k > s and text[k - 1].isspace():
        k -= 1
    if k == s:
        return True
    return text[k - 1] in ";,:" and text[ep.end : k - 1].strip() != ""


# "larger in trials of 9 weeks than in trials of 6 months": a duration that names a subgroup
# of trials (or of their regimens) by how long treatment lasted is no median.
_DURATION_NAMES_GROUP = re.compile(
    r"\b(?:trials?|studies|study|regimens?|schedules?|courses?)\s+of\s+\Z", re.I
)


def _duration_names_group(text: str, s: int, v: Value) -> bool:
    """Whether time ``v`` follows "trials of" / "regimens of" (see above); a ``str.find`` for
    "of " right before it first."""
    if text.find("of ", v.start - 4 if v.start - 4 > s else s, v.start) < 0:
        return False
    return (
        _DURATION_NAMES_GROUP.search(text, v.start - 16 if v.start - 16 > s else s, v.start)
        is not None
    )


# "median follow-up of 38 months": the time a follow-up phrase ends with is no landmark.
_FOLLOW_UP_BEFORE = re.compile(
    r"follow[\s-]*up(?:\s+(?:time|period|duration))?\s+(?:of|was|is)\s+$", re.I
)


def _dated(text: str, low: str | None, a: int, b: int, ep_end: int) -> bool:
    """Whether text[a:b] holds a landmark ("3-year", "at 24 months", "rate"). The length of a
    follow-up dates a rate ("At a median follow-up of 8 years, IDFS was 88%") but not a share
    of events (the end point's "events" before the value, ending at ``b``: "At a median
    follow-up of 38 months, IDFS events occurred in 8%" is no IDFS rate)."""
    pattern, hay = (_LANDMARK, text) if low is None else (_LANDMARK_LOW, low)
    events: bool | None = None  # read only when a follow-up length is found
    for m in pattern.finditer(hay, a, b):
        if not _FOLLOW_UP_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            return True
        if events is None:
            events = _names_events(text, ep_end, b)
        if not events:
            return True
    return False


# The end point's own events right after it ("IDFS events", "DFS-events"); an "n=36 events" in
# an earlier value's bracket is no share of events.
_EVENTS_OF_ENDPOINT = re.compile(r"[\s-]*events?\b", re.I)


def _names_events(text: str, ep_end: int, b: int) -> bool:
    """Whether the end point's "events" stand between it (ending at ``ep_end``) and its value
    at ``b``: "IDFS events occurred in 7.1% vs 8.7% at 3 years" shares events, no IDFS rate."""
    return "event" in text[ep_end:b].lower()


# "At 3 years, EFS was 92.7% vs 93.6% (HR 0.90, 95% CI 0.50-1.63), and overall survival was
# 97.7% vs 98.2%": a landmark opening the sentence dates every rate in it, however far on.
_LANDMARK_OPENING = re.compile(
    r"\s*(?:[A-Z][a-z]+:\s*)?(?:at|by)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"[\s-]*(?:years?|yrs?|months?)\s*,",
    re.I,
)


# "DFS was 92.3% vs 83.5% at 3 years", "... 92.3% and 83.5% at 5 years, respectively": a
# landmark right after a compared pair of rates dates both. A pair only: one value's "at 3
# years" may be when something else happened.
_PAIR_LINK = rf"\s*,?\s*(?:{VS}|and|compared\s+with)\s+"
_BRACKET_AFTER = r"(?:\s*[(\[][^()\[\]]*[)\]])?"
_LANDMARK_TAIL = (
    _BRACKET_AFTER + r"\s*,?\s*(?:at|after)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine"
    r"|ten)[\s-]*(?:years?|yrs?|y|months?|mo)\b"
)
# (a value's extent stops inside its bracket: "94.1% (95% CI, 92.0-95.6) vs ...")
_CLOSER = r"[)\]]?"
_NEXT_THEN_LANDMARK = re.compile(_CLOSER + _PAIR_LINK + DECIMAL + r"\s*%" + _LANDMARK_TAIL, re.I)
_LANDMARK_NEXT = re.compile(_CLOSER + _LANDMARK_TAIL, re.I)
# "IDFS was 92.3% at 3 years in the A group and 90.6% in the B group": the landmark right after
# the first value of a pair dates both (the group phrase between holds no number or clause end).
_LANDMARK_THEN_NEXT = re.compile(
    _CLOSER + _LANDMARK_TAIL + r"[^\d%;.()\[\]]{0,50}?" + _PAIR_LINK + DECIMAL + r"\s*%",
    re.I,
)
_PAIRED_BEFORE = re.compile(r"\d\s*%" + _BRACKET_AFTER + _PAIR_LINK + r"\Z", re.I)
_PAIR_REACH = 80  # characters a value's bracket (its CI and P) and the link may take


def _pair_dated_after(text: str, v: Value) -> bool:
    """Whether rate ``v`` is one of a compared pair with a landmark right after the pair."""
    after = text[v.ext_end : v.ext_end + _PAIR_REACH]
    if "at " not in after and "after " not in after:  # (cheap gate: most rates have neither)
        return False
    if _NEXT_THEN_LANDMARK.match(text, v.ext_end) is not None:
        return True
    if _LANDMARK_THEN_NEXT.match(text, v.ext_end) is not None:
        return True
    return (
        _LANDMARK_NEXT.match(text, v.ext_end) is not None
        and _PAIRED_BEFORE.search(text, max(0, v.start - _PAIR_REACH), v.start) is not None
    )


# "IDFS was 92.3% at 3 years", "overall survival of 89.1% (95% CI ...) after 5 years": the end
# point, a copula, its one value, then the landmark: the time can only be the rate's own.
_COPULA = re.compile(r"\s*(?:rates?\s+)?(?:was|were|is|of|reached)\s+", re.I)
# ("at 3 years of treatment" times the treatment, not the rate; "of follow-up" is the rate's)
_OWN_LANDMARK_NEXT = re.compile(
    _CLOSER
    + _LANDMARK_TAIL
    + r"(?![\s-]+(?:on|into)\b|[\s-]+of\s+(?!(?:median\s+|the\s+)?follow[\s-]*up\b))",
    re.I,
)


def _stated_at_landmark(text: str, ep: Hit, v: Value) -> bool:
    """Whether rate ``v`` is stated for end point ``ep`` ("IDFS was 92.3%") with a landmark
    right after it ("at 3 years"): dated, though it is one value (unlike a value further from
    its end point, whose "at 3 years" may time something else)."""
    return (
        v.start - ep.end <= 16
        and _COPULA.fullmatch(text, ep.end, v.start) is not None
        and _OWN_LANDMARK_NEXT.match(text, v.ext_end) is not None
    )


def _opens_with_landmark(text: str, s: int, pos: int) -> bool:
    """Whether sentence ``s`` opens with "At 3 years," (a section label may precede it) before
    ``pos``."""
    return _LANDMARK_OPENING.match(text, s, pos) is not None
