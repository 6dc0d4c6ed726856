"""Review of round 72b: three of its rules reached too far. The follow-up tail without "of"
also took a terse result whose follow-up follows with its own number ("PFS 12.1 months median
follow-up 20 months" lost the median); a dose intensity anywhere between an end point and its
percentage dropped the end point's rate ("neutropenia, which led to reduced dose intensity,
occurred in 20%"); and a bracket listing the arms then pooling them after a comma ("(arms A
and B, combined)") gave each value its own arm."""

from __future__ import annotations

from extract_helpers import arm_of, extract_text, rows_of

DT = "docetaxel+trastuzumab"
PDT = "docetaxel+pertuzumab+trastuzumab"

SINGLE_ARM = "Docetaxel and trastuzumab\n\nPatients received docetaxel plus trastuzumab. "
TWO_ARMS = (
    "Pertuzumab with trastuzumab and docetaxel\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel (arm A) or pertuzumab plus "
    "trastuzumab plus docetaxel (arm B). "
)


def _values(nlp, text: str) -> dict[float, tuple[str, str]]:
    return {o.value: (o.endpoint, o.measure) for o in extract_text(nlp, text).outcomes}


def test_terse_median_before_follow_up_with_its_own_time_is_kept(nlp) -> None:
    """ "PFS 12.1 months median follow-up 20 months": "median follow-up" labels the 20 months,
    so the 12.1 months is still the PFS median."""
    values = _values(nlp, SINGLE_ARM + "PFS 12.1 months median follow-up 20 months.")
    assert values.get(12.1) == ("PFS", "median")


def test_time_right_before_median_follow_up_is_still_no_value(nlp) -> None:
    """Negative: "after 1.3 years median follow-up, ..." with no number after the follow-up
    words stays a follow-up length."""
    text = (
        SINGLE_ARM
        + "Median PFS was 12.1 months; the OS rate was 80% at 1.3 years median follow-up."
    )
    assert 1.3 not in _values(nlp, text)


def test_possessive_follow_up_is_still_no_value(nlp) -> None:
    """Negative: "(24 months' follow-up)" after a landmark rate is no OS median."""
    values = _values(nlp, SINGLE_ARM + "The 2-year OS was 85% (24 months' follow-up).")
    assert 24.0 not in values and values.get(85.0) == ("OS", "rate")


def test_dose_intensity_in_a_relative_clause_leaves_the_rate(nlp) -> None:
    """ "Grade 3 neutropenia, which led to reduced dose intensity, occurred in 20%": the 20% is
    the neutropenia's, not the dose intensity's."""
    text = SINGLE_ARM + "Grade 3 neutropenia, which led to reduced dose intensity, occurred in 20%."
    assert _values(nlp, text).get(20.0) == ("AE_G3", "incidence")


def test_dose_intensity_given_as_percentage_is_still_no_outcome(nlp) -> None:
    """Negative: "leading to a lower dose intensity (85%)" still measures the dose given."""
    text = SINGLE_ARM + "Neutropenia occurred in 20%, leading to a lower dose intensity (85%)."
    values = _values(nlp, text)
    assert 85.0 not in values and values.get(20.0) == ("AE", "incidence")


def test_pooled_label_list_after_comma_gives_no_value_each_arm(nlp) -> None:
    """ "60% and 50% (arms A and B, combined)": the arms are pooled, so the bracket does not
    pair the values with arms A and B in order."""
    rows = rows_of(nlp, TWO_ARMS + "The pCR rates were 60% and 50% (arms A and B, combined).")
    assert (arm_of(rows, 60.0), arm_of(rows, 50.0)) != (DT, PDT)


def test_label_list_then_p_after_comma_still_pairs(nlp) -> None:
    """Negative: "(arms A and B, HR 0.7)" still names the run's arms in order."""
    rows = rows_of(nlp, TWO_ARMS + "The pCR rates were 60% and 50% (arms A and B, HR 0.7).")
    assert (arm_of(rows, 60.0), arm_of(rows, 50.0)) == (DT, PDT)
