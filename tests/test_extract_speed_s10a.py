"""Speed pass s10a: the number and outcome fast paths give exactly what their plain forms (kept
here as references) give, on every gold abstract and some tricky text."""

from __future__ import annotations

import re

from gold_data import gold_texts

from her2mine.extract.lexicon import load_lexicons, lower_same_length
from her2mine.extract.numbers import attach, folding, patterns
from her2mine.extract.outcomes.endpoints import (
    _SUBGROUP_BEFORE,
    _SUBGROUP_REACH,
    _without_subgroup_endpoints,
    find_endpoints,
)
from her2mine.extract.sentences import sentence_spans

TRICKY = (
    "OS 12 monthsſ vs 5 PERCENT, 3 Mo. and 4 mos, 6 wks 7 yrs. 8 percentile 9 %; 10\n% "
    "11 Months, 12 years-old, 13 MONTHS 14 percent 15 yr 16 wk. 17 WKS 18 Yrs 19 wKs "
    "20 months of median follow-up 21 % CI 22 percent confidence 23 (95% CI 1-2) months "
    "24 [x] 25 Weeks of follow up 26 mo. of further follow-up 27 %CI 28 Percent credible "
    "0.62; 95% CI, 0.51 to 0.75; P<0.001 (HR, 0.28; stratified log-rank P = .001) "
    "12 months; two-sided p=0.04 ( 0.5 ) , \n P = 0.3\n"
)


def corpus() -> list[str]:
    return [*gold_texts(), TRICKY]


def _reference_kind(after: re.Match[str]) -> tuple[str, str | None]:
    """What ``_times_and_rates`` read from an ``_AFTER_ATOM`` match with group() calls."""
    if after.group(1) is not None:
        if after.group(2) is not None:
            return "follow-up", None
        return "time", folding._unit_name(after.group(1))
    if after.group(3) is not None:
        return ("ci-word" if after.group(4) is not None else "percent"), None
    return "bracket", None


def _fast_kind(after: re.Match[str]) -> tuple[str, str | None]:
    found = after.lastindex
    if found <= patterns._AFTER_ATOM_FOLLOW_UP:
        if found == patterns._AFTER_ATOM_FOLLOW_UP:
            return "follow-up", None
        return "time", patterns._UNIT_OF_INITIAL.get(text_at(after, 1), "months")
    if found <= patterns._AFTER_ATOM_CI_WORD:
        return ("ci-word" if found == patterns._AFTER_ATOM_CI_WORD else "percent"), None
    return "bracket", None


def text_at(m: re.Match[str], group: int) -> str:
    return m.string[m.start(group)]


def test_after_atom_lastindex_names_the_alternative():
    seen = set()
    for text in corpus():
        for i in range(len(text) + 1):
            after = patterns._AFTER_ATOM.match(text, i)
            if after is None:
                continue
            assert _fast_kind(after) == _reference_kind(after)
            seen.add(_reference_kind(after))
            if _reference_kind(after)[0] == "percent":
                assert after.end() == after.end(3)
    assert {k for k, _ in seen} == {"follow-up", "time", "ci-word", "percent", "bracket"}
    assert {u for _, u in seen} >= {"months", "weeks", "years"}


_REFERENCE_GLUE = re.compile("^" + attach._GLUE.pattern, attach._GLUE.flags)


def _reference_only_glue(gap: str) -> bool:
    return len(gap) <= 40 and bool(_REFERENCE_GLUE.match(gap))


def test_glue_in_place_equals_glue_on_the_slice():
    for text in corpus():
        for pos in range(len(text) + 1):
            if pos and not (text[pos - 1].isdigit() or text[pos - 1] in "%sd"):
                continue  # gaps start where a value (or its unit) ends
            for at in range(pos, min(len(text), pos + 45) + 1):
                fast = pos <= at <= pos + 40 and attach._GLUE.match(text, pos, at) is not None
                assert fast == _reference_only_glue(text[pos:at]), (pos, at, text[pos:at])


def _reference_without_subgroup_endpoints(text, s, eps, low):
    """``_without_subgroup_endpoints`` before its once-per-sentence word test."""
    kept = eps
    for h in eps:
        a = max(s, h.start - _SUBGROUP_REACH)
        if low is not None and low.find("with", a, h.start) < 0 and low.find("who", a, h.start) < 0:
            continue
        if _SUBGROUP_BEFORE.search(text, a, h.start):
            kept = [x for x in kept if x is not h]
    return kept


def test_subgroup_endpoints_sentence_gate_changes_nothing():
    lex = load_lexicons().endpoints
    removed = 0
    extra = (
        "3-year DFS was 88% in patients with pCR and 73% in patients without pCR. "
        "OS was 96% in those who did not achieve a pCR, and PFS with OS was 50%."
    )
    for text in [*corpus(), extra]:
        low = lower_same_length(text)
        hits = find_endpoints(text, lex, low)
        for s, e in sentence_spans(text):
            eps = [h for h in hits if s <= h.start < e]
            if not eps:
                continue
            for gate in (low, None):
                fast = _without_subgroup_endpoints(text, s, eps, gate)
                assert fast == _reference_without_subgroup_endpoints(text, s, eps, gate)
                removed += len(eps) - len(fast)
    assert removed > 0
