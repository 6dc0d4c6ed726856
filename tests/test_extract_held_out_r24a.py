"""Held-out round 24a: secondary reports (subgroups, biomarkers, final OS updates, patient-reported
outcomes, cardiac and lung safety). KATHERINE's subgroup report (Mamounas 2021): a sentence
ending on "hormone receptor-negative disease" passed that population descriptor on as the end
point the next sentence's bare "the HR was 0.66" carried, so the ratio was lost; its "; in those
with node-positive residual disease, it was 0.52" (and CLEOPATRA's final report's "; in the
hormone receptor-negative subgroup it was 0·67") restated the ratio for a second subgroup and
was not read. DESTINY-Breast03's brain-metastases analysis: "in 4.7% of these patients in the
T-DXd arm" left the ILD rate without its arm. A NeoSphere biomarker analysis: "OR 1.35 per 10%
increase" made 10% a pCR rate of arm C. A pooled T-DXd safety analysis: "most events were grade
1 or 2 (77.4%)" became an ILD incidence. The EMILIA patient-reported outcomes (no PFS/OS from
time to symptom worsening) and APHINITY's 6-year subgroups were read right and are pinned."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, rows_of

DPT = "docetaxel+pertuzumab+trastuzumab"
DT = "docetaxel+trastuzumab"
PH = "pertuzumab+trastuzumab"
TDM1 = "trastuzumab emtansine"
TDXD = "trastuzumab deruxtecan"
XL = "capecitabine+lapatinib"

# CLEOPATRA end-of-study report (Swain 2020, Lancet Oncol): the primary PFS ratio quoted.
CLEOPATRA = (
    "Pertuzumab, trastuzumab, and docetaxel for HER2-positive metastatic breast cancer "
    "(CLEOPATRA): end-of-study results from a double-blind, randomised, placebo-controlled, "
    "phase 3 study\n"
    "\n"
    "Background\n"
    "In the primary analysis of CLEOPATRA, pertuzumab plus trastuzumab and docetaxel "
    "significantly improved progression-free survival compared with placebo plus "
    "trastuzumab and docetaxel (hazard ratio 0·62 [95% CI 0·51–0·75]; p<0·0001). We report "
    "end-of-study overall survival after more than 8 years of follow-up.\n"
    "\n"
    "Methods\n"
    "Patients with HER2-positive metastatic breast cancer who had not received chemotherapy "
    "or anti-HER2 therapy for metastatic disease were randomly assigned (1:1) to pertuzumab "
    "(840 mg loading dose, then 420 mg) or placebo, each with trastuzumab (8 mg/kg loading "
    "dose, then 6 mg/kg) and docetaxel (75 mg/m2), every 3 weeks. The primary endpoint was "
    "independently assessed progression-free survival; overall survival was a key secondary "
    "endpoint. This study is registered with ClinicalTrials.gov, NCT00567190.\n"
    "\n"
    "Findings\n"
    "808 patients were enrolled: 402 were assigned to the placebo group and 406 to the "
    "pertuzumab group. Median follow-up was 99·9 months in the pertuzumab group and 98·7 "
    "months in the placebo group. Median overall survival was 57·1 months (95% CI 50–72) in "
    "the pertuzumab group and 40·8 months (36–48) in the placebo group (hazard ratio 0·69 "
    "[95% CI 0·58–0·82]). The 8-year landmark overall survival rates were 37% (95% CI "
    "31–42) in the pertuzumab group and 23% (19–27) in the placebo group. In the hormone "
    "receptor-positive subgroup, the hazard ratio for death was 0·71 (0·56–0·89); in the "
    "hormone receptor-negative subgroup it was 0·67 (0·53–0·85). Left ventricular systolic "
    "dysfunction occurred in 28 (7%) patients in the pertuzumab group and 33 (8%) in the "
    "placebo group.\n"
    "\n"
    "Interpretation\n"
    "The overall survival benefit with pertuzumab was maintained after 8 years of "
    "follow-up."
)


# KATHERINE subgroup analyses (Ann Oncol style).
KATHERINE = (
    "Relationship between pathologic response and invasive disease-free survival in "
    "KATHERINE: subgroup analyses of trastuzumab emtansine versus trastuzumab\n"
    "\n"
    "Background: In KATHERINE, adjuvant trastuzumab emtansine (T-DM1) reduced the risk of "
    "invasive disease or death by 50% compared with trastuzumab in patients with residual "
    "invasive disease after neoadjuvant therapy. We report exploratory analyses of invasive "
    "disease-free survival (IDFS) in clinically relevant subgroups.\n"
    "\n"
    "Patients and methods: Patients (n = 1486) were randomized 1:1 to 14 cycles of T-DM1 "
    "(3.6 mg/kg) or trastuzumab (6 mg/kg) every 3 weeks. IDFS was compared between arms "
    "within subgroups defined by baseline characteristics.\n"
    "\n"
    "Results: The IDFS benefit of T-DM1 was consistent across subgroups. Among patients "
    "with hormone receptor-positive disease, 3-year IDFS was 90.7% with T-DM1 and 79.7% "
    "with trastuzumab (HR 0.48, 95% CI 0.35-0.67); among those with hormone "
    "receptor-negative disease, it was 82.1% and 66.6% (HR 0.50, 95% CI 0.37-0.68). In "
    "patients with ypN0 disease, the HR was 0.66 (95% CI 0.44-1.00); in those with "
    "node-positive residual disease, it was 0.52 (95% CI 0.38-0.71). In patients whose "
    "residual tumor was ypT1a/b/mic or ypT0 with positive nodes, 3-year IDFS rates were "
    "95.0% in the T-DM1 arm and 87.5% in the trastuzumab arm. Patients who had received "
    "neoadjuvant dual HER2-targeted therapy had an IDFS HR of 0.54 (95% CI 0.27-1.06).\n"
    "\n"
    "Conclusions: T-DM1 improved IDFS compared with trastuzumab in all subgroups examined."
)


# DESTINY-Breast03, patients with brain metastases at baseline.
DB03_BRAIN = (
    "Trastuzumab deruxtecan versus trastuzumab emtansine in patients with HER2-positive "
    "metastatic breast cancer and brain metastases: exploratory subgroup analysis of "
    "DESTINY-Breast03\n"
    "\n"
    "Background: DESTINY-Breast03 showed superior progression-free survival (PFS) with "
    "trastuzumab deruxtecan (T-DXd) compared with trastuzumab emtansine (T-DM1). We "
    "assessed outcomes in patients with stable, treated brain metastases at baseline.\n"
    "\n"
    "Methods: Patients were randomized 1:1 to T-DXd 5.4 mg/kg or T-DM1 3.6 mg/kg every 3 "
    "weeks. Patients with stable brain metastases were eligible. Intracranial response was "
    "assessed by blinded independent central review (BICR) per modified RECIST.\n"
    "\n"
    "Results: Of 524 patients, 82 (15.6%) had brain metastases at baseline: 43 in the T-DXd "
    "arm and 39 in the T-DM1 arm. In these patients, median PFS was 15.0 months (95% CI, "
    "12.5-22.2) with T-DXd and 3.0 months (95% CI, 2.8-5.8) with T-DM1 (HR, 0.25; 95% CI, "
    "0.13-0.45). Among patients without brain metastases at baseline, the HR for PFS was "
    "0.30 (95% CI, 0.22-0.40). Intracranial objective response rate was 65.7% with T-DXd "
    "versus 34.3% with T-DM1. The confirmed ORR in patients with brain metastases was 67.4% "
    "vs 20.5%. Interstitial lung disease occurred in 4.7% of these patients in the T-DXd "
    "arm.\n"
    "\n"
    "Conclusions: T-DXd showed substantial benefit over T-DM1 in patients with "
    "HER2-positive metastatic breast cancer and brain metastases."
)


# EMILIA patient-reported outcomes (Welslau 2014, Cancer).
EMILIA_PRO = (
    "Patient-reported outcomes from EMILIA, a randomized phase 3 study of trastuzumab "
    "emtansine (T-DM1) versus capecitabine and lapatinib in human epidermal growth factor "
    "receptor 2-positive locally advanced or metastatic breast cancer\n"
    "\n"
    "BACKGROUND: In the EMILIA study, T-DM1 significantly improved progression-free "
    "survival (PFS) and overall survival (OS) compared with capecitabine plus lapatinib "
    "(XL). Here we report patient-reported outcomes.\n"
    "\n"
    "METHODS: Patients were randomized to T-DM1 (3.6 mg/kg every 3 weeks) or XL. "
    "Health-related quality of life was assessed using the Functional Assessment of Cancer "
    "Therapy-Breast (FACT-B). The prespecified primary PRO end point was time to symptom "
    "worsening, defined as a decrease of 5 points or more on the Trial Outcome Index (TOI).\n"
    "\n"
    "RESULTS: A total of 991 patients were randomized; 795 were evaluable for PROs. The "
    "median time to symptom worsening was 7.1 months with T-DM1 and 4.6 months with XL "
    "(hazard ratio, 0.796; 95% CI, 0.667-0.951; P = .012). Time to worsening of diarrhea "
    "was longer with T-DM1 (HR, 0.35; P < .001). A larger proportion of patients treated "
    "with T-DM1 than XL reported clinically meaningful improvement in symptoms (55.3% vs "
    "49.4%). For reference, median PFS was 9.6 months with T-DM1 versus 6.4 months with XL "
    "(HR, 0.65; P < .001).\n"
    "\n"
    "CONCLUSIONS: T-DM1 delayed symptom worsening compared with XL."
)


# NeoSphere exploratory biomarker analysis (PIK3CA, intrinsic subtype, TILs).
NEOSPHERE = (
    "Molecular determinants of pathologic complete response in the NeoSphere trial: an "
    "exploratory biomarker analysis\n"
    "\n"
    "Background: In NeoSphere, neoadjuvant pertuzumab plus trastuzumab and docetaxel (arm "
    "B) achieved the highest pathological complete response (pCR) rate. We evaluated PIK3CA "
    "mutations and intrinsic subtypes as predictors of pCR.\n"
    "\n"
    "Methods: Patients were randomly assigned to trastuzumab plus docetaxel (arm A), "
    "pertuzumab plus trastuzumab and docetaxel (arm B), pertuzumab plus trastuzumab (arm C) "
    "or pertuzumab plus docetaxel (arm D). PIK3CA mutations were assessed in pretreatment "
    "tumour samples.\n"
    "\n"
    "Results: PIK3CA mutations were found in 24% of 366 evaluable tumours. In arm B, the "
    "pCR rate was 26.9% in PIK3CA-mutated tumours and 53.5% in wild-type tumours (P = "
    "0.02). Across all arms, patients with PIK3CA-mutated tumours had a lower pCR rate than "
    "those with wild-type tumours (odds ratio 0.43; 95% CI 0.24-0.77). Among HER2-enriched "
    "tumours, the pCR rate was 57.9% in arm B versus 31.7% in arm A. Higher "
    "tumour-infiltrating lymphocytes were associated with pCR in arm C (OR 1.35 per 10% "
    "increase).\n"
    "\n"
    "Conclusions: PIK3CA mutation and intrinsic subtype identify patients less likely to "
    "achieve pCR with dual HER2 blockade."
)


# APHINITY 6-year report (Piccart 2021, JCO): nodal and hormone-receptor subgroups.
APHINITY = (
    "Adjuvant Pertuzumab and Trastuzumab in Early HER2-Positive Breast Cancer in the "
    "APHINITY Trial: 6 Years' Follow-Up\n"
    "\n"
    "PURPOSE\n"
    "The APHINITY trial showed that adding pertuzumab to adjuvant trastuzumab and "
    "chemotherapy improved invasive disease-free survival (IDFS). We report the second "
    "interim overall survival (OS) analysis and updated IDFS after 6 years of follow-up.\n"
    "\n"
    "METHODS\n"
    "Patients with operable HER2-positive early breast cancer were randomly assigned to "
    "pertuzumab or placebo, added to chemotherapy and 1 year of trastuzumab. Analyses by "
    "nodal and hormone receptor status were prespecified.\n"
    "\n"
    "RESULTS\n"
    "At a median follow-up of 74.1 months, there were 125 deaths (5.2%) in the pertuzumab "
    "arm and 139 (5.8%) in the placebo arm (hazard ratio [HR], 0.85; 95% CI, 0.67 to 1.07; "
    "P = .17). The 6-year OS was 94.8% in the pertuzumab arm and 94.0% in the placebo arm. "
    "The IDFS HR was 0.76 (95% CI, 0.64 to 0.91), with 6-year IDFS of 90.6% and 87.8%, "
    "respectively. In the node-positive cohort, 6-year IDFS was 87.9% with pertuzumab and "
    "83.4% with placebo (HR, 0.72; 95% CI, 0.59 to 0.87). In the node-negative cohort, "
    "6-year IDFS was 95.0% and 94.9%, respectively (HR, 1.02; 95% CI, 0.69 to 1.53). The "
    "IDFS benefit was seen in both hormone receptor-positive (HR, 0.73; 95% CI, 0.59 to "
    "0.92) and hormone receptor-negative disease (HR, 0.83; 95% CI, 0.63 to 1.10). Primary "
    "cardiac events remained below 1% in both arms.\n"
    "\n"
    "CONCLUSION\n"
    "The IDFS benefit of pertuzumab persists, particularly in node-positive disease; OS "
    "data remain immature."
)


def test_subgroup_ratio_restated_after_a_semicolon(nlp):
    """ "...was 0·71 (0·56–0·89); in the hormone receptor-negative subgroup it was 0·67
    (0·53–0·85)": the same ratio for a second subgroup, restated with "it was" after a ";"."""
    rows = rows_of(nlp, CLEOPATRA)
    assert ("OS", "HR", 0.67, 0.53, 0.85, None, None) in rows
    assert ("OS", "HR", 0.71, 0.56, 0.89, None, None) in rows


def test_cleopatra_final_overall_survival_pinned(nlp):
    """Already read: the quoted primary PFS ratio, the OS medians and landmark rates by group
    label, the between-arm ratio, and the cardiac events per arm."""
    rows = rows_of(nlp, CLEOPATRA)
    assert ("PFS", "HR", 0.62, 0.51, 0.75, "<0.0001", None) in rows
    assert ("OS", "median", 57.1, 50.0, 72.0, None, DPT) in rows
    assert ("OS", "median", 40.8, 36.0, 48.0, None, DT) in rows
    assert ("OS", "HR", 0.69, 0.58, 0.82, None, None) in rows
    assert ("OS", "rate", 37.0, 31.0, 42.0, None, DPT) in rows
    assert ("OS", "rate", 23.0, 19.0, 27.0, None, DT) in rows
    assert arm_of(rows, 7.0, "AE") == DPT and arm_of(rows, 8.0, "AE") == DT
    # follow-up times are no medians of an end point
    assert 99.9 not in [r.value for r in rows]


def test_ratio_after_a_population_sentence_carries_the_end_point(nlp):
    """ "In patients with ypN0 disease, the HR was 0.66" after a sentence that ends on "hormone
    receptor-negative disease ... (HR 0.50)": a population descriptor is no end point, so the
    ratio takes the last real end point before it (IDFS)."""
    rows = rows_of(nlp, KATHERINE)
    assert ("IDFS", "HR", 0.66, 0.44, 1.0, None, None) in rows


def test_subgroup_ratio_restated_after_a_semicolon_with_a_comma(nlp):
    """ "; in those with node-positive residual disease, it was 0.52 (95% CI 0.38-0.71)"."""
    rows = rows_of(nlp, KATHERINE)
    assert ("IDFS", "HR", 0.52, 0.38, 0.71, None, None) in rows


def test_quality_of_life_sentence_still_carries_no_end_point(nlp):
    """Negative: only population descriptors are passed over; a sentence ending on quality of
    life (an end point outside the contract) still leaves the next bare ratio without one."""
    text = (
        "Trastuzumab emtansine versus trastuzumab\n\n"
        "Patients were randomized to trastuzumab emtansine or trastuzumab. Median PFS was 14.1 "
        "months with trastuzumab emtansine. Patients with hormone receptor-positive disease "
        "reported better quality of life. The hazard ratio was 0.80 (95% CI 0.62-1.03)."
    )
    assert 0.8 not in [r.value for r in rows_of(nlp, text)]


def test_restated_subgroup_value_of_another_kind_is_no_ratio(nlp):
    """Negative: "; in the pertuzumab group it was 2.5 months" after a ratio restates a time
    (a median), not the ratio."""
    text = (
        "Pertuzumab in HER2-positive breast cancer\n\n"
        "Patients were randomized to pertuzumab plus trastuzumab or trastuzumab. The hazard ratio "
        "for PFS was 0.62 (95% CI 0.51-0.75); in the pertuzumab group it was 2.5 months longer."
    )
    assert ("PFS", "HR", 2.5) not in [r[:3] for r in rows_of(nlp, text)]


def test_katherine_subgroup_rates_pinned(nlp):
    """Already read: the hormone-receptor subgroups' 3-year IDFS per arm ("it was 82.1% and
    66.6%" keeps the order of the arms) and their ratios; no subgroup becomes an arm."""
    rows = rows_of(nlp, KATHERINE, P_ROW)
    assert arm_of(rows, 90.7) == TDM1 and arm_of(rows, 79.7) == "trastuzumab"
    assert arm_of(rows, 82.1) == TDM1 and arm_of(rows, 66.6) == "trastuzumab"
    assert arm_of(rows, 95.0) == TDM1 and arm_of(rows, 87.5) == "trastuzumab"
    assert {r.arm for r in rows} == {TDM1, "trastuzumab", None}
    assert [r.value for r in rows if r.measure == "HR"][:2] == [0.48, 0.5]
    # "reduced the risk ... by 50%" is a relative reduction, no rate
    assert 50.0 not in [r.value for r in rows if r.measure == "rate"]


def test_share_of_these_patients_in_an_arm_takes_the_arm(nlp):
    """ "Interstitial lung disease occurred in 4.7% of these patients in the T-DXd arm":
    "these" is filler between the value and its group, as "the" and "those" are."""
    rows = rows_of(nlp, DB03_BRAIN, P_ROW)
    assert ("ILD", "incidence", 4.7, None, TDXD) in rows


def test_destiny_breast03_brain_metastases_pinned(nlp):
    """Already read: the subgroup's PFS medians per arm and ratio, the ratio of the patients
    without brain metastases, the confirmed ORR per arm; the intracranial response rate is
    outside the contract and the share with brain metastases is no rate."""
    rows = rows_of(nlp, DB03_BRAIN)
    assert ("PFS", "median", 15.0, 12.5, 22.2, None, TDXD) in rows
    assert ("PFS", "median", 3.0, 2.8, 5.8, None, TDM1) in rows
    assert ("PFS", "HR", 0.25, 0.13, 0.45, None, None) in rows
    assert ("PFS", "HR", 0.3, 0.22, 0.4, None, None) in rows
    assert arm_of(rows, 67.4, "ORR") == TDXD and arm_of(rows, 20.5, "ORR") == TDM1
    values = [r.value for r in rows]
    assert 65.7 not in values and 34.3 not in values and 15.6 not in values


def test_patient_reported_outcomes_are_no_survival_values(nlp):
    """Already read: time to symptom worsening (medians, HR), time to worsening of diarrhoea
    and the share reporting improvement are no PFS/OS values; the PFS quoted for reference is."""
    rows = rows_of(nlp, EMILIA_PRO, P_ROW)
    values = [r.value for r in rows]
    for v in (7.1, 4.6, 0.796, 0.35, 55.3, 49.4):
        assert v not in values
    assert ("PFS", "median", 9.6, None, TDM1) in rows
    assert ("PFS", "median", 6.4, None, XL) in rows
    assert ("PFS", "HR", 0.65, "<0.001", None) in rows


def test_percentage_after_per_is_the_ratio_scale(nlp):
    """ "(OR 1.35 per 10% increase)": the percentage after "per" is the scale of the ratio
    (a unit of exposure), not a pCR rate of arm C. (Round 59b: the ratio itself is a graded
    biomarker's, "Higher TILs were associated with pCR": a factor's, no outcome either.)"""
    values = [r.value for r in rows_of(nlp, NEOSPHERE, P_ROW)]
    assert 10.0 not in values
    assert 1.35 not in values


def test_rate_before_per_is_still_a_rate(nlp):
    """Negative: a rate written before "per" ("40% per central review") stays a rate."""
    text = (
        "Pertuzumab and trastuzumab\n\n"
        "Patients received pertuzumab plus trastuzumab. The pCR rate was 40% per central "
        "review."
    )
    assert ("pCR", "rate", 40.0) in [r[:3] for r in rows_of(nlp, text)]


def test_neosphere_biomarker_groups_pinned(nlp):
    """Already read: pCR by PIK3CA status within arm B takes arm B (with the shared P), the
    HER2-enriched rates take their arms, and the share of mutated tumours is no rate. (Round
    64b: the pooled odds ratio of PIK3CA-mutated vs wild-type tumours is a biomarker's, no
    comparison of arms: no outcome.)"""
    rows = rows_of(nlp, NEOSPHERE, P_ROW)
    assert ("pCR", "rate", 26.9, "0.02", DPT) in rows
    assert ("pCR", "rate", 53.5, "0.02", DPT) in rows
    assert 0.43 not in [r.value for r in rows]
    assert arm_of(rows, 57.9) == DPT and arm_of(rows, 31.7) == DT
    assert 24.0 not in [r.value for r in rows]


def test_aphinity_subgroups_pinned(nlp):
    """Already read: 6-year OS and IDFS per arm, nodal-cohort rates per arm ("with pertuzumab"
    / "respectively"), the subgroup ratios with null arms; deaths counted are no rates."""
    rows = rows_of(nlp, APHINITY)
    assert ("OS", "HR", 0.85, 0.67, 1.07, "0.17", None) in rows
    assert arm_of(rows, 94.8, "OS") == PH and arm_of(rows, 94.0, "OS") == "trastuzumab"
    assert arm_of(rows, 87.9, "IDFS") == PH and arm_of(rows, 83.4, "IDFS") == "trastuzumab"
    assert arm_of(rows, 95.0, "IDFS") == PH and arm_of(rows, 94.9, "IDFS") == "trastuzumab"
    hrs = [
        (r.value, r.ci_low, r.ci_high) for r in rows if r.endpoint == "IDFS" and r.measure == "HR"
    ]
    assert hrs == [(0.76, 0.64, 0.91), (0.72, 0.59, 0.87), (1.02, 0.69, 1.53),
                   (0.73, 0.59, 0.92), (0.83, 0.63, 1.1)]  # fmt: skip
    values = [r.value for r in rows]
    assert 5.2 not in values and 5.8 not in values and 1.0 not in values


# A pooled safety analysis of nine T-DXd monotherapy studies (Powell 2022, ESMO Open style).
POOLED_ILD = (
    "Pooled analysis of drug-related interstitial lung disease and/or pneumonitis in nine "
    "trastuzumab deruxtecan monotherapy studies\n"
    "\n"
    "Background: Interstitial lung disease (ILD)/pneumonitis is an important identified "
    "risk of trastuzumab deruxtecan (T-DXd). We characterized ILD in a pooled analysis of "
    "patients treated with T-DXd monotherapy.\n"
    "\n"
    "Methods: This pooled analysis included 1150 patients with breast, lung, gastric or "
    "other cancers who received at least one dose of T-DXd in nine phase 1 to 3 studies, "
    "including DESTINY-Breast01 and DESTINY-Breast03. ILD events were adjudicated by an "
    "independent committee.\n"
    "\n"
    "Results: The overall incidence of adjudicated drug-related ILD/pneumonitis was 15.4%; "
    "most events were grade 1 or 2 (77.4%), and 2.2% of patients had grade 5 events. Median "
    "time to onset of first ILD was 5.4 months. In patients with breast cancer, the "
    "incidence was 15.5%. The risk of ILD was higher in patients who received the 6.4 mg/kg "
    "dose (hazard ratio 1.52; 95% CI 1.08-2.14) than in those who received 5.4 mg/kg.\n"
    "\n"
    "Conclusions: Most ILD events were low grade and occurred within the first 12 months of "
    "treatment."
)


def test_share_of_most_events_is_no_incidence(nlp):
    """ "most events were grade 1 or 2 (77.4%)": the bracket holds a share of the ILD events,
    not an incidence among patients; the incidences around it stay."""
    rows = rows_of(nlp, POOLED_ILD, P_ROW)
    values = [r.value for r in rows]
    assert 77.4 not in values
    assert ("ILD", "incidence", 15.4, None, None) in rows
    assert ("ILD", "incidence", 2.2, None, None) in rows


def test_most_patients_with_events_is_still_an_incidence(nlp):
    """Negative: "Most patients had drug-related ILD events (15.4%)" counts patients; "Most
    adverse events were grade 1 or 2, and ... occurred in 20.1% of patients" holds no share in
    the bracket of the events' clause; "the most common grade 3 events were neutropenia
    (12.9%)" is a superlative naming events, not most of them."""
    head = "Trastuzumab deruxtecan safety\n\nPatients received trastuzumab deruxtecan. "
    text = head + "Most patients had drug-related ILD events (15.4%)."
    assert ("ILD", "incidence", 15.4) in [r[:3] for r in rows_of(nlp, text)]
    text = (
        head + "Most adverse events were grade 1 or 2, and grade 3 or higher adverse events "
        "occurred in 20.1% of patients."
    )
    assert ("AE_G3", "incidence", 20.1) in [r[:3] for r in rows_of(nlp, text)]
    text = head + "The most common grade 3 events were neutropenia (12.9%) and anemia (4.1%)."
    assert [r[:3] for r in rows_of(nlp, text)] == [
        ("AE_G3", "incidence", 12.9),
        ("AE_G3", "incidence", 4.1),
    ]
