"""The CI and P attached to a value: keyword CIs, bare ranges, comma and semicolon ranges,
counts before a CI, and the glue between a value and its statistics.
"""

from __future__ import annotations

import re

from her2mine.extract.numbers.folding import normalise_p, to_float
from her2mine.extract.numbers.patterns import BARE_RANGE_RE, NUM
from her2mine.extract.numbers.ratio_lists import (
    _REGIMEN_PHRASE,
    _SUBGROUP_PHRASE,
    _parallel_subgroup_listed,
)
from her2mine.extract.numbers.value import Value


def _attach_ci_p(text: str, v: Value, cis_at: list, ps_at: list, end: int) -> None:
    """Reads the CI and P right after value ``v``. ``cis_at`` / ``ps_at``: the sentence's CI and
    P matches, each as (start, end, match)."""
    pos = v.ext_end
    if v.kind in ("HR", "OR"):
        # "0.64 with AC-T plus trastuzumab (P<0.001)": the regimen the ratio is for, then its P
        phrase = _REGIMEN_PHRASE.match(text, pos, end)
        if phrase is None and _parallel_subgroup_listed(text, pos, end):
            phrase = _SUBGROUP_PHRASE.match(text, pos, end)
        if phrase is not None:
            pos = phrase.end()
    # A CI starting right after the value (punctuation, brackets, "months" between).
    for at, m_end, m in cis_at:
        if pos <= at <= pos + 40 and _GLUE.match(text, pos, at):  # at most 40 characters of glue
            v.ci_low, v.ci_high = to_float(m.group("lo")), to_float(m.group("hi"))
            pos = m_end
            break
    else:
        br = BARE_RANGE_RE.match(text, pos, end)
        if br and v.kind in ("HR", "OR", "time", "percent", "nr"):
            v.ci_low, v.ci_high = to_float(br.group("lo")), to_float(br.group("hi"))
            pos = br.end()
        elif v.kind == "percent" and text[v.ext_end : v.ext_end + 1] == ",":
            pos = _rate_range(_COMMA_RANGE, text, v, pos, end)
        elif v.kind == "percent" and text[v.ext_end : v.ext_end + 1] == ";":
            pos = _rate_range(_SEMICOLON_RANGE, text, v, pos, end)
        elif v.kind == "percent" and cis_at and "(" in text[pos : pos + 3]:
            pos = _ci_after_count(text, v, pos, end, cis_at)
        elif v.kind in ("HR", "OR") and text[v.ext_end : v.ext_end + 1] == ",":
            pos = _comma_ratio_range(text, v, pos, end)
        elif v.kind in ("HR", "OR") and "," in text[pos : pos + 12]:
            pos = _bracketed_comma_ratio_range(text, v, pos, end)
    for at, m_end, m in ps_at:
        if pos <= at <= pos + 40 and _GLUE.match(text, pos, at):  # at most 40 characters of glue
            v.p = normalise_p(m.group("op"), m.group("num"))
            pos = m_end
            break
    v.ext_end = pos


# "(53·2%, 45·4–60·3; p=0·9852)": a bracketed rate, a comma, its CI without a keyword.
_COMMA_RANGE = re.compile(
    rf",\s*(?P<lo>{NUM})\s*%?\s*(?:to|–|—|‑|−|-)\s*(?P<hi>{NUM})\s*%?(?=\s*[;)\]])"
)
_OPENS_BRACKET = re.compile(r"[(\[]\s*$")


def _rate_range(pattern: re.Pattern[str], text: str, v: Value, pos: int, end: int) -> int:
    """Reads the CI of a rate written as "(rate, low–high; ...)" (``_COMMA_RANGE``) or "(rate;
    low–high)" (``_SEMICOLON_RANGE``): the rate opens the bracket and the range holds it (a CI
    holds its estimate); returns the new end of ``v``."""
    m = pattern.match(text, pos, end)
    if m is None or not _OPENS_BRACKET.search(text, max(0, v.start - 3), v.start):
        return pos
    return m.end() if _take_ci(v, m) else pos


def _take_ci(v: Value, m: re.Match[str], *, strictly: bool = False) -> bool:
    """Sets the range ``m`` (groups "lo", "hi") as ``v``'s CI if it holds ``v``'s value (a rate
    may sit on a bound; ``strictly``: a ratio inside it); whether it did."""
    lo, hi = to_float(m.group("lo")), to_float(m.group("hi"))
    if lo is None or hi is None:
        return False
    if strictly:
        if v.value is None or not lo < v.value < hi:
            return False
    elif not lo <= (v.value or 0.0) <= hi:
        return False
    v.ci_low, v.ci_high = lo, hi
    return True


# "nine (28%; 13·8–46·8) of 32": a bracketed rate, a semicolon, its CI without a keyword (The
# Lancet once the first rate gave "95% CI"); the range closes the bracket.
_SEMICOLON_RANGE = re.compile(
    rf";\s*(?P<lo>{NUM})\s*%?\s*(?:to|–|—|‑|−|-)\s*(?P<hi>{NUM})\s*%?(?=\s*[)\]])"
)


# "37% (41 of 111; 95% CI 28–47)", "50% (18/36, 95% CI, 33-67)": the responders over the
# evaluable patients, then the rate's CI in the same bracket.
_COUNT_BEFORE_CI = re.compile(r"\s*[(\[]\s*\d[\d,]*\s*(?:of|/)\s*\d[\d,]*\s*[;,]\s*")


def _ci_after_count(text: str, v: Value, pos: int, end: int, cis_at: list) -> int:
    """Reads the CI of a rate whose bracket gives its count first; the CI must hold the rate
    (the count's bracket holds no other estimate). Returns the new end of ``v``."""
    m = _COUNT_BEFORE_CI.match(text, pos, end)
    if m is None:
        return pos
    ci = next((c for at, _, c in cis_at if at == m.end()), None)
    if ci is None:
        return pos
    return ci.end() if _take_ci(v, ci) else pos


def _comma_ratio_range(text: str, v: Value, pos: int, end: int) -> int:
    """Reads the CI of a ratio written as "(HR 1·48, 1·05–2·07; p=0·0247)" (Lancet style once
    the CI level was given): a range after a comma that holds the ratio and ends its part of the
    bracket; returns the new end of ``v``."""
    m = _COMMA_RANGE.match(text, pos, end)
    return m.end() if m is not None and _take_ci(v, m, strictly=True) else pos


# "HR 0.65 [0.55, 0.77]", "HR 0.65(0.55,0.77)": a ratio's CI as two bounds split by a comma
# in its own bracket (statistics software's style).
_BRACKETED_COMMA_RANGE = re.compile(rf"\s*[\[(]\s*(?P<lo>{NUM})\s*,\s*(?P<hi>{NUM})\s*(?:[\])]|;)")


def _bracketed_comma_ratio_range(text: str, v: Value, pos: int, end: int) -> int:
    """Reads the CI of a ratio written as "0.65 [0.55, 0.77]": a bracket holding two numbers
    split by a comma, the ratio strictly between them (a pair of counts or of other values
    does not hold the ratio); returns the new end of ``v``."""
    m = _BRACKETED_COMMA_RANGE.match(text, pos, end)
    return m.end() if m is not None and _take_ci(v, m, strictly=True) else pos


# Matched in place, ``_GLUE.match(text, pos, end)`` (no slice): "$" matches at ``end``.
_GLUE = re.compile(
    r"[\s,;:(\[\])]*(?:months?|mo|weeks?|years?|%)?[\s,;:(\[\])]*"
    r"(?:(?:stratified|unstratified|(?:two|one|2|1)[- ](?:sided|tailed)|log-rank|logrank|exact|"
    r"Fisher's|Cox|Wald|nominal|descriptive|non-?inferiority|"
    r"for\s+(?:superiority|non-?inferiority|interaction|difference|trend))"
    r"[\s,]*)*$",
    re.I,
)
