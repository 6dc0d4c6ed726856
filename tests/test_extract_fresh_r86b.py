"""Round 86b: a title's reported cohort, pools of one regimen, a class restating a physician's
choice. A title "NAME cohort A: A plus B" and "40 pts were treated in cohort A" named the one
cohort reported, yet a one-regimen registry left its values null; "initially received A plus B
in cohort A" gave cohort A no regimen, so "in cohorts A and B combined" (both A plus B) was a
pool read as no arm, as was "the two T-DXd arms pooled" of a dose-arm design; "randomly
assigned to T-DM1 or physician's choice of a taxane", restated "T-DM1 or a taxane", made "a
taxane" a second, drugless arm, so "with a taxane" named none."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, arms_with, registry_of, rows_of

from her2mine.extract.arms import arm_refs
from her2mine.extract.components import _hits

MR = "margetuximab+retifanlimab"
HT = "trastuzumab+tucatinib"
TDXD = "trastuzumab deruxtecan"
TPC = "physician's choice"

MAHOGANY = (
    "MAHOGANY cohort A: Margetuximab plus retifanlimab as chemotherapy-free first-line "
    "therapy for HER2-positive, PD-L1-positive gastroesophageal adenocarcinoma\n\n"
    "Background: The MAHOGANY study cohort A evaluates margetuximab + retifanlimab (M+R) "
    "without chemotherapy in patients with HER2-positive, PD-L1-positive GEA, and cohort B "
    "evaluated margetuximab with retifanlimab or tebotelimab plus chemotherapy. Methods: "
    "Pts received margetuximab 15 mg/kg + retifanlimab 375 mg q3w. Results: As of data "
    "cutoff, 40 pts were treated in cohort A; Confirmed ORR was 53% (95% CI 36.1-68.5), "
    "DCR 73%, and median DOR was 10.3 months."
)

SINGLE_ARM = (
    "Margetuximab plus retifanlimab in HER2-positive gastroesophageal adenocarcinoma: a "
    "single-arm phase 2 study\n\n"
    "Methods: Patients received margetuximab 15 mg/kg plus retifanlimab 375 mg every 3 weeks. "
    "Results: 40 patients were treated. The confirmed ORR was 53% and the DCR was 73%."
)

MOUNTAINEER = (
    "Tucatinib plus trastuzumab for chemotherapy-refractory, HER2-positive, RAS wild-type "
    "metastatic colorectal cancer (MOUNTAINEER): a multicentre, open-label, phase 2 study\n\n"
    "Methods: Adults with chemotherapy-refractory, HER2-positive, RAS wild-type unresectable "
    "or metastatic colorectal cancer initially received tucatinib 300 mg orally twice daily "
    "plus trastuzumab (8 mg/kg loading dose then 6 mg/kg every 21 days) in cohort A; the "
    "study was then expanded, and patients were randomly assigned (4:3) to tucatinib plus "
    "trastuzumab (cohort B) or tucatinib monotherapy (cohort C). Findings: In cohorts A and "
    "B combined, 32 of 84 patients in the response-evaluable population had a confirmed "
    "objective response (38·1%, 95% CI 27·7–49·3). The most common adverse event in cohorts "
    "A and B was diarrhoea (64%)."
)

# Cohorts of different regimens: a pool over them is the whole population's (round 85a).
MIXED_POOL = (
    "Patients were randomly assigned to tucatinib plus trastuzumab (cohort B) or tucatinib "
    "monotherapy (cohort C). In cohorts B and C combined, the objective response rate was "
    "30.2%."
)

DOSE_ARMS = (
    "Trastuzumab deruxtecan in HER2-mutant metastatic non-small cell lung cancer: a "
    "randomized, dose-optimization phase 2 trial\n\n"
    "Methods: Patients were randomly assigned (2:1) to trastuzumab deruxtecan 5.4 mg/kg "
    "(T-DXd 5.4 arm) or 6.4 mg/kg (T-DXd 6.4 arm) every 3 weeks, or to docetaxel 75 mg/m2 "
    "(docetaxel arm). Results: The confirmed objective response rate was 49.0% in the T-DXd "
    "5.4 arm and 56.0% in the T-DXd 6.4 arm. Drug-related interstitial lung disease occurred "
    "in 12.9% of patients in the two T-DXd arms pooled."
)

GATSBY = (
    "Trastuzumab emtansine versus taxane use for previously treated HER2-positive locally "
    "advanced or metastatic gastric or gastro-oesophageal junction adenocarcinoma (GATSBY): "
    "an international randomised, open-label, adaptive, phase 2/3 study\n\n"
    "Methods: In this study, patients were initially randomly assigned (2:2:1) to "
    "trastuzumab emtansine 3·6 mg/kg every 3 weeks, trastuzumab emtansine 2·4 mg/kg weekly, "
    "or physician's choice of a taxane (docetaxel 75 mg/m² every 3 weeks or paclitaxel 80 "
    "mg/m² weekly). After an independent data monitoring committee selected the dose, "
    "patients were randomly assigned (2:1) to trastuzumab emtansine 2·4 mg/kg weekly or a "
    "taxane. Findings: Median overall survival was 7·9 months (95% CI 6·7–9·5) with "
    "trastuzumab emtansine and 8·6 months (7·1–11·2) with a taxane (hazard ratio 1·15, 95% CI "
    "0·87–1·51, one-sided p=0·86). Median progression-free survival was 2·7 months (1·6–2·7) "
    "and 2·9 months (2·8–4·0), respectively (hazard ratio 1·13, 0·89–1·43). Grade 3 or worse "
    "adverse events were reported in 60% of patients in the trastuzumab emtansine group and "
    "70% of those in the taxane group; the most common were anaemia (26% vs 18%), "
    "neutropenia (4% vs 39%), and thrombocytopenia (11% vs 1%)."
)

# A drugless class arm beside a drug arm, no physician's choice: the class arm stays its own.
CLASS_ONLY = (
    "Patients were randomly assigned to trastuzumab emtansine or a taxane. Median overall "
    "survival was 7.9 months with trastuzumab emtansine and 8.6 months with a taxane."
)


def test_title_cohort_label_names_the_arm(nlp):
    """ "MAHOGANY cohort A: Margetuximab plus retifanlimab": cohort A labels the arm."""
    reg = registry_of(nlp, MAHOGANY)
    assert [(a.name, sorted(a.labels)) for a in reg.arms] == [(MR, ["a"])]


def test_reported_cohort_values_carry_its_regimen(nlp):
    """ "40 pts were treated in cohort A; Confirmed ORR was 53% ..., DCR 73%": cohort A's."""
    rows = rows_of(nlp, MAHOGANY, ARM_ROW)
    assert arms_with(rows, 53.0) == [MR]
    assert arms_with(rows, 73.0) == [MR]


def test_single_arm_study_without_cohorts_stays_null(nlp):
    """Negative: one regimen and no cohort: whole-population values have no arm."""
    rows = rows_of(nlp, SINGLE_ARM, ARM_ROW)
    assert arms_with(rows, 53.0) == [None]
    assert arms_with(rows, 73.0) == [None]


def test_received_in_cohort_labels_the_arm(nlp):
    """ "initially received tucatinib ... plus trastuzumab (...) in cohort A": cohort A is the
    tucatinib plus trastuzumab arm, beside the design's cohort B."""
    reg = registry_of(nlp, MOUNTAINEER)
    assert reg.by_label("a") == HT
    assert reg.by_label("b") == HT
    assert reg.by_label("c") == "tucatinib"


def test_pool_of_cohorts_of_one_regimen_is_that_regimen(nlp):
    """ "In cohorts A and B combined ... (38·1%)", "in cohorts A and B was diarrhoea (64%)":
    both cohorts carry tucatinib plus trastuzumab."""
    rows = rows_of(nlp, MOUNTAINEER, ARM_ROW)
    assert arm_of(rows, 38.1) == HT
    assert arm_of(rows, 64.0) == HT


def test_pool_of_cohorts_of_different_regimens_stays_null(nlp):
    """Negative: "In cohorts B and C combined" pools two regimens: no arm."""
    assert arm_of(rows_of(nlp, MIXED_POOL, ARM_ROW), 30.2) is None


def test_pool_of_dose_arms_is_their_regimen(nlp):
    """ "in the two T-DXd arms pooled": both dose arms carry trastuzumab deruxtecan."""
    rows = rows_of(nlp, DOSE_ARMS, ARM_ROW)
    assert arm_of(rows, 12.9) == TDXD
    assert arm_of(rows, 49.0) == TDXD


def test_class_restating_physicians_choice_is_that_arm(nlp):
    """ "physician's choice of a taxane", restated "or a taxane": "with a taxane" and "the
    taxane group" are the physician's-choice arm."""
    rows = rows_of(nlp, GATSBY, ARM_ROW)
    assert arm_of(rows, 8.6) == TPC
    assert arm_of(rows, 2.9) == TPC
    assert arm_of(rows, 70.0) == TPC
    assert arm_of(rows, 39.0) == TPC
    assert arm_of(rows, 7.9) == "trastuzumab emtansine"
    assert arm_of(rows, 4.0) == "trastuzumab emtansine"


def test_restated_class_leaves_no_drugless_arm(nlp):
    """The restated "a taxane" adds no arm beside the physician's choice."""
    names = [a.name for a in registry_of(nlp, GATSBY).arms]
    # (the two first-stage doses of trastuzumab emtansine are two arms of it: round 88a)
    assert names == ["trastuzumab emtansine", "trastuzumab emtansine", TPC]


def test_class_arm_without_physicians_choice_is_kept(nlp):
    """Negative: with no physician's-choice arm, "a taxane" stays its own drugless arm."""
    text = CLASS_ONLY
    reg = registry_of(nlp, text)
    assert [a.name for a in reg.arms] == ["trastuzumab emtansine", None]
    state = nlp(text)._.her2
    s = text.index("Median")
    refs = arm_refs(text, s, len(text), _hits(state, "drugs"), reg)
    assert TPC not in [r.arm for r in refs]


def test_two_values_over_labels_of_one_arm_each_keep_it(nlp):
    """Negative: "40% and 45% in arms A and B" (dose arms of one regimen): two values, each
    its arm's, not one pool."""
    text = (
        "Patients were randomly assigned to trastuzumab deruxtecan 5.4 mg/kg (arm A) or "
        "trastuzumab deruxtecan 6.4 mg/kg (arm B). Pneumonitis occurred in 10% and 13% of "
        "patients in arms A and B."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, 10.0), arm_of(rows, 13.0)] == [TDXD, TDXD]
