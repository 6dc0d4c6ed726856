"""Held-out round 20 (a): short forms defined after a dose. Robert et al. (JCO 2006): "carboplatin
at an area under the curve of 6 (TPC)" was no definition (a spelled-out AUC was no dose), so
"TPC" stayed treatment of physician's choice; "trastuzumab 4 mg/kg loading dose followed by 2
mg/kg weekly plus paclitaxel" broke the chain at "followed by"; "paclitaxel ... alone (TP) or with
carboplatin ... (TPC)" left "TP" as the lexicon's docetaxel+pertuzumab and made carboplatin an
arm of its own. CHAT, JO17360, CALGB 9840, TRAVIOTA and SafeHer pin what was already right."""

from __future__ import annotations

from extract_helpers import arm_of, extract_text, outcomes_of, registry_of

from her2mine.extract.regimens import gap_kind, is_schedule_only, without_schedules

TPC = "carboplatin+paclitaxel+trastuzumab"
TP = "paclitaxel+trastuzumab"

ROBERT = (
    "Randomized phase III study of trastuzumab, paclitaxel, and carboplatin compared with "
    "trastuzumab and paclitaxel in women with HER-2-overexpressing metastatic breast cancer.\n\n"
    "PURPOSE: This phase III trial compared the efficacy and safety of trastuzumab plus "
    "paclitaxel with or without carboplatin in women with HER-2-overexpressing metastatic breast "
    "cancer. PATIENTS AND METHODS: Patients (n = 196) were randomly assigned to six cycles of "
    "trastuzumab 4 mg/kg loading dose followed by 2 mg/kg weekly plus paclitaxel 175 mg/m2 and "
    "carboplatin at an area under the curve of 6 every 3 weeks (TPC) or trastuzumab plus "
    "paclitaxel alone (TP). RESULTS: The overall response rate was 52% with TPC and 36% with TP "
    "(P = .04). Median progression-free survival was 10.7 months for TPC and 7.1 months for TP "
    "(P = .03). Median overall survival was 35.7 months with TPC and 32.2 months with TP "
    "(P = .76). Grade 4 neutropenia was more common with TPC (36% v 12%)."
)

ROBERT_ALONE = (
    "Trastuzumab and paclitaxel with or without carboplatin in HER-2-overexpressing metastatic "
    "breast cancer\n\n"
    "PATIENTS AND METHODS: Patients were randomly assigned to six cycles of trastuzumab 4 mg/kg "
    "loading dose followed by 2 mg/kg weekly plus paclitaxel 175 mg/m2 every 3 weeks alone (TP) "
    "or with carboplatin at an area under the concentration-time curve of 6 (TPC). RESULTS: The "
    "overall response rate was 52% with TPC and 36% with TP (P = .04). Median progression-free "
    "survival was 10.7 months for TPC and 7.1 months for TP (P = .03)."
)


def test_short_form_after_a_spelled_out_auc_names_the_regimen(nlp):
    """ "... carboplatin at an area under the curve of 6 every 3 weeks (TPC)": TPC is the
    regimen's short form, so its values are that arm's, not physician's choice."""
    outs = outcomes_of(nlp, ROBERT)
    arms = {o.value: o.arm for o in outs}
    assert arms[52.0] == TPC and arms[10.7] == TPC and arms[35.7] == TPC
    assert arms[36.0] == TPC and arms[12.0] == TP
    assert "physician's choice" not in arms.values()
    assert [o.p for o in outs if o.value in (10.7, 7.1)] == ["0.03", "0.03"]


def test_regimen_alone_then_with_an_add_on_keeps_both_short_forms(nlp):
    """ "A ... alone (TP) or with C ... (TPC)": TP is A (not the lexicon's docetaxel and
    pertuzumab), and C joins A in the second arm instead of being an arm of its own."""
    ex = extract_text(nlp, ROBERT_ALONE)
    assert ex.drugs == ["carboplatin", "paclitaxel", "trastuzumab"]
    assert sorted(a.name for a in registry_of(nlp, ROBERT_ALONE).arms) == [TPC, TP]
    arms = {o.value: o.arm for o in ex.outcomes}
    assert (arms[52.0], arms[36.0], arms[10.7], arms[7.1]) == (TPC, TP, TPC, TP)


def test_spelled_out_area_under_the_curve_is_a_dose():
    assert is_schedule_only(" at an area under the curve of 6 every 3 weeks ")
    assert is_schedule_only(" at area under the concentration-time curve of 5 ")
    assert gap_kind(" at an area under the curve of 6 plus ") == "strong"


def test_loading_dose_followed_by_maintenance_dose_is_one_drug():
    """ "4 mg/kg loading dose followed by 2 mg/kg weekly": both doses are the same drug's."""
    assert gap_kind(" 4 mg/kg loading dose followed by 2 mg/kg weekly plus ") == "strong"
    assert gap_kind(" 8 mg/kg loading dose, then 6 mg/kg every 3 weeks plus ") == "strong"


def test_loading_dose_followed_by_a_drug_stays_a_sequence():
    """Negative: "followed by" with no dose after it is kept: it joins the next drug as a
    sequence, it is no part of the first drug's dose."""
    assert "followed by" in without_schedules(" 8 mg/kg loading dose followed by ")
    assert not is_schedule_only(" 8 mg/kg loading dose followed by ")


def test_undefined_tpc_stays_physicians_choice(nlp):
    """Negative: a "TPC" the text defines for no regimen is still physician's choice."""
    text = (
        "Trastuzumab deruxtecan in HER2-positive metastatic breast cancer\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan or treatment of physician's "
        "choice (TPC). Median progression-free survival was 17.8 months with trastuzumab "
        "deruxtecan and 6.9 months with TPC."
    )
    assert arm_of(outcomes_of(nlp, text), 6.9) == "physician's choice"
    assert arm_of(outcomes_of(nlp, text), 17.8) == "trastuzumab deruxtecan"


def test_alone_bracket_holding_no_short_form_is_no_name(nlp):
    """Negative: "docetaxel alone (n = 50)" defines nothing; the next regimen is still an arm."""
    text = (
        "Docetaxel with or without trastuzumab\n\n"
        "Patients were randomly assigned to docetaxel 100 mg/m2 every 3 weeks alone (n = 50) or "
        "with trastuzumab (n = 52). The response rate was 34% with docetaxel and 61% with "
        "docetaxel plus trastuzumab."
    )
    assert {a.name for a in registry_of(nlp, text).arms} == {"docetaxel", "docetaxel+trastuzumab"}


CHAT = (
    "Phase II randomized trial of capecitabine plus docetaxel plus trastuzumab versus docetaxel "
    "plus trastuzumab as first-line treatment for HER2-positive metastatic breast cancer: the "
    "CHAT study\n\n"
    "Patients and Methods\nIn the open-label CHAT trial, 222 patients with previously untreated "
    "HER2-positive MBC were randomly assigned to trastuzumab (8 mg/kg loading dose, then 6 mg/kg "
    "every 3 weeks) plus docetaxel 75 mg/m2 on day 1 and capecitabine 950 mg/m2 twice daily on "
    "days 1 to 14 every 3 weeks (HXT) or trastuzumab plus docetaxel 100 mg/m2 on day 1 every 3 "
    "weeks (HT). The primary end point was overall response rate (ORR).\n\n"
    "Results\nMedian progression-free survival (PFS) was significantly longer with HXT (17.9 v "
    "12.8 months; hazard ratio [HR], 0.72; 95% CI, 0.53 to 0.97; P = .045)."
)


def test_chat_pins_pfs_by_arm_and_hr(nlp):
    outs = outcomes_of(nlp, CHAT)
    got = {(o.measure, o.value): (o.arm, o.ci_low, o.ci_high, o.p) for o in outs}
    assert got[("median", 17.9)][0] == "capecitabine+docetaxel+trastuzumab"
    assert got[("median", 12.8)][0] == "docetaxel+trastuzumab"
    assert got[("HR", 0.72)] == (None, 0.53, 0.97, "0.045")


JO17360 = (
    "Randomized phase III trial of trastuzumab monotherapy followed by trastuzumab plus "
    "docetaxel versus trastuzumab plus docetaxel as first-line therapy in patients with "
    "HER2-positive metastatic breast cancer: the JO17360 Trial Group\n\n"
    "We compared sequential with concurrent trastuzumab and docetaxel in the JO17360 trial. "
    "Patients with HER2-positive metastatic breast cancer were randomized to receive trastuzumab "
    "monotherapy (H group; docetaxel 60 mg/m2 was added at progression) or trastuzumab plus "
    "docetaxel 60 mg/m2 every 3 weeks (HD group). Median PFS was 3.7 months in the H group and "
    "14.6 months in the HD group (hazard ratio 4.24; 95% CI 2.48-7.24; P < 0.01). Overall "
    "survival was significantly better in the HD group (hazard ratio 2.74; 95% CI 1.14-6.61; "
    "P = 0.03)."
)


def test_jo17360_pins_trial_hrs_and_concurrent_arm(nlp):
    ex = extract_text(nlp, JO17360)
    assert ex.trials == ["JO17360"]
    got = {(o.endpoint, o.measure, o.value): o for o in ex.outcomes}
    hr = got[("PFS", "HR", 4.24)]
    assert (hr.ci_low, hr.ci_high, hr.p, hr.arm) == (2.48, 7.24, "<0.01", None)
    assert got[("OS", "HR", 2.74)].p == "0.03"
    assert got[("PFS", "median", 14.6)].arm == "docetaxel+trastuzumab"


CALGB = (
    "Randomized phase III trial of weekly compared with every-3-weeks paclitaxel for metastatic "
    "breast cancer: final results of Cancer and Leukemia Group B protocol 9840\n\n"
    "A total of 577 patients were treated in CALGB 9840. Weekly paclitaxel was superior to "
    "paclitaxel every 3 weeks: response rate 42% v 29% (unadjusted odds ratio, 1.75; P = .0004), "
    "time to progression 9 v 5 months (adjusted hazard ratio, 1.43; P < .0001), and overall "
    "survival 24 v 12 months (adjusted hazard ratio, 1.28; P = .0092)."
)


def test_calgb_9840_pins_between_arm_ratios(nlp):
    ex = extract_text(nlp, CALGB)
    assert ex.trials == ["CALGB 9840"]
    ratios = [(o.endpoint, o.measure, o.value, o.p, o.arm) for o in ex.outcomes]
    ratios = [r[:4] for r in ratios if r[1] in ("HR", "OR") and r[4] is None]
    assert ratios == [
        ("ORR", "OR", 1.75, "0.0004"),
        ("TTP", "HR", 1.43, "<0.0001"),
        ("OS", "HR", 1.28, "0.0092"),
    ]


TRAVIOTA = (
    "Trastuzumab plus vinorelbine or taxane chemotherapy for HER2-overexpressing metastatic "
    "breast cancer: the trastuzumab and vinorelbine or taxane study (TRAVIOTA)\n\n"
    "In the randomized TRAVIOTA trial, women with HER2-overexpressing metastatic breast cancer "
    "were assigned to weekly trastuzumab plus vinorelbine (25 mg/m2 weekly) or weekly trastuzumab "
    "plus a taxane (paclitaxel 90 mg/m2 weekly or docetaxel 35 mg/m2 weekly). Median time to "
    "progression was 8.5 months in the vinorelbine arm and 6.0 months in the taxane arm "
    "(P = .09)."
)


def test_traviota_pins_trial_and_vinorelbine_arm(nlp):
    ex = extract_text(nlp, TRAVIOTA)
    assert ex.trials == ["TRAVIOTA"]
    ttp = next(o for o in ex.outcomes if o.value == 8.5)
    assert (ttp.endpoint, ttp.measure, ttp.p, ttp.arm) == (
        "TTP",
        "median",
        "0.09",
        "trastuzumab+vinorelbine",
    )


SAFEHER = (
    "Safety and tolerability of subcutaneous trastuzumab for the adjuvant treatment of HER2-"
    "positive early breast cancer: SafeHer phase III study's primary analysis of 2577 patients\n\n"
    "SafeHer (NCT01566721) is an international, single-arm, phase III study of subcutaneous "
    "trastuzumab. Patients received trastuzumab 600 mg subcutaneously every 3 weeks for 18 "
    "cycles. Of 2577 patients treated, 88.4% experienced at least one adverse event (AE), and "
    "grade ≥3 AEs occurred in 22.6%. Cardiac AEs occurred in 7.1%."
)


def test_safeher_pins_whole_population_adverse_events(nlp):
    ex = extract_text(nlp, SAFEHER)
    assert ex.trials == ["NCT01566721", "SafeHer"]
    got = [(o.endpoint, o.measure, o.value, o.arm) for o in ex.outcomes]
    assert ("AE", "incidence", 88.4, None) in got
    assert ("AE_G3", "incidence", 22.6, None) in got
    assert ("AE", "incidence", 7.1, None) in got
