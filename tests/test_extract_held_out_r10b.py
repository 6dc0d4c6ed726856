"""Held-out round 10 (b): trial names written the many ways real abstracts write them
(cooperative-group numbers, sponsors' protocol numbers, names closing a title in brackets,
short forms, coordinated names, other registries), each checking one reading that went wrong
on them, and the assay / database / arm names that must stay unread."""

from __future__ import annotations

import pytest
from extract_helpers import extract_text, trials_in

from her2mine.extract.lexicon import load_lexicons
from her2mine.extract.trials import find_trials

# --- a name in capitals closing a title in brackets ---------------------------------------------

PRECIOUS = (
    "Pertuzumab retreatment with trastuzumab plus chemotherapy in HER2-positive advanced breast "
    "cancer previously treated with pertuzumab: a randomised phase 3 trial (PRECIOUS)\n\n"
    "Background: The Japan Breast Cancer Research Group evaluated whether pertuzumab retreatment "
    "adds benefit after prior pertuzumab.\n"
    "Results: Median progression-free survival was 5.3 months with pertuzumab and 4.2 months "
    "without (hazard ratio 0.76, 95% CI 0.55-1.06; p=0.1061)."
)


def test_a_name_in_capitals_closing_a_title_in_brackets_names_the_trial(nlp):
    assert extract_text(nlp, PRECIOUS).trials == ["PRECIOUS"]


@pytest.mark.parametrize(
    ("title", "trials"),
    [
        (
            "Trastuzumab alone versus trastuzumab plus chemotherapy for older patients with "
            "HER2-positive breast cancer (ELDERLY)",
            ["ELDERLY"],
        ),
        (
            "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer (PHOEBE)",
            ["PHOEBE"],
        ),
        # the bracket spells the words before it: an abbreviation, not a name
        ("Outcomes of adjuvant trastuzumab in triple-negative breast cancer (TNBC)", []),
        ("HER2 amplification by fluorescence in situ hybridization (FISH)", []),
        ("Survival of HER2-positive breast cancer in the National Cancer Database (NCDB)", []),
        ("Survival of HER2-positive breast cancer by age group (SEER)", []),
        # not a name in capitals (lower case, too few capitals), or not at the title's end
        ("Trastuzumab deruxtecan in HER2-low breast cancer (T-DXd)", []),
        ("HER2-enriched subtype predicts response to trastuzumab (PAM50)", []),
        ("Genomic testing in HER2-positive breast cancer (HER2DX)", []),
        ("Trastuzumab in HER2-positive breast cancer (ORBITAL) and beyond", []),
    ],
)
def test_title_bracket_tail(title, trials):
    text = title + "\n\nPatients received trastuzumab. (ABCDEF) was the last bracket."
    assert trials_in(text) == trials


def test_a_bracket_after_the_title_names_no_trial():
    text = "Trastuzumab in HER2-positive breast cancer\n\nPatients were enrolled (ORBITAL)"
    assert trials_in(text) == []


# --- sponsors' protocol numbers called a trial or study -------------------------------------------


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        ("In the randomized phase II TDM4450g study, T-DM1 was better tolerated.", ["TDM4450g"]),
        ("In the TDM4450g study, T-DM1 was better tolerated.", ["TDM4450g"]),
        ("In the phase III BO17929 trial, lapatinib was given.", ["BO17929"]),
        ("Results of the phase 1 DS8201-A-J101 study of T-DXd.", ["DS8201-A-J101"]),
        ("The pivotal open-label DS8201-A-U201 trial enrolled 184 patients.", ["DS8201-A-U201"]),
        # drug codes stay drugs, and a number the text does not call a trial names none
        ("In the phase 1 SHR6390 study, dalpiciclib was given.", []),
        ("In the randomized phase II DS-8201a study, T-DXd was given.", []),
        ("Lapatinib was given in TDM4450g to 137 patients.", []),
    ],
)
def test_protocol_numbers_after_design_words(text, trials):
    assert trials_in(text) == trials


# --- names coordinated before "trials" / "studies" ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        (
            "Adaptive designs such as the TDM4450g and BO17929 studies informed the plan.",
            ["TDM4450g", "BO17929"],
        ),
        (
            "This followed the single-arm DS8201-A-J101 and DESTINY-Breast01 studies.",
            ["DS8201-A-J101", "DESTINY-Breast01"],
        ),
        (
            "Consistent with the PHEREXA, PERNETTA, and HERNATA trials.",
            ["PHEREXA", "PERNETTA", "HERNATA"],
        ),
        # an item that is no name: none is read
        ("Consistent with the PERNETTA and adjuvant trials.", []),
        ("Consistent with the adjuvant and metastatic trials.", []),
        ("Consistent with the PFS and OS studies.", []),
    ],
)
def test_names_coordinated_before_trials(text, trials):
    assert trials_in(text) == trials


# --- a short form defined for a trial -----------------------------------------------------------
# The short form stands for the trial (its canonical is the trial's name, so the trials list
# names the trial once), where it is defined and wherever it is used later.


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        (
            "We compared T-DXd with T-DM1 in the DESTINY-Breast03 (DB-03) trial.",
            [("DESTINY-Breast03", "DESTINY-Breast03"), ("DB-03", "DESTINY-Breast03")],
        ),
        (
            "The HER2CLIMB-02 (HC-02) trial enrolled 463 patients. HC-02 met its end point; "
            "HC-02's design and HC-021 differ.",
            [
                ("HER2CLIMB-02", "HER2CLIMB-02"),
                ("HC-02", "HER2CLIMB-02"),
                ("HC-02", "HER2CLIMB-02"),
                ("HC-02", "HER2CLIMB-02"),
            ],
        ),
        # brackets that abbreviate no trial name
        ("Neoadjuvant therapy in CALGB 40601 (Alliance) was paclitaxel.", [("CALGB 40601",) * 2]),
        ("Patients in EMILIA (T-DM1) lived longer.", [("EMILIA", "EMILIA")]),
        ("Patients in NSABP B-31 (B31) lived longer.", [("NSABP B-31", "NSABP B-31")]),
    ],
)
def test_a_short_form_defined_for_a_trial(text, trials):
    found = find_trials(text, load_lexicons().trials)
    assert [(h.text, h.canonical) for h in found] == trials


def test_a_short_form_lists_its_trial_once(nlp):
    text = (
        "T-DXd in DESTINY-Breast03\n\nThe DESTINY-Breast03 (DB-03) trial compared T-DXd with "
        "T-DM1. In DB-03, T-DXd was better."
    )
    ex = extract_text(nlp, text)
    assert ex.trials == ["DESTINY-Breast03"]
    uses = [m for m in ex.mentions if m.kind == "trial" and m.text == "DB-03"]
    assert [m.canonical for m in uses] == ["DESTINY-Breast03"] * 2


# --- cooperative-group numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        ("The NeoALTTO (BIG 1-06) trial.", ["NeoALTTO", "BIG 1-06"]),
        (
            "ALTTO (BIG 2-06/NCCTG N063D) enrolled 8381 patients.",
            ["ALTTO", "BIG 2-06", "NCCTG N063D"],
        ),
        ("SAKK 22/10 and GBG 69 and NSABP B-41.", ["SAKK 22/10", "GBG 69", "NSABP B-41"]),
    ],
)
def test_cooperative_group_numbers_with_a_suffix(text, trials):
    assert trials_in(text) == trials


# --- registries and the trial lexicon -------------------------------------------------------------


def test_an_indian_registry_id():
    text = "The trial was registered as CTRI/2019/03/018123 and CTRI/2009/091/000123."
    assert trials_in(text) == ["CTRI/2019/03/018123", "CTRI/2009/091/000123"]


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        ("Neratinib graduated in the neoadjuvant I-SPY 2 platform.", ["I-SPY 2"]),
        ("Adaptive randomisation as in I-SPY2 was used.", ["I-SPY2"]),
        ("Response-guided therapy in I-SPY 2.2 was tested.", ["I-SPY 2.2"]),
        ("Paclitaxel, trastuzumab and pertuzumab in DAPHNe gave a pCR of 57%.", ["DAPHNe"]),
        ("Nine weeks of trastuzumab in Short-HER was not non-inferior.", ["Short-HER"]),
        ("Results of WSG-ADAPT HER2+/HR- were consistent.", ["WSG-ADAPT HER2+/HR-"]),
        ("Results of WSG-ADAPT-HER2+/HR\u2212 were consistent.", ["WSG-ADAPT-HER2+/HR\u2212"]),
    ],
)
def test_lexicon_names_as_written(text, trials):
    assert trials_in(text) == trials


# --- names that are no trials --------------------------------------------------------------------

NEGATIVES = (
    "Neoadjuvant paclitaxel with trastuzumab, lapatinib, or both in HER2-positive breast cancer\n\n"
    "Methods: HER2 status was confirmed by FISH (HER2/CEP17 ratio of 2.0 or more, ASCO/CAP 2018). "
    "Subtypes were assigned with PAM50 and HER2DX; ERBB2 expression was measured. Arm A received "
    "paclitaxel plus trastuzumab and Arm B received paclitaxel plus lapatinib at dose level 1 "
    "(DL1). Outcomes were compared with a SEER cohort, an NCDB series and the Flatiron database.\n"
    "Results: pCR was 46% in Arm A and 32% in Arm B (P = .13)."
)


def test_assays_databases_and_arm_labels_name_no_trial(nlp):
    assert extract_text(nlp, NEGATIVES).trials == []
