"""Held-out round 23: short forms that label a group, flattened results tables and flat doses.
EORTC 75111 (Wildiers 2018): "trastuzumab plus pertuzumab (the TP group)" labels the group
with a short form the drug lexicon reads as docetaxel plus pertuzumab, so "5·6 months with TP"
took a docetaxel arm (and docetaxel joined the drugs). A zanidatamab plus docetaxel study
printed its results table as prose ("ORR, % (95% CI): 90.5 (69.6-98.8)"): no value was read,
nor RC48-C006's "ORR, % (95% CI): 62 (51-72) vs 40 (30-51)". "zanidatamab 1800 mg flat dose
with docetaxel (cohort 2)" split the cohort into two one-drug arms. NeoCART, TRAIN-3, KAMILLA,
RC48-C006 as a terse conference abstract and HER2CLIMB-05 were read right and are pinned."""

from __future__ import annotations

from extract_helpers import extract_text, parsed_values, registry_of, row_with, rows_of

from her2mine.extract.components import _hits
from her2mine.extract.regimens import group_regimens

PH = "pertuzumab+trastuzumab"
PHM = "cyclophosphamide+pertuzumab+trastuzumab"

# The fields a flattened-table test compares: what kind of value, the number, its unit.
UNIT_ROW = ("kind", "value", "unit")

EORTC = (
    "Trastuzumab and pertuzumab with or without metronomic chemotherapy for older patients "
    "with HER2-positive metastatic breast cancer (EORTC 75111-10114): an open-label, "
    "randomised, phase 2 trial from the Elderly Task Force/Breast Cancer "
    "Group\n\nSummary\nBackground Older patients with HER2-positive metastatic breast cancer "
    "are often not given chemotherapy. We assessed whether metronomic oral cyclophosphamide "
    "could be added to dual HER2 blockade.\nMethods In this open-label, randomised, phase 2 "
    "trial, patients aged 70 years or older (or 60 years or older with functional "
    "restrictions) were randomly assigned (1:1) to trastuzumab plus pertuzumab (the TP "
    "group) or to the same regimen plus metronomic oral cyclophosphamide 50 mg/day (the TPM "
    "group). At progression, patients could receive trastuzumab emtansine. The primary "
    "endpoint was progression-free survival at 6 months.\nFindings 80 patients were randomly "
    "assigned, 39 to TP and 41 to TPM. Progression-free survival at 6 months was 46·2% (95% "
    "CI 30·2–60·7) in the TP group and 73·4% (56·6–84·6) in the TPM group. Median "
    "progression-free survival was 5·6 months (95% CI 3·9–10·0) with TP and 12·7 months "
    "(6·7–24·8) with TPM (hazard ratio 0·65 [95% CI 0·37–1·12]; p=0·12). Grade 3–4 adverse "
    "events occurred in 12 (31%) of 39 patients in the TP group and 21 (51%) of 41 patients "
    "in the TPM group. Trastuzumab emtansine given after progression achieved a median "
    "progression-free survival of 3·8 months (95% CI 2·2–5·6).\nInterpretation Metronomic "
    "cyclophosphamide added to pertuzumab and trastuzumab improved progression-free survival "
    "in older patients."
)


def test_group_labelled_by_a_short_form_defines_it(nlp):
    """ "trastuzumab plus pertuzumab (the TP group)": the label's short form names that
    group's drugs, so "with TP" is no lexicon TP (docetaxel plus pertuzumab) and docetaxel is
    no drug of the abstract."""
    ex = extract_text(nlp, EORTC)
    assert "docetaxel" not in ex.drugs
    rows = rows_of(nlp, EORTC)
    assert row_with(rows, 5.6) == ("PFS", "median", 5.6, 3.9, 10.0, None, PH)
    assert row_with(rows, 12.7) == ("PFS", "median", 12.7, 6.7, 24.8, None, PHM)


def test_group_labels_of_eortc_75111_pinned(nlp):
    """The 6-month PFS rates, the HR and the adverse events go to their groups (already
    right)."""
    rows = rows_of(nlp, EORTC)
    assert row_with(rows, 46.2) == ("PFS", "rate", 46.2, 30.2, 60.7, None, PH)
    assert row_with(rows, 73.4) == ("PFS", "rate", 73.4, 56.6, 84.6, None, PHM)
    assert row_with(rows, 0.65) == ("PFS", "HR", 0.65, 0.37, 1.12, "0.12", None)
    assert row_with(rows, 31.0)[6] == PH
    assert row_with(rows, 51.0)[6] == PHM


def test_lexicon_short_form_stands_without_a_group_label(nlp):
    """Negative: a group label after no drug chain ("(the ELD group)") defines nothing, and an
    undefined TP stays the lexicon's docetaxel plus pertuzumab."""
    text = (
        "Older patients\n\nPatients aged 70 years or older (the ELD group) received TP every 3 "
        "weeks. Median PFS was 9.1 months with TP."
    )
    ex = extract_text(nlp, text)
    assert ex.drugs == ["docetaxel", "pertuzumab"]
    assert [o.arm for o in ex.outcomes] == ["docetaxel+pertuzumab"]


ZANI = (
    "Zanidatamab plus docetaxel as first-line treatment of HER2-positive metastatic breast "
    "cancer: results from a phase 1b/2 study\n\nPurpose: Zanidatamab is a bispecific "
    "antibody that binds two HER2 epitopes. We assessed zanidatamab with docetaxel as "
    "first-line treatment. Methods: Patients with untreated HER2-positive metastatic breast "
    "cancer received zanidatamab 30 mg/kg plus docetaxel 75 mg/m2 every 3 weeks. End points "
    "were safety, objective response rate (ORR), duration of response (DOR) and "
    "progression-free survival (PFS). Results: Efficacy results (n = 25), ORR, % (95% CI): "
    "90.5 (69.6-98.8); disease control rate, % (95% CI): 100 (84.6-100); median DOR, months "
    "(95% CI): 15.2 (9.7-NE); median PFS, months (95% CI): 17.0 (11.1-NE). The most common "
    "grade >= 3 treatment-related adverse event was neutropenia (44%). Conclusions: "
    "Zanidatamab plus docetaxel was active with a manageable safety profile."
)


def test_flattened_table_rows_are_values_in_the_header_unit(nlp):
    """ "ORR, % (95% CI): 90.5 (69.6-98.8); ... median DOR, months (95% CI): 15.2 (9.7-NE)":
    the unit heads the row, so the bare numbers are a rate and medians with their CIs."""
    rows = rows_of(nlp, ZANI)
    assert row_with(rows, 90.5) == ("ORR", "rate", 90.5, 69.6, 98.8, None, None)
    assert row_with(rows, 100.0) == ("DCR", "rate", 100.0, 84.6, 100.0, None, None)
    assert row_with(rows, 15.2) == ("DOR", "median", 15.2, 9.7, None, None, None)
    assert row_with(rows, 17.0) == ("PFS", "median", 17.0, 11.1, None, None, None)
    assert row_with(rows, 44.0)[0] == "AE_G3"


RC48T = (
    "Disitamab vedotin versus lapatinib plus capecitabine for HER2-positive metastatic "
    "breast cancer (RC48-C006): a randomised, open-label, phase 3 trial\n\nBackground: "
    "RC48-C006 compared the anti-HER2 antibody-drug conjugate disitamab vedotin with "
    "lapatinib plus capecitabine. Methods: Patients previously treated with trastuzumab and "
    "a taxane were randomly assigned (1:1) to disitamab vedotin 2.0 mg/kg every 2 weeks (DV "
    "group) or lapatinib 1250 mg daily plus capecitabine 1000 mg/m2 twice daily on days 1-14 "
    "(LC group). The primary end point was progression-free survival (PFS) by blinded "
    "independent central review. Results: 365 patients were randomized. Efficacy, DV group "
    "vs LC group: median PFS, months (95% CI): 9.9 (7.3-11.2) vs 4.9 (4.4-5.6); ORR, % (95% "
    "CI): 62 (51-72) vs 40 (30-51); median OS, months (95% CI): NR vs 21.6 (18.7-26.5). The "
    "hazard ratio for progression or death was 0.39 (95% CI, 0.29 to 0.53; P < 0.001). Grade "
    ">= 3 adverse events occurred in 63.8% and 43.3% of patients, respectively. Conclusions: "
    "Disitamab vedotin improved PFS over lapatinib plus capecitabine."
)

DV = "disitamab vedotin"
LC = "capecitabine+lapatinib"


def test_flattened_table_compares_the_arms_in_order(nlp):
    """ "ORR, % (95% CI): 62 (51-72) vs 40 (30-51)", "NR vs 21.6 (18.7-26.5)": a row of two
    values compares the arms in the order named ("DV group vs LC group")."""
    rows = rows_of(nlp, RC48T)
    assert row_with(rows, 9.9) == ("PFS", "median", 9.9, 7.3, 11.2, None, DV)
    assert row_with(rows, 4.9) == ("PFS", "median", 4.9, 4.4, 5.6, None, LC)
    assert row_with(rows, 62.0) == ("ORR", "rate", 62.0, 51.0, 72.0, None, DV)
    assert row_with(rows, 40.0) == ("ORR", "rate", 40.0, 30.0, 51.0, None, LC)
    assert row_with(rows, None, "OS")[6] == DV
    assert row_with(rows, 21.6) == ("OS", "median", 21.6, 18.7, 26.5, None, LC)
    assert row_with(rows, 0.39) == ("PFS", "HR", 0.39, 0.29, 0.53, "<0.001", None)


def test_rows_of_patients_or_counts_are_no_values():
    """Negative: a row that describes the patients ("median age, years: 54 (32-78)", "median
    follow-up, months: 28.1") or counts them ("n (%)") holds no result, and a row that is not
    only values ("62 (51-72) in arm A") is not read as one."""
    assert (
        parsed_values(
            "Baseline: median age, years: 54 (32-78); median follow-up, months: 28.1.", UNIT_ROW
        )
        == []
    )
    assert parsed_values("Grade 3 AEs, n (%): 12 (31) vs 21 (51).", UNIT_ROW) == []
    assert parsed_values("Patients with PFS, % (95% CI): 62 (51-72) in arm A", UNIT_ROW) == []


def test_header_needs_no_ci_bracket():
    """ "ORR, %: 62 vs 40": a row whose header gives the unit alone is read too."""
    assert parsed_values("ORR, %: 62 vs 40.", UNIT_ROW) == [
        ("percent", 62.0, "%"),
        ("percent", 40.0, "%"),
    ]


ZANI2 = (
    "Zanidatamab with docetaxel in first-line HER2-positive metastatic breast cancer: cohort "
    "results of a phase 1b/2 study. Methods: Patients received zanidatamab 30 mg/kg with "
    "docetaxel 75 mg/m2 (cohort 1) or zanidatamab 1800 mg flat dose with docetaxel 75 mg/m2 "
    "(cohort 2) every 3 weeks. Results: The confirmed ORR was 90.5% (95% CI, 69.6-98.8) in "
    "cohort 1 and 76.2% (95% CI, 52.8-91.8) in cohort 2. Median PFS was not reached in "
    "either cohort."
)

ZD = "docetaxel+zanidatamab"


def test_flat_dose_is_a_dose_between_partners(nlp):
    """ "zanidatamab 1800 mg flat dose with docetaxel (cohort 2)": a flat (fixed) dose is a
    dose, so the cohort is both drugs as cohort 1 is, and its rate takes them."""
    arms = registry_of(nlp, ZANI2).arms
    assert [(a.name, sorted(a.labels)) for a in arms] == [(ZD, ["1", "2"])]
    rows = rows_of(nlp, ZANI2)
    assert row_with(rows, 90.5) == ("ORR", "rate", 90.5, 69.6, 98.8, None, ZD)
    assert row_with(rows, 76.2) == ("ORR", "rate", 76.2, 52.8, 91.8, None, ZD)


def _regimens(nlp, text: str) -> list[list[str]]:
    return [r.drugs for r in group_regimens(text, _hits(nlp(text)._.her2, "drugs"))]


def test_fixed_dose_joins_but_a_bare_mention_does_not(nlp):
    """ "trastuzumab at a fixed dose of 600 mg plus docetaxel" is one regimen; negative: "at a
    flat dose, or docetaxel" still separates the alternatives."""
    text = "Patients received trastuzumab at a fixed dose of 600 mg plus docetaxel."
    assert _regimens(nlp, text) == [["docetaxel", "trastuzumab"]]
    text = "Patients received zanidatamab at a flat dose, or docetaxel."
    assert _regimens(nlp, text) == [["zanidatamab"], ["docetaxel"]]


NEOCART = (
    "Docetaxel, carboplatin and trastuzumab versus epirubicin and cyclophosphamide followed "
    "by docetaxel and trastuzumab as neoadjuvant therapy for HER2-positive breast cancer "
    "(NeoCART): a randomised, open-label, non-inferiority, phase 2 trial\n\nBackground: "
    "Whether an anthracycline-free regimen is non-inferior to an anthracycline-containing "
    "regimen as neoadjuvant therapy for HER2-positive breast cancer is unclear. Methods: In "
    "this phase 2 trial, patients with stage II-III HER2-positive breast cancer were "
    "randomly assigned (1:1) to receive six cycles of docetaxel, carboplatin and trastuzumab "
    "(DCbH) or four cycles of epirubicin and cyclophosphamide followed by four cycles of "
    "docetaxel and trastuzumab (EC-DH). The primary end point was pathological complete "
    "response (pCR; ypT0/is ypN0), with a non-inferiority margin of -15%. Results: Of 100 "
    "randomized patients, 88 were included in the per-protocol population. The pCR rate was "
    "61.4% (95% CI, 46.5 to 74.5) in the DCbH group and 43.2% (95% CI, 29.7 to 57.8) in the "
    "EC-DH group (difference, 18.2%; 95% CI, -2.1 to 38.5; P for non-inferiority < .001). "
    "Grade 3 or 4 adverse events occurred in 34.0% of patients receiving DCbH and 46.0% of "
    "those receiving EC-DH. Conclusions: DCbH was non-inferior to EC-DH in pCR rate."
)

DCBH = "carboplatin+docetaxel+trastuzumab"
ECDH = "cyclophosphamide+docetaxel+epirubicin+trastuzumab"


def test_neocart_pinned(nlp):
    """Short forms of the text ("DCbH", "EC-DH") name the arms; the difference and the margin
    are no rates (already right)."""
    rows = rows_of(nlp, NEOCART)
    assert row_with(rows, 61.4) == ("pCR", "rate", 61.4, 46.5, 74.5, "<0.001", DCBH)
    assert row_with(rows, 43.2) == ("pCR", "rate", 43.2, 29.7, 57.8, "<0.001", ECDH)
    assert row_with(rows, 34.0) == ("AE_G3", "incidence", 34.0, None, None, None, DCBH)
    assert row_with(rows, 46.0)[6] == ECDH
    assert {r[2] for r in rows} == {61.4, 43.2, 34.0, 46.0}


TRAIN3 = (
    "Response-guided neoadjuvant paclitaxel, carboplatin, trastuzumab and pertuzumab in "
    "HER2-positive breast cancer: the single-arm phase 2 TRAIN-3 study. Patients with stage "
    "II-III HER2-positive breast cancer received up to nine cycles of paclitaxel, "
    "carboplatin, trastuzumab and pertuzumab (PTC-Ptz); surgery followed when breast MRI "
    "showed a radiological complete response and a biopsy confirmed it. The primary end "
    "point was event-free survival (EFS). In 467 patients, the pCR rate was 67% (95% CI "
    "61-72) in hormone receptor-negative and 45% (95% CI 39-51) in hormone receptor-positive "
    "disease. The 3-year EFS was 93% (95% CI 89-96) in hormone receptor-negative and 89% "
    "(95% CI 85-93) in hormone receptor-positive patients. Grade 3 or higher adverse events "
    "occurred in 28% of patients. Response-guided treatment allowed de-escalation of "
    "chemotherapy in many patients."
)


def test_train3_single_arm_pinned(nlp):
    """A single-arm study's subgroup rates are whole-population values with their CIs (already
    right)."""
    ex = extract_text(nlp, TRAIN3)
    assert ex.trials == ["TRAIN-3"]
    assert ex.drugs == ["carboplatin", "paclitaxel", "pertuzumab", "trastuzumab"]
    rows = rows_of(nlp, TRAIN3)
    assert row_with(rows, 67.0) == ("pCR", "rate", 67.0, 61.0, 72.0, None, None)
    assert row_with(rows, 93.0) == ("EFS", "rate", 93.0, 89.0, 96.0, None, None)
    assert row_with(rows, 89.0) == ("EFS", "rate", 89.0, 85.0, 93.0, None, None)


KAMILLA = (
    "Trastuzumab emtansine (T-DM1) in patients with HER2-positive metastatic breast cancer "
    "and brain metastases: exploratory final analysis of cohort 1 from KAMILLA, a single-arm "
    "phase IIIb clinical trial\n\nBackground: KAMILLA (NCT01702571) is a safety study of "
    "T-DM1 in patients with HER2-positive advanced breast cancer previously treated with a "
    "taxane and trastuzumab. We report outcomes in patients with baseline brain metastases. "
    "Patients and methods: Patients received T-DM1 3.6 mg/kg every 3 weeks until disease "
    "progression or unacceptable toxicity. Results: Of 2002 patients, 398 had baseline brain "
    "metastases and 126 had measurable brain metastases. In patients with measurable brain "
    "metastases, the best overall response rate was 21.4% [95% confidence interval (CI) "
    "14.6-29.6] and the clinical benefit rate was 42.9% (95% CI 34.1-52.0). Median "
    "progression-free survival was 5.5 months (95% CI 5.3-5.6) and median overall survival "
    "was 18.9 months (95% CI 17.1-21.3). Grade >= 3 adverse events occurred in 22.4% of "
    "patients with brain metastases. Conclusions: T-DM1 is active in patients with "
    "HER2-positive breast cancer and brain metastases."
)


def test_kamilla_pinned(nlp):
    """ "[95% confidence interval (CI) 14.6-29.6]" and the medians of a single arm (already
    right)."""
    rows = rows_of(nlp, KAMILLA)
    assert row_with(rows, 21.4) == ("ORR", "rate", 21.4, 14.6, 29.6, None, None)
    assert row_with(rows, 42.9) == ("CBR", "rate", 42.9, 34.1, 52.0, None, None)
    assert row_with(rows, 5.5) == ("PFS", "median", 5.5, 5.3, 5.6, None, None)
    assert row_with(rows, 18.9) == ("OS", "median", 18.9, 17.1, 21.3, None, None)


RC48 = (
    "Disitamab vedotin versus lapatinib plus capecitabine in HER2-positive metastatic breast "
    "cancer with liver metastases: subgroup analysis of the phase 3 RC48-C006 trial. "
    "Background: RC48-C006 (NCT03500380) randomized pts with HER2+ MBC previously treated "
    "with trastuzumab and a taxane to disitamab vedotin (DV) 2.0 mg/kg q2w or lapatinib plus "
    "capecitabine (LC). Methods: Pts with liver metastases at baseline were analysed. "
    "Results: Of 365 pts, 140 had liver metastases (DV 72; LC 68). mPFS 9.9 vs 4.9 mo; HR "
    "0.42 (0.30-0.58); P < 0.0001. ORR 58.3% vs 33.8%. mOS NR vs 21.6 mo; HR 0.61 "
    "(0.38-0.98). G>=3 TRAEs 61.1% vs 42.6%. Conclusions: DV improved PFS over LC in pts "
    "with liver metastases."
)


def test_terse_conference_fragments_pinned(nlp):
    """ "mPFS 9.9 vs 4.9 mo; HR 0.42 (0.30-0.58); P < 0.0001", "mOS NR vs 21.6 mo", "G>=3
    TRAEs 61.1% vs 42.6%" (already right)."""
    rows = rows_of(nlp, RC48)
    assert row_with(rows, 9.9) == ("PFS", "median", 9.9, None, None, None, DV)
    assert row_with(rows, 4.9) == ("PFS", "median", 4.9, None, None, None, LC)
    assert row_with(rows, 0.42) == ("PFS", "HR", 0.42, 0.3, 0.58, "<0.0001", None)
    assert row_with(rows, 58.3)[6] == DV
    assert row_with(rows, None, "OS")[6] == DV
    assert row_with(rows, 0.61) == ("OS", "HR", 0.61, 0.38, 0.98, None, None)
    assert row_with(rows, 42.6) == ("AE_G3", "incidence", 42.6, None, None, None, LC)


CLIMB05 = (
    "Tucatinib or Placebo Added to Trastuzumab and Pertuzumab Maintenance in HER2-Positive "
    "Metastatic Breast Cancer\n\nBACKGROUND After first-line taxane-based induction, "
    "maintenance with trastuzumab and pertuzumab is standard for HER2-positive metastatic "
    "breast cancer. METHODS In the phase 3 HER2CLIMB-05 trial, patients without progression "
    "after four to eight cycles of induction with a taxane, trastuzumab, and pertuzumab were "
    "randomly assigned in a 1:1 ratio to receive tucatinib (300 mg twice daily) or placebo, "
    "each in combination with trastuzumab and pertuzumab. The primary end point was "
    "progression-free survival as assessed by the investigator. RESULTS A total of 654 "
    "patients underwent randomization. Median progression-free survival was 24.9 months in "
    "the tucatinib group and 16.3 months in the placebo group (hazard ratio for progression "
    "or death, 0.64; 95% confidence interval [CI], 0.51 to 0.80; P<0.001). Progression-free "
    "survival at 24 months was 51.0% and 36.2%, respectively. The most common adverse event "
    "was diarrhea, which occurred in 59.6% of the patients in the tucatinib group and 20.7% "
    "of those in the placebo group. CONCLUSIONS Adding tucatinib to maintenance trastuzumab "
    "and pertuzumab prolonged progression-free survival."
)


def test_her2climb05_pinned(nlp):
    """ "tucatinib ... or placebo, each in combination with trastuzumab and pertuzumab" (already
    right)."""
    tph = "pertuzumab+trastuzumab+tucatinib"
    rows = rows_of(nlp, CLIMB05)
    assert row_with(rows, 24.9) == ("PFS", "median", 24.9, None, None, None, tph)
    assert row_with(rows, 16.3) == ("PFS", "median", 16.3, None, None, None, PH)
    assert row_with(rows, 0.64) == ("PFS", "HR", 0.64, 0.51, 0.8, "<0.001", None)
    assert [row_with(rows, v)[6] for v in (51.0, 36.2, 59.6, 20.7)] == [tph, PH, tph, PH]
