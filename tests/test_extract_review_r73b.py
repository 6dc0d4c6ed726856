"""Review of round 73b. Two over-reaches: the grade scope's seven words reached past a listing
verb ("Grade 3-4 haematological abnormalities in the neratinib group included neutropenia in
20%; anaemia in 5%" made anaemia any grade), and counts joined by "and" paired a count that
opens a clause of its own ("in 22 patients (12.9%) and 103 patients (59.5%) had grade 1
events" gave the two rates the two arms). The rest was checked and is as it should be."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, row_with, rows_of

LAP_TRAS = "Patients were randomly assigned to lapatinib or trastuzumab. "
TDXD_TDM1 = "Patients were randomly assigned to T-DXd or T-DM1. "
TDXD = "trastuzumab deruxtecan"
TDM1 = "trastuzumab emtansine"


def test_listing_verb_heads_the_items_after_semicolon(nlp):
    """ "Grade 3-4 ... abnormalities in the X group included A in 20%; B in 5%": a heading list,
    so B is grade 3-4 too."""
    text = (
        "Grade 3-4 haematological abnormalities in the neratinib group included neutropenia "
        "in 20%; anaemia in 5%."
    )
    assert row_with(rows_of(nlp, text, ARM_ROW), 5.0).endpoint == "AE_G3"


def test_event_with_its_own_value_still_spends_the_grade(nlp):
    """ "grade 3-4 leukopenia in group A was 18% vs 33% ...; cardiotoxicity (2.1%)": the
    qualifier is leukopenia's, cardiotoxicity is of any grade (round 73b)."""
    text = (
        "Grade 3-4 leukopenia in group A was 18% vs 33% in group B; the incidence of "
        "cardiotoxicity in group A (2.1%) was lower."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert row_with(rows, 18.0).endpoint == "AE_G3"
    assert row_with(rows, 2.1).endpoint == "AE"


def test_count_opening_its_own_clause_is_no_pair(nlp):
    """ "in 22 patients (12.9%) and 103 patients (59.5%) had ...": the second count is the
    subject of a new clause, so neither rate takes an arm from the design's order."""
    text = LAP_TRAS + (
        "Diarrhoea occurred in 22 patients (12.9%) and 103 patients (59.5%) had grade 1 events."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.9) is None
    assert arm_of(rows, 59.5) is None


def test_counts_joined_by_and_respectively_stay_a_pair(nlp):
    """ "in 22 patients (12.9%) and 103 patients (59.5%), respectively": a pair, in order."""
    text = (
        LAP_TRAS
        + "Diarrhoea occurred in 22 patients (12.9%) and 103 patients (59.5%), respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.9) == "lapatinib"
    assert arm_of(rows, 59.5) == "trastuzumab"


def test_counts_compared_with_vs_stay_a_pair(nlp):
    """ "22 patients (12.9%) vs 103 patients (59.5%)" then the arms respectively."""
    text = LAP_TRAS + (
        "Diarrhoea occurred in 22 patients (12.9%) vs 103 patients (59.5%) in the trastuzumab "
        "and lapatinib groups, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.9) == "trastuzumab"
    assert arm_of(rows, 59.5) == "lapatinib"


def test_in_either_arm_after_hr_keeps_it_between_arms(nlp):
    """An HR is between the arms: "in either arm" after it gives it no arm."""
    text = TDXD_TDM1 + "The hazard ratio for ILD was 1.2 (95% CI 0.8-1.9) in either arm."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 1.2) is None


def test_not_reached_in_both_subgroups_is_no_arm(nlp):
    """ "NR in both the >=65 and <65 subgroups": subgroups are not the arms."""
    text = TDXD_TDM1 + "Median OS was not reached (NR) in both the >=65 and <65 subgroups."
    assert [r.arm for r in rows_of(nlp, text, ARM_ROW)] == [None]


def test_age_inside_dosage_is_no_clinical_subject(nlp):
    """ "Dosage was not associated with PFS (HR ...)": "age" only as a word."""
    text = TDXD_TDM1 + "Dosage was not associated with PFS (HR 0.90, 95% CI 0.70-1.15)."
    assert row_with(rows_of(nlp, text, ARM_ROW), 0.9).endpoint == "PFS"


def test_regardless_of_hr_status_keeps_the_treatment_hr(nlp):
    """ "consistent regardless of HR status (HR 0.33": the treatment HR stays."""
    text = TDXD_TDM1 + (
        "The PFS benefit was consistent regardless of HR status (HR 0.33, 95% CI 0.25-0.44)."
    )
    assert row_with(rows_of(nlp, text, ARM_ROW), 0.33).endpoint == "PFS"


def test_combination_chemotherapy_is_no_union_of_the_list(nlp):
    """ "in patients with combination chemotherapy" is no "with the combination"."""
    text = (
        "Patients were randomly assigned to lapatinib plus paclitaxel or trastuzumab plus "
        "paclitaxel. The ORR was 25% with lapatinib plus paclitaxel, 33% with trastuzumab plus "
        "paclitaxel and 40% in patients with combination chemotherapy."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 40.0) is None


def test_her3_expression_is_no_her3_dxd(nlp):
    """ "HER3 expression" names no drug; "HER3-DXd" is patritumab deruxtecan."""
    text = (
        "Patients received HER3-DXd. HER3 expression was high in 60% of tumours. The ORR was "
        "30% with HER3-DXd."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 30.0) == "patritumab deruxtecan"
