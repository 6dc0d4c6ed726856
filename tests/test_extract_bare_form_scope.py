"""A design's bare short form names its arm only up to the bracket that redefines it. The first
occurrence in a sentence was searched up to that bracket, but the following ones to the
sentence's end, so a second "with PH" after "pertuzumab plus trastuzumab (PH)" in the same
sentence still named the design's paclitaxel + trastuzumab arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

PH = "paclitaxel+trastuzumab"
HP = "pertuzumab+trastuzumab"

DESIGN = (
    "Patients were randomised to paclitaxel plus trastuzumab given either alone (PH) or with "
    "everolimus (PH-E). Median PFS was 6.0 months with PH and 9.0 months with PH-E. "
)


def test_bare_form_after_its_redefinition_in_the_same_sentence(nlp):
    """ "The ORR was 40% with PH, and in a separate cohort pertuzumab plus trastuzumab (PH)
    gave an ORR of 20% with PH": 40% is the design's PH, 20% the new PH."""
    text = DESIGN + (
        "The ORR was 40% with PH, and in a separate cohort pertuzumab plus trastuzumab (PH) gave "
        "an ORR of 20% with PH."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 40.0) == PH
    assert arm_of(rows, 20.0) == HP


def test_bare_form_used_twice_before_any_redefinition(nlp):
    """Negative: with no redefining bracket, every "with PH" of a sentence names the design's
    arm."""
    text = DESIGN + "The ORR was 40% with PH and the DCR was 70% with PH."
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 40.0) == PH
    assert arm_of(rows, 70.0) == PH
