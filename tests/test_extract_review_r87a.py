"""Review of round 87a: the cohort scope carried to any following sentence that named no
cohort, arm, group or drug, so a sentence about the whole population ("Overall, the ORR was
35.0%", "In all patients, ...", "In the overall population, ...") and a Conclusions sentence
took the scoped cohort's regimen. A subgroup sentence ("In patients with brain metastases,
...") stays in the scope: a subgroup of the cohort under discussion."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

HT = "trastuzumab+tucatinib"

DESIGN = (
    "Patients received tucatinib plus trastuzumab (cohort A) or tucatinib alone (cohort B). "
    "In cohort A, the objective response rate was 45.0%. "
)


def test_overall_sentence_ends_the_scope(nlp):
    """Negative: "Overall, the objective response rate was 35.0%." is the whole population's."""
    rows = rows_of(nlp, DESIGN + "Overall, the objective response rate was 35.0%.", ARM_ROW)
    assert arm_of(rows, 45.0) == HT
    assert arm_of(rows, 35.0) is None


def test_all_patients_sentence_ends_the_scope(nlp):
    """Negative: "In all patients, median PFS was 6.2 months" is no cohort's."""
    text = DESIGN + "In all patients, median progression-free survival was 6.2 months."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 6.2) is None


def test_overall_population_sentence_ends_the_scope(nlp):
    """Negative: "In the overall population, ..." is no cohort's."""
    text = DESIGN + "In the overall population, median progression-free survival was 6.2 months."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 6.2) is None


def test_conclusions_heading_ends_the_scope(nlp):
    """Negative: the Conclusions restate the study, not the cohort the Results last named."""
    text = DESIGN + "Conclusions: The disease control rate was 80.0%."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 80.0) is None


def test_overall_survival_keeps_the_scope(nlp):
    """ "overall survival" is an end point, not the whole population: the scope carries."""
    text = DESIGN + "Median overall survival was 20.5 months."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 20.5) == HT


def test_subgroup_of_the_cohort_keeps_the_scope(nlp):
    """ "In patients with brain metastases, ..." right after cohort A is cohort A's subgroup."""
    text = DESIGN + "In patients with brain metastases, the objective response rate was 30.0%."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 30.0) == HT
