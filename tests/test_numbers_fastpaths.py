"""parse_values' fast paths give exactly what the plain regex scans give."""

from __future__ import annotations

import re
import sys

import pytest
from gold_data import gold_texts

from her2mine.extract.numbers import atoms, folding, patterns, times_rates, units

TRICKY = (
    "PFS 12 months of median follow-up, 3 mo. of follow up, 5 Months CI, 9.1 (95% CI 7.2-11.0) "
    "months, 4 (IQR 2-6) months, 30% CI 1-2, 40 percent confidence, 50%credible 8 % C.I. 1-2, "
    "at 12 months, After 6 months, range 3-9 months, up to 24 months, for 5 years, 2-4 weeks, "
    "by: 3 yrs, least 4 wks; Hazard ratio 0.5, HR, 0.62; ORs 1.2; odds ratio 2; HRs; xHR 3; "
    "not reached, NR, not yet been reached, notreached, NRx, cı 1-2, Cİ 3-4, ſ, 95% cı, 0·5 NR "
    "P = .01, p<0·001, P &lt; 0.05, P≥0.1, 1095% CI 1-2 vs 3 and 4 (P=0.2) 12 or 13 months"
)


def corpus() -> list[str]:
    return gold_texts() + [TRICKY]


def test_after_atom_equals_the_separate_matches():
    checked = 0
    for text in corpus():
        for i in range(len(text) + 1):
            for end in (len(text), min(len(text), i + 12)):
                got = patterns._AFTER_ATOM.match(text, i, end)
                unit = patterns._UNIT_AFTER.match(text, i, end)
                if unit is not None and unit.group(1) is not None:
                    assert got is not None and got.group(1) == unit.group(1)
                    assert got.end(1) == unit.end()
                    follow = patterns._FOLLOW_UP_AFTER.match(text, unit.end(), end)
                    assert (got.group(2) is not None) == (follow is not None)
                elif unit is not None:
                    assert got is not None and got.group(1) is None and got.group(3) is not None
                    assert got.end(3) == unit.end()
                    not_rate = patterns._NOT_A_RATE.match(text, unit.end(), end)
                    assert (got.group(4) is not None) == (not_rate is not None)
                else:
                    br = patterns._BRACKETED.match(text, i, end)
                    if br is None:
                        assert got is None
                    else:
                        assert got is not None and got.group(3) is None and got.end(5) == br.end()
                        checked += 1
    assert checked > 50


def test_after_time_guard_equals_the_window_search():
    hits = 0
    for text in corpus():
        for pos in range(len(text) + 1):
            a = max(0, pos - 25)
            expected = patterns._TIME_GUARD.search(text, a, pos) is not None
            assert times_rates._after_time_guard(text, a, pos) == expected
            hits += expected
    assert hits > 20


def test_time_guard_last_holds_every_case_variant_of_its_letters():
    # Characters the case-insensitive regex matches to a final letter of a guard word.
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    variants = set(re.findall(r"(?i)[trnyhdoegl]", every))
    assert variants <= patterns._TIME_GUARD_LAST


def test_lower_maps_nothing_else_to_a_p_operator():
    # parse_values looks for P-value operators in the lower-cased sentence: lower() must map
    # no other character to one of them.
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if c not in atoms._P_OPS_GATE.words:
            assert not any(op in low for op in atoms._P_OPS_GATE.words), hex(cp)


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [(patterns._KEY_RE, atoms._KEY_LITERALS), (patterns._NR_ATOM, atoms._NR_LITERALS)],
)
def test_literal_led_scan_equals_finditer(pattern, literals):
    found = 0
    for text in corpus():
        for start in range(0, len(text) + 1, 7):
            for end in (len(text), min(len(text), start + 40), min(len(text), start + 3)):
                expected = [m.span() for m in pattern.finditer(text, start, end)]
                got = atoms._finditer_literal_led(pattern, literals, text, start, end)
                assert [m.span() for m in got] == expected
                found += len(expected)
    assert found > 100


def test_strip_ci_equals_the_plain_substitution():
    for text in corpus():
        for start in range(0, len(text), 5):
            for width in (6, 30, 80):
                gap = text[start : start + width]
                assert units._strip_ci(gap) == patterns.CI_RE.sub("", gap)


def test_atom_float_equals_to_float():
    for text in corpus():
        for m in patterns._NUM_ATOM.finditer(text):
            assert folding._atom_float(m.group(0)) == folding.to_float(m.group(0))
    for atom in ("0·62", ".5", "·5", "12", "٣٫", "٣", "0.001"):
        if patterns._NUM_ATOM.fullmatch(atom):
            assert folding._atom_float(atom) == folding.to_float(atom)
