"""Review of round 77b: the grade of a list header, "Grade >=3 AEs: neutropenia 20%; diarrhoea
was more common in arm B (10% vs 5%)", no longer reached the item after the ";" (the round's
compared-clause rule took the item's comparison for a clause of its own); and "; the adverse
events that were most common were diarrhoea (20%)" was read as a new set of events, though it
only restates "the most common were"; and "exceeding the prespecified threshold of 20%"
was a result."""

from __future__ import annotations

from extract_helpers import rows_of

ARMS = "Patients were randomised to trastuzumab plus docetaxel (arm A) or docetaxel alone (arm B). "
SINGLE = "Patients received trastuzumab plus pertuzumab. "
FIELDS = ("endpoint", "value")


def test_list_header_grade_reaches_a_compared_item(nlp):
    """An item of a grade-headed list keeps the header's grade though it compares the arms."""
    text = ARMS + "Grade >=3 AEs: neutropenia 20%; diarrhoea was more common in arm B (10% vs 5%)."
    rows = rows_of(nlp, text, FIELDS)
    assert ("AE_G3", 10.0) in rows and ("AE_G3", 5.0) in rows


def test_later_clause_comparison_without_header_is_ungraded(nlp):
    """Without a header, the later clause's own comparison still frees it from the grade."""
    text = ARMS + (
        "Grade >=3 neutropenia occurred in 20% of patients, while diarrhoea was more common in "
        "arm B (10% vs 5%)."
    )
    rows = rows_of(nlp, text, FIELDS)
    assert ("AE", 10.0) in rows and ("AE_G3", 10.0) not in rows


def test_most_common_events_restated_keep_the_grade(nlp):
    """The restated "the adverse events that were most common were" names the graded events."""
    text = SINGLE + (
        "Grade 3 or higher AEs occurred in 40% of patients; the adverse events that were most "
        "common were diarrhoea (20%) and neutropenia (15%)."
    )
    rows = rows_of(nlp, text, FIELDS)
    assert ("AE_G3", 20.0) in rows and ("AE_G3", 15.0) in rows


def test_events_that_led_to_discontinuation_stay_ungraded(nlp):
    """A relative clause that defines a new set of events still ends the grade's reach."""
    text = SINGLE + (
        "The most common grade >=3 AE was neutropenia (12%); the adverse event that led to "
        "discontinuation was diarrhoea (2%)."
    )
    rows = rows_of(nlp, text, FIELDS)
    assert ("AE", 2.0) in rows and ("AE_G3", 2.0) not in rows


def test_threshold_a_rate_is_held_to_is_no_value(nlp):
    """In "exceeding the prespecified threshold of 20%" the bar is no result; the rate is."""
    text = (
        "In this single-arm phase II trial, patients received pyrotinib plus capecitabine. "
        "The ORR was 35%, exceeding the prespecified threshold of 20%."
    )
    assert rows_of(nlp, text, FIELDS) == [("ORR", 35.0)]
