"""Held-out round 26: HER2-low and HER2-ultralow breast cancer, and the HER2-negative comparators
a HER2 curator meets. DESTINY-Breast04 (per hormone-receptor cohort and arm), DESTINY-Breast06
(HER2-low, HER2-ultralow and intention-to-treat populations), DAISY (cohorts by HER2
expression), DB-1303 phase 1/2a, TROPiCS-02 (sacituzumab govitecan versus treatment of
physician's choice) and a pooled HER2-low versus HER2-zero analysis (no treatment arms). HER2
expression groups ("HER2-low", "IHC 1+", "IHC 2+/ISH-") were read as no arm, drug or value.
Found: TROPiCS-02's Findings restated the design as "sacituzumab govitecan (n=272) or
chemotherapy (n=271)", which made "chemotherapy" a third, drugless arm, so every value of the
physician's-choice arm had arm null; a bare ratio after the next end point's compared rates
("and 3-year overall survival was 91·5% versus 85·8% (0·65 [0·49–0·86]; p=0·0026)") and after a
subgroup with digits in its name ("and HER2 IHC0 (0·84, 0·62–1·13) subgroups") was lost; and
"the phase III TROPiCS-02 study" (a name in mixed case) named no trial."""

from __future__ import annotations

from extract_helpers import CI_ROW, P_ROW, arm_of, extract_text, registry_of, rows_of

TDXD = "trastuzumab deruxtecan"
TPC = "physician's choice"
SG = "sacituzumab govitecan"

DB04 = (
    "Trastuzumab Deruxtecan in Previously Treated HER2-Low Advanced Breast Cancer\n"
    "\n"
    "BACKGROUND\n"
    "Currently available HER2-directed therapies have not been effective in patients with "
    "tumors that have low levels of HER2 expression (defined as a score of 1+ on "
    "immunohistochemical [IHC] analysis or as an IHC score of 2+ and negative results on "
    "in situ hybridization [ISH]).\n"
    "\n"
    "METHODS\n"
    "We conducted a phase 3 trial (DESTINY-Breast04) involving patients with HER2-low "
    "metastatic breast cancer who had received one or two previous lines of chemotherapy. "
    "Patients were randomly assigned in a 2:1 ratio to receive trastuzumab deruxtecan "
    "(5.4 mg per kilogram of body weight every 3 weeks) or the physician's choice of "
    "chemotherapy (capecitabine, eribulin, gemcitabine, paclitaxel, or nab-paclitaxel). "
    "The primary end point was progression-free survival in the hormone receptor-positive "
    "cohort. The key secondary end points were progression-free survival among all "
    "patients and overall survival in the hormone receptor-positive cohort and among all "
    "patients.\n"
    "\n"
    "RESULTS\n"
    "Of the 557 patients who underwent randomization, 494 (88.7%) had hormone "
    "receptor-positive disease and 63 (11.3%) had hormone receptor-negative disease. In "
    "the hormone receptor-positive cohort, the median progression-free survival was 10.1 "
    "months in the trastuzumab deruxtecan group and 5.4 months in the physician's choice "
    "group (hazard ratio for disease progression or death, 0.51; 95% CI, 0.40 to 0.64; "
    "P<0.001), and overall survival was 23.9 months and 17.5 months, respectively (hazard "
    "ratio for death, 0.64; 95% CI, 0.48 to 0.86; P=0.003). Among all patients, the "
    "median progression-free survival was 9.9 months in the trastuzumab deruxtecan group "
    "and 5.1 months in the physician's choice group (hazard ratio for disease progression "
    "or death, 0.50; 95% CI, 0.40 to 0.63; P<0.001), and overall survival was 23.4 months "
    "and 16.8 months, respectively (hazard ratio for death, 0.64; 95% CI, 0.49 to 0.84; "
    "P=0.001). Adverse events of grade 3 or higher occurred in 52.6% of the patients who "
    "received trastuzumab deruxtecan and 67.4% of those who received the physician's "
    "choice of chemotherapy. Adjudicated, drug-related interstitial lung disease or "
    "pneumonitis occurred in 12.1% of the patients who received trastuzumab deruxtecan; "
    "0.8% had grade 5 events.\n"
    "\n"
    "CONCLUSIONS\n"
    "In this trial involving patients with HER2-low metastatic breast cancer, trastuzumab "
    "deruxtecan resulted in significantly longer progression-free and overall survival "
    "than the physician's choice of chemotherapy. (Funded by Daiichi Sankyo and "
    "AstraZeneca; DESTINY-Breast04 ClinicalTrials.gov number, NCT03734029.)"
)

DB06 = (
    "Trastuzumab deruxtecan versus chemotherapy in HER2-low and HER2-ultralow, hormone "
    "receptor-positive metastatic breast cancer after endocrine therapy "
    "(DESTINY-Breast06): a randomised, open-label, phase 3 trial\n"
    "\n"
    "Summary\n"
    "Background Trastuzumab deruxtecan is approved for HER2-low metastatic breast cancer "
    "after chemotherapy. We assessed trastuzumab deruxtecan in patients with HER2-low "
    "(IHC 1+ or IHC 2+/ISH-negative) or HER2-ultralow (IHC 0 with membrane staining) "
    "disease who had received one or more lines of endocrine therapy and no chemotherapy "
    "for metastatic disease.\n"
    "Methods In this randomised, open-label, phase 3 trial, patients were randomly "
    "assigned (1:1) to trastuzumab deruxtecan 5·4 mg/kg intravenously every 3 weeks or "
    "chemotherapy of the investigator's choice (capecitabine, paclitaxel, or "
    "nab-paclitaxel). The primary endpoint was progression-free survival by blinded "
    "independent central review in the HER2-low population. This trial is registered with "
    "ClinicalTrials.gov, NCT04494425.\n"
    "Findings 866 patients were randomly assigned: 713 had HER2-low disease and 153 had "
    "HER2-ultralow disease. In the HER2-low population, median progression-free survival "
    "was 13·2 months (95% CI 11·4–15·2) with trastuzumab deruxtecan and 8·1 months "
    "(7·0–9·0) with chemotherapy (hazard ratio [HR] 0·62 [95% CI 0·51–0·74]; p<0·0001). "
    "In the HER2-ultralow population, median progression-free survival was 15·1 months "
    "versus 8·3 months (HR 0·78 [0·50–1·21]). In the intention-to-treat population, the "
    "HR for progression-free survival was 0·63 (0·53–0·75; p<0·0001). The objective "
    "response rate in the HER2-low population was 56·5% with trastuzumab deruxtecan and "
    "32·2% with chemotherapy. Grade 3 or worse adverse events occurred in 52·8% of "
    "patients in the trastuzumab deruxtecan group and 44·4% in the chemotherapy group; "
    "adjudicated drug-related interstitial lung disease or pneumonitis occurred in 11·3% "
    "of patients given trastuzumab deruxtecan.\n"
    "Interpretation Trastuzumab deruxtecan significantly prolonged progression-free "
    "survival compared with chemotherapy in patients with HER2-low or HER2-ultralow "
    "metastatic breast cancer after one or more endocrine-based therapies.\n"
    "Funding AstraZeneca and Daiichi Sankyo."
)

DAISY = (
    "Trastuzumab deruxtecan in metastatic breast cancer with variable HER2 expression: "
    "the phase 2 DAISY trial\n"
    "\n"
    "Trastuzumab deruxtecan (T-DXd) has shown activity in HER2-overexpressing and "
    "HER2-low metastatic breast cancer, but the mechanisms of action and resistance are "
    "not fully understood. DAISY is a multicentre, open-label phase 2 trial in which "
    "patients with metastatic breast cancer received T-DXd 5.4 mg/kg every 3 weeks in "
    "three cohorts defined by HER2 expression: HER2-overexpressing (IHC 3+ or IHC "
    "2+/ISH+; cohort 1, n = 72), HER2-low (IHC 2+/ISH- or IHC 1+; cohort 2, n = 74) and "
    "HER2-non-expressing (IHC 0; cohort 3, n = 40). The primary endpoint was the "
    "confirmed objective response rate (ORR) by investigator assessment in each cohort. "
    "The confirmed ORR was 70.6% (95% CI 58.3-81.0) in cohort 1, 37.5% (95% CI 26.4-49.7) "
    "in cohort 2 and 29.7% (95% CI 15.9-47.0) in cohort 3. Median progression-free "
    "survival (PFS) was 11.1 months (95% CI 8.5-14.4), 6.7 months (95% CI 4.4-8.3) and "
    "4.2 months (95% CI 2.0-5.7) in cohorts 1, 2 and 3, respectively. In patients with "
    "IHC 0 tumours, responses were seen in 30% of those with no detectable HER2 staining. "
    "Grade 3 or higher drug-related adverse events occurred in 33% of patients; "
    "interstitial lung disease occurred in 3.2%. T-DXd has antitumour activity across "
    "HER2 expression levels, and its efficacy decreases with lower HER2 expression."
)

DB1303 = (
    "DB-1303/BNT323, a novel HER2-targeting antibody-drug conjugate, in patients with "
    "HER2-low, hormone receptor-positive advanced breast cancer: results from a phase "
    "1/2a study\n"
    "\n"
    "Background: DB-1303 (BNT323) is a HER2-directed ADC with a topoisomerase I inhibitor "
    "payload. We report efficacy and safety in the HER2-low (IHC 1+ or IHC 2+/ISH-), HR+ "
    "breast cancer cohort of the first-in-human phase 1/2a study (NCT05150691).\n"
    "Methods: Pts with HER2-low, HR+ advanced BC who had received at least one prior line "
    "of chemotherapy and endocrine therapy received DB-1303 at 7 or 8 mg/kg every 3 "
    "weeks. Primary endpoints were safety and ORR by investigator per RECIST v1.1.\n"
    "Results: As of data cutoff, 55 pts with HER2-low, HR+ BC were enrolled (IHC 1+: 34; "
    "IHC 2+/ISH-: 21). The median number of prior lines of therapy was 3. The unconfirmed "
    "ORR was 44.2% (95% CI 30.5-58.7) and the DCR was 93.0%. ORR was 40.0% in IHC 1+ pts "
    "and 50.0% in IHC 2+/ISH- pts. mPFS was 12.6 mo (95% CI 7.8-NR). Grade ≥3 TRAEs "
    "occurred in 30.9% of pts; ILD/pneumonitis was reported in 1.8% (grade 1-2 only).\n"
    "Conclusions: DB-1303 showed promising antitumor activity with a manageable safety "
    "profile in HER2-low, HR+ BC. A phase 3 trial (DYNASTY-Breast02) comparing DB-1303 "
    "with investigator's choice chemotherapy is ongoing."
)

TROPICS_JCO = (
    "Sacituzumab Govitecan in Hormone Receptor-Positive/Human Epidermal Growth Factor "
    "Receptor 2-Negative Metastatic Breast Cancer\n"
    "\n"
    "PURPOSE\n"
    "Patients with hormone receptor-positive/human epidermal growth factor receptor "
    "2-negative (HR+/HER2-) metastatic breast cancer (mBC) that progresses on "
    "endocrine-based therapy have limited treatment options. Sacituzumab govitecan (SG) "
    "is a Trop-2-directed antibody-drug conjugate.\n"
    "\n"
    "METHODS\n"
    "In the phase III TROPiCS-02 study, patients with HR+/HER2- (immunohistochemistry "
    "[IHC] 0, IHC1+, or IHC2+/in situ hybridization-negative) mBC who had received "
    "endocrine therapy, a CDK4/6 inhibitor, and two to four prior chemotherapy regimens "
    "for metastatic disease were randomly assigned 1:1 to SG (10 mg/kg intravenously on "
    "days 1 and 8 of a 21-day cycle) or treatment of physician's choice (TPC; eribulin, "
    "vinorelbine, capecitabine, or gemcitabine). The primary end point was "
    "progression-free survival (PFS) by blinded independent central review.\n"
    "\n"
    "RESULTS\n"
    "Overall, 543 patients were randomly assigned (SG, n = 272; TPC, n = 271). Median PFS "
    "was 5.5 months with SG versus 4.0 months with TPC (hazard ratio [HR], 0.66; 95% CI, "
    "0.53 to 0.83; P = .0003); PFS rates at 12 months were 21% versus 7%. At the first "
    "planned analysis, median overall survival was 13.9 versus 12.3 months (HR, 0.84; 95% "
    "CI, 0.67 to 1.06; P = .14). In the HER2-low subgroup (IHC1+ or IHC2+/ISH-), median "
    "PFS was 6.4 months with SG and 4.2 months with TPC (HR, 0.58; 95% CI, 0.42 to 0.79; "
    "P < .001). The objective response rate was 21% with SG and 14% with TPC (odds ratio, "
    "1.63; P = .035). Grade ≥3 treatment-emergent adverse events occurred in 74% of "
    "patients receiving SG and 60% receiving TPC; the most common were neutropenia (51% v "
    "38%) and diarrhea (10% v 1%).\n"
    "\n"
    "CONCLUSION\n"
    "SG demonstrated statistically significant PFS benefit over chemotherapy in heavily "
    "pretreated patients with HR+/HER2- mBC."
)

TROPICS_OS = (
    "Overall survival with sacituzumab govitecan in hormone receptor-positive and human "
    "epidermal growth factor receptor 2-negative metastatic breast cancer (TROPiCS-02): a "
    "randomised, open-label, multicentre, phase 3 trial\n"
    "\n"
    "Summary\n"
    "Background Sacituzumab govitecan significantly improved progression-free survival "
    "versus chemotherapy in patients with HR-positive, HER2-negative metastatic breast "
    "cancer. We report the second interim analysis of overall survival.\n"
    "Methods TROPiCS-02 is a randomised, open-label, phase 3 trial. Eligible patients "
    "were randomly assigned (1:1) to receive sacituzumab govitecan (10 mg/kg "
    "intravenously on days 1 and 8 of a 21-day cycle) or treatment of physician's choice "
    "(capecitabine, vinorelbine, gemcitabine, or eribulin). This trial is registered with "
    "ClinicalTrials.gov, NCT03901339.\n"
    "Findings 543 patients were randomly assigned to sacituzumab govitecan (n=272) or "
    "chemotherapy (n=271). Overall survival was significantly improved with sacituzumab "
    "govitecan versus chemotherapy (median 14·4 months [95% CI 13·0–15·7] vs 11·2 months "
    "[10·1–12·7]; hazard ratio 0·79, 95% CI 0·65–0·96; p=0·020). Overall survival was "
    "improved in both the HER2 IHC-low (HR 0·75, 95% CI 0·59–0·94) and HER2 IHC0 (0·84, "
    "0·62–1·13) subgroups. The objective response rate was 21% in the sacituzumab "
    "govitecan group and 14% in the chemotherapy group (odds ratio 1·63, 95% CI "
    "1·03–2·56; p=0·035). The most common grade 3 or worse treatment-emergent adverse "
    "events were neutropenia (148 [55%] of 268 patients in the sacituzumab govitecan "
    "group vs 97 [39%] of 249 in the chemotherapy group) and diarrhoea (25 [9%] vs three "
    "[1%]).\n"
    "Interpretation Sacituzumab govitecan should be considered a new treatment option for "
    "patients with pretreated, endocrine-resistant HR-positive, HER2-negative metastatic "
    "breast cancer."
)

HER2_LOW_POOLED = (
    "Response to neoadjuvant therapy and survival in HER2-low versus HER2-zero early "
    "breast cancer: a pooled analysis of individual patient data from four prospective, "
    "neoadjuvant clinical trials\n"
    "\n"
    "Summary\n"
    "Background HER2-low breast cancer has been proposed as a new entity, but whether it "
    "differs from HER2-zero disease in response to therapy and prognosis is unknown.\n"
    "Methods We did a pooled analysis of 2310 patients with HER2-negative primary breast "
    "cancer treated with neoadjuvant anthracycline-taxane-based chemotherapy in four "
    "prospective trials. HER2-low was defined as IHC 1+ or IHC 2+ with negative in-situ "
    "hybridisation, and HER2-zero as IHC 0. Endpoints were pathological complete response "
    "(pCR), disease-free survival, and overall survival, compared between HER2-low and "
    "HER2-zero tumours.\n"
    "Findings 1098 (47·5%) tumours were HER2-zero and 1212 (52·5%) were HER2-low. "
    "Patients with HER2-low tumours had a lower pCR rate than those with HER2-zero "
    "tumours (29·2% vs 39·0%; p=0·0002). In the hormone receptor-positive subgroup, pCR "
    "was 17·5% in HER2-low versus 23·6% in HER2-zero tumours (p=0·024). Survival was "
    "significantly longer in patients with HER2-low tumours: 3-year disease-free survival "
    "was 83·4% versus 76·1% (hazard ratio 0·69 [95% CI 0·57–0·84]; p=0·0002), and 3-year "
    "overall survival was 91·5% versus 85·8% (0·65 [0·49–0·86]; p=0·0026).\n"
    "Interpretation HER2-low tumours respond less to neoadjuvant chemotherapy but have "
    "better survival than HER2-zero tumours.\n"
    "Funding German Breast Group."
)


# --- found and fixed ---------------------------------------------------------------------------


def test_restated_chemotherapy_is_the_physicians_choice_arm(nlp):
    """ "543 patients were randomly assigned to sacituzumab govitecan (n=272) or chemotherapy
    (n=271)" restates the design's two arms: "chemotherapy" is the physician's-choice arm, not
    a third, drugless one, so "vs 11·2 months" and "14% in the chemotherapy group" are its."""
    reg = registry_of(nlp, TROPICS_OS)
    assert [a.name for a in reg.arms] == [SG, TPC]
    rows = rows_of(nlp, TROPICS_OS, P_ROW)
    assert arm_of(rows, 11.2) == TPC
    assert arm_of(rows, 14.0) == TPC
    assert arm_of(rows, 39.0) == TPC
    assert arm_of(rows, 14.4) == SG


def test_restated_chemotherapy_without_physicians_choice_stays_drugless(nlp):
    """Negative: with no physician's-choice arm, a restated "chemotherapy" is the design's own
    drugless chemotherapy arm (its values arm null), not a new reading."""
    text = (
        "Trastuzumab deruxtecan versus chemotherapy\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan or chemotherapy. Overall, "
        "557 patients were randomly assigned to trastuzumab deruxtecan (n=373) or chemotherapy "
        "(n=184). Median PFS was 9.9 months with trastuzumab deruxtecan and 5.1 months with "
        "chemotherapy."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert TPC not in names
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 9.9) == TDXD
    assert arm_of(rows, 5.1) is None


def test_bare_ratio_after_next_end_points_compared_rates(nlp):
    """ "(hazard ratio 0·69 [...]; p=0·0002), and 3-year overall survival was 91·5% versus 85·8%
    (0·65 [0·49–0·86]; p=0·0026)": the bare bracket after the second rate pair is that end
    point's ratio, with its CI and P (the rates keep no P of their own)."""
    rows = rows_of(nlp, HER2_LOW_POOLED)
    assert ("OS", "HR", 0.65, 0.49, 0.86, "0.0026", None) in rows
    assert ("DFS", "HR", 0.69, 0.57, 0.84, "0.0002", None) in rows
    assert [r.p for r in rows if r.value in (91.5, 85.8)] == [None, None]


def test_labelled_bracket_after_compared_rates_is_no_ratio(nlp):
    """Negative: a bracket that names its number ("difference 5·7") after the second rate pair
    is no hazard ratio."""
    text = (
        "HER2-low versus HER2-zero breast cancer\n\n"
        "3-year disease-free survival was 83·4% versus 76·1% (hazard ratio 0·69 [95% CI "
        "0·57–0·84]; p=0·0002), and 3-year overall survival was 91·5% versus 85·8% "
        "(difference 5·7 [2·1–9·3])."
    )
    assert [r.value for r in rows_of(nlp, text) if r.measure == "HR"] == [0.69]


def test_bare_ratio_of_a_subgroup_named_with_digits(nlp):
    """ "improved in both the HER2 IHC-low (HR 0·75, ...) and HER2 IHC0 (0·84, 0·62–1·13)
    subgroups": a subgroup word may hold digits ("IHC0"), so the second ratio is read."""
    rows = rows_of(nlp, TROPICS_OS, CI_ROW)
    assert ("OS", "HR", 0.75, 0.59, 0.94, None) in rows
    assert ("OS", "HR", 0.84, 0.62, 1.13, None) in rows


def test_mixed_case_numbered_name_after_design_words_is_a_trial(nlp):
    """ "In the phase III TROPiCS-02 study": a name in mixed case with a hyphenated number after
    the design words names the trial."""
    assert extract_text(nlp, TROPICS_JCO).trials == ["TROPiCS-02"]


def test_status_and_drug_code_after_design_words_name_no_trial(nlp):
    """Negative: "the phase II HER2-low study" ends in no number, and "the phase I DS-8201
    study" is a drug code (two capitals before the number)."""
    text = (
        "HER2-low breast cancer\n\n"
        "In the phase II HER2-low study, patients received trastuzumab deruxtecan. In the phase "
        "I DS-8201 study, the ORR was 37%."
    )
    assert extract_text(nlp, text).trials == []


# --- pinned: already read right --------------------------------------------------------------


def test_destiny_breast04_cohort_values_per_arm(nlp):
    """Each cohort's ("hormone receptor-positive cohort", "all patients") medians go to the
    T-DXd and physician's-choice groups, its ratios have arm null with their CI and P."""
    rows = rows_of(nlp, DB04)
    assert ("PFS", "median", 10.1, None, None, None, TDXD) in rows
    assert ("PFS", "median", 5.4, None, None, None, TPC) in rows
    assert ("PFS", "HR", 0.51, 0.40, 0.64, "<0.001", None) in rows
    assert ("OS", "median", 17.5, None, None, None, TPC) in rows
    assert ("OS", "HR", 0.64, 0.48, 0.86, "0.003", None) in rows
    assert ("PFS", "median", 5.1, None, None, None, TPC) in rows
    assert ("OS", "HR", 0.64, 0.49, 0.84, "0.001", None) in rows
    assert ("AE_G3", "incidence", 67.4, None, None, None, TPC) in rows
    assert ("ILD", "incidence", 12.1, None, None, None, TDXD) in rows


def test_destiny_breast04_her2_low_definition_holds_no_value(nlp):
    """ "a score of 1+ on immunohistochemical [IHC] analysis or ... 2+": IHC scores and the
    cohorts' shares of patients are no values; the options are drugs."""
    ex = extract_text(nlp, DB04)
    assert {1.0, 2.0, 88.7, 11.3} & {o.value for o in ex.outcomes} == set()
    assert ex.drugs == sorted(
        ["capecitabine", "eribulin", "gemcitabine", "nab-paclitaxel", "paclitaxel", TDXD]
    )
    assert ex.trials == ["DESTINY-Breast04", "NCT03734029"]


def test_destiny_breast06_populations_and_lancet_numbers(nlp):
    """HER2-low and HER2-ultralow populations: medians per arm (the investigator's-choice
    chemotherapy arm is physician's choice), each ratio with its Lancet CI."""
    rows = rows_of(nlp, DB06)
    assert ("PFS", "median", 13.2, 11.4, 15.2, None, TDXD) in rows
    assert ("PFS", "median", 8.1, 7.0, 9.0, None, TPC) in rows
    assert ("PFS", "HR", 0.62, 0.51, 0.74, "<0.0001", None) in rows
    assert ("PFS", "median", 8.3, None, None, None, TPC) in rows
    assert ("PFS", "HR", 0.78, 0.50, 1.21, None, None) in rows
    assert ("PFS", "HR", 0.63, 0.53, 0.75, "<0.0001", None) in rows
    assert ("ORR", "rate", 32.2, None, None, None, TPC) in rows
    assert ("AE_G3", "incidence", 44.4, None, None, None, TPC) in rows


def test_daisy_cohorts_by_her2_expression_have_no_arm(nlp):
    """A single-drug study's cohorts by HER2 expression are no arms: per-cohort ORR and PFS
    with their CIs, arm null; "IHC 3+", "n = 72" and "cohort 1" are no values."""
    rows = rows_of(nlp, DAISY, CI_ROW)
    assert ("ORR", "rate", 70.6, 58.3, 81.0, None) in rows
    assert ("ORR", "rate", 29.7, 15.9, 47.0, None) in rows
    assert ("PFS", "median", 6.7, 4.4, 8.3, None) in rows
    assert ("PFS", "median", 4.2, 2.0, 5.7, None) in rows
    assert {3.0, 72.0, 74.0, 40.0} & {r.value for r in rows} == set()


def test_db1303_ihc_subgroups_are_no_values_or_arms(nlp):
    """ "(IHC 1+: 34; IHC 2+/ISH-: 21)" holds no value; the ORR per IHC group has arm null;
    the BNT323 code names db-1303."""
    ex = extract_text(nlp, DB1303)
    assert ex.drugs == ["db-1303"]
    rows = [(o.endpoint, o.measure, o.value, o.arm) for o in ex.outcomes]
    assert ("ORR", "rate", 40.0, None) in rows
    assert ("ORR", "rate", 50.0, None) in rows
    assert ("DCR", "rate", 93.0, None) in rows
    assert {34.0, 21.0, 1.0, 2.0} & {r[2] for r in rows} == set()


def test_tropics02_tpc_arm_and_her2_low_subgroup(nlp):
    """SG versus TPC (an undefined "TPC" short form after "treatment of physician's choice"):
    the HER2-low subgroup's medians go to the arms, its ratio has arm null; "IHC1+" is no
    value."""
    ex = extract_text(nlp, TROPICS_JCO)
    assert SG in ex.drugs
    rows = rows_of(nlp, TROPICS_JCO)
    assert ("PFS", "HR", 0.66, 0.53, 0.83, "0.0003", None) in rows
    assert ("PFS", "median", 6.4, None, None, None, SG) in rows
    assert ("PFS", "median", 4.2, None, None, None, TPC) in rows
    assert ("PFS", "HR", 0.58, 0.42, 0.79, "<0.001", None) in rows
    assert ("ORR", "OR", 1.63, None, None, "0.035", None) in rows
    assert 1.0 not in [r.value for r in rows if r.endpoint != "AE_G3"]


def test_her2_low_versus_zero_study_has_no_arms(nlp):
    """A comparison of HER2 expression groups names no drug and no arm: every value has arm
    null; "IHC 1+ or IHC 2+" is no value."""
    ex = extract_text(nlp, HER2_LOW_POOLED)
    assert ex.drugs == []
    assert {o.arm for o in ex.outcomes} == {None}
    rows = rows_of(nlp, HER2_LOW_POOLED, P_ROW)
    assert ("pCR", "rate", 17.5, "0.024", None) in rows
    assert ("DFS", "rate", 83.4, None, None) in rows
