"""Review of round 85a: the spaced short-form reader took "R + T" inside a longer form "R + T
+ P" for the shorter arm (the longer form, read later, then overlapped it and was lost), so the
three-drug arm's value went to the two-drug arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

DESIGN = (
    "Patients were randomised to radiotherapy with trastuzumab (R + T) or radiotherapy with "
    "trastuzumab and pertuzumab (R + T + P). "
)


def _arm_of(nlp, results: str, value: float) -> list:
    return [r.arm for r in rows_of(nlp, DESIGN + results, ARM_ROW) if r.value == value]


def test_longer_spaced_form_names_its_own_arm(nlp):
    """The "R + T + P arm" is the pertuzumab arm, not the "R + T" arm it begins with."""
    assert _arm_of(nlp, "The pCR rate was 40% in the R + T + P arm.", 40.0) == [
        "pertuzumab+trastuzumab"
    ]


def test_shorter_spaced_form_still_names_its_arm(nlp):
    """Negative: "the R + T arm" alone (nothing joined after it) keeps the trastuzumab arm."""
    assert _arm_of(nlp, "The pCR rate was 30% in the R + T arm.", 30.0) == ["trastuzumab"]
