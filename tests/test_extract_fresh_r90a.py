"""Fresh round 90a: lettered groups and their order. A "with or without" title pre-empted the
body's lettered groups ("Group A received X plus Y, group B received Z in addition to the
regimen of group A, and group C ..."), leaving every value without an arm; a P after "the
differences were not statistically significant" stayed off the compared rates; "(any grade,
78.2%; grade 3, 16.1%) versus 12.1% and 0.8%, respectively" read 0.8 as any grade; "among the
three groups" took the order of the sentence before, not the design's."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, row_with, rows_of

TITLED_GROUPS = (
    "Pyrotinib plus capecitabine with or without trastuzumab versus lapatinib plus capecitabi"
    "ne for HER2-positive breast cancer with brain metastases: a multicentre randomized cont"
    "rolled study\n\nMethods: A total of 90 patients with HER2-positive breast cancer and br"
    "ain metastases treated in 4 hospitals from January 2020 to June 2023 were randomly divi"
    "ded into 3 groups, with 30 cases in each group. Group A received pyrotinib (400 mg, ora"
    "lly, once daily) plus capecitabine (1 000 mg/m2, twice daily, d1-14, every 21 days), gr"
    "oup B received trastuzumab (8 mg/kg loading dose followed by 6 mg/kg every 21 days) in "
    "addition to the regimen of group A, and group C received lapatinib (1 250 mg, once dail"
    "y) plus capecitabine. Results: The median CNS-PFS of group A, group B and group C was 1"
    "0.8, 12.4 and 6.9 months, respectively (P=0.006). The median PFS was 9.6, 11.2 and 5.8 "
    "months, respectively (P=0.003). The ORR of group A, group B and group C was 56.7%, 63.3"
    "% and 36.7%, respectively; group A and group B were both higher than group C (P=0.041 a"
    "nd P=0.012). The incidence of grade ≥3 diarrhoea in group A, group B and group C was 23"
    ".3%, 26.7% and 13.3%, and the differences were not statistically significant (P>0.05)."
)
OR_WITHOUT = (
    "PURPOSE: To evaluate pyrotinib added to first-line maintenance. METHODS: Patients recei"
    "ved induction therapy. Those without disease progression were randomly assigned 1:1 to "
    "trastuzumab, pertuzumab, and an aromatase inhibitor (letrozole, anastrozole, or exemest"
    "ane at the investigator's discretion) with pyrotinib 320 mg once daily (the pyrotinib a"
    "rm) or without pyrotinib (the control arm). RESULTS: Diarrhea was the most common adver"
    "se event with pyrotinib (any grade, 78.2%; grade 3, 16.1%) versus 12.1% and 0.8%, respe"
    "ctively, in the control arm."
)
TCBH_GROUPS = (
    "Methods: Patients received TCbH (docetaxel, carboplatin and trastuzumab) as neoadjuvant"
    " therapy. According to the regimen, patients were divided into group A (TCbH, n=60), gr"
    "oup B (TCbH plus pertuzumab, n=81) and group C (TCbH plus pyrotinib 400 mg/d, n=73). Re"
    "sults: The incidence of diarrhea in group C was significantly higher than that in group"
    "s A and B (87.7% vs 21.7% and 28.4%, P<0.001), and grade 3 diarrhea occurred in 17.8% o"
    "f patients in group C. There was no significant difference in the incidence of grade ≥3"
    " neutropenia among the three groups (35.0%, 32.1% and 38.4%, P=0.732)."
)
PYR_CAP = "capecitabine+pyrotinib"
PYR_CAP_TRA = "capecitabine+pyrotinib+trastuzumab"
LAP_CAP = "capecitabine+lapatinib"
TCBH = "carboplatin+docetaxel+trastuzumab"


def test_title_with_or_without_leaves_body_lettered_groups(nlp):
    """A "X plus Y with or without Z versus W plus Y" title does not block the body's lettered
    groups, whose regimens hold the title's arms."""
    rows = rows_of(nlp, TITLED_GROUPS, ARM_ROW)
    want = [PYR_CAP, PYR_CAP_TRA, LAP_CAP]
    assert [arm_of(rows, v) for v in (10.8, 12.4, 6.9)] == want
    assert [arm_of(rows, v) for v in (9.6, 11.2, 5.8)] == want
    assert [arm_of(rows, v) for v in (56.7, 63.3, 36.7)] == want


def test_title_arms_kept_when_body_groups_differ(nlp):
    """Negative: lettered groups whose regimens do not hold the title's arms leave the title's
    design in place (the groups are another comparison)."""
    text = TITLED_GROUPS.replace("lapatinib (1 250 mg", "tucatinib (300 mg")
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 6.9) != "capecitabine+tucatinib"


def test_not_significant_differences_share_their_p(nlp):
    """ "was 23.3%, 26.7% and 13.3%, and the differences were not statistically significant
    (P>0.05)": the P is each compared rate's."""
    rows = rows_of(nlp, TITLED_GROUPS, P_ROW)
    assert [row_with(rows, v).p for v in (23.3, 26.7, 13.3)] == [">0.05"] * 3


def test_respectively_pairs_the_grades_named_before(nlp):
    """ "(any grade, 78.2%; grade 3, 16.1%) versus 12.1% and 0.8%, respectively": 0.8 is the
    grade 3 rate of the control arm."""
    rows = rows_of(nlp, OR_WITHOUT, ARM_ROW)
    control = "pertuzumab+trastuzumab"
    assert row_with(rows, 12.1)[:2] == ("AE", "incidence")
    assert row_with(rows, 0.8)[:2] == ("AE_G3", "incidence")
    assert [arm_of(rows, v) for v in (12.1, 0.8)] == [control, control]


def test_among_the_groups_takes_the_design_order(nlp):
    """ "among the three groups (35.0%, 32.1% and 38.4%, ...)" after a sentence naming group C
    first: the values follow the design's order A, B, C."""
    rows = rows_of(nlp, TCBH_GROUPS, P_ROW)
    want = [
        TCBH,
        "carboplatin+docetaxel+pertuzumab+trastuzumab",
        "carboplatin+docetaxel+pyrotinib+trastuzumab",
    ]
    assert [arm_of(rows, v) for v in (35.0, 32.1, 38.4)] == want
    assert [row_with(rows, v).p for v in (35.0, 32.1, 38.4)] == ["0.732"] * 3


def test_own_respectively_order_is_kept(nlp):
    """Negative: "in groups C, A and B, respectively" keeps its own order."""
    text = TCBH_GROUPS.replace(
        "among the three groups (35.0%, 32.1% and 38.4%, P=0.732)",
        "in groups C, A and B (35.0%, 32.1% and 38.4%, respectively; P=0.732)",
    )
    rows = rows_of(nlp, text, ARM_ROW)
    want = ["carboplatin+docetaxel+pyrotinib+trastuzumab", TCBH]
    assert [arm_of(rows, v) for v in (35.0, 32.1)] == want


def test_respectively_without_versus_keeps_its_grade(nlp):
    """Negative: a "respectively" list not opened by "versus" is no pair of the graded values
    before it: "rash and fatigue occurred in 12.1% and 0.8%, respectively" stay any grade."""
    text = OR_WITHOUT.replace(
        " versus 12.1% and 0.8%, respectively, in the control arm.",
        "; rash and fatigue occurred in 12.1% and 0.8%, respectively.",
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [row_with(rows, v).endpoint for v in (12.1, 0.8)] == ["AE", "AE"]


def test_differences_of_two_end_points_share_no_p(nlp):
    """Negative: "the differences were not significant" after values of two end points is no
    comparison of one end point's values."""
    text = TITLED_GROUPS.replace(
        "The incidence of grade ≥3 diarrhoea in group A, group B and group C was 23.3%, 26.7% and",
        "The ORR was 23.3% and the incidence of grade ≥3 diarrhoea was 26.7% and",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert row_with(rows, 23.3).p is None
