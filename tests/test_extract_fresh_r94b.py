"""Fresh round 94b: three near-misses from a real-world cohort in which every patient got
adjuvant trastuzumab. "anthracycline exposure (OR 2.12 ...) ... were independently associated
with cardiotoxicity" was kept as an AE OR (a drug class given before trastuzumab is a patient
feature, as "prior trastuzumab exposure" is); "89.0% in patients with and 91.9% in those without
cardiotoxicity (hazard ratio, 1.29" kept the ratio of two subsets defined by an event on
treatment once the cohort's own rate stood earlier in the sentence; and "Cardiotoxicity occurred
in 8.9% of patients during trastuzumab" gave the whole cohort's value the arm trastuzumab ("during
X" is a time window there, not a group)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

COHORT_HEAD = (
    "Cardiac safety of adjuvant trastuzumab in routine practice: a prospective cohort\n\n"
    "PURPOSE: Data on cardiac safety outside clinical trials are limited.\n"
    "METHODS: This prospective multicenter cohort enrolled women with HER2-positive early "
    "breast cancer who received adjuvant trastuzumab.\n"
)


def _cohort(results: str) -> str:
    return COHORT_HEAD + "RESULTS: " + results + "\nCONCLUSION: Cardiotoxicity was infrequent."


def _ratios(nlp, text: str) -> list[float]:
    return [r.value for r in rows_of(nlp, text, ARM_ROW) if r.measure in ("HR", "OR")]


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW) if r.measure not in ("HR", "OR")}


# 1. A drug-class exposure is a risk factor, not an arm comparison.

CARDIOTOXICITY = "Cardiotoxicity occurred in 8.9% of patients. "


def test_class_exposure_in_a_bracket_before_the_verb_is_a_factor(nlp):
    """The abstract's sentence: the class's OR goes as the BMI's OR already did."""
    text = _cohort(
        CARDIOTOXICITY + "In multivariable analysis, anthracycline exposure (odds ratio [OR], "
        "2.12; 95% CI, 1.31-3.43) and body mass index of 30 kg/m2 or higher (OR, 1.68; 95% CI, "
        "1.09-2.59) were independently associated with cardiotoxicity."
    )
    assert _ratios(nlp, text) == []
    assert _arms(nlp, text) == {8.9: None}


def test_class_exposure_as_the_subject_of_the_verb_is_a_factor(nlp):
    """ "Anthracycline exposure was independently associated with X (OR": the ratio after the
    verb, the class exposure a feature of the subject."""
    text = _cohort(
        CARDIOTOXICITY + "Anthracycline exposure was independently associated with "
        "cardiotoxicity (OR, 2.12; 95% CI, 1.31-3.43)."
    )
    assert _ratios(nlp, text) == []


def test_exposure_to_a_class_is_a_factor(nlp):
    """ "Exposure to anthracyclines (OR ...) and age of 60 years or older (OR ...) were
    associated with": the exposure written before the class."""
    text = _cohort(
        CARDIOTOXICITY + "Exposure to anthracyclines (OR 2.12; 95% CI 1.31-3.43) and age of "
        "60 years or older (OR 1.45; 95% CI 1.02-2.07) were associated with cardiotoxicity."
    )
    assert _ratios(nlp, text) == []


def test_class_use_is_a_factor(nlp):
    """ "Anthracycline use was associated with a higher rate of X (OR": "use" as "exposure"."""
    text = _cohort(
        CARDIOTOXICITY + "Anthracycline use was associated with a higher rate of "
        "cardiotoxicity (OR, 2.12; 95% CI, 1.31-3.43)."
    )
    assert _ratios(nlp, text) == []


def test_treatment_with_a_class_regimen_keeps_its_ratio(nlp):
    """Negative: "Treatment with an anthracycline-containing regimen" and "Receipt of dual HER2
    blockade" name the treatment compared (no exposure noun on the class): kept."""
    text = (
        "Real-world outcomes of HER2-positive breast cancer\n\n"
        "Methods: This registry study included patients treated in routine practice. Results: "
        "Receipt of dual HER2 blockade was associated with improved OS (adjusted HR 0.70; 95% CI, "
        "0.58-0.85). Treatment with an anthracycline-containing regimen was associated with "
        "longer DFS (HR 0.80; 95% CI, 0.66-0.97)."
    )
    assert _ratios(nlp, text) == [0.7, 0.8]


def test_between_arm_odds_ratio_is_kept(nlp):
    """Negative: "the odds ratio for pCR with A vs B" compares the randomised arms."""
    text = (
        "Pertuzumab in early breast cancer\n\n"
        "Methods: Patients were randomly assigned to pertuzumab plus trastuzumab and docetaxel "
        "or trastuzumab and docetaxel. Results: The pCR rate was 45.8% and 29.0%, respectively. "
        "The odds ratio for pCR with pertuzumab plus trastuzumab and docetaxel vs trastuzumab "
        "and docetaxel was 2.07 (95% CI, 1.31-3.28)."
    )
    assert _ratios(nlp, text) == [2.07]


# 2. A ratio between subsets defined by an event on treatment is no outcome.


def test_with_and_without_after_the_cohort_rate(nlp):
    """The abstract's sentence: the cohort's rate, then "; it was A% in patients with and B% in
    those without X (hazard ratio": the ratio goes; the three rates stay (arm null)."""
    text = _cohort(
        "The 3-year invasive disease-free survival rate was 91.6% (95% CI, 89.9-93.0) in the "
        "cohort; it was 89.0% in patients with and 91.9% in those without cardiotoxicity (hazard "
        "ratio, 1.29; 95% CI, 0.81-2.06)."
    )
    assert _ratios(nlp, text) == []
    assert _arms(nlp, text) == {91.6: None, 89.0: None, 91.9: None}


def test_with_and_without_after_an_overall_rate_in_one_clause(nlp):
    """ "91.6% overall, 89.0% in patients with X and 91.9% in those without (HR": no ";" before
    the groups; their values are the two right before and after "patients with"."""
    text = _cohort(
        "The 3-year IDFS rate was 91.6% (95% CI, 89.9-93.0) overall, 89.0% in patients with "
        "cardiotoxicity and 91.9% in those without (HR, 1.29; 95% CI, 0.81-2.06)."
    )
    assert _ratios(nlp, text) == []


def test_who_developed_and_those_who_did_not(nlp):
    """ "88.5% among patients who developed X and 92.0% among those who did not (HR": the
    event names the first group; both rates stay IDFS rates (the event word names the
    subgroup, no end point of the value after it)."""
    text = _cohort(
        "The 3-year IDFS rate was 88.5% among patients who developed cardiotoxicity and 92.0% "
        "among those who did not (HR, 1.35; 95% CI, 0.85-2.14)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.measure, r.value) for r in rows] == [
        ("IDFS", "rate", 88.5),
        ("IDFS", "rate", 92.0),
    ]


def test_between_patients_with_and_without(nlp):
    """ "IDFS did not differ between patients with and without X (HR": the two subsets named
    together, no value of their own."""
    text = _cohort(
        "The 3-year IDFS rate was 91.6%. IDFS did not differ between patients with and without "
        "cardiotoxicity (HR, 1.29; 95% CI, 0.81-2.06)."
    )
    assert _ratios(nlp, text) == []
    assert _arms(nlp, text) == {91.6: None}


RANDOMISED_PERTUZUMAB = (
    "Pertuzumab in early breast cancer\n\n"
    "Methods: Patients were randomly assigned to pertuzumab plus trastuzumab or placebo plus "
    "trastuzumab. Results: The 3-year IDFS rate was 94.1% with pertuzumab and 93.2% with "
    "placebo (HR, 0.81; 95% CI, 0.66-1.00). "
)


def test_subgroup_ratios_by_a_baseline_feature_are_kept(nlp):
    """Negative: a randomised trial's HRs within subgroups by a baseline characteristic ("In
    patients with node-positive disease, the HR ... and in those without nodal involvement")
    compare the arms in each subgroup."""
    text = RANDOMISED_PERTUZUMAB + (
        "In patients with node-positive disease, the HR for IDFS was 0.77 (95% CI, 0.62-0.96), "
        "and in those without nodal involvement it was 1.13 (95% CI, 0.68-1.86)."
    )
    assert _ratios(nlp, text) == [0.81, 0.77, 1.13]


def test_between_treated_with_and_without_a_drug_is_kept(nlp):
    """Negative: "between patients treated with and without pertuzumab (HR" and "the benefit ...
    was consistent between patients with and without X (HR" compare treatments."""
    text = RANDOMISED_PERTUZUMAB + (
        "IDFS did not differ between patients treated with and without pertuzumab in the "
        "node-negative cohort (HR, 1.13; 95% CI, 0.68-1.86). The benefit of pertuzumab was "
        "consistent between patients with and without hormone receptor-positive disease (HR, "
        "0.86; 95% CI, 0.66-1.13)."
    )
    assert _ratios(nlp, text) == [0.81, 1.13, 0.86]


def test_compared_pairs_per_group_keep_their_ratio(nlp):
    """Negative: a compared pair in each group ("10.1 vs 8.0 months in patients with X and 7.2
    vs 6.1 months in those without (HR") compares the arms in each: the ratio stays."""
    text = (
        "Pertuzumab in metastatic breast cancer\n\n"
        "Methods: Patients were randomly assigned to pertuzumab plus trastuzumab or placebo plus "
        "trastuzumab. Results: Median PFS was 10.1 vs 8.0 months in patients with visceral "
        "disease and 7.2 vs 6.1 months in those without (HR 0.70; 95% CI, 0.55-0.89)."
    )
    assert _ratios(nlp, text) == [0.7]


# 3. "during X" in a one-regimen study is a time window, not an arm.


def test_during_the_one_regimen_is_the_whole_cohort(nlp):
    """The abstract's sentence: both values are the whole cohort's (arm null)."""
    text = _cohort(
        "Among 1,462 patients (median age, 52 years), 1,131 (77.4%) received anthracyclines. "
        "Cardiotoxicity occurred in 8.9% of patients during trastuzumab, and symptomatic heart "
        "failure in 1.1%."
    )
    assert _arms(nlp, text) == {8.9: None, 1.1: None}


def test_during_in_results_alone(nlp):
    """The Results alone (no Methods naming the regimen): still the whole cohort's."""
    text = (
        "Cardiac safety of trastuzumab in routine practice\n\n"
        "Results: Cardiotoxicity occurred in 8.9% of patients during trastuzumab, and "
        "symptomatic heart failure in 1.1%."
    )
    assert _arms(nlp, text) == {8.9: None, 1.1: None}


def test_under_the_one_regimen_before_the_value(nlp):
    """ "Under trastuzumab, LVEF decline occurred in 10.2%": "under" opens the window."""
    text = _cohort(
        "Under trastuzumab, a decline in LVEF occurred in 10.2% of patients; cardiotoxicity "
        "was observed in 7.5% of patients while on trastuzumab."
    )
    assert _arms(nlp, text) == {10.2: None, 7.5: None}


def test_during_in_a_single_arm_trial_is_the_whole_population(nlp):
    """A single-arm trial's whole population has arm null (gold conventions), "during T-DM1"
    as well; "The ORR was 34.5% with trastuzumab emtansine" is read as before."""
    text = (
        "Trastuzumab emtansine in HER2-positive metastatic breast cancer: a single-arm trial\n\n"
        "Methods: In this single-arm phase II trial, patients received trastuzumab emtansine "
        "3.6 mg/kg every 3 weeks. Results: The ORR was 34.5% with trastuzumab emtansine. "
        "Thrombocytopenia occurred in 28.0% of patients during trastuzumab emtansine."
    )
    arms = _arms(nlp, text)
    assert arms[28.0] is None
    assert arms[34.5] == "trastuzumab emtansine"


def test_randomised_during_and_with_still_name_the_arm(nlp):
    """Negative: in a randomised trial "during neratinib" and "with neratinib" name the arm."""
    text = (
        "Neratinib after trastuzumab: a randomised trial\n\n"
        "Methods: Patients were randomly assigned to neratinib or placebo after trastuzumab. "
        "Results: Diarrhoea occurred in 40.1% of patients during neratinib and in 10.2% during "
        "placebo. Grade 3 diarrhoea occurred in 39.9% of patients with neratinib."
    )
    arms = _arms(nlp, text)
    assert arms[40.1] == arms[39.9] == "neratinib"
    assert arms[10.2] is None


def test_randomised_against_observation_keeps_the_drug_arm(nlp):
    """Negative: randomised to trastuzumab or observation (one drug arm in the registry):
    "during trastuzumab" is still that arm's value."""
    text = (
        "Trastuzumab after adjuvant chemotherapy\n\n"
        "Methods: Patients were randomly assigned to 1 year of trastuzumab or observation. "
        "Results: Cardiac dysfunction occurred in 4.1% of patients during trastuzumab."
    )
    assert _arms(nlp, text) == {4.1: "trastuzumab"}


def test_cohort_of_two_regimens_keeps_each_regimen(nlp):
    """Negative: a cohort of two regimens ("during pyrotinib plus capecitabine ... during
    pyrotinib plus vinorelbine") names each one's group."""
    text = (
        "Pyrotinib-based therapy in routine practice\n\n"
        "Methods: This retrospective study enrolled patients treated with pyrotinib plus "
        "capecitabine or pyrotinib plus vinorelbine. Results: Grade 3 diarrhoea occurred in "
        "15.5% of patients during pyrotinib plus capecitabine and in 9.8% during pyrotinib plus "
        "vinorelbine."
    )
    arms = _arms(nlp, text)
    assert arms == {15.5: "capecitabine+pyrotinib", 9.8: "pyrotinib+vinorelbine"}
