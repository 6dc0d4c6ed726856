"""Fresh round 63 (b): outcomes that are no results, and a bare NR. Invented abstracts found four
misses: a ratio of a feature's "status" that "predicted" an end point ("ESR1 mutation status
predicted shorter OS (HR 1.8 ...)") was read as an arms' comparison ("status was associated
with" stays: the status may name the groups compared); a design assumption with "assumes" / "the study assumed" gave rates and medians; "a
median OS benefit of 15.7 months" gave a median; and one value before "arms B and C" of a
three-arm design took arm B's regimen, though it pools two of the three arms. Bare "NR" medians,
"assuming ..." / "powered to detect ..." sentences, gains written "improvement in median PFS of"
or "extended median OS by" and "(arms B and C)" after a drug-named group already read right, and
are pinned here."""

from __future__ import annotations

from extract_helpers import ARM_ROW, CI_ROW, arm_of, rows_of

RWE = "Methods: Patients with HER2-positive breast cancer treated with trastuzumab were studied. "

T_DXD = "trastuzumab deruxtecan"
T_DM1 = "trastuzumab emtansine"
TDXD_DESIGN = (
    "Methods: Patients were randomly assigned to trastuzumab deruxtecan (T-DXd) or trastuzumab "
    "emtansine (T-DM1). "
)
PERTUZUMAB_DESIGN = (
    "Methods: Patients were randomly assigned to pertuzumab or placebo, each with trastuzumab and "
    "docetaxel. "
)
DTP = "docetaxel+pertuzumab+trastuzumab"
DT = "docetaxel+trastuzumab"
THREE_ARMS = (
    "Methods: Patients were randomly assigned to paclitaxel (arm A), paclitaxel plus atezolizumab "
    "(arm B) or paclitaxel plus atezolizumab and trastuzumab (arm C). "
)


# 1. Ratios of a feature's status: prognostic factors, no arms' comparison.


def test_status_was_predictive_of_end_point_is_a_factor(nlp):
    """ "HER2-enriched status was predictive of longer PFS (HR 0.55 ...)": a tumour feature's
    ratio, no outcome."""
    text = RWE + (
        "Results: HER2-enriched status was predictive of longer PFS (HR 0.55, 95% CI "
        "0.38-0.80; P = 0.002)."
    )
    assert rows_of(nlp, text, ARM_ROW) == []


def test_status_with_a_population_name_is_a_factor(nlp):
    """ "Hormone receptor-negative status predicted higher pCR (OR 2.1": the population words in
    the subject name no end point; the cohort's own pCR rate stays."""
    text = (
        "Methods: Patients received neoadjuvant docetaxel, carboplatin and trastuzumab. Results: "
        "The pCR rate was 55%. Hormone receptor-negative status predicted higher pCR (OR 2.1, "
        "95% CI 1.3-3.4)."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("pCR", "rate", 55.0, None)]


def test_status_associated_with_end_point_stays(nlp):
    """Negative: "HER2-low status was associated with longer DFS (HR 0.87": with "associated"
    the status may name the groups the study compares (round 59b), so the ratio stays."""
    text = (
        "Methods: We pooled studies comparing HER2-low with HER2-0 breast cancer. Results: "
        "HER2-low status was associated with longer DFS (HR 0.87, 95% CI 0.79-0.96)."
    )
    assert rows_of(nlp, text, CI_ROW) == [("DFS", "HR", 0.87, 0.79, 0.96, None)]


def test_status_predicted_end_point_is_a_factor(nlp):
    """ "ESR1 mutation status predicted shorter OS (HR 1.8": "predicted" joins a factor to its
    end point as "was associated with" does."""
    text = RWE + "Results: ESR1 mutation status predicted shorter OS (HR 1.8, 95% CI 1.2-2.7)."
    assert rows_of(nlp, text, ARM_ROW) == []


def test_nodal_status_was_predictive_of_end_point(nlp):
    """ "Positive nodal status was predictive of shorter DFS (hazard ratio [HR] 2.3": a factor."""
    text = RWE + (
        "Results: Positive nodal status was predictive of shorter DFS (hazard ratio [HR] 2.3; "
        "95% CI 1.4-3.8; P = 0.001)."
    )
    assert rows_of(nlp, text, ARM_ROW) == []


def test_treatment_associated_with_end_point_stays(nlp):
    """Negative: "Treatment with pertuzumab was associated with longer PFS (HR 0.60": the
    treatment's ratio, an outcome with no arm."""
    text = (
        "Methods: This real-world study included patients with HER2-positive metastatic breast "
        "cancer. Results: Treatment with pertuzumab was associated with longer PFS (HR 0.60, 95% "
        "CI 0.45-0.80; P < 0.001)."
    )
    assert rows_of(nlp, text, CI_ROW) == [("PFS", "HR", 0.6, 0.45, 0.8, None)]


def test_drug_predicted_end_point_stays(nlp):
    """Negative: "Pertuzumab predicted longer OS (HR 0.68": a subject naming a drug is the
    treatment compared, whatever the verb."""
    text = (
        PERTUZUMAB_DESIGN + "Results: Pertuzumab predicted longer OS (HR 0.68, 95% CI 0.56-0.84)."
    )
    assert ("OS", "HR", 0.68, 0.56, 0.84, None) in rows_of(nlp, text, CI_ROW)


# 2. Design assumptions in the Methods.


def test_trial_assumes_a_rate(nlp):
    """ "The trial assumes a 3-year EFS of at least 92% in the experimental arm": an assumption;
    the results stay."""
    text = (
        "Methods: Patients were randomly assigned to trastuzumab plus pertuzumab or trastuzumab "
        "alone. The trial assumes a 3-year EFS of at least 92% in the experimental arm. Results: "
        "The 3-year EFS was 93.1% with pertuzumab and 90.2% without (HR 0.70)."
    )
    values = [r.value for r in rows_of(nlp, text, ARM_ROW)]
    assert 92.0 not in values
    assert {93.1, 90.2, 0.7} <= set(values)


def test_study_assumed_medians(nlp):
    """ "The study assumed a median OS of 38 months in the placebo arm and 50 months in the
    pertuzumab arm": assumptions, no medians."""
    text = PERTUZUMAB_DESIGN + (
        "The study assumed a median OS of 38 months in the placebo arm and 50 months in the "
        "pertuzumab arm. Results: Median OS was 56.5 months with pertuzumab and 40.8 months "
        "with placebo (HR 0.68)."
    )
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [56.5, 40.8, 0.68]


def test_assuming_and_powered_to_detect_give_no_outcomes(nlp):
    """ "assuming a pCR rate of 40%", "powered to detect an improvement in median PFS from 6 to 9
    months": no outcomes (already so; pinned)."""
    assuming = (
        "Methods: This single-arm study of pyrotinib with trastuzumab and docetaxel was designed "
        "assuming a pCR rate of 40% with the regimen. Results: The pCR rate was 55.1%."
    )
    powered = (
        "Methods: Patients were randomly assigned to tucatinib or placebo, each with trastuzumab "
        "and capecitabine. The study was powered to detect an improvement in median PFS from 6 "
        "to 9 months. Results: Median PFS was 7.8 months with tucatinib."
    )
    assert [r.value for r in rows_of(nlp, assuming, ARM_ROW)] == [55.1]
    assert [r.value for r in rows_of(nlp, powered, ARM_ROW)] == [7.8]


def test_patients_who_assumed_a_drug_report_results(nlp):
    """Negative: "patients who assumed lapatinib" (took it) is no design assumption."""
    text = RWE + "Results: The ORR was 35% in patients who assumed lapatinib."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [35.0]


# 3. A bare NR median (pinned: read right already).


def test_bare_nr_medians_take_their_arms(nlp):
    """ "Median OS was NR in the T-DXd arm and 30.1 months ...", "mOS: NR vs 28.4 mo", "26.5
    months with T-DM1 and NR with T-DXd": the NR row has no value, the unit months, its arm."""
    texts = {
        "Results: Median OS was NR in the T-DXd arm and 30.1 months in the T-DM1 arm (HR 0.64).": 30.1,
        "Results: mOS: NR vs 28.4 mo (HR 0.64; 95% CI 0.47-0.87).": 28.4,
        "Results: Median OS was 26.5 months with T-DM1 and NR with T-DXd (HR 0.64).": 26.5,
    }
    for results, other in texts.items():
        rows = rows_of(nlp, TDXD_DESIGN + results, ("endpoint", "measure", "value", "unit", "arm"))
        assert ("OS", "median", None, "months", T_DXD) in rows, results
        assert arm_of(rows, other) == T_DM1, results


# 4. Gains in a median are no medians.


def test_median_benefit_of_months_is_no_median(nlp):
    """ "a median OS benefit of 15.7 months": a difference between the arms' medians."""
    text = PERTUZUMAB_DESIGN + (
        "Results: Pertuzumab provided a median OS benefit of 15.7 months compared with placebo "
        "(HR 0.68)."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("OS", "HR", 0.68, None)]


def test_median_gain_of_months_is_no_median(nlp):
    """ "a median PFS gain of approximately 6 months": a gain; the medians after it stay."""
    text = PERTUZUMAB_DESIGN + (
        "Results: The addition of pertuzumab gave a median PFS gain of approximately 6 months "
        "(18.5 vs 12.4 months; HR 0.62)."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("PFS", "median", 18.5, DTP),
        ("PFS", "median", 12.4, DT),
        ("PFS", "HR", 0.62, None),
    ]


def test_improvement_and_extension_by_are_no_medians(nlp):
    """ "an improvement in median PFS of 4.2 months", "extended median OS by 7.8 months" (already
    read right; pinned): only the compared medians are rows."""
    improvement = PERTUZUMAB_DESIGN + (
        "Results: Pertuzumab yielded an improvement in median PFS of 4.2 months (18.5 vs 14.3 "
        "months; HR 0.62)."
    )
    extension = PERTUZUMAB_DESIGN + (
        "Results: Pertuzumab extended median OS by 7.8 months (56.5 vs 48.7 months; HR 0.68)."
    )
    assert [r.value for r in rows_of(nlp, improvement, ARM_ROW)] == [18.5, 14.3, 0.62]
    assert [r.value for r in rows_of(nlp, extension, ARM_ROW)] == [56.5, 48.7, 0.68]


def test_median_benefit_in_the_arm_stays_a_median(nlp):
    """Negative: "the median PFS was 18.5 months" after "benefit" in another clause stays."""
    text = PERTUZUMAB_DESIGN + (
        "Results: To assess the benefit, the median PFS was 18.5 months with pertuzumab."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("PFS", "median", 18.5, DTP)]


# 5. A value pooled over two of three arms.


def test_value_before_two_of_three_arms_is_pooled(nlp):
    """ "61% in arms B and C and 40% in arm A": 61% pools arms B and C, so it has no arm."""
    text = THREE_ARMS + "Results: The pCR rate was 61% in arms B and C and 40% in arm A."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("pCR", "rate", 61.0, None),
        ("pCR", "rate", 40.0, "paclitaxel"),
    ]


def test_pooled_arms_after_another_arm(nlp):
    """ "40% in arm A and 61% in arms B and C": the pooled value after an arm's has no arm."""
    text = THREE_ARMS + "Results: The pCR rate was 40% in arm A and 61% in arms B and C."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("pCR", "rate", 40.0, "paclitaxel"),
        ("pCR", "rate", 61.0, None),
    ]


def test_drug_named_pooled_group_has_no_arm(nlp):
    """ "Pts receiving atezolizumab (arms B and C) had a pCR rate of 61%" (already read right;
    pinned)."""
    text = THREE_ARMS + "Results: Pts receiving atezolizumab (arms B and C) had a pCR rate of 61%."
    assert rows_of(nlp, text, ARM_ROW) == [("pCR", "rate", 61.0, None)]


def test_two_values_before_two_arms_are_each_arms(nlp):
    """Negative: "61% and 52% in arms B and C": two values, one per listed arm."""
    text = THREE_ARMS + "Results: The pCR rate was 61% and 52% in arms B and C."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("pCR", "rate", 61.0, "atezolizumab+paclitaxel"),
        ("pCR", "rate", 52.0, "atezolizumab+paclitaxel+trastuzumab"),
    ]
