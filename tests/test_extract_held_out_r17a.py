"""Held-out round 17 (a): abstracts of NEfERT-T, PEONY, FinHer, Short-HER, NSABP B-41, CALGB
40601 and BCIRG 007 written anew in their journals' styles. Two readings went wrong. FinHer
(Joensuu 2006): "trastuzumab concomitantly with docetaxel or vinorelbine" labelled the
trastuzumab arm "vinorelbine" (the last word of the options run), so "86.0 percent in the
vinorelbine group" went to trastuzumab. CALGB 40601 (Carey 2016): "paclitaxel plus trastuzumab
(TH), plus lapatinib (TL), or plus trastuzumab and lapatinib (THL)", every alternative repeating
"plus", was read as one arm, so TL's pCR rate went to THL."""

from __future__ import annotations

from extract_helpers import arm_of, registry_of, rows_of

# --- FinHer: an options run names its class, not its last drug --------------------------------

FINHER = (
    "Adjuvant Docetaxel or Vinorelbine with or without Trastuzumab for Breast Cancer\n\n"
    "METHODS\nWe randomly assigned 1010 women with axillary node-positive or high-risk "
    "node-negative breast cancer to receive three cycles of docetaxel or vinorelbine, followed "
    "in both groups by three cycles of fluorouracil, epirubicin, and cyclophosphamide. The 232 "
    "women whose tumors had an amplified HER2 gene were further assigned to receive or not to "
    "receive nine weekly infusions of trastuzumab concomitantly with docetaxel or vinorelbine. "
    "The primary end point was recurrence-free survival.\n"
    "RESULTS\nThe 3-year recurrence-free survival was 91.3 percent in the docetaxel group and "
    "86.0 percent in the vinorelbine group (hazard ratio for recurrence or death, 0.58; 95 "
    "percent confidence interval, 0.40 to 0.85; P=0.005). Among women with HER2-positive cancer, "
    "those who received trastuzumab had better 3-year recurrence-free survival than those who "
    "did not (89 percent vs. 78 percent; hazard ratio for recurrence or death, 0.42; 95 percent "
    "confidence interval, 0.21 to 0.83; P=0.01)."
)


def test_options_run_gives_no_drug_label(nlp):
    """ "trastuzumab concomitantly with docetaxel or vinorelbine": the options run is a
    chemotherapy mention, so no arm is labelled "vinorelbine" and "the vinorelbine group" is
    the vinorelbine arm."""
    rows = rows_of(nlp, FINHER)
    # "followed in both groups by ... FEC" joins each arm (round 57): FEC is the arms' shared
    # later phase, no third arm
    assert arm_of(rows, 91.3) == "cyclophosphamide+docetaxel+epirubicin+fluorouracil"
    assert arm_of(rows, 86.0) == "cyclophosphamide+epirubicin+fluorouracil+vinorelbine"
    assert all("vinorelbine" not in a.labels for a in registry_of(nlp, FINHER).arms)


def test_finher_ratios_and_the_untreated_comparison(nlp):
    """Pins: both RFS ratios with CI and P; "those who did not" has no arm."""
    rows = rows_of(nlp, FINHER)
    assert ("RFS", "HR", 0.58, 0.4, 0.85, "0.005", None) in rows
    assert ("RFS", "HR", 0.42, 0.21, 0.83, "0.01", None) in rows
    assert arm_of(rows, 89.0) == "trastuzumab"
    assert arm_of(rows, 78.0) is None


def test_class_word_still_labels_its_arm(nlp):
    """Negative: a class written as a word ("plus a taxane") still names its arm."""
    text = (
        "Trastuzumab emtansine in HER2-positive breast cancer\n\n"
        "Patients were randomly assigned to trastuzumab plus a taxane or trastuzumab emtansine. "
        "The objective response rate was 58% in the taxane group and 60% in the trastuzumab "
        "emtansine group."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 58.0) == "trastuzumab"
    assert arm_of(rows, 60.0) == "trastuzumab emtansine"


# --- CALGB 40601: alternatives that each repeat the backbone's joiner -------------------------

CALGB = (
    "Molecular Heterogeneity and Response to Neoadjuvant Human Epidermal Growth Factor Receptor 2 "
    "Targeting in CALGB 40601, a Randomized Phase III Trial of Paclitaxel Plus Trastuzumab With "
    "or Without Lapatinib\n\n"
    "Purpose: CALGB 40601 examined whether dual HER2 blockade improves pathologic complete "
    "response.\n"
    "Patients and Methods: Patients with stage II to III HER2-positive breast cancer were "
    "randomly assigned to weekly paclitaxel (80 mg/m2 for 16 weeks) plus trastuzumab (TH), plus "
    "lapatinib (TL), or plus trastuzumab and lapatinib (THL). The primary end point was "
    "pathologic complete response (pCR) in the breast.\n"
    "Results: Of 305 randomly assigned patients, 118 received THL, 120 TH and 67 TL; the TL arm "
    "was closed early. The pCR rate was 56% (95% CI, 47% to 65%) with THL, 46% (95% CI, 37% to "
    "55%) with TH, and 32% (95% CI, 22% to 44%) with TL. The difference between THL and TH was "
    "not significant (P = .13).\n"
    "Conclusion: Dual HER2 blockade did not significantly increase pCR."
)
THL = "lapatinib+paclitaxel+trastuzumab"


def test_alternatives_repeating_the_joiner_share_the_backbone(nlp):
    """ "paclitaxel plus A (TH), plus B (TL), or plus A and B (THL)": three arms, each with
    paclitaxel; the title's "Paclitaxel Plus Trastuzumab With or Without Lapatinib" arms are
    the same arms, not extra ones."""
    names = sorted(a.name for a in registry_of(nlp, CALGB).arms)
    assert names == ["lapatinib+paclitaxel", THL, "paclitaxel+trastuzumab"]


def test_calgb_pcr_rates_take_their_arms(nlp):
    rows = rows_of(nlp, CALGB)
    assert ("pCR", "rate", 56.0, 47.0, 65.0, None, THL) in rows
    assert ("pCR", "rate", 46.0, 37.0, 55.0, None, "paclitaxel+trastuzumab") in rows
    assert ("pCR", "rate", 32.0, 22.0, 44.0, None, "lapatinib+paclitaxel") in rows


def test_repeated_joiner_without_closing_or_keeps_one_regimen(nlp):
    """Negative: ", plus" with no "or plus" closing the list adds a drug to the regimen."""
    text = (
        "Pertuzumab in HER2-positive breast cancer\n\n"
        "Patients were randomly assigned to paclitaxel plus trastuzumab, plus pertuzumab, or "
        "docetaxel plus trastuzumab."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert names == ["paclitaxel+pertuzumab+trastuzumab", "docetaxel+trastuzumab"]


# --- pins: readings already right ------------------------------------------------------------

NEFERT_T = (
    "Neratinib Plus Paclitaxel vs Trastuzumab Plus Paclitaxel in Previously Untreated Metastatic "
    "ERBB2-Positive Breast Cancer: The NEfERT-T Randomized Clinical Trial\n\n"
    "INTERVENTIONS: Patients were randomized 1:1 to neratinib, 240 mg/d orally, plus paclitaxel, "
    "80 mg/m2 on days 1, 8, and 15 of each 28-day cycle, or trastuzumab, 4 mg/kg then 2 mg/kg "
    "weekly, plus paclitaxel.\n"
    "MAIN OUTCOMES AND MEASURES: The primary end point was progression-free survival (PFS).\n"
    "RESULTS: Median PFS was 12.9 months (95% CI, 11.1-14.9) with neratinib-paclitaxel and 12.9 "
    "months (95% CI, 11.1-14.8) with trastuzumab-paclitaxel (hazard ratio [HR], 1.02; 95% CI, "
    "0.81-1.27; P = .89). The objective response rate was 74.8% in the neratinib-paclitaxel "
    "group and 77.6% in the trastuzumab-paclitaxel group (P = .52). With neratinib-paclitaxel, "
    "the incidence of central nervous system recurrences was lower (relative risk, 0.48; 95% CI, "
    "0.29-0.79; P = .002). Grade 3 diarrhea occurred in 30.4% of patients receiving "
    "neratinib-paclitaxel vs 3.8% of those receiving trastuzumab-paclitaxel."
)


def test_nefert_t_key_values(nlp):
    rows = rows_of(nlp, NEFERT_T)
    np, tp = "neratinib+paclitaxel", "paclitaxel+trastuzumab"
    assert ("PFS", "median", 12.9, 11.1, 14.9, None, np) in rows
    assert ("PFS", "median", 12.9, 11.1, 14.8, None, tp) in rows
    assert ("PFS", "HR", 1.02, 0.81, 1.27, "0.89", None) in rows
    assert ("ORR", "rate", 74.8, None, None, "0.52", np) in rows
    assert ("ORR", "rate", 77.6, None, None, "0.52", tp) in rows
    assert arm_of(rows, 30.4) == np and arm_of(rows, 3.8) == tp
    assert 0.48 not in [r[2] for r in rows]  # a relative risk is no contract measure


BCIRG_007 = (
    "Multicenter phase III randomized trial comparing docetaxel and trastuzumab with docetaxel, "
    "carboplatin, and trastuzumab as first-line chemotherapy for patients with HER2-gene-"
    "amplified metastatic breast cancer (BCIRG 007 study)\n\n"
    "Patients and Methods: Patients were randomly assigned to receive eight 21-day cycles of "
    "trastuzumab plus docetaxel 100 mg/m2 (TH) or trastuzumab plus docetaxel 75 mg/m2 and "
    "carboplatin at an AUC of 6 (TCH). The primary end point was time to progression (TTP).\n"
    "Results: Median TTP was 11.1 months for TH and 10.4 months for TCH (hazard ratio, 0.914; "
    "95% CI, 0.694 to 1.203; P = .57). Response rates were 72% in both arms. Median overall "
    "survival was 37.1 months for TH and 37.4 months for TCH (P = .99). Grade 3 to 4 "
    "thrombocytopenia was more common with TCH (15% v 2%)."
)


def test_bcirg_007_key_values(nlp):
    rows = rows_of(nlp, BCIRG_007)
    th, tch = "docetaxel+trastuzumab", "carboplatin+docetaxel+trastuzumab"
    assert ("TTP", "median", 11.1, None, None, None, th) in rows
    assert ("TTP", "median", 10.4, None, None, None, tch) in rows
    assert ("TTP", "HR", 0.914, 0.694, 1.203, "0.57", None) in rows
    assert [r[6] for r in rows if r[0] == "ORR"] == [th, tch]
    assert ("OS", "median", 37.4, None, None, "0.99", tch) in rows
    assert arm_of(rows, 15.0) == tch and arm_of(rows, 2.0) == th
