"""Held-out round 17 (b): monarcHER, CONTROL, VELVET, HannaH, BETH, NSABP B-47 and GeparSepto,
written as their journals would print them. BETH (JCO style) found two gaps: "19% of patients who
received bevacizumab versus 4% of those who did not" gave 4% to the bevacizumab arm (the group
without the drug is the other arm), and "At a median follow-up of 38 months, IDFS events occurred
in 8%" read the follow-up time as a landmark, so a share of events became an IDFS rate. The
other abstracts were already read right; their key values are pinned here."""

from __future__ import annotations

from extract_helpers import extract_text, rows_of

# --- BETH (JCO 2017): the group "who did not" receive the drug ------------------------------------

BEV = "bevacizumab+docetaxel+trastuzumab"
DT = "docetaxel+trastuzumab"
BEV_DESIGN = (
    "Bevacizumab added to docetaxel and trastuzumab\n\n"
    "Patients were randomly assigned to docetaxel plus trastuzumab with or without bevacizumab. "
)


def test_those_who_did_not_are_the_arm_without_the_drug(nlp):
    """ "19% of patients who received bevacizumab versus 4% of those who did not": 4% is the
    other arm's, and so is the second value of the bare pair after it."""
    text = BEV_DESIGN + (
        "Grade 3 or worse hypertension occurred in 19% of patients who received bevacizumab "
        "versus 4% of those who did not, and congestive heart failure in 2% versus 1%."
    )
    assert rows_of(nlp, text, ("endpoint", "value", "arm")) == [
        ("AE_G3", 19.0, BEV),
        ("AE_G3", 4.0, DT),
        ("AE_G3", 2.0, BEV),
        ("AE_G3", 1.0, DT),
    ]


def test_patients_not_receiving_it_are_the_arm_without_the_drug(nlp):
    text = BEV_DESIGN + (
        "Hypertension occurred in 19% of patients receiving bevacizumab compared with 4% of "
        "patients not receiving it. Neutropenia occurred in 9% of patients who received "
        "bevacizumab versus 3% of those who did not receive it."
    )
    assert [r[2] for r in rows_of(nlp, text)] == [19.0, 4.0, 9.0, 3.0]
    assert [r[6] for r in rows_of(nlp, text)] == [BEV, DT, BEV, DT]


def test_those_who_did_not_respond_are_no_arm_without_the_drug(nlp):
    """Negative: "of patients who did not respond" is a subgroup by outcome, not the group
    that did not receive the drug."""
    text = BEV_DESIGN + (
        "Neutropenia occurred in 9% of patients receiving bevacizumab versus 2% of patients "
        "who did not respond."
    )
    assert DT not in [r[6] for r in rows_of(nlp, text)]


BETH = (
    "Adjuvant Bevacizumab Added to Chemotherapy and Trastuzumab in HER2-Positive Early Breast "
    "Cancer: Final Results of the BETH Trial\n\n"
    "PATIENTS AND METHODS\nBETH was an open-label, randomized phase III trial in patients with "
    "node-positive or high-risk node-negative HER2-positive early breast cancer. In cohort 1, "
    "patients received six cycles of docetaxel, carboplatin, and trastuzumab (TCH) with or "
    "without bevacizumab. In cohort 2, patients received three cycles of docetaxel plus "
    "trastuzumab followed by three cycles of fluorouracil, epirubicin, and cyclophosphamide "
    "(FEC), with or without bevacizumab. The primary end point was invasive disease-free "
    "survival (IDFS).\n\n"
    "RESULTS\nA total of 3,509 patients were enrolled. At a median follow-up of 38 months, IDFS "
    "events occurred in 8% of patients in both the chemotherapy-trastuzumab arm and the "
    "bevacizumab arm (hazard ratio, 0.99; 95% CI, 0.79 to 1.25; P = .96). Overall survival did "
    "not differ (hazard ratio, 1.08; 95% CI, 0.77 to 1.52; P = .63)."
)


def test_follow_up_time_dates_no_share_of_events(nlp):
    """ "At a median follow-up of 38 months, IDFS events occurred in 8%": the follow-up time is
    no landmark, so the share of patients with an event is no IDFS rate; the ratios stay."""
    assert [r[:6] for r in rows_of(nlp, BETH)] == [
        ("IDFS", "HR", 0.99, 0.79, 1.25, "0.96"),
        ("OS", "HR", 1.08, 0.77, 1.52, "0.63"),
    ]


def test_landmark_after_a_follow_up_phrase_still_dates_the_rate(nlp):
    """Negative: a landmark of its own ("5-year", "at 36 months") after the follow-up phrase
    still makes the value a rate."""
    text = (
        "Trastuzumab with adjuvant chemotherapy\n\n"
        "Patients were randomly assigned to chemotherapy with or without trastuzumab. After a "
        "median follow-up of 46 months, the estimated 5-year IDFS was 89.8% with chemotherapy "
        "plus trastuzumab and 89.2% with chemotherapy alone. At a median follow-up of 5 years, "
        "OS at 36 months was 96.0%."
    )
    assert [r[2] for r in rows_of(nlp, text) if r[1] == "rate"] == [89.8, 89.2, 96.0]


# --- NSABP B-47 (JCO 2020) -----------------------------------------------------------------------

B47 = (
    "NSABP B-47/NRG Oncology Phase III Randomized Trial Comparing Adjuvant Chemotherapy With or "
    "Without Trastuzumab in High-Risk Invasive Breast Cancer Negative for HER2 by FISH and With "
    "IHC 1+ or 2+\n\n"
    "METHODS\nWomen with node-positive or high-risk node-negative breast cancer that was IHC 1+ "
    "or 2+ and not amplified by in situ hybridization were randomly assigned to chemotherapy "
    "(docetaxel plus cyclophosphamide for six cycles or doxorubicin plus cyclophosphamide "
    "followed by weekly paclitaxel) with or without trastuzumab for 1 year. The primary end "
    "point was IDFS.\n\n"
    "RESULTS\nOf 3,270 patients randomly assigned, 1,634 received chemotherapy plus trastuzumab "
    "and 1,636 received chemotherapy alone. After a median follow-up of 46 months, the "
    "estimated 5-year IDFS was 89.8% with chemotherapy plus trastuzumab and 89.2% with "
    "chemotherapy alone (hazard ratio, 0.98; 95% CI, 0.76 to 1.25; P = .85). The 5-year overall "
    "survival was 94.8% versus 96.3% (hazard ratio, 1.33; 95% CI, 0.90 to 1.96; P = .14)."
)


def test_b47_key_values(nlp):
    rows = rows_of(nlp, B47)
    assert rows[:3] == [
        ("IDFS", "rate", 89.8, None, None, None, "trastuzumab"),
        ("IDFS", "rate", 89.2, None, None, None, None),
        ("IDFS", "HR", 0.98, 0.76, 1.25, "0.85", None),
    ]
    assert ("OS", "HR", 1.33, 0.9, 1.96, "0.14", None) in rows
    assert [r[2] for r in rows if r[:2] == ("OS", "rate")] == [94.8, 96.3]


# --- monarcHER (Lancet Oncol 2020) ---------------------------------------------------------------

MONARCHER = (
    "Abemaciclib plus trastuzumab with or without fulvestrant versus trastuzumab plus "
    "standard-of-care chemotherapy in women with hormone receptor-positive, HER2-positive "
    "advanced breast cancer (monarcHER): a randomised, open-label, phase 2 trial\n\n"
    "Methods\nPatients were randomly assigned (1:1:1) to receive abemaciclib 150 mg orally twice "
    "daily plus trastuzumab and fulvestrant (group A), abemaciclib plus trastuzumab (group B), "
    "or trastuzumab plus standard-of-care single-agent chemotherapy of physician's choice "
    "(group C). The primary endpoint was investigator-assessed progression-free survival.\n"
    "Findings\nMedian progression-free survival was 8·3 months (95% CI 5·9–12·6) in group A "
    "versus 5·7 months (5·4–7·0) in group C (hazard ratio [HR] 0·67 [95% CI 0·45–1·00]; "
    "p=0·051). Median progression-free survival in group B was 5·7 months (4·2–7·2), which did "
    "not differ from group C (HR 0·94 [0·64–1·38]; p=0·77). An objective response was achieved "
    "by 26 (33%) of 79 patients in group A, 11 (14%) in group B, and 11 (14%) in group C."
)


def test_monarcher_lettered_groups_keep_their_arms(nlp):
    rows = rows_of(nlp, MONARCHER)
    a, b = "abemaciclib+fulvestrant+trastuzumab", "abemaciclib+trastuzumab"
    assert rows == [
        ("PFS", "median", 8.3, 5.9, 12.6, None, a),
        ("PFS", "median", 5.7, 5.4, 7.0, None, "physician's choice"),
        ("PFS", "HR", 0.67, 0.45, 1.0, "0.051", None),
        ("PFS", "median", 5.7, 4.2, 7.2, None, b),
        ("PFS", "HR", 0.94, 0.64, 1.38, "0.77", None),
        ("ORR", "rate", 33.0, None, None, None, a),
        ("ORR", "rate", 14.0, None, None, None, b),
        ("ORR", "rate", 14.0, None, None, None, "physician's choice"),
    ]


# --- GeparSepto (Lancet Oncol 2016) --------------------------------------------------------------

GEPARSEPTO = (
    "Nab-paclitaxel versus solvent-based paclitaxel in neoadjuvant chemotherapy for early breast "
    "cancer (GeparSepto-GBG 69): a randomised, phase 3 trial\n\n"
    "Methods\nPatients were randomly assigned (1:1) to receive either nab-paclitaxel 150 mg/m² "
    "or solvent-based paclitaxel 80 mg/m² weekly for 12 weeks, followed by four cycles of "
    "epirubicin 90 mg/m² plus cyclophosphamide 600 mg/m² every 3 weeks. Patients with "
    "HER2-positive tumours received trastuzumab and pertuzumab every 3 weeks concurrently with "
    "the taxane.\nFindings\nPathological complete response was achieved by 233 (38%) patients "
    "in the nab-paclitaxel group and 174 (29%) in the paclitaxel group (odds ratio 1·53 [95% CI "
    "1·20–1·95]; p=0·00065). Grade 3–4 peripheral sensory neuropathy was more frequent with "
    "nab-paclitaxel than with paclitaxel (10% vs 3%; p<0·0001)."
)


def test_geparsepto_taxane_groups_keep_their_arms(nlp):
    nab, pac = (
        "cyclophosphamide+epirubicin+nab-paclitaxel",
        "cyclophosphamide+epirubicin+paclitaxel",
    )
    assert rows_of(nlp, GEPARSEPTO) == [
        ("pCR", "rate", 38.0, None, None, None, nab),
        ("pCR", "rate", 29.0, None, None, None, pac),
        ("pCR", "OR", 1.53, 1.2, 1.95, "0.00065", None),
        ("AE_G3", "incidence", 10.0, None, None, "<0.0001", nab),
        ("AE_G3", "incidence", 3.0, None, None, "<0.0001", pac),
    ]


# --- HannaH (Lancet Oncol 2012) ------------------------------------------------------------------

HANNAH = (
    "Subcutaneous versus intravenous administration of (neo)adjuvant trastuzumab in patients "
    "with HER2-positive, clinical stage I-III breast cancer (HannaH study): a phase 3, "
    "open-label, multicentre, randomised trial\n\n"
    "Findings\n596 patients were randomly assigned (299 to intravenous and 297 to subcutaneous "
    "trastuzumab). The geometric mean Ctrough was 51·8 μg/mL (SD 30·3) in the intravenous group "
    "and 69·0 μg/mL (35·1) in the subcutaneous group (geometric mean ratio 1·33, 90% CI "
    "1·24–1·44). A pathological complete response was achieved by 107 (40·7%) of 263 patients "
    "in the intravenous group and 118 (45·4%) of 260 patients in the subcutaneous group "
    "(difference 4·7%, 95% CI –4·0 to 13·4). Grade 3–5 adverse events occurred in 155 (52%) of "
    "298 patients in the intravenous group and 154 (52%) of 297 patients in the subcutaneous "
    "group."
)


def test_hannah_reads_rates_and_no_concentrations(nlp):
    """Trough concentrations, their ratio and the difference in pCR are no outcomes."""
    ex = extract_text(nlp, HANNAH)
    assert ex.trials == ["HannaH"]
    assert [r[:3] for r in rows_of(nlp, HANNAH)] == [
        ("pCR", "rate", 40.7),
        ("pCR", "rate", 45.4),
        ("AE_G3", "incidence", 52.0),
        ("AE_G3", "incidence", 52.0),
    ]


# --- VELVET (Breast Cancer Res 2016) -------------------------------------------------------------

VELVET = (
    "Pertuzumab, trastuzumab, and vinorelbine as first-line therapy for HER2-positive locally "
    "advanced or metastatic breast cancer: results from the phase II VELVET study\n\n"
    "Methods\nPatients received pertuzumab (840 mg loading dose, then 420 mg) and trastuzumab "
    "(8 mg/kg loading, then 6 mg/kg) every 3 weeks plus vinorelbine (25 mg/m² on days 1 and "
    "8). In cohort 1, pertuzumab and trastuzumab were given as sequential infusions; in cohort "
    "2, they were co-administered in a single infusion bag.\n"
    "Results\nIn total, 213 patients were treated (cohort 1, n = 106; cohort 2, n = 107). The "
    "ORR was 74.2% (95% CI 65.5-81.7) in cohort 1 and 63.7% (95% CI 54.6-72.2) in cohort 2. "
    "Median progression-free survival was 14.3 months (95% CI 11.2-17.5) in cohort 1 and 11.5 "
    "months (95% CI 9.1-14.0) in cohort 2."
)


def test_velvet_cohort_values_and_their_cis(nlp):
    """Cohort numbers and sizes are no values; the cohorts share one regimen (arm null)."""
    assert rows_of(nlp, VELVET) == [
        ("ORR", "rate", 74.2, 65.5, 81.7, None, None),
        ("ORR", "rate", 63.7, 54.6, 72.2, None, None),
        ("PFS", "median", 14.3, 11.2, 17.5, None, None),
        ("PFS", "median", 11.5, 9.1, 14.0, None, None),
    ]


# --- CONTROL (Ann Oncol 2021) --------------------------------------------------------------------

CONTROL = (
    "Improved tolerability of neratinib in patients with HER2-positive early-stage breast "
    "cancer: the CONTROL trial\n\n"
    "Patients and methods: Patients received neratinib 240 mg/day for 1 year with loperamide "
    "prophylaxis (cohort L), loperamide plus budesonide (cohort BL), loperamide plus colestipol "
    "(cohort CL), or neratinib dose escalation with as-needed loperamide (cohort DE). The "
    "primary endpoint was the incidence of grade 3 or higher diarrhoea.\n"
    "Results: Grade 3 diarrhoea occurred in 31% of patients in cohort L, 28% in cohort BL, 21% "
    "in cohort CL and 13% in cohort DE."
)


def test_control_prophylaxis_cohorts_are_the_neratinib_arm(nlp):
    """Supportive-care drugs are drugs of the abstract but never part of an arm."""
    ex = extract_text(nlp, CONTROL)
    assert ex.drugs == ["budesonide", "colestipol", "loperamide", "neratinib"]
    assert rows_of(nlp, CONTROL, ("endpoint", "value", "arm")) == [
        ("AE_G3", 31.0, "neratinib"),
        ("AE_G3", 28.0, "neratinib"),
        ("AE_G3", 21.0, "neratinib"),
        ("AE_G3", 13.0, "neratinib"),
    ]
