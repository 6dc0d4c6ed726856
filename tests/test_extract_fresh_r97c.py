"""Fresh round 97c: intergroup trial ids, trials named by the lexicon or a study group, a subset
of a lettered group, a value of the whole population of a dose-randomised design.

1. "(EORTC 75111-10114): an open-label, randomised, phase 2 trial" gave "EORTC 75111": an
   intergroup id of two five-digit numbers is read whole.
2. "as established in ToGA" (ToGA was no lexicon trial) and "...: The M77001 Study Group" (a
   sponsor's study number naming its study group, capitals and all) found no trial.
3. PHERGain-like: "in 1·0% of PET responders in group B who did not receive chemotherapy" had no
   arm: a subset of a group keeps the group's regimen.
4. "The overall tpCR rate of all patients was 63.7%" after two randomised doses of one regimen
   had no arm: the whole population pools every group of that regimen (round 96c's pooled
   reading, extended)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of, trials_in


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}


# 1. Intergroup ids ------------------------------------------------------------------------


def test_intergroup_id_in_title_bracket_is_read_whole():
    text = (
        "Dose-dense versus standard chemotherapy with trastuzumab in older patients with "
        "HER2-positive breast cancer (EORTC 75111-10114): an open-label, randomised, phase 2 "
        "trial\n\nBackground: Older patients are under-represented in trials."
    )
    assert trials_in(text) == ["EORTC 75111-10114"]


def test_intergroup_id_in_running_text_is_read_whole():
    text = (
        "Radiotherapy after surgery\n\nIn the EORTC 22922-10925 trial, internal mammary and "
        "medial supraclavicular irradiation improved disease-free survival. Patients in EORTC "
        "10994 received anthracyclines."
    )
    assert trials_in(text) == ["EORTC 22922-10925", "EORTC 10994"]


def test_group_ids_with_short_suffixes_are_unchanged():
    """Guard: "BIG 1-06" and "GEICAM 2003-02" keep their two-digit suffix; a performance score
    ("ECOG 0-1") and a year range after a group name are no trial ids."""
    text = (
        "Background\n\nThe ALTTO (BIG 2-06) and GEICAM 2003-02 trials enrolled patients with an "
        "ECOG 0-1 performance status. The EORTC 10994 trial ran from 2001-2009."
    )
    assert trials_in(text) == ["ALTTO", "BIG 2-06", "GEICAM 2003-02", "EORTC 10994"]


# 2. Lexicon trials and study groups ---------------------------------------------------------


def test_toga_named_in_running_text_of_a_consensus_abstract():
    text = (
        "Consensus on HER2-positive gastro-oesophageal and breast cancer\n\nThe panel agreed "
        "that trastuzumab combined with fluoropyrimidine and platinum chemotherapy, as "
        "established in ToGA, remains standard first-line therapy."
    )
    assert trials_in(text) == ["ToGA"]


def test_m77001_study_group_in_title():
    text = (
        "Randomized Phase II Trial of the Efficacy and Safety of Trastuzumab Combined With "
        "Docetaxel in Patients With Human Epidermal Growth Factor Receptor 2-Positive "
        "Metastatic Breast Cancer Administered As First-Line Treatment: The M77001 Study "
        "Group\n\nPurpose: To compare trastuzumab plus docetaxel with docetaxel alone."
    )
    assert trials_in(text) == ["M77001"]


def test_sponsor_study_number_before_study_group_names_the_trial():
    """A study number the lexicon lacks: the "The <number> Study Group" reader names it."""
    text = (
        "Adjuvant Trastuzumab After Chemotherapy in HER2-Positive Breast Cancer: The BO16348 "
        "Study Group\n\nPurpose: We report the final analysis."
    )
    assert trials_in(text) == ["BO16348"]


def test_study_group_number_in_body_on_behalf_line():
    text = (
        "Trastuzumab plus docetaxel in metastatic disease\n\nMethods: On behalf of the "
        "BO16216 Study Group, investigators enrolled 207 women with HER2-positive disease."
    )
    assert trials_in(text) == ["BO16216"]


def test_drug_code_or_group_acronym_before_study_group_is_no_trial():
    """Guard: lapatinib's code (the drug lexicon knows it) and a cooperative group's acronym
    before "Study Group" name the drug studied and the group, not a trial."""
    drug = (
        "Lapatinib monotherapy in advanced breast cancer: The GW572016 Study Group\n\n"
        "Purpose: To assess the activity of oral lapatinib."
    )
    group = (
        "Weekly paclitaxel with trastuzumab\n\nMethods: The GONO Study Group enrolled 60 "
        "women with HER2-positive metastatic disease."
    )
    assert trials_in(drug) == []
    assert trials_in(group) == []


# 3. A subset of a lettered group --------------------------------------------------------------

PHERGAIN = (
    "Chemotherapy de-escalation using an 18F-FDG-PET-based response-adapted strategy in "
    "HER2-positive early breast cancer: a multicentre, randomised, open-label, phase 2 trial\n\n"
    "Methods: Patients were randomly assigned (1:4) to receive docetaxel, carboplatin, "
    "trastuzumab, and pertuzumab (group A) or trastuzumab and pertuzumab (group B). Patients in "
    "group B were assessed by PET after two cycles: responders continued trastuzumab and "
    "pertuzumab for six cycles, whereas non-responders switched to docetaxel, carboplatin, "
    "trastuzumab and pertuzumab.\nFindings: Grade 3 or worse adverse events were reported in "
    "61·8% of patients in group A and in {SUBSET} in group B who did not receive chemotherapy."
)
TCHP = "carboplatin+docetaxel+pertuzumab+trastuzumab"
HP = "pertuzumab+trastuzumab"


def _phergain(subset: str) -> str:
    return PHERGAIN.replace("{SUBSET}", subset)


def test_share_of_pet_responders_in_group_b_is_group_bs(nlp):
    assert _arms(nlp, _phergain("1·0% of PET responders")) == {61.8: TCHP, 1.0: HP}


def test_share_of_hyphenated_responders_in_the_group_is_group_bs(nlp):
    assert _arms(nlp, _phergain("1.0% of the PET-responders")) == {61.8: TCHP, 1.0: HP}


def test_share_of_early_responders_without_qualifier_words(nlp):
    assert _arms(nlp, _phergain("1.0% of responders")) == {61.8: TCHP, 1.0: HP}
    assert _arms(nlp, _phergain("1.0% of early metabolic responders"))[1.0] == HP


def test_responder_groups_compared_without_a_group_keep_no_arm(nlp):
    """Guard: responders compared with non-responders, no group named, compare response
    groups, not arms."""
    text = PHERGAIN.split("\nFindings:")[0] + (
        "\nFindings: The pCR rate was 35.7% in PET responders compared with 19.8% in "
        "non-responders."
    )
    assert _arms(nlp, text) == {35.7: None, 19.8: None}


# 4. The whole population of a dose-randomised design -----------------------------------------

DOSES = (
    "Neoadjuvant pyrotinib at two doses plus trastuzumab and docetaxel in HER2-positive early "
    "breast cancer: a randomised phase 2 trial\n\n"
    "Methods: Patients were randomly assigned (1:1) to receive pyrotinib 320 mg or 400 mg once "
    "daily plus trastuzumab and docetaxel every 3 weeks for four cycles before surgery.\n"
    "Results: A total of 80 patients were enrolled. {POOLED} The tpCR rate was 60.0% in the "
    "320 mg group and 67.5% in the 400 mg group."
)
PYR = "docetaxel+pyrotinib+trastuzumab"


def test_overall_rate_of_all_patients_carries_the_one_regimen(nlp):
    text = DOSES.replace("{POOLED}", "The overall tpCR rate of all patients was 63.7%.")
    assert _arms(nlp, text) == {63.7: PYR, 60.0: PYR, 67.5: PYR}


def test_rate_in_the_whole_population_after_the_value(nlp):
    text = DOSES.replace("{POOLED}", "The tpCR rate was 63.7% in the whole population.")
    assert _arms(nlp, text)[63.7] == PYR


def test_leading_entire_study_population_phrase(nlp):
    text = DOSES.replace("{POOLED}", "In the entire study population, the tpCR rate was 63.7%.")
    assert _arms(nlp, text)[63.7] == PYR


def test_all_patients_over_two_regimens_keeps_no_arm(nlp):
    """Guard: over groups of different regimens the pooled value names none."""
    text = (
        "Neoadjuvant pyrotinib plus trastuzumab and docetaxel: a randomised phase 2 trial\n\n"
        "Methods: Patients were randomly assigned (1:1) to pyrotinib plus trastuzumab and "
        "docetaxel or to placebo plus trastuzumab and docetaxel.\nResults: The tpCR rate of "
        "all patients was 55.0%. The tpCR rate was 68.8% with pyrotinib and 41.3% with placebo."
    )
    assert _arms(nlp, text)[55.0] is None


def test_subset_of_all_patients_is_not_read_as_the_whole_population(nlp):
    """Guard: "all patients with ..." is a subset, not the phrase this round reads."""
    text = DOSES.replace(
        "{POOLED}",
        "The tpCR rate of all patients with hormone receptor-negative disease was 71.0%.",
    )
    assert _arms(nlp, text)[71.0] is None
