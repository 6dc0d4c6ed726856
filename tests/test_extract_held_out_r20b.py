"""Held-out round 20 (b): SB3 (Pivot 2018), PF-05280014 (Lammers 2018), WSG-ADAPT HER2+/HR−
(Nitz 2017), HERA 2 versus 1 year (Goldhirsch 2013), the NSABP B-31/NCCTG N9831 joint analysis
(Perez 2014) and EMILIA's final overall survival (Diéras 2017) written anew.

Found: HERA's "After a median follow-up of 8 years, 2 years of trastuzumab did not improve
disease-free survival compared with 1 year" made the comparator duration a median DFS of 1 year
(the "median" of the follow-up switched off the duration-comparator rule). B-31/N9831's arms
were written with arrows, "(AC→T)" and "(AC→TH)": the arrow form was no bracketed short form,
so "AC→T" lost doxorubicin and "AC→TH" read as AC plus the lexicon's TH (docetaxel); and a
short form that adds a letter to one defined before it ("the same chemotherapy with trastuzumab
beginning concurrently with paclitaxel (AC→TH)") named only the drug right before its bracket.
Left as read: the biosimilar designs (both arms are trastuzumab) give some values no arm or the
chemotherapy alone (see the pinned tests)."""

from __future__ import annotations

from extract_helpers import arm_of, extract_text, rows_of

HERA = (
    "2 years versus 1 year of adjuvant trastuzumab for HER2-positive breast cancer (HERA): an"
    " open-label, randomised controlled trial\n"
    "\n"
    "Summary\n"
    "Background Trastuzumab has established efficacy against breast cancer with "
    "overexpression or amplification of the HER2 oncogene. We report the results of the HERA "
    "trial comparing 2 years with 1 year of adjuvant trastuzumab.\n"
    "\n"
    "Methods In this randomised trial, patients with HER2-positive early breast cancer who "
    "had completed primary therapy were randomly assigned to observation, trastuzumab once "
    "every 3 weeks for 1 year, or trastuzumab for 2 years. The primary endpoint was disease-"
    "free survival.\n"
    "\n"
    "Findings 1552 patients were assigned to 1 year of trastuzumab and 1553 to 2 years. After"
    " a median follow-up of 8 years, 2 years of trastuzumab did not improve disease-free "
    "survival compared with 1 year (hazard ratio 0·99, 95% CI 0·85–1·14; p=0·86). 1 year of "
    "trastuzumab significantly improved disease-free survival compared with observation (HR "
    "0·76, 0·67–0·86; p<0·0001) and overall survival (HR 0·76, 0·65–0·88; p=0·0005). Grade "
    "3–4 adverse events were reported in 20·4% of patients in the 2-year group and 16·3% in "
    "the 1-year group. Cardiac end points were more frequent in the 2-year group (7·2%) than "
    "in the 1-year group (4·1%).\n"
    "\n"
    "Interpretation 1 year of adjuvant trastuzumab remains the standard of care."
)


def test_duration_comparator_after_median_follow_up_is_no_median(nlp):
    """ "After a median follow-up of 8 years, 2 years of trastuzumab did not improve DFS
    compared with 1 year": 1 year is the comparator arm's duration, not a median DFS."""
    assert [r for r in rows_of(nlp, HERA) if r[1] == "median"] == []


def test_median_beside_a_duration_comparator_stays(nlp):
    """Negative: a sentence that reports medians keeps the compared median, follow-up or not."""
    text = (
        "Adjuvant trastuzumab for 1 year or observation\n\n"
        "Patients were randomly assigned to trastuzumab for 1 year or observation. After a "
        "median follow-up of 3 years, median overall survival with 1 year of trastuzumab was "
        "40.2 months compared with 32.1 months with observation."
    )
    medians = [r[2] for r in rows_of(nlp, text) if r[1] == "median"]
    assert 32.1 in medians and 40.2 in medians


def test_hera_pinned(nlp):
    rows = rows_of(nlp, HERA)
    assert ("DFS", "HR", 0.99, 0.85, 1.14, "0.86", None) in rows
    assert ("DFS", "HR", 0.76, 0.67, 0.86, "<0.0001", None) in rows
    assert ("OS", "HR", 0.76, 0.65, 0.88, "0.0005", None) in rows
    assert arm_of(rows, 20.4) == "trastuzumab" and arm_of(rows, 16.3) == "trastuzumab"
    assert extract_text(nlp, HERA).trials == ["HERA"]


B31 = (
    "Trastuzumab Plus Adjuvant Chemotherapy for Human Epidermal Growth Factor Receptor "
    "2-Positive Breast Cancer: Planned Joint Analysis of Overall Survival From NSABP B-31 and"
    " NCCTG N9831\n"
    "\n"
    "Purpose\n"
    "We report the final planned joint analysis of overall survival (OS) from NSABP B-31 and "
    "NCCTG N9831.\n"
    "\n"
    "Patients and Methods\n"
    "Patients with HER2-positive operable breast cancer were randomly assigned to doxorubicin"
    " and cyclophosphamide followed by paclitaxel (AC→T) or the same chemotherapy with "
    "trastuzumab beginning concurrently with paclitaxel (AC→TH). The joint analysis included "
    "4,046 patients.\n"
    "\n"
    "Results\n"
    "With a median follow-up of 8.4 years, adding trastuzumab to chemotherapy led to a 37% "
    "relative reduction in the risk of death (hazard ratio [HR], 0.63; 95% CI, 0.54 to 0.73; "
    "P < .001) and an increase in the 10-year OS rate from 75.2% to 84%. Disease-free "
    "survival also improved (HR, 0.60; 95% CI, 0.53 to 0.68; P < .001), with 10-year DFS "
    "rates of 62.2% in the AC→T arm and 73.7% in the AC→TH arm.\n"
    "\n"
    "Conclusion\n"
    "The addition of trastuzumab to paclitaxel after doxorubicin and cyclophosphamide results"
    " in a durable improvement in survival."
)

ACT = "cyclophosphamide+doxorubicin+paclitaxel"


def test_arrow_joined_short_form_defines_its_regimen(nlp):
    """ "doxorubicin and cyclophosphamide followed by paclitaxel (AC→T)": the arrow joins a
    sequence as a hyphen does, so the bracket defines all three drugs (no lexicon docetaxel)."""
    ex = extract_text(nlp, B31)
    assert "docetaxel" not in ex.drugs
    assert arm_of(rows_of(nlp, B31), 62.2) == ACT


def test_short_form_extending_an_earlier_one_adds_the_drug_of_its_letter(nlp):
    """ "(AC→T) or the same chemotherapy with trastuzumab beginning concurrently with paclitaxel
    (AC→TH)": AC→TH is AC→T plus H (trastuzumab), not the paclitaxel right before it."""
    assert arm_of(rows_of(nlp, B31), 73.7) == ACT + "+trastuzumab"


def test_longer_bracket_naming_no_drug_is_not_extended(nlp):
    """Negative: "(HPV)" starts with the "HP" defined before it and a vinorelbine mention
    stands before it, but the bracket names no drug itself, so it defines no regimen."""
    text = (
        "Trastuzumab and pertuzumab with vinorelbine\n\n"
        "Patients received trastuzumab and pertuzumab (HP) with vinorelbine; those with human "
        "papillomavirus (HPV) infection were excluded. The objective response rate was 70.0% "
        "in HPV-negative patients."
    )
    ex = extract_text(nlp, text)
    assert not [m for m in ex.mentions if m.text.startswith("HPV")]


def test_b31_pinned(nlp):
    rows = rows_of(nlp, B31)
    assert ("OS", "HR", 0.63, 0.54, 0.73, "<0.001", None) in rows
    assert ("DFS", "HR", 0.6, 0.53, 0.68, "<0.001", None) in rows
    assert arm_of(rows, 75.2) == ACT and arm_of(rows, 84.0) == ACT + "+trastuzumab"
    assert extract_text(nlp, B31).trials == ["NCCTG N9831", "NSABP B-31"]


EMILIA = (
    "Trastuzumab emtansine versus capecitabine plus lapatinib in patients with previously "
    "treated HER2-positive advanced breast cancer (EMILIA): a descriptive analysis of final "
    "overall survival results from a randomised, open-label, phase 3 trial\n"
    "\n"
    "Background Trastuzumab emtansine (T-DM1) improved progression-free and overall survival "
    "compared with capecitabine plus lapatinib in the EMILIA trial. We report the final "
    "descriptive overall survival analysis.\n"
    "\n"
    "Methods Patients with HER2-positive advanced breast cancer previously treated with "
    "trastuzumab and a taxane were randomly assigned (1:1) to trastuzumab emtansine 3·6 mg/kg"
    " every 3 weeks or lapatinib 1250 mg/day plus capecitabine 1000 mg/m2 twice daily on days"
    " 1–14 every 3 weeks. Patients in the control group could cross over to trastuzumab "
    "emtansine.\n"
    "\n"
    "Findings 991 patients were randomly assigned, 495 to trastuzumab emtansine and 496 to "
    "capecitabine plus lapatinib. Median overall survival was 29·9 months (95% CI 26·3–34·1) "
    "with trastuzumab emtansine versus 25·9 months (22·7–28·3) with capecitabine plus "
    "lapatinib (HR 0·75 [95% CI 0·64–0·88]). Grade 3 or worse adverse events occurred in 48% "
    "of patients in the trastuzumab emtansine group and 60% in the capecitabine plus "
    "lapatinib group.\n"
    "\n"
    "Interpretation Despite crossover, trastuzumab emtansine improved overall survival versus"
    " capecitabine plus lapatinib."
)


def test_emilia_pinned(nlp):
    rows = rows_of(nlp, EMILIA)
    assert ("OS", "median", 29.9, 26.3, 34.1, None, "trastuzumab emtansine") in rows
    assert ("OS", "median", 25.9, 22.7, 28.3, None, "capecitabine+lapatinib") in rows
    assert ("OS", "HR", 0.75, 0.64, 0.88, None, None) in rows
    assert arm_of(rows, 48.0) == "trastuzumab emtansine"
    assert arm_of(rows, 60.0) == "capecitabine+lapatinib"


ADAPT = (
    "De-escalating chemotherapy in HER2-positive, hormone receptor-negative early breast "
    "cancer: efficacy of trastuzumab plus pertuzumab with or without weekly paclitaxel in the"
    " WSG-ADAPT HER2+/HR− phase II trial\n"
    "\n"
    "Background: The WSG-ADAPT HER2+/HR− trial investigated whether a chemotherapy-free "
    "neoadjuvant regimen of dual HER2 blockade could achieve a high pathological complete "
    "response rate.\n"
    "\n"
    "Patients and methods: Patients with HER2-positive, hormone receptor-negative early "
    "breast cancer were randomised (5:2) to 12 weeks of trastuzumab and pertuzumab (arm A) or"
    " trastuzumab and pertuzumab plus weekly paclitaxel 80 mg/m2 (arm B). The primary "
    "endpoint was pathological complete response (pCR, ypT0/is ypN0).\n"
    "\n"
    "Results: Of 134 patients randomised, 92 received arm A and 42 arm B. pCR was achieved by"
    " 34.4% of patients in arm A and 90.5% in arm B (P < 0.001). Early responders in arm A "
    "had a pCR rate of 35.7%. Grade 3-4 adverse events were reported in 6.5% of patients in "
    "arm A versus 23.8% in arm B.\n"
    "\n"
    "Conclusions: De-escalated neoadjuvant treatment with trastuzumab and pertuzumab plus "
    "weekly paclitaxel yields an excellent pCR rate."
)

HP = "pertuzumab+trastuzumab"


def test_adapt_pinned(nlp):
    rows = rows_of(nlp, ADAPT)
    assert ("pCR", "rate", 34.4, None, None, "<0.001", HP) in rows
    assert ("pCR", "rate", 90.5, None, None, "<0.001", "paclitaxel+" + HP) in rows
    assert ("AE_G3", "incidence", 23.8, None, None, None, "paclitaxel+" + HP) in rows
    assert extract_text(nlp, ADAPT).trials == ["WSG-ADAPT HER2+/HR−"]


SB3 = (
    "Phase III Randomized Study of SB3 (Trastuzumab Biosimilar) Versus Reference Trastuzumab "
    "in Patients Treated With Neoadjuvant Therapy for Human Epidermal Growth Factor Receptor "
    "2-Positive Early Breast Cancer\n"
    "\n"
    "PURPOSE\n"
    "To compare the efficacy and safety of SB3, a trastuzumab biosimilar, with reference "
    "trastuzumab (TRZ) in the neoadjuvant setting.\n"
    "\n"
    "PATIENTS AND METHODS\n"
    "Patients with HER2-positive early or locally advanced breast cancer were randomly "
    "assigned 1:1 to receive neoadjuvant SB3 or TRZ for eight cycles concurrently with "
    "chemotherapy (four cycles of docetaxel followed by four cycles of fluorouracil, "
    "epirubicin, and cyclophosphamide [FEC]), followed by surgery and 10 cycles of adjuvant "
    "SB3 or TRZ. The primary end point was breast pathologic complete response (bpCR).\n"
    "\n"
    "RESULTS\n"
    "Of 875 randomly assigned patients, 800 were included in the per-protocol set. The bpCR "
    "rate was 51.7% with SB3 and 42.0% with TRZ; the adjusted ratio of bpCR was 1.259 (95% "
    "CI, 1.085 to 1.460), within the predefined equivalence margin. The total pCR rate was "
    "45.8% in the SB3 arm and 35.8% in the TRZ arm. The overall response rate was 96.3% and "
    "91.2%, respectively. Adverse events occurred in 97.0% of patients in the SB3 group and "
    "94.7% in the TRZ group.\n"
    "\n"
    "CONCLUSION\n"
    "Equivalence was demonstrated between SB3 and TRZ in terms of bpCR rate."
)


def test_sb3_pinned(nlp):
    """Both arms are trastuzumab (SB3 is a biosimilar code) with the chemotherapy given
    "concurrently with" either (round 22, left-overs a: it was an arm of its own, and 91.2% was
    its value); the ratio of pCR rates is no outcome of the contract."""
    rows = rows_of(nlp, SB3)
    for v in (51.7, 42.0, 45.8, 35.8, 96.3, 91.2, 97.0, 94.7):
        assert arm_of(rows, v) == "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab"
    assert [r[2] for r in rows if r[0] == "pCR"] == [51.7, 42.0, 45.8, 35.8]
    assert 1.259 not in [r[2] for r in rows]


PF = (
    "A phase III, randomised, double-blind study comparing the efficacy, safety and "
    "immunogenicity of PF-05280014 and trastuzumab-EU in the neoadjuvant treatment of "
    "HER2-positive breast cancer\n"
    "\n"
    "Background: PF-05280014 is a proposed trastuzumab biosimilar. We compared PF-05280014 "
    "with trastuzumab sourced from the European Union (trastuzumab-EU) in combination with "
    "docetaxel and carboplatin as neoadjuvant treatment.\n"
    "\n"
    "Methods: Patients with operable HER2-positive breast cancer were randomised to "
    "PF-05280014 or trastuzumab-EU, each with docetaxel 75 mg/m2 and carboplatin (AUC 6), "
    "every 3 weeks for six cycles. The primary end point was the percentage of patients with "
    "steady-state drug concentration above 20 μg/ml at cycle 5.\n"
    "\n"
    "Results: In total, 226 patients were randomised. The primary end point was met in 92.0% "
    "of patients in the PF-05280014 arm and 93.3% in the trastuzumab-EU arm. The pathologic "
    "complete response (pCR) rate was 47.0% vs 50.0%, and the objective response rate was "
    "88.8% vs 82.1%, respectively. Grade 3 or higher adverse events occurred in 38.6% and "
    "45.5% of patients.\n"
    "\n"
    "Conclusions: PF-05280014 demonstrated equivalent pharmacokinetics to trastuzumab-EU in "
    "the neoadjuvant setting."
)


def test_pf_05280014_pinned(nlp):
    """The pharmacokinetic primary end point is no outcome of the contract; pCR and ORR pairs
    keep their order."""
    rows = rows_of(nlp, PF)
    assert 92.0 not in [r[2] for r in rows] and 93.3 not in [r[2] for r in rows]
    assert [(r[0], r[2]) for r in rows if r[0] in ("pCR", "ORR")] == [
        ("pCR", 47.0),
        ("pCR", 50.0),
        ("ORR", 88.8),
        ("ORR", 82.1),
    ]
