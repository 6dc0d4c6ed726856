"""Fresh round 83 (b): values and the group references after them. A subgroup phrase ("of
patients with brain metastases receiving A") stood between a value and its regimen, so the value
had no arm. A group named "the trimodality-alone group" (no drug before "alone") named no arm,
so its value took the add-on arm named earlier in the sentence. A "(difference, 2.6%; ...)"
bracket after "the reference group" read as a subgroup category, so the reference product's
value had no arm. "in both groups" after a compared pair already gave one row per arm; its
test guards that reading."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, arms_with, rows_of

# --- 1. a subgroup phrase between a value and its regimen --------------------------------------

UTD = "trastuzumab+utidelone"
UTIDELONE = (
    "Utidelone plus trastuzumab in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomized 2:1 to utidelone plus trastuzumab (UTD-H) or vinorelbine plus "
    "trastuzumab (NVB-H). {result}"
)


def test_subgroup_phrase_before_receiving_keeps_the_arm(nlp):
    """ "45.2% of patients with brain metastases receiving UTD-H": the subgroup is of UTD-H's
    group, so the value is that arm's."""
    result = (
        "Grade ≥3 adverse events occurred in 45.2% of patients with brain metastases receiving "
        "UTD-H, with no new safety signals."
    )
    rows = rows_of(nlp, UTIDELONE.format(result=result), ARM_ROW)
    assert arm_of(rows, 45.2) == UTD


def test_subgroup_phrase_before_treated_with_keeps_the_arm(nlp):
    """The same with "who were treated with" and a two-word subgroup phrase."""
    result = (
        "Grade ≥3 adverse events occurred in 30.5% of patients with liver metastases who were "
        "treated with NVB-H."
    )
    rows = rows_of(nlp, UTIDELONE.format(result=result), ARM_ROW)
    assert arm_of(rows, 30.5) == "trastuzumab+vinorelbine"


def test_subgroup_phrase_with_a_comparison_word_names_no_arm(nlp):
    """Negative: a "with" phrase holding a comparison ("than") is no subgroup of the group
    after it: the value keeps no arm."""
    result = (
        "Grade ≥3 adverse events occurred in 45.2% of patients with fewer events than receiving "
        "UTD-H."
    )
    rows = rows_of(nlp, UTIDELONE.format(result=result), ARM_ROW)
    assert arm_of(rows, 45.2) is None


# --- 2. "in both groups" after a compared pair in the same sentence ----------------------------

PHP = "paclitaxel+pertuzumab+trastuzumab"
THP = "docetaxel+pertuzumab+trastuzumab"
PHP_DESIGN = (
    "Weekly paclitaxel or docetaxel with pertuzumab and trastuzumab\n\n"
    "Patients were randomly assigned to weekly paclitaxel plus pertuzumab and trastuzumab (PHP "
    "group) or docetaxel plus pertuzumab and trastuzumab (THP group). Grade 3 or higher febrile "
    "neutropenia occurred in 1.5% of patients in the PHP group vs 9.0% in the THP group, and "
    "grade 3 or higher diarrhea in 4.5% of patients in both groups."
)


def test_both_groups_after_a_pair_gives_each_arm_a_row(nlp):
    """ "4.5% of patients in both groups" after the PHP/THP pair: one row per arm."""
    rows = rows_of(nlp, PHP_DESIGN, ARM_ROW)
    assert arm_of(rows, 1.5) == PHP
    assert arm_of(rows, 9.0) == THP
    assert sorted(arms_with(rows, 4.5)) == [THP, PHP]


# --- 3. "the X-alone group", X no drug ----------------------------------------------------------

CPT = "carboplatin+paclitaxel+trastuzumab"
CP = "carboplatin+paclitaxel"
TRIMODALITY = (
    "Trastuzumab with trimodality treatment for oesophageal adenocarcinoma\n\n"
    "Patients were randomly assigned (1:1) to weekly paclitaxel (50 mg/m²) and carboplatin "
    "(area under the curve 2) with 50·4 Gy radiotherapy, with or without trastuzumab (4 mg/kg in "
    "week 1, then 2 mg/kg weekly for 5 weeks), followed by surgery; patients in the trastuzumab "
    "group received 13 further doses of maintenance trastuzumab (6 mg/kg every 3 weeks) after "
    "surgery. Grade 3 or worse adverse events occurred in 70 (69%) of 101 patients in the "
    "trastuzumab group and in 67 (68%) of 99 patients in the {alone} group."
)


def test_modality_alone_group_is_the_backbone_arm(nlp):
    """ "the trimodality-alone group" is the arm without the added trastuzumab, though the
    trastuzumab group is named earlier in the sentence."""
    rows = rows_of(nlp, TRIMODALITY.format(alone="trimodality-alone"), ARM_ROW)
    assert arm_of(rows, 69.0) == CPT
    assert arm_of(rows, 68.0) == CP


def test_spaced_alone_group_is_the_backbone_arm(nlp):
    """The same with "alone" written apart ("the chemoradiotherapy alone group")."""
    rows = rows_of(nlp, TRIMODALITY.format(alone="chemoradiotherapy alone"), ARM_ROW)
    assert arm_of(rows, 68.0) == CP


def test_alone_group_without_a_backbone_arm_names_none(nlp):
    """Negative: when no arm's drugs are a part of every other's (UTD-H vs NVB-H share only
    trastuzumab), "the radiotherapy-alone group" names no design arm."""
    result = (
        "Grade ≥3 adverse events occurred in 12.5% of patients in the radiotherapy-alone group."
    )
    rows = rows_of(nlp, UTIDELONE.format(result=result), ARM_ROW)
    assert arm_of(rows, 12.5) is None


# --- 4. a difference bracket after "the reference group" -------------------------------------

PH = "paclitaxel+trastuzumab"
BCD = (
    "Efficacy and Safety of BCD-022, a Proposed Trastuzumab Biosimilar, vs Reference Trastuzumab "
    "Plus Paclitaxel in HER2-Positive Metastatic Breast Cancer: A Randomized Clinical Trial\n\n"
    "Patients were randomized 1:1 to BCD-022 or reference trastuzumab (8 mg/kg loading dose, "
    "then 6 mg/kg every 3 weeks), each with paclitaxel 175 mg/m2 every 3 weeks for 6 cycles. "
    "The ORR was 53.3% in the BCD-022 group and 50.7% in the reference group {bracket}."
)


def test_difference_bracket_after_reference_group_keeps_its_arm(nlp):
    """ "in the reference group (difference, 2.6%; 95% CI ...)": the bracket is the groups'
    difference, not a subgroup category, so the reference product's value keeps its arm."""
    text = BCD.format(bracket="(difference, 2.6%; 95% CI, −15.0% to 20.1%)")
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 53.3) == PH
    assert arm_of(rows, 50.7) == PH


def test_risk_difference_bracket_after_reference_group_keeps_its_arm(nlp):
    """The same with "(risk difference 2.6%, ...)"."""
    rows = rows_of(nlp, BCD.format(bracket="(risk difference 2.6%, 95% CI −15.0 to 20.1)"), ARM_ROW)
    assert arm_of(rows, 50.7) == PH


def test_category_bracket_starting_like_difference_still_names_none(nlp):
    """Negative: "(differentiated tumours)" is a subgroup category, not "difference": the
    reference group of a subgroup analysis names no product's arm."""
    rows = rows_of(nlp, BCD.format(bracket="(differentiated tumours)"), ARM_ROW)
    assert arm_of(rows, 50.7) is None
