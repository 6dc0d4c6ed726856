"""Fresh round 70b: ratios, grades and sources. A clinical feature's ratio after "was associated
with" ("an ECOG performance status of 2", "HR positivity") was kept as an arm comparison; the
percentage right after "any grade" ("any grade 3.1% vs 2.9%") was read as a grade 3 qualifier
for the value after it; a ratio list labelled by arm ("HR versus arm A: arm B, 1.10, ...; arm C,
1.25, ...") lost its second ratio; a label bracket after a compared pair ("66.7% vs 55.1% (arm
A vs B; P=.16)") gave the second value the first label's arm. Checked without change: a short
form joined by "+" ("T-DM1+Pyr") and a society's database ("the CSCO BC database", no trial, as
the JCOG database is none)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, CI_ROW, P_ROW, extract_text, parsed_values, rows_of

TDX = "Trastuzumab deruxtecan in HER2-positive metastatic breast cancer\n\n"
TDX_DESIGN = "Patients were randomly assigned to trastuzumab deruxtecan or trastuzumab emtansine. "


def _ratios(nlp, text: str) -> list[float]:
    return [r.value for r in rows_of(nlp, text, P_ROW) if r.measure == "HR"]


# 1. Prognostic ratios written with "was associated with".


def test_performance_status_ratio_is_no_outcome(nlp):
    """ "an ECOG performance status of 2 was associated with shorter OS (HR 1.71)": a patient
    feature's ratio, no arms' comparison; the treatment HR before it stays."""
    text = (
        TDX
        + TDX_DESIGN
        + "Median PFS was 28.8 months with trastuzumab deruxtecan and 6.8 months with "
        "trastuzumab emtansine (HR 0.33, 95% CI 0.26-0.43). Across arms, an ECOG performance "
        "status of 2 was associated with shorter OS (HR 1.71, 95% CI 1.10-2.65)."
    )
    assert _ratios(nlp, text) == [0.33]


def test_receptor_positivity_ratio_is_no_outcome(nlp):
    """ "HR positivity was associated with longer PFS (HR 0.81)": a receptor status."""
    text = (
        TDX
        + TDX_DESIGN
        + "HR positivity was associated with longer PFS (HR 0.81; 95% CI 0.66-0.99)."
    )
    assert _ratios(nlp, text) == []


def test_metastatic_site_ratio_is_no_outcome(nlp):
    """ "Liver metastases were associated with shorter OS (HR 1.35)": a disease feature."""
    text = (
        TDX
        + TDX_DESIGN
        + "Liver metastases were associated with shorter OS (HR 1.35, 95% CI 1.08-1.69)."
    )
    assert _ratios(nlp, text) == []


RWE = (
    "Pertuzumab in HER2-positive breast cancer: a real-world study\n\n"
    "We reviewed 400 patients treated with trastuzumab with or without pertuzumab. "
)


def test_treatment_ratio_after_associated_stays(nlp):
    """Negative: "Treatment with pertuzumab was associated with longer PFS (HR 0.70)" and "The
    addition of pertuzumab was associated with improved OS (HR 0.62)" compare treatments."""
    text = RWE + (
        "Treatment with pertuzumab was associated with longer PFS (HR 0.70, 95% CI 0.55-0.89). "
        "The addition of pertuzumab was associated with improved OS (HR 0.62; 95% CI 0.45-0.85)."
    )
    assert _ratios(nlp, text) == [0.70, 0.62]


def test_status_of_compared_groups_still_stays(nlp):
    """Negative: "HER2-low status was associated with longer DFS (HR 0.87)" may name the
    groups the study compares (round 64b), so positivity words do not reach "-low" groups."""
    text = (
        "HER2-low versus HER2-zero breast cancer\n\n"
        "We compared patients with HER2-low and HER2-zero disease treated with chemotherapy. "
        "HER2-low status was associated with longer DFS (HR 0.87, 95% CI 0.78-0.97)."
    )
    assert _ratios(nlp, text) == [0.87]


# 2. A value right after "any grade".

ANY_GRADE = (
    "Pertuzumab plus trastuzumab in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab or pertuzumab plus trastuzumab. "
)


def test_any_grade_value_is_no_grade_three(nlp):
    """ "infusion-related reactions (any grade 3.1% vs 2.9%)": 3.1 is a rate, not grade 3, so
    both values are any-grade AE."""
    text = ANY_GRADE + (
        "The most common adverse events were infusion-related reactions (any grade 3.1% vs "
        "2.9%) and rash."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [("AE", 3.1), ("AE", 2.9)]


def test_grade_value_after_grade_word_with_colon(nlp):
    """ "diarrhoea (all grades 4.2% and 3.5%)": the decimal after "grades" is a value too."""
    text = ANY_GRADE + "Diarrhoea (all grades 4.2% and 3.5%) was uncommon."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [("AE", 4.2), ("AE", 3.5)]


def test_grade_three_before_a_value_still_grades(nlp):
    """Negative: "grade 3 diarrhoea 12%" and "grade 3, 4.1%" are grade >=3 (the grade is no
    decimal)."""
    text = ANY_GRADE + (
        "Grade 3 diarrhoea occurred in 12% vs 8%. Neutropenia (grade 3, 4.1%) was rare."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert {r.value: r.endpoint for r in rows} == {12.0: "AE_G3", 8.0: "AE_G3", 4.1: "AE_G3"}


# 3. Ratio lists labelled by arm.

THREE_ARMS = (
    "Three regimens in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel (arm A), pertuzumab plus "
    "trastuzumab plus docetaxel (arm B), or trastuzumab emtansine (arm C). "
)


def test_ratio_list_labelled_by_arm_reads_every_ratio():
    """ "(HR versus arm A: arm B, 1.10, 95% CI ...; arm C, 1.25, 95% CI ...)": two HRs, each
    with its CI."""
    text = "PFS did not differ (HR versus arm A: arm B, 1.10, 95% CI 0.80-1.51; arm C, 1.25, 95% CI 0.91-1.72)."
    got = [(r.kind, r.value, r.ci_low, r.ci_high) for r in parsed_values(text)]
    assert got == [("HR", 1.10, 0.80, 1.51), ("HR", 1.25, 0.91, 1.72)]


def test_ratio_list_labelled_by_arm_gives_two_rows(nlp):
    """The same list with square CI brackets: two OS HR rows, arm null."""
    text = THREE_ARMS + (
        "Overall survival was similar across arms (hazard ratio vs arm A: arm B, 0.92 [95% CI "
        "0.70-1.21]; arm C, 1.05 [95% CI 0.80-1.38])."
    )
    rows = rows_of(nlp, text, CI_ROW)
    assert rows == [("OS", "HR", 0.92, 0.70, 1.21, None), ("OS", "HR", 1.05, 0.80, 1.38, None)]


def test_arm_label_after_a_lone_ratio_adds_nothing():
    """Negative: "HR 0.80 (95% CI ...); arm C, 25 patients" – the first ratio has no arm label
    of its own, so what follows is no list item."""
    text = "PFS favoured arm B (HR 0.80, 95% CI 0.61-1.05); arm C, 1.5 years of follow-up."
    assert [r.value for r in parsed_values(text) if r.kind == "HR"] == [0.80]


# 4. A label bracket after a compared pair.

TWO_ARMS = (
    "Neoadjuvant pertuzumab in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to pertuzumab plus trastuzumab plus docetaxel (arm A) or "
    "trastuzumab plus docetaxel (arm B). "
)
ARM_A = "docetaxel+pertuzumab+trastuzumab"
ARM_B = "docetaxel+trastuzumab"


def test_pair_label_with_bare_second_letter(nlp):
    """ "pCR 66.7% vs 55.1% (arm A vs B; P=.16)": the label names the pair in order."""
    rows = rows_of(nlp, TWO_ARMS + "pCR was 66.7% vs 55.1% (arm A vs B; P=.16).", P_ROW)
    assert rows == [("pCR", "rate", 66.7, "0.16", ARM_A), ("pCR", "rate", 55.1, "0.16", ARM_B)]


def test_pair_label_with_both_arms_named(nlp):
    """ "The ORR was 80.2% versus 69.0% (arm A vs arm B, P = 0.04)" and reversed order "(arm B vs
    A)": each value takes its label's arm."""
    text = TWO_ARMS + (
        "The ORR was 80.2% versus 69.0% (arm A vs arm B, P = 0.04). "
        "The pCR rate was 55.1% vs 66.7% (arm B vs A; P = 0.16)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.value, r.arm) for r in rows] == [
        (80.2, ARM_A),
        (69.0, ARM_B),
        (55.1, ARM_B),
        (66.7, ARM_A),
    ]


def test_bare_label_in_three_arm_design_gives_no_wrong_arm(nlp):
    """Negative: "(arm A vs C; ...)" in a three-arm design: the first value is arm A's; the bare
    "C" is not resolved by a two-arm guess, and the second value is not given arm A."""
    text = THREE_ARMS + "The ORR was 60.1% vs 70.4% (arm A vs C; P = 0.2)."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.value, r.arm) for r in rows] == [(60.1, "docetaxel+trastuzumab"), (70.4, None)]


def test_group_bracket_after_one_value_is_unchanged(nlp):
    """Negative: "ORR was 80.2% (arm A) vs 69.0% (arm B)": each bracket is its own value's."""
    rows = rows_of(nlp, TWO_ARMS + "The ORR was 80.2% (arm A) vs 69.0% (arm B).", ARM_ROW)
    assert [(r.value, r.arm) for r in rows] == [(80.2, ARM_A), (69.0, ARM_B)]


# 5. and 6. Checked at HEAD.


def test_society_database_is_no_trial(nlp):
    """Decision: "the Chinese Society of Clinical Oncology Breast Cancer (CSCO BC) database"
    names who holds the data (a society), as "the JCOG database" does (review of 60c); no
    trial. A named registry stays a trial (round 64c)."""
    text = (
        "Real-world outcomes of pyrotinib in HER2-positive metastatic breast cancer\n\n"
        "Patients were identified from the Chinese Society of Clinical Oncology Breast Cancer "
        "(CSCO BC) database and the KESTREL breast cancer registry. Median PFS was 8.2 months."
    )
    assert extract_text(nlp, text).trials == ["KESTREL"]


def test_plus_joined_short_forms_name_the_combination(nlp):
    """ "T-DM1 with or without pyrotinib (Pyr)" ... "with Pyr + T-DM1": both drugs."""
    text = (
        "Pyrotinib plus trastuzumab emtansine in HER2-positive breast cancer\n\n"
        "Patients were randomly assigned to T-DM1 with or without pyrotinib (Pyr). "
        "The ORR was 62.0% with Pyr + T-DM1 and 41.5% with T-DM1 (P = 0.01)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows] == ["pyrotinib+trastuzumab emtansine", "trastuzumab emtansine"]
