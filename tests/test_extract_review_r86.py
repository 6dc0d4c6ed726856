"""Review of rounds 86a and 86b: "received A in cohort A" (round 86b) labelled the one arm of a
one-regimen study with its cohort letter, so in "50% in cohort A and 60% in cohort B" (population
cohorts, both given A) cohort A's value took the regimen and cohort B's stayed null. Cohorts of
one regimen are subgroups: both stay null (gold README). Probes of the other 86a/86b rules
("among the three groups", "respectively (A vs B arms)", "in both arms", "the two trastuzumab
arms" over different regimens, pooled dose arms) matched the curator's answers."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arms_with, registry_of, rows_of

TDXD = "trastuzumab deruxtecan"

POPULATION_COHORTS = (
    "In this single-arm study, patients received trastuzumab deruxtecan in cohort A (HER2-low) "
    "and in cohort B (HER2-ultralow). The objective response rate was 50% in cohort A and 60% "
    "in cohort B."
)

# A cohort joining a randomised design keeps its letter (round 86b).
JOINS_DESIGN = (
    "Patients initially received tucatinib plus trastuzumab in cohort A; patients were then "
    "randomly assigned to tucatinib plus trastuzumab (cohort B) or tucatinib monotherapy "
    "(cohort C). The objective response rate was 38% in cohort A and 33% in cohort C."
)


def test_population_cohorts_of_one_regimen_stay_null(nlp):
    """ "received T-DXd in cohort A (HER2-low) and in cohort B": subgroups of one regimen."""
    rows = rows_of(nlp, POPULATION_COHORTS, ARM_ROW)
    assert arms_with(rows, 50.0) == [None]
    assert arms_with(rows, 60.0) == [None]


def test_one_regimen_study_gives_no_cohort_letter(nlp):
    """The one arm of a one-regimen study takes no letter from "received A in cohort A"."""
    reg = registry_of(nlp, POPULATION_COHORTS)
    assert [sorted(a.labels) for a in reg.arms if a.name == TDXD] in ([], [[]])


def test_cohort_joining_a_design_keeps_its_regimen(nlp):
    """Negative: beside a randomised cohort B/C design, "received A in cohort A" is A's."""
    rows = rows_of(nlp, JOINS_DESIGN, ARM_ROW)
    assert arms_with(rows, 38.0) == ["trastuzumab+tucatinib"]
    assert arms_with(rows, 33.0) == ["tucatinib"]
