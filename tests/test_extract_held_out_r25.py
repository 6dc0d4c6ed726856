"""Held-out round 25: conference abstracts (ASCO, ESMO, SABCS) as curators meet them in
2024-2026, terse and full of undefined shorthand. DESTINY-Breast09: "T-DXd 5.4 mg/kg + P (Arm
A)" left the defined letter P unread (a dose before it, the arm's label bracket after it), so
arm A was T-DXd alone and its ILD rates lost pertuzumab; "mPFS by BICR: 40.7 vs 26.9 mo for
T-DXd+P vs THP" gave the second median the first arm (the nearest reference) and the first
none. DESTINY-Breast05: "3-y DFS 92.3% vs 83.5%" ("y" for years) was no landmark, so both rates
were lost. DESTINY-Breast11: "ddAC" (dose-dense AC) was no drug mention, so the ddAC-THP arm
lost doxorubicin and cyclophosphamide. HER2CLIMB-02, PHILA's overall survival and
DESTINY-Breast12 were read right and are pinned; disclosure, funding and "pts" counts give no
values."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, extract_text, letter_drugs, row_with, rows_of

TP = "pertuzumab+trastuzumab deruxtecan"
THP = "docetaxel+pertuzumab+trastuzumab"
T_DXD = "trastuzumab deruxtecan"
T_DM1 = "trastuzumab emtansine"
DDAC_THP = "cyclophosphamide+docetaxel+doxorubicin+pertuzumab+trastuzumab"
TUC = "trastuzumab emtansine+tucatinib"
PYRO = "docetaxel+pyrotinib+trastuzumab"
HT = "docetaxel+trastuzumab"

DB09 = (
    "Trastuzumab deruxtecan (T-DXd) + pertuzumab (P) vs taxane + trastuzumab + pertuzumab "
    "(THP) for first-line treatment of patients with HER2+ advanced/metastatic breast "
    "cancer: interim results from DESTINY-Breast09\n\nBackground: THP is the standard "
    "first-line (1L) treatment for HER2+ advanced/metastatic breast cancer (mBC). "
    "DESTINY-Breast09 (NCT04784715) is a randomized, multicenter, open-label phase 3 trial "
    "of T-DXd with or without P vs THP in 1L HER2+ mBC. Methods: Pts were randomized 1:1:1 "
    "to T-DXd 5.4 mg/kg + P (Arm A), T-DXd + placebo (Arm B; blinded to P) or THP (Arm C). "
    "The primary endpoint was PFS by blinded independent central review (BICR). Results: "
    "1,157 pts were randomized (T-DXd+P n=383; T-DXd n=387; THP n=387). At data cutoff, "
    "median follow-up was 29.2 mo. mPFS by BICR: 40.7 vs 26.9 mo for T-DXd+P vs THP (HR "
    "0.56; 95% CI 0.44-0.71; P<0.00001). PFS by INV was consistent (HR 0.49; 95% CI "
    "0.39-0.61). cORR was 85.1% in the T-DXd+P arm vs 78.6% in the THP arm; CR rates were "
    "15.1% vs 8.5%. mDOR: 39.2 vs 26.4 mo. OS was immature (HR 0.84; 95% CI 0.59-1.19). "
    "Grade >=3 TEAEs occurred in 238 pts (63.5%) with T-DXd+P and 235 pts (62.3%) with "
    "THP. Adjudicated drug-related ILD/pneumonitis occurred in 46 pts (12.1%) in Arm A and "
    "4 pts (1.0%) in Arm C; 2 pts (0.5%) in Arm A had grade 5 events. Conclusions: T-DXd+P "
    "demonstrated a statistically significant and clinically meaningful improvement in PFS "
    "vs THP in 1L HER2+ mBC. Clinical trial identification: NCT04784715. Legal entity "
    "responsible for the study: AstraZeneca. Funding: AstraZeneca and Daiichi Sankyo. "
    "Disclosure: S.M. Tolaney: Financial Interests, Personal, Advisory Board: AstraZeneca, "
    "Daiichi Sankyo, 12 other companies; Financial Interests, Institutional, Research "
    "Grant: 9 companies. All other authors have declared no conflicts of interest."
)


def test_letter_before_an_arm_label_bracket_is_a_mention(nlp):
    """ "T-DXd 5.4 mg/kg + P (Arm A)": the defined letter P before a bracket that labels the
    arm is pertuzumab, so arm A is T-DXd plus pertuzumab and its ILD rates are that arm's."""
    rows = rows_of(nlp, DB09, P_ROW)
    assert arm_of(rows, 12.1) == TP
    assert arm_of(rows, 0.5) == TP
    assert arm_of(rows, 1.0) == THP


def test_letter_before_another_bracket_is_no_mention(nlp):
    """Negative: a defined letter before a bracket that labels no arm ("for P (95% CI ...")
    is no drug mention."""
    text = (
        "T-DXd plus pertuzumab (P)\n\nPts were randomized to T-DXd 5.4 mg/kg + pertuzumab (P) "
        "or THP. The HR was 0.56 for P (95% CI 0.44-0.71)."
    )
    assert letter_drugs(nlp, text) == []


def test_pair_before_compared_references_takes_their_order(nlp):
    """ "40.7 vs 26.9 mo for T-DXd+P vs THP": the references compared after the pair name its
    values in order (before, 26.9 took the first arm and 40.7 none)."""
    rows = rows_of(nlp, DB09, P_ROW)
    assert row_with(rows, 40.7) == ("PFS", "median", 40.7, None, TP)
    assert row_with(rows, 26.9) == ("PFS", "median", 26.9, None, THP)
    assert row_with(rows, 0.56) == ("PFS", "HR", 0.56, "<0.00001", None)


def test_run_longer_than_the_compared_references_is_not_paired(nlp):
    """Negative: three compared rates before two compared references are no pairs of them."""
    text = (
        "T-DXd plus pertuzumab (P)\n\nPts were randomized to T-DXd 5.4 mg/kg + pertuzumab (P) "
        "or THP. ORR: 85.1% vs 78.6% vs 70.2% for T-DXd+P vs THP."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 85.1) is None
    assert arm_of(rows, 78.6) is None


def test_destiny_breast09_pinned(nlp):
    """The arms named in the arm and "with" forms, the INV and OS ratios and the grade 3
    events (already right); disclosure counts ("12 other companies") give no values."""
    ex = extract_text(nlp, DB09)
    assert ex.trials == ["DESTINY-Breast09", "NCT04784715"]
    rows = rows_of(nlp, DB09, P_ROW)
    assert row_with(rows, 85.1) == ("ORR", "rate", 85.1, None, TP)
    assert row_with(rows, 78.6) == ("ORR", "rate", 78.6, None, THP)
    assert row_with(rows, 39.2) == ("DOR", "median", 39.2, None, TP)
    assert row_with(rows, 26.4) == ("DOR", "median", 26.4, None, THP)
    assert row_with(rows, 0.49) == ("PFS", "HR", 0.49, None, None)
    assert row_with(rows, 0.84) == ("OS", "HR", 0.84, None, None)
    assert row_with(rows, 63.5) == ("AE_G3", "incidence", 63.5, None, TP)
    assert row_with(rows, 62.3) == ("AE_G3", "incidence", 62.3, None, THP)
    values = {r.value for r in rows}
    assert values.isdisjoint({1157.0, 383.0, 238.0, 12.0, 9.0, 29.2, 15.1, 8.5})


DB05 = (
    "Trastuzumab deruxtecan vs trastuzumab emtansine in patients with high-risk "
    "HER2-positive primary breast cancer with residual invasive disease after neoadjuvant "
    "therapy: primary results of DESTINY-Breast05\n\nBackground: Patients (pts) with HER2+ "
    "early breast cancer (eBC) and residual invasive disease after neoadjuvant therapy who "
    "are at high risk of recurrence have a substantial unmet need despite adjuvant "
    "trastuzumab emtansine (T-DM1). Methods: DESTINY-Breast05 (NCT04622319) is a "
    "multicenter, randomized, open-label phase 3 trial. Pts with residual invasive disease "
    "in the breast and/or axillary lymph nodes after neoadjuvant taxane- and "
    "trastuzumab-based therapy and high-risk features (inoperable at presentation or "
    "pathologically node-positive after neoadjuvant therapy) were randomized 1:1 to T-DXd "
    "5.4 mg/kg or T-DM1 3.6 mg/kg Q3W for 14 cycles. Primary endpoint: invasive "
    "disease-free survival (IDFS). Key secondary: DFS. Results: 1,600 pts were randomized "
    "(T-DXd n=800; T-DM1 n=800). At the interim analysis, IDFS was significantly improved "
    "with T-DXd vs T-DM1 (HR 0.47; 95% CI 0.34-0.66; P<0.0001); 3-year IDFS rates were "
    "92.4% vs 83.7%. DFS: HR 0.47 (95% CI 0.34-0.66); 3-y DFS 92.3% vs 83.5%. Grade >=3 "
    "drug-related TEAEs: 50.6% vs 51.9%. Adjudicated drug-related ILD occurred in 9.6% of "
    "pts with T-DXd and 1.6% with T-DM1; grade 5 ILD in 2 pts (0.3%) in the T-DXd arm. "
    "Conclusions: T-DXd showed a highly statistically significant and clinically "
    "meaningful improvement in IDFS vs T-DM1 in high-risk pts with residual invasive "
    "disease. Funding: Daiichi Sankyo and AstraZeneca."
)


def test_landmark_in_years_shorthand(nlp):
    """ "3-y DFS 92.3% vs 83.5%": "y" is years, so the rates are 3-year DFS rates per arm."""
    rows = rows_of(nlp, DB05, P_ROW)
    assert row_with(rows, 92.3) == ("DFS", "rate", 92.3, None, T_DXD)
    assert row_with(rows, 83.5) == ("DFS", "rate", 83.5, None, T_DM1)


def test_follow_up_in_years_shorthand_is_no_landmark(nlp):
    """Negative: "a median follow-up of 3 y" dates no rate; shares of DFS events stay none."""
    text = (
        "T-DXd vs T-DM1\n\nPts were randomized 1:1 to T-DXd or T-DM1. With a median follow-up "
        "of 3 y, DFS events occurred in 9.3% vs 16.5%."
    )
    assert [r for r in rows_of(nlp, text, P_ROW) if r.endpoint == "DFS"] == []


def test_destiny_breast05_pinned(nlp):
    """IDFS and DFS ratios, 3-year IDFS rates, grade 3 events and ILD per arm (already right)."""
    rows = rows_of(nlp, DB05, P_ROW)
    assert row_with(rows, 0.47, "IDFS") == ("IDFS", "HR", 0.47, "<0.0001", None)
    assert row_with(rows, 0.47, "DFS") == ("DFS", "HR", 0.47, None, None)
    assert row_with(rows, 92.4) == ("IDFS", "rate", 92.4, None, T_DXD)
    assert row_with(rows, 83.7) == ("IDFS", "rate", 83.7, None, T_DM1)
    assert row_with(rows, 50.6) == ("AE_G3", "incidence", 50.6, None, T_DXD)
    assert row_with(rows, 9.6) == ("ILD", "incidence", 9.6, None, T_DXD)
    assert row_with(rows, 1.6) == ("ILD", "incidence", 1.6, None, T_DM1)


DB11 = (
    "Neoadjuvant trastuzumab deruxtecan alone or followed by paclitaxel, trastuzumab and "
    "pertuzumab (T-DXd-THP) vs dose-dense doxorubicin and cyclophosphamide followed by THP "
    "(ddAC-THP) for high-risk HER2+ early breast cancer: DESTINY-Breast11\n\nBackground: "
    "In DESTINY-Breast11 (NCT05113251), pts with high-risk HER2+ eBC were randomized 1:1:1 "
    "to T-DXd monotherapy for 8 cycles, T-DXd for 4 cycles followed by THP for 4 cycles "
    "(T-DXd-THP), or ddAC for 4 cycles followed by THP for 4 cycles (ddAC-THP). The T-DXd "
    "monotherapy arm closed early on Independent Data Monitoring Committee recommendation. "
    "The primary endpoint was pathologic complete response (pCR; ypT0/is ypN0). Results: "
    "927 pts were randomized (T-DXd-THP n=321; ddAC-THP n=320). pCR rate was 67.3% with "
    "T-DXd-THP vs 56.3% with ddAC-THP (Δ 11.2%; 95% CI 4.0-18.3; P=0.003). In pts with HR- "
    "disease, pCR was 83.1% vs 67.1%. EFS was immature (HR 0.56; 95% CI 0.26-1.17). Grade "
    ">=3 TEAEs: 37.5% vs 55.8%; serious TEAEs: 10.6% vs 20.2%. Adjudicated drug-related "
    "ILD: 4.4% vs 5.1%. Conclusions: T-DXd-THP showed a statistically significant and "
    "clinically meaningful improvement in pCR vs ddAC-THP with a favorable safety profile. "
    "Clinical trial identification: NCT05113251. Legal entity responsible for the study: "
    "AstraZeneca. Funding: AstraZeneca; Daiichi Sankyo. Disclosure: N. Harbeck: Financial "
    "Interests, Personal, Advisory Board: 14 companies."
)


def test_dose_dense_short_form_is_a_regimen(nlp):
    """ "ddAC for 4 cycles followed by THP (ddAC-THP)": "ddAC" is dose-dense AC, so the arm
    holds doxorubicin and cyclophosphamide (before, THP alone)."""
    rows = rows_of(nlp, DB11, P_ROW)
    assert row_with(rows, 56.3) == ("pCR", "rate", 56.3, "0.003", DDAC_THP)
    assert arm_of(rows, 55.8) == DDAC_THP
    assert arm_of(rows, 5.1) == DDAC_THP


def test_destiny_breast11_pinned(nlp):
    """The T-DXd-THP rates, the EFS ratio and serious events (already right); the difference
    and its CI are no rate."""
    rows = rows_of(nlp, DB11, P_ROW)
    t_dxd_thp = arm_of(rows, 67.3)
    assert T_DXD in t_dxd_thp and "pertuzumab" in t_dxd_thp
    assert row_with(rows, 83.1) == ("pCR", "rate", 83.1, None, t_dxd_thp)
    assert row_with(rows, 0.56) == ("EFS", "HR", 0.56, None, None)
    assert row_with(rows, 10.6) == ("AE", "incidence", 10.6, None, t_dxd_thp)
    assert {r.value for r in rows}.isdisjoint({11.2, 4.0, 18.3, 927.0, 321.0})


HC02 = (
    "Tucatinib or placebo added to trastuzumab emtansine for previously treated "
    "HER2-positive metastatic breast cancer (HER2CLIMB-02): a randomised, double-blind, "
    "phase 3 trial\n\nHER2CLIMB-02 (NCT03975647) randomized pts with HER2+ unresectable "
    "locally advanced or metastatic BC previously treated with trastuzumab and a taxane "
    "1:1 to tucatinib 300 mg BID or placebo, each with T-DM1 3.6 mg/kg Q3W. Pts with brain "
    "metastases (BM) were eligible. Primary endpoint was PFS by investigator assessment. "
    "463 pts were randomized (tucatinib+T-DM1 n=228; placebo+T-DM1 n=235); 44.1% had BM at "
    "baseline. Median PFS was 9.5 mo in the tucatinib+T-DM1 arm vs 7.4 mo in the "
    "placebo+T-DM1 arm (HR 0.76; 95% CI 0.61-0.95; P=0.0163). In pts with BM, mPFS was 7.8 "
    "vs 5.7 mo (HR 0.64; 95% CI 0.46-0.89). Confirmed ORR: 42.0% vs 36.1%. OS data were "
    "immature. Grade >=3 AEs occurred in 69.2% vs 41.0% of pts; AEs led to "
    "tucatinib/placebo discontinuation in 20.6% vs 6.0%. Conclusions: Adding tucatinib to "
    "T-DM1 significantly improved PFS. Funding: Seagen Inc. Disclosure: S.A. Hurvitz: "
    "Institutional research funding: 17 companies."
)


def test_her2climb02_pinned(nlp):
    """ "tucatinib ... or placebo, each with T-DM1" arms in "+" forms, the BM subgroup pair and
    its ratio, ORR and grade 3 events (already right); the BM share and "pts" counts are no
    values, nor discontinuation shares."""
    rows = rows_of(nlp, HC02, P_ROW)
    assert row_with(rows, 9.5) == ("PFS", "median", 9.5, None, TUC)
    assert row_with(rows, 7.4) == ("PFS", "median", 7.4, None, T_DM1)
    assert row_with(rows, 0.76) == ("PFS", "HR", 0.76, "0.0163", None)
    assert row_with(rows, 7.8) == ("PFS", "median", 7.8, None, TUC)
    assert row_with(rows, 0.64) == ("PFS", "HR", 0.64, None, None)
    assert row_with(rows, 42.0) == ("ORR", "rate", 42.0, None, TUC)
    assert row_with(rows, 41.0) == ("AE_G3", "incidence", 41.0, None, T_DM1)
    assert {r.value for r in rows}.isdisjoint({44.1, 463.0, 228.0, 20.6, 6.0, 17.0})


PHILA = (
    "Pyrotinib plus trastuzumab and docetaxel for HER2-positive metastatic breast cancer "
    "(PHILA): overall survival from a randomised, double-blind, phase 3 "
    "trial\n\nBackground: In PHILA (NCT03863223), pyrotinib plus trastuzumab and docetaxel "
    "(PyroHT) significantly improved PFS over placebo plus trastuzumab and docetaxel as "
    "first-line therapy. We report OS from the prespecified analysis. Methods: Pts with "
    "untreated HER2+ MBC were randomized 1:1 to pyrotinib 400 mg QD or placebo, plus "
    "trastuzumab and docetaxel. Results: 590 pts were randomized (pyrotinib arm n=297; "
    "placebo arm n=293). With a median follow-up of 59.3 mo, median OS was not reached in "
    "the pyrotinib arm vs 57.4 mo in the placebo arm (HR 0.64; 95% CI 0.50-0.82; one-sided "
    "P=0.0002). 5-y OS rates were 61.5% vs 48.7%. Updated mPFS was 22.8 vs 10.4 mo (HR "
    "0.44; 95% CI 0.36-0.53). Subsequent anti-HER2 therapy was received by 66 pts (22.2%) "
    "vs 131 pts (44.7%). No new safety signals. Conclusions: Pyrotinib plus trastuzumab "
    "and docetaxel provided a statistically significant OS benefit. Funding: Jiangsu "
    "Hengrui Pharmaceuticals."
)


def test_phila_overall_survival_pinned(nlp):
    """Median OS not reached vs 57.4 mo, the one-sided P, 5-year rates, updated PFS (already
    right); the follow-up and shares given later therapy are no values."""
    rows = rows_of(nlp, PHILA, P_ROW)
    assert rows[0] == ("OS", "median", None, None, PYRO)
    assert row_with(rows, 57.4) == ("OS", "median", 57.4, None, HT)
    assert row_with(rows, 0.64) == ("OS", "HR", 0.64, "0.0002", None)
    assert row_with(rows, 61.5) == ("OS", "rate", 61.5, None, PYRO)
    assert row_with(rows, 48.7) == ("OS", "rate", 48.7, None, HT)
    assert row_with(rows, 10.4) == ("PFS", "median", 10.4, None, HT)
    assert {r.value for r in rows}.isdisjoint({59.3, 22.2, 44.7, 590.0})


DB12 = (
    "Trastuzumab deruxtecan in patients with HER2+ advanced/metastatic breast cancer with "
    "or without brain metastases: primary results of DESTINY-Breast12\n\nDESTINY-Breast12 "
    "(NCT04739761) is an open-label, two-cohort, single-arm phase 3b/4 study of T-DXd 5.4 "
    "mg/kg Q3W in pts with HER2+ mBC previously treated with at least one anti-HER2 "
    "regimen, with (BM cohort) or without (non-BM cohort) baseline brain metastases. "
    "Primary endpoints were ORR (non-BM cohort) and 12-month PFS (BM cohort). Results: 504 "
    "pts received T-DXd (BM n=263; non-BM n=241). In the BM cohort, 12-mo PFS was 61.6% "
    "(95% CI 54.9-67.6) and intracranial ORR was 71.7% (95% CI 64.2-78.3). In the non-BM "
    "cohort, ORR was 62.7% (95% CI 56.5-68.8); 12-mo PFS was 68.9%. ILD/pneumonitis "
    "occurred in 16.0% (BM) and 13.0% (non-BM) of pts; grade 5 ILD in 7 pts (2.7%) and 3 "
    "pts (1.2%). Conclusions: T-DXd showed substantial and durable intracranial and "
    "overall activity. Funding: AstraZeneca."
)


def test_destiny_breast12_pinned(nlp):
    """Per-cohort 12-month PFS and ORR with CIs; the intracranial ORR is outside the contract
    (already right)."""
    rows = rows_of(nlp, DB12)
    assert row_with(rows, 61.6)[:5] == ("PFS", "rate", 61.6, 54.9, 67.6)
    assert row_with(rows, 62.7) == ("ORR", "rate", 62.7, 56.5, 68.8, None, None)
    assert row_with(rows, 68.9).endpoint == "PFS"
    assert 71.7 not in {r.value for r in rows}
