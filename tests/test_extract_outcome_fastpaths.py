"""The outcome component's fast paths give exactly what the plain scans give."""

from __future__ import annotations

import re

import pytest
from gold_data import gold_texts

from her2mine.extract.arms import refs as arms_refs
from her2mine.extract.hits import Hit
from her2mine.extract.numbers import atoms, patterns, value
from her2mine.extract.regimens import Regimen

TRICKY = (
    "OS 12 monthsſ vs 5 PERCENT, 3 Mo. and 4 mos, 6 wks 7 yrs. 8 percentile 9 %; 10\n% "
    "11 Months, 12 years-old, 13 MONTHS 14 percent 15 yr 16 wk. grade 3 q3w n = 4 Δ5 "
    "IHC 2 stage II age 60 day 8 Version 2 difference 7 PHASE 3 cycles 6 the Control  - "
    "xcontrol -control control\n placebo-arm Group A İİ ſ"
)


def corpus() -> list[str]:
    return gold_texts() + [TRICKY]


def test_unit_after_equals_time_unit_else_percent():
    for text in corpus():
        for i in range(len(text) + 1):
            both = patterns._UNIT_AFTER.match(text, i)
            tm = patterns._TIME_UNIT.match(text, i)
            pm = patterns._PERCENT.match(text, i)
            if tm is not None:
                assert both is not None and both.group(1) == tm.group(1)
                assert both.end() == tm.end()
            elif pm is not None:
                assert both is not None and both.group(1) is None and both.end() == pm.end()
            else:
                assert both is None


def test_block_gate_window_equals_a_find_per_word():
    for text in corpus():
        low = text.lower()
        for b in range(len(low) + 1):
            for a in (b - 30, b - 7, b - 1):
                a = max(0, a)
                found = any(low.find(w, a, b) >= 0 for w in atoms._BLOCK_WORDS)
                assert atoms._BLOCK_GATE.may_hold(low, a, b) == found


@pytest.mark.parametrize(
    "label",
    ["control", "placebo", "a", "t-dxd", "pertuzumab", "chemotherapy", "group-", "x ", "", "ab"],
)
def test_label_ends_equals_the_label_search(label):
    rx = re.compile(r"(?<![\w-])" + re.escape(label) + r"[\s-]*$", re.I)
    for text in corpus():
        for end in range(0, len(text) + 1, 3):
            for width in (60, 12, len(label) + 1):
                before = text[max(0, end - width) : end]
                assert arms_refs._label_ends(rx, label, before) == (rx.search(before) is not None)


def test_regimen_drugs_follow_appended_hits():
    a = Hit("drug", 0, 1, "A", "a", ["a"])
    b = Hit("drug", 5, 6, "B", "b", ["b", "a"])
    reg = Regimen(0, 1, [a])
    assert reg.drugs == ["a"]
    reg.hits.append(b)
    assert reg.drugs == ["a", "b"]


def test_outcome_dict_holds_the_fields_in_order():
    from her2mine.extract.outcomes.rows import _row
    from her2mine.models import Outcome

    o = Outcome("PFS", "a+b", "median", 18.5, "months", 1.0, 2.0, "<0.001", "s.", 3, 7)
    v = value.Value("time", 18.5, None, 3, 7, 9, ci_low=1.0, ci_high=2.0, p="<0.001")
    got = _row(v, "PFS", "median", "a+b", "s.")
    assert list(got.items()) == [(f, getattr(o, f)) for f in o.__dataclass_fields__]
