"""Held-out round 18 (a): APT, the MD Anderson neoadjuvant trial (Buzdar 2005), PAMELA, PATRICIA,
PACS 04, TDM4258g and TOUCH written anew. Found: a later randomisation sentence that restates the
title's "A versus B" dropped its "(arm A)"/"(arm B)" labels (TOUCH's values had no arm); "in
cohort B1" named no arm (PATRICIA); "or to the same chemotherapy with simultaneous weekly
trastuzumab" defined no second arm, so the compared pCR rates had no arm and no P, and "the
chemotherapy group" named none (Buzdar); "a decrease in cardiac ejection fraction" was no adverse
event; "the PACS 04 trial", "the phase II SOLTI-1303 PATRICIA trial" and "this single-arm phase
II study (TDM4258g)" named no trial."""

from __future__ import annotations

import pytest
from extract_helpers import arm_of, extract_text, registry_of, row_with, rows_of, trials_in

# --- TOUCH: a restating design sentence labels the title's arms ------------------------------

PTP = "paclitaxel+pertuzumab+trastuzumab"
PLTP = "letrozole+palbociclib+pertuzumab+trastuzumab"
TOUCH = (
    "Palbociclib, letrozole, trastuzumab and pertuzumab versus paclitaxel, trastuzumab and "
    "pertuzumab as neoadjuvant therapy in older patients with HER2-positive, hormone "
    "receptor-positive early breast cancer: the randomized phase II TOUCH trial (IBCSG 55-17)\n\n"
    "Background: Older patients are at risk of chemotherapy-related toxicity. TOUCH evaluated a "
    "chemotherapy-free neoadjuvant regimen in patients aged 65 years or older.\n\n"
    "Methods: Patients were randomized 1:1 to weekly paclitaxel 80 mg/m2 for 12 weeks plus "
    "trastuzumab and pertuzumab every 3 weeks (arm A) or palbociclib 125 mg daily on days 1-21 "
    "plus letrozole 2.5 mg daily with trastuzumab and pertuzumab for 16 weeks (arm B). The "
    "primary end point was pathological complete response (pCR; ypT0/is ypN0).\n\n"
    "Results: Of 144 randomized patients, 142 were evaluable. The pCR rate was 29.6% in arm A and "
    "18.3% in arm B (P = .12). Grade 3 or higher adverse events occurred in 42.3% of patients in "
    "arm A versus 31.0% in arm B. Neutropenia was the most frequent grade 3 or higher event with "
    "palbociclib (26.8%), and peripheral neuropathy with paclitaxel (4.2%).\n\n"
    "Conclusions: A chemotherapy-free regimen was feasible and active in older patients."
)


def test_restating_design_sentence_labels_the_title_arms(nlp):
    """The title's "A versus B" defines the arms; "randomized to B (arm A) or A (arm B)" restates
    them, and its letters name them: "in arm A" is the paclitaxel arm."""
    rows = rows_of(nlp, TOUCH)
    assert row_with(rows, 29.6)[5:] == ("0.12", PTP)
    assert row_with(rows, 18.3)[5:] == ("0.12", PLTP)
    assert arm_of(rows, 42.3) == PTP
    assert arm_of(rows, 31.0) == PLTP


def test_restating_design_sentence_with_counts_adds_no_label(nlp):
    """Negative: a restating sentence whose brackets hold counts ("(n = 72)") labels nothing."""
    text = (
        "Palbociclib and letrozole versus paclitaxel, each with trastuzumab\n\n"
        "Patients were randomized to palbociclib and letrozole plus trastuzumab (n = 72) or "
        "paclitaxel plus trastuzumab (n = 70)."
    )
    reg = registry_of(nlp, text)
    assert len(reg.arms) == 2
    assert all(not a.labels for a in reg.arms)


def test_touch_key_values_pinned(nlp):
    """Values that were already right: the trial names, and values named by their drug."""
    rows = rows_of(nlp, TOUCH)
    assert sorted(set(trials_in(TOUCH))) == ["IBCSG 55-17", "TOUCH"]
    assert row_with(rows, 26.8)[0:2] == ("AE_G3", "incidence")
    assert arm_of(rows, 26.8) == PLTP
    assert arm_of(rows, 4.2) == PTP


# --- PATRICIA: "cohort B1" / "cohort B2" -------------------------------------------------------

PT = "palbociclib+trastuzumab"
PATRICIA = (
    "Palbociclib and trastuzumab in HER2-positive advanced breast cancer: results from the "
    "phase II SOLTI-1303 PATRICIA trial\n\n"
    "Purpose: PATRICIA evaluated palbociclib plus trastuzumab with or without letrozole in "
    "patients with pretreated HER2-positive advanced breast cancer.\n\n"
    "Patients and Methods: In this open-label, phase II study, patients with HER2-positive "
    "advanced breast cancer who had received 2 to 4 prior lines of anti-HER2 therapy received "
    "palbociclib 200 mg daily for 2 weeks of each 3-week cycle plus trastuzumab. Patients with "
    "estrogen receptor (ER)-negative disease formed cohort A; patients with ER-positive disease "
    "were randomly assigned to palbociclib plus trastuzumab (cohort B1) or palbociclib plus "
    "trastuzumab plus letrozole (cohort B2). The primary end point was the progression-free "
    "survival (PFS) rate at 6 months.\n\n"
    "Results: A total of 71 patients were enrolled. The 6-month PFS rates were 33.3% in cohort "
    "A, 42.8% in cohort B1, and 46.4% in cohort B2. Median PFS was 4.2 months in cohort A, 5.4 "
    "months in cohort B1 and 7.4 months in cohort B2. Patients with PAM50 luminal tumours had "
    "longer PFS than those with nonluminal tumours (median, 10.6 vs. 4.2 months; hazard ratio, "
    "0.40; 95% CI, 0.21-0.77; P = 0.003). The most common grade 3 or 4 adverse events were "
    "neutropenia (66.2%) and thrombocytopenia (11.3%)."
)


def test_letter_and_digit_cohort_labels_name_their_arms(nlp):
    """ "(cohort B1)" / "(cohort B2)" label the design's arms, and "in cohort B1" names one."""
    rows = rows_of(nlp, PATRICIA)
    assert arm_of(rows, 42.8) == PT
    assert arm_of(rows, 46.4) == "letrozole+" + PT
    assert arm_of(rows, 5.4) == PT
    assert arm_of(rows, 7.4) == "letrozole+" + PT


def test_cohort_the_design_did_not_define_names_no_arm(nlp):
    """Negative: cohort A (ER-negative, not randomised) is no design arm: its values have none,
    and "cohort B1" never reads as a bare "cohort B"."""
    rows = rows_of(nlp, PATRICIA)
    assert arm_of(rows, 33.3) is None
    text = (
        "Palbociclib with trastuzumab\n\n"
        "Patients were randomly assigned to palbociclib plus trastuzumab (cohort A) or "
        "palbociclib plus trastuzumab plus letrozole (cohort B). The 6-month PFS rate was 40.0% "
        "in cohort B1."
    )
    assert arm_of(rows_of(nlp, text), 40.0) is None


def test_patricia_key_values_pinned(nlp):
    """Values that were already right: the luminal subgroup comparison has no arm. Round 77b:
    its ratio compares patients by tumour subtype, a prognostic factor, so it is no outcome."""
    rows = rows_of(nlp, PATRICIA)
    assert row_with(rows, 10.6)[0:2] == ("PFS", "median")
    assert arm_of(rows, 10.6) is None
    assert [r for r in rows if r[1] == "HR"] == []
    assert row_with(rows, 66.2)[0] == "AE_G3"


# --- Buzdar 2005 (MD Anderson): "the same chemotherapy with simultaneous trastuzumab" ------------

CHEMO = "cyclophosphamide+epirubicin+fluorouracil+paclitaxel"
BUZDAR = (
    "Significantly Higher Pathologic Complete Remission Rate After Neoadjuvant Therapy With "
    "Trastuzumab, Paclitaxel, and Epirubicin Chemotherapy: Results of a Randomized Trial in "
    "Human Epidermal Growth Factor Receptor 2-Positive Operable Breast Cancer\n\n"
    "Purpose\nTo determine whether the addition of trastuzumab to neoadjuvant chemotherapy "
    "increases the pathologic complete response (pCR) rate in patients with HER2-positive "
    "operable breast cancer.\n\n"
    "Patients and Methods\nPatients with HER2-positive disease were randomly assigned to four "
    "cycles of paclitaxel followed by four cycles of fluorouracil, epirubicin, and "
    "cyclophosphamide (FEC-75) or to the same chemotherapy with simultaneous weekly trastuzumab "
    "for 24 weeks. The planned sample size was 164 patients. The primary end point was pCR.\n\n"
    "Results\nThe data monitoring committee stopped the trial after 34 patients had completed "
    "therapy because of superiority of trastuzumab plus chemotherapy. pCR rates were 25% and "
    "66.7% for chemotherapy and trastuzumab plus chemotherapy, respectively (P = .02). No "
    "patient had clinical congestive heart failure. A decrease in cardiac ejection fraction of "
    "more than 10% was observed in five patients (26.3%) in the trastuzumab group and in five "
    "patients (31.3%) in the chemotherapy group.\n\n"
    "Conclusion\nThe addition of trastuzumab to chemotherapy significantly increased pCR without "
    "clinical congestive heart failure."
)


def test_same_chemotherapy_with_simultaneous_drug_is_the_second_arm(nlp):
    """ "A followed by B, or to the same chemotherapy with simultaneous weekly C": two arms,
    A+B and A+B+C; the compared pCR rates take them and share their P."""
    rows = rows_of(nlp, BUZDAR)
    assert row_with(rows, 25.0)[5:] == ("0.02", CHEMO)
    assert row_with(rows, 66.7)[5:] == ("0.02", CHEMO + "+trastuzumab")


def test_decrease_in_ejection_fraction_is_an_adverse_event(nlp):
    """ "A decrease in cardiac ejection fraction of more than 10% was observed in five patients
    (26.3%)": an adverse event; the cut-off after "more than" is no value."""
    rows = rows_of(nlp, BUZDAR)
    assert row_with(rows, 26.3)[0:2] == ("AE", "incidence")
    assert arm_of(rows, 26.3) == CHEMO + "+trastuzumab"
    assert not any(r[2] == 10.0 for r in rows)


def test_chemotherapy_group_is_the_arm_of_chemotherapy_only(nlp):
    """ "in the chemotherapy group": the one arm whose every drug is chemotherapy."""
    assert arm_of(rows_of(nlp, BUZDAR), 31.3) == CHEMO


def test_chemotherapy_group_without_a_chemotherapy_only_arm_names_none(nlp):
    """Negative: when every arm adds an anti-HER2 drug to the chemotherapy, "the chemotherapy
    group" names no arm."""
    text = (
        "Lapatinib or trastuzumab with docetaxel\n\n"
        "Patients were randomly assigned to docetaxel plus trastuzumab or docetaxel plus "
        "lapatinib. The pCR rate was 40.0% in the chemotherapy group."
    )
    reg = registry_of(nlp, text)
    assert reg.by_label("chemotherapy") is None
    assert arm_of(rows_of(nlp, text), 40.0) is None


# --- Trial names: "the PACS 04 trial", "SOLTI-1303 PATRICIA", "study (TDM4258g)" ---------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The PACS 04 trial evaluated sequential trastuzumab.", ["PACS 04"]),
        ("Results of the phase II SOLTI-1303 PATRICIA trial.", ["SOLTI-1303", "PATRICIA"]),
        ("In the IBCSG 55-17 TOUCH trial, patients were older.", ["IBCSG 55-17", "TOUCH"]),
        ("This single-arm phase II study (TDM4258g) evaluated T-DM1.", ["TDM4258g"]),
        ("In a randomised phase 3 trial (ZENITH), T-DM1 was given.", ["ZENITH"]),
    ],
)
def test_names_near_a_design_noun_are_trials(text, names):
    """A name with its number, a name after a group's numbered id and a bracketed protocol number
    or name in capitals right after "trial"/"study" are trial names."""
    assert trials_in(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "The TNM 8 staging was used in this trial.",
        "In the phase 3 trial (n = 120), patients were treated.",
        "The trial (HER2-positive) enrolled women.",
        "Response was assessed in this study (RECIST).",
        "The phase 2 study (ABC) enrolled women.",
        "This study (PRO) measured quality of life.",
    ],
)
def test_other_words_near_a_design_noun_are_no_trials(text):
    """Negative: counts, lower-case words, common acronyms and short codes are no trial names."""
    assert trials_in(text) == []


def test_group_trial_number_alone_stays_one_trial():
    """Negative: "the NSABP B-31 trial" is one name; its number is not read as a second name."""
    assert trials_in("In the NSABP B-31 trial, trastuzumab was given.") == ["NSABP B-31"]


# --- Already right: APT, PACS 04, TDM4258g, PAMELA --------------------------------------------

APT = (
    "Adjuvant Paclitaxel and Trastuzumab for Node-Negative, HER2-Positive Breast Cancer\n\n"
    "METHODS\nWe conducted an uncontrolled, single-group, multicenter, investigator-initiated "
    "study of paclitaxel and trastuzumab in patients with node-negative, HER2-positive breast "
    "cancer with tumors measuring up to 3 cm in greatest dimension. Patients received weekly "
    "treatment with paclitaxel (at a dose of 80 mg per square meter of body-surface area) and "
    "trastuzumab for 12 weeks, followed by 9 months of trastuzumab monotherapy. The primary end "
    "point was survival free from invasive disease.\n\n"
    "RESULTS\nA total of 406 patients were enrolled. After a median follow-up of 4.0 years, there "
    "were 12 episodes of recurrence or death. The 3-year rate of survival free from invasive "
    "disease was 98.7% (95% confidence interval [CI], 97.6 to 99.8). Grade 3 neuropathy "
    "occurred in 3.2% of the patients. A total of 2 patients (0.5%) had symptomatic congestive "
    "heart failure.\n\n"
    "CONCLUSIONS\nAdjuvant paclitaxel plus trastuzumab was associated with a risk of early "
    "recurrence of about 2%. (Funded by Genentech; APT ClinicalTrials.gov number, NCT00542451.)"
)


def test_apt_key_values_pinned(nlp):
    """A single-group study: its values have no arm; the 3-year IDFS rate keeps its CI."""
    rows = rows_of(nlp, APT)
    assert row_with(rows, 98.7) == ("IDFS", "rate", 98.7, 97.6, 99.8, None, None)
    assert row_with(rows, 3.2)[0:2] == ("AE_G3", "incidence")
    assert row_with(rows, 0.5)[0] == "AE"
    assert not any(r[2] in (4.0, 12.0, 2.0) for r in rows)
    assert sorted(set(trials_in(APT))) == ["APT", "NCT00542451"]


PACS04 = (
    "Trastuzumab for Patients With Axillary-Node-Positive Breast Cancer: Results of the "
    "FNCLCC-PACS 04 Trial\n\n"
    "Purpose\nThe PACS 04 trial evaluated the efficacy of sequential trastuzumab after adjuvant "
    "chemotherapy in patients with node-positive breast cancer.\n\n"
    "Patients and Methods\nPatients with operable node-positive breast cancer were randomly "
    "assigned to six cycles of fluorouracil, epirubicin, and cyclophosphamide (FEC100) or "
    "epirubicin plus docetaxel (ED). Patients with HER2-positive tumors were further randomly "
    "assigned to 1 year of trastuzumab (6 mg/kg every 3 weeks) or observation. The primary end "
    "point was disease-free survival (DFS).\n\n"
    "Results\nOf 3,010 randomly assigned patients, 528 had HER2-positive tumors: 260 were "
    "assigned to trastuzumab and 268 to observation. After a median follow-up of 47 months, the "
    "3-year DFS rates were 81% in the trastuzumab arm and 78% in the observation arm (hazard "
    "ratio, 0.86; 95% CI, 0.61 to 1.22; P = .41). Cardiac dysfunction occurred in 4.2% of "
    "patients in the trastuzumab arm."
)


def test_pacs04_key_values_pinned(nlp):
    """The observation arm's rate has arm null; the P belongs to the hazard ratio."""
    rows = rows_of(nlp, PACS04)
    assert row_with(rows, 81.0)[0:2] == ("DFS", "rate")
    assert arm_of(rows, 81.0) == "trastuzumab"
    assert arm_of(rows, 78.0) is None
    assert row_with(rows, 0.86) == ("DFS", "HR", 0.86, 0.61, 1.22, "0.41", None)
    assert arm_of(rows, 4.2) == "trastuzumab"


TDM4258G = (
    "Phase II Study of the Antibody Drug Conjugate Trastuzumab-DM1 for the Treatment of HER2-"
    "Positive Breast Cancer After Prior HER2-Directed Therapy\n\n"
    "Purpose\nThis single-arm phase II study (TDM4258g) evaluated the efficacy and safety of "
    "T-DM1 in patients with HER2-positive metastatic breast cancer whose disease had progressed "
    "during HER2-directed therapy.\n\n"
    "Patients and Methods\nPatients received T-DM1 3.6 mg/kg intravenously every 3 weeks. The "
    "primary end points were objective response rate (ORR) by independent review and safety.\n\n"
    "Results\nA total of 112 patients were treated. The ORR by independent assessment was 25.9% "
    "(95% CI, 18.4% to 34.4%). The median duration of response was not reached (95% CI, 6.2 "
    "months to not estimable), and the median progression-free survival was 4.6 months (95% CI, "
    "3.9 to 8.6 months). The most common grade 3 or higher adverse events were hypokalemia "
    "(8.9%), thrombocytopenia (8.0%), and fatigue (4.5%)."
)


def test_tdm4258g_key_values_pinned(nlp):
    """Single-arm values: ORR with its CI, a DOR not reached with its lower bound, PFS."""
    rows = rows_of(nlp, TDM4258G)
    assert row_with(rows, 25.9) == ("ORR", "rate", 25.9, 18.4, 34.4, None, None)
    dor = next(r for r in rows if r[0] == "DOR")
    assert dor[1:5] == ("median", None, 6.2, None)
    assert row_with(rows, 4.6) == ("PFS", "median", 4.6, 3.9, 8.6, None, None)
    assert [r[0] for r in rows if r[2] in (8.9, 8.0, 4.5)] == ["AE_G3"] * 3


PAMELA = (
    "HER2-enriched subtype as a predictor of pathological complete response following "
    "trastuzumab and lapatinib without chemotherapy in early-stage HER2-positive breast cancer "
    "(PAMELA): an open-label, single-group, multicentre, phase 2 trial\n\n"
    "Methods\nIn this open-label, single-group, phase 2 trial, women with previously untreated "
    "stage I–IIIA HER2-positive breast cancer received oral lapatinib 1000 mg daily plus "
    "intravenous trastuzumab (8 mg/kg loading dose, then 6 mg/kg) every 3 weeks for 18 weeks. "
    "Patients with hormone receptor-positive tumours also received letrozole 2·5 mg per day or "
    "tamoxifen 20 mg per day according to menopausal status.\n\n"
    "Findings\nBetween Oct 25, 2013, and Nov 4, 2015, 151 patients were enrolled. 101 (67%) of "
    "151 tumours were HER2-enriched. Pathological complete response in the breast was achieved "
    "in 41 (30%; 95% CI 23–38) of 137 patients in the per-protocol population. The HER2-enriched "
    "subtype predicted pathological complete response: 41% of patients with HER2-enriched "
    "tumours versus 10% of those with non-HER2-enriched tumours achieved a pathological complete "
    "response (odds ratio 6·05, 95% CI 2·45–14·95; p=0·0001). The most common grade 3 adverse "
    "events were diarrhoea (7%) and increased alanine aminotransferase (3%)."
)


def test_pamela_key_values_pinned(nlp):
    """Single-group values without arms; the share of HER2-enriched tumours is no value; the
    odds ratio keeps its Lancet CI and P."""
    rows = rows_of(nlp, PAMELA)
    assert row_with(rows, 30.0) == ("pCR", "rate", 30.0, 23.0, 38.0, None, None)
    assert not any(r[2] == 67.0 for r in rows)
    assert row_with(rows, 6.05) == ("pCR", "OR", 6.05, 2.45, 14.95, "0.0001", None)
    assert [r[6] for r in rows] == [None] * len(rows)
    assert "PAMELA" in trials_in(PAMELA)


def test_trial_names_of_the_round_abstracts(nlp):
    """The trials of the whole abstracts, as the pipeline lists them."""
    for text, names in ((PACS04, ["PACS 04"]), (TDM4258G, ["TDM4258g"]),
                        (PATRICIA, ["PATRICIA", "SOLTI-1303"])):  # fmt: skip
        assert extract_text(nlp, text).trials == names
