"""Readings a review of held-out round 10 found wrong in its new rules, each checked here."""

from __future__ import annotations

import pytest
from extract_helpers import trials_in

from her2mine.extract.drugs.codes import _names_a_cell_line
from her2mine.extract.numbers import parse_values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a bound after a compared value or an event name is a result, as before the rule
        ("ILD occurred in 3% vs <1% of patients.", [3.0, 1.0]),
        ("pCR 45% versus <30% with chemotherapy alone.", [45.0, 30.0]),
        ("ILD <1%; diarrhoea 12%.", [1.0, 12.0]),
        # a cut-off after the name of a measurement is no value
        ("Risk factors included baseline oxygen saturation <95%.", []),
        ("Patients with LVEF <50% were excluded.", []),
        ("Tumours with Ki-67 ≥20% were high risk.", []),
    ],
)
def test_a_cutoff_only_after_a_measurement(text, values):
    assert [v.value for v in parse_values(text)] == values


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        (
            "Background. Although TRAIN-2 trial (NCT01996267) showed no benefit of anthracyclines.",
            ["TRAIN-2", "NCT01996267"],
        ),
        ("Unlike TRAIN-2 (NCT01996267), this study enrolled.", ["TRAIN-2", "NCT01996267"]),
        ("Beamion LUNG-1 (NCT04886804) enrolled 100 patients.", ["Beamion LUNG-1", "NCT04886804"]),
    ],
)
def test_only_an_organ_name_takes_the_programme_word_before_it(text, trials):
    assert trials_in(text) == trials


def test_non_class_group_written_with_a_space(nlp):
    from extract_helpers import arms_of
    from test_extract_held_out_r10c import TRAIN2

    text = TRAIN2.replace(
        "149 (68%) of 219 in the non-anthracycline group",
        "149 (68%) of 219 in the non anthracycline group",
    )
    assert text != TRAIN2
    arms = arms_of(nlp, text)
    assert "epirubicin" in arms[67.0]
    assert arms[68.0] is not None and "epirubicin" not in arms[68.0]


@pytest.mark.parametrize(
    ("text", "code", "cell_line"),
    [
        # a comma or colon after "cells" opens no list of cell lines: the code after it is a drug
        ("ZW49 was potent in HER2-low tumour cells, ARX788 and T-DM1 less so.", "ARX788", False),
        ("In SK-BR-3 cells: ZW49 reduced growth.", "ZW49", False),
        ("HER2-positive cell lines (UACC-812, EFM-192A and NCI-N87) were used.", "EFM-192A", True),
        ("We used cell lines: BT-474 and HCC1954.", "HCC1954", True),
        ("BT-474 and HCC1954 cells were treated.", "BT-474", True),
    ],
)
def test_cell_line_lists(text, code, cell_line):
    start = text.index(code)
    assert _names_a_cell_line(text, start, start + len(code)) is cell_line


def test_adapt_hr_positive_is_its_own_trial():
    assert trials_in("The WSG-ADAPT HER2+/HR+ trial tested T-DM1.") == ["WSG-ADAPT HER2+/HR+"]
    assert trials_in("The WSG-ADAPT HER2+/HR- trial tested pertuzumab.") == ["WSG-ADAPT HER2+/HR-"]
