"""Fresh round 96c: a combined short form with a taxane chosen per patient, cohorts by
biomarker, a value pooled over dose arms, ratios within one drug's cohort, CompassHER2 trials.

1. KAITLIN-like: "AC followed by ... or by a taxane (docetaxel or paclitaxel, at the
   investigator's choice) with trastuzumab and pertuzumab (AC-THP; ...)": the text's THP holds
   no taxane, yet the lexicon's THP (docetaxel) was read.
2. DAISY-like: "T-DXd ... in three cohorts defined by HER2 status: ... (cohort 1, n = 72)":
   "cohort 1" became the regimen's arm label.
3. DESTINY-Lung02-like: "Across both doses, nausea ... in 67.8%": pooled over two dose arms of
   one drug, the value is that drug's.
4. "Within the T-DXd cohort, IHC 2+ vs IHC 1+ status was not associated with rwPFS (HR ...)":
   factors' ratios within one group, not outcomes.
5. CompassHER2 RD / pCR trial names."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of, trials_in

KAITLIN = (
    "Trastuzumab emtansine plus pertuzumab versus taxane-based therapy after anthracyclines\n\n"
    "Methods: Patients were randomly assigned 1:1 to three or four cycles of doxorubicin and "
    "cyclophosphamide (AC) followed by 18 cycles of T-DM1 plus pertuzumab (AC-KP) or by a "
    "taxane ({CHOICE}) with trastuzumab and pertuzumab (AC-THP{NOTE}).\n"
    "Results: The 3-year IDFS rate was 94.1% with AC-THP and 92.5% with AC-KP."
)
AC_HP = "cyclophosphamide+doxorubicin+pertuzumab+trastuzumab"
AC_KP = "cyclophosphamide+doxorubicin+pertuzumab+trastuzumab emtansine"


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}


def _kaitlin(choice: str, note: str) -> str:
    return KAITLIN.replace("{CHOICE}", choice).replace("{NOTE}", note)


def test_combined_short_form_with_note_and_investigators_choice(nlp):
    text = _kaitlin(
        "docetaxel or paclitaxel, at the investigator's choice",
        "; trastuzumab and pertuzumab continued to complete 18 cycles",
    )
    assert _arms(nlp, text) == {94.1: AC_HP, 92.5: AC_KP}


def test_combined_short_form_with_plain_taxane_options(nlp):
    text = _kaitlin("paclitaxel or docetaxel", "")
    assert _arms(nlp, text) == {94.1: AC_HP, 92.5: AC_KP}


def test_combined_short_form_with_note_after_the_bracket_short_form(nlp):
    text = _kaitlin("docetaxel or nab-paclitaxel", "; given every 3 weeks")
    assert _arms(nlp, text)[94.1] == AC_HP


def test_undefined_thp_keeps_the_lexicon_meaning(nlp):
    """Guard: THP the text never defines is docetaxel, trastuzumab and pertuzumab."""
    text = (
        "Neoadjuvant therapy\n\nPatients were randomly assigned to THP or TCHP for six cycles. "
        "The pCR rate was 56% with THP and 60% with TCHP."
    )
    assert _arms(nlp, text)[56.0] == "docetaxel+pertuzumab+trastuzumab"


def test_combined_short_form_with_one_named_taxane_is_unchanged(nlp):
    """Guard: a taxane named outright ("paclitaxel with trastuzumab and pertuzumab (AC-THP)")
    is part of the arm, as before."""
    text = _kaitlin("paclitaxel", "").replace("a taxane (paclitaxel)", "paclitaxel")
    assert (
        _arms(nlp, text)[94.1] == "cyclophosphamide+doxorubicin+paclitaxel+pertuzumab+trastuzumab"
    )


DAISY = (
    "Trastuzumab deruxtecan across HER2 expression levels\n\n"
    "In this phase 2 study, patients received T-DXd 5.4 mg/kg every 3 weeks in three cohorts "
    "defined by centrally assessed HER2 status: HER2-overexpressing ({L1}1, n = 72), HER2-low "
    "(IHC 1+ or 2+/ISH negative; {L1}2, n = 74) and HER2 IHC 0 ({L1}3, n = 40). The ORR was "
    "70.6% (95% CI 58.3–81.0) in {L2}1, 37.5% (95% CI 26.4–49.7) in {L2}2 and 29.7% (95% CI "
    "15.9–47.0) in {L2}3."
)


def test_cohorts_by_biomarker_of_one_regimen_have_no_arm(nlp):
    text = DAISY.replace("{L1}", "cohort ").replace("{L2}", "cohort ")
    assert _arms(nlp, text) == {70.6: None, 37.5: None, 29.7: None}


def test_cohorts_by_biomarker_in_two_parallel_cohorts(nlp):
    text = (
        "Trastuzumab deruxtecan by hormone receptor status\n\n"
        "Patients received T-DXd 5.4 mg/kg every 3 weeks in two parallel cohorts according to "
        "hormone receptor status: HR-positive (cohort A, n = 60) and HR-negative (cohort B, "
        "n = 40). The ORR was 52.0% in cohort A and 41.0% in cohort B."
    )
    assert _arms(nlp, text) == {52.0: None, 41.0: None}


def test_cohorts_that_received_their_own_regimen_keep_arms(nlp):
    """Guard: "cohort 1 received A; cohort 2 received B" names each cohort's regimen."""
    text = (
        "Tucatinib combinations\n\nIn this multicohort study, cohort 1 received tucatinib plus "
        "trastuzumab; cohort 2 received tucatinib plus trastuzumab emtansine. The ORR was 38% "
        "in cohort 1 and 47% in cohort 2."
    )
    got = _arms(nlp, text)
    assert got[38.0] == "trastuzumab+tucatinib"
    assert got[47.0] == "trastuzumab emtansine+tucatinib"


LUNG02 = (
    "Trastuzumab deruxtecan in HER2-mutant NSCLC\n\n"
    "Methods: Patients were randomized 2:1 to T-DXd 5.4 mg/kg or 6.4 mg/kg Q3W.\n"
    "Results: Grade ≥3 drug-related TEAEs occurred in 31.7% vs 58.0% of pts, respectively. "
    "{POOLED}"
)


def test_value_across_both_doses_is_the_drugs(nlp):
    text = LUNG02.replace(
        "{POOLED}", "Across both doses, nausea of any grade occurred in 67.8% of pts."
    )
    assert _arms(nlp, text)[67.8] == "trastuzumab deruxtecan"


def test_value_across_the_two_dose_arms_is_the_drugs(nlp):
    text = LUNG02.replace(
        "{POOLED}", "Across the two dose arms, any-grade fatigue was reported in 45.2% of pts."
    )
    assert _arms(nlp, text)[45.2] == "trastuzumab deruxtecan"


def test_value_across_both_arms_of_different_regimens_stays_null(nlp):
    """Guard: pooled over arms of different regimens, a value names none."""
    text = (
        "Pertuzumab in HER2-positive disease\n\n"
        "Patients were randomly assigned to pertuzumab plus trastuzumab and docetaxel or "
        "placebo plus trastuzumab and docetaxel. Across both arms, diarrhea of any grade "
        "occurred in 55.3% of patients."
    )
    assert _arms(nlp, text)[55.3] is None


RWE = (
    "Real-world trastuzumab deruxtecan in HER2-low metastatic breast cancer\n\n"
    "Methods: We identified patients treated with T-DXd in a nationwide database.\n"
    "Results: {SCOPE}, IHC 2+ vs IHC 1+ status was not associated with rwPFS (HR, 0.95; 95% CI, "
    "0.71-1.27), whereas prior CDK4/6 inhibitor exposure was (HR, 1.46; 95% CI, 1.08-1.97). "
    "In the HR-negative subgroup, rwPFS did not differ between the 2 drugs (HR, 0.91; 95% CI, "
    "0.70-1.18)."
)


def _ratios(nlp, text: str) -> list[float]:
    return [r.value for r in rows_of(nlp, text, ARM_ROW) if r.measure == "HR"]


def test_ratios_within_one_drugs_cohort_are_factors(nlp):
    assert _ratios(nlp, RWE.replace("{SCOPE}", "Within the T-DXd cohort")) == [0.91]


def test_ratios_among_one_drugs_treated_group_are_factors(nlp):
    assert _ratios(nlp, RWE.replace("{SCOPE}", "Among the T-DXd-treated group")) == [0.91]


def test_drugs_compared_within_a_cohort_stay_outcomes(nlp):
    """Guard: a scope naming a drug, then a treatment compared, keeps the ratio."""
    text = (
        "Real-world outcomes\n\nWithin the HER2-low cohort, treatment with T-DXd was associated "
        "with longer rwPFS than chemotherapy (HR, 0.62; 95% CI, 0.50-0.77)."
    )
    assert _ratios(nlp, text) == [0.62]


def test_compassher2_trials():
    text = (
        "Tucatinib for residual disease\n\nThe CompassHER2 RD trial (NCT04457596) randomizes "
        "patients to T-DM1 with or without tucatinib; CompassHER2-RD and the CompassHER2 pCR "
        "study (NCT04266249) are ongoing."
    )
    found = trials_in(text)
    assert "CompassHER2 RD" in found and "CompassHER2-RD" in found
    assert "CompassHER2 pCR" in found
