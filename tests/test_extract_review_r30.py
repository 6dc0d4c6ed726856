"""Review of round 30 (pipelines 0.3.48 and 0.3.49). The regimen short-form context lists
missed a results sentence that is the only mention ("61% for THP and 55% for TCHP", "TCHP
yielded", "Patients on TCHP had"), so 0.3.48 dropped drugs 0.3.47 read; "m" for months took
the stop of "vs." for a sentence end, so the second of "12.0 m vs. 8.1 m" was lost; the
independent-factor rule dropped a treatment's ratio whose subject names the treatment without
a drug ("treatment arm was an independent predictor") or which a new clause after the factor
phrase gives the treatment; and a rate dated "at 3 years of follow-up" was left undated."""

from __future__ import annotations

from extract_helpers import ARM_ROW, extract_text, rows_of

THP = "docetaxel+pertuzumab+trastuzumab"
TCHP = "carboplatin+docetaxel+pertuzumab+trastuzumab"
RANDOMISED_PERTUZUMAB = (
    "Patients were randomized to pertuzumab or placebo with trastuzumab and chemotherapy. "
)
RANDOMISED_TDM1 = "Patients were randomized to T-DM1 or lapatinib plus capecitabine. "


def test_short_forms_named_only_by_their_results_stay(nlp):
    """ "61% for THP and 55% for TCHP": a value's own group is a treatment use."""
    rows = rows_of(nlp, "The pCR rate was 61% for THP and 55% for TCHP.", ARM_ROW)
    assert rows == [("pCR", "rate", 61.0, THP), ("pCR", "rate", 55.0, TCHP)]


def test_patients_on_a_short_form_stay(nlp):
    """ "Patients on TCHP had a pCR of 45.2%": the patients' regimen, pertuzumab included."""
    text = "Patients on TCHP had a pCR of 45.2%, compared with 38.1% on TCH."
    assert "pertuzumab" in extract_text(nlp, text).drugs
    assert rows_of(nlp, text, ARM_ROW)[0] == ("pCR", "rate", 45.2, TCHP)


def test_short_form_as_the_subject_of_an_outcome_verb_stays(nlp):
    """ "TCHP yielded", "THP achieved": the regimen produced the result."""
    assert extract_text(nlp, "TCHP yielded a pCR rate of 56%.").drugs == TCHP.split("+")
    assert extract_text(nlp, "THP achieved a pCR of 61%.").drugs == THP.split("+")


def test_tested_for_hp_is_still_no_regimen(nlp):
    """Negative: "tested for HP", "positive for TP in 20%" stay laboratory words."""
    assert extract_text(nlp, "Gastric biopsies were tested for HP in 40% of patients.").drugs == []
    text = "Results were positive for TP in 20% and for HP in 10% of samples."
    assert extract_text(nlp, text).drugs == []


def test_m_after_vs_with_a_stop_is_months(nlp):
    """ "12.4 m vs. 8.1 m": the stop of "vs." ends no sentence, so both are medians."""
    text = "Median PFS was 12.4 m vs. 8.1 m (HR 0.52, 95% CI 0.38-0.71, P=0.000)."
    values = [r.value for r in rows_of(nlp, text, ARM_ROW) if r[1] == "median"]
    assert values == [12.4, 8.1]


def test_m_in_the_next_sentence_is_still_no_month(nlp):
    """Negative: a real sentence end still bounds the median word's reach."""
    text = "The median PFS was 9.8 mo. Patients walked 6 m daily."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [9.8]


def test_treatment_arm_as_independent_predictor_keeps_its_ratio(nlp):
    """ "treatment arm was an independent predictor of IDFS (HR 0.81": the treatment effect."""
    text = (
        RANDOMISED_PERTUZUMAB + "In multivariable analysis, treatment arm was an independent "
        "predictor of IDFS (HR 0.81, 95% CI 0.66-1.00, P=0.045)."
    )
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [0.81]


def test_drug_clause_after_independent_factors_keeps_its_ratio(nlp):
    """ "(a model) which included age and ECOG as independent factors, T-DM1 reduced the risk of
    death (HR 0.68": the ratio belongs to the clause after the factor phrase."""
    text = (
        RANDOMISED_TDM1 + "In the Cox model, which included age and ECOG as independent "
        "factors, T-DM1 reduced the risk of death (HR 0.68, 95% CI 0.55-0.85)."
    )
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [0.68]


def test_factor_ratio_in_treated_patients_is_still_dropped(nlp):
    """Negative: "liver metastasis was an independent factor for PFS in patients treated with
    pyrotinib (HR=1.85": the drug only says who was studied."""
    text = (
        "Patients received pyrotinib plus capecitabine. Liver metastasis was an independent "
        "factor for PFS in patients treated with pyrotinib (HR=1.85, 95% CI 1.1-3.0)."
    )
    assert rows_of(nlp, text, ARM_ROW) == []


def test_rate_at_years_of_follow_up_is_dated(nlp):
    """ "IDFS was 92.3% at 3 years of follow-up": the landmark is the rate's own."""
    text = "In the pertuzumab group, IDFS was 92.3% at 3 years of follow-up."
    assert rows_of(nlp, text, ARM_ROW) == [("IDFS", "rate", 92.3, "pertuzumab")]
