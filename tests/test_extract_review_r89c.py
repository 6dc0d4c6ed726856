"""Review of round 89c: a list of dosed drugs, "docetaxel, 75 mg/m2, trastuzumab, 6 mg/kg, and
pertuzumab, 420 mg, or docetaxel and trastuzumab", lost its first drug(s): the bare aside
", 75 mg/m2, " joined nothing, so the first arm was cut at it. A bare dose aside now reads as the
list comma it replaces, as in the undosed list."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, rows_of

from her2mine.extract.regimens import gap_kind

DOSED_LIST = (
    "Patients were randomized to docetaxel, 75 mg/m2, trastuzumab, 6 mg/kg, and pertuzumab, "
    "420 mg, or docetaxel and trastuzumab. The pCR rate was 45% and 30%, respectively."
)


def test_bare_dose_aside_is_a_list_comma():
    """ "A, 75 mg/m2, B": the aside's commas are one list comma."""
    assert gap_kind(", 75 mg/m2, ") == "comma"


def test_bare_aside_without_a_dose_joins_nothing():
    """Negative: two commas around no dose, or around a count, are no list."""
    assert gap_kind(", , ") is None
    assert gap_kind(", 45 patients, ") is None


def test_dosed_list_is_one_arm(nlp):
    """Every dosed drug of the list is in the first arm; the second arm is unchanged."""
    rows = rows_of(nlp, DOSED_LIST, P_ROW)
    assert arm_of(rows, 45.0) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 30.0) == "docetaxel+trastuzumab"


def test_dosed_alternatives_still_two_arms(nlp):
    """Negative: "A, 2 mg/kg weekly, or B, 6 mg/kg" still randomises A against B."""
    text = (
        "Patients were randomized to trastuzumab, 2 mg/kg weekly, or pertuzumab, 6 mg/kg. The "
        "ORR was 45% and 30%, respectively."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 45.0) == "trastuzumab"
    assert arm_of(rows, 30.0) == "pertuzumab"
