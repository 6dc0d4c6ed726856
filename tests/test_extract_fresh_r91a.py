"""Fresh round 91a: labels and lists in real abstracts. A three-arm dose trial (two T-DXd doses vs
lapatinib plus capecitabine) where an HR clause after "respectively;" hid the list order and a
"in X and Y arms and in Z of those receiving W" list lost its first arm; NSABP B-43, where the
label "RT + T" names the trastuzumab arm (radiotherapy is no drug); a T-DM1 with or without
pyrotinib trial whose short form "T-DM1+Pyr" was read by its first part; and a biosimilar trial
whose "in both arms" value belongs to each of two arms of one regimen."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

TDXD = "trastuzumab deruxtecan"
LC = "capecitabine+lapatinib"
PT = "pyrotinib+trastuzumab emtansine"
TDM1 = "trastuzumab emtansine"
PTZ = "paclitaxel+trastuzumab"

DOSES = (
    "Two Doses of Trastuzumab Deruxtecan vs Lapatinib Plus Capecitabine in HER2-Positive "
    "Metastatic Breast Cancer Previously Treated With Trastuzumab Emtansine: A Randomized "
    "Clinical Trial\n"
    "\n"
    "Importance: The optimal dose of trastuzumab deruxtecan (T-DXd) after progression on "
    "trastuzumab emtansine (T-DM1) has not been established in a randomized setting.\n"
    "Objective: To compare 2 doses of T-DXd with each other and with lapatinib plus "
    "capecitabine in patients with HER2-positive metastatic breast cancer previously "
    "treated with T-DM1.\n"
    "Design, Setting, and Participants: This open-label, 3-arm, randomized clinical trial "
    "enrolled patients at 61 centers in Europe and Asia from 2020 to 2023.\n"
    "Interventions: Patients were randomized 1:1:1 to T-DXd 5.4 mg/kg every 3 weeks, T-DXd "
    "6.4 mg/kg every 3 weeks, or lapatinib (1250 mg daily) plus capecitabine (1000 mg/m2 "
    "twice daily on days 1-14).\n"
    "Main Outcomes and Measures: The primary end point was confirmed objective response "
    "rate (ORR) by independent central review; progression-free survival (PFS) and safety "
    "were secondary end points.\n"
    "Results: Of 246 randomized patients (median age, 55 years), 82 received T-DXd 5.4 "
    "mg/kg, 82 received T-DXd 6.4 mg/kg, and 82 received lapatinib plus capecitabine. "
    "Confirmed ORR was 58.5% (95% CI, 47.1%-69.3%) with 5.4 mg/kg, 61.0% (95% CI, "
    "49.6%-71.6%) with 6.4 mg/kg, and 29.3% (95% CI, 19.7%-40.4%) with lapatinib plus "
    "capecitabine. Median PFS was 15.2 months (95% CI, 11.3-19.0 months), 16.1 months (95% "
    "CI, 12.5-NE), and 6.8 months (95% CI, 5.5-8.3 months), respectively; the HR for the "
    "5.4-mg/kg dose vs lapatinib plus capecitabine was 0.37 (95% CI, 0.26-0.53; P < .001). "
    "Across both T-DXd arms, drug-related interstitial lung disease occurred in 17 of 164 "
    "patients (10.4%), including grade 3 or higher events in 4 (2.4%). Grade 3 or higher "
    "adverse events occurred in 47.6% and 56.1% of patients in the 5.4-mg/kg and 6.4-mg/kg "
    "arms and in 52.4% of those receiving lapatinib plus capecitabine.\n"
    "Conclusions and Relevance: In this randomized clinical trial, both doses of T-DXd "
    "were more active than lapatinib plus capecitabine, and the higher dose added toxic "
    "effects without a clear gain in efficacy, supporting 5.4 mg/kg."
)

B43 = (
    "NRG Oncology/NSABP B-43: A Phase III Trial Comparing Radiation Therapy With or "
    "Without Trastuzumab in Women With HER2-Positive Ductal Carcinoma In Situ\n"
    "\n"
    "PURPOSE\n"
    "Trastuzumab reduces recurrence in invasive HER2-positive breast cancer. NSABP B-43 "
    "tested whether two doses of trastuzumab given during radiotherapy reduce recurrence "
    "after lumpectomy for HER2-positive ductal carcinoma in situ (DCIS).\n"
    "METHODS\n"
    "Women with HER2-positive DCIS treated by lumpectomy were randomly assigned to "
    "whole-breast radiotherapy (RT) alone or to RT with two doses of trastuzumab given 3 "
    "weeks apart (RT + T). The primary end point was the ipsilateral breast cancer "
    "recurrence-free interval (IBCRFI). Secondary end points included disease-free "
    "survival (DFS) and toxicity (ClinicalTrials.gov identifier: NCT00769379).\n"
    "RESULTS\n"
    "A total of 2,014 patients were randomly assigned. After a median follow-up of 79.2 "
    "months, there were 63 ipsilateral recurrence events in the RT arm and 51 in the RT + "
    "T arm (HR, 0.81; 95% CI, 0.56 to 1.17; P = .26), which did not reach the prespecified "
    "significance level. DFS did not differ between the arms (HR, 0.96; 95% CI, 0.76 to "
    "1.22; P = .73). Grade 3 or higher adverse events were reported in 3.6% of patients in "
    "the RT + T arm and 2.3% of patients in the RT arm, and no grade 3 or higher cardiac "
    "event occurred.\n"
    "CONCLUSION\n"
    "Two doses of trastuzumab during radiotherapy did not significantly reduce ipsilateral "
    "recurrence in HER2-positive DCIS."
)

PYROTINIB = (
    "Trastuzumab emtansine with or without pyrotinib for HER2-positive early breast cancer "
    "with residual invasive disease after neoadjuvant therapy: a randomized phase II trial\n"
    "\n"
    "Background\n"
    "Patients with residual invasive disease after neoadjuvant HER2-directed therapy "
    "remain at substantial risk of recurrence despite adjuvant T-DM1.\n"
    "Methods\n"
    "Pts with residual invasive disease after neoadjuvant trastuzumab-based therapy with "
    "or without pertuzumab were randomized 1:1 to T-DM1 3.6 mg/kg q3w for 14 cycles plus "
    "pyrotinib 320 mg qd for 1 yr (T-DM1+Pyr) or T-DM1 alone. Primary endpoint: 3-yr IDFS.\n"
    "Results\n"
    "312 pts were enrolled (156 per arm); 41.3% had node-positive residual disease. At a "
    "median f/u of 36.5 mo, 3-yr IDFS was 89.6% with T-DM1+Pyr vs 84.2% with T-DM1 (HR "
    "0.62, 95% CI 0.36-1.07, P=.08). 3-yr distant DFS: 92.1% vs 88.0%. Grade ≥3 AEs: 41.0% "
    "vs 25.6%; grade ≥3 diarrhea 14.1% vs 0.6%; pneumonitis (all grades) 1.9% vs 1.3%. "
    "Pyrotinib was discontinued for AEs in 19.2% of pts.\n"
    "Conclusions\n"
    "Adding 1 yr of pyrotinib to adjuvant T-DM1 numerically improved 3-yr IDFS without "
    "reaching statistical significance; a larger trial is warranted."
)

BIOSIMILAR = (
    "Final overall survival analysis of REFLECTIONS B327-02: PF-05280014 versus "
    "trastuzumab-EU plus paclitaxel in HER2-positive metastatic breast cancer\n"
    "\n"
    "Background: REFLECTIONS B327-02 established the equivalence of the trastuzumab "
    "biosimilar PF-05280014 and EU-sourced trastuzumab (trastuzumab-EU), each combined "
    "with paclitaxel, for objective response.\n"
    "Methods: Patients with previously untreated HER2-positive metastatic breast cancer "
    "were randomized 1:1 in a double-blind design.\n"
    "Results: Of 707 patients, 352 received PF-05280014 and 355 received trastuzumab-EU. "
    "The objective response rate was 62.5% with PF-05280014 and 66.5% with trastuzumab-EU. "
    "Among responders, the median duration of response was 11.2 months in both arms.\n"
    ""
)


def _arms(rows, endpoint: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows if r.endpoint == endpoint}


def test_respectively_list_keeps_order_before_a_between_arm_clause(nlp):
    """ "A, B, and C, respectively; the HR for ... was X": the list takes the arm order of the
    sentence before it; the HR clause after the semicolon is its own, between-arm value."""
    arms = _arms(rows_of(nlp, DOSES, ARM_ROW), "PFS")
    assert arms == {15.2: TDXD, 16.1: TDXD, 6.8: LC, 0.37: None}


def test_dose_arms_then_named_arm_list(nlp):
    """ "in X% and Y% of patients in the 5.4-mg/kg and 6.4-mg/kg arms and in Z% of those
    receiving W": X and Y are the dose arms, Z the named regimen."""
    arms = _arms(rows_of(nlp, DOSES, ARM_ROW), "AE_G3")
    assert arms == {47.6: TDXD, 56.1: TDXD, 52.4: LC}


def test_label_with_a_non_drug_part_names_the_drug_arm(nlp):
    """ "(RT + T)": radiotherapy is no drug, so the label names the trastuzumab arm; "the RT
    arm" holds no drug and reads no arm."""
    arms = _arms(rows_of(nlp, B43, ARM_ROW), "AE_G3")
    assert arms == {3.6: "trastuzumab", 2.3: None}


def test_short_form_label_names_the_whole_regimen(nlp):
    """ "(T-DM1+Pyr)" after "T-DM1 ... plus pyrotinib ...": the label is the combination arm,
    not its first part; the bare "T-DM1" is the single-drug arm."""
    arms = _arms(rows_of(nlp, PYROTINIB, ARM_ROW), "IDFS")
    assert arms == {89.6: PT, 84.2: TDM1, 0.62: None}


def test_terse_pairs_after_a_short_form_label_keep_their_order(nlp):
    """ "41.0% vs 25.6%; ... 14.1% vs 0.6%; ... 1.9% vs 1.3%": first the combination, then
    T-DM1 alone."""
    rows = [r for r in rows_of(nlp, PYROTINIB, ARM_ROW) if r.value in (41.0, 25.6, 14.1, 0.6)]
    assert [r.arm for r in rows] == [PT, TDM1, PT, TDM1]


def test_in_both_arms_gives_each_arm_of_one_regimen(nlp):
    """ "11.2 months in both arms", two arms that are both trastuzumab with paclitaxel: one
    row per arm, each the full regimen."""
    rows = [r for r in rows_of(nlp, BIOSIMILAR, ARM_ROW) if r.endpoint == "DOR"]
    assert [(r.value, r.arm) for r in rows] == [(11.2, PTZ), (11.2, PTZ)]


def test_in_both_arms_of_a_single_arm_study_is_one_null_row(nlp):
    """Negative: a single-arm study has no two arms to give "in both arms" to."""
    text = (
        "Pertuzumab and trastuzumab with paclitaxel in HER2-positive metastatic breast cancer\n\n"
        "In this single-arm phase II study, patients received pertuzumab, trastuzumab and "
        "weekly paclitaxel. The median duration of response was 11.2 months in both arms."
    )
    rows = [r for r in rows_of(nlp, text, ARM_ROW) if r.value == 11.2]
    assert [r.arm for r in rows] == [None]


def test_short_form_of_non_design_drugs_labels_nothing(nlp):
    """Negative: "(T-DM1+Pyr)" whose parts are not the design's drugs names no arm."""
    text = PYROTINIB.replace("plus pyrotinib 320 mg qd for 1 yr (T-DM1+Pyr)", "(T-DM1+Pyr)")
    text = text.replace("T-DM1 3.6 mg/kg", "trastuzumab 6 mg/kg")
    rows = [r for r in rows_of(nlp, text, ARM_ROW) if r.value == 89.6]
    assert [r.arm for r in rows] != [PT]
