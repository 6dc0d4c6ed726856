"""Held-out round 22 (a): a partner given with every labelled cohort, a third cohort outside the
randomisation, and a trial the lexicon lacked. BERENICE (Swain 2018): "ddAC ... followed by
weekly paclitaxel (cohort A), or FEC ... followed by docetaxel (cohort B), with pertuzumab and
trastuzumab given from the start of the taxane" read pertuzumab and trastuzumab as a third arm,
so each cohort's pCR rate lost them. PerELISA (Guarneri 2019) was no known trial. PERTAIN,
eLEcTRA, TBCRC 022, PERMEATE and NSABP B-52 pin what was already right."""

from __future__ import annotations

from extract_helpers import arm_of, extract_text, registry_of, rows_of

# --- BERENICE: a partner after the last cohort's label joins every cohort -------------------

BERENICE = (
    "Cardiac safety of dual anti-HER2 blockade with pertuzumab plus trastuzumab following "
    "anthracycline-based chemotherapy as neoadjuvant therapy for patients with HER2-positive "
    "early breast cancer (BERENICE)\n\n"
    "Background: BERENICE (NCT02132949) was a non-randomized, two-cohort phase II study.\n"
    "Patients and methods: Patients with locally advanced, inflammatory or early HER2-positive "
    "breast cancer received dose-dense doxorubicin and cyclophosphamide (ddAC) for four cycles "
    "followed by weekly paclitaxel for 12 weeks (cohort A), or fluorouracil, epirubicin and "
    "cyclophosphamide (FEC) for four cycles followed by docetaxel for four cycles (cohort B), with "
    "pertuzumab and trastuzumab given from the start of the taxane. The primary end point was the "
    "incidence of New York Heart Association (NYHA) class III/IV heart failure and LVEF decline.\n"
    "Results: Of 401 patients, 199 were treated in cohort A and 202 in cohort B. NYHA class III/IV "
    "heart failure occurred in 1.5% of patients in cohort A and in no patients in cohort B. LVEF "
    "declines of at least 10 percentage points from baseline to below 50% occurred in 11 (6.5%) "
    "patients in cohort A and 4 (2.0%) in cohort B. The total pathological complete response "
    "(ypT0/is ypN0) rate was 61.8% in cohort A and 60.7% in cohort B.\n"
    "Conclusions: Both regimens had a favourable cardiac safety profile."
)
DDAC_P = "cyclophosphamide+doxorubicin+paclitaxel+pertuzumab+trastuzumab"
FEC_D = "cyclophosphamide+docetaxel+epirubicin+fluorouracil+pertuzumab+trastuzumab"


def test_partner_after_last_label_joins_every_cohort(nlp):
    """ "A (cohort A), or B (cohort B), with C given from ...": the label closes B, so C is
    given in both cohorts and is no third arm."""
    assert [a.name for a in registry_of(nlp, BERENICE).arms] == [DDAC_P, FEC_D]


def test_cohort_values_carry_the_shared_partner(nlp):
    rows = rows_of(nlp, BERENICE)
    assert arm_of(rows, 61.8) == DDAC_P
    assert arm_of(rows, 60.7) == FEC_D
    assert arm_of(rows, 1.5) == DDAC_P
    assert ("pCR", "rate", 60.7) in [r[:3] for r in rows]


def test_partner_before_the_last_label_stays_that_arms(nlp):
    """Negative: "A (arm A), or B with C (arm B)": C is written inside arm B."""
    text = (
        "Trastuzumab in HER2-positive early breast cancer\n\n"
        "Patients received doxorubicin and cyclophosphamide followed by paclitaxel (arm A), or "
        "docetaxel with trastuzumab (arm B). The pCR rate was 20% in arm A and 40% in arm B."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [
        "cyclophosphamide+doxorubicin+paclitaxel",
        "docetaxel+trastuzumab",
    ]


def test_with_clause_between_labelled_arms_joins_no_other_arm(nlp):
    """Negative: "A (arm A), with C, or B (arm B)": C follows the first arm only, so the
    partner rule (which needs the clause after the last arm) leaves arm B alone."""
    text = (
        "Lapatinib in HER2-positive metastatic breast cancer\n\n"
        "Patients were randomly assigned to paclitaxel (arm A), with lapatinib, or docetaxel "
        "(arm B). Median PFS was 8.0 months in arm A and 6.0 months in arm B."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert "docetaxel" in names
    assert not any("docetaxel" in n and "lapatinib" in n for n in names)


# --- eLEcTRA: a lettered cohort outside the randomisation -----------------------------------

ELECTRA = (
    "Higher efficacy of letrozole in combination with trastuzumab compared to letrozole "
    "monotherapy as first-line treatment in patients with HER2-positive, hormone-receptor-positive "
    "metastatic breast cancer - results of the eLEcTRA trial\n\n"
    "In the eLEcTRA trial, postmenopausal patients with HER2-positive, hormone receptor-positive "
    "metastatic breast cancer were randomized to letrozole 2.5 mg daily (arm A) or letrozole plus "
    "trastuzumab (arm B). A third cohort of HER2-negative patients received letrozole alone (arm "
    "C). The primary end point was time to progression (TTP). Median TTP was 3.3 months in arm A "
    "and 14.1 months in arm B (HR 0.67, 95% CI 0.35-1.29; p=0.23). The clinical benefit rate was "
    "39% in arm A and 65% in arm B. In arm C, median TTP was 15.2 months."
)


def test_next_letter_in_a_later_design_sentence_is_an_arm(nlp):
    """ "A third cohort ... received letrozole alone (arm C)" after "(arm A) or ... (arm B)":
    the next letter labels one more arm, kept apart from its randomised twin."""
    reg = registry_of(nlp, ELECTRA)
    assert [a.name for a in reg.arms] == ["letrozole", "letrozole+trastuzumab", "letrozole"]
    assert arm_of(rows_of(nlp, ELECTRA), 15.2) == "letrozole"


def test_randomised_lettered_values_stay(nlp):
    rows = rows_of(nlp, ELECTRA)
    assert [r[:3] + r[5:] for r in rows if r[2] in (3.3, 14.1, 0.67, 39.0, 65.0)] == [
        ("TTP", "median", 3.3, None, "letrozole"),
        ("TTP", "median", 14.1, None, "letrozole+trastuzumab"),
        ("TTP", "HR", 0.67, "0.23", None),
        ("CBR", "rate", 39.0, None, "letrozole"),
        ("CBR", "rate", 65.0, None, "letrozole+trastuzumab"),
    ]


def test_letter_out_of_sequence_adds_no_arm(nlp):
    """Negative: "(group E)" after arms A and B is no next arm of the same design (a later
    sentence may name a subgroup or another study's letter)."""
    text = (
        "Trastuzumab with letrozole\n\n"
        "Patients were randomized to letrozole (arm A) or letrozole plus trastuzumab (arm B). "
        "Patients in a separate registry received anastrozole (group E). Median TTP was 3.3 "
        "months in arm A and 14.1 months in arm B."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == ["letrozole", "letrozole+trastuzumab"]


def test_next_letter_in_a_results_sentence_adds_no_arm(nlp):
    """Negative: a sentence with no design verb ("Median TTP with anastrozole (arm C) ...")
    defines no arm."""
    text = (
        "Trastuzumab with letrozole\n\n"
        "Patients were randomized to letrozole (arm A) or letrozole plus trastuzumab (arm B). "
        "Median TTP was 3.3 months in arm A, 14.1 months in arm B and 9.0 months with "
        "anastrozole (arm C)."
    )
    assert len(registry_of(nlp, text).arms) == 2


# --- PerELISA: a trial the lexicon lacked ("the PerELISA neoadjuvant study") ---------------

PERELISA = (
    "De-escalated therapy for HR+/HER2+ breast cancer patients with Ki67 response after "
    "2-week letrozole: results of the PerELISA neoadjuvant study\n\nBackground: PerELISA is "
    "a phase II study of a chemotherapy-free regimen. Patients and methods: Postmenopausal "
    "women received letrozole for 2 weeks; patients with a Ki67 decrease of 20% or more "
    "(molecular responders) then received letrozole plus pertuzumab and trastuzumab for five "
    "cycles, whereas molecular non-responders received weekly paclitaxel plus pertuzumab and "
    "trastuzumab. The primary end point was pCR in molecular responders. Results: Of 61 "
    "patients, 44 (72.1%) were molecular responders. pCR was achieved in 20.5% (95% CI "
    "9.8-35.3) of molecular responders and in 81.3% of molecular non-responders. "
    "Conclusions: Letrozole, pertuzumab and trastuzumab is active in molecular responders."
)


def test_perelisa_is_a_trial(nlp):
    ex = extract_text(nlp, PERELISA)
    assert ex.trials == ["PerELISA"]
    assert ex.drugs == ["letrozole", "paclitaxel", "pertuzumab", "trastuzumab"]
    assert [(o.endpoint, o.value, o.ci_low, o.ci_high) for o in ex.outcomes][0] == (
        "pCR",
        20.5,
        9.8,
        35.3,
    )


# --- Pins: values already right --------------------------------------------------------------

PERTAIN = (
    "Pertuzumab and Trastuzumab Plus an Aromatase Inhibitor With or Without Induction "
    "Chemotherapy in HER2-Positive, Hormone Receptor-Positive Metastatic Breast Cancer "
    "(PERTAIN)\n\nPURPOSE The PERTAIN trial (ClinicalTrials.gov identifier: NCT01491737) "
    "evaluated pertuzumab plus trastuzumab and an aromatase inhibitor (AI) in first-line "
    "HER2-positive, hormone receptor-positive metastatic or locally advanced breast "
    "cancer.\nPATIENTS AND METHODS Patients were randomly assigned 1:1 to pertuzumab plus "
    "trastuzumab plus an AI (anastrozole or letrozole) or trastuzumab plus an AI. Induction "
    "chemotherapy (docetaxel or paclitaxel) could be given for 18 to 24 weeks at the "
    "investigator's discretion. The primary end point was progression-free survival "
    "(PFS).\nRESULTS Of 258 patients randomly assigned, 129 received pertuzumab. Median PFS "
    "was 18.89 months (95% CI, 14.09 to 24.87 months) in the pertuzumab plus trastuzumab arm "
    "and 15.80 months (95% CI, 11.04 to 18.56 months) in the trastuzumab arm (stratified "
    "hazard ratio, 0.65; 95% CI, 0.48 to 0.89; P = .0070). In patients who did not receive "
    "induction chemotherapy, median PFS was 21.72 versus 12.45 months (hazard ratio, 0.55; "
    "95% CI, 0.36 to 0.84). Grade 3 or higher adverse events occurred in 50.4% and 42.2% of "
    "patients, respectively.\nCONCLUSION Pertuzumab plus trastuzumab and an AI is an "
    "effective first-line option."
)


def test_pertain_arms_hr_and_respectively(nlp):
    """JCO style: options in a bracket ("an AI (anastrozole or letrozole)") stay out of the
    arm; "P = .0070" is the HR's; "respectively" maps the grade 3 rates."""
    rows = rows_of(nlp, PERTAIN)
    assert rows[:3] == [
        ("PFS", "median", 18.89, 14.09, 24.87, None, "pertuzumab+trastuzumab"),
        ("PFS", "median", 15.8, 11.04, 18.56, None, "trastuzumab"),
        ("PFS", "HR", 0.65, 0.48, 0.89, "0.0070", None),
    ]
    assert arm_of(rows, 50.4) == "pertuzumab+trastuzumab"
    assert arm_of(rows, 42.2) == "trastuzumab"


TBCRC022 = (
    "TBCRC 022: A Phase II Trial of Neratinib and Capecitabine for Patients With Human "
    "Epidermal Growth Factor Receptor 2-Positive Breast Cancer and Brain "
    "Metastases\n\nPURPOSE We evaluated neratinib plus capecitabine in patients with "
    "HER2-positive breast cancer brain metastases.\nPATIENTS AND METHODS Patients with "
    "measurable brain metastases received neratinib 240 mg orally once daily plus "
    "capecitabine 750 mg/m2 twice daily for 14 days of each 21-day cycle. Patients were "
    "enrolled in cohort 3A if they had no prior lapatinib and in cohort 3B if they had "
    "received prior lapatinib. The primary end point was composite CNS objective response "
    "rate (ORR).\nRESULTS In cohort 3A (n = 39), the CNS ORR was 49% (95% CI, 32% to 66%); "
    "in cohort 3B (n = 10), it was 33% (95% CI, 10% to 65%). Median PFS was 5.5 months in "
    "cohort 3A and 3.1 months in cohort 3B. Median OS was 13.3 and 15.1 months, "
    "respectively. The most common grade 3 adverse event was diarrhea (29% in 3A and 28% in "
    "3B).\nCONCLUSION Neratinib plus capecitabine is active against HER2-positive brain "
    "metastases."
)


def test_tbcrc022_cohorts_of_one_regimen_have_no_arm(nlp):
    """Cohorts by prior lapatinib all take neratinib plus capecitabine: no arm, and the CNS
    ORR is outside the contract."""
    ex = extract_text(nlp, TBCRC022)
    assert ex.trials == ["TBCRC 022"]
    rows = [(o.endpoint, o.value, o.arm) for o in ex.outcomes]
    assert rows[:4] == [
        ("PFS", 5.5, None),
        ("PFS", 3.1, None),
        ("OS", 13.3, None),
        ("OS", 15.1, None),
    ]
    assert 49.0 not in [r[1] for r in rows]


PERMEATE = (
    "Pyrotinib plus capecitabine for human epidermal growth factor receptor 2-positive "
    "breast cancer with brain metastases (PERMEATE): a multicentre, single-arm, two-cohort, "
    "phase 2 trial\n\nBackground Brain metastases are common in HER2-positive breast "
    "cancer.\nMethods In this single-arm, two-cohort, phase 2 trial (PERMEATE), patients "
    "with radiotherapy-naive HER2-positive brain metastases (cohort A) or progressive "
    "disease after radiotherapy (cohort B) received pyrotinib 400 mg orally once daily plus "
    "capecitabine 1000 mg/m2 twice daily on days 1-14 of each 21-day cycle. The primary "
    "endpoint was the intracranial objective response rate. This trial is registered with "
    "ClinicalTrials.gov, NCT03691051.\nFindings 78 patients were enrolled (59 in cohort A "
    "and 19 in cohort B). The intracranial objective response rate was 74·6% (95% CI "
    "64·0–85·3) in cohort A and 42·1% (95% CI 19·9–64·3) in cohort B. Median "
    "progression-free survival was 11·3 months (95% CI 7·7–14·9) in cohort A and 5·6 months "
    "(3·4–7·8) in cohort B. The most common grade 3 or worse treatment-emergent adverse "
    "event was diarrhoea (24%).\nInterpretation Pyrotinib plus capecitabine was active in "
    "radiotherapy-naive brain metastases."
)


def test_permeate_lancet_medians_and_cis(nlp):
    rows = rows_of(nlp, PERMEATE)
    assert rows[:2] == [
        ("PFS", "median", 11.3, 7.7, 14.9, None, None),
        ("PFS", "median", 5.6, 3.4, 7.8, None, None),
    ]
    assert 74.6 not in [r[2] for r in rows]


B52 = (
    "NRG Oncology/NSABP B-52: a randomized phase III trial of neoadjuvant TCHP with or "
    "without estrogen deprivation in HER2-positive, hormone receptor-positive breast "
    "cancer\n\nBackground: We tested whether adding estrogen deprivation (ED) to neoadjuvant "
    "docetaxel, carboplatin, trastuzumab and pertuzumab (TCHP) increases the pCR rate. "
    "Methods: Patients with HER2+/HR+ breast cancer were randomized to TCHP or TCHP plus an "
    "aromatase inhibitor (TCHP+AI), with ovarian suppression in premenopausal women. The "
    "primary endpoint was pCR (ypT0/is ypN0). Results: Among 311 patients, pCR was achieved "
    "in 40.9% of patients with TCHP and 46.1% with TCHP+AI (odds ratio 1.23, 95% CI "
    "0.78-1.94; p=0.36). Grade 3 or higher diarrhea occurred in 18% and 20%, respectively. "
    "Conclusions: Adding ED to TCHP did not significantly increase pCR."
)


def test_b52_odds_ratio_and_rates(nlp):
    rows = rows_of(nlp, B52)
    assert [r[:6] for r in rows[:3]] == [
        ("pCR", "rate", 40.9, None, None, None),
        ("pCR", "rate", 46.1, None, None, None),
        ("pCR", "OR", 1.23, 0.78, 1.94, "0.36"),
    ]
    assert arm_of(rows, 40.9) == "carboplatin+docetaxel+pertuzumab+trastuzumab"
