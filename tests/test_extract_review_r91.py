"""Review of rounds 90b and 91a. Three rules reached further than the designs they were written
for: a hedged treatment sentence that offers a choice ("patients could be treated with A or B",
a cohort study's methods) stopped being a design, so the groups lost their partner drug; a
randomised trial whose background cites "real-world data" had its duration groups treated as
non-randomised, so they lost their arm; and a dose tail ran over "or" into the next arm's short
form ("A 400 mg or B plus C (B+C)"), which then named both arms and so neither."""

from __future__ import annotations

from extract_helpers import arm_of, registry_of, rows_of

HEDGED_CHOICE = (
    "Methods: In this cohort study, patients could be treated with lapatinib plus capecitabine "
    "or trastuzumab plus capecitabine. Results: Median PFS was 6.1 months in the lapatinib "
    "group and 7.9 months in the trastuzumab group (P=0.04)."
)

REAL_WORLD_BACKGROUND = (
    "Background: Real-world data suggest that shorter anti-HER2 treatment may suffice. "
    "Methods: In this phase II trial, 200 patients were randomised. Patients were treated with "
    "12 or 24 weeks of lapatinib plus trastuzumab. Results: The pCR rate was 18% with 12 weeks "
    "and 29% with 24 weeks."
)

FORM_AFTER_NEXT_ARM = (
    "Methods: Patients were randomized to capecitabine plus pyrotinib 400 mg or lapatinib plus "
    "capecitabine (Lap+Cap). Results: ORR was 68% with pyrotinib and 53% with Lap+Cap."
)


def test_hedged_choice_of_regimens_stays_a_design(nlp):
    """ "patients could be treated with A plus C or B plus C": a hedge offering a choice names
    the groups compared, so each group keeps its partner C."""
    rows = rows_of(nlp, HEDGED_CHOICE)
    assert arm_of(rows, 6.1) == "capecitabine+lapatinib"
    assert arm_of(rows, 7.9) == "capecitabine+trastuzumab"


def test_real_world_evidence_in_background_keeps_duration_arms(nlp):
    """ "Real-world data suggest ..." is evidence a randomised trial cites, not the study's
    kind: its 12- and 24-week groups still name the one regimen."""
    rows = rows_of(nlp, REAL_WORLD_BACKGROUND)
    assert arm_of(rows, 18.0) == "lapatinib+trastuzumab"
    assert arm_of(rows, 29.0) == "lapatinib+trastuzumab"


def test_dose_tail_stops_at_the_next_arm(nlp):
    """ "A plus B 400 mg or C plus A (C+A)": the first arm's dose tail ends at "or", so the
    form names the second arm only (not both, which would name neither)."""
    reg = registry_of(nlp, FORM_AFTER_NEXT_ARM)
    assert reg.short_forms["Lap+Cap"].name == "capecitabine+lapatinib"
