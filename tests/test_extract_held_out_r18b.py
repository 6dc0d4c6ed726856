"""Held-out round 18 (b): placebo standing in for the last partner, "respectively" followed by one
arm, response groups, and compared medians after "improvements in". EGF104535 (Guan 2013) and
EGF30001 (Di Leo 2008): "paclitaxel ... plus (either) lapatinib ... or placebo" made placebo an
arm of its own, so "the placebo arm" and "paclitaxel-placebo" named no drug arm; "compared with
20% and 1%, respectively, in the placebo arm" gave 1% to the other arm; "improvements in TTP
(median, 36.4 v 25.1 weeks ...)" read both medians as a gain and dropped them. WSG-ADAPT HER2+/HR+
(Harbeck 2017): "35.7% compared with 19.8% in nonresponders" took the design's arms. GeparOcto
(Schneeweiss 2019): "non-pegylated liposomal doxorubicin" cut "paclitaxel and ..." in two, so the
PM arm was doxorubicin alone. CT-P6 3.2, PrefHer and DAPHNe were read right and are pinned."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, extract_text, registry_of, rows_of, trials_in

LP = "lapatinib+paclitaxel"


EGF104535 = (
    "Lapatinib plus paclitaxel versus placebo plus paclitaxel as first-line therapy for "
    "HER2-positive metastatic breast cancer: a phase III randomized, double-blind study of "
    "444 patients\n"
    "\n"
    "Purpose\n"
    "To evaluate the efficacy and safety of lapatinib in combination with weekly paclitaxel "
    "as first-line treatment for patients with human epidermal growth factor receptor 2 "
    "(HER2)-positive metastatic breast cancer (MBC).\n"
    "\n"
    "Patients and Methods\n"
    "In this phase III study (EGF104535), patients with HER2-positive MBC were randomly "
    "assigned to receive paclitaxel 80 mg/m2 weekly for 3 of every 4 weeks plus lapatinib "
    "1,500 mg once daily or placebo. The primary end point was overall survival (OS).\n"
    "\n"
    "Results\n"
    "A total of 444 patients were randomly assigned. Treatment with lapatinib plus "
    "paclitaxel significantly prolonged OS compared with placebo plus paclitaxel (median, "
    "27.8 v 20.5 months; hazard ratio [HR], 0.74; 95% CI, 0.58 to 0.94; P = .0124). Median "
    "progression-free survival was 9.7 months in the lapatinib plus paclitaxel arm versus "
    "6.5 months in the placebo plus paclitaxel arm (HR, 0.52; 95% CI, 0.42 to 0.64; P < "
    ".001). The overall response rate was also higher with lapatinib plus paclitaxel (69% v "
    "50%; P < .001). The most common grade 3 or 4 adverse events in the lapatinib plus "
    "paclitaxel arm were neutropenia (51%) and diarrhea (20%), compared with 20% and 1%, "
    "respectively, in the placebo arm.\n"
    "\n"
    "Conclusion\n"
    "Lapatinib plus paclitaxel significantly improved OS compared with paclitaxel alone in "
    "patients with HER2-positive MBC."
)


def test_placebo_after_the_last_partner_shares_the_backbone(nlp):
    """ "paclitaxel ... plus lapatinib ... or placebo": placebo stands in for lapatinib, so the
    placebo arm is paclitaxel with placebo."""
    arms = registry_of(nlp, EGF104535).arms
    assert sorted((a.drugs, a.has_placebo) for a in arms) == [
        (["lapatinib", "paclitaxel"], False),
        (["paclitaxel"], True),
    ]


def test_placebo_after_an_undosed_partner(nlp):
    text = (
        "Lapatinib in metastatic breast cancer\n\n"
        "Patients were randomly assigned to receive paclitaxel plus lapatinib or placebo. "
        "Median PFS was 8.1 months in the placebo arm."
    )
    assert sorted(a.drugs for a in registry_of(nlp, text).arms) == [
        ["lapatinib", "paclitaxel"],
        ["paclitaxel"],
    ]
    assert arm_of(rows_of(nlp, text, P_ROW), 8.1) == "paclitaxel"


def test_placebo_alone_without_a_backbone_stays_drugless(nlp):
    """Negative: "trastuzumab or placebo" has no backbone, so the placebo arm holds no drug."""
    text = (
        "Adjuvant trastuzumab\n\n"
        "Patients were randomly assigned to trastuzumab or placebo. The 3-year DFS was 90% in "
        "the trastuzumab arm and 85% in the placebo arm."
    )
    arms = registry_of(nlp, text).arms
    assert sorted((a.drugs, a.has_placebo) for a in arms) == [([], True), (["trastuzumab"], False)]
    assert arm_of(rows_of(nlp, text, P_ROW), 85.0) is None


def test_respectively_then_one_arm_gives_the_run_to_that_arm(nlp):
    """ "compared with 20% and 1%, respectively, in the placebo arm": "respectively" pairs the
    values with the events named before; both are the placebo arm's."""
    rows = [r for r in rows_of(nlp, EGF104535, P_ROW) if r[0] == "AE_G3"]
    assert [(r[2], r[4]) for r in rows] == [
        (51.0, LP),
        (20.0, LP),
        (20.0, "paclitaxel"),
        (1.0, "paclitaxel"),
    ]


def test_respectively_then_two_arms_still_zips(nlp):
    """Negative: "20% and 1%, respectively, in the A and placebo arms" pairs values and arms."""
    text = EGF104535.replace(
        "compared with 20% and 1%, respectively, in the placebo arm.",
        "while grade 3 or 4 rash occurred in 6% and 2%, respectively, in the lapatinib plus "
        "paclitaxel and placebo arms.",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 6.0) == LP
    assert arm_of(rows, 2.0) == "paclitaxel"


def test_egf104535_key_values(nlp):
    """Pins what was already right: medians, HRs with CI and P, and the response rates."""
    ex = extract_text(nlp, EGF104535)
    got = {(o.endpoint, o.measure, o.value, o.ci_low, o.ci_high, o.p, o.arm) for o in ex.outcomes}
    assert ("OS", "median", 27.8, None, None, None, LP) in got
    assert ("OS", "median", 20.5, None, None, None, "paclitaxel") in got
    assert ("OS", "HR", 0.74, 0.58, 0.94, "0.0124", None) in got
    assert ("PFS", "HR", 0.52, 0.42, 0.64, "<0.001", None) in got
    assert ("ORR", "rate", 50.0, None, None, "<0.001", "paclitaxel") in got


EGF30001 = (
    "Phase III, double-blind, randomized study comparing lapatinib plus paclitaxel with "
    "placebo plus paclitaxel as first-line treatment for metastatic breast cancer\n"
    "\n"
    "PURPOSE: To evaluate the efficacy of adding lapatinib to paclitaxel in patients with "
    "metastatic breast cancer that was HER2 negative or HER2 untested.\n"
    "PATIENTS AND METHODS: Patients (n = 579) were randomly assigned to paclitaxel 175 "
    "mg/m2 every 3 weeks plus either lapatinib 1,500 mg/d or placebo (EGF30001). The "
    "primary end point was time to progression (TTP). A retrospective analysis assessed "
    "HER2 status centrally.\n"
    "RESULTS: In the intent-to-treat population, there were no significant differences in "
    "TTP (hazard ratio [HR] = 0.87; 95% CI, 0.72 to 1.05; P = .142), event-free survival or "
    "overall survival between the treatment arms. In 91 patients with HER2-positive "
    "disease, treatment with paclitaxel-lapatinib resulted in statistically significant "
    "improvements in TTP (median, 36.4 v 25.1 weeks; HR = 0.57; 95% CI, 0.34 to 0.93; P = "
    ".011), event-free survival (EFS; 35.1 v 22.9 weeks; P = .004), objective response rate "
    "(63.3% v 37.8%; P = .023) and clinical benefit rate (69.4% v 40.5%; P = .011), "
    "compared with paclitaxel-placebo. Diarrhea (grade 3, 16% v 1%) and rash (grade 3, 4% v "
    "0%) were more common with paclitaxel-lapatinib.\n"
    "CONCLUSION: Lapatinib plus paclitaxel benefited patients with HER2-positive metastatic "
    "breast cancer, whereas no benefit was seen in HER2-negative disease."
)


def test_either_partner_or_placebo_with_dose(nlp):
    """ "paclitaxel 175 mg/m2 every 3 weeks plus either lapatinib 1,500 mg/d or placebo": two
    arms, so "paclitaxel-placebo" is the paclitaxel arm (before, lapatinib was lost)."""
    arms = registry_of(nlp, EGF30001).arms
    assert sorted(a.drugs for a in arms) == [["lapatinib", "paclitaxel"], ["paclitaxel"]]
    rows = rows_of(nlp, EGF30001, P_ROW)
    assert arm_of(rows, 37.8) == "paclitaxel"
    assert arm_of(rows, 40.5) == "paclitaxel"
    assert arm_of(rows, 22.9) == "paclitaxel"


def test_improvements_in_compared_medians_are_medians(nlp):
    """ "improvements in TTP (median, 36.4 v 25.1 weeks; ...)": compared medians, not a gain."""
    rows = rows_of(nlp, EGF30001, P_ROW)
    assert ("TTP", "median", 36.4, None, LP) in rows
    assert ("TTP", "median", 25.1, None, "paclitaxel") in rows


def test_improvement_in_median_of_a_time_stays_a_gain(nlp):
    """Negative: "an improvement in median TTP of 11.3 weeks" is a difference, no median."""
    text = EGF30001.replace(
        "Diarrhea (grade 3",
        "Lapatinib gave an improvement in median TTP of 11.3 weeks. Diarrhea (grade 3",
    )
    assert 11.3 not in [r[2] for r in rows_of(nlp, text, P_ROW)]


def test_gsk_study_codes_are_trials():
    assert trials_in(EGF104535) == ["EGF104535"]
    assert trials_in(EGF30001) == ["EGF30001"]


ADAPT_TP = (
    "De-Escalation Strategies in Human Epidermal Growth Factor Receptor 2 (HER2)-Positive "
    "Early Breast Cancer (BC): Final Analysis of the West German Study Group Adjuvant "
    "Dynamic Marker-Adjusted Personalized Therapy Trial Optimizing Risk Assessment and "
    "Therapy Response Prediction in Early BC HER2- and Hormone Receptor-Positive Phase II "
    "Randomized Trial-Efficacy, Safety, and Predictive Markers for 12 Weeks of Neoadjuvant "
    "Trastuzumab Emtansine With or Without Endocrine Therapy (ET) Versus Trastuzumab Plus "
    "ET\n"
    "\n"
    "Purpose\n"
    "The WSG-ADAPT HER2+/HR+ trial investigated whether pathologic complete response (pCR) "
    "can be achieved without chemotherapy.\n"
    "Patients and Methods\n"
    "Patients with HER2-positive/HR-positive early BC were randomly assigned to 12 weeks of "
    "trastuzumab emtansine (T-DM1) 3.6 mg/kg every 3 weeks, T-DM1 plus ET (tamoxifen in "
    "premenopausal or an aromatase inhibitor in postmenopausal patients), or trastuzumab 6 "
    "mg/kg (loading dose 8 mg/kg) every 3 weeks plus ET. The primary end point was pCR.\n"
    "Results\n"
    "Of 375 patients randomly assigned, 130 received T-DM1, 119 received T-DM1 plus ET, and "
    "127 received trastuzumab plus ET. pCR was achieved by 41.0% of patients with T-DM1, "
    "41.5% with T-DM1 plus ET, and 15.1% with trastuzumab plus ET (P < .001 for both T-DM1 "
    "arms v trastuzumab plus ET). Early responders had a pCR rate of 35.7% compared with "
    "19.8% in nonresponders. Adverse events of grade 3 or higher occurred in 3.2% of "
    "patients in the T-DM1 arm, 1.9% in the T-DM1 plus ET arm, and 0% in the trastuzumab "
    "plus ET arm.\n"
    "Conclusion\n"
    "Twelve weeks of T-DM1 with or without ET achieved clinically meaningful pCR rates."
)


def test_responder_groups_compared_take_no_arm(nlp):
    """ "35.7% compared with 19.8% in nonresponders": response groups, not the three arms."""
    rows = rows_of(nlp, ADAPT_TP, P_ROW)
    assert arm_of(rows, 35.7) is None
    assert arm_of(rows, 19.8) is None


def test_rates_compared_without_groups_still_take_the_arms(nlp):
    """Negative: a bare pair after the design still takes the arms under discussion."""
    text = ADAPT_TP.replace(
        "Early responders had a pCR rate of 35.7% compared with 19.8% in nonresponders.",
        "Among patients given trastuzumab plus ET, pCR was 15.1%.",
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 41.0) == "trastuzumab emtansine"


def test_adapt_tp_key_values(nlp):
    rows = rows_of(nlp, ADAPT_TP, P_ROW)
    assert [(r[2], r[3], r[4]) for r in rows if r[0] == "pCR"][:3] == [
        (41.0, "<0.001", "trastuzumab emtansine"),
        (41.5, "<0.001", "trastuzumab emtansine"),
        (15.1, "<0.001", "trastuzumab"),
    ]
    assert arm_of(rows, 0.0) == "trastuzumab"


GEPAROCTO = (
    "Intensified dose-dense versus weekly neoadjuvant chemotherapy in high-risk early "
    "breast cancer: results of the HER2-positive cohort of GeparOcto\n"
    "\n"
    "Background: GeparOcto compared weekly paclitaxel and non-pegylated liposomal "
    "doxorubicin (PM), with carboplatin in triple-negative disease (PM(Cb)), with intense "
    "dose-dense epirubicin, paclitaxel and cyclophosphamide (iddEPC). Patients with "
    "HER2-positive tumors received trastuzumab and pertuzumab concomitantly with either "
    "regimen.\n"
    "Methods: 945 patients were randomized; 378 had HER2-positive disease. The primary "
    "endpoint was pathological complete response (ypT0/is ypN0).\n"
    "Results: In the HER2-positive cohort, pCR was observed in 62.0% of patients treated "
    "with PM and 54.0% of those treated with iddEPC (odds ratio 1.39, 95% CI 0.92-2.10, "
    "P=0.12). Grade 3-4 neutropenia occurred in 48.5% and 32.2%, respectively. Treatment "
    "discontinuation was more frequent with iddEPC (33.6% vs 21.5%).\n"
    "Conclusions: Both regimens achieved high pCR rates with dual HER2 blockade."
)


def test_non_pegylated_liposomal_doxorubicin_joins_its_regimen(nlp):
    """ "weekly paclitaxel and non-pegylated liposomal doxorubicin (PM)" is one arm."""
    rows = rows_of(nlp, GEPAROCTO, P_ROW)
    assert arm_of(rows, 62.0) == "doxorubicin+paclitaxel"
    assert arm_of(rows, 54.0) == "cyclophosphamide+epirubicin+paclitaxel"
    assert ("pCR", "OR", 1.39, "0.12", None) in rows
    assert set(trials_in(GEPAROCTO)) == {"GeparOcto"}


CTP6 = (
    "CT-P6 compared with reference trastuzumab for HER2-positive breast cancer: a "
    "randomised, double-blind, active-controlled, phase 3 equivalence trial\n"
    "\n"
    "Summary\n"
    "Background CT-P6 is a proposed biosimilar of trastuzumab. We aimed to show the "
    "equivalence of CT-P6 and reference trastuzumab in the neoadjuvant setting.\n"
    "Methods In this phase 3 equivalence trial (CT-P6 3.2), women with HER2-positive early "
    "breast cancer were randomly assigned (1:1) to receive neoadjuvant CT-P6 or reference "
    "trastuzumab (8 mg/kg loading dose then 6 mg/kg every 3 weeks) given concurrently with "
    "docetaxel (75 mg/m², cycles 1–4) and fluorouracil, epirubicin, and cyclophosphamide "
    "(cycles 5–8). The primary endpoint was pathological complete response (pCR) in the "
    "per-protocol population.\n"
    "Findings Between Aug 7, 2014, and May 6, 2016, 549 patients were randomly assigned to "
    "CT-P6 (n=271) or reference trastuzumab (n=278). pCR was achieved by 116 (46·8% [95% CI "
    "40·4–53·2]) of 248 patients in the CT-P6 group and 129 (50·4% [44·1–56·7]) of 256 "
    "patients in the reference trastuzumab group; the estimated risk ratio was 0·93 (95% CI "
    "0·78–1·11), within the equivalence margin. Treatment-emergent adverse events of grade "
    "3 or higher occurred in 29 (11%) of 271 patients in the CT-P6 group and 33 (12%) of "
    "278 in the reference trastuzumab group.\n"
    "Interpretation CT-P6 was equivalent to reference trastuzumab in terms of pCR."
)


def test_ct_p6_key_values(nlp):
    """Pins the Lancet-style rates with their CIs (both arms are trastuzumab: CT-P6 is its
    biosimilar, so the arms print one name)."""
    ex = extract_text(nlp, CTP6)
    got = [(o.endpoint, o.value, o.ci_low, o.ci_high) for o in ex.outcomes]
    assert got[:2] == [("pCR", 46.8, 40.4, 53.2), ("pCR", 50.4, 44.1, 56.7)]
    assert "trastuzumab" in ex.drugs


PREFHER = (
    "Patient preference for subcutaneous versus intravenous trastuzumab in HER2-positive "
    "early breast cancer (PrefHer): an open-label randomised study\n"
    "\n"
    "Summary\n"
    "Background Trastuzumab can be given subcutaneously or intravenously. PrefHer assessed "
    "patient preference for either route.\n"
    "Methods Patients with HER2-positive early breast cancer who had completed neoadjuvant "
    "or adjuvant chemotherapy were randomly assigned to receive four cycles of subcutaneous "
    "trastuzumab (600 mg fixed dose) followed by four cycles of intravenous trastuzumab, or "
    "the reverse sequence. The primary endpoint was the proportion of patients preferring "
    "subcutaneous trastuzumab.\n"
    "Findings 488 patients were randomly assigned, of whom 236 were evaluable at the "
    "pre-planned interim analysis. 216 (91·5%, 95% CI 87·2–94·8) of 236 patients preferred "
    "subcutaneous administration and 16 (6·8%, 3·9–10·8) preferred intravenous "
    "administration (p<0·0001). Clinically significant adverse events occurred in 27 (11%) "
    "patients during subcutaneous treatment and 19 (8%) during intravenous treatment; grade "
    "3 or worse adverse events occurred in 9 patients (4%) overall.\n"
    "Interpretation Patients clearly preferred subcutaneous over intravenous trastuzumab."
)


def test_prefher_preference_shares_are_no_outcomes(nlp):
    """Shares of patients preferring a route are no end point; the AE incidences stay."""
    rows = rows_of(nlp, PREFHER, P_ROW)
    values = [r[2] for r in rows]
    assert 91.5 not in values and 6.8 not in values
    assert ("AE", "incidence", 11.0, None, None) in rows


DAPHNE = (
    "Assessment of neoadjuvant paclitaxel, trastuzumab, and pertuzumab with "
    "response-adapted adjuvant therapy in HER2-positive breast cancer: the DAPHNe trial\n"
    "\n"
    "PURPOSE Patients with HER2-positive breast cancer may not all need anthracyclines. We "
    "assessed a de-escalated neoadjuvant regimen with adjuvant therapy adapted to response.\n"
    "METHODS In this single-arm phase II study, patients with stage II-III HER2-positive "
    "breast cancer received paclitaxel 80 mg/m2 weekly with trastuzumab and pertuzumab "
    "(THP) every 3 weeks for 12 weeks before surgery. Patients with pathologic complete "
    "response (pCR) received adjuvant trastuzumab and pertuzumab (HP) alone; those with "
    "residual disease received standard therapy at physician discretion. The primary end "
    "point was the rate of pCR.\n"
    "RESULTS Of 97 patients enrolled, 95 underwent surgery. The pCR rate was 56.7% (95% CI, "
    "46.3 to 66.7). pCR was achieved in 71.4% of patients with hormone receptor-negative "
    "disease and in 46.6% of those with hormone receptor-positive disease. At a median "
    "follow-up of 3.5 years, the 3-year recurrence-free survival was 98.3% among patients "
    "with pCR. Grade 3 adverse events occurred in 11% of patients.\n"
    "CONCLUSION Neoadjuvant THP with response-adapted adjuvant therapy yields favorable "
    "outcomes and may allow anthracycline omission."
)


def test_daphne_single_arm_values(nlp):
    ex = extract_text(nlp, DAPHNE)
    got = [(o.endpoint, o.value, o.ci_low, o.ci_high) for o in ex.outcomes]
    assert ("pCR", 56.7, 46.3, 66.7) in got
    assert ("RFS", 98.3, None, None) in got
    assert ex.trials == ["DAPHNe"]
