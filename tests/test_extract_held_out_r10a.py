"""Held-out round 10 (a): arm-attribution gaps seen in real abstracts (a population-based
comparison with "untreated women", DESTINY-Breast09's undefined "T-DXd + P", the PHranceSCa
cross-over "during P + H IV", EORTC 75111's "metronomic chemotherapy group", PATINA's poster
labels after a regimen that names no drug). Each test checks one reading that went wrong."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

from her2mine.extract.arms import ArmRegistry

UNTREATED = (
    "Adjuvant trastuzumab in small node-negative HER2-positive breast cancer: a cohort study\n\n"
    "Methods: We identified 1,112 women with pT1a/b, node-negative, HER2-positive breast "
    "cancer; 618 received adjuvant trastuzumab with chemotherapy and 494 received no adjuvant "
    "anti-HER2 therapy. Results: The 5-year IDFS was 96.3% in trastuzumab-treated women and "
    "88.5% in untreated women (HR 0.38, 95% CI 0.22-0.66; P < 0.001). The 5-year overall "
    "survival was 98.1% in trastuzumab-treated patients and 95.2% in untreated patients "
    "(P = 0.02)."
)

DB09 = (
    "Trastuzumab deruxtecan plus pertuzumab versus taxane, trastuzumab and pertuzumab: "
    "DESTINY-Breast09\n\n"
    "Methods: 1157 patients were randomized 1:1:1 to T-DXd + P, T-DXd + placebo, or THP. "
    "Results: Median PFS was 40.7 months with T-DXd + P and 26.9 months with THP (HR 0.56, "
    "95% CI 0.44-0.71; P < 0.00001). The confirmed objective response rate was 85.1% with "
    "T-DXd + P versus 78.6% with THP."
)

PHRANCESCA = (
    "Patient preference for the subcutaneous fixed-dose combination of pertuzumab and "
    "trastuzumab (PHranceSCa)\n\n"
    "Background: PHranceSCa assessed patient preference for PH FDC SC or intravenous "
    "pertuzumab and trastuzumab (P + H IV). Methods: 160 patients were randomised to three "
    "cycles of P + H IV followed by three cycles of PH FDC SC, or the reverse sequence. "
    "Results: Grade 3 or higher adverse events occurred in 3.1% of patients during P + H IV "
    "and 2.5% of patients during PH FDC SC."
)

EORTC = (
    "Pertuzumab and trastuzumab with or without metronomic chemotherapy for older patients "
    "(EORTC 75111-10114)\n\n"
    "Methods: 80 patients were randomly assigned to pertuzumab plus trastuzumab alone or "
    "pertuzumab plus trastuzumab with metronomic oral cyclophosphamide. Findings: "
    "Progression-free survival at 6 months was 46.2% (95% CI 30.2-60.7) in the pertuzumab "
    "plus trastuzumab group and 73.4% (95% CI 56.6-84.6) in the metronomic chemotherapy group. "
    "Grade 3-4 adverse events occurred in 12% of patients in the metronomic chemotherapy group."
)

PATINA_SHORT = (
    "PATINA poster\n\n"
    "Patients were randomized to anti-HER2 + ET (Arm A) or palbociclib + anti-HER2 + ET "
    "(Arm B). Arm A: mPFS 29.1 mo; Arm B: mPFS 44.3 mo (HR 0.74, 95% CI 0.58-0.94). Grade 3 "
    "neutropenia occurred in 63.3% in Arm B and 2.0% in Arm A."
)

PATINA_LONG = (
    "PATINA poster\n\n"
    "Patients were randomized 1:1 to anti-HER2 therapy + endocrine therapy (Arm A) vs "
    "palbociclib + anti-HER2 therapy + endocrine therapy (Arm B). Arm A: mPFS 29.1 mo; Arm B: "
    "mPFS 44.3 mo (HR 0.74, 95% CI 0.58-0.94)."
)


def test_untreated_women_have_arm_null(nlp):
    arms = arms_of(nlp, UNTREATED)
    assert arms[96.3] == "trastuzumab"
    assert arms[88.5] is None  # was "trastuzumab"
    assert arms[98.1] == "trastuzumab"
    assert arms[95.2] is None  # was "trastuzumab"


def test_previously_untreated_patients_are_no_untreated_group(nlp):
    # "previously untreated" describes the (first-line) population, not a drugless group
    text = UNTREATED.replace("in untreated women", "in previously untreated women")
    assert arms_of(nlp, text)[88.5] == "trastuzumab"


def test_untreated_patients_in_a_two_arm_design_keep_their_arms(nlp):
    text = (
        "Pertuzumab in untreated patients\n\n"
        "Methods: 808 patients were randomly assigned to pertuzumab plus trastuzumab or "
        "placebo plus trastuzumab. Results: Among untreated patients, median PFS was 18.5 "
        "months with pertuzumab plus trastuzumab and 12.4 months with placebo plus trastuzumab."
    )
    arms = arms_of(nlp, text)
    assert arms[18.5] == "pertuzumab+trastuzumab"


def test_undefined_p_after_plus_is_pertuzumab(nlp):
    arms = arms_of(nlp, DB09)
    assert arms[40.7] == "pertuzumab+trastuzumab deruxtecan"  # was "trastuzumab deruxtecan"
    assert arms[85.1] == "pertuzumab+trastuzumab deruxtecan"
    assert arms[26.9] == "docetaxel+pertuzumab+trastuzumab"
    names = {a.name for a in registry_of(nlp, DB09).arms}
    assert "pertuzumab+trastuzumab deruxtecan" in names


def test_p_beside_paclitaxel_stays_unread(nlp):
    # a "P" in a text that names paclitaxel (or no pertuzumab) is no pertuzumab
    text = (
        "Weekly paclitaxel with trastuzumab\n\n"
        "Methods: Patients were randomized to trastuzumab + P or trastuzumab alone; P was "
        "paclitaxel 80 mg/m2 weekly, and pertuzumab was not given. Results: Median PFS was "
        "11.2 months with trastuzumab + P and 6.1 months with trastuzumab alone."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert not any(n and "pertuzumab" in n for n in names)


def test_value_during_a_crossover_period_takes_that_regimen(nlp):
    arms = arms_of(nlp, PHRANCESCA)
    assert arms[3.1] == "pertuzumab+trastuzumab"  # was null
    assert arms[2.5] == "pertuzumab/trastuzumab/hyaluronidase"  # was "pertuzumab+trastuzumab"


def test_metronomic_chemotherapy_group_is_the_arm_given_metronomic_drug(nlp):
    arms = arms_of(nlp, EORTC)
    assert arms[46.2] == "pertuzumab+trastuzumab"
    assert arms[73.4] == "cyclophosphamide+pertuzumab+trastuzumab"  # was null
    assert arms[12.0] == "cyclophosphamide+pertuzumab+trastuzumab"  # was null


def test_metronomic_in_every_arm_labels_none(nlp):
    text = (
        "Metronomic chemotherapy with HER2 blockade\n\n"
        "Methods: Patients were randomly assigned to trastuzumab with metronomic oral "
        "cyclophosphamide or lapatinib with metronomic oral capecitabine. Results: Median PFS "
        "was 7.1 months in the metronomic chemotherapy group."
    )
    reg: ArmRegistry = registry_of(nlp, text)
    assert not any("metronomic" in lb for a in reg.arms for lb in a.labels)
    assert arms_of(nlp, text)[7.1] is None


def test_undefined_arm_letter_is_not_the_lettered_arm(nlp):
    arms = arms_of(nlp, PATINA_SHORT)
    assert arms[44.3] == "palbociclib"
    assert arms[63.3] == "palbociclib"
    assert arms[29.1] is None
    assert arms[2.0] is None  # was "palbociclib"


def test_letter_after_class_only_regimen_is_its_own_drugless_arm(nlp):
    reg = registry_of(nlp, PATINA_LONG)
    assert reg.by_label("b") == "palbociclib"  # "(Arm B)" had labelled the drugless arm
    assert reg.by_label("a") is None
    arms = arms_of(nlp, PATINA_LONG)
    assert arms[44.3] == "palbociclib"  # was null
    assert arms[29.1] is None
