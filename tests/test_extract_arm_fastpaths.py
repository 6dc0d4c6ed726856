"""The arm readers' fast paths answer exactly what the plain scans answer."""

from __future__ import annotations

import pytest
from gold_data import gold_texts

from her2mine.extract import arms
from her2mine.extract.arms import patterns as arms_patterns
from her2mine.extract.fastre import search_from_end
from her2mine.extract.lexicon import lower_same_length

# Case variants, exotic case folds (ı İ ſ K), words glued to others, design and prior phrases.
TRICKY = (
    "Patients were RANDOMLY aſsigned to receive: the intravenous trastuzumab or Oral x; "
    "previously treated with, PROGRESSED ON trastuzumab, had   received y, naïve to z, "
    "İNELIGIBLE, toa Weekly x vs. y, compared with z, allocated to either dose-dense w. "
    "GROUPS, Arm B, cohort-2, cohorts; TPC ICT physician's choice, KELVIN K, ıt, after:x "
    "Treated with the investigator-selected w. Following; failure; FAILED; exposure."
)


def corpus() -> list[str]:
    texts = gold_texts()
    return texts[:10] + [TRICKY, TRICKY.upper(), TRICKY.lower()]


@pytest.mark.parametrize(
    "gate",
    [
        arms_patterns._PRIOR_GATE,
        arms.GROUP_GATE,
        arms_patterns._ALL_GATE,
        arms_patterns._MODIFIER_GATE,
    ],
)
def test_arm_gates_equal_a_find_per_word(gate):
    for text in corpus():
        low = lower_same_length(text)
        for b in range(len(low) + 1):
            for a in (b - 250, b - 60, b - 7, b - 1, b, b + 1):
                a = max(0, a)
                found = any(low.find(w, a, b) >= 0 for w in gate.words)
                assert gate.may_hold(low, a, b) == found
    assert gate.may_hold(None, 0, 0)


def test_tpc_gate_is_case_sensitive_on_the_text():
    for text in corpus():
        for b in range(0, len(text) + 1, 2):
            a = max(0, b - 200)
            found = any(text.find(w, a, b) >= 0 for w in arms_patterns._TPC_WORDS)
            assert arms_patterns._TPC_GATE.may_hold(text, a, b) == found
    assert not arms_patterns._TPC_GATE.may_hold("tpc ict", 0, 7)


@pytest.mark.parametrize(
    ("fast", "pattern", "width"),
    [
        (arms_patterns._DESIGN_BEFORE_END, arms_patterns._DESIGN_BEFORE, 80),
        (arms_patterns._PRIOR_END, arms_patterns._PRIOR, 60),
    ],
)
def test_word_then_end_equals_the_word_start_search(fast, pattern, width):
    slow = search_from_end(pattern)
    found = 0
    for text in corpus():
        for end in range(len(text) + 1):
            start = max(0, end - width)
            want = slow.match(text, start, end) is not None
            assert (fast.match(text, start, end) is not None) == want
            window = text[start:end]
            assert (fast.match(window) is not None) == (slow.match(window) is not None)
            found += want
    assert found > 100
