"""Held-out round 19: H0648g, GBG 26/BIG 03-05, GeparSixto, HORG, N9831 and NCIC CTG MA.31
written anew (MA.31 stands in for neoCARH, whose design is not known well enough here).

Found: HORG's duration design ("6 (group A) or 12 (group B) months of trastuzumab in combination
with dose-dense FEC (fluorouracil, ...) followed by docetaxel") lost docetaxel behind the
bracket that spells FEC out, and its title ("Six versus 12 months of adjuvant trastuzumab in
combination with dose-dense chemotherapy") defined a second arm, so the duration groups named
no arm. GeparSixto's "(PMCb; AUC 1·5 once a week)" defined no short form, and "Patients with
HER2-positive disease also received trastuzumab and lapatinib" is left giving them to no arm
(the GeparSepto reading: the values of a multi-cohort trial are the whole population's). H0648g's "a lower rate of death at 1 year (22 percent vs. 33 percent)" became a
rate of the duration of response named before it."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, extract_text, registry_of, rows_of

H0648G = (
    "Use of Chemotherapy plus a Monoclonal Antibody against HER2 for Metastatic Breast Cancer "
    "That Overexpresses HER2\n\n"
    "METHODS\nA total of 469 women were randomly assigned to receive standard chemotherapy alone "
    "or standard chemotherapy plus trastuzumab. Patients who had not previously received "
    "adjuvant therapy with an anthracycline were treated with doxorubicin (or epirubicin in the "
    "case of 36 women) and cyclophosphamide alone (138 women) or with trastuzumab (143 women). "
    "Patients who had previously received adjuvant anthracycline were treated with paclitaxel "
    "alone (96 women) or paclitaxel with trastuzumab (92 women).\n\n"
    "RESULTS\nThe addition of trastuzumab to chemotherapy was associated with a longer time to "
    "disease progression (median, 7.4 vs. 4.6 months; P<0.001), a higher rate of objective "
    "response (50 percent vs. 32 percent, P<0.001), a longer duration of response (median, 9.1 "
    "vs. 6.1 months; P<0.001), a lower rate of death at 1 year (22 percent vs. 33 percent, "
    "P=0.008), longer survival (median survival, 25.1 vs. 20.3 months; P=0.046), and a 20 "
    "percent reduction in the risk of death."
)


def test_rate_of_death_after_an_end_point_is_no_rate_of_it(nlp):
    """ "a longer duration of response (...), a lower rate of death at 1 year (22 percent vs. 33
    percent)": the rate of death is not a DOR rate."""
    rows = rows_of(nlp, H0648G, P_ROW)
    assert [r for r in rows if r[2] in (22.0, 33.0)] == []


def test_rate_after_a_dated_end_point_stays(nlp):
    """Negative: no rate of death between the end point and its value."""
    text = (
        "Trastuzumab in HER2-positive metastatic breast cancer\n\n"
        "Patients were randomly assigned to paclitaxel alone or paclitaxel plus trastuzumab. "
        "The 1-year overall survival rate was 78 percent vs. 67 percent (P=0.008)."
    )
    assert [r[:3] for r in rows_of(nlp, text, P_ROW)] == [
        ("OS", "rate", 78.0),
        ("OS", "rate", 67.0),
    ]


def test_h0648g_pinned(nlp):
    rows = rows_of(nlp, H0648G, P_ROW)
    assert ("TTP", "median", 7.4, "<0.001", "trastuzumab") in rows
    assert ("TTP", "median", 4.6, "<0.001", None) in rows
    assert ("ORR", "rate", 50.0, "<0.001", "trastuzumab") in rows
    assert ("DOR", "median", 9.1, "<0.001", "trastuzumab") in rows
    assert ("OS", "median", 25.1, "0.046", "trastuzumab") in rows
    assert ("OS", "median", 20.3, "0.046", None) in rows


TBP = (
    "Trastuzumab Beyond Progression in Human Epidermal Growth Factor Receptor 2-Positive "
    "Advanced Breast Cancer: A German Breast Group 26/Breast International Group 03-05 Study\n\n"
    "Patients and Methods\nPatients with HER2-positive breast cancer that progressed during "
    "treatment with trastuzumab were randomly assigned to receive capecitabine (2,500 mg/m2 "
    "body-surface area on days 1 through 14 [1,250 mg/m2 semi-daily]) alone or with continuation "
    "of trastuzumab (6 mg/kg body weight) in 3-week cycles. The primary end point was time to "
    "progression (TTP).\n\n"
    "Results\nA total of 156 patients were randomly assigned. The median TTP was 5.6 months in "
    "the capecitabine group and 8.2 months in the capecitabine plus trastuzumab group, with an "
    "unadjusted hazard ratio of 0.69 (95% CI, 0.48 to 0.97; two-sided log-rank P = .0338). "
    "Overall response rates were 27.0% with capecitabine and 48.1% with capecitabine plus "
    "trastuzumab (odds ratio, 2.50; P = .0115). The clinical benefit rate was 54.0% and 75.3%, "
    "respectively (odds ratio, 2.60; P = .0068). Median overall survival was 20.4 months with "
    "capecitabine and 25.5 months with capecitabine plus trastuzumab (hazard ratio, 0.76; 95% "
    "CI, 0.48 to 1.22; P = .257)."
)


def test_tbp_pinned(nlp):
    rows = rows_of(nlp, TBP, P_ROW)
    ct = "capecitabine+trastuzumab"
    assert ("TTP", "median", 5.6, None, "capecitabine") in rows
    assert ("TTP", "median", 8.2, None, ct) in rows
    assert ("TTP", "HR", 0.69, "0.0338", None) in rows
    assert ("ORR", "OR", 2.5, "0.0115", None) in rows
    assert ("CBR", "rate", 75.3, None, ct) in rows
    assert ("OS", "HR", 0.76, "0.257", None) in rows


GEPARSIXTO = (
    "Neoadjuvant carboplatin in patients with triple-negative and HER2-positive early breast "
    "cancer (GeparSixto; GBG 66): a randomised phase 2 trial\n\n"
    "Methods\nIn this randomised phase 2 trial, patients with previously untreated, "
    "non-metastatic, stage II–III HER2-positive breast cancer were treated for 18 weeks with "
    "paclitaxel 80 mg/m² once a week and non-pegylated liposomal doxorubicin 20 mg/m² once a "
    "week (PM). Patients with HER2-positive disease also received trastuzumab (8 mg/kg loading "
    "dose then 6 mg/kg every 3 weeks) and lapatinib (750 mg daily). Patients were randomly "
    "assigned (1:1) to receive PM with or without carboplatin (PMCb; AUC 1·5 once a week).\n\n"
    "Findings\nIn the HER2-positive cohort, 45 (32·8%, 95% CI 24·8–40·7) of 137 patients in the "
    "PMCb group and 50 (36·8%, 28·7–44·9) of 136 patients in the PM group achieved a "
    "pathological complete response (p=0·581). Grade 3 or 4 neutropenia occurred in 65% of "
    "patients in the PMCb group versus 27% in the PM group."
)
# "Patients with HER2-positive disease also received ..." joins no arm: as in GeparSepto
# (round 17b), the design's arms are the chemotherapy given to every cohort.
PM = "doxorubicin+paclitaxel"
PMCB = "carboplatin+" + PM


def test_short_form_before_its_dose_names_the_arm(nlp):
    """ "(PMCb; AUC 1·5 once a week)": the short form opens a bracket that goes on with its
    dose, so "the PMCb group" is the carboplatin arm."""
    rows = rows_of(nlp, GEPARSIXTO, P_ROW)
    assert arm_of(rows, 32.8) == PMCB
    assert arm_of(rows, 65.0) == PMCB
    assert arm_of(rows, 36.8) == PM


def test_short_form_opening_a_dose_bracket_needs_a_regimen_before(nlp):
    """Negative: "(HR; 95% CI ...)"-like brackets after no drug define no short form, and a
    lone "(PMCb)" still reads as before."""
    text = (
        "Carboplatin\n\nPatients were randomly assigned to paclitaxel or paclitaxel plus "
        "carboplatin (PCb). The pCR rate was 40% (ITT; n = 120) in the PCb group."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 40.0) == "carboplatin+paclitaxel"


def test_geparsixto_is_a_known_trial(nlp):
    """The trial lexicon knows GeparSixto (beside the "GBG 66" number it already read)."""
    assert extract_text(nlp, GEPARSIXTO).trials == ["GBG 66", "GeparSixto"]


def test_geparsixto_pinned(nlp):
    ex = extract_text(nlp, GEPARSIXTO)
    pcr = [(o.value, o.ci_low, o.ci_high, o.p) for o in ex.outcomes if o.endpoint == "pCR"]
    assert pcr == [(32.8, 24.8, 40.7, "0.581"), (36.8, 28.7, 44.9, "0.581")]
    assert ex.drugs == ["carboplatin", "doxorubicin", "lapatinib", "paclitaxel", "trastuzumab"]


HORG = (
    "Six versus 12 months of adjuvant trastuzumab in combination with dose-dense chemotherapy "
    "for women with HER2-positive breast cancer: a multicenter randomized study by the Hellenic "
    "Oncology Research Group (HORG)\n\n"
    "Patients and methods: Women with HER2-positive, node-positive or high-risk node-negative "
    "operable breast cancer were randomized to receive 6 (group A) or 12 (group B) months of "
    "trastuzumab in combination with dose-dense FEC (fluorouracil, epirubicin and "
    "cyclophosphamide) followed by docetaxel. The primary end point was 3-year disease-free "
    "survival (DFS).\n\n"
    "Results: A total of 481 patients were randomized (241 to group B and 240 to group A). The "
    "3-year DFS was 95.7% in the 12-month arm and 93.3% in the 6-month arm (HR = 1.57; 95% CI "
    "0.86–2.10; P = 0.137). Cardiac toxicity was reported in 5.1% and 3.3% of patients in "
    "group B and group A, respectively."
)
FECD_H = "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab"


def test_bracket_spelling_out_a_partner_keeps_the_sequence(nlp):
    """ "trastuzumab in combination with FEC (fluorouracil, epirubicin and cyclophosphamide)
    followed by docetaxel": the bracket spells FEC out, the course goes on to docetaxel."""
    text = (
        "Adjuvant trastuzumab\n\n"
        "Women were randomized to trastuzumab in combination with FEC (fluorouracil, epirubicin "
        "and cyclophosphamide) followed by docetaxel, or to observation."
    )
    assert [a.name for a in registry_of(nlp, text).arms if a.drugs] == [FECD_H]


def test_duration_design_has_one_regimen(nlp):
    """A title comparing durations of trastuzumab "with dose-dense chemotherapy" and a methods
    sentence naming the chemotherapy define one regimen; "group A"/"group B" and "the 6-month
    arm" name it."""
    assert [a.name for a in registry_of(nlp, HORG).arms] == [FECD_H]
    rows = rows_of(nlp, HORG, P_ROW)
    assert [arm_of(rows, v) for v in (95.7, 93.3, 5.1, 3.3)] == [FECD_H] * 4


def test_durations_of_other_regimens_stay_two_arms(nlp):
    """Negative: a design comparing durations whose arms differ in drugs keeps both."""
    text = (
        "Short-course trastuzumab\n\n"
        "Patients were randomly assigned to 9 weeks or 1 year of trastuzumab, with docetaxel "
        "followed by FEC or with anthracyclines followed by a taxane. We compared docetaxel "
        "plus trastuzumab versus paclitaxel plus trastuzumab plus lapatinib."
    )
    assert len(registry_of(nlp, text).arms) >= 2


def test_horg_pinned(nlp):
    ex = extract_text(nlp, HORG)
    ratios = [
        (o.endpoint, o.value, o.ci_low, o.ci_high, o.p) for o in ex.outcomes if o.measure == "HR"
    ]
    assert ratios == [("DFS", 1.57, 0.86, 2.1, "0.137")]
    assert [o.value for o in ex.outcomes if o.endpoint == "DFS" and o.measure == "rate"] == [
        95.7,
        93.3,
    ]


N9831 = (
    "Sequential versus concurrent trastuzumab in adjuvant chemotherapy for breast cancer\n\n"
    "Patients and Methods: Women with resected stage I to III invasive HER2-positive breast "
    "cancer were randomly assigned to doxorubicin plus cyclophosphamide followed by weekly "
    "paclitaxel (arm A), the same chemotherapy followed by 52 weeks of trastuzumab after "
    "paclitaxel (arm B), or the same chemotherapy with 52 weeks of trastuzumab started "
    "concomitantly with paclitaxel (arm C).\n\n"
    "Results: For the comparison of arm A versus arm B (n = 1,087 and n = 1,097), 5-year DFS "
    "rates were 71.8% and 80.1%, respectively. For the comparison of arm B versus arm C (n = 954 "
    "and n = 949), 5-year DFS rates were 80.1% and 84.4%, respectively."
)


def test_n9831_pinned(nlp):
    rows = rows_of(nlp, N9831, P_ROW)
    acp = "cyclophosphamide+doxorubicin+paclitaxel"
    assert [(r[2], r[4]) for r in rows] == [
        (71.8, acp),
        (80.1, acp + "+trastuzumab"),
        (80.1, acp + "+trastuzumab"),
        (84.4, acp + "+trastuzumab"),
    ]


MA31 = (
    "Phase III Randomized Trial Comparing Lapatinib Plus a Taxane With Trastuzumab Plus a Taxane "
    "as First-Line Therapy for HER2-Positive Metastatic Breast Cancer: NCIC CTG MA.31\n\n"
    "PATIENTS AND METHODS\nPatients with HER2-positive metastatic breast cancer were randomly "
    "assigned to 24 weeks of lapatinib (1,250 mg daily) or trastuzumab (4 mg/kg loading dose then "
    "2 mg/kg weekly, or 8 mg/kg then 6 mg/kg every 3 weeks) in combination with a taxane "
    "(paclitaxel 80 mg/m2 weekly or docetaxel 75 mg/m2 every 3 weeks), followed by the same "
    "anti-HER2 agent alone until progression.\n\n"
    "RESULTS\nBy intention-to-treat analysis, median PFS was 9.0 months with lapatinib and 11.3 "
    "months with trastuzumab (hazard ratio [HR], 1.37; 95% CI, 1.13 to 1.65; P = .001). More "
    "grade 3 or 4 diarrhea (19% v 1%; P < .001) occurred with lapatinib plus a taxane."
)


def test_ma31_pinned(nlp):
    """Per-patient taxane options are not part of the arm (gold convention)."""
    rows = rows_of(nlp, MA31, P_ROW)
    assert ("PFS", "median", 9.0, None, "lapatinib") in rows
    assert ("PFS", "median", 11.3, None, "trastuzumab") in rows
    assert ("PFS", "HR", 1.37, "0.001", None) in rows
    assert ("AE_G3", "incidence", 19.0, "<0.001", "lapatinib") in rows
    assert extract_text(nlp, MA31).trials == ["MA.31"]
