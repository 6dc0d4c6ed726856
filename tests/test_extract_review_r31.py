"""Review of round 31. The clause-opening time-point rule dropped a labelled median whose label
ends in a comma or colon ("median OS, 28.5 months after randomisation"); a value's own
participle missed a graded object ("with 45% of patients experiencing grade 3 or higher adverse
events" stayed an ORR); and a "(vs ...)" bracket after a value armed before it was not read
past the value's CI bracket or "of patients"."""

from __future__ import annotations

from extract_helpers import arms_of, rows_of

TDXD = "trastuzumab deruxtecan"
TDM1 = "trastuzumab emtansine"
DESIGN = "Trial\n\nPatients were randomly assigned to T-DXd or T-DM1. "
PLACEBO = "Trial\n\nPatients were randomly assigned to pertuzumab or placebo. "


# --- a labelled median is no time point ---------------------------------------------------------


def test_median_labelled_with_a_comma_after_a_semicolon_is_read(nlp):
    """ "...; median OS, 28.5 months after randomisation": the comma follows the end point, so
    the time is its median, not a clause-opening time point."""
    text = PLACEBO + "Median DOR was 12.1 months; median OS, 28.5 months after randomisation."
    rows = rows_of(nlp, text, ("endpoint", "measure", "value"))
    assert ("OS", "median", 28.5) in rows


def test_median_labelled_with_a_colon_is_read(nlp):
    """ "Median PFS: 18.5 months after a median follow-up of 30 months": 18.5 is the median."""
    text = PLACEBO + "Median PFS: 18.5 months after a median follow-up of 30 months."
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text)] == [("PFS", 18.5)]


def test_time_point_after_a_comma_past_the_values_stays_unread(nlp):
    """Negative: "..., 24 months after the primary analysis" opens a clause after the values."""
    text = PLACEBO + "Median OS was 56.5 versus 40.8 months, 24 months after the primary analysis."
    assert [r.value for r in rows_of(nlp, text)] == [56.5, 40.8]


# --- a graded object of a value's own participle ------------------------------------------------


def test_share_experiencing_graded_adverse_events_is_no_orr(nlp):
    """ "The ORR was 60%, with 45% of patients experiencing grade 3 or higher adverse events":
    45% is the graded adverse events' incidence, not a second ORR."""
    text = "Trial\n\nThe ORR was 60%, with 45% of patients experiencing grade 3 or higher adverse events."
    rows = rows_of(nlp, text, ("endpoint", "value"))
    assert rows == [("ORR", 60.0), ("AE_G3", 45.0)]


def test_count_experiencing_a_graded_named_event_is_no_pcr(nlp):
    """ "..., with 12 patients (10%) experiencing grade ≥3 neutropenia": not a pCR."""
    text = (
        "Trial\n\nThe pCR rate was 60%, with 12 patients (10%) experiencing grade ≥3 neutropenia."
    )
    rows = rows_of(nlp, text, ("endpoint", "value"))
    assert ("pCR", 10.0) not in rows
    assert ("AE_G3", 10.0) in rows


def test_graded_object_of_another_kind_keeps_the_earlier_end_point(nlp):
    """Negative: "with 45% of patients having grade 3 tumours" names no end point."""
    text = "Trial\n\nThe ORR was 60%, with 45% of patients having grade 3 tumours."
    assert all(r.endpoint != "AE_G3" for r in rows_of(nlp, text))


# --- a "(vs ...)" bracket past the value's CI or "of patients" ---------------------------------


def test_vs_bracket_after_the_values_ci_bracket_is_the_other_arm(nlp):
    """ "52.3% (95% CI 45.1-59.4) (vs 30.1%)": the bracket after the CI holds T-DM1's rate."""
    text = DESIGN + "The ORR with T-DXd was 52.3% (95% CI 45.1-59.4) (vs 30.1%)."
    assert arms_of(nlp, text) == {52.3: TDXD, 30.1: TDM1}


def test_vs_bracket_after_of_patients_is_the_other_arm(nlp):
    """ "Grade 3 or higher AEs with T-DXd occurred in 45.1% of patients (vs 39.8%)"."""
    text = DESIGN + (
        "Grade 3 or higher adverse events with T-DXd occurred in 45.1% of patients (vs 39.8%)."
    )
    assert arms_of(nlp, text) == {45.1: TDXD, 39.8: TDM1}


def test_vs_bracket_at_baseline_after_the_ci_bracket_is_no_arms(nlp):
    """Negative: "(95% CI ...) (vs 30.1% at baseline)" compares with a time point."""
    text = DESIGN + "The ORR with T-DXd was 52.3% (95% CI 45.1-59.4) (vs 30.1% at baseline)."
    assert arms_of(nlp, text) == {52.3: TDXD, 30.1: None}
