"""The outcome rows' shortcuts find what the plain searches find."""

from __future__ import annotations

from gold_data import gold_texts
from hypothesis import given
from hypothesis import strategies as st

from her2mine.extract.fastre import literal_safe
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import lower_same_length
from her2mine.extract.numbers import Value, closed_between
from her2mine.extract.outcomes.brackets import _bracket_after
from her2mine.extract.outcomes.endpoints import TIME_TO_EVENT
from her2mine.extract.outcomes.grades import _grade_code
from her2mine.extract.outcomes.landmarks import _LANDMARK, _LANDMARK_LOW
from her2mine.extract.outcomes.not_results import (
    _MEAN_BEFORE,
    _MEAN_BEFORE_LOW,
    _NOT_OUTCOME,
    _NOT_OUTCOME_LOW,
)
from her2mine.extract.outcomes.value_endpoints import _finds, _first_after, _last_before

GRADES = (
    "Grade ≥3 AEs in 12% vs GRADE 3 OR HIGHER in 9%; any-grade 40%, all grades 41% (grade 3, "
    "2%) and SEVERE 3%; low-grade 5%, grade 1-2 6%, Grade I/II 7%, grade ≤2 8%, grade >= III "
    "9%, ≥ grade 3 10%, grade 3+ 11%, of any grade 12%, grade 4 or 5 13%, Grade II14%. "
    "Follow-up 3%, follow up 4%, FOLLOWED 5%, Range 6%, duration of therapy 7%, Exposure 8%, "
    "treatment duration 9%, AGE 10%, aged 11%, Reduction 12%, reduced 13%, lower 14%, "
    "decrease 15%, Improvement 16%, relative 17%, risk of 18%, stage 19%, outrange 20%. "
    "MEAN PFS 3 months, Average OS 4 months; 2-YEAR rate 5%, At 12 Months 6%, Three-Year 7%, "
    "RATES 8%, Landmark 9%, 3·5 Yrs 10%, 18 MO 11%, twelve-year 12%."
)


def corpus() -> list[str]:
    texts = gold_texts() + [GRADES]
    return [t for t in texts if literal_safe(t)]


TWINS = [
    (_NOT_OUTCOME, _NOT_OUTCOME_LOW),
    (_MEAN_BEFORE, _MEAN_BEFORE_LOW),
    (_LANDMARK, _LANDMARK_LOW),
]


def test_lower_twins_find_what_the_patterns_find():
    for text in corpus():
        low = lower_same_length(text)
        for b in range(0, len(text) + 1, 2):
            for a in (b - 70, b - 25, b - 12, b - 6):
                a = max(0, a)
                for pattern, twin in TWINS:
                    assert _finds(pattern, twin, text, low, a, b) == (
                        pattern.search(text, a, b) is not None
                    )


def test_grade_code_at_candidates_equals_the_full_scan():
    ep = Hit("endpoint", 0, 0, "", "AE")
    for text in corpus():
        low = lower_same_length(text)
        for s in (0, max(0, len(text) // 2 - 200)):
            for end in range(s, min(len(text), s + 600) + 1):
                v = Value("percent", 1.0, None, end, end, end)
                assert _grade_code(text, s, ep, v, low) == _grade_code(text, s, ep, v)


def _hits(spans: list[tuple[int, int]], codes: list[str]) -> list[Hit]:
    """Non-overlapping hits in text order, as ``find_endpoints`` gives them."""
    out: list[Hit] = []
    pos = 0
    for (gap, width), code in zip(spans, codes, strict=False):
        start = pos + gap
        out.append(Hit("endpoint", start, start + width, "x", code))
        pos = start + width
    return out


HITS = st.builds(
    _hits,
    st.lists(st.tuples(st.integers(0, 8), st.integers(1, 6)), max_size=6),
    st.lists(st.sampled_from(["PFS", "OS", "ORR", "AE", "_population", "pCR"]), max_size=6),
)


@given(HITS, st.integers(0, 60), st.sampled_from([None, TIME_TO_EVENT]))
def test_last_before_is_the_last_of_the_filtered_list(eps, pos, codes):
    listed = [
        h
        for h in eps
        if h.end <= pos and h.canonical != "_population" and (codes is None or h.canonical in codes)
    ]
    assert _last_before(eps, pos, codes) is (listed[-1] if listed else None)


@given(HITS, st.integers(0, 60))
def test_first_after_is_the_first_of_the_filtered_list(eps, pos):
    listed = [h for h in eps if h.start >= pos and h.start - pos <= 60]
    assert _first_after(eps, pos, 60) is (listed[0] if listed else None)


def _bracket_after_by_chars(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """``_bracket_after`` character by character."""
    i = pos
    while i < limit and text[i] == " ":
        i += 1
    if i >= limit or text[i] not in "([":
        return None
    depth = 0
    for k in range(i, min(limit, i + 120)):
        if text[k] in "([":
            depth += 1
        elif text[k] in ")]":
            depth -= 1
            if depth == 0:
                return i, k
    return None


def test_bracket_after_equals_the_character_scan():
    nested = "A (12 [8%]) B ( 3 (x] y) ) C [((]) D (" + "z" * 130 + ") E  [1]"
    for text in [*corpus(), nested]:
        for pos in range(len(text)):
            for limit in (len(text), min(len(text), pos + 15)):
                got = _bracket_after(text, pos, limit)
                assert got == _bracket_after_by_chars(text, pos, limit)


def _closed_between_by_chars(text: str, a: int, b: int) -> bool:
    depth = 0
    for ch in text[a:b]:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth < 0:
                return True
    return False


def test_closed_between_equals_the_character_scan():
    nested = "A (12 [8%]) B ( 3 (x] y) ) C [((]) D ) E ] F (grade 3, 1.5%) vs 3.4%"
    for text in [*corpus(), nested]:
        for a in range(0, len(text), 3):
            for b in (a, a + 5, a + 40, a + 150):
                assert closed_between(text, a, b) == _closed_between_by_chars(text, a, b)
