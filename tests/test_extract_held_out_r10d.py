"""Held-out probes, round 10d: a shared backbone whose alternatives carry their own short forms
("weekly paclitaxel with trastuzumab (TH), lapatinib (TL), or both (THL)", CALGB 40601), and a
third group listed after the two arms of a pair ("... and 27% in the dual group")."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, registry_of

CALGB_40601 = (
    "Paclitaxel Plus Trastuzumab, Lapatinib, or Both: CALGB 40601\n\n"
    "Patients with stage II to III HER2-positive breast cancer were randomly assigned to receive "
    "weekly paclitaxel with trastuzumab (TH), lapatinib (TL), or both (THL) for 16 weeks before "
    "surgery. Of 305 randomly assigned patients, the pCR rate was 56% (95% CI, 47% to 65%) with "
    "THL, 46% (95% CI, 37% to 55%) with TH, and 32% (95% CI, 22% to 44%) with TL. Grade 3 "
    "diarrhea was more frequent in the lapatinib-containing arms (TL, 20%; THL, 19%; TH, 2%)."
)
THL = "lapatinib+paclitaxel+trastuzumab"
TH = "paclitaxel+trastuzumab"
TL = "lapatinib+paclitaxel"


def test_or_both_with_short_forms_keeps_the_backbone_in_every_arm(nlp):
    arms = arms_of(nlp, CALGB_40601)
    assert arms[56.0] == THL
    assert arms[46.0] == TH
    assert arms[32.0] == TL
    assert arms[20.0] == TL
    assert arms[19.0] == THL
    assert arms[2.0] == TH


def test_or_both_defines_three_arms_each_with_its_core(nlp):
    reg = registry_of(nlp, CALGB_40601)
    assert sorted((a.name, tuple(a.core or ())) for a in reg.arms) == [
        (TL, ("lapatinib",)),
        (THL, ("lapatinib", "trastuzumab")),
        (TH, ("trastuzumab",)),
    ]


def test_or_both_without_its_own_short_form_is_still_an_arm(nlp):
    text = (
        "Neoadjuvant dual blockade\n\n"
        "Patients were randomly assigned to receive weekly paclitaxel with trastuzumab (TH), "
        "lapatinib (TL), or both for 16 weeks. The pCR rate was 56% with paclitaxel plus "
        "trastuzumab plus lapatinib, 46% with TH, and 32% with TL."
    )
    assert arms_of(nlp, text) == {56.0: THL, 46.0: TH, 32.0: TL}


def test_or_both_after_a_single_drug_defines_no_combination(nlp):
    # "trastuzumab or both (TX)": no list of two drugs before "or both", so no definition.
    text = (
        "Single agent\n\n"
        "Patients received trastuzumab (T) or both (TX) as clinically indicated. The response "
        "rate was 40% with TX."
    )
    assert arms_of(nlp, text)[40.0] is None


B41_DUAL = (
    "NSABP B-41\n\n"
    "Women were randomly assigned to receive doxorubicin plus cyclophosphamide followed by weekly "
    "paclitaxel plus trastuzumab (group 1), lapatinib (group 2), or trastuzumab plus lapatinib "
    "(group 3). Grade 3 diarrhoea occurred in 2% of patients in the trastuzumab group, 20% in "
    "the lapatinib group, and 27% in the dual group. The pCR rate was 45.8% in the trastuzumab "
    "group, rising to 63.2% in the HR-negative group."
)
AC = "cyclophosphamide+doxorubicin+"


def test_a_third_group_after_both_arms_of_a_pair_is_not_the_first_again(nlp):
    arms = arms_of(nlp, B41_DUAL)
    assert arms[2.0] == AC + "paclitaxel+trastuzumab"
    assert arms[20.0] == AC + "lapatinib+paclitaxel"
    assert arms[27.0] is None


def test_a_subgroup_after_one_arm_keeps_that_arm(nlp):
    # negative: a single arm named before; the subgroup value is that arm's
    assert arms_of(nlp, B41_DUAL)[63.2] == AC + "paclitaxel+trastuzumab"


def test_the_other_group_of_a_pair_still_gets_the_other_arm(nlp):
    # negative: only the first arm was named before, so "the combination group" after it is
    # the other arm of the pair under discussion (the new rule must not fire)
    text = (
        "Lapatinib trial\n\n"
        "Patients were randomly assigned to lapatinib plus capecitabine or capecitabine alone. "
        "Median TTP was 8.4 months with lapatinib plus capecitabine versus 4.4 months with "
        "capecitabine alone. Grade 3 diarrhoea occurred in 12% of patients in the capecitabine "
        "group and 14% in the other group."
    )
    arms = arms_of(nlp, text)
    assert arms[12.0] == "capecitabine"
    assert arms[14.0] == "capecitabine+lapatinib"


# --- lexicon data: a brain-metastasis end point outside the list, and named trials -----------

LANDSCAPE = (
    "Lapatinib plus capecitabine in patients with previously untreated brain metastases from "
    "HER2-positive metastatic breast cancer (LANDSCAPE): a single-group phase 2 study\n\n"
    "Findings: 45 patients were enrolled. Median time to progression was 5.5 months (95% CI "
    "4.3-7.1) and median time to whole-brain radiotherapy was 8.3 months."
)


def test_time_to_whole_brain_radiotherapy_is_no_time_to_progression(nlp):
    ex = extract_text(nlp, LANDSCAPE)
    assert [(o.endpoint, o.value) for o in ex.outcomes] == [("TTP", 5.5)]
    assert ex.trials == ["LANDSCAPE"]


def test_brain_metastasis_trials_in_the_lexicon(nlp):
    text = (
        "Trastuzumab deruxtecan in HER2-positive breast cancer with brain metastases: a "
        "single-arm, phase 2 trial (TUXEDO-1)\n\nAs in DEBBRAH, intracranial responses were seen."
    )
    assert extract_text(nlp, text).trials == ["DEBBRAH", "TUXEDO-1"]
