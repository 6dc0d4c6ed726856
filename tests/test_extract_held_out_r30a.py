"""Held-out round 30 (a): HER2-positive tumours other than breast cancer (gastric, lung,
colorectal), which a PubMed search for HER2 drugs returns beside the breast trials. KEYNOTE-811
(Janjigian 2021): "pembrolizumab or placebo, plus trastuzumab and investigator's choice of
fluorouracil plus cisplatin or capecitabine plus oxaliplatin" put all four chemotherapy options
into both arms, and a median after "(range, 1.1+ to 16.5+)" lost its value. DESTINY-Lung02 (Goto
2023): "not estimable [NE]" read its short form as a second median. Gastric and colorectal
backbones (CAPOX/XELOX, FOLFOX, SOX, XP; oxaliplatin, leucovorin, S-1) were not in the lexicon.
ToGA, DESTINY-Gastric01, DESTINY-CRC01 and HERACLES were already read right and are pinned."""

from __future__ import annotations

from extract_helpers import ARM_ROW, CI_ROW, FULL_ROW, arms_of, extract_text, registry_of, rows_of

KEYNOTE811 = (
    "The KEYNOTE-811 trial of dual PD-1 and HER2 blockade in HER2-positive gastric cancer\n\n"
    "Here we report the results of a prespecified first interim analysis of the randomized, "
    "double-blind, placebo-controlled, phase 3 KEYNOTE-811 trial (NCT03615326). Patients with "
    "previously untreated, HER2-positive metastatic gastric or gastro-oesophageal junction "
    "adenocarcinoma were randomly assigned 1:1 to pembrolizumab 200 mg or placebo every 3 weeks, "
    "plus trastuzumab and investigator's choice of fluorouracil plus cisplatin (FP) or "
    "capecitabine plus oxaliplatin (CAPOX). At the first interim analysis, the objective response "
    "rate was 74.4% (95% CI, 66.2-81.6) in the pembrolizumab group versus 51.9% (95% CI, "
    "43.0-60.7) in the placebo group, an estimated difference of 22.7 percentage points (95% CI, "
    "11.2-33.7; P = .00006). Complete responses occurred in 11.3% versus 3.1% of participants. "
    "Median duration of response was 10.6 months (range, 1.1+ to 16.5+) with pembrolizumab and "
    "9.5 months (range, 1.4+ to 15.4+) with placebo. Grade 3 or higher treatment-related adverse "
    "events occurred in 57.1% of participants in the pembrolizumab group and 57.4% in the placebo "
    "group."
)
PT = "pembrolizumab+trastuzumab"


def test_investigators_choice_joined_to_a_partner_is_no_arm_drug(nlp):
    """ "X or placebo, plus trastuzumab and investigator's choice of A plus B or C plus D": the
    chemotherapy is chosen per patient, so the arms are X+trastuzumab and trastuzumab."""
    assert [a.name for a in registry_of(nlp, KEYNOTE811).arms] == [PT, "trastuzumab"]
    arms = arms_of(nlp, KEYNOTE811)
    assert arms[74.4] == arms[57.1] == PT
    assert arms[51.9] == arms[57.4] == "trastuzumab"


def test_keynote811_drugs_trials_and_response_rates_are_pinned(nlp):
    ex = extract_text(nlp, KEYNOTE811)
    assert ex.drugs == [
        "capecitabine",
        "cisplatin",
        "fluorouracil",
        "oxaliplatin",
        "pembrolizumab",
        "trastuzumab",
    ]
    assert ex.trials == ["KEYNOTE-811", "NCT03615326"]
    rows = rows_of(nlp, KEYNOTE811, FULL_ROW)
    assert ("ORR", "rate", 74.4, 66.2, 81.6, "0.00006", PT) in rows
    # a difference in percentage points and complete-response shares are no contract values
    assert not {22.7, 11.3, 3.1} & {r.value for r in rows}


def test_median_after_an_earlier_medians_range_bracket_is_kept(nlp):
    """ "10.6 months (range, 1.1+ to 16.5+) with X and 9.5 months (range, ...) with Y": the
    range belongs to the first median; the second is still a median (it was dropped)."""
    rows = [r for r in rows_of(nlp, KEYNOTE811, ARM_ROW) if r.endpoint == "DOR"]
    assert rows == [("DOR", "median", 10.6, PT), ("DOR", "median", 9.5, "trastuzumab")]


def test_range_outside_a_value_bracket_still_blocks_a_median(nlp):
    """Negative: a range word not in a bracket after a value still makes the time no median."""
    text = (
        "Pembrolizumab in gastric cancer\n\n"
        "Patients received pembrolizumab. The median duration of response was 10.6 months, and "
        "the duration of response ranged up to 16.5 months."
    )
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [10.6]


def test_physicians_choice_arm_of_its_own_keeps_its_options(nlp):
    """Negative: "X or physician's choice of A or B" is an arm of its own (DESTINY-Gastric01),
    not a partner of X."""
    reg = registry_of(nlp, DESTINY_GASTRIC01)
    assert [(a.name, sorted(a.options)) for a in reg.arms] == [
        ("trastuzumab deruxtecan", []),
        ("physician's choice", ["irinotecan", "paclitaxel"]),
    ]


DESTINY_LUNG02 = (
    "Trastuzumab Deruxtecan in Patients With HER2-Mutant Metastatic Non-Small-Cell Lung Cancer: "
    "Primary Results From the Randomized, Phase II DESTINY-Lung02 Trial\n\n"
    "PURPOSE Trastuzumab deruxtecan (T-DXd) showed efficacy at 6.4 mg/kg in patients with HER2 "
    "(ERBB2)-mutant metastatic non-small-cell lung cancer (NSCLC) in DESTINY-Lung01. "
    "METHODS In this multicenter, phase II trial (ClinicalTrials.gov identifier: NCT04644237), "
    "patients with HER2-mutant metastatic NSCLC were randomly assigned 2:1 to receive T-DXd 5.4 "
    "or 6.4 mg/kg once every 3 weeks. The primary end point was confirmed objective response rate "
    "(ORR) by blinded independent central review.\n"
    "RESULTS Confirmed ORR was 49.0% (95% CI, 39.0 to 59.1) in the 5.4 mg/kg arm and 56.0% (95% "
    "CI, 41.3 to 70.0) in the 6.4 mg/kg arm. Median duration of response was 16.8 months (95% CI, "
    "6.4 to not estimable [NE]) and NE (95% CI, 8.3 to NE), respectively. Median progression-free "
    "survival was 9.9 months (95% CI, 7.4 to NE) with 5.4 mg/kg and 15.4 months (95% CI, 8.3 to "
    "NE) with 6.4 mg/kg. Adjudicated drug-related ILD occurred in 12.9% of patients receiving 5.4 "
    "mg/kg and 28.0% of those receiving 6.4 mg/kg; most events were low grade."
)


def test_short_form_of_not_estimable_is_no_second_median(nlp):
    """ "(95% CI, 6.4 to not estimable [NE]) and NE (...)": "[NE]" is the short form of the
    bound before it; the medians are 16.8 and NE (before, a third, empty median)."""
    rows = [r for r in rows_of(nlp, DESTINY_LUNG02, CI_ROW) if r.endpoint == "DOR"]
    assert [r[2:5] for r in rows] == [(16.8, 6.4, None), (None, 8.3, None)]


def test_not_reached_with_its_short_form_is_one_median(nlp):
    """Pinning: "not reached (NR)" is one median, as before."""
    text = (
        "Trastuzumab versus lapatinib\n\n"
        "Patients were randomly assigned to trastuzumab or lapatinib. Median overall survival was "
        "not reached (NR) with trastuzumab and 20.1 months with lapatinib."
    )
    assert arms_of(nlp, text) == {None: "trastuzumab", 20.1: "lapatinib"}


def test_dose_arms_of_one_drug_carry_the_regimen(nlp):
    """Randomised arms that differ only by dose ("5.4 mg/kg arm") carry their regimen, as
    duration arms and biosimilar twins do (round 43b; before, null as dose cohorts); nothing
    becomes a drug."""
    ex = extract_text(nlp, DESTINY_LUNG02)
    assert ex.drugs == ["trastuzumab deruxtecan"]
    assert ex.trials == ["DESTINY-Lung01", "DESTINY-Lung02", "NCT04644237"]
    rows = rows_of(nlp, DESTINY_LUNG02, FULL_ROW)
    t_dxd = "trastuzumab deruxtecan"
    assert ("ORR", "rate", 49.0, 39.0, 59.1, None, t_dxd) in rows
    assert ("ORR", "rate", 56.0, 41.3, 70.0, None, t_dxd) in rows
    assert ("PFS", "median", 15.4, 8.3, None, None, t_dxd) in rows
    assert [(r.value, r.arm) for r in rows if r.endpoint == "ILD"] == [(12.9, t_dxd), (28.0, t_dxd)]


GASTRIC_BACKBONES = (
    "Trastuzumab with SOX or XELOX in HER2-positive gastric cancer\n\n"
    "Patients were randomly assigned to trastuzumab plus SOX or trastuzumab plus XELOX. The "
    "objective response rate was 60% with trastuzumab plus SOX and 40% with trastuzumab plus "
    "XELOX. In the single-arm mFOLFOX6 cohort, the ORR was 30%."
)


def test_gastric_backbone_short_forms_are_regimens(nlp):
    """CAPOX/XELOX, SOX and (m)FOLFOX are regimens with their components (as FEC is)."""
    ex = extract_text(nlp, GASTRIC_BACKBONES)
    assert ex.drugs == [
        "capecitabine",
        "fluorouracil",
        "leucovorin",
        "oxaliplatin",
        "tegafur/gimeracil/oteracil",
        "trastuzumab",
    ]
    arms = arms_of(nlp, GASTRIC_BACKBONES)
    assert arms[60.0] == "oxaliplatin+tegafur/gimeracil/oteracil+trastuzumab"
    assert arms[40.0] == "capecitabine+oxaliplatin+trastuzumab"


def test_gene_names_like_backbone_short_forms_are_no_drugs(nlp):
    """Negative: SOX2/SOX9 (genes) and ERBB2/KRAS are no drugs or trials."""
    text = (
        "SOX2 in HER2-positive gastric cancer\n\n"
        "SOX2 and SOX9 expression, ERBB2 amplification and KRAS status were measured. Patients "
        "with high SOX2 had an objective response rate of 30%."
    )
    ex = extract_text(nlp, text)
    assert ex.drugs == [] and ex.trials == []


TOGA = (
    "Trastuzumab in combination with chemotherapy versus chemotherapy alone for treatment of "
    "HER2-positive advanced gastric or gastro-oesophageal junction cancer (ToGA): a phase 3, "
    "open-label, randomised controlled trial\n\n"
    "Methods: ToGA was an open-label, international, phase 3, randomised controlled trial. "
    "Participants were randomly assigned in a 1:1 ratio to receive a chemotherapy regimen "
    "consisting of capecitabine plus cisplatin or fluorouracil plus cisplatin given every 3 weeks "
    "for six cycles or chemotherapy in combination with intravenous trastuzumab. This trial is "
    "registered with ClinicalTrials.gov, number NCT01041404. Findings: Median overall survival "
    "was 13·8 months (95% CI 12–16) in those assigned to trastuzumab plus chemotherapy compared "
    "with 11·1 months (10–13) in those assigned to chemotherapy alone (hazard ratio 0·74; 95% CI "
    "0·60–0·91; p=0·0046). Rates of overall grade 3 or 4 adverse events (201 [68%] vs 198 [68%]) "
    "did not differ between groups."
)


def test_toga_is_pinned(nlp):
    """Pinning: the defined chemotherapy's shared drug (cisplatin; the fluoropyrimidine chosen
    per patient left out) is both arms' backbone (rounds 95a, 96b: the title's drugless
    "chemotherapy alone" arm is the defined backbone arm)."""
    ex = extract_text(nlp, TOGA)
    assert ex.trials == ["NCT01041404", "ToGA"]
    assert ex.drugs == ["capecitabine", "cisplatin", "fluorouracil", "trastuzumab"]
    rows = rows_of(nlp, TOGA, FULL_ROW)
    assert ("OS", "median", 13.8, 12.0, 16.0, None, "cisplatin+trastuzumab") in rows
    assert ("OS", "median", 11.1, 10.0, 13.0, None, "cisplatin") in rows
    assert ("OS", "HR", 0.74, 0.6, 0.91, "0.0046", None) in rows
    assert [(r.endpoint, r.arm) for r in rows if r.value == 68.0] == [
        ("AE_G3", "cisplatin+trastuzumab"),
        ("AE_G3", "cisplatin"),
    ]


DESTINY_GASTRIC01 = (
    "Trastuzumab Deruxtecan in Previously Treated HER2-Positive Gastric Cancer\n\n"
    "METHODS\nPatients with disease progression while receiving at least two previous therapies, "
    "including trastuzumab, were randomly assigned in a 2:1 ratio to receive trastuzumab "
    "deruxtecan (6.4 mg per kilogram of body weight every 3 weeks) or physician's choice of "
    "chemotherapy (irinotecan or paclitaxel monotherapy).\nRESULTS\nAn objective response was "
    "reported in 51% of the patients in the trastuzumab deruxtecan group, as compared with 14% of "
    "those in the physician's choice group (P<0.001). Overall survival was longer with "
    "trastuzumab deruxtecan than with chemotherapy (median, 12.5 vs. 8.4 months; hazard ratio for "
    "death, 0.59; 95% confidence interval, 0.39 to 0.88; P=0.01). (Funded by Daiichi Sankyo; "
    "DESTINY-Gastric01 ClinicalTrials.gov number, NCT03329690.)"
)


def test_destiny_gastric01_is_pinned(nlp):
    ex = extract_text(nlp, DESTINY_GASTRIC01)
    assert ex.trials == ["DESTINY-Gastric01", "NCT03329690"]
    rows = rows_of(nlp, DESTINY_GASTRIC01, FULL_ROW)
    assert ("ORR", "rate", 51.0, None, None, "<0.001", "trastuzumab deruxtecan") in rows
    assert ("ORR", "rate", 14.0, None, None, "<0.001", "physician's choice") in rows
    assert ("OS", "median", 8.4, None, None, None, "physician's choice") in rows
    assert ("OS", "HR", 0.59, 0.39, 0.88, "0.01", None) in rows


DESTINY_CRC01 = (
    "Trastuzumab deruxtecan (DS-8201) in patients with HER2-expressing metastatic colorectal "
    "cancer (DESTINY-CRC01): a multicentre, open-label, phase 2 trial\n\n"
    "Methods\nEligible patients had unresectable, RAS wild-type, HER2-expressing metastatic "
    "colorectal cancer. Patients received trastuzumab deruxtecan 6·4 mg/kg intravenously every 3 "
    "weeks and were assigned to one of three cohorts: cohort A (HER2-positive, defined as "
    "immunohistochemistry [IHC] 3+ or IHC 2+ and in-situ hybridisation [ISH]-positive), cohort B "
    "(IHC 2+ and ISH-negative), or cohort C (IHC 1+). This trial is registered with "
    "ClinicalTrials.gov, NCT03384940.\nFindings\n78 patients were enrolled (53 in cohort A, seven "
    "in cohort B, and 18 in cohort C). An objective response was reported in 24 of 53 patients "
    "(45·3%, 95% CI 31·6–59·6) in cohort A. Median progression-free survival in cohort A was 6·9 "
    "months (95% CI 4·1–not evaluable). Interstitial lung disease or pneumonitis occurred in "
    "five (6%) of 78 patients."
)


def test_destiny_crc01_biomarker_cohorts_are_pinned(nlp):
    """Pinning: cohorts defined by HER2 status are no arms and IHC/ISH/RAS words no drugs."""
    ex = extract_text(nlp, DESTINY_CRC01)
    assert ex.drugs == ["trastuzumab deruxtecan"]
    assert ex.trials == ["DESTINY-CRC01", "NCT03384940"]
    assert rows_of(nlp, DESTINY_CRC01, FULL_ROW) == [
        ("ORR", "rate", 45.3, 31.6, 59.6, None, None),
        ("PFS", "median", 6.9, 4.1, None, None, None),
        ("ILD", "incidence", 6.0, None, None, None, None),
    ]


HERACLES = (
    "Dual-targeted therapy with trastuzumab and lapatinib in treatment-refractory, KRAS codon "
    "12/13 wild-type, HER2-positive metastatic colorectal cancer (HERACLES): a proof-of-concept, "
    "multicentre, open-label, phase 2 trial\n\n"
    "Methods: Patients with KRAS exon 2 (codons 12 and 13) wild-type, HER2-positive metastatic "
    "colorectal cancer received intravenous trastuzumab 4 mg/kg loading dose followed by 2 mg/kg "
    "once per week and oral lapatinib 1000 mg per day. This trial is registered with EudraCT, "
    "number 2012-002128-33. Findings: 914 patients were screened and 48 (5%) had HER2-positive "
    "tumours. Eight (30%, 95% CI 14–50) of 27 patients achieved an objective response. Grade 3 "
    "adverse events were observed in six (22%) of 27 patients."
)


def test_heracles_is_pinned(nlp):
    """Pinning: KRAS and exon/codon numbers are no drugs or values; the share of screened
    patients with HER2-positive tumours is no rate."""
    ex = extract_text(nlp, HERACLES)
    assert ex.drugs == ["lapatinib", "trastuzumab"]
    assert ex.trials == ["EudraCT 2012-002128-33", "HERACLES"]
    assert rows_of(nlp, HERACLES, FULL_ROW) == [
        ("ORR", "rate", 30.0, 14.0, 50.0, None, None),
        ("AE_G3", "incidence", 22.0, None, None, None, None),
    ]
