"""Fresh round 61 (a): elided alternatives and factorial designs. "A and B combined with X (X
arm) or with Y (Y arm)" made the second arm Y alone when X and Y play different roles (a
chemotherapy and an endocrine partner): the repeated "with" says Y is another partner of A and
B. With X and Y of one role, the label bracket "(docetaxel group)" (read as a regimen) broke the
list of alternatives. (Factorial designs, the round's other topic, are not read yet: see docs/extraction.md.)"""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

HP_CHEMO_OR_ENDOCRINE = (
    "Pertuzumab and trastuzumab with chemotherapy or endocrine therapy\n\n"
    "Patients with HER2-positive metastatic breast cancer were randomly assigned to trastuzumab "
    "and pertuzumab combined with paclitaxel (chemotherapy arm) or with letrozole (endocrine "
    "arm). Median progression-free survival was 18.2 months in the chemotherapy arm and 16.5 "
    "months in the endocrine arm (HR 1.08; 95% CI 0.85-1.37)."
)
HP_GROUPS = (
    "Dual blockade with two chemotherapy partners\n\n"
    "Patients were randomised to trastuzumab and pertuzumab with docetaxel (docetaxel group) or "
    "with capecitabine (capecitabine group). The objective response rate was 62% in the "
    "docetaxel group versus 55% in the capecitabine group."
)


def test_or_with_partner_joins_the_shared_drugs(nlp):
    """ "A and B combined with X (X arm) or with Y (Y arm)": Y's arm is A + B + Y, though Y plays
    another role than X."""
    rows = rows_of(nlp, HP_CHEMO_OR_ENDOCRINE, ARM_ROW)
    assert arm_of(rows, 18.2) == "paclitaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 16.5) == "letrozole+pertuzumab+trastuzumab"
    assert arm_of(rows, 1.08) is None


def test_or_with_partner_of_same_role(nlp):
    """ "A and B with X (X group) or with Y (Y group)": both groups carry A and B."""
    rows = rows_of(nlp, HP_GROUPS, ARM_ROW)
    assert arm_of(rows, 62.0) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 55.0) == "capecitabine+pertuzumab+trastuzumab"


def test_or_without_repeated_with_stays_as_written(nlp):
    """Negative: "A plus X or Y" with Y of another role (no repeated "with") keeps Y alone: the
    text does not say Y takes A."""
    text = (
        "Lapatinib regimens\n\n"
        "Patients were randomly assigned to lapatinib plus capecitabine (LC arm) or trastuzumab "
        "emtansine (T-DM1 arm). The objective response rate was 31% in the LC arm and 44% in "
        "the T-DM1 arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 31.0) == "capecitabine+lapatinib"
    assert arm_of(rows, 44.0) == "trastuzumab emtansine"


def test_or_with_adc_does_not_take_the_shared_drugs(nlp):
    """Negative: an antibody-drug conjugate carries its own payload, so "A with X or with
    T-DM1" does not give T-DM1 the backbone A."""
    text = (
        "Capecitabine partners\n\n"
        "Patients were randomly assigned to capecitabine with lapatinib (lapatinib arm) or with "
        "trastuzumab emtansine (T-DM1 arm). The objective response rate was 30% in the "
        "lapatinib arm and 43% in the T-DM1 arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 30.0) == "capecitabine+lapatinib"
    assert arm_of(rows, 43.0) == "trastuzumab emtansine"
