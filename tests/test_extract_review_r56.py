"""Review of round 56: regressions its new readings made on the reviewer's own texts. "divided
into" lettered brackets read a bracket that says a group had no drug ("group B (without
trastuzumab)") as that drug's arm; a three-group list whose later groups leave their verb out
("the control group (n=30) with Y, and the reference group (n=30) with Z") gave the first group
every drug up to the last; "while" before a participle ("while receiving X", "while on
treatment") ended a grade qualifier as a contrasting "while" does."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, row_with, rows_of

BY_PRIOR = (
    "Pyrotinib after trastuzumab\n\n"
    "According to prior treatment, patients were divided into group A (with trastuzumab, n=30) "
    "and group B (without trastuzumab, n=40). Median PFS was 6.3 months in group A and 10.2 "
    "months in group B (P = 0.02)."
)


def test_divided_into_group_without_the_drug_is_not_its_arm(nlp):
    """Negative: "group B (without trastuzumab)" is no trastuzumab arm (here the groups are
    populations: no arm at all)."""
    rows = rows_of(nlp, BY_PRIOR, P_ROW)
    assert arm_of(rows, 10.2) is None
    assert arm_of(rows, 6.3) is None


def test_randomised_no_drug_bracket_is_not_the_drugs_arm(nlp):
    """Negative: "group 2 (no trastuzumab)" after a randomisation is not the trastuzumab arm."""
    text = (
        "Adjuvant trastuzumab\n\n"
        "Patients were randomized into group 1 (trastuzumab, n=40) and group 2 (no trastuzumab, "
        "n=35). The 3-year DFS was 88% in group 1 and 75% in group 2."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 75.0) != "trastuzumab"


def test_divided_into_drug_brackets_still_define_arms(nlp):
    """The round's reading stands: "group A (TCbH, n=60) and group B (TCbHP, n=60)"."""
    text = (
        "Neoadjuvant therapy\n\n"
        "A total of 120 patients were divided into group A (TCbH, n=60) and group B (TCbHP, "
        "n=60). The pCR rate was 45.0% in group A and 30.0% in group B (P = 0.04)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 45.0) == "carboplatin+docetaxel+trastuzumab"
    assert arm_of(rows, 30.0) == "carboplatin+docetaxel+pertuzumab+trastuzumab"


THREE_GROUPS = (
    "Pyrotinib in metastatic breast cancer\n\n"
    "The study group (n=30) received pyrotinib plus capecitabine, the control group (n=30) with "
    "lapatinib plus capecitabine, and the reference group (n=30) with capecitabine alone. The ORR "
    "was 65.0% in the study group, 45.0% in the control group and 20.0% in the reference group."
)


def test_three_named_groups_with_verbs_left_out(nlp):
    """ ", the control group (n=30) with Y, and the reference group (n=30) with Z": each later
    group is described by its own "with", so the first group's regimen stops before it."""
    rows = rows_of(nlp, THREE_GROUPS, ARM_ROW)
    assert arm_of(rows, 65.0) == "capecitabine+pyrotinib"
    assert arm_of(rows, 45.0) == "capecitabine+lapatinib"
    assert arm_of(rows, 20.0) == "capecitabine"


def test_comma_group_with_population_is_no_arm(nlp):
    """Negative: ", the control group with brain metastases" names no drug: no second arm is
    read from it."""
    text = (
        "Pyrotinib\n\n"
        "The study group received pyrotinib plus capecitabine, the control group with brain "
        "metastases was excluded. The ORR was 65.0% in the study group."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 65.0) is None


def test_while_receiving_keeps_the_grade_qualifier(nlp):
    """ "Grade 3 or higher X ... in 12% of patients while receiving Y, and Z occurred in 5%":
    the temporal "while" opens no contrasting clause; the qualifier reads as it does without
    it."""
    for during in ("while receiving docetaxel plus trastuzumab", "while on treatment"):
        text = (
            "Safety\n\n"
            f"Grade 3 or higher neutropenia was observed in 12% of patients {during}, and "
            "febrile neutropenia occurred in 5%."
        )
        without = text.replace(f" {during}", "")
        got = row_with(rows_of(nlp, text, ARM_ROW), 5.0).endpoint
        assert got == row_with(rows_of(nlp, without, ARM_ROW), 5.0).endpoint, during


def test_contrasting_while_still_ends_the_qualifier(nlp):
    """The round's reading stands: ", while peripheral neuropathy was reported in 20%" is of
    any grade."""
    text = (
        "Safety\n\n"
        "Grade >=3 neutropenia occurred in 12% of patients receiving docetaxel plus trastuzumab, "
        "while peripheral neuropathy was reported in 20%."
    )
    assert row_with(rows_of(nlp, text, ARM_ROW), 20.0).endpoint == "AE"
