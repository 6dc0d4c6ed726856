"""Review of round 72a. The new biosimilar references ("45% with biosimilars and 44% with the
reference product") took the one arm a review of several drugs' biosimilars had read
("bevacizumab biosimilars and trastuzumab biosimilars ... biosimilar or reference product plus
chemotherapy": arm "bevacizumab"), naming a pooled value of many drugs after one of them. The
other over-reach probes (a spaced "( n = 40 )" bracket, "(Group 1: age < 65)", "Previously,
patients had received X", ", or placebo" / ", or observation" after "with or without",
"A or B followed by surgery") read as before; the single-arm and twin readings are pinned."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, rows_of

REVIEW = (
    "Background: We reviewed randomized trials of {drugs} in HER2-positive and HER2-negative "
    "breast cancer, in which patients received biosimilar or reference product plus "
    "chemotherapy. Results: The pooled response rate was 45% with biosimilars and 44% with the "
    "reference product."
)
TWINS = (
    "Background: Patients received trastuzumab biosimilar CT-P6 or reference trastuzumab with "
    "paclitaxel. Results: Overall response rate was 57% versus 62%. Cardiac events occurred in "
    "2% with biosimilars and 3% with the reference product."
)
SINGLE = (
    "Background: In this single-arm study, patients with HER2-positive early breast cancer "
    "received the trastuzumab biosimilar SB3 with docetaxel. Results: The pCR rate was 51.7%, "
    "similar to that reported with the reference product in earlier studies."
)


def test_biosimilars_of_several_drugs_name_no_arm(nlp):
    """ "bevacizumab biosimilars and trastuzumab biosimilars": "with biosimilars" pools several
    drugs, so it names no one regimen."""
    text = REVIEW.format(drugs="bevacizumab biosimilars and trastuzumab biosimilars")
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 45.0) is None
    assert arm_of(rows, 44.0) is None


def test_biosimilars_of_the_twins_own_drug_still_name_their_regimen(nlp):
    """The twins' own biologic ("trastuzumab biosimilar CT-P6"): "with biosimilars" and "with
    the reference product" name the one regimen both arms have."""
    rows = rows_of(nlp, TWINS, P_ROW)
    assert arm_of(rows, 2.0) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 3.0) == "paclitaxel+trastuzumab"


def test_reference_product_of_a_single_arm_study_stays_the_population(nlp):
    """One product of a single-arm study ("reported with the reference product") names no
    arm: the value is the whole population's."""
    rows = rows_of(nlp, SINGLE, P_ROW)
    assert arm_of(rows, 51.7) is None
