"""Held-out probes, round 10g: HER2-low/ultralow trials (DESTINY-Breast06, DESTINY-Breast04,
DAISY) and pooled safety analyses (T-DXd ILD, T-DM1 thrombocytopenia/hepatotoxicity):
"physician's choice of chemotherapy (A, B, or C)" is one arm, shares of ILD events are not
incidences, a cut-off after a measure ("saturation <95%") is no value, and a grade qualifier
spent on its own value does not grade a later event."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, registry_of, rows_of

TDXD = "trastuzumab deruxtecan"
TPC = "physician's choice"


DB06 = (
    "Trastuzumab Deruxtecan after Endocrine Therapy in Metastatic Breast Cancer\n\n"
    "METHODS Patients with hormone receptor-positive, HER2-low or HER2-ultralow metastatic "
    "breast cancer were randomly assigned in a 1:1 ratio to receive trastuzumab deruxtecan "
    "(5.4 mg per kilogram) or the physician's choice of chemotherapy (capecitabine, "
    "nab-paclitaxel, or paclitaxel). RESULTS In the HER2-low population, median "
    "progression-free survival was 13.2 months in the trastuzumab deruxtecan group and 8.1 months "
    "in the chemotherapy group (hazard ratio, 0.62; 95% CI, 0.51 to 0.74; P<0.001). Among "
    "patients with HER2-ultralow disease, median progression-free survival was 15.1 months with "
    "trastuzumab deruxtecan and 8.3 months with chemotherapy (hazard ratio, 0.78; 95% CI, 0.50 to "
    "1.21). Adverse events of grade 3 or higher occurred in 52.8% of the patients who received "
    "trastuzumab deruxtecan and in 44.4% of those who received chemotherapy."
)


def test_physicians_choice_of_chemotherapy_is_one_arm(nlp):
    reg = registry_of(nlp, DB06)
    assert [a.name for a in reg.arms] == [TDXD, TPC]


def test_chemotherapy_group_and_with_chemotherapy_name_physicians_choice(nlp):
    arms = arms_of(nlp, DB06)
    assert arms[13.2] == TDXD
    assert arms[8.1] == TPC  # "in the chemotherapy group" (was null)
    assert arms[15.1] == TDXD
    assert arms[8.3] == TPC  # "with chemotherapy" (was trastuzumab deruxtecan)
    assert arms[52.8] == TDXD
    assert arms[44.4] == TPC  # "those who received chemotherapy" (was trastuzumab deruxtecan)


def test_chemotherapy_arm_without_physicians_choice_is_kept(nlp):
    # No physician's choice phrase: the class arm stays an arm of its own (its values, with no
    # named drug, have arm null).
    text = (
        "T-DXd versus chemotherapy\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan or chemotherapy (capecitabine "
        "or vinorelbine). Median PFS was 10.1 months in the trastuzumab deruxtecan group and "
        "5.4 months in the chemotherapy group."
    )
    reg = registry_of(nlp, text)
    assert [(a.name, a.special) for a in reg.arms] == [(TDXD, None), (None, None)]
    assert arms_of(nlp, text) == {10.1: TDXD, 5.4: None}


ILD_POOL = (
    "Pooled analysis of drug-related interstitial lung disease in nine trastuzumab deruxtecan "
    "studies\n\n"
    "This pooled analysis included 1150 patients who received at least one dose of T-DXd. The "
    "overall incidence of adjudicated drug-related ILD/pneumonitis was 15.4% (177 of 1150 "
    "patients). Grade 5 ILD occurred in 2.2% of patients. Of the 177 ILD events, 87% had their "
    "first onset within 12 months of treatment. Among patients with breast cancer, the incidence "
    "of ILD was 15.5%, and grade 5 events accounted for 2.6% of cases. Grade 5 events accounted "
    "for 14.1% of all ILD cases. Risk factors included age <65 years, baseline oxygen saturation "
    "<95% and moderate/severe renal impairment."
)


def test_shares_of_ild_events_are_not_incidences(nlp):
    rows = rows_of(nlp, ILD_POOL, ("endpoint", "value", "arm"))
    assert rows == [("ILD", 15.4, None), ("ILD", 2.2, None), ("ILD", 15.5, None)]


def test_share_of_events_written_before_the_event(nlp):
    text = (
        "DESTINY-Breast04 HR-negative cohort\n\n"
        "Patients were randomly assigned 2:1 to trastuzumab deruxtecan or treatment of "
        "physician's choice. In the trastuzumab deruxtecan arm, ILD occurred in 12.1% of "
        "patients; of these ILD events, 77.4% were grade 1 or 2. Overall, 77.4% of ILD events "
        "were grade 1 or 2."
    )
    assert rows_of(nlp, text, ("endpoint", "value", "arm")) == [("ILD", 12.1, TDXD)]


def test_incidence_in_a_share_of_cases_is_still_read(nlp):
    # "occurred in X% of cases": cases are patients here, an incidence.
    text = (
        "Safety of T-DXd\n\n"
        "All patients received trastuzumab deruxtecan. Interstitial lung disease occurred in 9.7% "
        "of cases, and grade 3 or higher adverse events in 37.6% of patients."
    )
    rows = rows_of(nlp, text, ("endpoint", "value", "arm"))
    assert ("ILD", 9.7, TDXD) in rows or ("ILD", 9.7, None) in rows


def test_cutoff_after_a_measure_is_no_value_but_a_bound_after_a_verb_is(nlp):
    text = (
        "Safety\n\n"
        "All patients received trastuzumab deruxtecan. Interstitial lung disease occurred in <1% "
        "of patients with baseline oxygen saturation <95%."
    )
    assert [v for _, v, _ in rows_of(nlp, text, ("endpoint", "value", "arm"))] == [1.0]


TDM1_POOL = (
    "Hepatotoxicity and thrombocytopenia with trastuzumab emtansine: a pooled safety analysis\n\n"
    "Safety data were pooled from 884 patients who received T-DM1 as a single agent. "
    "Thrombocytopenia of any grade occurred in 31.2% of patients and grade 3 or higher "
    "thrombocytopenia in 11.9%. Increased aspartate aminotransferase of any grade occurred in "
    "28.8% of patients and grade 3 or higher in 4.3%; increased alanine aminotransferase occurred "
    "in 21.3% (grade 3 or higher, 2.9%)."
)


def test_grade_qualifier_spent_on_its_own_value_does_not_grade_the_next_event(nlp):
    ex = extract_text(nlp, TDM1_POOL)
    codes = {o.value: o.endpoint for o in ex.outcomes}
    assert codes == {31.2: "AE", 11.9: "AE_G3", 28.8: "AE", 4.3: "AE_G3", 21.3: "AE", 2.9: "AE_G3"}


def test_grade_heading_over_a_list_still_grades_each_item(nlp):
    # The qualifier heads the list (no value right after it): every item is grade >=3.
    text = (
        "Safety\n\n"
        "All patients received trastuzumab emtansine. Grade 3 or higher adverse events were "
        "thrombocytopenia, 11.9%; increased aspartate aminotransferase, 4.3%."
    )
    ex = extract_text(nlp, text)
    assert {o.value: o.endpoint for o in ex.outcomes} == {11.9: "AE_G3", 4.3: "AE_G3"}


def test_share_of_patients_with_events_is_still_an_incidence(nlp):
    # "of patients had grade 3 adverse events": people, not events, after "of".
    text = (
        "Safety\n\n"
        "All patients received trastuzumab deruxtecan. Overall, 40% of patients had grade 3 "
        "adverse events."
    )
    ex = extract_text(nlp, text)
    assert [(o.endpoint, o.value) for o in ex.outcomes] == [("AE_G3", 40.0)]
