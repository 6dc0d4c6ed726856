"""Speed pass s11a: the faster forms in numbers.py / outcomes.py give exactly what the plain
forms (kept here as references) give, on every sentence of the gold texts."""

from __future__ import annotations

import random

from gold_data import gold_texts

from her2mine.extract.fastre import WordGate
from her2mine.extract.lexicon import lower_same_length
from her2mine.extract.numbers import atoms as num_atoms
from her2mine.extract.numbers import patterns, times_rates
from her2mine.extract.outcomes.not_results import (
    _ABS_GAIN_GATE,
    _CHANGE_GATE,
    _CROSSOVER_GATE,
    _EVENT_SHARE_GATE,
    _EVENT_SHARE_REACH,
    _NOT_A_RATE_GATE,
)
from her2mine.extract.sentences import sentence_spans

# Letters whose lower case changes length ("İ") or depends on what follows ("Σ"), and P/cut-off
# signs, so the offset-keeping paths and the gates meet them.
TRICKY = (
    "İ2 = 41%, P = .07; Σ I² of 78%; I-squared, 0%; LVEF decline of 10% or more to below 50%; "
    "decrease by at least 15%; saturation <95%; ILD in <1% of patients; drop ≥10 % points; "
    "(HR 0.5; 95% CI 0.4-0.6; P<0.001) 3.1% vs 2.0% (p &gt; 0.2) 4% ≤ 5%"
)


def corpus() -> list[str]:
    return [*gold_texts(), TRICKY]


def sentences() -> list[tuple[str, int, int]]:
    return [(text, s, e) for text in corpus() for s, e in sentence_spans(text)]


# --- _outside_spans: the atoms outside the CIs / P values, by bisection ---------------------


def reference_outside(atoms, spans):
    return [m for m in atoms if not num_atoms._in_spans(spans, m.start())]


def test_outside_spans_equals_the_per_atom_test():
    rng = random.Random(11)
    checked = 0
    for text, s, e in sentences():
        atoms = list(patterns._NUM_ATOM.finditer(text, s, e))
        if not atoms:
            continue
        masked = [(m.start(), m.end()) for m in patterns.ci_matches(text, s, e)]
        masked += [m.span() for m in patterns.P_RE.finditer(text, s, e)]
        span_sets = [masked]
        for _ in range(4):  # unsorted, overlapping, empty and out-of-range spans too
            spans = []
            for _ in range(rng.randint(1, 5)):
                a = rng.randint(s - 5, e + 5)
                spans.append((a, a + rng.randint(0, 60)))
            span_sets.append(spans)
        for spans in span_sets:
            if spans:
                got = num_atoms._outside_spans(atoms, spans)
                assert [m.span() for m in got] == [
                    m.span() for m in reference_outside(atoms, spans)
                ]
                checked += 1
    assert checked > 500


# --- parse_values' sentence gates: operator characters in the text, not in its lower case ---


def test_operator_searches_equal_the_lower_case_gates():
    cutoff_gate = WordGate(("<", ">", "≤", "≥"))
    for text, s, e in sentences():
        low = text[s:e].lower()
        has_op = num_atoms._P_OP_CHAR.search(text, s, e) is not None
        assert has_op == num_atoms._P_OPS_GATE.may_hold(low, 0, len(low))
        cutoff = num_atoms._CUTOFF_CHAR.search(text, s, e) is not None
        assert cutoff == cutoff_gate.may_hold(low, 0, len(low))
        assert has_op or not cutoff  # a sign is an operator: has_op gates the cut-off test


def test_nr_atom_scan_equals_the_literal_led_scan():
    for text, s, e in sentences():
        got = list(patterns._NR_ATOM.finditer(text, s, e))
        ref = num_atoms._finditer_literal_led(patterns._NR_ATOM, num_atoms._NR_LITERALS, text, s, e)
        assert [m.span() for m in got] == [m.span() for m in ref]


# --- _is_threshold / _is_heterogeneity read the sentence's lower case in place ---------------


def test_threshold_and_heterogeneity_read_in_place_equal_the_window_copy():
    hits = 0
    for text, s, e in sentences():
        low = text[s:e].lower()
        if len(low) != e - s:
            continue  # parse_values passes None then: the copying path, unchanged
        for m in patterns._NUM_ATOM.finditer(text, s, e):
            pos, end = m.start(), m.end()
            unit_end = end + 1 if text.startswith("%", end) else end
            thr = times_rates._is_threshold(text, s, e, pos, unit_end)
            assert times_rates._is_threshold(text, s, e, pos, unit_end, low) == thr
            het = times_rates._is_heterogeneity(text, s, pos)
            assert times_rates._is_heterogeneity(text, s, pos, low) == het
            hits += thr + het
    assert hits > 5


# --- outcomes: one gate over the union of several gates' windows ----------------------------


def test_not_a_rate_gate_covers_its_three_gates():
    # Whenever the union gate says no, each of the gates it stands for says no on its window.
    for text, s, e in sentences():
        low = lower_same_length(text)
        for m in patterns._NUM_ATOM.finditer(text, s, e):
            start, ext_end = m.start(), m.end() + 1
            if _NOT_A_RATE_GATE.may_hold(low, max(s, start - 40), ext_end + 80):
                continue
            assert not _CROSSOVER_GATE.may_hold(low, ext_end, ext_end + 80)
            assert not _CHANGE_GATE.may_hold(low, ext_end, ext_end + 24)
            assert not _ABS_GAIN_GATE.may_hold(low, ext_end, ext_end + 24)
            assert not _ABS_GAIN_GATE.may_hold(low, max(s, start - 40), start)


def test_share_of_events_first_gate_covers_both_windows():
    reach = _EVENT_SHARE_REACH
    gate = _EVENT_SHARE_GATE
    for text, s, e in sentences():
        low = lower_same_length(text)
        for m in patterns._NUM_ATOM.finditer(text, s, e):
            start, ext_end = m.start(), m.end() + 1
            if not gate.may_hold(low, max(s, start - reach), ext_end + 50):
                assert not gate.may_hold(low, ext_end, ext_end + 50)
                assert not gate.may_hold(low, max(s, start - reach), start)
