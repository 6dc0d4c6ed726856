"""Held-out round 24 (b): abstracts a PubMed search returns beside the trial reports but that
report no randomised trial: real-world cohorts (T-DM1 at 12 centres; pertuzumab-based vs
trastuzumab-only first line, propensity-matched; pyrotinib combinations), a network
meta-analysis with credible intervals and SUCRA, a FAERS disproportionality analysis, two
cost-effectiveness models and a first-in-human dose-escalation trial. What went wrong: a model
citing "adding pertuzumab to trastuzumab and docetaxel ... (56.5 vs 40.8 months)" gave the first
median the arm without pertuzumab and made pertuzumab alone an arm; a reporting odds ratio was
read as an odds ratio of ILD; the share of ILD reports with a fatal outcome was read as an ILD
incidence; and "than lapatinib-naive patients (6.3 vs 9.1 months)" gave a subgroup comparison
the arms of the cohort's partner drugs."""

from __future__ import annotations

from extract_helpers import ARM_ROW, CI_ROW, P_ROW, arm_of, registry_of, rows_of

from her2mine.extract.outcomes.prose import _own_subgroups_compared

DTP = "docetaxel+pertuzumab+trastuzumab"
DT = "docetaxel+trastuzumab"

# Cost-effectiveness of pertuzumab in Canada (CLEOPATRA inputs), JCO-like structure.
CEA_PERTUZUMAB = (
    "Cost-effectiveness of pertuzumab in HER2-positive metastatic breast cancer\n\n"
    "Background: Adding pertuzumab to trastuzumab and docetaxel prolonged overall survival by "
    "15.7 months in CLEOPATRA (56.5 vs 40.8 months; HR 0.68, 95% CI 0.56-0.84). We estimated "
    "the cost-effectiveness of this regimen in Canada.\n"
    "Methods: A Markov model with monthly cycles was populated with CLEOPATRA survival data and "
    "Canadian costs (2021 CAD). Utilities were 0.78 for progression-free and 0.52 for "
    "progressed disease.\n"
    "Results: Pertuzumab, trastuzumab and docetaxel provided 0.78 additional life-years and "
    "0.62 additional QALYs at an incremental cost of CAD 245,000, for an ICER of CAD 395,161 "
    "per QALY (95% CI 298,000 to 561,000). The probability of cost-effectiveness at a threshold "
    "of CAD 100,000 per QALY was 0%. Pertuzumab would need a 75% price reduction to be "
    "cost-effective.\n"
    "Conclusion: At current prices pertuzumab is not cost-effective in Canada."
)


def test_adding_a_drug_compares_the_combination_with_the_base(nlp):
    """ "Adding X to Y ... (a vs b)" outside any design: a is Y plus X, b is Y (a was Y's, b had
    no arm); the gain "by 15.7 months" is no median."""
    rows = rows_of(nlp, CEA_PERTUZUMAB, P_ROW)
    assert rows == [
        ("OS", "median", 56.5, None, DTP),
        ("OS", "median", 40.8, None, DT),
        ("OS", "HR", 0.68, None, None),
    ]


def test_the_addition_of_a_drug_defines_no_arm_of_that_drug_alone(nlp):
    """ "The addition of X to Y" in a sentence read as a design defines Y plus X and Y, never X
    alone (pertuzumab became an arm, and took the second median)."""
    text = (
        "Title\n\nThe addition of pertuzumab to trastuzumab and docetaxel prolonged overall "
        "survival in CLEOPATRA (56.5 vs 40.8 months; HR 0.68, 95% CI 0.56-0.84)."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [DTP, DT]
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 56.5) == DTP and arm_of(rows, 40.8) == DT


def test_adding_to_a_class_or_beside_a_known_design_names_no_new_pair(nlp):
    """Negative: a class as the base ("to chemotherapy") names no arm, and a design read from
    its randomisation sentence is not replaced by the addition's regimens."""
    text = (
        "Title\n\nAdding trastuzumab to chemotherapy prolonged median overall survival (25.1 vs "
        "20.3 months; P = 0.046)."
    )
    assert [r.arm for r in rows_of(nlp, text, ARM_ROW)] == [None, None]
    design = (
        "Title\n\nPatients were randomly assigned to trastuzumab plus docetaxel or trastuzumab "
        "plus paclitaxel. The addition of pertuzumab to trastuzumab in the second trial improved "
        "PFS (18.7 vs 12.4 months)."
    )
    reg = registry_of(nlp, design)
    assert [a.name for a in reg.arms] == [DT, "paclitaxel+trastuzumab"]
    assert arm_of(rows_of(nlp, design, ARM_ROW), 12.4) is None


def test_cost_effectiveness_outputs_are_no_values(nlp):
    """Pinned: life-years, QALYs, costs, the ICER and its interval, a probability of
    cost-effectiveness and a price reduction are no outcome values."""
    values = [r.value for r in rows_of(nlp, CEA_PERTUZUMAB, P_ROW)]
    assert values == [56.5, 40.8, 0.68]


# Cost-effectiveness of T-DXd vs T-DM1 in the US (DESTINY-Breast03 inputs), JCO capitals.
CEA_TDXD = (
    "Cost-effectiveness of trastuzumab deruxtecan versus trastuzumab emtansine for HER2-positive "
    "metastatic breast cancer in the United States\n\n"
    "METHODS: A partitioned survival model with three health states was built on "
    "DESTINY-Breast03 (median PFS 28.8 v 6.8 months; HR, 0.33; 95% CI, 0.26 to 0.43). Costs "
    "(2022 US dollars) and quality-adjusted life-years (QALYs) were estimated over a 10-year "
    "horizon with a 3% annual discount rate. The willingness-to-pay threshold was $150,000 per "
    "QALY.\n"
    "RESULTS: T-DXd yielded 1.13 additional QALYs at an incremental cost of $242,569, giving an "
    "incremental cost-effectiveness ratio (ICER) of $214,667 per QALY gained. In probabilistic "
    "sensitivity analysis, T-DXd was cost-effective in 18.6% of simulations at the threshold of "
    "$150,000 per QALY; a price reduction of 28% would make it cost-effective."
)


def test_model_inputs_cited_from_the_trial_keep_their_arms_and_money_is_no_value(nlp):
    """Pinned: the trial's medians cited as model inputs keep their arms; the discount rate,
    QALYs, dollars and the share of simulations are no values."""
    assert rows_of(nlp, CEA_TDXD, CI_ROW) == [
        ("PFS", "median", 28.8, None, None, "trastuzumab deruxtecan"),
        ("PFS", "median", 6.8, None, None, "trastuzumab emtansine"),
        ("PFS", "HR", 0.33, 0.26, 0.43, None),
    ]


# FAERS disproportionality analysis, unstructured.
FAERS = (
    "Interstitial lung disease associated with trastuzumab deruxtecan: a disproportionality "
    "analysis of the FDA Adverse Event Reporting System\n\n"
    "We searched the FDA Adverse Event Reporting System (FAERS) from January 2020 to March 2023 "
    "and identified 2,614 reports in which T-DXd was the primary suspect drug. ILD/pneumonitis "
    "was reported in 486 cases (18.6%), with a reporting odds ratio (ROR) of 35.7 (95% CI "
    "32.4-39.3) compared with all other drugs in the database; the ROR for trastuzumab "
    "emtansine was 3.2 (95% CI 2.6-3.9). The median time to onset of ILD was 125 days, and "
    "22.4% of ILD reports had a fatal outcome. Patients aged 65 years or older accounted for "
    "41.2% of ILD cases."
)


def test_a_reporting_odds_ratio_is_no_odds_ratio(nlp):
    """A reporting odds ratio measures disproportionate reporting against other drugs, not a
    treatment comparison: 35.7 was an ILD odds ratio."""
    rows = rows_of(nlp, FAERS, CI_ROW)
    assert not [r for r in rows if r.measure == "OR"]
    assert 35.7 not in [r.value for r in rows]


def test_an_odds_ratio_not_of_reporting_is_read(nlp):
    """Negative: "the odds ratio" (or one "supporting" a claim) stays a ratio."""
    text = (
        "Title\n\nPatients received trastuzumab deruxtecan. Treatment beyond 12 months was "
        "associated with ILD (odds ratio 1.85, 95% CI 1.20-2.85), supporting odds ratio 2.1 in "
        "men."
    )
    assert [r.value for r in rows_of(nlp, text, CI_ROW) if r.measure == "OR"] == [1.85, 2.1]


def test_a_share_of_event_reports_is_no_incidence(nlp):
    """ "22.4% of ILD reports had a fatal outcome": a share of the reports (as of events or
    cases), no incidence among patients."""
    values = [r.value for r in rows_of(nlp, FAERS, P_ROW)]
    assert 22.4 not in values and 41.2 not in values


def test_an_event_reported_in_patients_stays_an_incidence(nlp):
    """Negative: a rate among patients in a sentence about reports is still read."""
    text = (
        "Title\n\nPatients received trastuzumab deruxtecan. ILD was reported in 12.1% of "
        "patients, and in 30 of 48 reports the event was grade 1."
    )
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, P_ROW)] == [("ILD", 12.1)]


# A real-world pyrotinib cohort (Chinese multicentre style).
PYROTINIB_RWE = (
    "Pyrotinib-based therapy in HER2-positive metastatic breast cancer: a real-world study\n\n"
    "A total of 168 patients treated with pyrotinib at 5 hospitals were retrospectively "
    "analysed. Pyrotinib was combined with capecitabine in 102 patients, with vinorelbine in 38 "
    "and with other chemotherapy in 28. The median PFS was 8.6 months (95% CI 7.3-9.9) in the "
    "whole population, 9.4 months with capecitabine and 7.1 months with vinorelbine (P = 0.21). "
    "Patients who had received lapatinib had a shorter PFS than lapatinib-naive patients (6.3 "
    "vs 9.1 months, P = 0.012). Grade 3 diarrhoea occurred in 18.5% of patients."
)


def test_a_prior_therapy_subgroup_comparison_takes_no_partner_arms(nlp):
    """ "than lapatinib-naive patients (6.3 vs 9.1 months)": the pair compares subgroups by
    prior therapy; it took the arms of the previous sentence (capecitabine, vinorelbine)."""
    rows = rows_of(nlp, PYROTINIB_RWE, P_ROW)
    assert [r for r in rows if r.value in (6.3, 9.1)] == [
        ("PFS", "median", 6.3, "0.012", None),
        ("PFS", "median", 9.1, "0.012", None),
    ]


def test_a_regimen_adjective_before_patients_is_no_subgroup(nlp):
    """Negative: "than trastuzumab-treated patients" names who received a regimen (an arm);
    only prior-therapy adjectives (naive, pretreated, refractory...) name subgroups."""
    text = "PFS was longer than in trastuzumab-treated patients (6.3 vs 9.1 months)."
    assert not _own_subgroups_compared(text, 0, text.index("6.3"))
    text = "PFS was shorter than trastuzumab-pretreated patients (6.3 vs 9.1 months)."
    assert _own_subgroups_compared(text, 0, text.index("6.3"))


# A real-world T-DM1 cohort, JCO style.
TDM1_RWE = (
    "Real-world effectiveness of trastuzumab emtansine in HER2-positive metastatic breast "
    "cancer: a multicentre retrospective cohort study\n\n"
    "Methods: We retrospectively reviewed the records of all patients with HER2-positive "
    "metastatic breast cancer treated with T-DM1 3.6 mg/kg every 3 weeks at 12 Italian centres "
    "between 2014 and 2019. The primary end point was progression-free survival (PFS).\n"
    "Results: In total, 250 patients were included; 128 (51.2%) had received pertuzumab before "
    "T-DM1 and 71 (28.4%) had brain metastases at baseline. After a median follow-up of 30.4 "
    "months, the median PFS was 6.1 months (95% CI, 5.2 to 7.3) and the median overall "
    "survival (OS) was 24.8 months (95% CI, 20.5 to 29.6). The objective response rate was "
    "34.5% and the clinical benefit rate 52.1%. Patients previously treated with pertuzumab had "
    "a shorter median PFS than pertuzumab-naive patients (4.5 vs 7.9 months; HR, 1.48; 95% CI, "
    "1.11 to 1.97; P = .007). Grade 3 or higher adverse events occurred in 14.8% of patients."
)


def test_a_single_drug_cohort_reports_whole_population_values(nlp):
    """Pinned: a cohort all treated with T-DM1 has no arms; the prior-pertuzumab subgroups
    take none; the dose, centres, follow-up and baseline shares are no values."""
    assert rows_of(nlp, TDM1_RWE, CI_ROW) == [
        ("PFS", "median", 6.1, 5.2, 7.3, None),
        ("OS", "median", 24.8, 20.5, 29.6, None),
        ("ORR", "rate", 34.5, None, None, None),
        ("CBR", "rate", 52.1, None, None, None),
        ("PFS", "median", 4.5, None, None, None),
        ("PFS", "median", 7.9, None, None, None),
        ("PFS", "HR", 1.48, 1.11, 1.97, None),
        ("AE_G3", "incidence", 14.8, None, None, None),
    ]


# Pertuzumab-based vs trastuzumab-only first line in routine practice, JAMA Oncol style.
PHT_VS_HT = (
    "Pertuzumab-based versus trastuzumab-only first-line therapy for HER2-positive metastatic "
    "breast cancer in routine practice: a propensity score-matched analysis\n\n"
    "Objective: To compare overall survival between patients receiving pertuzumab, trastuzumab "
    "and a taxane (PHT) and those receiving trastuzumab and a taxane (HT) as first-line therapy "
    "in routine practice.\n"
    "Results: Of 2,136 eligible patients, 1,602 received PHT and 534 received HT; after "
    "matching, 496 pairs were analysed. Median OS was 53.8 months (95% CI, 49.1-59.6) in the "
    "PHT cohort and 39.4 months (95% CI, 34.2-45.0) in the HT cohort (adjusted HR, 0.68; 95% "
    "CI, 0.56-0.83; P < .001). Median rwPFS was 18.9 vs 11.2 months (HR, 0.71; 95% CI, "
    "0.61-0.83)."
)


def test_treatment_cohorts_in_routine_practice_are_compared_as_regimens(nlp):
    """Pinned: the cohorts named by their short forms are the regimens compared (the taxane is
    a class); the adjusted HRs have no arm; the matched pairs are no value."""
    assert rows_of(nlp, PHT_VS_HT, P_ROW) == [
        ("OS", "median", 53.8, None, "pertuzumab+trastuzumab"),
        ("OS", "median", 39.4, None, "trastuzumab"),
        ("OS", "HR", 0.68, "<0.001", None),
        ("PFS", "median", 18.9, None, "pertuzumab+trastuzumab"),
        ("PFS", "median", 11.2, None, "trastuzumab"),
        ("PFS", "HR", 0.71, None, None),
    ]


# A Bayesian network meta-analysis, Lancet style.
NMA = (
    "Efficacy of HER2-targeted therapies in previously treated HER2-positive metastatic breast "
    "cancer: a systematic review and network meta-analysis\n\n"
    "Methods: A Bayesian network meta-analysis with random effects was done; treatments were "
    "ranked by the surface under the cumulative ranking curve (SUCRA).\n"
    "Findings: Twelve trials (5412 patients) comparing eight regimens were included. For "
    "progression-free survival, trastuzumab deruxtecan was superior to trastuzumab emtansine "
    "(HR 0·28, 95% CrI 0·22–0·37), to tucatinib plus trastuzumab and capecitabine (HR 0·50, "
    "0·36–0·69) and to pyrotinib plus capecitabine (HR 0·59, 0·41–0·85). Trastuzumab "
    "deruxtecan had the highest probability of being the best treatment for progression-free "
    "survival (SUCRA 98·7%), followed by pyrotinib plus capecitabine (SUCRA 79·4%). The pooled "
    "incidence of interstitial lung disease with trastuzumab deruxtecan was 13·6% (95% CI "
    "10·8–16·9)."
)


def test_pooled_ratios_keep_credible_intervals_and_no_arm(nlp):
    """Pinned: pooled HRs have no arm and their credible intervals fill the CI fields (as
    documented since 0.3.11); SUCRA percentages are no rates; the pooled ILD incidence is the
    drug's."""
    assert rows_of(nlp, NMA, CI_ROW) == [
        ("PFS", "HR", 0.28, 0.22, 0.37, None),
        ("PFS", "HR", 0.5, 0.36, 0.69, None),
        ("PFS", "HR", 0.59, 0.41, 0.85, None),
        ("ILD", "incidence", 13.6, 10.8, 16.9, "trastuzumab deruxtecan"),
    ]


# First-in-human dose escalation and expansion (SHR-A1811), Lancet style.
PHASE1 = (
    "Trastuzumab rezetecan (SHR-A1811) in HER2-expressing advanced solid tumours: a "
    "first-in-human, dose-escalation and dose-expansion, phase 1 trial\n\n"
    "Methods: Patients received SHR-A1811 at 1.0, 3.2, 4.8, 6.4 or 8.0 mg/kg intravenously "
    "every 3 weeks in the dose-escalation part (i3+3 design), followed by expansion at 4.8, "
    "6.4 and 8.0 mg/kg.\n"
    "Findings: 307 patients were enrolled, including 188 with HER2-positive breast cancer. "
    "Dose-limiting toxicities occurred in one of six patients at 8.0 mg/kg, and the maximum "
    "tolerated dose was not reached. In HER2-positive breast cancer, the objective response "
    "rate was 76.3% (95% CI 69.5–82.2), and 79.2% (67.2–88.5) at 4.8 mg/kg, 76.9% "
    "(63.2–87.5) at 6.4 mg/kg and 72.7% (58.6–83.9) at 8.0 mg/kg. Grade 3 or higher "
    "treatment-related adverse events occurred in 52.4% of patients."
)


def test_dose_levels_are_neither_values_nor_arms(nlp):
    """Pinned: response rates per dose level keep their CIs and have no arm; the doses, the
    DLT count and "not reached" of the MTD are no values."""
    assert rows_of(nlp, PHASE1, CI_ROW) == [
        ("ORR", "rate", 76.3, 69.5, 82.2, None),
        ("ORR", "rate", 79.2, 67.2, 88.5, None),
        ("ORR", "rate", 76.9, 63.2, 87.5, None),
        ("ORR", "rate", 72.7, 58.6, 83.9, None),
        ("AE_G3", "incidence", 52.4, None, None, None),
    ]
